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
    let own: Vec<_> = bahamas.iter().filter(|e| e.dataset == "example-extension").collect();
    assert_eq!(own.len(), 1);
    assert!(bahamas
        .iter()
        .any(|e| e.dataset == "mongolia-relations" && e.kind == "relations_established"));
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

#[test]
fn an_event_involving_a_state_before_it_existed_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ext = dir.path().join("anachronism");
    std::fs::create_dir(&ext).unwrap();
    std::fs::write(
        ext.join("events.csv"),
        "id,kind,date,certainty,summary\n1000001,visit,1950,stated,A Slovak delegation in Ulaanbaatar.\n1000002,visit,1995,stated,A Slovak delegation in Ulaanbaatar.\n",
    )
    .unwrap();
    std::fs::write(
        ext.join("event_participants.csv"),
        "event,polity,role\n1000001,SVK,visitor\n1000001,MNG,host\n1000002,SVK,visitor\n1000002,MNG,host\n",
    )
    .unwrap();
    std::fs::write(
        ext.join("citations.csv"),
        "id,source,record_table,record_id,locator\n1000001,doc000,events,1000001,¶1\n1000002,doc000,events,1000002,¶1\n",
    )
    .unwrap();
    match Dataset::build_extended(&[ext.as_path()], &dir.path().join("x.sqlite")) {
        Err(Error::Seeds { problems }) => {
            assert_eq!(problems.len(), 1, "only the 1950 event: {problems:?}");
            assert_eq!(problems[0].line, 2);
            assert!(
                problems[0].message.contains("names SVK, which existed only in 1993–"),
                "{problems:?}"
            );
        }
        other => panic!("expected the anachronism to be refused, got {other:?}"),
    }
}
