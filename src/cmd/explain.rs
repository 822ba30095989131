//! `assess explain UNIT [ITEM]`: the audit trail of one unit, every number
//! traced to the input line it comes from, every step with its values.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::cli::{ExplainArgs, ExplainFormat};
use crate::diag::{Diagnostics, did_you_mean};
use crate::input::{AnnualScore, DailyRecord, Kind};
use crate::num::{fixed, plain};
use crate::report::Lang;
use crate::rubric::{Catalog, Ranking, Start, UnitRef};

#[derive(Serialize)]
struct Explanation<'a> {
    schema: &'static str,
    version: &'static str,
    provisional: bool,
    inputs: Vec<crate::report::json::Input<'a>>,
    rubric: RubricRef,
    unit: UnitEx,
    items: Vec<ItemEx>,
    sections: Vec<SectionEx>,
    applicable_score: String,
    applicable_max: String,
    scaled: bool,
    total: String,
    grade: GradeEx,
    veto: Vec<RecordEx>,
    rank: usize,
    ranking: &'static str,
    /// Units of the rubric with a strictly greater total (distinct totals for dense ranking).
    ranked_above: usize,
}

#[derive(Serialize)]
struct RubricRef {
    id: String,
    title: String,
    total: String,
    decimals: u32,
}

#[derive(Serialize)]
struct UnitEx {
    id: String,
    name: String,
    at: String,
}

#[derive(Serialize)]
struct GradeEx {
    id: String,
    label: String,
    min: String,
}

#[derive(Serialize)]
struct SectionEx {
    id: String,
    title: String,
    score: String,
    items: Vec<String>,
}

#[derive(Serialize)]
struct ItemEx {
    id: String,
    title: String,
    section: String,
    max: String,
    applicable: bool,
    /// For an item without scorers: "zero" or "full".
    start: Option<&'static str>,
    annual: Vec<AnnualEx>,
    daily: Vec<RecordEx>,
    base: Option<String>,
    deduct_sum: Option<String>,
    max_deduct: Option<String>,
    deducted: Option<String>,
    add_sum: Option<String>,
    max_add: Option<String>,
    added: Option<String>,
    /// base - deducted + added, before the clamp to 0..max
    raw: Option<String>,
    /// raw clamped to 0..max, before rounding
    clamped: Option<String>,
    score: Option<String>,
}

#[derive(Serialize)]
struct AnnualEx {
    scorer: String,
    scorer_name: String,
    weight: String,
    /// The score, "n/a", or null when missing (counted as 0 with --allow-missing).
    score: Option<String>,
    at: Option<String>,
}

#[derive(Serialize)]
struct RecordEx {
    date: String,
    kind: &'static str,
    kind_label: &'static str,
    method: &'static str,
    method_label: &'static str,
    points: String,
    note: String,
    at: String,
}

impl RecordEx {
    fn new(r: &DailyRecord) -> Self {
        RecordEx {
            date: r.date.to_string(),
            kind: r.kind.id(),
            kind_label: r.kind.label(),
            method: r.method.id(),
            method_label: r.method.label(),
            points: plain(r.points),
            note: r.note.clone(),
            at: r.at.to_string(),
        }
    }
}

