//! Reading rubric TOML files into the model, with every rule of the spec
//! checked and every failure reported at the line of its key.
//!
//! The document is walked by hand over toml's spanned tree rather than through
//! serde: serde stops at the first unknown key, and a rubric author should
//! see every mistake of a file in one run.

use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::catalog::Catalog;

use crate::date::Date;
use crate::model::rubric::{
    Grade, Group, Item, Ranking, Rubric, Rule, Scorer, Section, Start, Unit, Weight,
};
use crate::model::source::Location;
use crate::model::source::{InputFile, LineIndex, Role, sha256_hex};
use crate::num::{self, NumError};
use crate::text::diag::{Diagnostics, hint};
use crate::text::i18n::msg;
use crate::text::i18n::{Arg, Message};

/// The rubrics compiled into the binary, used when no `--rubric` is given.
pub const EMBEDDED: [(&str, &str); 2] = [
    (
        "rubrics/counties.toml",
        include_str!("../../rubrics/counties.toml"),
    ),
    (
        "rubrics/departments.toml",
        include_str!("../../rubrics/departments.toml"),
    ),
];

/// Loads the named rubric files, or the embedded ones when none is named,
/// and checks what must hold across them (unique rubric ids, unit ids and
/// unit names). Returns `None` when anything was wrong.
pub fn load_rubrics(paths: &[impl AsRef<Path>], diags: &mut Diagnostics) -> Option<Catalog> {
    let before = diags.len();
    let mut rubrics = Vec::new();
    // The rosters of rubrics that failed, so that their units are checked
    // against the others' in the same run.
    let mut failed: Vec<Roster> = Vec::new();
    let mut take = |parsed: Result<Rubric, Roster>| match parsed {
        Ok(r) => rubrics.push(r),
        Err(roster) => failed.push(roster),
    };
    if paths.is_empty() {
        for (name, text) in EMBEDDED {
            let origin = InputFile {
                role: Role::Rubric,
                path: Arc::from(format!("embedded:{name}")),
                sha256: sha256_hex(text.as_bytes()),
            };
            take(parse_parts(text, origin, diags));
        }
    } else {
        for path in paths {
            let path = path.as_ref();
            let Some((file, bytes)) = crate::tables::file::read(path, "rubric", diags) else {
                continue;
            };
            let origin = InputFile {
                role: Role::Rubric,
                path: Arc::clone(&file),
                sha256: sha256_hex(&bytes),
            };
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => take(parse_parts(text, origin, diags)),
                Err(e) => {
                    let line = 1 + bytes[..e.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count();
                    diags.error_at(&file, line, msg!("rubric-not-utf8"));
                }
            }
        }
    }
    let rosters: Vec<Roster> = rubrics
        .iter()
        .map(|r| Roster {
            path: Arc::clone(&r.origin.path),
            units: Vec::new(),
        })
        .collect();
    let all: Vec<(&Arc<str>, &[Unit])> = rubrics
        .iter()
        .zip(&rosters)
        .map(|(r, roster)| (&roster.path, r.units.as_slice()))
        .chain(failed.iter().map(|f| (&f.path, f.units.as_slice())))
        .collect();
    check_ids(&rubrics, diags);
    check_units(&all, diags);
    (diags.len() == before).then(|| Catalog::new(rubrics))
}

/// The units read from a rubric file that failed to load.
pub struct Roster {
    path: Arc<str>,
    units: Vec<Unit>,
}

/// Rubric ids are unique among the rubrics of a run.
fn check_ids(rubrics: &[Rubric], diags: &mut Diagnostics) {
    let mut ids: HashMap<&str, &Rubric> = HashMap::new();
    for r in rubrics {
        if let Some(first) = ids.insert(&r.id, r) {
            diags.error_at(
                &r.origin.path,
                1,
                msg!("rubric-id-taken", id = &r.id, first = &first.origin.path),
            );
        }
    }
}

/// Rules that span rubrics: each unit belongs to exactly one of them, and
/// an alias names one unit only.
fn check_units(rosters: &[(&Arc<str>, &[Unit])], diags: &mut Diagnostics) {
    let mut unit_ids: HashMap<&str, (&Arc<str>, &Unit)> = HashMap::new();
    let mut unit_names: HashMap<&str, (&Arc<str>, &Unit)> = HashMap::new();
    for (path, units) in rosters {
        for u in *units {
            let by_id: fn(&Unit) -> usize = |u| u.line;
            let by_name: fn(&Unit) -> usize = |u| u.name_line;
            for (key, map, what, line) in [
                (&u.id, &mut unit_ids, msg!("rubric-unit-id"), by_id),
                (&u.name, &mut unit_names, msg!("rubric-unit-name"), by_name),
            ] {
                if let Some((fpath, fu)) = map.insert(key, (path, u)) {
                    diags.error_at(
                        path,
                        line(u),
                        msg!(
                            "rubric-unit-taken",
                            what = what,
                            value = key,
                            first = Location::new(fpath, line(fu)),
                        ),
                    );
                }
            }
        }
    }
    // An alias names its unit wherever a name does: it may be no other
    // unit's id, name or alias.
    let mut owner: HashMap<&str, (&Arc<str>, &Unit)> = HashMap::new();
    for (path, units) in rosters {
        for u in *units {
            for key in [&u.id, &u.name] {
                owner.entry(key).or_insert((path, u));
            }
        }
    }
    for (path, units) in rosters {
        for u in *units {
            for alias in &u.aliases {
                match owner.get(alias.as_str()) {
                    Some((fpath, fu)) if !std::ptr::eq(*fu, u) => diags.error_at(
                        path,
                        u.alias_line,
                        msg!(
                            "rubric-alias-taken",
                            alias = alias.as_str(),
                            unit = fu.name.as_str(),
                            at = Location::new(fpath, fu.line)
                        ),
                    ),
                    _ => {
                        owner.insert(alias, (path, u));
                    }
                }
            }
        }
    }
}

