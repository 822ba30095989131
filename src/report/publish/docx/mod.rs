//! `通报.docx`: the notice laid out as GB/T 9704-2012 lays out a 红头文件.
//!
//! docx-rs writes the paragraphs, runs, tables, footers and the package;
//! `post` adds, in the XML docx-rs wrote, what it cannot express: each
//! section's properties (footers, how it starts, the 版记's page aligned to
//! the bottom, the grid of 22 lines of 28 characters), the repeated header
//! row of each table, and the font table's alternative names. The parts:
//!
//! - the page: A4, 天头 37 mm, 订口 28 mm (a 156 × 225 mm text block), on a
//!   grid of 22 lines of 28 characters of 三号 (16 pt) text;
//! - 版头: the 发文机关标志 in red 小标宋, 35 mm below the top of the text
//!   block, as large as fits on one line; the 发文字号 two lines below it,
//!   centred, and under it the red line as wide as the text block;
//! - the title in 二号 小标宋, two lines below the red line, broken between
//!   words into a symmetric shape (`title`); 主送机关 a line below, flush left;
//! - the text in 三号 仿宋, each paragraph indented two characters; 一级标题
//!   in 黑体, 二级标题 in 楷体;
//! - 附件说明 a line below the text, two characters in, each further annex
//!   aligned under the first one's name;
//! - 落款 centred over the 成文日期, the date four characters from the right
//!   (room above them for the seal); 附注 under the date, two characters in;
//! - each 附件 a section of its own, starting on a new page: `附件N` in 黑体 at
//!   the top left, its title centred on the second line, its table fitted
//!   inside the text width (`fit`: 五号, 小五 at the least, long names
//!   wrapping in their cells) with the header row repeated on each page,
//!   then its notes, kept with the table's last row;
//! - the 版记 in a last section that starts on an even page, at the foot of
//!   it: 抄送 and 印发机关 / 印发日期 in 四号 仿宋 between its lines;
//! - page numbers `— 1 —` in 四号 宋体, 7 mm under the text block, odd pages
//!   on the right and even pages on the left, one character in.

mod fit;
mod post;
pub mod title;

pub use fit::{Fit, fit};
pub use post::{CHAR_SPACING, LINE_PITCH, PAGE};

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SectionProperty, SpecialIndentType, Tab, TabValueType, Table,
    TableAlignmentType, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

use super::notice::{Annex, Block};
use crate::report::publish::paperwork::Grid;
use crate::text::i18n::{Lang, Message, msg};
use post::{Font, Section};

/// Sizes in half points: 二号 (22 pt), 三号 (16 pt), 四号 (14 pt).
const ERHAO: usize = 44;
const SANHAO: usize = 32;
const SIHAO: usize = 28;
/// The largest 发文机关标志: 初号 (42 pt).
const CHUHAO: usize = 84;
/// A character of the grid (156 mm / 28), in twips, rounded.
const CHAR: i32 = 316;
/// A line of the grid.
const LINE: u32 = LINE_PITCH;
/// The title's line, exactly (35 pt).
const TITLE_LINE: u32 = 700;
/// The red of the 版头.
const RED: &str = "FF0000";

/// The typefaces, from the catalog: each with the name Word and WPS look
/// for when it is missing (仿宋_GB2312, else 仿宋).
struct Faces {
    title: String,
    body: String,
    heading: String,
    kai: String,
    page: String,
    latin: String,
    table: Vec<Font>,
}

impl Faces {
    fn new(lang: Lang) -> Faces {
        let t = |m: Message| m.render(lang);
        let face = |name: Message, alt: Message, panose, family| Font {
            name: t(name),
            alt: Some(t(alt)).filter(|a| !a.is_empty()),
            panose,
            family,
            chinese: true,
        };
        let table = vec![
            face(
                msg!("notice-face-title"),
                msg!("notice-face-title-alt"),
                "02010600030101010101",
                "auto",
            ),
            face(
                msg!("notice-face-body"),
                msg!("notice-face-body-alt"),
                "02010609060101010101",
                "modern",
            ),
            face(
                msg!("notice-face-heading"),
                msg!("notice-face-heading-alt"),
                "02010609060101010101",
                "modern",
            ),
            face(
                msg!("notice-face-kai"),
                msg!("notice-face-kai-alt"),
                "02010609060101010101",
                "modern",
            ),
            face(
                msg!("notice-face-page"),
                msg!("notice-face-page-alt"),
                "02010600030101010101",
                "auto",
            ),
            Font {
                name: t(msg!("notice-face-latin")),
                alt: None,
                panose: "02020603050405020304",
                family: "roman",
                chinese: false,
            },
        ];
        Faces {
            title: table[0].name.clone(),
            body: table[1].name.clone(),
            heading: table[2].name.clone(),
            kai: table[3].name.clone(),
            page: table[4].name.clone(),
            latin: table[5].name.clone(),
            table,
        }
    }

