//! Writes large valid inputs for scale measurements of `assess`:
//! `DIR/rubric.toml` (one rubric), `DIR/annual.csv` (one row per unit, item
//! and scorer) and `DIR/daily.csv` (`--rows` daily records), deterministic
//! from `--seed`. `--shape short` writes records of about 75 bytes (ids,
//! short notes) instead of about 136 (names, long notes). `--sheets` also
//! writes the first scorer's scores as a wide table (`annual-wide.csv`,
//! `annual-wide.xlsx`) and the daily records as a workbook (`daily.xlsx`).
//!
//! ```sh
//! cargo run --release --example gen_large -- --units 200 --items 12 --scorers 3 --rows 2000000 --seed 1 --out /tmp/assess-scale
//! ```

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_large [--units N] [--items N] [--scorers N] [--rows N] [--seed N] [--shape long|short] [--sheets] --out DIR";

fn main() -> ExitCode {
    let mut spec = support::Spec::default();
    let mut out: Option<PathBuf> = None;
    let mut sheets = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        if flag == "--sheets" {
            sheets = true;
            continue;
        }
        let Some(value) = args.next() else {
            eprintln!("error: {flag} needs a value\n{USAGE}");
            return ExitCode::from(2);
        };
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag} takes a whole number, not {value:?}"))
        };
        let set = match flag.as_str() {
            "--units" => number().map(|n| spec.units = n as usize),
            "--items" => number().map(|n| spec.items = n as usize),
            "--scorers" => number().map(|n| spec.scorers = n as usize),
            "--rows" => number().map(|n| spec.rows = n),
            "--seed" => number().map(|n| spec.seed = n),
            "--shape" => support::Shape::parse(&value)
                .map(|s| spec.shape = s)
                .ok_or_else(|| format!("--shape is long or short, not {value:?}")),
            "--out" => {
                out = Some(PathBuf::from(&value));
                Ok(())
            }
            _ => Err(format!("unknown option {flag}")),
        };
        if let Err(e) = set {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("error: --out DIR is required\n{USAGE}");
        return ExitCode::from(2);
    };
    let started = std::time::Instant::now();
    let generated = if sheets {
        support::generate_sheets(&spec, &out).map(|s| {
            for (path, bytes) in [
                (&s.wide_csv, s.wide_csv_bytes),
                (&s.wide_xlsx, s.wide_xlsx_bytes),
            ] {
                println!(
                    "{}: {} units x {} items, {bytes} bytes",
                    path.display(),
                    s.wide_rows,
                    s.wide_columns
                );
            }
            println!(
                "{}: {} rows, {} bytes",
                s.daily_xlsx.display(),
                s.files.daily_rows,
                s.daily_xlsx_bytes
            );
            s.files
        })
    } else {
        support::generate(&spec, &out)
    };
    match generated {
        Ok(g) => {
            println!("{}", g.rubric.display());
            println!(
                "{}: {} rows, {} bytes",
                g.annual.display(),
                g.annual_rows,
                g.annual_bytes
            );
            println!(
                "{}: {} rows, {} bytes",
                g.daily.display(),
                g.daily_rows,
                g.daily_bytes
            );
            eprintln!(
                "{} item scores per run; generated in {:.1?}",
                g.item_scores,
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
