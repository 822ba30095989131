//! 五、附图附表: the charts and tables behind the text. Rates are exact
//! decimals until drawn ([`super::stats`]); a chart's geometry is the only
//! place a binary number appears. Bonus lines are in no rate and no
//! ranking of lost points; a vetoed unit is marked in every chart that
//! shows units (hatched in [`svg::ALARM`], its name said), never left plain
//! in a bin of the grade its total reaches; grades are filled from calm
//! (the best) to alarming (the lowest).

use std::fmt::Write;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::super::paperwork::{Grid, Paperwork, kind_label, method_label};
use super::super::svg::{self, Bin, Column, HBar, HeatRow, esc};
use super::stats::{self, Line};
use super::table;
use super::text::{line_name, reasons_text};
use crate::model::record::{Kind, Method};
use crate::model::results::RubricResult;
use crate::model::rubric::{Node, PartKind, Rubric};
use crate::num::{fixed, plain};
use crate::text::i18n::{Message, msg};

/// How many lines the chart of lost points shows (its table lists them all).
const LOST_CHARTED: usize = 10;
/// The width of a chart across the page: about the A4 page's printed width
/// (184 mm at 96 px per inch is 695 px), so its text prints near its size.
const WIDE: f64 = 760.0;

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn percent_text(d: Decimal) -> String {
    format!("{}%", fixed(d, 1))
}

/// Opens a figure kept on one page, under its heading.
fn figure(out: &mut String, heading: &str) {
    let _ = writeln!(out, "<div class=\"figure\">\n<h4>{}</h4>", esc(heading));
}

fn note(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
}

/// An indicator of level 1 (a section) or 2, with the leaves it holds.
struct Indicator {
    id: String,
    title: String,
    level: usize,
    leaves: std::ops::Range<usize>,
}

/// The indicators with a rate: those of the scored parts holding some
/// scored line (a bonus line has no rate, a penalty part neither).
fn indicators(r: &Rubric) -> Vec<Indicator> {
    let scored =
        |leaves: &std::ops::Range<usize>| leaves.clone().any(|i| stats::is_scored_line(r, i));
    let mut out = Vec::new();
    for (k, s) in r.sections.iter().enumerate() {
        if s.kind != PartKind::Scored {
            continue;
        }
        out.push(Indicator {
            id: s.id.clone(),
            title: s.title.clone(),
            level: 1,
            leaves: s.items.clone(),
        });
        for node in r.outline(k) {
            let ind = match node {
                Node::Group(g, 2) => Indicator {
                    id: r.groups[g].id.clone(),
                    title: r.groups[g].title.clone(),
                    level: 2,
                    leaves: r.groups[g].items.clone(),
                },
                Node::Leaf(i, 2) => Indicator {
                    id: r.items[i].id.clone(),
                    title: r.items[i].title.clone(),
                    level: 2,
                    leaves: i..i + 1,
                },
                _ => continue,
            };
            out.push(ind);
        }
    }
    out.retain(|i| scored(&i.leaves));
    out
}

/// The figures, in the order the text refers to them.
pub fn figures(p: &Paperwork, out: &mut String) {
    let mut n = 0;
    let mut heading = |out: &mut String, key: Message| {
        n += 1;
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            esc(&p.tr(msg!(
                "analysis-figure-heading",
                number = p.ordinal(n),
                title = key
            )))
        );
    };
    heading(out, msg!("analysis-results"));
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        let _ = writeln!(out, "<div class=\"results\">\n<h4>{}</h4>", esc(&r.title));
        out.push_str(&table(&p.results_table(rr, true)));
        for n in p.table_notes(rr) {
            note(out, &n);
        }
        out.push_str("</div>\n");
    }
    heading(out, msg!("analysis-grades-chart"));
    grades(p, out);
    heading(out, msg!("analysis-distribution"));
    for rr in &p.results.rubrics {
        distribution(p, rr, out);
    }
    heading(out, msg!("analysis-indicators"));
    for rr in &p.results.rubrics {
        indicator_rates(p, rr, out);
    }
    heading(out, msg!("analysis-lost"));
    for rr in &p.results.rubrics {
        most_lost(p, rr, out);
    }
    heading(out, msg!("analysis-heatmap"));
    note(out, &p.tr(msg!("analysis-heatmap-note")));
    for rr in &p.results.rubrics {
        heat(p, rr, out);
    }
    heading(out, msg!("analysis-daily"));
    daily(p, out);
    heading(out, msg!("analysis-profiles"));
    note(out, &p.tr(msg!("analysis-profiles-note")));
    for rr in &p.results.rubrics {
        profiles(p, rr, out);
    }
    if p.compare.previous.is_some() {
        heading(out, msg!("analysis-change"));
        for rr in &p.results.rubrics {
            change(p, rr, out);
        }
    }
}

