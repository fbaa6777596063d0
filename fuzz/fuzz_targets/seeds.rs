//! The seed validator reports bad seed files as problems with file and line; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongolia_relations::builder::{build_database, BuildError};
use mongolia_relations::SCHEMA;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the table the rest is a seed file for.
    let Some((&pick, text)) = data.split_first() else { return };
    let tables = ["events", "citations", "sources", "event_participants", "postings", "polities"];
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(format!("{}.csv", tables[pick as usize % tables.len()])), text).expect("write the seed");
    if let Err(BuildError::Seeds(problems)) = build_database(SCHEMA, &[dir.path()], &dir.path().join("out.sqlite")) {
        assert!(!problems.is_empty());
    }
});
