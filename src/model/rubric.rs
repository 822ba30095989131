//! The model of a rubric (考核细则): sections, groups, items and their rules,
//! scorers, grades and the roster of units it assesses.

use rust_decimal::Decimal;
use std::ops::Range;

use super::keys::Keys;
pub use super::mechanics::*;
use crate::date::Date;
use crate::model::source::InputFile;

/// The scoring standard for one class of assessed bodies (考核细则).
#[derive(Debug)]
pub struct Rubric {
    pub id: String,
    pub title: String,
    pub year: i64,
    /// The scale the total is published on, usually 100 (百分制).
    pub total: Decimal,
    /// Places of every published score.
    pub decimals: u32,
    pub ranking: Ranking,
    /// Daily records must be dated inside it (考核周期).
    pub start: Date,
    pub end: Date,
    pub scorers: Vec<Scorer>,
    /// Highest first; the last one's `min` is 0.
    pub grades: Vec<Grade>,
    pub units: Vec<Unit>,
    pub sections: Vec<Section>,
    /// Every leaf item (the scored indicators) of every section, depth
    /// first as written; a section and a group each hold a range of them.
    pub items: Vec<Item>,
    /// Every group (an indicator with indicators of its own), depth first as written.
    pub groups: Vec<Group>,
    /// Every rule of every leaf; a leaf holds a range of them.
    pub rules: Vec<Rule>,
    pub origin: InputFile,
    /// The file's text as loaded (`assess rubric --format toml` prints it).
    pub source: String,
    /// `[conversion]`: the total converted into another scale (折算).
    pub conversion: Option<Conversion>,
    /// The highest total a unit can reach: `max_total`, else the scale plus
    /// the bonus parts' maxima.
    pub max_total: Decimal,
    /// Whether `max_total` was written (a rubric printed back shows it).
    pub max_total_written: bool,
    /// What becomes of the points of a line that does not apply (`na`).
    pub na: NaPolicy,
    /// `[classes]`: the kinds of unit lines may be restricted to.
    pub classes: Vec<Class>,
    /// `[measures]`: the numbers measured per unit that lines are scored from.
    pub measures: Vec<Measure>,
    /// `[veto]`: what a veto does besides the lowest grade.
    pub veto: VetoRule,
    /// The methods of daily records: `[methods]`, else the five of the notice.
    pub methods: Vec<MethodDef>,
    pub(crate) item_keys: Keys<usize>,
    pub(crate) group_keys: Keys<usize>,
    pub(crate) scorer_keys: Keys<usize>,
}

/// The total converted into the prefecture's performance system (考核最终得分
/// 纳入地区绩效目标管理考核体系): `round(total × points / rubric total)`.
#[derive(Debug, Clone)]
pub struct Conversion {
    pub points: Decimal,
    /// What the converted score is called (纳入绩效目标管理考核折算分); may be empty.
    pub label: String,
}

/// A body that submits annual scores (评分单位).
#[derive(Debug)]
pub struct Scorer {
    pub id: String,
    pub name: String,
}

/// A band a total falls in (等次): 优秀, 良好, 合格, 不合格.
#[derive(Debug)]
pub struct Grade {
    pub id: String,
    pub label: String,
    pub min: Decimal,
    /// The most units it may hold (`quota`); never on the last grade.
    pub quota: Option<Quota>,
}

/// An assessed body (考核对象): a county government or a prefecture department.
#[derive(Debug)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// Short names (简称) that name the unit wherever its name does.
    pub aliases: Vec<String>,
    /// The classes it belongs to (`classes`), indices into `Rubric::classes`.
    pub classes: Vec<usize>,
    /// Lines of its `id`, `name` and `aliases` in the rubric file.
    pub line: usize,
    pub name_line: usize,
    pub alias_line: usize,
}