type Val<'i> = Spanned<DeValue<'i>>;
/// A key's span and its value.
type Field<'t, 'i> = (Range<usize>, &'t Val<'i>);

/// The walk over one file: where it is and where errors go.
struct Walk<'a, 'd> {
    file: Arc<str>,
    index: LineIndex<'a>,
    diags: &'d mut Diagnostics,
    errors: usize,
}

impl Walk<'_, '_> {
    fn line(&self, span: &Range<usize>) -> usize {
        self.index.line_col(span.start).0
    }

    fn err(&mut self, span: &Range<usize>, message: impl Into<crate::text::i18n::Message>) {
        let loc = self.index.location(&self.file, span.start);
        self.diags.error(loc, message);
        self.errors += 1;
    }

    /// Reports every key of `table` that is not in `allowed`.
    fn known_keys(&mut self, table: &DeTable, allowed: &[&str], what: Message) {
        for (key, _) in table.iter() {
            let k: &str = key.get_ref();
            if !allowed.contains(&k) {
                let hint = hint(k, allowed.iter().copied());
                self.err(
                    &key.span(),
                    msg!(
                        "rubric-unknown-key",
                        key = k,
                        place = what.clone(),
                        hint = hint,
                        allowed = list(allowed.iter().map(|a| Arg::from(*a))),
                    ),
                );
            }
        }
    }

    /// The value of a key that must be present; `at` is where the table starts.
    fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        at: &Range<usize>,
        key: &str,
        what: &Message,
    ) -> Option<Field<'t, 'i>> {
        let found = self.optional(table, key);
        if found.is_none() {
            self.err(
                at,
                msg!("rubric-key-missing", place = what.clone(), key = key),
            );
        }
        found
    }

    /// Errors about a key's value point at the key, where the author looks.
    fn optional<'t, 'i>(&mut self, table: &'t DeTable<'i>, key: &str) -> Option<Field<'t, 'i>> {
        table.get_key_value(key).map(|(k, v)| (k.span(), v))
    }

    /// A required text with the span of its key, for errors that point at it later.
    fn located(
        &mut self,
        table: &DeTable,
        at: &Range<usize>,
        key: &str,
        what: &Message,
    ) -> Option<(String, Range<usize>)> {
        let field = self.required(table, at, key, what)?;
        let span = field.0.clone();
        self.string(key, field).map(|s| (s, span))
    }

    fn string(&mut self, key: &str, (span, v): Field) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            DeValue::String(_) => {
                self.err(&span, msg!("rubric-empty-text", key = key));
                None
            }
            other => {
                self.err(
                    &span,
                    msg!("rubric-not-text", key = key, type = kind(other)),
                );
                None
            }
        }
    }

    /// A number read as the exact decimal written: an integer, a float (its
    /// literal text, not the nearest binary value) or a string like "0.35".
    fn number(&mut self, key: &str, (span, v): Field) -> Option<Decimal> {
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .ok()
                .and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok())
                .ok_or_else(|| msg!("rubric-number-too-large")),
            DeValue::Float(f) => {
                let text = f.as_str().replace('_', "");
                if text.contains(['e', 'E']) {
                    Decimal::from_scientific(&text).map_err(|_| msg!("rubric-number-out-of-range"))
                } else {
                    num::parse_plain(&text).map_err(why_not_a_number)
                }
            }
            DeValue::String(s) => num::parse_plain(s).map_err(why_not_a_number),
            other => Err(msg!("rubric-number-wrong-type", type = kind(other))),
        }
        // An integer or a float in exponent form is bounded as a cell is.
        .and_then(|d| num::bounded(d).map_err(why_not_a_number));
        match parsed {
            Ok(d) => Some(d),
            Err(why) => {
                self.err(&span, msg!("rubric-not-decimal", key = key, reason = why));
                None
            }
        }
    }

    fn integer(&mut self, key: &str, (span, v): Field, range: Range<i64>) -> Option<i64> {
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match n {
            Some(n) if range.contains(&n) => Some(n),
            _ => {
                self.err(
                    &span,
                    msg!(
                        "rubric-not-integer",
                        key = key,
                        min = range.start,
                        max = range.end - 1
                    ),
                );
                None
            }
        }
    }

    fn date(&mut self, key: &str, (span, v): Field) -> Option<Date> {
        let date = match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day))),
            DeValue::String(s) => Date::parse(s),
            _ => None,
        };
        if date.is_none() {
            self.err(&span, msg!("rubric-not-date", key = key));
        }
        date
    }

    /// The tables of an array of tables (`[[unit]]`), each with its span.
    fn tables<'t, 'i>(
        &mut self,
        key: &str,
        (span, v): Field<'t, 'i>,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let mut out = Vec::new();
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, item.span())),
                        other => self.err(
                            &item.span(),
                            msg!("rubric-not-table-in-array", key = key, type = kind(other)),
                        ),
                    }
                }
            }
            other => self.err(
                &span,
                msg!("rubric-not-table-array", key = key, type = kind(other)),
            ),
        }
        out
    }

    fn table<'t, 'i>(&mut self, key: &str, (span, v): Field<'t, 'i>) -> Option<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.err(
                    &span,
                    msg!("rubric-not-table", key = key, type = kind(other)),
                );
                None
            }
        }
    }
}

