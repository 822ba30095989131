//! Rubric workbooks (SPEC 14): `rubric --format xlsx` writes a rubric as the
//! workbook an office prints, `rubric import` reads one back, and the two are
//! inverses; a workbook drafted by hand imports as the office meant; every
//! import error names its sheet and cell.

use crate::common;

use assess::model::rubric::Rubric;
use assess::model::source::{InputFile, Role};
use assess::rubric::{EMBEDDED, parse, toml_out};
use assess::text::diag::Diagnostics;
use common::{Case, Expected, Snapshot, assert_text};
use rust_xlsxwriter::{Format, Workbook};
use std::sync::Arc;

pub(crate) fn load(text: &str) -> Rubric {
    let mut diags = Diagnostics::new();
    let origin = InputFile {
        role: Role::Rubric,
        path: Arc::from("test.toml"),
        sha256: String::new(),
    };
    match parse(text, origin, &mut diags) {
        Some(r) => r,
        None => panic!("the rubric loads: {:?}", diags.into_vec()),
    }
}

/// Everything a rubric says, and nothing of where it was written (lines,
/// file, comments): two rubrics are the same when these are equal.
pub(crate) fn model(r: &Rubric) -> String {
    let d = |x: rust_decimal::Decimal| x.normalize().to_string();
    let o = |x: Option<rust_decimal::Decimal>| x.map(d);
    let mut out = format!(
        "{} {} {} {} {} {:?} {} {} {:?}\n",
        r.id,
        r.title,
        r.year,
        d(r.total),
        r.decimals,
        r.ranking,
        r.start,
        r.end,
        r.conversion
            .as_ref()
            .map(|c| (d(c.points), c.label.clone()))
    );
    // Part three: the highest total, n/a policy, veto, classes, measures, methods.
    out += &format!(
        "max_total {} {} na {:?} veto {:?} {:?} {}\n",
        d(r.max_total),
        r.max_total_written,
        r.na,
        o(r.veto.cap),
        o(r.veto.total),
        r.veto.rank_last
    );
    for c in &r.classes {
        out += &format!("class {} {}\n", c.id, c.label);
    }
    for m in &r.measures {
        out += &format!("measure {} {} {:?}\n", m.id, m.title, m.unit);
    }
    for m in &r.methods {
        out += &format!("method {} {} {}\n", m.id, m.label, m.builtin);
    }
    for s in &r.scorers {
        out += &format!("scorer {} {}\n", s.id, s.name);
    }
    for g in &r.grades {
        let quota = g.quota.map(|q| match q {
            assess::model::rubric::Quota::Share(x) => format!("share {}", d(x)),
            assess::model::rubric::Quota::Count(n) => format!("count {n}"),
        });
        out += &format!("grade {} {} {} {:?}\n", g.id, g.label, d(g.min), quota);
    }
    for u in &r.units {
        out += &format!("unit {} {} {:?} {:?}\n", u.id, u.name, u.aliases, u.classes);
    }
    for s in &r.sections {
        // A scored section's max, when written, is its leaves' sum: nothing
        // of its own (the canonical text leaves it out).
        let max = s
            .max
            .filter(|_| s.kind != assess::model::rubric::PartKind::Scored);
        out += &format!(
            "section {} {} {:?} {:?} {:?} {:?}\n",
            s.id,
            s.title,
            s.items,
            s.kind,
            o(max),
            s.gate.map(|g| (d(g.min), g.strict))
        );
    }
    for g in &r.groups {
        out += &format!(
            "group {} {} {} {} {:?} {:?} {} {:?} {:?} {:?}\n",
            g.id,
            g.title,
            d(g.max),
            g.section,
            g.parent,
            g.items,
            g.level,
            g.criteria,
            g.applies.to,
            g.applies.except
        );
    }
    for i in &r.items {
        let ws: Vec<(usize, String)> = i.scorers.iter().map(|w| (w.scorer, d(w.weight))).collect();
        out += &format!(
            "item {} {} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?}\n",
            i.id,
            i.title,
            d(i.max),
            i.section,
            i.parent,
            i.rules,
            ws,
            i.start,
            o(i.max_deduct),
            o(i.max_add),
            i.criteria
        );
        // Part three: floor, measure and scale, classes.
        out += &format!(
            "  {} {} {:?} {:?} {:?}\n",
            d(i.floor),
            i.floor_written,
            i.measure.as_ref().map(|m| (
                m.measure,
                m.scale
                    .iter()
                    .map(|(v, b)| (d(*v), d(*b)))
                    .collect::<Vec<_>>(),
                m.interpolate
            )),
            i.applies.to,
            i.applies.except
        );
    }
    for x in &r.rules {
        out += &format!(
            "rule {} {} {:?} {} {:?} {}\n",
            x.id,
            x.text,
            x.kind,
            d(x.points),
            o(x.max),
            x.item
        );
    }
    out
}

