//! The analysis report (`分析报告.html`) of `publish`: one self-contained
//! page for the leaders. Styles inline, no script, no font, image or link
//! to anywhere (government intranets are offline); charts drawn as inline
//! SVG ([`super::svg`]); printable on A4, each part on a page of its own.
//!
//! Rates (得分率) are exact decimals until drawn; a chart's geometry is the
//! only place a binary number appears.

use std::fmt::Write;
use std::ops::Range;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::paperwork::{Grid, Paperwork, kind_label, method_label};
use super::svg::{self, Column, HBar, esc};
use crate::model::record::Kind;
use crate::model::record::Method;
use crate::model::results::{RubricResult, UnitResult};
use crate::model::rubric::{Node, Rubric};
use crate::num::{fixed, plain};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

const STYLE: &str = r#"
:root { color: #222; background: #fff; }
body { font-family: Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif;
  margin: 0 auto; max-width: 1120px; padding: 24px 28px; line-height: 1.6; }
h1 { font-size: 26px; text-align: center; margin: 8px 0 2px; }
.sub { text-align: center; color: #444; margin: 0 0 12px; }
h2 { font-size: 20px; border-bottom: 2px solid #1d3c5a; padding-bottom: 3px; margin: 34px 0 10px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 10px 0 0; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0 10px; }
th, td { border: 1px solid #888; padding: 2px 8px; vertical-align: top; }
th { background: #e6e6e6; font-weight: bold; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.card { border: 1px solid #888; padding: 6px 14px; min-width: 240px; }
.card b { font-size: 15px; }
.chart { max-width: 100%; height: auto; display: block; margin: 4px 0 8px; }
.profiles { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
.note { color: #444; font-size: 13px; margin: 2px 0; }
.provisional { border: 2px solid #000; padding: 6px 10px; font-weight: bold; }
.legend { font-size: 12px; color: #333; columns: 2; margin: 4px 0 10px; padding-left: 18px; }
.mono { font-family: DejaVu Sans Mono, Consolas, monospace; font-size: 11px; word-break: break-all; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  .part { break-before: page; }
  .part.first { break-before: auto; }
  svg, .profile, .card, .legend { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
"#;

/// The page's head, title and subtitle (and the provisional warning).
fn head(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let title = tr(msg!("analysis-title", subject = p.subject()));
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        p.lang.tag(),
        esc(&title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title));
    let periods: Vec<String> = p
        .catalog
        .rubrics
        .iter()
        .map(|r| format!("{} – {}", r.start, r.end))
        .fold(Vec::new(), |mut v, s| {
            if !v.contains(&s) {
                v.push(s);
            }
            v
        });
    let _ = writeln!(
        out,
        "<p class=\"sub\">{}</p>",
        esc(&tr(msg!(
            "analysis-subtitle",
            period = periods.join(", "),
            units = p
                .results
                .rubrics
                .iter()
                .map(|rr| rr.units.len())
                .sum::<usize>(),
            version = env!("CARGO_PKG_VERSION")
        )))
    );
    if p.results.provisional() {
        let _ = writeln!(
            out,
            "<p class=\"provisional\">{}</p>",
            esc(&tr(msg!("analysis-provisional", count = p.results.missing)))
        );
    }
}

/// The page.
pub fn html(p: &Paperwork) -> String {
    let tr = |m: Message| p.tr(m);
    let mut out = String::new();
    head(p, &mut out);
    let mut part = 0;
    let mut open = |out: &mut String, id: &str, key: Message| {
        part += 1;
        let first = if part == 1 { " first" } else { "" };
        let _ = writeln!(
            out,
            "<section class=\"part{first}\" id=\"{id}\">\n<h2>{}</h2>",
            esc(&tr(msg!(
                "analysis-part",
                number = p.ordinal(part),
                title = key
            )))
        );
    };
    open(&mut out, "overview", msg!("analysis-overview"));
    overview(p, &mut out);
    out.push_str("</section>\n");
    open(&mut out, "results", msg!("analysis-results"));
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        let _ = writeln!(out, "<h3>{}</h3>", esc(&r.title));
        out.push_str(&table(&p.results_table(rr, true)));
        for note in p.table_notes(rr) {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(&note));
        }
    }
    out.push_str("</section>\n");
    open(&mut out, "distribution", msg!("analysis-distribution"));
    for rr in &p.results.rubrics {
        distribution(p, rr, &mut out);
    }
    out.push_str("</section>\n");
    open(&mut out, "indicators", msg!("analysis-indicators"));
    for rr in &p.results.rubrics {
        indicator_rates(p, rr, &mut out);
    }
    out.push_str("</section>\n");
    open(&mut out, "lost", msg!("analysis-lost"));
    for rr in &p.results.rubrics {
        most_lost(p, rr, &mut out);
    }
    out.push_str("</section>\n");
    open(&mut out, "heatmap", msg!("analysis-heatmap"));
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        esc(&tr(msg!("analysis-heatmap-note")))
    );
    for rr in &p.results.rubrics {
        heat(p, rr, &mut out);
    }
    out.push_str("</section>\n");
    open(&mut out, "daily", msg!("analysis-daily"));
    daily(p, &mut out);
    out.push_str("</section>\n");
    open(&mut out, "profiles", msg!("analysis-profiles"));
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        esc(&tr(msg!("analysis-profiles-note")))
    );
    for rr in &p.results.rubrics {
        profiles(p, rr, &mut out);
    }
    out.push_str("</section>\n");
    if p.compare.previous.is_some() {
        open(&mut out, "change", msg!("analysis-change"));
        for rr in &p.results.rubrics {
            change(p, rr, &mut out);
        }
        out.push_str("</section>\n");
    }
    open(&mut out, "sources", msg!("analysis-sources"));
    sources(p, &mut out);
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

/// A grid as an HTML table, numbers set right.
fn table(g: &Grid) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for h in &g.header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &g.rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            if g.numeric.get(c).copied().unwrap_or(false) {
                let _ = write!(out, "<td class=\"num\">{}</td>", esc(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// `score / max` as a percentage at one decimal, `None` without a maximum.
fn percent(score: Decimal, max: Decimal) -> Option<Decimal> {
    if max.is_zero() {
        return None;
    }
    crate::num::div_round(score * Decimal::ONE_HUNDRED, max, 1)
}

fn percent_text(d: Decimal) -> String {
    format!("{}%", fixed(d, 1))
}

/// A unit's score and applicable maximum over a range of leaves; `None`
/// when none of them applies.
fn over(r: &Rubric, u: &UnitResult, leaves: &Range<usize>) -> Option<(Decimal, Decimal)> {
    let (mut score, mut max, mut any) = (Decimal::ZERO, Decimal::ZERO, false);
    for s in &u.sections {
        for l in &s.items {
            if let (true, Some(o)) = (leaves.contains(&l.item), &l.outcome) {
                score += o.score;
                max += r.items[l.item].max;
                any = true;
            }
        }
    }
    any.then_some((score, max))
}

/// An indicator of level 1 (a section) or 2, with the leaves it holds.
struct Indicator {
    id: String,
    title: String,
    level: usize,
    leaves: Range<usize>,
}

fn indicators(r: &Rubric) -> Vec<Indicator> {
    let mut out = Vec::new();
    for (k, s) in r.sections.iter().enumerate() {
        // A penalty part (扣分项) has no rate: it only takes points.
        if s.kind == crate::model::rubric::PartKind::Penalty {
            continue;
        }
        out.push(Indicator {
            id: s.id.clone(),
            title: s.title.clone(),
            level: 1,
            leaves: s.items.clone(),
        });
        for node in r.outline(k) {
            match node {
                Node::Group(g, 2) => out.push(Indicator {
                    id: r.groups[g].id.clone(),
                    title: r.groups[g].title.clone(),
                    level: 2,
                    leaves: r.groups[g].items.clone(),
                }),
                Node::Leaf(i, 2) => out.push(Indicator {
                    id: r.items[i].id.clone(),
                    title: r.items[i].title.clone(),
                    level: 2,
                    leaves: i..i + 1,
                }),
                _ => {}
            }
        }
    }
    out
}

/// The average rate of an indicator over the units to which it applies.
fn average(r: &Rubric, rr: &RubricResult, leaves: &Range<usize>) -> Option<Decimal> {
    let (mut score, mut max) = (Decimal::ZERO, Decimal::ZERO);
    for u in &rr.units {
        if let Some((s, m)) = over(r, u, leaves) {
            score += s;
            max += m;
        }
    }
    percent(score, max)
}

fn overview(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    out.push_str("<div class=\"cards\">\n");
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        if rr.units.is_empty() {
            continue;
        }
        let sum: Decimal = rr.units.iter().map(|u| u.total).sum();
        let avg = crate::num::div_round(sum, Decimal::from(rr.units.len()), r.decimals)
            .unwrap_or_default();
        let top = &rr.units[0];
        let bottom = &rr.units[rr.units.len() - 1];
        let grades: Vec<String> = p
            .by_grade(rr)
            .iter()
            .enumerate()
            .map(|(g, us)| {
                tr(msg!(
                    "analysis-grade-count",
                    grade = p.grade_name(r, g),
                    count = us.len()
                ))
            })
            .collect();
        let _ = writeln!(
            out,
            "<div class=\"card\"><b>{}</b><br>{}<br>{}<br>{}<br>{}</div>",
            esc(&p.heading(r)),
            esc(&tr(msg!(
                "analysis-card-units",
                count = rr.units.len(),
                average = fixed(avg, r.decimals)
            ))),
            esc(&tr(msg!(
                "analysis-card-top",
                unit = &r.units[top.unit].name,
                total = fixed(top.total, r.decimals)
            ))),
            esc(&tr(msg!(
                "analysis-card-bottom",
                unit = &r.units[bottom.unit].name,
                total = fixed(bottom.total, r.decimals)
            ))),
            esc(&grades.join(&tr(msg!("table-list-separator"))))
        );
    }
    out.push_str("</div>\n");
    let _ = writeln!(out, "<h3>{}</h3>", esc(&tr(msg!("analysis-grades-chart"))));
    let groups: Vec<(String, Vec<Column>)> = p
        .results
        .rubrics
        .iter()
        .map(|rr| {
            let r = p.rubric(rr);
            let cols = p
                .by_grade(rr)
                .iter()
                .enumerate()
                .map(|(g, us)| Column {
                    label: p.grade_name(r, g),
                    value: us.len() as f64,
                    text: us.len().to_string(),
                    shade: g,
                })
                .collect();
            (p.heading(r), cols)
        })
        .collect();
    out.push_str(&svg::columns(
        "grades",
        &tr(msg!("analysis-grades-chart")),
        &groups,
        240.0,
    ));
}

fn distribution(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let scale = f(r.total);
    // Bins of a twentieth of the scale (5 points of 100), from the lowest
    // bin holding a total to the top of the scale.
    let width = scale / 20.0;
    let lowest = rr.units.iter().map(|u| f(u.total)).fold(scale, f64::min);
    let lo = ((lowest / width).floor() * width)
        .min(scale - width)
        .max(0.0);
    let mut bins = Vec::new();
    let mut from = lo;
    while from < scale - 1e-9 {
        let to = from + width;
        let last = to >= scale - 1e-9;
        let n = rr
            .units
            .iter()
            .filter(|u| {
                let t = f(u.total);
                t >= from - 1e-9 && (t < to - 1e-9 || (last && t <= to + 1e-9))
            })
            .count();
        bins.push((from, to, n));
        from = to;
    }
    let marks: Vec<(f64, String)> = r
        .grades
        .iter()
        .enumerate()
        .filter(|(_, g)| f(g.min) > lo && f(g.min) < scale)
        .map(|(k, g)| (f(g.min), p.grade_name(r, k)))
        .collect();
    let name = p.heading(r);
    let label = tr(msg!("analysis-distribution-chart", name = &name));
    let _ = writeln!(out, "<h3>{}</h3>", esc(&label));
    out.push_str(&svg::histogram(
        &format!("distribution-{}", r.id),
        &label,
        &bins,
        lo,
        scale,
        &marks,
        1000.0,
    ));
    let totals: Vec<String> = rr
        .units
        .iter()
        .map(|u| format!("{} {}", r.units[u.unit].name, p.total_cell(r, u)))
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        esc(&tr(msg!(
            "analysis-distribution-note",
            totals = totals.join(&tr(msg!("table-clause-separator")))
        )))
    );
}

fn indicator_rates(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let bars: Vec<HBar> = indicators(r)
        .into_iter()
        .filter_map(|ind| {
            let rate = average(r, rr, &ind.leaves)?;
            Some(HBar {
                label: if ind.level == 1 {
                    ind.title.clone()
                } else {
                    format!("{} {}", ind.id, ind.title)
                },
                value: f(rate),
                text: percent_text(rate),
                shade: if ind.level == 1 { 0 } else { 2 },
                strong: ind.level == 1,
                marker: None,
            })
        })
        .collect();
    let label = tr(msg!("analysis-indicators-chart", name = p.heading(r)));
    let _ = writeln!(out, "<h3>{}</h3>", esc(&label));
    out.push_str(&svg::hbars(
        &format!("indicators-{}", r.id),
        &label,
        &bars,
        100.0,
        1000.0,
        &|v| format!("{v:.0}%"),
    ));
}

fn most_lost(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    struct Leaf {
        item: usize,
        lost: Decimal,
        max: Decimal,
        units: usize,
    }
    let mut leaves: Vec<Leaf> = Vec::new();
    for i in 0..r.items.len() {
        let (mut lost, mut max, mut units) = (Decimal::ZERO, Decimal::ZERO, 0);
        for u in &rr.units {
            if let Some((s, m)) = over(r, u, &(i..i + 1)) {
                lost += m - s;
                max += m;
                if s < m {
                    units += 1;
                }
            }
        }
        if lost > Decimal::ZERO {
            leaves.push(Leaf {
                item: i,
                lost,
                max,
                units,
            });
        }
    }
    // Most points lost first; ties in rubric order.
    leaves.sort_by(|a, b| b.lost.cmp(&a.lost).then(a.item.cmp(&b.item)));
    leaves.truncate(10);
    let label = tr(msg!("analysis-lost-chart", name = p.heading(r)));
    let _ = writeln!(out, "<h3>{}</h3>", esc(&label));
    if leaves.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr(msg!("analysis-nothing-lost")))
        );
        return;
    }
    let most = leaves.first().map_or(1.0, |l| f(l.lost));
    let bars: Vec<HBar> = leaves
        .iter()
        .map(|l| HBar {
            label: format!("{} {}", r.items[l.item].id, r.items[l.item].title),
            value: f(l.lost),
            text: plain(l.lost),
            shade: 1,
            strong: false,
            marker: None,
        })
        .collect();
    out.push_str(&svg::hbars(
        &format!("lost-{}", r.id),
        &label,
        &bars,
        svg::nice_ceiling(most),
        1000.0,
        &|v| svg::trim_number(v),
    ));
    let grid = Grid {
        header: vec![
            tr(msg!("analysis-col-number")),
            tr(msg!("feedback-col-indicator")),
            tr(msg!("feedback-col-max")),
            tr(msg!("analysis-col-units-lost")),
            tr(msg!("analysis-col-lost")),
            tr(msg!("analysis-col-rate")),
            tr(msg!("analysis-col-reasons")),
        ],
        numeric: vec![true, false, true, true, true, true, false],
        rows: leaves
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let item = &r.items[l.item];
                vec![
                    (k + 1).to_string(),
                    p.path(r, l.item),
                    plain(item.max),
                    l.units.to_string(),
                    plain(l.lost),
                    percent(l.max - l.lost, l.max)
                        .map(percent_text)
                        .unwrap_or_default(),
                    reasons(p, rr, l.item),
                ]
            })
            .collect(),
    };
    out.push_str(&table(&grid));
}

/// The rules most deducted under on a leaf across the rubric's units.
fn reasons(p: &Paperwork, rr: &RubricResult, item: usize) -> String {
    let r = p.rubric(rr);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for rec in p.all_records() {
        if rec.unit.rubric != rr.rubric || rec.item != Some(item) || rec.kind != Kind::Deduct {
            continue;
        }
        let key = match rec.rule {
            Some((k, _)) => r.rules[k].text.clone(),
            None => p.tr(msg!("analysis-no-rule")),
        };
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(c) => c.1 += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .iter()
        .take(3)
        .map(|(k, n)| p.tr(msg!("analysis-reason", rule = k, count = *n)))
        .collect::<Vec<_>>()
        .join(&p.tr(msg!("table-clause-separator")))
}

fn heat(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let inds: Vec<Indicator> = indicators(r).into_iter().filter(|i| i.level == 2).collect();
    let rows: Vec<String> = rr
        .units
        .iter()
        .map(|u| r.units[u.unit].name.clone())
        .collect();
    let cols: Vec<String> = inds.iter().map(|i| i.id.clone()).collect();
    let cells: Vec<Vec<Option<f64>>> = rr
        .units
        .iter()
        .map(|u| {
            inds.iter()
                .map(|i| {
                    over(r, u, &i.leaves)
                        .and_then(|(s, m)| percent(s, m))
                        .map(|v| f(v) / 100.0)
                })
                .collect()
        })
        .collect();
    let label = tr(msg!("analysis-heatmap-chart", name = p.heading(r)));
    let _ = writeln!(out, "<h3>{}</h3>", esc(&label));
    out.push_str(&svg::heatmap(
        &format!("heatmap-{}", r.id),
        &label,
        &rows,
        &cols,
        &cells,
        &tr(msg!("analysis-na-short")),
    ));
    out.push_str("<ul class=\"legend\">");
    for i in &inds {
        let max: Decimal = r.items[i.leaves.clone()].iter().map(|l| l.max).sum();
        let _ = write!(
            out,
            "<li>{}</li>",
            esc(&tr(msg!(
                "analysis-legend-item",
                id = &i.id,
                title = &i.title,
                max = plain(max)
            )))
        );
    }
    out.push_str("</ul>\n");
}

fn daily(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let records = p.all_records();
    if records.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr(msg!("analysis-no-records")))
        );
        return;
    }
    let mut months: Vec<((i32, u32), Tally)> = Vec::new();
    for rec in records {
        let key = (rec.date.year, rec.date.month);
        let at = match months.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                months.push((key, Tally::default()));
                months.len() - 1
            }
        };
        months[at].1.count(rec.kind, rec.points);
    }
    months.sort_by_key(|(k, _)| *k);
    // By the method's label: rubrics with the five of the notice share them,
    // a rubric's own `[methods]` add theirs, in the rubrics' order.
    let mut methods: Vec<(String, Tally)> = Vec::new();
    for r in &p.catalog.rubrics {
        for m in 0..r.methods.len() {
            let label = tr(method_label(r, Method(m)));
            if !methods.iter().any(|(l, _)| *l == label) {
                methods.push((label, Tally::default()));
            }
        }
    }
    for rec in records {
        let label = tr(method_label(p.catalog.rubric_of(rec.unit), rec.method));
        if let Some((_, t)) = methods.iter_mut().find(|(l, _)| *l == label) {
            t.count(rec.kind, rec.points);
        }
    }
    let month = |(y, m): &(i32, u32)| {
        tr(msg!(
            "analysis-month",
            year = y.to_string(),
            month = m.to_string()
        ))
    };
    let by_month: Vec<(String, &Tally)> = months.iter().map(|(k, t)| (month(k), t)).collect();
    daily_chart(
        p,
        out,
        "daily-month",
        msg!("analysis-by-month"),
        &by_month,
        1,
    );
    let by_method: Vec<(String, &Tally)> = methods.iter().map(|(l, t)| (l.clone(), t)).collect();
    daily_chart(
        p,
        out,
        "daily-method",
        msg!("analysis-by-method"),
        &by_method,
        2,
    );
    // The same numbers as a table, for whoever copies them into a report.
    let mut grid = Grid {
        header: vec![
            tr(msg!("analysis-col-month")),
            tr(kind_label(Kind::Deduct)),
            tr(msg!("analysis-col-points")),
            tr(kind_label(Kind::Add)),
            tr(msg!("analysis-col-points")),
            tr(kind_label(Kind::Veto)),
        ],
        numeric: vec![false, true, true, true, true, true],
        rows: Vec::new(),
    };
    let mut total = Tally::default();
    for (label, t) in &by_month {
        grid.rows.push(t.row(label.clone()));
        total.deduct += t.deduct;
        total.deduct_points += t.deduct_points;
        total.add += t.add;
        total.add_points += t.add_points;
        total.veto += t.veto;
    }
    grid.rows.push(total.row(tr(msg!("feedback-total-row"))));
    out.push_str(&table(&grid));
}

