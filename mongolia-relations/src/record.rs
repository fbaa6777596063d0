//! One definition per record. The `record!` macro writes, from a single list of fields, a
//! record's struct (with `serde::Serialize`, whose JSON the command line prints), its field
//! list ([`FieldDef`]: name, column type, doc, vocabulary), its SELECT list and its row mapping
//! from SQLite. The Arrow columns (`columns.rs`) and the Python classes (`pygen.rs`) are made
//! from that field list, so no second list of a record's fields is kept anywhere.

use chrono::NaiveDate;
use rusqlite::Row;
use std::collections::BTreeMap;

pub use crate::pygen::python_records;

/// How a field is typed, in Arrow and in Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// A whole number (Arrow int64, pandas `Int64`).
    Int,
    /// A float (Arrow float64).
    Float,
    /// A boolean (Arrow bool, pandas `boolean`).
    Bool,
    /// Text; a categorical (dictionary) column when the field has a vocabulary.
    Text,
    /// A day (Arrow date32).
    Date,
    /// A list of text.
    TextList,
    /// A list of whole numbers.
    IntList,
    /// A list of nested records (Arrow list of struct), with the nested record's fields.
    Records(&'static [FieldDef]),
    /// One float column per key of the field's vocabulary (the panel's indicator series).
    Series,
}

/// One field of a record: what the Arrow schema, the Python class and the docs are made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDef {
    /// The field's name: struct field, JSON key, column and Python attribute.
    pub name: &'static str,
    /// Its type.
    pub column: ColumnType,
    /// Whether it may be missing (`None`).
    pub nullable: bool,
    /// What it means (the doc comment, one line per source line).
    pub doc: &'static str,
    /// For a categorical, the SQL listing its whole vocabulary (every value it can take, in
    /// order), so that a subset's categories are the whole table's; for a series, its keys.
    pub vocabulary: Option<&'static str>,
}

/// One value of a record, borrowed, as the Arrow and Python converters read it.
#[derive(Debug)]
pub enum Cell<'a> {
    /// A whole number.
    Int(Option<i64>),
    /// A float.
    Float(Option<f64>),
    /// A boolean.
    Bool(Option<bool>),
    /// Text.
    Text(Option<&'a str>),
    /// A day.
    Date(Option<NaiveDate>),
    /// A list of text.
    TextList(&'a [String]),
    /// A list of whole numbers.
    IntList(&'a [i64]),
    /// Nested records with their fields.
    Records(&'static [FieldDef], Vec<&'a dyn Cells>),
    /// A series by key.
    Series(&'a BTreeMap<String, Option<f64>>),
}

/// A record's values in field order (object safe, for nested records).
pub trait Cells: std::fmt::Debug + Sync {
    /// Hands each field's value to `f`, in the order of [`Record::FIELDS`].
    fn cells<'a>(&'a self, f: &mut dyn FnMut(Cell<'a>));
}

/// A record defined by `record!`.
pub trait Record: Cells + serde::Serialize + Send + Sync + 'static {
    /// The struct's name, also the Python class's.
    const NAME: &'static str;
    /// The struct's doc comment.
    const DOC: &'static str;
    /// The table its rows cite through `citations` (`""` when none).
    const TABLE: &'static str;
    /// The field that is its key.
    const KEY: &'static str;
    /// The queries (Python `kind`s) that return it.
    const QUERIES: &'static [&'static str];
    /// Its fields, in order.
    const FIELDS: &'static [FieldDef];
}

/// A record read from a row whose columns are its SELECT list.
pub(crate) trait FromRow: Sized {
    /// The SELECT list: the SQL of each field read from the row, in order.
    fn select() -> &'static str;
    /// How many columns the SELECT list has (a query may read its own after them).
    fn width() -> usize;
    /// The record from `row`; fields without SQL start empty and are filled by the query.
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
}

/// A field type: how it is typed and read as a [`Cell`].
pub trait Column {
    /// Its column type.
    const TYPE: ColumnType;
    /// Whether it may be `None`.
    const NULLABLE: bool;
    /// Its value.
    fn cell(&self) -> Cell<'_>;
}

/// A field type read from one SQLite column.
pub(crate) trait FromColumn: Sized {
    fn read(row: &Row<'_>, idx: usize) -> rusqlite::Result<Self>;
}

macro_rules! column {
    ($t:ty, $ct:ident, $v:ident => $cell:expr, $o:ident => $ocell:expr) => {
        impl Column for $t {
            const TYPE: ColumnType = ColumnType::$ct;
            const NULLABLE: bool = false;
            fn cell(&self) -> Cell<'_> {
                let $v = self;
                Cell::$ct(Some($cell))
            }
        }
        impl Column for Option<$t> {
            const TYPE: ColumnType = ColumnType::$ct;
            const NULLABLE: bool = true;
            fn cell(&self) -> Cell<'_> {
                let $o = self;
                Cell::$ct($ocell)
            }
        }
    };
}

column!(i64, Int, v => *v, o => *o);
column!(i32, Int, v => i64::from(*v), o => o.map(i64::from));
column!(f64, Float, v => *v, o => *o);
column!(bool, Bool, v => *v, o => *o);
column!(String, Text, v => v.as_str(), o => o.as_deref());
column!(NaiveDate, Date, v => *v, o => *o);

impl Column for Vec<String> {
    const TYPE: ColumnType = ColumnType::TextList;
    const NULLABLE: bool = false;
    fn cell(&self) -> Cell<'_> {
        Cell::TextList(self)
    }
}

