//! Rubric workbooks (SPEC 14): the format's vocabulary (sheet and column
//! names, the forms of a cell), shared with the writer in
//! `report::rubric_xlsx`, and `rubric import`, which reads such a workbook
//! into a rubric file.
//!
//! Import reads the sheets into a [`Draft`], writes it with
//! [`toml_out::write`] (which gives back the cell of every line), and loads
//! the text with the rubric loader: what the loader finds wrong is reported
//! at the cell that produced the line. What only the workbook can get wrong
//! (a missing sheet or column, a cell that is not a number, an unknown
//! scorer, weights, merged cells) is checked here first. Every error names
//! its sheet and cell, and all of them are reported at once.

use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::date::Date;
use crate::model::record::Kind;
use crate::model::rubric::RuleKind;
use crate::model::rubric::{Ranking, Start};
use crate::model::source::Location;
use crate::num::{self, NumError};
use crate::rubric::toml_out::{
    self, Body, Draft, DraftGrade, DraftLeaf, DraftNode, DraftRule, DraftSection, DraftUnit,
};
use crate::tables::workbook::{Book, CellKind, SheetError, Sniffed, sniff};
use crate::text::diag::{Diagnostic, Diagnostics, hint};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

// ---------------------------------------------------------------------------
// The format's vocabulary: identifiers of the format, the same in every
// language of the program.

/// The indicators, one row per leaf (考核细则).
pub const SHEET_ITEMS: &str = "细则";
/// The per-instance rules of the leaves (扣分标准).
pub const SHEET_RULES: &str = "扣分标准";
/// Id, title, year, scale, grades (基本信息).
pub const SHEET_INFO: &str = "基本信息";
/// The scorers (评分单位).
pub const SHEET_SCORERS: &str = "评分单位";
/// The roster (考核对象).
pub const SHEET_UNITS: &str = "考核对象";
/// Sections and groups with their ids and criteria (指标说明); optional.
pub const SHEET_GROUPS: &str = "指标说明";

pub const COL_ID: &str = "编号";
pub const COL_POINTS: &str = "分值";
pub const COL_CRITERIA: &str = "评分标准";
pub const COL_SCORERS: &str = "评分单位";
pub const COL_MAX_DEDUCT: &str = "核减上限";
pub const COL_MAX_ADD: &str = "核加上限";
pub const COL_METHOD: &str = "计分方式";

pub const COL_LEAF: &str = "编号";
pub const COL_RULE_ID: &str = "规则编号";
pub const COL_RULE_TEXT: &str = "标准";
pub const COL_RULE_KIND: &str = "类型";
pub const COL_RULE_POINTS: &str = "每次分值";
pub const COL_RULE_MAX: &str = "上限";

pub const COL_NAME: &str = "名称";
pub const COL_ALIASES: &str = "简称";
pub const COL_INDICATOR: &str = "指标";

pub const INFO_ID: &str = "细则编号";
pub const INFO_TITLE: &str = "标题";
pub const INFO_YEAR: &str = "年度";
pub const INFO_TOTAL: &str = "满分";
pub const INFO_DECIMALS: &str = "小数位数";
pub const INFO_RANKING: &str = "排名方式";
pub const INFO_PERIOD: &str = "考核期";
/// `[conversion]`: the points the total is converted to (折算分值) and
/// what the converted score is called.
pub const INFO_CONVERSION: &str = "折算分值";
pub const INFO_CONVERSION_LABEL: &str = "折算名称";
pub const COL_GRADE: &str = "等次";
pub const COL_GRADE_MIN: &str = "下限";

/// 计分方式 of a leaf scored by daily records alone: from 0, additions raise it.
pub const METHOD_ZERO: &str = "加分";
/// … or from its max, deductions lower it (扣完为止).
pub const METHOD_FULL: &str = "扣分";
const METHOD_ZERO_ALSO: [&str; 3] = ["加分项", "加分制", "zero"];
const METHOD_FULL_ALSO: [&str; 3] = ["扣分项", "扣分制", "full"];

/// 类型 of a rule.
pub const KIND_DEDUCT: &str = "扣分";
pub const KIND_ADD: &str = "加分";

/// 排名方式: ties take places (1, 2, 2, 4) or do not (1, 2, 2, 3).
pub const RANKING_COMPETITION: &str = "并列空位";
pub const RANKING_DENSE: &str = "并列不空位";

/// Between the weighted scorers of a 评分单位 cell, and between aliases.
pub const WEIGHT_SEPARATOR: char = '；';
pub const ALIAS_SEPARATOR: char = '、';

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const LEVEL_SUFFIX: &str = "级指标";
/// Rows of a 细则 sheet that close it rather than name an indicator.
const TOTAL_ROWS: [&str; 4] = ["合计", "总计", "总分", "小计"];
const NOTE_ROWS: [&str; 3] = ["注", "说明", "备注"];
/// Columns an office adds that say nothing about the rubric.
const IGNORED_COLUMNS: [&str; 4] = ["序号", "备注", "说明", "No."];

/// The heading of level `level` (1 = 一级指标, the sections).
pub fn level_name(level: usize) -> String {
    match level {
        1..=10 => format!("{}{LEVEL_SUFFIX}", NUMERALS[level - 1]),
        _ => format!("{level}{LEVEL_SUFFIX}"),
    }
}

/// The level a heading names: 一级指标 → 1, 四级指标 → 4, 11级指标 → 11.
fn level_of(name: &str) -> Option<usize> {
    let head = name.strip_suffix(LEVEL_SUFFIX)?;
    let mut chars = head.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => NUMERALS.iter().position(|n| *n == c).map(|p| p + 1),
        _ => head.parse().ok().filter(|n| *n > 0),
    }
}

/// A sheet of rubric `suffix`: `细则`, or `细则-counties` in a workbook of several.
pub fn sheet_name(base: &str, suffix: &str) -> String {
    if suffix.is_empty() {
        base.to_string()
    } else {
        format!("{base}-{suffix}")
    }
}

/// A section or group cell as the writer writes it: `1.3 平台建设（8分）`.
pub fn indicator_cell(id: &str, title: &str, points: Decimal) -> String {
    format!("{id} {title}{}", points_suffix(points))
}

/// `（8分）`
pub fn points_suffix(points: Decimal) -> String {
    format!("{}{}{}{}", '（', num::plain(points), '分', '）')
}

/// A 评分单位 cell: one name, or names with their weights
/// (`牵头单位0.4；行政服务中心0.3；行政公署办公室0.3`).
pub fn weights_cell(parts: &[(&str, Decimal)]) -> String {
    if let [(name, w)] = parts
        && *w == Decimal::ONE
    {
        return name.to_string();
    }
    parts
        .iter()
        .map(|(name, w)| format!("{name}{}", num::plain(*w)))
        .collect::<Vec<_>>()
        .join(&WEIGHT_SEPARATOR.to_string())
}

/// 计分方式 of a leaf without scorers.
pub fn method_cell(start: Start) -> &'static str {
    match start {
        Start::Zero => METHOD_ZERO,
        Start::Full => METHOD_FULL,
    }
}

/// 类型 of a rule.
pub fn kind_cell(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Add => KIND_ADD,
        RuleKind::Deduct => KIND_DEDUCT,
    }
}

/// 排名方式
pub fn ranking_cell(ranking: Ranking) -> &'static str {
    match ranking {
        Ranking::Competition => RANKING_COMPETITION,
        Ranking::Dense => RANKING_DENSE,
    }
}

// ---------------------------------------------------------------------------
// Cells

/// A cell as read: text, a number (as Excel shows it, at 15 significant
/// digits), a date.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Text(String),
    Number(String),
    Date(Date),
    Bool(bool),
}

/// A merged range, 0-based (row, column) of its first and last cell.
#[derive(Clone, Copy, Debug)]
struct Merge {
    start: (u32, u32),
    end: (u32, u32),
}

/// Where a value came from: a cell of a sheet (0-based row and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    /// The sheet's position in the workbook, so errors follow its order.
    order: usize,
    label: Arc<str>,
    row: u32,
    col: u32,
}

impl At {
    fn location(&self) -> Location {
        Location::new(&self.label, self.row as usize + 1).in_cell(self.col as usize + 1)
    }

    fn key(&self) -> (usize, u32, u32) {
        (self.order, self.row, self.col)
    }
}

/// A cell's name as a spreadsheet writes it: `B5`.
fn cell_name(row: u32, col: u32) -> String {
    format!(
        "{}{}",
        crate::model::source::column_letters(col as usize + 1),
        row + 1
    )
}

/// Typed forms of a number: full-width digits, point and signs, a trailing 分.
fn typed_number(text: &str) -> String {
    let t: String = text.trim().chars().map(crate::num::halfwidth).collect();
    t.strip_suffix('分').unwrap_or(&t).trim().to_string()
}

use crate::text::width::is_cjk;

