//! Cell references checked before calamine reads them. calamine turns a
//! reference such as `r="AB12"` into a row and a column with plain `u32`
//! arithmetic: seven or more letters, or ten or more digits, overflow it
//! (a panic in a debug build, a wrapped, wrong position in a release one).
//! Found by the `xlsx` fuzz target (`fuzz/`, docs/robustness.md); no real
//! workbook has such a reference, since sheets end at XFD1048576, so the
//! workbook is refused with a message instead.

use super::IngestError;
use super::limits::quote;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;
use zip::ZipArchive;

/// Letters and digits calamine can add up in a `u32` (ZZZZZZ, 999999999).
const MAX_LETTERS: usize = 6;
const MAX_DIGITS: usize = 9;

/// Every `r` and `ref` attribute of the XML parts of an .xlsx (the shared
/// strings aside: they hold text, not references) read as calamine reads
/// it; the first one it could not add up is an error.
pub(crate) fn check(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    shared: Option<&str>,
    path: &Path,
) -> Result<(), IngestError> {
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else {
            continue; // a damaged part is calamine's to report
        };
        let Ok(name) = part.name().map(|n| n.to_string()) else {
            continue;
        };
        if !name.to_ascii_lowercase().ends_with(".xml") || Some(name.as_str()) == shared {
            continue;
        }
        if let Some(bad) = first_bad_ref(part) {
            return Err(IngestError::NotText {
                path: path.to_path_buf(),
                what: format!(
                    "a workbook whose part {} names the cell {}, which no sheet has (sheets end at XFD1048576)",
                    quote(&name),
                    quote(&bad)
                ),
                advice: "Open it in Excel and save it again as .xlsx, or as CSV UTF-8.".into(),
            });
        }
    }
    Ok(())
}

/// The first reference in `part` that would overflow; malformed XML ends
/// the scan (calamine reports it).
fn first_bad_ref(part: impl Read) -> Option<String> {
    let mut xml = Reader::from_reader(BufReader::new(part));
    // Read as calamine reads: it does not check that end tags match.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    let mut buf = vec![];
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let bad = raw_attrs(e.attributes_raw()).find(|(key, value)| {
                    let local = key.rsplit(':').next().unwrap_or(key);
                    matches!(local, "r" | "ref") && overflows(value.as_bytes())
                });
                if let Some((_, value)) = bad {
                    return Some(value.to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// The `key="value"` pairs of an element's attribute text, split as
/// calamine splits them (its `attrs.rs`): more leniently than quick-xml's
/// attribute parser, which stops at a duplicate or at two attributes with
/// no space between them, where calamine reads on. Ends at the first pair
/// calamine would fail on.
fn raw_attrs(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let (key, after) = rest.trim_start().split_once('=')?;
        let after = after.trim_start();
        let quote = after.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let body = &after[1..];
        let (value, tail) = body.split_once(quote).unwrap_or((body, ""));
        rest = tail;
        Some((key.trim_end(), value))
    })
}

/// Whether any cell of a reference or range (`A1`, `A1:D9`) has more
/// letters, then more digits, than a `u32` holds as calamine counts them.
pub(crate) fn overflows(value: &[u8]) -> bool {
    value.split(|b| *b == b':').any(|cell| {
        let letters = cell.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let digits = cell[letters..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        letters > MAX_LETTERS || digits > MAX_DIGITS
    })
}

#[cfg(test)]
mod tests {
    use super::overflows;

    #[test]
    fn references_of_real_sheets_pass() {
        for r in [
            "A1",
            "XFD1048576",
            "A1:XFD1048576",
            "ZZZZZZ999999999",
            "",
            "$A$1",
        ] {
            assert!(!overflows(r.as_bytes()), "{r}");
        }
    }

    #[test]
    fn references_calamine_cannot_add_up_are_caught() {
        for r in ["Cpreview1", "AAAAAAA1", "A1234567890", "A1:AAAAAAAA2"] {
            assert!(overflows(r.as_bytes()), "{r}");
        }
    }

    /// quick-xml stops at a duplicate or an unspaced attribute; calamine,
    /// and so this check, reads every pair (found by the xlsx target).
    #[test]
    fn attributes_are_split_as_calamine_splits_them() {
        let pairs: Vec<_> =
            super::raw_attrs(r#" r="A1" t="s"r="inlineStr" x:ref = 'B2' bad"#).collect();
        assert_eq!(
            pairs,
            [("r", "A1"), ("t", "s"), ("r", "inlineStr"), ("x:ref", "B2")]
        );
    }
}
