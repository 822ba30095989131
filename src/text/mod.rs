//! What a person reads: the message catalogs (i18n), diagnostics and the
//! small text helpers every renderer and reader shares.

pub mod diag;
pub mod i18n;
