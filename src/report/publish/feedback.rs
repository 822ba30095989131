//! Each unit's feedback list (失分清单, `反馈/UNIT.xlsx`) of `publish`: on
//! the first sheet the unit, its total, grade and rank, then one row per
//! leaf where it lost points (score < max) with why, and an empty column for
//! the unit to write what it has put right (整改情况); on the second, every
//! daily record of the unit.
//!
//! Numbers are written as numbers (never formulas), the nearest binary
//! value to the exact decimal, shown at the rubric's decimals.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::tables::style;

use super::paperwork::{Lost, Paperwork, clause};
use crate::model::catalog::UnitRef;
use crate::model::results::{RubricResult, UnitResult};
use crate::model::rubric::{PartKind, Rubric, Start};
use crate::num::{fixed, plain};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Every unit's workbook as (file name, bytes), units in the order of the
/// results (rubric by rubric, by rank).
pub fn workbooks(p: &Paperwork) -> Result<Vec<(String, Vec<u8>)>, Message> {
    let mut taken = Vec::new();
    let mut out = Vec::new();
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let name = file_name(&unit.name, &unit.id, &mut taken)
                .ok_or_else(|| msg!("feedback-no-file-name", unit = &unit.name))?;
            let bytes = workbook(p, rr, u).map_err(|e| {
                msg!(
                    "feedback-cannot-build",
                    unit = &unit.name,
                    reason = e.to_string()
                )
            })?;
            out.push((name, bytes));
        }
    }
    Ok(out)
}

