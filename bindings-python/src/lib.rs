//! The native half of the `mongolia_relations` Python package (`mongolia_relations._native`).
//!
//! Queries run without the GIL on this thread's connection, so many Python threads can query at
//! once. Typed records are kept as the core returns them (Arrow columns and Python dictionaries
//! are made from their fields, see `typed.rs`) and free SQL results are written straight from
//! SQLite's values into Arrow columns; either is handed to Python as dictionaries (for record
//! objects) or as one Arrow batch through the PyCapsule stream protocol, which pandas, polars,
//! pyarrow and DuckDB read without a Python object per row.

#![warn(missing_docs)]

mod columns;
mod errors;
mod typed;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use mongolia_relations::{CitationFormat, Dataset, Filter, FilterName, FilterValue, Limits, Overwrite, Query};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyDate, PyDict, PyList, PyTuple};
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// What a query hands back: typed records, or, for free SQL, columns already written into one
/// Arrow batch.
enum Payload {
    Records(Box<dyn typed::Rows>),
    Batch(RecordBatch),
}

/// Rows of one query, with the layout of their columns.
#[pyclass(frozen, module = "mongolia_relations._native")]
struct NativeResult {
    kind: String,
    payload: Payload,
}

/// A JSON value (a verification, a conversion, a manifest) as Python objects.
fn py_value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::Array(items) => {
            let list = PyList::empty(py);
            for i in items {
                list.append(py_value(py, i)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, py_value(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

#[pymethods]
impl NativeResult {
    /// The kind of records ("events", "treaties", ..., "sql").
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }

    /// Column names, in order.
    #[getter]
    fn columns(&self) -> Vec<String> {
        match &self.payload {
            Payload::Records(rows) => rows.columns(),
            Payload::Batch(batch) => batch.schema().fields().iter().map(|f| f.name().clone()).collect(),
        }
    }

    fn __len__(&self) -> usize {
        match &self.payload {
            Payload::Records(rows) => rows.len(),
            Payload::Batch(batch) => batch.num_rows(),
        }
    }

    /// Row `index` as a dictionary (dates as `datetime.date`).
    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyDict>> {
        if index >= self.__len__() {
            return Err(pyo3::exceptions::PyIndexError::new_err(format!("row {index} out of range")));
        }
        match &self.payload {
            Payload::Records(rows) => rows.row(py, index),
            Payload::Batch(batch) => {
                let dict = PyDict::new(py);
                for (field, array) in batch.schema().fields().iter().zip(batch.columns()) {
                    dict.set_item(field.name(), columns::py_cell(py, array, index)?)?;
                }
                Ok(dict)
            }
        }
    }

    /// Every row as an instance of the record class `cls`, made without its `__init__`, its
    /// `_db` set to `db`.
    fn records<'py>(&self, py: Python<'py>, cls: Bound<'py, PyAny>, db: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        match &self.payload {
            Payload::Records(rows) => rows.records(py, &cls, &db),
            Payload::Batch(_) => Err(pyo3::exceptions::PyTypeError::new_err(
                "an sql result has no record class: iterate its rows",
            )),
        }
    }

    /// The categories of each categorical column: its whole vocabulary, in order, whatever
    /// the rows (for polars `Enum`s and pandas `CategoricalDtype`s that match across results).
    fn categories(&self, py: Python<'_>) -> PyResult<HashMap<String, Vec<String>>> {
        Ok(typed::categories(&self.arrow_batch(py)?))
    }

    /// The references of the sources behind these rows ("bibtex", "biblatex" or "text"), from
    /// the database the rows came from (`db`, else the embedded dataset).
    #[pyo3(signature = (format="bibtex", db=None))]
    fn cite_sources(&self, py: Python<'_>, format: &str, db: Option<Py<NativeDatabase>>) -> PyResult<String> {
        let format = CitationFormat::parse(format).map_err(|e| errors::to_py(py, e))?;
        let Payload::Records(rows) = &self.payload else {
            return Err(errors::to_py(
                py,
                mongolia_relations::Error::InvalidInput {
                    field: "result",
                    reason: "an sql result names its sources only in a `source` column: pass those ids to cite_sources".into(),
                },
            ));
        };
        py.detach(|| {
            with_data(handle(&db), Limits::default(), |data| {
                let ids = data.sources_behind(&self.kind, &rows.json())?;
                data.cite_sources(&ids, format)
            })
        })
        .map_err(|e| errors::to_py(py, e))
    }

    /// The rows as an Arrow C stream (the PyCapsule protocol).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(&self, py: Python<'py>, requested_schema: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyCapsule>> {
        // The schema is fixed by the record kind; a requested schema is a hint we may ignore.
        let _ = requested_schema;
        let batch = self.arrow_batch(py)?;
        let schema = batch.schema();
        let reader = RecordBatchIterator::new(vec![Ok(batch)], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}

impl NativeResult {
    /// The rows as one Arrow batch (built once for typed records, without the GIL).
    fn arrow_batch(&self, py: Python<'_>) -> PyResult<RecordBatch> {
        match &self.payload {
            Payload::Records(rows) => py.detach(|| rows.batch().cloned()).map_err(errors::arrow),
            Payload::Batch(batch) => Ok(batch.clone()),
        }
    }
}

thread_local! {
    // One embedded connection per OS thread: its statements stay prepared and resolved names
    // stay cached across calls, and no connection is ever shared between threads.
    static EMBEDDED: std::cell::OnceCell<Dataset> = const { std::cell::OnceCell::new() };
    // This thread's connection to each opened file, by the id of its `Database`, kept for the
    // same reasons; a `Rc` so that no borrow of the map is held while a query runs.
    static FILES: std::cell::RefCell<HashMap<u64, std::rc::Rc<Dataset>>> = std::cell::RefCell::new(HashMap::new());
    // How many handles had been dropped when this thread last dropped its connections to them.
    static SWEPT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The ids of the `Database` handles alive, and how many have been dropped: a thread drops its
/// connections to dropped handles the next time it queries an opened file (the thread that drops
/// the handle at once; a thread's connections also end with the thread).
static LIVE: std::sync::Mutex<Vec<u64>> = std::sync::Mutex::new(Vec::new());
static DROPPED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A database file opened from Python (`mr.open`). Every thread that queries it keeps one
/// connection to the file, opened on its first query there, so statements stay prepared and
/// names resolved across calls instead of the file being opened again on every call.
#[pyclass(frozen, module = "mongolia_relations._native", name = "Database")]
struct NativeDatabase {
    id: u64,
    path: String,
}

#[pymethods]
impl NativeDatabase {
    /// Opens the file `path` as [`Dataset::open`] does, raising what it refuses.
    #[new]
    fn new(py: Python<'_>, path: String) -> PyResult<Self> {
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        LIVE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(id);
        let db = NativeDatabase { id, path };
        py.detach(|| with_data(Some(&db), Limits::default(), |_| Ok(())))
            .map_err(|e| errors::to_py(py, e))?;
        Ok(db)
    }

    /// The file.
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }
}

impl Drop for NativeDatabase {
    fn drop(&mut self) {
        LIVE.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .retain(|id| *id != self.id);
        DROPPED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // Busy only if a query of this thread is between its borrows; the next sweep takes it.
        let _ = FILES.try_with(|files| files.try_borrow_mut().map(|mut f| f.remove(&self.id)));
    }
}

/// This thread's connection to the file of `db`, opened on first use.
fn connection_to(db: &NativeDatabase) -> mongolia_relations::Result<std::rc::Rc<Dataset>> {
    let dropped = DROPPED.load(std::sync::atomic::Ordering::Relaxed);
    FILES.with(|files| {
        if SWEPT.get() != dropped {
            let live = LIVE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
            files.borrow_mut().retain(|id, _| live.contains(id));
            SWEPT.set(dropped);
        }
        if let Some(data) = files.borrow().get(&db.id) {
            return Ok(data.clone());
        }
        let data = Dataset::open(&db.path)?;
        data.set_interrupt_check(errors::signals_raised);
        let data = std::rc::Rc::new(data);
        files.borrow_mut().insert(db.id, data.clone());
        Ok(data)
    })
}

/// Runs `f` on the embedded dataset or on the opened file `db` (this thread's connection to
/// either), under `limits`; Ctrl-C reaches a running query through Python's signal check.
fn with_data<T>(
    db: Option<&NativeDatabase>,
    limits: Limits,
    f: impl FnOnce(&Dataset) -> mongolia_relations::Result<T>,
) -> mongolia_relations::Result<T> {
    errors::clear_pending();
    hold_heap_to(&limits);
    let run = |data: &Dataset| {
        data.set_limits(limits)?;
        f(data)
    };
    match db {
        Some(db) => run(connection_to(db)?.as_ref()),
        None => EMBEDDED.with(|cell| match cell.get() {
            Some(data) => run(data),
            None => {
                let data = Dataset::embedded()?;
                data.set_interrupt_check(errors::signals_raised);
                let result = run(&data);
                let _ = cell.set(data);
                result
            }
        }),
    }
}

/// The handle a native function was given, as `with_data` takes it.
fn handle(db: &Option<Py<NativeDatabase>>) -> Option<&NativeDatabase> {
    db.as_ref().map(|d| d.get())
}

/// Room SQLite's heap has above the largest working-memory budget asked for (pages, statements).
const HEAP_ROOM: u64 = 512 << 20;

/// The hard heap limit set so far (0: none).
static HELD: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Keeps SQLite's hard heap limit above every budget asked for so far. The limit binds every
/// connection of the same SQLite library in the process; the wheel links a private copy of
/// SQLite (its symbols are not exported), so that is this package's connections only, never
/// Python's `sqlite3`. It stops what the per-query budget, checked every few hundred steps,
/// could let through between two checks.
fn hold_heap_to(limits: &Limits) {
    let wanted = limits.memory.saturating_add(HEAP_ROOM);
    if HELD.fetch_max(wanted, std::sync::atomic::Ordering::Relaxed) < wanted {
        // The largest asked for, should another thread have raised it meanwhile.
        mongolia_relations::set_process_heap_limit(Some(HELD.load(std::sync::atomic::Ordering::Relaxed)));
    }
}

/// The per-call bounds given from Python (`timeout` in seconds, the others in rows or bytes),
/// over the defaults.
fn limits_from(given: Option<HashMap<String, f64>>) -> mongolia_relations::Result<Limits> {
    let mut limits = Limits::default();
    for (key, value) in given.unwrap_or_default() {
        let bad = |why: &str| mongolia_relations::Error::InvalidInput {
            field: "limits",
            reason: format!("{key}={value}: {why}"),
        };
        if !value.is_finite() || value <= 0.0 {
            return Err(bad("must be a positive number"));
        }
        let count = value as u64;
        match key.as_str() {
            "timeout" => limits.timeout = Duration::try_from_secs_f64(value).map_err(|_| bad("not a number of seconds"))?,
            "max_rows" => limits.max_rows = count,
            // Arrow's string columns hold at most 2 GiB; past that the conversion could not be made.
            "max_bytes" if value > f64::from(i32::MAX) => return Err(bad("at most 2147483647 (2 GiB - 1)")),
            "max_bytes" => limits.max_bytes = count,
            "max_value_bytes" if value > f64::from(i32::MAX) => return Err(bad("at most 2147483647 (2 GiB - 1)")),
            "max_value_bytes" => limits.max_value_bytes = count,
            "max_memory" => limits.memory = count,
            _ => {
                return Err(bad(
                    "unknown bound; the bounds are timeout, max_rows, max_bytes, max_value_bytes, max_memory",
                ))
            }
        }
    }
    Ok(limits)
}

/// A Python value as the text [`Filter::set`] takes, in the form [`FilterValue`] says `name`
/// takes (the one definition, so Python accepts what Rust and the command line accept).
fn filter_texts(name: FilterName, value: &Bound<'_, PyAny>) -> mongolia_relations::Result<Vec<String>> {
    let kind = |v: &Bound<'_, PyAny>| v.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    let text = |v: &Bound<'_, PyAny>| -> Option<String> {
        if v.is_instance_of::<PyBool>() {
            return None;
        }
        v.extract::<String>()
            .ok()
            .or_else(|| v.extract::<i64>().ok().map(|n| n.to_string()))
    };
    let wrong = |what: &str, v: &Bound<'_, PyAny>| mongolia_relations::Error::InvalidInput {
        field: name.name(),
        reason: format!(
            "must be {what}, not {}: {}",
            kind(v),
            v.repr().map(|r| r.to_string()).unwrap_or_default()
        ),
    };
    match name.value() {
        FilterValue::Flag => match value.cast::<PyBool>() {
            Ok(b) => Ok(vec![b.is_true().to_string()]),
            Err(_) => Err(wrong("True or False", value)),
        },
        FilterValue::Date => {
            if value.is_instance_of::<PyDate>() {
                // A datetime is a date too: its day is the bound.
                let part = |field: &str| value.getattr(field).and_then(|v| v.extract::<u32>()).ok();
                let day = match (
                    value.getattr("year").and_then(|v| v.extract::<i32>()).ok(),
                    part("month"),
                    part("day"),
                ) {
                    (Some(y), Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(y, m, d),
                    _ => None,
                };
                if let Some(day) = day {
                    return Ok(vec![mongolia_relations::DateBound::from(day).0]);
                }
            }
            if !value.is_instance_of::<PyBool>() {
                if let Ok(year) = value.extract::<i32>() {
                    return Ok(vec![mongolia_relations::DateBound::from(year).0]);
                }
                if let Ok(edtf) = value.extract::<String>() {
                    return Ok(vec![edtf]);
                }
            }
            Err(mongolia_relations::Error::InvalidDate {
                field: name.name(),
                input: value.repr().map(|r| r.to_string()).unwrap_or_default(),
                reason: format!(
                    "a {} is not a date; give an EDTF string ('1986', '1988-06'), a year as int, or a datetime.date",
                    kind(value)
                ),
            })
        }
        FilterValue::Polities if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() => value
            .try_iter()
            .map_err(|_| wrong("a name, code or COW number, or a list of them", value))?
            .map(|item| {
                let item = item.map_err(|_| wrong("a name, code or COW number, or a list of them", value))?;
                text(&item).ok_or_else(|| wrong("a name, code or COW number, or a list of them", &item))
            })
            .collect(),
        FilterValue::Polities => text(value)
            .map(|t| vec![t])
            .ok_or_else(|| wrong("a name, code or COW number, or a list of them", value)),
        _ => text(value)
            .map(|t| vec![t])
            .ok_or_else(|| wrong("a string (a name or code)", value)),
    }
}

/// The filter of `query` from Python's keyword arguments (None: not given), refusing a filter
/// the query does not take.
fn filter_from(query: Option<Query>, args: &Bound<'_, PyDict>) -> mongolia_relations::Result<Filter> {
    let mut filter = Filter::new();
    for (key, value) in args.iter() {
        if value.is_none() {
            continue;
        }
        let key: String = key.extract().unwrap_or_default();
        let Some(name) = FilterName::ALL.iter().copied().find(|n| n.name() == key) else {
            return Err(mongolia_relations::Error::InvalidInput {
                field: "filter",
                reason: format!(
                    "no filter is named {key:?}; the filters are {}",
                    FilterName::ALL.iter().map(|n| n.name()).collect::<Vec<_>>().join(", ")
                ),
            });
        };
        for text in filter_texts(name, &value)? {
            filter.set(name, &text)?;
        }
    }
    match query {
        Some(query) => filter.check(query)?,
        // A query without filters refuses every one.
        None if filter != Filter::new() => {
            let given = FilterName::ALL.iter().find(|n| filter.is_set(**n)).map_or("", |n| n.name());
            return Err(mongolia_relations::Error::InvalidInput {
                field: "filter",
                reason: format!("this query takes no filters, not {given}"),
            });
        }
        None => {}
    }
    Ok(filter)
}

/// The filters each query takes, by query name: [`Query::filters`], for Python's checks.
#[pyfunction]
fn query_filters() -> HashMap<&'static str, Vec<&'static str>> {
    Query::ALL
        .iter()
        .map(|q| (q.name(), q.filters().iter().map(|n| n.name()).collect()))
        .collect()
}

/// Runs query `kind` with `filters` (Python values, checked against what the query takes) on
/// the embedded dataset or the file `db`.
/// `text` is the search text (search), the SQL (sql), or `table:id` (citations, disputes_of);
/// `limits` the bounds of this call (timeout, max_rows, max_bytes, max_value_bytes, max_memory).
#[pyfunction]
#[pyo3(signature = (kind, filters, db=None, text=None, limits=None))]
fn query(
    py: Python<'_>,
    kind: &str,
    filters: &Bound<'_, PyDict>,
    db: Option<Py<NativeDatabase>>,
    text: Option<String>,
    limits: Option<HashMap<String, f64>>,
) -> PyResult<NativeResult> {
    let kind_owned = kind.to_string();
    let limits = limits_from(limits).map_err(|e| errors::to_py(py, e))?;
    let f = filter_from(Query::named(kind), filters).map_err(|e| errors::to_py(py, e))?;
    let result = py.detach(move || -> mongolia_relations::Result<Result<Payload, arrow_schema::ArrowError>> {
        with_data(handle(&db), limits, |data| {
            let text = text.unwrap_or_default();
            let record_key = || {
                text.split_once(':')
                    .map(|(t, i)| (t.to_string(), i.to_string()))
                    .unwrap_or_default()
            };
            let rows = match kind_owned.as_str() {
                "events" => typed::typed(data, data.events(&f)?)?,
                "search" => typed::typed(data, data.search(&text)?)?,
                "treaties" => typed::typed(data, data.treaties(&f)?)?,
                "postings" => typed::typed(data, data.postings(&f)?)?,
                "missions" => typed::typed(data, data.missions(&f)?)?,
                "memberships" => typed::typed(data, data.memberships(&f)?)?,
                "observations" => typed::typed(data, data.observations(&f)?)?,
                "polities" => typed::typed(data, data.polities(&f)?)?,
                "codes" => typed::typed(data, data.codes(&f)?)?,
                "persons" => typed::typed(data, data.persons(&f)?)?,
                "organizations" => typed::typed(data, data.organizations(&f)?)?,
                "sources" => typed::typed(data, data.sources()?)?,
                "disputes" => typed::typed(data, data.disputes(&f)?)?,
                "coverage" => typed::typed(data, data.coverage()?)?,
                "unga_votes" => typed::typed(data, data.unga_votes(&f)?)?,
                "unga_agreement" => typed::typed(data, data.unga_agreement(&f)?)?,
                "citations" => {
                    let (t, i) = record_key();
                    typed::typed(data, data.citations(&t, &i)?)?
                }
                "disputes_of" => {
                    let (t, i) = record_key();
                    typed::typed(data, data.disputes_of(&t, &i)?)?
                }
                "dyad_years" => typed::typed(data, data.dyad_years(&f)?)?,
                "sql" => {
                    // Straight from SQLite's values into Arrow builders: no value per cell.
                    return Ok(Ok(Payload::Batch(data.sql_arrow(&text)?)));
                }
                other => {
                    return Err(mongolia_relations::Error::InvalidInput {
                        field: "query",
                        reason: format!("no query named {other:?}"),
                    });
                }
            };
            Ok(Ok(Payload::Records(rows)))
        })
    });
    let payload = result.map_err(|e| errors::to_py(py, e))?.map_err(errors::arrow)?;
    Ok(NativeResult {
        kind: kind.to_string(),
        payload,
    })
}

/// Dataset metadata: version, content hash, file hash, schema version, citation. For a user's
/// file `content_hash` is recomputed from its rows and `claimed_content_hash` is the file's claim.
#[pyfunction]
#[pyo3(signature = (db=None))]
fn metadata(py: Python<'_>, db: Option<Py<NativeDatabase>>) -> PyResult<HashMap<String, String>> {
    py.detach(move || -> mongolia_relations::Result<HashMap<String, String>> {
        with_data(handle(&db), Limits::default(), |data| {
            let mut out: HashMap<String, String> = data
                .sql("SELECT key, value FROM metadata")?
                .rows
                .into_iter()
                .filter_map(|r| Some((r[0].as_str()?.to_string(), r[1].as_str()?.to_string())))
                .collect();
            if data.is_embedded() {
                out.insert("file_sha256".into(), mongolia_relations::FILE_SHA256.into());
            } else if let Some(claimed) = out.insert("content_hash".into(), data.content_hash()?) {
                out.insert("claimed_content_hash".into(), claimed);
            }
            Ok(out)
        })
    })
    .map_err(|e| errors::to_py(py, e))
}

/// Recomputes the content hash of the file `db` (or of the embedded dataset) and compares it
/// with the one it claims: `{"claimed", "actual", "matches"}`.
#[pyfunction]
#[pyo3(signature = (db=None))]
fn verify<'py>(py: Python<'py>, db: Option<Py<NativeDatabase>>) -> PyResult<Bound<'py, PyAny>> {
    let verification = py
        .detach(move || with_data(handle(&db), Limits::default(), |data| data.verify()))
        .map_err(|e| errors::to_py(py, e))?;
    py_value(py, &serde_json::to_value(verification).unwrap_or(Value::Null))
}

