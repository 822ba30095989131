//! Office integration through the real binary: Excel workbooks in and out,
//! CSV for Excel (BOM), Chinese or English headers, shell completions and
//! the manual page. Workbooks written are read back with calamine.

mod common;
use common::*;

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// u1 scores 7 on 1.1 and has one deduction of 0.5: 16.50.
const EXPECTED: &str = "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto
t,1,u2,二县,18.00,excellent,优秀,0,0,false
t,1,u3,三县,18.00,excellent,优秀,0,0,false
t,3,u1,一县,16.50,good,良好,0.5,0,false
";

/// The annual scores as a workbook: numbers as numbers, on a sheet named 年度得分
/// (after a first sheet of notes), starting at C3 as people leave room for a title.
fn annual_workbook(bad_score: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "填表说明").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("年度得分").unwrap();
    let (r0, c0) = (2u32, 2u16);
    for (c, h) in ["单位", "项目", "评分单位", "得分"].iter().enumerate() {
        sheet.write_string(r0, c0 + c as u16, *h).unwrap();
    }
    let rows: Vec<(&str, &str, &str, f64)> = vec![
        ("一县", "1.1", "office", 7.0),
        ("一县", "1.2", "office", 6.0),
        ("一县", "1.2", "lead", 6.0),
        ("u2", "组织领导", "办公室", 8.0),
        ("u2", "1.2", "office", 6.0),
        ("u2", "1.2", "lead", 6.0),
        ("u3", "1.1", "office", 8.0),
        ("u3", "1.2", "office", 6.0),
        ("u3", "1.2", "lead", 6.0),
    ];
    for (k, (u, i, s, v)) in rows.iter().enumerate() {
        let r = r0 + 1 + k as u32;
        sheet.write_string(r, c0, *u).unwrap();
        sheet.write_string(r, c0 + 1, *i).unwrap();
        sheet.write_string(r, c0 + 2, *s).unwrap();
        if bad_score && k == 1 {
            sheet.write_string(r, c0 + 3, "二十六").unwrap();
        } else {
            sheet.write_number(r, c0 + 3, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// The daily records as a workbook with a real date cell.
fn daily_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["date", "unit", "item", "kind", "points", "method"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = ExcelDateTime::from_ymd(2020, 5, 19).unwrap();
    sheet
        .write_datetime_with_format(1, 0, &date, &Format::new().set_num_format("yyyy-mm-dd"))
        .unwrap();
    sheet.write_string(1, 1, "u1").unwrap();
    sheet.write_number(1, 2, 1.1).unwrap(); // an item id typed as a number
    sheet.write_string(1, 3, "核减").unwrap();
    sheet.write_number(1, 4, 0.5).unwrap();
    sheet.write_string(1, 5, "随机抽查").unwrap();
    book.save_to_buffer().unwrap()
}

fn xlsx_case(annual: Vec<u8>, extra: &[&str]) -> Case {
    let mut args = vec![
        "score",
        "--rubric",
        "r.toml",
        "--annual",
        "annual.xlsx",
        "--daily",
        "daily.data",
        "--format",
        "csv",
    ];
    args.extend(extra);
    // The daily workbook has no .xlsx name: the content tells what it is.
    Case::new()
        .file("r.toml", RUBRIC)
        .file("annual.xlsx", annual)
        .file("daily.data", daily_workbook())
        .args(&args)
}

#[test]
fn workbooks_score_as_the_same_data_in_csv() {
    xlsx_case(annual_workbook(false), &["--sheet", "年度得分"]).stdout(EXPECTED);
}

#[test]
fn a_bad_cell_names_the_workbook_sheet_and_cell() {
    let case = xlsx_case(annual_workbook(true), &["--sheet", "年度得分"]);
    case.fails(
        "error: annual.xlsx[年度得分]!F5: score \"二十六\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators), or n/a when the item does not apply
assess: 1 problem found; nothing was computed and no file was written
",
    );
    case.fails_zh(
        "错误：annual.xlsx[年度得分]!F5：得分“二十六”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）；如该项目对本单位不适用，请填写“不涉及”。
assess：共发现 1 处问题，未进行计算，也未写出任何文件。
",
    );
}

#[test]
fn an_unknown_sheet_lists_the_sheets() {
    let case = xlsx_case(annual_workbook(false), &["--sheet", "年度得"]);
    case.fails(
        "error: annual.xlsx: no sheet named \"年度得\" (did you mean \"年度得分\"?); the sheets are: 说明, 年度得分 (choose one with --sheet)
assess: 1 problem found; nothing was computed and no file was written
",
    );
    case.fails_zh(
        "错误：annual.xlsx：工作簿中没有名为“年度得”的工作表（是否应为“年度得分”？），现有工作表为：说明、年度得分，请用 --sheet 选择其中一张。
assess：共发现 1 处问题，未进行计算，也未写出任何文件。
",
    );
}

/// Without --sheet every sheet is read but the instructions (说明), which
/// `check` lists as left out.
#[test]
fn every_sheet_but_the_instructions_is_read() {
    xlsx_case(annual_workbook(false), &[]).stdout(EXPECTED);
    let out = Case::new()
        .file("r.toml", RUBRIC)
        .file("annual.xlsx", annual_workbook(false))
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "annual.xlsx",
            "--allow-missing",
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        "r.toml：考核细则 t，共 3 个考核对象、2 项考核内容、4 个考核项目
annual.xlsx[年度得分]：年度考核得分，共 9 行，涉及 3 个单位、2 个项目
annual.xlsx[说明]：未读取（说明页）
",
    );
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The test year, scored with the given flags (no --format of its own).
fn scored(annual: &str, daily: &str, flags: &[&str]) -> Case {
    let mut args = vec![
        "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
    ];
    args.extend(flags);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&args)
}

#[test]
fn the_xlsx_report_holds_typed_cells() {
    let case = scored(
        &FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,7"),
        &format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
        &["--format", "xlsx", "--output", "out.xlsx"],
    );
    let out = case.run();
    assert_eq!(
        (out.status, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let mut book = calamine::open_workbook_auto(case.path("out.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), vec!["t", "项目得分", "来源"]);
    let t = book.worksheet_range("t").unwrap();
    assert_eq!(cell(&t, 0, 0), Data::String("测试细则（2020 年度）".into()));
    let header: Vec<Data> = (0..9).map(|c| cell(&t, 1, c)).collect();
    let want: Vec<Data> = [
        "名次",
        "单位",
        "政务公开",
        "放管服",
        "核减",
        "核加",
        "总分",
        "等次",
        "备注",
    ]
    .iter()
    .map(|s| Data::String(s.to_string()))
    .collect();
    assert_eq!(header, want);
    // Ranks: 二县 and 三县 18 (1, 1; 三县 vetoed), 一县 17 (3).
    assert_eq!(cell(&t, 2, 0), Data::Float(1.0));
    assert_eq!(cell(&t, 2, 1), Data::String("二县".into()));
    assert_eq!(cell(&t, 2, 6), Data::Float(18.0));
    assert_eq!(cell(&t, 2, 7), Data::String("优秀".into()));
    assert_eq!(cell(&t, 3, 1), Data::String("三县".into()));
    assert_eq!(cell(&t, 3, 7), Data::String("不合格".into()));
    assert_eq!(cell(&t, 3, 8), Data::String("一票否决".into()));
    assert_eq!(cell(&t, 4, 1), Data::String("一县".into()));
    assert_eq!(cell(&t, 4, 2), Data::Float(13.0));
    assert_eq!(cell(&t, 4, 6), Data::Float(17.0));
    let items = book.worksheet_range("项目得分").unwrap();
    assert_eq!(items.get_size(), (13, 13)); // header + 3 units x 4 items
    assert_eq!(cell(&items, 1, 2), Data::String("二县".into()));
    assert_eq!(cell(&items, 0, 4), Data::String("所属分组指标".into()));
    assert_eq!(cell(&items, 1, 11), Data::Float(8.0));
    assert_eq!(cell(&items, 0, 12), Data::String("是否涉及".into()));
    assert_eq!(cell(&items, 1, 12), Data::String("是".into()));
    let prov = book.worksheet_range("来源").unwrap();
    assert_eq!(cell(&prov, 0, 0), Data::String("计分工具".into()));
    assert_eq!(
        cell(&prov, 0, 1),
        Data::String(format!("assess {}", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(cell(&prov, 1, 1), Data::String("否".into()));
    assert_eq!(cell(&prov, 4, 0), Data::String("考核细则".into()));
    assert_eq!(cell(&prov, 4, 1), Data::String("r.toml".into()));
    assert_eq!(cell(&prov, 5, 0), Data::String("年度考核得分".into()));
    // Below the table, what its marks mean.
    assert_eq!(
        cell(&t, 6, 0),
        Data::String("一票否决：等次定为最低等次，名次仍按总分排列。".into())
    );
}

/// Every text cell of a sheet.
fn strings(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_xlsx_report_in_english() {
    let case = scored(
        &FULL_ANNUAL
            .replace("u1,1.1,office,8", "u1,1.1,office,7")
            .replace(
                "u2,1.2,office,6\nu2,1.2,lead,6",
                "u2,1.2,office,n/a\nu2,1.2,lead,n/a",
            ),
        &format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
        &["--format", "xlsx", "--output", "out.xlsx", "--lang", "en"],
    );
    let out = case.run();
    assert_eq!(
        (out.status, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let mut book = calamine::open_workbook_auto(case.path("out.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), vec!["t", "Items", "Provenance"]);
    let t = book.worksheet_range("t").unwrap();
    assert_eq!(cell(&t, 0, 0), Data::String("测试细则 (2020)".into()));
    let header: Vec<Data> = (0..9).map(|c| cell(&t, 1, c)).collect();
    let want: Vec<Data> = [
        "Rank",
        "Unit",
        "政务公开",
        "放管服",
        "Deducted",
        "Added",
        "Total",
        "Grade",
        "Notes",
    ]
    .iter()
    .map(|s| Data::String(s.to_string()))
    .collect();
    assert_eq!(header, want);
    // 三县 18, vetoed; 二县: 1.2 n/a, 12 of 14 rescaled to 17.14 (good); 一县 17.
    assert_eq!(cell(&t, 2, 1), Data::String("三县".into()));
    assert_eq!(cell(&t, 2, 7), Data::String("fail".into()));
    assert_eq!(cell(&t, 2, 8), Data::String("veto".into()));
    assert_eq!(cell(&t, 3, 1), Data::String("二县".into()));
    assert_eq!(cell(&t, 3, 7), Data::String("good".into()));
    assert_eq!(cell(&t, 3, 8), Data::String("rescaled".into()));
    let items = book.worksheet_range("Items").unwrap();
    let prov = book.worksheet_range("Provenance").unwrap();
    assert_eq!(cell(&prov, 4, 0), Data::String("rubric".into()));
    assert_eq!(cell(&prov, 5, 0), Data::String("annual".into()));
    // No Chinese but the rubric's own names and titles.
    let values = [
        "测试细则",
        "政务公开",
        "放管服",
        "组织领导",
        "政策解读",
        "网站监测",
        "创新加分",
        "一县",
        "二县",
        "三县",
    ];
    for s in strings(&t)
        .into_iter()
        .chain(strings(&items))
        .chain(strings(&prov))
    {
        let own = values.iter().fold(s.clone(), |s, v| s.replace(v, ""));
        assert!(
            !own.chars().any(|c| ('\u{2e80}'..='\u{9fff}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)),
            "a cell of the English workbook has Chinese of its own: {s}"
        );
    }
    assert!(strings(&t).iter().any(|s| s.starts_with("Rescaled: ")));
    assert!(strings(&items).iter().any(|s| s == "no (n/a)"));
}

#[test]
fn xlsx_needs_an_output_file() {
    let case = scored(FULL_ANNUAL, DAILY_HEADER, &["--format", "xlsx"]);
    case.fails("error: --format xlsx writes a workbook: name it with --output FILE.xlsx\n");
    case.fails_zh(
        "错误：--format xlsx 生成的是 Excel 工作簿，请用 --output 指定文件名，例如 --output 结果.xlsx。\n",
    );
}

#[test]
fn csv_with_a_bom_for_excel() {
    let out = csv_case(FULL_ANNUAL, DAILY_HEADER).args(&["--bom"]).run();
    assert!(out.stdout_bytes.starts_with(b"\xEF\xBB\xBFrubric,rank,"));
}

/// CSV is a machine format: the spec's columns and `true`/`false` under
/// `--lang zh` too (the workbook is where Chinese headers belong).
#[test]
fn csv_keeps_the_spec_columns_in_chinese_and_it_verifies() {
    let out = csv_case(
        FULL_ANNUAL,
        &format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
    )
    .args(&["--lang", "zh"])
    .run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    assert_text(
        &out.stdout,
        &format!(
            "{CSV_HEADER}t,1,u1,一县,18.00,excellent,优秀,0,0,false
t,1,u2,二县,18.00,excellent,优秀,0,0,false
t,1,u3,三县,18.00,fail,不合格,0,0,true
"
        ),
    );
    let english = csv_case(
        FULL_ANNUAL,
        &format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
    )
    .args(&["--lang", "en"])
    .run();
    assert_eq!(english.stdout, out.stdout);
    let verify = |lang: &str| {
        Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file(
                "d.csv",
                format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
            )
            .file("p.csv", &out.stdout)
            .args(&[
                "verify",
                "--rubric",
                "r.toml",
                "--annual",
                "a.csv",
                "--daily",
                "d.csv",
                "--published",
                "p.csv",
                "--lang",
                lang,
            ])
    };
    verify("en").stdout("3 units checked, 0 mismatches\n");
    verify("zh").stdout("共核对 3 个单位，全部一致。\n");
}

#[test]
fn table_in_chinese_with_its_marks() {
    scored(
        &FULL_ANNUAL.replace(
            "u2,1.2,office,6\nu2,1.2,lead,6",
            "u2,1.2,office,n/a\nu2,1.2,lead,n/a",
        ),
        &format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
        &[],
    )
    .stdout(
        "测试细则
┌──────┬──────┬──────────┬────────┬──────┬──────┬────────┬────────────────────┐
│ 名次 ┆ 单位 ┆ 政务公开 ┆ 放管服 ┆ 核减 ┆ 核加 ┆ 总分   ┆ 等次               │
╞══════╪══════╪══════════╪════════╪══════╪══════╪════════╪════════════════════╡
│    1 ┆ 一县 ┆    14.00 ┆   4.00 ┆    0 ┆    0 ┆  18.00 ┆ 优秀               │
│    1 ┆ 三县 ┆    14.00 ┆   4.00 ┆    0 ┆    0 ┆  18.00 ┆ 不合格（一票否决） │
│    3 ┆ 二县 ┆     8.00 ┆   4.00 ┆    0 ┆    0 ┆ 17.14* ┆ 良好               │
└──────┴──────┴──────────┴────────┴──────┴──────┴────────┴────────────────────┘
* 含不涉及项目，总分按适用项目得分折算为 20 分制。
一票否决：等次定为最低等次，名次仍按总分排列。
",
    );
}

#[test]
fn table_in_english_with_its_marks() {
    let annual = FULL_ANNUAL
        .replace(
            "u2,1.2,office,6\nu2,1.2,lead,6",
            "u2,1.2,office,n/a\nu2,1.2,lead,n/a",
        )
        .replace("u1,1.2,lead,6\n", "");
    let out = scored(
        &annual,
        &format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n"),
        &["--allow-missing", "--lang", "en"],
    )
    .run();
    assert_eq!(out.status, 0);
    assert_text(
        &out.stderr,
        "warning: the result is provisional: 1 annual score is missing and was counted as 0 (--allow-missing)\n",
    );
    assert_text(
        &out.stdout,
        "[PROVISIONAL] Some annual scores are missing and were counted as 0 (--allow-missing).

测试细则
┌──────┬──────┬──────────┬────────┬──────────┬───────┬────────┬─────────────┐
│ Rank ┆ Unit ┆ 政务公开 ┆ 放管服 ┆ Deducted ┆ Added ┆ Total  ┆ Grade       │
╞══════╪══════╪══════════╪════════╪══════════╪═══════╪════════╪═════════════╡
│    1 ┆ 三县 ┆    14.00 ┆   4.00 ┆        0 ┆     0 ┆  18.00 ┆ fail (veto) │
│    2 ┆ 二县 ┆     8.00 ┆   4.00 ┆        0 ┆     0 ┆ 17.14* ┆ good        │
│    3 ┆ 一县 ┆    11.00 ┆   4.00 ┆        0 ┆     0 ┆  15.00 ┆ good        │
└──────┴──────┴──────────┴────────┴──────────┴───────┴────────┴─────────────┘
* Some items do not apply (n/a); the total is rescaled to 20 from the applicable items.
Veto: the unit gets the lowest grade; its rank still follows its total.
",
    );
}

#[test]
fn table_in_english() {
    scored(FULL_ANNUAL, DAILY_HEADER, &["--lang", "en"]).stdout(
        "测试细则
┌──────┬──────┬──────────┬────────┬──────────┬───────┬───────┬───────────┐
│ Rank ┆ Unit ┆ 政务公开 ┆ 放管服 ┆ Deducted ┆ Added ┆ Total ┆ Grade     │
╞══════╪══════╪══════════╪════════╪══════════╪═══════╪═══════╪═══════════╡
│    1 ┆ 一县 ┆    14.00 ┆   4.00 ┆        0 ┆     0 ┆ 18.00 ┆ excellent │
│    1 ┆ 二县 ┆    14.00 ┆   4.00 ┆        0 ┆     0 ┆ 18.00 ┆ excellent │
│    1 ┆ 三县 ┆    14.00 ┆   4.00 ┆        0 ┆     0 ┆ 18.00 ┆ excellent │
└──────┴──────┴──────────┴────────┴──────────┴───────┴───────┴───────────┘
",
    );
}

#[test]
fn completions_and_manual_page() {
    let bash = Case::new().args(&["completions", "bash"]).run();
    assert_eq!(bash.status, 0);
    assert!(
        bash.stdout.contains("complete -F _assess") && bash.stdout.contains("--allow-missing"),
        "{}",
        bash.stdout
    );
    let man = Case::new().args(&["man"]).run();
    assert_eq!(man.status, 0);
    assert!(
        man.stdout.contains(".TH assess 1") && man.stdout.contains("explain"),
        "{}",
        man.stdout
    );
}

#[test]
fn no_colour_codes_anywhere() {
    // Whether or not NO_COLOR is set and whatever the terminal, output is plain text.
    let out = scored(FULL_ANNUAL, DAILY_HEADER, &[]).run();
    assert!(!out.stdout.contains('\u{1b}'));
    let bad = csv_case(&FULL_ANNUAL.replace(",8\n", ",80\n"), DAILY_HEADER).run();
    assert!(!bad.stderr.contains('\u{1b}') && bad.stderr.starts_with("错误："));
}
