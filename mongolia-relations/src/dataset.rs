//! The dataset handle: the embedded database or a user's own file, always read-only.

use crate::error::{Error, Result};
use crate::guard;
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use std::path::Path;

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
pub const SCHEMA_VERSION: i64 = 3;

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
}

impl Dataset {
    /// Opens the dataset embedded in the library (microseconds: the pages are read in place).
    pub fn embedded() -> Result<Dataset> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_bytes(MAIN_DB, EMBEDDED)?;
        guard::install(&mut conn)?;
        Ok(Dataset {
            conn,
            embedded: true,
            path: None,
            resolved: Default::default(),
        })
    }

    /// Opens a database file built by this library (for example with `build --extra`), read-only.
    pub fn open(path: impl AsRef<Path>) -> Result<Dataset> {
        let path = path.as_ref();
        let fail = |reason: String| Error::OpenFile {
            path: path.to_path_buf(),
            reason,
        };
        if !path.is_file() {
            return Err(fail("no such file".into()));
        }
        let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| fail(e.to_string()))?;
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| fail(format!("not a SQLite database of this dataset ({e})")))?;
        let missing: Vec<&str> = REQUIRED_TABLES.iter().copied().filter(|t| !tables.iter().any(|x| x == t)).collect();
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
        // Large files (extended or synthetic databases) are read through a memory map and a
        // bigger page cache: page-by-page reads through the default 2 MB cache dominate otherwise.
        conn.execute_batch("PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;")
            .map_err(|e| fail(e.to_string()))?;
        guard::install(&mut conn).map_err(|e| fail(e.to_string()))?;
        Ok(Dataset {
            conn,
            embedded: false,
            path: Some(path.to_path_buf()),
            resolved: Default::default(),
        })
    }

    /// The underlying connection, guarded: writes, ATTACH and extension loading are refused.
    pub fn connection(&self) -> &Connection {
        &self.conn
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

    /// A value of the `metadata` table (`dataset_version`, `content_hash`, `citation`, ...).
    pub fn metadata(&self, key: &str) -> Result<Option<String>> {
        match self
            .conn
            .query_row("SELECT value FROM metadata WHERE key = ?1", [key], |r| r.get(0))
        {
            Ok(v) => Ok(Some(v)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The dataset version (calendar versioning, e.g. `2026.11.0`).
    pub fn dataset_version(&self) -> Result<String> {
        Ok(self.metadata("dataset_version")?.unwrap_or_default())
    }

    /// The content hash stored in the database by the build.
    pub fn content_hash(&self) -> Result<String> {
        Ok(self.metadata("content_hash")?.unwrap_or_default())
    }

    /// Builds the embedded dataset plus researchers' seed folders (same CSV format, same rules)
    /// into a new database file at `out`; each folder's rows carry the folder's name in their
    /// `dataset` column. Open the result with [`Dataset::open`].
    pub fn build_extended(extensions: &[&Path], out: &Path) -> Result<crate::builder::BuildSummary> {
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
            if name == crate::builder::CORE_DATASET {
                return Err(Error::InvalidInput {
                    field: "extension",
                    reason: format!("a folder named {name:?} would be mistaken for the core dataset; rename it"),
                });
            }
            named.push((name, *dir));
        }
        let sets: Vec<(&str, &Path)> = named.iter().map(|(n, d)| (n.as_str(), *d)).collect();
        crate::builder::extend_database(EMBEDDED, SCHEMA, &sets, out).map_err(|problems| Error::Seeds { problems })
    }

    /// Recomputes the content hash from the rows, to check that nothing has changed them.
    pub fn recompute_content_hash(&self) -> Result<String> {
        Ok(crate::builder::content_hash(&self.conn, SCHEMA)?)
    }
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dataset").field("embedded", &self.embedded).finish()
    }
}
