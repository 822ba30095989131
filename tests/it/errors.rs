//! The catalog of bad inputs: each must exit 2, print exactly these errors
//! (file, line, what is wrong, what would be right), print nothing on
//! standard output and write no file. Every message was read and approved by
//! hand: a change to one is a change of the user interface.

use crate::common;
use common::*;

#[test]
fn unknown_rubric_key() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("max_deduct = 3", "maxx = 3"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:45:3: unknown key `maxx` in an item ([[section.item]]) (did you mean \"max\"?); the keys allowed there are: id, title, max, scorers, max_deduct, max_add, criteria, start, item, rule\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:45:3：考核项目（[[section.item]]）中有无法识别的键“maxx”（是否应为“max”？），此处允许的键为：id、title、max、scorers、max_deduct、max_add、criteria、start、item、rule。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn rubric_id_with_capitals() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("id = \"t\"", "id = \"T 1\""))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:1:1: rubric id \"T 1\" may hold only a-z, 0-9, `_` and `-`\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:1:1：考核细则编号“T 1”只能由小写字母 a-z、数字 0-9、“_”和“-”组成。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn maxima_do_not_add_up_to_total() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("total = 20", "total = 21"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:4:1: the leaf maxima add up to 20 (政务公开 14, 放管服 6), not to total = 21: change an item's `max` or `total` so they agree\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:4:1：各末级指标分值合计为 20（政务公开 14 分、放管服 6 分），与满分 total = 21 不符：请调整指标分值或 total，使二者相等。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn total_with_more_places_than_decimals() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("total = 20", "total = 20.005"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:4:1: `total` = 20.005 has more decimal places than decimals = 2 allows\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:4:1：“total = 20.005”的小数位数超过了 decimals = 2 的规定。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn grades_not_descending() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("min = 15", "min = 19"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:17:1: grade mins must be strictly descending (highest grade first), but 19 follows 18\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:17:1：各等次的下限应严格递减（最高等次在前），但 19 排在了 18 之后。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn last_grade_not_zero() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("min = 0", "min = 1"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:25:1: the last grade's min must be 0 so every total gets a grade, not 1\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:25:1：最后一个等次的下限应为 0（现为 1），以保证每个总分都能评定等次。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn weights_not_adding_to_one() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace(
                "office = \"0.5\", lead = 0.5",
                "office = \"0.5\", lead = 0.4",
            ),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:50:3: the weights add up to 0.9, not to exactly 1\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:50:3：各评分单位的权重合计为 0.9，应恰好为 1。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn item_names_undeclared_scorer() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace(
                "office = \"0.5\", lead = 0.5",
                "office = \"0.5\", leed = 0.5",
            ),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:50:31: scorer `leed` is not declared in [scorers] (did you mean \"lead\"?)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:50:31：评分单位“leed”（是否应为“lead”？）未在 [scorers] 中声明。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unknown_start() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("start = \"full\"", "start = \"ful\""),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:59:3: start \"ful\" is not known: write \"zero\" (from 0, for additions) or \"full\" (from max, for deductions)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:59:3：计分起点“ful”无法识别，请填写“zero”（加分项，从 0 分起算）或“full”（扣分制，从满分起扣）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn start_on_scored_item() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("max = 6", "max = 6\n  start = \"zero\""),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:50:3: `start` applies only to an item without `scorers` (its base comes from its scorers): remove one of them\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:50:3：“start”只适用于没有“scorers”的项目（有评分单位的项目，基础分来自评分单位的评分），请删除两者之一。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn duplicate_item_title() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("title = \"政策解读\"", "title = \"组织领导\""),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:48: item title \"组织领导\" is already used on line 42: items must be told apart\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:48：项目名称“组织领导”已在第 42 行使用，各项目必须能够区分。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn duplicate_item_id() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("id = \"1.2\"", "id = \"1.1\""))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:47: item id \"1.1\" is already used on line 41: items must be told apart\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:47：项目编号“1.1”已在第 41 行使用，各项目必须能够区分。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn duplicate_unit_name() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("name = \"二县\"", "name = \"一县\""),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:32: unit name \"一县\" is already on the roster at r.toml:29: every unit belongs to exactly one rubric\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:32：考核对象名称“一县”已列入 r.toml:29 的考核对象名单，每个考核对象只能属于一个考核细则。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn year_as_text() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("year = 2020", "year = \"2020\""))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:3:1: `year` must be a whole number from 1900 to 9999\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:3:1：“year”应为 1900 至 9999 之间的整数。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn rubric_without_title() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("title = \"测试细则\"\n", ""))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:1:1: the rubric has no `title`: add `title = …`\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:1:1：考核细则缺少“title”，请添加“title = …”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn period_ends_before_it_starts() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace(
                "total = 20",
                "total = 20\n[period]\nstart = 2020-12-01\nend = 2020-01-31",
            ),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:7:1: the period starts on 2020-12-01, after it ends on 2020-01-31: swap `start` and `end`\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:7:1：考核周期的开始日期 2020-12-01 晚于结束日期 2020-01-31，请对调“start”和“end”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn toml_syntax_error() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("total = 20", "total = 20 20"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:4:9: this is not valid TOML: string values must be quoted, expected literal string\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:4:9：不符合 TOML 格式：文本值必须加引号，此处应为：字面量字符串。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn negative_max() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("max = 8", "max = -8"))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:43:3: `max` must be greater than 0, not -8\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:43:3：“max”应大于 0，现为 -8。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn max_not_a_number() {
    let case = Case::new()
        .file("r.toml", RUBRIC.replace("max = 8", "max = \"八\""))
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:43:3: `max` is not a decimal number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators, no full-width digits)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:43:3：“max”不是有效的数值：请写成 27.5、0.25 这样的普通小数（由数字组成，可带正负号和小数部分；不用科学计数法，不加千位分隔符，不用全角数字）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn decimals_out_of_range() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("total = 20", "total = 20\ndecimals = 9"),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:5:1: `decimals` must be a whole number from 0 to 6\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:5:1：“decimals”应为 0 至 6 之间的整数。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unit_without_name() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace(
                "[[unit]]\nid = \"u1\"\nname = \"一县\"",
                "[[unit]]\nid = \"u1\"",
            ),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:27:1: this [[unit]] has no `name`: add `name = …`\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:27:1：该考核对象（[[unit]]）缺少“name”，请添加“name = …”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unknown_ranking() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("total = 20", "total = 20\nranking = \"olympic\""),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:5:1: ranking \"olympic\" is not known: write \"competition\" (1, 2, 2, 4) or \"dense\" (1, 2, 2, 3)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:5:1：排名方式“olympic”无法识别，请填写“competition”（名次如 1、2、2、4）或“dense”（名次如 1、2、2、3）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn forty_nines_in_a_rubric() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC.replace(
                "max_deduct = 3",
                "max_deduct = \"9999999999999999999999999999999999999999\"",
            ),
        )
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:45:3: `max_deduct` is not a decimal number: it has more digits than the 28 an exact decimal can hold\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:45:3：“max_deduct”不是有效的数值：位数超过了精确小数所能容纳的 28 位。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn duplicate_annual_score() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace(
                "u1,1.1,office,8\n",
                "u1,1.1,office,8\n一县,组织领导,办公室,7\n",
            ),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:3: a second annual score of 办公室 for 一县 on item 1.1 \"组织领导\": the first is at a.csv:2; keep one\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:3：评分单位“办公室”对“一县”项目 1.1“组织领导”的年度考核得分重复填报，首次填报见 a.csv:2，请只保留一条。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn score_above_max() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.2,office,6", "u1,1.2,office,6.5"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:3: score 6.5 is outside 0..6 (item 1.2 \"政策解读\" is worth 6 points)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:3：得分 6.5 超出 0 至 6 的范围（项目 1.2“政策解读”分值为 6 分），请核实。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unknown_scorer() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.2,lead,6", "u1,1.2,leed,6"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:4: scorer \"leed\" is not a scorer of item 1.2 \"政策解读\" (did you mean \"lead\"?); its scorers are: office (办公室), lead (牵头单位)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:4：评分单位“leed”（是否应为“lead”？）不是项目 1.2“政策解读”的评分单位，该项目的评分单位为：办公室（office）、牵头单位（lead）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn scorer_missing_where_item_has_several() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL.replace("u1,1.2,lead,6", "u1,1.2,,6"))
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:4: the scorer is empty, but item 1.2 \"政策解读\" has several (office, lead): name the one this score is from\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:4：评分单位未填写，但项目 1.2“政策解读”有多个评分单位（office、lead），请注明本得分由哪个评分单位评定。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn annual_score_for_daily_only_item() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.1,office,8\n", "u1,1.1,office,8\nu1,2.1,office,3\n"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:3: item 2.1 \"网站监测\" has no scorers: it is scored by daily records alone, so it takes no annual score\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:3：项目 2.1“网站监测”没有评分单位，只依据日常考核记录计分，不填年度考核得分，请删除本行。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn negative_score() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office,-1"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:5: score -1 is outside 0..8 (item 1.1 \"组织领导\" is worth 8 points)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:5：得分 -1 超出 0 至 8 的范围（项目 1.1“组织领导”分值为 8 分），请核实。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn na_from_one_scorer_only() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u2,1.2,office,6", "u2,1.2,office,n/a"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:7: 牵头单位 scores 二县 item 1.2 \"政策解读\" 6 but a.csv:6 says n/a: every scorer of the item must say n/a, or none\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:7：评分单位“牵头单位”给“二县”项目 1.2“政策解读”评了 6 分，但 a.csv:6 填报该项目“不涉及”；同一项目应由各评分单位一致填报“不涉及”，或都正常评分。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn score_not_a_number() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u3,1.1,office,8", "u3,1.1,office,八"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:8: score \"八\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators), or n/a when the item does not apply\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:8：得分“八”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）；如该项目对本单位不适用，请填写“不涉及”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn score_with_exponent() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u3,1.1,office,8", "u3,1.1,office,8e0"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:8: score \"8e0\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators), or n/a when the item does not apply\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:8：得分“8e0”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）；如该项目对本单位不适用，请填写“不涉及”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn score_with_forty_nines() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace(
                "u3,1.1,office,8",
                "u3,1.1,office,9999999999999999999999999999999999999999",
            ),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:8: score \"9999999999999999999999999999999999999999\" is not a number: it has more digits than the 28 an exact decimal can hold, or n/a when the item does not apply\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:8：得分“9999999999999999999999999999999999999999”无法识别为数字：数字超过 28 位，无法精确表示；如该项目对本单位不适用，请填写“不涉及”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unknown_unit_suggests_name() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u3,1.1,office,8", "三,1.1,office,8"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:8: unknown unit \"三\" (did you mean \"三县\"?): name a unit of a rubric's roster by its id or its name\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:8：单位“三”不在考核对象名单中（是否应为“三县”？），请填写名单中单位的编号或名称。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unknown_item_suggests_title() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u3,1.1,office,8", "u3,组织,office,8"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:8: unknown item \"组织\" for 三县 (rubric t) (did you mean \"组织领导\"?): name an item by its id or its title\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:8：“三县”适用的考核细则（t）中没有项目“组织”（是否应为“组织领导”？），请填写项目的编号或名称。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn missing_unit_column() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("unit,item,scorer,score", "unti,item,scorer,score"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:1: the header has no column unit (is \"unti\" meant to be it?): name a column `unit`\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:1：表头中没有“单位”列（“unti”是否就是这一列？），请添加列名为“单位”或“unit”的一列。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn duplicate_column() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("unit,item,scorer,score", "unit,item,scorer,score,得分"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:1: columns 4 and 5 are both the column score: keep one\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:1：第 4 列和第 5 列都是“得分”列，请只保留其中一列。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn row_with_an_extra_cell() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office,8,9"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:5: this row has 5 cells but the header has 4: check for a missing or extra comma, a quote (\") left open, or a cell holding a comma that needs quotes\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:5：本行有 5 个单元格，而表头有 4 列，请检查是否多了或少了逗号、是否有引号（\"）未闭合，或单元格内含有逗号却未加引号。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

/// A row may leave its last cells off (SPEC 10): they are empty, so a row
/// that drops its score is a missing score, not a short row.
#[test]
fn row_that_leaves_its_last_cells_off() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:31: no annual score of 办公室 (office) for 二县 (u2) on item 1.1 \"组织领导\": add it to an --annual file, or pass --allow-missing to count it as 0\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:31：缺少评分单位“办公室”（office）对“二县”（u2）项目 1.1“组织领导”的年度考核得分，请在 --annual 文件中补充；如需按 0 分计算，请加上 --allow-missing。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn missing_annual_score() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL.replace("u2,1.2,lead,6\n", ""))
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:31: no annual score of 牵头单位 (lead) for 二县 (u2) on item 1.2 \"政策解读\": add it to an --annual file, or pass --allow-missing to count it as 0\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:31：缺少评分单位“牵头单位”（lead）对“二县”（u2）项目 1.2“政策解读”的年度考核得分，请在 --annual 文件中补充；如需按 0 分计算，请加上 --allow-missing。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_bad_date() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-02-30,u1,1.1,deduct,1,daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: date \"2020-02-30\" is not a date: write 2020-05-19 or 2020/5/19\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：日期“2020-02-30”无法识别，请按 2020-05-19、2020/5/19 或 2020年5月19日 的格式填写。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_date_outside_period() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2021-01-01,u1,1.1,deduct,1,daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: date 2021-01-01 is outside the assessment period 2020-01-01 to 2020-12-31 of rubric t\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：日期 2021-01-01 不在考核细则 t 的考核期（2020-01-01 至 2020-12-31）内，请核实。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_unknown_kind() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u1,1.1,dedcut,1,daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: unknown kind \"dedcut\" (did you mean \"deduct\"?): write one of deduct, add, veto\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：类型“dedcut”无法识别（是否应为“deduct”？），请填写核减、核加或一票否决（也可写作扣分、加分，或 deduct、add、veto）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_unknown_method() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u1,1.1,deduct,1,spotcheck,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: unknown method \"spotcheck\" (did you mean \"spot_check\"?): write one of daily_record, spot_check, special_inspection, online_evaluation, material_filing\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：方式“spotcheck”无法识别（是否应为“spot_check”？），请填写日常记录、随机抽查、专项检查、网上评测或材料报备（也可写作 daily_record、spot_check、special_inspection、online_evaluation、material_filing）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_negative_points() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u1,1.1,deduct,-1,daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: points must be greater than 0, not -1: the kind says whether they deduct or add\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：分值应大于 0，本条为 -1；核减还是核加由“类型”列区分，分值一律填正数。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_points_with_thousands_separator() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u1,1.1,deduct,\"1,000\",daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: points \"1,000\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators)\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：分值“1,000”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_veto_with_points() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!("{DAILY_HEADER}{}", "2020-05-19,u1,,veto,2,daily_record,\n"),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: a veto carries no points, but this one has \"2\": leave points empty or 0\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：一票否决不计分值，但本条填写了“2”，请将分值留空或填 0。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_deduction_without_item() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u1,,deduct,2,daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: the item is empty: name an item by its id or its title\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：项目未填写，请填写项目的编号或名称。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_unknown_unit_without_close_name() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,塔城,1.1,deduct,1,daily_record,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: unknown unit \"塔城\": name a unit of a rubric's roster by its id or its name\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：单位“塔城”不在考核对象名单中，请填写名单中单位的编号或名称。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn daily_record_on_na_item() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL
                .replace("u3,1.2,office,6", "u3,1.2,office,n/a")
                .replace("u3,1.2,lead,6", "u3,1.2,lead,n/a"),
        )
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u3,政策解读,deduct,1,spot_check,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:2: a daily record touches 三县 item 1.2 \"政策解读\", which is n/a for it at a.csv:9: remove the record or the n/a\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:2：本条日常考核记录涉及“三县”的项目 1.2“政策解读”，但该项目已在 a.csv:9 填报为“不涉及”，请删除本条记录或撤销“不涉及”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn every_item_na() {
    let case = Case::new()
        .file(
            "r.toml",
            RUBRIC
                .split("[[section]]\nid = \"s2\"")
                .next()
                .unwrap_or_default()
                .to_string()
                .replace("total = 20", "total = 14")
                .replace("min = 18", "min = 13")
                .replace("min = 15", "min = 11")
                .replace("min = 12", "min = 9"),
        )
        .file(
            "a.csv",
            FULL_ANNUAL
                .replace("u3,1.2,office,6", "u3,1.2,office,n/a")
                .replace("u3,1.2,lead,6", "u3,1.2,lead,n/a")
                .replace("u3,1.1,office,8", "u3,1.1,office,n/a"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: r.toml:34: no item applies to 三县 (u3): every item is n/a, so it cannot be scored\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:34：“三县”（u3）的全部项目均填报为“不涉及”，没有可以计分的项目，请核实年度考核得分。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn every_problem_of_a_run_together() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL
                .replace("u1,1.2,office,6", "u1,1.2,office,60")
                .replace("u2,1.1,office,8", "二,1.1,office,8"),
        )
        .file(
            "d.csv",
            format!(
                "{DAILY_HEADER}{}",
                "2020-05-19,u1,1.1,deduct,1,随机检查,\n2020-05-40,u2,1.1,deduct,1,随机抽查,\n"
            ),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:3: score 60 is outside 0..6 (item 1.2 \"政策解读\" is worth 6 points)\nerror: a.csv:5: unknown unit \"二\" (did you mean \"二县\"?): name a unit of a rubric's roster by its id or its name\nerror: d.csv:2: unknown method \"随机检查\" (did you mean \"随机抽查\"?): write one of daily_record, spot_check, special_inspection, online_evaluation, material_filing\nerror: d.csv:3: date \"2020-05-40\" is not a date: write 2020-05-19 or 2020/5/19\nassess: 4 problems found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:3：得分 60 超出 0 至 6 的范围（项目 1.2“政策解读”分值为 6 分），请核实。\n错误：a.csv:5：单位“二”不在考核对象名单中（是否应为“二县”？），请填写名单中单位的编号或名称。\n错误：d.csv:2：方式“随机检查”无法识别（是否应为“随机抽查”？），请填写日常记录、随机抽查、专项检查、网上评测或材料报备（也可写作 daily_record、spot_check、special_inspection、online_evaluation、material_filing）。\n错误：d.csv:3：日期“2020-05-40”无法识别，请按 2020-05-19、2020/5/19 或 2020年5月19日 的格式填写。\nassess：共发现 4 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn annual_file_not_found() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&["score", "--rubric", "r.toml", "--annual", "missing.csv"]);
    case.fails("error: missing.csv: cannot read the file: no such file or directory\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：missing.csv：无法读取该文件：文件不存在，请核对文件名和路径。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn rubric_file_not_found() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&["score", "--rubric", "missing.toml", "--annual", "a.csv"]);
    case.fails("error: missing.toml: cannot read the rubric: no such file or directory\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：missing.toml：无法读取该考核细则文件：文件不存在，请核对文件名和路径。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn not_utf8_nor_gbk() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            b"unit,item,scorer,score\nu1,1.1,office,8\nu1,\xff\xff,office,8\n",
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:3: this line is neither UTF-8 nor GBK/GB18030: save it as UTF-8 CSV\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:3：本行既不是 UTF-8 文本，也不是 GBK/GB18030 文本，请将文件另存为 UTF-8 编码的 CSV 文件。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn bom_but_not_utf8() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            b"\xef\xbb\xbfunit,item,scorer,score\nu1,\xd7\xe9\xd6\xaf\xc1\xec\xb5\xbc,office,8\n",
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:2: this line is not valid UTF-8, although it starts with a UTF-8 BOM\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:2：该文件以 UTF-8 BOM 开头，但本行不是有效的 UTF-8 文本，请将文件重新保存为 UTF-8 编码。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn empty_annual_file() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", "\n\n")
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:1: the file is empty: it needs a header row and data rows\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:1：该文件没有内容，请填写一行表头和若干行数据。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn same_file_twice() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--annual", "./a.csv",
        ]);
    case.fails("error: ./a.csv: this file is given twice: give each input file once\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：./a.csv：该文件被重复指定，每个输入文件只需指定一次。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn two_rubrics_share_a_unit() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .file("r2.toml", RUBRIC.replacen("id = \"t\"", "id = \"t2\"", 1))
        .args(&["check", "--rubric", "r.toml", "--rubric", "r2.toml"]);
    case.fails("error: r2.toml:28: unit id \"u1\" is already on the roster at r.toml:28: every unit belongs to exactly one rubric\nerror: r2.toml:29: unit name \"一县\" is already on the roster at r.toml:29: every unit belongs to exactly one rubric\nerror: r2.toml:31: unit id \"u2\" is already on the roster at r.toml:31: every unit belongs to exactly one rubric\nerror: r2.toml:32: unit name \"二县\" is already on the roster at r.toml:32: every unit belongs to exactly one rubric\nerror: r2.toml:34: unit id \"u3\" is already on the roster at r.toml:34: every unit belongs to exactly one rubric\nerror: r2.toml:35: unit name \"三县\" is already on the roster at r.toml:35: every unit belongs to exactly one rubric\nassess: 6 problems found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r2.toml:28：考核对象编号“u1”已列入 r.toml:28 的考核对象名单，每个考核对象只能属于一个考核细则。\n错误：r2.toml:29：考核对象名称“一县”已列入 r.toml:29 的考核对象名单，每个考核对象只能属于一个考核细则。\n错误：r2.toml:31：考核对象编号“u2”已列入 r.toml:31 的考核对象名单，每个考核对象只能属于一个考核细则。\n错误：r2.toml:32：考核对象名称“二县”已列入 r.toml:32 的考核对象名单，每个考核对象只能属于一个考核细则。\n错误：r2.toml:34：考核对象编号“u3”已列入 r.toml:34 的考核对象名单，每个考核对象只能属于一个考核细则。\n错误：r2.toml:35：考核对象名称“三县”已列入 r.toml:35 的考核对象名单，每个考核对象只能属于一个考核细则。\nassess：共发现 6 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn unclosed_quote() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u2,1.1,office,8", "u2,\"1.1,office,8"),
        )
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: a.csv:5: this row has 2 cells but the header has 4: check for a missing or extra comma, a quote (\") left open, or a cell holding a comma that needs quotes\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:5：本行有 2 个单元格，而表头有 4 列，请检查是否多了或少了逗号、是否有引号（\"）未闭合，或单元格内含有逗号却未加引号。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn no_output_file_is_written_on_bad_input() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,80"),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "json", "--output",
            "out.json",
        ]);
    let out = case.run();
    assert_eq!(out.status, 2);
    assert!(
        !case.path("out.json").exists(),
        "a failed run left an output file"
    );
    // Nor any temporary file beside it.
    let names: Vec<_> = std::fs::read_dir(case.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "files left: {names:?}");
}

