//! The Python exception hierarchy and the mapping from the core crate's errors.

use mongolia_relations::Error;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileExistsError, PyKeyboardInterrupt, PyLookupError, PyMemoryError, PyTimeoutError, PyValueError};
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

/// The classes that derive from a builtin as well (`except LookupError` catches an unknown
/// polity, `except TimeoutError` a timeout), or from such a class, which `create_exception!`
/// cannot express: made once with `type(name, bases, dict)`.
struct Derived {
    name: &'static str,
    doc: &'static str,
    bases: Bases,
    cell: PyOnceLock<Py<PyType>>,
}

/// Makes the bases of a [`Derived`] class, in order.
type Bases = for<'py> fn(Python<'py>) -> PyResult<Vec<Bound<'py, PyType>>>;

/// The bases of the errors for a name that matches nothing: `except LookupError` catches them.
fn unknown_name(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyType>>> {
    Ok(vec![py.get_type::<MongoliaRelationsError>(), py.get_type::<PyLookupError>()])
}

static UNKNOWN_POLITY: Derived = Derived::new(
    "UnknownPolityError",
    "A polity name or code that matches nothing (see .suggestions) or more than one.",
    unknown_name,
);
static UNKNOWN_PERSON: Derived = Derived::new(
    "UnknownPersonError",
    "A person that matches nothing (see .suggestions).",
    unknown_name,
);
static UNKNOWN_ORGANIZATION: Derived = Derived::new(
    "UnknownOrganizationError",
    "An organization that matches nothing (see .suggestions).",
    unknown_name,
);
static INVALID_FILTER: Derived = Derived::new(
    "InvalidFilterError",
    "A filter of the wrong type or outside its vocabulary (see .suggestions for the known values).",
    |py| Ok(vec![py.get_type::<MongoliaRelationsError>(), py.get_type::<PyValueError>()]),
);
// ValueError comes with InvalidFilterError.
static INVALID_DATE: Derived = Derived::new("InvalidDateError", "A malformed date or an inverted date range.", |py| {
    Ok(vec![INVALID_FILTER.get(py)?])
});
static FILTER_NOT_APPLICABLE: Derived = Derived::new(
    "FilterNotApplicableError",
    "A filter given to a query it does not apply to; .query, .filter and .accepted (the filters it takes) say which.",
    |py| Ok(vec![INVALID_FILTER.get(py)?]),
);
static QUERY_TIMEOUT: Derived = Derived::new(
    "QueryTimeoutError",
    "A query that ran past its deadline (raise it with timeout=).",
    |py| Ok(vec![py.get_type::<LimitError>(), py.get_type::<PyTimeoutError>()]),
);
static QUERY_MEMORY: Derived = Derived::new(
    "QueryMemoryError",
    "A query whose working memory outgrew its budget (raise it with max_memory=).",
    |py| Ok(vec![py.get_type::<LimitError>(), py.get_type::<PyMemoryError>()]),
);
static OUTPUT_EXISTS: Derived = Derived::new(
    "OutputExistsError",
    "An output that exists already (pass force=True) or that is an input of the same call.",
    |py| Ok(vec![py.get_type::<MongoliaRelationsError>(), py.get_type::<PyFileExistsError>()]),
);

impl Derived {
    const fn new(name: &'static str, doc: &'static str, bases: Bases) -> Derived {
        Derived {
            name,
            doc,
            bases,
            cell: PyOnceLock::new(),
        }
    }

    fn get<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyType>> {
        let ty = self.cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
            let dict = PyDict::new(py);
            dict.set_item("__doc__", self.doc)?;
            dict.set_item("__module__", "mongolia_relations")?;
            let bases = PyTuple::new(py, (self.bases)(py)?)?;
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
        Error::UnknownPolity { suggestions, .. } => (UNKNOWN_POLITY.err(py, message), suggestions),
        Error::AmbiguousPolity { candidates, .. } => (UNKNOWN_POLITY.err(py, message), candidates),
        Error::UnknownPerson { suggestions, .. } => (UNKNOWN_PERSON.err(py, message), suggestions),
        Error::UnknownOrganization { suggestions, .. } => (UNKNOWN_ORGANIZATION.err(py, message), suggestions),
        Error::UnknownValue { known, .. } => (INVALID_FILTER.err(py, message), known),
        Error::InvalidDate { .. } | Error::InvertedRange { .. } => (INVALID_DATE.err(py, message), Vec::new()),
        Error::InvalidInput { .. } => (INVALID_FILTER.err(py, message), Vec::new()),
        Error::FilterNotApplicable { query, filter, accepted } => {
            let exc = FILTER_NOT_APPLICABLE.err(py, message);
            // Attributes are a convenience; failing to set one must not hide the error itself.
            let _ = exc.value(py).setattr("query", query);
            let _ = exc.value(py).setattr("filter", filter);
            let _ = exc.value(py).setattr("accepted", accepted.clone());
            (exc, accepted.into_iter().map(str::to_string).collect())
        }
        Error::ReadOnly { .. } => (ReadOnlyError::new_err(message), Vec::new()),
        Error::OpenFile { .. }
        | Error::Io { .. }
        | Error::OutputFailed { .. }
        | Error::RemoveFile { .. }
        | Error::Serialize { path: Some(_), .. } => (DatabaseFileError::new_err(message), Vec::new()),
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
    // Class-level defaults of the attributes `to_py` sets on each instance, so that an error
    // raised elsewhere (by the Python layer itself) has them too, empty.
    py.get_type::<MongoliaRelationsError>().setattr("suggestions", PyTuple::empty(py))?;
    py.get_type::<SeedError>().setattr("problems", PyTuple::empty(py))?;
    // Set by `countrycode(strict=True)`: every value it could not convert.
    UNKNOWN_POLITY.get(py)?.setattr("unmatched", PyTuple::empty(py))?;
    m.add("MongoliaRelationsError", py.get_type::<MongoliaRelationsError>())?;
    m.add("ReadOnlyError", py.get_type::<ReadOnlyError>())?;
    m.add("SqlError", py.get_type::<SqlError>())?;
    m.add("DatabaseFileError", py.get_type::<DatabaseFileError>())?;
    m.add("SeedError", py.get_type::<SeedError>())?;
    m.add("LimitError", py.get_type::<LimitError>())?;
    m.add("ResultTooLargeError", py.get_type::<ResultTooLargeError>())?;
    m.add("QueryTooComplexError", py.get_type::<QueryTooComplexError>())?;
    for class in [
        &UNKNOWN_POLITY,
        &UNKNOWN_PERSON,
        &UNKNOWN_ORGANIZATION,
        &INVALID_FILTER,
        &INVALID_DATE,
        &FILTER_NOT_APPLICABLE,
        &QUERY_TIMEOUT,
        &QUERY_MEMORY,
        &OUTPUT_EXISTS,
    ] {
        m.add(class.name, class.get(py)?)?;
    }
    Ok(())
}
