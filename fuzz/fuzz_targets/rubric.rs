//! The rubric loader (考核细则, TOML). An accepted rubric is scored with no
//! input files and `--allow-missing` (every annual score counts as 0), then
//! rendered in every format and its CSV read back as published results.
#![no_main]

use assess::text::diag::Diagnostics;
use assess::input::InputPaths;
use assess_fuzz::{Known, Scratch, check_diagnostics, pipeline};
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
    let Some(catalog) = catalog else { return };

    let paths = InputPaths {
        allow_missing: true,
        ..InputPaths::default()
    };
    let mut diags = Diagnostics::new();
    let inputs = assess::engine::year::read(&catalog, &paths, Default::default(), &mut diags).map(|r| r.inputs);
    check_diagnostics(
        "engine::year::read (no files)",
        &diags.into_vec(),
        inputs.is_some(),
        &known,
    );
    if let Some(inputs) = inputs {
        let _ = pipeline(&catalog, &inputs, &known);
    }
});
