//! Each unit's rectification ledger (整改台账, `反馈/UNIT.xlsx`) of `publish`
//! (`docs/office.md`, "反馈/UNIT.xlsx"): on the first sheet the unit's
//! header (total, grade, rank, the date the ledger is due back), then one
//! row per thing to put right: the veto, the scorers' general remarks
//! (综合意见), each line that cost the unit points; the office's columns
//! (序号, 指标, 分值, 得分, 失分, 失分原因) locked, the unit's (整改措施, 责任
//!科室, 责任人, 整改时限, 整改情况 as a drop-down, 佐证材料) open; on the
//! second, every daily record of the unit; on a third, hidden, what
//! `assess rectify` recognises the ledger by (`input::ledger`).
//!
//! A bonus line (a leaf of a bonus part, or one scored by additions alone)
//! is never a loss (`Paperwork::lost`). A wide table's row note is split
//! among the lines it names; what names none is one row of 综合意见.
//!
//! Numbers are written as numbers (never formulas), the nearest binary
//! value to the exact decimal, shown at the rubric's decimals. Every cell
//! is set in SimSun marked as a GB2312 font, so no spreadsheet shows the
//! text in a Japanese face.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, FormatBorder, Note, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use crate::tables::style;

use super::paperwork::{Lost, Paperwork, clause};
use crate::date::Date;
use crate::input::ledger::{self as vocab, Role, RowKind, Status};
use crate::model::catalog::UnitRef;
use crate::model::mechanics::Line;
use crate::model::record::Kind;
use crate::model::results::{RubricResult, UnitResult};
use crate::model::rubric::{PartKind, Rubric, Start};
use crate::num::{fixed, plain};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Every unit's workbook as (file name, bytes), units in the order of the
/// results (rubric by rubric, by rank): the ledgers due back by `deadline`
/// (the notice's `deadline`), else with the date left blank to write by hand.
pub fn workbooks_due(
    p: &Paperwork,
    deadline: Option<Date>,
) -> Result<Vec<(String, Vec<u8>)>, Message> {
    let mut taken = Vec::new();
    let mut out = Vec::new();
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let name = file_name(&unit.name, &unit.id, &mut taken)
                .ok_or_else(|| msg!("feedback-no-file-name", unit = &unit.name))?;
            let bytes = workbook(p, rr, u, deadline).map_err(|e| {
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

use crate::tables::style::{clip, number};

/// The font of every cell: SimSun (宋体), a GB2312 font (charset 134,
/// family 3 as Excel writes it), so that Chinese is never shown in a
/// Japanese face by a spreadsheet guessing the script.
const FONT: &str = "SimSun";
const GB2312: u8 = 134;
const MODERN: u8 = 3;

/// A format in the ledger's font.
pub fn cjk(f: Format) -> Format {
    f.set_font_name(FONT)
        .set_font_charset(GB2312)
        .set_font_family(MODERN)
}

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

/// Points per line of wrapped 11-point text, and the padding of a row. SimSun
/// needs 14.25 (Excel's own row height for it); where SimSun is missing
/// (LibreOffice, WPS on Linux) the CJK face put in its place (Noto CJK) needs
/// about 16, and a row too short cuts its last line off: 16, a little room
/// to spare in Excel rather than a reason cut short elsewhere.
const LINE: f64 = 16.0;
const PAD: f64 = 5.0;

/// A row's height for `n` lines of text.
fn height(n: usize) -> f64 {
    (n as f64 * LINE + PAD).max(20.0)
}

struct Formats {
    title: Format,
    label: Format,
    value: Format,
    header: Format,
    text: Format,
    center: Format,
    wrap: Format,
    score: Format,
    total_label: Format,
    total_score: Format,
    input: Format,
    input_date: Format,
    plain: Format,
    plain_wrap: Format,
}

impl Formats {
    fn new(dp: u32) -> Formats {
        let cell = cjk(style::cell());
        let score = cell.clone().set_num_format(decimals_format(dp));
        let input = cjk(style::input())
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Formats {
            title: cjk(style::title(16)),
            label: cjk(Format::new()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter)),
            value: cjk(Format::new()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter)),
            header: style::header(cell.clone(), style::PRINT_HEADER_SHADE),
            text: cell.clone(),
            center: cell.clone().set_align(FormatAlign::Center),
            wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            score: score.clone(),
            total_label: cell.clone().set_bold().set_align(FormatAlign::Center),
            total_score: score.set_bold(),
            input_date: input.clone().set_num_format("yyyy-mm-dd"),
            input,
            plain: cjk(Format::new()),
            plain_wrap: cjk(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
        }
    }
}

/// Where each column is: 序号, 指标, 分值, 得分, 失分, [自评得分, 自评差额,]
/// 失分原因, then the unit's columns.
#[derive(Clone, Copy)]
struct Cols {
    with_self: bool,
}

impl Cols {
    fn of(self, role: Role) -> u16 {
        let reason = if self.with_self { 7 } else { 5 };
        match role {
            Role::Number => 0,
            Role::Indicator => 1,
            Role::Max => 2,
            Role::Score => 3,
            Role::Lost => 4,
            Role::Reason => reason,
            Role::Measure => reason + 1,
            Role::Department => reason + 2,
            Role::Person => reason + 3,
            Role::Deadline => reason + 4,
            Role::Status => reason + 5,
            Role::Evidence => reason + 6,
        }
    }

    fn last(self) -> u16 {
        self.of(Role::Evidence)
    }

    /// Widths in characters.
    fn width(role: Role) -> f64 {
        match role {
            Role::Number => 5.0,
            Role::Indicator => W_ITEM as f64,
            Role::Max | Role::Score | Role::Lost => 7.0,
            Role::Reason => W_REASON as f64,
            Role::Measure => W_MEASURE as f64,
            Role::Department => 11.0,
            Role::Person => 9.0,
            Role::Deadline => 12.0,
            Role::Status => 11.0,
            Role::Evidence => 16.0,
        }
    }
}

const W_ITEM: usize = 24;
const W_REASON: usize = 42;
const W_MEASURE: usize = 28;
const W_SELF: f64 = 9.0;

/// One row of the ledger: a thing to put right.
struct LedgerRow<'a> {
    kind: RowKind,
    indicator: String,
    /// A line's points, for a line row.
    lost: Option<Lost<'a>>,
    reason: String,
    /// The line's criteria (评分标准), shown once, as the 指标 cell's note.
    criteria: Option<String>,
}

/// What the info sheet records of a row written (`input::ledger`).
struct Written {
    row: u32,
    kind: RowKind,
    line: String,
    max: String,
    score: String,
    lost: String,
    indicator: String,
}

fn workbook(
    p: &Paperwork,
    rr: &RubricResult,
    u: &UnitResult,
    deadline: Option<Date>,
) -> Result<Vec<u8>, XlsxError> {
    let r = p.rubric(rr);
    let unit = &r.units[u.unit];
    let title = p.tr(msg!(
        "ledger-title",
        unit = &unit.name,
        subject = p.subject()
    ));
    let mut book = Workbook::new();
    book.set_properties(&crate::report::workbook_properties(p.catalog, &title));
    book.set_default_format(&cjk(Format::new()), 18, 64)?;
    let me = UnitRef {
        rubric: rr.rubric,
        unit: u.unit,
    };
    let with_self = p.compare.claims.is_some();
    let list = Ledger {
        p,
        rr,
        u,
        r,
        me,
        f: Formats::new(r.decimals),
        claims: p
            .compare
            .claims
            .as_ref()
            .and_then(|c| c.of(rr.rubric, u.unit)),
        cols: Cols { with_self },
        deadline,
    };
    let sheet_name = p.tr(msg!("feedback-sheet-lost"));
    let sheet = book.add_worksheet();
    sheet.set_name(&sheet_name)?;
    let (unit_cell, written) = list.sheet(sheet, &title)?;
    records_sheet(p, &mut book, r, me)?;
    let info = book.add_worksheet();
    info_sheet(info, &list, &sheet_name, unit_cell, &written)?;
    book.save_to_buffer()
}

/// One unit's ledger and how it is laid out.
struct Ledger<'a> {
    p: &'a Paperwork<'a>,
    rr: &'a RubricResult,
    u: &'a UnitResult,
    r: &'a Rubric,
    me: UnitRef,
    f: Formats,
    claims: Option<&'a crate::model::compare::SelfScore>,
    cols: Cols,
    deadline: Option<Date>,
}

