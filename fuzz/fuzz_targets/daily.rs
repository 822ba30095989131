//! The daily records table (日常考核记录), read against a fixed catalog; the
//! whole pipeline runs on what is accepted. See src/lib.rs for the checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assess_fuzz::fuzz_table(assess_fuzz::TableKind::Daily, data);
});
