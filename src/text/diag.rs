//! Diagnostics (错误信息): every reader appends what it finds wrong, so one run
//! reports every problem instead of stopping at the first.

use std::fmt;
use std::sync::Arc;

use crate::model::source::Location;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// One problem: where, what is wrong, and (in the message) what would be right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is; `None` only for problems of the command line itself.
    pub location: Option<Location>,
    pub message: Message,
}

impl Diagnostic {
    /// The line printed, in `lang`: `error: FILE:LINE: what is wrong`.
    pub fn render(&self, lang: crate::text::i18n::Lang) -> String {
        let m = match &self.location {
            Some(loc) => msg!("error-at", location = loc, message = self.message.clone()),
            None => msg!("error-general", message = self.message.clone()),
        };
        // Names and cells quoted from the input may hold line breaks and
        // terminal escapes: one problem stays one line.
        m.escaped().render(lang)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::text::i18n::lang()))
    }
}

/// The collector every reader appends to.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error(&mut self, location: Location, message: impl Into<Message>) {
        self.items.push(Diagnostic {
            location: Some(location),
            message: message.into(),
        });
    }

    pub fn error_at(&mut self, file: &Arc<str>, line: usize, message: impl Into<Message>) {
        self.error(Location::new(file, line), message);
    }

    pub fn general(&mut self, message: impl Into<Message>) {
        self.items.push(Diagnostic {
            location: None,
            message: message.into(),
        });
    }

    /// Folds the errors of message `key` that share the argument `by` into
    /// the first of them, which becomes message `into` with the extra
    /// argument `rows` (how many there were). A lone one stays as it is.
    pub fn fold_repeats(&mut self, key: &'static str, by: &'static str, into: &'static str) {
        let value = |d: &Diagnostic| {
            (d.message.key == key)
                .then(|| {
                    d.message
                        .args
                        .iter()
                        .find(|(n, _)| *n == by)
                        .map(|(_, v)| v.clone())
                })
                .flatten()
        };
        let mut counts: Vec<(crate::text::i18n::Arg, usize)> = Vec::new();
        for d in &self.items {
            if let Some(v) = value(d) {
                match counts.iter_mut().find(|(x, _)| *x == v) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((v, 1)),
                }
            }
        }
        let mut seen: Vec<crate::text::i18n::Arg> = Vec::new();
        self.items.retain_mut(|d| {
            let Some(v) = value(d) else { return true };
            if seen.contains(&v) {
                return false;
            }
            let n = counts.iter().find(|(x, _)| *x == v).map_or(1, |(_, n)| *n);
            if n > 1 {
                d.message.key = into;
                d.message
                    .args
                    .push(("rows", crate::text::i18n::Arg::Number(n as i64)));
            }
            seen.push(v);
            true
        });
    }

    /// The line of the last problem reported.
    pub fn last_line(&self) -> Option<usize> {
        self.items.last()?.location.as_ref().map(|l| l.line)
    }

    /// Forgets the problems after the first `len`.
    pub fn truncate(&mut self, len: usize) {
        self.items.truncate(len);
    }

    /// Appends another collector's problems, in their order.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// Errors grouped by file, in the order the files were first reported,
    /// and by line within a file; problems of one line keep their order.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        let mut order: Vec<Option<Arc<str>>> = Vec::new();
        for d in &self.items {
            let f = d.location.as_ref().map(|l| Arc::clone(&l.file));
            if !order.contains(&f) {
                order.push(f);
            }
        }
        self.items.sort_by_key(|d| {
            let f = d.location.as_ref().map(|l| Arc::clone(&l.file));
            let rank = order.iter().position(|o| *o == f).unwrap_or(usize::MAX);
            (rank, d.location.as_ref().map_or(0, |l| l.line))
        });
        self.items
    }
}

/// Why a command stopped before doing its work (exit status 2): every
/// problem found, printed together by `cmd::finish` with the line that
/// counts them.
#[derive(Debug, Default)]
pub struct Failure {
    pub problems: Vec<Diagnostic>,
}

impl Failure {
    /// Every problem, one line each, then `N problems found`.
    pub fn render(&self, lang: crate::text::i18n::Lang) -> String {
        let mut text = String::new();
        for d in &self.problems {
            text.push_str(&d.render(lang));
            text.push('\n');
        }
        text.push_str(&msg!("problems-found", count = self.problems.len()).render(lang));
        text.push('\n');
        text
    }
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Self {
        Failure {
            problems: d.sorted(),
        }
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure { problems: vec![d] }
    }
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(problems: Vec<Diagnostic>) -> Self {
        Failure { problems }
    }
}

/// A problem of the run as a whole (the command line, an output file).
impl From<Message> for Failure {
    fn from(message: Message) -> Self {
        Failure {
            problems: vec![Diagnostic {
                location: None,
                message,
            }],
        }
    }
}

/// Prints a warning: the run goes on (`warning: …`, `提示：…`).
pub fn warn(message: Message) {
    eprintln!("{}", msg!("warning", message = message).escaped());
}

/// Prints that the result is provisional: `missing` annual scores counted as 0.
pub fn warn_provisional(missing: usize) {
    eprint!("{}", provisional_warning(missing));
}

/// The line that marks a provisional result (standard error, and `check`).
pub fn provisional_warning(missing: usize) -> String {
    msg!("provisional-warning", count = missing).to_string() + "\n"
}

/// `(did you mean "X"?)` for the nearest candidate, if one is close enough:
/// a message to place as the `hint` argument of another.
pub fn hint<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Message> {
    nearest(wrong, candidates).map(|c| msg!("did-you-mean", name = c))
}

/// `(did you mean "X"?)` for the nearest candidate, if one is close enough.
///
/// Distance is counted in characters, a swap of two neighbours as one edit
/// (strsim's optimal string alignment), so a one-character typo in a
/// Chinese name is distance 1, as it is in an English one.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match nearest(wrong, candidates) {
        Some(c) => format!(" (did you mean \"{c}\"?)"),
        None => String::new(),
    }
}

pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    let wrong_len = wrong.chars().count();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let c_lower = c.to_lowercase();
        let mut d = strsim::osa_distance(&wrong_lower, &c_lower);
        // A prefix or a part of the name ("塔城" for "塔城市") is a likely slip too,
        // and so is a short form that drops the end of a name ("和布克赛尔县"
        // for "和布克赛尔蒙古自治县"): the stem without 县/市/区/旗 begins it.
        let stem = wrong_lower.trim_end_matches(['县', '市', '区', '旗']);
        if d > 0
            && !wrong_lower.is_empty()
            && (c_lower.contains(&wrong_lower)
                || (stem.chars().count() >= 2 && c_lower.starts_with(stem)))
        {
            d = d.min(1);
        }
        let longer = wrong_len.max(c.chars().count());
        let limit = (longer / 3).max(1);
        // A candidate with nothing in common ("x" for "a") is no suggestion.
        if d <= limit && d < longer && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_chinese_name_missing_a_character() {
        assert_eq!(
            nearest("塔城", ["乌苏市", "塔城市", "额敏县"]),
            Some("塔城市")
        );
    }

    #[test]
    fn suggests_a_full_name_for_a_short_form() {
        assert_eq!(
            nearest("和布克赛尔县", ["塔城市", "和布克赛尔蒙古自治县"]),
            Some("和布克赛尔蒙古自治县")
        );
        assert_eq!(nearest("丙", ["a", "甲县"]), None);
    }

    #[test]
    fn suggests_nothing_for_a_far_name() {
        assert_eq!(nearest("xyz", ["deduct", "add", "veto"]), None);
    }
}
