//! Export of every table (CSV, JSON Lines or Parquet), the SQLite file itself, the events in
//! the column layout of ICEWS event files, and a manifest, for users who move to DuckDB, Spark
//! or BigQuery to join with large event data.

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::output::{check_target, safe_file_stem, same_file, Overwrite, Staged};
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// The file format of the table exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One CSV file per table, with a header row.
    Csv,
    /// One JSON Lines file per table, an object per row.
    Jsonl,
    /// One Parquet file per table (Snappy-compressed), columns typed as in the schema.
    Parquet,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Parquet => "parquet",
        }
    }
}

/// What an export wrote; also written as `manifest.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Manifest {
    /// Dataset version.
    pub dataset_version: String,
    /// Schema version.
    pub schema_version: String,
    /// Content hash of the data.
    pub content_hash: String,
    /// SHA-256 of the copied SQLite file.
    pub sqlite_sha256: String,
    /// Format of the table files.
    pub format: String,
    /// Rows written per table.
    pub tables: BTreeMap<String, usize>,
    /// Every file written, relative to the export folder.
    pub files: Vec<String>,
}

/// The column layout of ICEWS event files, followed by the columns ICEWS has no place for.
const ICEWS_COLUMNS: &[&str] = &[
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "EDTF Date",
    "Date Precision",
    "PLOVER",
    "Sources",
];

/// Reserves the temporary file of `file` in `dir`.
pub(crate) fn stage_in(dir: &Path, file: &str, overwrite: Overwrite) -> Result<Staged> {
    let target = dir.join(file);
    Staged::new(&target, overwrite).map_err(|source| Error::Io { path: target, source })
}

impl Dataset {
    /// Writes every table, the database file, `events_icews.tsv` and `manifest.json` into `dir`
    /// (created if missing). A file already there is refused ([`Error::OutputExists`]); see
    /// [`Dataset::export_with`].
    pub fn export(&self, dir: &Path, format: ExportFormat) -> Result<Manifest> {
        self.export_with(dir, format, Overwrite::Refuse)
    }

    /// [`Dataset::export`], replacing files already in `dir` when `overwrite` says so. Every
    /// file is written under a temporary name in `dir` and renamed into place once all are
    /// complete; a symlink in `dir` is replaced, never followed, so nothing is written outside
    /// `dir`; file names made from table names keep only letters, digits, `_` and `-`; the
    /// database file being exported is never replaced.
    pub fn export_with(&self, dir: &Path, format: ExportFormat, overwrite: Overwrite) -> Result<Manifest> {
        self.unhurried(|| self.export_into(dir, format, overwrite))
    }

