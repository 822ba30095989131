//! The text of a [`Draft`]: every key in a fixed order, and for each line
//! the origin of what it holds.

use rust_decimal::Decimal;

use super::{
    Body, Draft, DraftGrade, DraftLeaf, DraftMeasure, DraftNode, DraftRule, DraftSection,
    DraftUnit, DraftVeto, Labels, Val, key, number, string,
};
use crate::model::rubric::{Interpolate, NaPolicy, PartKind, Ranking, Start};

/// The text of a draft, and for each of its lines (line `n` at index `n - 1`)
/// the origin of what it holds (`None` for blank lines).
pub fn write<O: Clone>(d: &Draft<O>) -> (String, Vec<Option<O>>) {
    let mut w = Out {
        text: String::new(),
        origins: Vec::new(),
    };
    w.head(d);
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
    w.labels("[scorers]", d.scorers.as_ref());
    w.labels("[classes]", d.classes.as_ref());
    if let Some((at, list)) = &d.measures {
        w.measures(at, list);
    }
    if let Some(v) = &d.veto {
        w.veto(v);
    }
    w.labels("[methods]", d.methods.as_ref());
    for g in &d.grades {
        w.grade(g);
    }
    for u in &d.units {
        w.unit(u);
    }
    for s in &d.sections {
        w.section(s);
    }
    (w.text, w.origins)
}

struct Out<O> {
    text: String,
    origins: Vec<Option<O>>,
}

