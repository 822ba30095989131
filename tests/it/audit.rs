//! The auditor's tools through the real binary: verify, explain, template
//! and rubric, on a small year worked out by hand.
//!
//! The year (test rubric, scale 20):
//! - 一县 u1: 1.1 = 7.5 − min(2 + 2, cap 3) = 4.50; 1.2 = 0.5 × 5.55 + 0.5 × 5.42
//!   = 5.485 -> 5.49; 2.1 = 4; 2.2 = min(1 + 1, cap 1.5) = 1.50; total 15.49 (良好).
//! - 二县 u2: 1.2 n/a; 8 + 4 + 0 = 12 of 14, rescaled 12 × 20 / 14 = 17.142… -> 17.14 (良好).
//! - 三县 u3: 6 + 6 + (4 − 5 -> 0) + 0 = 12.00, vetoed: 不合格, rank 3.

use crate::common;
use common::*;

const ANNUAL: &str = "unit,item,scorer,score
u1,1.1,office,7.5
u1,1.2,office,5.55
u1,1.2,lead,5.42
u2,1.1,office,8
u2,1.2,office,n/a
u2,1.2,lead,不涉及
u3,1.1,office,6
u3,1.2,office,6
u3,1.2,lead,6
";

const DAILY: &str = "date,unit,item,kind,points,method,note
2020-03-01,u1,1.1,deduct,2,spot_check,第一次
2020-04-01,u1,1.1,deduct,2,daily_record,
2020-05-01,u1,2.2,add,1,material_filing,表扬
2020-06-01,u1,2.2,add,1,online_evaluation,
2020-07-01,u3,2.1,deduct,5,online_evaluation,网站无法访问
2020-09-09,u3,,veto,,special_inspection,泄密
";

const INPUTS: [&str; 6] = [
    "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
];

fn year(command: &[&str]) -> Case {
    let mut args = command.to_vec();
    args.extend(INPUTS);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", ANNUAL)
        .file("d.csv", DAILY)
        .args(&args)
}

fn verify(published: &str, extra: &[&str]) -> Outcome {
    let mut args = vec!["verify", "--published", "p.csv"];
    args.extend(extra);
    year(&args).file("p.csv", published).run()
}

