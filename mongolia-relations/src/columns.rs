//! Typed records into Arrow columns, straight from their fields (no JSON between): one schema
//! per record kind whatever the rows, categoricals as dictionaries holding the whole
//! vocabulary, nested records as lists of structs.

use crate::dataset::Dataset;
use crate::error::Result;
use crate::record::{Cell, Cells, ColumnType, FieldDef, Record};
use arrow_array::builder::{BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, ListArray, RecordBatch, RecordBatchOptions, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef};
use std::collections::HashMap;
use std::sync::Arc;

/// The values of every vocabulary a record kind's columns use, keyed by the SQL that lists
/// them ([`FieldDef::vocabulary`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabularies(HashMap<&'static str, Vec<String>>);

impl Vocabularies {
    /// The values listed by `sql` (empty when not loaded).
    pub fn get(&self, sql: &str) -> &[String] {
        self.0.get(sql).map(Vec::as_slice).unwrap_or_default()
    }
}

impl Dataset {
    /// The vocabularies of the fields `fields` (and of nested records' fields), each read once
    /// per connection.
    pub fn vocabularies(&self, fields: &[FieldDef]) -> Result<Vocabularies> {
        let mut out = Vocabularies::default();
        self.load_vocabularies(fields, &mut out)?;
        Ok(out)
    }

    fn load_vocabularies(&self, fields: &[FieldDef], out: &mut Vocabularies) -> Result<()> {
        for f in fields {
            if let Some(sql) = f.vocabulary {
                if !out.0.contains_key(sql) {
                    let cached = self.vocabularies.borrow().get(sql).cloned();
                    let values = match cached {
                        Some(values) => values,
                        None => {
                            let values = self.collect(sql, &[], |r| r.get::<_, String>(0))?;
                            self.vocabularies.borrow_mut().insert(sql, values.clone());
                            values
                        }
                    };
                    out.0.insert(sql, values);
                }
            }
            if let ColumnType::Records(nested) = f.column {
                self.load_vocabularies(nested, out)?;
            }
        }
        Ok(())
    }

    /// The records as one Arrow batch of [`schema`]'s columns.
    ///
    /// ```
    /// use mongolia_relations::{record::Record, Dataset, Event, Filter};
    /// let data = Dataset::embedded().unwrap();
    /// let events = data.events(&Filter::new().polity("North Korea")).unwrap();
    /// let batch = data.record_batch(&events).unwrap();
    /// assert_eq!(batch.num_rows(), events.len());
    /// assert_eq!(batch.schema(), mongolia_relations::columns::schema::<Event>(&data.vocabularies(Event::FIELDS).unwrap()));
    /// ```
    pub fn record_batch<R: Record>(&self, rows: &[R]) -> Result<RecordBatch> {
        let vocabularies = self.vocabularies(R::FIELDS)?;
        to_batch(rows, &vocabularies).map_err(|e| crate::Error::Columns {
            record: R::NAME,
            reason: e.to_string(),
        })
    }
}

/// The Arrow type of a field.
fn data_type(f: &FieldDef) -> DataType {
    match f.column {
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Text if f.vocabulary.is_some() => DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
        ColumnType::Text => DataType::Utf8,
        ColumnType::Date => DataType::Date32,
        ColumnType::TextList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        ColumnType::IntList => DataType::List(Arc::new(Field::new("item", DataType::Int64, true))),
        ColumnType::Records(nested) => DataType::List(Arc::new(Field::new("item", DataType::Struct(struct_fields(nested)), true))),
        // A series is several columns; see `fields`.
        ColumnType::Series => DataType::Float64,
    }
}

fn struct_fields(fields: &[FieldDef]) -> Fields {
    fields.iter().map(|f| Field::new(f.name, data_type(f), true)).collect()
}

