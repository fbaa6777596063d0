//! Builds the database from `schema.sql` and a folder of seed CSVs, validating every row.
//!
//! Both `build.rs` of `mongolia-relations`, which builds the embedded database, and the library,
//! where [`build_database`] serves researchers' own extensions, depend on it: one set of rules
//! governs both.

use crate::dates::PartialDate;
use crate::output::{CommitFailure, Overwrite, Staged};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with the seeds, located by file and line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SeedProblem {
    /// The seed file (or `schema.sql`).
    pub file: PathBuf,
    /// The 1-based line of the offending row; 0 when the whole file is at fault.
    pub line: u64,
    /// What is wrong and, where it can be said, what would be right.
    pub message: String,
}

impl fmt::Display for SeedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// What a successful build reports.
#[derive(Clone, Debug)]
pub struct BuildSummary {
    /// SHA-256 over the schema text and every table's rows in key order (hex).
    pub content_hash: String,
    /// Rows per table.
    pub row_counts: BTreeMap<String, i64>,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The seeds (or the schema) fail validation: every problem found, each with file and line.
    Seeds(Vec<SeedProblem>),
    /// The seeds are valid but the database file could not be written or moved into place.
    Output {
        /// The output file.
        path: PathBuf,
        /// The step that failed: `stage` (reserve the temporary file beside it) or `commit`
        /// (move it into place: sync, then link or rename).
        step: &'static str,
        /// The underlying error; [`std::io::ErrorKind::AlreadyExists`] when `path` appeared
        /// meanwhile and replacing it was not asked for.
        source: std::io::Error,
    },
    /// The database is complete and in place at `path`, but its temporary file could not be
    /// removed after.
    TempLeft {
        /// The output file, complete.
        path: PathBuf,
        /// The temporary file left behind.
        temp: PathBuf,
        /// Why it could not be removed.
        source: std::io::Error,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Seeds(problems) => {
                write!(f, "{} problem(s) in the seeds", problems.len())?;
                problems.iter().try_for_each(|p| write!(f, "\n{p}"))
            }
            BuildError::Output { path, step, source } => write!(f, "{}: {step} failed: {source}", path.display()),
            BuildError::TempLeft { path, temp, source } => write!(
                f,
                "{} was written, but its temporary file {} could not be removed ({source})",
                path.display(),
                temp.display()
            ),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Seeds(_) => None,
            BuildError::Output { source, .. } | BuildError::TempLeft { source, .. } => Some(source),
        }
    }
}

impl From<Vec<SeedProblem>> for BuildError {
    fn from(problems: Vec<SeedProblem>) -> Self {
        BuildError::Seeds(problems)
    }
}

/// Tables whose every row states a fact and must be cited.
pub const FACT_TABLES: &[&str] = &[
    "events",
    "treaties",
    "postings",
    "memberships",
    "observations",
    "quantities",
    "person_roles",
    "claims",
    "polities",
    "polity_codes",
    "polity_names",
    "missions",
];

/// A citation's identifying phrase may not be longer than this (words).
pub const MAX_QUOTE_WORDS: usize = 10;

/// Where a loaded row came from.
type Origins = HashMap<(String, i64), (PathBuf, u64)>;

struct Column {
    name: String,
    decl_type: String,
}

/// Builds `schema` plus the seed folders (in order; later folders add rows) into a new SQLite
/// file at `out`, which must not exist yet. Every problem found is returned, not only the first.
pub fn build_database(schema: &str, seed_dirs: &[&Path], out: &Path) -> Result<BuildSummary, BuildError> {
    let conn = Connection::open_in_memory().map_err(|e| whole("schema.sql", e))?;
    conn.execute_batch(schema).map_err(|e| whole("schema.sql", e))?;
    let sets: Vec<(&str, &Path)> = seed_dirs.iter().map(|d| (CORE_DATASET, *d)).collect();
    load_and_finish(conn, schema, &sets, out, Overwrite::Refuse)
}

/// The `dataset` value of the rows of this project's own seeds.
pub const CORE_DATASET: &str = "mongolia-relations";