const TOP_KEYS: &[&str] = &[
    "id",
    "title",
    "year",
    "total",
    "decimals",
    "ranking",
    "period",
    "scorers",
    "grade",
    "unit",
    "section",
    "conversion",
];
const PERIOD_KEYS: &[&str] = &["start", "end"];
const CONVERSION_KEYS: &[&str] = &["points", "label"];
const GRADE_KEYS: &[&str] = &["id", "label", "min"];
const UNIT_KEYS: &[&str] = &["id", "name", "aliases"];
const SECTION_KEYS: &[&str] = &["id", "title", "item"];
const ITEM_KEYS: &[&str] = &[
    "id",
    "title",
    "max",
    "scorers",
    "max_deduct",
    "max_add",
    "criteria",
    "start",
    "item",
    "rule",
];
const RULE_KEYS: &[&str] = &["id", "text", "kind", "points", "max"];

fn valid_rubric_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Parses and validates one rubric; `None` if anything in it is wrong.
pub fn parse_rubric(text: &str, origin: InputFile, diags: &mut Diagnostics) -> Option<Rubric> {
    parse_parts(text, origin, diags).ok()
}

/// Parses and validates one rubric; when anything is wrong, the units it
/// could read, for the checks across rubrics.
fn parse_parts(text: &str, origin: InputFile, diags: &mut Diagnostics) -> Result<Rubric, Roster> {
    let failed = |units: Vec<Unit>| Roster {
        path: Arc::clone(&origin.path),
        units,
    };
    let (doc, syntax) = DeTable::parse_recoverable(text);
    let mut w = Walk {
        file: Arc::clone(&origin.path),
        index: LineIndex::new(text),
        diags,
        errors: 0,
    };
    if !syntax.is_empty() {
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            w.err(
                &span,
                msg!(
                    "rubric-toml-syntax",
                    reason = toml_reason(e.message().trim())
                ),
            );
        }
        return Err(failed(Vec::new()));
    }
    let top = doc.get_ref();
    let start_of_file = 0..0;
    let the_rubric = msg!("rubric-place-rubric");
    w.known_keys(top, TOP_KEYS, the_rubric.clone());

    let id = w
        .required(top, &start_of_file, "id", &the_rubric)
        .and_then(|f| {
            let id = w.string("id", f.clone())?;
            if !valid_rubric_id(&id) {
                w.err(&f.0, msg!("rubric-id-invalid", id = &id));
            }
            Some(id)
        });
    let title = w
        .required(top, &start_of_file, "title", &the_rubric)
        .and_then(|f| w.string("title", f));
    let year = w
        .required(top, &start_of_file, "year", &the_rubric)
        .and_then(|f| w.integer("year", f, 1900..10000));
    let decimals = match w.optional(top, "decimals") {
        Some(f) => w.integer("decimals", f, 0..7).map(|d| d as u32),
        None => Some(2),
    };
    let ranking = match w.optional(top, "ranking") {
        None => Some(Ranking::Competition),
        Some(f) => match w.string("ranking", f.clone()).as_deref() {
            Some("competition") => Some(Ranking::Competition),
            Some("dense") => Some(Ranking::Dense),
            Some(other) => {
                w.err(&f.0, msg!("rubric-ranking-unknown", value = other));
                None
            }
            None => None,
        },
    };
    let places = decimals.unwrap_or(6);
    let total_field = w.required(top, &start_of_file, "total", &the_rubric);
    let total_errors = w.errors;
    let total = total_field.clone().and_then(|f| {
        let t = w.number("total", f.clone())?;
        check_places_positive(&mut w, &f.0, "total", t, places);
        Some(t)
    });
    // A total that is wrong in itself is not compared with the maxima.
    let total = total.filter(|_| w.errors == total_errors);

    let (start, end) = read_period(&mut w, top, year);
    let scorers = read_scorers(&mut w, top, &start_of_file);
    let grades = read_grades(&mut w, top, &start_of_file, places, total);
    let units = read_units(&mut w, top, &start_of_file);
    let conversion = read_conversion(&mut w, top);
    let tree = read_sections(&mut w, top, &start_of_file, &scorers, places);

    // The leaf maxima must add up to the scale exactly, or every total is
    // off. Checked whenever every leaf's max was read, beside any other
    // error, with each section's subtotal to show where the gap is.
    if let (Some(total), Some((span, _)), true) = (total, total_field, tree.maxima_complete) {
        let subtotals: Option<Vec<(String, Decimal)>> = tree
            .sections
            .iter()
            .map(|s| {
                let sum = tree.items[s.items.clone()]
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.max))?;
                Some((s.title.clone(), sum))
            })
            .collect();
        let sum = subtotals.as_ref().and_then(|v| {
            v.iter()
                .try_fold(Decimal::ZERO, |acc, (_, x)| acc.checked_add(*x))
        });
        if sum != Some(total) {
            let sum = sum.map_or(Arg::from(msg!("rubric-sum-too-large")), |s| {
                Arg::from(num::plain(s))
            });
            let sections = subtotals
                .unwrap_or_default()
                .iter()
                .map(|(t, x)| {
                    crate::text::i18n::tr!(
                        "rubric-subtotal",
                        section = t.as_str(),
                        sum = num::plain(*x)
                    )
                })
                .collect::<Vec<_>>()
                .join(&crate::text::i18n::tr!("list-separator"));
            w.err(
                &span,
                crate::text::i18n::msg!(
                    "rubric-maxima-sum",
                    sum = sum,
                    total = num::plain(total),
                    sections = sections
                ),
            );
        }
    }
    let Tree {
        sections,
        items,
        groups,
        rules,
        ..
    } = tree;

    if w.errors > 0 {
        return Err(failed(units));
    }
    let (
        Some(id),
        Some(title),
        Some(year),
        Some(total),
        Some(decimals),
        Some(ranking),
        Some(start),
        Some(end),
    ) = (id, title, year, total, decimals, ranking, start, end)
    else {
        return Err(failed(units));
    };
    let mut item_keys = crate::model::keys::Keys::default();
    // Titles first, ids after: an id wins where it equals another item's title.
    for (i, item) in items.iter().enumerate() {
        item_keys.insert(item.title.as_bytes(), i);
    }
    for (i, item) in items.iter().enumerate() {
        item_keys.insert(item.id.as_bytes(), i);
    }
    let mut group_keys = crate::model::keys::Keys::default();
    for (g, group) in groups.iter().enumerate() {
        group_keys.insert(group.title.as_bytes(), g);
    }
    for (g, group) in groups.iter().enumerate() {
        group_keys.insert(group.id.as_bytes(), g);
    }
    let mut scorer_keys = crate::model::keys::Keys::default();
    for (i, s) in scorers.iter().enumerate() {
        scorer_keys.insert(s.name.as_bytes(), i);
    }
    for (i, s) in scorers.iter().enumerate() {
        scorer_keys.insert(s.id.as_bytes(), i);
    }
    Ok(Rubric {
        conversion,
        id,
        title,
        year,
        total,
        decimals,
        ranking,
        start,
        end,
        scorers,
        grades,
        units,
        sections,
        items,
        groups,
        rules,
        origin,
        source: text.to_string(),
        item_keys,
        group_keys,
        scorer_keys,
    })
}