    /// A Chinese face with the Latin face for digits and letters.
    fn with_latin(&self, east: &str) -> RunFonts {
        RunFonts::new()
            .east_asia(east)
            .ascii(&self.latin)
            .hi_ansi(&self.latin)
    }

    /// A run of 三号 text in `face`, 28 characters a line.
    fn body_run(&self, t: &str, face: &str) -> Run {
        Run::new()
            .add_text(t)
            .fonts(self.with_latin(face))
            .character_spacing(CHAR_SPACING)
    }

    /// One face for every character.
    fn only(&self, face: &str) -> RunFonts {
        RunFonts::new().east_asia(face).ascii(face).hi_ansi(face)
    }
}

/// `通报.docx` from the notice's parts. `created` is the document's date
/// (the end of the assessment period), so the same inputs give the same bytes.
pub fn docx(blocks: &[Block], created: &str, lang: Lang) -> Result<Vec<u8>, Message> {
    let faces = Faces::new(lang);
    let mut doc = Docx::new()
        .page_size(PAGE.width, PAGE.height)
        .page_margin(PageMargin {
            top: PAGE.top as i32,
            bottom: PAGE.bottom as i32,
            left: PAGE.left as i32,
            right: PAGE.right as i32,
            header: PAGE.header as i32,
            footer: PAGE.footer as i32,
            gutter: 0,
        })
        .default_fonts(faces.with_latin(&faces.body))
        .default_size(SANHAO)
        // Odd pages first (rIdFooter1), then even (rIdFooter2): `post` relies on it.
        .footer(page_footer(&faces, false))
        .even_footer(page_footer(&faces, true))
        .created_at(created)
        .updated_at(created);
    let mut sections = Vec::new();
    let mut first_attachment = true;
    for b in blocks {
        match b {
            Block::Masthead { issuer, number } => {
                doc = doc
                    .add_paragraph(masthead(&faces, issuer))
                    .add_paragraph(number_line(&faces, number));
            }
            Block::Title(t) => {
                doc = doc.add_paragraph(title(&faces, t, 2 * LINE, 0));
            }
            // 主送机关: a line below the title, flush left.
            Block::To(t) => {
                let p = Paragraph::new().add_run(faces.body_run(t, &faces.body));
                doc = doc.add_paragraph(body_layout(p, 0, LINE));
            }
            Block::Heading1(t) => {
                let p = Paragraph::new()
                    .add_run(faces.body_run(t, &faces.heading))
                    .keep_next(true);
                doc = doc.add_paragraph(body_layout(p, CHAR * 2, 0));
            }
            Block::Heading2(t) => {
                let p = Paragraph::new()
                    .add_run(faces.body_run(t, &faces.kai))
                    .keep_next(true);
                doc = doc.add_paragraph(body_layout(p, CHAR * 2, 0));
            }
            Block::Para(t) => doc = doc.add_paragraph(text(&faces, t, CHAR * 2)),
            Block::Attachments { lead, items } => {
                for p in attachments(&faces, lead, items, &mut first_attachment) {
                    doc = doc.add_paragraph(p);
                }
            }
            Block::Signature { issuer, date } => {
                for p in signature(&faces, issuer, date) {
                    doc = doc.add_paragraph(p);
                }
            }
            Block::Remark(t) => doc = doc.add_paragraph(text(&faces, t, CHAR * 2)),
            Block::Annex(a) => {
                // The section before ends here; the annex starts a page.
                doc = doc.add_paragraph(section_end());
                sections.push(Section {
                    start: "nextPage",
                    bottom: false,
                });
                doc = annex(doc, &faces, a, lang);
            }
            Block::Colophon {
                cc,
                printer,
                printed,
            } => {
                doc = doc.add_paragraph(section_end());
                sections.push(Section {
                    start: "nextPage",
                    bottom: false,
                });
                for p in colophon(&faces, cc.as_deref(), printer, printed) {
                    doc = doc.add_paragraph(p);
                }
            }
        }
    }
    // The last section (the 版记's) starts on an even page.
    sections.push(Section {
        start: "evenPage",
        bottom: false,
    });
    let mut xml = doc.build();
    let document = String::from_utf8(std::mem::take(&mut xml.document))
        .map_err(|e| msg!("notice-cannot-build", reason = e.to_string()))?;
    let document = post::table_headers(&post::sections(&document, &sections)?)?;
    xml.document = document.into_bytes();
    xml.font_table = post::font_table(&faces.table).into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| msg!("notice-cannot-build", reason = e.to_string()))?;
    Ok(out.into_inner())
}

