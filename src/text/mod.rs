//! What a person reads: the message catalogs (i18n), diagnostics and the
//! small text helpers every renderer and reader shares.

pub mod diag;
pub mod i18n;
pub mod labels;
pub mod width;

use crate::text::i18n::msg;
use i18n::{Arg, Message};

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