/// The Arrow fields of a record's fields: one each, a series one per key of its vocabulary.
fn fields(defs: &[FieldDef], vocabularies: &Vocabularies) -> Vec<Field> {
    let mut out = Vec::with_capacity(defs.len());
    for f in defs {
        match (f.column, f.vocabulary) {
            (ColumnType::Series, Some(sql)) => out.extend(vocabularies.get(sql).iter().map(|k| Field::new(k, DataType::Float64, true))),
            _ => out.push(Field::new(f.name, data_type(f), true)),
        }
    }
    out
}

/// The Arrow schema of record kind `R`: the same whatever rows are asked for.
pub fn schema<R: Record>(vocabularies: &Vocabularies) -> SchemaRef {
    Arc::new(Schema::new(fields(R::FIELDS, vocabularies)))
}

/// The records as one Arrow batch of [`schema`]'s columns.
pub fn to_batch<R: Record>(rows: &[R], vocabularies: &Vocabularies) -> std::result::Result<RecordBatch, ArrowError> {
    let refs: Vec<&dyn Cells> = rows.iter().map(|r| r as &dyn Cells).collect();
    let arrays = columns_of(R::FIELDS, &refs, vocabularies)?;
    let schema = schema::<R>(vocabularies);
    RecordBatch::try_new_with_options(schema, arrays, &RecordBatchOptions::new().with_row_count(Some(rows.len())))
}

fn columns_of<'a>(
    defs: &[FieldDef],
    rows: &[&'a dyn Cells],
    vocabularies: &Vocabularies,
) -> std::result::Result<Vec<ArrayRef>, ArrowError> {
    let mut builders: Vec<Builder<'a>> = defs.iter().map(|f| Builder::new(f, rows.len(), vocabularies)).collect();
    for row in rows {
        let mut i = 0;
        row.cells(&mut |cell| {
            if let Some(b) = builders.get_mut(i) {
                b.push(cell);
            }
            i += 1;
        });
    }
    let mut out = Vec::with_capacity(defs.len());
    for b in builders {
        b.finish(vocabularies, &mut out)?;
    }
    Ok(out)
}

/// The column of one field under construction.
enum Builder<'a> {
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Text(StringBuilder),
    Category {
        keys: Int32Builder,
        index: HashMap<String, i32>,
        values: Vec<String>,
    },
    Date(Date32Builder),
    TextList(ListBuilder<StringBuilder>),
    IntList(ListBuilder<Int64Builder>),
    /// The nested records of each row, built into one struct array at the end.
    Records {
        fields: &'static [FieldDef],
        lists: Vec<Vec<&'a dyn Cells>>,
    },
    Series {
        keys: Vec<String>,
        columns: Vec<Float64Builder>,
    },
}

const EPOCH: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");

fn days(d: chrono::NaiveDate) -> i32 {
    i32::try_from((d - EPOCH).num_days()).unwrap_or(i32::MAX)
}