/// `value` > 0 with at most `places` decimal places.
fn check_places_positive(
    w: &mut Walk,
    span: &Range<usize>,
    key: &str,
    value: Decimal,
    places: u32,
) {
    if value <= Decimal::ZERO {
        w.err(
            span,
            msg!("rubric-not-positive", key = key, value = num::plain(value)),
        );
    }
    check_places(w, span, key, value, places);
}

fn check_places(w: &mut Walk, span: &Range<usize>, key: &str, value: Decimal, places: u32) {
    if num::places(value) > places {
        w.err(
            span,
            msg!(
                "rubric-too-many-places",
                key = key,
                value = num::plain(value),
                places = places
            ),
        );
    }
}

fn read_period(w: &mut Walk, top: &DeTable, year: Option<i64>) -> (Option<Date>, Option<Date>) {
    let default = |m, d| {
        year.and_then(|y| i32::try_from(y).ok())
            .and_then(|y| Date::new(y, m, d))
    };
    let Some(field) = w.optional(top, "period") else {
        return (default(1, 1), default(12, 31));
    };
    let span = field.0.clone();
    let Some(t) = w.table("period", field) else {
        return (None, None);
    };
    w.known_keys(t, PERIOD_KEYS, msg!("rubric-place-period"));
    // The error points at `end` (or `start`, when only it is written).
    let mut at = span;
    let start = match w.optional(t, "start") {
        Some(f) => {
            at = f.0.clone();
            w.date("start", f)
        }
        None => default(1, 1),
    };
    let end = match w.optional(t, "end") {
        Some(f) => {
            at = f.0.clone();
            w.date("end", f)
        }
        None => default(12, 31),
    };
    if let (Some(s), Some(e), Some(y)) = (start, end, year) {
        // A period may start in the year before (1 Dec - 30 Nov), but it
        // must share a day with the calendar year it assesses.
        if s <= e && (i64::from(e.year) < y || i64::from(s.year) > y) {
            w.err(
                &at,
                crate::text::i18n::msg!(
                    "rubric-period-outside-year",
                    start = s.to_string(),
                    end = e.to_string(),
                    year = y
                ),
            );
        }
    }
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            w.err(
                &at,
                msg!(
                    "rubric-period-reversed",
                    start = s.to_string(),
                    end = e.to_string()
                ),
            );
        }
    }
    (start, end)
}

fn read_scorers(w: &mut Walk, top: &DeTable, at: &Range<usize>) -> Vec<Scorer> {
    let mut scorers = Vec::new();
    let Some(field) = w.required(top, at, "scorers", &msg!("rubric-place-rubric")) else {
        return scorers;
    };
    let span = field.0.clone();
    let Some(t) = w.table("scorers", field) else {
        return scorers;
    };
    let mut names: HashMap<String, String> = HashMap::new();
    for (key, value) in t.iter() {
        let id = key.get_ref().trim().to_string();
        if let Some(name) = w.string(&format!("scorers.{id}"), (key.span(), value)) {
            if let Some(first) = names.insert(name.clone(), id.clone()) {
                w.err(
                    &key.span(),
                    msg!(
                        "rubric-scorer-same-name",
                        first = first,
                        id = &id,
                        name = &name
                    ),
                );
            }
            scorers.push(Scorer { id, name });
        }
    }
    if t.is_empty() {
        w.err(&span, msg!("rubric-scorers-empty"));
    }
    scorers
}

