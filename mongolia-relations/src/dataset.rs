//! The dataset handle: the embedded database or a user's own file, always read-only.

use crate::bounds::{self, Limits, Watch};
use crate::builder::BuildError;
use crate::error::{Error, Result};
use crate::guard;
use crate::output::Overwrite;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension, MAIN_DB};
use std::cell::{Cell, OnceCell, RefCell};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mongolia-relations.sqlite"));

/// SHA-256 over the schema text and every table's rows in key order: identifies the data
/// whatever SQLite version wrote the file.
pub const CONTENT_HASH: &str = env!("MONGOLIA_RELATIONS_CONTENT_HASH");

/// SHA-256 of the embedded SQLite file's bytes (changes with the SQLite version).
pub const FILE_SHA256: &str = env!("MONGOLIA_RELATIONS_FILE_SHA256");

/// The schema and codebook the database is built from.
pub const SCHEMA: &str = include_str!("../schema.sql");

/// The schema version this library reads; a file with another one is refused (an older file is
/// rebuilt from its seeds with `build --extra`). Version 2 added the code crosswalk
/// (`polity_codes`, `code_schemes`) and `events.date_long`; version 3 added diplomatic missions
/// (`missions`, `mission_kinds`).
pub const SCHEMA_VERSION: i64 = 5;

/// Tables every database of this schema has.
const REQUIRED_TABLES: &[&str] = &[
    "metadata",
    "sources",
    "polities",
    "events",
    "event_participants",
    "citations",
    "polity_codes",
    "treaties",
    "postings",
    "memberships",
    "missions",
    "observations",
    "disputes",
    "claims",
];

/// A read-only connection to a mongolia-relations database.
///
/// Every query runs under [`Limits`]: a deadline, a working-memory budget and caps on value and
/// result sizes, each ending the query with its own [`Error`] variant.
///
/// ```
/// let data = mongolia_relations::Dataset::embedded().unwrap();
/// assert_eq!(data.content_hash().unwrap(), mongolia_relations::CONTENT_HASH);
/// ```
pub struct Dataset {
    conn: Connection,
    embedded: bool,
    path: Option<std::path::PathBuf>,
    /// Polity names already resolved: the same few names come back in every query.
    pub(crate) resolved: std::cell::RefCell<std::collections::HashMap<String, String>>,
    watch: Arc<Watch>,
    limits: RefCell<Limits>,
    /// How many bounded calls are running (they nest: the outermost one owns the deadline).
    depth: Cell<u32>,
    /// Whether the settings of users' SQL hold now (always for a user's file; on the embedded
    /// dataset while users' SQL or a whole-file operation runs: see [`bounds::UNTYPED`]).
    untyped: Cell<bool>,
    /// The content hash recomputed from the rows of a user's file.
    verified: OnceCell<String>,
    /// The vocabularies of categorical columns read so far, by the SQL that lists them: the
    /// database is read-only, so each is read once per connection.
    pub(crate) vocabularies: RefCell<std::collections::HashMap<&'static str, Vec<String>>>,
}

/// Whether a database's rows still have the content hash it claims (see [`Dataset::verify`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    /// The content hash stored in the file's `metadata` table, if any.
    pub claimed: Option<String>,
    /// The content hash recomputed from the file's rows.
    pub actual: String,
    /// Whether they are equal.
    pub matches: bool,
}

/// Stops the query running on a [`Dataset`] from another thread ([`Error::Interrupted`]).
#[derive(Clone)]
pub struct InterruptHandle {
    handle: Arc<rusqlite::InterruptHandle>,
    watch: Arc<Watch>,
}

impl InterruptHandle {
    /// Interrupts the running statement, if any; the next one runs as usual.
    pub fn interrupt(&self) {
        self.watch.mark_interrupted();
        self.handle.interrupt();
    }
}

impl std::fmt::Debug for InterruptHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InterruptHandle")
    }
}

/// The `sqlite_schema` rows of the database this library builds: a user's file must have these
/// and no others.
fn reference_schema() -> &'static [SchemaRow] {
    static SCHEMA_ROWS: OnceLock<Vec<SchemaRow>> = OnceLock::new();
    SCHEMA_ROWS.get_or_init(|| {
        Connection::open_in_memory()
            .and_then(|mut conn| {
                conn.deserialize_bytes(MAIN_DB, EMBEDDED)?;
                schema_rows(&conn)
            })
            .unwrap_or_default()
    })
}

