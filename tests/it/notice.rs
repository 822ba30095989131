//! The notice `通报.docx` as GB/T 9704-2012 lays out a 红头文件 (SPEC 21,
//! issue 22): every element read back from the XML the program wrote (版头,
//! title, 主送, text on the grid, headings, 附件说明, each 附件 on a page of
//! its own with its header row repeated and its columns within the text
//! width, 落款, 成文日期, 附注, 版记, page numbers), the values from the
//! `--notice` file and the blanks without it; the file's errors; the
//! template read back through `--notice`; and the document rendered by
//! LibreOffice (page count, no grade broken across lines).
//!
//! The example year (examples/2020) is published once per variant and the
//! folders shared by the tests (`published`).

use crate::common;

use common::{Case, unescape, zip_member};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A4 and GB/T 9704's margins, in twips (1/1440 in): 天头 37 mm, 下白边
/// 35 mm, 订口 28 mm, 翻口 26 mm; the text block is 156 × 225 mm.
const PAGE_W: i64 = 11906;
const PAGE_H: i64 = 16838;
const TOP: i64 = 2098;
const BOTTOM: i64 = 1984;
const LEFT: i64 = 1588;
const RIGHT: i64 = 1474;
const TEXT_W: i64 = PAGE_W - LEFT - RIGHT;
const TEXT_H: i64 = PAGE_H - TOP - BOTTOM;

/// A notice file with every key.
const FULL: &str = r#"issuer = "塔城地区行政公署办公室"
number = "塔行办发〔2021〕5号"
date = 2021-02-20
to = "各县（市）人民政府，地直各部门"
cc = ["地区纪委监委", "地区人大工委"]
printed_by = "塔城地区行政公署办公室秘书科"
printed_on = 2021-02-21
public = true
name_failing = true
deadline = 2021-03-31
requirements = ["各单位要对照整改台账逐条整改，实行销号管理。", "各单位要巩固成绩、补齐短板，推动工作再上新台阶。"]
"#;

const EXAMPLE: [(&str, &str); 4] = [
    ("--annual", "annual-office.csv"),
    ("--annual", "annual-lead.csv"),
    ("--annual", "annual-service-center.csv"),
    ("--daily", "daily.csv"),
];

fn example(name: &str) -> String {
    format!("{}/examples/2020/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn example_inputs() -> Vec<String> {
    EXAMPLE
        .iter()
        .flat_map(|(flag, f)| [flag.to_string(), example(f)])
        .collect()
}

/// Runs the binary in `dir` with the locale of the machine left out.
fn assess(dir: &Path, args: &[String]) -> common::Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG"] {
        cmd.env_remove(var);
    }
    let o = cmd
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    common::Outcome {
        status: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        stdout_bytes: o.stdout,
    }
}

/// `publish` of the example year into `dir/out` with `extra` flags.
fn publish_into(dir: &Path, out: &str, extra: &[&str]) -> common::Outcome {
    let mut args = vec!["publish".to_string()];
    args.extend(example_inputs());
    args.extend(["-o".to_string(), out.to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    assess(dir, &args)
}

/// The example year published once per variant, shared by the tests.
struct Published {
    case: Case,
}

impl Published {
    fn docx(&self, variant: &str) -> Docx {
        Docx::read(&self.case.path(&format!("{variant}/通报.docx")))
    }
}

fn published() -> &'static Published {
    static ONCE: OnceLock<Published> = OnceLock::new();
    ONCE.get_or_init(|| {
        let case = Case::new()
            .file("full.toml", FULL)
            .file("quiet.toml", "name_failing = false\n");
        let prev = example("previous-2019.json");
        let own = example("self-assessment.csv");
        let adjust = example("adjust.csv");
        let variants: [(&str, Vec<&str>); 5] = [
            ("bare", vec![]),
            ("full", vec!["--notice", "full.toml"]),
            (
                "prev",
                vec!["--notice", "full.toml", "--previous", &prev, "--self", &own],
            ),
            ("review", vec!["--notice", "full.toml", "--adjust", &adjust]),
            ("quiet", vec!["--notice", "quiet.toml"]),
        ];
        for (name, extra) in &variants {
            let out = publish_into(case.dir(), name, extra);
            assert_eq!(out.status, 0, "publish {name}: {}", out.stderr);
        }
        Published { case }
    })
}

// ---- Reading the XML ----

/// The whole elements `<TAG …>…</TAG>` (or `<TAG …/>`) in `xml`, in order,
/// not nested in each other (`w:p` is never inside `w:p`).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = xml[at..].find(&open) {
        let start = at + i;
        let after = &xml[start + open.len()..];
        if !(after.starts_with('>') || after.starts_with(' ') || after.starts_with('/')) {
            at = start + open.len();
            continue;
        }
        let head_end = start + open.len() + after.find('>').expect("a closed tag");
        if xml[..head_end].ends_with('/') {
            out.push(&xml[start..=head_end]);
            at = head_end + 1;
            continue;
        }
        let end = xml[head_end..].find(&close).expect("a closing tag") + head_end + close.len();
        out.push(&xml[start..end]);
        at = end;
    }
    out
}

/// The value of `attr` on the first `<tag …>` in `xml`.
fn attr(xml: &str, tag: &str, attr: &str) -> Option<String> {
    let open = format!("<{tag} ");
    let i = xml.find(&open)?;
    let head = &xml[i..i + xml[i..].find('>')?];
    let key = format!(" {attr}=\"");
    let j = head.find(&key)? + key.len();
    let k = head[j..].find('"')?;
    Some(unescape(&head[j..j + k]))
}

/// Every value of `attr` on every `<tag …>` in `xml`.
fn attrs(xml: &str, tag: &str, name: &str) -> Vec<String> {
    elements(xml, tag)
        .iter()
        .filter_map(|e| attr(e, tag, name))
        .collect()
}

fn num(v: Option<String>) -> i64 {
    v.as_deref()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a number, found {v:?}"))
}

/// The text of the runs of an XML fragment; a line break as `\n`.
fn text(xml: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    while let Some(i) = xml[at..].find('<') {
        let start = at + i;
        let end = start + xml[start..].find('>').expect("a closed tag");
        let tag = &xml[start + 1..end];
        if tag.starts_with("w:br") {
            out.push('\n');
        } else if (tag == "w:t" || tag.starts_with("w:t ")) && !tag.ends_with('/') {
            let close = end + xml[end..].find("</w:t>").expect("</w:t>");
            out.push_str(&unescape(&xml[end + 1..close]));
        }
        at = end + 1;
    }
    out
}

/// A paragraph of the document: its XML and its text.
struct Para<'a> {
    xml: &'a str,
    text: String,
}

