//! The dyad-year panel: Mongolia and each partner, one row per year both existed.
//!
//! Modelled on peacesciencer's `create_dyadyears`: non-directed by default (one row per partner
//! and year, side 1 Mongolia, side 2 the partner), directed on request (two rows, Mongolia→X and
//! X→Mongolia). The codebook of the columns, with what NA and 0 mean, is in the README ("The
//! dyad-year panel") and on each field below. Two rules hold for every column:
//!
//! * A **count** counts recorded events (or treaties) in the year: 0 means none recorded, never
//!   "none happened"; a count is never NA.
//! * A **state of the world** (relations, ambassadors, embassies, UN agreement, indicators) is
//!   NA where no source covers the year, and `false` (or a value) only where the sources cover
//!   the year and show it.
//!
//! A dated event counts in the year its date begins. Partners are the polities with a start year
//! (COW system membership where COW codes them); years run from the later of 1921 and the
//! partner's start year to the earlier of its end year and the requested end.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::filter::{Filter, Query};
use crate::record::record;
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap};

record! {
    /// One (dyad, year) row of the panel. Side 1 is Mongolia in a non-directed panel; in a directed
    /// panel each partner-year has a row with Mongolia as side 1 and one with the partner as side 1.
    #[record(table = "", key = "partner", queries = ["panel"])]
    pub struct DyadYear {
        /// Partner polity code (the side that is not Mongolia).
        pub partner: String,
        /// Partner name.
        pub partner_name: String,
        /// Calendar year.
        pub year: i32,
        /// Side 1's polity code.
        pub polity1: String,
        /// Side 2's polity code.
        pub polity2: String,
        /// Side 1's Correlates of War number in the year (a spell of `polity_codes` covering any day
        /// of it); NA outside COW's spells.
        pub ccode1: Option<i64>,
        /// Side 2's Correlates of War number in the year; NA outside COW's spells.
        pub ccode2: Option<i64>,
        /// Side 1's Gleditsch-Ward number in the year; NA outside G&W's spells.
        pub gwcode1: Option<i64>,
        /// Side 2's Gleditsch-Ward number in the year; NA outside G&W's spells.
        pub gwcode2: Option<i64>,
        /// Diplomatic relations in place: `true` when a cited relations date (of the partner or a
        /// state it continues) is certainly on or before 31 December and no recorded break is in
        /// force; `false` when that date is certainly after the year, or a break is in force; NA when
        /// no source dates the relations or the date may fall either side.
        pub relations: Option<bool>,
        /// The year minus the earliest possible year of the first establishment of relations: 0 in
        /// that year, negative before it, counting on through breaks; NA only where no source dates
        /// the relations.
        pub years_since_relations: Option<i32>,
        /// Treaties signed in the year (count).
        pub treaties_signed: i64,
        /// Treaties in force on 1 July whose end is recorded or follows from a stated term
        /// (`in_force_basis` `recorded` or `term`; count).
        pub treaties_in_force: i64,
        /// Ids of those treaties.
        pub treaties_in_force_ids: Vec<i64>,
        /// Treaties taken to be in force on 1 July with no recorded end nor stated term
        /// (`in_force_basis` `assumed`; count).
        pub treaties_in_force_assumed: i64,
        /// Ids of those treaties.
        pub treaties_in_force_assumed_ids: Vec<i64>,
        /// Treaties terminated in the year (count).
        pub treaties_terminated: i64,
        /// Visits by side 1 to side 2 (count).
        pub visits_1_to_2: i64,
        /// Visits by side 2 to side 1 (count).
        pub visits_2_to_1: i64,
        /// Statements by side 1 addressed to or about side 2 (count).
        pub statements_1_to_2: i64,
        /// Statements by side 2 addressed to or about side 1 (count).
        pub statements_2_to_1: i64,
        /// Bilateral meetings of the two as sides (count).
        pub meetings: i64,
        /// Meetings Mongolia only hosted, with the partner as one of the sides (count).
        pub meetings_hosted: i64,
        /// Aid events between the two (count).
        pub aid_events: i64,
        /// An ambassador (or envoy, chargé) of side 1 posted to side 2 in the year: `true` when a
        /// cited posting covers the year; `false` in a year the direction's recorded postings span
        /// (between its first and last posted year) that no posting covers; NA outside that span.
        pub ambassador_1_in_2: Option<bool>,
        /// The same for side 2's diplomats in side 1.
        pub ambassador_2_in_1: Option<bool>,
        /// A resident embassy of side 1 in side 2 (`missions`, kind `embassy`): `true` when a row
        /// dated certainly open by the year's end and not closed before it covers the year; `false`
        /// when the direction has rows and every one is dated certainly not open in the year (before
        /// its opening or after its closing); NA otherwise (no row, or an undated one).
        pub embassy_1_in_2: Option<bool>,
        /// The same for side 2's embassy in side 1.
        pub embassy_2_in_1: Option<bool>,
        /// Mongolia's agreement index with the partner in the year's UN General Assembly roll calls
        /// (`unga_agreement`, the seat mapped to its holder); NA where either was not a member or no
        /// common vote exists.
        pub unga_agreement_index: Option<f64>,
        /// Share of the common votes in which both voted alike; NA as `unga_agreement_index`.
        pub unga_identical_share: Option<f64>,
        /// Roll calls of the year in which both voted; NA as `unga_agreement_index`.
        pub unga_n_votes: Option<i64>,
        /// Observation series by indicator code; NA where the source gives no figure.
        #[serde(flatten)]
        @vocab(crate::records::INDICATOR_SERIES)
        pub series: BTreeMap<String, Option<f64>>,
    }
}

