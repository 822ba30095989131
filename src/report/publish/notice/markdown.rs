//! `通报.md`: the same blocks as the Word document, in Markdown.

use super::{Block, note_lines};
use crate::report::publish::paperwork::Grid;
use crate::text::i18n::msg;

/// `通报.md`: the notice in Markdown, its tables as `|` rows, each part in
/// the order of the Word document.
pub fn markdown(blocks: &[Block], lang: crate::text::i18n::Lang) -> String {
    let mut out = String::new();
    let para = |out: &mut String, t: &str| {
        out.push_str(&md_text(t));
        out.push_str("\n\n");
    };
    for b in blocks {
        match b {
            Block::Masthead { issuer, number } => {
                out.push_str(&format!("**{}**\n\n", md_text(issuer)));
                para(&mut out, number);
                out.push_str("---\n\n");
            }
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md_text(t))),
            Block::To(t) | Block::Para(t) | Block::Remark(t) => para(&mut out, t),
            Block::Heading1(t) => out.push_str(&format!("## {}\n\n", md_text(t))),
            Block::Heading2(t) => out.push_str(&format!("### {}\n\n", md_text(t))),
            Block::Attachments { lead, items } => {
                let shown: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(k, (number, name))| {
                        let lead = if k == 0 { lead.as_str() } else { "" };
                        md_text(&format!("{lead}{number}{name}"))
                    })
                    .collect();
                out.push_str(&shown.join("<br>\n"));
                out.push_str("\n\n");
            }
            Block::Signature { issuer, date } => {
                out.push_str(&format!("{}<br>\n{}\n\n", md_text(issuer), md_text(date)));
            }
            Block::Annex(a) => {
                out.push_str("---\n\n");
                out.push_str(&format!("## {}\n\n", md_text(&a.label)));
                out.push_str(&format!("**{}**\n\n", md_text(&a.title)));
                md_table(&mut out, &a.grid);
                for n in note_lines(&a.notes, lang) {
                    let shown = format!("{}{}{}", n.head, n.number, n.text);
                    out.push_str(&format!("> {}\n>\n", md_text(&shown)));
                }
                if !a.notes.is_empty() {
                    out.truncate(out.len() - 2);
                    out.push('\n');
                }
            }
            Block::Colophon {
                cc,
                printer,
                printed,
            } => {
                out.push_str("---\n\n");
                if let Some(cc) = cc {
                    para(&mut out, cc);
                }
                out.push_str(&md_text(
                    &msg!(
                        "notice-md-printed",
                        printer = printer.as_str(),
                        printed = printed.as_str()
                    )
                    .render(lang),
                ));
                out.push('\n');
            }
        }
    }
    out
}

fn md_table(out: &mut String, grid: &Grid) {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&grid.header));
    let rule: Vec<String> = grid
        .numeric
        .iter()
        .map(|n| if *n { "---:".into() } else { "---".into() })
        .collect();
    out.push_str(&row(&rule));
    for r in &grid.rows {
        out.push_str(&row(r));
    }
    out.push('\n');
}

/// Text that Markdown would read as markup is escaped (a note starting
/// with `*`, a name with `_` or `[`).
fn md_text(t: &str) -> String {
    escape(t, "\\`*_[]<>|")
}

/// A table cell: only what would end the cell or the row is escaped, so a
/// total reads `82.55*` as in the other tables (a lone `*` is no emphasis).
fn md_cell(t: &str) -> String {
    escape(t, "\\|").replace(['\n', '\r'], " ")
}

fn escape(t: &str, special: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if special.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
