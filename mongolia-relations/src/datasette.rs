//! The Datasette export: the database file and a `metadata.json` that carries the codebook
//! (every table and column described from `schema.sql`), the licence, facets and canned queries,
//! to serve with `datasette serve --immutable mongolia-relations.sqlite --metadata metadata.json`.

use crate::codebook::{capitalised, inline_html, Codebook};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::export::{commit, stage_in, Manifest};
use crate::output::Overwrite;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The database file's name in the export; Datasette names the database after it.
pub const DATASETTE_DATABASE: &str = "mongolia-relations.sqlite";

/// The column Datasette shows for a row that other tables refer to.
const LABELS: &[(&str, &str)] = &[
    ("polities", "name"),
    ("sources", "title"),
    ("treaties", "title"),
    ("persons", "name"),
    ("organizations", "name"),
    ("disputes", "topic"),
];

/// The canned queries: (name, title, description, SQL).
const QUERIES: &[(&str, &str, &str, &str)] = &[
    (
        "partner_timeline",
        "A partner's timeline",
        "The events of Mongolia with a state (as the library's events(polity=...) gives them: Mongolia a \
         side or the host, the state a side of its own), oldest first, with the sources and locators behind \
         each. The partner may be given as a code (PRK, KP), a name or an alias (North Korea, DPRK).",
        "SELECT e.date, e.kind, e.summary, e.certainty, e.date_note, e.id AS event,\n\
         (SELECT group_concat(c.source || ' (' || c.locator || ')', '; ') FROM citations c\n\
          WHERE c.record_table = 'events' AND c.record_id = CAST(e.id AS TEXT)) AS sources\n\
         FROM events e\n\
         WHERE e.mongolia_role IN ('party', 'host')\n\
         AND e.id IN (SELECT event FROM event_participants WHERE role <> 'third_party' AND polity = (\n\
           SELECT code FROM polities WHERE code = upper(:partner) OR name = :partner COLLATE NOCASE\n\
           UNION SELECT polity FROM polity_aliases WHERE alias = :partner COLLATE NOCASE LIMIT 1))\n\
         ORDER BY e.date_start, e.id",
    ),
    (
        "treaties_in_force",
        "Mongolia's treaties in force on a day",
        "Mongolia's treaties in force on a day given as YYYY-MM-DD, by the rule of the treaty_dates view: \
         certainly in force by that day and not possibly ended by it (recorded, by a stated term, or assumed: \
         see in_force_basis).",
        "SELECT t.id AS treaty, t.title, t.kind,\n\
         (SELECT group_concat(polity, ', ') FROM treaty_parties WHERE treaty = t.id) AS parties,\n\
         d.signed, d.in_force, d.terminated, d.in_force_from, d.in_force_basis, d.terminated_from\n\
         FROM treaties t JOIN treaty_dates d ON d.treaty = t.id\n\
         WHERE d.in_force_from <= :day AND (d.terminated_from IS NULL OR d.terminated_from > :day)\n\
         AND t.id IN (SELECT treaty FROM treaty_parties WHERE polity = 'MNG')\n\
         ORDER BY d.in_force_from, t.id",
    ),
    (
        "disputes",
        "The disputes, every side with its sources",
        "Each dispute with one row per claim: the record it is about, the value that side gives, its rank \
         and the sources that make it.",
        "SELECT d.id AS dispute, d.kind, d.topic, c.record_table, c.record_id, c.property, c.value, c.rank,\n\
         (SELECT group_concat(ct.source || ' (' || ct.locator || ')', '; ') FROM citations ct\n\
          WHERE ct.record_table = 'claims' AND ct.record_id = CAST(c.id AS TEXT)) AS sources,\n\
         d.note\n\
         FROM disputes d JOIN claims c ON c.dispute = d.id\n\
         ORDER BY d.id, c.id",
    ),
];

/// The licence named in the dataset's metadata, and the page of its text.
const LICENSE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

