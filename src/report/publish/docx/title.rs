//! A title broken into lines as GB/T 9704 asks (7.3.1): between words, never
//! inside a quoted term (“放管服”) or a number, the lines of a symmetric
//! shape (梯形 or 菱形: no line shorter than both its neighbours), as few as
//! fit.
//!
//! Chinese has no spaces, so the places to break are told from the text
//! itself: around a quoted or bracketed term and a number, around the
//! function words (的、和、与、及、暨、对, after 关于), and otherwise at an even
//! offset in a run of characters, where a two-character word most likely
//! ends; an English title breaks at its spaces. Each place has a cost, each
//! shape too, and the cheapest breaking wins.

use crate::text::width::is_full_em;

/// Characters after or before which a Chinese title breaks well.
const FUNCTION_WORDS: &[char] = &['的', '和', '与', '及', '暨', '对', '等'];
/// Openings and their closings, kept whole with what they hold.
const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('(', ')'),
    ('"', '"'),
    ('〔', '〕'),
];
/// Punctuation that may not begin a line (it joins the word before).
const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '」', '』', '〕', ',', '.', ';',
    ':', '?', '!', ')', '%',
];
/// What may follow a number as one word (2020年度, 5个, 30%).
const NUMBER_SUFFIXES: &[&[char]] = &[
    &['年', '度'],
    &['年'],
    &['月'],
    &['日'],
    &['号'],
    &['个'],
    &['项'],
    &['分'],
    &['%'],
];

/// One unbreakable piece of the title.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    /// Width in ems (a CJK character 1, any other 0.5).
    width: f64,
    /// The cost of breaking the line before this token.
    cost: f64,
}

/// How wide text is, in ems.
pub fn em_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if is_full_em(c) { 1.0 } else { 0.5 })
        .sum()
}

/// The title's lines, each at most `capacity` ems wide when it can be.
pub fn lines(title: &str, capacity: f64) -> Vec<String> {
    let title = title.trim();
    let tokens = tokens(title);
    let total: f64 = tokens.iter().map(|t| t.width).sum();
    if total <= capacity || tokens.len() < 2 {
        return vec![title.to_string()];
    }
    let fewest = ((total / capacity).ceil() as usize).max(2);
    let mut best: Option<(f64, Vec<usize>)> = None;
    for count in fewest..=fewest + 1 {
        if let Some((cost, breaks)) = best_breaks(&tokens, count, capacity) {
            // A line more than needed costs a little.
            let cost = cost + 5.0 * (count - fewest) as f64;
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, breaks));
            }
        }
    }
    let breaks = match best {
        Some((_, b)) => b,
        None => greedy(&tokens, capacity),
    };
    let mut out = Vec::new();
    let mut start = 0;
    for end in breaks.into_iter().chain([tokens.len()]) {
        let line: String = tokens[start..end].iter().map(|t| t.text.as_str()).collect();
        out.push(line.trim().to_string());
        start = end;
    }
    out.retain(|l| !l.is_empty());
    out
}

/// The cheapest places to break `tokens` into `count` lines, each within
/// `capacity`: searched whole for a title of usual length, else `None`.
fn best_breaks(tokens: &[Token], count: usize, capacity: f64) -> Option<(f64, Vec<usize>)> {
    // Every choice of count - 1 places among n - 1: bounded, so a title of
    // a hundred characters is broken greedily instead.
    if tokens.len() > 80 || count > 5 {
        return None;
    }
    let n = tokens.len();
    let mut prefix = vec![0.0; n + 1];
    for (k, t) in tokens.iter().enumerate() {
        prefix[k + 1] = prefix[k] + t.width;
    }
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut breaks = Vec::with_capacity(count - 1);
    search(tokens, &prefix, count, capacity, 1, &mut breaks, &mut best);
    best
}

fn search(
    tokens: &[Token],
    prefix: &[f64],
    count: usize,
    capacity: f64,
    from: usize,
    breaks: &mut Vec<usize>,
    best: &mut Option<(f64, Vec<usize>)>,
) {
    let n = tokens.len();
    let start = breaks.last().copied().unwrap_or(0);
    if breaks.len() == count - 1 {
        if width(tokens, prefix, start, n) > capacity {
            return;
        }
        let mut widths = Vec::with_capacity(count);
        let mut s = 0;
        for &b in breaks.iter().chain([n].iter()) {
            widths.push(width(tokens, prefix, s, b));
            s = b;
        }
        let cost = breaks.iter().map(|&b| tokens[b].cost).sum::<f64>() * 10.0 + shape(&widths);
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            *best = Some((cost, breaks.clone()));
        }
        return;
    }
    for b in from..n {
        if width(tokens, prefix, start, b) > capacity {
            break;
        }
        if tokens[b].cost.is_finite() {
            breaks.push(b);
            search(tokens, prefix, count, capacity, b + 1, breaks, best);
            breaks.pop();
        }
    }
}

