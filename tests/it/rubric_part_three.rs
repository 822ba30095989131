//! Part three (SPEC 16-19) in the rubric's own formats: the rubric workbook
//! carries every key (bonus and penalty parts with their max and gate,
//! floors, measures with their scales, classes of unit on units, lines and
//! groups, the n/a policy, `max_total`, the veto, quotas, the rubric's own
//! methods) and imports back as the same rubric; `rubric` prints each rule
//! in an office's words in both languages; `rubric new` keeps them; every
//! import error of the new cells names its sheet and cell.

use crate::common;
use crate::rubric_workbook::{SheetSpec, load, model, round_trip, sheet_names, workbook};

use common::{Case, Expected, Snapshot, assert_text};

/// Every key of part three (see the file's comment).
const PART_THREE: &str = include_str!("../fixtures/rubric_workbook/part-three.toml");

/// Exports and imports back, and requires the rubric to print the same in
/// both languages too (the model is compared field by field by `round_trip`).
fn round_trip_prints_the_same(toml: &str) {
    round_trip(toml);
    let case = Case::new().file("r.toml", toml).args(&[
        "rubric", "--rubric", "r.toml", "--format", "xlsx", "-o", "r.xlsx",
    ]);
    case.stdout("");
    let import = Case::new()
        .file(
            "r.xlsx",
            std::fs::read(case.path("r.xlsx")).expect("exported"),
        )
        .args(&["rubric", "import", "r.xlsx", "-o", "back.toml"]);
    import.stdout("");
    let back = std::fs::read_to_string(import.path("back.toml")).expect("imported");
    for lang in ["zh", "en"] {
        assert_text(&text_of(&back, lang), &text_of(toml, lang));
    }
}

/// `rubric` printed as text.
fn text_of(toml: &str, lang: &str) -> String {
    let out = Case::new()
        .file("r.toml", toml)
        .args(&["rubric", "--rubric", "r.toml", "--lang", lang])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn a_rubric_with_every_key_of_part_three_round_trips() {
    round_trip_prints_the_same(PART_THREE);
}

/// The other values of each key: a veto that sets the total and keeps the
/// rank, the other n/a policies, a gate reached at its points, a step scale
/// of one point, a measure without a unit, `except` alone, a quota of one
/// unit, a floor on a measured line.
#[test]
fn every_other_value_of_part_three_round_trips() {
    let variants: &[&[(&str, &str)]] = &[
        &[("cap = 59.5\nrank = \"last\"", "total = 0")],
        &[("cap = 59.5\nrank = \"last\"", "rank = \"last\"")],
        &[("na = \"parent\"", "na = \"full\"")],
        &[("na = \"parent\"\n", "")],
        &[("gate_strict = true\n", "")],
        &[("gate = 16\ngate_strict = true\n", "")],
        &[(
            "scale = [[90, 3], [95, 5], [99.5, 6]]",
            "scale = [[90.25, 6]]",
        )],
        &[(
            "good_rate = { title = \"好评率\", unit = \"%\" }",
            "good_rate = \"好评率\"",
        )],
        &[("  applies_to = [\"window\", \"approval\"]\n", "")],
        &[("quota = 3", "quota = 1")],
        &[("max_total = 24\n", "")],
        &[
            (
                "    measure = \"good_rate\"\n",
                "    measure = \"good_rate\"\n    floor = -1\n",
            ),
            ("scale = [[89, 0], [99, 5]]", "scale = [[89, -1], [99, 5]]"),
        ],
        &[(
            "[methods]\nsite_visit = \"实地考评\"\nthird_party = \"第三方评估\"\n",
            "",
        )],
    ];
    for edits in variants {
        let mut toml = PART_THREE.to_string();
        for (from, to) in *edits {
            assert!(toml.contains(from), "the fixture holds {from:?}");
            toml = toml.replacen(from, to, 1);
        }
        load(&toml);
        round_trip_prints_the_same(&toml);
    }
}

/// A rubric without part three gets none of its columns, rows or sheets.
#[test]
fn a_rubric_without_part_three_exports_none_of_it() {
    let case = Case::new().args(&["rubric", "--id", "counties", "-o", "c.xlsx"]);
    case.stdout("");
    let bytes = std::fs::read(case.path("c.xlsx")).expect("the workbook");
    assert_eq!(
        sheet_names(&bytes),
        [
            "细则",
            "扣分标准",
            "基本信息",
            "评分单位",
            "考核对象",
            "指标说明"
        ]
    );
    let sheets = sheets_text(&bytes);
    for word in [
        "类别",
        "最低分",
        "计分标尺",
        "折算方式",
        "适用范围",
        "总分上限",
        "不涉及处理",
        "否决",
        "名额",
    ] {
        assert!(!sheets.contains(word), "{word} is in the workbook");
    }
}

/// Every sheet of a workbook as text: its name, its merged ranges, then
/// each row, its cells separated by ` | ` (numbers as Excel shows them).
fn sheets_text(bytes: &[u8]) -> String {
    use calamine::{Data, Reader};
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("a sheet");
        let mut merges: Vec<String> = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .iter()
            .map(|m| format!("{:?}-{:?}", m.start, m.end))
            .collect();
        merges.sort();
        out += &format!("== {name}  merged: {}\n", merges.join(" "));
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::String(s) => s.replace('\n', "\\n"),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::DateTime(d) => format!("{d}"),
                    Data::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect();
            out += &cells.join(" | ");
            out.push('\n');
        }
    }
    out
}

