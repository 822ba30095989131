//! The input tables (annual scores, daily records, published results) and
//! what they accumulate into: one entry per (unit, item), never a list of rows.

pub mod annual;
pub mod claims;
pub mod daily;
pub mod previous;
pub mod published;
pub(crate) mod stream;
pub mod table;
mod wide;

pub use daily::{DailyRecord, Kind, Method};
pub use table::Encoding;

use rust_decimal::Decimal;
use std::path::PathBuf;

use crate::diag::{Diagnostics, Location};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::rubric::{Catalog, UnitRef};
use crate::source::InputFile;

/// A list of names (`a, b, c` in English, `a、b、c` in Chinese) to place
/// in a message; each entry may be a text or a message of its own.
pub fn list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Message {
    let mut items: Vec<Arg> = items.into_iter().map(Into::into).collect();
    let mut list = msg!(
        "input-list-one",
        item = items.pop().unwrap_or(Arg::Text(String::new()))
    );
    while let Some(first) = items.pop() {
        list = msg!("input-list-more", first = first, rest = list);
    }
    list
}

/// The inputs of a run as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct InputPaths {
    pub annual: Vec<PathBuf>,
    pub daily: Vec<PathBuf>,
    pub encoding: Encoding,
    /// `--sheet`: only these sheets of a workbook (default: every sheet but
    /// the empty ones and the instructions).
    pub sheet: Option<Vec<String>>,
    /// `--allow-missing`: a missing annual score counts as 0 and marks the
    /// result provisional.
    pub allow_missing: bool,
}

/// One scorer's annual score (年度考核得分) for one unit on one item.
#[derive(Debug, Clone)]
pub struct AnnualScore {
    /// `None` is `n/a` (不涉及): the item does not apply to the unit.
    pub value: Option<Decimal>,
    pub at: Location,
}

/// What the inputs say about one unit's item.
#[derive(Debug, Clone, Default)]
pub struct ItemInputs {
    /// One slot per scorer of the item, in the rubric's order.
    pub annual: Vec<Option<AnnualScore>>,
    /// Uncapped sums of the daily records' points.
    pub deduct: crate::num::Sum,
    pub add: crate::num::Sum,
    /// Uncapped sums of the points of the records under each of the item's
    /// rules, in the rubric's order (deduct and add rules alike).
    pub rules: Vec<crate::num::Sum>,
    /// The first daily record on the item, to point at when it may have none.
    pub first_daily: Option<Location>,
    pub daily_count: usize,
}

#[derive(Debug, Clone, Default)]
pub struct UnitInputs {
    pub items: Vec<ItemInputs>,
    /// The first veto record (一票否决) of the unit.
    pub veto: Option<Location>,
}

/// Everything read for a run, by rubric, unit and item.
#[derive(Debug)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    /// `[rubric][unit]`
    pub units: Vec<Vec<UnitInputs>>,
    /// Annual scores missing and counted as 0 (`--allow-missing`); any
    /// makes the result provisional.
    pub missing: usize,
    /// When explaining a unit, its records in file order.
    pub trace: Option<Trace>,
    /// What each file held, for `check`.
    pub summaries: Vec<FileSummary>,
    /// Every daily record of every unit in file order, kept only when read
    /// with [`read_inputs_keeping_all`] (`publish` lists them); otherwise empty.
    pub records: Vec<DailyRecord>,
    /// Every annual score's note (备注), kept likewise; otherwise empty.
    pub notes: Vec<AnnualNote>,
}

/// The note (备注) a scorer wrote beside one annual score.
#[derive(Debug, Clone)]
pub struct AnnualNote {
    pub unit: UnitRef,
    /// The leaf, an index into `Rubric::items`.
    pub item: usize,
    /// The scorer, an index into `Rubric::scorers`.
    pub scorer: usize,
    pub note: String,
}

/// Rows read from one table (a CSV file, a sheet of a workbook) and how
/// many distinct units and items they name.
#[derive(Debug)]
pub struct FileSummary {
    /// The file, or `file[sheet]`.
    pub path: std::sync::Arc<str>,
    pub role: crate::source::Role,
    pub rows: usize,
    pub units: usize,
    pub items: usize,
    /// Lines `check` prints under the summary: footer rows skipped, sheets
    /// left out.
    pub notes: Vec<Message>,
}

impl FileSummary {
    /// Rows read, and how many units and items they named.
    fn new(
        path: &std::sync::Arc<str>,
        role: crate::source::Role,
        rows: usize,
        units: usize,
        items: usize,
    ) -> FileSummary {
        FileSummary {
            path: std::sync::Arc::clone(path),
            role,
            rows,
            units,
            items,
            notes: Vec::new(),
        }
    }

