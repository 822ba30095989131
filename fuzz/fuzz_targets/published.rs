//! The published results table (公布结果, what `verify` compares), read
//! against the fixed catalog with `--encoding auto` on one core and on two
//! (which must agree), then with a forced encoding; the contract of
//! src/lib.rs is checked each time.
#![no_main]

use assess::text::diag::Diagnostics;
use assess::tables::table::Encoding;
use assess_fuzz::{
    Known, Passes, Scratch, check_diagnostics, forced_encoding, strings, table_catalog,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let tc = table_catalog();
    let file = Scratch::new("published.csv", data);
    let known = [Known {
        name: &file.name,
        bytes: Some(data),
        blank_lines_checked: true,
    }];
    let read = |encoding: Encoding, passes: Passes| -> (Vec<String>, Option<String>) {
        passes.set();
        let mut diags = Diagnostics::new();
        let published = assess::input::published::read(
            &tc.catalog,
            &file.path,
            encoding,
            None,
            false,
            &mut diags,
        );
        Passes::One.set();
        let list = diags.sorted();
        if std::env::var_os("ASSESS_FUZZ_SHOW").is_some() {
            eprintln!("--- {encoding:?}, {passes:?} pass(es):");
            for d in &list {
                eprintln!("{d}");
            }
        }
        check_diagnostics("published::read", &list, published.is_some(), &known);
        (
            strings(&list),
            published.map(|p| format!("{:?} {:?}", p.file, p.rows)),
        )
    };
    let one = read(Encoding::Auto, Passes::One);
    let two = read(Encoding::Auto, Passes::Two);
    if one != two {
        let (a, b) = (&one.0, &two.0);
        let i = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i));
        panic!(
            "reading the table on one core and on two differ: {} and {} diagnostics, first difference {:?}: {:?} / {:?}; accepted {} / {}",
            a.len(),
            b.len(),
            i.map(|i| i + 1),
            i.and_then(|i| a.get(i)),
            i.and_then(|i| b.get(i)),
            one.1.is_some(),
            two.1.is_some()
        );
    }
    read(forced_encoding(data), Passes::Two);
});
