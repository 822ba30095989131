//! Generates large, valid inputs for `assess` (one rubric, its annual scores
//! and a year of daily records), deterministically from a seed.
//!
//! Shared by the benchmarks (`benches/pipeline.rs`) and the command line
//! generator (`examples/gen_large.rs`, which includes this file with
//! `#[path]`). No dependency beyond the standard library: the random numbers
//! come from splitmix64, the numbers are written from integers (hundredths,
//! thousandths), never through floating point, so every score and point is the
//! exact decimal written.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Spec {
    /// Units on the roster (ids `u001`…).
    pub units: usize,
    /// Items, split into 2 sections; the last one is scored by daily records alone.
    pub items: usize,
    /// Scorers declared; each item with scorers has 1 to 3 of them.
    pub scorers: usize,
    /// Daily records.
    pub rows: u64,
    pub seed: u64,
    /// How the daily records are written.
    pub shape: Shape,
}

/// The two shapes of daily records measured (docs/performance.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// About 136 bytes a record: dates in three forms, units and items by id
    /// or by their Chinese names, a note of 24 to 30 Chinese characters.
    #[default]
    Long,
    /// About 75 bytes a record: ISO dates, units and items mostly by id,
    /// kinds and methods mostly in English, a note of a few characters.
    Short,
}

impl Shape {
    pub fn parse(s: &str) -> Option<Shape> {
        match s {
            "long" => Some(Shape::Long),
            "short" => Some(Shape::Short),
            _ => None,
        }
    }
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            units: 200,
            items: 12,
            scorers: 3,
            rows: 2_000_000,
            seed: 1,
            shape: Shape::Long,
        }
    }
}

/// The files written and what they hold.
#[derive(Clone, Debug)]
pub struct Generated {
    pub rubric: PathBuf,
    pub annual: PathBuf,
    pub daily: PathBuf,
    pub annual_rows: u64,
    pub daily_rows: u64,
    pub annual_bytes: u64,
    pub daily_bytes: u64,
    /// Units × items: the item scores one run computes.
    pub item_scores: u64,
}

/// The year of the generated rubric (a leap year: 29 February is a date too).
pub const YEAR: i32 = 2020;

/// splitmix64: tiny, fast and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0; the bias of a plain modulo is negligible here).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const AREAS: &[&str] = &[
    "塔城市",
    "乌苏市",
    "额敏县",
    "沙湾县",
    "托里县",
    "裕民县",
    "和布克赛尔县",
    "塔城地区",
];

const OFFICES: &[&str] = &[
    "发展和改革委员会",
    "教育局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化体育广播电视和旅游局",
    "卫生健康委员会",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业和草原局",
    "政务服务中心",
    "信访局",
];

const OPENNESS_ITEMS: &[&str] = &[
    "组织领导",
    "主动公开",
    "依申请公开",
    "政策解读",
    "回应关切",
    "政府网站建设",
    "基层政务公开标准化",
    "政府信息公开年报",
    "重大决策预公开",
    "政务新媒体管理",
];

const REFORM_ITEMS: &[&str] = &[
    "行政审批制度改革",
    "事中事后监管",
    "优化营商环境",
    "互联网+政务服务",
    "证明事项清理",
    "一网通办",
    "政务服务中心建设",
    "好差评制度",
    "12345热线办理",
    "减税降费落实",
];

/// The item scored by daily records alone (扣分制).
const DAILY_ONLY_TITLE: &str = "日常工作督查（扣分制）";

const SCORERS: &[(&str, &str)] = &[
    ("office", "行政公署办公室考核组"),
    ("lead", "地区政务公开领导小组"),
    ("service", "地区政务服务中心"),
];

const METHODS: &[(&str, &str)] = &[
    ("daily_record", "日常记录"),
    ("spot_check", "随机抽查"),
    ("special_inspection", "专项检查"),
    ("online_evaluation", "网上评测"),
    ("material_filing", "材料报备"),
];

const DEDUCT_FINDINGS: &[&str] = &[
    "政府信息公开专栏未及时更新",
    "政策解读材料未与文件同步发布",
    "依申请公开答复超过法定期限",
    "政务服务事项办事指南要素不全",
    "门户网站存在错别字和无效链接",
    "未按要求报送季度工作总结",
    "热线工单办理超时未反馈",
    "差评未在规定时限内整改",
    "权责清单未按要求动态调整",
    "重大决策未公开征求公众意见",
    "政务新媒体超过两周未更新",
    "行政许可结果未按时公示",
];

