//! The columns of a free SQL result, typed by their values, and their cells as Python values.
//! (Typed records have their columns from their definitions: see `typed.rs`.)

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{Array, ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use pyo3::prelude::*;
use rusqlite::types::ValueRef;
use std::sync::Arc;

/// One column of a free SQL result. SQLite columns have no fixed type, so a column starts
/// untyped and widens as values arrive: integers, then floats once a real appears, then text
/// once a string (or BLOB, as hex) appears, with the earlier numbers written as text.
enum SqlColumn {
    Untyped(usize),
    Int(Int64Builder),
    Float(Float64Builder),
    Text(StringBuilder),
}

impl SqlColumn {
    fn push(&mut self, value: ValueRef<'_>) {
        match (&mut *self, value) {
            (SqlColumn::Untyped(nulls), ValueRef::Null) => *nulls += 1,
            (SqlColumn::Int(b), ValueRef::Null) => b.append_null(),
            (SqlColumn::Float(b), ValueRef::Null) => b.append_null(),
            (SqlColumn::Text(b), ValueRef::Null) => b.append_null(),
            (SqlColumn::Int(b), ValueRef::Integer(v)) => b.append_value(v),
            (SqlColumn::Float(b), ValueRef::Integer(v)) => b.append_value(v as f64),
            (SqlColumn::Float(b), ValueRef::Real(v)) => b.append_value(v),
            (SqlColumn::Text(b), ValueRef::Text(t)) => b.append_value(String::from_utf8_lossy(t)),
            (SqlColumn::Text(b), ValueRef::Integer(v)) => b.append_value(v.to_string()),
            (SqlColumn::Text(b), ValueRef::Real(v)) => b.append_value(v.to_string()),
            (SqlColumn::Text(b), ValueRef::Blob(v)) => b.append_value(mongolia_relations::builder::hex(v)),
            (_, value) => {
                self.widen(value);
                self.push(value);
            }
        }
    }

    /// Turns the column into the type that can hold `value` as well as what it holds.
    fn widen(&mut self, value: ValueRef<'_>) {
        *self = match (std::mem::replace(self, SqlColumn::Untyped(0)), value) {
            (SqlColumn::Untyped(nulls), ValueRef::Integer(_)) => {
                let mut b = Int64Builder::new();
                b.append_nulls(nulls);
                SqlColumn::Int(b)
            }
            (SqlColumn::Untyped(nulls), ValueRef::Real(_)) => {
                let mut b = Float64Builder::new();
                b.append_nulls(nulls);
                SqlColumn::Float(b)
            }
            (SqlColumn::Untyped(nulls), _) => {
                let mut b = StringBuilder::new();
                b.append_nulls(nulls);
                SqlColumn::Text(b)
            }
            (SqlColumn::Int(mut ints), ValueRef::Real(_)) => {
                let mut b = Float64Builder::new();
                ints.finish().iter().for_each(|v| b.append_option(v.map(|v| v as f64)));
                SqlColumn::Float(b)
            }
            (SqlColumn::Int(mut ints), _) => {
                let mut b = StringBuilder::new();
                ints.finish().iter().for_each(|v| b.append_option(v.map(|v| v.to_string())));
                SqlColumn::Text(b)
            }
            (SqlColumn::Float(mut floats), _) => {
                let mut b = StringBuilder::new();
                floats.finish().iter().for_each(|v| b.append_option(v.map(|v| v.to_string())));
                SqlColumn::Text(b)
            }
            (text, _) => text,
        };
    }

    fn finish(self) -> (ArrayRef, DataType) {
        match self {
            // A column of NULLs only is text, as it was when rows were inferred.
            SqlColumn::Untyped(nulls) => {
                let mut b = StringBuilder::new();
                b.append_nulls(nulls);
                (Arc::new(b.finish()), DataType::Utf8)
            }
            SqlColumn::Int(mut b) => (Arc::new(b.finish()), DataType::Int64),
            SqlColumn::Float(mut b) => (Arc::new(b.finish()), DataType::Float64),
            SqlColumn::Text(mut b) => (Arc::new(b.finish()), DataType::Utf8),
        }
    }
}

/// The columns of a free SQL result, filled row by row straight from SQLite's values.
#[derive(Default)]
pub struct SqlColumns(Vec<SqlColumn>);

impl SqlColumns {
    /// Appends one row.
    pub fn push(&mut self, row: &rusqlite::Row<'_>) -> rusqlite::Result<()> {
        let n = row.as_ref().column_count();
        if self.0.is_empty() {
            self.0 = (0..n).map(|_| SqlColumn::Untyped(0)).collect();
        }
        for (i, column) in self.0.iter_mut().enumerate() {
            column.push(row.get_ref(i)?);
        }
        Ok(())
    }

    /// One Arrow batch with the given column names (no rows: every column is text).
    pub fn finish(self, names: &[String]) -> Result<RecordBatch, ArrowError> {
        let mut columns = self.0;
        if columns.is_empty() {
            columns = names.iter().map(|_| SqlColumn::Untyped(0)).collect();
        }
        let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = names
            .iter()
            .zip(columns)
            .map(|(name, column)| {
                let (array, data_type) = column.finish();
                (Field::new(name.as_str(), data_type, true), array)
            })
            .unzip();
        let schema = Arc::new(Schema::new(fields));
        if arrays.is_empty() {
            return Ok(RecordBatch::new_empty(schema));
        }
        RecordBatch::try_new(schema, arrays)
    }
}

/// Cell `index` of an Arrow column of a free SQL result as a Python value.
pub fn py_cell<'py>(py: Python<'py>, array: &ArrayRef, index: usize) -> PyResult<Bound<'py, PyAny>> {
    if array.is_null(index) {
        return Ok(py.None().into_bound(py));
    }
    let any = array.as_any();
    if let Some(a) = any.downcast_ref::<Int64Array>() {
        Ok(a.value(index).into_pyobject(py)?.into_any())
    } else if let Some(a) = any.downcast_ref::<Float64Array>() {
        Ok(a.value(index).into_pyobject(py)?.into_any())
    } else if let Some(a) = any.downcast_ref::<StringArray>() {
        Ok(a.value(index).into_pyobject(py)?.into_any())
    } else {
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "no Python value for Arrow type {}",
            array.data_type()
        )))
    }
}
