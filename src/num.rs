//! Exact decimals: the one place where numbers are parsed, rounded and printed.
//!
//! No binary floating point is used anywhere in scoring. Rounding is always
//! half away from zero (四舍五入), never `Decimal::round`'s half-to-even.

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Why a cell is not a plain decimal; rendered into the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumError {
    Empty,
    NotADecimal,
    TooManyDigits,
    /// Beyond [`MAX_MAGNITUDE`].
    TooLarge,
}

/// The largest magnitude of any number read (a score, a maximum, points, a
/// measured value): ten to the twelfth. Within it, every sum, product and
/// percentage any output computes fits a decimal, for any roster and any
/// number of records.
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000;

/// `d`, or `TooLarge` beyond [`MAX_MAGNITUDE`].
pub fn bounded(d: Decimal) -> Result<Decimal, NumError> {
    if d.abs() > Decimal::from(MAX_MAGNITUDE) {
        Err(NumError::TooLarge)
    } else {
        Ok(d)
    }
}

/// Parses a plain decimal as the spec allows it in cells: digits with an
/// optional sign and fraction (`27.5`, `-0.25`, `+3`). The text is trimmed.
pub fn parse_plain(text: &str) -> Result<Decimal, NumError> {
    if let Some(d) = short_plain(text.as_bytes()) {
        return Ok(d);
    }
    let t = text.trim();
    if t.is_empty() {
        return Err(NumError::Empty);
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(NumError::NotADecimal);
    }
    // `Decimal::from_str` would round away digits past its 28 places; an
    // auditor's number must be taken exactly or refused.
    let significant = int.trim_start_matches('0').len() + frac.map_or(0, str::len);
    if significant > 28 || frac.map_or(0, str::len) > 28 {
        return Err(NumError::TooManyDigits);
    }
    let d =
        Decimal::from_str(t.strip_prefix('+').unwrap_or(t)).map_err(|_| NumError::TooManyDigits)?;
    bounded(d)
}

/// The fast path of `parse_plain`: digits with at most one point inside,
/// no sign, no space, at most 18 digits (so the value fits an `i64`), at
/// most 12 of them before the point (within [`MAX_MAGNITUDE`]). The
/// result is the one `Decimal::from_str` gives, scale and all (`0.50` keeps
/// its two places).
#[inline]
pub fn short_plain(b: &[u8]) -> Option<Decimal> {
    if b.is_empty() || b.len() > 19 {
        return None;
    }
    // Nineteen digits fit a u64; more than eighteen are left to the slow path.
    let mut mantissa: u64 = 0;
    let mut point = None;
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(c - b'0'),
            b'.' if point.is_none() && k > 0 && k + 1 < b.len() => point = Some(k),
            _ => return None,
        }
    }
    let digits = b.len() - usize::from(point.is_some());
    if digits > 18 || point.unwrap_or(b.len()) > 12 {
        return None;
    }
    let scale = point.map_or(0, |k| b.len() - k - 1) as u32;
    Some(Decimal::new(mantissa as i64, scale))
}

/// A number in a table cell, as people type it: a plain decimal, or one
/// with full-width digits, point and sign (`９５．５`, `－１`) or a trailing
/// 分 (`6.4分`, `6.4 分`). The plain form is tried first: it is what a
/// machine writes, and the fast path.
pub fn parse_cell(text: &str) -> Result<Decimal, NumError> {
    match parse_plain(text) {
        Err(NumError::NotADecimal) => match typed(text) {
            Some(plain) => parse_plain(&plain),
            None => Err(NumError::NotADecimal),
        },
        other => other,
    }
}

/// The ASCII twin of a full-width digit, point or sign (`９` → `9`, `．` →
/// `.`, `－` and `−` → `-`, `＋` → `+`); any other character as it is.
pub fn halfwidth(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '－' | '−' => '-',
        '＋' => '+',
        c => c,
    }
}

/// The ASCII form of a typed number, if it differs from the text.
fn typed(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_suffix('分').map_or(t, str::trim_end);
    let plain: String = t.chars().map(halfwidth).collect();
    (plain != text).then_some(plain)
}

/// A count as people type it: a number in any form of `parse_cell`,
/// optionally followed by the word it counts (`3次`, `２处`, `1 项`).
pub fn parse_count(text: &str) -> Result<Decimal, NumError> {
    let t = text.trim();
    let bare = t
        .strip_suffix(['次', '处', '个', '项', '条', '件', '篇', '起'])
        .map_or(t, str::trim_end);
    parse_cell(bare)
}