    /// Adds `check`'s notes of a table: its footer rows skipped.
    fn footers(mut self, footers: usize) -> FileSummary {
        if footers > 0 {
            self.notes
                .push(msg!("check-footers", path = &self.path, rows = footers));
        }
        self
    }
}

/// Attaches the notes of a file (sheets left out) to its last table's summary.
fn attach_notes(summaries: &mut [FileSummary], from: usize, notes: Vec<Message>) {
    if let Some(last) = summaries[from..].last_mut() {
        last.notes.extend(notes);
    }
}

/// Empty inputs for every unit and item of every rubric: the shape of the
/// year's inputs and of each file's tally, bounded by units x items.
fn blank_units(catalog: &Catalog) -> Vec<Vec<UnitInputs>> {
    catalog
        .rubrics
        .iter()
        .map(|r| {
            let blank = UnitInputs {
                items: r
                    .items
                    .iter()
                    .map(|i| ItemInputs {
                        annual: vec![None; i.scorers.len()],
                        rules: vec![crate::num::Sum::default(); i.rules.len()],
                        ..ItemInputs::default()
                    })
                    .collect(),
                veto: None,
            };
            vec![blank; r.units.len()]
        })
        .collect()
}

/// The daily records of one unit, kept for `explain`.
#[derive(Debug)]
pub struct Trace {
    pub unit: UnitRef,
    pub records: Vec<DailyRecord>,
}

impl Inputs {
    pub fn unit(&self, u: UnitRef) -> &UnitInputs {
        &self.units[u.rubric][u.unit]
    }
}

/// Reads every annual and daily file and checks what only the whole year can
/// tell (missing scores, n/a agreement). `None` when anything was wrong; every
/// problem is in `diags`.
pub fn read_inputs(
    catalog: &Catalog,
    paths: &InputPaths,
    trace: Option<UnitRef>,
    diags: &mut Diagnostics,
) -> Option<Inputs> {
    read_all(catalog, paths, trace, false, diags)
}

/// Like [`read_inputs`], but keeps every unit's daily records and every
/// annual note besides the sums (`publish` lists them unit by unit).
pub fn read_inputs_keeping_all(
    catalog: &Catalog,
    paths: &InputPaths,
    diags: &mut Diagnostics,
) -> Option<Inputs> {
    read_all(catalog, paths, None, true, diags)
}

fn read_all(
    catalog: &Catalog,
    paths: &InputPaths,
    trace: Option<UnitRef>,
    keep_all: bool,
    diags: &mut Diagnostics,
) -> Option<Inputs> {
    let before = diags.len();
    let units = blank_units(catalog);
    let mut inputs = Inputs {
        files: Vec::new(),
        units,
        missing: 0,
        trace: trace.map(|unit| Trace {
            unit,
            records: Vec::new(),
        }),
        summaries: Vec::new(),
        records: Vec::new(),
        notes: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    let mut once = |path: &PathBuf, diags: &mut Diagnostics| {
        // The same file twice would count every score and record twice.
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let first = seen.insert(key);
        if !first {
            let file: std::sync::Arc<str> = std::sync::Arc::from(path.display().to_string());
            diags.error(Location::new(&file, 0), msg!("input-file-twice"));
        }
        first
    };
    let found = std::cell::RefCell::new(Vec::new());
    let options = table::ReadOptions {
        encoding: paths.encoding,
        sheets: paths.sheet.as_deref(),
        sheets_found: Some(&found),
    };
    let mut workbooks = 0;
    for arg in &paths.annual {
        let (path, scorer) = annual_arg(arg);
        if once(&path, diags) {
            workbooks += usize::from(is_workbook(&path));
            annual::read(
                catalog,
                &path,
                scorer.as_deref(),
                &options,
                keep_all,
                &mut inputs,
                diags,
            );
        }
    }
    for path in &paths.daily {
        if once(path, diags) {
            workbooks += usize::from(is_workbook(path));
            daily::read(catalog, path, &options, trace, keep_all, &mut inputs, diags);
        }
    }
    // A --sheet name that no workbook has is a slip, not a choice.
    // (When no workbook had any, each said so already.)
    if let Some(wanted) = &paths.sheet
        && workbooks > 0
        && !found.borrow().is_empty()
    {
        let found = found.borrow();
        for w in wanted {
            if !found.iter().any(|f| f == w.trim()) {
                diags.general(msg!("input-sheet-nowhere", sheet = w.as_str()));
            }
        }
    }
    // A name that is not on the roster is one mistake however many rows
    // repeat it: one error, at its first row, with the number of rows.
    diags.fold_repeats("input-unknown-unit", "unit", "input-unknown-unit-rows");
    diags.fold_repeats("input-unknown-item", "item", "input-unknown-item-rows");
    // A file or row that could not be read would show up again as missing
    // scores; those are listed only once what was given reads cleanly.
    let list_missing = diags.len() == before;
    check_year(
        catalog,
        &mut inputs,
        paths.allow_missing,
        list_missing,
        diags,
    );
    (diags.len() == before).then_some(inputs)
}

/// `--annual FILE@SCORER`: the file, and the scorer of its tables that do
/// not name their own. A file whose name holds `@` is taken whole.
fn annual_arg(arg: &std::path::Path) -> (PathBuf, Option<String>) {
    if arg.exists() {
        return (arg.to_path_buf(), None);
    }
    if let Some((file, scorer)) = arg.to_str().and_then(|a| a.rsplit_once('@'))
        && !scorer.trim().is_empty()
        && !scorer.contains(['/', '\\'])
        && std::path::Path::new(file).exists()
    {
        return (PathBuf::from(file), Some(scorer.trim().to_string()));
    }
    (arg.to_path_buf(), None)
}

/// Whether the file is a workbook (for telling a `--sheet` no workbook has).
fn is_workbook(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| crate::workbook::is_workbook(&head))
}

