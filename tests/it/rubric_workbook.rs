//! Rubric workbooks (SPEC 14): `rubric --format xlsx` writes a rubric as the
//! workbook an office prints, `rubric import` reads one back, and the two are
//! inverses; a workbook drafted by hand imports as the office meant; every
//! import error names its sheet and cell.

use crate::common;

use assess::diag::Diagnostics;
use assess::rubric::{EMBEDDED, Rubric, parse, toml_out};
use assess::source::{InputFile, Role};
use common::{Case, assert_text};
use rust_xlsxwriter::{Format, Workbook};
use std::sync::Arc;

fn load(text: &str) -> Rubric {
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
fn model(r: &Rubric) -> String {
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
    for s in &r.scorers {
        out += &format!("scorer {} {}\n", s.id, s.name);
    }
    for g in &r.grades {
        out += &format!("grade {} {} {}\n", g.id, g.label, d(g.min));
    }
    for u in &r.units {
        out += &format!("unit {} {} {:?}\n", u.id, u.name, u.aliases);
    }
    for s in &r.sections {
        out += &format!("section {} {} {:?}\n", s.id, s.title, s.items);
    }
    for g in &r.groups {
        out += &format!(
            "group {} {} {} {} {:?} {:?} {} {:?}\n",
            g.id,
            g.title,
            d(g.max),
            g.section,
            g.parent,
            g.items,
            g.level,
            g.criteria
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
fn round_trip(toml: &str) -> Vec<u8> {
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
const NESTED: &str = r#"id = "nested"
title = "2021年度测试细则（四级）"
year = 2021
total = 50
decimals = 1
ranking = "dense"

[period]
start = 2020-12-01
end = 2021-11-30

[conversion]
points = 3
label = "纳入绩效目标管理考核折算分"

[scorers]
office = "办公室考核组"
lead = "牵头单位"
center = "行政服务中心"
group2 = "考核组2"

[[grade]]
id = "excellent"
label = "优秀"
min = 45

[[grade]]
id = "pass"
label = "合格"
min = 30

[[grade]]
id = "fail"
label = "不合格"
min = 0

[[unit]]
id = "hoboksar"
name = "和布克赛尔蒙古自治县"
aliases = ["和布克赛尔县", "和丰县"]

[[unit]]
id = "tacheng"
name = "塔城市"

[[section]]
id = "openness"
title = "政务公开"

  [[section.item]]
  id = "1.1"
  title = "组织领导"
  max = 5
  scorers = { office = 1 }
  max_deduct = 5
  criteria = "有“五公开”机制、\"专人\"负责的得2分；\n每缺一项扣0.5分。"

  [[section.item]]
  id = "1.2"
  title = "平台建设"
  criteria = "网站和新媒体"

    [[section.item.item]]
    id = "1.2.1"
    title = "政府网站"

      [[section.item.item.item]]
      id = "1.2.1.1"
      title = "信息发布"
      max = 7
      scorers = { office = 0.5, lead = "0.375", center = 0.125 }
      max_deduct = 7
      max_add = 1.5

        [[section.item.item.item.rule]]
        id = "typo"
        text = "出现错别字的，每处扣0.5分"
        kind = "deduct"
        points = 0.5
        max = 2

        [[section.item.item.item.rule]]
        id = "praise"
        text = "被上级转载的，每篇加分"
        kind = "add"
        points = "0.1234567890123456789"

      [[section.item.item.item]]
      id = "1.2.1.2"
      title = "网站监测"
      max = 5
      start = "full"

        [[section.item.item.item.rule]]
        id = "stale"
        text = "栏目超过2周未更新的，每个扣1分"
        kind = "deduct"
        points = 1

    [[section.item.item]]
    id = "1.2.2"
    title = "政务新媒体（试行）"
    max = 8
    scorers = { group2 = 0.6, lead = 0.4 }

[[section]]
id = "fgf"
title = "“放管服”改革"

  [[section.item]]
  id = "营商 环境"
  title = "优化营商环境"
  max = 25

    [[section.item.item]]
    id = "2.1"
    title = "一网通办"
    max = 20
    scorers = { center = 0.7, group2 = 0.3 }

    [[section.item.item]]
    id = "2.2"
    title = "创新加分"
    max = 5
    max_add = 5
"#;

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
    import.fails(
        "error: both.xlsx: the workbook holds the sheets of several rubrics (counties, departments), and import reads one: save each rubric's sheets in a workbook of their own, or export one rubric with --id
assess: 1 problem found; nothing was computed and no file was written
",
    );
    assert!(!import.path("r.toml").exists());
}

fn sheet_names(bytes: &[u8]) -> Vec<String> {
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
type SheetSpec<'a> = (&'a str, &'a [&'a [&'a str]], &'a [(u32, u16, u32, u16)]);

fn workbook(sheets: &[SheetSpec]) -> Vec<u8> {
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
const OFFICE_TOML: &str = r#"id = "county2021"
title = "2021年度政务公开和“放管服”改革工作考核细则（县级）"
year = 2021
total = 20
decimals = 2
ranking = "competition"

[period]
start = 2021-01-01
end = 2021-12-31

[scorers]
office = "办公室"
lead = "牵头单位"
center = "行政服务中心"

[[grade]]
id = "excellent"
label = "优秀"
min = 18

[[grade]]
id = "pass"
label = "合格"
min = 12

[[grade]]
id = "fail"
label = "不合格"
min = 0

[[unit]]
id = "hoboksar"
name = "和布克赛尔蒙古自治县"
aliases = ["和丰县", "和布克赛尔县"]

[[unit]]
id = "tacheng"
name = "塔城市"

[[section]]
id = "1"
title = "政务公开"

  [[section.item]]
  id = "1.1"
  title = "组织领导"
  max = 4
  scorers = { office = 1 }
  max_deduct = 4
  criteria = "机制健全、专人负责的得4分"

    [[section.item.rule]]
    id = "1"
    text = "未按时报送材料的每次扣1分"
    kind = "deduct"
    points = 1

  [[section.item]]
  id = "1.2"
  title = "平台建设"
  max = 10

    [[section.item.item]]
    id = "1.2.1"
    title = "政府网站"
    max = 6
    scorers = { lead = 0.4, office = 0.6 }
    max_deduct = 0.525
    criteria = "每发现一处错误扣0.5分"

      [[section.item.item.rule]]
      id = "1"
      text = "每发现一处错误扣0.5分"
      kind = "deduct"
      points = 0.5
      max = 3

    [[section.item.item]]
    id = "1.2.2"
    title = "政务新媒体"
    max = 4
    scorers = { center = 1 }

[[section]]
id = "2"
title = "“放管服”改革"

  [[section.item]]
  id = "2.1"
  title = "网上办事"
  max = 5
  scorers = { center = 1 }

  [[section.item]]
  id = "2.2"
  title = "创新加分"
  max = 1
  start = "zero"
  max_add = 1
  criteria = "经验做法被上级推广的加1分"
"#;

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
    assert_text(&text, OFFICE_TOML);
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
    en.fails(
        r#"error: bad.xlsx: the workbook has no sheet 考核对象; its sheets are: 细则, 扣分标准, 基本信息, 评分单位
error: bad.xlsx[细则]!B3: the merged cell B3:B6 covers the rows of two different indicators (A3 and A6): merge a group's cell over its own rows only
error: bad.xlsx[细则]!E4: the indicator "政务新媒体" has no points: write its maximum in this cell
error: bad.xlsx[细则]!E5: `max` = 2.555 has more decimal places than decimals = 2 allows
error: bad.xlsx[细则]!G5: the weights add up to 0.9, not to exactly 1 (100%)
error: bad.xlsx[细则]!G6: unknown scorer "牵头单住" (did you mean "牵头单位"?): name a scorer of sheet 评分单位 by its name or its id
error: bad.xlsx[细则]!H6: 核减上限 "五分" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators)
error: bad.xlsx[扣分标准]!D1: the header row has no column 每次分值: add it
assess: 8 problems found; nothing was computed and no file was written
"#,
    );
    assert!(!en.path("t.toml").exists(), "no file is written");
    case("zh").fails_zh(
        r#"错误：bad.xlsx：工作簿中没有工作表“考核对象”，现有工作表为：细则、扣分标准、基本信息、评分单位。
错误：bad.xlsx[细则]!B3：合并单元格 B3:B6 跨越了两个不同指标的行（A3 与 A6）：上级指标的单元格只能合并其所辖指标的行。
错误：bad.xlsx[细则]!E4：指标“政务新媒体”未填写分值，请在此单元格填写该指标的分值。
错误：bad.xlsx[细则]!E5：“max = 2.555”的小数位数超过了 decimals = 2 的规定。
错误：bad.xlsx[细则]!G5：各评分单位的权重合计为 0.9，应恰好为 1（100%）。
错误：bad.xlsx[细则]!G6：评分单位“牵头单住”不存在（是否应为“牵头单位”？），请填写工作表“评分单位”中评分单位的名称或编号。
错误：bad.xlsx[细则]!H6：核减上限“五分”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）。
错误：bad.xlsx[扣分标准]!D1：表头行缺少“每次分值”列，请补上。
assess：共发现 8 处问题，未进行计算，也未写出任何文件。
"#,
    );
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
    case("en").fails(
        r#"error: 细则.xlsx[细则]!B3: "政务公开" is written with 15 points, but its indicators add up to 14: correct the points in its cell or those of its indicators
error: 细则.xlsx[细则]!H5: 行政服务中心 has no weight: with several scorers, write each one's weight after its name, such as 0.4 or 40%
error: 细则.xlsx[细则]!K7: scoring method "加分制度" is not known: write 加分 (from 0, daily additions raise it) or 扣分 (from full marks, daily deductions lower it)
error: 细则.xlsx[细则]!C8: 二级指标 is empty in a row that has 三级指标: write the group the indicator belongs to, or merge the group's cell over its rows
error: 细则.xlsx[扣分标准]!A2: no scored indicator has the id or title "政府网占" (did you mean "政府网站"?)
error: 细则.xlsx[扣分标准]!C3: rule type "警告" is not known: write 扣分 or 加分
error: 细则.xlsx[基本信息]!B4: ranking "中国式" is not known: write 并列空位 (ties take places: 1, 2, 2, 4) or 并列不空位 (1, 2, 2, 3)
error: 细则.xlsx[考核对象]!C2: "塔城市" already names a unit at 细则.xlsx[考核对象]!B3: every id, name and alias names one unit only
assess: 8 problems found; nothing was computed and no file was written
"#,
    );
    case("zh").fails_zh(
        r#"错误：细则.xlsx[细则]!B3：“政务公开”标注为 15 分，但其下属指标分值合计为 14 分，请更正该单元格中的分值或下属指标的分值。
错误：细则.xlsx[细则]!H5：行政服务中心未填写权重：有多个评分单位时，请在每个名称后填写其权重，如 0.4 或 40%。
错误：细则.xlsx[细则]!K7：计分方式“加分制度”无法识别，请填写“加分”（从 0 分起，按日常考核加分）或“扣分”（从满分起，按日常考核扣分）。
错误：细则.xlsx[细则]!C8：此行填写了三级指标，但“二级指标”为空：请填写该指标所属的上级指标，或将上级指标单元格合并到其所辖各行。
错误：细则.xlsx[扣分标准]!A2：没有编号或名称为“政府网占”的计分指标（是否应为“政府网站”？）。
错误：细则.xlsx[扣分标准]!C3：类型“警告”无法识别，请填写“扣分”或“加分”。
错误：细则.xlsx[基本信息]!B4：排名方式“中国式”无法识别，请填写“并列空位”（并列后名次空位：1、2、2、4）或“并列不空位”（1、2、2、3）。
错误：细则.xlsx[考核对象]!C2：“塔城市”已用于 细则.xlsx[考核对象]!B3 处的考核对象：同一编号、名称或简称只能指称一个单位。
assess：共发现 8 处问题，未进行计算，也未写出任何文件。
"#,
    );
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
    // 政务新媒体 shares the merged 评分单位 cell of 政府网站.
    let expected = OFFICE_TOML.replace(
        "    max = 4\n    scorers = { center = 1 }",
        "    max = 4\n    scorers = { lead = 0.4, office = 0.6 }",
    );
    assert_ne!(expected, OFFICE_TOML);
    assert_text(&text, &expected);
}