/// The width of tokens `a..b` as a line shows them (spaces at its ends dropped).
fn width(tokens: &[Token], prefix: &[f64], a: usize, b: usize) -> f64 {
    let mut w = prefix[b] - prefix[a];
    if b > a && tokens[a].text.starts_with(' ') {
        w -= 0.5;
    }
    w
}

/// The cost of a shape: lines of a trapezoid (each at least as long as the
/// one above, or each at most) or a diamond (longest in the middle) are
/// fine, balanced ones best; a line shorter than both its neighbours (an
/// hourglass) is not.
fn shape(widths: &[f64]) -> f64 {
    let mut cost = 0.0;
    for w in widths.windows(2) {
        cost += (w[0] - w[1]).abs() * 0.5;
    }
    for w in widths.windows(3) {
        if w[1] < w[0] && w[1] < w[2] {
            cost += 40.0;
        }
    }
    // The last line should not be a stub.
    if let (Some(last), Some(first)) = (widths.last(), widths.first())
        && *last < first / 3.0
    {
        cost += 20.0;
    }
    cost
}

/// Lines filled greedily, each broken at its cheapest place in its last third.
fn greedy(tokens: &[Token], capacity: f64) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    let mut k = 0;
    while k < tokens.len() {
        if used + tokens[k].width > capacity && k > start {
            let lo = start + 1 + (k - start) * 2 / 3;
            let at = (lo.min(k)..=k)
                .filter(|&b| b > start && tokens[b].cost.is_finite())
                .min_by(|a, b| tokens[*a].cost.total_cmp(&tokens[*b].cost))
                .unwrap_or(k);
            breaks.push(at);
            start = at;
            used = tokens[start..k].iter().map(|t| t.width).sum();
        }
        used += tokens[k].width;
        k += 1;
    }
    breaks
}