fn line(exact: u32) -> LineSpacing {
    LineSpacing::new()
        .line(exact as i32)
        .line_rule(LineSpacingType::Exact)
}

/// A paragraph of the text: justified, on the line grid, indented `first`
/// twips on its first line and `before` twips below what precedes it.
fn body_layout(p: Paragraph, first: i32, before: u32) -> Paragraph {
    let p = p
        .align(AlignmentType::Both)
        .line_spacing(line(LINE).before(before));
    if first > 0 {
        p.indent(None, Some(SpecialIndentType::FirstLine(first)), None, None)
    } else {
        p
    }
}

fn text(faces: &Faces, t: &str, first: i32) -> Paragraph {
    body_layout(
        Paragraph::new().add_run(faces.body_run(t, &faces.body)),
        first,
        0,
    )
}

/// The 发文机关标志: red 小标宋 centred, its top 35 mm below the text block's,
/// as large as fits the width (初号 at most, 二号 at least, narrowed
/// beyond that).
fn masthead(faces: &Faces, issuer: &str) -> Paragraph {
    let ems = title::em_width(issuer).max(1.0);
    let width = f64::from(PAGE.text_width()) * 0.96;
    let fits = (width / (ems * 10.0)) as usize;
    let size = fits.clamp(ERHAO, CHUHAO);
    let mut run = Run::new()
        .add_text(issuer)
        .size(size)
        .color(RED)
        .fonts(faces.only(&faces.title));
    if fits < ERHAO {
        let scale = (width * 100.0 / (ems * (ERHAO * 10) as f64)) as i32;
        run = run.stretch(scale.clamp(33, 100));
    }
    let height = (size * 10) as u32 * 6 / 5;
    let above = 1984u32.saturating_sub((height - (size * 10) as u32) / 2);
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Center)
        .snap_to_grid(false)
        .line_spacing(line(height).before(above))
}

/// The 发文字号, two lines below the 标志, and under it the red line as wide
/// as the text block, 4 mm down.
fn number_line(faces: &Faces, number: &str) -> Paragraph {
    let mut p = Paragraph::new()
        .add_run(faces.body_run(number, &faces.body))
        .align(AlignmentType::Center)
        .line_spacing(line(LINE).before(2 * LINE));
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(18)
                .space(6)
                .color(RED),
        ),
    );
    p
}

/// A title in 二号 小标宋, centred, broken into lines between words.
fn title(faces: &Faces, t: &str, before: u32, after: u32) -> Paragraph {
    let capacity = f64::from(PAGE.text_width()) / (ERHAO * 10) as f64;
    let mut run = Run::new().size(ERHAO).fonts(faces.only(&faces.title));
    for (k, l) in title::lines(t, capacity.floor()).iter().enumerate() {
        if k > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(l);
    }
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Center)
        .snap_to_grid(false)
        .keep_next(true)
        .line_spacing(line(TITLE_LINE).before(before).after(after))
}

/// How wide a line of 三号 text is on the grid, in twips.
fn body_width(t: &str) -> i32 {
    crate::text::width::measure_em(t, f64::from(CHAR), 160.0) as i32
}

