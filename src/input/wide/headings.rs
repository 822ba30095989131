//! What a wide table's headings name in a rubric: a leaf (by id, title or
//! both, with its points), a check column (合计, `<section>小计`), a row
//! number column, or nothing it knows.

use rust_decimal::Decimal;
use std::ops::Range;

use crate::input::names::{self, ItemMatch, fold};
use crate::model::rubric::Rubric;
use crate::num;
use crate::tables::table::HeaderCell;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Check columns on the whole row: its total.
pub(super) const TOTALS: [&str; 5] = ["合计", "总分", "小计", "得分合计", "total"];
pub(crate) use crate::tables::table::SERIALS;

/// What a header cell names in one rubric.
pub(super) enum Named {
    Item(usize),
    Check(Range<usize>),
    Error(Message),
}

/// The leaf a wide column names in `rubric` (by id, title or both, with
/// its points), if any: for tables without scorers (`--self`).
/// `Ok(None)` for a column that names no leaf but belongs (序号, 合计/小计).
pub(crate) fn leaf_column(rubric: &Rubric, h: &HeaderCell) -> Result<Option<usize>, Message> {
    let key = crate::tables::table::header_key(&h.text);
    if SERIALS.contains(&key.as_str()) || TOTALS.contains(&key.as_str()) {
        return Ok(None);
    }
    match named(rubric, h) {
        Named::Item(i) => Ok(Some(i)),
        Named::Check(_) => Ok(None),
        Named::Error(m) => Err(m),
    }
}

/// What a header cell names in `rubric`: an item (by id, title, or both,
/// perhaps with its points), a section's or group's 小计/合计, or an error.
pub(super) fn named(rubric: &Rubric, h: &HeaderCell) -> Named {
    let text = h.text.as_str();
    // The whole cell first: a title may end in brackets of its own.
    match names::match_item(rubric, text, h.number) {
        ItemMatch::Leaf(i) => return Named::Item(i),
        ItemMatch::Group(g) => return Named::Error(names::names_group(rubric, text, g)),
        ItemMatch::Ambiguous(items) => {
            return Named::Error(names::ambiguous_number(rubric, text, &items));
        }
        ItemMatch::None => {}
    }
    let (name, max) = split_max(text);
    for suffix in ["小计", "合计"] {
        if let Some(prefix) = name.strip_suffix(suffix)
            && let Some(leaves) = scope(rubric, prefix)
        {
            return Named::Check(leaves);
        }
    }
    let found = match names::match_item(rubric, name, false) {
        ItemMatch::Leaf(i) => Ok(i),
        ItemMatch::Group(g) => return Named::Error(names::names_group(rubric, name, g)),
        ItemMatch::Ambiguous(items) => {
            return Named::Error(names::ambiguous_number(rubric, name, &items));
        }
        ItemMatch::None => id_and_title(rubric, name),
    };
    let i = match found {
        Ok(i) => i,
        Err(Some((i, rest))) => {
            let item = &rubric.items[i];
            return Named::Error(msg!(
                "wide-id-title-disagree",
                header = text,
                id = &item.id,
                title = &item.title,
                rest = rest
            ));
        }
        Err(None) => {
            let names = rubric.item_names().chain(
                rubric
                    .sections
                    .iter()
                    .map(|s| s.title.as_str())
                    .chain(rubric.groups.iter().map(|g| g.title.as_str())),
            );
            return Named::Error(msg!(
                "wide-column-unknown",
                header = text,
                hint = crate::text::diag::hint(name, names),
                rubric = &rubric.id
            ));
        }
    };
    let item = &rubric.items[i];
    if let Some(max) = max
        && max != item.max
    {
        return Named::Error(msg!(
            "wide-max-disagrees",
            header = text,
            written = num::plain(max),
            item = &item.id,
            title = &item.title,
            max = num::plain(item.max),
            rubric = &rubric.id
        ));
    }
    Named::Item(i)
}

/// `1.1 组织领导`, `1.1、组织领导`: the item whose id begins the cell and
/// whose title follows it. `Err(Some)` when the rest is not that item's
/// title; `Err(None)` when no id begins the cell.
fn id_and_title(rubric: &Rubric, name: &str) -> Result<usize, Option<(usize, String)>> {
    let folded = fold(name);
    let mut best: Option<(usize, usize)> = None;
    for (i, item) in rubric.items.iter().enumerate() {
        let id = fold(&item.id);
        let Some(after) = folded.strip_prefix(id.as_str()) else {
            continue;
        };
        // `1.1` does not begin `1.10`; but a space after the id ends it
        // whatever follows (`2.9 12345热线办理`: a title may begin with
        // digits), and folding takes the space away.
        let next = after.chars().next();
        let spaced = name
            .trim()
            .strip_prefix(item.id.as_str())
            .is_some_and(|r| r.starts_with(char::is_whitespace));
        if !id.is_empty()
            && (spaced || !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.'))
            && best.is_none_or(|(_, len)| id.len() > len)
        {
            best = Some((i, id.len()));
        }
    }
    let (i, len) = best.ok_or(None)?;
    let rest = folded[len..].trim_start_matches([
        '、', '．', '.', ':', '：', '-', '—', '_', ')', '）', '，', ',',
    ]);
    if rest.is_empty() || fold(&rubric.items[i].title) == rest {
        return Ok(i);
    }
    Err(Some((i, rest.to_string())))
}

/// The leaves of the section or group a 小计/合计 column is titled with.
fn scope(rubric: &Rubric, prefix: &str) -> Option<Range<usize>> {
    let p = fold(prefix);
    if p.is_empty() {
        return None;
    }
    let is = |id: &str, title: &str| {
        let (id, title) = (fold(id), fold(title));
        p == id || p == title || p == format!("{id}{title}")
    };
    if let Some(s) = rubric.sections.iter().find(|s| is(&s.id, &s.title)) {
        return Some(s.items.clone());
    }
    rubric
        .groups
        .iter()
        .find(|g| is(&g.id, &g.title))
        .map(|g| g.items.clone())
}

/// A header's name and the points written after it: `组织领导（5分）`,
/// `组织领导(5)`, `组织领导 5分`, `组织领导5分`.
pub(crate) fn split_max(text: &str) -> (&str, Option<Decimal>) {
    let t = text.trim();
    if let Some(body) = t.strip_suffix(['）', ')'])
        && let Some(open) = body.rfind(['（', '('])
    {
        let width = body[open..].chars().next().map_or(1, char::len_utf8);
        if let Ok(v) = num::parse_cell(body[open + width..].trim()) {
            return (body[..open].trim(), Some(v));
        }
    }
    if let Some(body) = t.strip_suffix('分') {
        let start = body
            .char_indices()
            .rev()
            .take_while(|(_, c)| matches!(num::halfwidth(*c), '0'..='9' | '.'))
            .last()
            .map(|(i, _)| i);
        if let Some(start) = start
            && start > 0
            && let Ok(v) = num::parse_cell(&body[start..])
        {
            return (body[..start].trim(), Some(v));
        }
    }
    (t, None)
}