/// One row of `sqlite_schema`: type, name, table and SQL.
type SchemaRow = (String, String, String, Option<String>);

fn schema_rows(conn: &Connection) -> rusqlite::Result<Vec<SchemaRow>> {
    conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect()
}

/// How a file's schema differs from the library's, in a few words per difference.
fn schema_differences(theirs: &[SchemaRow], ours: &[SchemaRow]) -> Vec<String> {
    let key = |r: &SchemaRow| (r.0.clone(), r.1.clone());
    let ours_by: std::collections::BTreeMap<_, _> = ours.iter().map(|r| (key(r), r)).collect();
    let theirs_by: std::collections::BTreeMap<_, _> = theirs.iter().map(|r| (key(r), r)).collect();
    let mut out = Vec::new();
    for (k, row) in &theirs_by {
        match ours_by.get(k) {
            None => out.push(format!("an extra {} {:?}", k.0, k.1)),
            Some(mine) if mine != row => out.push(format!("{} {:?} defined differently", k.0, k.1)),
            Some(_) => {}
        }
    }
    out.extend(
        ours_by
            .keys()
            .filter(|k| !theirs_by.contains_key(*k))
            .map(|k| format!("no {} {:?}", k.0, k.1)),
    );
    out
}

/// A path as an SQLite URI (`file:...`), every byte but unreserved ones and `/` escaped.
fn file_uri(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut uri = String::from("file:");
    for b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
}

/// Checks what a path names before SQLite opens it: SQLite would block on a named pipe and read
/// a device without end. A file in write-ahead-log mode needs nothing more: the immutable open
/// reads it as it is on disk and creates no `-wal` or `-shm` file.
fn check_file(path: &Path) -> std::result::Result<(), String> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("no such file".into()),
        Err(e) => return Err(e.to_string()),
    };
    if !meta.is_file() {
        return Err(format!(
            "it is {}, not a database file",
            crate::builder::describe_file_type(meta.file_type())
        ));
    }
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 100), &mut header))
        .map_err(|e| e.to_string())?;
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err("not a SQLite database of this dataset (no SQLite header)".into());
    }
    Ok(())
}

/// A non-empty file beside the database: a write-ahead log or a rollback journal holds changes
/// that an immutable open would not see.
fn side_file(path: &Path, suffix: &str) -> Option<std::path::PathBuf> {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    let side = std::path::PathBuf::from(name);
    std::fs::metadata(&side).ok().filter(|m| m.len() > 0).map(|_| side)
}

impl Dataset {
    fn new(mut conn: Connection, embedded: bool, path: Option<std::path::PathBuf>) -> Result<Dataset> {
        let watch = Arc::new(Watch::default());
        let limits = Limits::default();
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
        bounds::install(&mut conn, &watch, &limits)?;
        if !embedded {
            guard::own_pragma(&conn, bounds::UNTYPED)?;
        }
        Ok(Dataset {
            conn,
            embedded,
            path,
            resolved: Default::default(),
            watch,
            limits: RefCell::new(limits),
            depth: Cell::new(0),
            untyped: Cell::new(!embedded),
            verified: OnceCell::new(),
            vocabularies: Default::default(),
        })
    }

