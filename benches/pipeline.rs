//! Benchmarks of the three stages of `assess score`, on generated inputs
//! (`support::generate`: one rubric of 200 units × 12 items, its 4,600 annual
//! scores and 200,000 daily records, about 27 MB, written to a temporary
//! folder when the benchmarks start).
//!
//! - `read`: loading the rubric, reading the annual table, the daily table,
//!   and both together as a run does (`assess::engine::year::read`); counted
//!   in rows and bytes per second.
//! - `sheets`: the office's shapes at scale, on a second generated year
//!   (`support::generate_sheets`: 5,000 units, 60 scored items, one scorer,
//!   100,000 daily records): the wide annual table as CSV and as a workbook
//!   (5,000 rows of 60 scores and a 合计 checked), and the daily records as
//!   CSV and as a workbook (long); counted in rows and bytes per second.
//! - `score`: `assess::engine::score::score` on what was read; counted in item
//!   scores (units × items) per second.
//! - `write`: `assess::report::render` in each format (table, csv, json, xlsx); counted in units and
//!   bytes written per second.
//!
//! Run with `cargo bench --bench pipeline` (about 20 s after the build); set
//! `ASSESS_BENCH_ROWS` for another number of daily records,
//! `ASSESS_BENCH_SHAPE=short` for records of about 75 bytes. The end-to-end
//! comparison with a bare csv loop at 2,000,000 rows is `benches/compare.sh`.

mod support;

use assess::input::InputPaths;
use assess::model::catalog::Catalog;
use assess::model::inputs::Inputs;
use assess::model::results::Results;
use assess::report::Format;
use assess::tables::table::Encoding;
use assess::text::diag::Diagnostics;
use assess::text::i18n::Lang;
use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    // Generates the inputs before the first benchmark, so the note is not
    // printed inside divan's table.
    let f = fixture();
    eprintln!(
        "inputs: {} annual rows ({} bytes), {} daily rows ({} bytes), {} item scores",
        f.files.annual_rows,
        f.files.annual_bytes,
        f.files.daily_rows,
        f.files.daily_bytes,
        f.files.item_scores
    );
    let s = &sheets_fixture().sheets;
    eprintln!(
        "sheets: wide table {} units x {} items ({} bytes CSV, {} bytes xlsx), {} daily rows ({} bytes CSV, {} bytes xlsx)",
        s.wide_rows,
        s.wide_columns,
        s.wide_csv_bytes,
        s.wide_xlsx_bytes,
        s.files.daily_rows,
        s.files.daily_bytes,
        s.daily_xlsx_bytes
    );
    divan::main();
}

struct Fixture {
    /// Kept so the folder lives as long as the benchmarks.
    _dir: tempfile::TempDir,
    files: support::Generated,
    rubric_bytes: u64,
    catalog: Catalog,
    inputs: Inputs,
    results: Results,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let rows = std::env::var("ASSESS_BENCH_ROWS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(200_000);
        let shape = std::env::var("ASSESS_BENCH_SHAPE")
            .ok()
            .and_then(|s| support::Shape::parse(&s))
            .unwrap_or_default();
        let spec = support::Spec {
            rows,
            shape,
            ..support::Spec::default()
        };
        let dir = tempfile::tempdir().expect("a temporary folder");
        let files = support::generate(&spec, dir.path()).expect("generated inputs");
        let rubric_bytes = std::fs::metadata(&files.rubric).expect("the rubric").len();
        let catalog = load(&files.rubric);
        let inputs = read(&catalog, &[&files.annual], &[&files.daily], false);
        let results =
            assess::engine::score::score(&catalog, &inputs).expect("the generated inputs score");
        Fixture {
            _dir: dir,
            files,
            rubric_bytes,
            catalog,
            inputs,
            results,
        }
    })
}

/// The second year, for the `sheets` benchmarks.
struct SheetsFixture {
    _dir: tempfile::TempDir,
    sheets: support::Sheets,
    catalog: Catalog,
}

fn sheets_fixture() -> &'static SheetsFixture {
    static FIXTURE: OnceLock<SheetsFixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let spec = support::Spec {
            units: 5000,
            items: 61,
            scorers: 1,
            rows: 100_000,
            ..support::Spec::default()
        };
        let dir = tempfile::tempdir().expect("a temporary folder");
        let sheets = support::generate_sheets(&spec, dir.path()).expect("generated sheets");
        let catalog = load(&sheets.files.rubric);
        SheetsFixture {
            _dir: dir,
            sheets,
            catalog,
        }
    })
}

fn load(rubric: &PathBuf) -> Catalog {
    let mut diags = Diagnostics::new();
    assess::rubric::load_rubrics(std::slice::from_ref(rubric), &mut diags)
        .expect("the generated rubric loads")
}

