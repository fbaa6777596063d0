//! Researchers' own seed folders build into an extended database with the same rules.

use mongolia_relations::{Dataset, Error, Filter};
use std::path::{Path, PathBuf};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/example-extension")
}

#[test]
fn the_example_extension_builds_and_its_rows_sit_beside_the_embedded_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("extended.sqlite");
    Dataset::build_extended(&[example().as_path()], &out).unwrap();
    let data = Dataset::open(&out).unwrap();
    let bahamas = data.events(&Filter::new().polity("Bahamas")).unwrap();
    assert_eq!(bahamas.len(), 1);
    assert_eq!(bahamas[0].dataset, "example-extension");
    let dprk = data.events(&Filter::new().polity("PRK").kind("relations_established")).unwrap();
    assert_eq!(
        (dprk[0].date.as_str(), dprk[0].dataset.as_str()),
        ("1948-10-15", "mongolia-relations")
    );
    assert_eq!(data.metadata("extensions").unwrap().as_deref(), Some("example-extension"));
    assert_ne!(data.content_hash().unwrap(), mongolia_relations::CONTENT_HASH);
    assert_eq!(data.recompute_content_hash().unwrap(), data.content_hash().unwrap());
    assert!(data.search("Infrastructure").unwrap().iter().any(|e| e.id == 1_000_003));
}

#[test]
fn a_broken_extension_file_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let ext = dir.path().join("my-coding");
    std::fs::create_dir(&ext).unwrap();
    for entry in std::fs::read_dir(example()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, ext.join(p.file_name().unwrap())).unwrap();
    }
    let events = ext.join("events.csv");
    let mut text = std::fs::read_to_string(&events).unwrap();
    text.push_str("1000004,visit,2019-02-30,stated,,,,,,,A visit on a day that does not exist.,\n");
    std::fs::write(&events, &text).unwrap();
    match Dataset::build_extended(&[ext.as_path()], &dir.path().join("x.sqlite")) {
        Err(Error::Seeds { problems }) => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.file.ends_with("my-coding/events.csv") && p.line == 5 && p.message.contains("2019-02-30")),
                "{problems:?}"
            );
        }
        other => panic!("expected seed problems, got {other:?}"),
    }
    assert!(!dir.path().join("x.sqlite").exists(), "nothing is written when validation fails");
}

#[test]
fn an_extension_row_reusing_a_core_id_is_a_duplicate_key() {
    let dir = tempfile::tempdir().unwrap();
    let ext = dir.path().join("clash");
    std::fs::create_dir(&ext).unwrap();
    std::fs::write(ext.join("sources.csv"), "id,title,kind,language\ndoc000,Mine,blog,en\n").unwrap();
    match Dataset::build_extended(&[ext.as_path()], &dir.path().join("x.sqlite")) {
        Err(Error::Seeds { problems }) => assert!(problems.iter().any(|p| p.line == 2 && p.message.contains("duplicate key"))),
        other => panic!("expected a duplicate key, got {other:?}"),
    }
}
