//! The results notice (考核结果通报) of `publish`: one document, written as
//! Markdown (`通报.md`) and as a real Word document (`通报.docx`, A4, with
//! the fonts and sizes of government documents: 仿宋 for the text, 黑体 for
//! the title and headings).
//!
//! Its text is built once as blocks, then laid out in each format.

use rust_decimal::Decimal;

use super::paperwork::{Grid, Paperwork};
use crate::model::record::Kind;
use crate::model::results::RubricResult;
use crate::num::{self, fixed, plain};
use crate::text::i18n::Message;
use crate::text::i18n::msg;
use crate::text::list_all;

/// A part of the notice.
#[derive(Debug, Clone)]
pub enum Block {
    Title(String),
    Salutation(String),
    Para(String),
    Heading(String),
    Table { caption: String, grid: Grid },
    Note(String),
}

/// The notice's text, in order.
pub fn blocks(p: &Paperwork) -> Vec<Block> {
    let mut out = Vec::new();
    opening(p, &mut out);
    review_paragraph(p, &mut out);
    for (k, rr) in p.results.rubrics.iter().enumerate() {
        rubric_blocks(p, k, rr, &mut out);
    }
    closing(p, &mut out);
    review_annex(p, &mut out);
    // Notes quoted from the inputs may hold control characters, which no
    // Word document may: written as escapes, in the docx and the Markdown.
    out.into_iter().map(Block::printable).collect()
}

impl Block {
    fn printable(self) -> Block {
        let p = |s: String| crate::text::printable(&s).into_owned();
        match self {
            Block::Title(s) => Block::Title(p(s)),
            Block::Salutation(s) => Block::Salutation(p(s)),
            Block::Para(s) => Block::Para(p(s)),
            Block::Heading(s) => Block::Heading(p(s)),
            Block::Note(s) => Block::Note(p(s)),
            Block::Table { caption, grid } => Block::Table {
                caption: p(caption),
                grid: Grid {
                    header: grid.header.into_iter().map(p).collect(),
                    rows: grid
                        .rows
                        .into_iter()
                        .map(|r| r.into_iter().map(p).collect())
                        .collect(),
                    numeric: grid.numeric,
                },
            },
        }
    }
}

/// The title, to whom, and what was assessed, how and by whom.
fn opening(p: &Paperwork, out: &mut Vec<Block>) {
    let tr = |m: Message| p.tr(m);
    let subject = p.subject();
    out.push(Block::Title(if p.results.provisional() {
        tr(msg!("notice-title-provisional", subject = &subject))
    } else {
        tr(msg!("notice-title", subject = &subject))
    }));
    let rubrics = &p.catalog.rubrics;
    let classes: Vec<&str> = rubrics.iter().filter_map(|r| r.class()).collect();
    out.push(Block::Salutation(if classes.len() == rubrics.len() {
        tr(msg!(
            "notice-salutation",
            classes = list_all(classes.iter().copied())
        ))
    } else {
        tr(msg!("notice-salutation-all"))
    }));
    let titles: Vec<Message> = rubrics
        .iter()
        .map(|r| msg!("notice-rubric-name", title = &r.title))
        .collect();
    let units: Vec<Message> = p
        .results
        .rubrics
        .iter()
        .map(|rr| {
            let r = p.rubric(rr);
            match r.class() {
                Some(c) => msg!("notice-units-of-class", class = c, count = rr.units.len()),
                None => msg!("notice-units", count = rr.units.len()),
            }
        })
        .collect();
    let mut scorers: Vec<&str> = Vec::new();
    for r in rubrics {
        for s in &r.scorers {
            if !scorers.contains(&s.name.as_str()) {
                scorers.push(&s.name);
            }
        }
    }
    let records = p.all_records();
    let count = |k: Kind| records.iter().filter(|r| r.kind == k).count();
    out.push(Block::Para(tr(msg!(
        "notice-opening",
        rubrics = join_titles(p, titles),
        units = list_all(units),
        scorers = list_all(scorers.iter().copied()),
        records = records.len(),
        deducts = count(Kind::Deduct),
        adds = count(Kind::Add),
        vetoes = count(Kind::Veto)
    ))));
    if p.results.provisional() {
        out.push(Block::Para(tr(msg!(
            "notice-provisional",
            count = p.results.missing
        ))));
    }
}

