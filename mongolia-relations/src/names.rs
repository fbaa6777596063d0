//! Names and codes pasted from other datasets: the rules that turn the way the World Bank, the
//! IMF, the UN, the CIA World Factbook, COW and Gleditsch-Ward write a country's name into the
//! forms our aliases hold, and a vectorised conversion between code schemes in the manner of
//! R's countrycode and Python's country_converter, with dates for codes that change.
//!
//! The rules are code, not facts: they rewrite the input ("Korea, Rep." becomes "Republic of
//! Korea") and only a name that our cited aliases (`polity_aliases`, `polities`) or the cited
//! state lists (`polity_names`) hold resolves. No list of other datasets' names is copied here.

use crate::builder::edit_distance;
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::HashMap;

/// The code schemes of [`Dataset::countrycode`], named as countrycode names them, with the
/// `polity_codes` scheme each reads.
const SCHEMES: &[(&str, Option<&str>, &str)] = &[
    ("name", None, "a country name in any of the forms other datasets write it"),
    (
        "polity",
        None,
        "our polity code (ISO alpha-3, ISO 3166-3 for withdrawn states, or our own)",
    ),
    ("iso3c", Some("iso3"), "ISO 3166-1 alpha-3"),
    ("iso2c", Some("iso2"), "ISO 3166-1 alpha-2"),
    ("iso3n", Some("iso_numeric"), "ISO 3166-1 numeric"),
    ("cown", Some("cow"), "Correlates of War state number"),
    ("cowc", Some("cow_abbrev"), "Correlates of War state abbreviation"),
    ("gwn", Some("gw"), "Gleditsch-Ward state number"),
    ("gwc", None, "Gleditsch-Ward letter code (not ISO)"),
];

/// Abbreviations of the World Bank's and IMF's lists, spelt out (compared after folding).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("fed sts", "federated states"),
    ("dem", "democratic"),
    ("rep", "republic"),
    ("pdr", "people's democratic republic"),
    ("p d r", "people's democratic republic"),
    ("rb", "bolivarian republic"),
    ("st", "saint"),
    ("sts", "states"),
    ("is", "islands"),
    ("isl", "islands"),
    ("fed", "federal"),
    ("utd", "united"),
];

/// Words that end a form of state ("Arab Republic", "Federated States"): "X, Y" with such a Y
/// is "Y of X".
const FORMS: &[&str] = &[
    "republic",
    "kingdom",
    "states",
    "state",
    "federation",
    "emirate",
    "sultanate",
    "principality",
    "commonwealth",
    "union",
    "grand duchy",
];

/// Folds a name for comparison: lower case, Latin diacritics dropped, typographic quotes and
/// dashes as ASCII, `&` as `and`, other punctuation as space, runs of space as one.
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ş' | 'ș' | 'š' | 'ś' => "s",
            'ţ' | 'ț' | 'ť' => "t",
            'ž' | 'ź' | 'ż' => "z",
            'ğ' => "g",
            'ł' => "l",
            'đ' | 'ď' => "d",
            'ř' => "r",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            '\'' | '’' | '‘' | 'ʼ' | '`' => "'",
            '&' => " and ",
            c if c.is_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(mapped);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Spells out the abbreviations of a folded name, word by word.
fn expand(folded: &str) -> String {
    let mut text = format!(" {folded} ");
    for (short, long) in ABBREVIATIONS {
        text = text.replace(&format!(" {short} "), &format!(" {long} "));
    }
    text.trim().to_string()
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ").unwrap_or(s)
}