/// The years, partners and form of a panel, from its filter.
struct PanelOptions<'a> {
    start: Option<i32>,
    end: Option<i32>,
    partners: &'a [String],
    directed: bool,
}

fn year(s: &str) -> i32 {
    s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

/// One resident embassy as the missions table dates it, in years.
struct Embassy {
    /// The latest year it may have opened; `None` when undated.
    opened: Option<i32>,
    /// The earliest and latest year it may have closed; `None` when undated.
    closed_first: Option<i32>,
    closed_last: Option<i32>,
    /// Whether a source says it closed (dated or not).
    closed: bool,
}

impl Embassy {
    /// Certainly open at some time in `y`: opened by the year's end, not closed before it.
    fn open_in(&self, y: i32) -> bool {
        self.opened.is_some_and(|o| o <= y) && (!self.closed || self.closed_first.is_some_and(|c| c >= y))
    }

    /// Certainly not open in `y`: before its opening or after its closing.
    fn shut_in(&self, y: i32) -> bool {
        self.opened.is_some_and(|o| y < o) || self.closed_last.is_some_and(|c| y > c)
    }
}

/// What the sources say of an embassy in a year: certainly open, certainly not, or unknown.
fn embassy_in(rows: &[Embassy], y: i32) -> Option<bool> {
    if rows.is_empty() {
        None
    } else if rows.iter().any(|e| e.open_in(y)) {
        Some(true)
    } else if rows.iter().all(|e| e.shut_in(y)) {
        Some(false)
    } else {
        None
    }
}

impl Dataset {
    /// The dyad-year panel of Mongolia and its partners (see [`DyadYear`] and the README for
    /// the codebook). It takes the filters [`Query::DyadYears`] lists: `polity` (the partners),
    /// `start` and `end` (the years their first and last day fall in; by default 1921 and the
    /// latest year of the data) and `directed`.
    ///
    /// ```
    /// use mongolia_relations::{Dataset, Filter};
    /// let data = Dataset::embedded().unwrap();
    /// let rows = data.dyad_years(&Filter::new().polity("PRK").start(1990).end(1990)).unwrap();
    /// assert_eq!(rows[0].relations, Some(true));
    /// ```
    pub fn dyad_years(&self, filter: &Filter) -> Result<Vec<DyadYear>> {
        filter.check(Query::DyadYears)?;
        let (start, end) = filter.date_bounds()?;
        let options = PanelOptions {
            start: start.map(|d| d.year()),
            end: end.map(|d| d.year()),
            partners: &filter.polity,
            directed: filter.directed,
        };
        self.bounded(None, || self.panel(&options))
    }

    fn panel(&self, options: &PanelOptions<'_>) -> Result<Vec<DyadYear>> {
        let conn = self.connection();
        let (earliest, latest): (i32, i32) = conn.query_row(
            "SELECT min(y), max(y) FROM (SELECT CAST(substr(min(date_start), 1, 4) AS INTEGER) AS y FROM events \
             UNION ALL SELECT CAST(substr(max(date_start), 1, 4) AS INTEGER) FROM events \
             UNION ALL SELECT CAST(substr(max(period_start), 1, 4) AS INTEGER) FROM observations)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // A year outside the data would only add empty rows, billions of them for `i32::MAX`.
        for (field, year) in [("start", options.start), ("end", options.end)] {
            if let Some(y) = year.filter(|y| !(earliest..=latest).contains(y)) {
                return Err(Error::InvalidDate {
                    field,
                    input: y.to_string(),
                    reason: format!("the data covers the years {earliest} to {latest}; choose a year in that range"),
                });
            }
        }
        let (first, last) = (options.start.unwrap_or(1921), options.end.unwrap_or(latest));
        if last < first {
            return Err(Error::InvertedRange {
                start: first.to_string(),
                end: last.to_string(),
            });
        }
        let wanted: Vec<String> = options.partners.iter().map(|p| self.resolve_polity(p)).collect::<Result<_>>()?;
        type Partner = (String, String, i32, Option<i32>);
        let all: Vec<Partner> = conn
            // Where no source dates a state's founding (the Republic of China), its COW spell starts it.
            .prepare(
                "SELECT code, name, first, end_year FROM (SELECT code, name, end_year, COALESCE(start_year, \
                 (SELECT CAST(substr(min(c.valid_from), 1, 4) AS INTEGER) FROM polity_codes c WHERE c.polity = p.code AND c.scheme = 'cow')) AS first \
                 FROM polities p) WHERE first IS NOT NULL AND code <> 'MNG' ORDER BY code",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let partners: Vec<Partner> = all.into_iter().filter(|(c, ..)| wanted.is_empty() || wanted.contains(c)).collect();
        let successors: HashMap<String, String> = conn
            .prepare("SELECT code, successor FROM polities WHERE successor IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        // Mongolia's events with each polity as a side (a Mongolian person counts as Mongolia):
        // (kind, first year, last year) of the relations events, counts of the rest.
        let mut relations: HashMap<String, Vec<(String, i32, i32)>> = HashMap::new();
        let mut counts: HashMap<(String, i32, &'static str), i64> = HashMap::new();
        let mut stmt = conn.prepare(
            "WITH m(event, role) AS (SELECT event, role FROM event_participants WHERE polity = 'MNG' \
             UNION SELECT ep.event, ep.role FROM event_participants ep JOIN persons pe ON pe.id = ep.person WHERE pe.polity = 'MNG') \
             SELECT e.kind, e.date_start, e.date_end, e.mongolia_role, p.polity, p.role, \
             (SELECT group_concat(role, ';') FROM m WHERE m.event = e.id) FROM events e \
             JOIN event_participants p ON p.event = e.id AND p.polity IS NOT NULL AND p.polity <> 'MNG' AND p.role <> 'third_party' \
             WHERE e.mongolia_role IN ('party', 'host')",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            ))
        })?;
        for row in rows {
            let (kind, start, end, mongolia_part, polity, role, mongolia_roles) = row?;
            let mongolia = |r: &str| mongolia_roles.split(';').any(|m| m == r);
            let side = mongolia_part == "party";
            let y = year(&start);
            // Columns are named from Mongolia's side: "out" is Mongolia→partner.
            let column = match kind.as_str() {
                "relations_established" | "relations_broken" | "relations_restored" if side => {
                    relations.entry(polity).or_default().push((kind, y, year(&end)));
                    continue;
                }
                "treaty_signed" if side => "treaties_signed",
                "treaty_terminated" if side => "treaties_terminated",
                "visit" if role == "visitor" && mongolia("host") => "visits_in",
                "visit" if role == "host" && mongolia("visitor") => "visits_out",
                "statement" if role == "target" && mongolia("actor") => "statements_out",
                "statement" if role == "actor" && mongolia("target") => "statements_in",
                "meeting" if side => "meetings",
                "meeting" => "meetings_hosted",
                "aid" if side => "aid_events",
                _ => continue,
            };
            *counts.entry((polity, y, column)).or_default() += 1;
        }
        // (partner, treaty, in force from, terminated from, assumed) of Mongolia's treaties.
        let in_force: Vec<(String, i64, String, Option<String>, bool)> = conn
            .prepare(
                "SELECT p.polity, d.treaty, d.in_force_from, d.terminated_from, d.in_force_basis = 'assumed' FROM treaty_dates d \
                 JOIN treaty_parties p ON p.treaty = d.treaty JOIN treaty_parties m ON m.treaty = d.treaty AND m.polity = 'MNG' \
                 WHERE p.polity <> 'MNG' AND d.in_force_from IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<Result<_, _>>()?;
        let mut postings: HashMap<(String, String), Vec<(i32, i32)>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT sending, receiving, CAST(substr(start_start, 1, 4) AS INTEGER), CAST(substr(COALESCE(end_end, start_end), 1, 4) AS INTEGER) \
             FROM postings WHERE start_start IS NOT NULL AND (sending = 'MNG' OR receiving = 'MNG')",
        )?;
        for row in stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))? {
            let (key, span) = row?;
            postings.entry(key).or_default().push(span);
        }
        let mut embassies: HashMap<(String, String), Vec<Embassy>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT sending, receiving, CAST(substr(opened_end, 1, 4) AS INTEGER), CAST(substr(closed_start, 1, 4) AS INTEGER), \
             CAST(substr(closed_end, 1, 4) AS INTEGER), status = 'closed' FROM missions \
             WHERE kind = 'embassy' AND (sending = 'MNG' OR receiving = 'MNG')",
        )?;
        for row in stmt.query_map([], |r| {
            let embassy = Embassy {
                opened: r.get(2)?,
                closed_first: r.get(3)?,
                closed_last: r.get(4)?,
                closed: r.get(5)?,
            };
            Ok(((r.get(0)?, r.get(1)?), embassy))
        })? {
            let (key, embassy) = row?;
            embassies.entry(key).or_default().push(embassy);
        }
        let mut unga: HashMap<(String, i32), (f64, f64, i64)> = HashMap::new();
        let mut stmt = conn.prepare("SELECT polity, year, agreement_index, identical_share, n_votes FROM unga_agreement")?;
        for row in stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?, r.get(4)?))))? {
            let (key, values) = row?;
            unga.insert(key, values);
        }
        // polity -> (scheme, number, first year, last year) of each COW and G&W spell.
        let mut spells: HashMap<String, Vec<(String, i64, i32, i32)>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT polity, scheme, CAST(code AS INTEGER), CAST(substr(COALESCE(valid_from_start, '0000'), 1, 4) AS INTEGER), \
             CAST(substr(COALESCE(valid_to_end, '9999'), 1, 4) AS INTEGER) FROM polity_codes WHERE scheme IN ('cow', 'gw')",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))? {
            let (polity, spell): (String, _) = row?;
            spells.entry(polity).or_default().push(spell);
        }
        let number_in = |polity: &str, scheme: &str, y: i32| {
            spells
                .get(polity)
                .into_iter()
                .flatten()
                .find(|(s, _, from, to)| s == scheme && *from <= y && y <= *to)
                .map(|(_, n, ..)| *n)
        };
        let indicators: Vec<String> = conn
            .prepare("SELECT indicator FROM indicators ORDER BY indicator")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut observed: HashMap<(String, String, i32), f64> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT polity, indicator, period_start, value FROM observations WHERE reporter = 'MNG' AND period_precision = 'year'",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<f64>>(3)?,
            ))
        })? {
            let (polity, indicator, period, value) = row?;
            if let Some(v) = value {
                observed.insert((polity, indicator, year(&period)), v);
            }
        }

        let mut out = Vec::new();
        for (code, name, start_year, end_year) in partners {
            // The partner and every state it continues (RUS <- SUN <- RSF).
            let lineage: Vec<&String> = successors
                .iter()
                .filter(|(_, s)| continues(&successors, s, &code))
                .map(|(p, _)| p)
                .chain(std::iter::once(&code))
                .collect();
            let mut dated: Vec<&(String, i32, i32)> = lineage.iter().filter_map(|p| relations.get(*p)).flatten().collect();
            dated.sort_by_key(|(_, s, _)| *s);
            let established: Vec<&&(String, i32, i32)> = dated.iter().filter(|(k, ..)| k == "relations_established").collect();
            let posted = |sending: &str, receiving: &str, y: i32| {
                let spans = postings.get(&(sending.to_string(), receiving.to_string()))?;
                let first = spans.iter().map(|(a, _)| *a).min()?;
                let last = spans.iter().map(|(_, b)| *b).max()?;
                (first <= y && y <= last).then(|| spans.iter().any(|(a, b)| *a <= y && y <= *b))
            };
            let embassy = |sending: &str, receiving: &str, y: i32| {
                embassies
                    .get(&(sending.to_string(), receiving.to_string()))
                    .and_then(|rows| embassy_in(rows, y))
            };
            let from = first.max(start_year);
            let to = last.min(end_year.unwrap_or(last));
            for y in from..=to {
                let relations_now = if established.is_empty() {
                    None
                } else if established.iter().any(|(_, _, e)| *e <= y) {
                    // A break stands until a later restoration.
                    let broken = dated
                        .iter()
                        .filter(|(k, s, _)| k == "relations_broken" && *s <= y)
                        .map(|(_, s, _)| *s)
                        .max();
                    let restored = dated
                        .iter()
                        .filter(|(k, s, _)| k == "relations_restored" && *s <= y)
                        .map(|(_, s, _)| *s)
                        .max();
                    Some(!matches!((broken, restored), (Some(b), r) if r.is_none_or(|r| r < b)))
                } else if established.iter().all(|(_, s, _)| *s > y) {
                    Some(false)
                } else {
                    None
                };
                let since = established.iter().map(|(_, s, _)| *s).min().map(|s| y - s);
                let count = |c: &'static str| counts.get(&(code.clone(), y, c)).copied().unwrap_or(0);
                let mid = format!("{y:04}-07-01");
                let in_force_ids = |assumed: bool| -> Vec<i64> {
                    in_force
                        .iter()
                        .filter(|(p, _, from, term, a)| {
                            *p == code && *a == assumed && from.as_str() <= mid.as_str() && term.as_deref().is_none_or(|t| t > mid.as_str())
                        })
                        .map(|(_, id, ..)| *id)
                        .collect()
                };
                let (treaties_in_force_ids, treaties_in_force_assumed_ids) = (in_force_ids(false), in_force_ids(true));
                let un = unga.get(&(code.clone(), y));
                let row = DyadYear {
                    partner: code.clone(),
                    partner_name: name.clone(),
                    year: y,
                    polity1: "MNG".into(),
                    polity2: code.clone(),
                    ccode1: number_in("MNG", "cow", y),
                    ccode2: number_in(&code, "cow", y),
                    gwcode1: number_in("MNG", "gw", y),
                    gwcode2: number_in(&code, "gw", y),
                    relations: relations_now,
                    years_since_relations: since,
                    treaties_signed: count("treaties_signed"),
                    treaties_in_force: treaties_in_force_ids.len() as i64,
                    treaties_in_force_ids,
                    treaties_in_force_assumed: treaties_in_force_assumed_ids.len() as i64,
                    treaties_in_force_assumed_ids,
                    treaties_terminated: count("treaties_terminated"),
                    visits_1_to_2: count("visits_out"),
                    visits_2_to_1: count("visits_in"),
                    statements_1_to_2: count("statements_out"),
                    statements_2_to_1: count("statements_in"),
                    meetings: count("meetings"),
                    meetings_hosted: count("meetings_hosted"),
                    aid_events: count("aid_events"),
                    ambassador_1_in_2: posted("MNG", &code, y),
                    ambassador_2_in_1: posted(&code, "MNG", y),
                    embassy_1_in_2: embassy("MNG", &code, y),
                    embassy_2_in_1: embassy(&code, "MNG", y),
                    unga_agreement_index: un.map(|u| u.0),
                    unga_identical_share: un.map(|u| u.1),
                    unga_n_votes: un.map(|u| u.2),
                    series: indicators
                        .iter()
                        .map(|i| (i.clone(), observed.get(&(code.clone(), i.clone(), y)).copied()))
                        .collect(),
                };
                if options.directed {
                    let reverse = row.reversed();
                    out.push(row);
                    out.push(reverse);
                } else {
                    out.push(row);
                }
            }
        }
        Ok(out)
    }
}

impl DyadYear {
    /// The same dyad-year seen from side 2: sides and directed columns swapped.
    fn reversed(&self) -> DyadYear {
        DyadYear {
            polity1: self.polity2.clone(),
            polity2: self.polity1.clone(),
            ccode1: self.ccode2,
            ccode2: self.ccode1,
            gwcode1: self.gwcode2,
            gwcode2: self.gwcode1,
            visits_1_to_2: self.visits_2_to_1,
            visits_2_to_1: self.visits_1_to_2,
            statements_1_to_2: self.statements_2_to_1,
            statements_2_to_1: self.statements_1_to_2,
            ambassador_1_in_2: self.ambassador_2_in_1,
            ambassador_2_in_1: self.ambassador_1_in_2,
            embassy_1_in_2: self.embassy_2_in_1,
            embassy_2_in_1: self.embassy_1_in_2,
            ..self.clone()
        }
    }
}

/// Whether `polity` is `target` or is continued, through successors, by `target`.
fn continues(successors: &HashMap<String, String>, polity: &str, target: &str) -> bool {
    let mut current = polity;
    for _ in 0..16 {
        if current == target {
            return true;
        }
        match successors.get(current) {
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}