/// A header cell as matched: every space and line break removed.
fn header_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One worksheet: its cells (sparse, so a stray cell far away costs
/// nothing) and its merged ranges.
struct Sheet {
    order: usize,
    label: Arc<str>,
    cells: BTreeMap<(u32, u32), Value>,
    merges: Vec<Merge>,
    /// (column, first row) of each merged range -> its last row: a cell
    /// below a range's first row, in its first column, reads the range's
    /// first cell (looked up, never spread over the rows it covers).
    filled: BTreeMap<(u32, u32), u32>,
    last_row: u32,
}

impl Sheet {
    fn at(&self, row: u32, col: u32) -> At {
        At {
            order: self.order,
            label: Arc::clone(&self.label),
            row,
            col,
        }
    }

    fn value(&self, row: u32, col: u32) -> Option<&Value> {
        self.cells.get(&(row, col))
    }

    /// The cell as text, trimmed; `None` when empty.
    fn text(&self, row: u32, col: u32) -> Option<String> {
        let t = match self.value(row, col)? {
            Value::Text(s) => s.replace("\r\n", "\n").trim().to_string(),
            Value::Number(n) => n.clone(),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        };
        (!t.is_empty()).then_some(t)
    }

    /// The text of a cell, or of the merged range above it in the same
    /// column, with the cell it was written in.
    fn filled_text(&self, row: u32, col: u32) -> Option<(String, At)> {
        if let Some(t) = self.text(row, col) {
            return Some((t, self.at(row, col)));
        }
        let (&(c0, r0), &last) = self.filled.range(..=(col, row)).next_back()?;
        if c0 != col || r0 == row || last < row {
            return None;
        }
        self.text(r0, c0).map(|t| (t, self.at(r0, c0)))
    }

    /// The rows holding any cell.
    fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|(r, _)| *r).collect();
        rows.dedup();
        rows
    }

    /// The cells of a row, left to right.
    fn row_cells(&self, row: u32) -> impl Iterator<Item = (u32, String)> + '_ {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .filter_map(move |((_, c), _)| self.text(row, *c).map(|t| (*c, t)))
    }

    /// The first row (of the first 30) with a cell reading `name`.
    fn header_row(&self, names: &[&str]) -> Option<u32> {
        self.rows().into_iter().take(30).find(|&r| {
            self.row_cells(r)
                .any(|(_, t)| names.contains(&header_text(&t).as_str()))
        })
    }
}

/// The problems found, each at a cell or at the workbook itself.
struct Errors {
    file: Arc<str>,
    at_cells: Vec<(At, Message)>,
    general: Vec<Message>,
    /// A row of 细则 was refused: the sums of its section and groups are
    /// not known, so they are not checked (nor the total's).
    incomplete: bool,
    /// The sections (by their cell's text) of the rows refused; `None`
    /// when a refused row names no section, so none is known whole.
    incomplete_sections: Option<HashSet<String>>,
}

impl Errors {
    fn at(&mut self, at: At, m: Message) {
        self.at_cells.push((at, m));
    }

    fn is_empty(&self) -> bool {
        self.at_cells.is_empty() && self.general.is_empty()
    }

    fn has_cell(&self, at: &At) -> bool {
        self.at_cells.iter().any(|(a, _)| a == at)
    }

    /// Problems of the workbook first, then by sheet, row and column.
    fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        self.at_cells.sort_by_key(|(a, _)| a.key());
        let mut d = Diagnostics::new();
        for m in self.general {
            d.error(Location::new(&self.file, 0), m);
        }
        for (a, m) in self.at_cells {
            d.error(a.location(), m);
        }
        d.into_vec()
    }
}

// ---------------------------------------------------------------------------
// Reading the workbook

/// Reads a rubric workbook into the text of a rubric file, checked by the
/// loader; or every problem, each at its sheet and cell.
pub fn import(file: &Arc<str>, path: &Path) -> Result<String, Vec<Diagnostic>> {
    let mut e = Errors {
        file: Arc::clone(file),
        at_cells: Vec::new(),
        general: Vec::new(),
        incomplete: false,
        incomplete_sections: Some(HashSet::new()),
    };
    let opened = sniffed(path).and_then(|s| Book::open(path, s));
    let mut book = match opened {
        Ok(b) => b,
        Err(m) => {
            e.general.push(m);
            return Err(e.into_diagnostics());
        }
    };
    let names: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
    let Some(suffix) = choose_rubric(&names, &mut e) else {
        return Err(e.into_diagnostics());
    };
    let mut open = |base: &str, required: bool, e: &mut Errors| -> Option<Sheet> {
        let name = sheet_name(base, &suffix);
        let Some(order) = names.iter().position(|n| *n == name) else {
            if required {
                e.general.push(msg!(
                    "import-sheet-missing",
                    sheet = name.as_str(),
                    hint = hint(&name, names.iter().map(String::as_str)),
                    sheets = crate::text::list(names.iter())
                ));
            }
            return None;
        };
        read_sheet(&mut book, file, &name, order, e)
    };
    let items_sheet = open(SHEET_ITEMS, true, &mut e);
    let rules_sheet = open(SHEET_RULES, false, &mut e);
    let info_sheet = open(SHEET_INFO, true, &mut e);
    let scorers_sheet = open(SHEET_SCORERS, true, &mut e);
    let units_sheet = open(SHEET_UNITS, true, &mut e);
    let groups_sheet = open(SHEET_GROUPS, false, &mut e);

    let mut draft = Draft {
        id: None,
        title: None,
        year: None,
        total: None,
        decimals: None,
        ranking: None,
        period: None,
        conversion: None,
        scorers: None,
        grades: Vec::new(),
        units: Vec::new(),
        sections: Vec::new(),
    };
    if let Some(s) = &info_sheet {
        read_info(s, items_sheet.as_ref(), &mut draft, &mut e);
    }
    let scorers = scorers_sheet
        .as_ref()
        .map(|s| read_scorers(s, &mut draft, &mut e))
        .unwrap_or_default();
    if let Some(s) = &units_sheet {
        read_units(s, &mut draft, &mut e);
    }
    let groups = groups_sheet
        .as_ref()
        .map(|s| read_groups(s, &mut e))
        .unwrap_or_default();
    if let Some(s) = &items_sheet {
        let mut tree = read_items(s, &scorers, &groups, scorers_sheet.is_some(), &mut e);
        if let Some(r) = &rules_sheet {
            read_rules(r, &mut tree, &mut e);
        }
        draft.sections = tree.into_sections(&mut e);
    }

    let (text, origins) = toml_out::write(&draft);
    let mut loaded = Diagnostics::new();
    let origin = crate::model::source::InputFile {
        role: crate::model::source::Role::Rubric,
        path: Arc::clone(file),
        sha256: String::new(),
    };
    let ok = crate::rubric::parse(&text, origin, &mut loaded).is_some();
    // What the loader finds is reported at the cell of its line, unless the
    // cell has a problem of its own already, or the loader only misses what
    // could not be read (reported here).
    const CONSEQUENCES: [&str; 6] = [
        "rubric-key-missing",
        "rubric-no-unit",
        "rubric-no-grade",
        "rubric-scorers-empty",
        "rubric-group-empty",
        "rubric-weights-empty",
    ];
    const SUMS: [&str; 2] = ["rubric-maxima-sum", "rubric-group-max"];
    let direct = !e.is_empty();
    for d in loaded.into_vec() {
        if direct && CONSEQUENCES.contains(&d.message.key)
            || e.incomplete && SUMS.contains(&d.message.key)
        {
            continue;
        }
        let at = d.location.as_ref().and_then(|l| {
            origins[..l.line.min(origins.len())]
                .iter()
                .rev()
                .find_map(Clone::clone)
        });
        match at {
            Some(at) if e.has_cell(&at) => {}
            Some(at) => e.at(at, d.message),
            None => e.general.push(d.message),
        }
    }
    if ok && e.is_empty() {
        Ok(text)
    } else {
        Err(e.into_diagnostics())
    }
}

/// The rubric of the workbook: `""` for plain sheet names (`细则`), else
/// the suffix of its one set of sheets (`细则-counties`).
fn choose_rubric(names: &[String], e: &mut Errors) -> Option<String> {
    if names.iter().any(|n| n == SHEET_ITEMS) {
        return Some(String::new());
    }
    let prefix = format!("{SHEET_ITEMS}-");
    let suffixes: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix(&prefix))
        .collect();
    match suffixes.as_slice() {
        [one] => Some(one.to_string()),
        [] => {
            e.general.push(msg!(
                "import-sheet-missing",
                sheet = SHEET_ITEMS,
                hint = hint(SHEET_ITEMS, names.iter().map(String::as_str)),
                sheets = crate::text::list(names.iter())
            ));
            None
        }
        several => {
            e.general.push(msg!(
                "import-several",
                ids = crate::text::list(several.iter().copied())
            ));
            None
        }
    }
}

/// What the file is, from its first bytes: a workbook, or an error saying
/// what it is not.
fn sniffed(path: &Path) -> Result<Sniffed, Message> {
    use std::io::Read;
    let mut head = [0u8; 8];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    match read {
        Err(err) => Err(msg!(
            "source-cannot-read-file",
            reason = crate::tables::file::io_reason(&err)
        )),
        Ok(n) => sniff(&head[..n]).ok_or_else(|| msg!("workbook-not-excel")),
    }
}