    fn export_into(&self, dir: &Path, format: ExportFormat, overwrite: Overwrite) -> Result<Manifest> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let names: Vec<String> = self
            .connection()
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut files: Vec<String> = Vec::new();
        for name in &names {
            let stem = safe_file_stem(name);
            let mut file = format!("{stem}.{}", format.extension());
            let mut n = 1;
            while files.contains(&file) {
                n += 1;
                file = format!("{stem}_{n}.{}", format.extension());
            }
            files.push(file);
        }
        files.extend(["mongolia-relations.sqlite", "events_icews.tsv", "manifest.json"].map(String::from));
        self.check_targets(dir, &files, overwrite)?;
        let stage = |file: &str| stage_in(dir, file, overwrite);
        let mut staged = Vec::with_capacity(files.len());
        let mut tables = BTreeMap::new();
        for (name, file) in names.iter().zip(&files) {
            let out = stage(file)?;
            tables.insert(name.clone(), self.export_table(name, &out, format)?);
            staged.push(out);
        }
        let sqlite = stage("mongolia-relations.sqlite")?;
        let bytes = self.file_bytes()?;
        std::fs::write(sqlite.path(), &bytes).map_err(io(sqlite.path()))?;
        staged.push(sqlite);
        let icews = stage("events_icews.tsv")?;
        tables.insert("events_icews".into(), self.export_icews(&icews)?);
        staged.push(icews);
        let manifest = Manifest {
            dataset_version: self.dataset_version()?,
            schema_version: self.metadata("schema_version")?.unwrap_or_default(),
            content_hash: self.content_hash()?,
            sqlite_sha256: crate::builder::hex(&Sha256::digest(&bytes)),
            format: format.extension().into(),
            tables,
            files,
        };
        let json = stage("manifest.json")?;
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| Error::Io {
            path: dir.join("manifest.json"),
            source: e.into(),
        })?;
        std::fs::write(json.path(), text + "\n").map_err(io(json.path()))?;
        staged.push(json);
        for out in staged {
            let target = dir.to_path_buf();
            out.commit().map_err(io(&target))?;
        }
        Ok(manifest)
    }

    /// Checks every file an export will write in `dir` before anything is written: an existing
    /// file is refused unless replacing, and the database being exported is never a target.
    pub(crate) fn check_targets(&self, dir: &Path, files: &[String], overwrite: Overwrite) -> Result<()> {
        for file in files {
            let target = dir.join(file);
            if self.path().is_some_and(|input| same_file(&target, input)) {
                return Err(Error::OutputIsInput {
                    path: target,
                    what: "the database file".into(),
                });
            }
            check_target(&target, overwrite).map_err(|source| match source.kind() {
                std::io::ErrorKind::AlreadyExists => Error::OutputExists { path: target.clone() },
                _ => Error::Io {
                    path: target.clone(),
                    source,
                },
            })?;
        }
        Ok(())
    }

    fn export_table(&self, table: &str, out: &Staged, format: ExportFormat) -> Result<usize> {
        let path = out.path();
        let wrap = |e: std::io::Error| Error::Io {
            path: path.to_path_buf(),
            source: e,
        };
        let types: Vec<(String, String)> = self
            .connection()
            .prepare(&format!("SELECT name, type FROM pragma_table_info('{table}') ORDER BY cid"))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.connection().prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))?;
        let mut rows = stmt.query([])?;
        let mut cells: Vec<Vec<rusqlite::types::Value>> = Vec::new();
        while let Some(row) = rows.next()? {
            cells.push(
                (0..types.len())
                    .map(|i| row.get::<_, rusqlite::types::Value>(i))
                    .collect::<Result<_, _>>()?,
            );
        }
        let mut out = std::io::BufWriter::new(out.file().map_err(wrap)?);
        match format {
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(types.iter().map(|(n, _)| n)).map_err(|e| wrap(e.into()))?;
                for row in &cells {
                    w.write_record(row.iter().map(text)).map_err(|e| wrap(e.into()))?;
                }
                w.flush().map_err(wrap)?;
            }
            ExportFormat::Jsonl => {
                for row in &cells {
                    let object: serde_json::Map<String, serde_json::Value> =
                        types.iter().map(|(n, _)| n.clone()).zip(row.iter().map(json)).collect();
                    serde_json::to_writer(&mut out, &object).map_err(|e| wrap(e.into()))?;
                    out.write_all(b"\n").map_err(wrap)?;
                }
            }
            ExportFormat::Parquet => {
                let batch = to_batch(&types, &cells).map_err(|e| wrap(std::io::Error::other(e)))?;
                let mut writer =
                    parquet::arrow::ArrowWriter::try_new(&mut out, batch.schema(), None).map_err(|e| wrap(std::io::Error::other(e)))?;
                writer.write(&batch).map_err(|e| wrap(std::io::Error::other(e)))?;
                writer.close().map_err(|e| wrap(std::io::Error::other(e)))?;
            }
        }
        out.flush().map_err(wrap)?;
        Ok(cells.len())
    }

    /// The events as dyadic rows in the ICEWS layout: source = the acting side (actor, visitor,
    /// donor; Mongolia for symmetric events), target = the other side.
    fn export_icews(&self, out: &Staged) -> Result<usize> {
        let path = out.path();
        let wrap = |e: std::io::Error| Error::Io {
            path: path.to_path_buf(),
            source: e,
        };
        let names: BTreeMap<String, String> = self
            .connection()
            .prepare("SELECT code, name FROM polities")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let file = out.file().map_err(wrap)?;
        let mut w = csv::WriterBuilder::new()
            .delimiter(b'\t')
            .from_writer(std::io::BufWriter::new(file));
        w.write_record(ICEWS_COLUMNS).map_err(|e| wrap(e.into()))?;
        let mut n = 0;
        for e in self.events(&crate::Filter::new())? {
            let polities: Vec<&crate::Participant> = e.participants.iter().filter(|p| p.kind == "polity").collect();
            let is_source = |role: &str| matches!(role, "actor" | "visitor" | "donor");
            let mut sources: Vec<&str> = polities.iter().filter(|p| is_source(&p.role)).map(|p| p.id.as_str()).collect();
            let mut targets: Vec<&str> = polities.iter().filter(|p| !is_source(&p.role)).map(|p| p.id.as_str()).collect();
            if sources.is_empty() {
                // Symmetric events: Mongolia, the dataset's focus, stands as the source.
                sources = targets.iter().copied().filter(|c| *c == "MNG").take(1).collect();
                if sources.is_empty() {
                    sources = targets.iter().copied().take(1).collect();
                }
                targets.retain(|t| !sources.contains(t));
            }
            for s in &sources {
                for t in targets.iter().filter(|t| *t != s) {
                    let name = |c: &str| names.get(c).cloned().unwrap_or_else(|| c.to_string());
                    let place_country = e.place_polity.as_deref().map(name).unwrap_or_default();
                    let record = [
                        e.id.to_string(),
                        e.start.to_string(),
                        name(s),
                        String::new(),
                        name(s),
                        e.kind.clone(),
                        e.cameo.clone().unwrap_or_default(),
                        String::new(),
                        name(t),
                        String::new(),
                        name(t),
                        String::new(),
                        String::new(),
                        "mongolia-relations".into(),
                        e.place.clone().unwrap_or_default(),
                        String::new(),
                        String::new(),
                        place_country,
                        String::new(),
                        String::new(),
                        e.date.clone(),
                        e.precision.clone(),
                        e.plover.clone().unwrap_or_default(),
                        e.sources.join(";"),
                    ];
                    w.write_record(&record).map_err(|e| wrap(e.into()))?;
                    n += 1;
                }
            }
        }
        w.flush().map_err(wrap)?;
        Ok(n)
    }
}