fn read_grades(
    w: &mut Walk,
    top: &DeTable,
    at: &Range<usize>,
    places: u32,
    total: Option<Decimal>,
) -> Vec<Grade> {
    let mut grades: Vec<Grade> = Vec::new();
    let Some(field) = w.required(top, at, "grade", &msg!("rubric-place-rubric")) else {
        return grades;
    };
    let list_span = field.0.clone();
    let mut last: Option<(Decimal, Range<usize>)> = None;
    let mut seen: HashSet<String> = HashSet::new();
    for (t, span) in w.tables("grade", field) {
        w.known_keys(t, GRADE_KEYS, msg!("rubric-place-grade"));
        let this = msg!("rubric-this-grade");
        let id = w
            .required(t, &span, "id", &this)
            .and_then(|f| w.string("id", f));
        let label = w
            .required(t, &span, "label", &this)
            .and_then(|f| w.string("label", f));
        let min_field = w.required(t, &span, "min", &this);
        let min = min_field.clone().and_then(|f| w.number("min", f));
        // A grade may be labelled by its own id; two grades may not share a name.
        let own: HashSet<&String> = id.iter().chain(label.iter()).collect();
        for key in own {
            if !seen.insert(key.clone()) {
                w.err(&span, msg!("rubric-grade-twice", value = key));
            }
        }
        if let (Some(min), Some((mspan, _))) = (min, min_field) {
            check_places(w, &mspan, "min", min, places);
            if min < Decimal::ZERO {
                w.err(&mspan, msg!("rubric-grade-negative"));
            }
            match &last {
                None => {
                    if let Some(total) = total.filter(|t| min > *t) {
                        w.err(
                            &mspan,
                            msg!(
                                "rubric-grade-above-total",
                                min = num::plain(min),
                                total = num::plain(total)
                            ),
                        );
                    }
                }
                Some((prev, _)) if min >= *prev => w.err(
                    &mspan,
                    msg!(
                        "rubric-grades-not-descending",
                        min = num::plain(min),
                        previous = num::plain(*prev)
                    ),
                ),
                Some(_) => {}
            }
            last = Some((min, mspan));
        }
        if let (Some(id), Some(label), Some(min)) = (id, label, min) {
            grades.push(Grade { id, label, min });
        }
    }
    match last {
        None if w.errors == 0 => w.err(&list_span, msg!("rubric-no-grade")),
        Some((min, span)) if !min.is_zero() => w.err(
            &span,
            msg!("rubric-last-grade-not-zero", min = num::plain(min)),
        ),
        _ => {}
    }
    grades
}

fn read_units(w: &mut Walk, top: &DeTable, at: &Range<usize>) -> Vec<Unit> {
    let mut units = Vec::new();
    let Some(field) = w.required(top, at, "unit", &msg!("rubric-place-rubric")) else {
        return units;
    };
    let list_span = field.0.clone();
    for (t, span) in w.tables("unit", field) {
        w.known_keys(t, UNIT_KEYS, msg!("rubric-place-unit"));
        let this = msg!("rubric-this-unit");
        let id = w.located(t, &span, "id", &this);
        let name = w.located(t, &span, "name", &this);
        let aliases = read_aliases(w, t);
        if let (Some((id, id_span)), Some((name, name_span))) = (id, name) {
            let (aliases, alias_line) = aliases.unwrap_or_default();
            units.push(Unit {
                id,
                name,
                aliases,
                line: w.line(&id_span),
                name_line: w.line(&name_span),
                alias_line,
            });
        }
    }
    if units.is_empty() && w.errors == 0 {
        w.err(&list_span, msg!("rubric-no-unit"));
    }
    units
}

/// What the walk over a rubric's tree of indicators collects.
#[derive(Default)]
struct Tree {
    sections: Vec<Section>,
    items: Vec<Item>,
    groups: Vec<Group>,
    rules: Vec<Rule>,
    /// Ids and titles of groups and leaves alike, with their lines: unique
    /// across every level of the rubric.
    ids: HashMap<String, usize>,
    titles: HashMap<String, usize>,
    /// Every leaf's `max` was read, so the sum check is meaningful even
    /// when other errors were found.
    maxima_complete: bool,
}

/// Where a node sits: its section, the group above it, its level (2 under a section).
#[derive(Clone, Copy)]
struct Place {
    section: usize,
    parent: Option<usize>,
    level: usize,
}

/// `[conversion]`: the total converted into the prefecture's performance
/// system (折算), `points` > 0 out of the rubric's total.
fn read_conversion(w: &mut Walk, top: &DeTable) -> Option<crate::model::rubric::Conversion> {
    let field = w.optional(top, "conversion")?;
    let span = field.0.clone();
    let t = w.table("conversion", field)?;
    w.known_keys(t, CONVERSION_KEYS, msg!("rubric-place-conversion"));
    let what = msg!("rubric-place-conversion");
    let points = w.required(t, &span, "points", &what).and_then(|f| {
        let p = w.number("points", f.clone())?;
        if p <= Decimal::ZERO {
            w.err(
                &f.0,
                msg!("rubric-conversion-points", value = num::plain(p)),
            );
            return None;
        }
        Some(p)
    })?;
    let label = match w.optional(t, "label") {
        Some(f) => w.string("label", f)?,
        None => String::new(),
    };
    Some(crate::model::rubric::Conversion { points, label })
}

/// `aliases = ["和布克赛尔县", "和丰县"]`: short names (简称), with the line of the key.
fn read_aliases(w: &mut Walk, t: &DeTable) -> Option<(Vec<String>, usize)> {
    let (span, v) = w.optional(t, "aliases")?;
    let line = w.line(&span);
    let DeValue::Array(list) = v.get_ref() else {
        w.err(&span, crate::text::i18n::msg!("rubric-aliases-list"));
        return None;
    };
    let mut out: Vec<String> = Vec::new();
    for a in list.iter() {
        match a.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                let s = s.trim().to_string();
                if out.contains(&s) {
                    w.err(
                        &a.span(),
                        crate::text::i18n::msg!("rubric-alias-twice", alias = s.as_str()),
                    );
                } else {
                    out.push(s);
                }
            }
            _ => w.err(&a.span(), crate::text::i18n::msg!("rubric-aliases-list")),
        }
    }
    Some((out, line))
}

