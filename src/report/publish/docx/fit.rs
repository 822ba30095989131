//! A table's columns fitted inside the text width, whatever columns it has
//! (`--previous` adds two): the font is the largest of the sizes offices set
//! tables in at which every column gets at least its narrowest sensible
//! width, and what is left is shared in proportion to what each column
//! would take unbroken.
//!
//! A column's narrowest sensible width is its widest piece that must not be
//! broken: a number with its marks (`82.55*`), a quoted or bracketed term
//! (`“放管服”`, `（一票否决）`), a short word (a grade such as `不合格`, which
//! must never stack a character per line); a header may break every two
//! characters.

use crate::report::publish::paperwork::Grid;

/// How wide a cell's text is, in ems: a CJK character (or a full-width
/// mark) one, any other character 0.6 (room for a substitute of the Latin
/// face wider than Times New Roman's half-em digits: LibreOffice without it
/// sets DejaVu's), and a quarter em where Chinese meets Latin (the space
/// Word and LibreOffice put between them).
pub fn em_width(text: &str) -> f64 {
    let wide = crate::text::width::is_full_em;
    let mut w = crate::text::width::measure_em(text, 1.0, 0.6);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev
            && !p.is_whitespace()
            && !c.is_whitespace()
            && wide(p) != wide(c)
        {
            w += 0.25;
        }
        prev = Some(c);
    }
    w
}

/// Table font sizes, in half points, largest first: 小四, 五号, 小五, 六号.
pub const SIZES: [usize; 4] = [24, 21, 18, 15];
/// The largest size of a table whose text must wrap: 五号.
const WRAPPED: usize = 21;
/// A cell's left and right margins, each, in twips.
pub const CELL_MARGIN: usize = 57;
/// Room kept in each column beyond its text, in ems, for fonts a little
/// wider than measured.
const SLACK_EM: f64 = 0.4;
/// The longest run of CJK characters in a cell kept whole (a grade, a short name).
const WHOLE_RUN: usize = 4;
/// The widest bracketed or quoted term kept whole, in ems.
const WHOLE_TERM: f64 = 7.0;

/// The chosen font size (half points) and column widths (twips, summing to
/// at most the width given).
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub size: usize,
    pub widths: Vec<usize>,
}

/// Fits `grid` into `width` twips: the largest size at which every cell
/// fits unbroken, else the largest at which every column gets its
/// narrowest sensible width, the room left given first to the columns that
/// then fit unbroken at least cost (so a grade is whole before a long name is).
pub fn fit(grid: &Grid, width: usize) -> Fit {
    let columns = grid.header.len().max(1);
    let (min, natural) = measure(grid, columns);
    let pad = 2 * CELL_MARGIN;
    let room = |size: usize| -> f64 {
        let em = (size * 10) as f64;
        (width as f64) / em - columns as f64 * (pad as f64 / em + SLACK_EM)
    };
    let (min_sum, natural_sum): (f64, f64) = (min.iter().sum(), natural.iter().sum());
    // A table of long text wraps at any size: set in 五号 or smaller.
    let size = SIZES
        .iter()
        .copied()
        .find(|&s| natural_sum <= room(s))
        .or_else(|| {
            SIZES
                .iter()
                .copied()
                .find(|&s| s <= WRAPPED && min_sum <= room(s))
        })
        .unwrap_or(SIZES[SIZES.len() - 1]);
    let em = (size * 10) as f64;
    let available = room(size).max(0.0);
    let text_ems: Vec<f64> = if natural_sum <= available {
        // Everything fits unbroken: the rest shared in proportion.
        let extra = available - natural_sum;
        natural
            .iter()
            .map(|n| n + extra * n / natural_sum.max(1.0))
            .collect()
    } else if min_sum <= available {
        // Each column its narrowest; then, cheapest first, whole columns.
        let mut ems = min.clone();
        let mut left = available - min_sum;
        let mut order: Vec<usize> = (0..columns).collect();
        order.sort_by(|a, b| (natural[*a] - min[*a]).total_cmp(&(natural[*b] - min[*b])));
        let mut partial = Vec::new();
        for c in order {
            let need = natural[c] - min[c];
            if need <= left {
                ems[c] = natural[c];
                left -= need;
            } else {
                partial.push(c);
            }
        }
        let want: f64 = partial.iter().map(|&c| natural[c] - min[c]).sum();
        for &c in &partial {
            ems[c] += left * (natural[c] - min[c]) / want.max(1e-9);
        }
        ems
    } else {
        // Not even the narrowest fits: every column in proportion.
        min.iter()
            .map(|m| m * available / min_sum.max(1.0))
            .collect()
    };
    let mut widths: Vec<usize> = text_ems
        .iter()
        .map(|e| ((e + SLACK_EM) * em) as usize + pad)
        .collect();
    // Rounding never takes the sum past the width.
    let mut sum: usize = widths.iter().sum();
    while sum > width {
        if let Some(w) = widths.iter_mut().max() {
            *w -= 1;
        }
        sum -= 1;
    }
    Fit { size, widths }
}