/// Builds an extended database: the rows of `base` (a database file's bytes, e.g. the embedded
/// one) plus the seed folders of `extensions`, each `(dataset name, folder)`, validated by the
/// same rules. Every extension row records its dataset name in its `dataset` column. An
/// existing `out` is replaced only with [`Overwrite::Replace`], and never when it is a seed file.
pub fn extend_database(
    base: &[u8],
    schema: &str,
    extensions: &[(&str, &Path)],
    out: &Path,
    overwrite: Overwrite,
) -> Result<BuildSummary, BuildError> {
    let mut conn = Connection::open_in_memory().map_err(|e| whole("base database", e))?;
    conn.deserialize_read_exact(rusqlite::MAIN_DB, base, base.len(), false)
        .map_err(|e| whole("base database", e))?;
    let names: Vec<&str> = extensions.iter().map(|(n, _)| *n).collect();
    conn.execute_batch("DELETE FROM metadata WHERE key = 'content_hash';")
        .map_err(|e| whole("base database", e))?;
    conn.execute(
        "INSERT OR REPLACE INTO metadata (key, value) VALUES ('extensions', ?1)",
        [names.join(";")],
    )
    .map_err(|e| whole("base database", e))?;
    load_and_finish(conn, schema, extensions, out, overwrite)
}

/// Why a build's output path is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputRefusal {
    /// The file exists and replacing it was not asked for (or it is a folder).
    Exists(String),
    /// The path is a seed file of the build (through links too).
    IsSeedFile(PathBuf),
}

/// Checks a build's output path before anything is read: it must not be one of the seed files
/// (whatever `overwrite` says) and must not exist unless `overwrite` replaces it.
pub fn check_output(seed_dirs: &[&Path], out: &Path, overwrite: Overwrite) -> Result<(), OutputRefusal> {
    for dir in seed_dirs {
        if let Some(file) = seed_files(dir).into_iter().find(|f| crate::output::same_file(f, out)) {
            return Err(OutputRefusal::IsSeedFile(file));
        }
    }
    crate::output::check_target(out, overwrite).map_err(|e| OutputRefusal::Exists(e.to_string()))
}

/// The seed files of a folder: its entries ending in `.csv` in any case.
pub fn seed_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")));
    files
}

fn load_and_finish(
    conn: Connection,
    schema: &str,
    sets: &[(&str, &Path)],
    out: &Path,
    overwrite: Overwrite,
) -> Result<BuildSummary, BuildError> {
    let dirs: Vec<&Path> = sets.iter().map(|(_, d)| *d).collect();
    check_output(&dirs, out, overwrite).map_err(|refusal| match refusal {
        OutputRefusal::Exists(why) => whole(&out.display().to_string(), why),
        OutputRefusal::IsSeedFile(file) => whole(
            &file.display().to_string(),
            "is a seed file of this build; write the output elsewhere",
        ),
    })?;
    conn.execute_batch("PRAGMA foreign_keys = OFF;")
        .map_err(|e| whole("schema.sql", e))?;
    let tables = seed_tables(&conn).map_err(|e| whole("schema.sql", e))?;
    let mut problems = Vec::new();
    let mut origins = Origins::new();
    // One transaction for every row: committing each insert on its own triples the load time
    // of the UN vote tables (tens of thousands of rows).
    conn.execute_batch("BEGIN").map_err(|e| whole("schema.sql", e))?;
    for (dataset, dir) in sets {
        load_dir(&conn, dir, dataset, &tables, &mut origins, &mut problems);
    }
    conn.execute_batch("COMMIT").map_err(|e| whole("schema.sql", e))?;
    if problems.is_empty() {
        if let Err(e) = conn.execute_batch(MONGOLIA_ROLE) {
            problems.extend(whole("schema.sql", e));
        }
        check_foreign_keys(&conn, &origins, &mut problems);
        check_citations(&conn, &origins, &mut problems);
        check_rules(&conn, &origins, &mut problems);
        check_existence(&conn, &origins, &mut problems);
    }
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(BuildError::Seeds(problems));
    }
    finish(&conn, schema, out, overwrite)
}

/// Derives `events.mongolia_role` from the participants (Mongolia itself or a person of Mongolia).
/// A host that receives a visit, aid or an embassy is a side; it is only the venue when two other
/// states meet as parties.
const MONGOLIA_ROLE: &str = "WITH roles(event, role) AS ( \
         SELECT event, role FROM event_participants WHERE polity = 'MNG' \
         UNION ALL SELECT ep.event, ep.role FROM event_participants ep JOIN persons p ON p.id = ep.person WHERE p.polity = 'MNG') \
     UPDATE events SET mongolia_role = CASE \
         WHEN NOT EXISTS (SELECT 1 FROM roles r WHERE r.event = events.id) THEN 'none' \
         WHEN NOT EXISTS (SELECT 1 FROM roles r WHERE r.event = events.id AND r.role <> 'third_party') THEN 'third_party' \
         WHEN NOT EXISTS (SELECT 1 FROM roles r WHERE r.event = events.id AND r.role <> 'host') \
              AND (SELECT count(DISTINCT polity) FROM event_participants o WHERE o.event = events.id AND o.role = 'party' AND o.polity <> 'MNG') >= 2 THEN 'host' \
         ELSE 'party' END;";