fn read_sections(
    w: &mut Walk,
    top: &DeTable,
    at: &Range<usize>,
    scorers: &[Scorer],
    places: u32,
) -> Tree {
    let mut tree = Tree {
        maxima_complete: true,
        ..Tree::default()
    };
    let Some(field) = w.required(top, at, "section", &msg!("rubric-place-rubric")) else {
        tree.maxima_complete = false;
        return tree;
    };
    let mut section_ids: HashMap<String, usize> = HashMap::new();
    for (t, span) in w.tables("section", field) {
        w.known_keys(t, SECTION_KEYS, msg!("rubric-place-section"));
        let this = msg!("rubric-this-section");
        let id = w.located(t, &span, "id", &this);
        let title = w
            .required(t, &span, "title", &this)
            .and_then(|f| w.string("title", f));
        if let Some((id, id_span)) = &id {
            let line = w.line(id_span);
            if let Some(first) = section_ids.insert(id.clone(), line) {
                w.err(
                    id_span,
                    msg!("rubric-section-id-taken", id = id, first = first),
                );
            }
        }
        let id = id.map(|(id, _)| id);
        let first_item = tree.items.len();
        let place = Place {
            section: tree.sections.len(),
            parent: None,
            level: 2,
        };
        match w.required(t, &span, "item", &this) {
            Some(f) => {
                for (it, ispan) in w.tables("item", f) {
                    read_node(w, &mut tree, it, &ispan, scorers, places, place);
                }
            }
            None => {
                tree.maxima_complete = false;
                continue;
            }
        }
        if let (Some(id), Some(title)) = (id, title) {
            tree.sections.push(Section {
                id,
                title,
                items: first_item..tree.items.len(),
            });
        } else {
            tree.maxima_complete = false;
        }
    }
    tree
}

/// The keys that make an indicator a leaf: a group (one with items of its
/// own) takes its score from them and can have none of these.
const LEAF_ONLY_KEYS: &[&str] = &["scorers", "start", "max_deduct", "max_add", "rule"];

/// Reads one indicator: a group (it has `item`s) or a leaf, at any depth.
fn read_node(
    w: &mut Walk,
    tree: &mut Tree,
    t: &DeTable,
    span: &Range<usize>,
    scorers: &[Scorer],
    places: u32,
    place: Place,
) {
    let Some(children) = w.optional(t, "item") else {
        match read_item(w, tree, t, span, scorers, places, place) {
            Some(item) => tree.items.push(item),
            None => tree.maxima_complete = false,
        }
        return;
    };
    let what = &msg!("rubric-this-group");
    w.known_keys(t, ITEM_KEYS, msg!("rubric-place-item"));
    for key in LEAF_ONLY_KEYS {
        if let Some((kspan, _)) = w.optional(t, key) {
            w.err(
                &kspan,
                crate::text::i18n::msg!("rubric-group-leaf-key", key = *key),
            );
        }
    }
    let id = w.located(t, span, "id", what);
    let title = w.located(t, span, "title", what);
    let written_max = w.optional(t, "max").and_then(|f| {
        let m = w.number("max", f.clone())?;
        check_places_positive(w, &f.0, "max", m, places);
        Some((m, f.0))
    });
    let criteria = w
        .optional(t, "criteria")
        .and_then(|f| w.string("criteria", f));
    let line = id
        .as_ref()
        .map_or_else(|| w.line(span), |(_, at)| w.line(at));
    let title_line = title.as_ref().map_or(line, |(_, at)| w.line(at));
    remember(w, tree, id.as_ref(), title.as_ref(), line, title_line);
    let g = tree.groups.len();
    let first = tree.items.len();
    tree.groups.push(Group {
        id: id.map(|(s, _)| s).unwrap_or_default(),
        title: title.map(|(s, _)| s).unwrap_or_default(),
        max: Decimal::ZERO,
        section: place.section,
        parent: place.parent,
        items: first..first,
        level: place.level,
        criteria,
        line,
    });
    let inner = Place {
        parent: Some(g),
        level: place.level + 1,
        ..place
    };
    let (cspan, cval) = children;
    let kids = w.tables("item", (cspan.clone(), cval));
    if kids.is_empty() {
        w.err(&cspan, crate::text::i18n::msg!("rubric-group-empty"));
    }
    let before = tree.maxima_complete;
    tree.maxima_complete = true;
    for (ct, cs) in kids {
        read_node(w, tree, ct, &cs, scorers, places, inner);
    }
    let complete = tree.maxima_complete;
    tree.maxima_complete = before && complete;
    let leaves = first..tree.items.len();
    let sum = tree.items[leaves.clone()]
        .iter()
        .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.max));
    let group = &mut tree.groups[g];
    group.items = leaves;
    group.max = sum.unwrap_or_default();
    if let (Some((written, mspan)), true, Some(sum)) = (written_max, complete, sum) {
        if written != sum {
            let id = group.id.clone();
            w.err(
                &mspan,
                crate::text::i18n::msg!(
                    "rubric-group-max",
                    group = id,
                    written = num::plain(written),
                    sum = num::plain(sum)
                ),
            );
        }
    }
}