/// A unit's file name: its name with the characters no file name may hold
/// on Windows (`/ \ : * ? " < > |` and control characters) replaced by `_`,
/// trailing dots and spaces dropped, at most 200 bytes, then `.xlsx`. A name
/// that is empty afterwards, reserved on Windows (CON, PRN, AUX, NUL,
/// COM0-9, LPT0-9, whatever follows a dot: `nul.txt` is NUL), or taken by
/// another unit's (ignoring case and Unicode normalisation, as Windows and
/// macOS do) gets the unit's id after its first part (`nul-u7.txt`), then a
/// number. `None` when no free name is found (it always is, but the search
/// is bounded).
pub fn file_name(name: &str, id: &str, taken: &mut Vec<String>) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    const MAX_STEM: usize = 200;
    let clean = |s: &str, max: usize| -> String {
        let replaced: String = s
            .chars()
            .map(|c| {
                if "/\\:*?\"<>|".contains(c) || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let mut out = replaced.trim().trim_end_matches(['.', ' ']).to_string();
        if out.len() > max {
            let cut = (0..=max)
                .rev()
                .find(|&k| out.is_char_boundary(k))
                .unwrap_or(0);
            out.truncate(cut);
            out = out.trim_end_matches(['.', ' ']).to_string();
        }
        out
    };
    let key = |s: &str| -> String { s.nfc().collect::<String>().to_lowercase() };
    let free = |s: &str, taken: &[String]| {
        !s.is_empty() && !reserved(s) && !taken.iter().any(|t| key(t) == key(s))
    };
    let mut stem = clean(name, MAX_STEM);
    if !free(&stem, taken) {
        let id = clean(id, 40);
        // The id goes after the first part, which alone makes a name reserved.
        stem = match stem.split_once('.') {
            _ if stem.is_empty() => id,
            Some((first, rest)) => format!("{first}-{id}.{rest}"),
            None => format!("{stem}-{id}"),
        };
        let base = stem.clone();
        let mut n = 2;
        while !free(&stem, taken) {
            if n > taken.len() + 2 {
                return None;
            }
            stem = format!("{base}-{n}");
            n += 1;
        }
    }
    taken.push(stem.clone());
    Some(format!("{stem}.xlsx"))
}

/// A name Windows keeps for a device, whatever follows its first dot.
fn reserved(s: &str) -> bool {
    let first = s.split('.').next().unwrap_or("").trim_end().to_uppercase();
    let device = |prefix: &str| {
        first.strip_prefix(prefix).is_some_and(|n| {
            n.chars().count() == 1 && n.chars().all(|c| c.is_ascii_digit() || "¹²³".contains(c))
        })
    };
    matches!(first.as_str(), "CON" | "PRN" | "AUX" | "NUL") || device("COM") || device("LPT")
}

use crate::tables::style::number;

fn decimals_format(dp: u32) -> String {
    style::decimals(dp, "")
}

/// Lines a wrapped text takes in a column of `cols` characters.
fn lines(text: &str, cols: usize) -> usize {
    text.split('\n')
        .map(|l| {
            (crate::tables::sheet::display_width(l) as usize)
                .div_ceil(cols.max(1))
                .max(1)
        })
        .sum()
}

struct Formats {
    title: Format,
    label: Format,
    value: Format,
    header: Format,
    text: Format,
    wrap: Format,
    max: Format,
    score: Format,
    total_label: Format,
    total_max: Format,
    total_score: Format,
}

impl Formats {
    fn new(dp: u32) -> Formats {
        let cell = style::cell();
        let score = cell.clone().set_num_format(decimals_format(dp));
        Formats {
            title: style::title(16),
            label: Format::new().set_bold(),
            value: Format::new().set_align(FormatAlign::Left),
            header: style::header(cell.clone(), style::PRINT_HEADER_SHADE),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            max: cell.clone(),
            score: score.clone(),
            total_label: cell.clone().set_bold().set_align(FormatAlign::Center),
            total_max: cell.clone().set_bold(),
            total_score: score.set_bold(),
        }
    }
}

/// Column widths in characters: 序号, 指标, 分值, 得分, 失分, [自评得分, 自评差额], 失分原因, 整改情况.
const W_NO: f64 = 6.0;
const W_ITEM: usize = 34;
const W_NUM: f64 = 8.0;
const W_REASON: usize = 66;
const W_FIX: f64 = 30.0;

fn workbook(p: &Paperwork, rr: &RubricResult, u: &UnitResult) -> Result<Vec<u8>, XlsxError> {
    let r = p.rubric(rr);
    let unit = &r.units[u.unit];
    let title = p.tr(msg!(
        "feedback-title",
        unit = &unit.name,
        subject = p.subject()
    ));
    let mut book = Workbook::new();
    book.set_properties(&crate::report::workbook_properties(p.catalog, &title));
    let sheet = book.add_worksheet();
    sheet.set_name(p.tr(msg!("feedback-sheet-lost")))?;
    let with_self = p.compare.claims.is_some();
    let mut heads = vec![
        p.tr(msg!("feedback-col-number")),
        p.tr(msg!("feedback-col-indicator")),
        p.tr(msg!("feedback-col-max")),
        p.tr(msg!("feedback-col-score")),
        p.tr(msg!("feedback-col-lost")),
    ];
    if with_self {
        heads.extend([
            p.tr(msg!("feedback-col-self")),
            p.tr(msg!("feedback-col-self-diff")),
        ]);
    }
    let reason_col = heads.len() as u16;
    heads.extend([
        p.tr(msg!("feedback-col-reason")),
        p.tr(msg!("feedback-col-fix")),
    ]);
    let list = LostList {
        p,
        rr,
        u,
        r,
        f: Formats::new(r.decimals),
        claims: p
            .compare
            .claims
            .as_ref()
            .and_then(|c| c.of(rr.rubric, u.unit)),
        with_self,
        reason_col,
        last_col: heads.len() as u16 - 1,
    };
    list.columns(sheet)?;
    sheet.merge_range(0, 0, 0, list.last_col, &title, &list.f.title)?;
    sheet.set_row_height(0, 30)?;
    let mut row = list.facts(sheet)?;
    row += 1;
    let header_row = row;
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, h, &list.f.header)?;
    }
    sheet.set_row_height(row, 20)?;
    list.lines(sheet, row + 1)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_repeat_rows(header_row, header_row)?;
    crate::tables::sheet::a4_one_page_wide(sheet, true);
    sheet.set_print_center_horizontally(true);
    let me = UnitRef {
        rubric: rr.rubric,
        unit: u.unit,
    };
    records_sheet(p, &mut book, r, me)?;
    book.save_to_buffer()
}

