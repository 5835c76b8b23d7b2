//! Minimal .xlsx files written by hand for the bad-input tests: a ZIP of
//! the five parts Excel needs, plus shared strings and styles. Parts are
//! stored, or given as raw deflate data with their CRC and size, so that a
//! 1 GB shared string fits in a ~1 MB file without compressing a gigabyte
//! in a debug build: independently compressed, sync-flushed pieces of a
//! deflate stream can be concatenated, and their CRCs combined.

#![allow(dead_code)]

use flate2::{Compress, Compression, FlushCompress};

/// One part of the archive.
pub struct Part {
    pub name: String,
    /// Deflate data (method 8) or the bytes themselves (method 0).
    pub data: Vec<u8>,
    pub deflated: bool,
    pub crc: u32,
    /// The uncompressed size written into the headers.
    pub size: u64,
}

impl Part {
    pub fn stored(name: &str, bytes: &[u8]) -> Part {
        let mut h = crc32fast::Hasher::new();
        h.update(bytes);
        Part {
            name: name.into(),
            data: bytes.to_vec(),
            deflated: false,
            crc: h.finalize(),
            size: bytes.len() as u64,
        }
    }

    /// `head`, then `fill` repeated `times`, then `tail`, deflated.
    pub fn repeated(name: &str, head: &[u8], fill: &[u8], times: usize, tail: &[u8]) -> Part {
        let mut data = deflate(head, FlushCompress::Sync);
        let block = deflate(fill, FlushCompress::Sync);
        for _ in 0..times {
            data.extend_from_slice(&block);
        }
        data.extend(deflate(tail, FlushCompress::Finish));
        let mut crc = hasher(head);
        let f = hasher(fill);
        for _ in 0..times {
            crc.combine(&f);
        }
        crc.combine(&hasher(tail));
        Part {
            name: name.into(),
            data,
            deflated: true,
            crc: crc.finalize(),
            size: (head.len() + fill.len() * times + tail.len()) as u64,
        }
    }
}

fn hasher(b: &[u8]) -> crc32fast::Hasher {
    let mut h = crc32fast::Hasher::new();
    h.update(b);
    h
}

/// Raw deflate of `bytes` by a fresh compressor (no reference to earlier
/// data, so the piece is valid anywhere in a stream).
fn deflate(bytes: &[u8], flush: FlushCompress) -> Vec<u8> {
    let mut c = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(bytes.len() / 50 + 64);
    loop {
        let before = c.total_in() as usize;
        c.compress_vec(&bytes[before..], &mut out, flush).unwrap();
        if c.total_in() as usize == bytes.len() && out.len() < out.capacity() {
            return out;
        }
        out.reserve(out.capacity().max(64));
    }
}

/// The ZIP container around `parts`.
pub fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = vec![];
    let mut central = vec![];
    for p in parts {
        let offset = out.len() as u32;
        let method: u16 = if p.deflated { 8 } else { 0 };
        let header = |sig: u32, central: bool| {
            let mut h = vec![];
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend(0u32.to_le_bytes());
            h.extend(p.crc.to_le_bytes());
            h.extend((p.data.len() as u32).to_le_bytes());
            h.extend((p.size as u32).to_le_bytes());
            h.extend((p.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]);
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(p.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(&p.data);
        central.extend(header(0x0201_4b50, true));
    }
    let at = out.len() as u32;
    let n = parts.len() as u16;
    out.extend_from_slice(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
/// Style 1 is Excel's built-in date format 14.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

/// A sheet cell: `r` is its reference (`B7`), `xml` its inside.
pub fn cell(r: &str, attrs: &str, xml: &str) -> String {
    format!(r#"<c r="{r}"{attrs}>{xml}</c>"#)
}

/// A text cell written inline (no shared string).
pub fn text(r: &str, s: &str) -> String {
    let esc = s.replace('&', "&amp;").replace('<', "&lt;");
    cell(r, r#" t="inlineStr""#, &format!("<is><t>{esc}</t></is>"))
}

/// Rows of text cells from column A, starting at row 1.
pub fn text_rows(rows: &[&[&str]]) -> Vec<String> {
    rows.iter()
        .enumerate()
        .map(|(i, cells)| {
            let cs: String = cells
                .iter()
                .enumerate()
                .map(|(j, s)| text(&format!("{}{}", (b'A' + j as u8) as char, i + 1), s))
                .collect();
            format!(r#"<row r="{}">{cs}</row>"#, i + 1)
        })
        .collect()
}

/// The worksheet part around `rows` (each a `<row>` element).
pub fn sheet(dimension: &str, rows: &[String]) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{}</sheetData></worksheet>"#,
        rows.concat()
    )
    .into_bytes()
}

/// A whole workbook: the sheet part and the shared-strings part given.
pub fn workbook(sheet: Part, shared: Part) -> Vec<u8> {
    zip(&[
        Part::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::stored("_rels/.rels", RELS.as_bytes()),
        Part::stored("xl/workbook.xml", WORKBOOK.as_bytes()),
        Part::stored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        Part::stored("xl/styles.xml", STYLES.as_bytes()),
        sheet,
        shared,
    ])
}

/// A shared-strings part holding `strings`.
pub fn shared(strings: &[&str]) -> Part {
    let si: String = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{si}</sst>"#,
        n = strings.len()
    );
    Part::stored("xl/sharedStrings.xml", xml.as_bytes())
}

/// A workbook whose sheet is `rows` (no shared strings).
pub fn simple(dimension: &str, rows: &[String]) -> Vec<u8> {
    workbook(
        Part::stored("xl/worksheets/sheet1.xml", &sheet(dimension, rows)),
        shared(&[]),
    )
}