fn grades(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let label = tr(msg!("analysis-grades-chart"));
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
                    fill: svg::grade_fill(g, r.grades.len()),
                    vetoed: us.iter().filter(|u| u.veto.is_some()).count() as f64,
                })
                .collect();
            (p.heading(r), cols)
        })
        .collect();
    let _ = writeln!(out, "<div class=\"figure\">");
    out.push_str(&svg::columns(
        "grades",
        &label,
        &groups,
        250.0,
        &tr(msg!("analysis-veto-key")),
    ));
    out.push_str("</div>\n");
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
    let grades = r.grades.len();
    let mut bins = Vec::new();
    let mut from = lo;
    while from < scale - 1e-9 {
        let to = from + width;
        let last = to >= scale - 1e-9;
        let inside: Vec<_> = rr
            .units
            .iter()
            .filter(|u| {
                let t = f(u.total);
                t >= from - 1e-9 && (t < to - 1e-9 || (last && t <= to + 1e-9))
            })
            .collect();
        // The units of each grade from the best up the column; the vetoed
        // on top, hatched and named.
        let parts = (0..grades)
            .map(|g| {
                (
                    inside
                        .iter()
                        .filter(|u| u.grade == g && u.veto.is_none())
                        .count(),
                    svg::grade_fill(g, grades).0,
                )
            })
            .collect();
        let vetoed: Vec<String> = inside
            .iter()
            .filter(|u| u.veto.is_some())
            .map(|u| tr(msg!("analysis-unit-vetoed", unit = &r.units[u.unit].name)))
            .collect();
        bins.push(Bin {
            from,
            to,
            parts,
            vetoed: vetoed.len(),
            flags: vetoed,
        });
        from = to;
    }
    let marks: Vec<(f64, String)> = r
        .grades
        .iter()
        .enumerate()
        .filter(|(_, g)| f(g.min) > lo && f(g.min) < scale)
        .map(|(k, g)| (f(g.min), p.grade_name(r, k)))
        .collect();
    let key: Vec<(String, (&str, &str))> = (0..grades)
        .map(|g| (p.grade_name(r, g), svg::grade_fill(g, grades)))
        .collect();
    let label = tr(msg!("analysis-distribution-chart", name = p.heading(r)));
    figure(out, &label);
    out.push_str(&svg::histogram(
        &format!("distribution-{}", r.id),
        &label,
        &bins,
        lo,
        scale,
        &marks,
        &key,
        &tr(msg!("analysis-veto-key")),
        WIDE,
    ));
    let totals: Vec<String> = rr
        .units
        .iter()
        .map(|u| {
            let name = &r.units[u.unit].name;
            if u.veto.is_some() {
                tr(msg!(
                    "analysis-total-vetoed",
                    unit = name,
                    total = p.total_cell(r, u)
                ))
            } else {
                format!("{name} {}", p.total_cell(r, u))
            }
        })
        .collect();
    note(
        out,
        &tr(msg!(
            "analysis-distribution-note",
            totals = totals.join(&tr(msg!("table-clause-separator")))
        )),
    );
    out.push_str("</div>\n");
}

