//! The baseline of the scale target: a bare single-threaded loop that parses
//! a daily-records file with the csv crate and sums the points column as
//! decimals per (unit, item), with no validation at all (unit and item are the
//! cells as written, so `u001` and its name are different keys; kinds,
//! methods, dates and notes are not looked at; bytes are not checked to be
//! UTF-8).
//!
//! `assess score` is compared against this (see `benches/compare.sh` and
//! `docs/performance.md`), so it is written to be fast, the way a careful
//! programmer would write it: one reused `ByteRecord`, a 1 MiB read buffer,
//! one reused key buffer looked up by borrowed slice, a key allocated only on
//! a first insert.
//!
//! ```sh
//! cargo run --release --example bare_loop -- /tmp/assess-scale/daily.csv
//! ```

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::process::ExitCode;
use std::str::FromStr;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: bare_loop DAILY.csv");
        return ExitCode::from(2);
    };
    match run(std::path::Path::new(&path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}: {e}", path.to_string_lossy());
            ExitCode::from(2)
        }
    }
}

fn run(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = csv::ReaderBuilder::new()
        .buffer_capacity(1 << 20)
        .from_path(path)?;
    let header = reader.byte_headers()?.clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name.as_bytes())
            .ok_or_else(|| format!("no column {name:?}"))
    };
    let (unit, item, points) = (column("unit")?, column("item")?, column("points")?);

    let mut sums: HashMap<Vec<u8>, Decimal> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    let mut key = Vec::with_capacity(128);
    let mut rows = 0u64;
    while reader.read_byte_record(&mut record)? {
        rows += 1;
        let p = std::str::from_utf8(&record[points])?;
        let p = Decimal::from_str(p.trim())?;
        key.clear();
        key.extend_from_slice(&record[unit]);
        key.push(0);
        key.extend_from_slice(&record[item]);
        match sums.get_mut(key.as_slice()) {
            Some(sum) => *sum += p,
            None => {
                sums.insert(key.clone(), p);
            }
        }
    }
    // A checksum of the sums that depends on every key's sum, not only on
    // the grand total: the sum of each key's sum times the key's length.
    let total: Decimal = sums.values().sum();
    let weighted: Decimal = sums.iter().map(|(k, s)| *s * Decimal::from(k.len())).sum();
    println!("rows {rows}");
    println!("keys {}", sums.len());
    println!("total {total}");
    println!("checksum {weighted}");
    Ok(())
}
