//! `assess verify --published FILE`: recompute and compare, the way a balance
//! assertion is checked: exact values, published and recomputed side by side,
//! and a command to see where the recomputed value comes from.

use rust_decimal::Decimal;
use std::collections::HashMap;

use crate::cli::{VerifyArgs, shell_word};
use crate::diag::Diagnostics;
use crate::input::published;
use crate::num;
use crate::report::Lang;
use crate::rubric::UnitRef;
use crate::score::UnitResult;

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
    let lang = crate::i18n::lang();
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
    let mut mismatches = 0;
    let mut mismatch = |out: &mut String, at: String, u: UnitRef, what: String| {
        mismatches += 1;
        let unit = catalog.unit_of(u);
        out.push_str(&format!("{at}: {} ({}) {what}\n", unit.name, unit.id));
        out.push_str(&format!(
            "    {}{}\n",
            lang.pick("查看计算过程：", "to see how it is computed: "),
            explain(u)
        ));
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
            let (p, r, d) = (
                row.total.to_string(),
                num::fixed(recomputed, row.total.scale()),
                format!("{sign}{}", num::fixed(diff, row.total.scale())),
            );
            mismatch(
                &mut out,
                at.clone(),
                row.unit,
                match lang {
                    Lang::Zh => format!("总分不一致：公布 {p}，重算 {r}，相差 {d}"),
                    Lang::En => format!("total: published {p}, recomputed {r}, difference {d}"),
                },
            );
        }
        if let Some(g) = &row.grade {
            let want = &rubric.grades[c.grade];
            if g != &want.id && g != &want.label {
                let known = rubric.grades.iter().any(|x| &x.id == g || &x.label == g);
                let note = if known {
                    String::new()
                } else {
                    lang.pick("（不是本细则的等次）", " (not a grade of this rubric)")
                        .to_string()
                };
                let veto = if c.veto.is_some() {
                    lang.pick("，一票否决", ", vetoed")
                } else {
                    ""
                };
                let total = num::fixed(c.total, rubric.decimals);
                mismatch(
                    &mut out,
                    at.clone(),
                    row.unit,
                    match lang {
                        Lang::Zh => format!(
                            "等次不一致：公布 {g}{note}，重算 {}（总分 {total}{veto}）",
                            want.label
                        ),
                        Lang::En => format!(
                            "grade: published {g}{note}, recomputed {} {} (total {total}{veto})",
                            want.id, want.label
                        ),
                    },
                );
            }
        }
        if let Some(rank) = row.rank.filter(|r| *r != c.rank) {
            mismatch(
                &mut out,
                at.clone(),
                row.unit,
                match lang {
                    Lang::Zh => format!("名次不一致：公布 {rank}，重算 {}", c.rank),
                    Lang::En => format!("rank: published {rank}, recomputed {}", c.rank),
                },
            );
        }
    }
    let listed: std::collections::HashSet<UnitRef> =
        published.rows.iter().map(|r| r.unit).collect();
    let mut checked = 0;
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        for u in 0..rubric.units.len() {
            checked += 1;
            let unit = UnitRef { rubric: r, unit: u };
            if !listed.contains(&unit) {
                let total = num::fixed(computed[&unit].total, rubric.decimals);
                mismatch(
                    &mut out,
                    published.file.path.to_string(),
                    unit,
                    match lang {
                        Lang::Zh => format!(
                            "未公布：该单位在细则 {} 的名单上（重算总分 {total}）",
                            rubric.id
                        ),
                        Lang::En => format!(
                            "is on the roster of rubric {} but not published (recomputed total {total})",
                            rubric.id
                        ),
                    },
                );
            }
        }
    }
    out.push_str(&match lang {
        Lang::Zh => format!("共核对 {checked} 个单位，发现 {mismatches} 处不一致（{checked} units checked, {mismatches} mismatches）\n"),
        Lang::En => format!("{checked} units checked, {mismatches} mismatches\n"),
    });
    if results.provisional() {
        eprint!("{}", super::provisional_warning(results.missing));
    }
    match super::emit(&out, None) {
        super::OK if mismatches > 0 => super::MISMATCH,
        status => status,
    }
}