/// One sheet, read whole into its cells (sparse) and merged ranges.
fn read_sheet(
    book: &mut Book,
    file: &Arc<str>,
    name: &str,
    order: usize,
    e: &mut Errors,
) -> Option<Sheet> {
    let label: Arc<str> = Arc::from(format!("{file}[{name}]"));
    let mut sheet = Sheet {
        order,
        label: Arc::clone(&label),
        cells: BTreeMap::new(),
        merges: Vec::new(),
        filled: BTreeMap::new(),
        last_row: 0,
    };
    let failed = |e: &mut Errors, err: SheetError| {
        let row = u32::try_from(err.row.saturating_sub(1)).unwrap_or(0);
        let col = u32::try_from(err.column.unwrap_or(1).saturating_sub(1)).unwrap_or(0);
        e.at(
            At {
                order,
                label: Arc::clone(&label),
                row,
                col,
            },
            err.message,
        );
    };
    let index = book.sheets.iter().position(|s| s.name == name)?;
    let mut rows = match book.rows(index) {
        Ok(rows) => rows,
        Err(m) => {
            failed(
                e,
                SheetError {
                    row: 0,
                    column: None,
                    message: m,
                },
            );
            return None;
        }
    };
    loop {
        match rows.next_row() {
            Ok(Some(row)) => {
                let r = u32::try_from(row.number - 1).unwrap_or(u32::MAX);
                for cell in &row.cells {
                    let c = u32::try_from(cell.column - 1).unwrap_or(u32::MAX);
                    if let Some(problem) = cell.problem().filter(|_| cell.kind != CellKind::NoValue)
                    {
                        e.at(sheet.at(r, c), problem);
                        continue;
                    }
                    let value = match cell.kind {
                        CellKind::Text if cell.text.is_empty() => None,
                        CellKind::Text => Some(Value::Text(cell.text.clone())),
                        CellKind::Number => Some(Value::Number(cell.text.clone())),
                        CellKind::Date => Date::parse(&cell.text).map(Value::Date),
                        CellKind::Bool => Some(Value::Bool(cell.text == "TRUE")),
                        // A formula never calculated holds nothing.
                        _ => None,
                    };
                    if let Some(v) = value {
                        sheet.last_row = sheet.last_row.max(r);
                        sheet.cells.insert((r, c), v);
                    }
                }
            }
            Ok(None) => break,
            Err(err) => {
                failed(e, err);
                return None;
            }
        }
    }
    let merged = match rows.merged() {
        Ok(m) => m,
        Err(err) => {
            failed(e, err);
            return None;
        }
    };
    for m in merged {
        let to = |(col, row): (usize, usize)| {
            (
                u32::try_from(row - 1).unwrap_or(u32::MAX),
                u32::try_from(col - 1).unwrap_or(u32::MAX),
            )
        };
        let merge = Merge {
            start: to(m.first),
            end: to(m.last),
        };
        // A merged range's value sits in its first cell; the cells below it in
        // its first column take that value (a group cell merged over its leaves).
        sheet
            .filled
            .insert((merge.start.1, merge.start.0), merge.end.0);
        sheet.merges.push(merge);
    }
    Some(sheet)
}

/// The columns of a header row: name -> column. Two columns of one name
/// are an error; so is a column whose name is a near miss of a known one.
fn columns(s: &Sheet, row: u32, known: &[String], e: &mut Errors) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::new();
    for (c, t) in s.row_cells(row) {
        let name = header_text(&t);
        if IGNORED_COLUMNS.contains(&name.as_str()) {
            continue;
        }
        if known.contains(&name) {
            if let Some(first) = out.get(&name) {
                e.at(
                    s.at(row, c),
                    msg!(
                        "import-column-twice",
                        column = name.as_str(),
                        first = cell_name(row, *first)
                    ),
                );
            } else {
                out.insert(name, c);
            }
        } else if let Some(h) = hint(&name, known.iter().map(String::as_str)) {
            e.at(
                s.at(row, c),
                msg!("import-column-unknown", column = name.as_str(), hint = h),
            );
        }
    }
    out
}

/// Reports required columns missing from a header row, at the cell after
/// its last one (where the column would go).
fn require(
    s: &Sheet,
    row: u32,
    cols: &HashMap<String, u32>,
    required: &[&str],
    e: &mut Errors,
) -> bool {
    let next = s.row_cells(row).map(|(c, _)| c + 1).max().unwrap_or(0);
    let mut ok = true;
    for name in required {
        if !cols.contains_key(*name) {
            e.at(
                s.at(row, next),
                msg!("import-column-missing", column = *name),
            );
            ok = false;
        }
    }
    ok
}

/// A header row, or an error at A1 saying which column it needs.
fn header(s: &Sheet, anchor: &str, e: &mut Errors) -> Option<u32> {
    let row = s.header_row(&[anchor]);
    if row.is_none() {
        e.at(s.at(0, 0), msg!("import-header-missing", column = anchor));
    }
    row
}

/// A number cell (or text that reads as one); `Err` when it is neither
/// empty nor a number (reported).
fn number(
    s: &Sheet,
    row: u32,
    col: u32,
    column: &str,
    e: &mut Errors,
) -> Result<Option<Decimal>, ()> {
    let (text, parsed) = match s.value(row, col) {
        None => return Ok(None),
        Some(Value::Number(n)) => (n.clone(), num::parse_plain(n)),
        Some(Value::Text(t)) => {
            let typed = typed_number(t);
            if typed.is_empty() {
                return Ok(None);
            }
            (t.trim().to_string(), num::parse_plain(&typed))
        }
        Some(_) => (
            s.text(row, col).unwrap_or_default(),
            Err(NumError::NotADecimal),
        ),
    };
    parsed.map(Some).map_err(|why| {
        e.at(
            s.at(row, col),
            msg!(
                "import-not-number",
                column = column,
                value = text,
                reason = why.explain()
            ),
        );
    })
}

/// A whole number (a year, a count of places).
fn integer(s: &Sheet, row: u32, col: u32, column: &str, e: &mut Errors) -> Option<i64> {
    let text = s.text(row, col)?;
    let t = typed_number(text.strip_suffix('年').unwrap_or(&text));
    match t.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            e.at(
                s.at(row, col),
                msg!("import-not-integer", column = column, value = text),
            );
            None
        }
    }
}

fn date(s: &Sheet, row: u32, col: u32, e: &mut Errors) -> Option<Date> {
    match s.value(row, col)? {
        Value::Date(d) => Some(*d),
        _ => {
            let text = s.text(row, col)?;
            let d = Date::parse(&text);
            if d.is_none() {
                e.at(s.at(row, col), msg!("import-not-date", value = text));
            }
            d
        }
    }
}

// ---------------------------------------------------------------------------
// 基本信息