fn whole(file: &str, err: impl fmt::Display) -> Vec<SeedProblem> {
    vec![SeedProblem {
        file: file.into(),
        line: 0,
        message: err.to_string(),
    }]
}

/// The tables a seed file may fill, in schema order, with their columns.
fn seed_tables(conn: &Connection) -> rusqlite::Result<BTreeMap<String, Vec<Column>>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%'",
    )?;
    let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut tables = BTreeMap::new();
    for name in names {
        let mut info = conn.prepare(&format!("PRAGMA table_info(\"{name}\")"))?;
        let cols = info
            .query_map([], |r| {
                Ok(Column {
                    name: r.get(1)?,
                    decl_type: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        tables.insert(name, cols);
    }
    Ok(tables)
}

/// Columns the build fills from other tables; seeds never give them.
const DERIVED_COLUMNS: &[&str] = &["mongolia_role"];

fn is_derived(cols: &[Column], name: &str) -> bool {
    DERIVED_COLUMNS.contains(&name)
        || ["_start", "_end", "_precision"].iter().any(|suffix| {
            name.strip_suffix(suffix)
                .is_some_and(|base| !base.is_empty() && cols.iter().any(|c| c.name == base) && has_bounds(cols, base))
        })
}

fn has_bounds(cols: &[Column], base: &str) -> bool {
    cols.iter().any(|c| c.name == format!("{base}_start"))
}

fn load_dir(
    conn: &Connection,
    dir: &Path,
    dataset: &str,
    tables: &BTreeMap<String, Vec<Column>>,
    origins: &mut Origins,
    problems: &mut Vec<SeedProblem>,
) {
    if let Err(e) = std::fs::read_dir(dir) {
        problems.push(SeedProblem {
            file: dir.into(),
            line: 0,
            message: format!("cannot read the seed folder: {e}"),
        });
        return;
    }
    let mut files = seed_files(dir);
    // Load in schema order so that a folder's rows are numbered the same way on every machine.
    files.sort_by_key(|p| {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        (tables.keys().position(|t| *t == stem).unwrap_or(usize::MAX), stem)
    });
    for file in files {
        let table = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        match tables.get(&table) {
            Some(cols) => load_file(conn, &file, &table, cols, dataset, origins, problems),
            None => problems.push(SeedProblem {
                file,
                line: 0,
                message: format!(
                    "no table named {table:?}; a seed file is named after its table: {}",
                    tables.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            }),
        }
    }
}

fn load_file(
    conn: &Connection,
    file: &Path,
    table: &str,
    cols: &[Column],
    dataset: &str,
    origins: &mut Origins,
    problems: &mut Vec<SeedProblem>,
) {
    let problem = |line: u64, message: String| SeedProblem {
        file: file.to_path_buf(),
        line,
        message,
    };
    let input = match open_seed(file) {
        Ok(f) => f,
        Err(e) => return problems.push(problem(0, format!("cannot read: {e}"))),
    };
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(RecordBound::new(input));
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return problems.push(problem(1, format!("bad header: {e}"))),
    };
    for h in &headers {
        if !cols.iter().any(|c| &c.name == h) {
            let known: Vec<&str> = cols.iter().map(|c| c.name.as_str()).filter(|n| !is_derived(cols, n)).collect();
            problems.push(problem(
                1,
                format!("unknown column {h:?} for table {table}; columns are: {}", known.join(", ")),
            ));
        } else if is_derived(cols, h) {
            problems.push(problem(
                1,
                format!("column {h:?} is derived by the build (from the date beside it, or from other tables); remove it"),
            ));
        }
    }
    if problems.iter().any(|p| p.file == file) {
        return;
    }
    // Columns to insert: those given, plus the bounds derived from given dates.
    let mut targets: Vec<&str> = headers.iter().map(String::as_str).collect();
    let dates: Vec<&str> = headers.iter().map(String::as_str).filter(|h| has_bounds(cols, h)).collect();
    let derived: Vec<String> = dates
        .iter()
        .flat_map(|d| [format!("{d}_start"), format!("{d}_end"), format!("{d}_precision")])
        .collect();
    targets.extend(derived.iter().map(String::as_str));
    // Rows say which dataset they come from unless the seed file says so itself.
    let tag_dataset = cols.iter().any(|c| c.name == "dataset") && !headers.iter().any(|h| h == "dataset");
    if tag_dataset {
        targets.push("dataset");
    }
    let sql = format!(
        "INSERT INTO \"{table}\" ({}) VALUES ({})",
        targets.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", "),
        vec!["?"; targets.len()].join(", ")
    );
    let mut stmt = match conn.prepare(&sql) {
        Ok(s) => s,
        Err(e) => return problems.push(problem(0, e.to_string())),
    };
    let claims_core = dataset != CORE_DATASET && headers.iter().any(|h| h == "dataset");
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let too_long = match e.kind() {
                    csv::ErrorKind::Io(io) => io.get_ref().and_then(|inner| inner.downcast_ref::<RecordTooLong>()),
                    _ => None,
                };
                if let Some(too_long) = too_long {
                    problems.push(problem(too_long.line, too_long.to_string()));
                    break;
                }
                let line = e.position().map_or(0, |p| p.line());
                let fatal = e.is_io_error();
                problems.push(problem(line, format!("malformed CSV: {e}")));
                if fatal {
                    // The reader cannot go on past a refused record: its end was never read.
                    break;
                }
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let mut values = Vec::with_capacity(targets.len());
        let mut bad = false;
        for (h, raw) in headers.iter().zip(record.iter()) {
            if raw.len() > MAX_FIELD_BYTES {
                problems.push(problem(
                    line,
                    format!(
                        "column {h}: {} bytes is longer than the {MAX_FIELD_BYTES} a field may hold",
                        raw.len()
                    ),
                ));
                bad = true;
                continue;
            }
            if claims_core && h == "dataset" && raw.trim().eq_ignore_ascii_case(CORE_DATASET) {
                problems.push(problem(
                    line,
                    format!("column dataset: {CORE_DATASET:?} names the core dataset; an extension's rows carry its own name"),
                ));
                bad = true;
                continue;
            }
            match cell_value(cols, h, raw) {
                Ok(v) => values.push(v),
                Err(msg) => {
                    problems.push(problem(line, format!("column {h}: {msg}")));
                    bad = true;
                }
            }
        }
        for d in &dates {
            let raw = record.get(headers.iter().position(|h| h == d).unwrap_or(0)).unwrap_or("");
            if raw.trim().is_empty() {
                values.extend([Value::Null, Value::Null, Value::Null]);
                continue;
            }
            match PartialDate::parse(raw) {
                Ok(date) => values.extend([
                    Value::Text(date.start().to_string()),
                    Value::Text(date.end().to_string()),
                    Value::Text(date.precision().as_str().to_string()),
                ]),
                Err(e) => {
                    problems.push(problem(line, format!("column {d}: {}: {}", quoted(raw), e.reason)));
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        if tag_dataset {
            values.push(Value::Text(dataset.to_string()));
        }
        match stmt.execute(params_from_iter(values.iter())) {
            Ok(_) => {
                origins.insert((table.to_string(), conn.last_insert_rowid()), (file.to_path_buf(), line));
            }
            Err(e) => problems.push(problem(line, friendly_sql_error(table, &e))),
        }
    }
}

/// The longest field a seed file may hold (the longest today is under 1 KiB).
pub const MAX_FIELD_BYTES: usize = 64 << 10;

/// The longest record (a line, or several when a quoted field spans them) of a seed file.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// Opens a seed file for reading, refusing anything but a regular file: a named pipe would block
/// the build for ever and a device would feed it without end. The open itself must not block on
/// a pipe, hence O_NONBLOCK (which regular files ignore).
fn open_seed(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("not a regular file but {}; a seed file is a CSV file", describe_file_type(kind)),
    ))
}

/// What kind of file a non-regular file is, for error messages.
pub fn describe_file_type(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Ends the read with an error at the first record longer than [`MAX_RECORD_BYTES`], before
/// the CSV reader buffers it: a file without line breaks is not read into memory whole.
struct RecordBound<R> {
    inner: R,
    in_quotes: bool,
    record: u64,
    line: u64,
}

impl<R> RecordBound<R> {
    fn new(inner: R) -> Self {
        RecordBound {
            inner,
            in_quotes: false,
            record: 0,
            line: 1,
        }
    }
}

impl<R: std::io::Read> std::io::Read for RecordBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            match b {
                // A doubled quote inside a quoted field toggles twice: the parity still tells.
                b'"' => self.in_quotes = !self.in_quotes,
                b'\n' => self.line += 1,
                _ => {}
            }
            if b == b'\n' && !self.in_quotes {
                self.record = 0;
            } else {
                self.record += 1;
                if self.record > MAX_RECORD_BYTES {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        RecordTooLong { line: self.line },
                    ));
                }
            }
        }
        Ok(n)
    }
}