/// The polity a scheme's code denoted on a day (EDTF; may be left out when the code only ever
/// denoted one polity).
#[pyfunction]
#[pyo3(signature = (scheme, code, on=None, db=None))]
fn polity_for_code(py: Python<'_>, scheme: String, code: String, on: Option<String>, db: Option<Py<NativeDatabase>>) -> PyResult<String> {
    py.detach(move || {
        with_data(handle(&db), Limits::default(), |data| {
            data.polity_for_code(&scheme, &code, on.as_deref())
        })
    })
    .map_err(|e| errors::to_py(py, e))
}

/// Converts `values` from one code scheme to another (`Dataset::countrycode`); returns
/// `{"values": [...], "unmatched": [{"index", "value", "reason", "suggestions"}]}`.
#[pyfunction]
#[pyo3(signature = (values, origin, destination, on, db=None))]
fn countrycode<'py>(
    py: Python<'py>,
    values: Vec<Option<String>>,
    origin: String,
    destination: String,
    on: Vec<Option<String>>,
    db: Option<Py<NativeDatabase>>,
) -> PyResult<Bound<'py, PyAny>> {
    let conversion = py
        .detach(move || {
            with_data(handle(&db), Limits::default(), |data| {
                data.countrycode(&values, &origin, &destination, &on)
            })
        })
        .map_err(|e| errors::to_py(py, e))?;
    py_value(py, &serde_json::to_value(conversion).unwrap_or(Value::Null))
}