/// `["approval", "window"]`
fn string_list(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|a| string(a)).collect();
    format!("[{}]", items.join(", "))
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

    /// A text value.
    fn text_kv(&mut self, indent: usize, k: &str, value: &Val<String, O>) {
        self.kv(indent, k, value.as_ref().map(|(x, o)| (string(x), o)));
    }

    /// A number value.
    fn number_kv(&mut self, indent: usize, k: &str, value: &Val<Decimal, O>) {
        self.kv(indent, k, value.as_ref().map(|(x, o)| (number(*x), o)));
    }

    /// A list of texts (aliases, class ids).
    fn list_kv(&mut self, indent: usize, k: &str, value: &Val<Vec<String>, O>) {
        self.kv(indent, k, value.as_ref().map(|(x, o)| (string_list(x), o)));
    }

    /// The top-level keys, before any table.
    fn head(&mut self, d: &Draft<O>) {
        self.text_kv(0, "id", &d.id);
        self.text_kv(0, "title", &d.title);
        self.kv(0, "year", d.year.as_ref().map(|(y, o)| (y.to_string(), o)));
        self.number_kv(0, "total", &d.total);
        self.number_kv(0, "max_total", &d.max_total);
        self.kv(
            0,
            "decimals",
            d.decimals.as_ref().map(|(x, o)| (x.to_string(), o)),
        );
        self.kv(
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
        self.kv(
            0,
            "na",
            d.na.as_ref().map(|(x, o)| (string(NaPolicy::id(*x)), o)),
        );
    }

    /// `[scorers]`, `[classes]`, `[methods]`: `id = "label"` lines.
    fn labels(&mut self, header: &str, table: Option<&Labels<O>>) {
        let Some((at, list)) = table else {
            return;
        };
        self.blank();
        self.line(0, header, Some(at));
        for (id, label, o) in list {
            self.line(0, &format!("{} = {}", key(id), string(label)), Some(o));
        }
    }

    /// `[measures]`: a title alone, or a title and a unit.
    fn measures(&mut self, at: &O, list: &[DraftMeasure<O>]) {
        self.blank();
        self.line(0, "[measures]", Some(at));
        for m in list {
            let value = match &m.unit {
                Some(u) => format!("{{ title = {}, unit = {} }}", string(&m.title), string(u)),
                None => string(&m.title),
            };
            self.line(0, &format!("{} = {value}", key(&m.id)), Some(&m.at));
        }
    }

    fn veto(&mut self, v: &DraftVeto<O>) {
        self.blank();
        self.line(0, "[veto]", Some(&v.at));
        self.number_kv(0, "cap", &v.cap);
        self.number_kv(0, "total", &v.total);
        self.kv(
            0,
            "rank",
            v.rank_last.as_ref().map(|(last, o)| {
                let rank = if *last { "last" } else { "keep" };
                (string(rank), o)
            }),
        );
    }

    fn grade(&mut self, g: &DraftGrade<O>) {
        self.blank();
        self.line(0, "[[grade]]", Some(&g.at));
        self.text_kv(0, "id", &g.id);
        self.text_kv(0, "label", &g.label);
        self.number_kv(0, "min", &g.min);
        self.number_kv(0, "quota", &g.quota);
    }

    fn unit(&mut self, u: &DraftUnit<O>) {
        self.blank();
        self.line(0, "[[unit]]", Some(&u.at));
        self.text_kv(0, "id", &u.id);
        self.text_kv(0, "name", &u.name);
        self.list_kv(0, "aliases", &u.aliases);
        self.list_kv(0, "classes", &u.classes);
    }

    fn section(&mut self, s: &DraftSection<O>) {
        self.blank();
        self.line(0, "[[section]]", Some(&s.at));
        self.text_kv(0, "id", &s.id);
        self.text_kv(0, "title", &s.title);
        self.kv(
            0,
            "kind",
            s.kind.as_ref().map(|(k, o)| (string(PartKind::id(*k)), o)),
        );
        self.number_kv(0, "max", &s.max);
        self.number_kv(0, "gate", &s.gate);
        self.kv(
            0,
            "gate_strict",
            s.gate_strict.as_ref().map(|(x, o)| (x.to_string(), o)),
        );
        for n in &s.items {
            self.node(n, "section.item", 1);
        }
    }

    fn node(&mut self, n: &DraftNode<O>, path: &str, indent: usize) {
        self.blank();
        self.line(indent, &format!("[[{path}]]"), Some(&n.at));
        self.text_kv(indent, "id", &n.id);
        self.text_kv(indent, "title", &n.title);
        self.number_kv(indent, "max", &n.max);
        match &n.body {
            Body::Group(kids) => {
                self.applies(indent, n);
                self.text_kv(indent, "criteria", &n.criteria);
                let inner = format!("{path}.item");
                for k in kids {
                    self.node(k, &inner, indent + 1);
                }
            }
            Body::Leaf(leaf) => {
                self.leaf(leaf, indent);
                self.applies(indent, n);
                self.text_kv(indent, "criteria", &n.criteria);
                let rule_path = format!("{path}.rule");
                for rule in &leaf.rules {
                    self.rule(rule, &rule_path, indent + 1);
                }
            }
        }
    }

    /// A leaf's keys after its max: who or what scores it, its floor and caps.
    fn leaf(&mut self, leaf: &DraftLeaf<O>, indent: usize) {
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
        self.text_kv(indent, "measure", &leaf.measure);
        self.kv(
            indent,
            "scale",
            leaf.scale.as_ref().map(|(points, o)| {
                let pairs: Vec<String> = points
                    .iter()
                    .map(|(v, b)| format!("[{}, {}]", number(*v), number(*b)))
                    .collect();
                (format!("[{}]", pairs.join(", ")), o)
            }),
        );
        self.kv(
            indent,
            "interpolate",
            leaf.interpolate.as_ref().map(|(x, o)| {
                let name = match x {
                    Interpolate::Linear => "linear",
                    Interpolate::Step => "step",
                };
                (string(name), o)
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
        self.number_kv(indent, "floor", &leaf.floor);
        self.number_kv(indent, "max_deduct", &leaf.max_deduct);
        self.number_kv(indent, "max_add", &leaf.max_add);
    }

    fn applies(&mut self, indent: usize, n: &DraftNode<O>) {
        self.list_kv(indent, "applies_to", &n.applies_to);
        self.list_kv(indent, "except", &n.except);
    }

    fn rule(&mut self, r: &DraftRule<O>, path: &str, indent: usize) {
        self.blank();
        self.line(indent, &format!("[[{path}]]"), Some(&r.at));
        self.text_kv(indent, "id", &r.id);
        self.text_kv(indent, "text", &r.text);
        self.kv(
            indent,
            "kind",
            r.kind.as_ref().map(|(k, o)| (string(k.id()), o)),
        );
        self.number_kv(indent, "points", &r.points);
        self.number_kv(indent, "max", &r.max);
    }
}
