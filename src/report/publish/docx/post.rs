//! What docx-rs cannot say, said by editing the XML it writes: each
//! section's properties (`w:sectPr`: its footers, the break that starts it,
//! the bottom alignment of the 版记's page, the document grid of 22 lines of
//! 28 characters, in the order the schema requires), the repeated header
//! row of each table (`w:tblHeader`), and the font table with each font's
//! alternative name.
//!
//! The edits are made on text docx-rs wrote, where every character of the
//! document's own text is escaped (`<` as `&lt;`): a tag found here is a tag.

use crate::text::i18n::{Message, msg};

/// One section's properties, in the schema's order of `w:sectPr`'s children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// How the section starts: `nextPage`, or `evenPage` for the 版记.
    pub start: &'static str,
    /// The section's text sits at the bottom of its page (the 版记).
    pub bottom: bool,
}

/// The page: A4, the margins of GB/T 9704 (天头 37 mm, 订口 28 mm: a
/// 156 × 225 mm text block), the footer 7 mm under the text block.
pub const PAGE: Page = Page {
    width: 11906,
    height: 16838,
    top: 2098,
    bottom: 1984,
    left: 1588,
    right: 1474,
    header: 851,
    footer: 1307,
};

/// A page's size and margins, in twips.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    pub header: u32,
    pub footer: u32,
}

impl Page {
    pub const fn text_width(&self) -> u32 {
        self.width - self.left - self.right
    }
}

/// The grid: 22 lines of 28 characters. The line pitch is the text
/// block's height over 22 (579 twips, 28.95 pt), each line of the text set
/// exactly on it. The character pitch is the text width over 28 (15.79
/// pt): 三号 (16 pt) characters set 0.25 pt closer ([`CHAR_SPACING`]), which
/// every renderer honours. (A character grid, `linesAndChars` with a
/// negative `charSpace`, is what Word's templates use, but LibreOffice
/// puts each 三号 character into two cells of such a grid: 14 to 20
/// characters a line.)
pub const LINE_PITCH: u32 = 579;
/// The spacing of 三号 characters, in twentieths of a point: 28 a line.
pub const CHAR_SPACING: i32 = -5;

/// The relationship ids docx-rs gives the odd (default) and even footers,
/// added in that order.
const ODD_FOOTER: &str = "rIdFooter1";
const EVEN_FOOTER: &str = "rIdFooter2";

impl Section {
    pub fn xml(&self) -> String {
        let p = PAGE;
        format!(
            concat!(
                "<w:sectPr>",
                r#"<w:footerReference w:type="default" r:id="{odd}" />"#,
                r#"<w:footerReference w:type="even" r:id="{even}" />"#,
                r#"<w:type w:val="{start}" />"#,
                r#"<w:pgSz w:w="{w}" w:h="{h}" />"#,
                r#"<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header}" w:footer="{footer}" w:gutter="0" />"#,
                r#"<w:pgNumType w:fmt="decimal" />"#,
                r#"<w:cols w:space="425" />"#,
                "{valign}",
                r#"<w:docGrid w:type="lines" w:linePitch="{pitch}" />"#,
                "</w:sectPr>"
            ),
            odd = ODD_FOOTER,
            even = EVEN_FOOTER,
            start = self.start,
            w = p.width,
            h = p.height,
            top = p.top,
            right = p.right,
            bottom = p.bottom,
            left = p.left,
            header = p.header,
            footer = p.footer,
            valign = if self.bottom {
                r#"<w:vAlign w:val="bottom" />"#
            } else {
                ""
            },
            pitch = LINE_PITCH,
        )
    }
}

/// Replaces the document's `w:sectPr` elements, in order, by `sections`
/// (one per section: those that end inside the text, then the body's own).
pub fn sections(document: &str, sections: &[Section]) -> Result<String, Message> {
    const OPEN: &str = "<w:sectPr>";
    const CLOSE: &str = "</w:sectPr>";
    let mut out = String::with_capacity(document.len() + sections.len() * 600);
    let mut rest = document;
    let mut count = 0;
    while let Some(at) = rest.find(OPEN) {
        let Some(len) = rest[at..].find(CLOSE) else {
            return Err(unexpected("sectPr"));
        };
        let Some(section) = sections.get(count) else {
            return Err(unexpected("sectPr"));
        };
        out.push_str(&rest[..at]);
        out.push_str(&section.xml());
        rest = &rest[at + len + CLOSE.len()..];
        count += 1;
    }
    if count != sections.len() {
        return Err(unexpected("sectPr"));
    }
    out.push_str(rest);
    Ok(out)
}

