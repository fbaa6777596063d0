//! The partial-date parser never panics, and every date it accepts has ordered bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongolia_relations::PartialDate;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(date) = PartialDate::parse(text) {
            assert!(date.start() <= date.end(), "{text:?}");
            assert_eq!(PartialDate::parse(date.edtf()).as_ref(), Ok(&date));
        }
    }
});
