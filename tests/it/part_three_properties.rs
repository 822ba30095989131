//! Invariants of part three (SPEC 16-19) over random rubrics that mix its
//! mechanics (a group, lines for one class only, measured lines linear and
//! step, lines scored down from their max with a floor, a gated bonus part,
//! a penalty part, a veto cap), through the library as the binary runs it:
//!
//! - a total lies within 0 and the highest total, and is its parts held there;
//! - one more addition on a bonus line never lowers a total;
//! - one more deduction on a penalty line never raises a total;
//! - `na = "full"` never gives less than `"rescale"` or `"parent"` for the
//!   same inputs (an n/a line counts its max rather than its share);
//! - with no floor below 0, zeroing a line (此项不得分) never raises a total;
//! - a rescore of the review (复核调整) to the score already given changes
//!   nothing but the trail (the unit `adjusted`, the review listed).

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::fmt::Write as _;

use assess::engine::score::score;
use assess::input::InputPaths;
use assess::model::results::Results;
use assess::rubric::load_rubrics;
use assess::text::diag::Diagnostics;

/// How a scored line is scored.
#[derive(Debug, Clone, Copy)]
enum Line {
    /// By the office's annual score.
    Scorer,
    /// From the measure on a linear scale (89 → 0, 99 → max).
    Linear,
    /// From the measure in steps (90 → 0, 95 → half, 98 → max).
    Step,
    /// Down from its max by deductions, to `floor` at the lowest.
    Full { floor: u32 },
}

#[derive(Debug, Clone)]
struct Year {
    /// (how, max in whole points, only for class a)
    lines: Vec<(Line, u32, bool)>,
    /// Units of class a.
    class_a: Vec<bool>,
    /// Per unit and line: the annual score in hundredths of the max (0..=100).
    annual: Vec<u32>,
    /// Per unit: the measured value in tenths (800..=1000).
    measured: Vec<u32>,
    /// (unit, line, points in tenths): deductions on scored lines.
    deductions: Vec<(usize, usize, u32)>,
    /// Per unit: additions on the bonus line, in tenths.
    bonus: Vec<u32>,
    /// Per unit: how many times the penalty line's rule applies.
    penalty: Vec<u32>,
    /// The bonus part's gate, if any.
    gate: Option<u32>,
    veto: Option<usize>,
}

impl Year {
    fn total(&self) -> u32 {
        self.lines.iter().map(|l| l.1).sum()
    }

    fn rubric(&self, na: &str) -> String {
        let mut s = format!(
            "id = \"p\"\ntitle = \"P\"\nyear = 2021\ntotal = {}\ndecimals = 2\nna = \"{na}\"\n\
             [scorers]\noffice = \"办公室\"\n[classes]\na = \"甲类\"\n\
             [measures]\nrate = {{ title = \"办结率\", unit = \"%\" }}\n[veto]\ncap = 5\n\
             [[grade]]\nid = \"g0\"\nlabel = \"优\"\nmin = 1\n[[grade]]\nid = \"g1\"\nlabel = \"差\"\nmin = 0\n",
            self.total()
        );
        for (u, a) in self.class_a.iter().enumerate() {
            let classes = if *a { "classes = [\"a\"]\n" } else { "" };
            let _ = write!(s, "[[unit]]\nid = \"u{u}\"\nname = \"单位{u}\"\n{classes}");
        }
        s.push_str("[[section]]\nid = \"s\"\ntitle = \"S\"\n");
        // The first two lines in a group, for `na = "parent"` to rescale.
        s.push_str("[[section.item]]\nid = \"g\"\ntitle = \"G\"\n");
        for (i, (how, max, only_a)) in self.lines.iter().enumerate() {
            let table = if i < 2 {
                "[[section.item.item]]"
            } else {
                "[[section.item]]"
            };
            let _ = write!(s, "{table}\nid = \"l{i}\"\ntitle = \"L{i}\"\nmax = {max}\n");
            if *only_a {
                s.push_str("applies_to = [\"a\"]\n");
            }
            match how {
                Line::Scorer => s.push_str("scorers = { office = 1 }\n"),
                Line::Linear => {
                    let _ = write!(s, "measure = \"rate\"\nscale = [[89, 0], [99, {max}]]\n");
                }
                Line::Step => {
                    let _ = write!(
                        s,
                        "measure = \"rate\"\nscale = [[90, 0], [95, \"{}\"], [98, {max}]]\ninterpolate = \"step\"\n",
                        Decimal::from(*max) / Decimal::TWO
                    );
                }
                Line::Full { floor } => {
                    let _ = write!(s, "start = \"full\"\nfloor = -{floor}\n");
                }
            }
        }
        let gate = self.gate.map_or(String::new(), |g| format!("gate = {g}\n"));
        let _ = write!(
            s,
            "[[section]]\nid = \"b\"\ntitle = \"B\"\nkind = \"bonus\"\nmax = 3\n{gate}\
             [[section.item]]\nid = \"b1\"\ntitle = \"B1\"\nmax = 4\n\
             [[section]]\nid = \"pen\"\ntitle = \"P\"\nkind = \"penalty\"\nmax = 5\n\
             [[section.item]]\nid = \"p1\"\ntitle = \"P1\"\nmax = 4\n\
             [[section.item.rule]]\nid = \"n\"\ntext = \"每次扣1.5分\"\nkind = \"deduct\"\npoints = 1.5\n"
        );
        s
    }

