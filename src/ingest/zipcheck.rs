//! Which kind of workbook a file is, from its bytes (a stream has no
//! extension), and the ZIP checks made before any part is unpacked: every
//! part's declared size against its limit (a 2.4 MB file can declare a
//! 1 GB shared string), and the shared-string count calamine would reserve
//! room for. What is actually unpacked cannot exceed the declared size:
//! the `zip` crate fails a part that inflates past it.

use super::IngestError;
use super::limits::{MAX_OTHER_PART, MAX_SHARED_COUNT, MAX_SHARED_STRINGS, MAX_SHEET};
use std::io::{Cursor, Read};
use std::path::Path;
use zip::ZipArchive;

/// The workbook formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// The format of `bytes`, with every ZIP part checked against its limit.
pub(crate) fn check(bytes: &[u8], path: &Path) -> Result<Format, IngestError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Ok(Format::Xls);
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(path, e))?;
    let mut format = None;
    let mut shared = None;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| unreadable(path, e))?;
        let name = part.name().map_err(|e| unreadable(path, e))?.to_string();
        let lower = name.to_ascii_lowercase();
        let limit = if lower.ends_with("sharedstrings.xml") || lower.ends_with("sharedstrings.bin")
        {
            shared = Some(name.clone());
            MAX_SHARED_STRINGS
        } else if lower.contains("worksheets/") || lower == "content.xml" {
            MAX_SHEET
        } else {
            MAX_OTHER_PART
        };
        if part.size() > limit {
            return Err(IngestError::TooBig {
                path: path.to_path_buf(),
                what: format!(
                    "its part {} unpacks to {} MB, more than the {} MB frontline reads",
                    super::limits::quote(&name),
                    part.size() >> 20,
                    limit >> 20
                ),
            });
        }
        format = format.or(match lower.as_str() {
            "xl/workbook.bin" => Some(Format::Xlsb),
            "xl/workbook.xml" => Some(Format::Xlsx),
            "content.xml" => Some(Format::Ods),
            _ => None,
        });
    }
    let format =
        format.ok_or_else(|| unreadable(path, "a ZIP archive without a workbook inside"))?;
    if format == Format::Xlsx {
        if let Some(name) = &shared {
            check_shared_count(&mut zip, name, path)?;
        }
        super::cellrefs::check(&mut zip, shared.as_deref(), path)?;
    }
    Ok(format)
}

/// calamine reserves room for the `uniqueCount` the shared-strings part
/// declares before reading one; a forged count must not reach it.
fn check_shared_count(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    path: &Path,
) -> Result<(), IngestError> {
    let part = zip.by_name(name).map_err(|e| unreadable(path, e))?;
    let mut head = Vec::with_capacity(4096);
    // Only the start tag matters; a damaged stream is calamine's to report.
    let _ = part.take(4096).read_to_end(&mut head);
    let text = String::from_utf8_lossy(&head);
    let Some(at) = text.find("uniqueCount=\"") else {
        return Ok(());
    };
    let digits: String = text[at + 13..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let count: u64 = digits.parse().unwrap_or(u64::MAX);
    if count > MAX_SHARED_COUNT {
        return Err(IngestError::TooBig {
            path: path.to_path_buf(),
            what: format!(
                "it declares {} shared strings, more than the {} frontline reads",
                super::limits::quote(&digits),
                MAX_SHARED_COUNT
            ),
        });
    }
    Ok(())
}

fn unreadable(path: &Path, e: impl std::fmt::Display) -> IngestError {
    IngestError::NotText {
        path: path.to_path_buf(),
        what: format!("a workbook that could not be opened ({e})"),
        advice: "Open it in Excel and save it again as .xlsx, or as CSV UTF-8.".into(),
    }
}