/// One rubric's part: its summary, the units of each grade, the notes on
/// vetoes, rescaling, conversion and missing scores, and its table.
fn rubric_blocks(p: &Paperwork, k: usize, rr: &RubricResult, out: &mut Vec<Block>) {
    let tr = |m: Message| p.tr(m);
    let r = p.rubric(rr);
    let name = p.heading(r);
    out.push(Block::Heading(tr(msg!(
        "notice-rubric-heading",
        number = p.ordinal(k + 1),
        name = &name
    ))));
    if !rr.units.is_empty() {
        let sum: Decimal = rr.units.iter().map(|u| u.total).sum();
        let n = Decimal::from(rr.units.len());
        let average = num::div_round(sum, n, r.decimals).unwrap_or(Decimal::ZERO);
        let max = rr.units.iter().map(|u| u.total).max().unwrap_or_default();
        let min = rr.units.iter().map(|u| u.total).min().unwrap_or_default();
        out.push(Block::Para(tr(msg!(
            "notice-summary",
            count = rr.units.len(),
            average = fixed(average, r.decimals),
            max = fixed(max, r.decimals),
            min = fixed(min, r.decimals)
        ))));
    }
    for (g, units) in p.by_grade(rr).iter().enumerate() {
        let grade = p.grade_name(r, g);
        if units.is_empty() {
            out.push(Block::Para(tr(msg!("notice-grade-none", grade = grade))));
            continue;
        }
        let names: Vec<Message> = units
            .iter()
            .map(|u| {
                let name = &r.units[u.unit].name;
                if u.veto.is_some() {
                    msg!("notice-unit-vetoed", unit = name)
                } else {
                    msg!("notice-unit", unit = name)
                }
            })
            .collect();
        out.push(Block::Para(tr(msg!(
            "notice-grade-line",
            grade = grade,
            count = units.len(),
            units = list_all(names)
        ))));
    }
    for u in rr.units.iter().filter(|u| u.veto.is_some()) {
        let unit = crate::model::catalog::UnitRef {
            rubric: rr.rubric,
            unit: u.unit,
        };
        let reason = p
            .records(unit)
            .find(|rec| rec.kind == Kind::Veto)
            .map(|rec| {
                if rec.note.is_empty() {
                    msg!(
                        "notice-veto-record",
                        date = super::paperwork::date_text(rec.date),
                        method = super::paperwork::method_label(p.rubric(rr), rec.method)
                    )
                } else {
                    msg!(
                        "notice-veto-record-note",
                        date = super::paperwork::date_text(rec.date),
                        method = super::paperwork::method_label(p.rubric(rr), rec.method),
                        note = super::paperwork::clause(&rec.note)
                    )
                }
            });
        // With `rank = "last"` the rank does not follow the total.
        let key = if r.veto.rank_last {
            "notice-veto-last"
        } else {
            "notice-veto"
        };
        out.push(Block::Para(tr(crate::text::i18n::Message::new(key)
            .arg("unit", &r.units[u.unit].name)
            .arg("reason", reason)
            .arg("grade", p.grade_name(r, u.grade))
            .arg("total", fixed(u.total, r.decimals))
            .arg("rank", u.rank))));
    }
    quota_paragraphs(p, rr, out);
    for u in rr.units.iter().filter(|u| u.scaled) {
        out.push(Block::Para(tr(msg!(
            "notice-scaled",
            what = if r.has_parts() {
                msg!("notice-scaled-scored")
            } else {
                msg!("notice-scaled-total")
            },
            unit = &r.units[u.unit].name,
            items = list_all(p.not_applicable(r, u)),
            score = plain(u.applicable_score),
            max = plain(u.applicable_max),
            scale = plain(r.total),
            total = fixed(u.scored, r.decimals)
        ))));
    }
    if let Some(c) = &r.conversion {
        out.push(Block::Para(tr(msg!(
            "notice-conversion",
            label = crate::report::table::conversion_label(c, p.lang),
            points = plain(c.points),
            scale = plain(r.total),
            decimals = r.decimals
        ))));
    }
    if r.scorers.iter().enumerate().any(|(s, _)| {
        rr.units
            .iter()
            .any(|u| u.missing.iter().any(|m| m.scorer() == Some(s)))
    }) {
        out.push(Block::Para(tr(msg!("notice-missing"))));
        for line in crate::report::table::missing_lines(r, rr, p.lang) {
            out.push(Block::Note(line.trim().to_string()));
        }
    }
    out.push(Block::Table {
        caption: tr(msg!("notice-table-caption", number = k + 1, name = &name)),
        grid: p.results_table(rr, false),
    });
    for note in p.table_notes(rr) {
        out.push(Block::Note(note));
    }
}