/// 附件说明: `附件：1.名称`, a line below the text and two characters in;
/// each further annex under the first one's name, a long name wrapping
/// under its own first character.
fn attachments(
    faces: &Faces,
    lead: &str,
    items: &[(String, String)],
    first: &mut bool,
) -> Vec<Paragraph> {
    let lead_w = body_width(lead);
    items
        .iter()
        .enumerate()
        .map(|(k, (number, name))| {
            let number_w = body_width(number);
            let shown = if k == 0 {
                format!("{lead}{number}{name}")
            } else {
                format!("{number}{name}")
            };
            let hanging = if k == 0 { lead_w + number_w } else { number_w };
            let before = if std::mem::take(first) { LINE } else { 0 };
            Paragraph::new()
                .add_run(faces.body_run(&shown, &faces.body))
                .align(AlignmentType::Left)
                .line_spacing(line(LINE).before(before))
                .indent(
                    Some(CHAR * 2 + lead_w + number_w),
                    Some(SpecialIndentType::Hanging(hanging)),
                    None,
                    None,
                )
        })
        .collect()
}

/// 落款 and 成文日期 for a sealed document: two lines below the text (room
/// for the seal), the date four characters from the right, the issuer
/// centred over it.
fn signature(faces: &Faces, issuer: &str, date: &str) -> Vec<Paragraph> {
    let (wi, wd) = (body_width(issuer), body_width(date));
    let date_right = CHAR * 4;
    let issuer_right = (date_right + (wd - wi) / 2).max(0);
    let right = |t: &str, indent: i32, before: u32| {
        Paragraph::new()
            .add_run(faces.body_run(t, &faces.body))
            .align(AlignmentType::Right)
            .keep_next(true)
            .line_spacing(line(LINE).before(before))
            .indent(None, None, Some(indent), None)
    };
    vec![
        right(issuer, issuer_right, 2 * LINE),
        right(date, date_right, 0),
    ]
}

/// An empty paragraph, a point high, that ends a section (`post` puts the
/// section's properties in place of the empty ones given here).
fn section_end() -> Paragraph {
    Paragraph::new()
        .snap_to_grid(false)
        .size(2)
        .line_spacing(line(20))
        .section_property(SectionProperty::new())
}

/// An annex: `附件N` at the top left in 黑体, the title centred on the second
/// line, the table, then its notes.
fn annex(doc: Docx, faces: &Faces, a: &Annex, lang: Lang) -> Docx {
    let label = Paragraph::new()
        .add_run(faces.body_run(&a.label, &faces.heading))
        .keep_next(true)
        .line_spacing(line(LINE));
    let fitted = fit(&a.grid, PAGE.text_width() as usize);
    let mut doc = doc
        .add_paragraph(label)
        .add_paragraph(title(faces, &a.title, 0, LINE / 2))
        .add_table(table(faces, &a.grid, &fitted));
    for p in notes(faces, &a.notes, fitted.size, lang) {
        doc = doc.add_paragraph(p);
    }
    doc
}

