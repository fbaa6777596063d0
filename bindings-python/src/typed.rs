//! Typed records of a query, kept as they came from the core: Python dictionaries and the
//! Arrow batch are both made from their fields (the record definitions), never through JSON.

use arrow_array::types::Int32Type;
use arrow_array::{Array, DictionaryArray, RecordBatch, StringArray};
use arrow_schema::ArrowError;
use mongolia_relations::columns::{self, Vocabularies};
use mongolia_relations::record::{Cell, Cells, ColumnType, FieldDef, Record};
use mongolia_relations::Dataset;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyList, PyString, PyTuple};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The rows of one record kind, whatever the kind.
pub trait Rows: Send + Sync {
    /// How many.
    fn len(&self) -> usize;
    /// The column names, in order.
    fn columns(&self) -> Vec<String>;
    /// Row `index` as a dictionary, one key per column.
    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyDict>>;
    /// The rows as one Arrow batch (built once).
    fn batch(&self) -> Result<&RecordBatch, ArrowError>;
    /// The rows serialized, as the command line prints them (to find the sources they cite).
    fn json(&self) -> Vec<serde_json::Value>;
    /// Every row as an instance of the record class `cls` (lists as tuples), its `_db` set to
    /// `db`, without calling the class's `__init__`.
    fn records<'py>(&self, py: Python<'py>, cls: &Bound<'py, PyAny>, db: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>>;
}

/// Records of kind `R` with the vocabularies of their categorical columns.
pub struct Typed<R: Record> {
    rows: Vec<R>,
    vocabularies: Vocabularies,
    batch: OnceLock<Result<RecordBatch, String>>,
}

/// The typed rows of a query, with the vocabularies of `data`.
pub fn typed<R: Record>(data: &Dataset, rows: Vec<R>) -> mongolia_relations::Result<Box<dyn Rows>> {
    let vocabularies = data.vocabularies(R::FIELDS)?;
    Ok(Box::new(Typed {
        rows,
        vocabularies,
        batch: OnceLock::new(),
    }))
}

impl<R: Record> Rows for Typed<R> {
    fn len(&self) -> usize {
        self.rows.len()
    }

    fn columns(&self) -> Vec<String> {
        columns::schema::<R>(&self.vocabularies)
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<Bound<'py, PyDict>> {
        let record = self
            .rows
            .get(index)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(format!("row {index} out of range")))?;
        record_dict(py, R::FIELDS, record, &self.vocabularies)
    }

    fn batch(&self) -> Result<&RecordBatch, ArrowError> {
        self.batch
            .get_or_init(|| columns::to_batch(&self.rows, &self.vocabularies).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ArrowError::ComputeError(e.clone()))
    }

    fn json(&self) -> Vec<serde_json::Value> {
        self.rows.iter().map(|r| serde_json::to_value(r).unwrap_or_default()).collect()
    }

    fn records<'py>(&self, py: Python<'py>, cls: &Bound<'py, PyAny>, db: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        // The record classes are frozen dataclasses made from exactly these fields: filling
        // each instance's __dict__ skips one frozen __setattr__ per field (the hot path of
        // iterating a result set).
        let new = py.import("builtins")?.getattr("object")?.getattr("__new__")?;
        let names: Vec<Bound<'py, PyString>> = R::FIELDS.iter().map(|f| PyString::intern(py, f.name)).collect();
        let dict_name = pyo3::intern!(py, "__dict__");
        let db_name = pyo3::intern!(py, "_db");
        let out = PyList::empty(py);
        for record in &self.rows {
            let object = new.call1((cls,))?;
            let values = object.getattr(dict_name)?.cast_into::<PyDict>()?;
            let mut failed = None;
            let mut i = 0;
            record.cells(&mut |cell| {
                if failed.is_none() {
                    let value = py_cell(py, cell, &self.vocabularies, true).and_then(|v| values.set_item(&names[i], v));
                    failed = value.err();
                }
                i += 1;
            });
            if let Some(e) = failed {
                return Err(e);
            }
            values.set_item(db_name, db)?;
            out.append(object)?;
        }
        Ok(out)
    }
}

/// One record as a dictionary: a key per field, a series' keys (every one of its vocabulary)
/// in its place.
fn record_dict<'py>(py: Python<'py>, fields: &[FieldDef], record: &dyn Cells, vocabularies: &Vocabularies) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    let mut failed = None;
    let mut i = 0;
    record.cells(&mut |cell| {
        if failed.is_some() {
            return;
        }
        let field = &fields[i];
        i += 1;
        let result = match (&cell, field.column, field.vocabulary) {
            (Cell::Series(map), ColumnType::Series, Some(sql)) => vocabularies
                .get(sql)
                .iter()
                .try_for_each(|k| dict.set_item(k, map.get(k).copied().flatten())),
            _ => py_cell(py, cell, vocabularies, false).and_then(|v| dict.set_item(field.name, v)),
        };
        if let Err(e) = result {
            failed = Some(e);
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(dict),
    }
}

/// One value as a Python object: dates as `datetime.date`, lists as lists (as tuples with
/// `tuples`, for records), nested records as dictionaries, missing as None.
fn py_cell<'py>(py: Python<'py>, cell: Cell<'_>, vocabularies: &Vocabularies, tuples: bool) -> PyResult<Bound<'py, PyAny>> {
    use chrono::Datelike;
    let none = || py.None().into_bound(py);
    Ok(match cell {
        Cell::Int(v) => v.map_or_else(|| Ok(none()), |v| v.into_pyobject(py).map(Bound::into_any))?,
        Cell::Float(v) => v.map_or_else(|| Ok(none()), |v| v.into_pyobject(py).map(Bound::into_any))?,
        Cell::Bool(v) => match v {
            Some(b) => b.into_pyobject(py)?.to_owned().into_any(),
            None => none(),
        },
        Cell::Text(v) => v.map_or_else(|| Ok(none()), |v| v.into_pyobject(py).map(Bound::into_any))?,
        Cell::Date(v) => match v {
            Some(d) => PyDate::new(py, d.year(), d.month() as u8, d.day() as u8)?.into_any(),
            None => none(),
        },
        Cell::TextList(items) if tuples => PyTuple::new(py, items)?.into_any(),
        Cell::TextList(items) => PyList::new(py, items)?.into_any(),
        Cell::IntList(items) if tuples => PyTuple::new(py, items)?.into_any(),
        Cell::IntList(items) => PyList::new(py, items)?.into_any(),
        Cell::Records(fields, items) => {
            let dicts = items
                .into_iter()
                .map(|item| record_dict(py, fields, item, vocabularies))
                .collect::<PyResult<Vec<_>>>()?;
            if tuples {
                PyTuple::new(py, dicts)?.into_any()
            } else {
                PyList::new(py, dicts)?.into_any()
            }
        }
        Cell::Series(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, *v)?;
            }
            dict.into_any()
        }
    })
}

/// The categories of each dictionary column of `batch`: the whole vocabulary, in order.
pub fn categories(batch: &RecordBatch) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for (field, array) in batch.schema().fields().iter().zip(batch.columns()) {
        if let Some(dict) = array.as_any().downcast_ref::<DictionaryArray<Int32Type>>() {
            if let Some(values) = dict.values().as_any().downcast_ref::<StringArray>() {
                out.insert(
                    field.name().clone(),
                    values.iter().map(|v| v.unwrap_or_default().to_string()).collect(),
                );
            }
        }
    }
    out
}
