//! Column layouts of each result kind, and the conversion of records into Arrow columns and
//! Python dictionaries.

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder, StringDictionaryBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use pyo3::prelude::*;
use serde_json::Value;
use std::sync::Arc;

/// How a column is typed in Arrow and in Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// Text.
    Text,
    /// Text from a small vocabulary: a dictionary (categorical) column.
    Category,
    /// A whole number.
    Int,
    /// A float; NULL stays NULL.
    Float,
    /// A boolean.
    Bool,
    /// An ISO date string, delivered as a date.
    Date,
    /// A list of strings.
    List,
    /// A list of whole numbers.
    IntList,
    /// Anything nested, delivered as JSON text in Arrow and as Python objects in records.
    Json,
}

/// A result kind's columns, in order.
pub type Layout = &'static [(&'static str, Col)];

use Col::*;

pub const EVENTS: Layout = &[
    ("id", Int),
    ("kind", Category),
    ("date", Text),
    ("start", Date),
    ("end", Date),
    ("precision", Category),
    ("certainty", Category),
    ("date_note", Text),
    ("place", Text),
    ("place_polity", Category),
    ("level", Category),
    ("channel", Category),
    ("treaty", Int),
    ("cameo", Category),
    ("plover", Category),
    ("summary", Text),
    ("note", Text),
    ("mongolia_role", Category),
    ("polities", List),
    ("persons", List),
    ("organizations", List),
    ("participants", Json),
    ("sources", List),
    ("dataset", Category),
];
pub const TREATIES: Layout = &[
    ("id", Int),
    ("title", Text),
    ("kind", Category),
    ("parties", List),
    ("signed", Text),
    ("signed_place", Text),
    ("in_force", Text),
    ("ratified", Text),
    ("terminated", Text),
    ("in_force_from", Date),
    ("start_basis", Category),
    ("terminated_from", Date),
    ("in_force_basis", Category),
    ("term_years", Int),
    ("languages", List),
    ("note", Text),
    ("sources", List),
    ("dataset", Category),
];
pub const POSTINGS: Layout = &[
    ("id", Int),
    ("person", Text),
    ("person_id", Int),
    ("role", Category),
    ("sending", Category),
    ("receiving", Category),
    ("start", Text),
    ("end", Text),
    ("note", Text),
    ("sources", List),
    ("dataset", Category),
];
pub const MISSIONS: Layout = &[
    ("id", Int),
    ("sending", Category),
    ("receiving", Category),
    ("kind", Category),
    ("city", Text),
    ("accredited_from", Category),
    ("status", Category),
    ("opened", Text),
    ("closed", Text),
    ("as_of", Text),
    ("note", Text),
    ("sources", List),
    ("dataset", Category),
];
pub const MEMBERSHIPS: Layout = &[
    ("id", Int),
    ("organization", Category),
    ("polity", Category),
    ("status", Category),
    ("start", Text),
    ("end", Text),
    ("note", Text),
    ("sources", List),
    ("dataset", Category),
];
pub const OBSERVATIONS: Layout = &[
    ("id", Int),
    ("polity", Category),
    ("reporter", Category),
    ("indicator", Category),
    ("period", Text),
    ("period_start", Date),
    ("period_end", Date),
    ("value", Float),
    ("unit", Category),
    ("note", Text),
    ("sources", List),
    ("dataset", Category),
];
pub const POLITIES: Layout = &[
    ("code", Text),
    ("name", Text),
    ("official_name", Text),
    ("iso2", Text),
    ("iso3", Text),
    ("iso_numeric", Int),
    ("iso_withdrawn", Bool),
    ("cow_code", Int),
    ("cow_abbrev", Text),
    ("gw_code", Int),
    ("start_year", Int),
    ("end_year", Int),
    ("successor", Text),
    ("is_un_member", Bool),
    ("note", Text),
    ("aliases", List),
];
pub const CODES: Layout = &[
    ("id", Int),
    ("polity", Category),
    ("scheme", Category),
    ("code", Text),
    ("valid_from", Text),
    ("valid_to", Text),
    ("certainty", Category),
    ("note", Text),
    ("sources", List),
    ("dataset", Category),
];
pub const PERSONS: Layout = &[
    ("id", Int),
    ("name", Text),
    ("polity", Category),
    ("names", List),
    ("roles", List),
    ("note", Text),
];
pub const ORGANIZATIONS: Layout = &[("code", Text), ("name", Text), ("aliases", List)];
pub const SOURCES: Layout = &[
    ("id", Text),
    ("title", Text),
    ("author", Text),
    ("publisher", Text),
    ("kind", Category),
    ("url", Text),
    ("published", Text),
    ("language", Category),
    ("sha256", Text),
    ("reliability", Category),
    ("note", Text),
    ("dataset", Category),
];
pub const CITATIONS: Layout = &[
    ("id", Int),
    ("source", Text),
    ("source_title", Text),
    ("record_table", Category),
    ("record_id", Text),
    ("locator", Text),
    ("quote", Text),
    ("note", Text),
];
pub const DISPUTES: Layout = &[("id", Int), ("topic", Text), ("kind", Text), ("note", Text), ("claims", Json)];
/// The fixed columns of the panel; one Float column per indicator follows them.
/// Codes are text, not categoricals: a categorical's dtype carries the categories present, so
/// a subset's frame would not have the full panel's dtypes.
pub const PANEL: Layout = &[
    ("partner", Text),
    ("partner_name", Text),
    ("year", Int),
    ("polity1", Text),
    ("polity2", Text),
    ("ccode1", Int),
    ("ccode2", Int),
    ("gwcode1", Int),
    ("gwcode2", Int),
    ("relations", Bool),
    ("years_since_relations", Int),
    ("treaties_signed", Int),
    ("treaties_in_force", Int),
    ("treaties_in_force_ids", IntList),
    ("treaties_in_force_assumed", Int),
    ("treaties_in_force_assumed_ids", IntList),
    ("treaties_terminated", Int),
    ("visits_1_to_2", Int),
    ("visits_2_to_1", Int),
    ("statements_1_to_2", Int),
    ("statements_2_to_1", Int),
    ("meetings", Int),
    ("meetings_hosted", Int),
    ("aid_events", Int),
    ("ambassador_1_in_2", Bool),
    ("ambassador_2_in_1", Bool),
    ("embassy_1_in_2", Bool),
    ("embassy_2_in_1", Bool),
    ("unga_agreement_index", Float),
    ("unga_identical_share", Float),
    ("unga_n_votes", Int),
];
pub const COVERAGE: Layout = &[
    ("polity", Text),
    ("name", Text),
    ("date", Text),
    ("precision", Category),
    ("certainty", Category),
    ("via", Text),
    ("sources", Int),
    ("disputed", Bool),
];
pub const UNGA_VOTES: Layout = &[
    ("rcid", Int),
    ("session", Int),
    ("date", Date),
    ("symbol", Text),
    ("important_vote", Bool),
    ("title", Text),
    ("issues", List),
    ("polity", Category),
    ("vote", Category),
    ("mongolia_vote", Category),
    ("source_country", Category),
    ("source", Category),
    ("locator", Text),
    ("dataset", Category),
];
pub const UNGA_AGREEMENT: Layout = &[
    ("polity", Category),
    ("polity_name", Text),
    ("year", Int),
    ("n_votes", Int),
    ("identical_share", Float),
    ("agreement_index", Float),
    ("source_country", Category),
    ("source_name", Text),
    ("note", Text),
    ("source", Category),
    ("locator", Text),
    ("dataset", Category),
];