#[test]
fn verify_passes_a_correct_publication_at_coarser_precision() {
    // 17.1 is 17.14 at one place, 15.5 is 15.49 at one place, 12 is 12.00 at none.
    let out = verify(
        "单位,总分,等次,名次\n二县,17.1,良好,1\n一县,15.5,良好,2\nu3,12,不合格,3\n",
        &[],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_text(&out.stdout, "共核对 3 个单位，全部一致。\n");
}

#[test]
fn verify_reports_each_mismatch_with_a_command_to_explain_it() {
    let out = verify(
        "单位,总分,等次,名次\n二县,17.15,良好,1\n一县,15.49,优秀,2\nu3,12.00,合格,3\n",
        &[],
    );
    assert_eq!(out.status, 1);
    assert_text(
        &out.stdout,
        "p.csv:2：二县（u2）总分不一致：公布 17.15，重算 17.14，相差 +0.01
    查看计算过程：assess explain u2 --rubric r.toml --annual a.csv --daily d.csv
p.csv:3：一县（u1）等次不一致：公布“优秀”，重算为 良好（good，总分 15.49）
    查看计算过程：assess explain u1 --rubric r.toml --annual a.csv --daily d.csv
p.csv:4：三县（u3）等次不一致：公布“合格”，重算为 不合格（fail，总分 12.00，一票否决）
    查看计算过程：assess explain u3 --rubric r.toml --annual a.csv --daily d.csv
共核对 3 个单位，发现 3 处不一致。
",
    );
}

#[test]
fn verify_finds_wrong_ranks_and_units_left_out() {
    let out = verify(
        "unit,total,rank\n二县,17.14,1\n一县,15.49,3\n",
        &["--lang", "en"],
    );
    assert_eq!(out.status, 1);
    assert_text(
        &out.stdout,
        "p.csv:3: 一县 (u1) rank: published 3, recomputed 2
    to see how it is computed: assess explain u1 --rubric r.toml --annual a.csv --daily d.csv
p.csv: 三县 (u3) is on the roster of rubric t but not published (recomputed total 12.00)
    to see how it is computed: assess explain u3 --rubric r.toml --annual a.csv --daily d.csv
3 units checked, 2 mismatches
",
    );
}

#[test]
fn verify_a_finer_published_total_must_match_exactly() {
    // 15.490 has three places: the recomputed total 15.49 is 15.490 there, a match;
    // 15.491 is not.
    let out = verify(
        "unit,total\nu1,15.490\nu2,17.14\nu3,12.001\n",
        &["--lang", "en"],
    );
    assert_eq!(out.status, 1);
    assert_text(
        &out.stdout,
        "p.csv:4: 三县 (u3) total: published 12.001, recomputed 12.000, difference +0.001
    to see how it is computed: assess explain u3 --rubric r.toml --annual a.csv --daily d.csv
3 units checked, 1 mismatch
",
    );
}

#[test]
fn the_csv_of_score_verifies_cleanly() {
    let scored = year(&["score", "--format", "csv"]).run();
    assert_eq!(scored.status, 0);
    let out = verify(&scored.stdout, &["--lang", "en"]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert_text(&out.stdout, "3 units checked, 0 mismatches\n");
}

#[test]
fn verify_refuses_a_bad_published_file() {
    let published = "unit,total\n四县,17.14\n一县,abc\n一县,15.49\nu2,1\nu2,2\n";
    let out = verify(published, &["--lang", "en"]);
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert_text(
        &out.stderr,
        "error: p.csv:2: unknown unit \"四县\" (did you mean \"一县\"?): name a unit of a rubric's roster by its id or its name
error: p.csv:3: total \"abc\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators)
error: p.csv:6: 二县 is published twice: first at p.csv:5; keep one row per unit
assess: 3 problems found; nothing was computed and no file was written
",
    );
    let out = verify(published, &[]);
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));
    assert_text(
        &out.stderr,
        "错误：p.csv:2：单位“四县”不在考核对象名单中（是否应为“一县”？），请填写名单中单位的编号或名称。
错误：p.csv:3：总分“abc”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）。
错误：p.csv:6：“二县”的公布结果重复出现，首次见 p.csv:5，每个单位只应有一行，请删除重复的行。
assess：共发现 3 处问题，未进行计算，也未写出任何文件。
",
    );
}

#[test]
fn explain_traces_every_number_of_a_unit() {
    year(&["explain", "u1"]).stdout(
        "单位：一县（u1）    r.toml:28
考核细则：t 测试细则，满分 20 分

1.1 组织领导（满分 8 分）
  年度考核得分：办公室（office）评 7.5 分，权重 1    a.csv:2
  基础分 = 1 × 7.5 = 7.5
  日常考核：2020-03-01 随机抽查 核减 2 分（第一次）    d.csv:2
  日常考核：2020-04-01 日常记录 核减 2 分    d.csv:3
  核减 4（上限 3）→ 3
  核加 0
  得分 = 7.5 − 3 + 0 = 4.5，限定在 0 至 8 之间 → 4.5，四舍五入保留 2 位小数 → 4.50

1.2 政策解读（满分 6 分）
  年度考核得分：办公室（office）评 5.55 分，权重 0.5    a.csv:3
  年度考核得分：牵头单位（lead）评 5.42 分，权重 0.5    a.csv:4
  基础分 = 0.5 × 5.55 + 0.5 × 5.42 = 5.485
  核减 0
  核加 0
  得分 = 5.485 − 0 + 0 = 5.485，限定在 0 至 6 之间 → 5.485，四舍五入保留 2 位小数 → 5.49

2.1 网站监测（满分 4 分）
  基础分 = 4（扣分制，从满分起扣）
  核减 0
  核加 0
  得分 = 4 − 0 + 0 = 4，限定在 0 至 4 之间 → 4，四舍五入保留 2 位小数 → 4.00

2.2 创新加分（满分 2 分）
  基础分 = 0（加分项，从 0 分起加）
  日常考核：2020-05-01 材料报备 核加 1 分（表扬）    d.csv:4
  日常考核：2020-06-01 网上评测 核加 1 分    d.csv:5
  核减 0
  核加 2（上限 1.5）→ 1.5
  得分 = 0 − 0 + 1.5 = 1.5，限定在 0 至 2 之间 → 1.5，四舍五入保留 2 位小数 → 1.50

政务公开小计：9.99 = 4.50 + 5.49
放管服小计：5.50 = 4.00 + 1.50
总分 = 9.99 + 5.50 = 15.49
等次：良好（good），总分 15.49 ≥ 15
名次：第 2 名（本考核细则内总分高于本单位的有 1 个单位）
",
    );
}