/// The workbook an office reads: 类别 merged over each part's rows, the
/// part's max in its cell, the gate in words, 最低分, 指标 by name with its
/// scale, 适用范围 in words; 基本信息 with 总分上限, 不涉及处理 and the veto's
/// rows and the grades' 名额; 考核对象 with 类别; 指标说明 with a group's
/// 适用范围; the sheets 单位类别, 指标 and 考核方式.
#[test]
fn the_part_three_workbook_reads_as_an_office_writes_it() {
    let bytes = round_trip(PART_THREE);
    Snapshot::file("rubric_part_three/workbook.txt").check(&sheets_text(&bytes));
}

#[test]
fn rubric_prints_every_rule_of_part_three() {
    let outputs = [
        ("zh", "text", "rubric_part_three/rubric.zh.txt"),
        ("en", "text", "rubric_part_three/rubric.en.txt"),
        ("zh", "markdown", "rubric_part_three/rubric.zh.md"),
        ("en", "markdown", "rubric_part_three/rubric.en.md"),
    ];
    for (lang, format, file) in outputs {
        Case::new()
            .file("r.toml", PART_THREE)
            .args(&[
                "rubric", "--rubric", "r.toml", "--format", format, "--lang", lang,
            ])
            .stdout(Snapshot::file(file));
    }
}

/// `rubric new` moves the year and keeps every key of part three.
#[test]
fn a_new_year_keeps_part_three() {
    let case = Case::new().file("r.toml", PART_THREE).args(&[
        "rubric", "new", "--from", "r.toml", "--year", "2022", "-o", "n.toml",
    ]);
    case.stdout("");
    let moved = std::fs::read_to_string(case.path("n.toml")).expect("written");
    let expected = model(&load(PART_THREE)).replace("2021", "2022");
    assert_text(&model(&load(&moved)), &expected);
    assert_text(&moved, &PART_THREE.replace("2021", "2022"));
}

// ---------------------------------------------------------------------------
// Workbooks drafted by an office, with the new columns.

const ITEMS_HEAD: &[&str] = &[
    "一级指标",
    "二级指标",
    "编号",
    "分值",
    "评分单位",
    "计分方式",
    "类别",
    "最低分",
    "指标",
    "计分标尺",
    "折算方式",
    "适用范围",
];

const SCORERS: &[&[&str]] = &[&["编号", "名称"], &["office", "办公室"]];

const CLASSES: &[&[&str]] = &[
    &["编号", "名称"],
    &["approval", "有审批职能的部门"],
    &["window", "窗口单位"],
];

const MEASURES: &[&[&str]] = &[&["编号", "名称", "单位"], &["good_rate", "好评率", "%"]];

const UNITS: &[&[&str]] = &[
    &["编号", "名称", "类别"],
    &["fgw", "发改委", "有审批职能的部门、window"],
    &["tj", "统计局", ""],
];

