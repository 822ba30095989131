//! Invariants of the computation over random rubrics and inputs, through the
//! library (the same code the binary runs), so hundreds of cases stay fast.

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::fmt::Write as _;

use assess::engine::score::score;

use assess::input::InputPaths;
use assess::model::results::Results;
use assess::rubric::load_rubrics;
use assess::text::diag::Diagnostics;

/// A random but valid year: one rubric, its annual scores and daily records.
#[derive(Debug, Clone)]
struct Year {
    decimals: u32,
    dense: bool,
    /// (max in hundredths, kind: 0 one scorer, 1 two scorers, 2 from zero, 3 from full, cap in hundredths)
    items: Vec<(u32, u8, Option<u32>)>,
    units: usize,
    /// (unit, item, scorer slot) -> score in thousandths of the max
    annual: Vec<u32>,
    /// (unit, item, deduct?, points in thousandths)
    daily: Vec<(usize, usize, bool, u32)>,
    veto: Option<usize>,
}

fn dec(n: u32, scale: u32) -> Decimal {
    Decimal::new(i64::from(n), scale)
}

impl Year {
    fn total(&self) -> Decimal {
        self.items
            .iter()
            .map(|(m, _, _)| dec(*m, self.decimals))
            .sum()
    }

    fn rubric(&self) -> String {
        let mut s = format!(
            "id = \"p\"\ntitle = \"P\"\nyear = 2020\ntotal = \"{}\"\ndecimals = {}\nranking = \"{}\"\n[scorers]\na = \"甲\"\nb = \"乙\"\n",
            self.total(),
            self.decimals,
            if self.dense { "dense" } else { "competition" }
        );
        let total = self.total();
        // Bands at 90 % and 60 % of the scale where they are distinct, then 0.
        let mut mins: Vec<Decimal> = [Decimal::new(9, 1), Decimal::new(6, 1)]
            .iter()
            .map(|f| (total * f).trunc_with_scale(self.decimals))
            .filter(|m| *m > Decimal::ZERO)
            .collect();
        mins.dedup();
        mins.push(Decimal::ZERO);
        for (k, min) in mins.iter().enumerate() {
            let _ = write!(
                s,
                "[[grade]]\nid = \"g{k}\"\nlabel = \"g{k}\"\nmin = \"{min}\"\n"
            );
        }
        for u in 0..self.units {
            let _ = write!(s, "[[unit]]\nid = \"u{u}\"\nname = \"单位{u}\"\n");
        }
        s.push_str("[[section]]\nid = \"s\"\ntitle = \"S\"\n");
        self.write_items(&mut s, None);
        s
    }

    /// The same rubric with its leaves, in the same order, nested in groups
    /// of up to four levels as `shape` says.
    fn grouped_rubric(&self, shape: u64) -> String {
        let flat = self.rubric();
        let head = &flat[..flat.find("[[section]]").unwrap_or(flat.len())];
        let mut s = head.to_string();
        s.push_str("[[section]]\nid = \"s\"\ntitle = \"S\"\n");
        self.write_items(&mut s, Some(shape));
        s
    }

