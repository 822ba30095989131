//! A rubric for the next year (`docs/formats.md`, “A new year”): `year`,
//! the period and the years written in the title move; every other byte of
//! the file stays, comments and layout included.

use toml::de::{DeTable, DeValue};

use crate::date::Date;

/// The rubric text with its year moved from `from` to `to`. The text is a
/// rubric that loaded, so the keys it edits are where the loader found them.
pub fn move_year(text: &str, from: i64, to: i64) -> String {
    let delta = to - from;
    let Ok(doc) = DeTable::parse(text) else {
        return text.to_string();
    };
    let top = doc.get_ref();
    // (byte range, replacement), applied from the end so ranges stay valid.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    if let Some((_, v)) = top.get_key_value("year") {
        edits.push((v.span(), to.to_string()));
    }
    if let Some((_, v)) = top.get_key_value("title")
        && let DeValue::String(title) = v.get_ref()
    {
        let moved = shift_years(title, delta);
        if moved != title.as_ref() {
            let span = v.span();
            let written = &text[span.clone()];
            edits.push((span, shift_years(written, delta)));
        }
    }
    if let Some((_, p)) = top.get_key_value("period")
        && let DeValue::Table(period) = p.get_ref()
    {
        for key in ["start", "end"] {
            let Some((_, v)) = period.get_key_value(key) else {
                continue;
            };
            let span = v.span();
            let written = &text[span.clone()];
            let quoted = written.starts_with('"') || written.starts_with('\'');
            let inner = written.trim_matches(['"', '\'']);
            if let Some(d) = Date::parse(inner) {
                let year = i64::from(d.year) + delta;
                let moved = i32::try_from(year).ok().and_then(|y| {
                    // 29 February of a year that has none becomes the 28th.
                    Date::new(y, d.month, d.day).or_else(|| Date::new(y, d.month, d.day - 1))
                });
                if let Some(m) = moved {
                    let iso = format!("{:04}-{:02}-{:02}", m.year, m.month, m.day);
                    edits.push((span, if quoted { format!("\"{iso}\"") } else { iso }));
                }
            }
        }
    }
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_string();
    for (range, with) in edits {
        out.replace_range(range, &with);
    }
    out
}

/// Every four-digit year (1900-2999, not part of a longer number) moved by `delta`.
fn shift_years(text: &str, delta: i64) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_digit = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
        if is_digit(i)
            && (i == 0 || !is_digit(i - 1))
            && (i + 4 <= chars.len())
            && (0..4).all(|k| is_digit(i + k))
            && !is_digit(i + 4)
        {
            let word: String = chars[i..i + 4].iter().collect();
            let year: i64 = word.parse().unwrap_or(0);
            if (1900..3000).contains(&year) {
                out.push_str(&(year + delta).to_string());
                i += 4;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_year_moves() {
        let text = "# 2020 comment stays\nid = \"t\"\ntitle = \"塔城地区2020年度考核细则\"\nyear = 2020\n[period]\nstart = 2019-12-01\nend = \"2020-11-30\"\n[[x]]\ncriteria = \"2020年1月31日前\"\n";
        let moved = move_year(text, 2020, 2021);
        assert_eq!(
            moved,
            "# 2020 comment stays\nid = \"t\"\ntitle = \"塔城地区2021年度考核细则\"\nyear = 2021\n[period]\nstart = 2020-12-01\nend = \"2021-11-30\"\n[[x]]\ncriteria = \"2020年1月31日前\"\n"
        );
    }

    #[test]
    fn a_leap_day_becomes_the_28th() {
        let text = "title = \"x\"\nyear = 2020\n[period]\nstart = 2020-02-29\nend = 2020-12-31\n";
        assert!(move_year(text, 2020, 2021).contains("start = 2021-02-28"));
    }

    #[test]
    fn longer_numbers_are_not_years() {
        assert_eq!(shift_years("编号20201号、2020年", 1), "编号20201号、2021年");
    }
}