/// Exports `toml` as a workbook, imports it, and requires the imported
/// rubric to be the same, in its canonical text and in every field.
pub(crate) fn round_trip(toml: &str) -> Vec<u8> {
    let original = load(toml);
    let case = Case::new().file("r.toml", toml).args(&[
        "rubric", "--rubric", "r.toml", "--format", "xlsx", "-o", "r.xlsx",
    ]);
    case.stdout("");
    let bytes = std::fs::read(case.path("r.xlsx")).expect("the workbook");
    let import =
        Case::new()
            .file("r.xlsx", &bytes)
            .args(&["rubric", "import", "r.xlsx", "-o", "back.toml"]);
    import.stdout("");
    let text = std::fs::read_to_string(import.path("back.toml")).expect("the rubric");
    assert_text(&text, &toml_out::to_toml(&original));
    assert_text(&model(&load(&text)), &model(&original));
    bytes
}

#[test]
fn the_shipped_rubrics_round_trip() {
    for (_, text) in EMBEDDED {
        round_trip(text);
    }
}

/// The example year scores the same with the imported rubrics.
#[test]
fn the_example_year_scores_the_same_after_import() {
    let root = env!("CARGO_MANIFEST_DIR");
    let inputs: Vec<String> = [
        "annual-office.csv",
        "annual-lead.csv",
        "annual-service-center.csv",
    ]
    .iter()
    .flat_map(|f| ["--annual".to_string(), format!("{root}/examples/2020/{f}")])
    .chain([
        "--daily".to_string(),
        format!("{root}/examples/2020/daily.csv"),
        "--format".to_string(),
        "json".to_string(),
    ])
    .collect();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    // Each shipped rubric exported and imported back, into one folder.
    let mut case = Case::new();
    for id in ["counties", "departments"] {
        let exported =
            Case::new().args(&["rubric", "--id", id, "--format", "xlsx", "-o", "w.xlsx"]);
        exported.stdout("");
        let import = Case::new()
            .file(
                "w.xlsx",
                std::fs::read(exported.path("w.xlsx")).expect("exported"),
            )
            .args(&["rubric", "import", "w.xlsx", "-o", "w.toml"]);
        import.stdout("");
        case = case.file(
            &format!("{id}.toml"),
            std::fs::read(import.path("w.toml")).expect("imported"),
        );
    }
    let before = Case::new().args(&["score"]).args(&inputs).run();
    assert_eq!(before.status, 0, "{}", before.stderr);
    let mut args = vec![
        "score",
        "--rubric",
        "counties.toml",
        "--rubric",
        "departments.toml",
    ];
    args.extend(&inputs);
    let after = case.args(&args).run();
    assert_eq!(after.status, 0, "{}", after.stderr);
    let strip = |text: &str| {
        let mut v: serde_json::Value = serde_json::from_str(text).expect("JSON");
        v.as_object_mut().expect("a document").remove("inputs");
        for r in v["rubrics"].as_array_mut().expect("rubrics") {
            r.as_object_mut().expect("a rubric").remove("sha256");
        }
        v
    };
    assert_eq!(strip(&after.stdout), strip(&before.stdout));
}

/// Four levels, a conversion, rules (one with more digits than a number cell holds),
/// aliases, caps, daily-only leaves from full and from zero, weights of
/// three scorers (one whose name ends in a digit), criteria over two lines
/// with quotes, ids with spaces, a leaf beside a group, a period across
/// two years, dense ranking, one decimal.
const NESTED: &str = include_str!("../fixtures/rubric_workbook/four-levels.toml");