impl Para<'_> {
    /// The East Asian face of its runs (all the same), or of the defaults.
    fn face(&self, d: &Docx) -> String {
        let faces: Vec<String> = elements(self.xml, "w:r")
            .iter()
            .filter(|r| !text(r).is_empty())
            .map(|r| attr(r, "w:rFonts", "w:eastAsia").unwrap_or_else(|| d.default_face()))
            .collect();
        assert!(!faces.is_empty(), "runs in {:?}", self.text);
        assert!(
            faces.iter().all(|f| *f == faces[0]),
            "one face in {:?}: {faces:?}",
            self.text
        );
        faces[0].clone()
    }

    /// The size of its runs, in half points (all the same).
    fn size(&self, d: &Docx) -> i64 {
        let sizes: Vec<i64> = elements(self.xml, "w:r")
            .iter()
            .filter(|r| !text(r).is_empty())
            .map(|r| {
                attr(r, "w:sz", "w:val")
                    .map(|v| v.parse().expect("a size"))
                    .unwrap_or_else(|| d.default_size())
            })
            .collect();
        assert!(
            sizes.iter().all(|s| *s == sizes[0]),
            "one size in {:?}",
            self.text
        );
        sizes[0]
    }

    fn spacing(&self, name: &str) -> Option<String> {
        let ppr = elements(self.xml, "w:pPr").into_iter().next()?;
        attr(ppr, "w:spacing", name)
    }

    fn justified(&self) -> Option<String> {
        let ppr = elements(self.xml, "w:pPr").into_iter().next()?;
        attr(ppr, "w:jc", "w:val")
    }
}

/// A section of the document: its paragraphs outside tables, its tables,
/// and its properties.
struct Section<'a> {
    paras: Vec<Para<'a>>,
    tables: Vec<&'a str>,
    props: &'a str,
}

struct Docx {
    document: String,
    styles: String,
    settings: String,
    fonts: String,
    rels: String,
    /// Footer XML by relationship id.
    footers: BTreeMap<String, String>,
}

impl Docx {
    fn read(path: &Path) -> Docx {
        let rels = zip_member(path, "word/_rels/document.xml.rels");
        let mut footers = BTreeMap::new();
        for rel in elements(&rels, "Relationship") {
            let target = attr(rel, "Relationship", "Target").unwrap();
            if target.contains("footer") {
                let id = attr(rel, "Relationship", "Id").unwrap();
                footers.insert(id, zip_member(path, &format!("word/{target}")));
            }
        }
        Docx {
            document: zip_member(path, "word/document.xml"),
            styles: zip_member(path, "word/styles.xml"),
            settings: zip_member(path, "word/settings.xml"),
            fonts: zip_member(path, "word/fontTable.xml"),
            rels,
            footers,
        }
    }

    fn default_face(&self) -> String {
        let d = elements(&self.styles, "w:rPrDefault")[0];
        attr(d, "w:rFonts", "w:eastAsia").expect("a default face")
    }

    fn default_size(&self) -> i64 {
        let d = elements(&self.styles, "w:rPrDefault")[0];
        num(attr(d, "w:sz", "w:val"))
    }

    /// The sections, each ending at its `w:sectPr`.
    fn sections(&self) -> Vec<Section<'_>> {
        let body = elements(&self.document, "w:body")[0];
        let mut out = Vec::new();
        let mut rest = body;
        while let Some(i) = rest.find("<w:sectPr>") {
            let end = i + rest[i..].find("</w:sectPr>").unwrap() + "</w:sectPr>".len();
            let content = &rest[..i];
            // Tables first; the paragraphs outside them.
            let tables = elements(content, "w:tbl");
            let paras = paragraphs_in(content, &tables);
            out.push(Section {
                paras,
                tables,
                props: &rest[i..end],
            });
            rest = &rest[end..];
        }
        out
    }
}

/// The paragraphs of `content` that are not inside one of `tables`; a
/// paragraph that holds the section's properties is cut short there, and
/// one that is left open by the cut still counts.
fn paragraphs_in<'a>(content: &'a str, tables: &[&'a str]) -> Vec<Para<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for t in tables {
        let s = content[at..].find(t).unwrap() + at;
        spans.push((s, s + t.len()));
        at = s + t.len();
    }
    let mut i = 0;
    while let Some(k) = content[i..].find("<w:p") {
        let s = i + k;
        let after = &content[s + 4..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            i = s + 4;
            continue;
        }
        if let Some(&(_, e)) = spans.iter().find(|(a, e)| s >= *a && s < *e) {
            i = e;
            continue;
        }
        let end = content[s..]
            .find("</w:p>")
            .map_or(content.len(), |e| s + e + "</w:p>".len());
        let xml = &content[s..end];
        out.push(Para {
            xml,
            text: text(xml),
        });
        i = end;
    }
    out
}

/// How wide a text is in ems: CJK and full-width marks one, others half.
fn ems(t: &str) -> f64 {
    t.chars()
        .map(|c| {
            if c.is_ascii() || ('\u{00a0}'..'\u{2000}').contains(&c) {
                0.5
            } else {
                1.0
            }
        })
        .sum()
}

/// The example year's published results (examples/2020/published.csv):
/// per rubric (the ranks start again at 1), (unit, total, grade).
fn published_results() -> Vec<Vec<(String, String, String)>> {
    let csv = std::fs::read_to_string(example("published.csv")).unwrap();
    let mut rubrics: Vec<Vec<(String, String, String)>> = Vec::new();
    let mut last_rank = u32::MAX;
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let rank: u32 = cells[3].parse().unwrap();
        if rank < last_rank && rank == 1 {
            rubrics.push(Vec::new());
        }
        last_rank = rank;
        rubrics
            .last_mut()
            .unwrap()
            .push((cells[0].into(), cells[1].into(), cells[2].into()));
    }
    rubrics
}

const GRADES: [&str; 4] = ["优秀", "良好", "合格", "不合格"];
/// The example year's longest unit name (14 characters).
const LONGEST_NAME: &str = "地区文化体育广播电视和旅游局";
/// The example year's vetoed unit (examples/2020/README.md).
const VETOED: &str = "托里县";

// ---- The page and the 版头 ----

#[test]
fn the_page_is_a4_with_gbt_9704_margins_on_a_grid_of_22_lines_of_28_characters() {
    let d = published().docx("full");
    let sections = d.sections();
    assert_eq!(sections.len(), 4, "the text, two annexes, the 版记");
    for s in &sections {
        assert_eq!(num(attr(s.props, "w:pgSz", "w:w")), PAGE_W);
        assert_eq!(num(attr(s.props, "w:pgSz", "w:h")), PAGE_H);
        for (side, want) in [
            ("w:top", TOP),
            ("w:bottom", BOTTOM),
            ("w:left", LEFT),
            ("w:right", RIGHT),
        ] {
            assert_eq!(num(attr(s.props, "w:pgMar", side)), want, "{side}");
        }
        let pitch = num(attr(s.props, "w:docGrid", "w:linePitch"));
        // 22 lines fill the 225 mm text block, 23 would not.
        assert!(22 * pitch <= TEXT_H && 23 * pitch > TEXT_H, "{pitch}");
    }
    assert_eq!(TEXT_W, 8844, "156 mm");
    // The text: 三号 仿宋 by default, each paragraph on the grid's line,
    // its characters set so that 28 fill a line and 29 do not.
    assert_eq!(d.default_size(), 32);
    assert_eq!(d.default_face(), "仿宋_GB2312");
    let body = &sections[0];
    let opening = body
        .paras
        .iter()
        .find(|p| p.text.starts_with("根据《"))
        .expect("the opening paragraph");
    assert_eq!(opening.size(&d), 32);
    assert_eq!(opening.face(&d), "仿宋_GB2312");
    assert_eq!(opening.spacing("w:line").as_deref(), Some("579"));
    assert_eq!(opening.spacing("w:lineRule").as_deref(), Some("exact"));
    let first_run = elements(opening.xml, "w:r")[0];
    let squeeze = num(attr(elements(first_run, "w:rPr")[0], "w:spacing", "w:val"));
    let pitch = 320 + squeeze;
    assert!(
        28 * pitch <= TEXT_W && 29 * pitch > TEXT_W,
        "a character is {pitch} twips: 28 a line"
    );
    // Indented two characters.
    let first = num(attr(opening.xml, "w:ind", "w:firstLine"));
    assert!(
        (630..=632).contains(&first),
        "two characters of the grid: {first}"
    );
}