#[test]
fn explain_shows_rescaling_in_english() {
    year(&["explain", "二县", "--lang", "en"]).stdout(
        "Unit: 二县 (u2)    r.toml:31
Rubric: t 测试细则, out of 20 points

1.1 组织领导 (max 8 points)
  annual score by 办公室 (office): 8, weight 1    a.csv:5
  base = 1 × 8 = 8
  deducted 0 (cap 3) → 0
  added 0
  score = 8 − 0 + 0 = 8; kept between 0 and 8 → 8; rounded half away from zero to 2 decimal places → 8.00

1.2 政策解读 (max 6 points)
  n/a for every scorer, counted in neither the score nor the maximum: a.csv:6, a.csv:7

2.1 网站监测 (max 4 points)
  base = 4 (deductions only: starts at the maximum)
  deducted 0
  added 0
  score = 4 − 0 + 0 = 4; kept between 0 and 4 → 4; rounded half away from zero to 2 decimal places → 4.00

2.2 创新加分 (max 2 points)
  base = 0 (additions only: starts at 0)
  deducted 0
  added 0 (cap 1.5) → 0
  score = 0 − 0 + 0 = 0; kept between 0 and 2 → 0; rounded half away from zero to 2 decimal places → 0.00

section 政务公开: 8.00 = 8.00
section 放管服: 4.00 = 4.00 + 0.00
total = round(12.00 × 20 ÷ 14) = 17.14    (some items n/a: rescaled to 20 from the applicable maxima)
grade: 良好 (good), as 17.14 ≥ 15
rank: 1 (no unit of the rubric has a higher total)
",
    );
}

#[test]
fn explain_shows_rescaling_in_chinese() {
    let out = year(&["explain", "二县"]).run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[8],
        "  得分 = 8 − 0 + 0 = 8，限定在 0 至 8 之间 → 8，四舍五入保留 2 位小数 → 8.00"
    );
    assert_eq!(
        lines[11],
        "  不涉及（各评分单位均填 n/a），不计入得分和满分：a.csv:6、a.csv:7"
    );
    assert_eq!(
        &lines[lines.len() - 5..],
        [
            "政务公开小计：8.00 = 8.00",
            "放管服小计：4.00 = 4.00 + 0.00",
            "总分 = 12.00 × 20 ÷ 14 → 17.14（含不涉及项目，按适用项目满分折算为 20 分制）",
            "等次：良好（good），总分 17.14 ≥ 15",
            "名次：第 1 名（本考核细则内没有总分更高的单位）",
        ]
    );
}

#[test]
fn explain_one_item_and_the_veto() {
    year(&["explain", "u3", "网站监测"]).stdout(
        "单位：三县（u3）    r.toml:34
考核细则：t 测试细则，满分 20 分

2.1 网站监测（满分 4 分）
  基础分 = 4（扣分制，从满分起扣）
  日常考核：2020-07-01 网上评测 核减 5 分（网站无法访问）    d.csv:6
  核减 5
  核加 0
  得分 = 4 − 5 + 0 = -1，限定在 0 至 4 之间 → 0，四舍五入保留 2 位小数 → 0.00
",
    );
    let whole = year(&["explain", "u3"]).run();
    assert_eq!(whole.status, 0);
    assert_text(
        whole
            .stdout
            .lines()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
        "名次：第 3 名（本考核细则内总分高于本单位的有 2 个单位）\n等次：不合格（fail），一票否决，定为最低等次：2020-09-09 专项检查（泄密）    d.csv:7",
    );
    let english = year(&["explain", "u3", "--lang", "en"]).run();
    assert_eq!(english.status, 0);
    assert_text(
        english
            .stdout
            .lines()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
        "rank: 3 (2 units of the rubric have a higher total)\ngrade: 不合格 (fail), the lowest, by a veto: 2020-09-09 special inspection (泄密)    d.csv:7",
    );
    let out = year(&["explain", "u3", "--format", "json"]).run();
    assert_eq!(out.status, 0);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "assess.explain.v1");
    assert_eq!(doc["total"], "12.00");
    assert_eq!(doc["grade"]["label"], "不合格");
    assert_eq!(doc["veto"][0]["at"], "d.csv:7");
    assert_eq!(doc["veto"][0]["note"], "泄密");
    assert_eq!(doc["rank"], 3);
    assert_eq!(doc["items"][2]["raw"], "-1");
    assert_eq!(doc["items"][2]["clamped"], "0");
    assert_eq!(doc["items"][2]["daily"][0]["at"], "d.csv:6");
    assert_eq!(doc["inputs"][0]["path"], "r.toml");
    // JSON is a machine format: the same in either language.
    let en = year(&["explain", "u3", "--format", "json", "--lang", "en"]).run();
    assert_eq!(en.stdout, out.stdout);
}