const ADD_FINDINGS: &[&str] = &[
    "经验做法被地区工作简报刊发",
    "在全区工作会议上作交流发言",
    "创新举措被自治区办公厅推广",
    "政务公开案例入选优秀案例",
    "一网通办事项办理量居全地区前列",
];

const DOC_KINDS: &[&str] = &["督查通报", "工作通报", "检查通报", "抽查情况"];

const REMEDIES: &[&str] = &[
    "已责令限期整改",
    "已约谈分管负责同志",
    "整改情况另行报送",
    "请于五个工作日内整改",
];

/// Scorer weights in tenths, adding up to 10.
const PAIRS: &[&[u64]] = &[&[5, 5], &[6, 4], &[7, 3], &[3, 7]];
const TRIPLES: &[&[u64]] = &[&[5, 3, 2], &[4, 3, 3], &[6, 2, 2]];

/// One item of the generated rubric.
struct GenItem {
    id: String,
    title: String,
    /// In halves of a point.
    max_halves: u64,
    /// Indices into the scorers, with weights in tenths adding up to 10.
    scorers: Vec<(usize, u64)>,
    max_deduct: bool,
    max_add: Option<u64>,
}

struct GenUnit {
    id: String,
    name: String,
}

struct Plan {
    units: Vec<GenUnit>,
    sections: [(&'static str, &'static str, std::ops::Range<usize>); 2],
    items: Vec<GenItem>,
    scorers: Vec<(String, String)>,
}

fn unit_width(n: usize) -> usize {
    n.to_string().len().max(3)
}

fn plan(spec: &Spec, rng: &mut Rng) -> io::Result<Plan> {
    let bad = |m: &str| Err(io::Error::new(io::ErrorKind::InvalidInput, m.to_string()));
    if spec.units == 0 {
        return bad("--units must be at least 1");
    }
    if !(2..=200).contains(&spec.items) {
        return bad(
            "--items must be 2 to 200 (2 sections, maxima in half points adding up to 100)",
        );
    }
    if spec.scorers == 0 {
        return bad("--scorers must be at least 1");
    }
    let width = unit_width(spec.units);
    let combos = AREAS.len() * OFFICES.len();
    let units = (0..spec.units)
        .map(|i| {
            let base = format!(
                "{}{}",
                AREAS[i % AREAS.len()],
                OFFICES[(i / AREAS.len()) % OFFICES.len()]
            );
            let name = if i < combos {
                base
            } else {
                format!("{base}第{}分局", i / combos + 1)
            };
            GenUnit {
                id: format!("u{:0width$}", i + 1),
                name,
            }
        })
        .collect();
    let scorers = (0..spec.scorers)
        .map(|i| match SCORERS.get(i) {
            Some((id, name)) => (id.to_string(), name.to_string()),
            None => (format!("scorer{}", i + 1), format!("第{}考核组", i + 1)),
        })
        .collect();

    // Maxima in half points adding up to exactly 200 halves (100 points),
    // made uneven by moving 2 halves between neighbours.
    let n = spec.items as u64;
    let mut halves: Vec<u64> = (0..n).map(|i| 200 / n + u64::from(i < 200 % n)).collect();
    for pair in halves.chunks_mut(2) {
        if let [a, b] = pair
            && *b > 2
        {
            *a += 2;
            *b -= 2;
        }
    }
    let first = spec.items.div_ceil(2);
    let mut items = Vec::with_capacity(spec.items);
    for (i, max_halves) in halves.into_iter().enumerate() {
        let (sec, pos, titles) = if i < first {
            (1, i, OPENNESS_ITEMS)
        } else {
            (2, i - first, REFORM_ITEMS)
        };
        let daily_only = i + 1 == spec.items;
        let title = if daily_only {
            DAILY_ONLY_TITLE.to_string()
        } else if pos < titles.len() {
            titles[pos].to_string()
        } else {
            format!(
                "{}（{}）",
                titles[pos % titles.len()],
                pos / titles.len() + 1
            )
        };
        let scorers = if daily_only {
            Vec::new()
        } else {
            // Item 0 has as many scorers as can be (up to 3), item 1 one,
            // the others 1 to 3 at random.
            let most = spec.scorers.min(3);
            let k = match i {
                0 => most,
                1 => 1,
                _ => 1 + rng.below(most as u64) as usize,
            };
            let weights: &[u64] = match k {
                1 => &[10],
                2 => rng.pick::<&[u64]>(PAIRS),
                _ => rng.pick::<&[u64]>(TRIPLES),
            };
            let start = rng.below(spec.scorers as u64) as usize;
            weights
                .iter()
                .enumerate()
                .map(|(j, w)| ((start + j) % spec.scorers, *w))
                .collect()
        };
        items.push(GenItem {
            id: format!("{sec}.{}", pos + 1),
            title,
            max_halves,
            scorers,
            max_deduct: daily_only || i % 3 == 0,
            max_add: (i % 4 == 1).then_some(1 + (i as u64 % 2)),
        });
    }
    Ok(Plan {
        units,
        sections: [
            ("openness", "政务公开", 0..first),
            ("reform", "放管服改革", first..spec.items),
        ],
        items,
        scorers,
    })
}