/// The forms a pasted name may stand in among our names, most literal first, each folded:
/// the name itself; with abbreviations spelt out ("Lao PDR"); "X, Y of" and "X (Y of)" turned
/// round ("Korea, Republic of", "Iran (Islamic Republic of)"); "X, Y" with Y a form of state as
/// "Y of X" ("Korea, Rep.", "Egypt, Arab Rep."), then X alone; "X, North" as "North X"
/// ("Korea, North"); "X, The" as "X" ("Gambia, The"); a leading "the" dropped; "A/B" as A and B.
pub(crate) fn variants(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    // Commas and parentheses carry the structure, so they are read before folding.
    let raw = name.trim();
    let mut shapes: Vec<String> = vec![raw.to_string()];
    shapes.extend(raw.split('/').map(str::to_string).filter(|_| raw.contains('/')));
    for shape in shapes {
        let (head, tail, parenthetical) = if let Some((h, t)) = shape.split_once('(') {
            (h.to_string(), t.trim_end().trim_end_matches(')').to_string(), true)
        } else if let Some((h, t)) = shape.rsplit_once(',') {
            (h.to_string(), t.to_string(), false)
        } else {
            (shape.clone(), String::new(), false)
        };
        let whole = fold(&shape);
        push(whole.clone());
        push(expand(&whole));
        push(strip_the(&expand(&whole)).to_string());
        if tail.trim().is_empty() {
            continue;
        }
        let (x, y) = (expand(&fold(&head)), expand(&fold(&tail)));
        if y == "the" {
            push(x.clone());
        } else if y.ends_with(" of") || y.ends_with(" of the") {
            push(format!("{y} {x}"));
            push(format!("{} {x}", y.trim_end_matches(" the")));
        } else if FORMS.iter().any(|f| y == *f || y.ends_with(&format!(" {f}"))) {
            push(format!("{y} of {x}"));
            push(format!("{y} of the {x}"));
            push(x.clone());
        } else if !parenthetical {
            push(format!("{y} {x}"));
        }
        if parenthetical {
            push(x.clone());
        }
    }
    out
}

/// One name's claim to a polity: undated for our aliases, dated for a state list's line.
#[derive(Clone, Debug)]
struct Entry {
    polity: String,
    from: Option<String>,
    to: Option<String>,
    curated: bool,
}

/// Every name we hold, folded, with the polities it names, and the years of each polity.
pub(crate) struct NameIndex {
    by_name: HashMap<String, Vec<Entry>>,
    names: Vec<(String, String)>,
    years: HashMap<String, (Option<i64>, Option<i64>)>,
    labels: HashMap<String, String>,
}

/// The days a date given with a value covers, as ISO days.
type Span = (String, String);

/// One value's conversion: the code, or why there is none and the closest matches.
type Converted = std::result::Result<String, (String, Vec<String>)>;

impl NameIndex {
    fn overlaps(&self, e: &Entry, span: &Span) -> bool {
        let (first, last) = (span.0.as_str(), span.1.as_str());
        let dated = e.from.as_deref().is_none_or(|f| f <= last) && e.to.as_deref().is_none_or(|t| t >= first);
        let (start, end) = self.years.get(&e.polity).copied().unwrap_or((None, None));
        let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i64>().ok());
        let existed = start.is_none_or(|s| year(last).is_none_or(|l| s <= l)) && end.is_none_or(|e| year(first).is_none_or(|f| e >= f));
        dated && existed
    }

    /// The polity a pasted name denotes (on the days of `span`, where given).
    pub(crate) fn resolve(&self, input: &str, span: Option<&Span>) -> Result<String> {
        for form in variants(input) {
            let Some(entries) = self.by_name.get(&form) else { continue };
            let hits: Vec<&Entry> = entries.iter().filter(|e| span.is_none_or(|s| self.overlaps(e, s))).collect();
            let distinct = |only_curated: bool| {
                let mut p: Vec<&str> = hits
                    .iter()
                    .filter(|e| !only_curated || e.curated)
                    .map(|e| e.polity.as_str())
                    .collect();
                p.sort();
                p.dedup();
                p
            };
            let curated = distinct(true);
            let all = distinct(false);
            // Undated, our own aliases speak first ("Russia" is Russia); with a date, every
            // name counts alike and the date decides (COW's "Russia" in 1960 is the USSR).
            let chosen = if span.is_none() && curated.len() == 1 { curated } else { all };
            match chosen.len() {
                0 => continue,
                1 => return Ok(chosen[0].to_string()),
                _ => {
                    return Err(Error::AmbiguousPolity {
                        input: input.trim().to_string(),
                        candidates: chosen.iter().map(|c| self.label(c)).collect(),
                    })
                }
            }
        }
        Err(Error::UnknownPolity {
            input: input.trim().to_string(),
            suggestions: self.suggestions(input),
        })
    }

    fn label(&self, code: &str) -> String {
        self.labels.get(code).cloned().unwrap_or_else(|| code.to_string())
    }

    /// Up to five polities whose names are closest to the input, closest first: by edit
    /// distance between any form of the input and a name, relative to the name's length. Codes
    /// (three letters or fewer) are compared only with inputs as short.
    fn suggestions(&self, input: &str) -> Vec<String> {
        let forms = variants(input);
        let short = fold(input).chars().count() <= 3;
        let mut scored: Vec<(u64, &str)> = Vec::new();
        for (name, polity) in &self.names {
            let len = name.chars().count();
            if len <= 3 && !short {
                continue;
            }
            let best = forms
                .iter()
                .map(|f| {
                    let d = edit_distance(f, name);
                    // Relative distance in thousandths, so that ties sort by the name's order.
                    (d * 1000 / len.max(f.chars().count()).max(1)) as u64
                })
                .min()
                .unwrap_or(u64::MAX);
            if best <= 500 {
                scored.push((best, polity.as_str()));
            }
        }
        scored.sort_by_key(|(d, _)| *d);
        let mut out: Vec<String> = Vec::new();
        for (_, polity) in scored {
            let label = self.label(polity);
            if !out.contains(&label) {
                out.push(label);
            }
            if out.len() == 5 {
                break;
            }
        }
        out
    }
}