/// Per grade with a quota (优秀等次不超过参评单位的30%) that moved units
/// down: which units reached it and which grade they got instead.
fn quota_paragraphs(p: &Paperwork, rr: &RubricResult, out: &mut Vec<Block>) {
    let r = p.rubric(rr);
    for (g, grade) in r.grades.iter().enumerate() {
        let Some(quota) = grade.quota else { continue };
        let moved: Vec<Message> = rr
            .units
            .iter()
            .filter(|u| u.demoted && u.grade > g && u.total >= grade.min)
            .map(|u| {
                msg!(
                    "notice-demoted-unit",
                    unit = &r.units[u.unit].name,
                    grade = p.grade_name(r, u.grade)
                )
            })
            .collect();
        if moved.is_empty() {
            continue;
        }
        let limit = quota.limit(r.units.len());
        let rule = match quota {
            crate::model::rubric::Quota::Share(q) => msg!(
                "notice-quota-share",
                share = plain(q * Decimal::ONE_HUNDRED),
                count = limit
            ),
            crate::model::rubric::Quota::Count(_) => msg!("notice-quota-count", count = limit),
        };
        out.push(Block::Para(p.tr(msg!(
            "notice-demoted",
            grade = p.grade_name(r, g),
            rule = rule,
            units = list_all(moved)
        ))));
    }
}

/// What the review (复核调整) changed, in a sentence: how many units and
/// lines, and where the annex lists them.
fn review_paragraph(p: &Paperwork, out: &mut Vec<Block>) {
    let Some(review) = p.results.review.as_ref().filter(|r| !r.is_empty()) else {
        return;
    };
    let mut units: Vec<crate::model::catalog::UnitRef> = review.iter().map(|a| a.unit).collect();
    units.sort_by_key(|u| (u.rubric, u.unit));
    units.dedup();
    out.push(Block::Para(p.tr(msg!(
        "notice-review",
        units = units.len(),
        lines = review.len()
    ))));
}

/// The annex of the review: one row per adjustment, with its reason and 文号.
fn review_annex(p: &Paperwork, out: &mut Vec<Block>) {
    let Some(review) = p.results.review.as_ref().filter(|r| !r.is_empty()) else {
        return;
    };
    let tr = |m: Message| p.tr(m);
    let mut grid = Grid {
        header: vec![
            tr(msg!("notice-review-col-number")),
            tr(msg!("review-col-unit")),
            tr(msg!("notice-review-col-change")),
            tr(msg!("review-col-reason")),
            tr(msg!("review-col-document")),
        ],
        numeric: vec![true, false, false, false, false],
        rows: Vec::new(),
    };
    for (k, a) in review.iter().enumerate() {
        let r = &p.catalog.rubrics[a.unit.rubric];
        let change = crate::report::cells::review_change(r, a, p.lang);
        grid.rows.push(vec![
            (k + 1).to_string(),
            r.units[a.unit.unit].name.clone(),
            change,
            a.reason.clone(),
            a.document.clone().unwrap_or_default(),
        ]);
    }
    out.push(Block::Heading(tr(msg!("notice-review-annex"))));
    out.push(Block::Table {
        caption: tr(msg!("notice-review-annex-caption")),
        grid,
    });
}

/// The units of the lowest grade told what follows, and the closing line.
fn closing(p: &Paperwork, out: &mut Vec<Block>) {
    let tr = |m: Message| p.tr(m);
    let mut lowest: Vec<String> = Vec::new();
    let mut lowest_grades: Vec<String> = Vec::new();
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        let last = r.grades.len() - 1;
        let names: Vec<String> = rr
            .units
            .iter()
            .filter(|u| u.grade == last)
            .map(|u| r.units[u.unit].name.clone())
            .collect();
        if !names.is_empty() {
            let grade = p.grade_name(r, last);
            if !lowest_grades.contains(&grade) {
                lowest_grades.push(grade);
            }
            lowest.extend(names);
        }
    }
    if !lowest.is_empty() {
        out.push(Block::Para(tr(msg!(
            "notice-closing-lowest",
            grade = list_all(lowest_grades),
            units = list_all(lowest)
        ))));
    }
    out.push(Block::Para(tr(msg!("notice-closing"))));
}