/// A part of a rubric (考核内容, 一级指标).
#[derive(Debug)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub items: Range<usize>,
    /// A part of the scale, a bonus part (加分项) or a penalty part (扣分项).
    pub kind: PartKind,
    /// The most a bonus or penalty part adds or takes (required there); on
    /// a scored section, its leaves' sum when written.
    pub max: Option<Decimal>,
    /// A bonus part's gate on the scored part.
    pub gate: Option<Gate>,
    pub line: usize,
}

/// A group of indicators (二级、三级指标 with indicators below them): its
/// score is the exact sum of its applicable leaves.
#[derive(Debug)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// The sum of its leaves' maxima.
    pub max: Decimal,
    pub section: usize,
    /// The group holding it, `None` directly under the section.
    pub parent: Option<usize>,
    /// Its leaves, a range of `Rubric::items` (depth first keeps them together).
    pub items: Range<usize>,
    /// 2 directly under a section (二级指标), 3 below that, and so on.
    pub level: usize,
    pub criteria: Option<String>,
    /// The units it applies to (`applies_to`, `except`), for every leaf below.
    pub applies: Applies,
    pub line: usize,
}

/// A per-instance deduction or addition a leaf's criteria are made of
/// (扣分标准: "每处扣0.5分，最多扣2分").
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub text: String,
    pub kind: RuleKind,
    /// Per instance, > 0.
    pub points: Decimal,
    /// What the rule takes from (or adds to) one unit's leaf in a year at most.
    pub max: Option<Decimal>,
    /// The leaf it belongs to.
    pub item: usize,
    pub line: usize,
}

/// A scored indicator: a leaf of the rubric's tree (考核项目).
#[derive(Debug)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub max: Decimal,
    pub section: usize,
    /// The group holding it, `None` directly under the section.
    pub parent: Option<usize>,
    /// Its rules, a range of `Rubric::rules`.
    pub rules: Range<usize>,
    /// Who scores it and with what weight; empty for an item scored by daily
    /// records alone.
    pub scorers: Vec<Weight>,
    pub start: Start,
    /// Cap on the sum of daily deductions (扣分上限).
    pub max_deduct: Option<Decimal>,
    /// Cap on the sum of daily additions (加分上限).
    pub max_add: Option<Decimal>,
    /// The written scoring standard (评分标准).
    pub criteria: Option<String>,
    /// The lowest score (倒扣): 0, or below 0 when written.
    pub floor: Decimal,
    /// A `floor` is written (even `floor = 0`): the JSON then shows the parts.
    pub floor_written: bool,
    /// Scored from a measured value through a scale, instead of scorers.
    pub measure: Option<Measured>,
    /// The units it applies to (`applies_to`, `except`); its groups' hold too.
    pub applies: Applies,
    /// Lines of its `id` and `title` in the rubric file.
    pub line: usize,
    pub title_line: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct Weight {
    /// Index into `Rubric::scorers`.
    pub scorer: usize,
    pub weight: Decimal,
}

/// What a rule does to a leaf's points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// 扣分标准
    Deduct,
    /// 加分标准
    Add,
}

impl RuleKind {
    /// The English id the rubric writes (`kind = "deduct"`).
    pub fn id(self) -> &'static str {
        match self {
            RuleKind::Deduct => "deduct",
            RuleKind::Add => "add",
        }
    }
}

/// Where an item without scorers starts before daily records apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// 加分项: from 0, daily additions raise it.
    Zero,
    /// 扣分制: from its max, deductions lower it (扣完为止).
    Full,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// 1, 2, 2, 4
    Competition,
    /// 1, 2, 2, 3
    Dense,
}

impl Rubric {
    /// An item by its id or, failing that, its title.
    pub fn item(&self, key: &str) -> Option<usize> {
        self.item_bytes(key.as_bytes())
    }

    /// An item by the raw bytes of a cell.
    pub fn item_bytes(&self, key: &[u8]) -> Option<usize> {
        self.item_keys.get(key).copied()
    }

