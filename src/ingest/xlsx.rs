//! Workbooks (.xlsx, .xls, .ods): Microsoft Forms and Qualtrics users often
//! have only those. The first sheet with data is read with calamine and its
//! rows handed to the same detection as a CSV; date cells become ISO text.

use super::IngestError;
use super::records::{Record, Records, clean};
use calamine::{Data, Reader, open_workbook_auto_from_rs};
use chrono::{Duration, NaiveDate};
use std::io::Cursor;
use std::path::Path;

/// Reads the first non-empty sheet of a workbook held in memory.
pub(crate) fn open_workbook(bytes: Vec<u8>, path: &Path) -> Result<Records, IngestError> {
    let unreadable = |e: String| IngestError::NotText {
        path: path.to_path_buf(),
        what: format!("a workbook that could not be opened ({e})"),
        advice: "Open it in Excel and save it again as .xlsx, or as CSV UTF-8.".into(),
    };
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(e.to_string()))?;
        if range.is_empty() {
            continue;
        }
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let rows: Vec<Record> = range
            .rows()
            .enumerate()
            .map(|(i, row)| Record {
                line: first_row + i + 1,
                cells: row.iter().map(cell_text).collect(),
            })
            // Formatted but empty rows are not rows of the export.
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
            .collect();
        return Ok(Records::Rows(rows.into_iter()));
    }
    Err(IngestError::Empty {
        path: path.to_path_buf(),
    })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(dt) => serial_to_text(dt.as_f64()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::Error(_) => String::new(),
        other => clean(&other.to_string()),
    }
}

/// Excel's serial date (days since 1899-12-30, fraction = time of day).
fn serial_to_text(serial: f64) -> String {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid base date");
    let secs = (serial * 86_400.0).round() as i64;
    match base.checked_add_signed(Duration::seconds(secs)) {
        Some(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
        None => serial.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_dates() {
        assert_eq!(serial_to_text(45000.5), "2023-03-15 12:00:00");
        assert_eq!(serial_to_text(1.0), "1899-12-31 00:00:00");
    }
}