/// Ids and titles are unique across every level of a rubric: an annual or
/// daily row names one indicator.
fn remember(
    w: &mut Walk,
    tree: &mut Tree,
    id: Option<&(String, Range<usize>)>,
    title: Option<&(String, Range<usize>)>,
    line: usize,
    title_line: usize,
) {
    for (key, map, what, line) in [
        (
            id.map(|x| &x.0),
            &mut tree.ids,
            msg!("rubric-item-id"),
            line,
        ),
        (
            title.map(|x| &x.0),
            &mut tree.titles,
            msg!("rubric-item-title"),
            title_line,
        ),
    ] {
        let Some(key) = key else { continue };
        if let Some(first) = map.insert(key.clone(), line) {
            // Point at the key itself; the header line is for a missing key.
            let at = w.index.location(&w.file, 0);
            let loc = crate::model::source::Location {
                line,
                column: None,
                ..at
            };
            w.diags.error(
                loc,
                msg!("rubric-item-taken", what = what, value = key, first = first),
            );
            w.errors += 1;
        }
    }
}

fn read_item(
    w: &mut Walk,
    tree: &mut Tree,
    t: &DeTable,
    span: &Range<usize>,
    scorers: &[Scorer],
    places: u32,
    place: Place,
) -> Option<Item> {
    let what = &msg!("rubric-this-item");
    w.known_keys(t, ITEM_KEYS, msg!("rubric-place-item"));
    let id = w.located(t, span, "id", what);
    let title = w.located(t, span, "title", what);
    let errors = w.errors;
    let max = w.required(t, span, "max", what).and_then(|f| {
        let m = w.number("max", f.clone())?;
        check_places_positive(w, &f.0, "max", m, places);
        Some(m)
    });
    // A max that is wrong in itself says nothing about the sum.
    if w.errors > errors {
        tree.maxima_complete = false;
    }
    let mut cap = |key: &str| {
        w.optional(t, key).and_then(|f| {
            let c = w.number(key, f.clone())?;
            if c < Decimal::ZERO {
                w.err(&f.0, msg!("rubric-cap-negative", key = key));
            }
            Some(c)
        })
    };
    let max_deduct = cap("max_deduct");
    let max_add = cap("max_add");
    let criteria = w
        .optional(t, "criteria")
        .and_then(|f| w.string("criteria", f));
    let weights = match w.optional(t, "scorers") {
        Some(f) => read_weights(w, f, scorers),
        None => Some(Vec::new()),
    };
    let start = match w.optional(t, "start") {
        None => Some(Start::Zero),
        Some(f) => {
            let value = w.string("start", f.clone());
            if weights.as_ref().is_some_and(|ws| !ws.is_empty()) {
                w.err(&f.0, msg!("rubric-start-with-scorers"));
            }
            match value.as_deref() {
                Some("zero") => Some(Start::Zero),
                Some("full") => Some(Start::Full),
                Some(other) => {
                    w.err(&f.0, msg!("rubric-start-unknown", value = other));
                    None
                }
                None => None,
            }
        }
    };
    let line = id
        .as_ref()
        .map_or_else(|| w.line(span), |(_, at)| w.line(at));
    let title_line = title.as_ref().map_or(line, |(_, at)| w.line(at));
    remember(w, tree, id.as_ref(), title.as_ref(), line, title_line);
    let rules = read_rules(w, tree, t, tree.items.len());
    // A leaf with a sound max counts in the sums even when something else
    // of it is wrong (reported already, so the rubric is refused anyway).
    Some(Item {
        id: id?.0,
        title: title?.0,
        max: max?,
        section: place.section,
        parent: place.parent,
        rules: rules.unwrap_or_default(),
        scorers: weights.unwrap_or_default(),
        start: start.unwrap_or(Start::Zero),
        max_deduct,
        max_add,
        criteria,
        line,
        title_line,
    })
}

/// `[[…item.rule]]`: the per-instance rules of a leaf (SPEC 9).
fn read_rules(w: &mut Walk, tree: &mut Tree, t: &DeTable, item: usize) -> Option<Range<usize>> {
    let first = tree.rules.len();
    let Some(field) = w.optional(t, "rule") else {
        return Some(first..first);
    };
    let errors = w.errors;
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (rt, rspan) in w.tables("rule", field) {
        let what = &msg!("rubric-this-rule");
        w.known_keys(rt, RULE_KEYS, msg!("rubric-place-rule"));
        let id = w.located(rt, &rspan, "id", what);
        let text = w
            .required(rt, &rspan, "text", what)
            .and_then(|f| w.string("text", f));
        let kind = w.required(rt, &rspan, "kind", what).and_then(|f| {
            match w.string("kind", f.clone()).as_deref() {
                Some("deduct") => Some(crate::model::rubric::RuleKind::Deduct),
                Some("add") => Some(crate::model::rubric::RuleKind::Add),
                Some(other) => {
                    w.err(
                        &f.0,
                        crate::text::i18n::msg!("rubric-rule-kind", value = other),
                    );
                    None
                }
                None => None,
            }
        });
        let points = w.required(rt, &rspan, "points", what).and_then(|f| {
            let p = w.number("points", f.clone())?;
            if p <= Decimal::ZERO {
                w.err(
                    &f.0,
                    crate::text::i18n::msg!("rubric-rule-points", value = num::plain(p)),
                );
            }
            Some(p)
        });
        let max = w.optional(rt, "max").and_then(|f| {
            let m = w.number("max", f.clone())?;
            if m <= Decimal::ZERO {
                w.err(
                    &f.0,
                    crate::text::i18n::msg!("rubric-rule-max", value = num::plain(m)),
                );
            }
            Some(m)
        });
        let line = id
            .as_ref()
            .map_or_else(|| w.line(&rspan), |(_, at)| w.line(at));
        if let Some((id, at)) = &id {
            if let Some(first) = ids.insert(id.clone(), line) {
                w.err(
                    at,
                    crate::text::i18n::msg!("rubric-rule-twice", id = id.as_str(), first = first),
                );
            }
        }
        if let (Some((id, _)), Some(text), Some(kind), Some(points)) = (id, text, kind, points) {
            tree.rules.push(Rule {
                id,
                text,
                kind,
                points,
                max,
                item,
                line,
            });
        }
    }
    (w.errors == errors).then_some(first..tree.rules.len())
}