/// `5` for 10 halves, `8.5` for 17.
fn halves_text(h: u64) -> String {
    if h % 2 == 0 {
        (h / 2).to_string()
    } else {
        format!("{}.5", h / 2)
    }
}

/// `n / 10^places` written exactly, e.g. (125, 3) → `0.125`.
fn fixed(out: &mut String, n: u64, places: u32) {
    let scale = 10u64.pow(places);
    let _ = write!(out, "{}", n / scale);
    if places > 0 {
        let _ = write!(out, ".{:0width$}", n % scale, width = places as usize);
    }
}

/// A CSV cell, quoted when it holds a comma, quote or line break.
fn cell(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn write_rubric(plan: &Plan, spec: &Spec, path: &Path) -> io::Result<()> {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Generated by examples/gen_large.rs (seed {}): a large valid rubric for scale measurements.",
        spec.seed
    );
    t.push_str("id = \"scale\"\n");
    let _ = writeln!(
        t,
        "title = \"规模测试{YEAR}年度政务公开和“放管服”改革工作考核细则（{}个单位）\"",
        plan.units.len()
    );
    let _ = writeln!(t, "year = {YEAR}\ntotal = 100\ndecimals = 2\n");
    t.push_str("[scorers]\n");
    for (id, name) in &plan.scorers {
        let _ = writeln!(t, "{id} = \"{name}\"");
    }
    for (id, label, min) in [
        ("excellent", "优秀", 90),
        ("good", "良好", 80),
        ("pass", "合格", 60),
        ("fail", "不合格", 0),
    ] {
        let _ = writeln!(
            t,
            "\n[[grade]]\nid = \"{id}\"\nlabel = \"{label}\"\nmin = {min}"
        );
    }
    for u in &plan.units {
        let _ = writeln!(t, "\n[[unit]]\nid = \"{}\"\nname = \"{}\"", u.id, u.name);
    }
    for (sid, stitle, range) in &plan.sections {
        let _ = writeln!(t, "\n[[section]]\nid = \"{sid}\"\ntitle = \"{stitle}\"");
        for item in &plan.items[range.clone()] {
            let max = halves_text(item.max_halves);
            let _ = writeln!(
                t,
                "  [[section.item]]\n  id = \"{}\"\n  title = \"{}\"\n  max = {max}",
                item.id, item.title
            );
            if item.scorers.is_empty() {
                t.push_str("  start = \"full\"\n");
            } else {
                let weights: Vec<String> = item
                    .scorers
                    .iter()
                    .map(|(s, w)| {
                        let w = if *w == 10 {
                            "1".to_string()
                        } else {
                            format!("0.{w}")
                        };
                        format!("{} = {w}", plan.scorers[*s].0)
                    })
                    .collect();
                let _ = writeln!(t, "  scorers = {{ {} }}", weights.join(", "));
            }
            if item.max_deduct {
                let _ = writeln!(t, "  max_deduct = {max}");
            }
            if let Some(a) = item.max_add {
                let _ = writeln!(t, "  max_add = {a}");
            }
            let _ = writeln!(
                t,
                "  criteria = \"{}每发现一处问题扣0.5分，扣完为止\"",
                item.title
            );
        }
    }
    std::fs::write(path, t)
}

