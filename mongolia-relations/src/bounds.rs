//! Bounds on every query: a deadline, a working-memory budget, caps on the size of values and
//! results, SQLite's parser limits, and interruption from outside (Ctrl-C, another thread).
//!
//! SQLite's own heap limits (`sqlite3_hard_heap_limit64`, `sqlite3_soft_heap_limit64`) bind
//! every connection of the same SQLite library in the process, so the library never sets them
//! behind the caller's back: the memory budget is enforced from the progress handler instead, by
//! watching how far SQLite's heap has grown since the query began. A program that owns its
//! process (the command line does) may add a hard limit with [`set_process_heap_limit`].

use crate::error::Error;
use rusqlite::limits::Limit;
use rusqlite::Connection;
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The deadline of a query unless changed with [`crate::Dataset::set_timeout`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// The bounds every query of a [`crate::Dataset`] runs under; each one, when hit, ends the query
/// with its own [`Error`] variant naming it and how to raise it.
///
/// ```
/// use mongolia_relations::{Dataset, Error, Limits};
/// let data = Dataset::embedded().unwrap();
/// data.set_limits(Limits { max_rows: 10, ..Limits::default() }).unwrap();
/// let err = data.sql("SELECT * FROM events").unwrap_err();
/// assert!(matches!(err, Error::ResultTooLarge { unit: "rows", max: 10, .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// How long one query may run ([`Error::Timeout`]); default [`DEFAULT_TIMEOUT`].
    pub timeout: Duration,
    /// Most rows a `sql` result may have ([`Error::ResultTooLarge`]); default 1,000,000.
    pub max_rows: u64,
    /// Most bytes a `sql` result may hold, counting each text or blob by its length and each
    /// number as 8 ([`Error::ResultTooLarge`]); default 256 MiB.
    pub max_bytes: u64,
    /// Longest string or blob SQLite may make or read (`SQLITE_LIMIT_LENGTH`, which also bounds
    /// `printf` widths, `randomblob`, `zeroblob`, `replace`, `group_concat` and a row's size;
    /// [`Error::ValueTooLarge`]); default 16 MiB, at most 2 GiB - 1.
    pub max_value_bytes: u64,
    /// How far SQLite's heap may grow during one query: sorts, DISTINCT and temporary b-trees
    /// are held in memory, never in temporary files ([`Error::OutOfMemory`]); default 256 MiB.
    /// SQLite's heap is counted for the whole process, so concurrent queries share the budget.
    /// (The typed queries on the embedded dataset keep SQLite's default storage: their sorts are
    /// small enough never to leave memory.)
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: DEFAULT_TIMEOUT,
            max_rows: 1_000_000,
            max_bytes: 256 << 20,
            max_value_bytes: 16 << 20,
            memory: 256 << 20,
        }
    }
}

/// SQLite's parser limits, lowered as SQLite's security guidance advises for untrusted SQL, with
/// room for this library's own statements. They are fixed: a query beyond them is split. (The
/// guard sets `SQLITE_LIMIT_ATTACHED` to 0.)
const PARSER_LIMITS: &[(Limit, i32)] = &[
    (Limit::SQLITE_LIMIT_SQL_LENGTH, crate::guard::MAX_SQL_LEN as i32),
    (Limit::SQLITE_LIMIT_EXPR_DEPTH, 100),
    (Limit::SQLITE_LIMIT_COMPOUND_SELECT, 64),
    (Limit::SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000),
    (Limit::SQLITE_LIMIT_FUNCTION_ARG, 32),
    (Limit::SQLITE_LIMIT_COLUMN, 500),
    (Limit::SQLITE_LIMIT_VDBE_OP, 250_000),
    (Limit::SQLITE_LIMIT_TRIGGER_DEPTH, 10),
];

/// The parser limit an SQLite error message names, as the bound a user is told about.
const PARSER_MESSAGES: &[(&str, &str)] = &[
    ("Expression tree is too large", "expression depth (at most 100)"),
    ("too many terms in compound SELECT", "compound SELECT terms (at most 64)"),
    (
        "LIKE or GLOB pattern too complex",
        "LIKE or GLOB pattern length (at most 1000 bytes)",
    ),
    ("too many arguments on function", "function arguments (at most 32)"),
    ("statement too long", "statement length (at most 100,000 bytes)"),
    ("too many columns", "columns (at most 500)"),
    ("too many SQL variables", "SQL variables"),
    ("program too large", "compiled program size"),
];