/// A results table: the header row in 黑体 (repeated on each page: `post`),
/// the cells in 仿宋, off the character grid (which would spread their
/// characters to 三号's pitch), rows never split across pages.
fn table(faces: &Faces, grid: &Grid, fitted: &Fit) -> Table {
    let columns = fitted.widths.len();
    let size = fitted.size;
    // Short columns centred, long text from the left.
    let centred: Vec<bool> = (0..columns)
        .map(|c| {
            grid.numeric.get(c).copied().unwrap_or(false)
                || std::iter::once(&grid.header)
                    .chain(&grid.rows)
                    .filter_map(|r| r.get(c))
                    .all(|t| t.lines().all(|l| fitted.fits(l, c)))
        })
        .collect();
    let cell = |t: &str, c: usize, header: bool, keep: bool| {
        let face = if header { &faces.heading } else { &faces.body };
        let align = if header || centred[c] {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        };
        // The paragraph mark in the table's size too: an empty cell's
        // mark in the text's 三号 would make its row taller than the others.
        let mut p = Paragraph::new()
            .align(align)
            .size(size)
            .keep_next(keep)
            .snap_to_grid(false)
            .line_spacing(
                LineSpacing::new()
                    .line((size * 10 * 5 / 4) as i32)
                    .line_rule(LineSpacingType::AtLeast)
                    .before(40)
                    .after(40),
            );
        let mut run = Run::new().size(size).fonts(faces.with_latin(face));
        for (k, l) in fitted.wrap(t, c, header).split('\n').enumerate() {
            if k > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(l);
        }
        p = p.add_run(run);
        TableCell::new()
            .add_paragraph(p)
            .vertical_align(VAlignType::Center)
            .width(fitted.widths[c], WidthType::Dxa)
    };
    let mut rows = vec![
        TableRow::new(
            (0..columns)
                .map(|c| {
                    cell(
                        grid.header.get(c).map_or("", String::as_str),
                        c,
                        true,
                        false,
                    )
                })
                .collect(),
        )
        .cant_split(),
    ];
    // The last row kept with the notes below, so that they never go to a
    // page of their own.
    for (k, r) in grid.rows.iter().enumerate() {
        let keep = k + 1 == grid.rows.len();
        rows.push(
            TableRow::new(
                (0..columns)
                    .map(|c| cell(r.get(c).map_or("", String::as_str), c, false, keep))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(fitted.widths.clone())
        .width(fitted.widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
        .margins(
            TableCellMargins::new()
                .margin_left(fit::CELL_MARGIN, WidthType::Dxa)
                .margin_right(fit::CELL_MARGIN, WidthType::Dxa),
        )
}

/// An annex's notes: `注：` before the first, numbered when there are several,
/// each wrapping under its own text.
fn notes(faces: &Faces, notes: &[String], size: usize, lang: Lang) -> Vec<Paragraph> {
    let em = (size * 10) as f64;
    let width = |t: &str| crate::text::width::measure_em(t, em, em / 2.0) as i32;
    let lines = super::notice::note_lines(notes, lang);
    let head_w = lines.first().map_or(0, |n| width(&n.head));
    lines
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let number_w = width(&n.number);
            let hanging = width(&n.head) + number_w;
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(format!("{}{}{}", n.head, n.number, n.text))
                        .size(size)
                        .fonts(faces.with_latin(&faces.body)),
                )
                .align(AlignmentType::Both)
                .snap_to_grid(false)
                .keep_next(k + 1 < lines.len())
                .line_spacing(
                    LineSpacing::new()
                        .line((size * 10 * 3 / 2) as i32)
                        .line_rule(LineSpacingType::Exact)
                        .before(if k == 0 { 120 } else { 0 }),
                )
                .indent(
                    Some(head_w + number_w),
                    Some(SpecialIndentType::Hanging(hanging)),
                    None,
                    None,
                )
        })
        .collect()
}

/// The 版记, at the foot of its page: its first and last lines thick
/// (0.35 mm), the line between 抄送 and 印发 thin (0.25 mm), all as wide as
/// the text block; 抄送 one character in from either side, wrapping under
/// the first organ; 印发机关 one character from the left and 印发日期 one from
/// the right. It is brought down by an empty paragraph as high as the page
/// less the 版记: every line of it has an exact height, and its lines are
/// broken here (never by the renderer), so that height is known.
fn colophon(faces: &Faces, cc: Option<&str>, printer: &str, printed: &str) -> Vec<Paragraph> {
    let ch = (SIHAO * 10) as i32;
    let chars = |t: &str| crate::text::width::measure_em(t, 1.0, 0.5);
    // Characters of 四号 a line holds between the indents, less a little.
    let line_chars = f64::from(PAGE.text_width() as i32 - 2 * ch) / f64::from(ch) - 0.5;
    let rule = |size: usize| {
        let mut p = Paragraph::new()
            .snap_to_grid(false)
            .size(2)
            .line_spacing(line(RULE_LINE));
        p.property = p.property.set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(size)
                    .space(0),
            ),
        );
        p
    };
    let run = || Run::new().size(SIHAO).fonts(faces.with_latin(&faces.body));
    let lines_run = |lines: &[String]| {
        let mut r = run();
        for (k, l) in lines.iter().enumerate() {
            if k > 0 {
                r = r.add_break(BreakType::TextWrapping);
            }
            r = r.add_text(l);
        }
        r
    };
    let mut body = vec![rule(THICK)];
    let mut height = 2 * (RULE_LINE + u32::from(THICK_TWIPS));
    if let Some(cc) = cc {
        let lead_chars = cc
            .char_indices()
            .find(|(_, c)| *c == '：' || *c == ':')
            .map_or(0.0, |(i, c)| chars(&cc[..i + c.len_utf8()]));
        let lines = wrap_organs(cc, line_chars, line_chars - lead_chars);
        let lead = (lead_chars * f64::from(ch)) as i32;
        height += LINE * lines.len() as u32 + RULE_LINE + u32::from(THIN_TWIPS);
        body.push(
            Paragraph::new()
                .add_run(lines_run(&lines))
                .align(AlignmentType::Left)
                .snap_to_grid(false)
                .line_spacing(line(LINE))
                .indent(
                    Some(ch + lead),
                    Some(SpecialIndentType::Hanging(lead)),
                    Some(ch),
                    None,
                ),
        );
        body.push(rule(THIN));
    }
    // 印发机关 and 印发日期 on one line, or the date on a line of its own
    // when a long name leaves no room.
    let one_line = chars(printer) + chars(printed) + 2.0 <= line_chars;
    height += LINE * if one_line { 1 } else { 2 };
    let mut printed_run = run().add_text(printer);
    if !one_line {
        printed_run = printed_run.add_break(BreakType::TextWrapping);
    }
    body.push(
        Paragraph::new()
            .add_run(printed_run)
            .add_run(run().add_tab())
            .add_run(run().add_text(printed))
            .snap_to_grid(false)
            .line_spacing(line(LINE))
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos(PAGE.text_width() as usize - ch as usize),
            )
            .indent(Some(ch), None, Some(ch), None),
    );
    body.push(rule(THICK));
    // The room above it, a millimetre short so that rounding never pushes
    // the 版记 onto a page of its own.
    let above = (PAGE.height - PAGE.top - PAGE.bottom).saturating_sub(height + 57);
    let mut out = vec![
        Paragraph::new()
            .snap_to_grid(false)
            .size(2)
            .line_spacing(line(above.max(20))),
    ];
    out.extend(body);
    out
}

