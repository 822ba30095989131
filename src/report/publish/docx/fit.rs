//! A table's columns fitted inside the text width, whatever columns it has
//! (`--previous` adds two), in the sizes offices set tables in: 小四 when
//! every cell fits unbroken, else 五号, else 小五 and never smaller.
//!
//! Numbers, ranks and grades are never broken: their columns get their
//! unbroken width first (a grade with a bracket, `不合格（一票否决）`, may
//! break before the bracket when nothing else fits). Text (a long unit
//! name, a heading) wraps inside its cell, on two lines at most where that
//! fits, else three; the text columns share what the others leave, and a
//! header breaks between words or characters. Everything is counted in
//! whole units (a twentieth of an em) and twips: no rounding decides a width.
//!
//! A piece that must stay on one line is a number with its marks (`82.55*`),
//! a quoted or bracketed term (`“放管服”`, `（一票否决）`), a short word (a
//! grade such as `不合格`); a longer run of characters breaks between any
//! two but its first two and its last two (or three), so that no line
//! holds one character of it alone.

use crate::report::publish::paperwork::Grid;

/// Width units in an em: a CJK character (or a full-width mark) is 20, any
/// other character 12 (0.6 em: room for a substitute of the Latin face
/// wider than Times New Roman's half-em digits: LibreOffice without it sets
/// DejaVu's), and 5 (a quarter em) where Chinese meets Latin (the space
/// Word and LibreOffice put between them).
const UNIT: usize = 20;
const NARROW: usize = 12;
const GAP: usize = 5;

/// How wide a cell's text is, in units (a twentieth of an em).
pub fn units(text: &str) -> usize {
    let wide = crate::text::width::is_full_em;
    let mut w = 0;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        w += if wide(c) { UNIT } else { NARROW };
        if let Some(p) = prev
            && !p.is_whitespace()
            && !c.is_whitespace()
            && wide(p) != wide(c)
        {
            w += GAP;
        }
        prev = Some(c);
    }
    w
}

/// The room a cell's text takes, in units: its width and the slack.
fn room(text: &str) -> usize {
    let cjk = text.chars().all(crate::text::width::is_full_em);
    units(text) + if cjk { CJK_SLACK } else { SLACK }
}

/// How wide a cell's text is, in ems.
#[cfg(test)]
fn em_width(text: &str) -> f64 {
    units(text) as f64 / UNIT as f64
}

/// Table font sizes, in half points: 小四, 五号, 小五 (the smallest).
const LARGE: usize = 24;
const MEDIUM: usize = 21;
const SMALL: usize = 18;
/// A cell's left and right margins, each, in twips.
pub const CELL_MARGIN: usize = 57;
const PAD: usize = 2 * CELL_MARGIN;
/// Room kept in a cell beyond its text, in units, for fonts a little wider
/// than measured: 0.4 em beside Latin letters or digits, 0.1 em for Chinese
/// alone (a CJK face sets every character in exactly an em).
const SLACK: usize = 8;
const CJK_SLACK: usize = 2;
/// The longest run of CJK characters in a cell kept whole (a grade, a short name).
const WHOLE_RUN: usize = 4;
/// The longest run kept whole in a header.
const WHOLE_HEADER_RUN: usize = 3;
/// The widest bracketed or quoted term kept whole, in units (7 ems).
const WHOLE_TERM: usize = 7 * UNIT;

/// Twips that `u` units take at `size` (half points): an em is `size * 10`.
fn twips(u: usize, size: usize) -> usize {
    (u * size).div_ceil(2)
}

/// The width of a column whose text takes `u` units of room at `size`.
fn column(u: usize, size: usize) -> usize {
    twips(u, size) + PAD
}

/// The units of room a column `width` twips wide has at `size`.
fn capacity(width: usize, size: usize) -> usize {
    width.saturating_sub(PAD) * 2 / size
}

/// The chosen font size (half points) and column widths (twips, summing to
/// at most the width given).
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub size: usize,
    pub widths: Vec<usize>,
    /// The columns of numbers and grades, whose cells break only before a
    /// bracket (`84.82` `（4，一票否决）`), and only where they must.
    pub whole: Vec<bool>,
}