pub fn run(args: &ExplainArgs) -> i32 {
    let find = |catalog: &Catalog, diags: &mut Diagnostics| {
        let found = catalog.unit(&args.unit);
        if found.is_none() {
            let hint = did_you_mean(&args.unit, catalog.unit_names());
            diags.general(format!(
                "unknown unit \"{}\"{hint}: name a unit of a rubric's roster by its id or its name",
                args.unit
            ));
        }
        found
    };
    let (catalog, inputs, results) = match super::load_and_score(&args.inputs, find) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    let Some(trace) = &inputs.trace else {
        return super::BAD_INPUT;
    };
    let u = trace.unit;
    let rubric = catalog.rubric_of(u);
    let only = match &args.item {
        None => None,
        Some(key) => match rubric.item(key) {
            Some(i) => Some(i),
            None => {
                let hint = did_you_mean(key, rubric.item_names());
                return super::fail(&[crate::diag::Diagnostic {
                    location: None,
                    message: format!(
                        "unknown item \"{key}\" of rubric {}{hint}: name an item by its id or its title",
                        rubric.id
                    )
                    .into(),
                }]);
            }
        },
    };
    let Some(result) = results.rubrics[u.rubric]
        .units
        .iter()
        .find(|r| r.unit == u.unit)
    else {
        return super::BAD_INPUT;
    };
    let dp = rubric.decimals;
    let unit = &rubric.units[u.unit];
    let ui = inputs.unit(u);
    let mut items = Vec::new();
    let mut sections = Vec::new();
    for (s, sec) in result.sections.iter().zip(&rubric.sections) {
        sections.push(SectionEx {
            id: sec.id.clone(),
            title: sec.title.clone(),
            score: fixed(s.score, dp),
            items: s
                .items
                .iter()
                .filter(|(_, o)| o.is_some())
                .map(|(i, _)| rubric.items[*i].id.clone())
                .collect(),
        });
        for (i, outcome) in &s.items {
            if only.is_some_and(|o| o != *i) {
                continue;
            }
            let item = &rubric.items[*i];
            let annual = item
                .scorers
                .iter()
                .zip(&ui.items[*i].annual)
                .map(|(w, cell)| {
                    let scorer = &rubric.scorers[w.scorer];
                    AnnualEx {
                        scorer: scorer.id.clone(),
                        scorer_name: scorer.name.clone(),
                        weight: plain(w.weight),
                        score: cell.as_ref().map(|AnnualScore { value, .. }| {
                            value.map_or("n/a".to_string(), plain)
                        }),
                        at: cell.as_ref().map(|a| a.at.to_string()),
                    }
                })
                .collect();
            let daily = trace
                .records
                .iter()
                .filter(|r| r.item == Some(*i))
                .map(RecordEx::new)
                .collect();
            let o = outcome.as_ref();
            items.push(ItemEx {
                id: item.id.clone(),
                title: item.title.clone(),
                section: sec.id.clone(),
                max: plain(item.max),
                applicable: o.is_some(),
                start: item.scorers.is_empty().then_some(match item.start {
                    Start::Zero => "zero",
                    Start::Full => "full",
                }),
                annual,
                daily,
                base: o.map(|o| plain(o.base)),
                deduct_sum: o.map(|o| plain(o.deduct_sum)),
                max_deduct: item.max_deduct.map(plain),
                deducted: o.map(|o| plain(o.deducted)),
                add_sum: o.map(|o| plain(o.add_sum)),
                max_add: item.max_add.map(plain),
                added: o.map(|o| plain(o.added)),
                raw: o.map(|o| plain(o.raw)),
                clamped: o.map(|o| plain(o.raw.clamp(Decimal::ZERO, item.max))),
                score: o.map(|o| fixed(o.score, dp)),
            });
        }
    }
    let ranked_above = {
        let units = &results.rubrics[u.rubric].units;
        let mut above: Vec<Decimal> = units
            .iter()
            .filter(|x| x.total > result.total)
            .map(|x| x.total)
            .collect();
        if rubric.ranking == Ranking::Dense {
            above.dedup();
        }
        above.len()
    };
    let grade = &rubric.grades[result.grade];
    let ex = Explanation {
        schema: "assess.explain.v1",
        version: env!("CARGO_PKG_VERSION"),
        provisional: results.provisional(),
        inputs: crate::report::json::inputs(&results),
        rubric: RubricRef {
            id: rubric.id.clone(),
            title: rubric.title.clone(),
            total: plain(rubric.total),
            decimals: dp,
        },
        unit: UnitEx {
            id: unit.id.clone(),
            name: unit.name.clone(),
            at: format!("{}:{}", rubric.origin.path, unit.line),
        },
        items,
        sections,
        applicable_score: fixed(result.applicable_score, dp),
        applicable_max: plain(result.applicable_max),
        scaled: result.scaled,
        total: fixed(result.total, dp),
        grade: GradeEx {
            id: grade.id.clone(),
            label: grade.label.clone(),
            min: plain(grade.min),
        },
        veto: trace
            .records
            .iter()
            .filter(|r| r.kind == Kind::Veto)
            .map(RecordEx::new)
            .collect(),
        rank: result.rank,
        ranking: match rubric.ranking {
            Ranking::Competition => "competition",
            Ranking::Dense => "dense",
        },
        ranked_above,
    };
    let text = match args.format {
        ExplainFormat::Json => {
            let mut t = serde_json::to_string_pretty(&ex).unwrap_or_default();
            t.push('\n');
            t
        }
        ExplainFormat::Text => render_text(&ex, only.is_none(), crate::i18n::lang(), &catalog, u),
    };
    super::emit(&text, None)
}

