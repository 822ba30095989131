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

/// Refuses a stream that runs more than `MAX_EVENT` bytes without a `<`:
/// no XML event (a text, a tag) can then grow quick-xml's buffer past it.
pub(super) struct EventGuard<R> {
    inner: R,
    since: usize,
}

impl<R> EventGuard<R> {
    pub(super) fn new(inner: R) -> Self {
        EventGuard { inner, since: 0 }
    }
}

impl<R: Read> Read for EventGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        match memchr::memrchr(b'<', &buf[..n]) {
            Some(p) => self.since = n - p - 1,
            None => self.since += n,
        }
        if self.since > MAX_EVENT {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::text::i18n::tr!("workbook-no-markup", mib = MAX_EVENT >> 20),
            ));
        }
        Ok(n)
    }
}