impl Ledger<'_> {
    fn tr(&self, m: Message) -> String {
        self.p.tr(m)
    }

    /// The first sheet; returns the header's unit cell (row, column) and
    /// the rows written, for the info sheet.
    fn sheet(
        &self,
        sheet: &mut Worksheet,
        title: &str,
    ) -> Result<((u32, u16), Vec<Written>), XlsxError> {
        let c = self.cols;
        self.columns(sheet)?;
        sheet.merge_range(0, 0, 0, c.last(), title, &self.f.title)?;
        sheet.set_row_height(0, 30)?;
        let (mut row, unit_cell) = self.facts(sheet)?;
        row += 1;
        let header_row = row;
        self.header(sheet, row)?;
        let rows = self.rows();
        let (next, written) = self.body(sheet, row + 1, &rows)?;
        self.closing(sheet, next + 1, &rows)?;
        sheet.set_freeze_panes(header_row + 1, 0)?;
        sheet.set_repeat_rows(header_row, header_row)?;
        crate::tables::sheet::a4_one_page_wide(sheet, true);
        sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
        sheet.set_print_center_horizontally(true);
        sheet.set_footer(self.tr(msg!("xlsx-page-footer")));
        sheet.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::new()
        });
        Ok((unit_cell, written))
    }

    fn columns(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for role in Role::ALL {
            sheet.set_column_width(self.cols.of(role), Cols::width(role))?;
        }
        if self.cols.with_self {
            sheet.set_column_width(5, W_SELF)?;
            sheet.set_column_width(6, W_SELF)?;
        }
        Ok(())
    }

    /// The header: the unit, its total, grade and rank and the date the
    /// ledger is due back (label in A:B, value from C), then the notes on
    /// the unit. Returns the next row and the unit's cell.
    fn facts(&self, sheet: &mut Worksheet) -> Result<(u32, (u32, u16)), XlsxError> {
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
        if let Some(first) = p.first_of(self.me).filter(|_| u.adjusted) {
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
        facts.push((
            tr(msg!("ledger-due")),
            Fact::Text(
                self.deadline
                    .map(|d| tr(super::paperwork::date_text(d)))
                    .unwrap_or_default(),
            ),
        ));
        let value_last = self.cols.of(Role::Reason);
        let mut row = 1u32;
        for (label, value) in &facts {
            sheet.merge_range(row, 0, row, 1, label, &self.f.label)?;
            match value {
                Fact::Text(t) => {
                    sheet.merge_range(row, 2, row, value_last, t, &self.f.value)?;
                }
                Fact::Score(d) => {
                    let fmt = self
                        .f
                        .value
                        .clone()
                        .set_num_format(decimals_format(r.decimals));
                    sheet.merge_range(row, 2, row, value_last, "", &fmt)?;
                    sheet.write_number_with_format(row, 2, number(*d), &fmt)?;
                }
            }
            sheet.set_row_height(row, 18)?;
            row += 1;
        }
        let width = self.text_width();
        for note in unit_notes(p, r, u) {
            sheet.merge_range(row, 0, row, self.cols.last(), &note, &self.f.plain_wrap)?;
            sheet.set_row_height(row, height(lines(&note, width)))?;
            row += 1;
        }
        Ok((row, (1, 2)))
    }

    /// The width of a line across the sheet, in characters.
    fn text_width(&self) -> usize {
        let all: f64 = Role::ALL.iter().map(|r| Cols::width(*r)).sum();
        all as usize + if self.cols.with_self { 18 } else { 0 }
    }

    fn header(&self, sheet: &mut Worksheet, row: u32) -> Result<(), XlsxError> {
        for role in Role::ALL {
            let h = self.tr(role.header());
            sheet.write_string_with_format(row, self.cols.of(role), &h, &self.f.header)?;
        }
        if self.cols.with_self {
            let self_score = self.tr(msg!("feedback-col-self"));
            let self_diff = self.tr(msg!("feedback-col-self-diff"));
            sheet.write_string_with_format(row, 5, &self_score, &self.f.header)?;
            sheet.write_string_with_format(row, 6, &self_diff, &self.f.header)?;
        }
        sheet.set_row_height(row, 30)?;
        Ok(())
    }

    /// The rows in order: the veto, the general remarks, each line that
    /// cost points in rubric order.
    fn rows(&self) -> Vec<LedgerRow<'_>> {
        let (p, r, u) = (self.p, self.r, self.u);
        let lost = p.lost(r, u);
        let leaves: Vec<usize> = lost.iter().map(|l| l.item).collect();
        let remarks = remarks(p, r, self.me, &leaves);
        let mut out = Vec::new();
        if u.veto.is_some() {
            out.push(LedgerRow {
                kind: RowKind::Veto,
                indicator: self.tr(msg!("ledger-veto")),
                lost: None,
                reason: self.veto_reason(),
                criteria: None,
            });
        }
        if !remarks.general.is_empty() {
            let text = remarks
                .general
                .iter()
                .map(|(scorer, parts)| {
                    self.tr(msg!(
                        "ledger-general-line",
                        scorer = &r.scorers[*scorer].name,
                        remarks = parts.join(&self.tr(msg!("ledger-separator")))
                    ))
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.push(LedgerRow {
                kind: RowKind::General,
                indicator: self.tr(msg!("ledger-general")),
                lost: None,
                reason: text,
                criteria: None,
            });
        }
        for l in lost {
            let item = &r.items[l.item];
            out.push(LedgerRow {
                kind: RowKind::Line,
                indicator: p.path(r, l.item),
                reason: reasons(p, r, self.me, &l, &remarks),
                criteria: item
                    .criteria
                    .as_deref()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string),
                lost: Some(l),
            });
        }
        out
    }

    /// The veto's row: each veto record, what it makes of the grade and
    /// (when the rubric says so) of the total.
    fn veto_reason(&self) -> String {
        let (p, r, u) = (self.p, self.r, self.u);
        let mut lines: Vec<String> = p
            .records(self.me)
            .filter(|x| x.kind == Kind::Veto)
            .enumerate()
            .map(|(k, rec)| {
                let method = super::paperwork::method_label(r, rec.method);
                let text = if rec.note.trim().is_empty() {
                    msg!(
                        "ledger-veto-record",
                        date = rec.date.to_string(),
                        method = method
                    )
                } else {
                    msg!(
                        "ledger-veto-record-note",
                        date = rec.date.to_string(),
                        method = method,
                        note = rec.note.trim()
                    )
                };
                self.tr(msg!("feedback-numbered", number = k + 1, text = text))
            })
            .collect();
        lines.push(self.tr(msg!("ledger-veto-grade", grade = p.grade_name(r, u.grade))));
        if u.before_veto != u.total {
            lines.push(self.tr(msg!(
                "feedback-note-veto-total",
                before = fixed(u.before_veto, r.decimals),
                total = fixed(u.total, r.decimals)
            )));
        }
        lines.join("\n")
    }

    /// The rows from `row` on, then the total row of the lines; returns
    /// the next free row and what was written.
    fn body(
        &self,
        sheet: &mut Worksheet,
        mut row: u32,
        rows: &[LedgerRow],
    ) -> Result<(u32, Vec<Written>), XlsxError> {
        let (c, f) = (self.cols, &self.f);
        let mut written = Vec::new();
        if rows.is_empty() {
            let nothing = self.tr(msg!("feedback-nothing-lost"));
            sheet.merge_range(row, 0, row, c.last(), &nothing, &f.text)?;
            sheet.set_row_height(row, 20)?;
            return Ok((row + 1, written));
        }
        let first = row;
        for (k, x) in rows.iter().enumerate() {
            written.push(self.write_row(sheet, row, k, x)?);
            row += 1;
        }
        self.status_drop_down(sheet, first, row - 1)?;
        if rows.iter().any(|x| x.lost.is_some()) {
            self.total_row(sheet, row, rows)?;
            row += 1;
        }
        Ok((row, written))
    }

    /// The `k`th row of the ledger at `row`: the office's cells, locked,
    /// and the unit's, open; returns what the info sheet records of it.
    fn write_row(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        k: usize,
        x: &LedgerRow,
    ) -> Result<Written, XlsxError> {
        let (c, f) = (self.cols, &self.f);
        sheet.write_number_with_format(row, c.of(Role::Number), (k + 1) as f64, &f.center)?;
        sheet.write_string_with_format(row, c.of(Role::Indicator), &x.indicator, &f.wrap)?;
        let mut w = Written {
            row: row + 1,
            kind: x.kind,
            line: String::new(),
            max: String::new(),
            score: String::new(),
            lost: String::new(),
            indicator: x.indicator.clone(),
        };
        match &x.lost {
            Some(l) => {
                let item = &self.r.items[l.item];
                sheet.write_number_with_format(
                    row,
                    c.of(Role::Max),
                    number(item.max),
                    &f.center,
                )?;
                sheet.write_number_with_format(
                    row,
                    c.of(Role::Score),
                    number(l.outcome.score),
                    &f.score,
                )?;
                sheet.write_number_with_format(row, c.of(Role::Lost), number(l.lost), &f.score)?;
                if c.with_self {
                    self.claim_cells(sheet, row, l)?;
                }
                w.line = item.id.clone();
                w.max = plain(item.max);
                w.score = plain(l.outcome.score);
                w.lost = plain(l.lost);
            }
            None => {
                for col in c.of(Role::Max)..c.of(Role::Reason) {
                    sheet.write_blank(row, col, &f.text)?;
                }
            }
        }
        if let Some(criteria) = &x.criteria {
            self.criteria_note(sheet, row, criteria)?;
        }
        sheet.write_string_with_format(row, c.of(Role::Reason), &x.reason, &f.wrap)?;
        for role in [
            Role::Measure,
            Role::Department,
            Role::Person,
            Role::Status,
            Role::Evidence,
        ] {
            sheet.write_blank(row, c.of(role), &f.input)?;
        }
        sheet.write_blank(row, c.of(Role::Deadline), &f.input_date)?;
        let n = lines(&x.reason, W_REASON - 2).max(lines(&x.indicator, W_ITEM - 2));
        sheet.set_row_height(row, height(n.max(2)))?;
        Ok(w)
    }

    /// A line's criteria (评分标准), as the note of its 指标 cell.
    fn criteria_note(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        criteria: &str,
    ) -> Result<(), XlsxError> {
        let note = self.p.tr(msg!("feedback-criteria", criteria = criteria));
        let tall = lines(&note, 26).min(40) as u32;
        sheet.insert_note(
            row,
            self.cols.of(Role::Indicator),
            &Note::new(note)
                .set_author(self.tr(msg!("ledger-note-author")))
                .add_author_prefix(false)
                .set_font_name(FONT)
                .set_width(380)
                .set_height(tall * 18 + 12),
        )?;
        Ok(())
    }

    /// 整改情况 from row `first` to `last`: one of three words.
    fn status_drop_down(
        &self,
        sheet: &mut Worksheet,
        first: u32,
        last: u32,
    ) -> Result<(), XlsxError> {
        let words: Vec<String> = Status::ALL.iter().map(|s| s.word(self.p.lang)).collect();
        let validation = DataValidation::new()
            .allow_list_strings(&words)?
            .set_input_title(clip(&self.tr(msg!("ledger-status-input-title")), 32))?
            .set_input_message(clip(
                &self.tr(msg!("ledger-status-input", words = words.join(" / "))),
                255,
            ))?
            .set_error_title(clip(&self.tr(msg!("ledger-status-error-title")), 32))?
            .set_error_message(clip(
                &self.tr(msg!("ledger-status-error", words = words.join(" / "))),
                255,
            ))?;
        let status = self.cols.of(Role::Status);
        sheet.add_data_validation(first, status, last, status, &validation)?;
        Ok(())
    }

    /// 合计 at `row`: the lines' 分值, 得分 and 失分 added up.
    fn total_row(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        rows: &[LedgerRow],
    ) -> Result<(), XlsxError> {
        let (c, f) = (self.cols, &self.f);
        let lost: Vec<&Lost> = rows.iter().filter_map(|x| x.lost.as_ref()).collect();
        let sum_max: Decimal = lost.iter().map(|l| self.r.items[l.item].max).sum();
        let sum_score: Decimal = lost.iter().map(|l| l.outcome.score).sum();
        let sum_lost: Decimal = lost.iter().map(|l| l.lost).sum();
        let total = self.tr(msg!("feedback-total-row"));
        sheet.merge_range(row, 0, row, 1, &total, &f.total_label)?;
        sheet.write_number_with_format(row, c.of(Role::Max), number(sum_max), &f.total_label)?;
        sheet.write_number_with_format(
            row,
            c.of(Role::Score),
            number(sum_score),
            &f.total_score,
        )?;
        sheet.write_number_with_format(row, c.of(Role::Lost), number(sum_lost), &f.total_score)?;
        for col in c.of(Role::Lost) + 1..=c.last() {
            sheet.write_blank(row, col, &f.text)?;
        }
        // As tall as a line of text: left to its default, LibreOffice
        // draws the row too short for its numbers.
        sheet.set_row_height(row, 20)?;
        Ok(())
    }

    /// Under the rows: what to do and by when, and the lines for who
    /// filled the ledger in (open).
    fn closing(
        &self,
        sheet: &mut Worksheet,
        mut row: u32,
        rows: &[LedgerRow],
    ) -> Result<(), XlsxError> {
        let (c, f, r) = (self.cols, &self.f, self.r);
        let width = self.text_width();
        let lines_lost: Vec<&Lost> = rows.iter().filter_map(|x| x.lost.as_ref()).collect();
        let mut said = Vec::new();
        if !rows.is_empty() {
            let sum: Decimal = lines_lost.iter().map(|l| l.lost).sum();
            said.push(self.tr(msg!(
                "ledger-summary",
                rows = rows.len(),
                count = lines_lost.len(),
                lost = fixed(sum, r.decimals),
                words = crate::text::list(Status::ALL.iter().map(|s| s.word(self.p.lang)))
            )));
        }
        said.push(match self.deadline {
            Some(d) => self.tr(msg!(
                "ledger-due-line",
                date = super::paperwork::date_text(d)
            )),
            None => self.tr(msg!("ledger-due-line-blank")),
        });
        for text in said {
            sheet.merge_range(row, 0, row, c.last(), &text, &f.plain_wrap)?;
            sheet.set_row_height(row, height(lines(&text, width)))?;
            row += 1;
        }
        row += 1;
        // 填报人, 联系电话, 报送日期: a label and an open cell each.
        let pairs = [
            (msg!("ledger-filled-by"), 0u16, 1u16, 2u16, 4u16),
            (
                msg!("ledger-phone"),
                c.of(Role::Reason),
                c.of(Role::Reason),
                c.of(Role::Measure),
                c.of(Role::Measure),
            ),
            (
                msg!("ledger-sent-on"),
                c.of(Role::Department),
                c.of(Role::Person),
                c.of(Role::Deadline),
                c.of(Role::Status),
            ),
        ];
        let label = f.label.clone().set_align(FormatAlign::Right);
        for (text, l0, l1, v0, v1) in pairs {
            let text = self.tr(text);
            if l0 == l1 {
                sheet.write_string_with_format(row, l0, &text, &label)?;
            } else {
                sheet.merge_range(row, l0, row, l1, &text, &label)?;
            }
            if v0 == v1 {
                sheet.write_blank(row, v0, &f.input)?;
            } else {
                sheet.merge_range(row, v0, row, v1, "", &f.input)?;
            }
        }
        sheet.set_row_height(row, 22)?;
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

/// The hidden sheet `assess rectify` recognises the ledger by: the rubric,
/// year and unit, where the ledger's sheet, unit cell and columns are, and
/// each row with the office's cells as written (`input::ledger`).
fn info_sheet(
    sheet: &mut Worksheet,
    list: &Ledger,
    ledger_sheet: &str,
    unit_cell: (u32, u16),
    written: &[Written],
) -> Result<(), XlsxError> {
    let p = list.p;
    sheet.set_name(p.tr(msg!("ledger-info-sheet")))?;
    let f = &list.f.plain;
    sheet.write_string_with_format(0, 0, vocab::MARKER, f)?;
    sheet.write_string_with_format(0, 1, p.tr(msg!("ledger-info-note")), f)?;
    let r = list.r;
    let facts = [
        (vocab::KEY_RUBRIC, r.id.clone()),
        (vocab::KEY_YEAR, r.year.to_string()),
        (vocab::KEY_UNIT, r.units[list.u.unit].id.clone()),
        (vocab::KEY_SHEET, ledger_sheet.to_string()),
        (
            vocab::KEY_UNIT_CELL,
            vocab::reference(unit_cell.0 as usize + 1, unit_cell.1 as usize + 1),
        ),
    ];
    let mut row = 1u32;
    for (key, value) in facts {
        sheet.write_string_with_format(row, 0, key, f)?;
        sheet.write_string_with_format(row, 1, value, f)?;
        row += 1;
    }
    for role in Role::ALL {
        sheet.write_string_with_format(row, 0, vocab::KEY_COLUMN, f)?;
        sheet.write_string_with_format(row, 1, role.id(), f)?;
        sheet.write_string_with_format(row, 2, (list.cols.of(role) + 1).to_string(), f)?;
        row += 1;
    }
    for w in written {
        let cells = [
            vocab::KEY_ROW.to_string(),
            w.row.to_string(),
            w.kind.id().to_string(),
            w.line.clone(),
            w.max.clone(),
            w.score.clone(),
            w.lost.clone(),
            w.indicator.clone(),
        ];
        for (col, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string_with_format(row, col as u16, text, f)?;
            }
        }
        row += 1;
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 16)?;
    // Very hidden: not offered by a spreadsheet's 取消隐藏, so the office's
    // values rectify compares against stay as written.
    sheet.set_very_hidden(true);
    sheet.protect();
    Ok(())
}

enum Fact {
    Text(String),
    Score(Decimal),
}

/// What the unit's result needs said above its ledger: a rescaled total,
/// a provisional score, the review's changes, a quota, a gated bonus (the
/// veto is the ledger's first row).
fn unit_notes(p: &Paperwork, r: &Rubric, u: &UnitResult) -> Vec<String> {
    let mut out = Vec::new();
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

/// The scorers' notes on a unit, placed: a long table's note on its own
/// line; a wide table's row note (the same text recorded on each leaf of
/// the row) once, split at `；`/`;`, each part on the line it begins with
/// (a group's on each of its leaves; the longest id or title wins), the
/// parts that name no line kept for the general remarks.
#[derive(Default)]
struct Remarks {
    /// Per leaf: (scorer, note), in the order read.
    by_leaf: HashMap<usize, Vec<(usize, String)>>,
    /// (scorer, its parts that name no line), in the order read.
    general: Vec<(usize, Vec<String>)>,
}

fn remarks(p: &Paperwork, r: &Rubric, me: UnitRef, rows: &[usize]) -> Remarks {
    let mut out = Remarks::default();
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for n in p.notes(me) {
        let text = n.note.trim();
        if text.is_empty() {
            continue;
        }
        if !n.wide {
            out.by_leaf
                .entry(n.item)
                .or_default()
                .push((n.scorer, clause(text).to_string()));
            continue;
        }
        if seen.contains(&(n.scorer, text)) {
            continue;
        }
        seen.push((n.scorer, text));
        for part in text
            .split(['；', ';'])
            .map(clause)
            .filter(|s| !s.is_empty())
        {
            match named_line(r, part) {
                // A part on a line that cost nothing has nothing to put right.
                Some(line) => {
                    for leaf in r.leaves(line).filter(|l| rows.contains(l)) {
                        out.by_leaf
                            .entry(leaf)
                            .or_default()
                            .push((n.scorer, part.to_string()));
                    }
                }
                None => match out.general.iter_mut().find(|(s, _)| *s == n.scorer) {
                    Some((_, parts)) => parts.push(part.to_string()),
                    None => out.general.push((n.scorer, vec![part.to_string()])),
                },
            }
        }
    }
    out
}

/// The leaf or group a remark begins with: its id (not followed by more of
/// an id: `1.2` does not begin `1.20`) or its title; the longest wins, a
/// leaf over a group of the same length.
fn named_line(r: &Rubric, part: &str) -> Option<Line> {
    let mut best: Option<(usize, Line)> = None;
    let mut consider = |len: usize, line: Line| {
        if best.is_none_or(|(l, _)| len > l) {
            best = Some((len, line));
        }
    };
    let names = r
        .items
        .iter()
        .enumerate()
        .map(|(i, x)| (&x.id, &x.title, Line::Leaf(i)))
        .chain(
            r.groups
                .iter()
                .enumerate()
                .map(|(g, x)| (&x.id, &x.title, Line::Group(g))),
        );
    for (id, title, line) in names {
        if begins_with_id(part, id) {
            consider(id.len(), line);
        }
        if !title.is_empty() && part.starts_with(title.as_str()) {
            consider(title.len(), line);
        }
    }
    best.map(|(_, line)| line)
}

fn begins_with_id(part: &str, id: &str) -> bool {
    let Some(rest) = part.strip_prefix(id).filter(|_| !id.is_empty()) else {
        return false;
    };
    let mut next = rest.chars();
    match next.next() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-' => false,
        Some('.') => !next.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Why a leaf lost points, one line each: the daily records on it (date,
/// method, rule and count, points, note), each scorer's score and note
/// (and, with several scorers, the weighted sum worked out), remarks of
/// other scorers naming the line, the caps that applied, the review's
/// changes. (The criteria are the 指标 cell's note.)
fn reasons(p: &Paperwork, r: &Rubric, me: UnitRef, l: &Lost, remarks: &Remarks) -> String {
    let notes = remarks.by_leaf.get(&l.item);
    let mut lines = record_lines(p, r, me, l);
    lines.extend(scorer_lines(p, r, me, l, notes));
    lines.extend(other_remarks(p, r, l, notes));
    lines.extend(how_scored(p, r, l));
    lines.extend(review_lines(p, r, me, l));
    lines.join("\n")
}

/// The records on the leaf, and the zero records on a group or section
/// above it, numbered.
fn record_lines(p: &Paperwork, r: &Rubric, me: UnitRef, l: &Lost) -> Vec<String> {
    p.records(me)
        .filter(|x| x.line.is_some_and(|ln| r.leaves(ln).contains(&l.item)))
        .enumerate()
        .map(|(k, rec)| {
            p.tr(msg!(
                "feedback-numbered",
                number = k + 1,
                text = p.record_line(r, rec)
            ))
        })
        .collect()
}

/// A scorer's remarks on the leaf.
fn notes_of(notes: Option<&Vec<(usize, String)>>, scorer: usize) -> Vec<&str> {
    notes
        .into_iter()
        .flatten()
        .filter(|(s, _)| *s == scorer)
        .map(|(_, n)| n.as_str())
        .collect()
}

/// Each scorer's score (weighted, with several) and remarks; with several
/// scorers that all scored, the weighted sum worked out.
fn scorer_lines(
    p: &Paperwork,
    r: &Rubric,
    me: UnitRef,
    l: &Lost,
    notes: Option<&Vec<(usize, String)>>,
) -> Vec<String> {
    let tr = |m: Message| p.tr(m);
    let item = &r.items[l.item];
    let ui = p.inputs.unit(me);
    let annual = &ui.items[l.item].annual;
    let weighted = item.scorers.len() > 1;
    let separator = tr(msg!("ledger-separator"));
    let mut lines = Vec::new();
    let mut terms: Vec<String> = Vec::new();
    for (slot, w) in item.scorers.iter().enumerate() {
        let scorer = &r.scorers[w.scorer].name;
        let value = annual
            .get(slot)
            .and_then(|a| a.as_ref())
            .and_then(|a| a.value);
        let m = match value {
            Some(v) => {
                terms.push(format!("{}×{}", plain(w.weight), plain(v)));
                msg!(
                    "feedback-annual",
                    scorer = scorer,
                    score = plain(v),
                    max = plain(item.max),
                    weight = if weighted {
                        msg!("feedback-weight", weight = plain(w.weight))
                    } else {
                        msg!("feedback-no-weight")
                    }
                )
            }
            None => msg!("feedback-annual-missing", scorer = scorer),
        };
        let mut line = tr(m);
        let own = notes_of(notes, w.scorer);
        if !own.is_empty() {
            line = tr(msg!(
                "feedback-with-note",
                text = line,
                note = own.join(&separator)
            ));
        }
        lines.push(line);
    }
    if weighted && terms.len() == item.scorers.len() {
        let base = crate::num::round(l.outcome.base, r.decimals);
        lines.push(tr(msg!(
            "ledger-weighted",
            formula = format!("{}={}", terms.join("+"), plain(base))
        )));
    }
    lines
}

/// Remarks on the line by scorers that do not score it (a wide table's).
fn other_remarks(
    p: &Paperwork,
    r: &Rubric,
    l: &Lost,
    notes: Option<&Vec<(usize, String)>>,
) -> Vec<String> {
    let item = &r.items[l.item];
    let separator = p.tr(msg!("ledger-separator"));
    let mut others: Vec<usize> = Vec::new();
    for (s, _) in notes.into_iter().flatten() {
        if !item.scorers.iter().any(|w| w.scorer == *s) && !others.contains(s) {
            others.push(*s);
        }
    }
    others
        .into_iter()
        .map(|s| {
            p.tr(msg!(
                "ledger-remark",
                scorer = &r.scorers[s].name,
                note = notes_of(notes, s).join(&separator)
            ))
        })
        .collect()
}

/// How the leaf was scored: its measure (or where an unscored line
/// starts), the caps that applied, a zeroing or the floor.
fn how_scored(p: &Paperwork, r: &Rubric, l: &Lost) -> Vec<String> {
    let tr = |m: Message| p.tr(m);
    let item = &r.items[l.item];
    let o = l.outcome;
    let mut lines = Vec::new();
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
    } else if o.raw < item.floor && r.part_of(l.item) != PartKind::Penalty {
        lines.push(tr(if item.floor.is_zero() {
            msg!("feedback-floor")
        } else {
            msg!("feedback-floor-below", floor = plain(item.floor))
        }));
    }
    lines
}

/// The review's changes to the leaf, and its score before the review
/// when that differs.
fn review_lines(p: &Paperwork, r: &Rubric, me: UnitRef, l: &Lost) -> Vec<String> {
    let tr = |m: Message| p.tr(m);
    let o = l.outcome;
    let mut lines = Vec::new();
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
    lines
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
    let header = cjk(Format::new())
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_background_color(rust_xlsxwriter::Color::RGB(style::PRINT_HEADER_SHADE));
    let cell = cjk(Format::new())
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
        sheet.write_string_with_format(
            1,
            0,
            tr(msg!("feedback-no-records")),
            &cjk(Format::new()),
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    crate::tables::sheet::a4_one_page_wide(sheet, true);
    sheet.set_footer(tr(msg!("xlsx-page-footer")));
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