    fn applies(&self, u: usize, i: usize) -> bool {
        !self.lines[i].2 || self.class_a[u]
    }

    fn annual_rows(&self) -> Vec<String> {
        let mut rows = Vec::new();
        for u in 0..self.class_a.len() {
            for (i, (how, max, _)) in self.lines.iter().enumerate() {
                if matches!(how, Line::Scorer) && self.applies(u, i) {
                    let k = self.annual[u * self.lines.len() + i];
                    let v = Decimal::from(*max) * Decimal::new(i64::from(k), 2);
                    rows.push(format!("u{u},l{i},office,{}", v.normalize()));
                }
            }
        }
        rows
    }

    fn measure_rows(&self) -> Vec<String> {
        self.measured
            .iter()
            .enumerate()
            .map(|(u, v)| format!("u{u},rate,{}", Decimal::new(i64::from(*v), 1)))
            .collect()
    }

    /// The daily records; `extra` more after them.
    fn daily_rows(&self, extra: &[String]) -> Vec<String> {
        let mut rows = Vec::new();
        for &(u, i, p) in &self.deductions {
            let u = u % self.class_a.len();
            let i = i % self.lines.len();
            if self.applies(u, i) && matches!(self.lines[i].0, Line::Full { .. } | Line::Scorer) {
                rows.push(format!(
                    "2021-03-01,u{u},l{i},deduct,{},日常记录,,",
                    Decimal::new(i64::from(p), 1)
                ));
            }
        }
        for (u, &b) in self.bonus.iter().enumerate() {
            if b > 0 {
                rows.push(format!(
                    "2021-04-01,u{u},b1,add,{},日常记录,,",
                    Decimal::new(i64::from(b), 1)
                ));
            }
        }
        for (u, &n) in self.penalty.iter().enumerate() {
            if n > 0 {
                rows.push(format!("2021-05-01,u{u},p1,,,日常记录,n,{n}"));
            }
        }
        if let Some(u) = self.veto {
            rows.push(format!(
                "2021-06-01,u{},,veto,,专项检查,,",
                u % self.class_a.len()
            ));
        }
        rows.extend_from_slice(extra);
        rows
    }
}