/// The rubrics' titles as the opening cites them (《A》《B》 in Chinese).
fn join_titles(p: &Paperwork, titles: Vec<Message>) -> String {
    let sep = p.tr(msg!("notice-rubric-separator"));
    titles
        .into_iter()
        .map(|t| p.tr(t))
        .collect::<Vec<_>>()
        .join(sep.trim())
}

/// `通报.md`: the notice in Markdown, its tables as `|` rows.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md_text(t))),
            Block::Salutation(t) | Block::Para(t) => {
                out.push_str(&md_text(t));
                out.push_str("\n\n");
            }
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", md_text(t))),
            Block::Note(t) => out.push_str(&format!("> {}\n\n", md_text(t))),
            Block::Table { caption, grid } => {
                out.push_str(&format!("**{}**\n\n", md_text(caption)));
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&row(&grid.header));
                let rule: Vec<String> = grid
                    .numeric
                    .iter()
                    .map(|n| if *n { "---:".into() } else { "---".into() })
                    .collect();
                out.push_str(&row(&rule));
                for r in &grid.rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Text that Markdown would read as markup is escaped (a note starting
/// with `*`, a name with `_` or `[`).
fn md_text(t: &str) -> String {
    escape(t, "\\`*_[]<>|")
}

/// A table cell: only what would end the cell or the row is escaped, so a
/// total reads `82.55*` as in the other tables (a lone `*` is no emphasis).
fn md_cell(t: &str) -> String {
    escape(t, "\\|").replace(['\n', '\r'], " ")
}

fn escape(t: &str, special: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if special.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The fonts, from the catalog: by their English family names, which Word
/// and WPS resolve to the Chinese fonts of the same family (仿宋, 黑体) on
/// any Windows, and a Latin font for digits and letters.
struct Fonts {
    body: String,
    heading: String,
    latin: String,
}

/// A4 in twentieths of a point, and the margins of GB/T 9704 (37, 35, 28, 26 mm).
const A4: (u32, u32) = (11906, 16838);
const MARGINS: (i32, i32, i32, i32) = (2098, 1984, 1588, 1474);

/// `通报.docx`: the notice as a Word document. `created` is the document's
/// date (the end of the assessment period), so the same inputs give the same bytes.
pub fn docx(
    blocks: &[Block],
    created: &str,
    lang: crate::text::i18n::Lang,
) -> Result<Vec<u8>, Message> {
    use docx_rs::{
        AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph,
        Run, RunFonts, SpecialIndentType,
    };
    let names = Fonts {
        body: msg!("notice-font-body").render(lang),
        heading: msg!("notice-font-heading").render(lang),
        latin: msg!("notice-font-latin").render(lang),
    };
    let fonts = |east: &str| {
        RunFonts::new()
            .east_asia(east)
            .ascii(&names.latin)
            .hi_ansi(&names.latin)
    };
    // 三号 (16 pt) text on a fixed 28 pt line: 22 lines a page, as offices set it.
    let text_line = LineSpacing::new()
        .line(560)
        .line_rule(LineSpacingType::Exact);
    let para = |t: &str, indent: bool, heading: bool| {
        let mut run = Run::new().add_text(t).size(32);
        if heading {
            run = run.fonts(fonts(&names.heading));
        }
        let mut p = Paragraph::new()
            .add_run(run)
            .align(AlignmentType::Both)
            .line_spacing(text_line.clone());
        if indent {
            p = p.indent(None, Some(SpecialIndentType::FirstLine(640)), None, None);
        }
        if heading {
            p = p.keep_next(true);
        }
        p
    };
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("— ").size(28))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" —").size(28)),
    );
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: MARGINS.0,
            bottom: MARGINS.1,
            left: MARGINS.2,
            right: MARGINS.3,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .default_fonts(fonts(&names.body))
        .default_size(32)
        .footer(footer)
        .created_at(created)
        .updated_at(created);
    let text_width = (A4.0 as i32 - MARGINS.2 - MARGINS.3).max(1) as usize;
    for b in blocks {
        doc = match b {
            Block::Title(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(t).size(44).fonts(fonts(&names.heading)))
                    .align(AlignmentType::Center)
                    .line_spacing(
                        LineSpacing::new()
                            .line(700)
                            .line_rule(LineSpacingType::Exact)
                            .after(560),
                    ),
            ),
            Block::Salutation(t) => doc.add_paragraph(para(t, false, false)),
            Block::Para(t) => doc.add_paragraph(para(t, true, false)),
            Block::Heading(t) => doc.add_paragraph(para(t, true, true)),
            Block::Note(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(t).size(24))
                    .line_spacing(
                        LineSpacing::new()
                            .line(360)
                            .line_rule(LineSpacingType::Exact),
                    ),
            ),
            Block::Table { caption, grid } => doc
                .add_paragraph(
                    Paragraph::new()
                        .add_run(
                            Run::new()
                                .add_text(caption)
                                .size(28)
                                .fonts(fonts(&names.heading)),
                        )
                        .align(AlignmentType::Center)
                        .keep_next(true)
                        .line_spacing(LineSpacing::new().before(240).after(120)),
                )
                .add_table(docx_table(grid, text_width)),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| msg!("notice-cannot-build", reason = e.to_string()))?;
    Ok(out.into_inner())
}

