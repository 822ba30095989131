//! `--format xlsx`: the office's record of the year. One results sheet per
//! rubric laid out like the table of a results notice (名次, 单位, each
//! section, 核减, 核加, 总分, 等次), then every unit's every leaf with each
//! scorer's score and weight (项目得分), then the provenance of the inputs
//! (来源). Every sheet is set up to print: A4 landscape, header rows repeated
//! on each page, one page wide.
//!
//! Scores are exact decimals until here; a cell holds the nearest binary
//! number (all a spreadsheet can hold) shown with the rubric's decimals.

use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::model::catalog::Catalog;
use crate::model::compare::Comparison;
use crate::model::inputs::Inputs;
use crate::model::results::{
    LeafResult, MissingOf, MissingScore, Results, RubricResult, SectionResult, UnitResult,
};
use crate::model::rubric::{PartKind, Rubric};
use crate::num::plain;
use crate::tables::sheet::{Widths, display_width};
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Renders the workbook's bytes. `inputs`, when given, fills the item
/// sheet's columns of each scorer's annual score; without them those cells
/// stay empty (the weights, n/a and missing marks are in the results).
pub fn render(
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    inputs: Option<&Inputs>,
    compare: &Comparison,
) -> Result<Vec<u8>, Message> {
    build(catalog, results, lang, inputs, compare)
        .map_err(|e| msg!("xlsx-cannot-build", reason = e.to_string()))
}

use crate::tables::style::{self, decimals as decimals_format, number};

/// Grade colours by band: the first grade green, the last red, those between blue and yellow.
fn grade_color(index: usize, count: usize) -> Color {
    match index {
        0 => Color::RGB(0xC6EFCE),
        i if i + 1 == count => Color::RGB(0xFFC7CE),
        1 => Color::RGB(0xDDEBF7),
        2 => Color::RGB(0xFFEB9C),
        _ => Color::RGB(0xEDEDED),
    }
}

/// The fill of a missing annual score (counted as 0 with --allow-missing).
const MISSING: Color = Color::RGB(0xFCE4D6);

// ---------------------------------------------------------------------------
// Sheet names

/// Characters Excel refuses in a sheet name.
const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// Excel's limit on a sheet name, in UTF-16 code units.
const NAME_MAX: usize = 31;

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// A title split at its final bracketed qualifier, the class of units it
/// assesses: `…考核细则（各县（市））` is (`…考核细则`, `各县（市）`).
/// Full-width and ASCII brackets alike, nested ones balanced.
fn split_qualifier(title: &str) -> (&str, Option<&str>) {
    let t = title.trim();
    let Some(last) = t.chars().next_back() else {
        return (t, None);
    };
    if last != ')' && last != '）' {
        return (t, None);
    }
    let mut depth = 0usize;
    for (i, c) in t.char_indices().rev() {
        if c == ')' || c == '）' {
            depth += 1;
        } else if c == '(' || c == '（' {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                let inner = t[i + c.len_utf8()..t.len() - last.len_utf8()].trim();
                let head = t[..i].trim_end();
                if inner.is_empty() || head.is_empty() {
                    return (t, None);
                }
                return (head, Some(inner));
            }
        }
    }
    (t, None)
}

