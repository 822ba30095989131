//! The canonical text of a rubric file (`docs/formats.md`, “The rubric”):
//! every key in a fixed order, nested `[[section.item.item]]` for groups
//! and `[[…rule]]` for rules, numbers as the exact decimals they are, texts
//! quoted and escaped.
//!
//! The writer works on a [`Draft`]: the rubric's values as plain data, each
//! with an origin `O` (where it came from). `rubric import` builds a draft
//! from a workbook with the cell of every value as its origin, writes it, and
//! gets back, for every line of the text, the cell that produced it, so an
//! error the loader finds in the text can name the cell. [`to_toml`] writes a
//! loaded rubric the same way (origin `()`), which makes two rubrics
//! comparable as texts: `import(export(R))` is exactly `to_toml(R)`.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::model::rubric::RuleKind as Kind;
use crate::model::rubric::{Node, Ranking, Rubric, Start};

/// A value and where it came from; `None` when it is absent (or could not
/// be read, which was reported).
pub type Val<T, O> = Option<(T, O)>;

/// `[period]`: where the table comes from, its start and its end.
pub type Period<O> = (O, Val<Date, O>, Val<Date, O>);

/// `[conversion]`: where the table comes from, its points and its label.
pub type Conversion<O> = (O, Val<Decimal, O>, Val<String, O>);

/// `[scorers]`: where the table comes from, and (id, name) with the origin
/// of each line.
pub type Scorers<O> = (O, Vec<(String, String, O)>);

/// A rubric as plain data, in the order it is written.
#[derive(Debug, Clone)]
pub struct Draft<O> {
    pub id: Val<String, O>,
    pub title: Val<String, O>,
    pub year: Val<i64, O>,
    pub total: Val<Decimal, O>,
    pub decimals: Val<u32, O>,
    pub ranking: Val<Ranking, O>,
    pub period: Option<Period<O>>,
    pub conversion: Option<Conversion<O>>,
    pub scorers: Option<Scorers<O>>,
    pub grades: Vec<DraftGrade<O>>,
    pub units: Vec<DraftUnit<O>>,
    pub sections: Vec<DraftSection<O>>,
}

#[derive(Debug, Clone)]
pub struct DraftGrade<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub label: Val<String, O>,
    pub min: Val<Decimal, O>,
}

#[derive(Debug, Clone)]
pub struct DraftUnit<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub name: Val<String, O>,
    /// Written only when there is at least one.
    pub aliases: Val<Vec<String>, O>,
}

#[derive(Debug, Clone)]
pub struct DraftSection<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub title: Val<String, O>,
    pub items: Vec<DraftNode<O>>,
}

/// An indicator below a section: a group or a leaf.
#[derive(Debug, Clone)]
pub struct DraftNode<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub title: Val<String, O>,
    pub max: Val<Decimal, O>,
    pub criteria: Val<String, O>,
    pub body: Body<O>,
}

#[derive(Debug, Clone)]
pub enum Body<O> {
    Group(Vec<DraftNode<O>>),
    Leaf(DraftLeaf<O>),
}

#[derive(Debug, Clone)]
pub struct DraftLeaf<O> {
    /// (scorer id, weight); absent for an item scored by daily records alone.
    pub scorers: Val<Vec<(String, Decimal)>, O>,
    pub start: Val<Start, O>,
    pub max_deduct: Val<Decimal, O>,
    pub max_add: Val<Decimal, O>,
    pub rules: Vec<DraftRule<O>>,
}

#[derive(Debug, Clone)]
pub struct DraftRule<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub text: Val<String, O>,
    pub kind: Val<Kind, O>,
    pub points: Val<Decimal, O>,
    pub max: Val<Decimal, O>,
}

/// A loaded rubric in its canonical text.
pub fn to_toml(r: &Rubric) -> String {
    write(&from_rubric(r)).0
}

