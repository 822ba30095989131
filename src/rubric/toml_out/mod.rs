//! The canonical text of a rubric file (`docs/formats.md`, “The rubric”):
//! every key in a fixed order, nested `[[section.item.item]]` for groups
//! and `[[…rule]]` for rules, numbers as the exact decimals they are, texts
//! quoted and escaped.
//!
//! The writer works on a [`Draft`]: the rubric's values as plain data, each
//! with an origin `O` (where it came from). `rubric import` builds a draft
//! from a workbook with the cell of every value as its origin, writes it, and
//! gets back, for every line of the text, the cell that produced it, so an
//! error the loader finds in the text can name the cell. [`to_toml`] writes a
//! loaded rubric the same way (origin `()`), which makes two rubrics
//! comparable as texts: `import(export(R))` is exactly `to_toml(R)`.
//!
//! Every key of part three is written too (`max_total`, `na`, `[classes]`,
//! `[measures]`, `[veto]`, `[methods]`, quotas, a unit's classes, a part's
//! kind, max and gate, a leaf's measure, scale, floor and class rules), each
//! only where the rubric has it: a default (`na = "rescale"`, a scored
//! part, `rank = "keep"`, the five methods of the notice) and a scored
//! section's `max` (its leaves' sum, nothing of its own) are left out, so a
//! rubric without part three is written exactly as before.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::model::rubric::RuleKind as Kind;
use crate::model::rubric::{Interpolate, NaPolicy, PartKind, Ranking, Rubric, Start};

mod from_rubric;
mod write;

pub use from_rubric::from_rubric;
pub use write::write;

/// A value and where it came from; `None` when it is absent (or could not
/// be read, which was reported).
pub type Val<T, O> = Option<(T, O)>;

/// `[period]`: where the table comes from, its start and its end.
pub type Period<O> = (O, Val<Date, O>, Val<Date, O>);

/// `[conversion]`: where the table comes from, its points and its label.
pub type Conversion<O> = (O, Val<Decimal, O>, Val<String, O>);

/// A table of `id = "label"` lines (`[scorers]`, `[classes]`, `[methods]`):
/// where the table comes from, and (id, label) with the origin of each line.
pub type Labels<O> = (O, Vec<(String, String, O)>);

/// `[scorers]`: id = name.
pub type Scorers<O> = Labels<O>;

/// A rubric as plain data, in the order it is written.
#[derive(Debug, Clone)]
pub struct Draft<O> {
    pub id: Val<String, O>,
    pub title: Val<String, O>,
    pub year: Val<i64, O>,
    pub total: Val<Decimal, O>,
    /// Written only when the rubric writes it.
    pub max_total: Val<Decimal, O>,
    pub decimals: Val<u32, O>,
    pub ranking: Val<Ranking, O>,
    /// Written only when it is not the default (rescale).
    pub na: Val<NaPolicy, O>,
    pub period: Option<Period<O>>,
    pub conversion: Option<Conversion<O>>,
    pub scorers: Option<Scorers<O>>,
    pub classes: Option<Labels<O>>,
    pub measures: Option<(O, Vec<DraftMeasure<O>>)>,
    pub veto: Option<DraftVeto<O>>,
    /// The rubric's own methods; `None` for the five of the notice.
    pub methods: Option<Labels<O>>,
    pub grades: Vec<DraftGrade<O>>,
    pub units: Vec<DraftUnit<O>>,
    pub sections: Vec<DraftSection<O>>,
}

impl<O> Draft<O> {
    /// A rubric with nothing in it yet.
    pub fn empty() -> Self {
        Draft {
            id: None,
            title: None,
            year: None,
            total: None,
            max_total: None,
            decimals: None,
            ranking: None,
            na: None,
            period: None,
            conversion: None,
            scorers: None,
            classes: None,
            measures: None,
            veto: None,
            methods: None,
            grades: Vec::new(),
            units: Vec::new(),
            sections: Vec::new(),
        }
    }
}

/// A measure of `[measures]`: `id = "title"`, or with the unit its values
/// are counted in, `id = { title = "…", unit = "%" }`.
#[derive(Debug, Clone)]
pub struct DraftMeasure<O> {
    pub at: O,
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
}

/// `[veto]`: what a veto does besides the lowest grade.
#[derive(Debug, Clone)]
pub struct DraftVeto<O> {
    pub at: O,
    pub cap: Val<Decimal, O>,
    pub total: Val<Decimal, O>,
    /// `rank = "last"` when true; the default (keep) is not written.
    pub rank_last: Val<bool, O>,
}

