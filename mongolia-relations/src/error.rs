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
    /// A record that does not exist.
    #[error("no {table} with id {id:?}")]
    NotFound {
        /// The table.
        table: String,
        /// The key asked for.
        id: String,
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
