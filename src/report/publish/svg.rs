//! Charts drawn as inline SVG for the analysis report: no script, no font
//! or style from elsewhere, and readable in grey print (every bar, column
//! and cell carries its number; shades differ in lightness, not only hue).
//!
//! Text takes the page's fonts, so Chinese labels show as the page does.

use std::fmt::Write;

/// Shades of one hue, dark to light: they stay apart when printed in grey.
pub const SHADES: [&str; 5] = ["#1d3c5a", "#3d6d98", "#77a3cc", "#b5d0e8", "#e2edf7"];
const INK: &str = "#222";
/// The lowest grade and a veto: the strongest colour of the page.
pub const ALARM: &str = "#b2182b";
/// The grades' fills, calm to alarming and light to dark (so they stay in
/// order printed in grey), with the ink written on each.
const GRADE_FILLS: [(&str, &str); 4] = [
    ("#e5f2df", INK),
    ("#b9d7ea", INK),
    ("#f0a04b", INK),
    (ALARM, "#ffffff"),
];

/// The fill and ink of grade `k` of `n` (best first): the best the calmest,
/// the lowest always [`ALARM`].
pub fn grade_fill(k: usize, n: usize) -> (&'static str, &'static str) {
    let last = GRADE_FILLS.len() - 1;
    if n <= 1 {
        return GRADE_FILLS[0];
    }
    if k + 1 >= n {
        return GRADE_FILLS[last];
    }
    // Spread the others over the calm and middle fills.
    let at = (k * (last - 1) + (n - 2) / 2) / (n - 2).max(1);
    GRADE_FILLS[at.min(last - 1)]
}
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

    /// A rectangle marked by a veto: [`ALARM`] hatched with white, so it
    /// reads apart from the lowest grade's plain fill, in grey too (drawn
    /// line by line: the page refers to nothing, not even within itself).
    pub fn hatched_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.rect(x, y, w, h, ALARM);
        let (w, h) = (w.max(0.0), h.max(0.0));
        let mut c = -h;
        while c < w {
            // The line from (x + c, y + h) up and right at 45°, inside the box.
            let from = (-c).max(0.0);
            let to = h.min(w - c);
            if to > from {
                let _ = write!(
                    self.body,
                    r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#ffffff" stroke-width="1.5"/>"##,
                    x + c + from,
                    y + h - from,
                    x + c + to,
                    y + h - to
                );
            }
            c += 5.0;
        }
    }

    /// A small hatched square and a text after it, in [`ALARM`]: what a
    /// veto mark means.
    pub fn veto_key(&mut self, x: f64, y: f64, text: &str) -> f64 {
        self.hatched_rect(x, y - 9.0, 10.0, 10.0);
        self.text(x + 14.0, y, text, 11.0, "start", ALARM, true);
        x + 14.0 + text_width(text, 11.0)
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
/// quarters labelled by `tick`; `banner`, when given, is written in
/// [`ALARM`] above the bars with the veto's mark (a vetoed unit's profile).
#[allow(clippy::too_many_arguments)]
pub fn hbars(
    id: &str,
    label: &str,
    bars: &[HBar],
    max: f64,
    width: f64,
    tick: &dyn Fn(f64) -> String,
    banner: Option<&str>,
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
    let top = if banner.is_some() { 26.0 } else { 8.0 };
    let plot = (width - left - right).max(40.0);
    let h = top + row * bars.len() as f64 + 24.0;
    let mut c = Canvas::new(id, label, width, h);
    if let Some(b) = banner {
        c.veto_key(4.0, 14.0, b);
    }
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

/// A column of a column chart: `vetoed` of its `value` (at its foot) are
/// vetoed units, drawn hatched.
pub struct Column {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub fill: (&'static str, &'static str),
    pub vetoed: f64,
}

/// Groups of vertical columns, each group named under its columns; with
/// any vetoed part, the veto's key (`veto`) above the plot.
pub fn columns(
    id: &str,
    label: &str,
    groups: &[(String, Vec<Column>)],
    height: f64,
    veto: &str,
) -> String {
    let col = 44.0;
    let gap = 8.0;
    let group_gap = 36.0;
    let left = 36.0;
    let any_veto = groups
        .iter()
        .any(|(_, cols)| cols.iter().any(|c| c.vetoed > 0.0));
    let top = if any_veto { 34.0 } else { 18.0 };
    let bottom = 44.0;
    let widths: Vec<f64> = groups
        .iter()
        .map(|(name, cols)| {
            let cols_w = cols.len() as f64 * (col + gap) - gap;
            cols_w.max(text_width(name, FONT) + 8.0)
        })
        .collect();
    let w = left + widths.iter().sum::<f64>() + group_gap * groups.len() as f64 + 10.0;
    let w = w.max(240.0).max(left + text_width(veto, 11.0) + 30.0);
    let mut c = Canvas::new(id, label, w, height);
    if any_veto {
        c.veto_key(left, 14.0, veto);
    }
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
            c.rect(x, y(k.value), col, y(0.0) - y(k.value), k.fill.0);
            if k.vetoed > 0.0 {
                c.hatched_rect(x, y(k.vetoed), col, y(0.0) - y(k.vetoed));
            }
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

/// A bin of a histogram, `[from, to)`: its units stacked by grade (count
/// and fill, best grade at the foot), a vetoed unit hatched on top, and the
/// names written above it in [`ALARM`] (the vetoed units in it).
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub parts: Vec<(usize, &'static str)>,
    pub vetoed: usize,
    pub flags: Vec<String>,
}

impl Bin {
    pub fn count(&self) -> usize {
        self.parts.iter().map(|p| p.0).sum::<usize>() + self.vetoed
    }
}

/// A histogram on a scale from `lo` to `hi`, with dashed marks (a grade's
/// minimum) and their labels, and a key of the grades' fills (and of the
/// veto's hatching when some bin holds a vetoed unit).
#[allow(clippy::too_many_arguments)]
pub fn histogram(
    id: &str,
    label: &str,
    bins: &[Bin],
    lo: f64,
    hi: f64,
    marks: &[(f64, String)],
    key: &[(String, (&'static str, &'static str))],
    veto: &str,
    width: f64,
) -> String {
    // Room above the plot for the key, the marks' labels and, above the
    // tallest bin, the names of the vetoed units in a bin.
    let flags = bins.iter().map(|b| b.flags.len()).max().unwrap_or(0) as f64;
    let (left, right, top, bottom) = (36.0, 16.0, 58.0 + 14.0 * flags, 30.0);
    let height = 192.0 + top;
    let mut c = Canvas::new(id, label, width, height);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| left + plot_w * ((v - lo) / span).clamp(0.0, 1.0);
    let most = bins.iter().map(Bin::count).max().unwrap_or(0).max(1) as f64;
    let max = nice_ceiling(most);
    let y = |n: f64| top + plot_h * (1.0 - n / max);
    let parts = divisions(max);
    c.value_axis(left, width - right, max, parts, y, true);
    // The key, on the first line.
    let mut kx = left;
    for (name, fill) in key {
        c.rect(kx, 5.0, 10.0, 10.0, fill.0);
        c.text(kx + 14.0, 14.0, name, 11.0, "start", INK, false);
        kx += 14.0 + text_width(name, 11.0) + 14.0;
    }
    if bins.iter().any(|b| b.vetoed > 0) {
        c.veto_key(kx, 14.0, veto);
    }
    for b in bins {
        let (x0, x1) = (x(b.from) + 1.0, x(b.to) - 1.0);
        let mut at = 0usize;
        for (n, fill) in &b.parts {
            if *n > 0 {
                let (lo_y, hi_y) = (y(at as f64), y((at + n) as f64));
                c.rect(x0, hi_y, x1 - x0, lo_y - hi_y, fill);
                at += n;
            }
        }
        if b.vetoed > 0 {
            let (lo_y, hi_y) = (y(at as f64), y((at + b.vetoed) as f64));
            c.hatched_rect(x0, hi_y, x1 - x0, lo_y - hi_y);
        }
        let n = b.count();
        if n > 0 {
            c.text(
                (x0 + x1) / 2.0,
                y(n as f64) - 4.0,
                &n.to_string(),
                11.0,
                "middle",
                INK,
                true,
            );
            for (k, flag) in b.flags.iter().enumerate() {
                c.text(
                    (x0 + x1) / 2.0,
                    y(n as f64) - 18.0 - 13.0 * k as f64,
                    flag,
                    11.0,
                    "middle",
                    ALARM,
                    true,
                );
            }
        }
        c.text(
            x(b.from),
            height - bottom + 14.0,
            &trim_number(b.from),
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
        c.line(x(*v), 24.0, x(*v), y(0.0), INK, true);
        c.text(x(*v) + 3.0, 34.0, name, 11.0, "start", INK, false);
    }
    c.finish()
}

/// A row of a heat map: its unit's name and whether the unit is vetoed
/// (the name then in [`ALARM`], after the veto's mark).
pub struct HeatRow {
    pub name: String,
    pub vetoed: bool,
}

/// A heat map: one row per unit, one column per indicator, each cell a rate
/// from 0 to 1 (`None`: the indicator does not apply), printed in the cell.
pub fn heatmap(
    id: &str,
    label: &str,
    rows: &[HeatRow],
    cols: &[String],
    cells: &[Vec<Option<f64>>],
    na: &str,
) -> String {
    let cell_w = 46.0;
    let cell_h = 20.0;
    let left = rows
        .iter()
        .map(|r| text_width(&r.name, FONT) + if r.vetoed { 16.0 } else { 0.0 })
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
    for (r, row) in rows.iter().enumerate() {
        let y = top + cell_h * r as f64;
        if row.vetoed {
            let name_w = text_width(&row.name, FONT);
            c.hatched_rect(left - 8.0 - name_w - 14.0, y + 5.0, 10.0, 10.0);
            c.text(left - 8.0, y + 14.0, &row.name, FONT, "end", ALARM, true);
        } else {
            c.text(left - 8.0, y + 14.0, &row.name, FONT, "end", INK, false);
        }
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

/// A unit's row of the comparison with last year: its name, last year's
/// and this year's totals, the change as written, and whether it is vetoed
/// this year (its name and this year's mark then in [`ALARM`]).
pub struct Change {
    pub name: String,
    pub before: f64,
    pub now: f64,
    pub text: String,
    pub vetoed: bool,
}

/// Last year's total against this year's, one row per unit; `legend` names
/// last year, this year and a veto.
pub fn dumbbell(
    id: &str,
    label: &str,
    rows: &[Change],
    lo: f64,
    hi: f64,
    width: f64,
    legend: (&str, &str, &str),
) -> String {
    let row = 20.0;
    let left = rows
        .iter()
        .map(|r| text_width(&r.name, FONT))
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
    if rows.iter().any(|r| r.vetoed) {
        let vx = lx + 24.0 + text_width(legend.1, 11.0);
        c.veto_key(vx, 14.0, legend.2);
    }
    for (k, r) in rows.iter().enumerate() {
        let y = top + row * k as f64 + row / 2.0;
        let ink = if r.vetoed { ALARM } else { INK };
        c.text(left - 8.0, y + 4.0, &r.name, FONT, "end", ink, r.vetoed);
        c.line(x(r.before), y, x(r.now), y, INK, false);
        c.circle(x(r.before), y, 4.0, "#ffffff");
        if r.vetoed {
            c.hatched_rect(x(r.now) - 5.0, y - 5.0, 10.0, 10.0);
        } else {
            c.circle(x(r.now), y, 4.0, SHADES[0]);
        }
        c.text(
            width - right + 6.0,
            y + 4.0,
            &r.text,
            11.0,
            "start",
            ink,
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