/// The citation of the dataset as "text", "bibtex" (`@misc`) or "biblatex" (`@dataset`).
#[pyfunction]
#[pyo3(signature = (format="bibtex", db=None))]
fn cite(py: Python<'_>, format: &str, db: Option<Py<NativeDatabase>>) -> PyResult<String> {
    let format = CitationFormat::parse(format).map_err(|e| errors::to_py(py, e))?;
    py.detach(move || with_data(handle(&db), Limits::default(), |data| data.cite(format)))
        .map_err(|e| errors::to_py(py, e))
}

/// The references of the sources with these ids ("bibtex", "biblatex" or "text").
#[pyfunction]
#[pyo3(signature = (ids, format="bibtex", db=None))]
fn cite_source_ids(py: Python<'_>, ids: Vec<String>, format: &str, db: Option<Py<NativeDatabase>>) -> PyResult<String> {
    let format = CitationFormat::parse(format).map_err(|e| errors::to_py(py, e))?;
    py.detach(move || with_data(handle(&db), Limits::default(), |data| data.cite_sources(&ids, format)))
        .map_err(|e| errors::to_py(py, e))
}

/// Runs the command line (`argv[0]` is the program's name) and returns its exit status: the
/// same code as the `mongolia-relations` binary, writing to the process's stdout and stderr.
/// Ctrl-C stops a running query (status 130).
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<String>) -> u8 {
    errors::clear_pending();
    let status = py.detach(move || {
        let status = mongolia_relations::cli::run_args(argv, errors::signals_raised);
        let _ = std::io::Write::flush(&mut std::io::stdout());
        status
    });
    // The command line holds SQLite's heap to its own budget; give the process back the limit
    // its queries had (none, if they set none).
    let held = HELD.load(std::sync::atomic::Ordering::Relaxed);
    mongolia_relations::set_process_heap_limit((held > 0).then_some(held));
    errors::clear_pending();
    status
}

