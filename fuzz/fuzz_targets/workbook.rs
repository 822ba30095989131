//! The workbook reader (.xlsx): parts of a workbook zipped around the fuzz
//! input, or the fuzz input as the file itself, read as annual scores (long
//! or wide), daily records and published results. See src/lib.rs
//! (`workbook_file`, `fuzz_workbook`) for the input's shape and the checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assess_fuzz::fuzz_workbook(data);
});