/// A value [`Dataset::countrycode`] could not convert, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmatched {
    /// Its position in the input.
    pub index: usize,
    /// The value as given.
    pub value: String,
    /// Why it did not convert (unknown, ambiguous without a date, no code in the destination).
    pub reason: String,
    /// Close matches, closest first, as `CODE (name)`.
    pub suggestions: Vec<String>,
}

/// The result of [`Dataset::countrycode`]: one output per input (None where it did not
/// convert) and the values that did not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conversion {
    /// The converted values, in the order of the input.
    pub values: Vec<Option<String>>,
    /// The inputs that gave None, with the reason and suggestions.
    pub unmatched: Vec<Unmatched>,
}

impl Dataset {
    pub(crate) fn name_index(&self) -> Result<NameIndex> {
        let conn = self.connection();
        let mut index = NameIndex {
            by_name: HashMap::new(),
            names: Vec::new(),
            years: HashMap::new(),
            labels: HashMap::new(),
        };
        let mut stmt = conn.prepare(
            "SELECT code, name, start_year, end_year FROM polities \
             UNION ALL SELECT code, official_name, start_year, end_year FROM polities WHERE official_name IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?)))?;
        let mut entries: Vec<(String, Entry)> = Vec::new();
        for row in rows {
            let (code, name, start, end) = row?;
            index.years.insert(code.clone(), (start, end));
            index.labels.entry(code.clone()).or_insert_with(|| format!("{code} ({name})"));
            entries.push((
                name,
                Entry {
                    polity: code,
                    from: None,
                    to: None,
                    curated: true,
                },
            ));
        }
        let mut stmt = conn.prepare("SELECT polity, alias FROM polity_aliases")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (polity, alias) = row?;
            entries.push((
                alias,
                Entry {
                    polity,
                    from: None,
                    to: None,
                    curated: true,
                },
            ));
        }
        let mut stmt = conn.prepare("SELECT polity, name, valid_from, valid_to FROM polity_names")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?)))? {
            let (polity, name, from, to) = row?;
            entries.push((
                name,
                Entry {
                    polity,
                    from,
                    to,
                    curated: false,
                },
            ));
        }
        for (name, entry) in entries {
            let folded = fold(&name);
            index.names.push((folded.clone(), entry.polity.clone()));
            index.by_name.entry(folded).or_default().push(entry);
        }
        Ok(index)
    }

    /// Resolves a name as other datasets write it ("Korea, Rep.", "Lao PDR", "Korea, North",
    /// "Iran (Islamic Republic of)", "Türkiye"): abbreviations spelt out, "X, Y of" and "X (Y
    /// of)" turned round, "X, Rep." as "Republic of X", "X, North" as "North X", a leading "the"
    /// dropped, "A/B" as A and B; with a date (an EDTF day, month or year) a name that two
    /// polities bore resolves to the one of then.
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// assert_eq!(data.resolve_name("Korea, Dem. People's Rep.", None).unwrap(), "PRK");
    /// assert_eq!(data.resolve_name("Russia", Some("1960")).unwrap(), "SUN");
    /// ```
    pub fn resolve_name(&self, name: &str, on: Option<&str>) -> Result<String> {
        crate::guard::check_text("polity", name, 200)?;
        let span = parse_span(on)?;
        self.name_index()?.resolve(name, span.as_ref())
    }

    /// Converts `values` from one code scheme to another, in the manner of R's countrycode:
    /// `origin` and `destination` are `name`, `polity` (our code), `iso3c`, `iso2c`, `iso3n`,
    /// `cown`, `cowc`, `gwn` or `gwc`. `on` gives the date (EDTF) the codes are of: none, one
    /// for all values, or one per value; with a date, COW 365 is the USSR in 1960 and Russia in
    /// 2000, and the destination code is the one that held then. A value that does not convert
    /// gives None and is listed in [`Conversion::unmatched`] with the reason and close matches;
    /// a None value stays None and is not listed.
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// let values = ["Korea, Rep.".to_string(), "Lao PDR".to_string(), "Narnia".to_string()].map(Some);
    /// let out = data.countrycode(&values, "name", "cown", &[]).unwrap();
    /// assert_eq!(out.values, [Some("732".to_string()), Some("812".to_string()), None]);
    /// assert_eq!(out.unmatched[0].value, "Narnia");
    /// ```
    pub fn countrycode(&self, values: &[Option<String>], origin: &str, destination: &str, on: &[Option<String>]) -> Result<Conversion> {
        let scheme = |s: &str| -> Result<&'static (&'static str, Option<&'static str>, &'static str)> {
            SCHEMES
                .iter()
                .find(|(name, _, _)| *name == s.trim())
                .ok_or_else(|| Error::UnknownValue {
                    vocabulary: "code scheme",
                    input: s.trim().to_string(),
                    known: SCHEMES.iter().map(|(n, _, _)| n.to_string()).collect(),
                })
        };
        let (origin, destination) = (scheme(origin)?, scheme(destination)?);
        if on.len() > 1 && on.len() != values.len() {
            return Err(Error::InvalidInput {
                field: "on",
                reason: format!("{} dates for {} values: give one date, or one per value", on.len(), values.len()),
            });
        }
        let spans: Vec<Option<Span>> = on.iter().map(|d| parse_span(d.as_deref())).collect::<Result<_>>()?;
        let index = if origin.0 == "name" { Some(self.name_index()?) } else { None };
        let mut cache: HashMap<(String, Option<Span>), Converted> = HashMap::new();
        let mut out = Conversion {
            values: Vec::with_capacity(values.len()),
            unmatched: Vec::new(),
        };
        for (i, value) in values.iter().enumerate() {
            let Some(value) = value else {
                out.values.push(None);
                continue;
            };
            let span = match spans.len() {
                0 => None,
                1 => spans[0].clone(),
                _ => spans[i].clone(),
            };
            let key = (value.clone(), span.clone());
            let converted = match cache.get(&key) {
                Some(hit) => hit.clone(),
                None => {
                    let date = on.get(if on.len() == 1 { 0 } else { i }).cloned().flatten();
                    let got = match self.origin_polity(origin, index.as_ref(), value, span.as_ref(), date.as_deref()) {
                        Ok(polity) => match self.destination_code(destination, &polity, span.as_ref())? {
                            Some(v) => Ok(v),
                            None => Err((
                                format!(
                                    "{polity} has no {} code{}",
                                    destination.0,
                                    date.as_deref().map(|d| format!(" on {d}")).unwrap_or_default()
                                ),
                                Vec::new(),
                            )),
                        },
                        Err(Error::UnknownPolity { suggestions, .. }) => Err(("unknown".to_string(), suggestions)),
                        Err(Error::AmbiguousPolity { candidates, .. }) => {
                            Err(("names more than one polity: give a date (on)".to_string(), candidates))
                        }
                        Err(Error::InvalidInput { reason, .. }) => Err((reason, Vec::new())),
                        Err(e) => return Err(e),
                    };
                    cache.insert(key, got.clone());
                    got
                }
            };
            match converted {
                Ok(v) => out.values.push(Some(v)),
                Err((reason, suggestions)) => {
                    out.values.push(None);
                    out.unmatched.push(Unmatched {
                        index: i,
                        value: value.clone(),
                        reason,
                        suggestions,
                    });
                }
            }
        }
        Ok(out)
    }

    fn origin_polity(
        &self,
        origin: &(&str, Option<&str>, &str),
        index: Option<&NameIndex>,
        value: &str,
        span: Option<&Span>,
        date: Option<&str>,
    ) -> Result<String> {
        crate::guard::check_text("value", value, 200)?;
        match origin {
            ("name", _, _) => index.map_or_else(|| self.resolve_name(value, date), |ix| ix.resolve(value, span)),
            ("polity", _, _) => rusqlite::OptionalExtension::optional(self.connection().query_row(
                "SELECT code FROM polities WHERE code = upper(trim(?1))",
                [value],
                |r| r.get(0),
            ))?
            .ok_or_else(|| Error::UnknownPolity {
                input: value.to_string(),
                suggestions: Vec::new(),
            }),
            ("gwc", _, _) => {
                let (first, last) = span.cloned().unwrap_or(("0000-01-01".into(), "9999-12-31".into()));
                let found: Vec<String> = self
                    .connection()
                    .prepare_cached(
                        "SELECT DISTINCT polity FROM polity_names WHERE list = 'gw' AND abbrev = upper(trim(?1)) \
                         AND valid_from <= ?3 AND COALESCE(valid_to, '9999-12-31') >= ?2 ORDER BY valid_from",
                    )?
                    .query_map([value, &first, &last], |r| r.get(0))?
                    .collect::<std::result::Result<_, _>>()?;
                match found.len() {
                    1 => Ok(found[0].clone()),
                    0 => Err(Error::UnknownPolity {
                        input: value.to_string(),
                        suggestions: Vec::new(),
                    }),
                    _ => Err(Error::AmbiguousPolity {
                        input: value.to_string(),
                        candidates: found,
                    }),
                }
            }
            (_, Some(scheme), _) => self.polity_for_code(scheme, value, date),
            _ => unreachable!("every scheme is a name, our code, gwc or a crosswalk scheme"),
        }
    }

    /// The destination scheme's code of a polity (on the days of `span`), None where it has none.
    fn destination_code(&self, destination: &(&str, Option<&str>, &str), polity: &str, span: Option<&Span>) -> Result<Option<String>> {
        let (first, last) = span.cloned().unwrap_or(("0000-01-01".into(), "9999-12-31".into()));
        let conn = self.connection();
        let found: Option<String> = match destination {
            ("polity", _, _) => Some(polity.to_string()),
            ("name", _, _) => Some(conn.query_row("SELECT name FROM polities WHERE code = ?1", [polity], |r| r.get(0))?),
            ("gwc", _, _) => rusqlite::OptionalExtension::optional(conn.query_row(
                "SELECT abbrev FROM polity_names WHERE list = 'gw' AND polity = ?1 \
                 AND valid_from <= ?3 AND COALESCE(valid_to, '9999-12-31') >= ?2 \
                 ORDER BY COALESCE(valid_to, '9999-12-31') DESC LIMIT 1",
                [polity, &first, &last],
                |r| r.get(0),
            ))?,
            (_, Some(scheme), _) => rusqlite::OptionalExtension::optional(conn.query_row(
                "SELECT code FROM polity_codes WHERE polity = ?1 AND scheme = ?2 \
                 AND COALESCE(valid_from_start, '0000-01-01') <= ?4 AND COALESCE(valid_to_end, '9999-12-31') >= ?3 \
                 ORDER BY COALESCE(valid_to_end, '9999-12-31') DESC, valid_from_start DESC LIMIT 1",
                [polity, scheme, &first, &last],
                |r| r.get(0),
            ))?,
            _ => None,
        };
        Ok(found)
    }
}