fn write_annual(plan: &Plan, rng: &mut Rng, path: &Path) -> io::Result<(u64, u64)> {
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut line = String::from("unit,item,scorer,score,note\n");
    let (mut rows, mut bytes) = (0, 0);
    for u in &plan.units {
        for item in &plan.items {
            for (s, _) in &item.scorers {
                let unit = if rng.chance(50) { &u.id } else { &u.name };
                let it = if rng.chance(50) {
                    &item.id
                } else {
                    &item.title
                };
                let sc = &plan.scorers[*s];
                let scorer = if rng.chance(50) { &sc.0 } else { &sc.1 };
                // Hundredths in 60% to 100% of the max; some whole, some one place.
                let max_h = item.max_halves * 50;
                let mut score = max_h * 6 / 10 + rng.below(max_h * 4 / 10 + 1);
                if rng.chance(30) {
                    score -= score % 10;
                }
                cell(&mut line, unit);
                line.push(',');
                cell(&mut line, it);
                line.push(',');
                cell(&mut line, scorer);
                line.push(',');
                fixed(&mut line, score, 2);
                line.push(',');
                if rng.chance(10) {
                    line.push_str("\"材料齐全, 佐证充分\"");
                }
                line.push('\n');
                w.write_all(line.as_bytes())?;
                bytes += line.len() as u64;
                rows += 1;
                line.clear();
            }
        }
    }
    w.flush()?;
    Ok((rows, bytes))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Short findings, for the short shape's notes (some records have none).
const SHORT_NOTES: &[&str] = &[
    "公开专栏未及时更新",
    "政策解读未同步发布",
    "依申请公开答复超期",
    "办事指南要素不全",
    "门户网站存在错别字",
    "季度总结未按时报送",
    "热线工单办理超时",
    "差评未在时限内整改",
    "权责清单未动态调整",
    "决策未公开征求意见",
    "政务新媒体停更",
    "经验做法被简报刊发",
    "在全区会议交流发言",
];

fn write_daily(plan: &Plan, spec: &Spec, rng: &mut Rng, path: &Path) -> io::Result<u64> {
    if spec.shape == Shape::Short {
        return write_daily_short(plan, spec, rng, path);
    }
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut line = String::from("date,unit,item,kind,points,method,note\n");
    let mut bytes = 0;
    let mut note = String::new();
    for _ in 0..spec.rows {
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(u64::from(days_in_month(YEAR, month))) as u32;
        let _ = match rng.below(3) {
            0 => write!(line, "{YEAR}-{month:02}-{day:02}"),
            1 => write!(line, "{YEAR}/{month}/{day}"),
            _ => write!(line, "{YEAR}年{month}月{day}日"),
        };
        line.push(',');
        let u = rng.pick(&plan.units);
        cell(&mut line, if rng.chance(50) { &u.id } else { &u.name });
        line.push(',');
        let item = rng.pick(&plan.items);
        cell(
            &mut line,
            if rng.chance(50) {
                &item.id
            } else {
                &item.title
            },
        );
        line.push(',');
        let add = rng.chance(20);
        line.push_str(match (add, rng.chance(50)) {
            (false, true) => "deduct",
            (false, false) => "核减",
            (true, true) => "add",
            (true, false) => "核加",
        });
        line.push(',');
        // Points > 0 with 1 to 3 places; the 3-place ones are half-way
        // values (0.125, 0.375…) that rounding must take away from zero.
        match rng.below(10) {
            0..=3 => fixed(&mut line, 1 + rng.below(20), 1),
            4..=7 => fixed(&mut line, 1 + rng.below(200), 2),
            _ => fixed(&mut line, rng.below(100) * 10 + 5, 3),
        }
        line.push(',');
        let (mid, mlabel) = rng.pick(METHODS);
        line.push_str(if rng.chance(50) { mid } else { mlabel });
        line.push(',');
        let finding = rng.pick(if add { ADD_FINDINGS } else { DEDUCT_FINDINGS });
        let _ = write!(
            note,
            "{}〔{YEAR}〕{}号：{finding}",
            rng.pick(DOC_KINDS),
            1 + rng.below(120)
        );
        if !add && rng.chance(3) {
            let _ = write!(note, ", {}", rng.pick(REMEDIES));
        }
        cell(&mut line, &note);
        note.clear();
        line.push('\n');
        w.write_all(line.as_bytes())?;
        bytes += line.len() as u64;
        line.clear();
    }
    w.flush()?;
    Ok(bytes)
}

/// The short shape: `2020-05-19,u017,1.3,deduct,0.25,spot_check,答复超期`.
fn write_daily_short(plan: &Plan, spec: &Spec, rng: &mut Rng, path: &Path) -> io::Result<u64> {
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut line = String::from("date,unit,item,kind,points,method,note\n");
    let mut bytes = 0;
    for _ in 0..spec.rows {
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(u64::from(days_in_month(YEAR, month))) as u32;
        let _ = if rng.chance(90) {
            write!(line, "{YEAR}-{month:02}-{day:02}")
        } else {
            write!(line, "{YEAR}/{month}/{day}")
        };
        line.push(',');
        let u = rng.pick(&plan.units);
        line.push_str(if rng.chance(90) { &u.id } else { &u.name });
        line.push(',');
        let item = rng.pick(&plan.items);
        line.push_str(if rng.chance(95) {
            &item.id
        } else {
            &item.title
        });
        line.push(',');
        let add = rng.chance(20);
        line.push_str(match (add, rng.chance(90)) {
            (false, true) => "deduct",
            (false, false) => "扣分",
            (true, true) => "add",
            (true, false) => "加分",
        });
        line.push(',');
        match rng.below(10) {
            0..=4 => fixed(&mut line, 1 + rng.below(20), 1),
            5..=8 => fixed(&mut line, 1 + rng.below(200), 2),
            _ => fixed(&mut line, rng.below(100) * 10 + 5, 3),
        }
        line.push(',');
        let (mid, mlabel) = rng.pick(METHODS);
        line.push_str(if rng.chance(85) { mid } else { mlabel });
        line.push(',');
        if rng.chance(85) {
            line.push_str(rng.pick(SHORT_NOTES).as_ref());
        }
        line.push('\n');
        w.write_all(line.as_bytes())?;
        bytes += line.len() as u64;
        line.clear();
    }
    w.flush()?;
    Ok(bytes)
}

/// Writes `rubric.toml`, `annual.csv` and `daily.csv` into `dir` (created if
/// needed). The same spec always gives the same bytes.
pub fn generate(spec: &Spec, dir: &Path) -> io::Result<Generated> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(spec.seed);
    let plan = plan(spec, &mut rng)?;
    let g = Generated {
        rubric: dir.join("rubric.toml"),
        annual: dir.join("annual.csv"),
        daily: dir.join("daily.csv"),
        annual_rows: 0,
        daily_rows: spec.rows,
        annual_bytes: 0,
        daily_bytes: 0,
        item_scores: (spec.units * spec.items) as u64,
    };
    write_rubric(&plan, spec, &g.rubric)?;
    // Separate streams, so the daily file does not change with the annual one.
    let (annual_rows, annual_bytes) =
        write_annual(&plan, &mut Rng::new(spec.seed ^ 0xA77A), &g.annual)?;
    let daily_bytes = write_daily(&plan, spec, &mut Rng::new(spec.seed ^ 0xDA11), &g.daily)?;
    Ok(Generated {
        annual_rows,
        annual_bytes,
        daily_bytes,
        ..g
    })
}

