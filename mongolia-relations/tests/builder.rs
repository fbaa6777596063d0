//! The seed validator and the reproducible build, on copies of the real seeds.

use mongolia_relations::builder::{build_database, BuildError, BuildSummary, SeedProblem};
use mongolia_relations::SCHEMA;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn copy_seeds(dir: &Path) {
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
}

/// Appends a row to a seed file and returns its line number.
fn append(dir: &Path, file: &str, row: &str) -> u64 {
    let path = dir.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(row);
    text.push('\n');
    std::fs::write(&path, &text).unwrap();
    text.lines().count() as u64
}

/// The problems of a build that must fail on its seeds.
fn seed_problems(result: Result<BuildSummary, BuildError>) -> Vec<SeedProblem> {
    match result {
        Err(BuildError::Seeds(problems)) => problems,
        Err(other) => panic!("expected seed problems, got {other}"),
        Ok(_) => panic!("the bad seeds must fail the build"),
    }
}

fn build_with(file: &str, row: &str) -> (u64, Vec<SeedProblem>) {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let line = append(dir.path(), file, row);
    let out = dir.path().join("out.sqlite");
    let problems = seed_problems(build_database(SCHEMA, &[dir.path()], &out));
    (line, problems)
}

fn assert_reported(file: &str, row: &str, needle: &str) {
    let (line, problems) = build_with(file, row);
    assert!(
        problems
            .iter()
            .any(|p| p.file.ends_with(file) && p.line == line && p.message.contains(needle)),
        "expected {file}:{line} mentioning {needle:?}, got {problems:?}"
    );
}

#[test]
fn building_twice_from_the_same_seeds_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
    let first = build_database(SCHEMA, &[seeds().as_path()], &a).unwrap();
    let second = build_database(SCHEMA, &[seeds().as_path()], &b).unwrap();
    assert_eq!(first.content_hash, second.content_hash);
    assert_eq!(first.content_hash, mongolia_relations::CONTENT_HASH);
    let hash = |p: &Path| Sha256::digest(std::fs::read(p).unwrap());
    assert_eq!(hash(&a), hash(&b));
}

#[test]
fn a_dangling_reference_fails_the_build_naming_file_and_line() {
    assert_reported("event_participants.csv", "1,XXX,,,party", "XXX");
}

#[test]
fn a_bad_date_fails_the_build_naming_file_and_line() {
    assert_reported("events.csv", "9999,visit,1988-13,stated,,,,,,,A visit.,", "1988-13");
}

#[test]
fn an_unknown_kind_fails_the_build_and_lists_the_known_kinds() {
    assert_reported("events.csv", "9999,vist,1988,stated,,,,,,,A visit.,", "known:");
}

#[test]
fn a_fact_without_a_citation_fails_the_build_naming_its_line() {
    assert_reported(
        "events.csv",
        "9999,visit,1988,stated,,,,,,,An uncited visit.,",
        "no row of citations.csv cites it",
    );
}

#[test]
fn a_code_that_stops_holding_before_it_starts_or_an_unknown_scheme_is_reported() {
    assert_reported(
        "polity_codes.csv",
        "99999,MNG,gw,712,1990,1980,stated,",
        "valid_to is before valid_from",
    );
    assert_reported("polity_codes.csv", "99999,MNG,ccode,712,,,stated,", "ccode");
}

#[test]
fn an_overlong_quote_and_a_missing_cited_record_are_reported() {
    assert_reported(
        "citations.csv",
        "99999,doc001,events,1,¶1,one two three four five six seven eight nine ten eleven,",
        "at most 10",
    );
    assert_reported("citations.csv", "99999,doc001,events,123456,¶1,,", "does not exist");
}

#[test]
fn an_unknown_column_or_table_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    std::fs::write(dir.path().join("visits.csv"), "id\n1\n").unwrap();
    let problems = seed_problems(build_database(SCHEMA, &[dir.path()], &dir.path().join("o.sqlite")));
    assert!(problems
        .iter()
        .any(|p| p.file.ends_with("visits.csv") && p.message.contains("no table named")));
}

#[test]
fn a_built_file_opens_read_only_and_answers_like_the_embedded_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.sqlite");
    build_database(SCHEMA, &[seeds().as_path()], &path).unwrap();
    let data = mongolia_relations::Dataset::open(&path).unwrap();
    assert_eq!(data.content_hash().unwrap(), mongolia_relations::CONTENT_HASH);
    assert!(matches!(
        data.sql("DELETE FROM events"),
        Err(mongolia_relations::Error::ReadOnly { .. })
    ));
    assert_eq!(data.recompute_content_hash().unwrap(), mongolia_relations::CONTENT_HASH);
}

#[test]
fn files_that_are_not_ours_give_an_error_naming_file_and_problem() {
    use mongolia_relations::{Dataset, Error};
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.sqlite");
    assert!(matches!(Dataset::open(&missing), Err(Error::OpenFile { path, reason }) if path == missing && reason.contains("no such file")));
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some text that is long enough").unwrap();
    assert!(matches!(Dataset::open(&text), Err(Error::OpenFile { reason, .. }) if reason.contains("not a SQLite database")));
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert!(matches!(Dataset::open(&other), Err(Error::OpenFile { reason, .. }) if reason.contains("missing table")));
}

