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

    /// The three forms from bytes, without reading them as text first:
    /// `2020-05-19`, `2020/5/19`, `2020年5月19日` (one or two digits for month
    /// and day). Anything else (spaces inside, say) is for `parse`.
    pub fn parse_bytes(bytes: &[u8]) -> Option<Date> {
        const YEAR: [u8; 3] = *"年".as_bytes().first_chunk().expect("3 bytes");
        const MONTH: [u8; 3] = *"月".as_bytes().first_chunk().expect("3 bytes");
        const DAY: [u8; 3] = *"日".as_bytes().first_chunk().expect("3 bytes");
        /// One or two digits, and what follows them.
        fn number(b: &[u8]) -> Option<(u32, &[u8])> {
            let digit = |k: usize| {
                b.get(k)
                    .filter(|c| c.is_ascii_digit())
                    .map(|c| u32::from(c - b'0'))
            };
            let first = digit(0)?;
            Some(match digit(1) {
                Some(second) => (first * 10 + second, &b[2..]),
                None => (first, &b[1..]),
            })
        }
        let (year, rest) = bytes.split_first_chunk::<4>()?;
        if !year.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y = year.iter().fold(0, |acc, c| acc * 10 + i32::from(c - b'0'));
        let (m, d) = match *rest.first()? {
            sep @ (b'-' | b'/') => {
                let (m, rest) = number(&rest[1..])?;
                let (&after, rest) = rest.split_first()?;
                let (d, rest) = number(rest)?;
                if after != sep || !rest.is_empty() {
                    return None;
                }
                (m, d)
            }
            _ => {
                let rest = rest.strip_prefix(&YEAR)?;
                let (m, rest) = number(rest)?;
                let (d, rest) = number(rest.strip_prefix(&MONTH)?)?;
                if rest != DAY {
                    return None;
                }
                (m, d)
            }
        };
        Date::new(y, m, d)
    }

    /// Reads a date as people type it or spreadsheets export it:
    /// `2020-05-19`, `2020/5/19`, `2020.5.19`, `20200519`, `2020年5月19日`
    /// (or `号`), full-width digits too, and any of them followed by a time
    /// of day (`2021-05-19 10:30`, `2021-05-19T10:30:00`), which is dropped.
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        if let Some(d) = Date::parse_bytes(t.as_bytes()) {
            return Some(d);
        }
        let owned: String;
        let t = if t.chars().any(|c| ('０'..='９').contains(&c) || c == '．') {
            // Only digits and the point: a date has no sign.
            owned = t
                .chars()
                .map(|c| match c {
                    '０'..='９' | '．' => crate::num::halfwidth(c),
                    c => c,
                })
                .collect();
            owned.as_str()
        } else {
            t
        };
        let t = without_time(t);
        // Split without allocating: dates are parsed once per daily record.
        let (y, m, d) = if let Some(rest) = t.strip_suffix(['日', '号']) {
            let (y, rest) = rest.split_once('年')?;
            let (m, d) = rest.split_once('月')?;
            (y, m, d)
        } else if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
            (&t[..4], &t[4..6], &t[6..])
        } else {
            let sep = ['-', '/', '.'].into_iter().find(|&c| t.contains(c))?;
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

/// A date without the time of day after it (` 10:30`, `T10:30:00`,
/// ` 10:30:00.000`); the text as it is when what follows is not a time.
fn without_time(t: &str) -> &str {
    let Some(cut) = t.find([' ', 'T', '\u{3000}']) else {
        return t;
    };
    let time = t[cut..].trim_start_matches([' ', 'T', '\u{3000}']);
    let is_time = time.contains(':')
        && time
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
        && time.split(':').count() <= 3;
    if is_time { t[..cut].trim_end() } else { t }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day counted from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
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
    fn reads_bytes_as_text_does() {
        for text in [
            "2020-05-19",
            "2020/5/19",
            "2020年5月19日",
            "2020-5-9",
            "2020/12/31",
            "2020年12月1日",
        ] {
            assert_eq!(
                Date::parse_bytes(text.as_bytes()),
                Date::parse(text),
                "{text}"
            );
            assert!(Date::parse_bytes(text.as_bytes()).is_some(), "{text}");
        }
        for bad in [
            "2020-05/19",
            "2020年5-19",
            "2020年5月19",
            "20200-5-1",
            "2020-123-1",
            "2020-5-",
            "2020/5/19日",
        ] {
            assert_eq!(Date::parse_bytes(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn reads_what_people_type() {
        let want = Date::new(2021, 5, 19);
        for text in [
            "2021.5.19",
            "20210519",
            "2021年5月19号",
            "2021年5月19日",
            "2021-05-19 10:30",
            "2021-05-19 10:30:00",
            "2021/5/19 10:30",
            "2021-05-19T10:30:00",
            "２０２１．５．１９",
        ] {
            assert_eq!(Date::parse(text), want, "{text}");
        }
        for bad in [
            "2021-05-19 noon",
            "2021519",
            "202105190",
            "2021.5",
            "2021-05-19 25",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_since_1970_are_civil_dates_and_back() {
        for (days, civil) in [
            (0, (1970, 1, 1)),
            (18_717, (2021, 3, 31)),
            (11_016, (2000, 2, 29)),
            (-1, (1969, 12, 31)),
        ] {
            assert_eq!(civil_from_days(days), civil);
            assert_eq!(days_from_civil(civil.0, civil.1, civil.2), days);
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2020-02-30",
            "2019-02-29",
            "2020-13-01",
            "20-5-19",
            "2020.5.32",
            "",
            "2020-05-19-1",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2020-02-29").is_some());
    }
}