    /// A group by its id or, failing that, its title (to say which leaves to name instead).
    pub fn group(&self, key: &str) -> Option<usize> {
        self.group_keys.get(key.as_bytes()).copied()
    }

    /// A rule of a leaf by its id or, failing that, its text.
    pub fn rule(&self, item: usize, key: &str) -> Option<usize> {
        let rules = self.items[item].rules.clone();
        let key = key.trim();
        rules
            .clone()
            .find(|&r| self.rules[r].id == key)
            .or_else(|| rules.into_iter().find(|&r| self.rules[r].text == key))
    }

    /// The ids of a group's leaves, for an error that names the group.
    pub fn leaf_ids(&self, group: usize) -> Vec<&str> {
        self.items[self.groups[group].items.clone()]
            .iter()
            .map(|i| i.id.as_str())
            .collect()
    }

    /// The path of groups above a leaf, outermost first.
    pub fn path(&self, mut parent: Option<usize>) -> Vec<&Group> {
        let mut path = Vec::new();
        while let Some(g) = parent {
            path.push(&self.groups[g]);
            parent = self.groups[g].parent;
        }
        path.reverse();
        path
    }

    /// A section's indicators in the order written (depth first): each
    /// group just before its first leaf, with its level (2 under the section).
    pub fn outline(&self, section: usize) -> Vec<Node> {
        let mut out = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for i in self.sections[section].items.clone() {
            let path: Vec<usize> = {
                let mut p = Vec::new();
                let mut g = self.items[i].parent;
                while let Some(x) = g {
                    p.push(x);
                    g = self.groups[x].parent;
                }
                p.reverse();
                p
            };
            let common = open.iter().zip(&path).take_while(|(a, b)| a == b).count();
            for (depth, &g) in path.iter().enumerate().skip(common) {
                out.push(Node::Group(g, depth + 2));
            }
            open = path;
            out.push(Node::Leaf(i, open.len() + 2));
        }
        out
    }

    /// Every item's id and title, in order (so suggestions are stable).
    pub fn item_names(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .flat_map(|i| [i.id.as_str(), i.title.as_str()])
    }

    /// A scorer by its id or, failing that, its name.
    pub fn scorer(&self, key: &str) -> Option<usize> {
        self.scorer_keys.get(key.as_bytes()).copied()
    }

    /// The first grade whose minimum the total reaches.
    pub fn grade_for(&self, total: Decimal) -> usize {
        self.grades
            .iter()
            .position(|g| g.min <= total)
            .unwrap_or(self.grades.len() - 1)
    }

    /// The grade a veto (一票否决) imposes: the last, lowest one.
    pub fn lowest_grade(&self) -> usize {
        self.grades.len() - 1
    }

    /// The part a leaf belongs to.
    pub fn part_of(&self, leaf: usize) -> PartKind {
        self.sections[self.items[leaf].section].kind
    }

    /// Whether a leaf is meant for a unit: its own classes rule and every
    /// group's above it (`applies_to`, `except`).
    pub fn applies(&self, leaf: usize, unit: usize) -> bool {
        let classes = &self.units[unit].classes;
        self.items[leaf].applies.includes(classes)
            && self
                .path(self.items[leaf].parent)
                .iter()
                .all(|g| g.applies.includes(classes))
    }

    /// The class rule that keeps a leaf from a unit: the leaf's own or a
    /// group's above it, for the error that names it.
    pub fn excluding_rule(&self, leaf: usize, unit: usize) -> Option<&Applies> {
        let classes = &self.units[unit].classes;
        let own = &self.items[leaf].applies;
        if !own.includes(classes) {
            return Some(own);
        }
        self.path(self.items[leaf].parent)
            .into_iter()
            .map(|g| &g.applies)
            .find(|a| !a.includes(classes))
    }

