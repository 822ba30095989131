//! The XML of the parts, read within bounds: text up to `MAX_ROW_TEXT`,
//! only the predefined entities and character references, no event longer
//! than `MAX_EVENT`.

use quick_xml::events::{BytesStart, Event};
use std::io::Read;

use super::{MAX_EVENT, MAX_ROW_TEXT};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

pub(super) fn damaged(e: impl ToString) -> Message {
    msg!("workbook-damaged", detail = e.to_string())
}

/// The XML ends before what it opened is closed.
pub(super) fn cut_short() -> Message {
    msg!("workbook-damaged", detail = msg!("workbook-cut-short"))
}

pub(super) fn xml_damaged(e: quick_xml::Error) -> Message {
    // The zip's check of what was unpacked fails at the part's end: a part
    // changed by hand inside the zip (or a damaged copy) is not read.
    if let quick_xml::Error::Io(io) = &e
        && io.kind() == std::io::ErrorKind::InvalidData
        && io.to_string().contains("checksum")
    {
        return msg!("workbook-crc");
    }
    damaged(e)
}

pub(super) fn too_large(part: &str, size: u64, max: u64) -> Message {
    msg!(
        "workbook-part-too-large",
        part = part,
        mib = (size >> 20).max(1),
        max = max >> 20
    )
}

pub(super) fn xml_reader<R: std::io::BufRead>(input: R) -> quick_xml::Reader<R> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    reader
}