/// A loaded rubric as a draft: every value it holds, nothing it does not
/// (comments and layout of its file are not part of the model).
pub fn from_rubric(r: &Rubric) -> Draft<()> {
    Draft {
        id: text_val(&r.id),
        title: text_val(&r.title),
        year: Some((r.year, ())),
        total: number_val(r.total),
        decimals: Some((r.decimals, ())),
        ranking: Some((r.ranking, ())),
        period: Some(((), Some((r.start, ())), Some((r.end, ())))),
        conversion: r.conversion.as_ref().map(|c| {
            let label = (!c.label.is_empty()).then(|| (c.label.clone(), ()));
            ((), number_val(c.points), label)
        }),
        scorers: Some((
            (),
            r.scorers
                .iter()
                .map(|s| (s.id.clone(), s.name.clone(), ()))
                .collect(),
        )),
        grades: r
            .grades
            .iter()
            .map(|g| DraftGrade {
                at: (),
                id: text_val(&g.id),
                label: text_val(&g.label),
                min: number_val(g.min),
            })
            .collect(),
        units: r
            .units
            .iter()
            .map(|u| DraftUnit {
                at: (),
                id: text_val(&u.id),
                name: text_val(&u.name),
                aliases: (!u.aliases.is_empty()).then(|| (u.aliases.clone(), ())),
            })
            .collect(),
        sections: (0..r.sections.len()).map(|s| section_draft(r, s)).collect(),
    }
}

fn text_val(s: &str) -> Val<String, ()> {
    Some((s.to_string(), ()))
}

fn number_val(x: Decimal) -> Val<Decimal, ()> {
    Some((x, ()))
}

/// Section `s` of a loaded rubric with its tree of indicators.
fn section_draft(r: &Rubric, s: usize) -> DraftSection<()> {
    // The outline lists each group before its leaves, with its level:
    // a stack of open groups rebuilds the tree.
    let mut top: Vec<DraftNode<()>> = Vec::new();
    let mut open: Vec<DraftNode<()>> = Vec::new();
    for n in r.outline(s) {
        let level = match n {
            Node::Group(_, l) | Node::Leaf(_, l) => l,
        };
        close_groups(&mut open, &mut top, level - 2);
        let node = node_draft(r, n);
        match (n, open.last_mut()) {
            (Node::Group(..), _) => open.push(node),
            (
                Node::Leaf(..),
                Some(DraftNode {
                    body: Body::Group(kids),
                    ..
                }),
            ) => kids.push(node),
            (Node::Leaf(..), _) => top.push(node),
        }
    }
    close_groups(&mut open, &mut top, 0);
    let section = &r.sections[s];
    DraftSection {
        at: (),
        id: text_val(&section.id),
        title: text_val(&section.title),
        items: top,
    }
}

/// Closes the open groups deeper than `depth`, each into the group above
/// it, or into the section's `top` list.
fn close_groups(open: &mut Vec<DraftNode<()>>, top: &mut Vec<DraftNode<()>>, depth: usize) {
    while open.len() > depth {
        let Some(done) = open.pop() else { break };
        match open.last_mut() {
            Some(DraftNode {
                body: Body::Group(kids),
                ..
            }) => kids.push(done),
            _ => top.push(done),
        }
    }
}

/// One indicator of the outline; a group without its children yet.
fn node_draft(r: &Rubric, n: Node) -> DraftNode<()> {
    match n {
        Node::Group(g, _) => {
            let g = &r.groups[g];
            DraftNode {
                at: (),
                id: text_val(&g.id),
                title: text_val(&g.title),
                max: number_val(g.max),
                criteria: g.criteria.as_deref().and_then(text_val),
                body: Body::Group(Vec::new()),
            }
        }
        Node::Leaf(i, _) => leaf_draft(r, i),
    }
}

/// Leaf `i`: its scorers (or where it starts) and its rules.
fn leaf_draft(r: &Rubric, i: usize) -> DraftNode<()> {
    let item = &r.items[i];
    let scorers = (!item.scorers.is_empty()).then(|| {
        let ws = item
            .scorers
            .iter()
            .map(|w| (r.scorers[w.scorer].id.clone(), w.weight))
            .collect();
        (ws, ())
    });
    let rules = r.rules[item.rules.clone()]
        .iter()
        .map(|x| DraftRule {
            at: (),
            id: text_val(&x.id),
            text: text_val(&x.text),
            kind: Some((x.kind, ())),
            points: number_val(x.points),
            max: x.max.and_then(number_val),
        })
        .collect();
    DraftNode {
        at: (),
        id: text_val(&item.id),
        title: text_val(&item.title),
        max: number_val(item.max),
        criteria: item.criteria.as_deref().and_then(text_val),
        body: Body::Leaf(DraftLeaf {
            start: item.scorers.is_empty().then_some((item.start, ())),
            scorers,
            max_deduct: item.max_deduct.and_then(number_val),
            max_add: item.max_add.and_then(number_val),
            rules,
        }),
    }
}

