//! Resolution of user-given names and codes to polities, persons, organizations and vocabulary
//! values, with close matches when nothing fits.

use crate::builder::closest;
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::guard::check_text;
use rusqlite::OptionalExtension;

const MAX_NAME: usize = 200;

/// Open ends of a date range, as ISO days.
const EARLIEST: &str = "0000-01-01";
const LATEST: &str = "9999-12-31";

impl Dataset {
    /// Resolves a polity given as a code (PRK, KP), a name or alias ("North Korea", "DPRK"), a
    /// COW number (731 or `cow:731`), a Gleditsch-Ward number (`gw:731`), an ISO numeric code
    /// (`iso:408`) or a former ISO code (ZAR, BUR) to its stable code. Numbers resolve through
    /// the polity's current code; for a number at a date use [`Dataset::polity_for_code`].
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// for name in ["KP", "PRK", "North Korea", "DPRK", "731", "gw:731"] {
    ///     assert_eq!(data.resolve_polity(name).unwrap(), "PRK");
    /// }
    /// assert_eq!(data.resolve_polity("USSR").unwrap(), "SUN");
    /// assert_eq!(data.resolve_polity("ZAR").unwrap(), "COD");
    /// ```
    pub fn resolve_polity(&self, input: &str) -> Result<String> {
        if let Some(code) = self.resolved.borrow().get(input) {
            return Ok(code.clone());
        }
        let code = self.lookup_polity(input)?;
        self.resolved.borrow_mut().insert(input.to_string(), code.clone());
        Ok(code)
    }

