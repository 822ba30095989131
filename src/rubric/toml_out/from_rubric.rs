//! A loaded rubric as a [`Draft`] with no origins: every value it holds,
//! nothing it does not (comments and layout of its file are not part of
//! the model).

use rust_decimal::Decimal;

use super::{
    Body, Draft, DraftGrade, DraftLeaf, DraftMeasure, DraftNode, DraftRule, DraftSection,
    DraftUnit, DraftVeto, Labels, Val,
};
use crate::model::rubric::{Applies, NaPolicy, Node, PartKind, Quota, Rubric};

pub fn from_rubric(r: &Rubric) -> Draft<()> {
    Draft {
        id: text_val(&r.id),
        title: text_val(&r.title),
        year: Some((r.year, ())),
        total: number_val(r.total),
        max_total: r.max_total_written.then_some((r.max_total, ())),
        decimals: Some((r.decimals, ())),
        ranking: Some((r.ranking, ())),
        na: (r.na != NaPolicy::Rescale).then_some((r.na, ())),
        period: Some(((), Some((r.start, ())), Some((r.end, ())))),
        conversion: r.conversion.as_ref().map(|c| {
            let label = (!c.label.is_empty()).then(|| (c.label.clone(), ()));
            ((), number_val(c.points), label)
        }),
        scorers: Some(labels(r.scorers.iter().map(|s| (&s.id, &s.name)))),
        classes: (!r.classes.is_empty())
            .then(|| labels(r.classes.iter().map(|c| (&c.id, &c.label)))),
        measures: (!r.measures.is_empty()).then(|| {
            let list = r
                .measures
                .iter()
                .map(|m| DraftMeasure {
                    at: (),
                    id: m.id.clone(),
                    title: m.title.clone(),
                    unit: m.unit.clone(),
                })
                .collect();
            ((), list)
        }),
        veto: veto_draft(r),
        methods: r
            .methods
            .iter()
            .any(|m| !m.builtin)
            .then(|| labels(r.methods.iter().map(|m| (&m.id, &m.label)))),
        grades: r.grades.iter().map(grade_draft).collect(),
        units: r
            .units
            .iter()
            .map(|u| DraftUnit {
                at: (),
                id: text_val(&u.id),
                name: text_val(&u.name),
                aliases: (!u.aliases.is_empty()).then(|| (u.aliases.clone(), ())),
                classes: class_ids(r, &u.classes),
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

fn labels<'a>(list: impl Iterator<Item = (&'a String, &'a String)>) -> Labels<()> {
    (
        (),
        list.map(|(id, l)| (id.clone(), l.clone(), ())).collect(),
    )
}

/// The ids of classes (indices into the rubric's); `None` when there are none.
fn class_ids(r: &Rubric, classes: &[usize]) -> Val<Vec<String>, ()> {
    let ids: Vec<String> = classes
        .iter()
        .filter_map(|&c| r.classes.get(c).map(|c| c.id.clone()))
        .collect();
    (!ids.is_empty()).then_some((ids, ()))
}

/// `[veto]`, when a veto does more than give the lowest grade.
fn veto_draft(r: &Rubric) -> Option<DraftVeto<()>> {
    let v = &r.veto;
    (v.cap.is_some() || v.total.is_some() || v.rank_last).then(|| DraftVeto {
        at: (),
        cap: v.cap.and_then(number_val),
        total: v.total.and_then(number_val),
        rank_last: v.rank_last.then_some((true, ())),
    })
}

fn grade_draft(g: &crate::model::rubric::Grade) -> DraftGrade<()> {
    DraftGrade {
        at: (),
        id: text_val(&g.id),
        label: text_val(&g.label),
        min: number_val(g.min),
        quota: g.quota.and_then(|q| match q {
            Quota::Share(s) => number_val(s),
            Quota::Count(n) => number_val(Decimal::from(n)),
        }),
    }
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
    let outside = section.kind != PartKind::Scored;
    DraftSection {
        at: (),
        id: text_val(&section.id),
        title: text_val(&section.title),
        kind: outside.then_some((section.kind, ())),
        max: section.max.filter(|_| outside).and_then(number_val),
        gate: section.gate.and_then(|g| number_val(g.min)),
        gate_strict: section.gate.filter(|g| g.strict).map(|_| (true, ())),
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
            let (applies_to, except) = applies_draft(r, &g.applies);
            DraftNode {
                at: (),
                id: text_val(&g.id),
                title: text_val(&g.title),
                max: number_val(g.max),
                criteria: g.criteria.as_deref().and_then(text_val),
                applies_to,
                except,
                body: Body::Group(Vec::new()),
            }
        }
        Node::Leaf(i, _) => leaf_draft(r, i),
    }
}

/// `applies_to` and `except` as class ids.
fn applies_draft(r: &Rubric, a: &Applies) -> (Val<Vec<String>, ()>, Val<Vec<String>, ()>) {
    (class_ids(r, &a.to), class_ids(r, &a.except))
}

/// Leaf `i`: its scorers, its measure (or where it starts), its floor, its
/// class rules and its rules.
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
    let measured = item.measure.as_ref();
    // Only a leaf of daily records alone starts somewhere: not one with
    // scorers or a measure, nor a penalty line (scored by deductions alone).
    let starts = item.scorers.is_empty() && measured.is_none() && r.part_of(i) != PartKind::Penalty;
    let (applies_to, except) = applies_draft(r, &item.applies);
    DraftNode {
        at: (),
        id: text_val(&item.id),
        title: text_val(&item.title),
        max: number_val(item.max),
        criteria: item.criteria.as_deref().and_then(text_val),
        applies_to,
        except,
        body: Body::Leaf(DraftLeaf {
            start: starts.then_some((item.start, ())),
            scorers,
            measure: measured
                .and_then(|m| r.measures.get(m.measure))
                .and_then(|m| text_val(&m.id)),
            scale: measured.map(|m| (m.scale.clone(), ())),
            interpolate: measured.map(|m| (m.interpolate, ())),
            floor: item.floor_written.then_some((item.floor, ())),
            max_deduct: item.max_deduct.and_then(number_val),
            max_add: item.max_add.and_then(number_val),
            rules,
        }),
    }
}