fn indicator_rates(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let bars: Vec<HBar> = indicators(r)
        .into_iter()
        .filter_map(|ind| {
            let rate = stats::average_rate(r, rr, &ind.leaves)?;
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
    figure(out, &label);
    out.push_str(&svg::hbars(
        &format!("indicators-{}", r.id),
        &label,
        &bars,
        100.0,
        WIDE,
        &|v| format!("{v:.0}%"),
        None,
    ));
    if (0..r.items.len()).any(|i| stats::is_bonus_line(r, i)) {
        note(out, &tr(msg!("analysis-bonus-no-rate")));
    }
    out.push_str("</div>\n");
}

fn most_lost(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let lines: Vec<Line> = stats::most_lost(&stats::lines(p, rr));
    let label = tr(msg!(
        "analysis-lost-chart",
        name = p.heading(r),
        count = LOST_CHARTED
    ));
    if lines.is_empty() {
        figure(out, &label);
        note(out, &tr(msg!("analysis-nothing-lost")));
        out.push_str("</div>\n");
        return;
    }
    let charted = &lines[..lines.len().min(LOST_CHARTED)];
    let most = charted.first().map_or(1.0, |l| f(l.lost));
    let bars: Vec<HBar> = charted
        .iter()
        .map(|l| HBar {
            label: line_name(p, r, l.item),
            value: f(l.lost),
            text: plain(l.lost),
            shade: 1,
            strong: false,
            marker: None,
        })
        .collect();
    figure(out, &label);
    out.push_str(&svg::hbars(
        &format!("lost-{}", r.id),
        &label,
        &bars,
        svg::nice_ceiling(most),
        WIDE,
        &|v| svg::trim_number(v),
        None,
    ));
    if (0..r.items.len()).any(|i| stats::is_bonus_line(r, i)) {
        note(out, &tr(msg!("analysis-bonus-not-lost")));
    }
    out.push_str("</div>\n");
    let grid = Grid {
        header: vec![
            tr(msg!("analysis-col-number")),
            tr(msg!("feedback-col-indicator")),
            tr(msg!("feedback-col-max")),
            tr(msg!("analysis-col-units-lost")),
            tr(msg!("analysis-col-lost")),
            tr(msg!("analysis-col-rate")),
            tr(msg!("analysis-col-kind")),
            tr(msg!("analysis-col-reasons")),
        ],
        numeric: vec![true, false, true, true, true, true, false, false],
        rows: lines
            .iter()
            .enumerate()
            .map(|(k, l)| {
                vec![
                    (k + 1).to_string(),
                    line_name(p, r, l.item),
                    plain(r.items[l.item].max),
                    tr(msg!(
                        "analysis-losers-of",
                        losers = l.losers,
                        applicable = l.applicable
                    )),
                    plain(l.lost),
                    l.rate().map(percent_text).unwrap_or_default(),
                    tr(if l.common() {
                        msg!("analysis-kind-common")
                    } else {
                        msg!("analysis-kind-individual")
                    }),
                    reasons_text(p, rr, l.item),
                ]
            })
            .collect(),
    };
    let _ = writeln!(
        out,
        "<div class=\"results\">\n<h4>{}</h4>",
        esc(&tr(msg!("analysis-lost-table", name = p.heading(r))))
    );
    out.push_str(&table(&grid));
    out.push_str("</div>\n");
}

fn heat(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let inds: Vec<Indicator> = indicators(r).into_iter().filter(|i| i.level == 2).collect();
    let rows: Vec<HeatRow> = rr
        .units
        .iter()
        .map(|u| HeatRow {
            name: if u.veto.is_some() {
                tr(msg!("analysis-unit-vetoed", unit = &r.units[u.unit].name))
            } else {
                r.units[u.unit].name.clone()
            },
            vetoed: u.veto.is_some(),
        })
        .collect();
    let cols: Vec<String> = inds.iter().map(|i| i.id.clone()).collect();
    let cells: Vec<Vec<Option<f64>>> = rr
        .units
        .iter()
        .map(|u| {
            inds.iter()
                .map(|i| {
                    stats::over(r, u, &i.leaves)
                        .and_then(|(s, m)| stats::percent(s, m))
                        .map(|v| f(v) / 100.0)
                })
                .collect()
        })
        .collect();
    let label = tr(msg!("analysis-heatmap-chart", name = p.heading(r)));
    figure(out, &label);
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
        let max: Decimal = r.items[i.leaves.clone()]
            .iter()
            .enumerate()
            .filter(|(k, _)| stats::is_scored_line(r, i.leaves.start + k))
            .map(|(_, l)| l.max)
            .sum();
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
    out.push_str("</ul>\n</div>\n");
}

/// The daily records of a month or of a method: how many of each kind, and
/// the points they count for in the scores.
#[derive(Default, Clone)]
struct Tally {
    deduct: usize,
    deduct_points: Decimal,
    add: usize,
    add_points: Decimal,
    veto: usize,
    /// 此项不得分 records: no points.
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

    fn plus(&mut self, t: &Tally) {
        self.deduct += t.deduct;
        self.deduct_points += t.deduct_points;
        self.add += t.add;
        self.add_points += t.add_points;
        self.veto += t.veto;
        self.zero += t.zero;
    }

    fn all(&self) -> usize {
        self.deduct + self.add + self.veto + self.zero
    }

    /// A row of the table: its label, then the counts and points (and the
    /// 此项不得分 records when the year has any).
    fn row(&self, label: String, zero: bool) -> Vec<String> {
        let mut row = vec![
            label,
            self.deduct.to_string(),
            plain(self.deduct_points),
            self.add.to_string(),
            plain(self.add_points),
            self.veto.to_string(),
        ];
        if zero {
            row.push(self.zero.to_string());
        }
        row
    }
}

fn daily(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let records = p.all_records();
    if records.is_empty() {
        note(out, &tr(msg!("analysis-no-records")));
        return;
    }
    let counted = stats::counted_points(p);
    let mut months: Vec<((i32, u32), Tally)> = Vec::new();
    let mut raw = Tally::default();
    for (rec, points) in records.iter().zip(&counted) {
        raw.count(rec.kind, rec.points);
        let key = (rec.date.year, rec.date.month);
        let at = match months.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                months.push((key, Tally::default()));
                months.len() - 1
            }
        };
        months[at].1.count(rec.kind, *points);
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
    for (rec, points) in records.iter().zip(&counted) {
        let label = tr(method_label(p.catalog.rubric_of(rec.unit), rec.method));
        if let Some((_, t)) = methods.iter_mut().find(|(l, _)| *l == label) {
            t.count(rec.kind, *points);
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
    let zero = raw.zero > 0;
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
    if zero {
        grid.header.push(tr(kind_label(Kind::Zero)));
        grid.numeric.push(true);
    }
    let mut total = Tally::default();
    for (label, t) in &by_month {
        grid.rows.push(t.row(label.clone(), zero));
        total.plus(t);
    }
    grid.rows
        .push(total.row(tr(msg!("feedback-total-row")), zero));
    let _ = writeln!(
        out,
        "<div class=\"results\">\n<h4>{}</h4>",
        esc(&tr(msg!("analysis-daily-table")))
    );
    out.push_str(&table(&grid));
    let over = (
        raw.deduct_points - total.deduct_points,
        raw.add_points - total.add_points,
    );
    note(
        out,
        &tr(if over.0.is_zero() && over.1.is_zero() {
            msg!("analysis-counted-note")
        } else {
            msg!(
                "analysis-counted-note-capped",
                deducted = plain(over.0),
                added = plain(over.1)
            )
        }),
    );
    out.push_str("</div>\n");
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
    figure(out, &label);
    out.push_str(&svg::hbars(
        id,
        &label,
        &bars,
        svg::nice_ceiling(most),
        WIDE,
        &|v| svg::trim_number(v),
        None,
    ));
    out.push_str("</div>\n");
}

fn profiles(p: &Paperwork, rr: &RubricResult, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let inds = indicators(r);
    let averages: Vec<Option<Decimal>> = inds
        .iter()
        .map(|i| stats::average_rate(r, rr, &i.leaves))
        .collect();
    let _ = writeln!(
        out,
        "<h4>{}</h4>\n<div class=\"profiles\">",
        esc(&p.heading(r))
    );
    for u in &rr.units {
        let unit = &r.units[u.unit];
        let bars: Vec<HBar> = inds
            .iter()
            .zip(&averages)
            .filter_map(|(i, avg)| {
                let (s, m) = stats::over(r, u, &i.leaves)?;
                let rate = stats::percent(s, m)?;
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
        let banner = u.veto.is_some().then(|| {
            tr(msg!(
                "analysis-profile-vetoed",
                grade = p.grade_name(r, u.grade)
            ))
        });
        let _ = writeln!(out, "<div class=\"profile\"><h5>{}</h5>", esc(&label));
        out.push_str(&svg::hbars(
            &format!("profile-{}-{}", r.id, unit.id),
            &label,
            &bars,
            100.0,
            520.0,
            &|v| format!("{v:.0}%"),
            banner.as_deref(),
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
    let rows: Vec<svg::Change> = rr
        .units
        .iter()
        .filter_map(|u| {
            let x = prev.of(rr.rubric, u.unit)?;
            let name = &r.units[u.unit].name;
            Some(svg::Change {
                name: if u.veto.is_some() {
                    tr(msg!("analysis-unit-vetoed", unit = name))
                } else {
                    name.clone()
                },
                before: f(x.total),
                now: f(u.total),
                text: super::super::paperwork::change_text(x.change, x.rank_change, r.decimals),
                vetoed: u.veto.is_some(),
            })
        })
        .collect();
    let label = tr(msg!("analysis-change-chart", name = p.heading(r)));
    figure(out, &label);
    if rows.is_empty() {
        note(out, &tr(msg!("analysis-no-previous")));
        out.push_str("</div>\n");
        return;
    }
    let lo = rows
        .iter()
        .map(|r| r.before.min(r.now))
        .fold(f(r.total), f64::min);
    let step = f(r.total) / 10.0;
    let lo = ((lo / step).floor() * step).max(0.0);
    out.push_str(&svg::dumbbell(
        &format!("change-{}", r.id),
        &label,
        &rows,
        lo,
        f(r.total),
        WIDE,
        (
            &tr(msg!("analysis-previous-year")),
            &tr(msg!("analysis-this-year")),
            &tr(msg!("analysis-veto-key")),
        ),
    ));
    let new: Vec<&str> = rr
        .units
        .iter()
        .filter(|u| prev.of(rr.rubric, u.unit).is_none())
        .map(|u| r.units[u.unit].name.as_str())
        .collect();
    if !new.is_empty() {
        note(
            out,
            &tr(msg!(
                "analysis-new-units",
                units = crate::text::list_all(new)
            )),
        );
    }
    out.push_str("</div>\n");
}
