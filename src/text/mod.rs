//! What a person reads: the message catalogs (i18n), diagnostics and the
//! small text helpers every renderer and reader shares.

pub mod diag;
pub mod i18n;
pub mod labels;
pub mod width;

pub use i18n::escape_controls;

use crate::text::i18n::msg;
use i18n::{Arg, Message};

/// At most this many entries of a list in a message; the rest are counted
/// ("…and 39,990 more"), so a message stays a line however long the list.
pub const LIST_CAP: usize = 20;

/// A list of names (`a, b, c` in English, `a、b、c` in Chinese) to place
/// in a message, each entry a text or a message of its own; past
/// [`LIST_CAP`] entries the rest are counted, not listed.
pub fn list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Message {
    let mut shown = Vec::new();
    let mut more = 0usize;
    for item in items {
        if shown.len() < LIST_CAP {
            shown.push(item.into());
        } else {
            more += 1;
        }
    }
    msg!("list", items = Arg::List(shown, more))
}

/// Every entry of a list, for a document (a notice names every unit of a
/// grade): flat, however long.
pub fn list_all<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Message {
    msg!(
        "list",
        items = Arg::List(items.into_iter().map(Into::into).collect(), 0)
    )
}

/// Text for a document (a notice, a report page, a workbook): control
/// characters, which no XML document may hold and no reader shows, written
/// as escapes (`\u{1b}`) so that what the input held stays visible; line
/// breaks and tabs kept.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
