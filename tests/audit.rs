//! The auditor's tools through the real binary: verify, explain, template
//! and rubric, on a small year worked out by hand.
//!
//! The year (test rubric, scale 20):
//! - 一县 u1: 1.1 = 7.5 − min(2 + 2, cap 3) = 4.50; 1.2 = 0.5 × 5.55 + 0.5 × 5.42
//!   = 5.485 -> 5.49; 2.1 = 4; 2.2 = min(1 + 1, cap 1.5) = 1.50; total 15.49 (良好).
//! - 二县 u2: 1.2 n/a; 8 + 4 + 0 = 12 of 14, rescaled 12 × 20 / 14 = 17.142… -> 17.14 (良好).
//! - 三县 u3: 6 + 6 + (4 − 5 -> 0) + 0 = 12.00, vetoed: 不合格, rank 3.

mod common;
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
    assert_text(
        &out.stdout,
        "共核对 3 个单位，发现 0 处不一致（3 units checked, 0 mismatches）\n",
    );
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
        "p.csv:2: 二县 (u2) 总分不一致：公布 17.15，重算 17.14，相差 +0.01
    查看计算过程：assess explain u2 --rubric r.toml --annual a.csv --daily d.csv
p.csv:3: 一县 (u1) 等次不一致：公布 优秀，重算 良好（总分 15.49）
    查看计算过程：assess explain u1 --rubric r.toml --annual a.csv --daily d.csv
p.csv:4: 三县 (u3) 等次不一致：公布 合格，重算 不合格（总分 12.00，一票否决）
    查看计算过程：assess explain u3 --rubric r.toml --annual a.csv --daily d.csv
共核对 3 个单位，发现 3 处不一致（3 units checked, 3 mismatches）
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
3 units checked, 1 mismatches
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
error: p.csv:3: total \"abc\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators, no full-width digits)
error: p.csv:6: 二县 is published twice: first at p.csv:5; keep one row per unit
assess: 3 problems found; nothing was computed and no file was written
",
    );
    let out = verify(published, &[]);
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));
    assert_text(
        &out.stderr,
        "错误：p.csv:2：单位“四县”不在考核对象名单中（是否应为“一县”？），请填写名单中单位的编号或名称。
错误：p.csv:3：总分“abc”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法、千位分隔符或全角数字）。
错误：p.csv:6：“二县”的公布结果重复出现，首次见 p.csv:5，每个单位只应有一行，请删除重复的行。
assess：共发现 3 处问题，未进行计算，也未写出任何文件。
",
    );
}

#[test]
fn explain_traces_every_number_of_a_unit() {
    year(&["explain", "u1"]).stdout(
        "单位 一县 (u1)    r.toml:28
细则 t 测试细则    满分 20

1.1 组织领导    满分 8
  年度得分 办公室 (office) × 1: 7.5    a.csv:2
  基础分 = 1 × 7.5 = 7.5
  日常考核 2020-03-01 随机抽查 核减 2  第一次    d.csv:2
  日常考核 2020-04-01 日常记录 核减 2    d.csv:3
  核减 4（上限 3） → 3
  核加 0
  得分 = 7.5 − 3 + 0 = 4.5；限定在 0..8 → 4.5；四舍五入保留 2 位 → 4.50

1.2 政策解读    满分 6
  年度得分 办公室 (office) × 0.5: 5.55    a.csv:3
  年度得分 牵头单位 (lead) × 0.5: 5.42    a.csv:4
  基础分 = 0.5 × 5.55 + 0.5 × 5.42 = 5.485
  核减 0
  核加 0
  得分 = 5.485 − 0 + 0 = 5.485；限定在 0..6 → 5.485；四舍五入保留 2 位 → 5.49

2.1 网站监测    满分 4
  基础分 = 4（扣分制，从满分起扣）
  核减 0
  核加 0
  得分 = 4 − 0 + 0 = 4；限定在 0..4 → 4；四舍五入保留 2 位 → 4.00

2.2 创新加分    满分 2
  基础分 = 0（加分项，从 0 起加）
  日常考核 2020-05-01 材料报备 核加 1  表扬    d.csv:4
  日常考核 2020-06-01 网上评测 核加 1    d.csv:5
  核减 0
  核加 2（上限 1.5） → 1.5
  得分 = 0 − 0 + 1.5 = 1.5；限定在 0..2 → 1.5；四舍五入保留 2 位 → 1.50

小计 政务公开：9.99 = 4.50 + 5.49
小计 放管服：5.50 = 4.00 + 1.50
总分 = 9.99 + 5.50 = 15.49
等次 良好 (15.49 >= 15)
名次 2（本细则内总分高于本单位的有 1 个单位）
",
    );
}