/// Builds the embedded dataset plus seed folders into a new database file; returns its content
/// hash. An existing `out` is replaced only with `force` (never a seed file).
#[pyfunction]
#[pyo3(signature = (extra, out, force=false))]
fn build_extension(py: Python<'_>, extra: Vec<String>, out: String, force: bool) -> PyResult<String> {
    py.detach(move || {
        let dirs: Vec<&std::path::Path> = extra.iter().map(std::path::Path::new).collect();
        Dataset::build_extended_with(&dirs, std::path::Path::new(&out), overwrite(force)).map(|s| s.content_hash)
    })
    .map_err(|e| errors::to_py(py, e))
}

fn overwrite(force: bool) -> Overwrite {
    if force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    }
}

/// Exports every table as csv, jsonl or parquet, plus the SQLite file, an ICEWS-layout event
/// file and manifest.json, into `out`; or, as "datasette", the SQLite file and a Datasette
/// metadata.json; returns the manifest. Files already there are replaced
/// only with `force` (never the database file being exported).
#[pyfunction]
#[pyo3(signature = (out, format="csv", db=None, force=false))]
fn export<'py>(py: Python<'py>, out: String, format: &str, db: Option<Py<NativeDatabase>>, force: bool) -> PyResult<Bound<'py, PyAny>> {
    let format = match format {
        "csv" => Some(mongolia_relations::ExportFormat::Csv),
        "jsonl" => Some(mongolia_relations::ExportFormat::Jsonl),
        "parquet" => Some(mongolia_relations::ExportFormat::Parquet),
        // The database and a Datasette metadata.json, to serve with `datasette serve --immutable`.
        "datasette" => None,
        other => {
            return Err(errors::to_py(
                py,
                mongolia_relations::Error::UnknownValue {
                    vocabulary: "export format",
                    input: other.into(),
                    known: vec!["csv".into(), "datasette".into(), "jsonl".into(), "parquet".into()],
                },
            ))
        }
    };
    let manifest = py
        .detach(move || {
            with_data(handle(&db), Limits::default(), |data| match format {
                Some(format) => data.export_with(std::path::Path::new(&out), format, overwrite(force)),
                None => data.export_datasette(std::path::Path::new(&out), overwrite(force)),
            })
        })
        .map_err(|e| errors::to_py(py, e))?;
    py_value(py, &serde_json::to_value(manifest).unwrap_or(Value::Null))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeResult>()?;
    m.add_class::<NativeDatabase>()?;
    m.add_function(wrap_pyfunction!(query, m)?)?;
    m.add_function(wrap_pyfunction!(query_filters, m)?)?;
    m.add_function(wrap_pyfunction!(metadata, m)?)?;
    m.add_function(wrap_pyfunction!(cite, m)?)?;
    m.add_function(wrap_pyfunction!(cite_source_ids, m)?)?;
    m.add_function(wrap_pyfunction!(main, m)?)?;
    m.add_function(wrap_pyfunction!(polity_for_code, m)?)?;
    m.add_function(wrap_pyfunction!(countrycode, m)?)?;
    m.add_function(wrap_pyfunction!(build_extension, m)?)?;
    m.add_function(wrap_pyfunction!(export, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add("CONTENT_HASH", mongolia_relations::CONTENT_HASH)?;
    m.add("FILE_SHA256", mongolia_relations::FILE_SHA256)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)
}
