//! Indicator levels, rules and aliases (SPEC 8, 9, 11): a nested rubric
//! scored whole, and each fault of such a rubric pinned in both languages.

mod common;
use common::*;

/// Two units, a group 1.1 (平台建设) over two leaves, one with a capped rule,
/// and a leaf 1.2 directly under the section.
pub const NESTED: &str = r#"id = "t"
title = "测试细则"
year = 2020
total = 20
[scorers]
office = "办公室"
[[grade]]
id = "good"
label = "好"
min = 10
[[grade]]
id = "bad"
label = "差"
min = 0
[[unit]]
id = "a"
name = "甲县"
aliases = ["甲"]
[[unit]]
id = "b"
name = "乙县"
[[section]]
id = "s1"
title = "政务公开"
  [[section.item]]
  id = "1.1"
  title = "平台建设"
  max = 10
    [[section.item.item]]
    id = "1.1.1"
    title = "政府网站"
    max = 6
    scorers = { office = 1 }
      [[section.item.item.rule]]
      id = "typo"
      text = "错别字每处扣0.5分"
      kind = "deduct"
      points = 0.5
      max = 2
    [[section.item.item]]
    id = "1.1.2"
    title = "政务新媒体"
    max = 4
    scorers = { office = 1 }
  [[section.item]]
  id = "1.2"
  title = "组织领导"
  max = 10
  scorers = { office = 1 }
"#;

fn check(rubric: String) -> Case {
    Case::new()
        .file("r.toml", rubric)
        .args(&["check", "--rubric", "r.toml"])
}