impl Fit {
    /// A cell's text as it is set in column `c`: broken into lines between
    /// its pieces (`\n`) where it does not fit whole, so that no renderer
    /// breaks it inside a piece.
    pub fn wrap(&self, text: &str, c: usize, header: bool) -> String {
        let em = (self.size * 10) as f64;
        let Some(w) = self.widths.get(c) else {
            return text.to_string();
        };
        let capacity = (*w as f64 - (2 * CELL_MARGIN) as f64) / em - SLACK_EM;
        let mut out = String::new();
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                out.push('\n');
            }
            if em_width(line) <= capacity {
                out.push_str(line);
                continue;
            }
            let mut used = 0.0;
            for piece in pieces(line, header) {
                let pw = em_width(&piece);
                if used > 0.0 && used + pw > capacity {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\n');
                    used = 0.0;
                    let trimmed = piece.trim_start();
                    used += em_width(trimmed);
                    out.push_str(trimmed);
                } else {
                    used += pw;
                    out.push_str(&piece);
                }
            }
        }
        out
    }
}

/// Each column's narrowest sensible width and its unbroken width, in ems.
fn measure(grid: &Grid, columns: usize) -> (Vec<f64>, Vec<f64>) {
    let mut min = vec![0.0f64; columns];
    let mut natural = vec![0.0f64; columns];
    let rows = std::iter::once((&grid.header, true)).chain(grid.rows.iter().map(|r| (r, false)));
    for (row, header) in rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            for line in cell.lines() {
                natural[c] = natural[c].max(em_width(line));
                min[c] = min[c].max(narrowest(line, header));
            }
        }
    }
    (min, natural)
}

/// The widest piece of `text` that must stay on one line, in ems.
pub fn narrowest(text: &str, header: bool) -> f64 {
    pieces(text, header)
        .iter()
        .map(|p| em_width(p.trim()))
        .fold(0.0, f64::max)
}

/// `text` cut where a line may break: a quoted or bracketed term, a number
/// or Latin word with its marks, a short run of characters (a long one,
/// or any run in a header, every two characters) are each one piece; a
/// closing mark stays with what it closes, a space with what precedes it.
pub fn pieces(text: &str, header: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let n = run.chars().count();
        if !header && n <= WHOLE_RUN {
            out.push(std::mem::take(run));
        } else {
            let cs: Vec<char> = run.chars().collect();
            for chunk in cs.chunks(2) {
                out.push(chunk.iter().collect());
            }
            run.clear();
        }
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
            if em_width(&term) <= WHOLE_TERM {
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

    #[test]
    fn widths_stay_inside_and_grades_never_stack() {
        let mut header = vec!["名次", "单位"];
        let sections = ["政务公开", "“放管服”改革", "加分项", "扣分项", "基本得分"];
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
            "2.00",
            "-1.00",
            "92.41",
            "92.41*",
            "不合格（一票否决）",
            "2.77",
            "90.15（3）",
            "+2.26 ↑2",
        ];
        let g = grid(&header, &[&row]);
        let f = fit(&g, 8844);
        assert!(f.widths.iter().sum::<usize>() <= 8844, "{f:?}");
        let em = f.size * 10;
        // 等次 holds 不合格 on one line, and 2 characters of its header.
        assert!(f.widths[8] >= 3 * em + 2 * CELL_MARGIN, "{f:?}");
        // Every number whole.
        assert!(f.widths[6] as f64 >= 3.0 * em as f64, "{f:?}");
    }

    #[test]
    fn a_small_table_is_set_large() {
        let g = grid(
            &["名次", "单位", "政务公开", "放管服", "总分", "等次"],
            &[&["1", "二县", "12.00", "5.50", "17.50", "良好"]],
        );
        let f = fit(&g, 8844);
        assert_eq!(f.size, 24);
        assert!(f.widths.iter().sum::<usize>() <= 8844);
        assert!(
            f.widths.iter().sum::<usize>() >= 8800,
            "the width is used: {f:?}"
        );
    }

    #[test]
    fn forty_columns_still_sum_inside() {
        let header: Vec<String> = (0..40).map(|k| format!("第{k}部分得分")).collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let g = grid(&h, &[]);
        let f = fit(&g, 8844);
        assert!(f.widths.iter().sum::<usize>() <= 8844, "{f:?}");
        assert_eq!(f.size, 15);
    }
}