#[test]
fn a_nested_rubric_round_trips() {
    round_trip(NESTED);
}

#[test]
fn two_exports_are_byte_identical() {
    let a = round_trip(NESTED);
    let b = round_trip(NESTED);
    assert!(a == b, "the two workbooks differ");
}

#[test]
fn several_rubrics_make_one_set_of_sheets_each_and_import_asks_which() {
    let case = Case::new().args(&["rubric", "--format", "xlsx", "-o", "both.xlsx"]);
    case.stdout("");
    let bytes = std::fs::read(case.path("both.xlsx")).expect("the workbook");
    let names = sheet_names(&bytes);
    assert_eq!(
        names,
        [
            "细则-counties",
            "扣分标准-counties",
            "基本信息-counties",
            "评分单位-counties",
            "考核对象-counties",
            "指标说明-counties",
            "细则-departments",
            "扣分标准-departments",
            "基本信息-departments",
            "评分单位-departments",
            "考核对象-departments",
            "指标说明-departments",
        ]
    );
    let import = Case::new().file("both.xlsx", &bytes).args(&[
        "rubric",
        "import",
        "both.xlsx",
        "-o",
        "r.toml",
    ]);
    import.fails(snapshot!("en.txt"));
    assert!(!import.path("r.toml").exists());
}

pub(crate) fn sheet_names(bytes: &[u8]) -> Vec<String> {
    use calamine::Reader;
    let book = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
    book.sheet_names()
}

/// The 细则 sheet as printed: title, header, merged group cells with ids
/// and points, and the print setup.
#[test]
fn the_items_sheet_is_laid_out_for_print() {
    use calamine::{Data, Reader};
    let bytes = round_trip(NESTED);
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).expect("a workbook");
    let range = book.worksheet_range("细则").expect("细则");
    let row = |r: u32| -> Vec<String> {
        (0..11)
            .map(|c| match range.get_value((r, c)) {
                Some(Data::String(s)) => s.clone(),
                Some(Data::Float(f)) => f.to_string(),
                _ => String::new(),
            })
            .collect()
    };
    assert_eq!(row(0)[0], "2021年度测试细则（四级）");
    assert_eq!(
        row(1),
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "四级指标",
            "编号",
            "分值",
            "评分标准",
            "评分单位",
            "核减上限",
            "核加上限",
            "计分方式"
        ]
    );
    assert_eq!(
        row(3),
        [
            "",
            "1.2 平台建设（20分）",
            "1.2.1 政府网站（12分）",
            "信息发布",
            "1.2.1.1",
            "7",
            "",
            "办公室考核组0.5；牵头单位0.375；行政服务中心0.125",
            "7",
            "1.5",
            ""
        ]
    );
    assert_eq!(row(4)[3], "网站监测");
    assert_eq!(row(4)[10], "扣分");
    assert_eq!(row(5)[2], "政务新媒体（试行）");
    assert_eq!(row(5)[7], "考核组20.6；牵头单位0.4");
    assert_eq!(row(7)[10], "加分");
    let merges = book.merge_cells_by_sheet_name("细则").expect("merges");
    let mut names: Vec<String> = merges
        .iter()
        .map(|m| format!("{:?}-{:?}", m.start, m.end))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "(0, 0)-(0, 10)",
            "(2, 0)-(5, 0)",
            "(2, 1)-(2, 3)",
            "(3, 1)-(5, 1)",
            "(3, 2)-(4, 2)",
            "(5, 2)-(5, 3)",
            "(6, 0)-(7, 0)",
            "(6, 1)-(7, 1)",
            "(6, 2)-(6, 3)",
            "(7, 2)-(7, 3)",
        ]
    );
    // The section cell merged over rows 3-6 reads `openness 政务公开（40分）`.
    assert_eq!(row(2)[0], "openness 政务公开（25分）");
    assert_eq!(row(6)[0], "fgf “放管服”改革（25分）");
    assert_eq!(row(6)[1], "营商 环境 优化营商环境（25分）");
    // The rule with 19 significant digits is kept as text, exactly.
    let rules = book.worksheet_range("扣分标准").expect("扣分标准");
    assert_eq!(
        rules.get_value((2, 4)),
        Some(&Data::String("0.1234567890123456789".into()))
    );
    // The header row is printed on every page (A4 landscape, one page
    // wide: see docs/rubric-workbook.md for how that was checked).
    let titles: Vec<&(String, String)> = book
        .defined_names()
        .iter()
        .filter(|(n, _)| n == "_xlnm.Print_Titles")
        .collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(titles.iter().any(|(_, v)| v == "细则!$2:$2"), "{titles:?}");
}