impl Codebook {
    /// The Datasette `metadata.json` of the export: title, licence, source, every table and
    /// column described, facets on the enumerated columns, and the canned queries.
    pub fn datasette_metadata(&self, title: &str) -> Value {
        let vocabularies: Vec<&str> = self.vocabularies.iter().map(|v| v.table.as_str()).collect();
        let mut tables = Map::new();
        for t in &self.tables {
            let mut columns = Map::new();
            for c in t.columns.iter().filter(|c| !c.description.is_empty()) {
                // Datasette shows column descriptions as plain text: no code marks.
                columns.insert(c.name.clone(), Value::String(c.description.replace('`', "")));
            }
            let facets: Vec<&str> = t
                .columns
                .iter()
                .filter(|c| !c.allowed.is_empty() || c.references.as_ref().is_some_and(|(rt, _)| vocabularies.contains(&rt.as_str())))
                .map(|c| c.name.as_str())
                .take(4)
                .collect();
            let mut entry = Map::new();
            entry.insert("description_html".into(), Value::String(inline_html(&capitalised(&t.description))));
            entry.insert("columns".into(), Value::Object(columns));
            if !facets.is_empty() {
                entry.insert("facets".into(), json!(facets));
            }
            if let Some((_, label)) = LABELS.iter().find(|(name, _)| *name == t.name) {
                entry.insert("label_column".into(), json!(label));
            }
            tables.insert(t.name.clone(), Value::Object(entry));
        }
        let queries: Map<String, Value> = QUERIES
            .iter()
            .map(|(name, title, description, sql)| (name.to_string(), json!({"title": title, "description": description, "sql": sql})))
            .collect();
        let source = format!(
            "mongolia-relations {} (content hash {}); every fact row cites its sources in the citations table",
            self.dataset_version, self.content_hash
        );
        let mut top = json!({
            "title": title,
            "description_html": inline_html(
                "A curated, cited dataset of Mongolia's foreign relations. Every table and column is described \
                 from the codebook (`schema.sql`); each fact row is cited in `citations` with a locator, and \
                 sources that disagree are kept side by side in `disputes` and `claims`."
            ),
            "source": source,
            "databases": {
                DATASETTE_DATABASE.trim_end_matches(".sqlite"): {
                    "tables": tables,
                    "queries": queries,
                }
            }
        });
        if let Some(license) = &self.license {
            top["license"] = json!(license);
            if license.contains("CC-BY-4.0") {
                top["license_url"] = json!(LICENSE_URL);
            }
        }
        top
    }
}

impl Dataset {
    /// Writes the database file and a Datasette `metadata.json` into `dir` (created if
    /// missing), to serve with `datasette serve --immutable DIR/mongolia-relations.sqlite
    /// --metadata DIR/metadata.json`. Existing files are replaced only when `overwrite` says so;
    /// both are written under temporary names and renamed once complete.
    pub fn export_datasette(&self, dir: &Path, overwrite: Overwrite) -> Result<Manifest> {
        self.unhurried(|| {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?;
            let files = vec![DATASETTE_DATABASE.to_string(), "metadata.json".to_string()];
            self.check_targets(dir, &files, overwrite)?;
            let book = self.codebook()?;
            let title = self.metadata("title")?.unwrap_or_else(|| "mongolia-relations".into());
            let text = serde_json::to_string_pretty(&book.datasette_metadata(&title)).map_err(|e| Error::Serialize {
                format: "JSON",
                path: Some(dir.join("metadata.json")),
                detail: e.to_string(),
            })? + "\n";
            let bytes = self.file_bytes()?;
            let mut staged = Vec::new();
            for (file, content) in files.iter().zip([bytes.as_slice(), text.as_bytes()]) {
                let out = stage_in(dir, file, overwrite)?;
                std::fs::write(out.path(), content).map_err(|source| Error::Io {
                    path: out.path().to_path_buf(),
                    source,
                })?;
                staged.push(out);
            }
            for out in staged {
                commit(out)?;
            }
            Ok(Manifest {
                dataset_version: book.dataset_version.clone(),
                schema_version: self.metadata("schema_version")?.unwrap_or_default(),
                content_hash: book.content_hash.clone(),
                sqlite_sha256: crate::builder::hex(&Sha256::digest(&bytes)),
                format: "datasette".into(),
                tables: book.tables.iter().map(|t| (t.name.clone(), t.rows as usize)).collect(),
                files,
            })
        })
    }
}