/// Zero without a sign (`0.00`, never `-0.00`), any other value as it is:
/// decimals keep the sign of a negative that rounded or summed to zero.
pub fn normal_zero(d: Decimal) -> Decimal {
    if d.is_zero() {
        Decimal::new(0, d.scale())
    } else {
        d
    }
}

/// Rounds to `dp` places, halves away from zero.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Number of decimal places as written, trailing zeros not counted
/// (`0.50` has one place, `8.0` none).
pub fn places(d: Decimal) -> u32 {
    d.normalize().scale()
}

/// A published score: rounded, with exactly `dp` places (`92.50`, `0.00`).
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = round(d, dp);
    r.rescale(dp);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r.to_string()
}

/// An unrounded value in its shortest exact form (`7.5`, `1.005`, `0`).
pub fn plain(d: Decimal) -> String {
    let mut n = d.normalize();
    if n.is_zero() {
        n.set_sign_positive(true);
    }
    n.to_string()
}

/// `round(n / m)` to `dp` places, halves away from zero, computed exactly:
/// the quotient of two decimals need not terminate (0.13 × 20 / 6), and
/// rounding a 28-digit approximation could land on the wrong side of a half.
/// Returns `None` when `m` is zero or the numbers are too large.
pub fn div_round(n: Decimal, m: Decimal, dp: u32) -> Option<Decimal> {
    if m.is_zero() {
        return None;
    }
    exact_div_round(n, m, dp).or_else(|| n.checked_div(m).map(|q| round(q, dp)))
}

fn exact_div_round(n: Decimal, m: Decimal, dp: u32) -> Option<Decimal> {
    // n = a / 10^sa, m = b / 10^sb, so n / m * 10^dp = a * 10^(sb+dp) / (b * 10^sa).
    let (a, sa) = (n.mantissa(), n.scale());
    let (b, sb) = (m.mantissa(), m.scale());
    let num = a.checked_mul(10i128.checked_pow(sb + dp)?)?;
    let den = b.checked_mul(10i128.checked_pow(sa)?)?;
    let (q, r) = (num / den, num % den);
    let negative = (num < 0) != (den < 0);
    let twice_r = r.unsigned_abs().checked_mul(2)?;
    let q = if twice_r >= den.unsigned_abs() {
        if negative { q - 1 } else { q + 1 }
    } else {
        q
    };
    Decimal::try_from_i128_with_scale(q, dp).ok()
}

/// An exact running sum of decimals, kept as an integer count of units of
/// its finest scale: adding is integer arithmetic, not `Decimal`'s
/// general (and, per row, slower) addition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    mantissa: i128,
    scale: u32,
}

const POW10: [i128; 29] = {
    let mut p = [1i128; 29];
    let mut k = 1;
    while k < 29 {
        p[k] = p[k - 1] * 10;
        k += 1;
    }
    p
};

impl Sum {
    /// Adds a value; `None` (and the sum unchanged) if it would overflow.
    pub fn add(&mut self, d: Decimal) -> Option<()> {
        self.add_parts(d.mantissa(), d.scale())
    }

    /// Adds another sum.
    pub fn add_sum(&mut self, other: Sum) -> Option<()> {
        self.add_parts(other.mantissa, other.scale)
    }

    fn add_parts(&mut self, mantissa: i128, scale: u32) -> Option<()> {
        if scale == self.scale {
            self.mantissa = self.mantissa.checked_add(mantissa)?;
            return Some(());
        }
        let mut next = *self;
        if scale > next.scale {
            next.mantissa = next
                .mantissa
                .checked_mul(POW10[(scale - next.scale) as usize])?;
            next.scale = scale;
        }
        let m = mantissa.checked_mul(POW10[(next.scale - scale) as usize])?;
        next.mantissa = next.mantissa.checked_add(m)?;
        *self = next;
        Some(())
    }