fn parse_span(on: Option<&str>) -> Result<Option<Span>> {
    Ok(crate::filter::parse(on, "on")?.map(|d| (d.start().to_string(), d.end().to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_diacritics_case_and_punctuation() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Bosnia & Herzegovina"), "bosnia and herzegovina");
        assert_eq!(fold("St. Lucia"), "st lucia");
    }

    #[test]
    fn world_bank_and_un_forms_are_turned_round_and_spelt_out() {
        assert!(variants("Korea, Rep.").contains(&"republic of korea".to_string()));
        assert!(variants("Korea, Dem. People's Rep.").contains(&"democratic people's republic of korea".to_string()));
        assert!(variants("Lao PDR").contains(&"lao people's democratic republic".to_string()));
        assert!(variants("Iran (Islamic Republic of)").contains(&"islamic republic of iran".to_string()));
        assert!(variants("Congo, Democratic Republic of the").contains(&"democratic republic of the congo".to_string()));
        assert!(variants("Gambia, The").contains(&"gambia".to_string()));
        assert!(variants("Korea, North").contains(&"north korea".to_string()));
        assert!(variants("Micronesia, Fed. Sts.").contains(&"federated states of micronesia".to_string()));
        assert!(variants("St. Lucia").contains(&"saint lucia".to_string()));
    }
}