// ---------------------------------------------------------------------------
// Workbooks built here, as an office would write them.

/// A sheet: its name, its rows (a cell `#8` is the number 8, `` is empty),
/// and merged ranges (first row, first col, last row, last col).
pub(crate) type SheetSpec<'a> = (&'a str, &'a [&'a [&'a str]], &'a [(u32, u16, u32, u16)]);

pub(crate) fn workbook(sheets: &[SheetSpec]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    for (name, rows, merges) in sheets {
        let sheet = wb.add_worksheet();
        sheet.set_name(*name).expect("a sheet name");
        let inside = |r: u32, c: u16| {
            merges
                .iter()
                .any(|m| r >= m.0 && r <= m.2 && c >= m.1 && c <= m.3 && (r, c) != (m.0, m.1))
        };
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if cell.is_empty() || inside(r, c) {
                    continue;
                }
                match cell.strip_prefix('#') {
                    Some(n) => sheet.write_number(r, c, n.parse::<f64>().expect("a number")),
                    None => sheet.write_string(r, c, *cell),
                }
                .expect("a cell");
            }
        }
        for m in *merges {
            let text = rows[m.0 as usize][m.1 as usize];
            sheet
                .merge_range(m.0, m.1, m.2, m.3, text, &plain)
                .expect("a merge");
        }
    }
    wb.save_to_buffer().expect("a workbook")
}

const OFFICE_ITEMS: &[&[&str]] = &[
    &["2021年度政务公开和“放管服”改革工作考核细则（县级）"],
    &[
        "序号",
        "一级指标",
        "二级指标",
        "三级指标",
        "编号",
        "分值",
        "评分标准",
        "评分单位",
        "核减上限",
        "核加上限",
        "计分方式",
    ],
    &[
        "#1",
        "一、政务公开（14分）",
        "1.1 组织领导",
        "",
        "1.1",
        "#4",
        "机制健全、专人负责的得4分",
        "办公室",
        "#4",
    ],
    &[
        "#2",
        "一、政务公开（14分）",
        "平台建设（10分）",
        "政府网站",
        "1.2.1",
        "#6",
        "每发现一处错误扣0.5分",
        "牵头单位40%；办公室60%",
        // =1.5*0.35 as Excel stores it: read as Excel shows it, 0.525.
        "#0.5249999999999999",
    ],
    &[
        "#3",
        "一、政务公开（14分）",
        "平台建设（10分）",
        "政务新媒体（4分）",
        "",
        "",
        "",
        "行政服务中心、办公室",
        "",
        "",
        "",
    ],
    &[
        "#4",
        "二、“放管服”改革（6分）",
        "网上办事",
        "",
        "#2.1",
        "５分",
        "",
        "行政服务中心",
    ],
    &[
        "#5",
        "二、“放管服”改革（6分）",
        "创新加分",
        "",
        "2.2",
        "#1",
        "经验做法被上级推广的加1分",
        "",
        "",
        "#1",
        "加分",
    ],
    &["", "合计", "", "", "", "#20"],
];

const OFFICE_INFO: &[&[&str]] = &[
    &["细则编号", "county2021"],
    &["年度", "#2021"],
    &["满分", "#20"],
    &["考核期", "2021-01-01至2021-12-31"],
    &[],
    &["等次", "编号", "下限"],
    &["优秀", "excellent", "#18"],
    &["合格", "pass", "#12"],
    &["不合格", "fail", "#0"],
];

const OFFICE_SCORERS: &[&[&str]] = &[
    &["编号", "名称"],
    &["office", "办公室"],
    &["lead", "牵头单位"],
    &["center", "行政服务中心"],
];