fn year() -> impl Strategy<Value = Year> {
    let line = (0u8..4, 1u32..=10, 0u32..=3, prop::bool::weighted(0.3)).prop_map(
        |(k, max, floor, only_a)| {
            let how = match k {
                0 => Line::Scorer,
                1 => Line::Linear,
                2 => Line::Step,
                _ => Line::Full { floor },
            };
            (how, max, only_a)
        },
    );
    (prop::collection::vec(line, 3..=5), 2usize..=5).prop_flat_map(|(mut lines, units)| {
        // At least one line for every unit, so no unit has nothing applicable.
        lines[2].2 = false;
        let n = lines.len();
        (
            Just(lines),
            prop::collection::vec(any::<bool>(), units),
            prop::collection::vec(0u32..=100, units * n),
            prop::collection::vec(800u32..=1000, units),
            prop::collection::vec((0usize..8, 0usize..8, 1u32..=80), 0..8),
            prop::collection::vec(0u32..=50, units),
            prop::collection::vec(0u32..=4, units),
            prop::option::of(0u32..=20),
            prop::option::of(0usize..8),
        )
            .prop_map(
                |(lines, class_a, annual, measured, deductions, bonus, penalty, gate, veto)| Year {
                    lines,
                    class_a,
                    annual,
                    measured,
                    deductions,
                    bonus,
                    penalty,
                    gate,
                    veto,
                },
            )
    })
}

fn run(rubric: &str, annual: &[String], daily: &[String], measures: &[String]) -> Results {
    run_adjusted(rubric, annual, daily, measures, None)
}

fn run_adjusted(
    rubric: &str,
    annual: &[String],
    daily: &[String],
    measures: &[String],
    adjust: Option<&str>,
) -> Results {
    let dir = tempfile::tempdir().unwrap();
    let (r, a, d, m) = (
        dir.path().join("r.toml"),
        dir.path().join("a.csv"),
        dir.path().join("d.csv"),
        dir.path().join("m.csv"),
    );
    std::fs::write(&r, rubric).unwrap();
    std::fs::write(
        &a,
        format!("unit,item,scorer,score\n{}\n", annual.join("\n")),
    )
    .unwrap();
    std::fs::write(
        &d,
        format!(
            "date,unit,item,kind,points,method,rule,count\n{}\n",
            daily.join("\n")
        ),
    )
    .unwrap();
    std::fs::write(&m, format!("unit,measure,value\n{}\n", measures.join("\n"))).unwrap();
    let j = dir.path().join("j.csv");
    if let Some(adjust) = adjust {
        std::fs::write(&j, adjust).unwrap();
    }
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&[r], &mut diags) else {
        panic!("rubric: {:?}\n{rubric}", diags.into_vec());
    };
    let paths = InputPaths {
        annual: vec![a],
        daily: vec![d],
        measures: vec![m],
        adjust: adjust.map(|_| j.clone()).into_iter().collect(),
        ..InputPaths::default()
    };
    let inputs = assess::engine::year::read(&catalog, &paths, Default::default(), &mut diags)
        .map(|r| r.inputs)
        .unwrap_or_else(|| panic!("{:?}\n{rubric}\n{daily:?}", diags.into_vec()));
    score(&catalog, &inputs).unwrap()
}

fn scored(year: &Year, na: &str, extra: &[String]) -> Results {
    run(
        &year.rubric(na),
        &year.annual_rows(),
        &year.daily_rows(extra),
        &year.measure_rows(),
    )
}

/// Per unit (in roster order): its total.
fn totals(results: &Results) -> Vec<Decimal> {
    let mut v: Vec<_> = results.rubrics[0]
        .units
        .iter()
        .map(|u| (u.unit, u.total))
        .collect();
    v.sort();
    v.into_iter().map(|(_, t)| t).collect()
}

