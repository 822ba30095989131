//! The text of an indicator cell: its points (`（8分）`) and its id or
//! numbering (`1.3 `, `一、`) taken off the title.

use rust_decimal::Decimal;

use super::cells::typed_number;
use super::vocabulary::{ALIAS_SEPARATOR, NUMERALS};
use crate::num;
use crate::text::width::is_cjk;

/// `平台建设（8分）`, `平台建设(8分)`, `平台建设 8分` → the title and its points.
pub(super) fn split_points(text: &str) -> (String, Option<Decimal>) {
    let t = text.trim();
    if let Some(inner) = t.strip_suffix(['）', ')']) {
        if let Some(open) = inner.rfind(['（', '(']) {
            let bracket = inner[open..].chars().next().map_or(1, char::len_utf8);
            let points = inner[open + bracket..].trim();
            if let Some(p) = points.strip_suffix('分') {
                if let Ok(p) = num::parse_plain(&typed_number(p)) {
                    let title = inner[..open].trim_end();
                    if !title.is_empty() {
                        return (title.to_string(), Some(p));
                    }
                }
            }
        }
        return (t.to_string(), None);
    }
    if let Some(inner) = t.strip_suffix('分') {
        let digits_start = inner
            .char_indices()
            .rev()
            .take_while(|(_, c)| matches!(crate::num::halfwidth(*c), '0'..='9' | '.'))
            .last()
            .map(|(i, _)| i);
        if let Some(i) = digits_start {
            let title = &inner[..i];
            if title.ends_with(char::is_whitespace) && !title.trim().is_empty() {
                if let Ok(p) = num::parse_plain(&typed_number(&inner[i..])) {
                    return (title.trim_end().to_string(), Some(p));
                }
            }
        }
    }
    (t.to_string(), None)
}

/// `1.3 平台建设`, `openness 政务公开`, `1.3、平台建设` → an id and the title;
/// `一、政务公开`, `（一）组织领导` → the title without its numbering.
pub(super) fn split_id(text: &str) -> (Option<String>, String) {
    let t = text.trim();
    if let Some((i, sep)) = t
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || *c == ALIAS_SEPARATOR)
    {
        let token = &t[..i];
        let rest = t[i + sep.len_utf8()..].trim_start();
        if !token.is_empty() && !rest.is_empty() && !token.chars().any(is_cjk) {
            return (Some(token.to_string()), rest.to_string());
        }
    }
    let numeral = |c: char| NUMERALS.contains(&c) || c == '百';
    let n = t.chars().take_while(|c| numeral(*c)).count();
    if n > 0 {
        let after: String = t.chars().skip(n).collect();
        if let Some(rest) = after.strip_prefix(ALIAS_SEPARATOR) {
            if !rest.trim().is_empty() {
                return (None, rest.trim().to_string());
            }
        }
    }
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        let n = inner.chars().take_while(|c| numeral(*c)).count();
        let after: String = inner.chars().skip(n).collect();
        if n > 0 {
            if let Some(rest) = after.strip_prefix(['）', ')']) {
                if !rest.trim().is_empty() {
                    return (None, rest.trim().to_string());
                }
            }
        }
    }
    (None, t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_points_and_ids() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            split_points("平台建设（8分）"),
            ("平台建设".into(), Some(d("8")))
        );
        assert_eq!(
            split_points("平台建设(7.5分)"),
            ("平台建设".into(), Some(d("7.5")))
        );
        assert_eq!(
            split_points("平台建设 8分"),
            ("平台建设".into(), Some(d("8")))
        );
        assert_eq!(
            split_points("平台建设（２）"),
            ("平台建设（２）".into(), None)
        );
        assert_eq!(split_points("加8分"), ("加8分".into(), None));
        assert_eq!(
            split_id("1.3 平台建设"),
            (Some("1.3".into()), "平台建设".into())
        );
        assert_eq!(
            split_id("openness 政务公开"),
            (Some("openness".into()), "政务公开".into())
        );
        assert_eq!(split_id("一、政务公开"), (None, "政务公开".into()));
        assert_eq!(split_id("（二）组织领导"), (None, "组织领导".into()));
        assert_eq!(
            split_id("政务公开 标准化"),
            (None, "政务公开 标准化".into())
        );
    }
}
