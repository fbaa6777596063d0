//! SQLite rows into Arrow columns: the one path from SQLite's values to Arrow, straight from
//! each row's values into column builders (no value per cell in between), in batches. The
//! Parquet export types its columns as the table declares them; free SQL ([`Dataset::sql_arrow`],
//! Python's `sql`) types them by the values that arrive.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use arrow_array::builder::{ArrayBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use rusqlite::types::ValueRef;
use std::sync::Arc;

/// One column being filled.
enum Column {
    /// Only NULLs so far, in a column typed by its values.
    Untyped(usize),
    Int(Int64Builder),
    Float(Float64Builder),
    Text(StringBuilder),
}

impl Column {
    /// An empty column of a declared SQLite type: INTEGER, REAL, or anything else as text.
    fn declared(sqlite_type: &str) -> Column {
        match sqlite_type.to_ascii_uppercase().as_str() {
            "INTEGER" | "INT" => Column::Int(Int64Builder::new()),
            "REAL" => Column::Float(Float64Builder::new()),
            _ => Column::Text(StringBuilder::new()),
        }
    }

    /// Appends `value`, which a column of its declared type holds: an integer in a REAL
    /// column as a float, anything in a text column as text (a BLOB as hex), anything else
    /// (which a STRICT table never holds) as NULL.
    fn push_declared(&mut self, value: ValueRef<'_>) {
        match (self, value) {
            (Column::Int(b), ValueRef::Integer(v)) => b.append_value(v),
            (Column::Int(b), _) => b.append_null(),
            (Column::Float(b), ValueRef::Real(v)) => b.append_value(v),
            (Column::Float(b), ValueRef::Integer(v)) => b.append_value(v as f64),
            (Column::Float(b), _) => b.append_null(),
            (Column::Text(b), ValueRef::Null) => b.append_null(),
            (Column::Text(b), value) => append_text(b, value),
            (Column::Untyped(nulls), _) => *nulls += 1,
        }
    }

    /// Appends `value`, widening the column when it cannot hold it: integers, then floats once a
    /// real appears, then text once a string (or BLOB, as hex) appears, with the earlier
    /// numbers written as text.
    fn push_widening(&mut self, value: ValueRef<'_>) {
        match (&mut *self, value) {
            (Column::Untyped(nulls), ValueRef::Null) => *nulls += 1,
            (Column::Int(b), ValueRef::Null) => b.append_null(),
            (Column::Float(b), ValueRef::Null) => b.append_null(),
            (Column::Text(b), ValueRef::Null) => b.append_null(),
            (Column::Int(b), ValueRef::Integer(v)) => b.append_value(v),
            (Column::Float(b), ValueRef::Integer(v)) => b.append_value(v as f64),
            (Column::Float(b), ValueRef::Real(v)) => b.append_value(v),
            (Column::Text(b), value) => append_text(b, value),
            (_, value) => {
                self.widen(value);
                self.push_widening(value);
            }
        }
    }

    /// Turns the column into the type that can hold `value` as well as what it holds.
    fn widen(&mut self, value: ValueRef<'_>) {
        *self = match (std::mem::replace(self, Column::Untyped(0)), value) {
            (Column::Untyped(nulls), ValueRef::Integer(_)) => {
                let mut b = Int64Builder::new();
                b.append_nulls(nulls);
                Column::Int(b)
            }
            (Column::Untyped(nulls), ValueRef::Real(_)) => {
                let mut b = Float64Builder::new();
                b.append_nulls(nulls);
                Column::Float(b)
            }
            (Column::Untyped(nulls), _) => {
                let mut b = StringBuilder::new();
                b.append_nulls(nulls);
                Column::Text(b)
            }
            (Column::Int(mut ints), ValueRef::Real(_)) => {
                let mut b = Float64Builder::new();
                ints.finish().iter().for_each(|v| b.append_option(v.map(|v| v as f64)));
                Column::Float(b)
            }
            (Column::Int(mut ints), _) => {
                let mut b = StringBuilder::new();
                ints.finish().iter().for_each(|v| b.append_option(v.map(|v| v.to_string())));
                Column::Text(b)
            }
            (Column::Float(mut floats), _) => {
                let mut b = StringBuilder::new();
                floats.finish().iter().for_each(|v| b.append_option(v.map(|v| v.to_string())));
                Column::Text(b)
            }
            (text, _) => text,
        };
    }

