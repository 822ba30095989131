//! The tree of indicators read from 细则 (sections, groups, leaves), and
//! its draft: the points written in a section's or group's cell checked
//! against the sum of its leaves, except a bonus or penalty part's, which
//! are its max.

use rust_decimal::Decimal;

use super::cells::{At, Errors, cell_name};
use super::groups::AppliesCell;
use super::measured::MeasureCells;
use super::part::Part;
use crate::model::rubric::{PartKind, Start};
use crate::num;
use crate::rubric::toml_out::{Body, DraftLeaf, DraftNode, DraftRule, DraftSection, Val};
use crate::text::i18n::msg;

/// An indicator of the 细则 sheet: a section (level 0), a group or a leaf.
pub(super) struct TNode {
    pub(super) level: usize,
    pub(super) text: String,
    /// The cell its text was written in (a merged range's first cell).
    pub(super) at: At,
    pub(super) kids: Vec<usize>,
    pub(super) leaf: Option<Leaf>,
    /// Resolved later.
    pub(super) id: String,
    pub(super) id_at: At,
    pub(super) title: String,
    pub(super) title_at: At,
    pub(super) points: Option<Decimal>,
    pub(super) criteria: Option<(String, At)>,
    /// A section's 类别, from the first of its rows that has one.
    pub(super) part: Option<(Part, At)>,
    /// A group's 适用范围 (from 指标说明).
    pub(super) applies: Option<AppliesCell>,
}

/// What a leaf's row holds besides its title.
pub(super) struct Leaf {
    pub(super) code: Option<(String, At)>,
    pub(super) points: Result<Option<Decimal>, ()>,
    pub(super) points_at: At,
    pub(super) criteria: Option<(String, At)>,
    pub(super) scorers: Option<Vec<(String, Decimal)>>,
    pub(super) scorers_at: At,
    pub(super) start: Option<(Start, At)>,
    pub(super) max_deduct: Option<(Decimal, At)>,
    pub(super) max_add: Option<(Decimal, At)>,
    pub(super) rules: Vec<DraftRule<At>>,
    /// 计分方式 was written (else `start` is the default, which a leaf
    /// with a measure or of a penalty part does not take).
    pub(super) start_written: bool,
    /// The row's 类别 (its section's).
    pub(super) part: PartCell,
    pub(super) floor: Option<(Decimal, At)>,
    pub(super) measured: MeasureCells,
    pub(super) applies: Option<AppliesCell>,
}

/// A row's 类别: none written, a part, or one that names none (reported).
pub(super) type PartCell = Result<Option<(Part, At)>, ()>;

/// The indicators of 细则 as read, each section the root of its tree.
#[derive(Default)]
pub(super) struct Tree {
    pub(super) nodes: Vec<TNode>,
    pub(super) sections: Vec<usize>,
}

impl Tree {
    /// Adds the indicators of a row (`cells`, its section first and its
    /// leaf last) below the ones still `open`: a group continues while the
    /// same text stands in its column under the same parents.
    pub(super) fn add_row(&mut self, open: &mut Vec<usize>, cells: Vec<(String, At)>, leaf: Leaf) {
        let leaf_k = cells.len() - 1;
        let mut keep = 0;
        while keep < leaf_k
            && keep < open.len()
            && self.nodes[open[keep]].text == cells[keep].0
            && self.nodes[open[keep]].leaf.is_none()
        {
            keep += 1;
        }
        open.truncate(keep);
        for (k, (text, at)) in cells.into_iter().enumerate().skip(keep) {
            let n = self.nodes.len();
            self.nodes.push(TNode {
                level: k,
                text,
                at: at.clone(),
                kids: Vec::new(),
                leaf: None,
                id: String::new(),
                id_at: at.clone(),
                title: String::new(),
                title_at: at,
                points: None,
                criteria: None,
                part: None,
                applies: None,
            });
            match open.last() {
                Some(&p) => self.nodes[p].kids.push(n),
                None => self.sections.push(n),
            }
            if k == leaf_k {
                self.nodes[n].leaf = Some(leaf);
                break;
            }
            open.push(n);
        }
    }
}

impl Tree {
    /// The 类别 of the last row read, for its section (the last one): the
    /// first written stands, another one differing is reported.
    pub(super) fn note_part(&mut self, part: Option<(Part, At)>, e: &mut Errors) {
        let (Some((part, at)), Some(&n)) = (part, self.sections.last()) else {
            return;
        };
        let section = &mut self.nodes[n];
        match &section.part {
            None => section.part = Some((part, at)),
            Some((first, first_at)) if *first != part && *first_at != at => e.at(
                at,
                msg!(
                    "import-part-differs",
                    section = super::titles::split_points(&section.text).0,
                    first = cell_name(first_at.row, first_at.col)
                ),
            ),
            Some(_) => {}
        }
    }
}

