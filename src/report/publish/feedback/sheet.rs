//! The ledger's first sheet, top to bottom: the unit's header, the rows to
//! put right with the unit's columns open, the 合计 row, and the lines the
//! unit signs (填报人, 联系电话, 报送日期).

use rust_decimal::Decimal;
use rust_xlsxwriter::{DataValidation, FormatAlign, Note, ProtectionOptions, Worksheet, XlsxError};

use super::format::{Cols, FONT, W_ITEM, W_REASON, W_SELF, decimals_format, height, lines};
use super::reasons::{reasons, remarks, unit_notes};
use super::{Fact, Ledger, LedgerRow};
use crate::model::ledger::{OfficeRow, Role, RowKind, Status};
use crate::model::record::Kind;
use crate::num::{fixed, plain};
use crate::report::publish::paperwork::Lost;
use crate::tables::style::{clip, number};
use crate::text::i18n::Message;
use crate::text::i18n::msg;
use crate::text::labels::{ledger_column_label, status_label};

impl Ledger<'_> {
    pub(super) fn tr(&self, m: Message) -> String {
        self.p.tr(m)
    }

    /// The first sheet; returns the header's unit cell (row, column) and
    /// the rows written, for the info sheet.
    pub(super) fn sheet(
        &self,
        sheet: &mut Worksheet,
        title: &str,
    ) -> Result<((u32, u16), Vec<OfficeRow>), XlsxError> {
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

    pub(super) fn columns(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
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
    pub(super) fn facts(&self, sheet: &mut Worksheet) -> Result<(u32, (u32, u16)), XlsxError> {
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
                    .map(|d| tr(crate::report::publish::paperwork::date_text(d)))
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

    pub(super) fn header(&self, sheet: &mut Worksheet, row: u32) -> Result<(), XlsxError> {
        for role in Role::ALL {
            let h = self.tr(ledger_column_label(role));
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
    pub(super) fn rows(&self) -> Vec<LedgerRow<'_>> {
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
                let method = crate::report::publish::paperwork::method_label(r, rec.method);
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
    ) -> Result<(u32, Vec<OfficeRow>), XlsxError> {
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
    ) -> Result<OfficeRow, XlsxError> {
        let (c, f) = (self.cols, &self.f);
        sheet.write_number_with_format(row, c.of(Role::Number), (k + 1) as f64, &f.center)?;
        sheet.write_string_with_format(row, c.of(Role::Indicator), &x.indicator, &f.wrap)?;
        let mut w = OfficeRow {
            row: row as usize + 1,
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
        let words: Vec<String> = Status::ALL
            .iter()
            .map(|s| self.tr(status_label(*s)))
            .collect();
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
                words = crate::text::list(Status::ALL.iter().map(|s| self.tr(status_label(*s))))
            )));
        }
        said.push(match self.deadline {
            Some(d) => self.tr(msg!(
                "ledger-due-line",
                date = crate::report::publish::paperwork::date_text(d)
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
