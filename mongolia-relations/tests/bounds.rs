//! Runaway and oversized queries end with the typed error of the bound they hit, on the embedded
//! data and on a user's file; the same list drives the command-line and Python tests.

use mongolia_relations::{Dataset, Error, Limits};
use std::time::{Duration, Instant};

/// `kind<TAB>statement` per line: the bound each statement must hit.
const RESOURCE: &str = include_str!("resource_sql.txt");

/// The memory budget watches SQLite's heap for the whole process: these tests run one at a time
/// so that one test's large query does not spend another's budget.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn resource() -> impl Iterator<Item = (&'static str, &'static str)> {
    RESOURCE.lines().filter_map(|l| l.split_once('\t'))
}

fn hits(kind: &str, err: &Error) -> bool {
    match kind {
        "timeout" => matches!(err, Error::Timeout { .. }),
        "memory" => matches!(err, Error::OutOfMemory { .. }),
        "value" => matches!(err, Error::ValueTooLarge { .. }),
        "result" => matches!(err, Error::ResultTooLarge { .. }),
        "complex" => matches!(err, Error::TooComplex { .. }),
        _ => false,
    }
}

fn user_file(dir: &std::path::Path) -> Dataset {
    let path = dir.join("copy.sqlite");
    std::fs::write(&path, Dataset::embedded().unwrap().file_bytes().unwrap()).unwrap();
    Dataset::open(&path).unwrap()
}

/// Short deadlines and a small memory budget, so that each statement hits the bound it is
/// listed for and the test runs quickly.
fn tight(data: &Dataset, kind: &str) {
    let limits = Limits {
        timeout: Duration::from_secs(if kind == "timeout" { 1 } else { 60 }),
        memory: if kind == "memory" { 64 << 20 } else { Limits::default().memory },
        ..Limits::default()
    };
    data.set_limits(limits).unwrap();
}

fn assert_each_hits_its_bound(data: &Dataset) {
    assert!(resource().count() >= 19);
    for (kind, statement) in resource() {
        tight(data, kind);
        let err = data.sql(statement).expect_err(statement);
        assert!(hits(kind, &err), "{statement:?} should hit the {kind} bound, got {err:?}");
        // The message names the bound and how to raise it (parser bounds say how to split).
        let text = err.to_string();
        assert!(text.contains("raise") || text.contains("split"), "{text}");
    }
    // The connection is usable afterwards, and nothing changed.
    data.set_limits(Limits::default()).unwrap();
    assert!(!data.sql("SELECT count(*) FROM events").unwrap().rows.is_empty());
    assert_eq!(data.recompute_content_hash().unwrap(), mongolia_relations::CONTENT_HASH);
}

#[test]
fn each_runaway_or_oversized_query_hits_its_named_bound_on_the_embedded_data() {
    let _serial = serial();
    assert_each_hits_its_bound(&Dataset::embedded().unwrap());
}

#[test]
fn each_runaway_or_oversized_query_hits_its_named_bound_on_a_users_file() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    assert_each_hits_its_bound(&user_file(dir.path()));
}

fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[test]
fn with_the_default_limits_every_listed_query_ends_in_a_typed_error_within_ten_seconds_and_under_a_gigabyte() {
    let _serial = serial();
    let data = Dataset::embedded().unwrap();
    for (_, statement) in resource() {
        let started = Instant::now();
        let err = data.sql(statement).expect_err(statement);
        assert!(
            ["timeout", "memory", "value", "result", "complex"].iter().any(|k| hits(k, &err)),
            "{statement:?}: {err:?}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{statement:?} took {:?}",
            started.elapsed()
        );
    }
    if let Some(peak) = peak_resident_bytes() {
        assert!(peak < 1 << 30, "peak resident memory {peak} bytes");
    }
}

#[test]
fn another_thread_can_interrupt_a_running_query() {
    let _serial = serial();
    let data = Dataset::embedded().unwrap();
    data.set_timeout(Duration::from_secs(3600));
    let handle = data.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        handle.interrupt();
    });
    let err = data.sql("SELECT count(*) FROM events a, events b, events c, events d").unwrap_err();
    stopper.join().unwrap();
    assert!(matches!(err, Error::Interrupted { .. }), "{err:?}");
    assert!(data.sql("SELECT 1").is_ok(), "the next query runs as usual");
}

#[test]
fn an_interrupt_check_returning_true_stops_the_query_as_interrupted() {
    let _serial = serial();
    let data = Dataset::embedded().unwrap();
    data.set_timeout(Duration::from_secs(3600));
    data.set_interrupt_check(|| true);
    let err = data.sql("SELECT count(*) FROM events a, events b, events c").unwrap_err();
    assert!(matches!(err, Error::Interrupted { .. }), "{err:?}");
}

#[test]
fn the_deadline_also_bounds_typed_queries() {
    let _serial = serial();
    let data = Dataset::embedded().unwrap();
    data.set_timeout(Duration::from_nanos(1));
    assert!(matches!(data.polities(&Default::default()), Err(Error::Timeout { .. })));
    data.set_timeout(mongolia_relations::DEFAULT_TIMEOUT);
    assert!(!data.polities(&Default::default()).unwrap().is_empty());
}

#[test]
fn a_result_over_the_byte_cap_is_refused_naming_the_cap() {
    let _serial = serial();
    let data = Dataset::embedded().unwrap();
    data.set_limits(Limits {
        max_bytes: 1000,
        ..Limits::default()
    })
    .unwrap();
    match data.sql("SELECT summary FROM events") {
        Err(Error::ResultTooLarge {
            unit: "bytes", max: 1000, ..
        }) => {}
        other => panic!("expected the byte cap, got {other:?}"),
    }
}

#[test]
fn years_outside_the_data_are_refused_by_the_panel() {
    let _serial = serial();
    let data = Dataset::embedded().unwrap();
    for (start, end) in [
        (None, Some(i32::MAX)),
        (Some(i32::MIN), None),
        (Some(1000), Some(1990)),
        (Some(1990), Some(3000)),
    ] {
        let mut options = mongolia_relations::Filter::new();
        options.start = start.map(|y: i32| y.to_string());
        options.end = end.map(|y: i32| y.to_string());
        assert!(
            matches!(data.dyad_years(&options), Err(Error::InvalidDate { .. })),
            "{start:?}..{end:?}"
        );
    }
}