/// Marks the first row of every table as its header row (`w:tblHeader`),
/// repeated at the top of each page the table runs onto. The row must have
/// its properties (`w:trPr`) before its first cell.
pub fn table_headers(document: &str) -> Result<String, Message> {
    let mut out = String::with_capacity(document.len() + 64);
    let mut rest = document;
    while let Some(at) = rest.find("<w:tbl>") {
        let table_start = at + "<w:tbl>".len();
        let tail = &rest[table_start..];
        let row = tail.find("<w:tr").ok_or_else(|| unexpected("tr"))?;
        let cell = tail.find("<w:tc>").ok_or_else(|| unexpected("tc"))?;
        let props = tail[row..cell]
            .find("<w:trPr>")
            .map(|p| row + p + "<w:trPr>".len())
            .ok_or_else(|| unexpected("trPr"))?;
        out.push_str(&rest[..table_start]);
        out.push_str(&tail[..props]);
        out.push_str("<w:tblHeader />");
        rest = &tail[props..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A font of the font table: its name, the name to look for when it is
/// missing, its PANOSE class and family, and whether it is Chinese (GB2312
/// character set) or Latin.
#[derive(Debug, Clone)]
pub struct Font {
    pub name: String,
    pub alt: Option<String>,
    pub panose: &'static str,
    pub family: &'static str,
    pub chinese: bool,
}

/// `word/fontTable.xml` listing `fonts`.
pub fn font_table(fonts: &[Font]) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    ));
    for f in fonts {
        out.push_str(&format!(r#"<w:font w:name="{}">"#, attr(&f.name)));
        if let Some(alt) = &f.alt {
            out.push_str(&format!(r#"<w:altName w:val="{}" />"#, attr(alt)));
        }
        out.push_str(&format!(
            r#"<w:panose1 w:val="{}" /><w:charset w:val="{}" /><w:family w:val="{}" /><w:pitch w:val="variable" />"#,
            f.panose,
            if f.chinese { "86" } else { "00" },
            f.family
        ));
        out.push_str("</w:font>");
    }
    out.push_str("</w:fonts>");
    out
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn unexpected(what: &str) -> Message {
    msg!("notice-cannot-build", reason = format!("w:{what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_replaced_in_order() {
        let doc = "<w:body><w:p><w:pPr><w:sectPr><w:pgSz /></w:sectPr></w:pPr></w:p><w:sectPr><w:cols /></w:sectPr></w:body>";
        let a = Section {
            start: "nextPage",
            bottom: false,
        };
        let b = Section {
            start: "evenPage",
            bottom: true,
        };
        let out = sections(doc, &[a.clone(), b.clone()]).unwrap();
        assert_eq!(
            out,
            format!(
                "<w:body><w:p><w:pPr>{}</w:pPr></w:p>{}</w:body>",
                a.xml(),
                b.xml()
            )
        );
        assert!(b.xml().contains(r#"<w:type w:val="evenPage" />"#));
        assert!(b.xml().contains(r#"<w:vAlign w:val="bottom" />"#));
        // The schema's order: references, type, size, margins, numbering,
        // columns, alignment, grid.
        let x = b.xml();
        let order = [
            "footerReference",
            "w:type",
            "pgSz",
            "pgMar",
            "pgNumType",
            "cols",
            "vAlign",
            "docGrid",
        ];
        let at: Vec<usize> = order.iter().map(|t| x.find(t).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{x}");
        assert!(sections(doc, std::slice::from_ref(&a)).is_err());
        assert!(sections(doc, &[a.clone(), b.clone(), a]).is_err());
    }

    #[test]
    fn the_first_row_of_each_table_repeats() {
        let doc = "<w:tbl><w:tblPr /><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc>h</w:tc></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc>1</w:tc></w:tr></w:tbl><w:p /><w:tbl><w:tr><w:trPr></w:trPr><w:tc>h</w:tc></w:tr></w:tbl>";
        let out = table_headers(doc).unwrap();
        assert_eq!(out.matches("<w:tblHeader />").count(), 2);
        assert!(out.starts_with(
            "<w:tbl><w:tblPr /><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr><w:tc>h</w:tc></w:tr><w:tr><w:trPr><w:cantSplit />"
        ));
        assert!(table_headers("<w:tbl><w:tr><w:tc>x</w:tc></w:tr></w:tbl>").is_err());
    }

    #[test]
    fn fonts_with_their_alternative_names() {
        let t = font_table(&[Font {
            name: "仿宋_GB2312".into(),
            alt: Some("仿宋".into()),
            panose: "02010609030101010101",
            family: "modern",
            chinese: true,
        }]);
        assert!(t.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋" />"#));
        assert!(t.contains(r#"<w:charset w:val="86" />"#));
    }
}
