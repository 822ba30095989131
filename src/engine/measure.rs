//! A measured value read on a leaf's scale (`docs/computation.md#measures`):
//! exactly, as a fraction, rounded once with the leaf's score.

use rust_decimal::Decimal;

use crate::model::results::MeasureUse;
use crate::model::rubric::{Interpolate, Measured};
use crate::num;

/// An exact quotient `num / den` of decimals, `den` > 0: what a base
/// between two scale points is (1/3 happens), kept whole until the score
/// is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    num: Decimal,
    den: Decimal,
}

impl Fraction {
    pub fn whole(d: Decimal) -> Fraction {
        Fraction {
            num: d,
            den: Decimal::ONE,
        }
    }

    pub fn negated(self) -> Option<Fraction> {
        Some(Fraction {
            num: Decimal::ZERO.checked_sub(self.num)?,
            den: self.den,
        })
    }

    /// `self − d`.
    pub fn minus(self, d: Decimal) -> Option<Fraction> {
        Some(Fraction {
            num: self.num.checked_sub(d.checked_mul(self.den)?)?,
            den: self.den,
        })
    }

    /// Held within `[low, high]` (compared exactly, `den` > 0).
    pub fn clamp(self, low: Decimal, high: Decimal) -> Option<Fraction> {
        if self.num < low.checked_mul(self.den)? {
            return Some(Fraction::whole(low));
        }
        if self.num > high.checked_mul(self.den)? {
            return Some(Fraction::whole(high));
        }
        Some(self)
    }

    /// Rounded half away from zero to `dp` places, from the exact quotient.
    pub fn round(self, dp: u32) -> Option<Decimal> {
        num::div_round(self.num, self.den, dp)
    }

    /// Whether the quotient has at most `dp` decimal places.
    pub fn exact_within(self, dp: u32) -> Option<bool> {
        let shown = self.round(dp)?;
        Some(shown.checked_mul(self.den)? == self.num)
    }

    /// The quotient as shown: exact when it has at most `dp` places, else
    /// rounded to `dp` places; trailing zeros dropped.
    pub fn shown(self, dp: u32) -> Option<Decimal> {
        if self.den == Decimal::ONE {
            return Some(self.num);
        }
        Some(self.round(dp)?.normalize())
    }
}

/// The base a value gives on the scale, and the points it was read between.
/// Linear: the first base at or below the first value, the last at or above
/// the last, and between neighbours `s1 + (v − v1) × (s2 − s1) / (v2 − v1)`.
/// Step: the base of the last point whose value is at most `value`, or the
/// first point's when there is none.
pub fn interpolate(m: &Measured, value: Decimal) -> Option<(Fraction, MeasureUse)> {
    let first = *m.scale.first()?;
    let last = *m.scale.last()?;
    let used = |from: (Decimal, Decimal), to: Option<(Decimal, Decimal)>| MeasureUse {
        value: Some(value),
        from,
        to,
    };
    if m.interpolate == Interpolate::Step {
        let at = m
            .scale
            .iter()
            .rev()
            .find(|(v, _)| *v <= value)
            .copied()
            .unwrap_or(first);
        return Some((Fraction::whole(at.1), used(at, None)));
    }
    if value <= first.0 {
        return Some((Fraction::whole(first.1), used(first, None)));
    }
    if value >= last.0 {
        return Some((Fraction::whole(last.1), used(last, None)));
    }
    let k = m.scale.iter().rposition(|(v, _)| *v <= value)?;
    let ((v1, s1), (v2, s2)) = (m.scale[k], *m.scale.get(k + 1)?);
    // s1 + (value − v1)(s2 − s1)/(v2 − v1) = (s1 (v2 − v1) + (value − v1)(s2 − s1)) / (v2 − v1)
    let den = v2.checked_sub(v1)?;
    let num = s1
        .checked_mul(den)?
        .checked_add(value.checked_sub(v1)?.checked_mul(s2.checked_sub(s1)?)?)?;
    Some((Fraction { num, den }, used((v1, s1), Some((v2, s2)))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn scale(points: &[(&str, &str)], interpolate: Interpolate) -> Measured {
        Measured {
            measure: 0,
            scale: points.iter().map(|(v, b)| (d(v), d(b))).collect(),
            interpolate,
        }
    }

    #[test]
    fn a_rate_between_two_points_reads_on_the_line_exactly() {
        // 好评率99%及以上得满分，每低1个百分点扣0.5分: [[89, 0], [99, 5]].
        let m = scale(&[("89", "0"), ("99", "5")], Interpolate::Linear);
        let (base, _) = interpolate(&m, d("95")).unwrap();
        assert_eq!(base.shown(6), Some(d("3")));
        let (base, _) = interpolate(&m, d("80")).unwrap();
        assert_eq!(base.shown(6), Some(d("0")));
        let (base, _) = interpolate(&m, d("100")).unwrap();
        assert_eq!(base.shown(6), Some(d("5")));
        // A third of a point: shown at 6 places, rounded once at 2.
        let m = scale(&[("0", "0"), ("3", "1")], Interpolate::Linear);
        let (base, _) = interpolate(&m, d("1")).unwrap();
        assert_eq!(base.exact_within(6), Some(false));
        assert_eq!(base.shown(6), Some(d("0.333333")));
        assert_eq!(base.round(2), Some(d("0.33")));
    }

    #[test]
    fn a_step_scale_takes_the_last_point_reached() {
        // 达到95%得5分，90%-95%得3分，90%以下不得分.
        let m = scale(&[("0", "0"), ("90", "3"), ("95", "5")], Interpolate::Step);
        for (v, b) in [
            ("89.9", "0"),
            ("90", "3"),
            ("94.99", "3"),
            ("95", "5"),
            ("100", "5"),
        ] {
            assert_eq!(interpolate(&m, d(v)).unwrap().0.shown(6), Some(d(b)), "{v}");
        }
    }

    #[test]
    fn rounding_is_once_and_half_away_from_zero() {
        let f = Fraction {
            num: d("1"),
            den: d("8"),
        };
        assert_eq!(f.round(2), Some(d("0.13")));
        assert_eq!(f.negated().unwrap().round(2), Some(d("-0.13")));
        assert_eq!(f.minus(d("1")).unwrap().round(3), Some(d("-0.875")));
        assert_eq!(f.clamp(d("0.2"), d("1")), Some(Fraction::whole(d("0.2"))));
    }
}