/// The words that call a rubric a rubric (考核细则, 细则), from both
/// catalogs since a title is in its own language, longest first.
fn rubric_words() -> Vec<String> {
    let mut words: Vec<String> = Lang::ALL
        .iter()
        .flat_map(|l| {
            msg!("xlsx-rubric-words")
                .render(*l)
                .split('|')
                .map(|w| w.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
}

/// `head` without a rubric word at its end, unless nothing would be left.
fn drop_rubric_word<'a>(head: &'a str, words: &[String]) -> &'a str {
    for w in words {
        let cut = head.len().saturating_sub(w.len());
        if head.len() > w.len() && head.is_char_boundary(cut) && head[cut..].eq_ignore_ascii_case(w)
        {
            let rest = head[..cut].trim_end();
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    head
}

/// What tells a rubric's sheet from the others (docs/office.md, 成绩工作簿):
/// the qualifier in the title's final brackets; else the title less what
/// every title of the run begins with and less a rubric word at its end.
fn distinguishing(r: &Rubric, titles: &[&str], words: &[String]) -> String {
    let (head, qualifier) = split_qualifier(&r.title);
    if let Some(q) = qualifier {
        return q.to_string();
    }
    let shared = if titles.len() > 1 {
        let first: Vec<char> = titles[0].chars().collect();
        titles[1..].iter().fold(first.len(), |n, t| {
            t.chars()
                .zip(&first)
                .take(n)
                .take_while(|(a, b)| a == *b)
                .count()
        })
    } else {
        0
    };
    let rest: String = head.chars().skip(shared).collect();
    let rest = if rest.trim().is_empty() {
        head
    } else {
        rest.trim()
    };
    drop_rubric_word(rest, words).to_string()
}

/// Without the characters Excel refuses, trimmed, never starting or ending
/// with an apostrophe.
fn clean(name: &str) -> String {
    let kept: String = name.chars().filter(|c| !FORBIDDEN.contains(c)).collect();
    kept.trim().trim_matches('\'').trim().to_string()
}

/// A rubric's sheet name: its distinguishing words in the run's wording
/// (`各县（市）考核结果`), shortened until it fits Excel's 31 characters.
fn rubric_sheet_name(r: &Rubric, titles: &[&str], words: &[String], lang: Lang) -> String {
    let mut base: Vec<char> = clean(&distinguishing(r, titles, words)).chars().collect();
    while !base.is_empty() {
        let text: String = base.iter().collect();
        let name = clean(&msg!("xlsx-sheet-rubric", name = text.trim()).render(lang));
        if utf16_len(&name) <= NAME_MAX {
            return name;
        }
        base.pop();
    }
    r.id.chars().take(NAME_MAX).collect()
}

/// `name`, or `name (2)`, `name (3)`… when a sheet has it already (Excel
/// compares names without case).
fn unique(name: &str, taken: &mut Vec<String>) -> String {
    let name = if name.is_empty() { "-" } else { name };
    let clash =
        |n: &str, taken: &[String]| taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    let mut candidate = name.to_string();
    let mut n = 2;
    while clash(&candidate, taken) {
        let suffix = format!(" ({n})");
        let mut base = name.to_string();
        while utf16_len(&base) + suffix.len() > NAME_MAX {
            base.pop();
        }
        candidate = format!("{}{suffix}", base.trim_end());
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// The names of the sheets: one per rubric of the results, the item sheet,
/// the provenance sheet; the last two are reserved first.
struct Names {
    rubrics: Vec<String>,
    items: String,
    provenance: String,
    review: String,
}

fn sheet_names(rubrics: &[&Rubric], lang: Lang) -> Names {
    let mut taken = Vec::new();
    let items = unique(&clean(&msg!("xlsx-sheet-items").render(lang)), &mut taken);
    let provenance = unique(
        &clean(&msg!("xlsx-sheet-provenance").render(lang)),
        &mut taken,
    );
    let review = unique(&clean(&msg!("xlsx-sheet-review").render(lang)), &mut taken);
    let titles: Vec<&str> = rubrics.iter().map(|r| r.title.as_str()).collect();
    let words = rubric_words();
    let rubrics = rubrics
        .iter()
        .map(|r| unique(&rubric_sheet_name(r, &titles, &words, lang), &mut taken))
        .collect();
    Names {
        rubrics,
        items,
        provenance,
        review,
    }
}

/// The title row of a rubric's results: the rubric's title with its rubric
/// word turned into results (`…工作考核结果（各县（市））`), the year
/// before it when the title has none.
fn results_title(r: &Rubric, lang: Lang) -> String {
    let t = r.title.trim();
    let (head, qualifier) = split_qualifier(t);
    // The qualifier with its brackets, as the title writes it.
    let qualifier = match qualifier {
        Some(_) => t[head.len()..].trim(),
        None => "",
    };
    let head = drop_rubric_word(head, &rubric_words());
    let year = r.year.to_string();
    let year = if r.title.contains(&year) {
        String::new()
    } else {
        msg!("xlsx-results-year", year = year).render(lang)
    };
    msg!(
        "xlsx-results-title",
        year = year,
        head = head,
        qualifier = qualifier
    )
    .render(lang)
}

// ---------------------------------------------------------------------------
// Layout helpers

/// A4, landscape, one page wide, `rows` repeated on every page, page
/// numbers in the footer.
fn print_setup(
    sheet: &mut Worksheet,
    rows: (u32, u32),
    landscape: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    crate::tables::sheet::a4_one_page_wide(sheet, landscape);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_repeat_rows(rows.0, rows.1)?;
    sheet.set_footer(msg!("xlsx-page-footer").render(lang));
    Ok(())
}

/// The formats of a workbook.
struct Formats {
    header: Format,
    title: Format,
    text: Format,
    rank: Format,
    note: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: style::header(style::cell(), style::HEADER_SHADE),
            title: style::title(16),
            text: style::cell(),
            rank: style::cell()
                .set_align(FormatAlign::Center)
                .set_num_format("0"),
            note: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
        }
    }

    fn scores(dp: u32, mark: &str) -> Format {
        style::cell().set_num_format(decimals_format(dp, mark))
    }
}

fn build(
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    inputs: Option<&Inputs>,
    compare: &Comparison,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let title = catalog
        .rubrics
        .iter()
        .map(|r| r.title.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    book.set_properties(&super::workbook_properties(catalog, &title));
    let rubrics: Vec<&Rubric> = results
        .rubrics
        .iter()
        .map(|rr| &catalog.rubrics[rr.rubric])
        .collect();
    let names = sheet_names(&rubrics, lang);
    let formats = Formats::new();
    for (rr, name) in results.rubrics.iter().zip(&names.rubrics) {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        let review = super::cells::review_notes(catalog, results, rr.rubric, lang);
        results_sheet(
            sheet,
            (&catalog.rubrics[rr.rubric], rr),
            lang,
            &formats,
            compare,
            &review,
        )?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name(&names.items)?;
    items_sheet(sheet, catalog, results, lang, inputs, &formats)?;
    if let Some(review) = &results.review {
        let sheet = book.add_worksheet();
        sheet.set_name(&names.review)?;
        super::review::review_sheet(
            sheet,
            catalog,
            review,
            lang,
            (&formats.header, &formats.text),
        )?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name(&names.provenance)?;
    provenance_sheet(sheet, results, lang, &formats)?;
    book.save_to_buffer()
}

// ---------------------------------------------------------------------------
// The results of a rubric

fn results_sheet(
    sheet: &mut Worksheet,
    (r, rr): (&Rubric, &RubricResult),
    lang: Lang,
    f: &Formats,
    compare: &Comparison,
    review: &[String],
) -> Result<(), XlsxError> {
    let tr = |m: Message| m.render(lang);
    let mut heads: Vec<String> = vec![tr(msg!("report-col-rank")), tr(msg!("report-col-unit"))];
    let scored_after = super::cells::scored_column(r, rr);
    for (k, s) in r.sections.iter().enumerate() {
        heads.push(s.title.clone());
        if scored_after == Some(k) {
            heads.push(tr(msg!("report-col-scored")));
        }
    }
    heads.extend([
        tr(msg!("report-col-deducted")),
        tr(msg!("report-col-added")),
        tr(msg!("report-col-total")),
        tr(msg!("report-col-grade")),
    ]);
    if let Some(c) = &r.conversion {
        heads.push(super::table::conversion_label(c, lang));
    }
    if compare.claims.is_some() {
        heads.extend([
            tr(msg!("xlsx-col-self")),
            tr(msg!("xlsx-col-self-difference")),
        ]);
    }
    if compare.previous.is_some() {
        heads.extend([
            tr(msg!("xlsx-col-previous-total")),
            tr(msg!("xlsx-col-previous-rank")),
            tr(msg!("xlsx-col-change")),
            tr(msg!("xlsx-col-rank-change")),
        ]);
    }
    let last_col = (heads.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last_col, &results_title(r, lang), &f.title)?;
    sheet.set_row_height(0, 28)?;
    let mut widths = Widths(Vec::new());
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(1, c as u16, h, &f.header)?;
        widths.see(c, h);
    }
    let scores = Formats::scores(r.decimals, "");
    let mut row = 2u32;
    for u in &rr.units {
        write_unit(sheet, row, (r, rr), u, lang, f, &scores, &mut widths)?;
        write_comparison(sheet, row, heads.len(), rr.rubric, u, compare, &scores)?;
        row += 1;
    }
    widths.apply(sheet, 24.0)?;
    // The header row as tall as its longest wrapped title.
    let lines = heads
        .iter()
        .zip(&widths.0)
        .map(|(h, w)| (display_width(h) / (w.min(24.0) - 1.0)).ceil())
        .fold(1.0, f64::max);
    sheet.set_row_height(1, 15.0 * lines + 6.0)?;

    // What the marks mean, one note a row, merged across the table, each
    // beginning with the notes' lead (注：), so a reader of the table as a
    // published one takes them for its footer (`docs/office.md`, wide tables).
    let mut notes = vec![tr(msg!("xlsx-note-adjustments"))];
    if rr.units.iter().any(|u| u.scaled) {
        let key = if r.has_parts() {
            "xlsx-note-rescaled-scored"
        } else {
            "xlsx-note-rescaled"
        };
        notes.push(tr(Message::new(key).arg("scale", plain(r.total))));
    }
    if rr.units.iter().any(|u| u.veto.is_some()) && !r.veto.rank_last {
        notes.push(tr(msg!("xlsx-note-vetoed")));
    }
    // The part-three notes and the review's lines, each with the notes' lead (注：).
    let lead = |n: &str| tr(msg!("xlsx-note-lead", text = n.trim_start()));
    notes.extend(
        super::cells::part_notes(r, rr, lang)
            .iter()
            .map(|n| lead(n)),
    );
    notes.extend(review.iter().map(|n| lead(n)));
    if let Some(c) = &r.conversion {
        notes.push(tr(msg!(
            "xlsx-note-converted",
            label = super::table::conversion_label(c, lang),
            points = plain(c.points),
            scale = plain(r.total),
            decimals = r.decimals
        )));
    }
    if rr.units.iter().any(UnitResult::provisional) {
        notes.push(tr(msg!("xlsx-note-provisional-units")));
        notes.extend(missing_notes(r, rr, lang));
    }
    let across = widths.total(24.0);
    row += 1;
    for n in notes {
        sheet.merge_range(row, 0, row, last_col, &n, &f.note)?;
        let lines = (display_width(&n) / across).ceil().max(1.0);
        sheet.set_row_height(row, 16.0 * lines + 2.0)?;
        row += 1;
    }
    sheet.set_freeze_panes(2, 2)?;
    sheet.set_screen_gridlines(false);
    print_setup(sheet, (0, 1), true, lang)?;
    Ok(())
}

/// One note per scorer with the units and leaves it has not scored.
fn missing_notes(r: &Rubric, rr: &RubricResult, lang: Lang) -> Vec<String> {
    super::table::missing_by_scorer(r, rr, lang)
        .into_iter()
        .map(|(scorer, cells)| {
            msg!("xlsx-note-missing", scorer = scorer, cells = cells).render(lang)
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn write_unit(
    sheet: &mut Worksheet,
    row: u32,
    (r, rr): (&Rubric, &RubricResult),
    u: &UnitResult,
    lang: Lang,
    f: &Formats,
    scores: &Format,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    sheet.write_number_with_format(row, 0, u.rank as f64, &f.rank)?;
    let name = super::cells::unit_cell(r, u);
    sheet.write_string_with_format(row, 1, &name, &f.text)?;
    widths.see(1, &name);
    let mut c = 2u16;
    let scored_after = super::cells::scored_column(r, rr);
    for (k, s) in u.sections.iter().enumerate() {
        let format = part_format(r, k, s, lang);
        sheet.write_number_with_format(
            row,
            c,
            number(s.score),
            format.as_ref().unwrap_or(scores),
        )?;
        c += 1;
        if scored_after == Some(k) {
            sheet.write_number_with_format(row, c, number(u.scored), scores)?;
            c += 1;
        }
    }
    sheet.write_number_with_format(row, c, number(u.deducted), scores)?;
    sheet.write_number_with_format(row, c + 1, number(u.added), scores)?;
    // The table's marks (* rescaled, § a veto's total, † provisional)
    // after the number, which stays a number.
    let fixed_total = crate::num::fixed(u.total, r.decimals);
    let mark = super::cells::total_cell(r, u)
        .strip_prefix(fixed_total.as_str())
        .unwrap_or_default()
        .to_string();
    let total = Formats::scores(r.decimals, &mark).set_bold();
    sheet.write_number_with_format(row, c + 2, number(u.total), &total)?;
    let label = super::cells::grade_cell(r, u, lang);
    let band = f
        .text
        .clone()
        .set_align(FormatAlign::Center)
        .set_background_color(grade_color(u.grade, r.grades.len()));
    sheet.write_string_with_format(row, c + 3, &label, &band)?;
    widths.see(c as usize + 3, &label);
    if let Some(v) = u.converted {
        sheet.write_number_with_format(row, c + 4, number(v), scores)?;
    }
    Ok(())
}

/// A bonus part's number shown with its sign (`+3.00`), and marked when
/// its gate held it back; `None` for the plain format of scores.
fn part_format(r: &Rubric, k: usize, s: &SectionResult, lang: Lang) -> Option<Format> {
    if r.sections[k].kind != PartKind::Bonus {
        return None;
    }
    let plain = decimals_format(r.decimals, "");
    let held = if s.counted || s.score.is_zero() {
        String::new()
    } else {
        // The catalog's mark around a placeholder, the number's place.
        let marked = msg!("cell-not-counted", score = "\u{1}").render(lang);
        let (before, after) = marked.split_once('\u{1}').unwrap_or(("", ""));
        format!("\"{before}\"{plain}\"{after}\"").replace("\"\"", "")
    };
    let code = if held.is_empty() {
        format!("+{plain};-{plain};{plain}")
    } else {
        held
    };
    Some(style::cell().set_num_format(code))
}

/// The comparison columns at the end of a unit's row (自评, 上年), as
/// numbers; empty where there is nothing to compare.
fn write_comparison(
    sheet: &mut Worksheet,
    row: u32,
    columns: usize,
    rubric: usize,
    u: &UnitResult,
    compare: &Comparison,
    scores: &Format,
) -> Result<(), XlsxError> {
    let width =
        2 * usize::from(compare.claims.is_some()) + 4 * usize::from(compare.previous.is_some());
    let mut c = (columns - width) as u16;
    if let Some(claims) = &compare.claims {
        if let Some(x) = claims.of(rubric, u.unit) {
            sheet.write_number_with_format(row, c, number(x.total), scores)?;
            sheet.write_number_with_format(row, c + 1, number(x.difference), scores)?;
        }
        c += 2;
    }
    if let Some(previous) = &compare.previous
        && let Some(x) = previous.of(rubric, u.unit)
    {
        sheet.write_number_with_format(row, c, number(x.total), scores)?;
        // A veto that year said beside its rank, the cell still a number.
        if x.veto {
            let mark = msg!("xlsx-previous-vetoed").render(crate::text::i18n::lang());
            let vetoed = Format::new().set_num_format(format!("0\"{mark}\""));
            sheet.write_number_with_format(row, c + 1, x.rank as f64, &vetoed)?;
        } else {
            sheet.write_number(row, c + 1, x.rank as f64)?;
        }
        sheet.write_number_with_format(row, c + 2, number(x.change), scores)?;
        sheet.write_number(row, c + 3, x.rank_change as f64)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Every leaf of every unit

/// The scorers of the run's rubrics, each once (by id and name), in the
/// order the rubrics declare them.
fn scorer_columns<'a>(catalog: &'a Catalog, results: &Results) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for rr in &results.rubrics {
        for s in &catalog.rubrics[rr.rubric].scorers {
            let key = (s.id.as_str(), s.name.as_str());
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
    out
}

fn items_sheet(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    inputs: Option<&Inputs>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let tr = |m: Message| m.render(lang);
    let scorers = scorer_columns(catalog, results);
    let measures = results
        .rubrics
        .iter()
        .any(|rr| !catalog.rubrics[rr.rubric].measures.is_empty());
    let mut heads = item_heads(&scorers, lang);
    if measures {
        heads.push(tr(msg!("xlsx-col-measure")));
    }
    let after = (8 + 2 * scorers.len()) as u16;
    let mut widths = Widths(Vec::new());
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &f.header)?;
        // Long scorer names wrap in the header rather than widen the sheet.
        widths.see(c, if c >= 8 && c < after as usize { "" } else { h });
    }
    let mut rows = ItemRows {
        sheet,
        widths,
        row: 1,
        after,
        scorers: &scorers,
        inputs,
        applies: tr(msg!("xlsx-applies")),
        zeroed: tr(msg!("xlsx-applies-zeroed")),
        not_applicable: tr(msg!("xlsx-not-applicable")),
        na: tr(msg!("xlsx-cell-not-applicable")),
        missing: Format::new().set_background_color(MISSING),
    };
    for rr in &results.rubrics {
        rows.rubric(&catalog.rubrics[rr.rubric], rr)?;
    }
    let ItemRows {
        sheet,
        mut widths,
        row,
        ..
    } = rows;
    for k in 0..scorers.len() {
        widths.0[8 + 2 * k] = 14.0;
        widths.0[9 + 2 * k] = 10.0;
    }
    widths.apply(sheet, 32.0)?;
    // The header row as tall as its longest wrapped name.
    let lines = heads
        .iter()
        .zip(&widths.0)
        .map(|(h, w)| (display_width(h) / (w.min(32.0) - 1.0)).ceil())
        .fold(1.0, f64::max);
    sheet.set_row_height(0, 15.0 * lines + 4.0)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row.saturating_sub(1).max(1), (heads.len() - 1) as u16)?;
    sheet.set_print_gridlines(true);
    print_setup(sheet, (0, 0), true, lang)?;
    Ok(())
}

/// The item sheet's header: the leaf, each scorer's score and weight, then
/// how the score came about.
fn item_heads(scorers: &[(&str, &str)], lang: Lang) -> Vec<String> {
    let tr = |m: Message| m.render(lang);
    let mut heads = vec![
        tr(msg!("xlsx-col-rubric")),
        tr(msg!("xlsx-col-unit-id")),
        tr(msg!("report-col-unit")),
        tr(msg!("xlsx-col-section")),
        tr(msg!("xlsx-col-groups")),
        tr(msg!("xlsx-col-item-id")),
        tr(msg!("xlsx-col-item")),
        tr(msg!("xlsx-col-max")),
    ];
    for (_, name) in scorers {
        heads.push(tr(msg!("xlsx-col-scorer-score", scorer = *name)));
        heads.push(tr(msg!("xlsx-col-scorer-weight", scorer = *name)));
    }
    heads.extend([
        tr(msg!("xlsx-col-base")),
        tr(msg!("xlsx-col-max-deduct")),
        tr(msg!("xlsx-col-max-add")),
        tr(msg!("report-col-deducted")),
        tr(msg!("report-col-added")),
        tr(msg!("xlsx-col-score")),
        tr(msg!("xlsx-col-applies")),
    ]);
    heads
}

/// The rows of the item sheet, one per unit and leaf, as they are written.
struct ItemRows<'a, 's> {
    sheet: &'s mut Worksheet,
    widths: Widths,
    row: u32,
    /// The first column after the scorers' columns.
    after: u16,
    scorers: &'a [(&'a str, &'a str)],
    inputs: Option<&'a Inputs>,
    applies: String,
    zeroed: String,
    not_applicable: String,
    na: String,
    missing: Format,
}

impl ItemRows<'_, '_> {
    fn rubric(&mut self, r: &Rubric, rr: &RubricResult) -> Result<(), XlsxError> {
        let scores = Format::new().set_num_format(decimals_format(r.decimals, ""));
        for u in &rr.units {
            for (s, section) in u.sections.iter().zip(&r.sections) {
                for l in &s.items {
                    self.leaf(r, rr.rubric, u, &section.title, l, &scores)?;
                    self.row += 1;
                }
            }
        }
        Ok(())
    }

    fn leaf(
        &mut self,
        r: &Rubric,
        rubric: usize,
        u: &UnitResult,
        section: &str,
        l: &LeafResult,
        scores: &Format,
    ) -> Result<(), XlsxError> {
        let (i, outcome) = (l.item, l.outcome.as_ref());
        let (row, after) = (self.row, self.after);
        let unit = &r.units[u.unit];
        let item = &r.items[i];
        // The groups above the leaf, outermost first (二级 › 三级).
        let path = r
            .path(item.parent)
            .iter()
            .map(|g| format!("{} {}", g.id, g.title))
            .collect::<Vec<_>>()
            .join(" › ");
        let texts = [
            &r.id,
            &unit.id,
            &unit.name,
            section,
            &path,
            &item.id,
            &item.title,
        ];
        for (c, t) in texts.into_iter().enumerate() {
            self.sheet.write_string(row, c as u16, t)?;
            self.widths.see(c, t);
        }
        self.sheet.write_number(row, 7, number(item.max))?;
        for (slot, w) in item.scorers.iter().enumerate() {
            let s = &r.scorers[w.scorer];
            let Some(k) = self
                .scorers
                .iter()
                .position(|x| *x == (s.id.as_str(), s.name.as_str()))
            else {
                continue;
            };
            let col = 8 + 2 * k as u16;
            self.sheet.write_number(row, col + 1, number(w.weight))?;
            if outcome.is_none() {
                self.sheet.write_string(row, col, &self.na)?;
            } else if u.missing.contains(&MissingScore {
                item: i,
                of: MissingOf::Scorer(w.scorer),
            }) {
                self.sheet.write_blank(row, col, &self.missing)?;
            } else if let Some(v) = self
                .inputs
                .and_then(|x| x.units.get(rubric)?.get(u.unit)?.items.get(i))
                .and_then(|x| x.annual.get(slot)?.as_ref()?.value)
            {
                self.sheet.write_number(row, col, number(v))?;
            }
        }
        if let Some(cap) = item.max_deduct {
            self.sheet.write_number(row, after + 1, number(cap))?;
        }
        if let Some(cap) = item.max_add {
            self.sheet.write_number(row, after + 2, number(cap))?;
        }
        match outcome {
            Some(o) => {
                self.sheet.write_number(row, after, number(o.base))?;
                self.sheet
                    .write_number(row, after + 3, number(o.deducted))?;
                self.sheet.write_number(row, after + 4, number(o.added))?;
                let score = number(o.score);
                self.sheet
                    .write_number_with_format(row, after + 5, score, scores)?;
                let applies = if o.zeroed {
                    &self.zeroed
                } else {
                    &self.applies
                };
                self.sheet.write_string(row, after + 6, applies)?;
                self.widths.see(after as usize + 6, applies);
                if let Some(m) = &o.measured {
                    match m.value {
                        Some(v) => self.sheet.write_number(row, after + 7, number(v))?,
                        None => self.sheet.write_blank(row, after + 7, &self.missing)?,
                    };
                }
            }
            None => {
                // Counted at its max under `na = "full"` (不涉及的按满分计).
                if let Some(c) = l.counts {
                    self.sheet
                        .write_number_with_format(row, after + 5, number(c), scores)?;
                }
                self.sheet
                    .write_string(row, after + 6, &self.not_applicable)?;
                self.widths.see(after as usize + 6, &self.not_applicable);
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Where the results come from

fn provenance_sheet(
    sheet: &mut Worksheet,
    results: &Results,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let tr = |m: Message| m.render(lang);
    let mut widths = Widths(Vec::new());
    let facts = [
        (
            tr(msg!("xlsx-tool")),
            format!("assess {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            tr(msg!("xlsx-provisional")),
            if results.provisional() {
                tr(msg!("xlsx-provisional-yes", missing = results.missing))
            } else {
                tr(msg!("xlsx-no"))
            },
        ),
    ];
    for (k, (name, value)) in facts.iter().enumerate() {
        sheet.write_string_with_format(k as u32, 0, name, &f.header)?;
        sheet.write_string_with_format(k as u32, 1, value, &f.text)?;
        widths.see(0, name);
        widths.see(1, value);
    }
    let heads = [
        tr(msg!("xlsx-col-role")),
        tr(msg!("xlsx-col-path")),
        tr(msg!("xlsx-col-sha256")),
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, h, &f.header)?;
        widths.see(c, h);
    }
    for (k, file) in results.files.iter().enumerate() {
        let row = 4 + k as u32;
        let role = tr(super::role_label(file.role));
        let path = match file.path.strip_prefix("embedded:") {
            Some(p) => tr(msg!("xlsx-embedded-path", path = p)),
            None => file.path.to_string(),
        };
        for (c, t) in [role.as_str(), &path, &file.sha256].into_iter().enumerate() {
            sheet.write_string_with_format(row, c as u16, t, &f.text)?;
            widths.see(c, t);
        }
    }
    widths.apply(sheet, 80.0)?;
    print_setup(sheet, (3, 3), true, lang)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_splits_at_its_final_brackets() {
        let t = "塔城地区2020年度政务公开和“放管服”改革工作考核细则（各县（市））";
        assert_eq!(
            split_qualifier(t),
            (
                "塔城地区2020年度政务公开和“放管服”改革工作考核细则",
                Some("各县（市）")
            )
        );
        assert_eq!(
            split_qualifier("Rules (counties)"),
            ("Rules", Some("counties"))
        );
        assert_eq!(split_qualifier("测试细则"), ("测试细则", None));
        assert_eq!(split_qualifier("（各县）"), ("（各县）", None));
        assert_eq!(split_qualifier("细则（）"), ("细则（）", None));
        assert_eq!(split_qualifier("a)"), ("a)", None));
    }

    #[test]
    fn rubric_words_go_from_the_end_only() {
        let words = rubric_words();
        assert_eq!(drop_rubric_word("测试细则", &words), "测试");
        assert_eq!(drop_rubric_word("某某考核细则", &words), "某某");
        assert_eq!(drop_rubric_word("细则", &words), "细则");
        assert_eq!(drop_rubric_word("细则汇编", &words), "细则汇编");
        assert_eq!(
            drop_rubric_word("Openness Assessment Rules", &words),
            "Openness"
        );
    }

    fn rubric(id: &str, title: &str) -> Rubric {
        let text = format!(
            "id = \"{id}\"\ntitle = \"{title}\"\nyear = 2020\ntotal = 1\n\
             [scorers]\no = \"o\"\n[[grade]]\nid = \"g\"\nlabel = \"g\"\nmin = 0\n\
             [[unit]]\nid = \"{id}u\"\nname = \"{id}u\"\n\
             [[section]]\nid = \"s\"\ntitle = \"s\"\n\
             [[section.item]]\nid = \"i\"\ntitle = \"i\"\nmax = 1\nscorers = {{ o = 1 }}\n"
        );
        let origin = crate::model::source::InputFile {
            role: crate::model::source::Role::Rubric,
            path: std::sync::Arc::from("r.toml"),
            sha256: String::new(),
        };
        let mut diags = crate::text::diag::Diagnostics::new();
        crate::rubric::parse(&text, origin, &mut diags).expect("a valid rubric")
    }

    fn names(titles: &[&str], lang: Lang) -> Vec<String> {
        let rubrics: Vec<Rubric> = titles
            .iter()
            .enumerate()
            .map(|(k, t)| rubric(&format!("r{k}"), t))
            .collect();
        let refs: Vec<&Rubric> = rubrics.iter().collect();
        let n = sheet_names(&refs, lang);
        let mut all = n.rubrics;
        all.extend([n.items, n.provenance]);
        all
    }

    #[test]
    fn sheet_names_tell_the_rubrics_apart() {
        assert_eq!(
            names(
                &[
                    "塔城地区2020年度政务公开和“放管服”改革工作考核细则（各县（市））",
                    "塔城地区2020年度政务公开和“放管服”改革工作考核细则（地直各部门）"
                ],
                Lang::Zh
            ),
            [
                "各县（市）考核结果",
                "地直各部门考核结果",
                "项目得分",
                "来源"
            ]
        );
        assert_eq!(
            names(
                &[
                    "塔城地区2020年度政务公开考核细则",
                    "塔城地区2020年度放管服考核细则",
                    "塔城地区2020年度放管服考核细则"
                ],
                Lang::Zh
            ),
            [
                "政务公开考核结果",
                "放管服考核结果",
                "放管服考核结果 (2)",
                "项目得分",
                "来源"
            ]
        );
        // Alone, a title without brackets keeps all but its rubric word.
        assert_eq!(
            names(&["塔城地区2020年度政务公开考核细则"], Lang::En),
            ["塔城地区2020年度政务公开", "Items", "Provenance"]
        );
        // Forbidden characters go, and a long name is cut to 31 with its suffix kept.
        let long = names(
            &[
                "[试行]塔城地区2020/2021年度政务公开和“放管服”改革工作及政务服务标准化规范化便利化建设考核细则",
            ],
            Lang::Zh,
        );
        assert_eq!(
            long[0],
            "试行塔城地区20202021年度政务公开和“放管服”改考核结果"
        );
        assert_eq!(utf16_len(&long[0]), 31);
        // A title that is all rubric word keeps it; one named like the item sheet steps aside.
        assert_eq!(names(&["细则"], Lang::Zh)[0], "细则考核结果");
        assert_eq!(names(&["Items"], Lang::En)[0], "Items (2)");
    }

    #[test]
    fn names_are_unique_and_fit() {
        let mut taken = vec!["项目得分".to_string()];
        assert_eq!(unique("项目得分", &mut taken), "项目得分 (2)");
        assert_eq!(unique("Items", &mut taken), "Items");
        assert_eq!(unique("ITEMS", &mut taken), "ITEMS (2)");
        let long = "一".repeat(31);
        assert_eq!(unique(&long, &mut taken), long);
        let second = unique(&long, &mut taken);
        assert_eq!(second, format!("{} (2)", "一".repeat(27)));
        assert_eq!(utf16_len(&second), 31);
        assert_eq!(clean("'a[b]:c*d?e/f\\g'"), "abcdefg");
    }
}
