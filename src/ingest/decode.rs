//! Bytes -> text: recognise streams that are not text at all (images,
//! PDFs, workbooks saved under a .csv name) from their first bytes, then
//! pick the encoding from the BOM, the NUL pattern of BOM-less UTF-16, or
//! UTF-8 validity (falling back to Windows-1252, never to mojibake; see
//! `transcode`), and hand back a stream that yields UTF-8.

use super::input::{Input, read_all, stream_error};
use super::transcode::{DecodeStats, Transcoder};
use super::{IngestError, TextEncoding};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// An export opened: a decoding text stream, or a workbook in memory.
pub(crate) enum Opened {
    /// UTF-8 text; `stats` says what the encoding turned out to be and how
    /// many bytes did not decode, once the stream has been read.
    Text {
        reader: Box<dyn Read>,
        stats: Rc<DecodeStats>,
    },
    /// A workbook calamine can read (.xlsx, .xlsm, .xlsb, .xls, .ods); it
    /// needs to seek, so it is read into memory, within the size limit.
    Workbook(Vec<u8>),
}

/// How much of the start of a stream decides what it holds.
const SNIFF: usize = 8192;

/// Reads the start of `input` and decides what it holds, with errors a
/// person can act on; the stream is read once, the start included.
pub(crate) fn open(input: Input, limit: u64) -> Result<(PathBuf, Opened), IngestError> {
    let (path, ext, mut reader) = input.into_limited(limit);
    let head = read_head(&mut reader, &path)?;
    if head.is_empty() {
        return Err(IngestError::Empty { path });
    }
    if binary_kind(&head, &ext, &path)? {
        let bytes = read_all(reader, &path, head)?;
        return Ok((path, Opened::Workbook(bytes)));
    }
    let known = bom(&head).or_else(|| utf16_by_nuls(&head));
    let seen = known.unwrap_or_else(|| {
        let mut tally = Utf8Tally::default();
        tally_chunk(&head, head.len() < SNIFF, &mut tally);
        choose_8bit(tally)
    });
    check_text_like(&head, seen, &path)?;
    let stream = Cursor::new(head).chain(reader);
    let (decoded, stats) = Transcoder::new(stream, known);
    Ok((
        path,
        Opened::Text {
            reader: Box::new(decoded),
            stats,
        },
    ))
}

pub(crate) fn encoding_of(enc: TextEncoding) -> &'static Encoding {
    match enc {
        TextEncoding::Utf8 => UTF_8,
        TextEncoding::Utf16Le => UTF_16LE,
        TextEncoding::Utf16Be => UTF_16BE,
        TextEncoding::Windows1252 => WINDOWS_1252,
    }
}