#[test]
fn a_group_cannot_have_scorers() {
    let case = check(NESTED.replace(
        "  title = \"平台建设\"\n  max = 10\n",
        "  title = \"平台建设\"\n  max = 10\n  scorers = { office = 1 }\n",
    ));
    case.fails("error: r.toml:29:3: an item with items of its own is a group and cannot have `scorers`: put it on its leaves\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:29:3：含有下级指标的指标是分组，不能写“scorers”：请把它写到下级指标（末级指标）上。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn a_group_max_must_be_its_items_sum() {
    let case = check(NESTED.replace(
        "  title = \"平台建设\"\n  max = 10\n",
        "  title = \"平台建设\"\n  max = 9\n",
    ));
    case.fails("error: r.toml:28:3: group \"1.1\" says max = 9, but its items add up to 10: change `max` or its items' maxima so they agree\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:28:3：分组“1.1”写的分值为 9，但其下级指标分值合计为 10：请修改 max 或下级指标的分值，使二者一致。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn a_rule_belongs_on_a_leaf() {
    let case = check(NESTED.replace(
        "  title = \"平台建设\"\n  max = 10\n",
        "  title = \"平台建设\"\n  max = 10\n  [[section.item.rule]]\n  id = \"x\"\n  text = \"每处扣1分\"\n  kind = \"deduct\"\n  points = 1\n",
    ));
    case.fails("error: r.toml:29:18: an item with items of its own is a group and cannot have `rule`: put it on its leaves\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:29:18：含有下级指标的指标是分组，不能写“rule”：请把它写到下级指标（末级指标）上。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn a_rule_id_is_used_once_in_an_item() {
    let case = check(NESTED.replace(
        "      max = 2\n",
        "      max = 2\n      [[section.item.item.rule]]\n      id = \"typo\"\n      text = \"另一条\"\n      kind = \"deduct\"\n      points = 1\n",
    ));
    case.fails("error: r.toml:41:7: rule id \"typo\" is already used in this item on line 35: give each rule its own id\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:41:7：同一指标中扣分标准编号“typo”已在第 35 行使用，请另起编号。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn an_alias_may_not_be_another_units_name() {
    let case = check(NESTED.replace("aliases = [\"甲\"]", "aliases = [\"甲\", \"乙县\"]"));
    case.fails("error: r.toml:18: alias \"乙县\" is already the id, name or alias of 乙县 (r.toml:20): an alias must name one unit only\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:18：简称“乙县”已是“乙县”（r.toml:20）的编号、名称或简称：简称必须唯一，请删去或改写。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
}

#[test]
fn a_period_must_share_a_day_with_its_year() {
    let case = check(NESTED.replace(
        "[scorers]",
        "[period]\nstart = 2021-01-01\nend = 2021-12-31\n[scorers]",
    ));
    case.fails("error: r.toml:7:1: the period 2021-01-01 to 2021-12-31 shares no day with the year 2020: correct [period] or `year`\nassess: 1 problem found; nothing was computed and no file was written\n");
    case.fails_zh("错误：r.toml:7:1：考核周期 2021-01-01 至 2021-12-31 与 2020 年没有重合：请改正 [period] 或 year。\nassess：共发现 1 处问题，未进行计算，也未写出任何文件。\n");
    // A period that starts the December before is fine.
    let ok = NESTED.replace(
        "[scorers]",
        "[period]\nstart = 2019-12-01\nend = 2020-11-30\n[scorers]",
    );
    let out = Case::new()
        .file("r.toml", ok)
        .args(&["rubric", "--rubric", "r.toml", "--format", "toml"])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
}

/// Four independent faults of one rubric, every one in one run, the maxima
/// sum with each section's subtotal.
#[test]
fn every_fault_of_a_rubric_at_once() {
    let case = check(
        NESTED
            .replace("aliases = [\"甲\"]", "aliases = [\"乙县\"]")
            .replace(
                "  title = \"平台建设\"\n  max = 10\n",
                "  title = \"平台建设\"\n  max = 9\n",
            )
            .replace(
                "kind = \"deduct\"\n      points = 0.5",
                "kind = \"minus\"\n      points = 0.5",
            )
            .replace("total = 20", "total = 21"),
    );
    case.fails("error: r.toml:4:1: the leaf maxima add up to 20 (政务公开 20), not to total = 21: change an item's `max` or `total` so they agree
error: r.toml:18: alias \"乙县\" is already the id, name or alias of 乙县 (r.toml:20): an alias must name one unit only
error: r.toml:28:3: group \"1.1\" says max = 9, but its items add up to 10: change `max` or its items' maxima so they agree
error: r.toml:37:7: rule kind \"minus\" is not known: write \"deduct\" or \"add\"
assess: 4 problems found; nothing was computed and no file was written
");
    case.fails_zh("错误：r.toml:4:1：各末级指标分值合计为 20（政务公开 20 分），与满分 total = 21 不符：请调整指标分值或 total，使二者相等。
错误：r.toml:18：简称“乙县”已是“乙县”（r.toml:20）的编号、名称或简称：简称必须唯一，请删去或改写。
错误：r.toml:28:3：分组“1.1”写的分值为 9，但其下级指标分值合计为 10：请修改 max 或下级指标的分值，使二者一致。
错误：r.toml:37:7：扣分标准的类型“minus”无法识别：请填写 \"deduct\"（扣分）或 \"add\"（加分）。
assess：共发现 4 处问题，未进行计算，也未写出任何文件。
");
}

#[test]
fn rubric_new_moves_only_the_year() {
    let case = Case::new().file("r.toml", NESTED).args(&[
        "rubric",
        "new",
        "--from",
        "r.toml",
        "--year",
        "2021",
        "-o",
        "r2021.toml",
    ]);
    let out = case.run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let moved = std::fs::read_to_string(case.path("r2021.toml")).unwrap();
    assert_eq!(moved, NESTED.replace("year = 2020", "year = 2021"));
    // An embedded rubric by its id.
    let case = Case::new().args(&[
        "rubric", "new", "--from", "counties", "--year", "2021", "-o", "c.toml",
    ]);
    let out = case.run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let moved = std::fs::read_to_string(case.path("c.toml")).unwrap();
    assert!(
        moved.contains("title = \"塔城地区2021年度政务公开"),
        "{moved}"
    );
    assert!(
        moved.contains("start = 2021-01-01\nend = 2021-12-31"),
        "{moved}"
    );
    // Neither an id nor a file: nothing written.
    let case = Case::new().args(&[
        "rubric", "new", "--from", "countys", "--year", "2021", "-o", "c.toml",
    ]);
    case.fails("error: \"countys\" is neither an embedded rubric's id nor a file: the embedded rubrics are counties, departments, or name a rubric file\nassess: 1 problem found; nothing was computed and no file was written\n");
    assert!(!case.path("c.toml").exists());
}