#[test]
fn the_masthead_is_red_with_the_number_and_the_red_line() {
    let d = published().docx("full");
    let sections = d.sections();
    let body = &sections[0].paras;
    let mark = &body[0];
    assert_eq!(mark.text, "塔城地区行政公署办公室文件");
    assert_eq!(
        attr(mark.xml, "w:color", "w:val").as_deref(),
        Some("FF0000")
    );
    assert_eq!(mark.face(&d), "方正小标宋简体");
    assert_eq!(mark.justified().as_deref(), Some("center"));
    // As large as fits one line: 初号 at most, 二号 at least, and the 11
    // characters within the text width.
    let size = mark.size(&d);
    assert!((44..=84).contains(&size), "{size}");
    assert!(13 * size * 10 <= TEXT_W, "{size}: 13 ems fit");
    // Its top 35 mm (1984 twips) below the text block's, less the half of
    // its line's leading.
    let before = num(mark.spacing("w:before"));
    assert!((1800..=1984).contains(&before), "{before}");
    let number = &body[1];
    assert_eq!(number.text, "塔行办发〔2021〕5号");
    assert_eq!(number.justified().as_deref(), Some("center"));
    // The red line under it, as wide as the text block: a border of the
    // paragraph, which has no indents.
    let border = elements(number.xml, "w:bottom")[0];
    assert_eq!(
        attr(border, "w:bottom", "w:color").as_deref(),
        Some("FF0000")
    );
    assert_eq!(attr(border, "w:bottom", "w:val").as_deref(), Some("single"));
    assert!(
        !number.xml.contains("<w:ind "),
        "no indent: the line is the text width"
    );
    // Nothing else is red.
    assert_eq!(d.document.matches("FF0000").count(), 2);
}

#[test]
fn the_title_is_erhao_xiaobiaosong_broken_between_words_in_a_symmetric_shape() {
    let d = published().docx("full");
    let sections = d.sections();
    let title = &sections[0].paras[2];
    assert_eq!(title.size(&d), 44, "二号");
    assert_eq!(title.face(&d), "方正小标宋简体");
    assert_eq!(title.justified().as_deref(), Some("center"));
    let lines: Vec<&str> = title.text.split('\n').collect();
    assert_eq!(
        lines,
        [
            "关于塔城地区2020年度政务公开和",
            "“放管服”改革工作考核结果的通报"
        ]
    );
    // The annexes' titles too, and the title of the notice: every line
    // within the width, no term cut.
    let mut titles = vec![title.text.clone()];
    for s in &sections[1..3] {
        titles.push(s.paras[1].text.clone());
        assert_eq!(s.paras[1].size(&d), 44);
    }
    for t in &titles {
        check_title_lines(&t.split('\n').map(String::from).collect::<Vec<_>>());
    }
    // The fallbacks a machine without the face looks for.
    let fonts = elements(&d.fonts, "w:font");
    for (face, alt) in [
        ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
        ("仿宋_GB2312", "仿宋"),
        ("黑体", "SimHei"),
        ("楷体_GB2312", "楷体"),
        ("宋体", "SimSun"),
    ] {
        let f = fonts
            .iter()
            .find(|f| attr(f, "w:font", "w:name").as_deref() == Some(face))
            .unwrap_or_else(|| panic!("{face} in the font table"));
        assert_eq!(attr(f, "w:altName", "w:val").as_deref(), Some(alt));
        assert_eq!(
            attr(f, "w:charset", "w:val").as_deref(),
            Some("86"),
            "GB2312"
        );
    }
}

/// A title's lines: within the text width at 二号, no quoted or bracketed
/// term and no number cut, no line shorter than both its neighbours.
fn check_title_lines(lines: &[String]) {
    let capacity = TEXT_W as f64 / 440.0;
    for l in lines {
        assert!(ems(l) <= capacity, "{l:?} is wider than the text");
        for (open, close) in [('“', '”'), ('《', '》'), ('（', '）'), ('〔', '〕')] {
            assert_eq!(
                l.matches(open).count(),
                l.matches(close).count(),
                "{l:?} cuts a {open}{close} term: {lines:?}"
            );
        }
    }
    for w in lines.windows(2) {
        let (a, b) = (w[0].chars().last().unwrap(), w[1].chars().next().unwrap());
        assert!(
            !(a.is_ascii_digit() && b.is_ascii_digit()),
            "a number cut: {lines:?}"
        );
        assert!(
            !"，。、；：）》”".contains(b),
            "a line starts with {b}: {lines:?}"
        );
    }
    for w in lines.windows(3) {
        let (a, b, c) = (ems(&w[0]), ems(&w[1]), ems(&w[2]));
        assert!(!(b < a && b < c), "an hourglass: {lines:?}");
    }
}

#[test]
fn titles_break_between_words_never_inside_a_quoted_term() {
    use assess::report::publish::docx::title::lines;
    let capacity = (TEXT_W as f64 / 440.0).floor();
    for t in [
        "关于塔城地区2020年度政务公开和“放管服”改革工作考核结果的通报",
        "关于全面推进“互联网+政务服务”和“一网通办”工作考核结果的通报",
        "关于某某自治州2020年度深化“放管服”改革优化营商环境工作考核结果的通报",
        "关于印发《塔城地区2021年度政务公开工作要点》落实情况考核结果的通报",
        "关于2020年度“放管服”改革工作考核结果的通报",
        "关于塔城地区行政公署办公室2020年度政务公开和“放管服”改革工作及“互联网+督查”工作考核结果的通报",
    ] {
        let ls = lines(t, capacity);
        assert_eq!(ls.concat(), t, "nothing lost or added");
        check_title_lines(&ls);
    }
}

#[test]
fn the_addressee_and_the_headings() {
    let d = published().docx("full");
    let sections = d.sections();
    let body = &sections[0].paras;
    let to = &body[3];
    assert_eq!(to.text, "各县（市）人民政府，地直各部门：");
    assert!(!to.xml.contains("w:firstLine"), "主送 is flush left");
    let find = |t: &str| {
        body.iter()
            .find(|p| p.text == t)
            .unwrap_or_else(|| panic!("{t} in the text"))
    };
    for h in [
        "一、考核基本情况",
        "二、考核结果",
        "三、结果运用",
        "四、工作要求",
    ] {
        let p = find(h);
        assert_eq!(p.face(&d), "黑体", "{h}");
        assert_eq!(p.size(&d), 32, "{h}");
        assert!(p.xml.contains("<w:keepNext"), "{h} keeps with what follows");
    }
    for h in ["（一）各县（市）", "（二）地直各部门"] {
        let p = find(h);
        assert_eq!(p.face(&d), "楷体_GB2312", "{h}");
        assert_eq!(p.size(&d), 32, "{h}");
    }
}