/// The text of a draft, and for each of its lines (line `n` at index `n - 1`)
/// the origin of what it holds (`None` for blank lines).
pub fn write<O: Clone>(d: &Draft<O>) -> (String, Vec<Option<O>>) {
    let mut w = Out {
        text: String::new(),
        origins: Vec::new(),
    };
    w.kv(0, "id", d.id.as_ref().map(|(s, o)| (string(s), o)));
    w.kv(0, "title", d.title.as_ref().map(|(s, o)| (string(s), o)));
    w.kv(0, "year", d.year.as_ref().map(|(y, o)| (y.to_string(), o)));
    w.kv(0, "total", d.total.as_ref().map(|(x, o)| (number(*x), o)));
    w.kv(
        0,
        "decimals",
        d.decimals.as_ref().map(|(x, o)| (x.to_string(), o)),
    );
    w.kv(
        0,
        "ranking",
        d.ranking.as_ref().map(|(x, o)| {
            let name = match x {
                Ranking::Competition => "competition",
                Ranking::Dense => "dense",
            };
            (string(name), o)
        }),
    );
    if let Some((at, start, end)) = &d.period {
        w.blank();
        w.line(0, "[period]", Some(at));
        w.kv(0, "start", start.as_ref().map(|(x, o)| (x.to_string(), o)));
        w.kv(0, "end", end.as_ref().map(|(x, o)| (x.to_string(), o)));
    }
    if let Some((at, points, label)) = &d.conversion {
        w.blank();
        w.line(0, "[conversion]", Some(at));
        w.kv(0, "points", points.as_ref().map(|(x, o)| (number(*x), o)));
        w.kv(0, "label", label.as_ref().map(|(x, o)| (string(x), o)));
    }
    if let Some((at, scorers)) = &d.scorers {
        w.blank();
        w.line(0, "[scorers]", Some(at));
        for (id, name, o) in scorers {
            w.line(0, &format!("{} = {}", key(id), string(name)), Some(o));
        }
    }
    for g in &d.grades {
        w.blank();
        w.line(0, "[[grade]]", Some(&g.at));
        w.kv(0, "id", g.id.as_ref().map(|(s, o)| (string(s), o)));
        w.kv(0, "label", g.label.as_ref().map(|(s, o)| (string(s), o)));
        w.kv(0, "min", g.min.as_ref().map(|(x, o)| (number(*x), o)));
    }
    for u in &d.units {
        w.blank();
        w.line(0, "[[unit]]", Some(&u.at));
        w.kv(0, "id", u.id.as_ref().map(|(s, o)| (string(s), o)));
        w.kv(0, "name", u.name.as_ref().map(|(s, o)| (string(s), o)));
        w.kv(
            0,
            "aliases",
            u.aliases.as_ref().map(|(list, o)| {
                let items: Vec<String> = list.iter().map(|a| string(a)).collect();
                (format!("[{}]", items.join(", ")), o)
            }),
        );
    }
    for s in &d.sections {
        w.blank();
        w.line(0, "[[section]]", Some(&s.at));
        w.kv(0, "id", s.id.as_ref().map(|(x, o)| (string(x), o)));
        w.kv(0, "title", s.title.as_ref().map(|(x, o)| (string(x), o)));
        for n in &s.items {
            w.node(n, "section.item", 1);
        }
    }
    (w.text, w.origins)
}

struct Out<O> {
    text: String,
    origins: Vec<Option<O>>,
}

impl<O: Clone> Out<O> {
    fn line(&mut self, indent: usize, s: &str, at: Option<&O>) {
        for _ in 0..indent {
            self.text.push_str("  ");
        }
        self.text.push_str(s);
        self.text.push('\n');
        self.origins.push(at.cloned());
    }

    fn blank(&mut self) {
        self.text.push('\n');
        self.origins.push(None);
    }

    fn kv(&mut self, indent: usize, k: &str, value: Option<(String, &O)>) {
        if let Some((v, o)) = value {
            self.line(indent, &format!("{k} = {v}"), Some(o));
        }
    }