/// One unit's list of lines where it lost points, and how it is laid out.
struct LostList<'a> {
    p: &'a Paperwork<'a>,
    rr: &'a RubricResult,
    u: &'a UnitResult,
    r: &'a Rubric,
    f: Formats,
    claims: Option<&'a crate::model::compare::SelfScore>,
    with_self: bool,
    /// The column of 失分原因 (after the self-assessment's, when shown).
    reason_col: u16,
    last_col: u16,
}

impl LostList<'_> {
    fn columns(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        sheet.set_column_width(0, W_NO)?;
        sheet.set_column_width(1, W_ITEM as f64)?;
        for c in 2..self.reason_col {
            sheet.set_column_width(c, W_NUM + if c >= 5 { 2.0 } else { 0.0 })?;
        }
        sheet.set_column_width(self.reason_col, W_REASON as f64)?;
        sheet.set_column_width(self.reason_col + 1, W_FIX)?;
        Ok(())
    }

    /// The unit, its total, grade and rank (label in A, value in B), then
    /// the notes on the unit; returns the next row.
    fn facts(&self, sheet: &mut Worksheet) -> Result<u32, XlsxError> {
        let (p, r, u) = (self.p, self.r, self.u);
        let tr = |m: Message| p.tr(m);
        let mut facts = vec![
            (
                tr(msg!("feedback-unit")),
                Fact::Text(r.units[u.unit].name.clone()),
            ),
            (tr(msg!("feedback-total")), Fact::Score(u.total)),
        ];
        // The total before the review, when the review changed the unit.
        let me = UnitRef {
            rubric: self.rr.rubric,
            unit: u.unit,
        };
        if let Some(first) = p.first_of(me).filter(|_| u.adjusted) {
            facts.push((tr(msg!("feedback-first-total")), Fact::Score(first.total)));
        }
        // The parts the total is made of, when the rubric has them.
        if r.has_parts() {
            facts.extend([
                (tr(msg!("report-col-scored")), Fact::Score(u.scored)),
                (tr(msg!("feedback-bonus")), Fact::Score(u.bonus)),
                (tr(msg!("feedback-penalty")), Fact::Score(u.penalty)),
            ]);
        }
        facts.extend([
            (tr(msg!("feedback-grade")), Fact::Text(p.grade_cell(r, u))),
            (
                tr(msg!("feedback-rank")),
                Fact::Text(tr(msg!(
                    "feedback-rank-of",
                    rank = u.rank,
                    count = self.rr.units.len()
                ))),
            ),
        ]);
        if let Some(c) = u.converted {
            let label = r
                .conversion
                .as_ref()
                .map(|c| crate::report::table::conversion_label(c, p.lang))
                .unwrap_or_default();
            facts.push((label, Fact::Score(c)));
        }
        if let Some(s) = self.claims {
            facts.push((tr(msg!("feedback-self-total")), Fact::Score(s.total)));
        }
        let previous = p.compare.previous.as_ref();
        if let Some(prev) = previous.and_then(|x| x.of(self.rr.rubric, u.unit)) {
            let text = tr(crate::text::i18n::Message::new(if prev.veto {
                "table-previous-vetoed"
            } else {
                "table-previous"
            })
            .arg("total", fixed(prev.total, r.decimals))
            .arg("rank", prev.rank));
            facts.push((tr(msg!("feedback-previous")), Fact::Text(text)));
        }
        let mut row = 1u32;
        for (label, value) in &facts {
            sheet.write_string_with_format(row, 0, label, &self.f.label)?;
            match value {
                Fact::Text(t) => {
                    sheet.write_string_with_format(row, 1, t, &self.f.value)?;
                }
                Fact::Score(d) => {
                    let fmt = self
                        .f
                        .value
                        .clone()
                        .set_num_format(decimals_format(r.decimals));
                    sheet.write_number_with_format(row, 1, number(*d), &fmt)?;
                }
            }
            row += 1;
        }
        for note in unit_notes(p, r, u) {
            let wrap = Format::new().set_text_wrap();
            sheet.merge_range(row, 0, row, self.last_col, &note, &wrap)?;
            let h = lines(&note, W_ITEM + W_REASON + 40) as f64 * 15.0;
            sheet.set_row_height(row, h.max(15.0))?;
            row += 1;
        }
        Ok(row)
    }

    /// A row per line lost from `row` on, the total row and the summary.
    fn lines(&self, sheet: &mut Worksheet, mut row: u32) -> Result<(), XlsxError> {
        let (p, r, f) = (self.p, self.r, &self.f);
        let me = UnitRef {
            rubric: self.rr.rubric,
            unit: self.u.unit,
        };
        let lost = p.lost(r, self.u);
        if lost.is_empty() {
            let nothing = p.tr(msg!("feedback-nothing-lost"));
            sheet.merge_range(row, 0, row, self.last_col, &nothing, &f.text)?;
            return Ok(());
        }
        let (mut sum_max, mut sum_score, mut sum_lost) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (k, l) in lost.iter().enumerate() {
            let item = &r.items[l.item];
            let indicator = p.path(r, l.item);
            let reason = reasons(p, r, me, l);
            sheet.write_number_with_format(row, 0, (k + 1) as f64, &f.text)?;
            sheet.write_string_with_format(row, 1, &indicator, &f.wrap)?;
            sheet.write_number_with_format(row, 2, number(item.max), &f.max)?;
            sheet.write_number_with_format(row, 3, number(l.outcome.score), &f.score)?;
            sheet.write_number_with_format(row, 4, number(l.lost), &f.score)?;
            if self.with_self {
                self.claim_cells(sheet, row, l)?;
            }
            sheet.write_string_with_format(row, self.reason_col, &reason, &f.wrap)?;
            sheet.write_blank(row, self.reason_col + 1, &f.wrap)?;
            let height = lines(&reason, W_REASON - 6).max(lines(&indicator, W_ITEM - 4));
            sheet.set_row_height(row, (height as f64 * 15.0).max(20.0))?;
            sum_max += item.max;
            sum_score += l.outcome.score;
            sum_lost += l.lost;
            row += 1;
        }
        let total = p.tr(msg!("feedback-total-row"));
        sheet.merge_range(row, 0, row, 1, &total, &f.total_label)?;
        sheet.write_number_with_format(row, 2, number(sum_max), &f.total_max)?;
        sheet.write_number_with_format(row, 3, number(sum_score), &f.total_score)?;
        sheet.write_number_with_format(row, 4, number(sum_lost), &f.total_score)?;
        for c in 5..=self.last_col {
            sheet.write_blank(row, c, &f.text)?;
        }
        row += 2;
        let summary = p.tr(msg!(
            "feedback-summary",
            count = lost.len(),
            lost = fixed(sum_lost, r.decimals)
        ));
        sheet.merge_range(row, 0, row, self.last_col, &summary, &Format::new())?;
        Ok(())
    }

    /// The unit's own claim on a line and its difference from the score.
    fn claim_cells(&self, sheet: &mut Worksheet, row: u32, l: &Lost) -> Result<(), XlsxError> {
        let f = &self.f;
        match self
            .claims
            .and_then(|c| c.leaf(l.item, Some(l.outcome.score)))
        {
            Some((Some(claimed), diff)) => {
                sheet.write_number_with_format(row, 5, number(claimed), &f.score)?;
                match diff {
                    Some(d) => sheet.write_number_with_format(row, 6, number(d), &f.score)?,
                    None => sheet.write_blank(row, 6, &f.text)?,
                };
            }
            Some((None, _)) => {
                let na = self.p.tr(msg!("table-not-applicable"));
                sheet.write_string_with_format(row, 5, na, &f.text)?;
                sheet.write_blank(row, 6, &f.text)?;
            }
            None => {
                sheet.write_blank(row, 5, &f.text)?;
                sheet.write_blank(row, 6, &f.text)?;
            }
        }
        Ok(())
    }
}

