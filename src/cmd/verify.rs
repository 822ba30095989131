//! `assess verify --published FILE`: recompute and compare, the way a balance
//! assertion is checked: exact values, published and recomputed side by side,
//! and a command to see where the recomputed value comes from.

use rust_decimal::Decimal;
use std::collections::HashMap;

use crate::cli::{VerifyArgs, shell_word};
use crate::diag::Diagnostics;
use crate::i18n::Message;
use crate::input::published;
use crate::rubric::UnitRef;
use crate::score::UnitResult;
use crate::{msg, num, tr};

pub fn run(args: &VerifyArgs) -> i32 {
    let (catalog, _, results) = match super::load_and_score(&args.inputs, |_, _| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    let mut diags = Diagnostics::new();
    let Some(published) = published::read(
        &catalog,
        &args.published,
        args.inputs.encoding,
        args.inputs.sheet.as_deref(),
        &mut diags,
    ) else {
        return super::fail(&diags.sorted());
    };
    let computed: HashMap<UnitRef, &UnitResult> = results
        .rubrics
        .iter()
        .flat_map(|rr| {
            rr.units.iter().map(move |u| {
                (
                    UnitRef {
                        rubric: rr.rubric,
                        unit: u.unit,
                    },
                    u,
                )
            })
        })
        .collect();
    let explain = |u: UnitRef| {
        let mut words = vec![
            "assess".to_string(),
            "explain".to_string(),
            shell_word(&catalog.unit_of(u).id),
        ];
        words.extend(args.inputs.to_flags().iter().map(|w| shell_word(w)));
        words.join(" ")
    };
    let mut out = String::new();
    let mut mismatches = 0usize;
    let mut mismatch = |out: &mut String, at: String, u: UnitRef, what: Message| {
        mismatches += 1;
        let unit = catalog.unit_of(u);
        let named = msg!("cmd-named", name = &unit.name, id = &unit.id);
        let line = msg!("verify-mismatch", at = at, unit = named, what = what);
        out.push_str(&line.to_string());
        out.push('\n');
        // The command is for a shell: indented under its line, never translated.
        out.push_str("    ");
        out.push_str(&tr!("verify-explain", command = explain(u)));
        out.push('\n');
    };
    for row in &published.rows {
        let Some(c) = computed.get(&row.unit) else {
            continue;
        };
        let rubric = catalog.rubric_of(row.unit);
        let at = row.at.to_string();
        // Compared at the precision published: 92.5 matches a computed 92.50.
        let recomputed = num::round(c.total, row.total.scale());
        if recomputed != row.total {
            let diff = row.total - recomputed;
            let sign = if diff > Decimal::ZERO { "+" } else { "" };
            let what = msg!(
                "verify-total",
                published = row.total.to_string(),
                recomputed = num::fixed(recomputed, row.total.scale()),
                difference = format!("{sign}{}", num::fixed(diff, row.total.scale()))
            );
            mismatch(&mut out, at.clone(), row.unit, what);
        }
        if let Some(g) = &row.grade {
            let want = &rubric.grades[c.grade];
            if g != &want.id && g != &want.label {
                let known = rubric.grades.iter().any(|x| &x.id == g || &x.label == g);
                let note = (!known).then(|| msg!("verify-grade-unknown"));
                let what = if c.veto.is_some() {
                    msg!("verify-grade-vetoed")
                } else {
                    msg!("verify-grade")
                }
                .arg("published", g)
                .arg("note", note)
                .arg("label", &want.label)
                .arg("id", &want.id)
                .arg("total", num::fixed(c.total, rubric.decimals));
                mismatch(&mut out, at.clone(), row.unit, what);
            }
        }
        if let Some(rank) = row.rank.filter(|r| *r != c.rank) {
            let what = msg!("verify-rank", published = rank, recomputed = c.rank);
            mismatch(&mut out, at.clone(), row.unit, what);
        }
    }
    let listed: std::collections::HashSet<UnitRef> =
        published.rows.iter().map(|r| r.unit).collect();
    let mut checked = 0usize;
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        for u in 0..rubric.units.len() {
            checked += 1;
            let unit = UnitRef { rubric: r, unit: u };
            if !listed.contains(&unit) {
                let what = msg!(
                    "verify-unpublished",
                    rubric = &rubric.id,
                    total = num::fixed(computed[&unit].total, rubric.decimals)
                );
                mismatch(&mut out, published.file.path.to_string(), unit, what);
            }
        }
    }
    out.push_str(&tr!(
        "verify-summary",
        checked = checked,
        mismatches = mismatches
    ));
    out.push('\n');
    if results.provisional() {
        eprint!("{}", super::provisional_warning(results.missing));
    }
    match super::emit(&out, None) {
        super::OK if mismatches > 0 => super::MISMATCH,
        status => status,
    }
}
