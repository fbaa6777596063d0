//! The codebook document and the Datasette metadata, both read out of schema.sql, against the
//! real embedded database.

use mongolia_relations::{Dataset, Error, Overwrite};
use std::path::PathBuf;

fn data() -> Dataset {
    Dataset::embedded().expect("the embedded dataset opens")
}

fn committed_codebook() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/codebook.md")
}

#[test]
fn docs_codebook_md_is_what_the_codebook_command_writes_now() {
    let fresh = data().codebook().unwrap().markdown();
    let committed = std::fs::read_to_string(committed_codebook()).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/codebook.md is stale: regenerate it with\n  cargo run -p mongolia-relations -- codebook --format md > docs/codebook.md"
    );
}

#[test]
fn every_table_and_column_of_the_database_is_in_the_codebook_with_a_meaning() {
    let d = data();
    let book = d.codebook().unwrap();
    let tables = d
        .sql("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts_%'")
        .unwrap();
    for row in &tables.rows {
        let name = row[0].as_str().unwrap();
        let doc = book
            .tables
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("{name} is in the codebook"));
        assert!(!doc.description.is_empty(), "{name} has a description");
        let columns = d.sql(&format!("SELECT name FROM pragma_table_info('{name}')")).unwrap();
        assert_eq!(doc.columns.len(), columns.rows.len(), "every column of {name}");
    }
    let events = book.tables.iter().find(|t| t.name == "events").unwrap();
    let date_end = events.columns.iter().find(|c| c.name == "date_end").unwrap();
    assert_eq!(date_end.description, "derived: latest day");
    let bounds = book.tables.iter().find(|t| t.name == "polity_codes").unwrap();
    let valid_to_end = bounds.columns.iter().find(|c| c.name == "valid_to_end").unwrap();
    assert!(valid_to_end.description.contains("derived bounds of `valid_to`"));
}

#[test]
fn check_lists_and_vocabularies_come_with_the_rows_that_use_each_value() {
    let d = data();
    let book = d.codebook().unwrap();
    let events = book.tables.iter().find(|t| t.name == "events").unwrap();
    let certainty = events.columns.iter().find(|c| c.name == "certainty").unwrap();
    let stated = certainty.allowed.iter().find(|(v, _)| v == "stated").unwrap().1;
    let counted = d.sql("SELECT count(*) FROM events WHERE certainty = 'stated'").unwrap();
    assert_eq!(serde_json::json!(stated), counted.rows[0][0]);
    let kinds = book.vocabularies.iter().find(|v| v.table == "event_kinds").unwrap();
    assert!(kinds.used_by.contains(&"events.kind".to_string()));
    let (_, description, n) = kinds.values.iter().find(|(v, _, _)| v == "relations_established").unwrap();
    assert!(description.contains("Diplomatic relations"));
    let counted = d.sql("SELECT count(*) FROM events WHERE kind = 'relations_established'").unwrap();
    assert_eq!(serde_json::json!(n), counted.rows[0][0]);
}

#[test]
fn the_codebook_lists_the_coding_rules_and_every_dispute() {
    let d = data();
    let book = d.codebook().unwrap();
    assert!(book.rules.iter().any(|r| r.text.contains("Unknown is NULL")));
    let disputes = d.sql("SELECT count(*) FROM disputes").unwrap();
    assert_eq!(serde_json::json!(book.disputes.len()), disputes.rows[0][0]);
    let md = book.markdown();
    assert!(md.contains("## Disputes") && md.contains("## Vocabularies") && md.contains("## Coding rules"));
}

#[test]
fn the_html_codebook_is_one_escaped_page_with_code_spans() {
    let html = data().codebook().unwrap().html();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<h4 id=\"events-table"));
    assert!(html.contains("<code>valid_from</code>"));
    assert!(!html.contains("<0"), "text is escaped");
}

#[test]
fn the_datasette_export_writes_the_database_and_metadata_describing_every_table() {
    let dir = tempfile::tempdir().unwrap();
    let d = data();
    let manifest = d.export_datasette(dir.path(), Overwrite::Refuse).unwrap();
    assert_eq!(manifest.files, ["mongolia-relations.sqlite", "metadata.json"]);
    let bytes = std::fs::read(dir.path().join("mongolia-relations.sqlite")).unwrap();
    assert_eq!(bytes, d.file_bytes().unwrap());
    let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("metadata.json")).unwrap()).unwrap();
    assert!(meta["license"].as_str().unwrap().contains("CC-BY-4.0"));
    let db = &meta["databases"]["mongolia-relations"];
    let book = d.codebook().unwrap();
    for t in &book.tables {
        assert!(db["tables"][&t.name]["description_html"].is_string(), "{} is described", t.name);
    }
    assert_eq!(db["tables"]["events"]["columns"]["summary"], "what happened, in our own words");
    assert_eq!(db["tables"]["events"]["columns"]["kind"], "refers to event_kinds.kind");
    assert!(db["tables"]["events"]["facets"].as_array().unwrap().contains(&"kind".into()));
    for q in ["partner_timeline", "treaties_in_force", "disputes"] {
        let sql = db["queries"][q]["sql"].as_str().unwrap();
        // Datasette binds :partner and :day; run them here with values to see they hold.
        let bound = sql.replace(":partner", "'North Korea'").replace(":day", "'1990-01-01'");
        let rows = d.sql(&bound).unwrap_or_else(|e| panic!("{q}: {e}"));
        assert!(!rows.rows.is_empty(), "{q} finds rows");
    }
}

#[test]
fn the_datasette_export_never_replaces_files_unasked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("metadata.json"), "mine").unwrap();
    let d = data();
    assert!(matches!(
        d.export_datasette(dir.path(), Overwrite::Refuse),
        Err(Error::OutputExists { .. })
    ));
    assert_eq!(std::fs::read_to_string(dir.path().join("metadata.json")).unwrap(), "mine");
    assert!(!dir.path().join("mongolia-relations.sqlite").exists(), "nothing written");
    d.export_datasette(dir.path(), Overwrite::Replace).unwrap();
    assert!(std::fs::read_to_string(dir.path().join("metadata.json"))
        .unwrap()
        .contains("databases"));
}