/// The forms an office writes: a gate in words around the number, a class
/// by its id or its name after a short word (`仅:`), a list without a word
/// (the classes it applies to), a scale with `%` and `分`, 阶梯 by its other
/// name, a quota as a percentage cell and as a count with 个, the measure's
/// unit in a column 单位, 否决计分 and 否决排名.
#[test]
fn an_office_workbook_of_part_three_imports_as_meant() {
    let items: &[&[&str]] = &[
        &["2022年度测试细则"],
        ITEMS_HEAD,
        &[
            "政务服务（10分）",
            "审批",
            "1.1",
            "#6",
            "办公室",
            "",
            "得分项",
            "#-1",
            "",
            "",
            "",
            "仅: approval",
        ],
        &[
            "政务服务（10分）",
            "好评",
            "1.2",
            "#4",
            "",
            "",
            "",
            "",
            "好评率",
            "90%：0分；100%：4分",
            "分档",
            "窗口单位、有审批职能的部门",
        ],
        &[
            "加分项（2分）",
            "创新",
            "b1",
            "#3",
            "",
            "加分",
            "加分项（基础分8分及以上方计）",
            "",
            "",
            "",
            "",
            "除：窗口单位",
        ],
        &[
            "扣分项 （5分）",
            "通报",
            "p1",
            "#5",
            "",
            "",
            "扣分项",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let info: &[&[&str]] = &[
        &["细则编号", "t"],
        &["年度", "#2022"],
        &["满分", "#10"],
        &["总分上限", "#12"],
        &["不涉及处理", "按满分计"],
        &["否决计分", "#0"],
        &["否决排名", "排名最后"],
        &[],
        &["等次", "编号", "下限", "名额"],
        &["优秀", "a", "#9", "20%"],
        &["良好", "b", "#8", "1个"],
        &["合格", "c", "#0"],
    ];
    let methods: &[&[&str]] = &[&["编号", "名称"], &["visit", "实地考评"]];
    let bytes = workbook(&[
        ("细则", items, &[(0, 0, 0, 11)]),
        ("基本信息", info, &[]),
        ("评分单位", SCORERS, &[]),
        ("考核对象", UNITS, &[]),
        ("单位类别", CLASSES, &[]),
        ("指标", MEASURES, &[]),
        ("考核方式", methods, &[]),
    ]);
    let case = Case::new().file("细则.xlsx", &bytes).args(&[
        "rubric",
        "import",
        "细则.xlsx",
        "-o",
        "t.toml",
    ]);
    case.stdout("");
    let text = std::fs::read_to_string(case.path("t.toml")).expect("written");
    Snapshot::file("rubric_part_three/office.toml").check(&text);
}

/// Every new cell an office can get wrong, each at its sheet and cell, all
/// at once, nothing written: a 类别 that names no part and one that differs
/// within a section, an unknown class (in 适用范围, 考核对象 and 指标说明), a
/// 适用范围 on a section, a scale that is not points, an unknown measure and
/// 折算方式, a floor that is not a number, a quota on the last grade and
/// one that is not a quota, an unknown n/a policy and veto rank.
#[test]
fn every_import_error_of_part_three_names_its_sheet_and_cell() {
    let items: &[&[&str]] = &[
        &["测试细则"],
        ITEMS_HEAD,
        &[
            "政务服务（10分）",
            "审批",
            "1.1",
            "#6",
            "办公室",
            "",
            "得分项",
            "负一",
            "",
            "",
            "",
            "仅适用于：审批部门",
        ],
        &[
            "政务服务（10分）",
            "好评",
            "1.2",
            "#4",
            "",
            "",
            "加分项",
            "",
            "好评率",
            "90%-0；100%-4",
            "",
            "",
        ],
        &[
            "加分项（2分）",
            "创新",
            "b1",
            "#3",
            "",
            "加分",
            "附加分",
            "",
            "满意度",
            "80:0；90:3",
            "曲线",
            "",
        ],
        &[
            "扣分项（5分）",
            "通报",
            "p1",
            "#5",
            "",
            "",
            "扣分项",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let info: &[&[&str]] = &[
        &["细则编号", "t"],
        &["年度", "#2022"],
        &["满分", "#10"],
        &["不涉及处理", "平均分配"],
        &["否决排名", "倒数第一"],
        &[],
        &["等次", "编号", "下限", "名额"],
        &["优秀", "a", "#9", "三成"],
        &["合格", "c", "#0", "#2"],
    ];
    let units: &[&[&str]] = &[&["编号", "名称", "类别"], &["fgw", "发改委", "审批单位"]];
    let groups: &[&[&str]] = &[
        &["编号", "指标", "适用范围"],
        &["1", "政务服务", "仅适用于：窗口单位"],
    ];
    let bytes = workbook(&[
        ("细则", items, &[(0, 0, 0, 11)]),
        ("基本信息", info, &[]),
        ("评分单位", SCORERS, &[]),
        ("考核对象", units, &[]),
        ("指标说明", groups, &[]),
        ("单位类别", CLASSES, &[]),
        ("指标", MEASURES, &[]),
    ]);
    let case = |lang: &str| {
        Case::new().file("bad.xlsx", &bytes).args(&[
            "rubric", "import", "bad.xlsx", "-o", "t.toml", "--lang", lang,
        ])
    };
    let en = case("en");
    en.fails(Snapshot::file("rubric_part_three/errors.en.txt"));
    assert!(!en.path("t.toml").exists(), "no file is written");
    case("zh").fails_zh(Snapshot::file("rubric_part_three/errors.zh.txt"));
}

/// The sheets of part three are read only when there: a workbook without
/// 单位类别 that names a class says which sheet to add it to.
#[test]
fn a_class_without_its_sheet_says_where_it_goes() {
    let items: &[&[&str]] = &[
        &["测试细则"],
        &[
            "一级指标",
            "二级指标",
            "编号",
            "分值",
            "评分单位",
            "适用范围",
        ],
        &[
            "政务服务（10分）",
            "审批",
            "1",
            "#10",
            "办公室",
            "仅适用于：窗口单位",
        ],
    ];
    let info: &[&[&str]] = &[
        &["细则编号", "t"],
        &["年度", "#2022"],
        &["满分", "#10"],
        &["等次", "编号", "下限"],
        &["合格", "c", "#0"],
    ];
    let units: &[&[&str]] = &[&["编号", "名称"], &["fgw", "发改委"]];
    let sheets: &[SheetSpec] = &[
        ("细则", items, &[]),
        ("基本信息", info, &[]),
        ("评分单位", SCORERS, &[]),
        ("考核对象", units, &[]),
    ];
    Case::new()
        .file("bad.xlsx", workbook(sheets))
        .args(&[
            "rubric", "import", "bad.xlsx", "-o", "t.toml", "--lang", "en",
        ])
        .fails(Snapshot::file("rubric_part_three/no-classes-sheet.en.txt"));
}

/// What the rubric loader finds in the text the new cells give is reported
/// at those cells: a bonus part without its max (the section cell), a gate
/// on a penalty part (its 类别), a scale without a measure and one whose
/// base is above the line's points (计分标尺), scorers on a penalty line
/// (评分单位), a floor above 0 (最低分), a quota on the last grade (名额),
/// max_total below the scale (总分上限), a veto with both a cap and a total.
#[test]
fn what_the_loader_finds_in_the_new_cells_is_reported_there() {
    let items: &[&[&str]] = &[
        &["测试细则"],
        ITEMS_HEAD,
        &[
            "政务服务（10分）",
            "审批",
            "1.1",
            "#6",
            "办公室",
            "",
            "",
            "#1",
            "",
            "",
            "",
            "",
        ],
        &[
            "政务服务（10分）",
            "好评",
            "1.2",
            "#4",
            "",
            "",
            "",
            "",
            "好评率",
            "90:0；100:5",
            "",
            "",
        ],
        &[
            "加分项",
            "创新",
            "b1",
            "#3",
            "",
            "",
            "加分项",
            "",
            "",
            "80:1；90:3",
            "",
            "",
        ],
        &[
            "扣分项（5分）",
            "通报",
            "p1",
            "#5",
            "办公室",
            "",
            "扣分项（80分以上）",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let info: &[&[&str]] = &[
        &["细则编号", "t"],
        &["年度", "#2022"],
        &["满分", "#10"],
        &["总分上限", "#9"],
        &["否决封顶", "#59"],
        &["否决计分", "#0"],
        &[],
        &["等次", "编号", "下限", "名额"],
        &["优秀", "a", "#9", "30%"],
        &["合格", "c", "#0", "#1"],
    ];
    let bytes = workbook(&[
        ("细则", items, &[(0, 0, 0, 11)]),
        ("基本信息", info, &[]),
        ("评分单位", SCORERS, &[]),
        ("考核对象", UNITS, &[]),
        ("单位类别", CLASSES, &[]),
        ("指标", MEASURES, &[]),
    ]);
    let case = |lang: &str| {
        Case::new().file("bad.xlsx", &bytes).args(&[
            "rubric", "import", "bad.xlsx", "-o", "t.toml", "--lang", lang,
        ])
    };
    case("en").fails(Snapshot::file("rubric_part_three/loader.en.txt"));
    case("zh").fails_zh(Snapshot::file("rubric_part_three/loader.zh.txt"));
}
