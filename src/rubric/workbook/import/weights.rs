//! A 评分单位 cell of 细则: the scorers of a leaf and their weights, in the
//! forms offices write them.

use rust_decimal::Decimal;

use super::cells::{At, Errors, typed_number};
use super::scorers::ScorerRef;
use super::vocabulary::{ALIAS_SEPARATOR, SHEET_SCORERS, WEIGHT_SEPARATOR};
use crate::num;
use crate::text::diag::hint;
use crate::text::i18n::msg;

/// `牵头单位0.4；行政服务中心0.3；行政公署办公室0.3`, `办公室40%、牵头单位60%`,
/// or one name: scorer ids and weights adding up to exactly 1.
pub(super) fn parse_weights(
    text: &str,
    scorers: &[ScorerRef],
    have_scorers: bool,
    at: &At,
    e: &mut Errors,
) -> Result<Vec<(String, Decimal)>, ()> {
    let parts: Vec<&str> = text
        .split([WEIGHT_SEPARATOR, ';', '，', ',', ALIAS_SEPARATOR, '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out: Vec<(String, Option<Decimal>)> = Vec::new();
    let mut bad = false;
    for part in &parts {
        match scorer_and_weight(part, scorers, have_scorers, at, e) {
            Some(x) => out.push(x),
            None => bad = true,
        }
    }
    if bad {
        return Err(());
    }
    no_scorer_twice(&out, scorers, at, e)?;
    let weights = every_weight(out, scorers, at, e)?;
    let sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |acc, (_, w)| acc.checked_add(*w));
    if sum != Some(Decimal::ONE) {
        e.at(
            at.clone(),
            msg!(
                "import-weights-sum",
                sum = sum.map_or_else(|| "?".to_string(), num::plain)
            ),
        );
        return Err(());
    }
    Ok(weights)
}

/// A scorer by name, else by id.
fn find<'s>(scorers: &'s [ScorerRef], name: &str) -> Option<&'s ScorerRef> {
    let name = name.trim();
    scorers
        .iter()
        .find(|s| s.name == name)
        .or_else(|| scorers.iter().find(|s| s.id == name))
}

/// The name of the scorer of id `id`, for messages.
fn name_of<'a>(scorers: &'a [ScorerRef], id: &'a str) -> &'a str {
    scorers
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.name.as_str())
}

/// One part of the cell: a scorer alone (its weight `None`), or with the
/// weight written after its name; `None` when it is neither (reported,
/// unless there is no 评分单位 sheet to name scorers).
fn scorer_and_weight(
    part: &str,
    scorers: &[ScorerRef],
    have_scorers: bool,
    at: &At,
    e: &mut Errors,
) -> Option<(String, Option<Decimal>)> {
    if let Some(s) = find(scorers, part) {
        return Some((s.id.clone(), None));
    }
    // A weight after the name: 0.4, 40%, ×0.4, （0.4）, : 0.4.
    let inner = part.strip_suffix(['）', ')']).unwrap_or(part).trim_end();
    let digits = |c: char| {
        c.is_ascii_digit()
            || c == '.'
            || c == '%'
            || c == '％'
            || ('０'..='９').contains(&c)
            || c == '．'
    };
    let run_start = inner
        .char_indices()
        .rev()
        .take_while(|(_, c)| digits(*c))
        .last()
        .map(|(i, _)| i);
    // The longest name that is a scorer: `考核组2` + `0.5` before `考核组` + `20.5`.
    let found = run_start.and_then(|start| {
        inner[start..]
            .char_indices()
            .map(|(i, _)| start + i)
            .rev()
            .find_map(|cut| find(scorers, name_before(inner, cut)).map(|s| (s, &inner[cut..])))
    });
    match found {
        Some((s, w)) => match weight(w) {
            Some(w) if w > Decimal::ZERO => Some((s.id.clone(), Some(w))),
            _ => {
                e.at(
                    at.clone(),
                    msg!("import-weight-bad", scorer = s.name.as_str(), value = w),
                );
                None
            }
        },
        None if have_scorers => {
            let name = run_start.map_or(part, |i| name_before(inner, i));
            let candidates = scorers
                .iter()
                .flat_map(|s| [s.name.as_str(), s.id.as_str()]);
            e.at(
                at.clone(),
                msg!(
                    "import-scorer-unknown",
                    name = name,
                    hint = hint(name, candidates),
                    sheet = SHEET_SCORERS
                ),
            );
            None
        }
        None => None,
    }
}