enum Fact {
    Text(String),
    Score(Decimal),
}

/// What the unit's result needs said above its list: a veto, a rescaled
/// total, a provisional score.
fn unit_notes(p: &Paperwork, r: &Rubric, u: &UnitResult) -> Vec<String> {
    let mut out = Vec::new();
    if u.veto.is_some() {
        out.push(p.tr(msg!("feedback-note-veto", grade = p.grade_name(r, u.grade))));
    }
    if u.scaled {
        out.push(p.tr(msg!(
            "notice-scaled",
            what = if r.has_parts() {
                msg!("notice-scaled-scored")
            } else {
                msg!("notice-scaled-total")
            },
            unit = &r.units[u.unit].name,
            items = crate::text::list_all(p.not_applicable(r, u)),
            score = plain(u.applicable_score),
            max = plain(u.applicable_max),
            scale = plain(r.total),
            total = fixed(u.scored, r.decimals)
        )));
    }
    if u.provisional() {
        out.push(p.tr(msg!("feedback-note-provisional")));
    }
    if u.veto.is_some() && u.before_veto != u.total {
        out.push(p.tr(msg!(
            "feedback-note-veto-total",
            before = fixed(u.before_veto, r.decimals),
            total = fixed(u.total, r.decimals)
        )));
    }
    let me = UnitRef {
        rubric: r_index(p, r),
        unit: u.unit,
    };
    for a in p.adjustments(me) {
        out.push(p.tr(msg!(
            "feedback-note-review",
            line = crate::report::cells::review_change(r, a, p.lang),
            why = review_why(a)
        )));
    }
    if u.demoted {
        out.push(p.tr(msg!(
            "feedback-note-demoted",
            grade = p.grade_name(r, u.grade)
        )));
    }
    for (k, s) in u.sections.iter().enumerate() {
        if let (false, Some(gate)) = (s.counted || s.score.is_zero(), r.sections[k].gate) {
            out.push(p.tr(msg!(
                "feedback-note-gate",
                section = &r.sections[k].title,
                score = fixed(s.score, r.decimals),
                condition = if gate.strict {
                    msg!("gate-above", gate = plain(gate.min))
                } else {
                    msg!("gate-at-least", gate = plain(gate.min))
                },
                scored = fixed(u.scored, r.decimals)
            )));
        }
    }
    out
}