#[test]
fn a_clean_build_reproduces_the_embedded_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("again.sqlite");
    build_database(SCHEMA, &[seeds().as_path()], &out).unwrap();
    let hex: String = Sha256::digest(std::fs::read(&out).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hex,
        mongolia_relations::FILE_SHA256,
        "build.rs and this build must write identical bytes"
    );
}

#[test]
fn a_mission_to_itself_or_closing_before_it_opens_or_with_a_stray_accreditation_is_refused() {
    // id,sending,receiving,kind,city,accredited_from,status,opened,closed,as_of,note
    for (row, needle) in [
        (
            "9999,MNG,MNG,embassy,Ulaanbaatar,,open,,,,",
            "sending and receiving states are the same",
        ),
        ("9999,MNG,JPN,embassy,Tokyo,,closed,1990,1980,,", "closes before it opens"),
        ("9999,MNG,JPN,embassy,Tokyo,,open,,1980,,", "status 'closed'"),
        ("9999,MNG,JPN,accredited_from,Beijing,,open,,,,", "accredited_from names"),
        ("9999,MNG,JPN,embassy,Tokyo,CHN,open,,,,", "accredited_from names"),
        ("9999,MNG,JPN,accredited_from,Tokyo,JPN,open,,,,", "use kind 'embassy'"),
        ("9999,MNG,JPN,embasy,Tokyo,,open,,,,", "known:"),
    ] {
        assert_reported("missions.csv", row, needle);
    }
}

#[test]
fn a_mission_dated_before_its_state_existed_or_after_it_ended_is_refused() {
    assert_reported("missions.csv", "9999,MNG,CZE,embassy,Prague,,open,1960,,,", "did not exist then");
    assert_reported("missions.csv", "9999,MNG,SUN,embassy,Moscow,,open,1995,,,", "did not exist then");
}

#[test]
fn a_named_pipe_as_a_seed_file_is_refused_instead_of_hanging_the_build() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let events = dir.path().join("events.csv");
    std::fs::remove_file(&events).unwrap();
    let c = std::ffi::CString::new(events.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo takes a NUL-terminated path and a mode.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let problems = seed_problems(build_database(SCHEMA, &[dir.path()], &dir.path().join("out.sqlite")));
    assert!(
        problems.iter().any(|p| p.file == events && p.message.contains("named pipe")),
        "{problems:?}"
    );
}

#[test]
fn an_overlong_record_or_field_is_reported_without_reading_it_whole() {
    let (line, problems) = build_with("sources.csv", &format!("x,{},blog,en", "y".repeat(2 << 20)));
    assert!(
        problems
            .iter()
            .any(|p| p.line == line && p.message.contains("longer than 1048576 bytes")),
        "the problem stands at the line of the record: {problems:?}"
    );
    let (line, problems) = build_with("sources.csv", &format!("x,{},,,blog,,,en,,,", "y".repeat(100 << 10)));
    assert!(
        problems.iter().any(|p| p.line == line && p.message.contains("a field may hold")),
        "{problems:?}"
    );
}

#[test]
fn seed_files_ending_in_upper_case_csv_are_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    std::fs::rename(dir.path().join("events.csv"), dir.path().join("events.CSV")).unwrap();
    let out = dir.path().join("out.sqlite");
    let summary = build_database(SCHEMA, &[dir.path()], &out).unwrap();
    assert_eq!(summary.content_hash, mongolia_relations::CONTENT_HASH);
}

#[test]
fn thousands_of_dangling_references_are_all_reported_with_close_matches_for_the_first_few() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let path = dir.path().join("event_participants.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let header = text.lines().next().unwrap().to_string();
    let event_column = header.split(',').position(|c| c == "event").unwrap();
    let polity_column = header.split(',').position(|c| c == "polity").unwrap();
    let role_column = header.split(',').position(|c| c == "role").unwrap();
    let first_event = text.lines().nth(1).unwrap().split(',').nth(event_column).unwrap().to_string();
    for i in 0..2000 {
        let mut cells = vec![String::new(); header.split(',').count()];
        cells[event_column] = first_event.clone();
        cells[polity_column] = format!("ZZ{i}");
        cells[role_column] = "participant".into();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    let problems = seed_problems(build_database(SCHEMA, &[dir.path()], &dir.path().join("out.sqlite")));
    let dangling: Vec<_> = problems.iter().filter(|p| p.message.contains("is not in polities")).collect();
    assert_eq!(dangling.len(), 2000);
    assert_eq!(dangling.iter().filter(|p| p.message.contains("for the first 5 only")).count(), 1995);
}

#[test]
fn an_output_that_cannot_be_written_is_an_output_failure_not_a_seed_problem() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no such folder").join("out.sqlite");
    match build_database(SCHEMA, &[seeds().as_path()], &out) {
        Err(BuildError::Output { path, step, source }) => {
            assert_eq!((path, step, source.kind()), (out, "stage", std::io::ErrorKind::NotFound));
        }
        other => panic!("expected an output failure, got {other:?}"),
    }
}
