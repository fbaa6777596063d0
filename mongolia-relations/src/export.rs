//! Export of every table (CSV, JSON Lines or Parquet), the SQLite file itself, the events in
//! the column layout of ICEWS event files, and a manifest, for users who move to DuckDB, Spark
//! or BigQuery to join with large event data.

use crate::arrow_rows::SqlColumns;
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::output::{check_target, safe_file_stem, same_file, CommitFailure, Overwrite, Staged};
use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use rusqlite::types::ValueRef;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

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

/// Rows per Arrow batch while a table streams to Parquet: memory stays bounded by a few
/// batches and the row group being encoded (two batches: 131,072 rows, about DuckDB's
/// 122,880), whatever the table's size.
const BATCH_ROWS: usize = 64 * 1024;

/// Most rowid ranges a large table is read in by parallel readers.
const MAX_RANGES: i128 = 4096;

/// The page cache of each export thread's connection: a table is read once, in rowid order, so
/// a large cache would only eat into the memory budget the threads share.
const SCAN_CACHE_KIB: u32 = 4 << 10;

/// Reserves the temporary file of `file` in `dir`.
pub(crate) fn stage_in(dir: &Path, file: &str, overwrite: Overwrite) -> Result<Staged> {
    let target = dir.join(file);
    Staged::new(&target, overwrite).map_err(|source| Error::Io { path: target, source })
}

/// Moves a complete staged file into place.
pub(crate) fn commit(out: Staged) -> Result<()> {
    let target = out.target().to_path_buf();
    let temp = out.path().to_path_buf();
    out.commit_steps().map_err(|failure| match failure {
        CommitFailure::Move(source) => Error::Io { path: target, source },
        CommitFailure::RemoveTemp(source) => Error::RemoveFile {
            path: temp,
            target,
            source,
        },
    })
}