/// An attribute's value by its local name (`r:id` is found as `id` only by
/// `rel_id`), predefined entities resolved.
pub(super) fn attr(e: &BytesStart, name: &str) -> Result<Option<String>, Message> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(e.to_string()))?;
        if a.key.as_ref() == name {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(xml_damaged)?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// Text of an element up to its end, entity and character references
/// resolved; more than `MAX_ROW_TEXT` is an error.
pub(super) fn read_text<R: std::io::BufRead>(
    reader: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    end: &str,
    out: &mut String,
) -> Result<(), Message> {
    let mut depth = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(buf).map_err(xml_damaged)? {
            Event::Text(t) => push_limited(out, &t.xml10_content())?,
            Event::CData(t) => push_limited(out, &t)?,
            Event::GeneralRef(r) => {
                let c = entity(&r)?;
                push_limited(out, c.encode_utf8(&mut [0; 4]))?
            }
            Event::Start(e) => {
                // Phonetic guides (rPh) are not part of the text.
                if e.local_name().as_ref() == "rPh" {
                    skip(reader, buf, "rPh")?;
                } else {
                    depth += 1;
                }
            }
            Event::End(e) => {
                if depth == 0 && e.local_name().as_ref() == end {
                    return Ok(());
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => return Err(cut_short()),
            _ => {}
        }
    }
}

/// A spreadsheet string with its `_xHHHH_` escapes undone: Excel writes a
/// character XML cannot hold (a control character) as `_x0005_`, and a
/// literal `_x` as `_x005F_x`. Other text is returned as it is.
pub(super) fn spreadsheet_text(s: String) -> String {
    if !s.contains("_x") {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let escaped = tail
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match escaped {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod escapes {
    use super::spreadsheet_text;

    #[test]
    fn excel_escapes_are_undone_and_nothing_else() {
        let t = |s: &str| spreadsheet_text(s.to_string());
        assert_eq!(t("_x0005_UUUU"), "\u{5}UUUU");
        assert_eq!(t("a_x000D__x000A_b"), "a\r\nb");
        assert_eq!(t("_x005F_x0041_"), "_x0041_");
        assert_eq!(t("file_x_name"), "file_x_name");
        assert_eq!(t("_x12_"), "_x12_");
        assert_eq!(t("x_"), "x_");
        assert_eq!(t("末_x"), "末_x");
    }
}

pub(super) fn skip<R: std::io::BufRead>(
    reader: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    end: &str,
) -> Result<(), Message> {
    let mut depth = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(buf).map_err(xml_damaged)? {
            Event::Start(_) => depth += 1,
            Event::End(e) => {
                if depth == 0 && e.local_name().as_ref() == end {
                    return Ok(());
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => return Err(cut_short()),
            _ => {}
        }
    }
}

pub(super) fn push_limited(out: &mut String, text: &str) -> Result<(), Message> {
    if out.len() + text.len() > MAX_ROW_TEXT {
        return Err(msg!("workbook-text-too-long", mib = MAX_ROW_TEXT >> 20));
    }
    out.push_str(text);
    Ok(())
}

/// A reference `&name;`: the five of XML and character references only.
pub(super) fn entity(r: &quick_xml::events::BytesRef) -> Result<char, Message> {
    if let Some(c) = r.resolve_char_ref().map_err(xml_damaged)? {
        return Ok(c);
    }
    Ok(match &**r {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        other => {
            let name: String = other.chars().take(40).collect();
            return Err(msg!("workbook-entity", name = name));
        }
    })
}

/// Refuses a stream in which any one XML event runs past `MAX_EVENT`
/// bytes: a text between two tags, a tag, a comment, a CDATA section or a
/// processing instruction. quick-xml gathers a whole event in memory, and a
/// comment or CDATA section may hold `<` and `>` as often as it likes, so
/// the bytes since the last `<` do not bound it: the guard follows where
/// each event ends (`>`, `-->`, `]]>`, `?>`).
pub(super) struct EventGuard<R> {
    inner: R,
    lexer: Lexer,
}

impl<R> EventGuard<R> {
    pub(super) fn new(inner: R) -> Self {
        EventGuard {
            inner,
            lexer: Lexer::default(),
        }
    }
}

impl<R: Read> Read for EventGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.lexer.feed(&buf[..n]) > MAX_EVENT {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::text::i18n::tr!("workbook-no-markup", mib = MAX_EVENT >> 20),
            ));
        }
        Ok(n)
    }
}

/// Where the stream is: in text, in a tag, or in markup that ends with a
/// sequence of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Place {
    #[default]
    Text,
    /// Just after `<`: what follows says what it opens (`<!--`, `<![CDATA[`, `<?`).
    Open,
    Tag,
    Comment,
    Cdata,
    Instruction,
}

/// Follows the ends of XML events over the chunks of a stream.
#[derive(Debug, Default)]
pub(super) struct Lexer {
    place: Place,
    /// Bytes of the event under way.
    len: usize,
    /// The bytes just after `<`, to tell what it opens.
    opened: Vec<u8>,
    /// The last two bytes seen, for an end sequence split between chunks.
    last: [u8; 2],
}

impl Lexer {
    /// Reads a chunk; the length of the event under way after it.
    pub(super) fn feed(&mut self, chunk: &[u8]) -> usize {
        let mut i = 0;
        while i < chunk.len() {
            i = match self.place {
                Place::Text => self.jump(chunk, i, b'<', Place::Open),
                Place::Open => self.classify(chunk, i),
                Place::Tag => self.jump(chunk, i, b'>', Place::Text),
                Place::Comment => self.until(chunk, i, b"--"),
                Place::Cdata => self.until(chunk, i, b"]]"),
                Place::Instruction => self.until(chunk, i, b"?"),
            };
        }
        self.remember(chunk);
        self.len
    }

    /// Skips to the next `to`, then moves to `next` (a new event).
    fn jump(&mut self, chunk: &[u8], i: usize, to: u8, next: Place) -> usize {
        match memchr::memchr(to, &chunk[i..]) {
            Some(p) => {
                self.place = next;
                self.len = 0;
                self.opened.clear();
                i + p + 1
            }
            None => {
                self.len += chunk.len() - i;
                chunk.len()
            }
        }
    }

    /// Just after `<`: gathers up to nine bytes to tell a comment, a CDATA
    /// section or an instruction from a tag.
    fn classify(&mut self, chunk: &[u8], i: usize) -> usize {
        let take = (9 - self.opened.len()).min(chunk.len() - i);
        self.opened.extend_from_slice(&chunk[i..i + take]);
        let o = self.opened.as_slice();
        let kind = if o.starts_with(b"!--") {
            Some(Place::Comment)
        } else if o.starts_with(b"![CDATA[") {
            Some(Place::Cdata)
        } else if o.starts_with(b"?") {
            Some(Place::Instruction)
        } else if !b"!--".starts_with(&o[..o.len().min(3)])
            && !b"![CDATA[".starts_with(&o[..o.len().min(8)])
        {
            Some(Place::Tag)
        } else {
            None
        };
        let Some(kind) = kind else {
            self.len += take;
            return i + take;
        };
        // Read again from just after `<`, in the place now known.
        self.place = kind;
        self.len = 0;
        // What the opening read in an earlier chunk is counted.
        self.len = self.opened.len() - take;
        self.opened.clear();
        i
    }

    /// Skips to `>` preceded by `end` (`-->`, `]]>`, `?>`), the end sequence
    /// perhaps begun in the chunk before.
    fn until(&mut self, chunk: &[u8], i: usize, end: &[u8]) -> usize {
        let mut from = i;
        while let Some(p) = memchr::memchr(b'>', &chunk[from..]) {
            let at = from + p;
            if self.ends_with(chunk, at, end) {
                self.place = Place::Text;
                self.len = 0;
                return at + 1;
            }
            from = at + 1;
        }
        self.len += chunk.len() - i;
        chunk.len()
    }

    /// Whether the bytes just before `chunk[at]` (reaching back into the
    /// previous chunk's last two) are `end`.
    fn ends_with(&self, chunk: &[u8], at: usize, end: &[u8]) -> bool {
        (1..=end.len()).all(|k| {
            let byte = match at.checked_sub(k) {
                Some(j) => chunk[j],
                None => match (k - at).checked_sub(1) {
                    Some(back) if back < 2 => self.last[1 - back],
                    _ => return false,
                },
            };
            byte == end[end.len() - k]
        })
    }

    fn remember(&mut self, chunk: &[u8]) {
        match chunk.len() {
            0 => {}
            1 => self.last = [self.last[1], chunk[0]],
            n => self.last = [chunk[n - 2], chunk[n - 1]],
        }
    }
}

#[cfg(test)]
mod lexer_tests {
    use super::Lexer;

    /// The length of the event under way after feeding `text` in chunks of `size`.
    fn under_way(text: &[u8], size: usize) -> usize {
        let mut lexer = Lexer::default();
        let mut len = 0;
        for chunk in text.chunks(size) {
            len = lexer.feed(chunk);
        }
        len
    }

    #[test]
    fn a_comment_full_of_brackets_is_one_event() {
        let comment = format!("<a/><!--{}", "x<y>".repeat(1000));
        for size in [1, 2, 3, 7, 64, 4096] {
            assert_eq!(under_way(comment.as_bytes(), size), 4 * 1000 + 3, "{size}");
            let closed = format!("{comment}-->");
            assert_eq!(under_way(closed.as_bytes(), size), 0, "{size}");
            let text = format!("{closed}abc");
            assert_eq!(under_way(text.as_bytes(), size), 3, "{size}");
        }
    }

    #[test]
    fn cdata_and_instructions_end_where_they_say() {
        for size in [1, 2, 5, 100] {
            assert_eq!(under_way(b"<![CDATA[a<b>c]]>", size), 0, "{size}");
            assert_eq!(under_way(b"<![CDATA[a<b>c]>", size), 15, "{size}");
            assert_eq!(under_way(b"<?xml version=\"1.0\"?>text", size), 4, "{size}");
            assert_eq!(under_way(b"<c r=\"A1\"><v>12</v></c>", size), 0, "{size}");
            assert_eq!(under_way(b"<!DOCTYPE x>ab", size), 2, "{size}");
        }
    }
}
