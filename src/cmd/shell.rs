//! `assess completions SHELL` and `assess man`: generated from the one
//! command-line definition, in the run's language (`cli::l10n::command`), so
//! they never drift from it.
//!
//! The manual page is clap_mangen's rendering of the command and of every
//! subcommand (synopsis, options), under section titles from the catalog,
//! followed by sections written in the catalog (`man-…` keys of
//! `locales/*/cli.ftl`): the file formats in brief, exit statuses,
//! environment, files, examples, where to read more.

use clap::Command;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::Outcome;
use super::output::emit;
use crate::text::i18n::msg;
use crate::text::i18n::{Lang, Message};

pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut out = Vec::new();
    let mut cmd = crate::cli::l10n::command(crate::text::i18n::lang());
    clap_complete::generate(shell, &mut cmd, "assess", &mut out);
    emit(&out, None)
}

pub fn man() -> Outcome {
    let lang = crate::text::i18n::lang();
    let page = render(lang).map_err(|e| msg!("man-render-failed", reason = e.to_string()))?;
    emit(page, None)
}

/// The whole manual page (roff) in `lang`.
pub fn render(lang: Lang) -> std::io::Result<String> {
    let t = |m: Message| m.render(lang);
    let mut cmd = crate::cli::l10n::command(lang);
    // Propagates the global `--lang` into every subcommand and names each
    // one `assess SUB` for its synopsis.
    cmd.build();
    let man = Man::new(cmd.clone());

    let mut page = Roff::new().render(); // the preamble that roff writes once
    // The title line by hand: clap_mangen leaves an empty date unquoted, which
    // shifts the source and the manual into the wrong fields.
    page.push_str(&format!(
        ".TH assess 1 \"\" \"assess {}\" \"{}\"\n",
        env!("CARGO_PKG_VERSION"),
        t(msg!("man-manual")).replace('"', "")
    ));
    // No hyphenation (option names and identifiers stay whole) and a ragged
    // right edge: Chinese lines have few spaces to stretch.
    page.push_str(".nh\n.ad l\n");

    // NAME: one short line, as man's whatis index reads it.
    let mut roff = Roff::new();
    roff.control("SH", [t(msg!("man-section-name")).as_str()]);
    roff.text([roman(format!("assess - {}", t(msg!("man-name"))))]);
    page.push_str(&body(&roff));

    heading(&mut page, &t(msg!("man-section-synopsis")));
    page.push_str(&mangen(|w| man.render_synopsis_section(w))?);

    let mut roff = Roff::new();
    roff.control("SH", [t(msg!("man-section-description")).as_str()]);
    paragraphs(
        &mut roff,
        &[
            t(msg!("man-description-what")),
            t(msg!("man-description-rubrics")),
            t(msg!("man-description-errors")),
            t(msg!("man-description-lang")),
        ],
    );
    page.push_str(&body(&roff));

    heading(&mut page, &t(msg!("man-section-options")));
    page.push_str(&mangen(|w| man.render_options_section(w))?);

    heading(&mut page, &t(msg!("man-section-commands")));
    for sub in subcommands(&cmd) {
        page.push_str(&subcommand(sub)?);
    }

    page.push_str(&body(&extra_sections(lang)));
    Ok(cjk_break_points(&page))
}

