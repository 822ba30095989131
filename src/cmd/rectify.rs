//! `assess rectify FILE_OR_DIR... [--rubric FILE]... [--as-of DATE] [-o FILE.xlsx]`:
//! reads the rectification ledgers the units sent back (`input::ledger`),
//! matches each to the rosters by the unit its header names, and reports
//! per unit what came back and how far it is (`report::rectify`). Exit 0
//! when every unit returned a ledger with every row complete, 1 when
//! something is outstanding, 2 on bad input (every problem told, nothing
//! written).

use std::path::Path;

use super::output::{emit, not_an_input};
use super::{Exit, Outcome};
use crate::cli::RectifyArgs;
use crate::date::Date;
use crate::engine::rectify::Summary;
use crate::report::rectify::{text, workbook};
use crate::rubric::load_rubrics;
use crate::text::diag::{self, Diagnostics, Failure};
use crate::text::i18n::msg;

pub fn run(args: &RectifyArgs) -> Outcome {
    let lang = crate::text::i18n::lang();
    let mut diags = Diagnostics::new();
    let as_of = match &args.as_of {
        Some(t) => Date::parse(t).or_else(|| {
            diags.general(msg!("rectify-bad-date", value = t.as_str()));
            None
        }),
        None => Some(today()),
    };
    let catalog = load_rubrics(&args.rubrics.rubrics, &mut diags);
    let files = crate::input::ledger::files(&args.ledgers, &mut diags);
    let mut read: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    read.extend(args.rubrics.rubrics.iter().map(|p| p.as_path()));
    if let Err(failure) = not_an_input(args.output.as_deref(), &read) {
        return Err(joined(failure, diags));
    }
    let (Some(catalog), Some(as_of)) = (catalog, as_of) else {
        return Err(diags.into());
    };
    let (ledgers, passed_over) = crate::input::ledger::read(&catalog, &files, &mut diags);
    for m in passed_over {
        diag::warn(m);
    }
    if !diags.is_empty() {
        return Err(diags.into());
    }
    let summary = Summary::new(&catalog, &ledgers, as_of);
    let shown = text(&catalog, &summary, lang);
    if let Some(out) = &args.output {
        emit(workbook(&catalog, &summary, lang)?, Some(out))?;
    }
    emit(shown, None)?;
    Ok(if summary.outstanding() {
        Exit::Mismatch
    } else {
        Exit::Done
    })
}

/// A failure of the command line with the problems found before it.
fn joined(mut failure: Failure, diags: Diagnostics) -> Failure {
    let mut problems = diags.sorted();
    problems.append(&mut failure.problems);
    Failure { problems }
}

/// Today's date in Beijing time (UTC+8), the offices' clock, whatever the
/// machine's zone: at 07:00 in 塔城 the deadline of yesterday has passed.
fn today() -> Date {
    const BEIJING: u64 = 8 * 3600;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + BEIJING;
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = crate::date::civil_from_days(days);
    let civil = (i32::try_from(y), u32::try_from(m), u32::try_from(d));
    let date = match civil {
        (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d),
        _ => None,
    };
    // A clock before 1970 or past any calendar: the epoch, never a panic.
    date.unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}