/// One piece of an export, written by one worker on its own connection.
enum Job<'a> {
    /// A table into its file.
    Table(&'a str, &'a Staged),
    /// The database file itself; yields its SHA-256.
    Database(&'a Staged),
    /// `events_icews.tsv`.
    Icews(&'a Staged),
}

/// What a job wrote: rows, or the database file's SHA-256.
enum Done {
    Rows(usize),
    Sha256(String),
}

/// The file names of a table's columns and their declared types, generated columns included,
/// in the order `SELECT *` gives them.
fn table_columns(data: &Dataset, table: &str) -> Result<Vec<(String, String)>> {
    Ok(data
        .connection()
        .prepare("SELECT name, type FROM pragma_table_xinfo(?1) WHERE hidden IN (0, 2, 3) ORDER BY cid")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?)
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
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
    /// database file being exported is never replaced. Tables stream in batches (memory stays
    /// bounded whatever their size) and are written in parallel, one connection per thread.
    pub fn export_with(&self, dir: &Path, format: ExportFormat, overwrite: Overwrite) -> Result<Manifest> {
        self.unhurried(|| self.export_into(dir, format, overwrite))
    }

    /// Writes one table into the file `file` (atomically, as [`Dataset::export_with`] writes
    /// each of its files; an existing file is replaced only when `overwrite` says so); returns
    /// the rows written. An unknown table is [`Error::NotFound`].
    ///
    /// ```
    /// use mongolia_relations::{Dataset, ExportFormat, Overwrite};
    /// let data = Dataset::embedded().unwrap();
    /// let dir = tempfile::tempdir().unwrap();
    /// let rows = data.export_table(dir.path().join("events.parquet").as_path(), "events", ExportFormat::Parquet, Overwrite::Refuse).unwrap();
    /// assert!(rows > 0);
    /// ```
    pub fn export_table(&self, file: &Path, table: &str, format: ExportFormat, overwrite: Overwrite) -> Result<usize> {
        self.unhurried(|| {
            if !self.export_names()?.iter().any(|t| t == table) {
                return Err(Error::NotFound {
                    table: "table".into(),
                    id: table.into(),
                });
            }
            if self.path().is_some_and(|input| same_file(file, input)) {
                return Err(Error::OutputIsInput {
                    path: file.to_path_buf(),
                    what: "the database file".into(),
                });
            }
            let out = Staged::new(file, overwrite).map_err(|source| match source.kind() {
                std::io::ErrorKind::AlreadyExists => Error::OutputExists { path: file.to_path_buf() },
                _ => Error::Io {
                    path: file.to_path_buf(),
                    source,
                },
            })?;
            let rows = self.write_table(table, &out, format)?;
            commit(out)?;
            Ok(rows)
        })
    }

    /// The tables an export writes, by name.
    fn export_names(&self) -> Result<Vec<String>> {
        Ok(self
            .connection()
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn export_into(&self, dir: &Path, format: ExportFormat, overwrite: Overwrite) -> Result<Manifest> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let names = self.export_names()?;
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
        let staged: Vec<Staged> = files.iter().map(|file| stage_in(dir, file, overwrite)).collect::<Result<_>>()?;
        // Largest first, so that the longest job does not start last: ICEWS rows are assembled
        // from typed events, then the tables by their highest rowid, then the file copy.
        let mut jobs: Vec<(i64, Job)> = vec![(i64::MAX, Job::Icews(&staged[names.len() + 1]))];
        for (name, out) in names.iter().zip(&staged) {
            let size: Option<i64> = self
                .connection()
                .query_row(&format!("SELECT max(rowid) FROM {}", quoted(name)), [], |r| r.get(0))?;
            jobs.push((size.unwrap_or(0), Job::Table(name, out)));
        }
        jobs.push((0, Job::Database(&staged[names.len()])));
        jobs.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
        let jobs: Vec<Job> = jobs.into_iter().map(|(_, job)| job).collect();
        let done = self.in_parallel(&jobs, |data, job| match job {
            Job::Table(name, out) => data.write_table(name, out, format).map(Done::Rows),
            Job::Database(out) => data.copy_file(out).map(Done::Sha256),
            Job::Icews(out) => data.export_icews(out).map(Done::Rows),
        })?;
        let mut tables = BTreeMap::new();
        let mut sqlite_sha256 = String::new();
        for (job, done) in jobs.iter().zip(done) {
            match (job, done) {
                (Job::Table(name, _), Done::Rows(n)) => {
                    tables.insert(name.to_string(), n);
                }
                (Job::Icews(_), Done::Rows(n)) => {
                    tables.insert("events_icews".into(), n);
                }
                (_, Done::Sha256(hash)) => sqlite_sha256 = hash,
                (_, Done::Rows(_)) => {}
            }
        }
        let manifest = Manifest {
            dataset_version: self.dataset_version()?,
            schema_version: self.metadata("schema_version")?.unwrap_or_default(),
            content_hash: self.content_hash()?,
            sqlite_sha256,
            format: format.extension().into(),
            tables,
            files,
        };
        let json = staged.last().expect("the manifest is staged last");
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| Error::Serialize {
            format: "JSON",
            path: Some(dir.join("manifest.json")),
            detail: e.to_string(),
        })?;
        std::fs::write(json.path(), text + "\n").map_err(io(json.path()))?;
        for out in staged {
            commit(out)?;
        }
        Ok(manifest)
    }

    /// A second connection to the same data, under the same limits, for another thread.
    fn sibling(&self) -> Result<Dataset> {
        let data = match self.path() {
            Some(path) if !self.is_embedded() => Dataset::open_with_cache(path, SCAN_CACHE_KIB)?,
            _ => Dataset::embedded()?,
        };
        data.set_limits(self.limits())?;
        Ok(data)
    }

    /// `n` more connections to the same data for other threads, and the flag that stops the
    /// query running on any of them ([`Error::Interrupted`]).
    fn siblings(&self, n: usize) -> Result<(Vec<Dataset>, Arc<AtomicBool>)> {
        let stop = Arc::new(AtomicBool::new(false));
        let data = (0..n)
            .map(|_| {
                let data = self.sibling()?;
                let stop = Arc::clone(&stop);
                data.set_interrupt_check(move || stop.load(Ordering::Relaxed));
                Ok(data)
            })
            .collect::<Result<_>>()?;
        Ok((data, stop))
    }

    /// Runs every job, each on one of a few threads with a connection of its own; the calling
    /// thread watches for interruption (Ctrl-C, [`Dataset::interrupt_handle`]) meanwhile and
    /// stops them all. The first failure stops the others too and is the one returned.
    fn in_parallel<J: Sync, T: Send>(&self, jobs: &[J], run: impl Fn(&Dataset, &J) -> Result<T> + Sync) -> Result<Vec<T>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len());
        if threads <= 1 {
            return jobs.iter().map(|job| run(self, job)).collect();
        }
        let (workers, stop) = self.siblings(threads)?;
        let next = AtomicUsize::new(0);
        let results: Vec<Mutex<Option<Result<T>>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
        std::thread::scope(|scope| {
            let handles: Vec<_> = workers
                .into_iter()
                .map(|data| {
                    let (next, results, stop, run) = (&next, &results, &stop, &run);
                    scope.spawn(move || loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= jobs.len() || stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let result = data.unhurried(|| run(&data, &jobs[i]));
                        if result.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                        if let Ok(mut slot) = results[i].lock() {
                            *slot = Some(result);
                        }
                    })
                })
                .collect();
            while !handles.iter().all(|h| h.is_finished()) {
                if self.interrupted() {
                    stop.store(true, Ordering::Relaxed);
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        let results: Vec<Option<Result<T>>> = results.into_iter().map(|m| m.into_inner().ok().flatten()).collect();
        let stopped = results.iter().any(|r| !matches!(r, Some(Ok(_))));
        if stopped {
            // The failure that stopped the others, not the interruptions it caused.
            let mut errors: Vec<Error> = results.into_iter().filter_map(|r| r.and_then(Result::err)).collect();
            let first = errors.iter().position(|e| !matches!(e, Error::Interrupted { .. })).unwrap_or(0);
            return Err(if errors.is_empty() {
                Error::Interrupted { statement: None }
            } else {
                errors.swap_remove(first)
            });
        }
        Ok(results.into_iter().flatten().filter_map(Result::ok).collect())
    }

    /// Copies the database file into `out`, returning its SHA-256; a user's file is streamed.
    fn copy_file(&self, out: &Staged) -> Result<String> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        let mut file = out.file().map_err(io(out.path()))?;
        let mut hasher = Sha256::new();
        match self.path().filter(|_| !self.is_embedded()) {
            Some(path) => {
                let mut input = std::fs::File::open(path).map_err(io(path))?;
                let mut buffer = vec![0u8; 1 << 20];
                loop {
                    let n = std::io::Read::read(&mut input, &mut buffer).map_err(io(path))?;
                    if n == 0 {
                        break;
                    }
                    hasher.update(&buffer[..n]);
                    file.write_all(&buffer[..n]).map_err(io(out.path()))?;
                }
            }
            None => {
                let bytes = self.file_bytes()?;
                hasher.update(&bytes);
                file.write_all(&bytes).map_err(io(out.path()))?;
            }
        }
        Ok(crate::builder::hex(&hasher.finalize()))
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

    /// Streams one table into `out`, row by row (CSV, JSON Lines) or batch by batch (Parquet).
    fn write_table(&self, table: &str, out: &Staged, format: ExportFormat) -> Result<usize> {
        let path = out.path();
        let io = |e: std::io::Error| Error::Io {
            path: path.to_path_buf(),
            source: e,
        };
        let encoding = |format: &'static str| {
            move |detail: String| Error::Serialize {
                format,
                path: Some(path.to_path_buf()),
                detail,
            }
        };
        let columns = table_columns(self, table)?;
        let names: Vec<String> = columns.iter().map(|(n, _)| n.clone()).collect();
        let select = names.iter().map(|n| quoted(n)).collect::<Vec<_>>().join(", ");
        let mut stmt = self
            .connection()
            .prepare(&format!("SELECT {select} FROM {} ORDER BY rowid", quoted(table)))?;
        let mut rows = stmt.query([])?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, out.file().map_err(io)?);
        let mut n = 0;
        match format {
            ExportFormat::Csv => {
                let csv_error = |e| csv_failure(path, e);
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(&names).map_err(csv_error)?;
                let mut record = Vec::with_capacity(names.len());
                while let Some(row) = rows.next()? {
                    record.clear();
                    for i in 0..names.len() {
                        record.push(text(row.get_ref(i)?));
                    }
                    w.write_record(&record).map_err(csv_error)?;
                    n += 1;
                }
                w.flush().map_err(io)?;
            }
            ExportFormat::Jsonl => {
                let json_error = |e: serde_json::Error| match e.io_error_kind() {
                    Some(kind) => io(kind.into()),
                    None => encoding("JSON")(e.to_string()),
                };
                let keys: Vec<String> = names
                    .iter()
                    .map(|n| serde_json::to_string(n).map_err(json_error))
                    .collect::<Result<_>>()?;
                while let Some(row) = rows.next()? {
                    for (i, key) in keys.iter().enumerate() {
                        out.write_all(if i == 0 { b"{" } else { b"," }).map_err(io)?;
                        out.write_all(key.as_bytes()).map_err(io)?;
                        out.write_all(b":").map_err(io)?;
                        match row.get_ref(i)? {
                            ValueRef::Null => out.write_all(b"null").map_err(io)?,
                            ValueRef::Integer(v) => serde_json::to_writer(&mut out, &v).map_err(json_error)?,
                            ValueRef::Real(v) => serde_json::to_writer(&mut out, &v).map_err(json_error)?,
                            other => serde_json::to_writer(&mut out, &text(other)).map_err(json_error)?,
                        }
                    }
                    out.write_all(if keys.is_empty() { b"{}\n" } else { b"}\n" }).map_err(io)?;
                    n += 1;
                }
            }
            ExportFormat::Parquet => {
                drop(rows);
                let types: Vec<&str> = columns.iter().map(|(_, t)| t.as_str()).collect();
                n = self.write_parquet(table, &names, &types, &mut out, path, BATCH_ROWS)?;
            }
        }
        out.flush().map_err(io)?;
        Ok(n)
    }

    /// Streams one table into Parquet: a small table on this connection; a large one read in
    /// rowid ranges by a few threads with connections of their own while this thread encodes,
    /// range after range in rowid order, so that the file is the same either way. At most two
    /// batches per reader wait for the encoder: memory stays bounded. Batches have at most
    /// `batch_rows` rows, row groups twice that.
    fn write_parquet(
        &self,
        table: &str,
        names: &[String],
        types: &[&str],
        out: &mut (impl Write + Send),
        path: &Path,
        batch_rows: usize,
    ) -> Result<usize> {
        let encoding = |format: &'static str| {
            move |detail: String| Error::Serialize {
                format,
                path: Some(path.to_path_buf()),
                detail,
            }
        };
        let parquet_error = |e: parquet::errors::ParquetError| encoding("Parquet")(e.to_string());
        let schema = SqlColumns::declared(types)
            .batch(names)
            .map_err(|e| encoding("Arrow")(e.to_string()))?
            .schema();
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(2 * batch_rows))
            .build();
        let mut writer = ArrowWriter::try_new(out, schema, Some(properties)).map_err(parquet_error)?;
        let select = format!(
            "SELECT {} FROM {} WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid",
            names.iter().map(|n| quoted(n)).collect::<Vec<_>>().join(", "),
            quoted(table)
        );
        let (first, last): (Option<i64>, Option<i64>) =
            self.connection()
                .query_row(&format!("SELECT min(rowid), max(rowid) FROM {}", quoted(table)), [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        let (first, last) = (first.unwrap_or(0), last.unwrap_or(-1));
        let span = i128::from(last) - i128::from(first) + 1;
        let readers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut rows = 0;
        if readers < 2 || span < 4 * batch_rows as i128 {
            read_range(self, &select, (first, last), types, names, batch_rows, &mut |batch| {
                rows += batch.num_rows();
                writer.write(&batch).map_err(parquet_error)
            })?;
            writer.close().map_err(parquet_error)?;
            return Ok(rows);
        }
        // Ranges of equal rowid width: at most a batch each where rowids are dense, and no more
        // than MAX_RANGES of them where they are sparse.
        let width = (span / MAX_RANGES).max(batch_rows as i128);
        let ranges: Vec<(i64, i64)> = (0..)
            .map(|k: i128| i128::from(first) + k * width)
            .take_while(|lo| *lo <= i128::from(last))
            .map(|lo| (lo as i64, (lo + width - 1).min(i128::from(last)) as i64))
            .collect();
        let (workers, stop) = self.siblings(readers)?;
        type Piece = Result<Option<RecordBatch>>;
        let (senders, receivers): (Vec<_>, Vec<_>) = (0..readers).map(|_| std::sync::mpsc::sync_channel::<Piece>(2)).unzip();
        std::thread::scope(|scope| {
            for (j, (data, tx)) in workers.into_iter().zip(senders).enumerate() {
                let (ranges, select, stop) = (&ranges, &select, &stop);
                scope.spawn(move || {
                    for range in ranges.iter().skip(j).step_by(readers) {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let read = data.unhurried(|| {
                            read_range(&data, select, *range, types, names, batch_rows, &mut |batch| {
                                tx.send(Ok(Some(batch))).map_err(|_| Error::Interrupted { statement: None })
                            })
                        });
                        // A failed send means the encoder stopped: nothing is left to do.
                        match read {
                            Ok(_) if tx.send(Ok(None)).is_ok() => {}
                            Ok(_) => return,
                            Err(e) => {
                                let _ = tx.send(Err(e));
                                return;
                            }
                        }
                    }
                });
            }
            // Encodes range after range; returning drops the receivers, so that a reader
            // waiting to hand over a batch stops instead of waiting for ever.
            let encode = |receivers: Vec<std::sync::mpsc::Receiver<Piece>>| -> Result<()> {
                for k in 0..ranges.len() {
                    loop {
                        if self.interrupted() {
                            return Err(Error::Interrupted { statement: None });
                        }
                        match receivers[k % readers].recv() {
                            Ok(Ok(Some(batch))) => {
                                rows += batch.num_rows();
                                writer.write(&batch).map_err(parquet_error)?;
                            }
                            Ok(Ok(None)) => break,
                            Ok(Err(e)) => return Err(e),
                            Err(_) => return Err(Error::Interrupted { statement: None }),
                        }
                    }
                }
                writer.close().map_err(parquet_error)?;
                Ok(())
            };
            let result = encode(receivers);
            if result.is_err() {
                stop.store(true, Ordering::Relaxed);
            }
            result
        })?;
        Ok(rows)
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
        w.write_record(ICEWS_COLUMNS).map_err(|e| csv_failure(path, e))?;
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
                    w.write_record(&record).map_err(|e| csv_failure(path, e))?;
                    n += 1;
                }
            }
        }
        w.flush().map_err(wrap)?;
        Ok(n)
    }
}

