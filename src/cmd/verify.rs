//! `assess verify --published FILE`: recompute and compare, the way a balance
//! assertion is checked: exact values, published and recomputed side by side,
//! and a command to see where the recomputed value comes from.

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

use crate::cli::{ExplainFormat, VerifyArgs, shell_word};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::input::published;
use crate::rubric::UnitRef;
use crate::score::UnitResult;
use crate::{msg, num, tr};

/// One difference between the published table and the recomputation.
#[derive(Serialize)]
struct Mismatch {
    /// Where the published value is (`FILE:LINE`, or the file for a unit left out).
    at: String,
    rubric: String,
    unit: String,
    name: String,
    /// total, grade, rank or unpublished.
    kind: &'static str,
    published: Option<String>,
    recomputed: String,
    /// The command that shows how the recomputed value comes about.
    explain: String,
    #[serde(skip)]
    what: Message,
}

#[derive(Serialize)]
struct Report {
    schema: &'static str,
    version: &'static str,
    published: String,
    rubric: Option<String>,
    checked: usize,
    mismatches: Vec<Mismatch>,
}

pub fn run(args: &VerifyArgs) -> i32 {
    let mut read: Vec<&std::path::Path> = args.inputs.files();
    read.push(&args.published);
    if let Err(d) = super::output_is_not_an_input(args.output.as_deref(), &read) {
        return super::fail(&[d]);
    }
    let (catalog, _, results) = match super::load_and_score(&args.inputs, |_, _| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    // `--id`: one rubric's published table; the others' units are not asked for.
    let only = match &args.id {
        None => None,
        Some(id) => match catalog.rubrics.iter().position(|r| &r.id == id) {
            Some(r) => Some(r),
            None => {
                let ids: Vec<&str> = catalog.rubrics.iter().map(|r| r.id.as_str()).collect();
                return super::fail(&[Diagnostic {
                    location: None,
                    message: msg!(
                        "rubric-unknown-id",
                        id = id.as_str(),
                        hint = crate::diag::hint(id, ids.iter().copied()),
                        ids = ids.join(&tr!("rubric-enum-separator"))
                    ),
                }]);
            }
        },
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
    let mut found: Vec<Mismatch> = Vec::new();
    let mut mismatch = |at: String,
                        u: UnitRef,
                        kind: &'static str,
                        published: Option<String>,
                        recomputed: String,
                        what: Message| {
        let unit = catalog.unit_of(u);
        found.push(Mismatch {
            at,
            rubric: catalog.rubric_of(u).id.clone(),
            unit: unit.id.clone(),
            name: unit.name.clone(),
            kind,
            published,
            recomputed,
            explain: explain(u),
            what,
        });
    };
    let wanted = |u: &UnitRef| only.is_none_or(|r| u.rubric == r);
    for row in published.rows.iter().filter(|r| wanted(&r.unit)) {
        let Some(c) = computed.get(&row.unit) else {
            continue;
        };
        let rubric = catalog.rubric_of(row.unit);
        let at = row.at.to_string();
        // Compared at the precision published: 92.5 matches a computed 92.50.
        let places = row.total.scale();
        let recomputed = num::round(c.total, places);
        if recomputed != row.total {
            let diff = row.total - recomputed;
            let sign = if diff > Decimal::ZERO { "+" } else { "" };
            let what = msg!(
                "verify-total",
                published = row.total.to_string(),
                recomputed = num::fixed(recomputed, places),
                difference = format!("{sign}{}", num::fixed(diff, places))
            );
            mismatch(
                at.clone(),
                row.unit,
                "total",
                Some(row.total.to_string()),
                num::fixed(recomputed, places),
                what,
            );
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
                mismatch(
                    at.clone(),
                    row.unit,
                    "grade",
                    Some(g.clone()),
                    want.id.clone(),
                    what,
                );
            }
        }
        for (k, value, cell) in &row.sections {
            let Some(s) = c.sections.get(*k) else {
                continue;
            };
            let places = value.scale();
            let recomputed = num::round(s.score, places);
            if recomputed != *value {
                let what = msg!(
                    "verify-section",
                    section = &rubric.sections[*k].title,
                    published = value.to_string(),
                    recomputed = num::fixed(recomputed, places)
                );
                mismatch(
                    cell.to_string(),
                    row.unit,
                    "section",
                    Some(value.to_string()),
                    num::fixed(recomputed, places),
                    what,
                );
            }
        }
        if let Some(rank) = row.rank.filter(|r| *r != c.rank) {
            let what = msg!("verify-rank", published = rank, recomputed = c.rank);
            mismatch(
                at.clone(),
                row.unit,
                "rank",
                Some(rank.to_string()),
                c.rank.to_string(),
                what,
            );
        }
    }
    let listed: std::collections::HashSet<UnitRef> =
        published.rows.iter().map(|r| r.unit).collect();
    let mut checked = 0usize;
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        if only.is_some_and(|o| o != r) {
            continue;
        }
        for u in 0..rubric.units.len() {
            checked += 1;
            let unit = UnitRef { rubric: r, unit: u };
            if !listed.contains(&unit) {
                let total = num::fixed(computed[&unit].total, rubric.decimals);
                let what = msg!(
                    "verify-unpublished",
                    rubric = &rubric.id,
                    total = total.as_str()
                );
                mismatch(
                    published.file.path.to_string(),
                    unit,
                    "unpublished",
                    None,
                    total,
                    what,
                );
            }
        }
    }
    if results.provisional() {
        eprint!("{}", super::provisional_warning(results.missing));
    }
    let mismatches = found.len();
    let out = match args.format {
        ExplainFormat::Json => {
            let report = Report {
                schema: "assess.verify.v1",
                version: env!("CARGO_PKG_VERSION"),
                published: published.file.path.to_string(),
                rubric: args.id.clone(),
                checked,
                mismatches: found,
            };
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            text
        }
        ExplainFormat::Text => {
            let mut out = String::new();
            for m in &found {
                let named = msg!("cmd-named", name = &m.name, id = &m.unit);
                let line = msg!(
                    "verify-mismatch",
                    at = &m.at,
                    unit = named,
                    what = m.what.clone()
                );
                out.push_str(&line.to_string());
                out.push('\n');
                // The command is for a shell: indented under its line, never translated.
                out.push_str("    ");
                out.push_str(&tr!("verify-explain", command = &m.explain));
                out.push('\n');
            }
            out.push_str(&tr!(
                "verify-summary",
                checked = checked,
                mismatches = mismatches
            ));
            out.push('\n');
            out
        }
    };
    match super::emit(&out, args.output.as_deref()) {
        super::OK if mismatches > 0 => super::MISMATCH,
        status => status,
    }
}
