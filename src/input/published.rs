//! Published results (公布结果), as `verify` compares them: a total per unit,
//! and optionally its grade, rank and section scores. The CSV that `assess
//! score --format csv` writes reads as one too, and so do the tables as
//! offices print them: headed 地市名称 or 部门, 总得分（100分）, 政务公开（50分）,
//! on the pages (sheets) of a workbook, or as the tables of a Word notice.

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::wide::split_max;
use crate::input::names::fold;
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::{PartKind, Rubric};
use crate::model::source::Location;
use crate::model::source::{InputFile, Role};
use crate::num;
use crate::tables::table::{self, Column, Encoding, Kind, ReadOptions, Row, Table};
use crate::tables::workbook::docx;
use crate::text::diag::Diagnostics;
use crate::text::i18n::{Lang, Message, msg};

/// The columns of `READ_COLUMNS`; the total is `COLUMNS[TOTAL]`.
const UNIT: usize = 0;
const GRADE: usize = 1;
const RANK: usize = 2;
const TOTAL: usize = 1;

/// The unit column's names: every table's, then those of printed results
/// tables (a prefecture's 地市名称, a county's 县（市）, a department's 部门,
/// a bare 名称). The bracketed ones are written with escapes: headings, not
/// sentences.
pub const UNIT_HEADINGS: &[&str] = &[
    "单位",
    "单位名称",
    "被考核单位",
    "考核对象",
    "被考核对象",
    "参评单位",
    "名称",
    "地市",
    "地市名称",
    "县市",
    "县市区",
    "县(市)",
    "县\u{ff08}市\u{ff09}",
    "县(市\u{3001}区)",
    "县\u{ff08}市\u{3001}区\u{ff09}",
    "县(市)名称",
    "县\u{ff08}市\u{ff09}名称",
    "部门",
    "部门名称",
    "被考核部门",
];

/// The total column's names; a heading may add the points in brackets
/// (`总得分（100分）`).
const TOTAL_HEADINGS: &[&str] = &[
    "总分",
    "得分",
    "考核得分",
    "总得分",
    "综合得分",
    "最终得分",
    "分数",
    "考核总分",
];

/// The scored part's column (基本得分) of a rubric with bonus or penalty
/// parts, besides the name the tool's own tables give it.
const SCORED_HEADINGS: &[&str] = &["基本得分", "基本分", "基础得分"];

/// Columns of yes or no (`true`/`false`, 是/否) that `score --format csv`
/// writes beside the total: a veto, and a rescaled total (the marks a
/// printed table puts in its cells).
const VETO_HEADINGS: &[&str] = &["veto", "一票否决"];
const SCALED_HEADINGS: &[&str] = &["scaled"];

const GRADE_HEADINGS: &[&str] = &["等次", "考核等次", "评定等次", "等级", "考核等级"];
const RANK_HEADINGS: &[&str] = &["名次", "排名", "排序"];

/// The columns of a published table (the template's too): besides the
/// spec's names, the headings seen in published result notices.
pub const COLUMNS: &[Column] = &[
    Column::required("unit", UNIT_HEADINGS),
    Column::required("total", TOTAL_HEADINGS),
    Column::optional("grade", GRADE_HEADINGS),
    Column::optional("rank", RANK_HEADINGS),
];

/// The columns as the table reader places them: the total is found by
/// `total_column` (its heading may carry points), so that a page with a
/// unit column but no total (a sheet of details) can be passed over.
const READ_COLUMNS: &[Column] = &[
    Column::required("unit", UNIT_HEADINGS),
    Column::optional("grade", GRADE_HEADINGS),
    Column::optional("rank", RANK_HEADINGS),
];

/// The marks a table prints after a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TotalMarks {
    /// `*`: rescaled from the items that apply.
    pub scaled: bool,
    /// `§`: a veto capped or set the total.
    pub veto: bool,
    /// `†`: provisional.
    pub provisional: bool,
}