#[test]
fn explain_shows_rescaling_in_english() {
    year(&["explain", "二县", "--lang", "en"]).stdout(
        "Unit 二县 (u2)    r.toml:31
Rubric t 测试细则    scale 20

1.1 组织领导    max 8
  annual 办公室 (office) × 1: 8    a.csv:5
  base = 1 × 8 = 8
  deducted 0 (cap 3) → 0
  added 0
  score = 8 − 0 + 0 = 8; clamped to 0..8 → 8; rounded half away from zero to 2 places → 8.00

1.2 政策解读    max 6
  n/a for every scorer, counted in neither sum: a.csv:6, a.csv:7

2.1 网站监测    max 4
  base = 4 (starts full: 扣分制)
  deducted 0
  added 0
  score = 4 − 0 + 0 = 4; clamped to 0..4 → 4; rounded half away from zero to 2 places → 4.00

2.2 创新加分    max 2
  base = 0 (starts at zero: 加分项)
  deducted 0
  added 0 (cap 1.5) → 0
  score = 0 − 0 + 0 = 0; clamped to 0..2 → 0; rounded half away from zero to 2 places → 0.00

section 政务公开: 8.00 = 8.00
section 放管服: 4.00 = 4.00 + 0.00
total = round(12.00 × 20 ÷ 14) = 17.14    (some items n/a: rescaled by the applicable maxima)
grade 良好 (17.14 >= 15)
rank 1 (0 units of the rubric have a higher total)
",
    );
}

#[test]
fn explain_one_item_and_the_veto() {
    year(&["explain", "u3", "网站监测"]).stdout(
        "单位 三县 (u3)    r.toml:34
细则 t 测试细则    满分 20

2.1 网站监测    满分 4
  基础分 = 4（扣分制，从满分起扣）
  日常考核 2020-07-01 网上评测 核减 5  网站无法访问    d.csv:6
  核减 5
  核加 0
  得分 = 4 − 5 + 0 = -1；限定在 0..4 → 0；四舍五入保留 2 位 → 0.00
",
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
}

#[test]
fn explain_an_unknown_unit_suggests_one() {
    year(&["explain", "一"]).fails(
        "error: unknown unit \"一\" (did you mean \"一县\"?): name a unit of a rubric's roster by its id or its name
assess: 1 problem found; nothing was computed and no file was written
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
    t(&["daily"]).stdout("日期,单位,项目,类型,分值,方式,说明\n");
    let bom = t(&["daily", "--lang", "en", "--bom"]).run();
    assert_eq!(
        bom.stdout_bytes,
        b"\xEF\xBB\xBFdate,unit,item,kind,points,method,note\n"
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
            "{CSV_HEADER}t,1,u1,一县,16.00,good,良好,0,0,false\nt,1,u2,二县,16.00,good,良好,0,0,false\nt,1,u3,三县,16.00,good,良好,0,0,false\n"
        ));
}

#[test]
fn rubric_prints_the_standard() {
    Case::new().file("r.toml", RUBRIC).args(&["rubric", "--rubric", "r.toml"]).stdout(
        "测试细则
编号 t，2020 年度，满分 20，保留 2 位小数，并列占位排名（1, 2, 2, 4），考核周期 2020-01-01 至 2020-12-31
等次：优秀 (excellent) ≥ 18；良好 (good) ≥ 15；合格 (pass) ≥ 12；不合格 (fail) ≥ 0
评分单位：办公室 (office)；牵头单位 (lead)

政务公开  14 分
  1.1 组织领导  8 分  办公室 ×1；扣分上限 3
  1.2 政策解读  6 分  办公室 ×0.5，牵头单位 ×0.5

放管服  6 分
  2.1 网站监测  4 分  仅日常考核，从满分起扣（扣分制）
  2.2 创新加分  2 分  仅日常考核，从 0 分起加（加分项）；加分上限 1.5

考核对象（3）：一县 (u1)、二县 (u2)、三县 (u3)
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

- id t, year 2020, scale 20, 2 decimal places, competition ranking (1, 2, 2, 4), period 2020-01-01 to 2020-12-31
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
| 2.1 | 网站监测 | 4 | daily records only, from the max (扣分制) |  |  |
| 2.2 | 创新加分 | 2 | daily records only, from 0 (加分项) | max addition 1.5 |  |

## Units

| id | unit |
|---|---|
| u1 | 一县 |
| u2 | 二县 |
| u3 | 三县 |
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
            &format!("{example}/annual-office.csv"),
            "--annual",
            &format!("{example}/annual-lead.csv"),
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
        "annual-office.csv",
        "annual-lead.csv",
        "annual-service-center.csv",
        "daily.csv",
    ];
    for (k, f) in files.iter().enumerate() {
        let input = &doc["inputs"][k + 2];
        assert_eq!(input["path"], format!("{example}/{f}"));
        assert_eq!(input["role"], if k < 3 { "annual" } else { "daily" });
        assert_eq!(
            input["sha256"],
            digest(&std::fs::read(format!("{example}/{f}")).unwrap())
        );
    }
}