/// The record reaching `line` is longer than [`MAX_RECORD_BYTES`]. It travels through the CSV
/// reader inside an `io::Error` (all that `Read` may return) and is reported at its own line.
#[derive(Debug)]
struct RecordTooLong {
    line: u64,
}

impl fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the record reaching line {} is longer than {MAX_RECORD_BYTES} bytes; a row is one line of fields \
             (a quoted field may span lines): look for a quote that is never closed",
            self.line
        )
    }
}

impl std::error::Error for RecordTooLong {}

fn quoted(raw: &str) -> String {
    format!("{:?}", raw.chars().take(80).collect::<String>())
}

fn cell_value(cols: &[Column], header: &str, raw: &str) -> Result<Value, String> {
    if raw.contains('\0') || raw.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err("contains a control character".into());
    }
    let text = raw.trim();
    if text.is_empty() {
        return Ok(Value::Null);
    }
    let decl = cols.iter().find(|c| c.name == header).map_or("", |c| c.decl_type.as_str());
    match decl {
        "INTEGER" => text
            .parse::<i64>()
            .map(Value::Integer)
            .map_err(|_| format!("{} is not a whole number", quoted(text))),
        "REAL" => text
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Value::Real)
            .ok_or_else(|| format!("{} is not a number", quoted(text))),
        _ => Ok(Value::Text(text.to_string())),
    }
}

