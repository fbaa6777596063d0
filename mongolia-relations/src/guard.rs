//! The read-only guard: every connection refuses writes, ATTACH, extensions and temp tables.
//!
//! A deserialized database already refuses writes to `main`, but TEMP tables and ATTACH would
//! still work; an authorizer, an attach limit of zero and `query_only` close those doors.

use crate::error::{Error, Result};
use rusqlite::ffi;
use rusqlite::limits::Limit;
use rusqlite::Connection;
use std::ffi::{c_char, c_int, c_void, CStr};

/// Pragmas that only inspect and may take an argument (a table or index name).
const INSPECTING_PRAGMAS: &[&str] = &[
    "table_info",
    "table_xinfo",
    "table_list",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "foreign_key_check",
    "integrity_check",
    "quick_check",
];
/// Pragmas that read a setting; with a value they would set it, so a value is refused.
const READING_PRAGMAS: &[&str] = &[
    "database_list",
    "compile_options",
    "function_list",
    "pragma_list",
    "collation_list",
    "module_list",
    "schema_version",
    "user_version",
    "application_id",
    "page_count",
    "page_size",
    "encoding",
    "query_only",
    "data_version",
    "freelist_count",
];

thread_local! {
    // Set while the library runs one of its own settings on a guarded connection: the
    // authorizer is called on the thread that prepares, so no other statement sees it.
    static OWN_PRAGMA: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs one of the library's own pragmas (never a user's) past the guard.
pub(crate) fn own_pragma(conn: &Connection, pragma: &str) -> Result<()> {
    OWN_PRAGMA.with(|own| own.set(true));
    let result = conn.execute_batch(pragma);
    OWN_PRAGMA.with(|own| own.set(false));
    Ok(result?)
}

/// The longest SQL text accepted.
pub const MAX_SQL_LEN: usize = 100_000;

/// Whether the guard lets a statement do `action` (an `SQLITE_*` authorizer code) with the
/// authorizer's two arguments: reading, recursion, functions other than `load_extension`, and
/// the pragmas that only inspect.
fn allowed(action: c_int, arg1: Option<&[u8]>, arg2: Option<&[u8]>) -> bool {
    match action {
        ffi::SQLITE_SELECT | ffi::SQLITE_READ | ffi::SQLITE_RECURSIVE => true,
        ffi::SQLITE_FUNCTION => arg2.is_some_and(|name| !name.eq_ignore_ascii_case(b"load_extension")),
        ffi::SQLITE_PRAGMA => arg1.is_some_and(|name| {
            let is = |list: &[&str]| list.iter().any(|p| name.eq_ignore_ascii_case(p.as_bytes()));
            is(INSPECTING_PRAGMAS) || (is(READING_PRAGMAS) && arg2.is_none()) || OWN_PRAGMA.with(|own| own.get())
        }),
        _ => false,
    }
}

/// The authorizer, called by SQLite for every table and column a statement reads each time the
/// statement is prepared, and again each time SQLite prepares it anew (with STAT4 statistics,
/// a cached statement is prepared again whenever its parameters are bound). It is registered
/// directly rather than through rusqlite's closure wrapper, which turns every argument into
/// checked UTF-8 and cost about a tenth of a small query (BENCHMARKS.md); the common actions
/// are answered before any argument is looked at. It cannot unwind: nothing in it panics.
unsafe extern "C" fn authorize(
    _: *mut c_void,
    action: c_int,
    arg1: *const c_char,
    arg2: *const c_char,
    _database: *const c_char,
    _trigger: *const c_char,
) -> c_int {
    // SAFETY: SQLite passes NUL-terminated strings or null pointers, valid during the call.
    let text = |p: *const c_char| (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes());
    let ok = matches!(action, ffi::SQLITE_SELECT | ffi::SQLITE_READ) || allowed(action, text(arg1), text(arg2));
    if ok {
        ffi::SQLITE_OK
    } else {
        ffi::SQLITE_DENY
    }
}

/// Installs the authorizer and forbids ATTACH; `query_only` comes with the settings of users'
/// SQL ([`crate::bounds::UNTYPED`]), before any of it runs.
pub(crate) fn install(conn: &mut Connection) -> Result<()> {
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    // SAFETY: the handle is this open connection's; `authorize` has the signature SQLite
    // expects and keeps no state, so no user data needs freeing when the connection closes.
    let rc = unsafe { ffi::sqlite3_set_authorizer(conn.handle(), Some(authorize), std::ptr::null_mut()) };
    if rc != ffi::SQLITE_OK {
        return Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), None).into());
    }
    Ok(())
}

