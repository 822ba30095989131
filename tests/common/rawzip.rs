//! A zip archive written by hand, byte by byte, for the tests of hostile
//! workbooks (a zip that lies about its sizes, which no zip library writes)
//! and for the fuzzer (`fuzz/src/lib.rs` includes this file), whose
//! mutations must reach the XML inside the entries unpacked.

/// An entry: its name, its data, the uncompressed size its headers declare
/// (its own when `None`) and the CRC-32 they record (its own when `None`).
pub type Entry<'a> = (&'a str, &'a [u8], Option<u32>, Option<u32>);

/// A zip archive of stored entries; `declared` overrides an entry's
/// uncompressed size in its headers (a zip that lies).
pub fn stored_zip(entries: &[(&str, &[u8], Option<u32>)]) -> Vec<u8> {
    let entries: Vec<Entry> = entries.iter().map(|(n, d, s)| (*n, *d, *s, None)).collect();
    stored_zip_crc(&entries)
}

/// Like `stored_zip`, and `crc` overrides an entry's recorded CRC-32 (a part
/// changed by hand inside the zip: its data no longer matches).
pub fn stored_zip_crc(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, declared, recorded) in entries {
        let offset = out.len() as u32;
        let crc = recorded.unwrap_or_else(|| crc32(data));
        let size = data.len() as u32;
        let usize_ = declared.unwrap_or(size);
        let mut header = Vec::new();
        header.extend(0x0403_4b50u32.to_le_bytes());
        header.extend(20u16.to_le_bytes()); // version
        header.extend(0u16.to_le_bytes()); // flags
        header.extend(0u16.to_le_bytes()); // stored
        header.extend(0u32.to_le_bytes()); // time, date
        header.extend(crc.to_le_bytes());
        header.extend(size.to_le_bytes());
        header.extend(usize_.to_le_bytes());
        header.extend((name.len() as u16).to_le_bytes());
        header.extend(0u16.to_le_bytes());
        out.extend(&header);
        out.extend(name.as_bytes());
        out.extend(*data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(&header[4..]);
        central.extend(0u16.to_le_bytes()); // comment
        central.extend(0u16.to_le_bytes()); // disk
        central.extend(0u16.to_le_bytes()); // internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The CRC-32 a zip records for its entries.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