/// The daily records of a month or of a method: how many of each kind, and
/// their points.
#[derive(Default, Clone)]
struct Tally {
    deduct: usize,
    deduct_points: Decimal,
    add: usize,
    add_points: Decimal,
    veto: usize,
    /// 此项不得分 records: counted in the total, no points.
    zero: usize,
}

impl Tally {
    fn count(&mut self, kind: Kind, points: Decimal) {
        match kind {
            Kind::Deduct => {
                self.deduct += 1;
                self.deduct_points += points;
            }
            Kind::Add => {
                self.add += 1;
                self.add_points += points;
            }
            Kind::Veto => self.veto += 1,
            Kind::Zero => self.zero += 1,
        }
    }

    fn all(&self) -> usize {
        self.deduct + self.add + self.veto + self.zero
    }

    /// A row of the table: its label, then the counts and points.
    fn row(&self, label: String) -> Vec<String> {
        vec![
            label,
            self.deduct.to_string(),
            plain(self.deduct_points),
            self.add.to_string(),
            plain(self.add_points),
            self.veto.to_string(),
        ]
    }
}

/// A bar chart of the records, one bar per labelled tally.
fn daily_chart(
    p: &Paperwork,
    out: &mut String,
    id: &str,
    heading: Message,
    bars: &[(String, &Tally)],
    shade: usize,
) {
    let most = bars.iter().map(|(_, t)| t.all()).max().unwrap_or(1) as f64;
    let bars: Vec<HBar> = bars
        .iter()
        .map(|(label, t)| HBar {
            label: label.clone(),
            value: t.all() as f64,
            text: p.tr(msg!(
                "analysis-tally",
                deducts = t.deduct,
                deducted = plain(t.deduct_points),
                adds = t.add,
                added = plain(t.add_points),
                vetoes = t.veto
            )),
            shade,
            strong: false,
            marker: None,
        })
        .collect();
    let label = p.tr(heading);
    let _ = writeln!(out, "<h3>{}</h3>", esc(&label));
    out.push_str(&svg::hbars(
        id,
        &label,
        &bars,
        svg::nice_ceiling(most),
        1000.0,
        &|v| svg::trim_number(v),
    ));
}