/// `scorers = { office = 0.3, lead = "0.7" }`: declared scorers, weights > 0
/// adding up to exactly 1.
fn read_weights(w: &mut Walk, field: Field, scorers: &[Scorer]) -> Option<Vec<Weight>> {
    let span = field.0.clone();
    let t = w.table("scorers", field)?;
    let errors = w.errors;
    let mut out = Vec::new();
    for (key, value) in t.iter() {
        let k = key.get_ref().trim();
        let weight = w.number(&format!("scorers.{k}"), (key.span(), value));
        let Some(s) = scorers.iter().position(|s| s.id == k) else {
            let hint = hint(k, scorers.iter().map(|s| s.id.as_str()));
            w.err(
                &key.span(),
                msg!("rubric-scorer-undeclared", scorer = k, hint = hint),
            );
            continue;
        };
        if let Some(weight) = weight {
            if weight <= Decimal::ZERO {
                w.err(&key.span(), msg!("rubric-weight-not-positive", scorer = k));
            }
            out.push(Weight { scorer: s, weight });
        }
    }
    if t.is_empty() {
        w.err(&span, msg!("rubric-weights-empty"));
    }
    if w.errors == errors {
        let sum = out
            .iter()
            .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x.weight));
        if sum != Some(Decimal::ONE) {
            w.err(
                &span,
                msg!(
                    "rubric-weights-sum",
                    sum = sum.map_or(Arg::from(msg!("rubric-weights-too-much")), |s| {
                        Arg::from(num::plain(s))
                    })
                ),
            );
        }
    }
    (w.errors == errors).then_some(out)
}

/// Items listed in the run's language: `a, b, c` or `a、b、c`.
fn list(items: impl DoubleEndedIterator<Item = Arg>) -> Arg {
    let mut items = items.rev();
    let mut out = items.next().unwrap_or_else(|| Arg::from(""));
    for first in items {
        out = Arg::from(msg!("rubric-list", first = first, rest = out));
    }
    out
}

/// The kind of a TOML value, named in the run's language.
fn kind(value: &DeValue) -> Message {
    msg!("rubric-type", type = value.type_str())
}

fn why_not_a_number(e: NumError) -> Message {
    match e {
        NumError::Empty => msg!("rubric-number-empty"),
        NumError::NotADecimal => msg!("rubric-number-not-plain"),
        NumError::TooManyDigits => msg!("rubric-number-too-many-digits"),
        NumError::TooLarge => msg!("num-too-large"),
    }
}

/// The TOML parser's explanation (`what is wrong, expected A, B`), in the
/// run's language: each part is looked up by its English text among the
/// catalog's `rubric-toml-p-…` and `rubric-toml-e-…` entries; a part the
/// catalog lacks is shown as the parser wrote it.
fn toml_reason(message: &str) -> Arg {
    let part = |prefix: &str, text: &str| -> Arg {
        if let Some(m) = catalog_key(prefix, text) {
            return Arg::from(m);
        }
        match text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
            Some(inner) if !inner.is_empty() => {
                Arg::from(msg!("rubric-toml-literal", text = inner))
            }
            _ if text == "'`'" => Arg::from(msg!("rubric-toml-literal", text = "`")),
            _ => Arg::from(text),
        }
    };
    let (problem, expected) = match message.split_once(", expected ") {
        Some((p, e)) => (p, Some(e)),
        None => (message, None),
    };
    let problem = part("rubric-toml-p-", problem);
    let Some(expected) = expected else {
        return problem;
    };
    if expected == "nothing" {
        return Arg::from(msg!("rubric-toml-expected-nothing", problem = problem));
    }
    let expected = if catalog_key("rubric-toml-e-", expected).is_some() {
        part("rubric-toml-e-", expected)
    } else {
        let parts: Vec<Arg> = expected
            .split(", ")
            .map(|e| part("rubric-toml-e-", e))
            .collect();
        list(parts.into_iter())
    };
    Arg::from(msg!(
        "rubric-toml-expected",
        problem = problem,
        expected = expected
    ))
}

/// The message of the English catalog entry under `prefix` whose text is
/// `english`; an entry may hold one `{ $type }`, matching any word there.
fn catalog_key(prefix: &str, english: &str) -> Option<Message> {
    crate::text::i18n::EN_FILES
        .iter()
        .flat_map(|(_, text)| text.lines())
        .find_map(|line| {
            let (key, value) = line.split_once(" = ")?;
            if !key.starts_with(prefix) {
                return None;
            }
            if value == english {
                return Some(Message::new(key));
            }
            let (before, after) = value.split_once("{ $type }")?;
            let middle = english.strip_prefix(before)?.strip_suffix(after)?;
            (!middle.is_empty()).then(|| Message::new(key).arg("type", middle))
        })
}
