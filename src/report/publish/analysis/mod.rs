//! The analysis report (`分析报告.html`) of `publish`: an analysis a leader
//! reads, then the charts and tables behind it. One self-contained page:
//! styles inline, no script, no font, image or link to anywhere (government
//! intranets are offline); charts drawn as inline SVG ([`super::svg`]);
//! printable on A4 with page numbers.
//!
//! - 一、总体情况, 二、主要成效, 三、存在问题, 四、下步建议 ([`text`]): every
//!   number computed exactly from the results ([`stats`]);
//! - 五、附图附表 ([`charts`]), on a new page;
//! - 附录: the tool's version and the input files with their SHA-256.

mod charts;
mod stats;
mod text;

use std::fmt::Write;

use super::paperwork::{Grid, Paperwork, date_text};
use super::svg::esc;
use crate::text::i18n::{Message, msg};

const STYLE: &str = r#"
:root { color: #222; background: #fff; }
body { font-family: Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif;
  margin: 0 auto; max-width: 1120px; padding: 24px 28px; line-height: 1.7; }
h1 { font-size: 26px; text-align: center; margin: 8px 0 2px; }
.sub { text-align: center; color: #444; margin: 0 0 12px; }
h2 { font-size: 20px; border-bottom: 2px solid #1d3c5a; padding-bottom: 3px; margin: 28px 0 8px; }
h3 { font-size: 17px; margin: 16px 0 6px; }
h4 { font-size: 15px; margin: 12px 0 4px; }
h5 { font-size: 13px; margin: 8px 0 0; }
p { margin: 4px 0; text-indent: 2em; }
p.note, p.sub, p.provisional { text-indent: 0; }
ol { margin: 4px 0 8px; padding-left: 2.4em; }
li { margin: 2px 0; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0 10px; }
th, td { border: 1px solid #888; padding: 2px 8px; vertical-align: top; }
th { background: #e6e6e6; font-weight: bold; white-space: nowrap; }
.results table { width: 100%; }
td.short { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart { max-width: 100%; height: auto; display: block; margin: 4px 0 8px; }
.profiles { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
.note { color: #444; font-size: 13px; margin: 2px 0; }
.provisional { border: 2px solid #b2182b; color: #b2182b; padding: 6px 10px; font-weight: bold; }
.legend { font-size: 12px; color: #333; columns: 2; margin: 4px 0 10px; padding-left: 18px; }
.mono { font-family: DejaVu Sans Mono, Consolas, monospace; font-size: 11px; word-break: break-all; }
@page {
  size: A4;
  margin: 15mm 13mm 17mm;
  @bottom-center { content: "— " counter(page) " / " counter(pages) " —"; font-size: 10pt; color: #444; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 13pt; }
  .part.figures { break-before: page; }
  .figure, .profile, svg, li, .legend, .appendix { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, h4, h5 { break-after: avoid; }
  p { orphans: 2; widows: 2; }
}
"#;

/// Text cells this short (a grade, most units' names) are never broken.
const SHORT: usize = 10;

/// A grid as an HTML table, numbers set right.
fn table(g: &Grid) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for h in &g.header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &g.rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            if g.numeric.get(c).copied().unwrap_or(false) {
                let _ = write!(out, "<td class=\"num\">{}</td>", esc(cell));
            } else if cell.chars().count() <= SHORT {
                let _ = write!(out, "<td class=\"short\">{}</td>", esc(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The page's head, title and subtitle (and the provisional warning).
fn head(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let title = tr(msg!("analysis-title", subject = p.subject()));
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        p.lang.tag(),
        esc(&title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title));
    let mut periods: Vec<String> = Vec::new();
    for r in &p.catalog.rubrics {
        let period = tr(msg!(
            "analysis-period",
            start = date_text(r.start),
            end = date_text(r.end)
        ));
        if !periods.contains(&period) {
            periods.push(period);
        }
    }
    let _ = writeln!(
        out,
        "<p class=\"sub\">{}</p>",
        esc(&tr(msg!(
            "analysis-subtitle",
            period = periods.join(&tr(msg!("table-list-separator"))),
            units = p
                .results
                .rubrics
                .iter()
                .map(|rr| rr.units.len())
                .sum::<usize>()
        )))
    );
    if p.results.provisional() {
        let _ = writeln!(
            out,
            "<p class=\"provisional\">{}</p>",
            esc(&tr(msg!("analysis-provisional", count = p.results.missing)))
        );
    }
}

/// What writes a part of the page.
type Writer = fn(&Paperwork, &mut String);

/// The page.
pub fn html(p: &Paperwork) -> String {
    let mut out = String::new();
    head(p, &mut out);
    let parts: [(&str, Message, Writer); 5] = [
        ("overview", msg!("analysis-overview"), text::overview),
        (
            "achievements",
            msg!("analysis-achievements"),
            text::achievements,
        ),
        ("problems", msg!("analysis-problems"), text::problems),
        ("advice", msg!("analysis-advice"), text::advice),
        ("figures", msg!("analysis-figures"), charts::figures),
    ];
    for (k, (id, title, write)) in parts.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"part {id}\" id=\"{id}\">\n<h2>{}</h2>",
            esc(&p.tr(msg!(
                "analysis-part",
                number = p.ordinal(k + 1),
                title = title
            )))
        );
        write(p, &mut out);
        out.push_str("</section>\n");
    }
    sources(p, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// 附录: where the numbers come from: the tool and its version, every input
/// file with its SHA-256.
fn sources(p: &Paperwork, out: &mut String) {
    let tr = |m: Message| p.tr(m);
    let _ = writeln!(
        out,
        "<section class=\"part appendix\" id=\"sources\">\n<h2>{}</h2>",
        esc(&tr(msg!("analysis-appendix")))
    );
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        esc(&tr(msg!(
            "analysis-sources-note",
            version = env!("CARGO_PKG_VERSION")
        )))
    );
    out.push_str("<table>\n<thead><tr>");
    for h in [
        tr(msg!("xlsx-col-role")),
        tr(msg!("xlsx-col-path")),
        tr(msg!("xlsx-col-sha256")),
    ] {
        let _ = write!(out, "<th>{}</th>", esc(&h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for file in &p.results.files {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"mono\">{}</td></tr>",
            esc(&tr(crate::report::role_label(file.role))),
            esc(&file.path),
            esc(&file.sha256)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
