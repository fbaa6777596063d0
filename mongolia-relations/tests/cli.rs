//! The command line, run as a user would.

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mongolia-relations")).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn events_for_north_korea_print_as_a_json_array_of_events() {
    let (ok, stdout, _) = run(&["events", "--polity", "North Korea", "--format", "json"]);
    assert!(ok);
    let events: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let first = events.iter().find(|e| e["kind"] == "relations_established").unwrap();
    for key in [
        "id",
        "kind",
        "date",
        "start",
        "end",
        "precision",
        "certainty",
        "polities",
        "persons",
        "place",
        "summary",
        "sources",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["date"], "1948-10-15");
    assert_eq!(first["polities"], serde_json::json!(["MNG", "PRK"]));
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let (ok, stdout, stderr) = run(&["events", "--polity", "Nort Korea"]);
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(stderr.contains("unknown polity") && stderr.contains("PRK"), "{stderr}");
    let (ok, _, stderr) = run(&["sql", "DROP TABLE events"]);
    assert!(!ok && stderr.contains("read-only"));
}

#[test]
fn version_prints_the_content_hash_and_csv_has_a_header() {
    let (ok, stdout, _) = run(&["version", "--format", "json"]);
    assert!(ok && stdout.contains(mongolia_relations::CONTENT_HASH));
    let (ok, stdout, _) = run(&["postings", "--polity", "PRK", "--format", "csv"]);
    assert!(ok && stdout.starts_with("id,person,person_id,role,sending,receiving"));
}
