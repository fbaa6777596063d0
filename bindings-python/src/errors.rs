//! The Python exception hierarchy and the mapping from the core crate's errors.

use mongolia_relations::Error;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    mongolia_relations,
    MongoliaRelationsError,
    PyException,
    "Base class of every error this package raises."
);
create_exception!(
    mongolia_relations,
    UnknownPolityError,
    MongoliaRelationsError,
    "A polity name or code that matches nothing (see .suggestions) or more than one."
);
create_exception!(
    mongolia_relations,
    UnknownPersonError,
    MongoliaRelationsError,
    "A person that matches nothing (see .suggestions)."
);
create_exception!(
    mongolia_relations,
    UnknownOrganizationError,
    MongoliaRelationsError,
    "An organization that matches nothing (see .suggestions)."
);
create_exception!(
    mongolia_relations,
    InvalidFilterError,
    MongoliaRelationsError,
    "A filter of the wrong type or outside its vocabulary."
);
create_exception!(
    mongolia_relations,
    InvalidDateError,
    InvalidFilterError,
    "A malformed date or an inverted date range."
);
create_exception!(
    mongolia_relations,
    ReadOnlyError,
    MongoliaRelationsError,
    "A statement that would write to the dataset."
);
create_exception!(
    mongolia_relations,
    SqlError,
    MongoliaRelationsError,
    "An error from SQLite: malformed SQL or full-text query."
);
create_exception!(
    mongolia_relations,
    DatabaseFileError,
    MongoliaRelationsError,
    "A database file that cannot be used."
);

create_exception!(
    mongolia_relations,
    SeedError,
    MongoliaRelationsError,
    "Seed files that fail validation; .problems lists (file, line, message)."
);

/// Converts a core error into the matching Python exception, with `suggestions` where known.
pub fn to_py(py: Python<'_>, err: Error) -> PyErr {
    let message = err.to_string();
    let (exc, suggestions): (PyErr, Vec<String>) = match err {
        Error::UnknownPolity { suggestions, .. } => (UnknownPolityError::new_err(message), suggestions),
        Error::AmbiguousPolity { candidates, .. } => (UnknownPolityError::new_err(message), candidates),
        Error::UnknownPerson { suggestions, .. } => (UnknownPersonError::new_err(message), suggestions),
        Error::UnknownOrganization { suggestions, .. } => (UnknownOrganizationError::new_err(message), suggestions),
        Error::UnknownValue { known, .. } => (InvalidFilterError::new_err(message), known),
        Error::InvalidDate { .. } | Error::InvertedRange { .. } => (InvalidDateError::new_err(message), Vec::new()),
        Error::InvalidInput { .. } => (InvalidFilterError::new_err(message), Vec::new()),
        Error::ReadOnly { .. } => (ReadOnlyError::new_err(message), Vec::new()),
        Error::OpenFile { .. } | Error::Io { .. } => (DatabaseFileError::new_err(message), Vec::new()),
        Error::Sql { .. } => (SqlError::new_err(message), Vec::new()),
        Error::Seeds { problems } => {
            let exc = SeedError::new_err(message);
            let listed: Vec<(String, u64, String)> = problems
                .into_iter()
                .map(|p| (p.file.display().to_string(), p.line, p.message))
                .collect();
            // Attributes are a convenience; failing to set one must not hide the error itself.
            let _ = exc.value(py).setattr("problems", listed);
            (exc, Vec::new())
        }
        _ => (MongoliaRelationsError::new_err(message), Vec::new()),
    };
    // Attributes are a convenience; failing to set one must not hide the error itself.
    let _ = exc.value(py).setattr("suggestions", suggestions);
    exc
}

/// An Arrow conversion failure (a bug, not bad input).
pub fn arrow(err: arrow_schema::ArrowError) -> PyErr {
    MongoliaRelationsError::new_err(format!("Arrow conversion failed: {err}"))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("MongoliaRelationsError", py.get_type::<MongoliaRelationsError>())?;
    m.add("UnknownPolityError", py.get_type::<UnknownPolityError>())?;
    m.add("UnknownPersonError", py.get_type::<UnknownPersonError>())?;
    m.add("UnknownOrganizationError", py.get_type::<UnknownOrganizationError>())?;
    m.add("InvalidFilterError", py.get_type::<InvalidFilterError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("ReadOnlyError", py.get_type::<ReadOnlyError>())?;
    m.add("SqlError", py.get_type::<SqlError>())?;
    m.add("DatabaseFileError", py.get_type::<DatabaseFileError>())?;
    m.add("SeedError", py.get_type::<SeedError>())?;
    Ok(())
}