fn read_info(s: &Sheet, items: Option<&Sheet>, d: &mut Draft<At>, e: &mut Errors) {
    // Each row: a label in its first cell, the value after it.
    let mut rows: HashMap<String, (u32, u32)> = HashMap::new();
    let mut grade_header = None;
    for r in s.rows() {
        let Some((c, t)) = s.row_cells(r).next() else {
            continue;
        };
        let label = header_text(&t);
        if label == COL_GRADE {
            grade_header.get_or_insert(r);
        } else if [
            INFO_ID,
            INFO_TITLE,
            INFO_YEAR,
            INFO_TOTAL,
            INFO_DECIMALS,
            INFO_RANKING,
            INFO_PERIOD,
            INFO_CONVERSION,
            INFO_CONVERSION_LABEL,
        ]
        .contains(&label.as_str())
        {
            rows.entry(label).or_insert((r, c));
        }
    }
    let missing = |key: &str, e: &mut Errors| {
        e.at(s.at(0, 0), msg!("import-info-missing", key = key));
    };
    let value_text = |key: &str, e: &mut Errors| -> Option<(String, At)> {
        let &(r, c) = rows.get(key)?;
        match s.text(r, c + 1) {
            Some(t) => Some((t, s.at(r, c + 1))),
            None => {
                e.at(s.at(r, c + 1), msg!("import-cell-empty", column = key));
                None
            }
        }
    };
    match rows.contains_key(INFO_ID) {
        true => d.id = value_text(INFO_ID, e),
        false => missing(INFO_ID, e),
    }
    d.title = match rows.contains_key(INFO_TITLE) {
        true => value_text(INFO_TITLE, e),
        // An office's 细则 carries its title above the header row.
        false => items
            .and_then(|i| {
                let header = i.header_row(&[level_name(1).as_str()])?;
                i.rows()
                    .into_iter()
                    .take_while(|r| *r < header)
                    .find_map(|r| i.row_cells(r).next().map(|(c, t)| (t, i.at(r, c))))
            })
            .or_else(|| {
                missing(INFO_TITLE, e);
                None
            }),
    };
    match rows.get(INFO_YEAR) {
        Some(&(r, c)) => {
            if s.text(r, c + 1).is_none() {
                e.at(
                    s.at(r, c + 1),
                    msg!("import-cell-empty", column = INFO_YEAR),
                );
            }
            d.year = integer(s, r, c + 1, INFO_YEAR, e).map(|y| (y, s.at(r, c + 1)));
        }
        None => missing(INFO_YEAR, e),
    }
    match rows.get(INFO_TOTAL) {
        Some(&(r, c)) => match number(s, r, c + 1, INFO_TOTAL, e) {
            Ok(Some(t)) => d.total = Some((t, s.at(r, c + 1))),
            Ok(None) => e.at(
                s.at(r, c + 1),
                msg!("import-cell-empty", column = INFO_TOTAL),
            ),
            Err(()) => {}
        },
        None => missing(INFO_TOTAL, e),
    }
    d.decimals = match rows.get(INFO_DECIMALS) {
        Some(&(r, c)) => integer(s, r, c + 1, INFO_DECIMALS, e)
            .map(|n| (u32::try_from(n).unwrap_or(u32::MAX), s.at(r, c + 1))),
        None => Some((2, s.at(0, 0))),
    };
    d.ranking = match rows.get(INFO_RANKING) {
        Some(&(r, c)) => match s.text(r, c + 1) {
            None => Some((Ranking::Competition, s.at(r, c))),
            Some(t) => match header_text(&t).as_str() {
                RANKING_COMPETITION | "competition" => Some((Ranking::Competition, s.at(r, c + 1))),
                RANKING_DENSE | "dense" => Some((Ranking::Dense, s.at(r, c + 1))),
                _ => {
                    e.at(
                        s.at(r, c + 1),
                        msg!(
                            "import-ranking-unknown",
                            value = t,
                            competition = RANKING_COMPETITION,
                            dense = RANKING_DENSE
                        ),
                    );
                    None
                }
            },
        },
        None => Some((Ranking::Competition, s.at(0, 0))),
    };
    if let Some(&(r, c)) = rows.get(INFO_PERIOD) {
        let (start, end) = match (s.value(r, c + 1), s.text(r, c + 2)) {
            // One cell holding both: 2020-01-01至2020-12-31.
            (Some(Value::Text(t)), None) => {
                let parts: Vec<&str> = t
                    .split(['至', '~', '～', '—', '–'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                match parts.as_slice() {
                    [a, b] => match (Date::parse(a), Date::parse(b)) {
                        (Some(a), Some(b)) => (Some(a), Some(b)),
                        _ => {
                            e.at(s.at(r, c + 1), msg!("import-not-date", value = t.trim()));
                            (None, None)
                        }
                    },
                    _ => {
                        e.at(s.at(r, c + 1), msg!("import-period-end", value = t.trim()));
                        (None, None)
                    }
                }
            }
            _ => {
                let start = date(s, r, c + 1, e);
                let end = date(s, r, c + 2, e);
                if start.is_some() && end.is_none() && s.text(r, c + 2).is_none() {
                    let value = s.text(r, c + 1).unwrap_or_default();
                    e.at(s.at(r, c + 2), msg!("import-period-end", value = value));
                }
                (start, end)
            }
        };
        let start = start.map(|x| (x, s.at(r, c + 1)));
        let end_at = if s.text(r, c + 2).is_some() {
            c + 2
        } else {
            c + 1
        };
        let end = end.map(|x| (x, s.at(r, end_at)));
        d.period = Some((s.at(r, c), start, end));
    }
    match (rows.get(INFO_CONVERSION), rows.get(INFO_CONVERSION_LABEL)) {
        (Some(&(r, c)), label) => {
            let points = match number(s, r, c + 1, INFO_CONVERSION, e) {
                Ok(Some(p)) => Some((p, s.at(r, c + 1))),
                Ok(None) => {
                    e.at(
                        s.at(r, c + 1),
                        msg!("import-cell-empty", column = INFO_CONVERSION),
                    );
                    None
                }
                Err(()) => None,
            };
            let label = label.and_then(|&(r, c)| s.text(r, c + 1).map(|t| (t, s.at(r, c + 1))));
            d.conversion = Some((s.at(r, c), points, label));
        }
        (None, Some(_)) => missing(INFO_CONVERSION, e),
        (None, None) => {}
    }
    let Some(hr) = grade_header else {
        missing(COL_GRADE, e);
        return;
    };
    let known: Vec<String> = [COL_GRADE, COL_ID, COL_GRADE_MIN]
        .iter()
        .map(|x| x.to_string())
        .collect();
    let cols = columns(s, hr, &known, e);
    if !require(s, hr, &cols, &[COL_GRADE, COL_GRADE_MIN], e) {
        return;
    }
    let (lc, mc) = (cols[COL_GRADE], cols[COL_GRADE_MIN]);
    let ic = cols.get(COL_ID).copied();
    for r in s.rows().into_iter().filter(|r| *r > hr) {
        let Some(label) = s.text(r, lc) else {
            if s.row_cells(r).next().is_some() {
                break;
            }
            continue;
        };
        if rows.values().any(|(kr, _)| *kr == r) {
            break;
        }
        let id = ic
            .and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c))))
            .unwrap_or_else(|| (label.clone(), s.at(r, lc)));
        let min = match number(s, r, mc, COL_GRADE_MIN, e) {
            Ok(Some(m)) => Some((m, s.at(r, mc))),
            Ok(None) => {
                e.at(
                    s.at(r, mc),
                    msg!("import-grade-no-min", grade = label.as_str()),
                );
                None
            }
            Err(()) => None,
        };
        d.grades.push(DraftGrade {
            at: s.at(r, lc),
            id: Some(id),
            label: Some((label, s.at(r, lc))),
            min,
        });
    }
    if d.grades.is_empty() {
        e.at(s.at(hr, lc), msg!("import-no-grades"));
    }
    unique(
        d.grades.iter().filter_map(|g| g.label.as_ref()).chain(
            d.grades
                .iter()
                .filter_map(|g| g.id.as_ref())
                .filter(|(_, a)| a.col != lc),
        ),
        msg!("import-what-grade"),
        e,
    );
}