    /// The rows so far as an array, leaving the column empty and of the same type; with
    /// `again`, sized for as many rows again.
    fn take(&mut self, again: bool) -> (ArrayRef, DataType) {
        let rows = |n: usize| if again { n } else { 0 };
        match self {
            // A column of NULLs only is text, as it was when rows were inferred.
            Column::Untyped(nulls) => {
                let mut b = StringBuilder::new();
                b.append_nulls(std::mem::take(nulls));
                (Arc::new(b.finish()), DataType::Utf8)
            }
            // The next batch of a stream is likely as large: its builder starts at this one's
            // size instead of growing by doubling again.
            Column::Int(b) => {
                let next = Int64Builder::with_capacity(rows(b.len()));
                (Arc::new(std::mem::replace(b, next).finish()), DataType::Int64)
            }
            Column::Float(b) => {
                let next = Float64Builder::with_capacity(rows(b.len()));
                (Arc::new(std::mem::replace(b, next).finish()), DataType::Float64)
            }
            Column::Text(b) => {
                let next = StringBuilder::with_capacity(rows(b.len()), rows(b.values_slice().len()));
                (Arc::new(std::mem::replace(b, next).finish()), DataType::Utf8)
            }
        }
    }
}

/// A non-NULL value as text, as the CSV export writes it: numbers in Rust's shortest form,
/// a BLOB as lower-case hex.
fn append_text(b: &mut StringBuilder, value: ValueRef<'_>) {
    match value {
        ValueRef::Null => b.append_null(),
        ValueRef::Integer(v) => b.append_value(v.to_string()),
        ValueRef::Real(v) => b.append_value(v.to_string()),
        ValueRef::Text(t) => b.append_value(String::from_utf8_lossy(t)),
        ValueRef::Blob(v) => b.append_value(crate::builder::hex(v)),
    }
}

/// Arrow columns filled row by row straight from SQLite's values, taken out as batches.
///
/// Typed by the values ([`SqlColumns::default`], for free SQL, whose columns have no fixed
/// type: a column widens from integer to float to text as values arrive) or by the types a
/// table declares ([`SqlColumns::declared`], for streaming a table: every batch then has the
/// same schema).
///
/// ```
/// use mongolia_relations::{Dataset, SqlColumns};
/// let data = Dataset::embedded().unwrap();
/// let mut columns = SqlColumns::default();
/// let names = data.sql_rows("SELECT id, kind FROM events LIMIT 3", |row| columns.push(row)).unwrap();
/// let batch = columns.batch(&names).unwrap();
/// assert_eq!((batch.num_rows(), batch.num_columns()), (3, 2));
/// ```
#[derive(Default)]
pub struct SqlColumns {
    columns: Vec<Column>,
    /// Whether the columns keep their declared types instead of widening.
    declared: bool,
    rows: usize,
}

impl SqlColumns {
    /// Columns of the given SQLite declared types (`INTEGER` as Int64, `REAL` as Float64, any
    /// other as text), one per column the rows will have.
    pub fn declared<S: AsRef<str>>(sqlite_types: &[S]) -> SqlColumns {
        SqlColumns {
            columns: sqlite_types.iter().map(|t| Column::declared(t.as_ref())).collect(),
            declared: true,
            rows: 0,
        }
    }

    /// Appends one row.
    pub fn push(&mut self, row: &rusqlite::Row<'_>) -> rusqlite::Result<()> {
        if self.columns.is_empty() && !self.declared {
            self.columns = (0..row.as_ref().column_count()).map(|_| Column::Untyped(0)).collect();
        }
        for (i, column) in self.columns.iter_mut().enumerate() {
            let value = row.get_ref(i)?;
            if self.declared {
                column.push_declared(value);
            } else {
                column.push_widening(value);
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// How many rows were appended since the last batch.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was appended since the last batch.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The rows appended since the last batch as one Arrow batch with the given column names
    /// (a column without any value is text), leaving the columns empty.
    pub fn batch(&mut self, names: &[String]) -> Result<RecordBatch, ArrowError> {
        if self.columns.is_empty() {
            self.columns = names.iter().map(|_| Column::Untyped(0)).collect();
        }
        self.rows = 0;
        let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = names
            .iter()
            .zip(&mut self.columns)
            .map(|(name, column)| {
                // Declared columns stream batch after batch; the others make one.
                let (array, data_type) = column.take(self.declared);
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

impl Dataset {
    /// [`Dataset::sql`] into one Arrow batch, straight from SQLite's values: the same guard and
    /// bounds (a statement that would write is refused; rows, bytes, deadline and memory are
    /// capped), columns typed by their values (see [`SqlColumns`]).
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// let batch = data.sql_arrow("SELECT count(*) AS n FROM events").unwrap();
    /// assert_eq!(batch.schema().field(0).name(), "n");
    /// ```
    pub fn sql_arrow(&self, query: &str) -> Result<RecordBatch> {
        let mut columns = SqlColumns::default();
        let names = self.sql_rows(query, |row| columns.push(row))?;
        columns.batch(&names).map_err(|e| Error::Serialize {
            format: "Arrow",
            path: None,
            detail: e.to_string(),
        })
    }
}