/// Office-shaped tables at scale, for the workbook benchmarks: beside the
/// files of `generate`, the first scorer's annual scores as one wide table
/// (one row per unit, one column per item it scores, a 合计 column, a title
/// block naming the scorer) in CSV and as a workbook, and the daily records
/// as a workbook.
#[derive(Clone, Debug)]
pub struct Sheets {
    pub files: Generated,
    pub wide_csv: PathBuf,
    pub wide_xlsx: PathBuf,
    pub daily_xlsx: PathBuf,
    /// Rows (units) and item columns of the wide table.
    pub wide_rows: u64,
    pub wide_columns: u64,
    pub wide_csv_bytes: u64,
    pub wide_xlsx_bytes: u64,
    pub daily_xlsx_bytes: u64,
}

/// The wide table's cells: the title block, the header, one row per unit.
fn wide_table(plan: &Plan, rng: &mut Rng) -> (Vec<Vec<String>>, u64) {
    let (scorer_id, scorer_name) = &plan.scorers[0];
    let items: Vec<&GenItem> = plan
        .items
        .iter()
        .filter(|i| i.scorers.iter().any(|(s, _)| *s == 0))
        .collect();
    let mut rows = vec![
        vec![format!("规模测试{YEAR}年度考核评分表（{scorer_id}）")],
        vec![format!("评分单位：{scorer_name}")],
    ];
    let mut header = vec!["序号".to_string(), "单位名称".to_string()];
    header.extend(
        items
            .iter()
            .map(|i| format!("{} {}（{}分）", i.id, i.title, halves_text(i.max_halves))),
    );
    header.push("合计".to_string());
    rows.push(header);
    for (n, u) in plan.units.iter().enumerate() {
        let mut row = vec![
            (n + 1).to_string(),
            if rng.chance(50) { &u.id } else { &u.name }.clone(),
        ];
        let mut total = 0;
        for item in &items {
            let max_h = item.max_halves * 50;
            let score = max_h * 6 / 10 + rng.below(max_h * 4 / 10 + 1);
            total += score;
            let mut cell = String::new();
            fixed(&mut cell, score, 2);
            row.push(cell);
        }
        let mut cell = String::new();
        fixed(&mut cell, total, 2);
        row.push(cell);
        rows.push(row);
    }
    (rows, items.len() as u64)
}