#[test]
fn a_failed_run_keeps_the_previous_output_file() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,80"),
        )
        .file("out.csv", "previous\n")
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv", "--output",
            "out.csv",
        ]);
    assert_eq!(case.run().status, 2);
    assert_eq!(
        std::fs::read_to_string(case.path("out.csv")).unwrap(),
        "previous\n"
    );
}

/// Regression: after CRLF line ends the csv crate counts each record one line
/// short; errors must name the physical line.
#[test]
fn crlf_rows_are_reported_at_their_own_line() {
    let daily = "date,unit,item,kind,points,method\r\n2020-05-19,u1,1.1,deduct,1,spot_check\r\n\r\n2020-05-19,u1,1.1,deduct,1,spotcheck\r\n";
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", daily)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails("error: d.csv:4: unknown method \"spotcheck\" (did you mean \"spot_check\"?): write one of daily_record, spot_check, special_inspection, online_evaluation, material_filing\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：d.csv:4：方式“spotcheck”无法识别（是否应为“spot_check”？），请填写日常记录、随机抽查、专项检查、网上评测或材料报备（也可写作 daily_record、spot_check、special_inspection、online_evaluation、material_filing）。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

/// Regression: a grade may carry its id as its label.
#[test]
fn a_grade_labelled_by_its_own_id_is_fine() {
    Case::new()
        .file("r.toml", RUBRIC.replace("label = \"优秀\"", "label = \"excellent\""))
        .file("a.csv", FULL_ANNUAL)
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv", "--lang", "en"])
        .stdout("r.toml: rubric t, 3 units, 2 sections, 4 items\na.csv: 9 annual rows, 3 units, 2 items\n");
}

/// Regression: csv skips empty lines without counting them; errors after
/// them must still name the physical line (found by the differential tests).
#[test]
fn rows_after_empty_lines_are_reported_at_their_own_line() {
    let annual = "\n\nunit,item,scorer,score\nu1,1.1,office,8\n\n\nu1,1.2,office,abc\n";
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"]);
    case.fails("error: a.csv:7: score \"abc\" is not a number: write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators), or n/a when the item does not apply\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：a.csv:7：得分“abc”无法识别为数字：请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）；如该项目对本单位不适用，请填写“不涉及”。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}