/// What a column holds: numbers (never broken), short words such as grades
/// (whole where room allows, else broken only before a bracket), or text
/// that wraps.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Number,
    Word,
    Text,
}

/// A column measured, in units.
#[derive(Debug, Clone)]
struct Column {
    kind: Kind,
    /// The widest line of its body unbroken.
    body: usize,
    /// The widest piece of its body that must stay on one line.
    body_piece: usize,
    /// The widest line of its body broken before a bracket.
    body_split: usize,
    /// The widest piece of its header.
    header_piece: usize,
    /// The widest line of any cell, the header's too, unbroken.
    natural: usize,
    /// Its body's lines (a text column's, for counting wrapped lines).
    lines: Vec<String>,
}

impl Column {
    /// The narrowest width (units) at which every body cell takes at most
    /// `lines` lines.
    fn within(&self, lines: usize) -> usize {
        let (mut lo, mut hi) = (self.body_piece, self.body.max(self.body_piece));
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self
                .lines
                .iter()
                .all(|l| wrap_line(l, mid, false).len() <= lines)
            {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    }
}

fn measure(grid: &Grid, columns: usize) -> Vec<Column> {
    (0..columns)
        .map(|c| {
            let header: Vec<&str> = grid.header.get(c).map_or(vec![], |h| h.lines().collect());
            let lines: Vec<String> = grid
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .flat_map(|t| t.lines().map(str::to_string))
                .collect();
            let numeric = grid.numeric.get(c).copied().unwrap_or(false);
            let kind = if numeric {
                Kind::Number
            } else if lines.iter().any(|l| long_run(l)) {
                Kind::Text
            } else {
                Kind::Word
            };
            let body = lines.iter().map(|l| room(l)).max().unwrap_or(0);
            let body_piece = lines
                .iter()
                .map(|l| narrowest_room(l, false))
                .max()
                .unwrap_or(0);
            let body_split = lines
                .iter()
                .flat_map(|l| split_before_bracket(l))
                .map(room)
                .max()
                .unwrap_or(0);
            let header_piece = header
                .iter()
                .map(|l| narrowest_room(l, true))
                .max()
                .unwrap_or(0);
            let natural = header.iter().map(|l| room(l)).max().unwrap_or(0).max(body);
            Column {
                kind,
                body,
                body_piece,
                body_split,
                header_piece,
                natural,
                lines,
            }
        })
        .collect()
}

/// Fits `grid` into `width` twips. 小四 when every cell fits unbroken at
/// it; else 五号 if numbers and grades are whole there with text on two
/// lines at most, or three; else 五号 with numbers and grades broken before
/// their bracket (text on two lines, or three); else 小五 the same way;
/// else 小五 with text on as many lines as it takes. What is left over is
/// given out by `share`.
pub fn fit(grid: &Grid, width: usize) -> Fit {
    let columns = grid.header.len().max(1);
    let cols = measure(grid, columns);
    let total = |ws: &[usize]| ws.iter().sum::<usize>();
    let natural =
        |size: usize| -> Vec<usize> { cols.iter().map(|c| column(c.natural, size)).collect() };
    let whole: Vec<bool> = cols.iter().map(|c| c.kind != Kind::Text).collect();
    if total(&natural(LARGE)) <= width {
        return share(LARGE, natural(LARGE), &cols, width, whole);
    }
    // The least each column takes: numbers whole, grades whole or broken
    // before their bracket, text on `lines` lines at most (`None`: any).
    let least = |size: usize, lines: Option<usize>, broken: bool| -> Vec<usize> {
        cols.iter()
            .map(|c| {
                let text = match c.kind {
                    Kind::Number | Kind::Word if broken => c.body_split,
                    Kind::Number | Kind::Word => c.body,
                    Kind::Text => lines.map_or(c.body_piece, |n| c.within(n)),
                };
                column(text.max(c.header_piece), size)
            })
            .collect()
    };
    let tries = [
        (MEDIUM, Some(2), false),
        (MEDIUM, Some(3), false),
        (MEDIUM, Some(2), true),
        (MEDIUM, Some(3), true),
        (SMALL, Some(2), false),
        (SMALL, Some(3), false),
        (SMALL, Some(2), true),
        (SMALL, Some(3), true),
        (SMALL, None, true),
    ];
    for (size, lines, broken) in tries {
        let base = least(size, lines, broken);
        if total(&base) <= width {
            return share(size, base, &cols, width, whole);
        }
    }
    // Not even the narrowest fits: every column in proportion to it.
    let base = least(SMALL, None, true);
    let sum = total(&base).max(1);
    let mut widths: Vec<usize> = base.iter().map(|b| b * width / sum).collect();
    spread(&mut widths, width);
    Fit {
        size: SMALL,
        widths,
        whole,
    }
}

/// The room left over `base` given out in stages: first numbers and grades
/// unbroken, those that need least first, each whole or not at all; then
/// the same for text on one line (a short name, a document number before a
/// long reason); then text on fewer lines and headers unbroken, what a
/// stage cannot fill shared in proportion to what each column still wants;
/// the rest to every column in proportion to its width.
fn share(size: usize, base: Vec<usize>, cols: &[Column], width: usize, whole: Vec<bool>) -> Fit {
    let mut widths = base;
    for text in [false, true] {
        let need: Vec<usize> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                if (c.kind == Kind::Text) == text {
                    column(c.body.max(c.header_piece), size).saturating_sub(*w)
                } else {
                    0
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..cols.len()).filter(|&c| need[c] > 0).collect();
        order.sort_by_key(|&c| (need[c], c));
        for c in order {
            if widths.iter().sum::<usize>() + need[c] <= width {
                widths[c] += need[c];
            }
        }
    }
    let stage = |f: &dyn Fn(&Column) -> usize| -> Vec<usize> {
        cols.iter().map(|c| column(f(c), size)).collect()
    };
    let stages = [
        stage(&|c| c.body.max(c.header_piece)),
        stage(&|c| c.natural),
    ];
    for target in stages {
        let target: Vec<usize> = target.iter().zip(&widths).map(|(t, w)| *t.max(w)).collect();
        if target.iter().sum::<usize>() <= width {
            widths = target;
            continue;
        }
        let left = width - widths.iter().sum::<usize>();
        let want: Vec<usize> = target.iter().zip(&widths).map(|(t, w)| t - w).collect();
        let all: usize = want.iter().sum();
        for (w, d) in widths.iter_mut().zip(&want) {
            *w += left * d / all;
        }
        break;
    }
    spread(&mut widths, width);
    Fit {
        size,
        widths,
        whole,
    }
}

/// What is left of `width` over `widths` shared in proportion to each, the
/// last twips (fewer than the columns) one to a column from the first: the sum is `width` exactly.
fn spread(widths: &mut [usize], width: usize) {
    let sum: usize = widths.iter().sum();
    if sum >= width || sum == 0 {
        return;
    }
    let left = width - sum;
    for w in widths.iter_mut() {
        *w += left * *w / sum;
    }
    // Each share rounded down loses less than a twip: fewer than one a column.
    let rest = width - widths.iter().sum::<usize>();
    for w in widths.iter_mut().take(rest) {
        *w += 1;
    }
}

impl Fit {
    /// A cell's text as it is set in column `c`: broken into lines between
    /// its pieces (`\n`) where it does not fit whole, so that no renderer
    /// breaks it inside a piece.
    pub fn wrap(&self, text: &str, c: usize, header: bool) -> String {
        let Some(w) = self.widths.get(c) else {
            return text.to_string();
        };
        let cap = capacity(*w, self.size);
        let whole = !header && self.whole.get(c).copied().unwrap_or(false);
        text.split('\n')
            .flat_map(|line| {
                if whole && room(line) > cap {
                    split_before_bracket(line)
                        .into_iter()
                        .map(str::to_string)
                        .collect()
                } else {
                    wrap_line(line, cap, header)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether `text` fits column `c` on one line.
    pub fn fits(&self, text: &str, c: usize) -> bool {
        self.widths
            .get(c)
            .is_some_and(|w| room(text) <= capacity(*w, self.size))
    }
}

/// One line of text broken between its pieces into lines of at most `cap`
/// units (a piece wider than that on a line of its own).
fn wrap_line(line: &str, cap: usize, header: bool) -> Vec<String> {
    if room(line) <= cap {
        return vec![line.to_string()];
    }
    let mut out: Vec<String> = vec![String::new()];
    for piece in pieces(line, header) {
        let cur = out.last_mut().expect("a line");
        let mut joined = cur.clone();
        joined.push_str(&piece);
        if cur.is_empty() || room(&joined) <= cap {
            *cur = joined;
        } else {
            while cur.ends_with(' ') {
                cur.pop();
            }
            // A character of a long run alone on its line (the next piece,
            // the run's last two, not fitting beside it) takes the one
            // before it down from the line above.
            let n = out.len();
            if n >= 2 && out[n - 1].chars().count() == 1 && out[n - 2].chars().count() >= 3 {
                let last = out[n - 2].chars().last().filter(|&c| {
                    crate::text::width::is_full_em(c)
                        && !CLOSING.contains(&c)
                        && !OPENING.contains(&c)
                });
                if let Some(c) = last {
                    out[n - 2].pop();
                    out[n - 1].insert(0, c);
                }
            }
            out.push(piece.trim_start().to_string());
        }
    }
    out
}

/// A number or a grade broken, if at all, before its bracket: `84.82`
/// `（4，一票否决）`, `不合格` `（一票否决）`.
fn split_before_bracket(line: &str) -> Vec<&str> {
    match line
        .char_indices()
        .find(|&(k, c)| k > 0 && matches!(c, '（' | '('))
    {
        Some((k, _)) => vec![line[..k].trim_end(), &line[k..]],
        None => vec![line],
    }
}

/// Whether `text` has a run of characters longer than a word (a unit's
/// name, a heading): text that wraps.
fn long_run(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if crate::text::width::is_full_em(c)
            && !c.is_whitespace()
            && !CLOSING.contains(&c)
            && !OPENING.contains(&c)
        {
            run += 1;
            if run > WHOLE_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The widest piece of `text` that must stay on one line, in units.
fn narrowest_room(text: &str, header: bool) -> usize {
    pieces(text, header)
        .iter()
        .map(|p| room(p.trim()))
        .max()
        .unwrap_or(0)
}

/// The widest piece of `text` that must stay on one line, in ems.
#[cfg(test)]
fn narrowest(text: &str, header: bool) -> f64 {
    pieces(text, header)
        .iter()
        .map(|p| em_width(p.trim()))
        .fold(0.0, f64::max)
}

/// `text` cut where a line may break: a quoted or bracketed term, a number
/// or Latin word with its marks, a short run of characters are each one
/// piece; a longer run (in a header, any of more than three characters)
/// breaks between any two of its characters but its first two and its last
/// two (three if it has an odd number); a closing mark stays with what it closes, a space with what
/// precedes it.
pub fn pieces(text: &str, header: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<String>| {
        let cs: Vec<char> = run.chars().collect();
        let whole = if header { WHOLE_HEADER_RUN } else { WHOLE_RUN };
        if cs.is_empty() {
            return;
        }
        if cs.len() <= whole {
            out.push(std::mem::take(run));
            return;
        }
        // An odd run ends in three: two lines of two could not hold it.
        let n = cs.len();
        let end = if n % 2 == 1 { n - 3 } else { n - 2 };
        out.push(cs[..2].iter().collect());
        for c in &cs[2..end] {
            out.push(c.to_string());
        }
        out.push(cs[end..].iter().collect());
        run.clear();
    };
    while k < chars.len() {
        let c = chars[k];
        let close = match c {
            '“' => Some('”'),
            '（' => Some('）'),
            '(' => Some(')'),
            '《' => Some('》'),
            '〔' => Some('〕'),
            _ => None,
        };
        if let Some(close) = close {
            flush(&mut run, &mut out);
            let closed = chars[k + 1..].iter().position(|&d| d == close);
            let end = closed.map_or(chars.len(), |p| k + 1 + p + 1);
            let term: String = chars[k..end].iter().collect();
            if units(&term) <= WHOLE_TERM {
                out.push(term);
            } else {
                // A long term breaks inside, its marks kept with their neighbours.
                let inner_end = if closed.is_some() { end - 1 } else { end };
                let inner: String = chars[k + 1..inner_end].iter().collect();
                let mut inner = pieces(&inner, header);
                if inner.is_empty() {
                    inner.push(String::new());
                }
                inner[0].insert(0, c);
                if closed.is_some()
                    && let Some(last) = inner.last_mut()
                {
                    last.push(close);
                }
                out.extend(inner);
            }
            k = end;
        } else if c.is_whitespace() || CLOSING.contains(&c) {
            flush(&mut run, &mut out);
            match out.last_mut() {
                Some(last) => last.push(c),
                None => out.push(c.to_string()),
            }
            k += 1;
        } else if !crate::text::width::is_full_em(c) {
            // A number or a Latin word with its marks: whole.
            flush(&mut run, &mut out);
            let mut end = k;
            while end < chars.len()
                && !chars[end].is_whitespace()
                && !crate::text::width::is_full_em(chars[end])
            {
                end += 1;
            }
            out.push(chars[k..end].iter().collect());
            k = end;
        } else {
            run.push(c);
            k += 1;
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Marks that open what follows them.
const OPENING: &[char] = &['“', '（', '《', '〔'];

/// Marks that close what comes before them and never begin a line.
const CLOSING: &[char] = &['，', '。', '、', '；', '：', '？', '！', '）', '》', '”'];

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(header: &[&str], rows: &[&[&str]]) -> Grid {
        Grid {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
            numeric: vec![false; header.len()],
        }
    }

    #[test]
    fn pieces_make_the_text_and_wrap_between_them() {
        for t in [
            "不合格（一票否决）",
            "和布克赛尔蒙古自治县",
            "“放管服”改革",
            "+2.50 ↑1",
            "（未闭合的括号里很长很长很长的文字",
            "“",
            "a（b",
        ] {
            for header in [false, true] {
                assert_eq!(pieces(t, header).concat(), t, "{t}");
            }
        }
        let f = Fit {
            size: 21,
            widths: vec![6 * 210 + 2 * CELL_MARGIN + 84],
            whole: vec![false],
        };
        assert_eq!(
            f.wrap("不合格（一票否决）", 0, false),
            "不合格\n（一票否决）"
        );
        assert_eq!(f.wrap("良好", 0, false), "良好");
        assert_eq!(
            f.wrap("和布克赛尔蒙古自治县", 0, false),
            "和布克赛尔蒙\n古自治县"
        );
    }

    #[test]
    fn pieces_kept_whole() {
        assert!((narrowest("82.55*", false) - 3.6).abs() < 1e-9);
        assert_eq!(narrowest("不合格（一票否决）", false), 6.0);
        assert_eq!(narrowest("良好", false), 2.0);
        assert_eq!(narrowest("地区文化体育广播电视和旅游局", false), 2.0);
        assert_eq!(narrowest("“放管服”改革", true), 5.0);
        assert_eq!(narrowest("上年总分（名次）", true), 4.0);
        assert!((narrowest("+2.50 ↑1", false) - 3.0).abs() < 1e-9);
        assert!((em_width("〔2021〕1号") - 7.0).abs() < 1e-9);
    }

    /// The cell of column `c` as set: its lines.
    fn set(f: &Fit, text: &str, c: usize) -> Vec<String> {
        f.wrap(text, c, false)
            .split('\n')
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn widths_stay_inside_and_grades_never_stack() {
        let mut header = vec!["名次", "单位"];
        let sections = ["政务公开", "“放管服”改革", "基本得分"];
        header.extend(sections);
        header.extend([
            "总分",
            "等次",
            "纳入绩效目标管理考核折算分",
            "上年总分（名次）",
            "变化",
        ]);
        let row: Vec<&str> = vec![
            "24",
            "地区文化体育广播电视和旅游局",
            "56.00",
            "36.41",
            "92.41",
            "92.41*",
            "不合格（一票否决）",
            "2.77",
            "90.15（3）",
            "+2.26 ↑2",
        ];
        let mut g = grid(&header, &[&row]);
        g.numeric = (0..header.len()).map(|c| c != 1 && c != 6).collect();
        let f = fit(&g, 8844);
        assert_eq!(f.widths.iter().sum::<usize>(), 8844, "{f:?}");
        assert!(f.size >= 18, "小五 at the least: {f:?}");
        // The grade whole or broken before its bracket, never inside a word.
        let grade = set(&f, "不合格（一票否决）", 6);
        assert!(
            grade == ["不合格（一票否决）"] || grade == ["不合格", "（一票否决）"],
            "{grade:?} in {f:?}"
        );
        assert_eq!(set(&f, "不合格", 6), ["不合格"]);
        // Every number whole (last year's broken before its bracket at
        // most), the name on three lines at most, never one character alone.
        for c in [0, 2, 3, 4, 5, 7, 9] {
            assert_eq!(set(&f, row[c], c), [row[c]], "{f:?}");
        }
        let previous = set(&f, row[8], 8);
        assert!(
            previous == ["90.15（3）"] || previous == ["90.15", "（3）"],
            "{previous:?}"
        );
        let name = set(&f, row[1], 1);
        assert_eq!(name.concat(), row[1]);
        assert!(name.iter().all(|l| l.chars().count() >= 2), "{name:?}");
        // A header breaks, but never leaves a character alone.
        for (c, h) in header.iter().enumerate() {
            for l in f.wrap(h, c, true).split('\n') {
                assert!(l.chars().count() >= 2, "{h:?}: {l:?} in {f:?}");
            }
        }
    }

    #[test]
    fn long_names_wrap_in_wuhao_rather_than_the_table_shrinking() {
        // The example year's departments with last year beside: 8 columns.
        let header = [
            "名次",
            "单位",
            "政务公开",
            "“放管服”改革",
            "总分",
            "等次",
            "上年总分（名次）",
            "变化",
        ];
        let short = [
            "1",
            "地区财政局",
            "56.00",
            "36.41",
            "92.41",
            "优秀",
            "91.41（2）",
            "+1.00 ↑1",
        ];
        let mut long = short;
        long[1] = "地区文化体育广播电视和旅游局";
        let mut numeric = vec![true; 8];
        numeric[1] = false;
        numeric[5] = false;
        let mut g = grid(&header, &[&short]);
        g.numeric = numeric.clone();
        let small = fit(&g, 8844);
        let mut g = grid(&header, &[&short, &long]);
        g.numeric = numeric;
        let f = fit(&g, 8844);
        assert_eq!(f.size, 21, "五号: {f:?}");
        assert!(small.size >= f.size, "{small:?}");
        let name = set(&f, long[1], 1);
        assert!((2..=3).contains(&name.len()), "{name:?} in {f:?}");
        assert!(name.iter().all(|l| l.chars().count() >= 2), "{name:?}");
        assert_eq!(name.concat(), long[1]);
        for c in [0, 2, 3, 4, 5, 6, 7] {
            assert_eq!(set(&f, long[c], c), [long[c]], "{f:?}");
        }
        assert_eq!(f.widths.iter().sum::<usize>(), 8844);
        // The same table again: the same widths.
        assert_eq!(fit(&g, 8844), f);
    }

    #[test]
    fn a_long_run_never_leaves_a_character_alone() {
        for name in [
            "地区文化体育广播电视和旅游局",
            "和布克赛尔蒙古自治县",
            "地区财政局",
            "地区农业农村局",
            "纳入绩效目标管理考核折算分",
        ] {
            let n = name.chars().count();
            let least = if n % 2 == 1 { 3 } else { 2 };
            for header in [false, true] {
                for chars in least..=n {
                    let cap = chars * UNIT + CJK_SLACK;
                    let lines = wrap_line(name, cap, header);
                    assert_eq!(lines.concat(), name);
                    for l in &lines {
                        assert!(l.chars().count() >= 2, "{chars}: {lines:?}");
                        assert!(room(l) <= cap, "{chars}: {lines:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_small_table_is_set_large() {
        let g = grid(
            &["名次", "单位", "政务公开", "放管服", "总分", "等次"],
            &[&["1", "二县", "12.00", "5.50", "17.50", "良好"]],
        );
        let f = fit(&g, 8844);
        assert_eq!(f.size, 24);
        assert_eq!(
            f.widths.iter().sum::<usize>(),
            8844,
            "the width is used: {f:?}"
        );
    }

    #[test]
    fn forty_columns_still_sum_inside_and_never_below_xiaowu() {
        let header: Vec<String> = (0..40).map(|k| format!("第{k}部分得分")).collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let g = grid(&h, &[]);
        let f = fit(&g, 8844);
        assert!(f.widths.iter().sum::<usize>() <= 8844, "{f:?}");
        assert_eq!(f.size, 18);
    }
}