/// Rejects text that cannot be a name, code or query.
pub(crate) fn check_text(field: &'static str, text: &str, max: usize) -> Result<()> {
    if text.len() > max {
        return Err(Error::InvalidInput {
            field,
            reason: format!("{} bytes is longer than the {max} allowed", text.len()),
        });
    }
    if text.contains('\0') {
        return Err(Error::InvalidInput {
            field,
            reason: "contains a NUL byte".into(),
        });
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        return Err(Error::InvalidInput {
            field,
            reason: "contains a control character".into(),
        });
    }
    Ok(())
}

/// The statements `sql` runs; anything else (DROP ... IF EXISTS of nothing compiles to a no-op
/// that SQLite calls read-only) is refused by its first keyword.
const READING_STATEMENTS: &[&str] = &["SELECT", "WITH", "VALUES", "PRAGMA"];

/// The first keyword of `sql` after comments and white space, upper-cased, and the rest.
fn first_keyword(sql: &str) -> (String, &str) {
    let mut rest = sql;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.find('\n').map_or("", |i| &after[i..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |i| &after[i + 2..]);
        } else {
            break;
        }
    }
    let end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    (rest[..end].to_ascii_uppercase(), &rest[end..])
}

/// The statement's own first keyword, past `EXPLAIN` and `EXPLAIN QUERY PLAN`.
fn statement_keyword(sql: &str) -> String {
    let (word, rest) = first_keyword(sql);
    if word != "EXPLAIN" {
        return word;
    }
    let (next, after) = first_keyword(rest);
    if next == "QUERY" {
        let (_plan, after_plan) = first_keyword(after);
        return first_keyword(after_plan).0;
    }
    next
}

/// An SQLite error of user SQL, at prepare or at step: an authorizer refusal (also from inside a
/// table-valued pragma or `load_extension`, which are checked as they run) is [`Error::ReadOnly`].
pub(crate) fn statement_error(statement: &str, err: rusqlite::Error) -> Error {
    let refused = crate::bounds::failure(&err).is_some_and(|(code, message)| {
        code == rusqlite::ErrorCode::AuthorizationForStatementDenied
            || message.contains("not authorized")
            // A value given to a table-valued pragma (`pragma_user_version(5)`) is an attempt
            // to set it; as tables, pragmas only read.
            || message.contains("too many arguments on pragma_")
    });
    if refused {
        return Error::ReadOnly {
            statement: crate::bounds::short(statement),
            reason: "the statement writes, attaches a database, sets a pragma or loads an extension".into(),
        };
    }
    Error::Sql {
        statement: Some(crate::bounds::short(statement)),
        source: err,
    }
}

/// Prepares user SQL, refusing anything that is not a single read-only statement.
pub(crate) fn prepare<'c>(conn: &'c Connection, sql: &str) -> Result<rusqlite::Statement<'c>> {
    check_text("sql", sql, MAX_SQL_LEN)?;
    let refuse = |reason: &str| Error::ReadOnly {
        statement: crate::bounds::short(sql),
        reason: reason.to_string(),
    };
    let stmt = conn.prepare(sql).map_err(|e| match e {
        rusqlite::Error::MultipleStatement => refuse("more than one statement"),
        other => statement_error(sql, other),
    })?;
    // After prepare, so that malformed SQL is reported as such.
    let keyword = statement_keyword(sql);
    if !READING_STATEMENTS.contains(&keyword.as_str()) {
        let what = if keyword.is_empty() {
            "no statement keyword".to_string()
        } else {
            format!("a {keyword} statement")
        };
        return Err(refuse(&format!(
            "{what}; only {} statements are run",
            READING_STATEMENTS.join(", ")
        )));
    }
    if !stmt.readonly() {
        return Err(refuse("the statement would change the database"));
    }
    Ok(stmt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorizer_allows_reading_and_inspecting_only() {
        assert!(allowed(ffi::SQLITE_READ, Some(b"events"), Some(b"id")));
        assert!(allowed(ffi::SQLITE_FUNCTION, None, Some(b"group_concat")));
        assert!(!allowed(ffi::SQLITE_FUNCTION, None, Some(b"LOAD_Extension")));
        assert!(allowed(ffi::SQLITE_PRAGMA, Some(b"Table_Info"), Some(b"events")));
        assert!(allowed(ffi::SQLITE_PRAGMA, Some(b"user_version"), None));
        assert!(!allowed(ffi::SQLITE_PRAGMA, Some(b"user_version"), Some(b"5")));
        assert!(!allowed(ffi::SQLITE_PRAGMA, Some(b"writable_schema"), None));
        assert!(!allowed(ffi::SQLITE_INSERT, Some(b"events"), None));
        assert!(!allowed(ffi::SQLITE_ATTACH, Some(b"x.db"), None));
        assert!(!allowed(ffi::SQLITE_CREATE_TEMP_TABLE, Some(b"t"), None));
    }
}