    /// Writes the leaves; with a shape, under random groups (`g…` ids).
    fn write_items(&self, s: &mut String, shape: Option<u64>) {
        let mut rng = shape.unwrap_or(0) | 1;
        let mut next = move || {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (rng >> 33) as usize
        };
        let mut groups = 0;
        self.write_level(
            s,
            0..self.items.len(),
            "section.item",
            1,
            shape.is_some(),
            &mut next,
            &mut groups,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn write_level(
        &self,
        s: &mut String,
        range: std::ops::Range<usize>,
        table: &str,
        level: usize,
        nest: bool,
        next: &mut impl FnMut() -> usize,
        groups: &mut usize,
    ) {
        let mut i = range.start;
        while i < range.end {
            let left = range.end - i;
            // A run of leaves becomes a group (levels 2-4) on a coin's throw.
            let take = if nest && level < 4 && next() % 3 == 0 {
                1 + next() % left
            } else {
                0
            };
            if take > 0 {
                *groups += 1;
                let g = *groups;
                let _ = write!(s, "[[{table}]]\nid = \"g{g}\"\ntitle = \"组{g}\"\n");
                if next() % 2 == 0 {
                    let sum: Decimal = self.items[i..i + take]
                        .iter()
                        .map(|(m, _, _)| dec(*m, self.decimals))
                        .sum();
                    let _ = writeln!(s, "max = \"{sum}\"");
                }
                self.write_level(
                    s,
                    i..i + take,
                    &format!("{table}.item"),
                    level + 1,
                    nest,
                    next,
                    groups,
                );
                i += take;
                continue;
            }
            self.write_leaf(s, i, table);
            i += 1;
        }
    }

    fn write_leaf(&self, s: &mut String, i: usize, table: &str) {
        let (max, kind, cap) = &self.items[i];
        {
            let _ = write!(
                s,
                "[[{table}]]\nid = \"i{i}\"\ntitle = \"项目{i}\"\nmax = \"{}\"\n",
                dec(*max, self.decimals)
            );
            match kind {
                0 => s.push_str("scorers = { a = 1 }\n"),
                1 => s.push_str("scorers = { a = \"0.3\", b = 0.7 }\n"),
                2 => s.push_str("start = \"zero\"\n"),
                _ => s.push_str("start = \"full\"\n"),
            }
            if let Some(c) = cap {
                let _ = write!(
                    s,
                    "max_deduct = \"{}\"\nmax_add = \"{}\"\n",
                    dec(*c, 2),
                    dec(*c, 2)
                );
            }
        }
    }

    /// Annual rows in order; `rows` reorders them.
    fn annual_rows(&self) -> Vec<String> {
        let mut rows = Vec::new();
        let mut k = 0;
        for u in 0..self.units {
            for (i, (max, kind, _)) in self.items.iter().enumerate() {
                let scorers: &[&str] = match kind {
                    0 => &["a"],
                    1 => &["a", "b"],
                    _ => &[],
                };
                for s in scorers {
                    let frac = self.annual[k % self.annual.len()];
                    k += 1;
                    let v = (dec(*max, self.decimals) * dec(frac, 3)).round_dp(5);
                    rows.push(format!("u{u},i{i},{s},{v}"));
                }
            }
        }
        rows
    }

    fn daily_rows(&self) -> Vec<String> {
        let mut rows: Vec<String> = self
            .daily
            .iter()
            .map(|(u, i, deduct, p)| {
                let kind = if *deduct { "deduct" } else { "add" };
                format!(
                    "2020-06-01,u{},i{},{kind},{},spot_check",
                    u % self.units,
                    i % self.items.len(),
                    dec(p + 1, 3)
                )
            })
            .collect();
        if let Some(u) = self.veto {
            rows.push(format!(
                "2020-07-01,u{},,veto,,daily_record",
                u % self.units
            ));
        }
        rows
    }
}

fn year() -> impl Strategy<Value = Year> {
    (
        0u32..4,
        any::<bool>(),
        prop::collection::vec((1u32..2000, 0u8..4, prop::option::of(1u32..500)), 1..6),
        1usize..6,
        prop::collection::vec(0u32..=1000, 1..40),
        prop::collection::vec((0usize..6, 0usize..6, any::<bool>(), 0u32..3000), 0..30),
        prop::option::of(0usize..6),
    )
        .prop_map(
            |(decimals, dense, items, units, annual, daily, veto)| Year {
                decimals,
                dense,
                items,
                units,
                annual,
                daily,
                veto,
            },
        )
}

/// Writes the year into a folder and scores it through the library.
fn run(year: &Year, annual: &[String], daily: &[String]) -> Results {
    run_with(&year.rubric(), annual, daily)
}

fn run_with(rubric: &str, annual: &[String], daily: &[String]) -> Results {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r.toml");
    let a = dir.path().join("a.csv");
    let d = dir.path().join("d.csv");
    std::fs::write(&r, rubric).unwrap();
    std::fs::write(
        &a,
        format!("unit,item,scorer,score\n{}\n", annual.join("\n")),
    )
    .unwrap();
    std::fs::write(
        &d,
        format!("date,unit,item,kind,points,method\n{}\n", daily.join("\n")),
    )
    .unwrap();
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&[r], &mut diags) else {
        panic!("rubric: {:?}\n{}", diags.into_vec(), rubric);
    };
    let paths = InputPaths {
        annual: vec![a],
        daily: vec![d],
        ..InputPaths::default()
    };
    let inputs = assess::engine::year::read(&catalog, &paths, Default::default(), &mut diags)
        .map(|r| r.inputs)
        .unwrap_or_else(|| panic!("{:?}", diags.into_vec()));
    score(&catalog, &inputs).unwrap()
}

/// Unit id -> (total, grade, rank), for comparing runs.
fn totals(results: &Results) -> Vec<(usize, Decimal, usize, usize)> {
    let mut v: Vec<_> = results.rubrics[0]
        .units
        .iter()
        .map(|u| (u.unit, u.total, u.grade, u.rank))
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_total_is_the_sum_of_its_rounded_items(year in year()) {
        let results = run(&year, &year.annual_rows(), &year.daily_rows());
        for u in &results.rubrics[0].units {
            let mut sum = Decimal::ZERO;
            for s in &u.sections {
                let items: Decimal = s.items.iter().filter_map(|l| l.outcome.as_ref()).map(|o| o.score).sum();
                prop_assert_eq!(s.score, items);
                sum += s.score;
            }
            prop_assert_eq!(u.total, sum);
        }
    }

    #[test]
    fn every_item_lies_between_zero_and_its_max(year in year()) {
        let results = run(&year, &year.annual_rows(), &year.daily_rows());
        for u in &results.rubrics[0].units {
            for s in &u.sections {
                for l in &s.items {
                    let o = l.outcome.as_ref().unwrap();
                    let max = dec(year.items[l.item].0, year.decimals);
                    prop_assert!(o.score >= Decimal::ZERO && o.score <= max, "{} not in 0..={}", o.score, max);
                    prop_assert!(o.score.normalize().scale() <= year.decimals);
                }
            }
        }
    }

    #[test]
    fn one_more_deduction_never_raises_a_total(year in year(), unit in 0usize..6, item in 0usize..6, points in 1u32..5000) {
        let annual = year.annual_rows();
        let mut daily = year.daily_rows();
        let before = totals(&run(&year, &annual, &daily));
        daily.push(format!("2020-08-01,u{},i{},deduct,{},online_evaluation", unit % year.units, item % year.items.len(), dec(points, 3)));
        let after = totals(&run(&year, &annual, &daily));
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a.1 <= b.1, "total rose from {} to {}", b.1, a.1);
        }
    }

    #[test]
    fn one_more_addition_never_lowers_a_total(year in year(), unit in 0usize..6, item in 0usize..6, points in 1u32..5000) {
        let annual = year.annual_rows();
        let mut daily = year.daily_rows();
        let before = totals(&run(&year, &annual, &daily));
        daily.push(format!("2020-08-01,u{},i{},add,{},material_filing", unit % year.units, item % year.items.len(), dec(points, 3)));
        let after = totals(&run(&year, &annual, &daily));
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a.1 >= b.1, "total fell from {} to {}", b.1, a.1);
        }
    }

    #[test]
    fn row_order_never_changes_the_result(year in year(), seed in any::<u64>()) {
        let annual = year.annual_rows();
        let daily = year.daily_rows();
        let shuffle = |rows: &[String]| {
            // A deterministic shuffle from the seed (Fisher-Yates with an LCG).
            let mut rows = rows.to_vec();
            let mut x = seed | 1;
            for i in (1..rows.len()).rev() {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                rows.swap(i, (x >> 33) as usize % (i + 1));
            }
            rows
        };
        let a = run(&year, &annual, &daily);
        let b = run(&year, &shuffle(&annual), &shuffle(&daily));
        prop_assert_eq!(totals(&a), totals(&b));
        let order = |r: &Results| r.rubrics[0].units.iter().map(|u| u.unit).collect::<Vec<_>>();
        prop_assert_eq!(order(&a), order(&b));
    }

    #[test]
    fn ranks_follow_totals(year in year()) {
        let results = run(&year, &year.annual_rows(), &year.daily_rows());
        let units = &results.rubrics[0].units;
        for (k, u) in units.iter().enumerate() {
            let greater = units.iter().filter(|x| x.total > u.total).count();
            let mut distinct: Vec<Decimal> = units.iter().filter(|x| x.total > u.total).map(|x| x.total).collect();
            distinct.dedup();
            let want = if year.dense { distinct.len() + 1 } else { greater + 1 };
            prop_assert_eq!(u.rank, want);
            if k > 0 {
                prop_assert!(units[k - 1].total >= u.total);
            }
        }
    }

    #[test]
    fn grouping_leaves_never_changes_a_leaf_a_section_or_a_total(year in year(), shape in any::<u64>()) {
        let annual = year.annual_rows();
        let daily = year.daily_rows();
        let flat = run(&year, &annual, &daily);
        let grouped = run_with(&year.grouped_rubric(shape), &annual, &daily);
        prop_assert_eq!(totals(&flat), totals(&grouped));
        for (f, g) in flat.rubrics[0].units.iter().zip(&grouped.rubrics[0].units) {
            prop_assert_eq!(f.unit, g.unit);
            for (fs, gs) in f.sections.iter().zip(&g.sections) {
                prop_assert_eq!(fs.score, gs.score);
                let leaves = |s: &assess::model::results::SectionResult| {
                    s.items.iter().map(|l| (l.item, l.outcome.as_ref().map(|o| o.score))).collect::<Vec<_>>()
                };
                prop_assert_eq!(leaves(fs), leaves(gs));
            }
        }
    }

    #[test]
    fn a_group_is_the_sum_of_its_applicable_leaves(year in year(), shape in any::<u64>()) {
        let text = year.grouped_rubric(shape);
        let results = run_with(&text, &year.annual_rows(), &year.daily_rows());
        let mut diags = Diagnostics::new();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        std::fs::write(&path, &text).unwrap();
        let catalog = load_rubrics(&[path], &mut diags).unwrap();
        let rubric = &catalog.rubrics[0];
        for u in &results.rubrics[0].units {
            for s in &u.sections {
                for gs in &s.groups {
                    let group = &rubric.groups[gs.group];
                    let leaves: Vec<Decimal> = s.items.iter()
                        .filter(|l| group.items.contains(&l.item))
                        .filter_map(|l| l.outcome.as_ref().map(|o| o.score))
                        .collect();
                    let want = if leaves.is_empty() { None } else { Some(leaves.iter().copied().sum::<Decimal>()) };
                    prop_assert_eq!(gs.score, want);
                    let max: Decimal = rubric.items[group.items.clone()].iter().map(|i| i.max).sum();
                    prop_assert_eq!(group.max, max);
                }
            }
        }
    }
}

/// The shapes above do nest: some seeds give groups three levels deep.
#[test]
fn grouped_rubrics_nest_several_levels() {
    let year = Year {
        decimals: 2,
        dense: false,
        items: vec![(500, 0, None); 6],
        units: 1,
        annual: vec![500],
        daily: vec![],
        veto: None,
    };
    let deepest = (0..40u64)
        .map(|seed| {
            let text = year.grouped_rubric(seed);
            (1..5)
                .rev()
                .find(|d| text.contains(&format!("[[section{}]]", ".item".repeat(*d))))
                .unwrap_or(0)
        })
        .max();
    assert_eq!(deepest, Some(4), "no seed nests leaves four levels deep");
}
