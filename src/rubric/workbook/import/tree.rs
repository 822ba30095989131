//! The tree of indicators read from 细则 (sections, groups, leaves), and
//! its draft: the points written in a section's or group's cell checked
//! against the sum of its leaves.

use rust_decimal::Decimal;

use super::cells::{At, Errors};
use crate::model::rubric::Start;
use crate::num;
use crate::rubric::toml_out::{Body, DraftLeaf, DraftNode, DraftRule, DraftSection};
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
}

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
                let (items, sum) = self.kids(s, known, e);
                let node = &self.nodes[s];
                check_points(node, sum, e);
                DraftSection {
                    at: node.at.clone(),
                    id: Some((node.id.clone(), node.id_at.clone())),
                    title: Some((node.title.clone(), node.title_at.clone())),
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
        e: &mut Errors,
    ) -> (Vec<DraftNode<At>>, Option<Decimal>) {
        let mut out = Vec::new();
        let mut sum = known.then_some(Decimal::ZERO);
        for k in self.nodes[n].kids.clone() {
            let (draft, max) = self.node(k, known, e);
            sum = match (sum, max) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            };
            out.push(draft);
        }
        (out, sum)
    }

    fn node(&mut self, n: usize, known: bool, e: &mut Errors) -> (DraftNode<At>, Option<Decimal>) {
        if let Some(leaf) = self.nodes[n].leaf.take() {
            let node = &self.nodes[n];
            let max = node.points;
            let draft = DraftNode {
                at: node.at.clone(),
                id: Some((node.id.clone(), node.id_at.clone())),
                title: Some((node.title.clone(), node.title_at.clone())),
                max: max.map(|m| (m, leaf.points_at.clone())),
                criteria: leaf.criteria,
                body: Body::Leaf(DraftLeaf {
                    scorers: leaf.scorers.map(|w| (w, leaf.scorers_at.clone())),
                    start: leaf.start,
                    max_deduct: leaf.max_deduct,
                    max_add: leaf.max_add,
                    rules: leaf.rules,
                }),
            };
            return (draft, max);
        }
        let (kids, sum) = self.kids(n, known, e);
        let node = &self.nodes[n];
        check_points(node, sum, e);
        let max = node.points.or(sum);
        let max = match (node.points, sum) {
            (Some(p), Some(s)) if p != s => Some(s),
            _ => max,
        };
        let draft = DraftNode {
            at: node.at.clone(),
            id: Some((node.id.clone(), node.id_at.clone())),
            title: Some((node.title.clone(), node.title_at.clone())),
            max: max.map(|m| (m, node.at.clone())),
            criteria: node.criteria.clone(),
            body: Body::Group(kids),
        };
        (draft, sum)
    }
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
