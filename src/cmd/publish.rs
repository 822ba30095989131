//! `assess publish`: the year's paperwork in one folder, from one
//! computation (`docs/office.md`): the results notice (`通报.docx`, `通报.md`), each
//! unit's feedback list (`反馈/UNIT.xlsx`) and the analysis report
//! (`分析报告.html`). The folder appears whole or not at all.

use std::path::{Path, PathBuf};

use super::Outcome;
use super::load::{Year, year};
use super::output::{emit, write_folder_atomic};
use crate::cli::PublishArgs;
use crate::model::notice::NoticeSettings;
use crate::model::results::published;
use crate::report::publish::paperwork::Paperwork;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

pub fn run(args: &PublishArgs) -> Outcome {
    check_output(args)?;
    // The notice's settings, their problems told with the year's own.
    let mut notice_problems = crate::text::diag::Diagnostics::new();
    let settings = match &args.notice {
        Some(path) => crate::input::notice::read(path, &mut notice_problems),
        None => Some(NoticeSettings::default()),
    };
    let year = match year(&args.inputs, &args.claims, args.previous.as_deref(), true) {
        Ok(y) => y,
        Err(mut f) => {
            f.problems.extend(notice_problems.sorted());
            return Err(f);
        }
    };
    let Some(settings) = settings else {
        return Err(notice_problems.into());
    };
    let Year {
        catalog,
        inputs,
        results,
        compare,
    } = year;
    // With the review: the first result too, for the feedback lists.
    let first = if args.inputs.adjust.is_empty() {
        None
    } else {
        let mut first_args = args.inputs.clone();
        first_args.adjust.clear();
        Some(super::load::load_and_score(&first_args, |_, _| None)?.2)
    };
    let mut paper = Paperwork::new(
        &catalog,
        &results,
        &inputs,
        &compare,
        crate::text::i18n::lang(),
    );
    if let Some(first) = &first {
        paper = paper.with_first(first);
    }
    if args.notice.is_some() {
        paper = paper.with_notice(&settings);
    }
    let files = render(&paper, &settings)?;
    write_folder_atomic(&args.output, &files, args.force).map_err(|e| {
        msg!(
            "cannot-write",
            path = args.output.display().to_string(),
            reason = e.to_string()
        )
    })?;
    let units: usize = results.rubrics.iter().map(|rr| rr.units.len()).sum();
    let done = msg!(
        "publish-done",
        path = args.output.display().to_string(),
        notice = published::NOTICE_DOCX,
        markdown = published::NOTICE_MD,
        feedback = published::FEEDBACK_DIR,
        units = units,
        analysis = published::ANALYSIS_HTML
    );
    emit(format!("{done}\n"), None)
}

/// Every file of the folder, rendered in memory: nothing is written unless
/// all of them could be made.
fn render(p: &Paperwork, settings: &NoticeSettings) -> Result<Vec<(PathBuf, Vec<u8>)>, Message> {
    let mut files = Vec::new();
    let blocks = crate::report::publish::notice::blocks(p, settings);
    let created = created_date(p);
    files.push((
        PathBuf::from(published::NOTICE_DOCX),
        crate::report::publish::docx::docx(&blocks, &created, p.lang)?,
    ));
    files.push((
        PathBuf::from(published::NOTICE_MD),
        crate::report::publish::notice::markdown(&blocks, p.lang).into_bytes(),
    ));
    files.push((
        PathBuf::from(published::ANALYSIS_HTML),
        crate::report::publish::analysis::html(p).into_bytes(),
    ));
    // The ledgers are due back by the notice's deadline (blank without one).
    for (name, bytes) in crate::report::publish::feedback::workbooks_due(p, settings.deadline)? {
        files.push((Path::new(published::FEEDBACK_DIR).join(name), bytes));
    }
    Ok(files)
}

/// The documents' date: the end of the assessment period, not today, so
/// the same inputs give the same bytes.
fn created_date(p: &Paperwork) -> String {
    let end = p.catalog.rubrics.iter().map(|r| r.end).max();
    match end {
        Some(d) => format!("{d}T00:00:00Z"),
        None => "2000-01-01T00:00:00Z".to_string(),
    }
}

/// The folder may be new, or (with `--force`) an existing folder to
/// replace; it must never hold or be a file the run reads.
fn check_output(args: &PublishArgs) -> Result<(), Message> {
    let out = &args.output;
    let shown = out.display().to_string();
    let named = out
        .file_name()
        .is_some_and(|n| n != "." && n != ".." && !n.is_empty());
    if !named {
        return Err(msg!("publish-bad-output", path = &shown));
    }
    let mut read: Vec<&Path> = args.inputs.files();
    read.extend(args.previous.as_deref());
    read.extend(args.claims.iter().map(PathBuf::as_path));
    read.extend(args.notice.as_deref());
    if let Ok(target) = std::fs::canonicalize(out) {
        for input in &read {
            if std::fs::canonicalize(input).is_ok_and(|p| p.starts_with(&target)) {
                return Err(msg!(
                    "publish-output-holds-input",
                    path = &shown,
                    input = input.display().to_string()
                ));
            }
        }
    }
    match std::fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(_) if !args.force => Err(msg!("publish-exists", path = &shown)),
        Ok(meta) if !meta.is_dir() => Err(msg!("publish-not-a-folder", path = &shown)),
        Ok(_) => replaceable(out, &shown),
    }
}

/// `--force` replaces only a folder this tool wrote (it holds the marker
/// file), never the working directory or a folder holding it.
fn replaceable(out: &Path, shown: &str) -> Result<(), Message> {
    let here = std::env::current_dir().and_then(std::fs::canonicalize);
    if let (Ok(here), Ok(target)) = (here, std::fs::canonicalize(out))
        && here.starts_with(&target)
    {
        return Err(msg!("publish-holds-working-folder", path = shown));
    }
    let marked = out
        .join(crate::cmd::output::PUBLISH_MARKER)
        .symlink_metadata()
        .is_ok_and(|m| m.is_file());
    if !marked {
        return Err(msg!(
            "publish-not-ours",
            path = shown,
            marker = crate::cmd::output::PUBLISH_MARKER
        ));
    }
    Ok(())
}