    /// Opens the dataset embedded in the library (microseconds: the pages are read in place).
    pub fn embedded() -> Result<Dataset> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_bytes(MAIN_DB, EMBEDDED)?;
        let mut data = Dataset::new(conn, true, None)?;
        guard::install(&mut data.conn)?;
        Ok(data)
    }

    /// Opens a database file built by this library (for example with `build --extra`),
    /// read-only and without creating any file beside it.
    ///
    /// The file is treated as untrusted: it must have exactly the schema this library builds
    /// (tables, views, triggers, indexes, generated columns, defaults), it is read without a
    /// memory map (a file truncated meanwhile gives an error, not a crash), with cell size checks,
    /// defensive mode and untrusted schema; its claimed content hash is not taken on trust (see
    /// [`Dataset::content_hash`] and [`Dataset::verify`]). Named pipes, devices and folders are
    /// refused as such. A file in write-ahead-log mode is opened as it is on disk; one with a
    /// non-empty `-wal` or `-journal` beside it (changes not yet in the file) is refused.
    pub fn open(path: impl AsRef<Path>) -> Result<Dataset> {
        Dataset::open_with_cache(path.as_ref(), 64 << 10)
    }

    /// [`Dataset::open`] with a page cache of `cache_kib` KiB: a connection that only scans
    /// tables once (an export's) needs little, and the caches of all connections count against
    /// the memory budget of the queries running at the same time.
    pub(crate) fn open_with_cache(path: &Path, cache_kib: u32) -> Result<Dataset> {
        let fail = |reason: String| Error::OpenFile {
            path: path.to_path_buf(),
            reason,
        };
        check_file(path).map_err(fail)?;
        for (suffix, what) in [("-wal", "write-ahead log"), ("-journal", "rollback journal")] {
            if let Some(side) = side_file(path, suffix) {
                return Err(fail(format!(
                    "{} beside it holds changes not yet in the file ({what}); open it once with sqlite3 \
                     (`sqlite3 FILE 'PRAGMA journal_mode = DELETE'`) to fold them in, then try again",
                    side.display()
                )));
            }
        }
        let conn = Connection::open_with_flags(
            file_uri(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| fail(e.to_string()))?;
        // No memory map: a mapped file truncated by someone else kills the process (SIGBUS).
        // A page cache (64 MiB for queries) keeps large files fast without one.
        conn.execute_batch(&format!(
            "PRAGMA mmap_size = 0; PRAGMA cell_size_check = ON; PRAGMA cache_size = -{cache_kib};"
        ))
        .map_err(|e| fail(e.to_string()))?;
        let mut data = Dataset::new(conn, false, Some(path.to_path_buf())).map_err(|e| fail(e.to_string()))?;
        data.bounded(None, || data.check_schema()).map_err(|e| match e {
            Error::OpenFile { .. } => e,
            other => fail(other.to_string()),
        })?;
        guard::install(&mut data.conn).map_err(|e| fail(e.to_string()))?;
        Ok(data)
    }

    /// Refuses a file whose schema is not the one this library builds.
    fn check_schema(&self) -> Result<()> {
        let path = self.path.clone().unwrap_or_default();
        let fail = |reason: String| Error::OpenFile {
            path: path.clone(),
            reason,
        };
        let conn = &self.conn;
        let theirs = schema_rows(conn).map_err(|e| fail(format!("not a SQLite database of this dataset ({e})")))?;
        let missing: Vec<&str> = REQUIRED_TABLES
            .iter()
            .copied()
            .filter(|t| !theirs.iter().any(|(kind, name, ..)| kind == "table" && name == t))
            .collect();
        if !missing.is_empty() {
            return Err(fail(format!(
                "not a mongolia-relations database: missing table(s) {}",
                missing.join(", ")
            )));
        }
        let version: Option<String> = conn
            .query_row("SELECT value FROM metadata WHERE key = 'schema_version'", [], |r| r.get(0))
            .map_err(|e| fail(format!("no schema_version in metadata ({e})")))?;
        let version: i64 = version
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| fail("schema_version is not a number".into()))?;
        if version > SCHEMA_VERSION {
            return Err(fail(format!(
                "it has schema version {version}, newer than the {SCHEMA_VERSION} this library reads; upgrade mongolia-relations"
            )));
        }
        if version < SCHEMA_VERSION {
            return Err(fail(format!(
                "it has schema version {version}, older than the {SCHEMA_VERSION} this library reads; rebuild it from its seed \
                 folders with `mongolia-relations build --extra DIR --out FILE`"
            )));
        }
        let differences = schema_differences(&theirs, reference_schema());
        if !differences.is_empty() {
            let shown: Vec<&str> = differences.iter().take(5).map(String::as_str).collect();
            return Err(fail(format!(
                "its schema is not the one this library builds ({}{}); only files built by mongolia-relations are opened: \
                 rebuild it from its seed folders with `mongolia-relations build --extra DIR --out FILE`",
                shown.join("; "),
                if differences.len() > shown.len() {
                    format!("; and {} more", differences.len() - shown.len())
                } else {
                    String::new()
                }
            )));
        }
        Ok(())
    }

    /// The underlying connection, guarded: writes, ATTACH and extension loading are refused, and
    /// SQLite's size limits apply. Statements run on it directly are interruptible but have no
    /// deadline or memory budget: those are armed by this type's queries.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The bounds queries run under.
    pub fn limits(&self) -> Limits {
        *self.limits.borrow()
    }

    /// Sets the bounds queries run under (see [`Limits`]).
    pub fn set_limits(&self, limits: Limits) -> Result<()> {
        bounds::apply(&self.conn, &limits)?;
        *self.limits.borrow_mut() = limits;
        Ok(())
    }

    /// Sets how long one query may run before it stops with [`Error::Timeout`].
    ///
    /// ```
    /// use std::time::Duration;
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// data.set_timeout(Duration::from_millis(100));
    /// let err = data.sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c").unwrap_err();
    /// assert!(matches!(err, mongolia_relations::Error::Timeout { .. }));
    /// ```
    pub fn set_timeout(&self, timeout: Duration) {
        self.limits.borrow_mut().timeout = timeout;
    }

    /// A handle that stops this dataset's running query from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle {
            handle: Arc::new(self.conn.get_interrupt_handle()),
            watch: Arc::clone(&self.watch),
        }
    }

    /// Installs a check run about every 50 ms while a query runs, on the query's thread; when it
    /// returns true the query stops with [`Error::Interrupted`]. The Python bindings check for
    /// Ctrl-C here; the command line checks a flag its SIGINT handler sets.
    pub fn set_interrupt_check(&self, check: impl Fn() -> bool + Send + Sync + 'static) {
        self.watch.set_check(Arc::new(check));
    }

    /// Whether this dataset's work was interrupted ([`Dataset::interrupt_handle`], or the check
    /// of [`Dataset::set_interrupt_check`] says so now), for work it hands to other connections.
    pub(crate) fn interrupted(&self) -> bool {
        self.watch.interrupted()
    }

    /// Runs `f` under the deadline and memory budget (armed by the outermost call), turning an
    /// error caused by a bound into the variant that names it.
    pub(crate) fn bounded<T>(&self, statement: Option<&str>, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let limits = *self.limits.borrow();
        self.run_within(&limits, statement, f)
    }

    /// Runs a whole-file operation (verification, export): its time grows with the file the
    /// user chose, so only the memory budget and interruption bound it.
    pub(crate) fn unhurried<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let limits = Limits {
            timeout: Duration::MAX,
            ..*self.limits.borrow()
        };
        self.untyped(|| self.run_within(&limits, None, f))
    }

    /// Runs `f` under the settings of users' SQL ([`bounds::UNTYPED`]): users' SQL and
    /// whole-file operations, whose sorts and temporary b-trees may be as large as the
    /// working-memory budget allows. `query_only` stays on once set.
    pub(crate) fn untyped<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if self.untyped.get() {
            return f();
        }
        guard::own_pragma(&self.conn, bounds::UNTYPED)?;
        self.untyped.set(true);
        let result = f();
        // Should the switch back fail, storage stays in memory: the bounded side.
        if guard::own_pragma(&self.conn, bounds::TYPED).is_ok() {
            self.untyped.set(false);
        }
        result
    }

    fn run_within<T>(&self, limits: &Limits, statement: Option<&str>, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let outermost = self.depth.get() == 0;
        if outermost {
            self.watch.arm(limits);
        }
        self.depth.set(self.depth.get() + 1);
        let result = f();
        self.depth.set(self.depth.get() - 1);
        if outermost {
            self.watch.disarm();
        }
        result.map_err(|e| self.watch.classify(e, limits, statement))
    }

    /// The bytes of the database file: the embedded ones, or the opened file's.
    pub fn file_bytes(&self) -> Result<Vec<u8>> {
        match &self.path {
            None => Ok(EMBEDDED.to_vec()),
            Some(p) => std::fs::read(p).map_err(|source| Error::Io { path: p.clone(), source }),
        }
    }

    /// Whether this is the dataset embedded in the library.
    pub fn is_embedded(&self) -> bool {
        self.embedded
    }

    /// The file this dataset was opened from (`None` for the embedded one).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A value of the `metadata` table (`dataset_version`, `content_hash`, `citation`, ...).
    /// For a user's file these are the file's claims; see [`Dataset::verify`].
    pub fn metadata(&self, key: &str) -> Result<Option<String>> {
        self.bounded(None, || {
            Ok(self
                .conn
                .query_row("SELECT value FROM metadata WHERE key = ?1", [key], |r| r.get(0))
                .optional()?)
        })
    }

    /// The dataset version (calendar versioning, e.g. `2026.11.0`).
    pub fn dataset_version(&self) -> Result<String> {
        Ok(self.metadata("dataset_version")?.unwrap_or_default())
    }

    /// The content hash of the data: for the embedded dataset the one its build computed; for a
    /// user's file the one recomputed from its rows (once, then remembered), never the file's
    /// unchecked claim. [`Dataset::verify`] compares the two.
    pub fn content_hash(&self) -> Result<String> {
        if self.embedded {
            return Ok(CONTENT_HASH.to_string());
        }
        if let Some(hash) = self.verified.get() {
            return Ok(hash.clone());
        }
        let hash = self.recompute_content_hash()?;
        Ok(self.verified.get_or_init(|| hash).clone())
    }

    /// Recomputes the content hash and compares it with the one the file claims.
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// assert!(data.verify().unwrap().matches);
    /// ```
    pub fn verify(&self) -> Result<Verification> {
        let claimed = self.metadata("content_hash")?;
        let actual = self.recompute_content_hash()?;
        if !self.embedded {
            let _ = self.verified.set(actual.clone());
        }
        Ok(Verification {
            matches: claimed.as_deref() == Some(actual.as_str()),
            claimed,
            actual,
        })
    }

    /// Builds the embedded dataset plus researchers' seed folders (same CSV format, same rules)
    /// into a new database file at `out`, which must not exist yet; each folder's rows carry the
    /// folder's name in their `dataset` column. Open the result with [`Dataset::open`].
    pub fn build_extended(extensions: &[&Path], out: &Path) -> Result<crate::builder::BuildSummary> {
        Dataset::build_extended_with(extensions, out, Overwrite::Refuse)
    }

    /// [`Dataset::build_extended`], replacing an existing `out` when `overwrite` says so (never
    /// a seed file). The file is written beside `out` and moved into place when complete, so a
    /// failed or killed build leaves the previous file intact.
    pub fn build_extended_with(extensions: &[&Path], out: &Path, overwrite: Overwrite) -> Result<crate::builder::BuildSummary> {
        let mut named = Vec::with_capacity(extensions.len());
        for dir in extensions {
            let name = dir
                .canonicalize()
                .ok()
                .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .ok_or_else(|| Error::Io {
                    path: dir.to_path_buf(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
                })?;
            if name.trim().eq_ignore_ascii_case(crate::builder::CORE_DATASET) {
                return Err(Error::InvalidInput {
                    field: "extension",
                    reason: format!("a folder named {name:?} would be mistaken for the core dataset; rename it"),
                });
            }
            named.push((name, *dir));
        }
        match crate::builder::check_output(extensions, out, overwrite) {
            Err(crate::builder::OutputRefusal::IsSeedFile(_)) => {
                return Err(Error::OutputIsInput {
                    path: out.to_path_buf(),
                    what: "a seed file".into(),
                })
            }
            Err(crate::builder::OutputRefusal::Exists(_)) => return Err(Error::OutputExists { path: out.to_path_buf() }),
            Ok(()) => {}
        }
        let sets: Vec<(&str, &Path)> = named.iter().map(|(n, d)| (n.as_str(), *d)).collect();
        crate::builder::extend_database(EMBEDDED, SCHEMA, &sets, out, overwrite).map_err(|e| match e {
            BuildError::Seeds(problems) => Error::Seeds { problems },
            // The target appeared while the build ran, and replacing it was not asked for.
            BuildError::Output { path, source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => Error::OutputExists { path },
            BuildError::Output { path, step, source } => Error::OutputFailed { path, step, source },
            BuildError::TempLeft { path, temp, source } => Error::RemoveFile {
                path: temp,
                target: path,
                source,
            },
        })
    }

    /// Recomputes the content hash from the rows, to check that nothing has changed them.
    pub fn recompute_content_hash(&self) -> Result<String> {
        self.unhurried(|| Ok(crate::builder::content_hash(&self.conn, SCHEMA)?))
    }
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dataset").field("embedded", &self.embedded).finish()
    }
}
