//! The Python record classes (`bindings-python/python/mongolia_relations/_records.py`), written
//! from the record definitions: a class per record with its docstring and typed attributes.
//! The file is checked in; `cargo run -p mongolia-relations --example codegen` rewrites it and
//! `tests/pygen.rs` fails when it is stale.

use crate::record::{ColumnType, FieldDef, Record};
use crate::records::*;

/// What the generator needs of one record kind.
struct Kind {
    name: &'static str,
    doc: &'static str,
    table: &'static str,
    key: &'static str,
    queries: &'static [&'static str],
    fields: &'static [FieldDef],
}

fn kind<R: Record>() -> Kind {
    Kind {
        name: R::NAME,
        doc: R::DOC,
        table: R::TABLE,
        key: R::KEY,
        queries: R::QUERIES,
        fields: R::FIELDS,
    }
}

/// The record kinds that have a Python class, in the module's order. The panel's rows stay
/// dictionaries: their columns depend on the indicators of the database.
fn kinds() -> Vec<Kind> {
    vec![
        kind::<Event>(),
        kind::<Treaty>(),
        kind::<Posting>(),
        kind::<Mission>(),
        kind::<Membership>(),
        kind::<Observation>(),
        kind::<Polity>(),
        kind::<Person>(),
        kind::<Organization>(),
        kind::<Source>(),
        kind::<Citation>(),
        kind::<Dispute>(),
        kind::<Coverage>(),
        kind::<PolityCode>(),
        kind::<UngaVote>(),
        kind::<UngaAgreement>(),
    ]
}

/// A doc comment as Python docstring text: one leading space per line dropped, code spans in
/// reStructuredText's double backticks, paragraphs kept.
fn paragraphs(doc: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in doc.lines() {
        let line = line.strip_prefix(' ').unwrap_or(line).trim_end();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter().map(|p| p.replace('`', "``")).collect()
}

/// `text` wrapped at `width` columns, each line after `indent`.
fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The annotation of a field and the type its docstring names.
fn python_type(f: &FieldDef) -> (String, String) {
    let (annotation, doc) = match f.column {
        ColumnType::Int => ("int".to_string(), "int".to_string()),
        ColumnType::Float => ("float".into(), "float".into()),
        ColumnType::Bool => ("bool".into(), "bool".into()),
        ColumnType::Text => ("str".into(), "str".into()),
        ColumnType::Date => ("_dt.date".into(), "datetime.date".into()),
        ColumnType::TextList => ("tuple[str, ...]".into(), "tuple of str".into()),
        ColumnType::IntList => ("tuple[int, ...]".into(), "tuple of int".into()),
        ColumnType::Records(nested) => {
            let all_text = nested.iter().all(|n| n.column == ColumnType::Text && !n.nullable);
            let value = if all_text { "str" } else { "Any" };
            (format!("tuple[dict[str, {value}], ...]"), "tuple of dict".into())
        }
        ColumnType::Series => ("dict[str, float | None]".into(), "dict".into()),
    };
    if f.nullable {
        (format!("{annotation} | None"), format!("{doc} or None"))
    } else {
        (annotation, doc)
    }
}

const HEADER: &str = r#"# Generated from the record definitions in mongolia-relations/src/records.rs by
# `cargo run -p mongolia-relations --example codegen`; do not edit (tests/pygen.rs checks it).
"""Typed, immutable records: one class per kind of row."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, ClassVar

from ._record_base import Record, columns_doc

__all__ = [
"#;

/// The source of `_records.py`.
pub fn python_records() -> String {
    let kinds = kinds();
    let mut out = String::from(HEADER);
    let mut names: Vec<&str> = kinds
        .iter()
        .map(|k| k.name)
        .chain(["RECORD_TYPES", "Record", "columns_doc"])
        .collect();
    names.sort_unstable();
    for n in names {
        out.push_str(&format!("    \"{n}\",\n"));
    }
    out.push_str("]\n");
    for k in &kinds {
        out.push_str("\n\n@dataclasses.dataclass(frozen=True)\n");
        out.push_str(&format!("class {}(Record):\n", k.name));
        let paras = paragraphs(k.doc);
        let mut doc = String::new();
        for (i, p) in paras.iter().enumerate() {
            let wrapped = wrap(p, "    ", 100);
            if i == 0 {
                doc.push_str("    \"\"\"");
                doc.push_str(wrapped.trim_start());
            } else {
                doc.push('\n');
                doc.push_str(&wrapped);
            }
        }
        doc.push_str("\n    Attributes\n    ----------\n");
        for f in k.fields {
            let (_, type_doc) = python_type(f);
            doc.push_str(&format!("    {} : {}\n", f.name, type_doc));
            for p in paragraphs(f.doc) {
                doc.push_str(&wrap(&p, "        ", 100));
            }
        }
        doc.push_str("    \"\"\"\n\n");
        out.push_str(&doc);
        out.push_str(&format!("    table: ClassVar[str] = \"{}\"\n", k.table));
        if k.key != "id" {
            out.push_str(&format!("    key: ClassVar[str] = \"{}\"\n", k.key));
        }
        for f in k.fields {
            out.push_str(&format!("    {}: {}\n", f.name, python_type(f).0));
        }
    }
    out.push_str("\n\n# The record class of each query's rows.\nRECORD_TYPES: dict[str, type[Record]] = {\n");
    for k in &kinds {
        for q in k.queries {
            out.push_str(&format!("    \"{q}\": {},\n", k.name));
        }
    }
    out.push_str("}\n");
    out
}