#[test]
fn explain_an_unknown_unit_suggests_one() {
    year(&["explain", "一"]).fails(
        "error: unknown unit \"一\" (did you mean \"一县\"?): name a unit of a rubric's roster by its id or its name
assess: 1 problem found; nothing was computed and no file was written
",
    );
    year(&["explain", "一"]).fails_zh(
        "错误：未找到单位“一”（是否应为“一县”？），请填写考核细则名单上某个单位的编号或名称。
assess：共发现 1 处问题，未进行计算，也未写出任何文件。
",
    );
}

#[test]
fn explain_an_unknown_item_suggests_one() {
    year(&["explain", "u1", "组织"]).fails(
        "error: unknown item \"组织\" of rubric t (did you mean \"组织领导\"?): name an item by its id or its title
assess: 1 problem found; nothing was computed and no file was written
",
    );
    year(&["explain", "u1", "组织"]).fails_zh(
        "错误：考核细则 t 中没有项目“组织”（是否应为“组织领导”？），请填写项目的编号或名称。
assess：共发现 1 处问题，未进行计算，也未写出任何文件。
",
    );
}

#[test]
fn templates_in_chinese_and_english() {
    let t = |args: &[&str]| {
        let mut a = vec!["template"];
        a.extend(args);
        a.extend(["--rubric", "r.toml"]);
        Case::new().file("r.toml", RUBRIC).args(&a)
    };
    t(&["annual"]).stdout(
        "单位,项目,评分单位,得分,备注
一县,组织领导,办公室,,
一县,政策解读,办公室,,
一县,政策解读,牵头单位,,
二县,组织领导,办公室,,
二县,政策解读,办公室,,
二县,政策解读,牵头单位,,
三县,组织领导,办公室,,
三县,政策解读,办公室,,
三县,政策解读,牵头单位,,
",
    );
    t(&["published", "--lang", "en"]).stdout("unit,total,grade,rank\nu1,,,\nu2,,,\nu3,,,\n");
    t(&["daily"]).stdout("日期,单位,项目,类型,分值,方式,说明,规则,次数\n");
    let bom = t(&["daily", "--lang", "en", "--bom"]).run();
    assert_eq!(
        bom.stdout_bytes,
        b"\xEF\xBB\xBFdate,unit,item,kind,points,method,note,rule,count\n"
    );
}

#[test]
fn a_filled_template_scores() {
    let template = Case::new()
        .file("r.toml", RUBRIC)
        .args(&["template", "annual", "--rubric", "r.toml"])
        .run();
    let filled: String = template
        .stdout
        .lines()
        .enumerate()
        .map(|(n, l)| {
            if n == 0 {
                format!("{l}\n")
            } else {
                format!("{}6,\n", &l[..l.len() - 1])
            }
        })
        .collect();
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", filled)
        .args(&["score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv"])
        .stdout(&format!(
            "{CSV_HEADER}t,1,u1,一县,16.00,good,良好,0,0,false,false,false\nt,1,u2,二县,16.00,good,良好,0,0,false,false,false\nt,1,u3,三县,16.00,good,良好,0,0,false,false,false\n"
        ));
}