// ---- What the text says ----

/// The text of the notice before its annexes, a paragraph a line.
fn body_text(d: &Docx) -> String {
    d.sections()[0]
        .paras
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_text_says_how_the_assessment_was_done_who_got_each_grade_and_what_follows() {
    let d = published().docx("full");
    let body = body_text(&d);
    for said in [
        "在各单位自查的基础上",
        "日常考核与年度考核相结合",
        "年度考核由行政公署办公室考核组、“放管服”改革专项组牵头单位、地区行政服务中心按考核细则分别评分",
        "考核组综合日常考核和年度考核情况，评定各单位得分和等次",
        "考核结果纳入绩效目标管理考核。",
        // The requirements of the file, each a paragraph, and the deadline.
        "\n各单位要对照整改台账逐条整改，实行销号管理。\n",
        "\n各单位要巩固成绩、补齐短板，推动工作再上新台阶。\n",
        "\n请各单位于2021年3月31日前将整改台账报送塔城地区行政公署办公室。\n",
    ] {
        assert!(body.contains(said), "the text says {said:?}:\n{body}");
    }
    // The units of each grade, in rank order, as the example's published
    // results give them (examples/2020/published.csv).
    let results = published_results();
    assert_eq!(results.len(), 2);
    for units in &results {
        for grade in GRADES {
            let names: Vec<String> = units
                .iter()
                .filter(|u| u.2 == grade)
                .map(|u| {
                    if u.0 == VETOED {
                        format!("{}（一票否决）", u.0)
                    } else {
                        u.0.clone()
                    }
                })
                .collect();
            if names.is_empty() {
                continue;
            }
            let line = format!(
                "\n{grade}等次（{}个）：{}。\n",
                names.len(),
                names.join("、")
            );
            assert!(body.contains(&line), "{line:?} in:\n{body}");
        }
    }
    // The veto said plainly: who, when, how, what, and the grade.
    assert!(
        body.contains("\n托里县：2020年9月16日专项检查发现，政府门户网站主动公开的文件附件含涉密信息，经保密部门认定造成泄密，实行一票否决（塔行办通报〔2020〕48号）。考核等次定为不合格。\n"),
        "{body}"
    );
    // The units of the lowest grade named in 结果运用.
    assert!(
        body.contains("获评不合格等次的托里县、地区统计局要认真查找问题、分析原因，限期整改到位。"),
        "{body}"
    );
    // No review: nothing said of one.
    assert!(!body.contains("复核"), "{body}");
}

#[test]
fn the_computation_is_in_the_annexes_notes_not_in_the_text() {
    let d = published().docx("full");
    let body = body_text(&d);
    for detail in ["×", "÷", "日常考核记录", "平均", "折算为100分制："] {
        assert!(!body.contains(detail), "{detail:?} in the text:\n{body}");
    }
    // The text points to where it is worked out.
    assert!(
        body.contains("地区审计局、地区信访局有不涉及的考核项目，总分按适用项目得分折算为100分制（计算过程见附件2的注）。"),
        "{body}"
    );
    let sections = d.sections();
    let notes = |k: usize| -> String {
        sections[k]
            .paras
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (one, two) = (notes(1), notes(2));
    // The daily records counted: the example's daily.csv holds 302, 67 of
    // the counties and 235 of the departments.
    let records = std::fs::read_to_string(example("daily.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(records, 302);
    let counted = |t: &str| -> usize {
        let i = t.find("日常考核记录").expect("the records note") + "日常考核记录".len();
        t[i..].split('条').next().unwrap().parse().unwrap()
    };
    assert_eq!(counted(&one) + counted(&two), records);
    assert_eq!(counted(&one), 67);
    // The rescaled total worked out, to the published value.
    let audit = published_results()[1]
        .iter()
        .find(|u| u.0 == "地区审计局")
        .unwrap()
        .1
        .clone();
    assert_eq!(audit, "82.55");
    assert!(
        two.contains(&format!("71.82 × 100 ÷ 87 = {audit}分")),
        "{two}"
    );
    // The notes are under `注：`, numbered, in the table's size.
    assert!(
        one.contains("注：1.共7个单位参加考核，平均82.70分，最高94.03分，最低64.16分。"),
        "{one}"
    );
    assert!(
        one.contains("\n3.托里县一票否决，等次定为不合格（总分84.82分，名次按总分列第4名）。"),
        "{one}"
    );
}

#[test]
fn the_reviews_changes_are_said_and_listed_in_an_annex_of_their_own() {
    let d = published().docx("review");
    let body = body_text(&d);
    assert!(
        body.contains("调整了2个单位的3项得分（见附件3），以下均为复核后的结果。"),
        "{body}"
    );
    assert!(
        body.contains("\n3.复核调整情况"),
        "附件说明 lists it: {body}"
    );
    let sections = d.sections();
    assert_eq!(sections.len(), 5, "three annexes and the 版记");
    assert_eq!(sections[3].paras[0].text, "附件3");
    // The marks of the results tables cite it by its number.
    let notes: String = sections[1].paras.iter().map(|p| p.text.clone()).collect();
    assert!(
        notes.contains("‡ 经复核调整的单位（2项，见附件3）。"),
        "{notes}"
    );
    let notes: String = sections[2].paras.iter().map(|p| p.text.clone()).collect();
    assert!(
        notes.contains("‡ 经复核调整的单位（1项，见附件3）。"),
        "{notes}"
    );
    let rows = elements(sections[3].tables[0], "w:tr");
    assert_eq!(rows.len(), 4, "a header and three changes");
}

#[test]
fn name_failing_false_names_the_lowest_grade_only_in_the_annex() {
    let d = published().docx("quiet");
    let body = body_text(&d);
    for unit in [VETOED, "地区统计局"] {
        assert!(!body.contains(unit), "{unit} named in the text:\n{body}");
    }
    assert!(
        body.contains("\n不合格等次（1个），名单见附件1。\n"),
        "{body}"
    );
    assert!(
        body.contains("\n不合格等次（1个），名单见附件2。\n"),
        "{body}"
    );
    assert!(
        body.contains("\n1个单位被一票否决，考核等次定为不合格（见附件1的注）。\n"),
        "{body}"
    );
    assert!(
        body.contains("\n获评不合格等次的单位要认真查找问题"),
        "{body}"
    );
    // The other grades are named as ever.
    assert!(
        body.contains("\n优秀等次（2个）：塔城市、乌苏市。\n"),
        "{body}"
    );
    // The annexes name everyone.
    let annex: String = elements(d.sections()[1].tables[0], "w:tr")
        .iter()
        .map(|r| text(r))
        .collect();
    assert!(annex.contains(VETOED));
}

// ---- The annexes ----

#[test]
fn each_annex_starts_a_page_with_its_header_row_repeated_and_its_columns_within_the_text_width() {
    let p = published();
    let mut measured = Vec::new();
    let mut sizes = std::collections::BTreeMap::new();
    let mut names = Vec::new();
    for variant in ["bare", "full", "prev", "review"] {
        let d = p.docx(variant);
        let sections = d.sections();
        let annexes = sections.len() - 2;
        // 附件说明 in the text: `附件：1.…` and each further one under it.
        let body = &sections[0].paras;
        let first = body
            .iter()
            .position(|p| p.text.starts_with("附件："))
            .expect("附件说明");
        for k in 0..annexes {
            let t = &body[first + k].text;
            let title = sections[k + 1].paras[1].text.replace('\n', "");
            let want = if k == 0 {
                format!("附件：1.{title}")
            } else {
                format!("{}.{title}", k + 1)
            };
            assert_eq!(*t, want, "{variant}");
        }
        assert_eq!(
            sections[0].tables.len(),
            0,
            "{variant}: no table in the text"
        );
        for (k, s) in sections[1..=annexes].iter().enumerate() {
            // A section of its own, starting a new page, headed 附件N in 黑体.
            assert_eq!(
                attr(s.props, "w:type", "w:val").as_deref(),
                Some("nextPage"),
                "{variant}"
            );
            assert_eq!(s.paras[0].text, format!("附件{}", k + 1), "{variant}");
            assert_eq!(s.paras[0].face(&d), "黑体");
            assert_eq!(s.tables.len(), 1, "{variant}: one table an annex");
            let table = s.tables[0];
            let grid: Vec<i64> = attrs(table, "w:gridCol", "w:w")
                .iter()
                .map(|w| w.parse().unwrap())
                .collect();
            let sum: i64 = grid.iter().sum();
            assert!(
                sum <= TEXT_W,
                "{variant} 附件{}: columns {grid:?} add up to {sum}, wider than {TEXT_W}",
                k + 1
            );
            assert!(sum >= TEXT_W - 20, "{variant}: the width used, {sum}");
            assert!(num(attr(table, "w:tblW", "w:w")) <= TEXT_W);
            assert_eq!(
                attr(table, "w:tblLayout", "w:type").as_deref(),
                Some("fixed")
            );
            measured.push(format!("{variant} 附件{}: {sum} {grid:?}", k + 1));
            let rows = elements(table, "w:tr");
            // The last row kept with the notes, and each note with the next:
            // the notes never go to a page of their own.
            let last = rows.last().expect("a row");
            assert!(
                elements(last, "w:p")
                    .iter()
                    .all(|p| p.contains("<w:keepNext")),
                "{variant}: the last row kept with the notes"
            );
            let notes: Vec<&Para> = s.paras[2..].iter().filter(|p| !p.text.is_empty()).collect();
            assert!(
                notes.first().is_none_or(|n| n.text.starts_with("注：")),
                "{variant}"
            );
            for (n, p) in notes.iter().enumerate() {
                let keep = p.xml.contains("<w:keepNext");
                assert_eq!(keep, n + 1 < notes.len(), "{variant}: {}", p.text);
            }
            for (r, row) in rows.iter().enumerate() {
                let tr_pr = elements(row, "w:trPr");
                let header = tr_pr.first().is_some_and(|t| t.contains("<w:tblHeader"));
                assert_eq!(header, r == 0, "{variant}: only the first row repeats");
                assert!(
                    tr_pr.first().is_some_and(|t| t.contains("<w:cantSplit")),
                    "{variant}: a row never splits across pages"
                );
                let cells = elements(row, "w:tc");
                assert_eq!(cells.len(), grid.len(), "{variant}");
                for (c, cell) in cells.iter().enumerate() {
                    assert_eq!(num(attr(cell, "w:tcW", "w:w")), grid[c], "{variant}");
                    let para = Para {
                        xml: elements(cell, "w:p")[0],
                        text: text(cell),
                    };
                    let face = if para.text.is_empty() {
                        None
                    } else {
                        Some(para.face(&d))
                    };
                    // The paragraph mark in the table's size: an empty cell
                    // is no taller than the others.
                    let mark = elements(para.xml, "w:pPr")[0];
                    let size = num(attr(mark, "w:sz", "w:val"));
                    // 小四, 五号 or 小五: never smaller, whatever the columns.
                    assert!([24, 21, 18].contains(&size), "{variant}: {size}");
                    sizes.insert(format!("{variant} 附件{}", k + 1), size);
                    if para.text.is_empty() {
                        continue;
                    }
                    assert_eq!(para.size(&d), size, "{variant}");
                    let want = if r == 0 { "黑体" } else { "仿宋_GB2312" };
                    assert_eq!(face.as_deref(), Some(want), "{variant}");
                    // A grade is never broken: it fits its column whole.
                    if GRADES.contains(&para.text.as_str()) {
                        let need = (ems(&para.text) * (size * 10) as f64) as i64 + 2 * 57;
                        assert!(
                            need <= grid[c],
                            "{variant}: {} needs {need} twips, its column has {}",
                            para.text,
                            grid[c]
                        );
                    }
                    // A header's lines or a wrapped cell's (a long name's)
                    // as set, never a character alone.
                    if r == 0 || para.text.contains('\n') {
                        for l in para.text.split('\n') {
                            assert!(l.chars().count() >= 2, "{variant}: {:?}", para.text);
                        }
                    }
                    // The longest name wraps in its cell when last year's
                    // columns leave it less room, rather than the table
                    // shrinking.
                    if para.text.replace('\n', "") == LONGEST_NAME {
                        names.push((variant, size, para.text.clone()));
                    }
                }
            }
        }
    }
    for (variant, size, text) in &names {
        let lines = text.split('\n').count();
        if *variant == "prev" {
            assert_eq!(*size, 21, "五号 with last year beside: {text:?}");
            assert!((2..=3).contains(&lines), "{text:?}");
        } else {
            assert_eq!(lines, 1, "{variant}: {text:?}");
        }
    }
    assert_eq!(names.len(), 4, "{LONGEST_NAME} in each variant: {names:?}");
    // The widths, for the record (`cargo test notice:: -- --nocapture`).
    println!("{}", measured.join("\n"));
    println!("{sizes:?}");
}

#[test]
fn the_results_tables_hold_every_unit_with_its_total_and_grade() {
    let d = published().docx("prev");
    let sections = d.sections();
    for (k, units) in published_results().iter().enumerate() {
        let rows: Vec<Vec<String>> = elements(sections[k + 1].tables[0], "w:tr")
            .iter()
            .map(|r| elements(r, "w:tc").iter().map(|c| text(c)).collect())
            .collect();
        assert_eq!(rows[0][0], "名次");
        assert!(
            rows[0]
                .iter()
                .any(|h| h.replace('\n', "") == "上年总分（名次）")
        );
        assert_eq!(rows.len(), units.len() + 1);
        for (row, (name, total, grade)) in rows[1..].iter().zip(units) {
            assert_eq!(
                row[1].replace('\n', ""),
                *name,
                "a long name wraps in its cell"
            );
            assert_eq!(row[4].trim_end_matches('*'), total);
            let shown = if name == VETOED {
                format!("{grade}（一票否决）")
            } else {
                grade.clone()
            };
            assert_eq!(row[5].replace('\n', ""), shown);
        }
    }
}

// ---- 落款, 附注, 版记, page numbers ----

#[test]
fn signature_date_remark_and_colophon_come_from_the_notice_file() {
    let d = published().docx("full");
    let sections = d.sections();
    let body = &sections[0].paras;
    let at = body
        .iter()
        .position(|p| p.text == "塔城地区行政公署办公室")
        .expect("落款");
    let (issuer, date, remark) = (&body[at], &body[at + 1], &body[at + 2]);
    assert_eq!(date.text, "2021年2月20日");
    assert_eq!(remark.text, "（此件公开发布）");
    // The date four characters from the right, the issuer centred over it.
    let char_w = TEXT_W / 28;
    let date_right = num(attr(date.xml, "w:ind", "w:right"));
    assert!((date_right - 4 * char_w).abs() <= 4, "{date_right}");
    let issuer_right = num(attr(issuer.xml, "w:ind", "w:right"));
    let centre = |right: i64, t: &str| right + (ems(t) * char_w as f64) as i64 / 2;
    assert!(
        (centre(issuer_right, &issuer.text) - centre(date_right, &date.text)).abs() <= char_w / 2,
        "the issuer centred over the date"
    );
    for p in [issuer, date] {
        assert_eq!(p.justified().as_deref(), Some("right"));
    }
    // Room above for the seal: two lines below the text.
    assert_eq!(num(issuer.spacing("w:before")), 2 * 579);
    // 附注 two characters in.
    let first = num(attr(remark.xml, "w:ind", "w:firstLine"));
    assert!((first - 2 * char_w).abs() <= 4, "{first}");

    // The 版记: the last section, starting on an even page, at its foot.
    let last = sections.last().unwrap();
    assert_eq!(
        attr(last.props, "w:type", "w:val").as_deref(),
        Some("evenPage")
    );
    let texts: Vec<&str> = last
        .paras
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        texts,
        [
            "抄送：地区纪委监委，地区人大工委。",
            "塔城地区行政公署办公室秘书科2021年2月21日印发"
        ]
    );
    let printed = last
        .paras
        .iter()
        .find(|p| p.text.ends_with("印发"))
        .unwrap();
    assert!(printed.xml.contains("<w:tab/>") || printed.xml.contains("<w:tab />"));
    for p in last.paras.iter().filter(|p| !p.text.is_empty()) {
        assert_eq!(p.size(&d), 28, "四号");
        assert_eq!(p.face(&d), "仿宋_GB2312");
    }
    // Its lines are of exact heights that, with the rules, fill the page
    // to within a line of the bottom: the 版记 stands at the foot.
    let height: i64 = last
        .paras
        .iter()
        .map(|p| {
            assert_eq!(p.spacing("w:lineRule").as_deref(), Some("exact"));
            num(p.spacing("w:line")) * p.text.split('\n').count() as i64
        })
        .sum();
    assert!(
        height <= TEXT_H && height > TEXT_H - 579,
        "the 版记's page holds {height} of {TEXT_H} twips"
    );
    // Its rules: thick, thin between 抄送 and 印发, thick.
    let rules: Vec<String> = last
        .paras
        .iter()
        .filter_map(|p| attr(p.xml, "w:bottom", "w:sz"))
        .collect();
    assert_eq!(rules, ["8", "6", "8"]);
}

#[test]
fn printed_by_and_printed_on_default_to_the_issuer_and_the_date_and_private_has_no_remark() {
    let case = Case::new().file(
        "n.toml",
        "issuer = \"某某县人民政府办公室\"\nnumber = \"某政办发〔2021〕12号\"\ndate = 2021-03-05\n",
    );
    let out = publish_into(case.dir(), "out", &["--notice", "n.toml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let d = Docx::read(&case.path("out/通报.docx"));
    let sections = d.sections();
    let body = body_text(&d);
    assert!(
        body.starts_with("某某县人民政府办公室文件\n某政办发〔2021〕12号\n"),
        "{body}"
    );
    assert!(
        body.contains("\n某某县人民政府办公室\n2021年3月5日"),
        "{body}"
    );
    assert!(!body.contains("此件公开发布"), "not public: no 附注");
    // 主送 from the rubrics' classes; the standard requirements, no deadline.
    assert!(body.contains("\n各县（市）、地直各部门：\n"), "{body}");
    assert!(body.contains("对照反馈的整改台账"), "{body}");
    assert!(!body.contains("前将整改台账报送"), "{body}");
    let last: Vec<String> = sections
        .last()
        .unwrap()
        .paras
        .iter()
        .map(|p| p.text.clone())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        last,
        ["某某县人民政府办公室2021年3月5日印发"],
        "no 抄送 line"
    );
}

#[test]
fn page_numbers_are_sihao_songti_odd_on_the_right_even_on_the_left() {
    let d = published().docx("full");
    assert!(
        d.settings.contains("<w:evenAndOddHeaders"),
        "odd and even pages have footers of their own"
    );
    assert_eq!(d.footers.len(), 2);
    for s in d.sections() {
        let refs = elements(s.props, "w:footerReference");
        let kinds: Vec<String> = refs
            .iter()
            .map(|r| attr(r, "w:footerReference", "w:type").unwrap())
            .collect();
        assert_eq!(kinds, ["default", "even"]);
        for r in refs {
            let kind = attr(r, "w:footerReference", "w:type").unwrap();
            let id = attr(r, "w:footerReference", "r:id").unwrap();
            let footer = d.footers.get(&id).expect("the footer is in the package");
            let p = elements(footer, "w:p");
            assert_eq!(p.len(), 1);
            let (jc, side) = if kind == "default" {
                ("right", "w:right")
            } else {
                ("left", "w:left")
            };
            let para = Para {
                xml: p[0],
                text: text(p[0]),
            };
            assert_eq!(para.justified().as_deref(), Some(jc), "{kind}");
            // One character (四号, 14 pt) in.
            assert_eq!(num(attr(p[0], "w:ind", side)), 280, "{kind}");
            assert_eq!(para.text, "— 1 —", "{kind}");
            assert!(p[0].contains("<w:instrText>PAGE</w:instrText>"));
            // Every run, dashes and digits alike, 四号 宋体.
            for r in elements(p[0], "w:r") {
                assert_eq!(num(attr(r, "w:sz", "w:val")), 28, "{kind}");
                assert_eq!(attr(r, "w:rFonts", "w:eastAsia").as_deref(), Some("宋体"));
                assert_eq!(attr(r, "w:rFonts", "w:ascii").as_deref(), Some("宋体"));
            }
        }
    }
    assert!(d.rels.contains("footer1.xml") && d.rels.contains("footer2.xml"));
}

#[test]
fn without_a_notice_file_the_blanks_show_and_no_value_is_made_up() {
    let d = published().docx("bare");
    let sections = d.sections();
    let body = &sections[0].paras;
    assert_eq!(body[0].text, "（发文机关）文件");
    assert_eq!(body[1].text, "〔    〕号");
    assert_eq!(body[3].text, "各县（市）、地直各部门：");
    let at = body
        .iter()
        .position(|p| p.text == "（发文机关）")
        .expect("the blank 落款");
    assert_eq!(body[at + 1].text, "    年  月  日");
    assert_eq!(
        at + 2,
        body.len() - 1,
        "no 附注 after the date, only the section's end"
    );
    let all = body_text(&d);
    for made_up in ["塔行办发", "2021年", "此件公开发布", "前将整改台账报送"] {
        assert!(!all.contains(made_up), "{made_up:?} in:\n{all}");
    }
    let last: Vec<String> = sections
        .last()
        .unwrap()
        .paras
        .iter()
        .map(|p| p.text.clone())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(last, ["（发文机关）    年  月  日印发"]);
    // 通报.md the same.
    let md = std::fs::read_to_string(published().case.path("bare/通报.md")).unwrap();
    assert!(
        md.starts_with("**（发文机关）文件**\n\n〔    〕号\n"),
        "{md}"
    );
}

// ---- The file and the template ----

#[test]
fn an_unknown_key_is_refused_at_its_line_and_nothing_is_written() {
    let case = Case::new().file(
        "notice.toml",
        "issuer = \"塔城地区行政公署办公室\"\n\nnumbr = \"塔行办发〔2021〕5号\"\n",
    );
    for (lang, want) in [
        (
            "zh",
            "错误：notice.toml:3:1：通报设置文件中有无法识别的键“numbr”（是否应为“number”？）",
        ),
        (
            "en",
            "error: notice.toml:3:1: unknown key `numbr` in the notice settings (did you mean \"number\"?)",
        ),
    ] {
        let out = publish_into(
            case.dir(),
            "out",
            &["--notice", "notice.toml", "--lang", lang],
        );
        assert_eq!(out.status, 2, "{}", out.stderr);
        assert!(out.stderr.starts_with(want), "{lang}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 2, "{}", out.stderr);
        assert!(!case.path("out").exists(), "no folder written");
    }
    // A date that is no day, a text where a list goes, a number where a
    // yes or no goes: each at its line, all in one run.
    let case = Case::new().file(
        "notice.toml",
        "date = \"2021-02-30\"\ncc = 5\npublic = \"是\"\n",
    );
    let out = publish_into(case.dir(), "out", &["--notice", "notice.toml"]);
    assert_eq!(out.status, 2);
    for line in ["notice.toml:1:", "notice.toml:2:", "notice.toml:3:"] {
        assert!(out.stderr.contains(line), "{line} in {}", out.stderr);
    }
    assert!(!case.path("out").exists());
    // A file that is not there.
    let out = publish_into(case.dir(), "out", &["--notice", "missing.toml"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("missing.toml"), "{}", out.stderr);
    assert!(!case.path("out").exists());
}

/// The template with every `# key = value` line (and the lines of a list
/// under it) taken out of its comment.
fn uncommented(template: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in template.lines() {
        let body = line.strip_prefix("# ");
        let is_key = body.is_some_and(|b| {
            b.split_once(" = ")
                .is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        });
        if is_key || in_list {
            let b = body.unwrap_or(line);
            in_list = b.ends_with('[') || (in_list && !b.starts_with(']'));
            out.push_str(b);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_template_is_commented_in_chinese_and_reads_back_through_notice() {
    let case = Case::new();
    let out = assess(case.dir(), &["template".into(), "notice".into()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let template = out.stdout;
    // Every key of SPEC 21, each after a comment in Chinese.
    let keys = [
        "issuer",
        "number",
        "date",
        "to",
        "cc",
        "printed_by",
        "printed_on",
        "public",
        "name_failing",
        "deadline",
        "requirements",
    ];
    let lines: Vec<&str> = template.lines().collect();
    for key in keys {
        let at = lines
            .iter()
            .position(|l| l.trim_start_matches("# ").starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("{key} in the template"));
        let comment = lines[..at]
            .iter()
            .rev()
            .take_while(|l| l.starts_with('#'))
            .filter(|l| !l.trim_start_matches("# ").contains(" = "))
            .last()
            .unwrap_or_else(|| panic!("a comment above {key}"));
        assert!(
            comment
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{key}'s comment in Chinese: {comment}"
        );
    }
    for l in &lines {
        assert!(
            l.is_empty() || l.starts_with('#') || l.contains(" = "),
            "a comment, a key or nothing: {l:?}"
        );
    }
    // As it comes: every value left out, so the notice has its blanks.
    let case = case.file("notice.toml", &template);
    let out = publish_into(case.dir(), "as-is", &["--notice", "notice.toml"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let bare = Docx::read(&case.path("as-is/通报.docx"));
    assert_eq!(bare.sections()[0].paras[1].text, "〔    〕号");
    // Every example value taken: the notice shows them.
    let filled = uncommented(&template);
    assert!(!filled.contains("# issuer"), "{filled}");
    let case = case.file("filled.toml", &filled);
    let out = publish_into(case.dir(), "filled", &["--notice", "filled.toml"]);
    assert_eq!(out.status, 0, "{}\n{filled}", out.stderr);
    let d = Docx::read(&case.path("filled/通报.docx"));
    let body = body_text(&d);
    for shown in [
        "塔城地区行政公署办公室文件\n塔行办发〔2021〕5号\n",
        "\n各县（市）人民政府，地直各部门：\n",
        "\n各单位要对照整改台账逐条整改，实行销号管理。\n",
        "\n塔城地区行政公署办公室\n2021年2月20日\n",
    ] {
        assert!(body.contains(shown), "{shown:?} in:\n{body}");
    }
    let last: Vec<String> = d
        .sections()
        .last()
        .unwrap()
        .paras
        .iter()
        .map(|p| p.text.clone())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        last,
        [
            "抄送：地区纪委监委。",
            "塔城地区行政公署办公室2021年2月21日印发"
        ]
    );
    // And in English, the template reads back the same way.
    let out = assess(
        case.dir(),
        &[
            "template".into(),
            "notice".into(),
            "--lang".into(),
            "en".into(),
        ],
    );
    assert_eq!(out.status, 0);
    let case = case.file("en.toml", uncommented(&out.stdout));
    let out = publish_into(case.dir(), "en", &["--notice", "en.toml", "--lang", "en"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
}

// ---- Rendered by LibreOffice ----

/// A program on the PATH.
fn program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// The text of one page of a PDF as `pdftotext -layout` lays it out.
fn pdf_page(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The words of one page of a PDF with their widths in points, as
/// `pdftotext -bbox` measures them.
fn pdf_words(pdf: &Path, page: usize) -> Vec<(String, f64)> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout);
    let coordinate = |w: &str, name: &str| -> f64 {
        let at = w.find(&format!("{name}=\"")).expect("a coordinate") + name.len() + 2;
        w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
    };
    html.lines()
        .filter_map(|l| {
            let l = l.trim();
            let w = l.strip_prefix("<word ")?;
            let text = &w[w.find('>')? + 1..w.find("</word>")?];
            Some((
                unescape(text),
                coordinate(w, "xMax") - coordinate(w, "xMin"),
            ))
        })
        .collect()
}

/// The page number printed on a page: `— 7 —`.
fn page_number(page: &str) -> Option<u32> {
    page.lines().rev().find_map(|l| {
        let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        t.strip_prefix('—')?.strip_suffix('—')?.parse().ok()
    })
}

#[test]
fn the_notice_renders_in_libreoffice_with_the_annexes_on_their_pages_and_no_grade_broken() {
    let tools = (program("soffice"), program("pdfinfo"), program("pdftotext"));
    let (Some(soffice), Some(pdfinfo), Some(_)) = tools else {
        let required =
            std::env::var("ASSESS_REQUIRE_OFFICE").is_ok_and(|v| !v.is_empty() && v != "0");
        assert!(
            !required,
            "LibreOffice or poppler is missing and ASSESS_REQUIRE_OFFICE is set: .ci/run installs them (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)"
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED notice::the_notice_renders_in_libreoffice…: soffice, pdfinfo or pdftotext is not installed; `apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk` to run it (ASSESS_REQUIRE_OFFICE=1 makes their absence a failure)"
        );
        return;
    };
    // The widest tables: the example year with last year beside.
    let docx = published().case.path("prev/通报.docx");
    let case = Case::new();
    let profile = case.path("profile");
    // And without it, converted in the same run, for where the notes fall.
    let bare = case.path("bare.docx");
    std::fs::copy(published().case.path("bare/通报.docx"), &bare).unwrap();
    let run = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(case.dir())
        .arg(&docx)
        .arg(&bare)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("soffice runs");
    // A conversion takes seconds; one that hangs is stopped, not waited for.
    let started = std::time::Instant::now();
    let mut child = run;
    while child.try_wait().expect("soffice runs").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(180) {
            let _ = child.kill();
            panic!("soffice did not finish in three minutes");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let run = child.wait_with_output().expect("soffice's output");
    let pdf = case.path("通报.pdf");
    assert!(
        run.status.success() && pdf.is_file() && case.path("bare.pdf").is_file(),
        "soffice failed: {}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let info = Command::new(&pdfinfo).arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("the page count in {info}"));
    let texts: Vec<String> = (1..=pages).map(|p| pdf_page(&pdf, p)).collect();
    let numbers: Vec<u32> = texts
        .iter()
        .map(|t| page_number(t).unwrap_or_else(|| panic!("a page number on:\n{t}")))
        .collect();
    println!("LibreOffice: {pages} pages, numbered {numbers:?}");
    // Numbered from 1 without a gap, but for the blank page LibreOffice
    // leaves out of a PDF before a 版记 that must start an even page.
    assert_eq!(numbers[0], 1);
    for (k, w) in numbers.windows(2).enumerate() {
        let gap = w[1].saturating_sub(w[0]);
        assert!(
            gap == 1 || (gap == 2 && k + 2 == pages),
            "pages numbered {numbers:?}"
        );
    }
    let last = *numbers.last().unwrap();
    assert_eq!(last % 2, 0, "the 版记 is on an even page: {numbers:?}");
    // The text takes a few pages, the annexes one or two each, the 版记 one.
    assert!((5..=10).contains(&pages), "{pages} pages");
    // Each annex at the top of a page of its own; the 版记 alone on the last.
    let first_line = |t: &str| {
        t.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap()
            .trim()
            .to_string()
    };
    let mut first_annex = texts.len();
    for k in 1..=2 {
        let at = texts
            .iter()
            .position(|t| {
                first_line(t) == format!("附件 {k}") || first_line(t) == format!("附件{k}")
            })
            .unwrap_or_else(|| panic!("附件{k} heads a page"));
        assert!(at >= 1, "after the text");
        first_annex = first_annex.min(at);
    }
    let colophon = texts.last().unwrap();
    assert!(first_line(colophon).starts_with("抄送："), "{colophon}");
    // Each unit's row: its rank, total and grade on one line (the middle
    // one of a row whose name wraps), the grade whole (a veto's broken
    // before its bracket at most), its name on that line or wrapped on the
    // lines around it.
    let annexes = texts[first_annex..texts.len() - 1].join("\n");
    let lines: Vec<Vec<&str>> = annexes
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let results = published_results();
    let mut wrapped = Vec::new();
    // The cells of the lines around `at`, and the parts of `name` in them.
    let around = |at: usize| -> Vec<&str> {
        lines[at.saturating_sub(1)..(at + 2).min(lines.len())]
            .iter()
            .flatten()
            .copied()
            .collect()
    };
    let parts = |cells: &[&str], name: &str| -> String {
        cells
            .iter()
            .filter(|c| c.chars().count() >= 2 && name.contains(**c))
            .copied()
            .collect()
    };
    for units in &results {
        for (name, total, grade) in units {
            let at = lines
                .iter()
                .enumerate()
                .position(|(k, cells)| {
                    cells.len() > 3
                        && cells[0].chars().all(|c| c.is_ascii_digit())
                        && cells.iter().any(|c| c.trim_end_matches('*') == total)
                        && (cells.contains(&name.as_str()) || parts(&around(k), name) == *name)
                })
                .unwrap_or_else(|| {
                    panic!("{name}'s row ({total}) whole or wrapped in:\n{annexes}")
                });
            let cells = around(at);
            if name == VETOED {
                assert!(
                    cells.contains(&grade.as_str()) && cells.contains(&"（一票否决）")
                        || cells.contains(&format!("{grade}（一票否决）").as_str()),
                    "{name}'s grade {grade} whole in {cells:?}"
                );
            } else {
                assert!(
                    lines[at].contains(&grade.as_str()),
                    "{name}'s grade {grade} whole beside its total in {:?}",
                    lines[at]
                );
            }
            if !lines[at].contains(&name.as_str()) {
                wrapped.push(name.clone());
            }
        }
    }
    // With last year beside, the longest names wrap in 五号 rather than the
    // table shrinking; no line holds a character of a grade alone.
    assert!(
        wrapped.iter().any(|n| n == LONGEST_NAME),
        "{LONGEST_NAME} wraps: {wrapped:?}"
    );
    let fragments = ["不", "合", "格", "优", "秀", "良", "好", "不合"];
    for cells in &lines {
        for c in cells {
            assert!(!fragments.contains(c), "{c} alone in {cells:?}:\n{annexes}");
        }
    }
    // The tables set in 五号 (小五 at the least): a grade's two characters
    // are two ems wide, 21 pt, as pdftotext measures them.
    let mut widths = Vec::new();
    for page in first_annex..texts.len() - 1 {
        for (word, w) in pdf_words(&pdf, page + 1) {
            if GRADES.contains(&word.as_str()) {
                widths.push(w / word.chars().count() as f64);
            }
        }
    }
    assert!(!widths.is_empty());
    let least = widths.iter().copied().fold(f64::INFINITY, f64::min);
    println!("LibreOffice: a grade's character {least:.2} pt wide at the least");
    assert!(least >= 9.0 - 0.05, "小五 at the least: {least} pt");
    assert!((least - 10.5).abs() < 0.05, "五号: {least} pt");
    // An annex's notes never start a page of their own: the table's last
    // row is kept with them (附件2 of the example year without last year
    // would leave its last two notes alone on a page).
    let bare = case.path("bare.pdf");
    let info = Command::new(&pdfinfo).arg(&bare).output().unwrap();
    let pages: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("the page count");
    for page in 2..=pages {
        let text = pdf_page(&bare, page);
        let first = first_line(&text);
        let note = first.starts_with("注：")
            || first.split_once('.').is_some_and(|(n, rest)| {
                !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_digit())
                    && !rest.starts_with(|c: char| c.is_ascii_digit())
            });
        assert!(!note, "page {page} starts with a note:\n{text}");
    }
}