/// An adjustment's reason and 文号, as a clause.
fn review_why(a: &crate::model::adjust::Adjustment) -> Message {
    match &a.document {
        Some(d) => msg!("review-why-document", reason = &a.reason, document = d),
        None => msg!("review-why", reason = &a.reason),
    }
}

/// The index of rubric `r` in the catalog.
fn r_index(p: &Paperwork, r: &Rubric) -> usize {
    p.catalog
        .rubrics
        .iter()
        .position(|x| std::ptr::eq(x, r))
        .unwrap_or(0)
}

/// Why a leaf lost points, one line each: the daily records on it (date,
/// method, rule and count, points, note), each scorer's score and note,
/// the caps that applied, and the item's criteria.
fn reasons(p: &Paperwork, r: &Rubric, me: UnitRef, l: &Lost) -> String {
    let tr = |m: Message| p.tr(m);
    let item = &r.items[l.item];
    let o = l.outcome;
    let mut lines: Vec<String> = Vec::new();
    // The records on the leaf, and the zero records on a group or section above it.
    let records: Vec<_> = p
        .records(me)
        .filter(|x| x.line.is_some_and(|ln| r.leaves(ln).contains(&l.item)))
        .collect();
    for (k, rec) in records.iter().enumerate() {
        lines.push(tr(msg!(
            "feedback-numbered",
            number = k + 1,
            text = p.record_line(r, rec)
        )));
    }
    let ui = p.inputs.unit(me);
    let annual = &ui.items[l.item].annual;
    let weighted = item.scorers.len() > 1;
    for (slot, w) in item.scorers.iter().enumerate() {
        let scorer = &r.scorers[w.scorer].name;
        let note = p
            .notes(me)
            .find(|n| n.item == l.item && n.scorer == w.scorer)
            .map(|n| clause(&n.note).to_string());
        let value = annual
            .get(slot)
            .and_then(|a| a.as_ref())
            .and_then(|a| a.value);
        let m = match value {
            Some(v) => msg!(
                "feedback-annual",
                scorer = scorer,
                score = plain(v),
                max = plain(item.max),
                weight = if weighted {
                    msg!("feedback-weight", weight = plain(w.weight))
                } else {
                    msg!("feedback-no-weight")
                }
            ),
            None => msg!("feedback-annual-missing", scorer = scorer),
        };
        let mut line = tr(m);
        if let Some(n) = note.filter(|n| !n.is_empty()) {
            line = tr(msg!("feedback-with-note", text = line, note = n));
        }
        lines.push(line);
    }
    if let Some(m) = crate::report::cells::measure_text(r, l.item, o, p.lang) {
        lines.push(m);
    } else if item.scorers.is_empty() && r.part_of(l.item) != PartKind::Penalty {
        lines.push(tr(match item.start {
            Start::Full => msg!("feedback-start-full", max = plain(item.max)),
            Start::Zero => msg!("feedback-start-zero", max = plain(item.max)),
        }));
    }
    for rs in &o.rules {
        if rs.counted < rs.sum {
            lines.push(tr(msg!(
                "feedback-rule-capped",
                rule = &r.rules[rs.rule].text,
                sum = plain(rs.sum),
                counted = plain(rs.counted)
            )));
        }
    }
    if o.deducted < o.deduct_sum {
        lines.push(tr(msg!(
            "feedback-deduct-capped",
            sum = plain(o.deduct_sum),
            counted = plain(o.deducted)
        )));
    }
    if o.added < o.add_sum {
        lines.push(tr(msg!(
            "feedback-add-capped",
            sum = plain(o.add_sum),
            counted = plain(o.added)
        )));
    }
    if o.zeroed {
        lines.push(tr(msg!("feedback-zeroed")));
    } else if o.raw < item.floor {
        lines.push(tr(if item.floor.is_zero() {
            msg!("feedback-floor")
        } else {
            msg!("feedback-floor-below", floor = plain(item.floor))
        }));
    }
    for a in p
        .adjustments(me)
        .filter(|a| a.line().is_some_and(|ln| r.leaves(ln).contains(&l.item)))
    {
        lines.push(tr(msg!(
            "feedback-review",
            change = crate::report::cells::review_what(r, a, p.lang),
            why = review_why(a)
        )));
    }
    if let Some(first) = p.first_of(me).and_then(|f| {
        f.sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|x| x.item == l.item)
            .and_then(|x| x.outcome.as_ref())
    }) && first.score != o.score
    {
        lines.push(tr(msg!(
            "feedback-first-score",
            first = plain(first.score),
            score = plain(o.score)
        )));
    }
    if let Some(c) = item.criteria.as_deref().filter(|c| !c.trim().is_empty()) {
        lines.push(tr(msg!("feedback-criteria", criteria = c.trim())));
    }
    lines.join("\n")
}

