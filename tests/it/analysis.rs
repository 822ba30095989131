//! The analysis report (`分析报告.html` of `publish`, issue 22 item 5): its
//! text sections (一、总体情况 to 四、下步建议) against numbers worked by hand
//! on a small year and on the example year; bonus lines never ranked as
//! losses; the vetoed unit marked in every chart of units; grades coloured
//! calm to alarming; the daily records' counted points; provenance only in
//! the appendix; and the print layout in headless Chromium (A4, page
//! numbers, no near-empty page).

use crate::common::{Case, RUBRIC, unescape};
use rust_decimal::Decimal;
use std::path::Path;
use std::process::Command;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("a decimal: {s}"))
}

fn example(name: &str) -> String {
    format!("{}/examples/2020/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The example year's inputs as flags, with last year's result.
fn example_inputs() -> Vec<String> {
    let mut args = Vec::new();
    for f in [
        "annual-office.csv",
        "annual-lead.csv",
        "annual-service-center.csv",
    ] {
        args.extend(["--annual".to_string(), example(f)]);
    }
    args.extend(["--daily".to_string(), example("daily.csv")]);
    args.extend(["--previous".to_string(), example("previous-2019.json")]);
    args
}

/// Runs the binary in the case's folder, in Chinese unless `lang` says.
fn run(case: &Case, args: &[String], lang: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG"] {
        cmd.env_remove(var);
    }
    if let Some(lang) = lang {
        cmd.env("ASSESS_LANG", lang);
    }
    let o = cmd
        .args(args)
        .current_dir(case.dir())
        .output()
        .expect("the binary runs");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Publishes into `out` and returns the report's HTML.
fn report(case: &Case, inputs: &[String], out: &str, lang: Option<&str>) -> String {
    let mut args = vec!["publish".to_string()];
    args.extend(inputs.iter().cloned());
    args.extend(["-o".to_string(), out.to_string()]);
    let (status, _, stderr) = run(case, &args, lang);
    assert_eq!(status, 0, "{stderr}");
    std::fs::read_to_string(case.path(out).join("分析报告.html")).expect("the report")
}

/// The text of an HTML fragment: tags dropped, a line per paragraph, list
/// item, heading and table row, cells apart by ` | `.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..end];
        if ["</p>", "</li>", "</h2>", "</h3>", "</h4>", "</h5>", "</tr>"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            out.push('\n');
        } else if tag.starts_with("</td>") || tag.starts_with("</th>") {
            out.push_str(" | ");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    unescape(&out)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A part of the page (`overview`, `achievements`, `problems`, `advice`,
/// `figures`, `sources`) as HTML.
fn part<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no part {id}"));
    let end = html[start..].find("</section>").expect("the part ends") + start;
    &html[start..end]
}

/// A chart's SVG by its `data-chart`.
fn chart<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("data-chart=\"{id}\""))
        .unwrap_or_else(|| panic!("no chart {id}"));
    let start = html[..at].rfind("<svg").expect("an svg");
    let end = html[at..].find("</svg>").expect("the svg ends") + at;
    &html[start..end]
}

/// Every chart's id and SVG.
fn charts(html: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("data-chart=\"") {
        let id: String = rest[i + 12..].chars().take_while(|c| *c != '"').collect();
        out.push((id.clone(), chart(html, &id)));
        rest = &rest[i + 12..];
    }
    out
}

/// The texts written in an SVG, in order.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text ") {
        let body = &rest[i..];
        let open = body.find('>').expect("a text element") + 1;
        let close = body.find("</text>").expect("the text ends");
        out.push(unescape(&body[open..close]));
        rest = &body[close..];
    }
    out
}

/// Asserts each sentence is in the text, showing the text when one is not.
fn says(text: &str, sentences: &[&str]) {
    for s in sentences {
        assert!(text.contains(s), "missing:\n  {s}\nin:\n{text}");
    }
}