/// Reports every value seen a second time, at the second cell, naming the first.
fn unique<'a>(values: impl Iterator<Item = &'a (String, At)>, what: Message, e: &mut Errors) {
    let mut seen: HashMap<&str, &At> = HashMap::new();
    for (v, at) in values {
        match seen.get(v.as_str()) {
            Some(first) if *first != at => e.at(
                at.clone(),
                msg!(
                    "import-taken",
                    what = what.clone(),
                    value = v.as_str(),
                    first = first.location()
                ),
            ),
            Some(_) => {}
            None => {
                seen.insert(v, at);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 评分单位, 考核对象, 指标说明

/// A simple list sheet: its header row and columns, rows below it that hold anything.
fn list_sheet(
    s: &Sheet,
    known: &[&str],
    required: &[&str],
    e: &mut Errors,
) -> Option<(HashMap<String, u32>, Vec<u32>)> {
    let hr = header(s, required[required.len() - 1], e)?;
    let known: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    let cols = columns(s, hr, &known, e);
    if !require(s, hr, &cols, required, e) {
        return None;
    }
    let rows = s
        .rows()
        .into_iter()
        .filter(|&r| {
            r > hr
                && known.iter().any(|k| {
                    s.text(r, cols.get(k).copied().unwrap_or(u32::MAX))
                        .is_some()
                })
        })
        .collect();
    Some((cols, rows))
}

/// A required text cell: reported when empty.
fn required_text(s: &Sheet, r: u32, c: u32, column: &str, e: &mut Errors) -> Option<(String, At)> {
    match s.text(r, c) {
        Some(t) => Some((t, s.at(r, c))),
        None => {
            e.at(s.at(r, c), msg!("import-cell-empty", column = column));
            None
        }
    }
}

/// A scorer as named in 细则: by name or by id.
struct ScorerRef {
    id: String,
    name: String,
}

fn read_scorers(s: &Sheet, d: &mut Draft<At>, e: &mut Errors) -> Vec<ScorerRef> {
    let mut out = Vec::new();
    let Some((cols, rows)) = list_sheet(s, &[COL_ID, COL_NAME], &[COL_ID, COL_NAME], e) else {
        return out;
    };
    let (ic, nc) = (cols[COL_ID], cols[COL_NAME]);
    let mut list = Vec::new();
    let (mut ids, mut names) = (Vec::new(), Vec::new());
    for &r in &rows {
        let id = required_text(s, r, ic, COL_ID, e);
        let name = required_text(s, r, nc, COL_NAME, e);
        if let (Some(id), Some(name)) = (id, name) {
            list.push((id.0.clone(), name.0.clone(), id.1.clone()));
            out.push(ScorerRef {
                id: id.0.clone(),
                name: name.0.clone(),
            });
            ids.push(id);
            names.push(name);
        }
    }
    unique(ids.iter(), msg!("import-what-id"), e);
    unique(names.iter(), msg!("import-what-name"), e);
    let hr = s.header_row(&[COL_NAME]).unwrap_or(0);
    if rows.is_empty() {
        e.at(
            s.at(hr + 1, ic),
            msg!("import-no-rows", sheet = SHEET_SCORERS),
        );
    }
    d.scorers = Some((s.at(hr, ic), list));
    out
}

fn read_units(s: &Sheet, d: &mut Draft<At>, e: &mut Errors) {
    let Some((cols, rows)) =
        list_sheet(s, &[COL_ID, COL_NAME, COL_ALIASES], &[COL_ID, COL_NAME], e)
    else {
        return;
    };
    let (ic, nc) = (cols[COL_ID], cols[COL_NAME]);
    let ac = cols.get(COL_ALIASES).copied();
    // As the loader has it: ids are unique among ids, names among names,
    // and an alias names no other unit by its id, name or alias.
    let (mut ids, mut names, mut aliases) = (Vec::new(), Vec::new(), Vec::new());
    for &r in &rows {
        let id = required_text(s, r, ic, COL_ID, e);
        let name = required_text(s, r, nc, COL_NAME, e);
        let list = ac.and_then(|c| {
            let t = s.text(r, c)?;
            let list: Vec<String> = t
                .split([ALIAS_SEPARATOR, '，', ',', '；', ';', '\n'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            (!list.is_empty()).then(|| (list, s.at(r, c)))
        });
        ids.extend(id.iter().cloned());
        names.extend(name.iter().cloned());
        if let Some((list, at)) = &list {
            aliases.extend(list.iter().map(|a| (a.clone(), at.clone())));
        }
        d.units.push(DraftUnit {
            at: s.at(r, ic),
            id,
            name,
            aliases: list,
        });
    }
    let taken = |keys: &[(String, At)], seen: &mut HashMap<String, At>, e: &mut Errors| {
        for (k, at) in keys {
            match seen.get(k) {
                Some(first) if first.row != at.row => e.at(
                    at.clone(),
                    msg!(
                        "import-unit-taken",
                        value = k.as_str(),
                        first = first.location()
                    ),
                ),
                Some(_) => {}
                None => {
                    seen.insert(k.clone(), at.clone());
                }
            }
        }
    };
    let mut owner: HashMap<String, At> = HashMap::new();
    taken(&ids, &mut owner, e);
    let mut by_name: HashMap<String, At> = HashMap::new();
    taken(&names, &mut by_name, e);
    for (k, at) in by_name {
        owner.entry(k).or_insert(at);
    }
    taken(&aliases, &mut owner, e);
    if rows.is_empty() {
        let hr = s.header_row(&[COL_NAME]).unwrap_or(0);
        e.at(
            s.at(hr + 1, ic),
            msg!("import-no-rows", sheet = SHEET_UNITS),
        );
    }
}

/// 指标说明: a section's or group's id and title as written, and its criteria.
struct GroupInfo {
    id: String,
    title: String,
    criteria: Option<(String, At)>,
}

fn read_groups(s: &Sheet, e: &mut Errors) -> Vec<GroupInfo> {
    let Some((cols, rows)) = list_sheet(
        s,
        &[COL_ID, COL_INDICATOR, COL_CRITERIA],
        &[COL_ID, COL_INDICATOR],
        e,
    ) else {
        return Vec::new();
    };
    let (ic, tc) = (cols[COL_ID], cols[COL_INDICATOR]);
    let cc = cols.get(COL_CRITERIA).copied();
    rows.iter()
        .filter_map(|&r| {
            let id = required_text(s, r, ic, COL_ID, e)?;
            let title = required_text(s, r, tc, COL_INDICATOR, e)?;
            Some(GroupInfo {
                id: id.0,
                title: title.0,
                criteria: cc.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// 细则

/// An indicator of the 细则 sheet: a section (level 0), a group or a leaf.
struct TNode {
    level: usize,
    text: String,
    /// The cell its text was written in (a merged range's first cell).
    at: At,
    kids: Vec<usize>,
    leaf: Option<Leaf>,
    /// Resolved later.
    id: String,
    id_at: At,
    title: String,
    title_at: At,
    points: Option<Decimal>,
    criteria: Option<(String, At)>,
}

/// What a leaf's row holds besides its title.
struct Leaf {
    code: Option<(String, At)>,
    points: Result<Option<Decimal>, ()>,
    points_at: At,
    criteria: Option<(String, At)>,
    scorers: Option<Vec<(String, Decimal)>>,
    scorers_at: At,
    start: Option<(Start, At)>,
    max_deduct: Option<(Decimal, At)>,
    max_add: Option<(Decimal, At)>,
    rules: Vec<DraftRule<At>>,
}

struct Tree {
    nodes: Vec<TNode>,
    sections: Vec<usize>,
}

fn read_items(
    s: &Sheet,
    scorers: &[ScorerRef],
    groups: &[GroupInfo],
    have_scorers: bool,
    e: &mut Errors,
) -> Tree {
    let mut tree = Tree {
        nodes: Vec::new(),
        sections: Vec::new(),
    };
    let first_level = level_name(1);
    let Some(hr) = header(s, &first_level, e) else {
        return tree;
    };
    let mut known: Vec<String> = (1..=10).map(level_name).collect();
    known.extend(
        [
            COL_ID,
            COL_POINTS,
            COL_CRITERIA,
            COL_SCORERS,
            COL_MAX_DEDUCT,
            COL_MAX_ADD,
            COL_METHOD,
        ]
        .iter()
        .map(|x| x.to_string()),
    );
    // Deeper levels than ten are read too (11级指标), just not suggested.
    for (_, t) in s.row_cells(hr) {
        let name = header_text(&t);
        if level_of(&name).is_some_and(|l| l > 10) {
            known.push(name);
        }
    }
    let cols = columns(s, hr, &known, e);
    let mut levels: Vec<u32> = Vec::new();
    let mut ok = require(s, hr, &cols, &[&first_level, &level_name(2), COL_POINTS], e);
    let deepest = cols.keys().filter_map(|k| level_of(k)).max().unwrap_or(0);
    for l in 1..=deepest {
        match cols.get(&level_name(l)) {
            Some(c) => levels.push(*c),
            None if l > 2 => {
                e.at(
                    s.at(hr, cols[&level_name(deepest)]),
                    msg!(
                        "import-level-missing",
                        column = level_name(l),
                        deeper = level_name(deepest)
                    ),
                );
                ok = false;
            }
            None => {}
        }
    }
    if !ok {
        return tree;
    }
    let col = |name: &str| cols.get(name).copied();
    let (id_c, points_c, criteria_c) = (col(COL_ID), cols[COL_POINTS], col(COL_CRITERIA));
    let (scorers_c, deduct_c, add_c, method_c) = (
        col(COL_SCORERS),
        col(COL_MAX_DEDUCT),
        col(COL_MAX_ADD),
        col(COL_METHOD),
    );
    let own_cols: Vec<u32> = cols.values().copied().collect();
    let group_by_text: HashMap<String, &GroupInfo> = groups
        .iter()
        .map(|g| (format!("{} {}", g.id, g.title), g))
        .collect();

    // Rows -> the indicators at each level: a group continues while the
    // same text stands in its column under the same parents.
    let mut open: Vec<usize> = Vec::new();
    let mut row_nodes: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for r in s.rows().into_iter().filter(|r| *r > hr) {
        // A row with nothing of its own (only a merged range reaching
        // into it) is blank.
        let own: Vec<(u32, String)> = s
            .row_cells(r)
            .filter(|(c, _)| own_cols.contains(c))
            .collect();
        let Some((_, first)) = own.first() else {
            continue;
        };
        let first = split_points(&header_text(first)).0;
        if TOTAL_ROWS.contains(&first.as_str())
            || NOTE_ROWS.iter().any(|n| {
                first
                    .strip_prefix(n)
                    .is_some_and(|x| x.starts_with(['：', ':']))
            })
        {
            continue;
        }
        let cells: Vec<Option<(String, At)>> =
            levels.iter().map(|&c| s.filled_text(r, c)).collect();
        let Some(leaf_k) = cells.iter().rposition(Option::is_some) else {
            e.at(s.at(r, levels[0]), msg!("import-row-no-title"));
            e.incomplete = true;
            e.incomplete_sections = None;
            continue;
        };
        if leaf_k == 0 {
            e.at(
                s.at(r, levels[1]),
                msg!(
                    "import-row-only-section",
                    column = level_name(2),
                    section = cells[0].as_ref().map(|c| c.0.as_str()).unwrap_or_default()
                ),
            );
            e.incomplete = true;
            if let (Some(set), Some((section, _))) = (&mut e.incomplete_sections, &cells[0]) {
                set.insert(section.clone());
            }
            continue;
        }
        if let Some(gap) = cells[..leaf_k].iter().position(Option::is_none) {
            e.at(
                s.at(r, levels[gap]),
                msg!(
                    "import-level-gap",
                    column = level_name(gap + 1),
                    deeper = level_name(leaf_k + 1)
                ),
            );
            e.incomplete = true;
            if let (Some(set), Some((section, _))) = (&mut e.incomplete_sections, &cells[0]) {
                set.insert(section.clone());
            }
            continue;
        }
        let cells: Vec<(String, At)> = cells.into_iter().flatten().collect();
        let mut keep = 0;
        while keep < leaf_k
            && keep < open.len()
            && tree.nodes[open[keep]].text == cells[keep].0
            && tree.nodes[open[keep]].leaf.is_none()
        {
            keep += 1;
        }
        open.truncate(keep);
        let leaf = read_leaf(
            s,
            r,
            id_c,
            points_c,
            criteria_c,
            scorers_c,
            deduct_c,
            add_c,
            method_c,
            scorers,
            have_scorers,
            e,
        );
        for (k, (text, at)) in cells.into_iter().enumerate().skip(keep) {
            let n = tree.nodes.len();
            tree.nodes.push(TNode {
                level: k,
                text,
                at: at.clone(),
                kids: Vec::new(),
                leaf: None,
                id: String::new(),
                id_at: at.clone(),
                title: String::new(),
                title_at: at,
                points: None,
                criteria: None,
            });
            match open.last() {
                Some(&p) => tree.nodes[p].kids.push(n),
                None => tree.sections.push(n),
            }
            if k == leaf_k {
                tree.nodes[n].leaf = Some(leaf);
                break;
            }
            open.push(n);
        }
        let mut path = open.clone();
        path.push(tree.nodes.len() - 1);
        row_nodes.insert(r, path);
    }
    if tree.sections.is_empty() {
        e.at(
            s.at(hr + 1, levels[0]),
            msg!("import-no-rows", sheet = SHEET_ITEMS),
        );
    }

    // A merged cell in an indicator column must cover one indicator's rows.
    let mut overlapping: Vec<At> = Vec::new();
    for m in &s.merges {
        let Some(k) = levels.iter().position(|c| *c == m.start.1) else {
            continue;
        };
        let (r0, r1) = (m.start.0, m.end.0.min(s.last_row));
        let Some(first) = row_nodes.get(&r0) else {
            continue;
        };
        // Only the rows that hold indicators, however far the range reaches.
        for (&r, this) in
            row_nodes.range(r0.saturating_add(1)..r1.saturating_add(1).max(r0.saturating_add(1)))
        {
            let differ = (0..=k).find(|&j| first.get(j) != this.get(j) || first.len() == j + 1);
            if let Some(j) = differ {
                let j = if first.get(j) == this.get(j) { k } else { j };
                e.at(
                    s.at(r0, m.start.1),
                    msg!(
                        "import-merge-overlap",
                        range = format!(
                            "{}:{}",
                            cell_name(m.start.0, m.start.1),
                            cell_name(m.end.0, m.end.1)
                        ),
                        first = cell_name(r0, levels[j]),
                        second = cell_name(r, levels[j])
                    ),
                );
                overlapping.push(s.at(r0, m.start.1));
                break;
            }
        }
    }

    // Ids, titles and points of every indicator. A number by position
    // that another indicator has as its written id gives way to the title.
    let mut written: HashSet<String> = HashSet::new();
    for node in &tree.nodes {
        match &node.leaf {
            Some(Leaf {
                code: Some((code, _)),
                ..
            }) => {
                written.insert(code.clone());
            }
            _ => {
                let bare = split_points(&node.text).0;
                let id = match group_by_text.get(&bare) {
                    Some(g) => Some(g.id.clone()),
                    None => split_id(&bare).0,
                };
                written.extend(id);
            }
        }
    }
    let names = Names {
        groups: &group_by_text,
        written: &written,
    };
    for (pos, &n) in tree.sections.clone().iter().enumerate() {
        name_node(&mut tree, n, &(pos + 1).to_string(), &names, e);
    }
    // Ids and titles are unique: sections among themselves, groups and
    // leaves across every level (not twice for one merged cell).
    let section_ids: Vec<(String, At)> = tree
        .sections
        .iter()
        .map(|&n| (tree.nodes[n].id.clone(), tree.nodes[n].id_at.clone()))
        .collect();
    unique_cells(&section_ids, msg!("import-what-id"), &overlapping, e);
    let below: Vec<usize> = (0..tree.nodes.len())
        .filter(|&n| tree.nodes[n].level > 0)
        .collect();
    let ids: Vec<(String, At)> = below
        .iter()
        .map(|&n| (tree.nodes[n].id.clone(), tree.nodes[n].id_at.clone()))
        .collect();
    unique_cells(&ids, msg!("import-what-id"), &overlapping, e);
    let titles: Vec<(String, At)> = below
        .iter()
        .map(|&n| (tree.nodes[n].title.clone(), tree.nodes[n].title_at.clone()))
        .collect();
    unique_cells(&titles, msg!("import-what-title"), &overlapping, e);
    tree
}

/// Like [`unique`], except that a cell is never a duplicate of itself and
/// a merged cell already reported as overlapping is not reported again.
fn unique_cells(values: &[(String, At)], what: Message, skip: &[At], e: &mut Errors) {
    let mut seen: HashMap<&str, &At> = HashMap::new();
    for (v, at) in values {
        match seen.get(v.as_str()) {
            Some(first) if *first == at || skip.contains(at) => {}
            Some(first) => e.at(
                at.clone(),
                msg!(
                    "import-taken",
                    what = what.clone(),
                    value = v.as_str(),
                    first = first.location()
                ),
            ),
            None => {
                seen.insert(v, at);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn read_leaf(
    s: &Sheet,
    r: u32,
    id_c: Option<u32>,
    points_c: u32,
    criteria_c: Option<u32>,
    scorers_c: Option<u32>,
    deduct_c: Option<u32>,
    add_c: Option<u32>,
    method_c: Option<u32>,
    scorers: &[ScorerRef],
    have_scorers: bool,
    e: &mut Errors,
) -> Leaf {
    let cap = |c: Option<u32>, name: &str, e: &mut Errors| {
        let c = c?;
        number(s, r, c, name, e)
            .ok()
            .flatten()
            .map(|x| (x, s.at(r, c)))
    };
    let scorers_at = s.at(r, scorers_c.unwrap_or(points_c));
    let weights = scorers_c
        .and_then(|c| s.filled_text(r, c))
        .map(|(t, _)| parse_weights(&t, scorers, have_scorers, &scorers_at, e));
    let method = method_c.and_then(|c| s.filled_text(r, c).map(|(t, _)| (t, s.at(r, c))));
    let start = match (&method, &weights) {
        (None, Some(_)) => None,
        (None, None) => Some((Start::Zero, scorers_at.clone())),
        (Some((t, at)), w) => {
            let t = header_text(t);
            let start = if t == METHOD_ZERO || METHOD_ZERO_ALSO.contains(&t.as_str()) {
                Some(Start::Zero)
            } else if t == METHOD_FULL || METHOD_FULL_ALSO.contains(&t.as_str()) {
                Some(Start::Full)
            } else {
                e.at(
                    at.clone(),
                    msg!(
                        "import-method-unknown",
                        value = t.as_str(),
                        zero = METHOD_ZERO,
                        full = METHOD_FULL
                    ),
                );
                None
            };
            if w.is_some() && start.is_some() {
                e.at(
                    at.clone(),
                    msg!("import-method-with-scorers", value = t.as_str()),
                );
                None
            } else {
                start.map(|x| (x, at.clone()))
            }
        }
    };
    Leaf {
        code: id_c.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
        points: number(s, r, points_c, COL_POINTS, e),
        points_at: s.at(r, points_c),
        criteria: criteria_c.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
        scorers: weights.and_then(Result::ok),
        scorers_at,
        start,
        max_deduct: cap(deduct_c, COL_MAX_DEDUCT, e),
        max_add: cap(add_c, COL_MAX_ADD, e),
        rules: Vec::new(),
    }
}

/// `牵头单位0.4；行政服务中心0.3；行政公署办公室0.3`, `办公室40%、牵头单位60%`,
/// or one name: scorer ids and weights adding up to exactly 1.
fn parse_weights(
    text: &str,
    scorers: &[ScorerRef],
    have_scorers: bool,
    at: &At,
    e: &mut Errors,
) -> Result<Vec<(String, Decimal)>, ()> {
    let find = |name: &str| -> Option<&ScorerRef> {
        let name = name.trim();
        scorers
            .iter()
            .find(|s| s.name == name)
            .or_else(|| scorers.iter().find(|s| s.id == name))
    };
    let parts: Vec<&str> = text
        .split([WEIGHT_SEPARATOR, ';', '，', ',', ALIAS_SEPARATOR, '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out: Vec<(String, Option<Decimal>)> = Vec::new();
    let mut bad = false;
    for part in &parts {
        if let Some(s) = find(part) {
            out.push((s.id.clone(), None));
            continue;
        }
        // A weight after the name: 0.4, 40%, ×0.4, （0.4）, : 0.4.
        let inner = part.strip_suffix(['）', ')']).unwrap_or(part).trim_end();
        let digits = |c: char| {
            c.is_ascii_digit()
                || c == '.'
                || c == '%'
                || c == '％'
                || ('０'..='９').contains(&c)
                || c == '．'
        };
        let run_start = inner
            .char_indices()
            .rev()
            .take_while(|(_, c)| digits(*c))
            .last()
            .map(|(i, _)| i);
        // The longest name that is a scorer: `考核组2` + `0.5` before `考核组` + `20.5`.
        let found = run_start.and_then(|start| {
            inner[start..]
                .char_indices()
                .map(|(i, _)| start + i)
                .rev()
                .find_map(|cut| find(name_before(inner, cut)).map(|s| (s, &inner[cut..])))
        });
        match found {
            Some((s, w)) => match weight(w) {
                Some(w) if w > Decimal::ZERO => out.push((s.id.clone(), Some(w))),
                _ => {
                    e.at(
                        at.clone(),
                        msg!("import-weight-bad", scorer = s.name.as_str(), value = w),
                    );
                    bad = true;
                }
            },
            None if have_scorers => {
                let name = run_start.map_or(*part, |i| name_before(inner, i));
                let candidates = scorers
                    .iter()
                    .flat_map(|s| [s.name.as_str(), s.id.as_str()]);
                e.at(
                    at.clone(),
                    msg!(
                        "import-scorer-unknown",
                        name = name,
                        hint = hint(name, candidates),
                        sheet = SHEET_SCORERS
                    ),
                );
                bad = true;
            }
            None => bad = true,
        }
    }
    if bad {
        return Err(());
    }
    let mut seen: Vec<&str> = Vec::new();
    for (id, _) in &out {
        if seen.contains(&id.as_str()) {
            let name = scorers
                .iter()
                .find(|s| s.id == *id)
                .map_or(id.as_str(), |s| s.name.as_str());
            e.at(at.clone(), msg!("import-scorer-twice", scorer = name));
            return Err(());
        }
        seen.push(id);
    }
    let weights: Vec<(String, Decimal)> = match out.as_slice() {
        [(id, None)] => vec![(id.clone(), Decimal::ONE)],
        _ => {
            if let Some((id, _)) = out.iter().find(|(_, w)| w.is_none()) {
                let name = scorers
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or(id.as_str(), |s| s.name.as_str());
                e.at(at.clone(), msg!("import-weight-missing", scorer = name));
                return Err(());
            }
            out.into_iter()
                .map(|(id, w)| (id, w.unwrap_or_default()))
                .collect()
        }
    };
    let sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |acc, (_, w)| acc.checked_add(*w));
    if sum != Some(Decimal::ONE) {
        e.at(
            at.clone(),
            msg!(
                "import-weights-sum",
                sum = sum.map_or_else(|| "?".to_string(), num::plain)
            ),
        );
        return Err(());
    }
    Ok(weights)
}

/// The scorer's name before a weight at `cut`, without `×`, `:` or `（`.
fn name_before(part: &str, cut: usize) -> &str {
    part[..cut]
        .trim_end()
        .trim_end_matches(['×', 'x', 'X', '*', ':', '：', '（', '(', '='])
        .trim_end()
}

/// `0.4`, `40%`, `０．４`: a weight as a decimal.
fn weight(text: &str) -> Option<Decimal> {
    let t = typed_number(text);
    match t.strip_suffix(['%', '％']) {
        Some(p) => num::parse_plain(p)
            .ok()
            .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED)),
        None => num::parse_plain(&t).ok(),
    }
    .map(|d| d.normalize())
}

/// `平台建设（8分）`, `平台建设(8分)`, `平台建设 8分` → the title and its points.
fn split_points(text: &str) -> (String, Option<Decimal>) {
    let t = text.trim();
    if let Some(inner) = t.strip_suffix(['）', ')']) {
        if let Some(open) = inner.rfind(['（', '(']) {
            let bracket = inner[open..].chars().next().map_or(1, char::len_utf8);
            let points = inner[open + bracket..].trim();
            if let Some(p) = points.strip_suffix('分') {
                if let Ok(p) = num::parse_plain(&typed_number(p)) {
                    let title = inner[..open].trim_end();
                    if !title.is_empty() {
                        return (title.to_string(), Some(p));
                    }
                }
            }
        }
        return (t.to_string(), None);
    }
    if let Some(inner) = t.strip_suffix('分') {
        let digits_start = inner
            .char_indices()
            .rev()
            .take_while(|(_, c)| matches!(crate::num::halfwidth(*c), '0'..='9' | '.'))
            .last()
            .map(|(i, _)| i);
        if let Some(i) = digits_start {
            let title = &inner[..i];
            if title.ends_with(char::is_whitespace) && !title.trim().is_empty() {
                if let Ok(p) = num::parse_plain(&typed_number(&inner[i..])) {
                    return (title.trim_end().to_string(), Some(p));
                }
            }
        }
    }
    (t.to_string(), None)
}

/// `1.3 平台建设`, `openness 政务公开`, `1.3、平台建设` → an id and the title;
/// `一、政务公开`, `（一）组织领导` → the title without its numbering.
fn split_id(text: &str) -> (Option<String>, String) {
    let t = text.trim();
    if let Some((i, sep)) = t
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || *c == ALIAS_SEPARATOR)
    {
        let token = &t[..i];
        let rest = t[i + sep.len_utf8()..].trim_start();
        if !token.is_empty() && !rest.is_empty() && !token.chars().any(is_cjk) {
            return (Some(token.to_string()), rest.to_string());
        }
    }
    let numeral = |c: char| NUMERALS.contains(&c) || c == '百';
    let n = t.chars().take_while(|c| numeral(*c)).count();
    if n > 0 {
        let after: String = t.chars().skip(n).collect();
        if let Some(rest) = after.strip_prefix(ALIAS_SEPARATOR) {
            if !rest.trim().is_empty() {
                return (None, rest.trim().to_string());
            }
        }
    }
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        let n = inner.chars().take_while(|c| numeral(*c)).count();
        let after: String = inner.chars().skip(n).collect();
        if n > 0 {
            if let Some(rest) = after.strip_prefix(['）', ')']) {
                if !rest.trim().is_empty() {
                    return (None, rest.trim().to_string());
                }
            }
        }
    }
    (None, t.to_string())
}

/// What naming the indicators looks up: 指标说明 by `id title`, and the
/// ids written in the sheet.
struct Names<'a> {
    groups: &'a HashMap<String, &'a GroupInfo>,
    written: &'a HashSet<String>,
}

impl Names<'_> {
    /// The id of an indicator written without one: its position, unless
    /// another indicator is written with that id; then its title.
    fn positional(&self, position: &str, title: &str) -> String {
        if self.written.contains(position) {
            title.to_string()
        } else {
            position.to_string()
        }
    }
}

/// Resolves a node's id, title and points from its cell, and its
/// children's, numbering by position what has no id.
fn name_node(tree: &mut Tree, n: usize, position: &str, names: &Names, e: &mut Errors) {
    let groups = names.groups;
    let node = &tree.nodes[n];
    let text = node.text.clone();
    let at = node.at.clone();
    if let Some(leaf) = &node.leaf {
        let (title, points) = split_points(&text);
        let written = match &leaf.points {
            Ok(p) => *p,
            Err(()) => None,
        };
        let (mut title, points) = match (points, written) {
            (Some(p), None) => (title, Some(p)),
            (Some(p), Some(w)) if p == w => (title, Some(w)),
            (_, w) => (text.clone(), w),
        };
        let (id, id_at) = match &leaf.code {
            Some((code, code_at)) => {
                if let Some(rest) = title.strip_prefix(code.as_str()) {
                    if rest.starts_with(|c: char| c.is_whitespace() || c == ALIAS_SEPARATOR)
                        && !rest.trim().is_empty()
                    {
                        title = rest
                            .trim_start_matches(|c: char| c.is_whitespace() || c == ALIAS_SEPARATOR)
                            .to_string();
                    }
                }
                (code.clone(), code_at.clone())
            }
            None => match split_id(&title) {
                (Some(id), rest) => {
                    title = rest;
                    (id, at.clone())
                }
                (None, rest) => {
                    title = rest;
                    (names.positional(position, &title), at.clone())
                }
            },
        };
        if points.is_none() && leaf.points.is_ok() {
            e.at(
                leaf.points_at.clone(),
                msg!("import-leaf-no-points", title = title.as_str()),
            );
        }
        let node = &mut tree.nodes[n];
        node.id = id;
        node.id_at = id_at;
        node.title = title;
        node.title_at = at;
        node.points = points;
        return;
    }
    let (bare, points) = split_points(&text);
    let (id, title) = match groups.get(&bare) {
        Some(g) => (Some(g.id.clone()), g.title.clone()),
        None => split_id(&bare),
    };
    let id = id.unwrap_or_else(|| names.positional(position, &title));
    let criteria = groups
        .values()
        .find(|g| g.id == id)
        .and_then(|g| g.criteria.clone());
    // Children are numbered under a numeric id (1.3 → 1.3.1), else under
    // the position.
    let base = if id.chars().all(|c| c.is_ascii_digit() || c == '.') {
        id.clone()
    } else {
        position.to_string()
    };
    {
        let node = &mut tree.nodes[n];
        node.id = id;
        node.title = title;
        node.points = points;
        node.criteria = criteria;
    }
    for (k, kid) in tree.nodes[n].kids.clone().into_iter().enumerate() {
        name_node(tree, kid, &format!("{base}.{}", k + 1), names, e);
    }
}

// ---------------------------------------------------------------------------
// 扣分标准

fn read_rules(s: &Sheet, tree: &mut Tree, e: &mut Errors) {
    let Some((cols, rows)) = list_sheet(
        s,
        &[
            COL_LEAF,
            COL_RULE_ID,
            COL_RULE_TEXT,
            COL_RULE_KIND,
            COL_RULE_POINTS,
            COL_RULE_MAX,
        ],
        &[COL_LEAF, COL_RULE_POINTS, COL_RULE_TEXT],
        e,
    ) else {
        return;
    };
    let leaves: Vec<usize> = (0..tree.nodes.len())
        .filter(|&n| tree.nodes[n].leaf.is_some())
        .collect();
    let (lc, tc, pc) = (cols[COL_LEAF], cols[COL_RULE_TEXT], cols[COL_RULE_POINTS]);
    let (ic, kc, mc) = (
        cols.get(COL_RULE_ID).copied(),
        cols.get(COL_RULE_KIND).copied(),
        cols.get(COL_RULE_MAX).copied(),
    );
    let mut ids: HashMap<usize, Vec<(String, At)>> = HashMap::new();
    for &r in &rows {
        let Some((key, key_at)) = required_text(s, r, lc, COL_LEAF, e) else {
            continue;
        };
        let leaf = leaves
            .iter()
            .copied()
            .find(|&n| tree.nodes[n].id == key)
            .or_else(|| leaves.iter().copied().find(|&n| tree.nodes[n].title == key));
        let Some(leaf) = leaf else {
            let names = leaves
                .iter()
                .flat_map(|&n| [tree.nodes[n].id.as_str(), tree.nodes[n].title.as_str()]);
            let group = tree
                .nodes
                .iter()
                .any(|x| x.leaf.is_none() && (x.id == key || x.title == key));
            let m = if group {
                msg!("import-rule-on-group", item = key.as_str())
            } else {
                msg!(
                    "import-rule-leaf-unknown",
                    item = key.as_str(),
                    hint = hint(&key, names)
                )
            };
            e.at(key_at, m);
            continue;
        };
        let text = required_text(s, r, tc, COL_RULE_TEXT, e);
        let kind = match kc.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))) {
            None => Some((RuleKind::Deduct, key_at.clone())),
            Some((t, at)) => match Kind::parse(&header_text(&t)) {
                Some(Kind::Deduct) => Some((RuleKind::Deduct, at)),
                Some(Kind::Add) => Some((RuleKind::Add, at)),
                _ => {
                    e.at(
                        at,
                        msg!(
                            "import-rule-kind",
                            value = t.as_str(),
                            deduct = KIND_DEDUCT,
                            add = KIND_ADD
                        ),
                    );
                    None
                }
            },
        };
        let points = match number(s, r, pc, COL_RULE_POINTS, e) {
            Ok(Some(p)) => Some((p, s.at(r, pc))),
            Ok(None) => {
                e.at(
                    s.at(r, pc),
                    msg!("import-cell-empty", column = COL_RULE_POINTS),
                );
                None
            }
            Err(()) => None,
        };
        let max = mc.and_then(|c| {
            number(s, r, c, COL_RULE_MAX, e)
                .ok()
                .flatten()
                .map(|m| (m, s.at(r, c)))
        });
        let list = ids.entry(leaf).or_default();
        let id = ic
            .and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c))))
            .unwrap_or_else(|| ((list.len() + 1).to_string(), key_at.clone()));
        list.push(id.clone());
        if let Some(l) = tree.nodes[leaf].leaf.as_mut() {
            l.rules.push(DraftRule {
                at: key_at,
                id: Some(id),
                text,
                kind,
                points,
                max,
            });
        }
    }
    for list in ids.values() {
        unique(list.iter(), msg!("import-what-rule"), e);
    }
}

// ---------------------------------------------------------------------------
// The draft

impl Tree {
    fn into_sections(mut self, e: &mut Errors) -> Vec<DraftSection<At>> {
        let sections = std::mem::take(&mut self.sections);
        sections
            .into_iter()
            .map(|s| {
                let known = e
                    .incomplete_sections
                    .as_ref()
                    .is_some_and(|set| !set.contains(&self.nodes[s].text));
                let (items, sum) = self.kids(s, known, e);
                let node = &self.nodes[s];
                check_points(node, sum, e);
                DraftSection {
                    at: node.at.clone(),
                    id: Some((node.id.clone(), node.id_at.clone())),
                    title: Some((node.title.clone(), node.title_at.clone())),
                    items,
                }
            })
            .collect()
    }

    /// The drafts of a node's children and the sum of their leaves' maxima
    /// (`None` when one is missing).
    /// `known`: every row of the section was read, so sums can be checked.
    fn kids(
        &mut self,
        n: usize,
        known: bool,
        e: &mut Errors,
    ) -> (Vec<DraftNode<At>>, Option<Decimal>) {
        let mut out = Vec::new();
        let mut sum = known.then_some(Decimal::ZERO);
        for k in self.nodes[n].kids.clone() {
            let (draft, max) = self.node(k, known, e);
            sum = match (sum, max) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            };
            out.push(draft);
        }
        (out, sum)
    }

    fn node(&mut self, n: usize, known: bool, e: &mut Errors) -> (DraftNode<At>, Option<Decimal>) {
        if let Some(leaf) = self.nodes[n].leaf.take() {
            let node = &self.nodes[n];
            let max = node.points;
            let draft = DraftNode {
                at: node.at.clone(),
                id: Some((node.id.clone(), node.id_at.clone())),
                title: Some((node.title.clone(), node.title_at.clone())),
                max: max.map(|m| (m, leaf.points_at.clone())),
                criteria: leaf.criteria,
                body: Body::Leaf(DraftLeaf {
                    scorers: leaf.scorers.map(|w| (w, leaf.scorers_at.clone())),
                    start: leaf.start,
                    max_deduct: leaf.max_deduct,
                    max_add: leaf.max_add,
                    rules: leaf.rules,
                }),
            };
            return (draft, max);
        }
        let (kids, sum) = self.kids(n, known, e);
        let node = &self.nodes[n];
        check_points(node, sum, e);
        let max = node.points.or(sum);
        let max = match (node.points, sum) {
            (Some(p), Some(s)) if p != s => Some(s),
            _ => max,
        };
        let draft = DraftNode {
            at: node.at.clone(),
            id: Some((node.id.clone(), node.id_at.clone())),
            title: Some((node.title.clone(), node.title_at.clone())),
            max: max.map(|m| (m, node.at.clone())),
            criteria: node.criteria.clone(),
            body: Body::Group(kids),
        };
        (draft, sum)
    }
}

/// Points written in a section's or group's cell must be its leaves' sum.
fn check_points(node: &TNode, sum: Option<Decimal>, e: &mut Errors) {
    if let (Some(p), Some(s)) = (node.points, sum) {
        if p != s {
            e.at(
                node.at.clone(),
                msg!(
                    "import-points-sum",
                    title = node.title.as_str(),
                    written = num::plain(p),
                    sum = num::plain(s)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_points_and_ids() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            split_points("平台建设（8分）"),
            ("平台建设".into(), Some(d("8")))
        );
        assert_eq!(
            split_points("平台建设(7.5分)"),
            ("平台建设".into(), Some(d("7.5")))
        );
        assert_eq!(
            split_points("平台建设 8分"),
            ("平台建设".into(), Some(d("8")))
        );
        assert_eq!(
            split_points("平台建设（２）"),
            ("平台建设（２）".into(), None)
        );
        assert_eq!(split_points("加8分"), ("加8分".into(), None));
        assert_eq!(
            split_id("1.3 平台建设"),
            (Some("1.3".into()), "平台建设".into())
        );
        assert_eq!(
            split_id("openness 政务公开"),
            (Some("openness".into()), "政务公开".into())
        );
        assert_eq!(split_id("一、政务公开"), (None, "政务公开".into()));
        assert_eq!(split_id("（二）组织领导"), (None, "组织领导".into()));
        assert_eq!(
            split_id("政务公开 标准化"),
            (None, "政务公开 标准化".into())
        );
    }

    #[test]
    fn typed_numbers_read_as_meant() {
        assert_eq!(typed_number("６．４分"), "6.4");
    }

    #[test]
    fn levels_are_named_both_ways() {
        assert_eq!(level_name(1), "一级指标");
        assert_eq!(level_name(4), "四级指标");
        assert_eq!(level_of("四级指标"), Some(4));
        assert_eq!(level_of("十级指标"), Some(10));
        assert_eq!(level_of("11级指标"), Some(11));
        assert_eq!(level_of("指标"), None);
    }

    fn weights_of(text: &str) -> Result<Vec<(String, String)>, usize> {
        let scorers: Vec<ScorerRef> = [
            ("office", "办公室"),
            ("lead", "牵头单位"),
            ("g2", "考核组2"),
        ]
        .iter()
        .map(|(id, name)| ScorerRef {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect();
        let at = At {
            order: 0,
            label: Arc::from("t"),
            row: 0,
            col: 0,
        };
        let mut e = Errors {
            file: Arc::from("t"),
            at_cells: Vec::new(),
            general: Vec::new(),
            incomplete: false,
            incomplete_sections: None,
        };
        parse_weights(text, &scorers, true, &at, &mut e)
            .map(|ws| ws.into_iter().map(|(id, w)| (id, w.to_string())).collect())
            .map_err(|()| e.at_cells.len())
    }

    #[test]
    fn weight_cells_are_read_in_the_forms_offices_write() {
        let two = |a: &str, x: &str, b: &str, y: &str| {
            Ok(vec![
                (a.to_string(), x.to_string()),
                (b.to_string(), y.to_string()),
            ])
        };
        assert_eq!(
            weights_of("办公室"),
            Ok(vec![("office".into(), "1".into())])
        );
        assert_eq!(weights_of("lead"), Ok(vec![("lead".into(), "1".into())]));
        assert_eq!(
            weights_of("办公室0.6；牵头单位0.4"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(
            weights_of("办公室60%、牵头单位40%"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(
            weights_of("办公室×0.6, lead（40%）"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(
            weights_of("考核组20.5;office 0.5"),
            two("g2", "0.5", "office", "0.5")
        );
        assert_eq!(
            weights_of("办公室：0.6\n牵头单位：0.4"),
            two("office", "0.6", "lead", "0.4")
        );
        assert_eq!(weights_of("办公室0.5；牵头单位0.4"), Err(1));
        assert_eq!(weights_of("办公室；牵头单位"), Err(1));
        assert_eq!(weights_of("办公室0.5；办公室0.5"), Err(1));
        assert_eq!(weights_of("办公厅"), Err(1));
        assert_eq!(weights_of("办公室0"), Err(1));
    }

    #[test]
    fn weights_read_in_every_form() {
        assert_eq!(weight("40%").unwrap().to_string(), "0.4");
        assert_eq!(weight("０．３").unwrap().to_string(), "0.3");
        assert_eq!(
            weights_cell(&[
                ("牵头单位", "0.4".parse().unwrap()),
                ("办公室", "0.6".parse().unwrap())
            ]),
            "牵头单位0.4；办公室0.6"
        );
    }
}