/// One published row.
#[derive(Debug)]
pub struct PublishedRow {
    pub unit: UnitRef,
    /// The total as published, with the places it was written with (`92.50` has 2).
    pub total: Decimal,
    pub grade: Option<String>,
    pub rank: Option<usize>,
    pub at: Location,
    /// Section scores, when the table has a column headed by a section's
    /// title: (section index in the unit's rubric, value as written, cell).
    pub sections: Vec<(usize, Decimal, Location)>,
    /// The table the row is in (`Published::tables`).
    pub table: usize,
    pub marks: TotalMarks,
    /// The grade cell says 一票否决 (`不合格（一票否决）`).
    pub vetoed: bool,
    /// The grade cell says a quota moved the unit down (`良好（名额调整）`).
    pub demoted: bool,
    /// Where the total, grade and rank cells are.
    pub total_at: Location,
    pub grade_at: Location,
    pub rank_at: Location,
    /// Bonus parts whose cell says they do not count (`+1.50（不计）`).
    pub not_counted: Vec<usize>,
    /// The scored part (基本得分), when the table prints it.
    pub scored: Option<(Decimal, Location)>,
    /// Values a workbook holds as numbers (exact whatever places they are
    /// shown with), not as text written to some places: the total, the
    /// scored part, and these sections.
    pub total_exact: bool,
    pub scored_exact: bool,
    pub sections_exact: Vec<usize>,
}

/// One table read (a CSV file, a sheet, a table of a document): where it
/// is and which columns it has.
#[derive(Debug)]
pub struct PublishedTable {
    /// `FILE`, `FILE[SHEET]` or `FILE[表N]`.
    pub label: Arc<str>,
    /// The section columns' titles, folded (as `names::fold` compares).
    pub sections: Vec<String>,
    pub grade: bool,
    pub rank: bool,
    pub scored: bool,
}

impl PublishedTable {
    /// The sections of `rubric` that the table has a column for.
    pub fn has_section(&self, rubric: &Rubric, k: usize) -> bool {
        let title = fold(&rubric.sections[k].title);
        self.sections.contains(&title)
    }
}

/// A unit's second row (`--published` without inputs: a finding, not bad
/// input), and where its first is.
#[derive(Debug)]
pub struct Twice {
    pub row: PublishedRow,
    pub first: Location,
}

pub struct Published {
    pub file: InputFile,
    pub rows: Vec<PublishedRow>,
    pub tables: Vec<PublishedTable>,
    /// Sheets and document tables passed over, each with why.
    pub passed_over: Vec<Message>,
    /// Units listed twice (only when read `alone`; else each is an error).
    pub twice: Vec<Twice>,
}

pub const KIND: Kind = Kind {
    role: Role::Published,
    columns: READ_COLUMNS,
    wide: None,
};

/// Reads a published results file (every sheet of a workbook, or those
/// `sheets` names; every table of a Word document); `None` if any row is
/// bad. Read `alone` (no inputs to recompute from), a unit's second row is
/// kept in `twice` rather than reported.
pub fn read(
    catalog: &Catalog,
    path: &Path,
    encoding: Encoding,
    sheets: Option<&[String]>,
    alone: bool,
    diags: &mut Diagnostics,
) -> Option<Published> {
    let before = diags.len();
    // This tool's own JSON result reads as a published table too.
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return from_json(catalog, path, diags);
    }
    let file: Arc<str> = Arc::from(path.display().to_string());
    let mut all: Vec<PublishedRow> = Vec::new();
    let mut tables: Vec<PublishedTable> = Vec::new();
    let mut passed_over = Vec::new();
    let mut no_total: Vec<(Arc<str>, usize)> = Vec::new();
    let each = |table: Table<'_>, diags: &mut Diagnostics| {
        read_table(catalog, table, &mut all, &mut tables, &mut no_total, diags);
    };
    let read = if is_word_document(path) {
        read_docx(path, &file, &mut passed_over, diags, each)
    } else if is_old_word(path) {
        diags.error(Location::new(&file, 0), msg!("docx-old-format"));
        None
    } else {
        let options = ReadOptions {
            encoding,
            sheets,
            sheets_found: None,
        };
        table::read_tables(path, &KIND, &options, diags, &mut passed_over, each)
    };
    let file = read?;
    // A page or table with a unit column but no total (a sheet of
    // details beside the results) is passed over, unless it is all there
    // is or was asked for by name: then the total is missing.
    for (label, header_line) in no_total {
        if tables.is_empty() || sheets.is_some() {
            diags.error(
                Location::new(&label, header_line),
                msg!(
                    "table-column-missing",
                    column = COLUMNS[TOTAL].label(),
                    hint = None::<Message>,
                    key = "total"
                ),
            );
        } else {
            passed_over.push(msg!("verify-table-no-total", table = label));
        }
    }
    let (rows, twice) = once_each(catalog, all, alone, diags);
    (diags.len() == before).then_some(Published {
        file,
        rows,
        tables,
        passed_over,
        twice,
    })
}