impl<'a> Builder<'a> {
    fn new(f: &FieldDef, rows: usize, vocabularies: &Vocabularies) -> Builder<'a> {
        match f.column {
            ColumnType::Int => Builder::Int(Int64Builder::with_capacity(rows)),
            ColumnType::Float => Builder::Float(Float64Builder::with_capacity(rows)),
            ColumnType::Bool => Builder::Bool(BooleanBuilder::with_capacity(rows)),
            ColumnType::Text => match f.vocabulary {
                Some(sql) => {
                    let values = vocabularies.get(sql).to_vec();
                    let index = values.iter().enumerate().map(|(i, v)| (v.clone(), i as i32)).collect();
                    Builder::Category {
                        keys: Int32Builder::with_capacity(rows),
                        index,
                        values,
                    }
                }
                None => Builder::Text(StringBuilder::with_capacity(rows, rows * 16)),
            },
            ColumnType::Date => Builder::Date(Date32Builder::with_capacity(rows)),
            ColumnType::TextList => Builder::TextList(ListBuilder::new(StringBuilder::new())),
            ColumnType::IntList => Builder::IntList(ListBuilder::new(Int64Builder::new())),
            ColumnType::Records(fields) => Builder::Records {
                fields,
                lists: Vec::with_capacity(rows),
            },
            ColumnType::Series => {
                let keys = f.vocabulary.map(|sql| vocabularies.get(sql).to_vec()).unwrap_or_default();
                let columns = keys.iter().map(|_| Float64Builder::with_capacity(rows)).collect();
                Builder::Series { keys, columns }
            }
        }
    }

    fn push(&mut self, cell: Cell<'a>) {
        match (self, cell) {
            (Builder::Int(b), Cell::Int(v)) => b.append_option(v),
            (Builder::Float(b), Cell::Float(v)) => b.append_option(v),
            (Builder::Bool(b), Cell::Bool(v)) => b.append_option(v),
            (Builder::Text(b), Cell::Text(v)) => b.append_option(v),
            (Builder::Category { keys, index, values }, Cell::Text(v)) => match v {
                None => keys.append_null(),
                Some(s) => {
                    // A value outside the vocabulary (an extension's own) joins it at the end.
                    let key = match index.get(s) {
                        Some(k) => *k,
                        None => {
                            let k = values.len() as i32;
                            values.push(s.to_string());
                            index.insert(s.to_string(), k);
                            k
                        }
                    };
                    keys.append_value(key);
                }
            },
            (Builder::Date(b), Cell::Date(v)) => b.append_option(v.map(days)),
            (Builder::TextList(b), Cell::TextList(items)) => {
                items.iter().for_each(|s| b.values().append_value(s));
                b.append(true);
            }
            (Builder::IntList(b), Cell::IntList(items)) => {
                items.iter().for_each(|v| b.values().append_value(*v));
                b.append(true);
            }
            (Builder::Records { lists, .. }, Cell::Records(_, nested)) => lists.push(nested),
            (Builder::Series { keys, columns }, Cell::Series(map)) => {
                for (k, b) in keys.iter().zip(columns.iter_mut()) {
                    b.append_option(map.get(k).copied().flatten());
                }
            }
            _ => {}
        }
    }

    fn finish(self, vocabularies: &Vocabularies, out: &mut Vec<ArrayRef>) -> std::result::Result<(), ArrowError> {
        match self {
            Builder::Int(mut b) => out.push(Arc::new(b.finish())),
            Builder::Float(mut b) => out.push(Arc::new(b.finish())),
            Builder::Bool(mut b) => out.push(Arc::new(b.finish())),
            Builder::Text(mut b) => out.push(Arc::new(b.finish())),
            Builder::Category { mut keys, values, .. } => {
                let dictionary = Arc::new(StringArray::from(values));
                out.push(Arc::new(DictionaryArray::<Int32Type>::try_new(keys.finish(), dictionary)?));
            }
            Builder::Date(mut b) => out.push(Arc::new(b.finish())),
            Builder::TextList(mut b) => out.push(Arc::new(b.finish())),
            Builder::IntList(mut b) => out.push(Arc::new(b.finish())),
            Builder::Records { fields, lists } => out.push(records_column(fields, &lists, vocabularies)?),
            Builder::Series { mut columns, .. } => columns.iter_mut().for_each(|b| out.push(Arc::new(b.finish()))),
        }
        Ok(())
    }
}

/// A list-of-struct column of nested records: each row's items, built as one struct array.
fn records_column(
    fields: &[FieldDef],
    lists: &[Vec<&dyn Cells>],
    vocabularies: &Vocabularies,
) -> std::result::Result<ArrayRef, ArrowError> {
    let mut offsets = Vec::with_capacity(lists.len() + 1);
    offsets.push(0i32);
    let items: Vec<&dyn Cells> = lists.iter().flatten().copied().collect();
    for l in lists {
        offsets.push(offsets.last().copied().unwrap_or(0) + l.len() as i32);
    }
    let children = columns_of(fields, &items, vocabularies)?;
    let struct_fields = struct_fields(fields);
    let values = StructArray::try_new_with_length(struct_fields.clone(), children, None, items.len())?;
    let item = Arc::new(Field::new("item", DataType::Struct(struct_fields), true));
    Ok(Arc::new(ListArray::try_new(
        item,
        OffsetBuffer::new(offsets.into()),
        Arc::new(values),
        None,
    )?))
}