#[test]
fn rubric_prints_the_standard() {
    Case::new().file("r.toml", RUBRIC).args(&["rubric", "--rubric", "r.toml"]).stdout(
        "测试细则
编号 t，2020 年度，满分 20 分，保留 2 位小数，并列占位排名（如 1、2、2、4），考核周期 2020-01-01 至 2020-12-31
等次：优秀（excellent）≥ 18 分；良好（good）≥ 15 分；合格（pass）≥ 12 分；不合格（fail）≥ 0 分
评分单位：办公室（office）；牵头单位（lead）

政务公开（14 分）
  1.1 组织领导  8 分  办公室 ×1；扣分上限 3 分
  1.2 政策解读  6 分  办公室 ×0.5，牵头单位 ×0.5

放管服（6 分）
  2.1 网站监测  4 分  仅日常考核，从满分起扣（扣分制）
  2.2 创新加分  2 分  仅日常考核，从 0 分起加（加分项）；加分上限 1.5 分

考核对象（3 个）：一县（u1）、二县（u2）、三县（u3）
",
    );
}

#[test]
fn rubric_prints_the_standard_in_english() {
    Case::new()
        .file(
            "r.toml",
            RUBRIC
                .replace("max = 2\n", "max = 1\n")
                .replace("total = 20\n", "total = 19\n"),
        )
        .args(&["rubric", "--rubric", "r.toml", "--lang", "en"])
        .stdout(
            "测试细则
id t, year 2020, out of 19 points, 2 decimal places, competition ranking (1, 2, 2, 4), period 2020-01-01 to 2020-12-31
grades: 优秀 (excellent) ≥ 18; 良好 (good) ≥ 15; 合格 (pass) ≥ 12; 不合格 (fail) ≥ 0
scorers: 办公室 (office); 牵头单位 (lead)

政务公开 (14 points)
  1.1 组织领导  8 points  办公室 ×1; max deduction 3
  1.2 政策解读  6 points  办公室 ×0.5, 牵头单位 ×0.5

放管服 (5 points)
  2.1 网站监测  4 points  daily records only, starting at the maximum (deductions)
  2.2 创新加分  1 point  daily records only, starting at 0 (additions); max addition 1.5

Units (3): 一县 (u1), 二县 (u2), 三县 (u3)
",
        );
}

#[test]
fn rubric_as_markdown() {
    Case::new()
        .file("r.toml", RUBRIC)
        .args(&["rubric", "--rubric", "r.toml", "--format", "markdown", "--lang", "en"])
        .stdout(
            "# 测试细则

- id t, year 2020, out of 20 points, 2 decimal places, competition ranking (1, 2, 2, 4), period 2020-01-01 to 2020-12-31
- grades: 优秀 (excellent) ≥ 18; 良好 (good) ≥ 15; 合格 (pass) ≥ 12; 不合格 (fail) ≥ 0
- scorers: 办公室 (office); 牵头单位 (lead)

## 政务公开 (14 points)

| id | item | points | scored by | caps | criteria |
|---|---|--:|---|---|---|
| 1.1 | 组织领导 | 8 | 办公室 ×1 | max deduction 3 |  |
| 1.2 | 政策解读 | 6 | 办公室 ×0.5, 牵头单位 ×0.5 |  |  |

## 放管服 (6 points)

| id | item | points | scored by | caps | criteria |
|---|---|--:|---|---|---|
| 2.1 | 网站监测 | 4 | daily records only, starting at the maximum (deductions) |  |  |
| 2.2 | 创新加分 | 2 | daily records only, starting at 0 (additions) | max addition 1.5 |  |

## Units

| id | unit | aliases |
|---|---|---|
| u1 | 一县 |  |
| u2 | 二县 |  |
| u3 | 三县 |  |
",
        );
}

