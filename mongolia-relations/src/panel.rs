//! The dyad-year panel: Mongolia and each partner, one row per year both existed.
//!
//! Modelled on peacesciencer's `create_dyadyears`. Codebook of the columns:
//!
//! | column | meaning |
//! |---|---|
//! | `partner`, `partner_name`, `year` | the partner polity and the calendar year |
//! | `ccode`, `gwcode` | the partner's COW and Gleditsch-Ward numbers in the year (a spell of `polity_codes` covering any day of it, as COW state-years count); NA in years outside the lists' spells (Mongolia is 712 in both) |
//! | `relations` | `true` when a cited relations date (of the partner or a state it continues) is certainly on or before 31 December of the year and no recorded break is in force; `false` when that date is certainly after the year, or a break is in force; NA when no source dates the relations or the date may fall either side |
//! | `years_since_relations` | year minus the earliest possible year of establishment, where `relations` is true |
//! | `treaties_signed`, `treaties_terminated` | `treaty_signed` / `treaty_terminated` events between Mongolia and the partner whose date begins in the year |
//! | `treaties_in_force`, `treaties_in_force_ids` | treaties with both as parties in force on 1 July of the year (rule of the `treaty_dates` view), and their ids |
//! | `visits_to_mongolia`, `visits_from_mongolia` | visits with the partner as visitor and Mongolia as host, and the reverse |
//! | `meetings`, `aid_events` | `meeting` and `aid` events with both taking part |
//! | `ambassador_from_mongolia`, `ambassador_to_mongolia` | `true` when a cited posting covers the year; NA otherwise (no source says there was none) |
//! | one column per indicator (`trade_turnover`, ...) | the observation for the year; NA where the source gives none |
//!
//! Event counts count recorded events, so 0 means "none recorded". A dated event counts in the
//! year its date begins. Partners are the polities with a start year (COW system membership
//! where COW codes them); years run from the later of 1921 and the partner's start year to the
//! earlier of its end year and the requested end.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One (partner, year) row of the panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadYear {
    /// Partner polity code.
    pub partner: String,
    /// Partner name.
    pub partner_name: String,
    /// Calendar year.
    pub year: i32,
    /// The partner's Correlates of War number in the year; `None` outside COW's spells.
    pub ccode: Option<i64>,
    /// The partner's Gleditsch-Ward number in the year; `None` outside G&W's spells.
    pub gwcode: Option<i64>,
    /// Diplomatic relations in place (see the module codebook); `None` is NA.
    pub relations: Option<bool>,
    /// Years since relations were established, where they are in place.
    pub years_since_relations: Option<i32>,
    /// Treaties signed in the year.
    pub treaties_signed: i64,
    /// Treaties in force on 1 July.
    pub treaties_in_force: i64,
    /// Ids of those treaties.
    pub treaties_in_force_ids: Vec<i64>,
    /// Treaties terminated in the year.
    pub treaties_terminated: i64,
    /// Visits by the partner to Mongolia.
    pub visits_to_mongolia: i64,
    /// Visits by Mongolia to the partner.
    pub visits_from_mongolia: i64,
    /// Meetings.
    pub meetings: i64,
    /// Aid events.
    pub aid_events: i64,
    /// A Mongolian ambassador (or envoy) in the partner state, where a source says so.
    pub ambassador_from_mongolia: Option<bool>,
    /// The partner's ambassador in Mongolia, where a source says so.
    pub ambassador_to_mongolia: Option<bool>,
    /// Observation series by indicator code; `None` is NA.
    #[serde(flatten)]
    pub series: BTreeMap<String, Option<f64>>,
}

/// The range and partners of a panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PanelOptions {
    /// First year (default 1921).
    pub start: Option<i32>,
    /// Last year (default: the latest year the data covers).
    pub end: Option<i32>,
    /// Only these partners (any form a polity filter accepts).
    pub partners: Vec<String>,
}