/// The 版记's rules: a paragraph a point high, its bottom border the line.
const RULE_LINE: u32 = 20;
/// Thick (0.35 mm ≈ 1 pt) and thin (0.25 mm ≈ 0.75 pt) lines, in eighths of
/// a point, and their heights in twips.
const THICK: usize = 8;
const THIN: usize = 6;
const THICK_TWIPS: u16 = 20;
const THIN_TWIPS: u16 = 15;

/// The 抄送 line broken into lines of at most `first` characters (the first
/// line, with its lead) and `rest` (the others, under the first organ),
/// between organs where it can be (after `，`), else inside a long name.
fn wrap_organs(text: &str, first: f64, rest: f64) -> Vec<String> {
    let width = |t: &str| crate::text::width::measure_em(t, 1.0, 0.5);
    let mut segments: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if c == '，' || c == ',' || c == '、' || c == '：' {
            segments.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        segments.push(current);
    }
    // Lines so far, and the one being filled.
    let mut current = String::new();
    let mut done: Vec<String> = Vec::new();
    for seg in segments {
        let cap = if done.is_empty() { first } else { rest }.max(2.0);
        if width(&current) + width(&seg) <= cap {
            current.push_str(&seg);
            continue;
        }
        if !current.is_empty() {
            done.push(std::mem::take(&mut current));
        }
        for c in seg.chars() {
            let cap = if done.is_empty() { first } else { rest }.max(2.0);
            if !current.is_empty() && width(&current) + width(&c.to_string()) > cap {
                done.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    done.push(current);
    done
}

/// The page number, `— 1 —` in 四号 宋体 (the dashes and the digits alike):
/// odd pages on the right, even pages on the left, one character in.
fn page_footer(faces: &Faces, even: bool) -> Footer {
    let run = || Run::new().size(SIHAO).fonts(faces.only(&faces.page));
    let number = run()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE {}))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let ch = (SIHAO * 10) as i32;
    let p = Paragraph::new()
        .add_run(run().add_text("— "))
        .add_run(number)
        .add_run(run().add_text(" —"))
        .snap_to_grid(false)
        .line_spacing(line(320));
    let p = if even {
        p.align(AlignmentType::Left)
            .indent(Some(ch), None, None, None)
    } else {
        p.align(AlignmentType::Right)
            .indent(None, None, Some(ch), None)
    };
    Footer::new().add_paragraph(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_wrap_between_organs_under_the_first() {
        let lines = wrap_organs("抄送：甲乙丙丁，戊己庚辛壬，子丑寅卯辰巳。", 12.0, 9.0);
        assert_eq!(
            lines,
            ["抄送：甲乙丙丁，", "戊己庚辛壬，", "子丑寅卯辰巳。"]
        );
        let lines = wrap_organs("抄送：一二三四五六七八九十一二三。", 8.0, 5.0);
        assert_eq!(lines.concat(), "抄送：一二三四五六七八九十一二三。");
        assert!(
            lines.iter().skip(1).all(|l| l.chars().count() <= 5),
            "{lines:?}"
        );
    }
}