/// The progress handler runs every this many virtual-machine steps: often enough for deadlines
/// and budgets to hold within milliseconds, rarely enough to cost under one per cent (see
/// BENCHMARKS.md). Between two checks a query making a maximal value at every row can overshoot
/// the memory budget: where it binds no one else, a hard heap limit backstops it.
const STEPS_PER_CHECK: i32 = 1000;

/// How often the interrupt check (Ctrl-C) runs while a query runs.
const CHECK_EVERY: Duration = Duration::from_millis(50);

const CAUSE_NONE: u8 = 0;
const CAUSE_TIMEOUT: u8 = 1;
const CAUSE_MEMORY: u8 = 2;
const CAUSE_INTERRUPT: u8 = 3;

type Check = Arc<dyn Fn() -> bool + Send + Sync>;

/// What the progress handler watches, shared between it and the dataset that arms it.
#[derive(Default)]
pub(crate) struct Watch {
    /// Nanoseconds since [`epoch`] at which the query stops; 0: no deadline.
    deadline: AtomicU64,
    /// SQLite heap size at which the query stops; 0: no budget.
    ceiling: AtomicI64,
    /// Why the handler last stopped a statement.
    cause: AtomicU8,
    /// When the interrupt check last ran.
    last_check: AtomicU64,
    check: Mutex<Option<Check>>,
}

fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

fn now() -> u64 {
    epoch().elapsed().as_nanos() as u64
}

fn heap_used() -> i64 {
    // SAFETY: sqlite3_memory_used takes no arguments and only reads SQLite's own counter.
    unsafe { rusqlite::ffi::sqlite3_memory_used() }
}

/// Sets (or with `None` clears) SQLite's hard heap limit for the whole process: every SQLite
/// connection of this library's SQLite, in every thread, then fails allocations beyond it with
/// [`Error::OutOfMemory`]. For programs that own their process; a library leaves it alone.
pub fn set_process_heap_limit(bytes: Option<u64>) {
    let n = bytes.map_or(0, |b| i64::try_from(b).unwrap_or(i64::MAX));
    // SAFETY: sqlite3_hard_heap_limit64 takes a plain integer and is thread-safe.
    unsafe {
        rusqlite::ffi::sqlite3_hard_heap_limit64(n);
    }
}

impl Watch {
    fn stop(&self, cause: u8) -> bool {
        self.cause.store(cause, Ordering::Relaxed);
        true
    }

    fn progress(&self) -> bool {
        let t = now();
        let deadline = self.deadline.load(Ordering::Relaxed);
        if deadline != 0 && t > deadline {
            return self.stop(CAUSE_TIMEOUT);
        }
        let ceiling = self.ceiling.load(Ordering::Relaxed);
        if ceiling != 0 && heap_used() > ceiling {
            return self.stop(CAUSE_MEMORY);
        }
        if t.saturating_sub(self.last_check.load(Ordering::Relaxed)) >= CHECK_EVERY.as_nanos() as u64 {
            self.last_check.store(t, Ordering::Relaxed);
            let check = self.check.lock().ok().and_then(|c| c.clone());
            if check.is_some_and(|c| c()) {
                return self.stop(CAUSE_INTERRUPT);
            }
        }
        false
    }

    pub(crate) fn set_check(&self, check: Check) {
        if let Ok(mut slot) = self.check.lock() {
            *slot = Some(check);
        }
    }

    /// Whether the running work should stop for an interruption: [`crate::InterruptHandle`]
    /// was used, or the interrupt check says so now. For work running on other connections,
    /// whose progress handlers do not run this watch's check.
    pub(crate) fn interrupted(&self) -> bool {
        if self.cause.load(Ordering::Relaxed) == CAUSE_INTERRUPT {
            return true;
        }
        let check = self.check.lock().ok().and_then(|c| c.clone());
        check.is_some_and(|c| c()) && self.stop(CAUSE_INTERRUPT)
    }

    pub(crate) fn mark_interrupted(&self) {
        self.cause.store(CAUSE_INTERRUPT, Ordering::Relaxed);
    }