    /// Whether any part of the rubric is a bonus or penalty part, or any
    /// leaf has a floor: the unit's parts are then reported.
    pub fn has_parts(&self) -> bool {
        self.sections.iter().any(|s| s.kind != PartKind::Scored)
            || self.items.iter().any(|i| i.floor_written)
    }

    /// A measure by its id or, failing that, its title.
    pub fn measure(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        self.measures
            .iter()
            .position(|m| m.id == key)
            .or_else(|| self.measures.iter().position(|m| m.title == key))
    }

    /// A class by its id or, failing that, its label.
    pub fn find_class(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        self.classes
            .iter()
            .position(|c| c.id == key)
            .or_else(|| self.classes.iter().position(|c| c.label == key))
    }

    /// A section by its id or, failing that, its title.
    /// The leaves under what a record names (a leaf, a group, a section).
    pub fn leaves(&self, line: Line) -> Range<usize> {
        match line {
            Line::Leaf(i) => i..i + 1,
            Line::Group(g) => self.groups[g].items.clone(),
            Line::Section(s) => self.sections[s].items.clone(),
        }
    }

    /// The id and title of what a record names.
    pub fn line_names(&self, line: Line) -> (&str, &str) {
        match line {
            Line::Leaf(i) => (&self.items[i].id, &self.items[i].title),
            Line::Group(g) => (&self.groups[g].id, &self.groups[g].title),
            Line::Section(s) => (&self.sections[s].id, &self.sections[s].title),
        }
    }

    /// The section what a record names is in.
    pub fn line_section(&self, line: Line) -> usize {
        match line {
            Line::Leaf(i) => self.items[i].section,
            Line::Group(g) => self.groups[g].section,
            Line::Section(s) => s,
        }
    }

    /// A daily record's method (考核方式): an id, ignoring case, or a label as written.
    pub fn method(&self, cell: &str) -> Option<Method> {
        let cell = cell.trim();
        self.methods
            .iter()
            .position(|m| m.id.eq_ignore_ascii_case(cell))
            .or_else(|| self.methods.iter().position(|m| m.label == cell))
            .map(Method)
    }

    pub fn section(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        self.sections
            .iter()
            .position(|s| s.id == key)
            .or_else(|| self.sections.iter().position(|s| s.title == key))
    }
}

/// An indicator in a section's outline, with its level (2 = 二级指标).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Group(usize, usize),
    Leaf(usize, usize),
}

/// The words that end a rubric's name (细则) before the class it assesses.
const RUBRIC_WORDS: [&str; 5] = ["考核细则", "考核办法", "考核方案", "评分细则", "细则"];

impl Rubric {
    /// What the rubric assesses, for a results notice's title: the title
    /// without its closing word (考核细则) and the class of units in brackets
    /// after it. `塔城地区2020年度政务公开和“放管服”改革工作考核细则（各县（市））`
    /// gives `塔城地区2020年度政务公开和“放管服”改革工作`.
    pub fn subject(&self) -> &str {
        let title = self.title.trim();
        let head = title.len() - bracketed_tail(title).map_or(0, str::len);
        let head = &title[..head];
        RUBRIC_WORDS
            .iter()
            .find_map(|w| head.strip_suffix(w))
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(head)
            .trim_end()
    }

    /// The class of units named in brackets at the end of the title
    /// (`各县（市）`, `地直各部门`), if any.
    pub fn class(&self) -> Option<&str> {
        let tail = bracketed_tail(self.title.trim())?;
        let mut chars = tail.chars();
        chars.next();
        chars.next_back();
        Some(chars.as_str().trim()).filter(|c| !c.is_empty())
    }
}

/// The last bracketed part of a text when the text ends with it, brackets
/// included (full-width or ASCII, nested brackets kept whole).
fn bracketed_tail(text: &str) -> Option<&str> {
    let close = text.chars().next_back()?;
    if close != '）' && close != ')' {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (at > 0).then(|| &text[at..]);
                }
            }
            _ => {}
        }
    }
    None
}
