//! No input, however broken, makes the program panic: random bytes and
//! mangled rubrics and tables must end in a result or in errors.

use crate::common;

use proptest::prelude::*;

use assess::engine::score::score;
use assess::input::InputPaths;
use assess::report::{Format, render};
use assess::rubric::load_rubrics;
use assess::tables::table::Encoding;
use assess::text::diag::Diagnostics;
use assess::text::i18n::Lang;

/// Runs the whole pipeline on the given rubric and tables, rendering every format.
fn pipeline(rubric: &[u8], annual: &[u8], daily: &[u8], encoding: Encoding) {
    let dir = tempfile::tempdir().unwrap();
    let (r, a, d) = (
        dir.path().join("r.toml"),
        dir.path().join("a.csv"),
        dir.path().join("d.csv"),
    );
    std::fs::write(&r, rubric).unwrap();
    std::fs::write(&a, annual).unwrap();
    std::fs::write(&d, daily).unwrap();
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&[r], &mut diags) else {
        assert!(!diags.is_empty(), "a refused rubric must say why");
        return;
    };
    let paths = InputPaths {
        annual: vec![a],
        daily: vec![d],
        encoding,
        allow_missing: true,
        ..InputPaths::default()
    };
    let Some(inputs) = assess::engine::year::read(&catalog, &paths, Default::default(), &mut diags)
        .map(|r| r.inputs)
    else {
        assert!(!diags.is_empty(), "refused inputs must say why");
        for diag in diags.into_vec() {
            let loc = diag.location.expect("every input error has a location");
            assert!(
                loc.file.ends_with(".csv") || loc.file.ends_with(".toml"),
                "{loc}"
            );
        }
        return;
    };
    if let Ok(results) = score(&catalog, &inputs) {
        for f in [Format::Table, Format::Csv, Format::Json, Format::Xlsx] {
            assert!(
                render(f, &catalog, &results, Lang::Zh).is_ok(),
                "{f:?} failed to render"
            );
        }
    }
}

/// Replaces, deletes or inserts bytes at random places.
fn mangle(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 0..8).prop_map(
        move |edits| {
            let mut bytes = base.as_bytes().to_vec();
            for (at, op, b) in edits {
                if bytes.is_empty() {
                    bytes.push(b);
                    continue;
                }
                let i = at.index(bytes.len());
                match op {
                    0 => bytes[i] = b,
                    1 => {
                        bytes.remove(i);
                    }
                    _ => bytes.insert(i, b),
                }
            }
            bytes
        },
    )
}

/// Characters that matter to CSV and TOML, to make near-valid mutations likely.
fn mangle_text(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        ",",
        "\"",
        "\n",
        "\r\n",
        "=",
        "[",
        "]",
        "[[",
        "{",
        "}",
        "-",
        ".",
        "1e400",
        "9999999999999999999999999999999",
        "n/a",
        "不涉及",
        "0",
        "",
        "veto",
        "一票否决",
        "\u{feff}",
        "\\",
        "'",
        "#",
        "nan",
        "inf",
        "-0",
        "1_0",
        "评分单位：",
        "合计",
        "政务公开小计",
        "（5分）",
        "(8)",
        "1.1 ",
        "序号",
        "评分人：",
        "６．５分",
        "\u{3000}",
    ]);
    prop::collection::vec((any::<prop::sample::Index>(), pieces), 0..6).prop_map(move |edits| {
        let mut text = base.to_string();
        for (at, piece) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, piece);
        }
        text.into_bytes()
    })
}

/// A score sheet (SPEC 10): title block, 评分单位：, 序号, points, checks, a footer.
const WIDE: &str = include_str!("../fixtures/robustness/wide.csv");