const OFFICE_UNITS: &[&[&str]] = &[
    &["编号", "名称", "简称"],
    &["hoboksar", "和布克赛尔蒙古自治县", "和丰县、和布克赛尔县"],
    &["tacheng", "塔城市"],
];

const OFFICE_RULES: &[&[&str]] = &[
    &["编号", "标准", "类型", "每次分值", "上限"],
    &["政府网站", "每发现一处错误扣0.5分", "扣分", "#0.5", "#3"],
    &["1.1", "未按时报送材料的每次扣1分", "", "#1"],
];

/// What the office's workbook says, as a rubric file.
fn office_toml() -> Snapshot {
    Snapshot::file("rubric_workbook/office.toml")
}

/// Repeated group cells instead of merges, no ids on sections and groups
/// (numbered by position), points in titles, weights as percentages,
/// scorers and rules' leaves by name, the points of a leaf typed as text,
/// number cells read at 15 significant digits (an id too),
/// defaults for what 基本信息 leaves out, the title from above the header.
#[test]
fn a_workbook_written_by_an_office_imports_as_meant() {
    let mut items: Vec<&[&str]> = OFFICE_ITEMS.to_vec();
    // 政务新媒体 by one scorer, its points in its title, no 编号.
    let media: &[&str] = &[
        "#3",
        "一、政务公开（14分）",
        "平台建设（10分）",
        "政务新媒体（4分）",
        "",
        "",
        "",
        "行政服务中心",
    ];
    items[4] = media;
    let bytes = workbook(&[
        ("细则", &items, &[(0, 0, 0, 10)]),
        ("扣分标准", OFFICE_RULES, &[]),
        ("基本信息", OFFICE_INFO, &[]),
        ("评分单位", OFFICE_SCORERS, &[]),
        ("考核对象", OFFICE_UNITS, &[]),
    ]);
    let case = Case::new().file("细则.xlsx", &bytes).args(&[
        "rubric",
        "import",
        "细则.xlsx",
        "-o",
        "county2021.toml",
    ]);
    case.stdout("");
    let text = std::fs::read_to_string(case.path("county2021.toml")).expect("written");
    office_toml().check(&text);
}

/// Every error of a workbook at once, each at its sheet and cell.
fn broken_workbook() -> Vec<u8> {
    let items: &[&[&str]] = &[
        &["测试细则"],
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "编号",
            "分值",
            "评分标准",
            "评分单位",
            "核减上限",
        ],
        // 平台建设 merged over B3:B6, but A6 starts another section.
        &[
            "政务公开（10分）",
            "平台建设",
            "政府网站",
            "1.1",
            "#4",
            "",
            "办公室",
        ],
        &[
            "政务公开（10分）",
            "",
            "政务新媒体",
            "1.2",
            "",
            "",
            "办公室",
        ],
        &[
            "政务公开（10分）",
            "",
            "网站监测",
            "1.3",
            "#2.555",
            "",
            "办公室0.5；牵头单位0.4",
        ],
        &[
            "放管服",
            "",
            "一网通办",
            "2.1",
            "#4",
            "",
            "牵头单住",
            "五分",
        ],
    ];
    let rules: &[&[&str]] = &[&["编号", "标准", "类型"], &["1.1", "错别字", "扣分"]];
    let scorers: &[&[&str]] = &[
        &["编号", "名称"],
        &["office", "办公室"],
        &["lead", "牵头单位"],
    ];
    let info: &[&[&str]] = &[
        &["细则编号", "t"],
        &["标题", "测试细则"],
        &["年度", "#2021"],
        &["满分", "#10"],
        &["小数位数", "#2"],
        &["等次", "编号", "下限"],
        &["合格", "pass", "#6"],
        &["不合格", "fail", "#0"],
    ];
    workbook(&[
        ("细则", items, &[(0, 0, 0, 7), (2, 1, 5, 1)]),
        ("扣分标准", rules, &[]),
        ("基本信息", info, &[]),
        ("评分单位", scorers, &[]),
    ])
}

#[test]
fn every_import_error_names_its_sheet_and_cell() {
    let case = |lang: &str| {
        Case::new().file("bad.xlsx", broken_workbook()).args(&[
            "rubric", "import", "bad.xlsx", "-o", "t.toml", "--lang", lang,
        ])
    };
    let en = case("en");
    en.fails(snapshot!("en.txt"));
    assert!(!en.path("t.toml").exists(), "no file is written");
    case("zh").fails_zh(snapshot!("zh.txt"));
}

