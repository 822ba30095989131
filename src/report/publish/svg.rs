//! Charts drawn as inline SVG for the analysis report: no script, no font
//! or style from elsewhere, and readable in grey print (every bar, column
//! and cell carries its number; shades differ in lightness, not only hue).
//!
//! Text takes the page's fonts, so Chinese labels show as the page does.

use std::fmt::Write;

/// Shades of one hue, dark to light: they stay apart when printed in grey.
pub const SHADES: [&str; 5] = ["#1d3c5a", "#3d6d98", "#77a3cc", "#b5d0e8", "#e2edf7"];
const INK: &str = "#222";
const GRID: &str = "#d0d0d0";
const FONT: f64 = 12.0;

/// Escapes text for HTML and SVG (control characters written visibly).
pub fn esc(t: &str) -> String {
    let t = crate::text::printable(t);
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The width text takes at `size` px: CJK characters (and the quotation
/// marks and dashes CJK fonts set full width) a full em, others about half.
pub fn text_width(t: &str, size: f64) -> f64 {
    crate::text::width::measure_em(t, size, size * 0.6)
}

/// Text cut to at most `room` px wide, ending with `…` when cut.
pub fn fit(t: &str, size: f64, room: f64) -> String {
    if text_width(t, size) <= room {
        return t.to_string();
    }
    let mut out = String::new();
    for c in t.chars() {
        if text_width(&out, size) + text_width(&format!("{c}…"), size) > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// How many parts an axis from 0 to `max` is cut in: quarters when they
/// are whole numbers, else fifths when they are, else quarters.
pub fn divisions(max: f64) -> u32 {
    let whole = |n: f64| (max / n).fract().abs() < 1e-9;
    if whole(4.0) || !whole(5.0) { 4 } else { 5 }
}

/// An SVG being drawn.
pub struct Canvas {
    id: String,
    label: String,
    w: f64,
    h: f64,
    body: String,
}

impl Canvas {
    pub fn new(id: &str, label: &str, w: f64, h: f64) -> Canvas {
        Canvas {
            id: id.to_string(),
            label: label.to_string(),
            w,
            h,
            body: String::new(),
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="{INK}" stroke-width="0.5"/>"#,
            w.max(0.0),
            h.max(0.0)
        );
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        t: &str,
        size: f64,
        anchor: &str,
        fill: &str,
        bold: bool,
    ) {
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>{}</text>"#,
            esc(t)
        );
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, dashed: bool) {
        let dash = if dashed {
            r#" stroke-dasharray="4 3""#
        } else {
            ""
        };
        let _ = write!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="1"{dash}/>"#
        );
    }

    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str) {
        let _ = write!(
            self.body,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" fill="{fill}" stroke="{INK}" stroke-width="1"/>"#
        );
    }

    /// The value axis: a grid line across the plot, from `left` to `right`,
    /// and its label at each of `parts` steps up to `max` (`whole` steps only,
    /// for counts); `y` places a value.
    fn value_axis(
        &mut self,
        left: f64,
        right: f64,
        max: f64,
        parts: u32,
        y: impl Fn(f64) -> f64,
        whole: bool,
    ) {
        for q in 0..=parts {
            let v = max * f64::from(q) / f64::from(parts);
            if whole && v.fract() != 0.0 && q != 0 {
                continue;
            }
            self.line(left, y(v), right, y(v), GRID, q > 0);
            self.text(
                left - 6.0,
                y(v) + 4.0,
                &trim_number(v),
                10.0,
                "end",
                INK,
                false,
            );
        }
    }

    pub fn finish(self) -> String {
        format!(
            r#"<svg class="chart" data-chart="{}" role="img" aria-label="{}" viewBox="0 0 {:.0} {:.0}" width="{:.0}" height="{:.0}"><title>{}</title>{}</svg>"#,
            esc(&self.id),
            esc(&self.label),
            self.w,
            self.h,
            self.w,
            self.h,
            esc(&self.label),
            self.body
        )
    }
}

/// A horizontal bar: its label, value (on the chart's scale), the text
/// written beside it, its shade, whether its label is bold (a heading
/// row), and an optional marker (a comparison value on the same scale).
pub struct HBar {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub shade: usize,
    pub strong: bool,
    pub marker: Option<f64>,
}

/// Horizontal bars against a scale from 0 to `max`, with gridlines at
/// quarters labelled by `tick`.
pub fn hbars(
    id: &str,
    label: &str,
    bars: &[HBar],
    max: f64,
    width: f64,
    tick: &dyn Fn(f64) -> String,
) -> String {
    let row = 20.0;
    let room = width * 0.42;
    let left = bars
        .iter()
        .map(|b| text_width(&b.label, FONT) * if b.strong { 1.06 } else { 1.0 })
        .fold(40.0, f64::max)
        .min(room)
        + 10.0;
    let right = bars
        .iter()
        .map(|b| text_width(&b.text, 11.0))
        .fold(30.0, f64::max)
        + 12.0;
    let top = 8.0;
    let plot = (width - left - right).max(40.0);
    let h = top + row * bars.len() as f64 + 24.0;
    let mut c = Canvas::new(id, label, width, h);
    let max = if max > 0.0 { max } else { 1.0 };
    let x = |v: f64| left + plot * (v / max).clamp(0.0, 1.0);
    let parts = divisions(max);
    for q in 0..=parts {
        let v = max * f64::from(q) / f64::from(parts);
        c.line(x(v), top, x(v), h - 20.0, GRID, q > 0);
        c.text(x(v), h - 6.0, &tick(v), 10.0, "middle", INK, false);
    }
    for (k, b) in bars.iter().enumerate() {
        let y = top + row * k as f64;
        let name = fit(&b.label, FONT * if b.strong { 1.06 } else { 1.0 }, room);
        c.text(left - 8.0, y + 14.0, &name, FONT, "end", INK, b.strong);
        let shade = SHADES[b.shade.min(SHADES.len() - 1)];
        c.rect(left, y + 3.0, x(b.value) - left, row - 6.0, shade);
        let mut after = x(b.value);
        if let Some(m) = b.marker {
            let mx = x(m);
            c.line(mx, y + 1.0, mx, y + row - 1.0, INK, false);
            c.line(mx - 3.0, y + 1.0, mx + 3.0, y + 1.0, INK, false);
            c.line(mx - 3.0, y + row - 1.0, mx + 3.0, y + row - 1.0, INK, false);
            after = after.max(mx + 3.0);
        }
        c.text(after + 4.0, y + 14.0, &b.text, 11.0, "start", INK, false);
    }
    c.finish()
}

/// A column of a column chart.
pub struct Column {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub shade: usize,
}

/// Groups of vertical columns, each group named under its columns.
pub fn columns(id: &str, label: &str, groups: &[(String, Vec<Column>)], height: f64) -> String {
    let col = 40.0;
    let gap = 8.0;
    let group_gap = 36.0;
    let left = 36.0;
    let top = 18.0;
    let bottom = 44.0;
    let widths: Vec<f64> = groups
        .iter()
        .map(|(name, cols)| {
            let cols_w = cols.len() as f64 * (col + gap) - gap;
            cols_w.max(text_width(name, FONT) + 8.0)
        })
        .collect();
    let w = left + widths.iter().sum::<f64>() + group_gap * groups.len() as f64 + 10.0;
    let mut c = Canvas::new(id, label, w.max(240.0), height);
    let max = groups
        .iter()
        .flat_map(|(_, cols)| cols.iter().map(|x| x.value))
        .fold(0.0, f64::max);
    let max = nice_ceiling(max);
    let plot = height - top - bottom;
    let y = |v: f64| top + plot * (1.0 - (v / max).clamp(0.0, 1.0));
    let parts = divisions(max);
    c.value_axis(left, w - 6.0, max, parts, y, false);
    let mut x0 = left + group_gap / 2.0;
    for ((name, cols), gw) in groups.iter().zip(&widths) {
        let cols_w = cols.len() as f64 * (col + gap) - gap;
        let mut x = x0 + (gw - cols_w) / 2.0;
        for k in cols {
            let shade = SHADES[k.shade.min(SHADES.len() - 1)];
            c.rect(x, y(k.value), col, y(0.0) - y(k.value), shade);
            c.text(
                x + col / 2.0,
                y(k.value) - 4.0,
                &k.text,
                11.0,
                "middle",
                INK,
                true,
            );
            c.text(
                x + col / 2.0,
                y(0.0) + 14.0,
                &k.label,
                11.0,
                "middle",
                INK,
                false,
            );
            x += col + gap;
        }
        c.text(x0 + gw / 2.0, height - 8.0, name, FONT, "middle", INK, true);
        x0 += gw + group_gap;
    }
    c.finish()
}

/// A histogram: bins `[from, to)` with their counts on a scale from `lo`
/// to `hi`, and dashed marks (a grade's minimum) with their labels.
pub fn histogram(
    id: &str,
    label: &str,
    bins: &[(f64, f64, usize)],
    lo: f64,
    hi: f64,
    marks: &[(f64, String)],
    width: f64,
) -> String {
    let (left, right, top, bottom) = (36.0, 16.0, 40.0, 30.0);
    let height = 230.0;
    let mut c = Canvas::new(id, label, width, height);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| left + plot_w * ((v - lo) / span).clamp(0.0, 1.0);
    let most = bins.iter().map(|b| b.2).max().unwrap_or(0).max(1) as f64;
    let max = nice_ceiling(most);
    let y = |n: f64| top + plot_h * (1.0 - n / max);
    let parts = divisions(max);
    c.value_axis(left, width - right, max, parts, y, true);
    for (from, to, n) in bins {
        if *n > 0 {
            c.rect(
                x(*from) + 1.0,
                y(*n as f64),
                x(*to) - x(*from) - 2.0,
                y(0.0) - y(*n as f64),
                SHADES[2],
            );
            c.text(
                (x(*from) + x(*to)) / 2.0,
                y(*n as f64) - 4.0,
                &n.to_string(),
                11.0,
                "middle",
                INK,
                true,
            );
        }
        c.text(
            x(*from),
            height - bottom + 14.0,
            &trim_number(*from),
            10.0,
            "middle",
            INK,
            false,
        );
    }
    c.text(
        x(hi),
        height - bottom + 14.0,
        &trim_number(hi),
        10.0,
        "middle",
        INK,
        false,
    );
    for (v, name) in marks {
        c.line(x(*v), 6.0, x(*v), y(0.0), INK, true);
        c.text(x(*v) + 3.0, 14.0, name, 11.0, "start", INK, false);
    }
    c.finish()
}

/// A heat map: one row per unit, one column per indicator, each cell a rate
/// from 0 to 1 (`None`: the indicator does not apply), printed in the cell.
pub fn heatmap(
    id: &str,
    label: &str,
    rows: &[String],
    cols: &[String],
    cells: &[Vec<Option<f64>>],
    na: &str,
) -> String {
    let cell_w = 46.0;
    let cell_h = 20.0;
    let left = rows
        .iter()
        .map(|r| text_width(r, FONT))
        .fold(40.0, f64::max)
        + 12.0;
    let top = 24.0;
    let w = left + cell_w * cols.len() as f64 + 8.0;
    let h = top + cell_h * rows.len() as f64 + 8.0;
    let mut c = Canvas::new(id, label, w, h);
    for (k, name) in cols.iter().enumerate() {
        let x = left + cell_w * k as f64 + cell_w / 2.0;
        c.text(x, top - 8.0, name, 11.0, "middle", INK, true);
    }
    for (r, name) in rows.iter().enumerate() {
        let y = top + cell_h * r as f64;
        c.text(left - 8.0, y + 14.0, name, FONT, "end", INK, false);
        for (k, v) in cells[r].iter().enumerate() {
            let x = left + cell_w * k as f64;
            match v {
                Some(v) => {
                    let (fill, ink) = heat(*v);
                    c.rect(x, y, cell_w, cell_h, &fill);
                    let pct = (v * 100.0).round();
                    c.text(
                        x + cell_w / 2.0,
                        y + 14.0,
                        &format!("{pct:.0}"),
                        11.0,
                        "middle",
                        ink,
                        false,
                    );
                }
                None => {
                    c.rect(x, y, cell_w, cell_h, "#ffffff");
                    c.text(x + cell_w / 2.0, y + 14.0, na, 10.0, "middle", INK, false);
                }
            }
        }
    }
    c.finish()
}

/// A rate's shade: full marks white, 40% and below darkest; dark cells get white text.
pub fn heat(rate: f64) -> (String, &'static str) {
    let t = ((1.0 - rate) / 0.6).clamp(0.0, 1.0);
    let (a, b) = ((0xf7, 0xfb, 0xff), (0x08, 0x30, 0x6b));
    let mix = |x: i32, y: i32| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as i32;
    let fill = format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    );
    (fill, if t > 0.55 { "#ffffff" } else { INK })
}