const POLICIES: [&str; 3] = ["rescale", "parent", "full"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_total_is_its_parts_held_within_zero_and_the_highest_total(year in year(), p in 0usize..3) {
        let results = scored(&year, POLICIES[p], &[]);
        let max_total = Decimal::from(year.total() + 3);
        for u in &results.rubrics[0].units {
            prop_assert!(u.total >= Decimal::ZERO && u.total <= max_total, "{u:?}");
            let held = (u.scored + u.bonus + u.penalty).clamp(Decimal::ZERO, max_total);
            let expected = if u.veto.is_some() { held.min(Decimal::from(5)) } else { held };
            prop_assert_eq!(u.total, expected);
            prop_assert!(u.penalty <= Decimal::ZERO && u.bonus >= Decimal::ZERO);
        }
    }

    #[test]
    fn one_more_bonus_never_lowers_a_total(year in year(), p in 0usize..3, unit in 0usize..5, points in 1u32..30) {
        let unit = unit % year.class_a.len();
        let before = totals(&scored(&year, POLICIES[p], &[]));
        let more = format!("2021-07-01,u{unit},b1,add,{},日常记录,,", Decimal::new(i64::from(points), 1));
        let after = totals(&scored(&year, POLICIES[p], &[more]));
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a >= b, "{before:?} -> {after:?}");
        }
    }

    #[test]
    fn one_more_penalty_never_raises_a_total(year in year(), p in 0usize..3, unit in 0usize..5) {
        let unit = unit % year.class_a.len();
        let before = totals(&scored(&year, POLICIES[p], &[]));
        let more = format!("2021-07-01,u{unit},p1,,,日常记录,n,1");
        let after = totals(&scored(&year, POLICIES[p], &[more]));
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a <= b, "{before:?} -> {after:?}");
        }
    }

    #[test]
    fn a_rescore_to_the_same_score_changes_nothing_but_the_trail(year in year(), p in 0usize..3, pick in any::<prop::sample::Index>()) {
        let annual = year.annual_rows();
        prop_assume!(!annual.is_empty());
        // unit,line,office,score → the same score again, with a reason.
        let row = &annual[pick.index(annual.len())];
        let cells: Vec<&str> = row.split(',').collect();
        let adjust = format!(
            "unit,item,action,scorer,score,reason\n{},{},rescore,office,{},复核维持原评分\n",
            cells[0], cells[1], cells[3]
        );
        let rubric = year.rubric(POLICIES[p]);
        let before = run(&rubric, &annual, &year.daily_rows(&[]), &year.measure_rows());
        let after = run_adjusted(&rubric, &annual, &year.daily_rows(&[]), &year.measure_rows(), Some(&adjust));
        let view = |r: &Results| -> Vec<(usize, Decimal, usize, usize, Vec<Decimal>)> {
            let mut v: Vec<_> = r.rubrics[0].units.iter()
                .map(|u| (u.unit, u.total, u.grade, u.rank, u.sections.iter().map(|s| s.score).collect()))
                .collect();
            v.sort();
            v
        };
        prop_assert_eq!(view(&before), view(&after));
        let unit: usize = cells[0][1..].parse().unwrap();
        for u in &after.rubrics[0].units {
            prop_assert_eq!(u.adjusted, u.unit == unit);
        }
        prop_assert_eq!(after.review.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn counting_na_lines_in_full_never_gives_less(year in year()) {
        let full = totals(&scored(&year, "full", &[]));
        for na in ["rescale", "parent"] {
            let other = totals(&scored(&year, na, &[]));
            for (f, o) in full.iter().zip(&other) {
                prop_assert!(f >= o, "full {full:?} < {na} {other:?}");
            }
        }
    }

    #[test]
    fn zeroing_a_line_never_raises_a_total_without_floors(mut year in year(), p in 0usize..3, unit in 0usize..5, line in 0usize..5) {
        for l in &mut year.lines {
            if let Line::Full { floor } = &mut l.0 {
                *floor = 0;
            }
        }
        let unit = unit % year.class_a.len();
        let line = line % year.lines.len();
        prop_assume!(year.applies(unit, line));
        let before = totals(&scored(&year, POLICIES[p], &[]));
        let zero = format!("2021-07-01,u{unit},l{line},zero,,日常记录,,");
        let after = totals(&scored(&year, POLICIES[p], &[zero]));
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a <= b, "{before:?} -> {after:?}");
        }
    }
}