/// Whether a unit's item applies: every scorer said `n/a`, or none did.
pub fn applicable(item: &ItemInputs) -> bool {
    item.annual.is_empty()
        || !item
            .annual
            .iter()
            .all(|a| matches!(a, Some(AnnualScore { value: None, .. })))
}

fn check_year(
    catalog: &Catalog,
    inputs: &mut Inputs,
    allow_missing: bool,
    list_missing: bool,
    diags: &mut Diagnostics,
) {
    let mut missing = 0;
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        for (u, unit) in rubric.units.iter().enumerate() {
            let ui = &inputs.units[r][u];
            let mut any_applies = false;
            for (i, item) in rubric.items.iter().enumerate() {
                let ii = &ui.items[i];
                let na: Vec<&Location> = ii
                    .annual
                    .iter()
                    .flatten()
                    .filter(|a| a.value.is_none())
                    .map(|a| &a.at)
                    .collect();
                let all_na = !ii.annual.is_empty() && na.len() == ii.annual.len();
                if !na.is_empty() && !all_na {
                    // Some scorer says the item does not apply, another scores it or is silent.
                    for (slot, w) in item.scorers.iter().enumerate() {
                        let s = &rubric.scorers[w.scorer];
                        match &ii.annual[slot] {
                            Some(AnnualScore { value: Some(v), at }) => diags.error(
                                at.clone(),
                                msg!(
                                    "input-na-disagree",
                                    scorer = &s.name,
                                    unit = &unit.name,
                                    item = &item.id,
                                    title = &item.title,
                                    value = crate::num::plain(*v),
                                    na = na[0]
                                ),
                            ),
                            None => diags.error(
                                na[0].clone(),
                                msg!(
                                    "input-na-missing-scorer",
                                    unit = &unit.name,
                                    item = &item.id,
                                    title = &item.title,
                                    scorer = &s.name
                                ),
                            ),
                            Some(_) => {}
                        }
                    }
                    continue;
                }
                if all_na {
                    if let Some(at) = &ii.first_daily {
                        diags.error(
                            at.clone(),
                            msg!(
                                "input-daily-on-na",
                                unit = &unit.name,
                                item = &item.id,
                                title = &item.title,
                                na = na[0]
                            ),
                        );
                    }
                    continue;
                }
                any_applies = true;
                for (slot, w) in item.scorers.iter().enumerate() {
                    if ii.annual[slot].is_none() {
                        missing += 1;
                        if !allow_missing && list_missing {
                            diags.error_at(
                                &rubric.origin.path,
                                unit.line,
                                msg!(
                                    "input-missing-score",
                                    scorer = &rubric.scorers[w.scorer].name,
                                    scorer_id = &rubric.scorers[w.scorer].id,
                                    unit = &unit.name,
                                    unit_id = &unit.id,
                                    item = &item.id,
                                    title = &item.title
                                ),
                            );
                        }
                    }
                }
            }
            if !any_applies {
                diags.error_at(
                    &rubric.origin.path,
                    unit.line,
                    msg!(
                        "input-nothing-applies",
                        unit = &unit.name,
                        unit_id = &unit.id
                    ),
                );
            }
        }
    }
    // Without --allow-missing each missing cell is an error above.
    inputs.missing = missing;
}