// ---------------------------------------------------------------------------
// The small year worked by hand (tests/fixtures/rubric.toml, 20 points):
// - 一县: 1.1 = 7 − 0.5 = 6.5 (loses 1.5); 1.2 = 0.5 × 6 + 0.5 × 5 = 5.5
//   (loses 0.5); 2.1 = 4 − 1 = 3 (loses 1); 2.2 = 0: 15.00, 良好;
// - 二县: 1.1 = 8; 1.2 = 0.5 × 4 + 0.5 × 4 = 4 (loses 2); 2.1 = 4; 2.2 = 2
//   capped at 1.5: 17.50, 良好;
// - 三县: 1.1 = 8; 1.2 = 6; 2.1 = 4 − 4.5, clamped to 0 (loses 4); 2.2 = 0:
//   14.00, vetoed: 不合格.
// 2.2 创新加分 has no scorers and starts at 0: a bonus line, never a loss.

const HAND_ANNUAL: &str = include_str!("../fixtures/publish/annual.csv");
const HAND_DAILY: &str = include_str!("../fixtures/publish/daily.csv");

fn hand_case() -> Case {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", HAND_ANNUAL)
        .file("d.csv", HAND_DAILY)
}

fn hand_inputs() -> Vec<String> {
    [
        "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn the_text_of_a_year_worked_by_hand() {
    let case = hand_case();
    let html = report(&case, &hand_inputs(), "out", None);
    let overview = text(part(&html, "overview"));
    says(
        &overview,
        &[
            "一、总体情况",
            // 5 records in d.csv.
            "本年度参加考核的单位共3个；全年日常考核记录5条。",
            // (15 + 17.5 + 14) ÷ 3 = 15.50.
            "参加考核单位3个，平均分15.50分；最高二县17.50分，最低三县14.00分。",
            // 2 of 3 above 不合格: 66.666… = 66.7%.
            "评定等次：优秀0个、良好2个、合格0个、不合格1个；合格及以上2个，合格率66.7%。",
            "三县被一票否决，总分14.00分，等次定为不合格。",
            // 政务公开: (6.5 + 8 + 8 + 5.5 + 4 + 6) ÷ (3 × 14) = 38 ÷ 42 = 90.476…;
            // 放管服 without the bonus line 2.2: (3 + 4 + 0) ÷ 12 = 58.333….
            "各一级指标平均得分率（各单位得分之和 ÷ 适用单位满分之和，加分项不计）：政务公开90.5%、放管服58.3%。",
        ],
    );
    assert!(
        !overview.contains("与上年相比"),
        "no --previous: {overview}"
    );
    let achievements = text(part(&html, "achievements"));
    says(
        &achievements,
        &[
            // The vetoed 三县 is not among the first.
            "总分居前的单位：二县（17.50分）、一县（15.00分）。",
            // All scored lines: 45 ÷ 54 = 83.3%; 1.1: 22.5 ÷ 24 = 93.75;
            // 1.2: 15.5 ÷ 18 = 86.11…; 2.1 (58.3%) is below.
            "得分率较高的指标（不低于全部计分指标的平均得分率83.3%）：1.1 组织领导（93.8%）、1.2 政策解读（86.1%）。",
            "2.2 创新加分：1个单位获得加分，共1.5分（二县1.5分）。",
        ],
    );
    let problems = text(part(&html, "problems"));
    says(
        &problems,
        &[
            "共性问题（半数及以上适用单位失分的指标）",
            // 2.1: 一县 1 + 三县 4 = 5, 2 of 3 units: shared.
            "2.1 网站监测：3个单位中2个失分，共失5分，平均得分率58.3%。主要原因：网站栏目空白（1条）；网站长期未更新（1条）。",
            // 1.2: 一县 0.5 + 二县 2 = 2.5; the lead unit's note on 一县.
            "1.2 政策解读：3个单位中2个失分，共失2.5分，平均得分率86.1%。主要原因：解读材料滞后（1条）。",
            "个性问题（少数单位失分的指标）",
            // 1.1: 一县 alone, the daily record and the office's note.
            "1.1 组织领导：3个单位中1个失分，共失1.5分，平均得分率93.8%。主要原因：未按时报送材料（1条）；会议记录不全（1条）。",
            "未获加分：2.2 创新加分，2个单位未获加分（一县、三县）。",
            "三县被一票否决：2020年6月1日专项检查，泄露涉密信息。",
            "评为不合格的单位1个：三县（一票否决）。",
        ],
    );
    // Most lost first: 2.1 before 1.2.
    assert!(problems.find("2.1 网站监测：") < problems.find("1.2 政策解读："));
    assert!(!problems.contains("2.2 创新加分："), "{problems}");
    let advice = text(part(&html, "advice"));
    says(
        &advice,
        &[
            "聚焦共性问题。2.1 网站监测、1.2 政策解读等指标半数及以上单位失分，主要问题是“网站栏目空白”、“解读材料滞后”，各单位要对照评分标准逐项整改。",
            "解决个性问题。1.1 组织领导等指标少数单位失分，相关单位要对照整改台账逐条整改、销号管理。",
            "守住否决底线。三县被一票否决，要剖析原因、举一反三，杜绝同类问题再次发生。",
            "鼓励创新争先。2个单位未获2.2 创新加分，各单位要总结提炼经验做法。",
        ],
    );
    // The daily records' table counts what counts: 二县's addition of 2 is
    // capped at 1.5 (max_add), so 1.5 of the 2 are in it and 0.5 is said apart.
    let figures = text(part(&html, "figures"));
    says(
        &figures,
        &[
            "月份 | 核减 | 分值 | 核加 | 分值 | 一票否决 |",
            "合计 | 3 | 6 | 1 | 1.5 | 1 |",
            "超出上限、未计入得分的核减0分、核加0.5分不在其中。",
        ],
    );
    // The bonus line is in no ranking of lost points.
    let lost = svg_texts(chart(&html, "lost-t"));
    assert!(!lost.iter().any(|t| t.starts_with("2.2")), "{lost:?}");
    let lost_table = &figures[figures.find("测试细则失分指标一览").expect("the table")..];
    assert!(!lost_table.contains("2.2 创新加分"), "{lost_table}");
}

#[test]
fn last_year_in_the_text_of_the_year_worked_by_hand() {
    let case = hand_case().file(
        "prev.csv",
        "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto\n\
         t,1,u1,一县,16.00,good,良好,0,0,false\n\
         t,2,u2,二县,15.00,good,良好,0,0,false\n",
    );
    let mut inputs = hand_inputs();
    inputs.extend(["--previous".into(), "prev.csv".into()]);
    let html = report(&case, &inputs, "out", None);
    // Over 一县 and 二县: (16 + 15) ÷ 2 = 15.50 last year, (15 + 17.5) ÷ 2 =
    // 16.25 now; 二县 +2.50 and up from 2nd to 1st, 一县 −1.00.
    says(
        &text(part(&html, "overview")),
        &[
            "与上年相比：有上年结果的2个单位，平均分由15.50分升至16.25分，提高0.75分；总分上升的1个、下降的1个、持平的0个。本年新增三县，不作比较。",
        ],
    );
    says(
        &text(part(&html, "achievements")),
        &["与上年相比总分提高的单位1个，提高最多的是二县（提高2.50分，名次上升1位）。"],
    );
    says(
        &text(part(&html, "advice")),
        &["防止工作滑坡。有上年结果的2个单位中，1个总分下降，要查找原因、补齐短板。"],
    );
}

// ---------------------------------------------------------------------------
// The example year (examples/2020, with previous-2019.json), worked by hand
// from the results table of `assess score` (README, examples/2020/README.md):
// - 各县（市）: 94.03 + 91.12 + 89.10 + 84.82 + 83.35 + 72.30 + 64.16 =
//   578.88, ÷ 7 = 82.697… = 82.70; grades 2, 2, 2 and 1 (托里县, vetoed at
//   84.82): 6 of 7 passed, 85.7%. Last year (same 7 units) 586.00 ÷ 7 =
//   83.714… = 83.71: down 1.01; no total rose, 6 fell, 托里县 the same.
// - 地直各部门: the 24 totals add up to 1876.58, ÷ 24 = 78.190… = 78.19;
//   grades 3, 8, 12 and 1 (地区统计局, 51.47): 23 of 24, 95.8%. Over the 23
//   units of last year (地区医疗保障局 is new): 78.95 then, 78.20 now (down
//   0.75); 6 rose, 15 fell, 2 the same; 地区司法局 rose most (+1.50).
// - Points lost per line, all units together, 2.6 工作创新加分 (a bonus line:
//   no scorers, starts at 0) left out: counties 1.2.1 主动公开 11.9 (6 of 7
//   units), 2.2 优化营商环境 10.55, 2.5.2 9.23, 2.1 8.08, 1.2.4 8; departments
//   1.2.1 62.2 (22 of 24), 2.5 改善社会服务 57.11, 1.2.2 依申请公开 47.5. With
//   2.6 counted as a loss it would lead the counties (7 × 3 − 9 = 12).
// - Daily records: 244 deductions count 24.4 + 108.8 = 133.2 points (the units'
//   核减), although their points add up to 133.7: 0.5 past a cap; 57
//   additions count 12 + 28 = 40 (核加), 0.5 past a cap.

#[test]
fn the_text_of_the_example_year_as_worked_by_hand() {
    let case = Case::new();
    let html = report(&case, &example_inputs(), "out", None);
    let overview = text(part(&html, "overview"));
    says(
        &overview,
        &[
            "本年度参加考核的单位共31个，其中各县（市）7个、地直各部门24个；全年日常考核记录302条。",
            "（一）各县（市）",
            "参加考核单位7个，平均分82.70分；最高塔城市94.03分，最低和布克赛尔蒙古自治县64.16分。",
            "评定等次：优秀2个、良好2个、合格2个、不合格1个；合格及以上6个，合格率85.7%。托里县被一票否决，总分84.82分，等次定为不合格。",
            "与上年相比：有上年结果的7个单位，平均分由83.71分降至82.70分，下降1.01分；总分上升的0个、下降的6个、持平的1个。",
            "（二）地直各部门",
            "参加考核单位24个，平均分78.19分；最高地区财政局92.41分，最低地区统计局51.47分。",
            "评定等次：优秀3个、良好8个、合格12个、不合格1个；合格及以上23个，合格率95.8%。",
            "与上年相比：有上年结果的23个单位，平均分由78.95分降至78.20分，下降0.75分；总分上升的6个、下降的15个、持平的2个。本年新增地区医疗保障局，不作比较。",
        ],
    );
    let achievements = text(part(&html, "achievements"));
    says(
        &achievements,
        &[
            "总分居前的单位：塔城市（94.03分）、乌苏市（91.12分）、沙湾县（89.10分）。",
            "与上年相比，没有单位总分提高。",
            "与上年相比总分提高的单位6个，提高最多的是地区司法局（提高1.50分，名次上升1位）",
        ],
    );
    let problems = text(part(&html, "problems"));
    says(
        &problems,
        &[
            "1.2.1 主动公开：7个单位中6个失分，共失11.9分",
            "2.2 优化营商环境：7个单位中7个失分，共失10.55分",
            "1.2.1 主动公开：24个单位中22个失分，共失62.2分",
            "2.5 改善社会服务：24个单位中24个失分，共失57.11分",
            "托里县被一票否决：2020年9月16日专项检查",
            "评为不合格的单位1个：托里县（一票否决）。",
            "评为不合格的单位1个：地区统计局（51.47分）。",
            "未获加分：2.6 工作创新加分，2个单位未获加分（托里县、和布克赛尔蒙古自治县）。",
        ],
    );
    // 2.6 is never a problem line; the column note of the lead units
    // (专项组牵头单位：…, the same on every unit) is no reason.
    assert!(!problems.contains("2.6 工作创新加分："), "{problems}");
    assert!(!problems.contains("专项组牵头单位"), "{problems}");
    // The lines in the order of points lost.
    let order: Vec<usize> = ["1.2.1 主动公开：7", "2.2 优化营商环境：7", "2.5.2 政务服务"]
        .iter()
        .map(|l| problems.find(l).unwrap_or_else(|| panic!("{l}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let advice = text(part(&html, "advice"));
    says(
        &advice,
        &[
            "聚焦共性问题。1.2.1 主动公开、2.2 优化营商环境、2.5.2 政务服务“一网通办”和“好差评”等指标半数及以上单位失分",
            "守住否决底线。托里县被一票否决",
            "抓好后进单位整改。地区统计局评为不合格",
        ],
    );
    assert!(!advice.contains("2.6 工作创新加分等指标"), "{advice}");
}

/// The lines where the example year lost most, from `score --format json`
/// read here: (id, points lost) of every line, the bonus lines left out.
fn lost_by_json(case: &Case, rubric: &str) -> Vec<(String, Decimal)> {
    let mut args = vec!["score".to_string()];
    args.extend(example_inputs());
    args.extend(["--format".into(), "json".into()]);
    let (status, stdout, stderr) = run(case, &args, None);
    assert_eq!(status, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let r = v["rubrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == rubric)
        .expect("the rubric");
    let mut lost: Vec<(String, Decimal)> = Vec::new();
    for u in r["units"].as_array().unwrap() {
        for s in u["sections"].as_array().unwrap() {
            for i in s["items"].as_array().unwrap() {
                let id = i["id"].as_str().unwrap();
                // 2.6 工作创新加分: no scorers, starts at 0 (rubrics/*.toml).
                if i["applicable"] != true || id == "2.6" {
                    continue;
                }
                let l = dec(i["max"].as_str().unwrap()) - dec(i["score"].as_str().unwrap());
                match lost.iter_mut().find(|x| x.0 == id) {
                    Some(x) => x.1 += l,
                    None => lost.push((id.to_string(), l)),
                }
            }
        }
    }
    lost.retain(|l| l.1 > Decimal::ZERO);
    lost.sort_by_key(|l| std::cmp::Reverse(l.1));
    lost
}

#[test]
fn the_example_years_charts_rank_losses_without_bonus_lines_and_mark_the_veto() {
    let case = Case::new();
    let html = report(&case, &example_inputs(), "out", None);
    // The chart of lost points: the ten lines that lost most by the JSON,
    // in that order, with their sums; 2.6 nowhere.
    for (rubric, first) in [("counties", "1.2.1"), ("departments", "1.2.1")] {
        let expected = lost_by_json(&case, rubric);
        let texts = svg_texts(chart(&html, &format!("lost-{rubric}")));
        // A bar's label is `ID TITLE`; the ticks and the sums have no space.
        let bars: Vec<&String> = texts.iter().filter(|t| t.contains(' ')).collect();
        assert_eq!(bars.len(), 10.min(expected.len()), "{texts:?}");
        assert!(bars[0].starts_with(&format!("{first} ")), "{bars:?}");
        for (bar, (id, lost)) in bars.iter().zip(&expected) {
            assert!(bar.starts_with(&format!("{id} ")), "{bar} is not {id}");
            let shown = lost.normalize().to_string();
            assert!(texts.contains(&shown), "{id} lost {shown}: {texts:?}");
        }
        assert!(!texts.iter().any(|t| t.starts_with("2.6")), "{texts:?}");
    }
    // Every chart that names 托里县 marks its veto; the vetoed unit is never
    // a plain part of a grade's bin.
    let mut named = 0;
    for (id, svg) in charts(&html) {
        let texts = svg_texts(svg);
        if texts.iter().any(|t| t.contains("托里县")) {
            named += 1;
            assert!(
                texts.iter().any(|t| t.contains("一票否决")),
                "{id} names 托里县 without its veto: {texts:?}"
            );
        }
    }
    // The distribution, the heat map and the comparison with last year
    // (its profile is named in its title and marked below).
    assert!(named >= 3, "托里县 is in {named} charts");
    for id in [
        "distribution-counties",
        "heatmap-counties",
        "change-counties",
    ] {
        let texts = svg_texts(chart(&html, id));
        assert!(
            texts.iter().any(|t| t == "托里县（一票否决）"),
            "{id}: {texts:?}"
        );
    }
    assert!(
        chart(&html, "profile-counties-toli")
            .contains("<title>第4名 托里县 84.82分 不合格（一票否决）</title>")
    );
    let profile = svg_texts(chart(&html, "profile-counties-toli"));
    assert!(
        profile.iter().any(|t| t == "一票否决，等次定为不合格"),
        "{profile:?}"
    );
    // The grades chart: the veto's key, and the fills of 优秀, 良好, 合格 and
    // 不合格 from calm to alarming: darker and darker, 不合格 the darkest,
    // as dark as the veto's mark.
    let grades = chart(&html, "grades");
    assert!(svg_texts(grades).contains(&"一票否决".to_string()));
    let fills = column_fills(grades);
    assert!(fills.len() >= 8, "{fills:?}");
    for group in [&fills[..4], &fills[fills.len() - 4..]] {
        let light: Vec<f64> = group.iter().map(|f| luminance(f)).collect();
        assert!(
            light.windows(2).all(|w| w[0] > w[1]),
            "grades from calm to alarming: {group:?} {light:?}"
        );
    }
    assert_eq!(fills[3], fills[fills.len() - 1], "不合格 is one colour");
    // The veto's hatching is the same strong colour.
    assert!(grades.contains(&format!("fill=\"{}\"", fills[3])));
}

/// The fills of a column chart's columns (rectangles 44 wide), in order,
/// the hatched veto left out (it repeats its column's fill).
fn column_fills(svg: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<rect ") {
        let body = &rest[i..rest[i..].find("/>").map_or(rest.len(), |e| i + e)];
        if body.contains("width=\"44.0\"")
            && let Some(f) = body.split("fill=\"").nth(1)
        {
            let fill = f.split('"').next().unwrap_or_default().to_string();
            if out.last() != Some(&fill) {
                out.push(fill);
            }
        }
        rest = &rest[i + 5..];
    }
    out
}

/// The relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let c = |k: usize| {
        let v = f64::from(u8::from_str_radix(&hex[k..k + 2], 16).expect("hex")) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
}

#[test]
fn the_daily_records_count_what_counts_and_the_sources_close_the_report() {
    let case = Case::new();
    let html = report(&case, &example_inputs(), "out", None);
    let figures = text(part(&html, "figures"));
    // 24.4 + 108.8 = 133.2 counted (the units' 核减); never the raw 133.7.
    says(
        &figures,
        &[
            "合计 | 244 | 133.2 | 57 | 40 | 1 |",
            "核减0.5分、核加0.5分不在其中",
        ],
    );
    assert!(!figures.contains("133.7"), "{figures}");
    // Provenance: the version and every file's SHA-256 in the appendix,
    // which ends the page, and nowhere before it.
    let sources = part(&html, "sources");
    let body = &html[..html.find("id=\"sources\"").unwrap()];
    let version = format!("assess {}", env!("CARGO_PKG_VERSION"));
    assert!(text(sources).contains(&version), "{}", text(sources));
    assert!(!body.contains(&version), "the version is in the body");
    assert!(html.find("id=\"sources\"") > html.find("id=\"figures\""));
    for f in ["annual-office.csv", "daily.csv", "previous-2019.json"] {
        let bytes = std::fs::read(example(f)).unwrap();
        let sha = sha256_hex(&bytes);
        assert!(sources.contains(&sha), "{f} {sha}");
        assert!(!body.contains(&sha), "{f}'s SHA-256 is in the body");
    }
}

/// SHA-256 by the library (the same as `sha256sum`).
fn sha256_hex(bytes: &[u8]) -> String {
    assess::model::source::sha256_hex(bytes)
}

#[test]
fn the_report_reads_in_english_too() {
    let case = Case::new();
    let html = report(&case, &example_inputs(), "out", Some("en"));
    let all = text(&html);
    says(
        &all,
        &[
            "1. Overview",
            "2. What went well",
            "3. Problems",
            "4. Next steps",
            "5. Charts and tables",
            "Appendix: sources",
            "7 units, average 82.70; highest 塔城市 with 94.03, lowest 和布克赛尔蒙古自治县 with 64.16.",
            "6 units at pass or above, a pass rate of 85.7%.",
            "1.2.1 主动公开: 6 of 7 units lost points, 11.9 in all",
        ],
    );
}

// ---------------------------------------------------------------------------
// Print: A4 in headless Chromium, page numbers, no near-empty page.

/// Chromium, or `None` when it is missing and this run does not require it
/// (the test then says it is skipped).
fn browser(test: &str) -> Option<std::path::PathBuf> {
    if let Some(b) = crate::publish::chromium() {
        return Some(b);
    }
    let required = std::env::var("ASSESS_REQUIRE_BROWSER").is_ok_and(|v| !v.is_empty() && v != "0")
        || std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    assert!(
        !required,
        "chromium is not installed, and this run requires it (ASSESS_REQUIRE_BROWSER or CI is set)"
    );
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED analysis::{test}: chromium is not installed; `apt-get install chromium fonts-noto-cjk` to run it"
    );
    None
}

/// Prints a page to PDF in headless Chromium (no header or footer of the
/// browser's own) and counts its pages.
fn pages(browser: &Path, page: &Path, pdf: &Path) -> usize {
    let profile = pdf.with_extension("profile");
    let run = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        run.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(pdf).expect("the PDF");
    // Each page is an object `/Type /Page` (the tree's are `/Pages`).
    let needle = b"/Type /Page";
    bytes
        .windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphabetic())
        .count()
}

/// A4 less the page's top and bottom margins (the stylesheet's `@page`).
const BODY_MM: f64 = 297.0 - 15.0 - 17.0;

#[test]
fn the_report_prints_on_a4_with_page_numbers_and_no_near_empty_page() {
    let Some(browser) = browser("the_report_prints_on_a4_with_page_numbers_and_no_near_empty_page")
    else {
        return;
    };
    let case = Case::new();
    let html = report(&case, &example_inputs(), "out", None);
    assert!(
        html.contains("margin: 15mm 13mm 17mm;"),
        "the margins BODY_MM assumes"
    );
    assert!(html.contains("@bottom-center { content: \"— \" counter(page) \" / \" counter(pages)"));
    for avoid in [
        ".figure, .profile, svg, li, .legend, .appendix { break-inside: avoid; }",
        "tr { break-inside: avoid; }",
    ] {
        assert!(html.contains(avoid), "{avoid}");
    }
    let page = case.path("out/分析报告.html");
    let count = pages(&browser, &page, &case.path("report.pdf"));
    // The text on a few pages, the charts and tables after: the example
    // year's 31 units print on about twenty A4 pages.
    assert!((10..=30).contains(&count), "{count} pages");
    // No near-empty page: a block 80% of a page high, put where a page ends
    // (the page's end, and before the forced break at 五、附图附表), does not
    // fit in what is left of that page, so it makes one more page: that page
    // is more than a fifth full.
    let probe = format!("<div style=\"height: {:.0}mm\"></div>", BODY_MM * 0.8);
    for (name, at) in [
        ("the last page", "</body>"),
        (
            "the page before the charts",
            "<section class=\"part figures\"",
        ),
    ] {
        assert!(html.contains(at), "{at}");
        let probed = html.replacen(at, &format!("{probe}{at}"), 1);
        let path = case.path("out/probe.html");
        std::fs::write(&path, probed).unwrap();
        let more = pages(&browser, &path, &case.path("probe.pdf"));
        assert_eq!(more, count + 1, "{name} is less than a fifth full");
    }
}

/// With `--notice`, 四、下步建议 are the notice's requirements, in their
/// order and in full; without them (a notice file that sets none), the
/// sentences built from the problems stay.
#[test]
fn the_notices_requirements_are_the_reports_next_steps() {
    let case = hand_case()
        .file(
            "notice.toml",
            "requirements = [\"各县（市）要于3月底前完成整改。\", \"地直各部门要举一反三、建立长效机制。\"]\n",
        )
        .file("bare.toml", "deadline = 2021-03-31\n");
    let mut with = hand_inputs();
    with.extend(["--notice".to_string(), "notice.toml".to_string()]);
    let advice = text(part(&report(&case, &with, "out", None), "advice"));
    assert_eq!(
        advice,
        "id=\"advice\">\n四、下步建议\n按照通报提出的下步工作要求：\n各县（市）要于3月底前完成整改。\n地直各部门要举一反三、建立长效机制。"
    );
    let mut bare = hand_inputs();
    bare.extend(["--notice".to_string(), "bare.toml".to_string()]);
    let advice = text(part(&report(&case, &bare, "out2", None), "advice"));
    says(&advice, &["守住否决底线。三县被一票否决"]);
    assert!(!advice.contains("按照通报"), "{advice}");
}