fn days(s: &str) -> Option<i32> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((d - epoch).num_days()).ok()
}

/// A row's cell: rows are objects (serialized records) or arrays (free SQL, positional).
pub fn cell<'a>(row: &'a Value, index: usize, name: &str) -> &'a Value {
    match row {
        Value::Array(items) => items.get(index).unwrap_or(&Value::Null),
        other => other.get(name).unwrap_or(&Value::Null),
    }
}

/// Builds one Arrow batch from serialized records.
pub fn to_batch(rows: &[Value], layout: &[(String, Col)]) -> Result<RecordBatch, ArrowError> {
    let mut fields = Vec::with_capacity(layout.len());
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(layout.len());
    for (index, (name, col)) in layout.iter().enumerate() {
        let cells = rows.iter().map(|r| cell(r, index, name));
        let (array, data_type): (ArrayRef, DataType) = match col {
            Text => {
                let mut b = StringBuilder::new();
                cells.for_each(|v| b.append_option(v.as_str()));
                (Arc::new(b.finish()), DataType::Utf8)
            }
            Category => {
                let mut b = StringDictionaryBuilder::<Int32Type>::new();
                cells.for_each(|v| match v.as_str() {
                    Some(s) => {
                        b.append_value(s);
                    }
                    None => b.append_null(),
                });
                (
                    Arc::new(b.finish()),
                    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
                )
            }
            Int => {
                let mut b = Int64Builder::new();
                cells.for_each(|v| b.append_option(v.as_i64()));
                (Arc::new(b.finish()), DataType::Int64)
            }
            Float => {
                let mut b = Float64Builder::new();
                cells.for_each(|v| b.append_option(v.as_f64()));
                (Arc::new(b.finish()), DataType::Float64)
            }
            Bool => {
                let mut b = BooleanBuilder::new();
                cells.for_each(|v| b.append_option(v.as_bool()));
                (Arc::new(b.finish()), DataType::Boolean)
            }
            Date => {
                let mut b = Date32Builder::new();
                cells.for_each(|v| b.append_option(v.as_str().and_then(days)));
                (Arc::new(b.finish()), DataType::Date32)
            }
            List => list_column(cells, StringBuilder::new(), |b, v| b.append_option(v.as_str())),
            IntList => list_column(cells, Int64Builder::new(), |b, v| b.append_option(v.as_i64())),
            Json => {
                let mut b = StringBuilder::new();
                cells.for_each(|v| b.append_option(if v.is_null() { None } else { Some(v.to_string()) }));
                (Arc::new(b.finish()), DataType::Utf8)
            }
        };
        fields.push(Field::new(name.as_str(), data_type, true));
        arrays.push(array);
    }
    let schema = Arc::new(Schema::new(fields));
    if arrays.is_empty() {
        return Ok(RecordBatch::new_empty(schema));
    }
    RecordBatch::try_new(schema, arrays)
}

/// A list column: each cell a JSON array whose items `push` appends to the values builder.
fn list_column<'a, B: ArrayBuilder>(
    cells: impl Iterator<Item = &'a Value>,
    values: B,
    push: impl Fn(&mut B, &Value),
) -> (ArrayRef, DataType) {
    let mut b = ListBuilder::new(values);
    for v in cells {
        match v.as_array() {
            Some(items) => {
                items.iter().for_each(|i| push(b.values(), i));
                b.append(true);
            }
            None => b.append(false),
        }
    }
    let array = b.finish();
    let dt = array.data_type().clone();
    (Arc::new(array), dt)
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