    /// Starts the clock and the memory budget of one query.
    pub(crate) fn arm(&self, limits: &Limits) {
        self.cause.store(CAUSE_NONE, Ordering::Relaxed);
        let nanos = u64::try_from(limits.timeout.as_nanos()).unwrap_or(u64::MAX);
        self.deadline.store(now().saturating_add(nanos).max(1), Ordering::Relaxed);
        let budget = i64::try_from(limits.memory).unwrap_or(i64::MAX);
        self.ceiling.store(heap_used().saturating_add(budget).max(1), Ordering::Relaxed);
    }

    pub(crate) fn disarm(&self) {
        self.deadline.store(0, Ordering::Relaxed);
        self.ceiling.store(0, Ordering::Relaxed);
    }

    /// Turns an SQLite error caused by a bound into the error naming that bound.
    pub(crate) fn classify(&self, err: Error, limits: &Limits, statement: Option<&str>) -> Error {
        let Error::Sql { statement: given, source } = err else {
            return err;
        };
        let statement = given.or_else(|| statement.map(short));
        let Some((code, text)) = failure(&source) else {
            return Error::Sql { statement, source };
        };
        match code {
            rusqlite::ErrorCode::OperationInterrupted => match self.cause.load(Ordering::Relaxed) {
                CAUSE_TIMEOUT => Error::Timeout {
                    statement,
                    timeout: limits.timeout,
                },
                CAUSE_MEMORY => Error::OutOfMemory {
                    statement,
                    budget: limits.memory,
                },
                _ => Error::Interrupted { statement },
            },
            rusqlite::ErrorCode::TooBig => Error::ValueTooLarge {
                statement,
                max: limits.max_value_bytes,
            },
            rusqlite::ErrorCode::OutOfMemory => Error::OutOfMemory {
                statement,
                budget: limits.memory,
            },
            _ => match PARSER_MESSAGES.iter().find(|(m, _)| text.contains(m)) {
                Some((_, limit)) => Error::TooComplex {
                    statement,
                    limit,
                    detail: text.to_string(),
                },
                None => Error::Sql { statement, source },
            },
        }
    }
}

/// The SQLite error code and message of an error, from a failed step or a failed prepare.
pub(crate) fn failure(err: &rusqlite::Error) -> Option<(rusqlite::ErrorCode, &str)> {
    match err {
        rusqlite::Error::SqliteFailure(f, message) => Some((f.code, message.as_deref().unwrap_or_default())),
        rusqlite::Error::SqlInputError { error, msg, .. } => Some((error.code, msg.as_str())),
        _ => None,
    }
}

/// A statement shortened for an error message.
pub(crate) fn short(statement: &str) -> String {
    statement.chars().take(120).collect()
}

/// Lowers SQLite's limits and installs the progress handler that enforces `watch`.
pub(crate) fn install(conn: &mut Connection, watch: &Arc<Watch>, limits: &Limits) -> rusqlite::Result<()> {
    for (limit, value) in PARSER_LIMITS {
        conn.set_limit(*limit, *value)?;
    }
    apply(conn, limits)?;
    let watch = Arc::clone(watch);
    conn.progress_handler(STEPS_PER_CHECK, Some(move || watch.progress()))
}

/// The settings users' SQL, users' files and whole-file operations run under: `query_only`, and
/// sorts, DISTINCT and temporary b-trees in memory, where the working-memory budget bounds them,
/// never in temporary files.
///
/// The typed queries on the embedded dataset run without them ([`TYPED`]): their statements are
/// the library's own and only read, and in SQLite's default storage small sorts share one block
/// instead of an allocation per row (a tenth of a small query's time); only a sort past the page
/// cache would spill to a file, and `tests/temp_files.rs` pins that none of them does. So the
/// embedded dataset switches on first use, not at every open.
pub(crate) const UNTYPED: &str = "PRAGMA query_only = ON; PRAGMA temp_store = MEMORY;";

/// The storage the typed queries on the embedded dataset return to (see [`UNTYPED`]).
pub(crate) const TYPED: &str = "PRAGMA temp_store = DEFAULT;";

/// Applies the limits SQLite enforces itself.
pub(crate) fn apply(conn: &Connection, limits: &Limits) -> rusqlite::Result<()> {
    let length = i32::try_from(limits.max_value_bytes.clamp(1, i32::MAX as u64)).unwrap_or(i32::MAX);
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, length)?;
    Ok(())
}