    fn node(&mut self, n: &DraftNode<O>, path: &str, indent: usize) {
        self.blank();
        self.line(indent, &format!("[[{path}]]"), Some(&n.at));
        self.kv(indent, "id", n.id.as_ref().map(|(x, o)| (string(x), o)));
        self.kv(
            indent,
            "title",
            n.title.as_ref().map(|(x, o)| (string(x), o)),
        );
        self.kv(indent, "max", n.max.as_ref().map(|(x, o)| (number(*x), o)));
        match &n.body {
            Body::Group(kids) => {
                self.criteria(indent, n);
                let inner = format!("{path}.item");
                for k in kids {
                    self.node(k, &inner, indent + 1);
                }
            }
            Body::Leaf(leaf) => {
                self.kv(
                    indent,
                    "scorers",
                    leaf.scorers.as_ref().map(|(ws, o)| {
                        let parts: Vec<String> = ws
                            .iter()
                            .map(|(id, w)| format!("{} = {}", key(id), number(*w)))
                            .collect();
                        (format!("{{ {} }}", parts.join(", ")), o)
                    }),
                );
                self.kv(
                    indent,
                    "start",
                    leaf.start.as_ref().map(|(s, o)| {
                        let name = match s {
                            Start::Zero => "zero",
                            Start::Full => "full",
                        };
                        (string(name), o)
                    }),
                );
                self.kv(
                    indent,
                    "max_deduct",
                    leaf.max_deduct.as_ref().map(|(x, o)| (number(*x), o)),
                );
                self.kv(
                    indent,
                    "max_add",
                    leaf.max_add.as_ref().map(|(x, o)| (number(*x), o)),
                );
                self.criteria(indent, n);
                let rule_path = format!("{path}.rule");
                for rule in &leaf.rules {
                    self.rule(rule, &rule_path, indent + 1);
                }
            }
        }
    }

    fn criteria(&mut self, indent: usize, n: &DraftNode<O>) {
        self.kv(
            indent,
            "criteria",
            n.criteria.as_ref().map(|(x, o)| (string(x), o)),
        );
    }

    fn rule(&mut self, r: &DraftRule<O>, path: &str, indent: usize) {
        self.blank();
        self.line(indent, &format!("[[{path}]]"), Some(&r.at));
        self.kv(indent, "id", r.id.as_ref().map(|(x, o)| (string(x), o)));
        self.kv(indent, "text", r.text.as_ref().map(|(x, o)| (string(x), o)));
        self.kv(
            indent,
            "kind",
            r.kind.as_ref().map(|(k, o)| (string(k.id()), o)),
        );
        self.kv(
            indent,
            "points",
            r.points.as_ref().map(|(x, o)| (number(*x), o)),
        );
        self.kv(indent, "max", r.max.as_ref().map(|(x, o)| (number(*x), o)));
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped,
/// everything else (Chinese included) as it is.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key: bare when TOML allows it (`office`), quoted otherwise.
pub fn key(s: &str) -> String {
    let bare = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { s.to_string() } else { string(s) }
}

/// A number exactly as the decimal it is: an integer literal when it is
/// whole and fits one (`8`), else a float literal of its shortest exact
/// decimal (`0.35`, which the loader reads as written, not as a binary float).
pub fn number(d: Decimal) -> String {
    let text = crate::num::plain(d);
    if text.contains('.') || text.parse::<i64>().is_ok() {
        text
    } else {
        format!("{text}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_and_chinese_kept() {
        assert_eq!(
            string("“放管服”\n\"a\"\\b\u{1}"),
            "\"“放管服”\\n\\\"a\\\"\\\\b\\u0001\""
        );
        assert_eq!(key("office"), "office");
        assert_eq!(key("办公室"), "\"办公室\"");
        assert_eq!(key("a.b"), "\"a.b\"");
    }

    #[test]
    fn numbers_are_exact() {
        use std::str::FromStr;
        let n = |s: &str| number(Decimal::from_str(s).unwrap());
        assert_eq!(n("8"), "8");
        assert_eq!(n("8.50"), "8.5");
        assert_eq!(
            n("0.333333333333333333333333"),
            "0.333333333333333333333333"
        );
        assert_eq!(n("100000000000000000000"), "100000000000000000000.0");
        assert_eq!(n("-0"), "0");
    }
}