#[test]
fn rubric_as_markdown_in_chinese() {
    Case::new()
        .file("r.toml", RUBRIC)
        .args(&["rubric", "--rubric", "r.toml", "--format", "markdown"])
        .stdout(
            "# 测试细则

- 编号 t，2020 年度，满分 20 分，保留 2 位小数，并列占位排名（如 1、2、2、4），考核周期 2020-01-01 至 2020-12-31
- 等次：优秀（excellent）≥ 18 分；良好（good）≥ 15 分；合格（pass）≥ 12 分；不合格（fail）≥ 0 分
- 评分单位：办公室（office）；牵头单位（lead）

## 政务公开（14 分）

| 编号 | 考核项目 | 分值 | 评分方式 | 扣加分上限 | 评分标准 |
|---|---|--:|---|---|---|
| 1.1 | 组织领导 | 8 | 办公室 ×1 | 扣分上限 3 分 |  |
| 1.2 | 政策解读 | 6 | 办公室 ×0.5，牵头单位 ×0.5 |  |  |

## 放管服（6 分）

| 编号 | 考核项目 | 分值 | 评分方式 | 扣加分上限 | 评分标准 |
|---|---|--:|---|---|---|
| 2.1 | 网站监测 | 4 | 仅日常考核，从满分起扣（扣分制） |  |  |
| 2.2 | 创新加分 | 2 | 仅日常考核，从 0 分起加（加分项） | 加分上限 1.5 分 |  |

## 考核对象

| 编号 | 单位 | 简称 |
|---|---|---|
| u1 | 一县 |  |
| u2 | 二县 |  |
| u3 | 三县 |  |
",
        );
}

#[test]
fn an_unknown_rubric_id_suggests_one() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .args(&["rubric", "--rubric", "r.toml", "--id", "tt"]);
    case.fails(
        "error: no rubric has the id \"tt\" (did you mean \"t\"?): the rubrics loaded are t
assess: 1 problem found; nothing was computed and no file was written
",
    );
    case.fails_zh(
        "错误：没有编号为“tt”的考核细则（是否应为“t”？）；已载入的考核细则：t。
assess：共发现 1 处问题，未进行计算，也未写出任何文件。
",
    );
}