    fn lookup_polity(&self, input: &str) -> Result<String> {
        check_text("polity", input, MAX_NAME)?;
        let q = input.trim();
        let conn = self.connection();
        if let Some(code) = conn
            .query_row("SELECT code FROM polities WHERE code = upper(?1)", [q], |r| r.get(0))
            .optional()?
        {
            return Ok(code);
        }
        let by_number = |sql: &str, n: i64| -> Result<Vec<String>> {
            Ok(conn.prepare_cached(sql)?.query_map([n], |r| r.get(0))?.collect::<Result<_, _>>()?)
        };
        let number = |prefix: &str| q.strip_prefix(prefix).and_then(|n| n.trim().parse::<i64>().ok());
        let mut found: Vec<String> = if let Some(n) = number("iso:") {
            by_number("SELECT code FROM polities WHERE iso_numeric = ?1", n)?
        } else if let Some(n) = number("gw:") {
            by_number("SELECT code FROM polities WHERE gw_code = ?1", n)?
        } else if let Some(n) = number("cow:").or_else(|| q.parse().ok()) {
            by_number("SELECT code FROM polities WHERE cow_code = ?1", n)?
        } else {
            let by_alias: Vec<String> = conn
                .prepare_cached("SELECT DISTINCT polity FROM polity_aliases WHERE alias = ?1 COLLATE NOCASE ORDER BY polity")?
                .query_map([q], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            if by_alias.is_empty() {
                // Former codes (Zaire's ZAR, Burma's BUR) are in the crosswalk, not among the aliases.
                conn.prepare_cached(
                    "SELECT DISTINCT polity FROM polity_codes WHERE code = ?1 COLLATE NOCASE \
                     AND scheme IN ('iso2', 'iso3', 'cow_abbrev') ORDER BY polity",
                )?
                .query_map([q], |r| r.get(0))?
                .collect::<Result<_, _>>()?
            } else {
                by_alias
            }
        };
        match found.len() {
            1 => Ok(found.remove(0)),
            // Not one of our names as written: as other datasets write it ("Korea, Rep."), or
            // a state list's name; else the closest names.
            0 => self.name_index()?.resolve(q, None),
            _ => Err(Error::AmbiguousPolity {
                input: q.to_string(),
                candidates: self.labels(&found)?,
            }),
        }
    }

    /// The polity a scheme's code denoted on a day: `scheme` is `iso2`, `iso3`, `iso_numeric`,
    /// `cow`, `cow_abbrev` or `gw`; `on` is an EDTF date (a year, a month or a day) and may be
    /// left out when the code has only ever denoted one polity. This is the join key for COW,
    /// G&W or V-Dem data: COW 365 is the USSR in 1960 and Russia in 2000.
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// assert_eq!(data.polity_for_code("cow", "365", Some("1960")).unwrap(), "SUN");
    /// assert_eq!(data.polity_for_code("cow", "365", Some("2000")).unwrap(), "RUS");
    /// assert_eq!(data.polity_for_code("gw", "260", Some("1975")).unwrap(), "FRG");
    /// assert_eq!(data.polity_for_code("iso2", "CS", Some("1980")).unwrap(), "CSK");
    /// assert!(data.polity_for_code("cow", "365", None).is_err()); // two polities: give a date
    /// ```
    pub fn polity_for_code(&self, scheme: &str, code: &str, on: Option<&str>) -> Result<String> {
        let scheme = self.check_vocabulary("code scheme", "code_schemes", "scheme", scheme)?;
        check_text("code", code, 16)?;
        let code = code.trim();
        let numeric: bool = self
            .connection()
            .query_row("SELECT numeric = 1 FROM code_schemes WHERE scheme = ?1", [&scheme], |r| r.get(0))?;
        let key = if numeric {
            code.parse::<i64>().map(|n| n.to_string()).map_err(|_| Error::InvalidInput {
                field: "code",
                reason: format!("{scheme} codes are numbers, not {code:?}"),
            })?
        } else {
            code.to_string()
        };
        let day = crate::filter::parse(on, "on")?;
        let (first, last) = match &day {
            Some(d) => (d.start().to_string(), d.end().to_string()),
            None => (EARLIEST.to_string(), LATEST.to_string()),
        };
        let rows = self.code_periods(&scheme, numeric, &key, &first, &last)?;
        let mut polities: Vec<String> = Vec::new();
        for (polity, _) in &rows {
            if !polities.contains(polity) {
                polities.push(polity.clone());
            }
        }
        let asked = format!("{scheme}:{code}{}", on.map(|d| format!(" on {d}")).unwrap_or_default());
        match polities.len() {
            1 => Ok(polities.remove(0)),
            0 => Err(Error::UnknownPolity {
                input: asked,
                suggestions: self
                    .code_periods(&scheme, numeric, &key, EARLIEST, LATEST)?
                    .into_iter()
                    .map(|(_, label)| label)
                    .collect(),
            }),
            _ => Err(Error::AmbiguousPolity {
                input: asked,
                candidates: rows.into_iter().map(|(_, label)| label).collect(),
            }),
        }
    }

    /// The polities a code denoted at some time between `first` and `last` (ISO days), each with
    /// a label giving its period. Numeric codes compare as numbers, so ISO "004" and "4" match.
    fn code_periods(&self, scheme: &str, numeric: bool, key: &str, first: &str, last: &str) -> Result<Vec<(String, String)>> {
        Ok(self
            .connection()
            .prepare_cached(
                "SELECT c.polity, c.polity || ' (' || p.name || ', ' || COALESCE(c.valid_from, '..') || ' to ' || COALESCE(c.valid_to, '..') || ')' \
                 FROM polity_codes c JOIN polities p ON p.code = c.polity \
                 WHERE c.scheme = ?1 AND (CASE WHEN ?2 THEN CAST(CAST(c.code AS INTEGER) AS TEXT) ELSE upper(c.code) END) = upper(?3) \
                 AND COALESCE(c.valid_from_start, ?4) <= ?5 AND COALESCE(c.valid_to_end, ?5) >= ?4 \
                 ORDER BY c.valid_from_start IS NOT NULL, c.valid_from_start",
            )?
            .query_map(rusqlite::params![scheme, numeric, key, first, last], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?)
    }

    fn labels(&self, codes: &[String]) -> Result<Vec<String>> {
        codes
            .iter()
            .map(|c| {
                let name: String = self
                    .connection()
                    .query_row("SELECT name FROM polities WHERE code = ?1", [c], |r| r.get(0))?;
                Ok(format!("{c} ({name})"))
            })
            .collect()
    }

    /// Resolves a person given by id or by any spelling of the name (case-insensitive; a
    /// fragment that matches one person only also resolves).
    pub fn resolve_person(&self, input: &str) -> Result<i64> {
        check_text("person", input, MAX_NAME)?;
        let q = input.trim();
        let conn = self.connection();
        if let Ok(id) = q.parse::<i64>() {
            if conn
                .query_row("SELECT 1 FROM persons WHERE id = ?1", [id], |_| Ok(()))
                .optional()?
                .is_some()
            {
                return Ok(id);
            }
        }
        let exact: Vec<i64> = conn
            .prepare_cached("SELECT DISTINCT person FROM person_names WHERE name = ?1 COLLATE NOCASE")?
            .query_map([q], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if exact.len() == 1 {
            return Ok(exact[0]);
        }
        let partial: Vec<i64> = conn
            .prepare_cached("SELECT DISTINCT person FROM person_names WHERE instr(lower(name), lower(?1)) > 0")?
            .query_map([q], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if partial.len() == 1 && q.chars().count() >= 3 {
            return Ok(partial[0]);
        }
        Err(Error::UnknownPerson {
            input: q.to_string(),
            suggestions: self.suggestions(q, "SELECT name, name FROM person_names")?,
        })
    }

    /// Resolves an organization given by code or name.
    pub fn resolve_organization(&self, input: &str) -> Result<String> {
        check_text("organization", input, MAX_NAME)?;
        let q = input.trim();
        let conn = self.connection();
        if let Some(code) = conn
            .query_row(
                "SELECT organization FROM organization_aliases WHERE alias = ?1 COLLATE NOCASE LIMIT 1",
                [q],
                |r| r.get(0),
            )
            .optional()?
        {
            return Ok(code);
        }
        Err(Error::UnknownOrganization {
            input: q.to_string(),
            suggestions: self.suggestions(q, "SELECT a.alias, o.code || ' (' || o.name || ')' FROM organization_aliases a JOIN organizations o ON o.code = a.organization")?,
        })
    }

    /// Checks a value against a vocabulary table (`event_kinds`, `treaty_kinds`, ...).
    pub(crate) fn check_vocabulary(&self, vocabulary: &'static str, table: &str, column: &str, value: &str) -> Result<String> {
        check_text(vocabulary, value, MAX_NAME)?;
        let known: Vec<String> = self
            .connection()
            .prepare_cached(&format!("SELECT {column} FROM {table} ORDER BY 1"))?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let v = value.trim();
        if known.iter().any(|k| k == v) {
            Ok(v.to_string())
        } else {
            Err(Error::UnknownValue {
                vocabulary,
                input: v.to_string(),
                known,
            })
        }
    }

    /// Up to five labels whose names are closest to the input; `sql` selects (name, label) pairs.
    fn suggestions(&self, input: &str, sql: &str) -> Result<Vec<String>> {
        let names: Vec<(String, String)> = self
            .connection()
            .prepare(sql)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let keys: Vec<String> = names.iter().map(|(n, _)| n.clone()).collect();
        let mut out: Vec<String> = Vec::new();
        for hit in closest(input, &keys, 12) {
            if let Some((_, label)) = names.iter().find(|(n, _)| *n == hit) {
                if !out.contains(label) {
                    out.push(label.clone());
                }
            }
            if out.len() == 5 {
                break;
            }
        }
        Ok(out)
    }
}