/// A table as CSV.
fn write_csv(rows: &[Vec<String>], path: &Path) -> io::Result<u64> {
    let mut text = String::new();
    for row in rows {
        for (k, c) in row.iter().enumerate() {
            if k > 0 {
                text.push(',');
            }
            cell(&mut text, c);
        }
        text.push('\n');
    }
    std::fs::write(path, &text)?;
    Ok(text.len() as u64)
}

/// A table as a one-sheet workbook: in the columns `numbers` allows, cells
/// that are plain decimals as numbers (as Excel keeps them); the rest as
/// text (ids such as `1.10` must stay text, as a careful office keeps them).
fn write_xlsx(
    rows: &[Vec<String>],
    sheet: &str,
    numbers: impl Fn(usize) -> bool,
    path: &Path,
) -> io::Result<u64> {
    let fail = |e: rust_xlsxwriter::XlsxError| io::Error::other(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(fail)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let number = numbers(c)
                && !text.is_empty()
                && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && text.bytes().filter(|&b| b == b'.').count() <= 1;
            let (r, c) = (r as u32, c as u16);
            if number && let Ok(n) = text.parse::<f64>() {
                ws.write_number(r, c, n).map_err(fail)?;
            } else if !text.is_empty() {
                ws.write_string(r, c, text).map_err(fail)?;
            }
        }
    }
    book.save(path).map_err(fail)?;
    Ok(std::fs::metadata(path)?.len())
}

/// `generate`, then the wide tables and the daily workbook (see `Sheets`).
pub fn generate_sheets(spec: &Spec, dir: &Path) -> io::Result<Sheets> {
    let files = generate(spec, dir)?;
    let plan = plan(spec, &mut Rng::new(spec.seed))?;
    let (wide, wide_columns) = wide_table(&plan, &mut Rng::new(spec.seed ^ 0x3A1D));
    let wide_csv = dir.join("annual-wide.csv");
    let wide_xlsx = dir.join("annual-wide.xlsx");
    let daily_xlsx = dir.join("daily.xlsx");
    let wide_csv_bytes = write_csv(&wide, &wide_csv)?;
    let wide_xlsx_bytes = write_xlsx(&wide, "年度评分", |_| true, &wide_xlsx)?;
    let daily: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&files.daily)?
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect::<Result<_, _>>()?;
    // Only the points are numbers: dates, units and item ids stay text.
    let daily_xlsx_bytes = write_xlsx(&daily, "日常考核记录", |c| c == 4, &daily_xlsx)?;
    Ok(Sheets {
        wide_rows: plan.units.len() as u64,
        wide_columns,
        files,
        wide_csv,
        wide_xlsx,
        daily_xlsx,
        wide_csv_bytes,
        wide_xlsx_bytes,
        daily_xlsx_bytes,
    })
}
