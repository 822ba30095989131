//! A leaf scored from a measure, in 细则: 指标 (the measure, by name or id
//! in sheet 指标), 计分标尺 (`89:0；99:5`, each point a measured value and
//! the base it gives) and 折算方式 (线性 or 阶梯, 线性 when empty).

use rust_decimal::Decimal;

use super::cells::{At, Errors, Sheet, header_text, typed_number};
use super::lists::{Named, find};
use super::vocabulary::{
    COL_INTERPOLATE, COL_SCALE, INTERPOLATE_LINEAR, INTERPOLATE_LINEAR_ALSO, INTERPOLATE_STEP,
    INTERPOLATE_STEP_ALSO, SCALE_PAIR, SCALE_PAIR_ALSO, SHEET_MEASURES,
};
use crate::model::rubric::Interpolate;
use crate::num;
use crate::text::diag::hint;
use crate::text::i18n::msg;

/// The columns of 细则 a leaf's measure is read from.
#[derive(Clone, Copy, Default)]
pub(super) struct MeasureColumns {
    pub(super) measure: Option<u32>,
    pub(super) scale: Option<u32>,
    pub(super) interpolate: Option<u32>,
}

/// A leaf's measure, scale and interpolation as its row has them, each
/// with its cell.
#[derive(Default)]
pub(super) struct MeasureCells {
    pub(super) measure: Option<(String, At)>,
    pub(super) scale: Option<(Vec<(Decimal, Decimal)>, At)>,
    pub(super) interpolate: Option<(Interpolate, At)>,
}

/// The measure cells of row `r`. When one of them cannot be read (reported)
/// none is kept: the others would only be reported again as incomplete.
pub(super) fn read_measured(
    s: &Sheet,
    r: u32,
    cols: MeasureColumns,
    measures: &[Named],
    e: &mut Errors,
) -> MeasureCells {
    let cell = |c: Option<u32>| c.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c))));
    let mut ok = true;
    let measure = cell(cols.measure).and_then(|(t, at)| match find(measures, &t) {
        Some(m) => Some((m.id.clone(), at)),
        None => {
            let names = measures
                .iter()
                .flat_map(|m| [m.name.as_str(), m.id.as_str()]);
            e.at(
                at,
                msg!(
                    "import-measure-unknown",
                    name = t.as_str(),
                    hint = hint(&t, names),
                    sheet = SHEET_MEASURES
                ),
            );
            ok = false;
            None
        }
    });
    let scale = cell(cols.scale).and_then(|(t, at)| match scale(&t) {
        Some(points) => Some((points, at)),
        None => {
            e.at(
                at,
                msg!(
                    "import-scale-bad",
                    column = COL_SCALE,
                    value = t.as_str(),
                    pair = SCALE_PAIR.to_string()
                ),
            );
            ok = false;
            None
        }
    });
    let interpolate = match cell(cols.interpolate) {
        Some((t, at)) => {
            let i = interpolate(&t);
            if i.is_none() {
                e.at(
                    at.clone(),
                    msg!(
                        "import-interpolate-bad",
                        column = COL_INTERPOLATE,
                        value = t.as_str(),
                        linear = INTERPOLATE_LINEAR,
                        step = INTERPOLATE_STEP
                    ),
                );
                ok = false;
            }
            i.map(|i| (i, at))
        }
        // Linear unless written, as the rubric file has it.
        None => measure
            .as_ref()
            .map(|(_, at)| (Interpolate::Linear, at.clone())),
    };
    if !ok {
        return MeasureCells::default();
    }
    MeasureCells {
        measure,
        scale,
        interpolate,
    }
}

/// `89:0；99:5`, `89%：0分, 99%：5分`: (value, base) points.
fn scale(text: &str) -> Option<Vec<(Decimal, Decimal)>> {
    let mut points = Vec::new();
    for part in text.split(['；', ';', '，', ',', '、', '\n']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (value, base) = part.split_once(|c| c == SCALE_PAIR || SCALE_PAIR_ALSO.contains(&c))?;
        let value = typed_number(value);
        let value = value.strip_suffix(['%', '％']).unwrap_or(&value);
        let value = num::parse_plain(value.trim()).ok()?;
        let base = num::parse_plain(&typed_number(base)).ok()?;
        points.push((value, base));
    }
    (!points.is_empty()).then_some(points)
}

fn interpolate(text: &str) -> Option<Interpolate> {
    let t = header_text(text);
    if t == INTERPOLATE_LINEAR || INTERPOLATE_LINEAR_ALSO.contains(&t.as_str()) {
        Some(Interpolate::Linear)
    } else if t == INTERPOLATE_STEP || INTERPOLATE_STEP_ALSO.contains(&t.as_str()) {
        Some(Interpolate::Step)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_read_in_the_forms_offices_write() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            scale("89:0；99:5"),
            Some(vec![(d("89"), d("0")), (d("99"), d("5"))])
        );
        assert_eq!(
            scale("89%：0分, ９９．５％：5分\n100:-1"),
            Some(vec![
                (d("89"), d("0")),
                (d("99.5"), d("5")),
                (d("100"), d("-1"))
            ])
        );
        assert_eq!(scale("89"), None);
        assert_eq!(scale("89:x"), None);
        assert_eq!(scale(""), None);
        assert_eq!(interpolate("阶梯"), Some(Interpolate::Step));
        assert_eq!(interpolate("按比例"), Some(Interpolate::Linear));
        assert_eq!(interpolate("曲线"), None);
    }
}