fn text(v: &rusqlite::types::Value) -> String {
    match v {
        rusqlite::types::Value::Null => String::new(),
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Real(f) => f.to_string(),
        rusqlite::types::Value::Text(t) => t.clone(),
        rusqlite::types::Value::Blob(b) => crate::builder::hex(b),
    }
}

fn json(v: &rusqlite::types::Value) -> serde_json::Value {
    match v {
        rusqlite::types::Value::Null => serde_json::Value::Null,
        rusqlite::types::Value::Integer(i) => (*i).into(),
        rusqlite::types::Value::Real(f) => (*f).into(),
        other => text(other).into(),
    }
}

fn to_batch(types: &[(String, String)], rows: &[Vec<rusqlite::types::Value>]) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let mut fields = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (i, (name, ty)) in types.iter().enumerate() {
        let column = rows.iter().map(|r| &r[i]);
        let (array, dt): (ArrayRef, DataType) = match ty.as_str() {
            "INTEGER" => {
                let mut b = Int64Builder::new();
                column.for_each(|v| {
                    b.append_option(if let rusqlite::types::Value::Integer(x) = v {
                        Some(*x)
                    } else {
                        None
                    })
                });
                (Arc::new(b.finish()), DataType::Int64)
            }
            "REAL" => {
                let mut b = Float64Builder::new();
                column.for_each(|v| {
                    b.append_option(match v {
                        rusqlite::types::Value::Real(x) => Some(*x),
                        rusqlite::types::Value::Integer(x) => Some(*x as f64),
                        _ => None,
                    })
                });
                (Arc::new(b.finish()), DataType::Float64)
            }
            _ => {
                let mut b = StringBuilder::new();
                column.for_each(|v| {
                    b.append_option(if matches!(v, rusqlite::types::Value::Null) {
                        None
                    } else {
                        Some(text(v))
                    })
                });
                (Arc::new(b.finish()), DataType::Utf8)
            }
        };
        fields.push(Field::new(name, dt, true));
        arrays.push(array);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
}