fn year(s: &str) -> i32 {
    s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

impl Dataset {
    /// The dyad-year panel of Mongolia and its partners (see the module documentation for the
    /// codebook).
    ///
    /// ```
    /// use mongolia_relations::{Dataset, PanelOptions};
    /// let data = Dataset::embedded().unwrap();
    /// let rows = data.dyad_years(&PanelOptions { start: Some(1990), end: Some(1990), partners: vec!["PRK".into()] }).unwrap();
    /// assert_eq!(rows[0].relations, Some(true));
    /// ```
    pub fn dyad_years(&self, options: &PanelOptions) -> Result<Vec<DyadYear>> {
        self.bounded(None, || self.panel(options))
    }

    fn panel(&self, options: &PanelOptions) -> Result<Vec<DyadYear>> {
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
        // Relations events of Mongolia with each polity: (kind, first year, last year).
        let mut relations: HashMap<String, Vec<(String, i32, i32)>> = HashMap::new();
        let mut counts: HashMap<(String, i32, &'static str), i64> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT e.kind, e.date_start, e.date_end, p.polity, p.role, m.role FROM events e \
             JOIN event_participants m ON m.event = e.id AND m.polity = 'MNG' \
             JOIN event_participants p ON p.event = e.id AND p.polity IS NOT NULL AND p.polity <> 'MNG'",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (kind, start, end, polity, role, mongolia_role) = row?;
            let y = year(&start);
            let column = match kind.as_str() {
                "relations_established" | "relations_broken" | "relations_restored" => {
                    relations.entry(polity).or_default().push((kind, y, year(&end)));
                    continue;
                }
                "treaty_signed" => "treaties_signed",
                "treaty_terminated" => "treaties_terminated",
                "visit" if role == "visitor" && mongolia_role == "host" => "visits_to_mongolia",
                "visit" if role == "host" && mongolia_role == "visitor" => "visits_from_mongolia",
                "meeting" => "meetings",
                "aid" => "aid_events",
                _ => continue,
            };
            *counts.entry((polity, y, column)).or_default() += 1;
        }
        let in_force: Vec<(String, i64, String, Option<String>)> = conn
            .prepare(
                "SELECT p.polity, d.treaty, d.in_force_from, d.terminated_from FROM treaty_dates d JOIN treaty_parties p ON p.treaty = d.treaty \
                 JOIN treaty_parties m ON m.treaty = d.treaty AND m.polity = 'MNG' WHERE p.polity <> 'MNG' AND d.in_force_from IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let postings: Vec<(String, String, i32, i32)> = conn
            .prepare(
                "SELECT sending, receiving, CAST(substr(start_start, 1, 4) AS INTEGER), CAST(substr(COALESCE(end_end, start_end), 1, 4) AS INTEGER) \
                 FROM postings WHERE start_start IS NOT NULL AND (sending = 'MNG' OR receiving = 'MNG')",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
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
            let own_spells = spells.get(&code).map(Vec::as_slice).unwrap_or_default();
            let number_in = |scheme: &str, y: i32| {
                own_spells
                    .iter()
                    .find(|(s, _, from, to)| s == scheme && *from <= y && y <= *to)
                    .map(|(_, n, ..)| *n)
            };
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
                let since = established
                    .iter()
                    .map(|(_, s, _)| *s)
                    .min()
                    .filter(|_| relations_now == Some(true))
                    .map(|s| y - s);
                let count = |c: &'static str| counts.get(&(code.clone(), y, c)).copied().unwrap_or(0);
                let mid = format!("{y:04}-07-01");
                let treaties_in_force_ids: Vec<i64> = in_force
                    .iter()
                    .filter(|(p, _, from, term)| {
                        *p == code && from.as_str() <= mid.as_str() && term.as_deref().is_none_or(|t| t > mid.as_str())
                    })
                    .map(|(_, id, ..)| *id)
                    .collect();
                let posted = |sending: &str, receiving: &str| {
                    postings
                        .iter()
                        .any(|(s, r, a, b)| s == sending && r == receiving && *a <= y && y <= *b)
                        .then_some(true)
                };
                out.push(DyadYear {
                    partner: code.clone(),
                    partner_name: name.clone(),
                    year: y,
                    ccode: number_in("cow", y),
                    gwcode: number_in("gw", y),
                    relations: relations_now,
                    years_since_relations: since,
                    treaties_signed: count("treaties_signed"),
                    treaties_in_force: treaties_in_force_ids.len() as i64,
                    treaties_in_force_ids,
                    treaties_terminated: count("treaties_terminated"),
                    visits_to_mongolia: count("visits_to_mongolia"),
                    visits_from_mongolia: count("visits_from_mongolia"),
                    meetings: count("meetings"),
                    aid_events: count("aid_events"),
                    ambassador_from_mongolia: posted("MNG", &code),
                    ambassador_to_mongolia: posted(&code, "MNG"),
                    series: indicators
                        .iter()
                        .map(|i| (i.clone(), observed.get(&(code.clone(), i.clone(), y)).copied()))
                        .collect(),
                });
            }
        }
        Ok(out)
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