fn friendly_sql_error(table: &str, err: &rusqlite::Error) -> String {
    let msg = err.to_string();
    if msg.contains("UNIQUE constraint failed") || msg.contains("PRIMARY KEY") {
        format!("duplicate key in {table}: {msg}")
    } else if msg.contains("NOT NULL constraint failed") {
        format!("a required column is empty ({msg})")
    } else {
        msg
    }
}

fn origin(origins: &Origins, table: &str, rowid: i64) -> (PathBuf, u64) {
    origins
        .get(&(table.to_string(), rowid))
        .cloned()
        .unwrap_or_else(|| (PathBuf::from(format!("{table}.csv")), 0))
}

/// Close matches are sought for this many dangling references; past them a build with many
/// broken rows (a wrong key column) is reported in linear time.
const SUGGESTED_DANGLING: usize = 5;

fn check_foreign_keys(conn: &Connection, origins: &Origins, problems: &mut Vec<SeedProblem>) {
    let rows: Vec<(String, i64, String, i64)> = match conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect())
    {
        Ok(rows) => rows,
        Err(e) => {
            return problems.push(SeedProblem {
                file: "schema.sql".into(),
                line: 0,
                message: e.to_string(),
            })
        }
    };
    // Per foreign key: its column and parent key, and the parent's keys (read once, for hints).
    let mut keys: HashMap<(String, i64), (String, String, Vec<String>)> = HashMap::new();
    let mut suggested = 0;
    for (table, rowid, parent, fkid) in rows {
        let (file, line) = origin(origins, &table, rowid);
        let (column, key, known) = keys.entry((table.clone(), fkid)).or_insert_with(|| {
            let (column, key): (String, String) = conn
                .query_row(
                    &format!("SELECT \"from\", \"to\" FROM pragma_foreign_key_list('{table}') WHERE id = ?1"),
                    [fkid],
                    |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_else(|| "key".into()))),
                )
                .unwrap_or_else(|_| ("?".into(), "key".into()));
            let known: Vec<String> = conn
                .prepare(&format!("SELECT CAST(\"{key}\" AS TEXT) FROM \"{parent}\" ORDER BY 1"))
                .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                .unwrap_or_default();
            (column, key, known)
        });
        let value: String = conn
            .query_row(
                &format!("SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE rowid = ?1"),
                [rowid],
                |r| r.get(0),
            )
            .unwrap_or_default();
        let hint = if known.len() <= 30 {
            format!("known: {}", known.join(", "))
        } else if suggested < SUGGESTED_DANGLING {
            suggested += 1;
            let close = closest(&value, known, 3);
            if close.is_empty() {
                String::from("no close match")
            } else {
                format!("did you mean {}?", close.join(", "))
            }
        } else {
            format!("close matches are shown for the first {SUGGESTED_DANGLING} only")
        };
        problems.push(SeedProblem {
            file,
            line,
            message: format!("{table}.{column} = {value:?} is not in {parent}.{key} ({hint})"),
        });
    }
}