pub(crate) fn io_error(path: &Path, e: io::Error) -> IngestError {
    if e.kind() == io::ErrorKind::NotFound {
        IngestError::NotFound {
            path: path.to_path_buf(),
        }
    } else if e.kind() == io::ErrorKind::IsADirectory {
        not_text(
            path,
            "a folder",
            "Give the path of the exported file inside it.",
        )
    } else {
        IngestError::Io {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

/// Up to `SNIFF` bytes from the start of the stream (a pipe may deliver
/// them in pieces).
fn read_head(reader: &mut impl Read, path: &Path) -> Result<Vec<u8>, IngestError> {
    let mut head = Vec::with_capacity(SNIFF);
    reader
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(|e| stream_error(path, e))?;
    Ok(head)
}

fn not_text(path: &Path, what: &str, advice: &str) -> IngestError {
    IngestError::NotText {
        path: path.to_path_buf(),
        what: what.into(),
        advice: advice.into(),
    }
}

/// Recognises binary formats by their magic bytes: true for a workbook,
/// an error for anything else that is not text. A stream without a name
/// (standard input, a pipe) is taken for a workbook when it holds one.
fn binary_kind(head: &[u8], ext: &str, path: &Path) -> Result<bool, IngestError> {
    let workbook_ext = matches!(ext, "xlsx" | "xlsm" | "xlsb" | "xls" | "ods");
    if head.starts_with(b"PK\x03\x04") {
        let office = contains(head, b"[Content_Types].xml")
            || contains(head, b"xl/")
            || contains(head, b"opendocument.spreadsheet");
        if workbook_ext || (office && ext.is_empty()) {
            return Ok(true);
        }
        if office {
            return Err(not_text(
                path,
                "an Excel workbook (.xlsx) saved under a .csv name",
                "Rename it to .xlsx (frontline reads .xlsx files), or open it in Excel and use File > Save As > CSV UTF-8.",
            ));
        }
        return Err(not_text(
            path,
            "a ZIP archive",
            "Unzip it and give frontline the CSV or .xlsx file inside.",
        ));
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        if workbook_ext || ext.is_empty() {
            return Ok(true);
        }
        return Err(not_text(
            path,
            "an old Excel workbook (.xls) saved under another name",
            "Rename it to .xls, or open it in Excel and use File > Save As > CSV UTF-8.",
        ));
    }
    let magic: [(&[u8], &str); 6] = [
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF document"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "a Rich Text (RTF) document"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    for (m, what) in magic {
        if head.starts_with(m) {
            return Err(not_text(
                path,
                what,
                "Export the responses from the survey tool as CSV (or .xlsx) and give frontline that file.",
            ));
        }
    }
    if workbook_ext {
        return Err(not_text(
            path,
            "a file named like a workbook that is not one",
            "Open it in Excel and save it again as .xlsx or CSV UTF-8.",
        ));
    }
    Ok(false)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn bom(head: &[u8]) -> Option<TextEncoding> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(TextEncoding::Utf8)
    } else if head.starts_with(&[0xFF, 0xFE]) {
        Some(TextEncoding::Utf16Le)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// BOM-less UTF-16: ASCII text has a NUL in every other byte. A few NULs in
/// a UTF-8 file (SurveyMonkey's legacy sub-header row) must not trigger it,
/// so most pairs have to follow the pattern.
fn utf16_by_nuls(head: &[u8]) -> Option<TextEncoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let strong = |n: usize| n * 10 >= pairs * 6;
    let weak = |n: usize| n * 20 <= pairs;
    if strong(odd) && weak(even) {
        Some(TextEncoding::Utf16Le)
    } else if strong(even) && weak(odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// What the UTF-8 pre-pass found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Utf8Tally {
    /// Valid multi-byte characters (accents, curly quotes, ...).
    pub multibyte: usize,
    /// Bytes that are not valid UTF-8.
    pub invalid: usize,
}

/// Tallies one chunk; returns how many trailing bytes (a cut sequence) to
/// carry over, unless this is the last chunk.
pub(crate) fn tally_chunk(mut bytes: &[u8], last: bool, tally: &mut Utf8Tally) -> usize {
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                tally.multibyte += text.bytes().filter(|b| *b >= 0xC0).count();
                return 0;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                tally.multibyte += bytes[..valid].iter().filter(|b| **b >= 0xC0).count();
                match e.error_len() {
                    Some(bad) => {
                        tally.invalid += bad;
                        bytes = &bytes[valid + bad..];
                    }
                    None if last => {
                        tally.invalid += bytes.len() - valid;
                        return 0;
                    }
                    None => return bytes.len() - valid,
                }
            }
        }
    }
}

/// UTF-8 unless invalid bytes outnumber valid multi-byte characters (a
/// Windows-1252 file has no valid ones; a UTF-8 file with one damaged byte
/// has many, and reading it as 1252 would garble all of them).
pub(crate) fn choose_8bit(t: Utf8Tally) -> TextEncoding {
    if t.invalid == 0 || t.multibyte >= t.invalid * 2 {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    }
}

/// Text files have few control characters; anything else is binary data
/// that no survey tool exports.
fn check_text_like(head: &[u8], enc: TextEncoding, path: &Path) -> Result<(), IngestError> {
    let (text, _, _) = encoding_of(enc).decode(head);
    let total = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\0'))
        .count();
    if control * 10 > total {
        return Err(not_text(
            path,
            "binary data, not text",
            "Export the responses from the survey tool as CSV (or .xlsx) and give frontline that file.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_pattern_finds_bomless_utf16() {
        let le: Vec<u8> = "Id,Name\r\n1,Ann\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "Id,Name\r\n1,Ann\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(utf16_by_nuls(&le), Some(TextEncoding::Utf16Le));
        assert_eq!(utf16_by_nuls(&be), Some(TextEncoding::Utf16Be));
        let sm = b"RespondentID,CollectorID,StartDate\r\n\0,\0,\0\r\n";
        assert_eq!(utf16_by_nuls(sm), None);
    }

    #[test]
    fn damaged_utf8_stays_utf8_and_1252_is_1252() {
        let mut t = Utf8Tally::default();
        tally_chunk("é è ’ ü ö".as_bytes(), true, &mut t);
        tally_chunk(b"\xFF", true, &mut t);
        assert_eq!(choose_8bit(t), TextEncoding::Utf8);
        let mut t = Utf8Tally::default();
        tally_chunk(b"Ren\xE9 can\x92t", true, &mut t);
        assert_eq!(choose_8bit(t), TextEncoding::Windows1252);
        // A sequence cut at a chunk end is carried over.
        let mut t = Utf8Tally::default();
        assert_eq!(tally_chunk(b"ab\xC3", false, &mut t), 1);
        assert_eq!(t.invalid, 0);
    }

    #[test]
    fn boms() {
        assert_eq!(bom(b"\xEF\xBB\xBFa"), Some(TextEncoding::Utf8));
        assert_eq!(bom(b"\xFF\xFEa\0"), Some(TextEncoding::Utf16Le));
        assert_eq!(bom(b"\xFE\xFF\0a"), Some(TextEncoding::Utf16Be));
        assert_eq!(bom(b"abc"), None);
    }
}