fn render_text(
    ex: &Explanation<'_>,
    whole: bool,
    lang: Lang,
    catalog: &Catalog,
    u: UnitRef,
) -> String {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let rubric = catalog.rubric_of(u);
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!(
        "{} {} ({})    {}",
        l("单位", "Unit"),
        ex.unit.name,
        ex.unit.id,
        ex.unit.at
    ));
    line(format!(
        "{} {} {}    {} {}",
        l("细则", "Rubric"),
        ex.rubric.id,
        ex.rubric.title,
        l("满分", "scale"),
        ex.rubric.total
    ));
    if ex.provisional {
        line(
            l(
                "【暂定结果】缺失的年度得分按 0 分计",
                "[PROVISIONAL] missing annual scores count as 0",
            )
            .to_string(),
        );
    }
    for item in &ex.items {
        line(String::new());
        line(format!(
            "{} {}    {} {}",
            item.id,
            item.title,
            l("满分", "max"),
            item.max
        ));
        if !item.applicable {
            let at: Vec<&str> = item.annual.iter().filter_map(|a| a.at.as_deref()).collect();
            line(format!(
                "  {} {}",
                l(
                    "不涉及（各评分单位均填 n/a），不计入得分和满分：",
                    "n/a for every scorer, counted in neither sum:"
                ),
                at.join(", ")
            ));
            continue;
        }
        let mut terms = Vec::new();
        for a in &item.annual {
            let score = a.score.clone().unwrap_or_else(|| "0".into());
            let at = a.at.clone().unwrap_or_else(|| {
                l(
                    "缺失，按 0 分计（--allow-missing）",
                    "missing, counted as 0 (--allow-missing)",
                )
                .into()
            });
            line(format!(
                "  {} {} ({}) × {}: {}    {}",
                l("年度得分", "annual"),
                a.scorer_name,
                a.scorer,
                a.weight,
                score,
                at
            ));
            terms.push(format!("{} × {}", a.weight, score));
        }
        let base = item.base.clone().unwrap_or_default();
        match item.start {
            Some("full") => line(format!(
                "  {} = {}{}",
                l("基础分", "base"),
                base,
                l("（扣分制，从满分起扣）", " (starts full: 扣分制)")
            )),
            Some(_) => line(format!(
                "  {} = {}{}",
                l("基础分", "base"),
                base,
                l("（加分项，从 0 起加）", " (starts at zero: 加分项)")
            )),
            None => line(format!(
                "  {} = {} = {}",
                l("基础分", "base"),
                terms.join(" + "),
                base
            )),
        }
        for r in &item.daily {
            let note = if r.note.is_empty() {
                String::new()
            } else {
                format!("  {}", r.note.replace('\n', " "))
            };
            line(format!(
                "  {} {} {} {} {}{note}    {}",
                l("日常考核", "daily"),
                r.date,
                r.method_label,
                r.kind_label,
                r.points,
                r.at
            ));
        }
        let capped = |sum: &Option<String>, cap: &Option<String>, after: &Option<String>| match cap
        {
            Some(c) => format!(
                "{}{}{c}{} → {}",
                sum.clone().unwrap_or_default(),
                l("（上限 ", " (cap "),
                l("）", ")"),
                after.clone().unwrap_or_default()
            ),
            None => after.clone().unwrap_or_default(),
        };
        line(format!(
            "  {} {}",
            l("核减", "deducted"),
            capped(&item.deduct_sum, &item.max_deduct, &item.deducted)
        ));
        line(format!(
            "  {} {}",
            l("核加", "added"),
            capped(&item.add_sum, &item.max_add, &item.added)
        ));
        let v = |x: &Option<String>| x.clone().unwrap_or_default();
        let (score, sep, clamp, round, places) = match lang {
            Lang::Zh => ("得分", "；", "限定在", "四舍五入保留", " 位"),
            Lang::En => (
                "score",
                "; ",
                "clamped to",
                "rounded half away from zero to",
                " places",
            ),
        };
        line(format!(
            "  {score} = {base} − {} + {} = {}{sep}{clamp} 0..{} → {}{sep}{round} {}{places} → {}",
            v(&item.deducted),
            v(&item.added),
            v(&item.raw),
            item.max,
            v(&item.clamped),
            rubric.decimals,
            v(&item.score)
        ));
    }
    if !whole {
        return out;
    }
    line(String::new());
    for s in &ex.sections {
        let parts: Vec<String> = ex
            .items
            .iter()
            .filter(|i| i.section == s.id && i.applicable)
            .map(|i| i.score.clone().unwrap_or_default())
            .collect();
        let sum = if parts.is_empty() {
            String::new()
        } else {
            format!(" = {}", parts.join(" + "))
        };
        line(format!(
            "{} {}{}{}{sum}",
            l("小计", "section"),
            s.title,
            l("：", ": "),
            s.score
        ));
    }
    let sections: Vec<&str> = ex.sections.iter().map(|s| s.score.as_str()).collect();
    if ex.scaled {
        line(format!(
            "{} = round({} × {} ÷ {}) = {}    {}",
            l("总分", "total"),
            ex.applicable_score,
            ex.rubric.total,
            ex.applicable_max,
            ex.total,
            l(
                "（含不涉及项目，按适用项目满分折算）",
                "(some items n/a: rescaled by the applicable maxima)"
            )
        ));
    } else {
        line(format!(
            "{} = {} = {}",
            l("总分", "total"),
            sections.join(" + "),
            ex.total
        ));
    }
    match ex.veto.first() {
        Some(v) => line(format!(
            "{} {} {}    {} {} {}    {}",
            l("等次", "grade"),
            ex.grade.label,
            l("（一票否决，定为最低等次）", "(vetoed: the lowest grade)"),
            v.date,
            v.method_label,
            v.note.replace('\n', " "),
            v.at
        )),
        None => line(format!(
            "{} {} ({} >= {})",
            l("等次", "grade"),
            ex.grade.label,
            ex.total,
            ex.grade.min
        )),
    }
    line(match (lang, ex.ranking) {
        (Lang::Zh, "dense") => format!(
            "名次 {}（本细则内高于本单位的不同总分有 {} 个，dense 排名）",
            ex.rank, ex.ranked_above
        ),
        (Lang::Zh, _) => format!(
            "名次 {}（本细则内总分高于本单位的有 {} 个单位）",
            ex.rank, ex.ranked_above
        ),
        (Lang::En, "dense") => format!(
            "rank {} ({} distinct higher totals in the rubric, dense ranking)",
            ex.rank, ex.ranked_above
        ),
        (Lang::En, _) => format!(
            "rank {} ({} units of the rubric have a higher total)",
            ex.rank, ex.ranked_above
        ),
    });
    out
}
