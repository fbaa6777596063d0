//! No SQL text, however hostile, panics or changes the embedded database.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongolia_relations::Dataset;

thread_local! {
    static DATA: Dataset = Dataset::embedded().expect("the embedded dataset opens");
}

fuzz_target!(|data: &[u8]| {
    if let Ok(sql) = std::str::from_utf8(data) {
        DATA.with(|d| {
            let _ = d.sql(sql);
            assert_eq!(d.connection().total_changes(), 0, "a statement changed the database: {sql:?}");
        });
    }
});