/// Reads the rows of `select` (a statement over a rowid range) into batches of at most
/// `batch_rows` rows, handing each to `emit`.
fn read_range(
    data: &Dataset,
    select: &str,
    (first, last): (i64, i64),
    types: &[&str],
    names: &[String],
    batch_rows: usize,
    emit: &mut dyn FnMut(RecordBatch) -> Result<()>,
) -> Result<usize> {
    let arrow_error = |e: arrow_schema::ArrowError| Error::Serialize {
        format: "Arrow",
        path: None,
        detail: e.to_string(),
    };
    let mut stmt = data.connection().prepare_cached(select)?;
    let mut rows = stmt.query([first, last])?;
    let mut batch = SqlColumns::declared(types);
    let mut n = 0;
    while let Some(row) = rows.next()? {
        batch.push(row)?;
        n += 1;
        if batch.len() == batch_rows {
            emit(batch.batch(names).map_err(arrow_error)?)?;
        }
    }
    if !batch.is_empty() {
        emit(batch.batch(names).map_err(arrow_error)?)?;
    }
    Ok(n)
}

/// A CSV writer's failure: the file system's as [`Error::Io`], an encoding one as
/// [`Error::Serialize`].
fn csv_failure(path: &Path, e: csv::Error) -> Error {
    let detail = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(source) => Error::Io {
            path: path.to_path_buf(),
            source,
        },
        _ => Error::Serialize {
            format: "CSV",
            path: Some(path.to_path_buf()),
            detail,
        },
    }
}

