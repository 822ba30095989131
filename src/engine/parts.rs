//! A unit's groups and sections: the sums of their children under the
//! rubric's policy for lines that do not apply, and the bonus and penalty
//! parts outside the scale (`docs/computation.md#sums`, `#na-policies`, `#parts`).

use rust_decimal::Decimal;

use crate::model::results::{GroupScore, LeafResult, SectionResult};
use crate::model::rubric::{NaPolicy, PartKind, Rubric};
use crate::num;

/// What a child (a leaf or a group) gives its parent.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// What it counts in the parent's sum; `None` for nothing.
    counts: Option<Decimal>,
    /// Its full max (all its leaves'), whether or not it was rescaled.
    max: Decimal,
    applicable: bool,
}

/// A section of a unit, summed; with whether anything of it applies and its
/// full max (for rescaling over sections).
pub struct Summed {
    pub result: SectionResult,
    pub applicable: bool,
    pub max: Decimal,
}

/// Sums section `k` of a unit from its leaves (in rubric order); `None`
/// only when a number overflows.
pub fn section(rubric: &Rubric, k: usize, leaves: Vec<LeafResult>) -> Option<Summed> {
    let kind = rubric.sections[k].kind;
    // Bonus and penalty parts never rescale: their lines add up as they are.
    let policy = match kind {
        PartKind::Scored => rubric.na,
        _ => NaPolicy::Rescale,
    };
    let dp = rubric.decimals;
    let leaf_node = |l: &LeafResult| Node {
        counts: l.counts,
        max: rubric.items[l.item].max,
        applicable: l.outcome.is_some(),
    };
    let in_section: Vec<usize> = (0..rubric.groups.len())
        .filter(|&g| rubric.groups[g].section == k)
        .collect();
    // Depth first: a group comes before its children, so from the last
    // backwards every child is summed before its parent.
    let mut nodes: Vec<Option<Node>> = vec![None; rubric.groups.len()];
    let mut scaled = vec![false; rubric.groups.len()];
    for &g in in_section.iter().rev() {
        let children = children(rubric, &leaves, &nodes, Some(g), leaf_node);
        let (node, was_scaled) = combine(policy, rubric.groups[g].max, &children, dp)?;
        nodes[g] = Some(node);
        scaled[g] = was_scaled;
    }
    let top = children(rubric, &leaves, &nodes, None, leaf_node);
    let max = rubric.items[rubric.sections[k].items.clone()]
        .iter()
        .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.max))?;
    let (node, section_scaled) = combine(policy, max, &top, dp)?;
    let sum = node.counts.unwrap_or(Decimal::ZERO);
    let score = match kind {
        PartKind::Scored => sum,
        PartKind::Bonus => sum.min(rubric.sections[k].max.unwrap_or(sum)),
        PartKind::Penalty => {
            let taken = Decimal::ZERO.checked_sub(sum)?;
            let cap = rubric.sections[k].max.unwrap_or(taken);
            num::normal_zero(Decimal::ZERO.checked_sub(taken.min(cap))?)
        }
    };
    let groups = in_section
        .iter()
        .map(|&g| GroupScore {
            group: g,
            score: nodes[g].and_then(|n| n.counts),
            applicable: nodes[g].is_some_and(|n| n.applicable),
            scaled: scaled[g],
        })
        .collect();
    Some(Summed {
        result: SectionResult {
            score,
            counted: true,
            scaled: section_scaled,
            items: leaves,
            groups,
        },
        applicable: node.applicable,
        max,
    })
}

/// The children of a group (or of the section: `None`), leaves and groups.
fn children(
    rubric: &Rubric,
    leaves: &[LeafResult],
    groups: &[Option<Node>],
    parent: Option<usize>,
    leaf_node: impl Fn(&LeafResult) -> Node,
) -> Vec<Node> {
    let mut out: Vec<Node> = leaves
        .iter()
        .filter(|l| rubric.items[l.item].parent == parent)
        .map(leaf_node)
        .collect();
    out.extend(
        (0..rubric.groups.len())
            .filter(|&g| rubric.groups[g].parent == parent)
            .filter_map(|g| groups[g]),
    );
    out
}

/// A parent of `children` with full max `max`: its node, and whether it
/// was rescaled. Under `rescale` (and in bonus and penalty parts) the sum
/// of what its children count; under `full` likewise, every child counting
/// (n/a leaves their max); under `parent`, with some children applicable
/// and some not, `round(Σ applicable × max / Σ their maxima)`.
fn combine(policy: NaPolicy, max: Decimal, children: &[Node], dp: u32) -> Option<(Node, bool)> {
    let applicable = children.iter().any(|c| c.applicable);
    let mut sum: Option<Decimal> = None;
    for c in children
        .iter()
        .filter(|c| policy != NaPolicy::Parent || c.applicable)
    {
        if let Some(x) = c.counts {
            sum = Some(sum.unwrap_or(Decimal::ZERO).checked_add(x)?);
        }
    }
    let mut scaled = false;
    if policy == NaPolicy::Parent && applicable && children.iter().any(|c| !c.applicable) {
        let of = children
            .iter()
            .filter(|c| c.applicable)
            .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(c.max))?;
        let part = sum.unwrap_or(Decimal::ZERO).checked_mul(max)?;
        sum = Some(num::div_round(part, of, dp)?);
        scaled = true;
    }
    let counts = match policy {
        NaPolicy::Parent | NaPolicy::Rescale if !applicable => None,
        _ => sum,
    };
    Some((
        Node {
            counts,
            max,
            applicable,
        },
        scaled,
    ))
}
