//! Calendar dates as the daily records write them (日期).

use std::fmt;

/// A calendar date; ordered, so period checks are plain comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(year) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Reads `2020-05-19`, `2020/5/19` or `2020年5月19日` (months and days with
    /// one or two digits, surrounding spaces ignored).
    /// `2020-05-19` exactly, from bytes: the common form, without text checks.
    pub fn parse_iso(bytes: &[u8]) -> Option<Date> {
        let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *bytes else {
            return None;
        };
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = |a: &[u8]| a.iter().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        Date::new(n(&digits[..4]) as i32, n(&digits[4..6]), n(&digits[6..]))
    }

    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        if let Some(d) = Date::parse_iso(t.as_bytes()) {
            return Some(d);
        }
        // Split without allocating: dates are parsed once per daily record.
        let (y, m, d) = if let Some(rest) = t.strip_suffix('日') {
            let (y, rest) = rest.split_once('年')?;
            let (m, d) = rest.split_once('月')?;
            (y, m, d)
        } else {
            let sep = if t.contains('-') { '-' } else { '/' };
            let mut parts = t.splitn(3, sep);
            (parts.next()?, parts.next()?, parts.next()?)
        };
        let num = |s: &str, max_len: usize| {
            let s = s.trim();
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        if y.trim().len() != 4 {
            return None;
        }
        Date::new(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_forms() {
        let want = Date::new(2020, 5, 19);
        assert_eq!(Date::parse("2020-05-19"), want);
        assert_eq!(Date::parse("2020/5/19"), want);
        assert_eq!(Date::parse("2020年5月19日"), want);
        assert_eq!(Date::parse(" 2020-5-19 "), want);
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2020-02-30",
            "2019-02-29",
            "2020-13-01",
            "20-5-19",
            "2020.5.19",
            "",
            "2020-05-19-1",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2020-02-29").is_some());
    }
}