/// A value as the CSV export writes it: NULL as nothing, numbers in Rust's shortest form, a
/// BLOB as lower-case hex.
fn text(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(b) => crate::builder::hex(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of a Parquet file, as text, row by row.
    fn parquet_rows(bytes: Vec<u8>) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        std::fs::write(&path, bytes).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReader::try_new(file, 1024).unwrap();
        let mut rows = Vec::new();
        for batch in reader {
            let batch = batch.unwrap();
            for i in 0..batch.num_rows() {
                let cells: Vec<String> = batch
                    .columns()
                    .iter()
                    .map(|c| {
                        arrow_array::cast::AsArray::as_string_opt::<i32>(c)
                            .map_or_else(|| format!("{:?}", c.slice(i, 1)), |s| s.value(i).to_string())
                    })
                    .collect();
                rows.push(cells.join("|"));
            }
        }
        rows
    }

    #[test]
    fn parquet_read_in_parallel_rowid_ranges_equals_the_file_read_in_one_pass() {
        let data = Dataset::embedded().unwrap();
        let columns = table_columns(&data, "events").unwrap();
        let names: Vec<String> = columns.iter().map(|(n, _)| n.clone()).collect();
        let types: Vec<&str> = columns.iter().map(|(_, t)| t.as_str()).collect();
        let write = |batch_rows| {
            let mut out = Vec::new();
            let n = data
                .write_parquet("events", &names, &types, &mut out, Path::new("events.parquet"), batch_rows)
                .unwrap();
            (n, out)
        };
        // 7-row batches: the events' rowids span far more than four batches, so readers on
        // other connections read them in ranges.
        let (n_parallel, parallel) = write(7);
        let (n_single, single) = write(1 << 20);
        let count: i64 = data
            .connection()
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap();
        let count = count as usize;
        assert_eq!((n_parallel, n_single), (count, count));
        let (parallel, single) = (parquet_rows(parallel), parquet_rows(single));
        assert_eq!(parallel.len(), count);
        assert_eq!(parallel, single);
    }
}