/// A scorer named twice in one cell is refused.
fn no_scorer_twice(
    out: &[(String, Option<Decimal>)],
    scorers: &[ScorerRef],
    at: &At,
    e: &mut Errors,
) -> Result<(), ()> {
    let mut seen: Vec<&str> = Vec::new();
    for (id, _) in out {
        if seen.contains(&id.as_str()) {
            let name = name_of(scorers, id);
            e.at(at.clone(), msg!("import-scorer-twice", scorer = name));
            return Err(());
        }
        seen.push(id);
    }
    Ok(())
}

/// One scorer alone weighs 1; of several, each needs its weight.
fn every_weight(
    out: Vec<(String, Option<Decimal>)>,
    scorers: &[ScorerRef],
    at: &At,
    e: &mut Errors,
) -> Result<Vec<(String, Decimal)>, ()> {
    if let [(id, None)] = out.as_slice() {
        return Ok(vec![(id.clone(), Decimal::ONE)]);
    }
    if let Some((id, _)) = out.iter().find(|(_, w)| w.is_none()) {
        let name = name_of(scorers, id);
        e.at(at.clone(), msg!("import-weight-missing", scorer = name));
        return Err(());
    }
    Ok(out
        .into_iter()
        .map(|(id, w)| (id, w.unwrap_or_default()))
        .collect())
}

/// The scorer's name before a weight at `cut`, without `×`, `:` or `（`.
fn name_before(part: &str, cut: usize) -> &str {
    part[..cut]
        .trim_end()
        .trim_end_matches(['×', 'x', 'X', '*', ':', '：', '（', '(', '='])
        .trim_end()
}

/// `0.4`, `40%`, `０．４`: a weight as a decimal.
fn weight(text: &str) -> Option<Decimal> {
    let t = typed_number(text);
    match t.strip_suffix(['%', '％']) {
        Some(p) => num::parse_plain(p)
            .ok()
            .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED)),
        None => num::parse_plain(&t).ok(),
    }
    .map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::workbook::import::weights_cell;
    use std::sync::Arc;

    fn weights_of(text: &str) -> Result<Vec<(String, String)>, usize> {
        let scorers: Vec<ScorerRef> = [
            ("office", "办公室"),
            ("lead", "牵头单位"),
            ("g2", "考核组2"),
        ]
        .iter()
        .map(|(id, name)| ScorerRef {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect();
        let at = At {
            order: 0,
            label: Arc::from("t"),
            row: 0,
            col: 0,
        };
        let mut e = Errors {
            file: Arc::from("t"),
            at_cells: Vec::new(),
            general: Vec::new(),
            incomplete: false,
            incomplete_sections: None,
        };
        parse_weights(text, &scorers, true, &at, &mut e)
            .map(|ws| ws.into_iter().map(|(id, w)| (id, w.to_string())).collect())
            .map_err(|()| e.at_cells.len())
    }

    #[test]
    fn weight_cells_are_read_in_the_forms_offices_write() {
        let two = |a: &str, x: &str, b: &str, y: &str| {
            Ok(vec![
                (a.to_string(), x.to_string()),
                (b.to_string(), y.to_string()),
            ])
        };
        assert_eq!(
            weights_of("办公室"),
            Ok(vec![("office".into(), "1".into())])
        );
        assert_eq!(weights_of("lead"), Ok(vec![("lead".into(), "1".into())]));
        assert_eq!(
            weights_of("办公室0.6；牵头单位0.4"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(
            weights_of("办公室60%、牵头单位40%"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(
            weights_of("办公室×0.6, lead（40%）"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(
            weights_of("考核组20.5;office 0.5"),
            two("g2", "0.5", "office", "0.5")
        );
        assert_eq!(
            weights_of("办公室：0.6\n牵头单位：0.4"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(weights_of("办公室0.5；牵头单位0.4"), Err(1));
        assert_eq!(weights_of("办公室；牵头单位"), Err(1));
        assert_eq!(weights_of("办公室0.5；办公室0.5"), Err(1));
        assert_eq!(weights_of("办公厅"), Err(1));
        assert_eq!(weights_of("办公室0"), Err(1));
    }

    #[test]
    fn weights_read_in_every_form() {
        assert_eq!(weight("40%").unwrap().to_string(), "0.4");
        assert_eq!(weight("０．３").unwrap().to_string(), "0.3");
        assert_eq!(
            weights_cell(&[
                ("牵头单位", "0.4".parse().unwrap()),
                ("办公室", "0.6".parse().unwrap())
            ]),
            "牵头单位0.4；办公室0.6"
        );
    }
}