#[derive(Debug, Clone)]
pub struct DraftGrade<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub label: Val<String, O>,
    pub min: Val<Decimal, O>,
    /// A share below 1 or a whole number of units, as the rubric writes it.
    pub quota: Val<Decimal, O>,
}

#[derive(Debug, Clone)]
pub struct DraftUnit<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub name: Val<String, O>,
    /// Written only when there is at least one.
    pub aliases: Val<Vec<String>, O>,
    /// Class ids; written only when there is at least one.
    pub classes: Val<Vec<String>, O>,
}

#[derive(Debug, Clone)]
pub struct DraftSection<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub title: Val<String, O>,
    /// Written only for a bonus or penalty part.
    pub kind: Val<PartKind, O>,
    /// A bonus or penalty part's max (a scored section's is its leaves' sum).
    pub max: Val<Decimal, O>,
    pub gate: Val<Decimal, O>,
    /// Written only when true.
    pub gate_strict: Val<bool, O>,
    pub items: Vec<DraftNode<O>>,
}

/// An indicator below a section: a group or a leaf.
#[derive(Debug, Clone)]
pub struct DraftNode<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub title: Val<String, O>,
    pub max: Val<Decimal, O>,
    pub criteria: Val<String, O>,
    /// Class ids of `applies_to` and `except`, each written when not empty.
    pub applies_to: Val<Vec<String>, O>,
    pub except: Val<Vec<String>, O>,
    pub body: Body<O>,
}

#[derive(Debug, Clone)]
pub enum Body<O> {
    Group(Vec<DraftNode<O>>),
    Leaf(DraftLeaf<O>),
}

#[derive(Debug, Clone)]
pub struct DraftLeaf<O> {
    /// (scorer id, weight); absent for an item scored by daily records alone.
    pub scorers: Val<Vec<(String, Decimal)>, O>,
    /// The measure's id, its scale of (value, base) points, how to read between them.
    pub measure: Val<String, O>,
    pub scale: Val<Vec<(Decimal, Decimal)>, O>,
    pub interpolate: Val<Interpolate, O>,
    pub start: Val<Start, O>,
    /// Written when the rubric writes it, even 0.
    pub floor: Val<Decimal, O>,
    pub max_deduct: Val<Decimal, O>,
    pub max_add: Val<Decimal, O>,
    pub rules: Vec<DraftRule<O>>,
}

#[derive(Debug, Clone)]
pub struct DraftRule<O> {
    pub at: O,
    pub id: Val<String, O>,
    pub text: Val<String, O>,
    pub kind: Val<Kind, O>,
    pub points: Val<Decimal, O>,
    pub max: Val<Decimal, O>,
}

/// A loaded rubric in its canonical text.
pub fn to_toml(r: &Rubric) -> String {
    write(&from_rubric(r)).0
}

/// A TOML basic string: quotes, backslashes and control characters escaped,
/// everything else (Chinese included) as it is.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key: bare when TOML allows it (`office`), quoted otherwise.
pub fn key(s: &str) -> String {
    let bare = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { s.to_string() } else { string(s) }
}

/// A number exactly as the decimal it is: an integer literal when it is
/// whole and fits one (`8`), else a float literal of its shortest exact
/// decimal (`0.35`, which the loader reads as written, not as a binary float).
pub fn number(d: Decimal) -> String {
    let text = crate::num::plain(d);
    if text.contains('.') || text.parse::<i64>().is_ok() {
        text
    } else {
        format!("{text}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_and_chinese_kept() {
        assert_eq!(
            string("“放管服”\n\"a\"\\b\u{1}"),
            "\"“放管服”\\n\\\"a\\\"\\\\b\\u0001\""
        );
        assert_eq!(key("office"), "office");
        assert_eq!(key("办公室"), "\"办公室\"");
        assert_eq!(key("a.b"), "\"a.b\"");
    }

    #[test]
    fn numbers_are_exact() {
        use std::str::FromStr;
        let n = |s: &str| number(Decimal::from_str(s).unwrap());
        assert_eq!(n("8"), "8");
        assert_eq!(n("8.50"), "8.5");
        assert_eq!(
            n("0.333333333333333333333333"),
            "0.333333333333333333333333"
        );
        assert_eq!(n("100000000000000000000"), "100000000000000000000.0");
        assert_eq!(n("-0"), "0");
    }
}