fn profiles(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let inds = indicators(r);
    let averages: Vec<Option<Decimal>> = inds.iter().map(|i| average(r, rr, &i.leaves)).collect();
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<div class=\"profiles\">",
        esc(&p.heading(r))
    );
    for u in &rr.units {
        let unit = &r.units[u.unit];
        let bars: Vec<HBar> = inds
            .iter()
            .zip(&averages)
            .filter_map(|(i, avg)| {
                let (s, m) = over(r, u, &i.leaves)?;
                let rate = percent(s, m)?;
                Some(HBar {
                    label: i.title.clone(),
                    value: f(rate),
                    text: percent_text(rate),
                    shade: if i.level == 1 { 0 } else { 2 },
                    strong: i.level == 1,
                    marker: avg.map(f),
                })
            })
            .collect();
        let label = tr(msg!(
            "analysis-profile",
            rank = u.rank,
            unit = &unit.name,
            total = p.total_cell(r, u),
            grade = p.grade_cell(r, u)
        ));
        let _ = writeln!(out, "<div class=\"profile\"><h4>{}</h4>", esc(&label));
        out.push_str(&svg::hbars(
            &format!("profile-{}-{}", r.id, unit.id),
            &label,
            &bars,
            100.0,
            520.0,
            &|v| format!("{v:.0}%"),
        ));
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

fn change(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let Some(prev) = &p.compare.previous else {
        return;
    };
    let rows: Vec<(String, f64, f64, String)> = rr
        .units
        .iter()
        .filter_map(|u| {
            let x = prev.of(rr.rubric, u.unit)?;
            Some((
                r.units[u.unit].name.clone(),
                f(x.total),
                f(u.total),
                super::paperwork::change_text(x.change, x.rank_change, r.decimals),
            ))
        })
        .collect();
    let label = tr(msg!("analysis-change-chart", name = p.heading(r)));
    let _ = writeln!(out, "<h3>{}</h3>", esc(&label));
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr(msg!("analysis-no-previous")))
        );
        return;
    }
    let lo = rows.iter().map(|r| r.1.min(r.2)).fold(f(r.total), f64::min);
    let step = f(r.total) / 10.0;
    let lo = ((lo / step).floor() * step).max(0.0);
    let before = tr(msg!("analysis-previous-year"));
    let now = tr(msg!("analysis-this-year"));
    out.push_str(&svg::dumbbell(
        &format!("change-{}", r.id),
        &label,
        &rows,
        lo,
        f(r.total),
        1000.0,
        (&before, &now),
    ));
    let new: Vec<&str> = rr
        .units
        .iter()
        .filter(|u| prev.of(rr.rubric, u.unit).is_none())
        .map(|u| r.units[u.unit].name.as_str())
        .collect();
    if !new.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr(msg!(
                "analysis-new-units",
                units = crate::text::list_all(new)
            )))
        );
    }
}

fn sources(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        esc(&tr(msg!("analysis-sources-note")))
    );
    out.push_str("<table>\n<thead><tr>");
    for h in [
        tr(msg!("xlsx-col-role")),
        tr(msg!("xlsx-col-path")),
        tr(msg!("xlsx-col-sha256")),
    ] {
        let _ = write!(out, "<th>{}</th>", esc(&h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for file in &p.results.files {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"mono\">{}</td></tr>",
            esc(&tr(crate::report::role_label(file.role))),
            esc(&file.path),
            esc(&file.sha256)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}
