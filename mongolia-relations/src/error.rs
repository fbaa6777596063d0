//! The one error type of the crate.

use crate::builder::SeedProblem;
use std::path::PathBuf;

/// Everything that can go wrong, with the context needed to put it right.
///
/// ```
/// use mongolia_relations::{Dataset, Error, Filter};
/// let data = Dataset::embedded().unwrap();
/// match data.events(&Filter::new().polity("Nort Korea")) {
///     Err(Error::UnknownPolity { suggestions, .. }) => assert!(suggestions.iter().any(|s| s.contains("PRK"))),
///     other => panic!("expected an unknown polity, got {other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A polity name or code that matches nothing.
    #[error("unknown polity {input:?}{}", hint(suggestions))]
    UnknownPolity {
        /// What was asked for.
        input: String,
        /// Close matches, as `CODE (name)`.
        suggestions: Vec<String>,
    },
    /// A name or code that matches more than one polity.
    #[error("{input:?} names more than one polity: {}; use one of these codes", candidates.join(", "))]
    AmbiguousPolity {
        /// What was asked for.
        input: String,
        /// The polities it matches, as `CODE (name)`.
        candidates: Vec<String>,
    },
    /// A person that matches nothing.
    #[error("unknown person {input:?}{}", hint(suggestions))]
    UnknownPerson {
        /// What was asked for.
        input: String,
        /// Close matches.
        suggestions: Vec<String>,
    },
    /// An organization that matches nothing.
    #[error("unknown organization {input:?}{}", hint(suggestions))]
    UnknownOrganization {
        /// What was asked for.
        input: String,
        /// Close matches.
        suggestions: Vec<String>,
    },
    /// A value outside a controlled vocabulary (event kind, indicator...).
    #[error("unknown {vocabulary} {input:?}; known values: {}", known.join(", "))]
    UnknownValue {
        /// Which vocabulary.
        vocabulary: &'static str,
        /// What was given.
        input: String,
        /// The values the vocabulary has.
        known: Vec<String>,
    },
    /// A date that cannot be parsed.
    #[error("invalid {field} date {input:?}: {reason}")]
    InvalidDate {
        /// Which filter or column.
        field: &'static str,
        /// What was given.
        input: String,
        /// Why it is not a date, and what would be.
        reason: String,
    },
    /// A filter given to a query it does not apply to (`polities` with a `kind`).
    #[error("{query} takes no {filter} filter; it takes {}", if accepted.is_empty() { "none".to_string() } else { accepted.join(", ") })]
    FilterNotApplicable {
        /// The query ([`crate::Query::name`]).
        query: &'static str,
        /// The filter given ([`crate::FilterName::name`]).
        filter: &'static str,
        /// The filters the query takes ([`crate::Query::filters`]).
        accepted: Vec<&'static str>,
    },
    /// A date range whose end comes before its start.
    #[error("the date range is inverted: start {start} is after end {end}; swap them")]
    InvertedRange {
        /// The start given.
        start: String,
        /// The end given.
        end: String,
    },
    /// Input that cannot be a name, date or query (too long, NUL bytes, control characters).
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// Which argument.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A statement that would write, attach a file, or run more than one statement.
    #[error("refused: the dataset is read-only ({reason}); only a single SELECT (or a read-only PRAGMA) is allowed: {statement:?}")]
    ReadOnly {
        /// The statement (shortened).
        statement: String,
        /// Why it was refused.
        reason: String,
    },
    /// An error from SQLite, e.g. malformed SQL or a bad full-text query.
    #[error("SQL error{}: {source}", statement.as_ref().map(|s| format!(" in {s:?}")).unwrap_or_default())]
    Sql {
        /// The statement, where the user gave it.
        statement: Option<String>,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// A database file that cannot be used.
    #[error("cannot open {}: {reason}", path.display())]
    OpenFile {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// Seeds that fail validation, each problem with file and line.
    #[error("{} problem(s) in the seeds:\n{}", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Seeds {
        /// Every problem found.
        problems: Vec<SeedProblem>,
    },
    /// Typed records that could not be written as Arrow columns (a bug of ours, or a value
    /// Arrow cannot hold, such as more than 2 GiB of text in one column).
    #[error("the {record} rows could not be written as Arrow columns: {reason}")]
    Columns {
        /// The record kind (`Event`, `DyadYear`, ...).
        record: &'static str,
        /// What Arrow refused.
        reason: String,
    },
    /// A record that does not exist.
    #[error("no {table} with id {id:?}")]
    NotFound {
        /// The table.
        table: String,
        /// The key asked for.
        id: String,
    },
    /// A query ran past its deadline (default [`crate::DEFAULT_TIMEOUT`]).
    #[error("the query ran longer than its {} s deadline and was stopped{}; raise the deadline with `Dataset::set_timeout` (Rust), `timeout=` (Python) or `--timeout SECONDS` (command line), or narrow the query", timeout.as_secs_f64(), in_statement(statement))]
    Timeout {
        /// The statement, where the user gave it.
        statement: Option<String>,
        /// The deadline in force.
        timeout: std::time::Duration,
    },
    /// A query stopped by the user (Ctrl-C, or [`crate::Dataset::interrupt_handle`]).
    #[error("the query was interrupted{}", in_statement(statement))]
    Interrupted {
        /// The statement, where the user gave it.
        statement: Option<String>,
    },
    /// A query whose working memory (sorts, DISTINCT, temporary b-trees) outgrew its budget.
    #[error("the query needed more than {} MiB of working memory and was stopped{}; raise the budget with `Limits::memory` (Rust), `max_memory=` (Python) or `--max-memory MIB` (command line), or narrow the query", budget / (1 << 20), in_statement(statement))]
    OutOfMemory {
        /// The statement, where the user gave it.
        statement: Option<String>,
        /// The budget in bytes.
        budget: u64,
    },
    /// A result of `sql` with more rows or bytes than its cap.
    #[error("the result has more than {max} {unit}{}; add a LIMIT or raise the cap with `Limits::{field}` (Rust), `{field}=` (Python) or `--{flag} N` (command line)", in_statement(statement), field = if *unit == "rows" { "max_rows" } else { "max_bytes" }, flag = if *unit == "rows" { "max-rows" } else { "max-bytes" })]
    ResultTooLarge {
        /// The statement.
        statement: Option<String>,
        /// `rows` or `bytes`.
        unit: &'static str,
        /// The cap.
        max: u64,
    },
    /// A string or blob longer than the per-value cap (SQLITE_LIMIT_LENGTH): `printf` widths,
    /// `randomblob`, `zeroblob`, `replace`, `group_concat` results.
    #[error("a value would be longer than {max} bytes{}; raise the cap with `Limits::max_value_bytes` (Rust), `max_value_bytes=` (Python) or `--max-value-bytes N` (command line)", in_statement(statement))]
    ValueTooLarge {
        /// The statement.
        statement: Option<String>,
        /// The cap in bytes.
        max: u64,
    },
    /// SQL beyond a fixed bound of the parser (expression depth, compound SELECT terms, LIKE
    /// pattern length, function arguments, statement length): these bounds are not raised;
    /// split or simplify the query.
    #[error("the query is too complex: {limit} ({detail}){}; split or simplify it", in_statement(statement))]
    TooComplex {
        /// The statement.
        statement: Option<String>,
        /// Which bound: `expression depth`, `compound SELECT terms`, ...
        limit: &'static str,
        /// What SQLite said.
        detail: String,
    },
    /// An output file or folder entry that exists already and would be replaced.
    #[error("{} exists; nothing was written. Pass --force (command line), force=True (Python) or Overwrite::Replace (Rust) to replace it", path.display())]
    OutputExists {
        /// The existing file.
        path: std::path::PathBuf,
    },
    /// An output that would replace a file the same command reads.
    #[error("refusing to write {}: it is {what} this command reads; choose another output path", path.display())]
    OutputIsInput {
        /// The output path.
        path: std::path::PathBuf,
        /// Which input it is (`a seed file`, `the database file`).
        what: String,
    },
    /// A build whose seeds are valid but whose database file could not be written or moved
    /// into place (nothing was replaced: an existing file is as it was).
    #[error("could not write {}: the {step} step failed: {source}; nothing was replaced", path.display())]
    OutputFailed {
        /// The output file.
        path: PathBuf,
        /// `stage` (reserving the temporary file beside it) or `commit` (moving it into place:
        /// sync, then link or rename); a temporary file left after a complete build is
        /// [`Error::RemoveFile`].
        step: &'static str,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },
    /// Rows that could not be encoded as CSV, JSON, Arrow or Parquet (a failure of the file
    /// system itself is [`Error::Io`]).
    #[error("cannot write {format}{}: {detail}", path.as_ref().map(|p| format!(" to {}", p.display())).unwrap_or_default())]
    Serialize {
        /// `CSV`, `JSON`, `Arrow` or `Parquet`.
        format: &'static str,
        /// The file being written; none for a result built in memory.
        path: Option<PathBuf>,
        /// What the encoder said.
        detail: String,
    },
    /// A complete output moved into place whose temporary file could not be removed after.
    #[error("{} was written, but its temporary file {} could not be removed ({source}); delete it by hand", target.display(), path.display())]
    RemoveFile {
        /// The temporary file left behind.
        path: PathBuf,
        /// The output, complete and in place.
        target: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

fn in_statement(statement: &Option<String>) -> String {
    statement.as_ref().map(|s| format!(" in {s:?}")).unwrap_or_default()
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Self {
        Error::Sql { statement: None, source }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