/// The second sheet: every daily record of the unit, in file order.
fn records_sheet(
    p: &Paperwork,
    book: &mut Workbook,
    r: &Rubric,
    me: UnitRef,
) -> Result<(), XlsxError> {
    let tr = |m: Message| p.tr(m);
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet.set_name(tr(msg!("feedback-sheet-records")))?;
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_background_color(rust_xlsxwriter::Color::RGB(style::PRINT_HEADER_SHADE));
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let heads = [
        tr(msg!("feedback-col-date")),
        tr(msg!("feedback-col-indicator")),
        tr(msg!("feedback-col-kind")),
        tr(msg!("feedback-col-method")),
        tr(msg!("feedback-col-rule")),
        tr(msg!("feedback-col-count")),
        tr(msg!("feedback-col-points")),
        tr(msg!("feedback-col-note")),
    ];
    let widths = [12.0, 30.0, 10.0, 10.0, 36.0, 6.0, 8.0, 50.0];
    for (c, (h, w)) in heads.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &header)?;
        sheet.set_column_width(c as u16, w)?;
    }
    let mut row = 1u32;
    for rec in p.records(me) {
        let item = rec
            .line
            .map(|l| {
                let (id, title) = r.line_names(l);
                format!("{id} {title}")
            })
            .unwrap_or_default();
        let (rule, count) = match rec.rule {
            Some((k, n)) => (r.rules[k].text.clone(), Some(n)),
            None => (String::new(), None),
        };
        sheet.write_string_with_format(row, 0, rec.date.to_string(), &cell)?;
        sheet.write_string_with_format(row, 1, &item, &cell)?;
        sheet.write_string_with_format(
            row,
            2,
            tr(super::paperwork::kind_label(rec.kind)),
            &cell,
        )?;
        sheet.write_string_with_format(
            row,
            3,
            tr(super::paperwork::method_label(r, rec.method)),
            &cell,
        )?;
        sheet.write_string_with_format(row, 4, &rule, &cell)?;
        match count {
            Some(n) => sheet.write_number_with_format(row, 5, number(n), &cell)?,
            None => sheet.write_blank(row, 5, &cell)?,
        };
        sheet.write_number_with_format(row, 6, number(rec.points), &cell)?;
        sheet.write_string_with_format(row, 7, &rec.note, &cell)?;
        let h = lines(&rec.note, 48)
            .max(lines(&rule, 34))
            .max(lines(&item, 28));
        sheet.set_row_height(row, (h as f64 * 15.0).max(15.0))?;
        row += 1;
    }
    if row == 1 {
        sheet.write_string(1, 0, tr(msg!("feedback-no-records")))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    crate::tables::sheet::a4_one_page_wide(sheet, true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn reserved_names_with_a_suffix_get_the_id_after_their_first_part() {
        let mut taken = Vec::new();
        assert_eq!(
            file_name("nul.txt", "u7", &mut taken).as_deref(),
            Some("nul-u7.txt.xlsx")
        );
        assert_eq!(
            file_name("CON.x", "c", &mut taken).as_deref(),
            Some("CON-c.x.xlsx")
        );
        assert_eq!(
            file_name("aux.y", "aux.z", &mut taken).as_deref(),
            Some("aux-aux.z.y.xlsx")
        );
        assert_eq!(
            file_name("COM¹", "p", &mut taken).as_deref(),
            Some("COM¹-p.xlsx")
        );
        assert_eq!(
            file_name("LPT9", "p", &mut taken).as_deref(),
            Some("LPT9-p.xlsx")
        );
    }

    fn names() -> impl Strategy<Value = Vec<(String, String)>> {
        let name = prop_oneof![
            "[a-zA-Z0-9 ._/\\\\:*?\"<>|\\x00-\\x1f]{0,12}",
            "(con|CON|nul|Aux|prn|com[0-9]|LPT[1-9]|COM¹)(\\.[a-z]{0,3}){0,2}",
            "[县市局é]{1,4}",
            "e\u{301}|\u{e9}|E\u{301}",
            "[a-z]{300,400}",
        ];
        prop::collection::vec((name, "[a-z0-9.]{0,6}"), 1..30)
    }

    proptest! {
        /// Every name made is a file name on every system, and no two are
        /// the same file where case or Unicode normalisation is ignored.
        #[test]
        fn file_names_are_safe_and_unique(units in names()) {
            let mut taken = Vec::new();
            let mut made: Vec<String> = Vec::new();
            for (name, id) in &units {
                let f = file_name(name, id, &mut taken).expect("a name is always found");
                prop_assert!(f.len() <= 255, "{f} is too long");
                prop_assert!(f.ends_with(".xlsx"));
                let stem = f.trim_end_matches(".xlsx");
                prop_assert!(!stem.is_empty());
                prop_assert!(!reserved(stem), "{f} is reserved");
                prop_assert!(!stem.ends_with(['.', ' ']), "{f} ends badly");
                prop_assert!(
                    !f.chars().any(|c| "/\\:*?\"<>|".contains(c) || c.is_control()),
                    "{f:?} holds a character no file name may"
                );
                let key = |s: &str| s.nfc().collect::<String>().to_lowercase();
                prop_assert!(!made.iter().any(|m| key(m) == key(&f)), "{f} twice");
                made.push(f);
            }
        }
    }
}