/// Provenance: the JSON records each file's sha256, and an embedded rubric
/// prints as exactly the bytes its digest names, so an auditor can check it
/// without the source tree.
#[test]
fn digests_name_the_bytes_that_were_read() {
    use sha2::Digest;
    let digest = |b: &[u8]| {
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let example = format!("{root}/examples/2020");
    let scored = Case::new()
        .args(&[
            "score",
            "--format",
            "json",
            "--annual",
            &format!("{example}/annual-office.xlsx"),
            "--annual",
            &format!("{example}/annual-lead-counties.csv"),
            "--annual",
            &format!("{example}/annual-lead-departments.csv"),
            "--annual",
            &format!("{example}/annual-service-center.csv"),
            "--daily",
            &format!("{example}/daily.csv"),
        ])
        .run();
    let doc: serde_json::Value = serde_json::from_str(&scored.stdout).unwrap();
    for (k, id) in ["counties", "departments"].iter().enumerate() {
        let printed = Case::new()
            .args(&["rubric", "--format", "toml", "--id", id])
            .run();
        let shipped = std::fs::read(format!("{root}/rubrics/{id}.toml")).unwrap();
        assert_eq!(printed.stdout_bytes, shipped);
        assert_eq!(
            doc["inputs"][k]["path"],
            format!("embedded:rubrics/{id}.toml")
        );
        assert_eq!(doc["inputs"][k]["sha256"], digest(&shipped));
        assert_eq!(doc["rubrics"][k]["sha256"], digest(&shipped));
    }
    let files = [
        "annual-office.xlsx",
        "annual-lead-counties.csv",
        "annual-lead-departments.csv",
        "annual-service-center.csv",
        "daily.csv",
    ];
    for (k, f) in files.iter().enumerate() {
        let input = &doc["inputs"][k + 2];
        assert_eq!(input["path"], format!("{example}/{f}"));
        assert_eq!(input["role"], if k < 4 { "annual" } else { "daily" });
        assert_eq!(
            input["sha256"],
            digest(&std::fs::read(format!("{example}/{f}")).unwrap())
        );
    }
}

/// The Chinese of the test year's inputs (names, titles, labels, notes),
/// which either language quotes as written; longest first, so that 不合格
/// goes before 合格.
const INPUT_VALUES: [&str; 21] = [
    "网站无法访问",
    "测试细则",
    "牵头单位",
    "政务公开",
    "组织领导",
    "政策解读",
    "网站监测",
    "创新加分",
    "办公室",
    "不合格",
    "放管服",
    "第一次",
    "优秀",
    "优良",
    "良好",
    "合格",
    "一县",
    "二县",
    "三县",
    "表扬",
    "泄密",
];

fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// A line without the values quoted from the inputs.
fn own_words(line: &str) -> String {
    INPUT_VALUES
        .iter()
        .fold(line.to_string(), |l, v| l.replace(v, ""))
}

/// English output: no Chinese but the inputs' own.
fn assert_english(what: &str, text: &str) {
    let chinese: Vec<&str> = text
        .lines()
        .filter(|l| own_words(l).chars().any(is_cjk))
        .collect();
    assert!(
        chinese.is_empty(),
        "{what} in English has Chinese of its own:\n{}",
        chinese.join("\n")
    );
}

/// Whether a line holds English prose: two words of letters in a row
/// (ids, file names and flags stand alone).
fn has_english_prose(line: &str) -> bool {
    let words: Vec<bool> = line
        .split([' ', ':', ',', '(', ')', '|'])
        .filter(|w| !w.is_empty())
        .map(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    words.windows(2).any(|w| w[0] && w[1])
}

/// Chinese output: Chinese of its own, and no line of English prose
/// without it (ids, numbers, input values and table rules are no prose).
fn assert_chinese(what: &str, text: &str) {
    assert!(
        own_words(text).chars().any(is_cjk),
        "{what} in Chinese has no Chinese of its own:\n{text}"
    );
    let english: Vec<&str> = text
        .lines()
        .filter(|l| {
            let own = own_words(l);
            has_english_prose(&own) && !own.chars().any(is_cjk)
        })
        .collect();
    assert!(
        english.is_empty(),
        "{what} in Chinese has lines in English:\n{}",
        english.join("\n")
    );
}

/// Every command, in both languages: Chinese by default, English with
/// `--lang en`, never both at once; stdout and stderr alike.
#[test]
fn every_command_speaks_the_language_of_the_run() {
    let missing = ANNUAL.replace("u1,1.2,lead,5.42\n", "");
    let published = "单位,总分,等次,名次\n二县,17.15,良好,1\n一县,15.49,优良,3\nu3,12.00,合格,3\n";
    let commands: &[&[&str]] = &[
        &["score"],
        &["score", "--annual", "m.csv", "--allow-missing"],
        &["check"],
        &["check", "--annual", "m.csv", "--allow-missing"],
        &["verify", "--published", "p.csv"],
        &["verify", "--published", "q.csv"],
        &["explain", "u1"],
        &["explain", "u2"],
        &["explain", "u3"],
        &["explain", "u1", "--annual", "m.csv", "--allow-missing"],
        &["explain", "u9"],
        &["explain", "u1", "1.9"],
        &["template", "annual"],
        &["template", "daily"],
        &["template", "published"],
        &["rubric"],
        &["rubric", "--format", "markdown"],
        &["rubric", "--id", "tt"],
        &["score", "--format", "xlsx"],
    ];
    for command in commands {
        for english in [false, true] {
            let mut args = command.to_vec();
            if !args.contains(&"--annual") && !matches!(args[0], "template" | "rubric") {
                args.extend(["--annual", "a.csv"]);
            }
            args.extend(["--rubric", "r.toml", "--daily", "d.csv"]);
            if matches!(args[0], "template" | "rubric") {
                args.truncate(args.len() - 2);
            }
            if english {
                args.extend(["--lang", "en"]);
            }
            let out = Case::new()
                .file("r.toml", RUBRIC)
                .file("a.csv", ANNUAL)
                .file("m.csv", &missing)
                .file("d.csv", DAILY)
                .file("p.csv", published)
                .file("q.csv", "unit,total\n二县,17.14\n")
                .args(&args)
                .run();
            let what = args.join(" ");
            let text = format!("{}{}", out.stdout, out.stderr);
            assert!(!text.trim().is_empty(), "{what} says nothing");
            if english {
                assert_english(&what, &text);
            } else {
                assert_chinese(&what, &text);
            }
        }
    }
}