impl Tree {
    /// The drafts of the sections, their written points checked against
    /// their leaves' sums where every row of them was read.
    pub(super) fn into_sections(mut self, e: &mut Errors) -> Vec<DraftSection<At>> {
        let sections = std::mem::take(&mut self.sections);
        sections
            .into_iter()
            .map(|s| {
                let known = e
                    .incomplete_sections
                    .as_ref()
                    .is_some_and(|set| !set.contains(&self.nodes[s].text));
                let part = self.nodes[s].part.clone();
                let kind = part.as_ref().map_or(PartKind::Scored, |(p, _)| p.kind);
                let (items, sum) = self.kids(s, known, kind, e);
                let node = &self.nodes[s];
                let outside = kind != PartKind::Scored;
                // A bonus or penalty part's points are its max, not a sum.
                if !outside {
                    check_points(node, sum, e);
                }
                let gate = part.as_ref().and_then(|(p, at)| p.gate.map(|g| (g, at)));
                DraftSection {
                    at: node.at.clone(),
                    id: Some((node.id.clone(), node.id_at.clone())),
                    title: Some((node.title.clone(), node.title_at.clone())),
                    kind: part
                        .as_ref()
                        .filter(|_| outside)
                        .map(|(p, at)| (p.kind, at.clone())),
                    max: node
                        .points
                        .filter(|_| outside)
                        .map(|p| (p, node.at.clone())),
                    gate: gate.map(|(g, at)| (g.min, at.clone())),
                    gate_strict: gate
                        .filter(|(g, _)| g.strict)
                        .map(|(_, at)| (true, at.clone())),
                    items,
                }
            })
            .collect()
    }

    /// The drafts of a node's children and the sum of their leaves' maxima
    /// (`None` when one is missing).
    /// `known`: every row of the section was read, so sums can be checked.
    fn kids(
        &mut self,
        n: usize,
        known: bool,
        kind: PartKind,
        e: &mut Errors,
    ) -> (Vec<DraftNode<At>>, Option<Decimal>) {
        let mut out = Vec::new();
        let mut sum = known.then_some(Decimal::ZERO);
        for k in self.nodes[n].kids.clone() {
            let (draft, max) = self.node(k, known, kind, e);
            sum = match (sum, max) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            };
            out.push(draft);
        }
        (out, sum)
    }

    fn node(
        &mut self,
        n: usize,
        known: bool,
        kind: PartKind,
        e: &mut Errors,
    ) -> (DraftNode<At>, Option<Decimal>) {
        if let Some(leaf) = self.nodes[n].leaf.take() {
            let node = &self.nodes[n];
            let max = node.points;
            let (applies_to, except) = split_applies(leaf.applies);
            // The default start is no start for a leaf with a measure or of
            // a penalty part; a written 计分方式 stands (and is reported).
            let starts =
                leaf.start_written || leaf.measured.measure.is_none() && kind != PartKind::Penalty;
            let draft = DraftNode {
                at: node.at.clone(),
                id: Some((node.id.clone(), node.id_at.clone())),
                title: Some((node.title.clone(), node.title_at.clone())),
                max: max.map(|m| (m, leaf.points_at.clone())),
                criteria: leaf.criteria,
                applies_to,
                except,
                body: Body::Leaf(DraftLeaf {
                    scorers: leaf.scorers.map(|w| (w, leaf.scorers_at.clone())),
                    measure: leaf.measured.measure,
                    scale: leaf.measured.scale,
                    interpolate: leaf.measured.interpolate,
                    start: leaf.start.filter(|_| starts),
                    floor: leaf.floor,
                    max_deduct: leaf.max_deduct,
                    max_add: leaf.max_add,
                    rules: leaf.rules,
                }),
            };
            return (draft, max);
        }
        let (kids, sum) = self.kids(n, known, kind, e);
        let node = &self.nodes[n];
        check_points(node, sum, e);
        let max = node.points.or(sum);
        let max = match (node.points, sum) {
            (Some(p), Some(s)) if p != s => Some(s),
            _ => max,
        };
        let (applies_to, except) = split_applies(node.applies.clone());
        let draft = DraftNode {
            at: node.at.clone(),
            id: Some((node.id.clone(), node.id_at.clone())),
            title: Some((node.title.clone(), node.title_at.clone())),
            max: max.map(|m| (m, node.at.clone())),
            criteria: node.criteria.clone(),
            applies_to,
            except,
            body: Body::Group(kids),
        };
        (draft, sum)
    }
}

/// `applies_to` and `except` of a 适用范围 cell, each kept when not empty.
type ClassIds = Val<Vec<String>, At>;

fn split_applies(cell: Option<AppliesCell>) -> (ClassIds, ClassIds) {
    let Some(((to, except), at)) = cell else {
        return (None, None);
    };
    (
        (!to.is_empty()).then(|| (to, at.clone())),
        (!except.is_empty()).then_some((except, at)),
    )
}

/// Points written in a section's or group's cell must be its leaves' sum.
fn check_points(node: &TNode, sum: Option<Decimal>, e: &mut Errors) {
    if let (Some(p), Some(s)) = (node.points, sum) {
        if p != s {
            e.at(
                node.at.clone(),
                msg!(
                    "import-points-sum",
                    title = node.title.as_str(),
                    written = num::plain(p),
                    sum = num::plain(s)
                ),
            );
        }
    }
}