fn read(catalog: &Catalog, annual: &[&PathBuf], daily: &[&PathBuf], allow_missing: bool) -> Inputs {
    let paths = InputPaths {
        annual: annual.iter().map(|p| (*p).clone()).collect(),
        daily: daily.iter().map(|p| (*p).clone()).collect(),
        encoding: Encoding::Auto,
        allow_missing,
        ..InputPaths::default()
    };
    let mut diags = Diagnostics::new();
    assess::engine::year::read(catalog, &paths, Default::default(), &mut diags)
        .map(|r| r.inputs)
        .expect("the generated inputs read")
}

mod read {
    use super::*;

    /// Parsing and checking the rubric (TOML, 200 units, 12 items).
    #[divan::bench(sample_count = 30)]
    fn rubric(bencher: Bencher) {
        let f = fixture();
        bencher
            .counter(BytesCount::new(f.rubric_bytes))
            .bench(|| load(&f.files.rubric));
    }

    /// The annual scores alone (one row per unit, item and scorer).
    #[divan::bench(sample_count = 30)]
    fn annual(bencher: Bencher) {
        let f = fixture();
        bencher
            .counter(ItemsCount::new(f.files.annual_rows))
            .counter(BytesCount::new(f.files.annual_bytes))
            .bench(|| read(&f.catalog, &[&f.files.annual], &[], false));
    }

    /// The daily records alone (the annual scores counted missing, so the
    /// year check has nothing to say).
    #[divan::bench(sample_count = 10)]
    fn daily(bencher: Bencher) {
        let f = fixture();
        bencher
            .counter(ItemsCount::new(f.files.daily_rows))
            .counter(BytesCount::new(f.files.daily_bytes))
            .bench(|| read(&f.catalog, &[], &[&f.files.daily], true));
    }

    /// Both tables, as `assess score` reads them.
    #[divan::bench(sample_count = 10)]
    fn annual_and_daily(bencher: Bencher) {
        let f = fixture();
        bencher
            .counter(ItemsCount::new(f.files.annual_rows + f.files.daily_rows))
            .counter(BytesCount::new(f.files.annual_bytes + f.files.daily_bytes))
            .bench(|| read(&f.catalog, &[&f.files.annual], &[&f.files.daily], false));
    }
}

/// The office's shapes: wide annual tables and daily workbooks.
mod sheets {
    use super::*;

    fn wide(bencher: Bencher, path: &PathBuf, bytes: u64) {
        let f = sheets_fixture();
        bencher
            .counter(ItemsCount::new(f.sheets.wide_rows))
            .counter(BytesCount::new(bytes))
            .bench(|| read(&f.catalog, &[path], &[], true));
    }

    fn daily(bencher: Bencher, path: &PathBuf, bytes: u64) {
        let f = sheets_fixture();
        bencher
            .counter(ItemsCount::new(f.sheets.files.daily_rows))
            .counter(BytesCount::new(bytes))
            .bench(|| read(&f.catalog, &[], &[path], true));
    }

    /// The wide annual table as CSV: 5,000 rows of 60 scores and a 合计.
    #[divan::bench(sample_count = 10)]
    fn wide_csv(bencher: Bencher) {
        let s = &sheets_fixture().sheets;
        wide(bencher, &s.wide_csv, s.wide_csv_bytes);
    }

    /// The same table as a workbook (numbers as numbers).
    #[divan::bench(sample_count = 10)]
    fn wide_xlsx(bencher: Bencher) {
        let s = &sheets_fixture().sheets;
        wide(bencher, &s.wide_xlsx, s.wide_xlsx_bytes);
    }

    /// 100,000 daily records as CSV (long), for comparison with the workbook.
    #[divan::bench(sample_count = 10)]
    fn daily_csv(bencher: Bencher) {
        let s = &sheets_fixture().sheets;
        daily(bencher, &s.files.daily, s.files.daily_bytes);
    }

    /// The same records as a workbook (shared strings, points as numbers).
    #[divan::bench(sample_count = 10)]
    fn daily_xlsx(bencher: Bencher) {
        let s = &sheets_fixture().sheets;
        daily(bencher, &s.daily_xlsx, s.daily_xlsx_bytes);
    }
}

/// Scoring what was read: item scores, sections, totals, grades, ranks.
#[divan::bench(sample_count = 100)]
fn score(bencher: Bencher) {
    let f = fixture();
    bencher
        .counter(ItemsCount::new(f.files.item_scores))
        .bench(|| assess::engine::score::score(&f.catalog, &f.inputs).expect("scores"));
}

/// Rendering the results (the text `--output` would write).
#[divan::bench(args = ["table", "csv", "json", "xlsx"], sample_count = 30)]
fn write(bencher: Bencher, format: &str) {
    let f = fixture();
    let format = match format {
        "table" => Format::Table,
        "csv" => Format::Csv,
        "json" => Format::Json,
        _ => Format::Xlsx,
    };
    let render =
        || assess::report::render(format, &f.catalog, &f.results, Lang::Zh).expect("renders");
    let bytes = render().len();
    bencher
        .counter(ItemsCount::new(
            f.catalog
                .rubrics
                .iter()
                .map(|r| r.units.len())
                .sum::<usize>(),
        ))
        .counter(BytesCount::new(bytes))
        .bench(render);
}