/// A Word document (a `.docx`, whatever its name): a zip whose main part
/// is a document's.
fn is_word_document(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    let zip = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
        .is_ok()
        && &magic == b"PK\x03\x04";
    zip && docx::word_document(path).is_some()
}

/// A Word 97-2003 document (`.doc`, `.wps`): an OLE file by that name.
fn is_old_word(path: &Path) -> bool {
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("doc") || e.eq_ignore_ascii_case("wps"));
    let mut magic = [0u8; 8];
    named
        && std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
            .is_ok()
        && magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
}

/// The tables of a Word document, each read as a sheet is.
fn read_docx(
    path: &Path,
    file: &Arc<str>,
    notes: &mut Vec<Message>,
    diags: &mut Diagnostics,
    each: impl FnMut(Table<'_>, &mut Diagnostics),
) -> Option<InputFile> {
    match docx::read_tables(path, file) {
        Ok(tables) => table::read_row_tables(path, file, tables, &KIND, diags, notes, each),
        Err(e) => {
            let at = match &e.table {
                Some((label, row)) => Location::new(label, *row),
                None => Location::new(file, 0),
            };
            diags.error(at, e.message);
            None
        }
    }
}

/// Where a table's columns are: the declared ones and those found by
/// their headings (the total with its points, the sections, the scored part).
struct Columns {
    table: usize,
    total: usize,
    /// (place, title folded) of each section column.
    sections: Vec<(usize, String)>,
    scored: Option<usize>,
    /// Yes-or-no columns: a veto, a rescaled total.
    veto: Option<usize>,
    scaled: Option<usize>,
}

/// One table (a CSV file, a sheet, a table of a document): its rows onto `all`.
fn read_table(
    catalog: &Catalog,
    mut table: Table,
    all: &mut Vec<PublishedRow>,
    tables: &mut Vec<PublishedTable>,
    no_total: &mut Vec<(Arc<str>, usize)>,
    diags: &mut Diagnostics,
) {
    let total = match total_column(&table, diags) {
        Some(Ok(total)) => Some(total),
        Some(Err(())) => return,
        None => None,
    };
    let Some(total) = total else {
        // One of a workbook's pages or a document's tables: told after
        // the others are read.
        if table.is_sheet() {
            no_total.push((Arc::clone(&table.file), table.header_line));
            return;
        }
        diags.error(
            Location::new(&table.file, table.header_line),
            msg!(
                "table-column-missing",
                column = COLUMNS[TOTAL].label(),
                hint = total_hint(&table),
                key = "total"
            ),
        );
        return;
    };
    let declared: Vec<usize> = (0..READ_COLUMNS.len())
        .filter_map(|c| table.position(c))
        .chain([total])
        .collect();
    let before = diags.len();
    let sections = section_columns(catalog, &table, &declared, diags);
    if diags.len() > before {
        return;
    }
    let scored = table
        .header
        .iter()
        .find(|h| !declared.contains(&h.column) && is_scored_heading(&h.text))
        .map(|h| h.column);
    let flag_column = |names: &[&str]| {
        table
            .header
            .iter()
            .find(|h| {
                !declared.contains(&h.column)
                    && names
                        .iter()
                        .any(|n| table::header_key(n) == table::header_key(&h.text))
            })
            .map(|h| h.column)
    };
    let veto = flag_column(VETO_HEADINGS);
    let scaled_flag = flag_column(SCALED_HEADINGS);
    for p in sections
        .iter()
        .map(|(p, _)| *p)
        .chain(scored)
        .chain([total])
    {
        table.use_column(p);
    }
    let columns = Columns {
        table: tables.len(),
        total,
        sections,
        scored,
        veto,
        scaled: scaled_flag,
    };
    tables.push(PublishedTable {
        label: Arc::clone(&table.file),
        sections: columns.sections.iter().map(|(_, t)| t.clone()).collect(),
        grade: table.has(GRADE),
        rank: table.has(RANK),
        scored: scored.is_some(),
    });
    let (tallies, _) = table.rows(
        diags,
        Vec::new,
        |rows: &mut Vec<PublishedRow>, row, diags| {
            read_row(catalog, &columns, rows, row, diags);
        },
    );
    all.extend(tallies.into_iter().flatten());
}

/// The total column: by its name, or by a heading that adds the points
/// (`总分（100分）`, `总得分(100)`). `Some(Err(()))` when two are (reported).
fn total_column(table: &Table, diags: &mut Diagnostics) -> Option<Result<usize, ()>> {
    let mut found = table.header.iter().filter(|h| {
        let (name, points) = split_max(&h.text);
        COLUMNS[TOTAL].matches(&h.text) || (points.is_some() && COLUMNS[TOTAL].matches(name))
    });
    let first = found.next()?;
    if let Some(second) = found.next() {
        diags.error(
            Location::new(&table.file, table.header_line),
            msg!(
                "table-column-twice",
                first = crate::model::source::column_letters(first.column + 1),
                second = crate::model::source::column_letters(second.column + 1),
                column = COLUMNS[TOTAL].label()
            ),
        );
        return Some(Err(()));
    }
    Some(Ok(first.column))
}

/// The heading most like the total's name, of a table without one.
fn total_hint(table: &Table) -> Option<Message> {
    let names = ["total"].into_iter().chain(TOTAL_HEADINGS.iter().copied());
    let names: Vec<&str> = names.collect();
    table
        .header
        .iter()
        .filter(|h| !READ_COLUMNS.iter().any(|c| c.matches(&h.text)))
        .find(|h| {
            crate::text::diag::nearest(&table::header_key(&h.text), names.iter().copied()).is_some()
        })
        .map(|h| msg!("table-column-hint", header = h.text.as_str()))
}

/// The scored part's heading (基本得分, or the tool's own in either language).
fn is_scored_heading(text: &str) -> bool {
    let key = table::header_key(split_max(text).0);
    SCORED_HEADINGS.iter().any(|h| *h == key)
        || Lang::ALL
            .iter()
            .any(|lang| table::header_key(&msg!("report-col-scored").render(*lang)) == key)
}

/// Columns headed by a section's title (政务公开, “放管服”改革, 加分项), as a
/// notice's table has them, perhaps with the section's points
/// (`政务公开（50分）`): compared when present. Their places and titles
/// (folded). Points that are not the section's in any rubric are an error
/// at the heading.
fn section_columns(
    catalog: &Catalog,
    table: &Table,
    declared: &[usize],
    diags: &mut Diagnostics,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for h in table
        .header
        .iter()
        .filter(|h| !declared.contains(&h.column))
    {
        let (name, points) = split_max(&h.text);
        let whole = fold(&h.text);
        let bare = fold(name);
        let titled = |key: &str| {
            catalog
                .rubrics
                .iter()
                .any(|r| r.sections.iter().any(|s| fold(&s.title) == key))
        };
        // The whole heading first: a title may end in brackets of its own.
        if titled(&whole) {
            out.push((h.column, whole));
            continue;
        }
        if !titled(&bare) {
            continue;
        }
        if let Some(points) = points {
            let sections: Vec<(&Rubric, usize)> = catalog
                .rubrics
                .iter()
                .flat_map(|r| {
                    let bare = &bare;
                    r.sections
                        .iter()
                        .enumerate()
                        .filter(move |(_, s)| fold(&s.title) == *bare)
                        .map(move |(k, _)| (r, k))
                })
                .collect();
            if !sections.iter().any(|(r, k)| section_max(r, *k) == points) {
                let (r, k) = sections[0];
                diags.error(
                    table.header_at(h),
                    msg!(
                        "verify-heading-points",
                        header = h.text.as_str(),
                        written = num::plain(points),
                        section = &r.sections[k].title,
                        rubric = &r.id,
                        max = num::plain(section_max(r, k))
                    ),
                );
                continue;
            }
        }
        out.push((h.column, bare));
    }
    out
}

/// The points of section `k`: a part's max, else its leaves' maxima.
pub fn section_max(rubric: &Rubric, k: usize) -> Decimal {
    let s = &rubric.sections[k];
    match (s.kind, s.max) {
        (PartKind::Bonus | PartKind::Penalty, Some(max)) => max,
        _ => rubric.items[s.items.clone()].iter().map(|i| i.max).sum(),
    }
}

/// One row: its unit, total, rank and grade, and its section columns;
/// onto `rows` when the unit, total and rank are good. A row that repeats
/// the header (a table printed over pages), and one with neither a unit
/// nor a total (a note), is passed over.
fn read_row(
    catalog: &Catalog,
    columns: &Columns,
    rows: &mut Vec<PublishedRow>,
    row: &Row,
    diags: &mut Diagnostics,
) {
    let cell = row.get(UNIT);
    if COLUMNS[UNIT].matches(cell) || table::is_unit_header(cell) {
        return;
    }
    // Neither a unit nor a total: a note under the table (merged across
    // it, whatever it begins with), not a row of results.
    if cell.is_empty() && row.cell(columns.total).is_empty() {
        return;
    }
    // A name that `score --format csv` defused as a formula ('=…) reads
    // back as written; the review's mark after a name (‡) is the table's.
    let cell = cell.trim_end_matches('‡').trim_end();
    let unit = match cell.strip_prefix('\'') {
        Some(rest) if catalog.unit(cell).is_none() && catalog.unit(rest).is_some() => rest,
        _ => cell,
    };
    // A name broken over lines to fit a narrow column reads as one.
    let joined: String = unit.split_whitespace().collect();
    let unit = match catalog.unit(unit) {
        None if catalog.unit(&joined).is_some() => joined.as_str(),
        _ => unit,
    };
    let unit = super::names::resolve_unit(catalog, unit, || row.at(UNIT), diags);
    let total = row_total(row, columns.total, diags);
    let rank = row_rank(row, diags);
    let (Some(unit), Some((total, mut marks)), Some(rank)) = (unit, total, rank) else {
        return;
    };
    let (grade, mut vetoed, demoted) = grade_cell(row.get(GRADE));
    let yes = |p: Option<usize>| p.is_some_and(|p| is_yes(row.cell(p)));
    vetoed |= yes(columns.veto);
    marks.scaled |= yes(columns.scaled);
    let rubric = catalog.rubric_of(unit);
    let (sections, not_counted, sections_exact) =
        row_sections(rubric, &columns.sections, row, diags);
    let scored = columns.scored.and_then(|p| {
        let text = row.cell(p);
        if text.is_empty() {
            return None;
        }
        match num::parse_cell(text) {
            Ok(v) => Some((v, row.at_cell(p))),
            Err(e) => {
                diags.error(
                    row.at_cell(p),
                    msg!(
                        "published-section-not-number",
                        value = text,
                        reason = e.explain()
                    ),
                );
                None
            }
        }
    });
    rows.push(PublishedRow {
        unit,
        total,
        grade,
        rank,
        at: row.at_row(),
        sections,
        table: columns.table,
        marks,
        vetoed,
        demoted,
        total_at: row.at_cell(columns.total),
        grade_at: row.at(GRADE),
        rank_at: row.at(RANK),
        not_counted,
        scored,
        total_exact: row.is_number(columns.total),
        scored_exact: columns.scored.is_some_and(|p| row.is_number(p)),
        sections_exact,
    });
}

/// A yes in a column of yes or no: `true` (as `score --format csv`
/// writes it), 是, √, 1.
fn is_yes(cell: &str) -> bool {
    let c = cell.trim();
    c.eq_ignore_ascii_case("true") || c.eq_ignore_ascii_case("yes") || matches!(c, "是" | "√" | "1")
}

/// The row's total, and the table's own marks after it: `*` rescaled, `§`
/// a veto's total, `†` provisional.
fn row_total(row: &Row, p: usize, diags: &mut Diagnostics) -> Option<(Decimal, TotalMarks)> {
    let mut cell = row.cell(p);
    let mut marks = TotalMarks::default();
    while let Some(c @ ('*' | '＊' | '§' | '†')) = cell.chars().next_back() {
        match c {
            '§' => marks.veto = true,
            '†' => marks.provisional = true,
            _ => marks.scaled = true,
        }
        cell = cell[..cell.len() - c.len_utf8()].trim_end();
    }
    match num::parse_cell(cell) {
        Ok(t) => Some((t, marks)),
        Err(e) => {
            diags.error(
                row.at_cell(p),
                msg!(
                    "published-total-not-number",
                    total = cell,
                    reason = e.explain()
                ),
            );
            None
        }
    }
}

/// The row's rank: `Some(None)` when empty, `None` when it is no rank
/// (reported).
fn row_rank(row: &Row, diags: &mut Diagnostics) -> Option<Option<usize>> {
    let rank_cell = row.get(RANK);
    if rank_cell.is_empty() {
        Some(None)
    } else {
        match rank_cell.parse::<usize>() {
            Ok(r) if r > 0 => Some(Some(r)),
            _ => {
                diags.error(row.at(RANK), msg!("published-bad-rank", rank = rank_cell));
                None
            }
        }
    }
}

/// A row's sections: (section, value, cell) of each filled one, the bonus
/// parts marked not counted, the sections held as workbook numbers.
type RowSections = (Vec<(usize, Decimal, Location)>, Vec<usize>, Vec<usize>);

/// The row's section scores: each section column of the unit's rubric
/// that is filled, by section index, with its cell; the bonus parts whose
/// cell says they do not count; the sections held as workbook numbers.
fn row_sections(
    rubric: &Rubric,
    section_columns: &[(usize, String)],
    row: &Row,
    diags: &mut Diagnostics,
) -> RowSections {
    let mut sections = Vec::new();
    let mut not_counted = Vec::new();
    let mut exact = Vec::new();
    for (p, title) in section_columns {
        let Some(k) = rubric
            .sections
            .iter()
            .position(|s| fold(&s.title) == *title)
        else {
            continue;
        };
        let text = row.cell(*p);
        if text.is_empty() {
            continue;
        }
        let (text, counted) = match strip_mark(text, "cell-not-counted", "score") {
            Some(bare) => (bare, false),
            None => (text, true),
        };
        match num::parse_cell(text) {
            Ok(v) => {
                sections.push((k, v, row.at_cell(*p)));
                if !counted {
                    not_counted.push(k);
                }
                if row.is_number(*p) {
                    exact.push(k);
                }
            }
            Err(e) => diags.error(
                row.at_cell(*p),
                msg!(
                    "published-section-not-number",
                    value = text,
                    reason = e.explain()
                ),
            ),
        }
    }
    (sections, not_counted, exact)
}

/// The rows, a unit's second row left out: reported, or (read `alone`)
/// kept as a finding.
fn once_each(
    catalog: &Catalog,
    all: Vec<PublishedRow>,
    alone: bool,
    diags: &mut Diagnostics,
) -> (Vec<PublishedRow>, Vec<Twice>) {
    let mut rows = Vec::new();
    let mut twice = Vec::new();
    let mut seen: HashMap<UnitRef, Location> = HashMap::new();
    for row in all {
        if let Some(first) = seen.get(&row.unit) {
            if alone {
                twice.push(Twice {
                    row,
                    first: first.clone(),
                });
                continue;
            }
            diags.error(
                row.at.clone(),
                msg!(
                    "published-twice",
                    unit = &catalog.unit_of(row.unit).name,
                    first = first
                ),
            );
            continue;
        }
        seen.insert(row.unit, row.at.clone());
        rows.push(row);
    }
    (rows, twice)
}

/// A grade cell as the table prints it: the grade, and whether it says
/// 一票否决 (`不合格（一票否决）`) or 名额调整 (`良好（名额调整）`), in either
/// language.
fn grade_cell(cell: &str) -> (Option<String>, bool, bool) {
    let (cell, vetoed) = match strip_mark(cell, "table-grade-vetoed", "grade") {
        Some(bare) => (bare, true),
        None => (cell, false),
    };
    let (cell, demoted) = match strip_mark(cell, "table-grade-demoted", "grade") {
        Some(bare) => (bare, true),
        None => (cell, false),
    };
    let grade = Some(cell.trim().to_string()).filter(|g| !g.is_empty());
    (grade, vetoed, demoted)
}

/// `cell` without the mark a table's message `key` adds after its value
/// (`arg`), in either language: `不合格（一票否决）` is `不合格`.
fn strip_mark<'c>(cell: &'c str, key: &'static str, arg: &'static str) -> Option<&'c str> {
    Lang::ALL
        .iter()
        .map(|lang| Message::new(key).arg(arg, "").render(*lang))
        .find_map(|mark| {
            let mark = mark.trim();
            (!mark.is_empty())
                .then(|| cell.strip_suffix(mark))
                .flatten()
        })
        .map(str::trim)
}