impl Column for Vec<i64> {
    const TYPE: ColumnType = ColumnType::IntList;
    const NULLABLE: bool = false;
    fn cell(&self) -> Cell<'_> {
        Cell::IntList(self)
    }
}

impl Column for BTreeMap<String, Option<f64>> {
    const TYPE: ColumnType = ColumnType::Series;
    const NULLABLE: bool = false;
    fn cell(&self) -> Cell<'_> {
        Cell::Series(self)
    }
}

impl<T: Record> Column for Vec<T> {
    const TYPE: ColumnType = ColumnType::Records(T::FIELDS);
    const NULLABLE: bool = false;
    fn cell(&self) -> Cell<'_> {
        Cell::Records(T::FIELDS, self.iter().map(|r| r as &dyn Cells).collect())
    }
}

macro_rules! from_column {
    ($($t:ty),*) => {$(
        impl FromColumn for $t {
            fn read(row: &Row<'_>, idx: usize) -> rusqlite::Result<Self> {
                row.get(idx)
            }
        }
    )*};
}

from_column!(i64, Option<i64>, f64, Option<f64>, bool, Option<bool>, String, Option<String>);

impl FromColumn for NaiveDate {
    fn read(row: &Row<'_>, idx: usize) -> rusqlite::Result<Self> {
        crate::query::date(row, idx)
    }
}

impl FromColumn for Option<NaiveDate> {
    fn read(row: &Row<'_>, idx: usize) -> rusqlite::Result<Self> {
        match row.get_ref(idx)? {
            rusqlite::types::ValueRef::Null => Ok(None),
            _ => crate::query::date(row, idx).map(Some),
        }
    }
}

/// The next column of `row` (at `*next`, which moves on).
pub(crate) fn read_next<T: FromColumn>(row: &Row<'_>, next: &mut usize) -> rusqlite::Result<T> {
    let value = T::read(row, *next)?;
    *next += 1;
    Ok(value)
}

/// A `;`-separated list (a `group_concat`), empty items dropped.
impl FromColumn for Vec<String> {
    fn read(row: &Row<'_>, idx: usize) -> rusqlite::Result<Self> {
        Ok(crate::query::split_list(row.get(idx)?))
    }
}

/// Defines a record: the struct and its [`Record`], [`Cells`] and [`FromRow`] impls.
///
/// Each field is `/// doc`, optionally `#[serde(...)]`, optionally `@vocab(SQL)` (a
/// categorical, or a series' keys), then `pub name: Type`, optionally `= "SQL"` (read from the
/// query's row in turn; without it the field starts empty and the query fills it).
macro_rules! record {
    (@opt) => { None };
    (@opt $v:expr) => { Some($v) };
    (@sql) => { "" };
    (@sql $v:expr) => { $v };
    (@read $row:ident, $i:ident, $ty:ty, $sql:literal) => {
        $crate::record::read_next::<$ty>($row, $i)?
    };
    (@read $row:ident, $i:ident, $ty:ty) => { <$ty as Default>::default() };
    (
        $(#[doc = $doc:literal])*
        #[record(table = $table:literal, key = $key:literal, queries = [$($query:literal),*])]
        pub struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $(#[serde($serde:meta)])?
                $(@vocab($vocab:expr))?
                pub $field:ident : $ty:ty $(= $sql:literal)?
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                $(#[serde($serde)])?
                pub $field: $ty,
            )*
        }

        impl $crate::record::Record for $name {
            const NAME: &'static str = stringify!($name);
            const DOC: &'static str = concat!($($doc, "\n"),*);
            const TABLE: &'static str = $table;
            const KEY: &'static str = $key;
            const QUERIES: &'static [&'static str] = &[$($query),*];
            const FIELDS: &'static [$crate::record::FieldDef] = &[$(
                $crate::record::FieldDef {
                    name: stringify!($field),
                    column: <$ty as $crate::record::Column>::TYPE,
                    nullable: <$ty as $crate::record::Column>::NULLABLE,
                    doc: concat!($($fdoc, "\n"),*),
                    vocabulary: record!(@opt $($vocab)?),
                }
            ),*];
        }

        impl $crate::record::Cells for $name {
            fn cells<'a>(&'a self, f: &mut dyn FnMut($crate::record::Cell<'a>)) {
                $( f($crate::record::Column::cell(&self.$field)); )*
            }
        }

        impl $crate::record::FromRow for $name {
            fn select() -> &'static str {
                static SELECT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                SELECT.get_or_init(|| {
                    let sql: &[&str] = &[$(record!(@sql $($sql)?)),*];
                    sql.iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ")
                })
            }

            fn width() -> usize {
                let sql: &[&str] = &[$(record!(@sql $($sql)?)),*];
                sql.iter().filter(|s| !s.is_empty()).count()
            }

            fn from_row(_row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
                // The columns are read in turn; a record without SQL (the panel's) reads none,
                // hence the underscores.
                let mut columns = 0usize;
                let _next = &mut columns;
                Ok($name { $( $field: record!(@read _row, _next, $ty $(, $sql)?), )* })
            }
        }
    };
}

pub(crate) use record;
