//! Resolution of user-given names and codes to polities, persons, organizations and vocabulary
//! values, with close matches when nothing fits.

use crate::builder::closest;
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::guard::check_text;
use rusqlite::OptionalExtension;

const MAX_NAME: usize = 200;

impl Dataset {
    /// Resolves a polity given as a code (PRK, KP), a name or alias ("North Korea", "DPRK"), a
    /// COW number (731) or an ISO numeric code (`iso:408`) to its stable code.
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// for name in ["KP", "PRK", "North Korea", "DPRK", "731"] {
    ///     assert_eq!(data.resolve_polity(name).unwrap(), "PRK");
    /// }
    /// assert_eq!(data.resolve_polity("USSR").unwrap(), "SUN");
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
        let mut found: Vec<String> = if let Some(n) = q.strip_prefix("iso:").and_then(|n| n.trim().parse().ok()) {
            by_number("SELECT code FROM polities WHERE iso_numeric = ?1", n)?
        } else if let Ok(n) = q.parse::<i64>() {
            by_number("SELECT code FROM polities WHERE cow_code = ?1", n)?
        } else {
            conn.prepare_cached("SELECT DISTINCT polity FROM polity_aliases WHERE alias = ?1 COLLATE NOCASE ORDER BY polity")?
                .query_map([q], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(Error::UnknownPolity {
                input: q.to_string(),
                suggestions: self.suggestions(
                    q,
                    "SELECT a.alias, p.code || ' (' || p.name || ')' FROM polity_aliases a JOIN polities p ON p.code = a.polity",
                )?,
            }),
            _ => Err(Error::AmbiguousPolity {
                input: q.to_string(),
                candidates: self.labels(&found)?,
            }),
        }
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
}

impl Dataset {
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