/// A result written by `assess score --format json`, as published rows.
fn from_json(catalog: &Catalog, path: &Path, diags: &mut Diagnostics) -> Option<Published> {
    let before = diags.len();
    let units = super::previous::read(path, diags)?;
    let bytes = std::fs::read(path).unwrap_or_default();
    let file = InputFile {
        role: Role::Published,
        path: std::sync::Arc::from(path.display().to_string()),
        sha256: crate::model::source::sha256_hex(&bytes),
    };
    let mut rows = Vec::new();
    for u in units {
        let Some(unit) = catalog
            .rubrics
            .iter()
            .position(|r| r.id == u.rubric)
            .and_then(|r| {
                let i = catalog.rubrics[r].units.iter().position(|x| x.id == u.id)?;
                Some(UnitRef { rubric: r, unit: i })
            })
            .or_else(|| catalog.unit(&u.id))
        else {
            diags.error(
                u.at.clone(),
                msg!(
                    "input-unknown-unit",
                    unit = u.id.as_str(),
                    hint = crate::text::diag::hint(&u.id, catalog.unit_names())
                ),
            );
            continue;
        };
        rows.push(PublishedRow {
            unit,
            total: u.total,
            grade: Some(u.grade),
            rank: Some(u.rank),
            at: u.at.clone(),
            sections: Vec::new(),
            table: 0,
            marks: TotalMarks::default(),
            vetoed: u.veto,
            demoted: false,
            total_at: u.at.clone(),
            grade_at: u.at.clone(),
            rank_at: u.at,
            not_counted: Vec::new(),
            scored: None,
            total_exact: true,
            scored_exact: false,
            sections_exact: Vec::new(),
        });
    }
    let tables = vec![PublishedTable {
        label: Arc::clone(&file.path),
        sections: Vec::new(),
        grade: true,
        rank: true,
        scored: false,
    }];
    (diags.len() == before).then_some(Published {
        file,
        rows,
        tables,
        passed_over: Vec::new(),
        twice: Vec::new(),
    })
}