/// A unit of any rubric by its id or name, or an error with a suggestion.
/// `at` is called only for an error: most rows need no location.
fn resolve_unit(
    catalog: &Catalog,
    cell: &str,
    at: impl Fn() -> Location,
    diags: &mut Diagnostics,
) -> Option<UnitRef> {
    if cell.is_empty() {
        diags.error(at(), msg!("input-unit-empty"));
        return None;
    }
    let found = catalog.unit(cell);
    if found.is_none() {
        diags.error(
            at(),
            msg!(
                "input-unknown-unit",
                unit = cell,
                hint = crate::diag::hint(cell, catalog.unit_names())
            ),
        );
    }
    found
}

/// An item title as compared: quotation marks, white space and the width
/// of brackets aside (`落实“五公开”要求` = `落实"五公开"要求` = `落实五公开要求`).
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』'
                )
        })
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// What a cell naming an item names.
pub(crate) enum ItemMatch {
    Leaf(usize),
    /// A group: only its leaves are scored.
    Group(usize),
    /// A workbook number that equals several ids (1.1 and 1.10).
    Ambiguous(Vec<usize>),
    None,
}

/// The leaf (or group) a cell names by id or title, titles compared folded;
/// `number` when a workbook held the cell as a number, whose value may be
/// an id Excel turned into one (`1.10` into 1.1).
pub(crate) fn match_item(rubric: &crate::rubric::Rubric, cell: &str, number: bool) -> ItemMatch {
    if number && let Ok(value) = crate::num::parse_plain(cell) {
        let ids: Vec<usize> = (0..rubric.items.len())
            .filter(|&i| crate::num::parse_plain(&rubric.items[i].id).is_ok_and(|id| id == value))
            .collect();
        match ids.len() {
            0 => {}
            1 => return ItemMatch::Leaf(ids[0]),
            _ => return ItemMatch::Ambiguous(ids),
        }
    }
    if let Some(i) = rubric.item(cell) {
        return ItemMatch::Leaf(i);
    }
    if let Some(g) = rubric.group(cell) {
        return ItemMatch::Group(g);
    }
    let folded = fold(cell);
    if folded.is_empty() {
        return ItemMatch::None;
    }
    if let Some(i) = rubric.items.iter().position(|i| fold(&i.title) == folded) {
        return ItemMatch::Leaf(i);
    }
    if let Some(g) = rubric.groups.iter().position(|g| fold(&g.title) == folded) {
        return ItemMatch::Group(g);
    }
    ItemMatch::None
}

/// The error for a number cell that equals several ids.
pub(crate) fn ambiguous_number(
    rubric: &crate::rubric::Rubric,
    cell: &str,
    items: &[usize],
) -> Message {
    msg!(
        "input-item-number-ambiguous",
        value = cell,
        items = list(items.iter().map(|&i| rubric.items[i].id.as_str()))
    )
}

/// The error for a cell naming a group.
pub(crate) fn names_group(rubric: &crate::rubric::Rubric, cell: &str, g: usize) -> Message {
    let group = &rubric.groups[g];
    msg!(
        "input-names-group",
        item = cell,
        group = &group.id,
        title = &group.title,
        leaves = list(rubric.leaf_ids(g))
    )
}

/// An item of the unit's rubric by its id or title, or an error with a suggestion.
fn resolve_item(
    rubric: &crate::rubric::Rubric,
    unit: &crate::rubric::Unit,
    cell: &str,
    number: bool,
    at: impl Fn() -> Location,
    diags: &mut Diagnostics,
) -> Option<usize> {
    if cell.is_empty() {
        diags.error(at(), msg!("input-item-empty"));
        return None;
    }
    match match_item(rubric, cell, number) {
        ItemMatch::Leaf(i) => Some(i),
        ItemMatch::Group(g) => {
            // Only leaves are scored: say which ones the group holds.
            diags.error(at(), names_group(rubric, cell, g));
            None
        }
        ItemMatch::Ambiguous(items) => {
            diags.error(at(), ambiguous_number(rubric, cell, &items));
            None
        }
        ItemMatch::None => {
            diags.error(
                at(),
                msg!(
                    "input-unknown-item",
                    item = cell,
                    unit = &unit.name,
                    rubric = &rubric.id,
                    hint = crate::diag::hint(cell, rubric.item_names())
                ),
            );
            None
        }
    }
}
