//! 类别 of a section (on each of its rows in 细则): a part of the scale
//! (得分项), a bonus part (加分项, perhaps with its gate: `加分项（80分以上）`,
//! `加分项（高于80分）`) or a penalty part (扣分项).

use rust_decimal::Decimal;

use super::cells::{At, Errors, header_text, typed_number};
use super::vocabulary::{
    COL_PART, GATE_ABOVE, GATE_ABOVE_ALSO, GATE_AT_LEAST, GATE_AT_LEAST_ALSO, GATE_AT_LEAST_BEFORE,
    GATE_NOISE_AFTER, GATE_NOISE_BEFORE, PART_BONUS, PART_BONUS_ALSO, PART_PENALTY,
    PART_PENALTY_ALSO, PART_SCORED, PART_SCORED_ALSO,
};
use crate::model::rubric::{Gate, PartKind};
use crate::num;
use crate::text::i18n::msg;

/// What a 类别 cell says of its section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) kind: PartKind,
    pub(super) gate: Option<Gate>,
}

/// The part a 类别 cell names; `None` when it names none (reported).
pub(super) fn read_part(text: &str, at: &At, e: &mut Errors) -> Option<Part> {
    let part = parse(&header_text(text));
    if part.is_none() {
        e.at(
            at.clone(),
            msg!(
                "import-part-bad",
                column = COL_PART,
                value = text.trim(),
                scored = PART_SCORED,
                bonus = PART_BONUS,
                penalty = PART_PENALTY
            ),
        );
    }
    part
}

fn parse(t: &str) -> Option<Part> {
    let words = [
        (PartKind::Scored, PART_SCORED, &PART_SCORED_ALSO[..]),
        (PartKind::Bonus, PART_BONUS, &PART_BONUS_ALSO[..]),
        (PartKind::Penalty, PART_PENALTY, &PART_PENALTY_ALSO[..]),
    ];
    // The longest word the cell starts with (扣分项 before 扣分).
    let (kind, rest) = words
        .iter()
        .flat_map(|(k, w, also)| {
            std::iter::once(*w)
                .chain(also.iter().copied())
                .map(move |w| (*k, w))
        })
        .filter_map(|(k, w)| t.strip_prefix(w).map(|rest| (k, w.len(), rest)))
        .max_by_key(|(_, len, _)| *len)
        .map(|(k, _, rest)| (k, rest))?;
    if rest.is_empty() {
        return Some(Part { kind, gate: None });
    }
    let inner = rest
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))?;
    Some(Part {
        kind,
        gate: Some(gate(inner)?),
    })
}

/// `80分以上`, `基础分80分及以上方计`, `不低于80分`, `高于80分`.
fn gate(text: &str) -> Option<Gate> {
    let mut t = text;
    for noise in GATE_NOISE_AFTER {
        t = t.strip_suffix(noise).unwrap_or(t);
    }
    for noise in GATE_NOISE_BEFORE {
        t = t.strip_prefix(noise).unwrap_or(t);
    }
    let above = std::iter::once(GATE_ABOVE).chain(GATE_ABOVE_ALSO);
    if let Some(n) = above.filter_map(|w| t.strip_prefix(w)).next() {
        return Some(Gate {
            min: points(n)?,
            strict: true,
        });
    }
    let at_least = GATE_AT_LEAST_BEFORE
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .or_else(|| {
            GATE_AT_LEAST_ALSO
                .iter()
                .chain(std::iter::once(&GATE_AT_LEAST))
                .find_map(|w| t.strip_suffix(w))
        })?;
    Some(Gate {
        min: points(at_least)?,
        strict: false,
    })
}

/// `80分`, `８０`: a number of points.
fn points(text: &str) -> Option<Decimal> {
    num::parse_plain(&typed_number(text)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_read_in_the_forms_offices_write() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let bonus = |min: &str, strict| {
            Some(Part {
                kind: PartKind::Bonus,
                gate: Some(Gate {
                    min: d(min),
                    strict,
                }),
            })
        };
        assert_eq!(parse("加分项").map(|p| p.kind), Some(PartKind::Bonus));
        assert_eq!(parse("扣分项").map(|p| p.kind), Some(PartKind::Penalty));
        assert_eq!(parse("倒扣分").map(|p| p.kind), Some(PartKind::Penalty));
        assert_eq!(parse("得分项").map(|p| p.kind), Some(PartKind::Scored));
        assert_eq!(parse("加分项（80分以上）"), bonus("80", false));
        assert_eq!(parse("加分项(基础分80分及以上方计)"), bonus("80", false));
        assert_eq!(parse("加分项（不低于80分）"), bonus("80", false));
        assert_eq!(parse("加分项（高于80.5分）"), bonus("80.5", true));
        assert_eq!(parse("加分项（80）"), None);
        assert_eq!(parse("其他"), None);
    }
}