/// Lets roff break a line between two Chinese characters (`\:`, a break
/// point of zero width), as Chinese is written without spaces: groff 1.22
/// otherwise breaks only at spaces, and a Chinese paragraph runs off the
/// screen. No break is put before closing punctuation or after opening,
/// nor in the NAME section.
fn cjk_break_points(page: &str) -> String {
    use crate::text::width::is_cjk as cjk;
    // Full-width comma, full stop, enumeration comma, semicolon, colon,
    // exclamation and question marks, closing brackets and quotes, ellipsis.
    let closing = |c: char| {
        matches!(
            c,
            '\u{ff0c}'
                | '\u{3002}'
                | '\u{3001}'
                | '\u{ff1b}'
                | '\u{ff1a}'
                | '\u{ff01}'
                | '\u{ff1f}'
                | '\u{ff09}'
                | '\u{300b}'
                | '\u{300d}'
                | '\u{300f}'
                | '\u{3011}'
                | '\u{201d}'
                | '\u{2019}'
                | '\u{2026}'
        )
    };
    // Opening brackets and quotes.
    let opening = |c: char| {
        matches!(
            c,
            '\u{ff08}'
                | '\u{300a}'
                | '\u{300c}'
                | '\u{300e}'
                | '\u{3010}'
                | '\u{201c}'
                | '\u{2018}'
        )
    };
    let mut out = String::with_capacity(page.len() * 2);
    // The NAME section (the first) is left as it is: man's whatis index
    // reads it and would keep the break points as colons.
    let mut sections = 0;
    for line in page.lines() {
        if line.starts_with(".SH") {
            sections += 1;
        }
        if line.starts_with('.') || line.starts_with('\'') || sections < 2 {
            out.push_str(line);
        } else {
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                out.push(c);
                if let Some(&next) = chars.peek()
                    && cjk(c)
                    && !opening(c)
                    && !closing(next)
                {
                    out.push_str("\\:");
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The subcommands as the page lists them: in the order they are declared,
/// each followed by its own (`assess rubric new`).
fn subcommands(cmd: &Command) -> Vec<&Command> {
    let mut out = Vec::new();
    for s in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out.push(s);
        out.extend(subcommands(s));
    }
    out
}

/// One subcommand: `.SS assess SUB`, its synopsis, what it does, and every
/// argument and option with its help text.
fn subcommand(sub: &Command) -> std::io::Result<String> {
    let name = sub
        .get_bin_name()
        .map(str::to_string)
        .unwrap_or_else(|| sub.get_name().to_string());
    let man = Man::new(sub.clone());
    let mut roff = Roff::new();
    roff.control("SS", [name.as_str()]);
    let mut out = body(&roff);
    out.push_str(&mangen(|w| man.render_synopsis_section(w))?);
    let mut roff = Roff::new();
    if let Some(about) = sub.get_about() {
        roff.control("PP", []);
        roff.text([roman(about.to_string())]);
    }
    out.push_str(&body(&roff));
    out.push_str(&mangen(|w| man.render_options_section(w))?);
    Ok(out)
}

/// The sections clap knows nothing of, every sentence from the catalog.
fn extra_sections(lang: Lang) -> Roff {
    let t = |m: Message| m.render(lang);
    let mut roff = Roff::new();

    roff.control("SH", [t(msg!("man-section-formats")).as_str()]);
    paragraphs(&mut roff, &[t(msg!("man-formats-intro"))]);
    let formats = [
        (
            msg!("man-format-rubric-title"),
            vec![
                msg!("man-format-rubric-keys"),
                msg!("man-format-rubric-items"),
                msg!("man-format-rubric-checks"),
            ],
        ),
        (
            msg!("man-format-tables-title"),
            vec![
                msg!("man-format-tables-columns"),
                msg!("man-format-tables-encoding"),
                msg!("man-format-tables-values"),
            ],
        ),
        (
            msg!("man-format-annual-title"),
            vec![
                msg!("man-format-annual-columns"),
                msg!("man-format-annual-rules"),
            ],
        ),
        (
            msg!("man-format-daily-title"),
            vec![
                msg!("man-format-daily-columns"),
                msg!("man-format-daily-values"),
            ],
        ),
        (
            msg!("man-format-published-title"),
            vec![msg!("man-format-published-columns")],
        ),
        (
            msg!("man-format-scoring-title"),
            vec![
                msg!("man-format-scoring-item"),
                msg!("man-format-scoring-total"),
            ],
        ),
    ];
    for (title, texts) in formats {
        roff.control("SS", [t(title).as_str()]);
        let texts: Vec<String> = texts.into_iter().map(t).collect();
        paragraphs(&mut roff, &texts);
    }

    roff.control("SH", [t(msg!("man-section-exit")).as_str()]);
    for (status, text) in [
        (super::OK, msg!("man-exit-ok")),
        (super::MISMATCH, msg!("man-exit-mismatch")),
        (super::BAD_INPUT, msg!("man-exit-bad-input")),
    ] {
        term(&mut roff, &status.to_string(), &t(text));
    }

    roff.control("SH", [t(msg!("man-section-environment")).as_str()]);
    term(&mut roff, "ASSESS_LANG", &t(msg!("man-env-assess-lang")));
    term(
        &mut roff,
        &["LC_ALL", "LC_MESSAGES", "LANG"].join(", "),
        &t(msg!("man-env-locale")),
    );

    roff.control("SH", [t(msg!("man-section-files")).as_str()]);
    term(
        &mut roff,
        &["rubrics/counties.toml", "rubrics/departments.toml"].join(", "),
        &t(msg!("man-files-rubrics")),
    );

    roff.control("SH", [t(msg!("man-section-examples")).as_str()]);
    for (text, command) in [
        (msg!("man-example-score"), msg!("man-example-score-command")),
        (msg!("man-example-excel"), msg!("man-example-excel-command")),
        (
            msg!("man-example-verify"),
            msg!("man-example-verify-command"),
        ),
        (
            msg!("man-example-explain"),
            msg!("man-example-explain-command"),
        ),
        (
            msg!("man-example-template"),
            msg!("man-example-template-command"),
        ),
        (msg!("man-example-man"), msg!("man-example-man-command")),
    ] {
        roff.control("PP", []);
        roff.text([roman(t(text))]);
        roff.control("RS", ["4"]);
        roff.control("nf", []);
        roff.text([bold(t(command))]);
        roff.control("fi", []);
        roff.control("RE", []);
    }

    roff.control("SH", [t(msg!("man-section-see-also")).as_str()]);
    for (doc, text) in [
        ("docs/formats.md", msg!("man-see-formats")),
        ("docs/rubrics.md", msg!("man-see-rubrics")),
        ("docs/audit.md", msg!("man-see-audit")),
        ("docs/office.md", msg!("man-see-office")),
    ] {
        term(&mut roff, doc, &t(text));
    }
    paragraphs(&mut roff, &[t(msg!("man-see-docs"))]);
    roff
}

fn paragraphs(roff: &mut Roff, texts: &[String]) {
    for text in texts {
        roff.control("PP", []);
        roff.text([roman(text.as_str())]);
    }
}

/// A tagged paragraph: the term in bold, its text indented below.
fn term(roff: &mut Roff, name: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(name)]);
    roff.text([roman(text)]);
}

/// A section title of the page's own (clap_mangen writes English ones).
fn heading(page: &mut String, title: &str) {
    let mut roff = Roff::new();
    roff.control("SH", [title]);
    page.push_str(&body(&roff));
}

/// Roff's text without the preamble it writes at the start of every render.
fn body(roff: &Roff) -> String {
    let preamble = Roff::new().render();
    let text = roff.render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_string()
}

/// One part rendered by clap_mangen, without roff's preamble and without
/// clap_mangen's own section titles (`.SH NAME`, `.SH OPTIONS`, …), which are
/// English whatever the language: the page writes its own.
fn mangen(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> std::io::Result<String> {
    let mut out = Vec::new();
    render(&mut out)?;
    let text = String::from_utf8(out).map_err(std::io::Error::other)?;
    let preamble = Roff::new().render();
    let text = text.strip_prefix(&preamble).unwrap_or(&text);
    Ok(text
        .lines()
        .filter(|l| !l.starts_with(".SH"))
        .map(|l| format!("{l}\n"))
        .collect())
}