/// The `n` strings of `known` closest to `input` by edit distance, case-insensitively.
pub fn closest(input: &str, known: &[String], n: usize) -> Vec<String> {
    let needle = input.to_lowercase();
    let mut scored: Vec<(usize, &String)> = known
        .iter()
        .map(|k| {
            let hay = k.to_lowercase();
            let d = edit_distance(&needle, &hay);
            let d = if hay.contains(&needle) || needle.contains(&hay) {
                d.min(1)
            } else {
                d
            };
            (d, k)
        })
        .filter(|(d, k)| *d <= (k.chars().count().max(needle.chars().count()) / 2).max(2))
        .collect();
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, k) in scored {
        if !out.contains(k) {
            out.push(k.clone());
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// The Levenshtein distance between two strings, in characters (what [`closest`] ranks by).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn key_column(table: &str) -> &'static str {
    if table == "polities" {
        "code"
    } else {
        "id"
    }
}

fn check_citations(conn: &Connection, origins: &Origins, problems: &mut Vec<SeedProblem>) {
    // Set-based and index-friendly: a citation per row would make a large build quadratic.
    for table in FACT_TABLES {
        let key = key_column(table);
        let matches = if *table == "polities" {
            "t.code = c.record_id".to_string()
        } else {
            format!("t.{key} = CAST(c.record_id AS INTEGER) AND CAST(t.{key} AS TEXT) = c.record_id")
        };
        let dangling: Vec<(i64, String)> = conn
            .prepare(&format!(
                "SELECT c.rowid, c.record_id FROM citations c WHERE c.record_table = '{table}' AND NOT EXISTS (SELECT 1 FROM \"{table}\" t WHERE {matches})"
            ))
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .unwrap_or_default();
        for (rowid, id) in dangling {
            let (file, line) = origin(origins, "citations", rowid);
            problems.push(SeedProblem {
                file,
                line,
                message: format!("cites {table} {id:?}, which does not exist"),
            });
        }
    }
    let quotes: Vec<(i64, String)> = conn
        .prepare("SELECT rowid, quote FROM citations WHERE quote IS NOT NULL")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .unwrap_or_default();
    for (rowid, q) in quotes {
        let words = q.split_whitespace().count();
        if words > MAX_QUOTE_WORDS {
            let (file, line) = origin(origins, "citations", rowid);
            problems.push(SeedProblem {
                file,
                line,
                message: format!("the quote has {words} words; an identifying phrase is at most {MAX_QUOTE_WORDS}"),
            });
        }
    }
    for table in FACT_TABLES {
        let key = key_column(table);
        let uncited: Vec<(i64, String)> = conn
            .prepare(&format!(
                "SELECT rowid, CAST({key} AS TEXT) FROM \"{table}\" t WHERE NOT EXISTS \
                 (SELECT 1 FROM citations c WHERE c.record_table = '{table}' AND c.record_id = CAST(t.{key} AS TEXT))"
            ))
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .unwrap_or_default();
        for (rowid, id) in uncited {
            let (file, line) = origin(origins, table, rowid);
            problems.push(SeedProblem {
                file,
                line,
                message: format!("{table} {id} states a fact but no row of citations.csv cites it (record_table={table}, record_id={id})"),
            });
        }
    }
}

/// Rules that SQL constraints cannot express.
fn check_rules(conn: &Connection, origins: &Origins, problems: &mut Vec<SeedProblem>) {
    let rules: &[(&str, &str, &str)] = &[
        (
            "events",
            "certainty = 'inferred' AND date_note IS NULL",
            "an inferred date needs a date_note giving the reasoning",
        ),
        (
            "disputes",
            "(SELECT count(*) FROM claims c WHERE c.dispute = disputes.id) < 2",
            "a dispute needs at least two claims",
        ),
        (
            "postings",
            "start_start IS NOT NULL AND end_end IS NOT NULL AND end_end < start_start",
            "the posting ends before it starts",
        ),
        (
            "memberships",
            "start_start IS NOT NULL AND end_end IS NOT NULL AND end_end < start_start",
            "the membership ends before it starts",
        ),
        (
            "person_roles",
            "from_start IS NOT NULL AND to_end IS NOT NULL AND to_end < from_start",
            "the role ends before it starts",
        ),
        (
            "polity_codes",
            "valid_from_start IS NOT NULL AND valid_to_end IS NOT NULL AND valid_to_end < valid_from_start",
            "the code stops holding before it starts (valid_to is before valid_from)",
        ),
        (
            "polity_names",
            "valid_to IS NOT NULL AND valid_to < valid_from",
            "the list's name stops holding before it starts (valid_to is before valid_from)",
        ),
        (
            "missions",
            "sending = receiving",
            "a mission's sending and receiving states are the same",
        ),
        (
            "missions",
            "opened_start IS NOT NULL AND closed_end IS NOT NULL AND closed_end < opened_start",
            "the mission closes before it opens",
        ),
        (
            "missions",
            "closed IS NOT NULL AND status <> 'closed'",
            "a mission with a closing date has status 'closed'",
        ),
        (
            "missions",
            "(kind = 'accredited_from') <> (accredited_from IS NOT NULL)",
            "accredited_from names the covering embassy's state for kind 'accredited_from', and only for it",
        ),
        (
            "missions",
            "accredited_from = receiving",
            "a state covered from an embassy on its own soil has a resident mission: use kind 'embassy'",
        ),
        // UN General Assembly tables: the source names seats, which the import maps to polities.
        (
            "unga_roll_calls",
            "NOT EXISTS (SELECT 1 FROM unga_votes v WHERE v.rcid = unga_roll_calls.rcid AND v.polity = 'MNG')",
            "a roll call without Mongolia's vote: the table holds the roll calls in which Mongolia voted",
        ),
    ];
    for (table, condition, message) in rules {
        let rowids: Vec<i64> = conn
            .prepare(&format!("SELECT rowid FROM \"{table}\" WHERE {condition}"))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_default();
        for rowid in rowids {
            let (file, line) = origin(origins, table, rowid);
            problems.push(SeedProblem {
                file,
                line,
                message: (*message).to_string(),
            });
        }
    }
}

/// Where a fact table names polities with a date: (table, a query of `rowid, polity, earliest
/// day, latest day` for each dated reference).
fn dated_polities() -> Vec<(&'static str, String)> {
    let mut missions = Vec::new();
    for polity in ["sending", "receiving", "accredited_from"] {
        for date in ["opened", "closed", "as_of"] {
            missions.push(format!("SELECT rowid, {polity}, {date}_start, {date}_end FROM missions"));
        }
    }
    vec![
        (
            "events",
            "SELECT e.rowid, ep.polity, e.date_start, e.date_end FROM event_participants ep JOIN events e ON e.id = ep.event \
             UNION ALL SELECT rowid, place_polity, date_start, date_end FROM events"
                .to_string(),
        ),
        ("missions", missions.join(" UNION ALL ")),
        (
            "unga_votes",
            "SELECT v.rowid, v.polity, r.date, r.date FROM unga_votes v JOIN unga_roll_calls r ON r.rcid = v.rcid".to_string(),
        ),
        (
            "unga_agreement",
            "SELECT rowid, polity, printf('%04d-01-01', year), printf('%04d-12-31', year) FROM unga_agreement".to_string(),
        ),
    ]
}

/// No state before it existed: a dated fact may name a polity (a participant or the place of an
/// event, a mission's states, a UN seat) only when its date may fall in the polity's years
/// (`start_year`..`end_year`) or in one of its Gleditsch-Ward or COW spells. Continuity goes
/// through predecessors: code the state that existed then and link it with `successor`.
fn check_existence(conn: &Connection, origins: &Origins, problems: &mut Vec<SeedProblem>) {
    /// Row, its date, the polity and the polity's years.
    type Anachronism = (i64, String, String, Option<i64>, Option<i64>);
    for (table, involved) in dated_polities() {
        let sql = format!(
            "WITH i(rid, polity, lo, hi) AS ({involved}) \
             SELECT i.rid, i.lo, p.code, p.start_year, p.end_year FROM i JOIN polities p ON p.code = i.polity \
             WHERE i.lo IS NOT NULL \
               AND NOT ((p.start_year IS NULL OR i.hi >= printf('%04d-01-01', p.start_year)) \
                    AND (p.end_year IS NULL OR i.lo <= printf('%04d-12-31', p.end_year))) \
               AND NOT EXISTS (SELECT 1 FROM polity_codes c WHERE c.polity = p.code AND c.scheme IN ('gw', 'cow') \
                    AND (c.valid_from_start IS NULL OR i.hi >= c.valid_from_start) \
                    AND (c.valid_to_end IS NULL OR i.lo <= c.valid_to_end)) \
             ORDER BY i.rid, p.code"
        );
        let rows: Vec<Anachronism> = match conn.prepare(&sql).and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
                .collect()
        }) {
            Ok(rows) => rows,
            Err(e) => return problems.extend(whole("schema.sql", e)),
        };
        for (rowid, date, polity, start, end) in rows {
            let (file, line) = origin(origins, table, rowid);
            let years = format!(
                "{}–{}",
                start.map_or("?".into(), |y| y.to_string()),
                end.map_or(String::new(), |y| y.to_string())
            );
            problems.push(SeedProblem {
                file,
                line,
                message: format!(
                    "the row ({date}) names {polity}, which existed only in {years}: the state did not exist then; code the one that did \
                     (a predecessor linked to {polity} by polities.successor, or the seat's holder)"
                ),
            });
        }
    }
}