/// Last year's total against this year's, one row per unit.
pub fn dumbbell(
    id: &str,
    label: &str,
    rows: &[(String, f64, f64, String)],
    lo: f64,
    hi: f64,
    width: f64,
    legend: (&str, &str),
) -> String {
    let row = 20.0;
    let left = rows
        .iter()
        .map(|r| text_width(&r.0, FONT))
        .fold(40.0, f64::max)
        + 12.0;
    let right = 64.0;
    let top = 26.0;
    let plot = width - left - right;
    let h = top + row * rows.len() as f64 + 22.0;
    let mut c = Canvas::new(id, label, width, h);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| left + plot * ((v - lo) / span).clamp(0.0, 1.0);
    let parts = divisions(span);
    for q in 0..=parts {
        let v = lo + span * f64::from(q) / f64::from(parts);
        c.line(x(v), top, x(v), h - 18.0, GRID, q > 0);
        c.text(x(v), h - 4.0, &trim_number(v), 10.0, "middle", INK, false);
    }
    c.circle(left, 10.0, 4.0, "#ffffff");
    c.text(left + 8.0, 14.0, legend.0, 11.0, "start", INK, false);
    let lx = left + 16.0 + text_width(legend.0, 11.0);
    c.circle(lx, 10.0, 4.0, SHADES[0]);
    c.text(lx + 8.0, 14.0, legend.1, 11.0, "start", INK, false);
    for (k, (name, before, now, text)) in rows.iter().enumerate() {
        let y = top + row * k as f64 + row / 2.0;
        c.text(left - 8.0, y + 4.0, name, FONT, "end", INK, false);
        c.line(x(*before), y, x(*now), y, INK, false);
        c.circle(x(*before), y, 4.0, "#ffffff");
        c.circle(x(*now), y, 4.0, SHADES[0]);
        c.text(
            width - right + 6.0,
            y + 4.0,
            text,
            11.0,
            "start",
            INK,
            false,
        );
    }
    c.finish()
}

/// The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a
/// power of ten) at or above `v`, at least 1: an axis that ends near its data.
pub fn nice_ceiling(v: f64) -> f64 {
    if v <= 1.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if m * p >= v {
            return m * p;
        }
    }
    10.0 * p
}

/// A number for an axis: no trailing zeros.
pub fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