/// The title cut into unbreakable pieces, each with the cost of a break
/// before it.
fn tokens(title: &str) -> Vec<Token> {
    let chars: Vec<char> = title.chars().collect();
    let mut pieces: Vec<(String, Kind)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if let Some(&(_, close)) = PAIRS.iter().find(|(open, _)| *open == c) {
            // A quoted or bracketed term: whole, to its closing mark.
            let end = chars[k + 1..]
                .iter()
                .position(|&d| d == close)
                .map_or(k + 1, |p| k + 1 + p + 1);
            pieces.push((chars[k..end].iter().collect(), Kind::Term));
            k = end;
        } else if c.is_ascii_alphanumeric() {
            let mut end = k;
            while end < chars.len()
                && (chars[end].is_ascii_alphanumeric() || ".,-'’:/&+".contains(chars[end]))
            {
                end += 1;
            }
            let digits = chars[k..end]
                .iter()
                .all(|c| c.is_ascii_digit() || *c == '.');
            if digits && let Some(s) = NUMBER_SUFFIXES.iter().find(|s| chars[end..].starts_with(s))
            {
                end += s.len();
            }
            let kind = if digits { Kind::Number } else { Kind::Word };
            pieces.push((chars[k..end].iter().collect(), kind));
            k = end;
        } else if c == ' ' {
            let mut end = k;
            while end < chars.len() && chars[end] == ' ' {
                end += 1;
            }
            pieces.push((" ".into(), Kind::Space));
            k = end;
        } else {
            pieces.push((c.to_string(), Kind::Char));
            k += 1;
        }
    }
    // Closing punctuation joins the piece before; a space joins the word after.
    let mut joined: Vec<(String, Kind)> = Vec::new();
    let mut pending_space = false;
    for (text, kind) in pieces {
        if kind == Kind::Space {
            pending_space = true;
            continue;
        }
        let mut one = text.chars();
        let closes = matches!((one.next(), one.next()), (Some(c), None) if CLOSING.contains(&c));
        match joined.last_mut() {
            Some(last) if closes && !pending_space => last.0.push_str(&text),
            _ => {
                let text = if pending_space && !joined.is_empty() {
                    format!(" {text}")
                } else {
                    text
                };
                let kind = if pending_space && !joined.is_empty() {
                    Kind::AfterSpace(Box::new(kind))
                } else {
                    kind
                };
                joined.push((text, kind));
            }
        }
        pending_space = false;
    }
    // The cost of breaking before each piece; `run` counts the characters
    // since the last good place, whose parity tells a likely word end.
    let mut out: Vec<Token> = Vec::with_capacity(joined.len());
    let mut run = 0usize;
    for (k, (text, kind)) in joined.iter().enumerate() {
        let single = |k: &Kind| matches!(k, Kind::Char);
        let cost = match k.checked_sub(1).map(|j| &joined[j]) {
            None => f64::INFINITY,
            Some(_) if matches!(kind, Kind::AfterSpace(_)) => 0.0,
            Some((prev, prev_kind)) => {
                let last = prev.chars().next_back().unwrap_or(' ');
                let first = text.chars().next().unwrap_or(' ');
                let before_last = prev.chars().rev().nth(1).or_else(|| {
                    k.checked_sub(2)
                        .and_then(|j| joined[j].0.chars().next_back())
                });
                if FUNCTION_WORDS.contains(&first) && single(kind)
                    || FUNCTION_WORDS.contains(&last) && single(prev_kind)
                    || (last == '于' && before_last == Some('关'))
                {
                    0.5
                } else if !single(kind) || !single(prev_kind) {
                    1.0
                } else if run % 2 == 0 {
                    3.0
                } else {
                    8.0
                }
            }
        };
        if cost <= 1.0 || !single(kind) {
            run = 0;
        }
        if single(kind) {
            run += 1;
        }
        out.push(Token {
            width: em_width(text),
            text: text.clone(),
            cost,
        });
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Char,
    Term,
    Number,
    Word,
    Space,
    AfterSpace(Box<Kind>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_title_breaks_after_he_never_inside_the_quotes() {
        let t = "关于塔城地区2020年度政务公开和“放管服”改革工作考核结果的通报";
        assert_eq!(
            lines(t, 20.0),
            [
                "关于塔城地区2020年度政务公开和",
                "“放管服”改革工作考核结果的通报"
            ]
        );
    }

    #[test]
    fn a_short_title_is_one_line() {
        assert_eq!(
            lines("关于测试考核结果的通报", 20.0),
            ["关于测试考核结果的通报"]
        );
    }

    #[test]
    fn no_line_breaks_inside_a_quoted_term_or_a_number() {
        for cap in 6..=20 {
            let t = "关于2021年度“放管服”改革和“互联网+政务服务”工作考核结果（暂定）的通报";
            let ls = lines(t, f64::from(cap));
            assert_eq!(ls.concat(), t, "{cap}");
            for l in &ls {
                assert_eq!(
                    l.matches('“').count(),
                    l.matches('”').count(),
                    "{cap}: {ls:?}"
                );
                assert_eq!(
                    l.matches('（').count(),
                    l.matches('）').count(),
                    "{cap}: {ls:?}"
                );
                assert!(!l.starts_with("021") && !l.ends_with("202"), "{ls:?}");
            }
        }
    }

    #[test]
    fn three_lines_make_no_hourglass() {
        let t = "关于塔城地区2020年度政务公开和“放管服”改革工作考核结果（各县（市）和地直各部门）的通报";
        let ls = lines(t, 16.0);
        assert!(ls.len() >= 3, "{ls:?}");
        let w: Vec<f64> = ls.iter().map(|l| em_width(l)).collect();
        for x in w.windows(3) {
            assert!(!(x[1] < x[0] && x[1] < x[2]), "{ls:?}");
        }
        assert!(w.iter().all(|x| *x <= 16.0), "{ls:?}");
    }

    #[test]
    fn english_breaks_at_spaces() {
        let t = "Notice of the assessment results: Tacheng 2020 government openness and reform";
        let ls = lines(t, 24.0);
        assert!(ls.len() >= 2);
        assert_eq!(ls.join(" "), t);
    }

    #[test]
    fn a_very_long_title_still_breaks() {
        let t = "政务".repeat(200);
        let ls = lines(&t, 20.0);
        assert_eq!(ls.concat(), t);
        assert!(ls.iter().all(|l| em_width(l) <= 20.0));
    }
}