    /// The sum as a decimal; `None` if it is too large for one.
    pub fn value(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.mantissa, self.scale).ok()
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The fast path reads a number exactly as `Decimal::from_str`
        /// does (value and places), or leaves it to the slow path.
        #[test]
        fn the_fast_path_reads_as_from_str(s in "[0-9.]{1,21}") {
            if let Some(fast) = short_plain(s.as_bytes()) {
                let slow = Decimal::from_str(&s).unwrap();
                prop_assert_eq!(fast.to_string(), slow.to_string());
                prop_assert_eq!(fast.scale(), slow.scale());
            }
        }

        /// Whatever the path, `parse_plain` agrees with the checks it makes
        /// on the slow path.
        #[test]
        fn plain_numbers_read_the_same_either_way(s in "[0-9]{1,20}(\\.[0-9]{1,20})?") {
            let slow = Decimal::from_str(&s).map_err(|_| ());
            match parse_plain(&s) {
                Ok(d) => {
                    prop_assert_eq!(Ok(d.to_string()), slow.map(|d| d.to_string()));
                    prop_assert!(d <= Decimal::from(MAX_MAGNITUDE));
                }
                Err(NumError::TooLarge) => {
                    prop_assert!(slow.is_ok_and(|d| d > Decimal::from(MAX_MAGNITUDE)));
                }
                Err(e) => prop_assert_eq!(e, NumError::TooManyDigits),
            }
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounds_halves_away_from_zero() {
        assert_eq!(fixed(d("2.995"), 2), "3.00");
        assert_eq!(fixed(d("0.125"), 2), "0.13");
        assert_eq!(fixed(d("2.5"), 0), "3");
        assert_eq!(fixed(d("-2.5"), 0), "-3");
        assert_eq!(fixed(d("0"), 2), "0.00");
    }

    #[test]
    fn plain_strips_trailing_zeros() {
        assert_eq!(plain(d("7.50")), "7.5");
        assert_eq!(plain(d("100.00")), "100");
        assert_eq!(plain(d("-0.0")), "0");
    }

    #[test]
    fn parses_only_plain_decimals() {
        assert_eq!(parse_plain(" 4.125 "), Ok(d("4.125")));
        assert_eq!(parse_plain("+3"), Ok(d("3")));
        assert_eq!(parse_plain("-0.25"), Ok(d("-0.25")));
        for bad in [
            "1e2", "1,000", "九十", "９０", ".5", "5.", "", "--1", "0x10", "NaN",
        ] {
            assert!(parse_plain(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(parse_plain(&"9".repeat(40)), Err(NumError::TooManyDigits));
        assert_eq!(
            parse_plain(&format!("0.{}", "1".repeat(29))),
            Err(NumError::TooManyDigits)
        );
    }

    #[test]
    fn cells_are_read_as_typed() {
        assert_eq!(parse_cell("９５．５"), Ok(d("95.5")));
        assert_eq!(parse_cell("6.4分"), Ok(d("6.4")));
        assert_eq!(parse_cell(" 6.4 分 "), Ok(d("6.4")));
        assert_eq!(parse_cell("－１"), Ok(d("-1")));
        assert_eq!(parse_cell("8"), Ok(d("8")));
        for bad in ["分", "九十", "6.4分分", "1e2", "", "6,4"] {
            assert!(parse_cell(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn divides_and_rounds_exactly() {
        assert_eq!(div_round(d("2.6"), d("6"), 2), Some(d("0.43")));
        assert_eq!(div_round(d("4200"), d("80"), 0), Some(d("53")));
        assert_eq!(div_round(d("1"), d("8"), 2), Some(d("0.13")));
        assert_eq!(div_round(d("1"), d("0"), 2), None);
    }

    #[test]
    fn sums_exactly_across_scales() {
        let mut s = Sum::default();
        for v in ["0.125", "1", "0.56", "2.5"] {
            s.add(d(v)).unwrap();
        }
        assert_eq!(s.value(), Some(d("4.185")));
        let mut t = Sum::default();
        t.add(d("0.000000000000000000000000001")).unwrap();
        s.add_sum(t).unwrap();
        assert_eq!(s.value(), Some(d("4.185000000000000000000000001")));
        let mut big = Sum::default();
        big.add(Decimal::MAX).unwrap();
        big.add(Decimal::MAX).unwrap();
        assert_eq!(big.value(), None, "beyond a decimal");
    }

    #[test]
    fn counts_places_without_trailing_zeros() {
        assert_eq!(places(d("0.50")), 1);
        assert_eq!(places(d("8.0")), 0);
        assert_eq!(places(d("100")), 0);
    }
}