/// A results table in 五号 (10.5 pt), its header shaded and bold, columns
/// as wide as their text asks within the text width.
fn docx_table(grid: &Grid, text_width: usize) -> docx_rs::Table {
    use docx_rs::{
        AlignmentType, LineSpacing, Paragraph, Run, Shading, Table, TableCell, TableLayoutType,
        TableRow, VAlignType, WidthType,
    };
    let columns = grid.header.len().max(1);
    // What each column needs at 五号: a CJK character 210 twips, any other
    // 105, plus the cell's margins; numbers keep what they need, text
    // columns share what is left (and wrap when it is not enough).
    let numeric = |c: usize| grid.numeric.get(c).copied().unwrap_or(false);
    // A number column's header may wrap after four characters; its numbers may not.
    let mut need: Vec<usize> = grid
        .header
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let h = cell_twips(h);
            if numeric(c) { h.min(4 * 210 + 300) } else { h }
        })
        .collect();
    for row in &grid.rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            need[c] = need[c].max(cell_twips(cell));
        }
    }
    let fixed_sum: usize = (0..columns).filter(|&c| numeric(c)).map(|c| need[c]).sum();
    let text_sum: usize = (0..columns).filter(|&c| !numeric(c)).map(|c| need[c]).sum();
    let widths: Vec<usize> = if fixed_sum + text_sum <= text_width || text_sum == 0 {
        // Room to spare: every column grows in proportion.
        let total = (fixed_sum + text_sum).max(1);
        need.iter().map(|w| w * text_width / total).collect()
    } else {
        let room = text_width.saturating_sub(fixed_sum).max(text_width / 3);
        (0..columns)
            .map(|c| {
                if numeric(c) {
                    need[c]
                } else {
                    need[c] * room / text_sum.max(1)
                }
            })
            .collect()
    };
    let cell = |text: &str, c: usize, header: bool| {
        let align = if header {
            AlignmentType::Center
        } else if grid.numeric.get(c).copied().unwrap_or(false) {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        let mut run = Run::new().add_text(text).size(21);
        if header {
            run = run.bold();
        }
        let mut tc = TableCell::new()
            .add_paragraph(
                Paragraph::new()
                    .add_run(run)
                    .align(align)
                    .line_spacing(LineSpacing::new().before(40).after(40)),
            )
            .vertical_align(VAlignType::Center)
            .width(widths[c], WidthType::Dxa);
        if header {
            tc = tc.shading(Shading::new().fill("D9D9D9"));
        }
        tc
    };
    let mut rows = vec![TableRow::new(
        grid.header
            .iter()
            .enumerate()
            .map(|(c, t)| cell(t, c, true))
            .collect(),
    )];
    for r in &grid.rows {
        rows.push(
            TableRow::new(
                r.iter()
                    .enumerate()
                    .take(columns)
                    .map(|(c, t)| cell(t, c, false))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(widths)
        .width(text_width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// What a cell's text needs at 五号 (10.5 pt), in twentieths of a point:
/// a CJK character (or a full-width quotation mark) an em, digits and
/// letters about 0.6 em (room for a wider substitute of the font), plus the
/// cell's margins.
fn cell_twips(t: &str) -> usize {
    // Whole numbers of twips: the sum is exact.
    crate::text::width::measure_em(t, 210.0, 126.0) as usize + 300
}