const DAILY: &str = include_str!("../fixtures/robustness/daily.csv");

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_anywhere(rubric in prop::collection::vec(any::<u8>(), 0..300),
                             table in prop::collection::vec(any::<u8>(), 0..300)) {
        pipeline(&rubric, common::FULL_ANNUAL.as_bytes(), DAILY.as_bytes(), Encoding::Auto);
        pipeline(common::RUBRIC.as_bytes(), &table, DAILY.as_bytes(), Encoding::Auto);
        pipeline(common::RUBRIC.as_bytes(), common::FULL_ANNUAL.as_bytes(), &table, Encoding::Gbk);
    }

    #[test]
    fn mangled_rubrics(rubric in mangle(common::RUBRIC), text in mangle_text(common::RUBRIC)) {
        pipeline(&rubric, common::FULL_ANNUAL.as_bytes(), DAILY.as_bytes(), Encoding::Auto);
        pipeline(&text, common::FULL_ANNUAL.as_bytes(), DAILY.as_bytes(), Encoding::Auto);
    }

    #[test]
    fn mangled_tables(annual in mangle_text(common::FULL_ANNUAL), daily in mangle_text(DAILY),
                      raw in mangle(DAILY)) {
        pipeline(common::RUBRIC.as_bytes(), &annual, &daily, Encoding::Auto);
        pipeline(common::RUBRIC.as_bytes(), common::FULL_ANNUAL.as_bytes(), &raw, Encoding::Utf8);
    }

    #[test]
    fn mangled_score_sheets(text in mangle_text(WIDE), raw in mangle(WIDE)) {
        pipeline(common::RUBRIC.as_bytes(), &text, DAILY.as_bytes(), Encoding::Auto);
        pipeline(common::RUBRIC.as_bytes(), &raw, DAILY.as_bytes(), Encoding::Auto);
    }
}

#[test]
fn deeply_nested_toml_is_an_error() {
    let deep = format!("id = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
    pipeline(deep.as_bytes(), b"", b"", Encoding::Auto);
}

#[test]
fn huge_and_tiny_numbers_in_a_rubric() {
    for n in [
        "1e400",
        "1e-400",
        "1.5e27",
        "-0.0",
        "1e28",
        "0x7fffffffffffffff",
        "9223372036854775807",
        "\"1e2\"",
    ] {
        let rubric = common::RUBRIC.replace("max_deduct = 3", &format!("max_deduct = {n}"));
        pipeline(
            rubric.as_bytes(),
            common::FULL_ANNUAL.as_bytes(),
            DAILY.as_bytes(),
            Encoding::Auto,
        );
    }
}

#[test]
fn huge_points_add_up_without_overflow_panics() {
    let nines = "9".repeat(28);
    let daily = format!(
        "date,unit,item,kind,points,method\n2020-01-01,u1,1.2,add,{nines},spot_check\n2020-01-02,u1,1.2,add,{nines},spot_check\n2020-01-03,u1,1.2,deduct,{nines},spot_check\n"
    );
    pipeline(
        common::RUBRIC.as_bytes(),
        common::FULL_ANNUAL.as_bytes(),
        daily.as_bytes(),
        Encoding::Auto,
    );
}

/// A cell that never ends (a quote left open on a long file, or a 100 MB
/// field) stops at 1 MiB with a clear error, instead of filling memory.
#[test]
fn a_runaway_cell_is_refused() {
    let mut daily = String::from(
        "date,unit,item,kind,points,method,note\n2020-01-01,u1,1.1,deduct,1,spot_check,\"",
    );
    daily.push_str(&"很长的说明".repeat(150_000));
    let case = common::Case::new()
        .file("r.toml", common::RUBRIC)
        .file("a.csv", common::FULL_ANNUAL)
        .file("d.csv", daily)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// A header of a million columns is refused the same way, and quickly.
#[test]
fn a_million_columns() {
    let mut annual = String::from("unit,item,scorer,score");
    annual.push_str(&",x".repeat(1_000_000));
    annual.push('\n');
    let out = common::Case::new()
        .file("r.toml", common::RUBRIC)
        .file("a.csv", annual)
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"])
        .run();
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .starts_with("错误：a.csv:1：从此处开始的一行超过了 1 MiB"),
        "{}",
        out.stderr
    );
}

/// A file of nothing but errors stops after a thousand of them.
#[test]
fn an_error_flood_stops() {
    let mut annual = String::from("unit,item,scorer,score\n");
    // Distinct unknown names: the same name on many rows is one error.
    for i in 0..5000 {
        annual.push_str(&format!("nobody{i},1.1,office,8\n"));
    }
    let out = common::Case::new()
        .file("r.toml", common::RUBRIC)
        .file("a.csv", annual)
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"])
        .run();
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr.lines().count(),
        1002,
        "1000 errors, the stop, the summary"
    );
    assert!(out.stderr.contains(
        "错误：a.csv:1001：本文件已发现 1000 处问题，其余内容不再读取，请先更正以上问题。\n"
    ));
}
