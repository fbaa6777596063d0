//! The typed queries on the embedded dataset keep SQLite's default temporary storage, which
//! sorts in one block instead of an allocation per row, and spills to a temporary file only
//! past the page cache; users' SQL runs with temporary storage in memory. This pins both: no
//! typed query on the embedded data ever writes a temporary file, and neither does users' SQL,
//! where the same sort on a plain connection does.
//!
//! Temporary files are counted where SQLite opens them: a counting wrapper around the default
//! VFS, made the default before the first connection (so this file holds one test). SQLite opens
//! them unnamed (`O_TMPFILE`), so nothing would show in the folder.

use mongolia_relations::{Dataset, Filter};
use rusqlite::ffi;
use std::ffi::{c_char, c_int};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A sort of about 20 MB: past any page cache, so with file storage it spills.
const LARGE_SORT: &str = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) \
                          SELECT x FROM c ORDER BY hex(randomblob(50))";

static TEMPORARY_FILES: AtomicUsize = AtomicUsize::new(0);

const TEMPORARY: c_int =
    ffi::SQLITE_OPEN_TEMP_DB | ffi::SQLITE_OPEN_TEMP_JOURNAL | ffi::SQLITE_OPEN_TRANSIENT_DB | ffi::SQLITE_OPEN_SUBJOURNAL;

/// Counts the temporary files and opens every file with the wrapped VFS (kept in `pAppData`).
unsafe extern "C" fn counting_open(
    vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    if flags & TEMPORARY != 0 {
        TEMPORARY_FILES.fetch_add(1, Ordering::SeqCst);
    }
    // SAFETY: pAppData is the default VFS, which SQLite never frees; the arguments are SQLite's.
    unsafe {
        let base = (*vfs).pAppData.cast::<ffi::sqlite3_vfs>();
        ((*base).xOpen.unwrap())(base, name, file, flags, out_flags)
    }
}

/// Makes a counting copy of the default VFS the default (the unix VFS's other methods do not
/// use the VFS they are called through).
fn count_temporary_files() {
    // SAFETY: called before any connection; the copy is leaked, so it outlives every connection.
    unsafe {
        assert_eq!(ffi::sqlite3_initialize(), ffi::SQLITE_OK);
        let base = ffi::sqlite3_vfs_find(std::ptr::null());
        let mut counting = std::ptr::read(base);
        counting.zName = c"counting".as_ptr();
        counting.pAppData = base.cast();
        counting.xOpen = Some(counting_open);
        counting.pNext = std::ptr::null_mut();
        assert_eq!(ffi::sqlite3_vfs_register(Box::into_raw(Box::new(counting)), 1), ffi::SQLITE_OK);
    }
}

#[test]
fn typed_queries_and_users_sql_on_the_embedded_dataset_write_no_temporary_file() {
    count_temporary_files();
    let written = |query: &str, returned: bool| {
        assert!(returned, "{query} returned nothing");
        assert_eq!(TEMPORARY_FILES.load(Ordering::SeqCst), 0, "{query} wrote a temporary file");
    };
    let data = Dataset::embedded().unwrap();
    let all = Filter::default();
    let context = Filter {
        context: true,
        ..Filter::default()
    };
    written(stringify!(events(&all)), !data.events(&all).unwrap().is_empty());
    written(stringify!(events(&context)), !data.events(&context).unwrap().is_empty());
    written(stringify!(search("treaty")), !data.search("treaty").unwrap().is_empty());
    written(stringify!(treaties(&context)), !data.treaties(&context).unwrap().is_empty());
    written(stringify!(postings(&all)), !data.postings(&all).unwrap().is_empty());
    written(stringify!(missions(&all)), !data.missions(&all).unwrap().is_empty());
    written(stringify!(memberships(&all)), !data.memberships(&all).unwrap().is_empty());
    written(stringify!(observations(&all)), !data.observations(&all).unwrap().is_empty());
    written(stringify!(polities(&all)), !data.polities(&all).unwrap().is_empty());
    written(stringify!(codes(&all)), !data.codes(&all).unwrap().is_empty());
    written(stringify!(persons(&all)), !data.persons(&all).unwrap().is_empty());
    written(stringify!(organizations(&all)), !data.organizations(&all).unwrap().is_empty());
    written(stringify!(sources()), !data.sources().unwrap().is_empty());
    written(stringify!(disputes(&all)), !data.disputes(&all).unwrap().is_empty());
    written(stringify!(coverage()), !data.coverage().unwrap().is_empty());
    written(stringify!(unga_votes(&all)), !data.unga_votes(&all).unwrap().is_empty());
    written(stringify!(unga_agreement(&all)), !data.unga_agreement(&all).unwrap().is_empty());
    written(stringify!(dyad_years(&all)), !data.dyad_years(&all).unwrap().is_empty());
    written("sql(LARGE_SORT)", data.sql(LARGE_SORT).unwrap().rows.len() == 200_000);
    // A typed query after users' SQL is back on the default storage and still writes nothing.
    written(stringify!(events(&all)), !data.events(&all).unwrap().is_empty());

    // The check can fail: the same sort on a plain connection spills to temporary files.
    let plain = rusqlite::Connection::open_in_memory().unwrap();
    let rows = plain.prepare(LARGE_SORT).unwrap().query_map([], |_| Ok(())).unwrap().count();
    assert_eq!(rows, 200_000);
    assert!(
        TEMPORARY_FILES.load(Ordering::SeqCst) > 0,
        "the plain connection's sort did not spill"
    );
}