/// Computes the content hash over the schema and every table's rows in key order.
pub fn content_hash(conn: &Connection, schema: &str) -> rusqlite::Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(schema.as_bytes());
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE 'events_fts%' AND name <> 'metadata' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for name in names {
        hasher.update(format!("\0table {name}\n").as_bytes());
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))?;
        let n = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            for i in 0..n {
                let cell = match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => "N".to_string(),
                    rusqlite::types::ValueRef::Integer(v) => format!("I{v}"),
                    rusqlite::types::ValueRef::Real(v) => format!("R{v:?}"),
                    rusqlite::types::ValueRef::Text(t) => format!("T{}", String::from_utf8_lossy(t)),
                    rusqlite::types::ValueRef::Blob(b) => format!("B{}", b.len()),
                };
                hasher.update(cell.len().to_le_bytes());
                hasher.update(cell.as_bytes());
            }
        }
    }
    Ok(hex(&hasher.finalize()))
}

/// Lower-case hexadecimal of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn finish(conn: &Connection, schema: &str, out: &Path, overwrite: Overwrite) -> Result<BuildSummary, BuildError> {
    let target = out.display().to_string();
    let sql = |e: rusqlite::Error| whole(&target, e);
    conn.execute_batch("INSERT INTO events_fts(events_fts) VALUES ('rebuild');")
        .map_err(sql)?;
    let hash = content_hash(conn, schema).map_err(sql)?;
    conn.execute("INSERT OR REPLACE INTO metadata (key, value) VALUES ('content_hash', ?1)", [&hash])
        .map_err(sql)?;
    conn.execute_batch("PRAGMA foreign_keys = ON; ANALYZE;").map_err(sql)?;
    let mut row_counts = BTreeMap::new();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%' ORDER BY name")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>())
        .map_err(sql)?;
    for name in names {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| r.get(0))
            .map_err(sql)?;
        row_counts.insert(name, n);
    }
    // Written beside the target and moved into place when complete: a failed or killed build
    // leaves the previous file as it was.
    let failed = |step| {
        move |source| BuildError::Output {
            path: out.to_path_buf(),
            step,
            source,
        }
    };
    let staged = Staged::new(out, overwrite).map_err(failed("stage"))?;
    conn.execute("VACUUM INTO ?1", [staged.path().to_string_lossy()]).map_err(sql)?;
    let temp = staged.path().to_path_buf();
    staged.commit_steps().map_err(|failure| match failure {
        CommitFailure::Move(source) => failed("commit")(source),
        CommitFailure::RemoveTemp(source) => BuildError::TempLeft {
            path: out.to_path_buf(),
            temp,
            source,
        },
    })?;
    Ok(BuildSummary {
        content_hash: hash,
        row_counts,
    })
}
