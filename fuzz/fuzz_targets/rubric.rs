//! The rubric loader (考核细则, TOML). An accepted rubric is scored with no
//! input files and `--allow-missing` (every annual score counts as 0), then
//! rendered in every format, its CSV read back as published results and its
//! paperwork published (`score_rubric` and `pipeline` in src/lib.rs).
#![no_main]

use assess::text::diag::Diagnostics;
use assess_fuzz::{Known, Scratch, check_diagnostics, score_rubric};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = Scratch::new("rubric.toml", data);
    let known = [Known {
        name: &file.name,
        bytes: Some(data),
        blank_lines_checked: false,
    }];
    let mut diags = Diagnostics::new();
    let catalog = assess::rubric::load_rubrics(&[&file.path], &mut diags);
    check_diagnostics("load_rubrics", &diags.into_vec(), catalog.is_some(), &known);
    if let Some(catalog) = catalog {
        score_rubric(&catalog, &known);
    }
});
