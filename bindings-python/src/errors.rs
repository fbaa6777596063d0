//! The Python exception hierarchy and the mapping from the core crate's errors.

use mongolia_relations::Error;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileExistsError, PyKeyboardInterrupt, PyMemoryError, PyTimeoutError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use std::cell::RefCell;

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
    FilterNotApplicableError,
    InvalidFilterError,
    "A filter given to a query it does not apply to; .query, .filter and .accepted (the filters it takes) say which."
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

create_exception!(
    mongolia_relations,
    LimitError,
    MongoliaRelationsError,
    "A query stopped by one of its bounds; the message names the bound and how to raise it."
);
create_exception!(
    mongolia_relations,
    ResultTooLargeError,
    LimitError,
    "A result with more rows or bytes than its cap, or a value longer than max_value_bytes."
);
create_exception!(
    mongolia_relations,
    QueryTooComplexError,
    LimitError,
    "SQL beyond a fixed parser bound (expression depth, compound terms, LIKE pattern, arguments)."
);

/// The classes that derive from a builtin as well (`except TimeoutError` catches a timeout),
/// which `create_exception!` cannot express: made once with `type(name, bases, dict)`.
struct Dual {
    name: &'static str,
    doc: &'static str,
    bases: for<'py> fn(Python<'py>) -> [Bound<'py, PyType>; 2],
    cell: PyOnceLock<Py<PyType>>,
}

static QUERY_TIMEOUT: Dual = Dual {
    name: "QueryTimeoutError",
    doc: "A query that ran past its deadline (raise it with timeout=).",
    bases: |py| [py.get_type::<LimitError>(), py.get_type::<PyTimeoutError>()],
    cell: PyOnceLock::new(),
};
static QUERY_MEMORY: Dual = Dual {
    name: "QueryMemoryError",
    doc: "A query whose working memory outgrew its budget (raise it with max_memory=).",
    bases: |py| [py.get_type::<LimitError>(), py.get_type::<PyMemoryError>()],
    cell: PyOnceLock::new(),
};
static OUTPUT_EXISTS: Dual = Dual {
    name: "OutputExistsError",
    doc: "An output that exists already (pass force=True) or that is an input of the same call.",
    bases: |py| [py.get_type::<MongoliaRelationsError>(), py.get_type::<PyFileExistsError>()],
    cell: PyOnceLock::new(),
};

impl Dual {
    fn get<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyType>> {
        let ty = self.cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
            let dict = PyDict::new(py);
            dict.set_item("__doc__", self.doc)?;
            dict.set_item("__module__", "mongolia_relations")?;
            let bases = PyTuple::new(py, (self.bases)(py))?;
            let made = py.get_type::<PyType>().call1((self.name, bases, dict))?;
            Ok(made.cast_into::<PyType>()?.unbind())
        })?;
        Ok(ty.bind(py).clone())
    }

    fn err(&self, py: Python<'_>, message: String) -> PyErr {
        match self.get(py) {
            Ok(ty) => PyErr::from_type(ty, message),
            Err(e) => e,
        }
    }
}

thread_local! {
    /// The exception a signal handler raised while a query ran on this thread (Ctrl-C's
    /// KeyboardInterrupt), re-raised when the interrupted query returns.
    static PENDING: RefCell<Option<PyErr>> = const { RefCell::new(None) };
}

/// The interrupt check of every dataset: runs Python's signal handlers (they run on the main
/// thread only), keeping what they raise for [`to_py`].
pub fn signals_raised() -> bool {
    Python::attach(|py| match py.check_signals() {
        Ok(()) => false,
        Err(e) => {
            PENDING.with(|p| *p.borrow_mut() = Some(e));
            true
        }
    })
}

/// Forgets an exception left by an earlier call.
pub fn clear_pending() {
    PENDING.with(|p| p.borrow_mut().take());
}

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
        Error::FilterNotApplicable { query, filter, accepted } => {
            let exc = FilterNotApplicableError::new_err(message);
            // Attributes are a convenience; failing to set one must not hide the error itself.
            let _ = exc.value(py).setattr("query", query);
            let _ = exc.value(py).setattr("filter", filter);
            let _ = exc.value(py).setattr("accepted", accepted.clone());
            (exc, accepted.into_iter().map(str::to_string).collect())
        }
        Error::ReadOnly { .. } => (ReadOnlyError::new_err(message), Vec::new()),
        Error::OpenFile { .. } | Error::Io { .. } | Error::RemoveFile { .. } | Error::Serialize { path: Some(_), .. } => {
            (DatabaseFileError::new_err(message), Vec::new())
        }
        Error::Sql { .. } => (SqlError::new_err(message), Vec::new()),
        Error::Timeout { .. } => (QUERY_TIMEOUT.err(py, message), Vec::new()),
        Error::OutOfMemory { .. } => (QUERY_MEMORY.err(py, message), Vec::new()),
        Error::ResultTooLarge { .. } | Error::ValueTooLarge { .. } => (ResultTooLargeError::new_err(message), Vec::new()),
        Error::TooComplex { .. } => (QueryTooComplexError::new_err(message), Vec::new()),
        Error::OutputExists { .. } | Error::OutputIsInput { .. } => (OUTPUT_EXISTS.err(py, message), Vec::new()),
        Error::Interrupted { .. } => {
            return PENDING
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| PyKeyboardInterrupt::new_err(message))
        }
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
    m.add("FilterNotApplicableError", py.get_type::<FilterNotApplicableError>())?;
    m.add("ReadOnlyError", py.get_type::<ReadOnlyError>())?;
    m.add("SqlError", py.get_type::<SqlError>())?;
    m.add("DatabaseFileError", py.get_type::<DatabaseFileError>())?;
    m.add("SeedError", py.get_type::<SeedError>())?;
    m.add("LimitError", py.get_type::<LimitError>())?;
    m.add("ResultTooLargeError", py.get_type::<ResultTooLargeError>())?;
    m.add("QueryTooComplexError", py.get_type::<QueryTooComplexError>())?;
    for dual in [&QUERY_TIMEOUT, &QUERY_MEMORY, &OUTPUT_EXISTS] {
        m.add(dual.name, dual.get(py)?)?;
    }
    Ok(())
}
