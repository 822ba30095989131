//! The integration tests: one test binary (`cargo test --test it`), one
//! module per feature. Run one module with `cargo test --test it sheets::`;
//! see tests/README.md for the layout, the fixtures and how to re-record the
//! expected outputs (`ASSESS_BLESS=1 cargo test`).

// The support code lives in tests/common/ (the fuzzer includes
// tests/common/rawzip.rs from there too).
#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod analysis;
mod audit;
mod catalogs;
mod compare;
mod errors;
mod example_2021;
mod example_year;
mod generated;
mod guide;
mod hostile;
mod language;
mod ledger;
mod levels;
mod man;
mod mechanics;
mod notice;
mod office;
mod one_pass;
mod part_three_properties;
mod properties;
mod publish;
mod review;
mod robustness;
mod rubric_part_three;
mod rubric_workbook;
mod score_rules;
mod sheets;
mod tables;
mod templates;
mod verify_printed;
