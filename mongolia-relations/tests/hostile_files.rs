//! Database files made by someone else: another schema, altered rows, odd file types, WAL mode,
//! truncation while open. Each is refused with a reason or read safely, never a crash or a hang.

use mongolia_relations::{Dataset, Error, Filter, CONTENT_HASH};
use std::path::{Path, PathBuf};

/// A copy of the embedded database, changed by `sql` through a writable connection.
fn altered(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    path
}

fn refused_for_schema(path: &Path, needle: &str) {
    match Dataset::open(path) {
        Err(Error::OpenFile { reason, .. }) => {
            assert!(reason.contains("schema is not the one") && reason.contains(needle), "{reason}")
        }
        other => panic!("expected a schema refusal, got {other:?}"),
    }
}

#[test]
fn a_redefined_view_is_refused_before_any_query_can_hang_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = altered(
        dir.path(),
        "view.sqlite",
        "DROP VIEW treaty_dates; CREATE VIEW treaty_dates AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) \
         SELECT x AS treaty, NULL AS signed, NULL AS signed_place, NULL AS in_force, NULL AS terminated, NULL AS in_force_from, \
         NULL AS terminated_from FROM c;",
    );
    refused_for_schema(&path, "view \"treaty_dates\" defined differently");
}

#[test]
fn generated_columns_extra_triggers_indexes_and_tables_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "ALTER TABLE events ADD COLUMN g TEXT GENERATED ALWAYS AS (printf('%.*c', 1000000, 'x')) VIRTUAL;",
            "table \"events\" defined differently",
        ),
        (
            "ALTER TABLE sources ADD COLUMN extra TEXT DEFAULT 'x';",
            "table \"sources\" defined differently",
        ),
        (
            "CREATE TRIGGER t AFTER INSERT ON sources BEGIN SELECT 1; END;",
            "an extra trigger \"t\"",
        ),
        ("CREATE INDEX i ON events(summary);", "an extra index \"i\""),
        ("CREATE TABLE extra (x);", "an extra table \"extra\""),
    ];
    for (i, (sql, needle)) in cases.iter().enumerate() {
        refused_for_schema(&altered(dir.path(), &format!("case{i}.sqlite"), sql), needle);
    }
    let index: String = Dataset::embedded()
        .unwrap()
        .sql("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name LIMIT 1")
        .unwrap()
        .rows[0][0]
        .as_str()
        .unwrap()
        .to_string();
    let path = altered(dir.path(), "dropped.sqlite", &format!("DROP INDEX \"{index}\";"));
    refused_for_schema(&path, &format!("no index \"{index}\""));
}

#[test]
fn a_file_claiming_our_hash_with_altered_rows_reports_its_own_hash_and_fails_verification() {
    let dir = tempfile::tempdir().unwrap();
    let path = altered(
        dir.path(),
        "forged.sqlite",
        "UPDATE events SET summary = 'forged' WHERE id = (SELECT min(id) FROM events);",
    );
    let data = Dataset::open(&path).unwrap();
    assert_eq!(data.metadata("content_hash").unwrap().as_deref(), Some(CONTENT_HASH), "the claim");
    assert_ne!(data.content_hash().unwrap(), CONTENT_HASH, "never the unchecked claim");
    let v = data.verify().unwrap();
    assert!(!v.matches && v.claimed.as_deref() == Some(CONTENT_HASH) && v.actual == data.content_hash().unwrap());
}

#[test]
fn an_unchanged_copy_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.sqlite");
    std::fs::write(&path, Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    let v = Dataset::open(&path).unwrap().verify().unwrap();
    assert!(v.matches && v.actual == CONTENT_HASH);
}

#[test]
fn a_wal_mode_file_opens_and_answers_without_creating_any_file_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = altered(dir.path(), "wal.sqlite", "PRAGMA journal_mode = WAL;");
    let before: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(before.len(), 1, "the writer folded its log in: {before:?}");
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes[18], 2, "the header says WAL mode");
    let data = Dataset::open(&path).unwrap();
    assert!(!data.events(&Filter::new().polity("PRK")).unwrap().is_empty());
    drop(data);
    let after: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(after, before, "no -wal or -shm file was created");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_file_with_changes_left_in_a_log_beside_it_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.sqlite");
    std::fs::write(&path, Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    std::fs::write(dir.path().join("busy.sqlite-wal"), b"not empty").unwrap();
    match Dataset::open(&path) {
        Err(Error::OpenFile { reason, .. }) => assert!(reason.contains("journal_mode = DELETE"), "{reason}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn pipes_folders_and_devices_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.sqlite");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo takes a NUL-terminated path and a mode.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for (path, needle) in [
        (fifo.as_path(), "named pipe"),
        (dir.path(), "a folder"),
        (Path::new("/dev/zero"), "a device"),
    ] {
        match Dataset::open(path) {
            Err(Error::OpenFile { reason, .. }) => assert!(reason.contains(needle), "{path:?}: {reason}"),
            other => panic!("{path:?} must be refused, got {other:?}"),
        }
    }
}

#[test]
fn a_file_truncated_while_open_gives_an_error_not_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shrinking.sqlite");
    std::fs::write(&path, Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    let data = Dataset::open(&path).unwrap();
    assert!(!data.sql("SELECT id FROM events LIMIT 1").unwrap().rows.is_empty());
    std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(8192).unwrap();
    // Reaching here at all is the point: a mapped file would have raised SIGBUS.
    let results = [
        data.sql("SELECT count(*), max(quote) FROM citations").map(|_| ()),
        data.sql("SELECT max(summary) FROM events").map(|_| ()),
        data.polities(&Filter::new()).map(|_| ()),
    ];
    assert!(results.iter().any(Result::is_err), "reading pages past the end must fail");
}