/// The slips of a hand-drafted workbook, each at its cell.
#[test]
fn an_office_workbook_with_mistakes_is_refused_cell_by_cell() {
    let mut items: Vec<Vec<&str>> = OFFICE_ITEMS.iter().map(|r| r.to_vec()).collect();
    // The section says 15 points where its indicators add up to 14.
    for r in &mut items[2..5] {
        r[1] = "一、政务公开（15分）";
    }
    // A 三级指标 with no 二级指标 above it.
    items.insert(
        7,
        vec!["#6", "二、“放管服”改革（6分）", "", "监督检查", "2.3", "#1"],
    );
    // A scoring method that is neither 加分 nor 扣分.
    items[6][10] = "加分制度";
    let items: Vec<&[&str]> = items.iter().map(Vec::as_slice).collect();
    let rules: &[&[&str]] = &[
        &["编号", "标准", "类型", "每次分值", "上限"],
        &["政府网占", "每发现一处错误扣0.5分", "扣分", "#0.5", "#3"],
        &["1.1", "未按时报送材料的每次扣1分", "警告", "#1"],
    ];
    let units: &[&[&str]] = &[
        &["编号", "名称", "简称"],
        &["hoboksar", "和布克赛尔蒙古自治县", "和丰县、塔城市"],
        &["tacheng", "塔城市"],
    ];
    let mut info: Vec<&[&str]> = OFFICE_INFO.to_vec();
    info.insert(3, &["排名方式", "中国式"]);
    let bytes = workbook(&[
        ("细则", &items, &[(0, 0, 0, 10)]),
        ("扣分标准", rules, &[]),
        ("基本信息", &info, &[]),
        ("评分单位", OFFICE_SCORERS, &[]),
        ("考核对象", units, &[]),
    ]);
    let case = |lang: &str| {
        Case::new().file("细则.xlsx", &bytes).args(&[
            "rubric",
            "import",
            "细则.xlsx",
            "-o",
            "r.toml",
            "--lang",
            lang,
        ])
    };
    case("en").fails(snapshot!("en.txt"));
    case("zh").fails_zh(snapshot!("zh.txt"));
}

/// Merged cells read as the same cells repeated: sections and groups merged
/// over their rows, and one 评分单位 cell over two leaves.
#[test]
fn merged_cells_read_like_repeated_ones() {
    let mut items: Vec<Vec<&str>> = OFFICE_ITEMS.iter().map(|r| r.to_vec()).collect();
    items[4] = vec!["#3", "", "", "政务新媒体（4分）", "", "", "", ""];
    items[3][1] = "";
    items[6][1] = "";
    let items: Vec<&[&str]> = items.iter().map(Vec::as_slice).collect();
    let bytes = workbook(&[
        (
            "细则",
            &items,
            &[
                (0, 0, 0, 10),
                (2, 1, 4, 1),
                (3, 2, 4, 2),
                (5, 1, 6, 1),
                (3, 7, 4, 7),
            ],
        ),
        ("扣分标准", OFFICE_RULES, &[]),
        ("基本信息", OFFICE_INFO, &[]),
        ("评分单位", OFFICE_SCORERS, &[]),
        ("考核对象", OFFICE_UNITS, &[]),
    ]);
    let case = Case::new().file("细则.xlsx", &bytes).args(&[
        "rubric",
        "import",
        "细则.xlsx",
        "-o",
        "r.toml",
    ]);
    case.stdout("");
    let text = std::fs::read_to_string(case.path("r.toml")).expect("written");
    // 政务新媒体 shares the merged 评分单位 cell of 政府网站: the office's
    // rubric but for that line.
    let office = office_toml()
        .text()
        .expect("the office's rubric is recorded (ASSESS_BLESS=1 cargo test records it)");
    let expected = office.replace(
        "    max = 4\n    scorers = { center = 1 }",
        "    max = 4\n    scorers = { lead = 0.4, office = 0.6 }",
    );
    assert_ne!(expected, office);
    assert_text(&text, &expected);
}
