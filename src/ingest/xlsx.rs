//! Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods): Microsoft Forms and
//! Qualtrics users often have only those. The first sheet with data is read
//! and its rows handed to the same detection as a CSV; date cells become
//! ISO text. An .xlsx or .xlsb sheet is read cell by cell, so a stray cell
//! at XFD1048576 costs one padded row, not the whole grid; the parts of the
//! ZIP are checked against size limits before any is unpacked (see
//! `zipcheck`), and the text and cells taken from a sheet are capped too.

use super::IngestError;
use super::limits::{
    MAX_FIELDS, MAX_ROWS, MAX_WORKBOOK_CELLS, MAX_WORKBOOK_GRID, MAX_WORKBOOK_TEXT,
};
use super::records::{Record, Records, clean};
use super::zipcheck::{self, Format};
use calamine::{Data, DataRef, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};
use chrono::{NaiveDate, TimeDelta};
use std::io::Cursor;
use std::path::Path;

/// Reads the first non-empty sheet of a workbook held in memory.
pub(crate) fn open_workbook(bytes: Vec<u8>, path: &Path) -> Result<Records, IngestError> {
    let format = zipcheck::check(&bytes, path)?;
    let data = Cursor::new(bytes);
    let rows = match format {
        Format::Xlsx => {
            let mut book: Xlsx<_> = open_workbook_from_rs(data).map_err(|e| unreadable(path, e))?;
            first_sheet(&mut Sparse::new(path), book.sheet_names(), |name, s| {
                let mut cells = book
                    .worksheet_cells_reader(name)
                    .map_err(|e| unreadable(path, e))?;
                while let Some(c) = cells.next_cell().map_err(|e| unreadable(path, e))? {
                    s.push(c.get_position(), ref_text(c.get_value()))?;
                }
                Ok(())
            })?
        }
        Format::Xlsb => {
            let mut book: Xlsb<_> = open_workbook_from_rs(data).map_err(|e| unreadable(path, e))?;
            first_sheet(&mut Sparse::new(path), book.sheet_names(), |name, s| {
                let mut cells = book
                    .worksheet_cells_reader(name)
                    .map_err(|e| unreadable(path, e))?;
                while let Some(c) = cells.next_cell().map_err(|e| unreadable(path, e))? {
                    s.push(c.get_position(), ref_text(c.get_value()))?;
                }
                Ok(())
            })?
        }
        // The .xls and .ods readers build the grid themselves; .xls is
        // bounded by its format (65,536 x 256), .ods by `zipcheck`.
        Format::Xls => {
            let mut book: Xls<_> = open_workbook_from_rs(data).map_err(|e| unreadable(path, e))?;
            let names = book.sheet_names();
            dense_first_sheet(path, names, |n| {
                book.worksheet_range(n).map_err(|e| unreadable(path, e))
            })?
        }
        Format::Ods => {
            let mut book: calamine::Ods<_> =
                open_workbook_from_rs(data).map_err(|e| unreadable(path, e))?;
            let names = book.sheet_names();
            dense_first_sheet(path, names, |n| {
                book.worksheet_range(n).map_err(|e| unreadable(path, e))
            })?
        }
    };
    match rows {
        Some(rows) => Ok(Records::Rows(rows.into_iter())),
        None => Err(IngestError::Empty {
            path: path.to_path_buf(),
        }),
    }
}

fn unreadable(path: &Path, e: impl std::fmt::Display) -> IngestError {
    IngestError::NotText {
        path: path.to_path_buf(),
        what: format!("a workbook that could not be opened ({e})"),
        advice: "Open it in Excel and save it again as .xlsx, or as CSV UTF-8.".into(),
    }
}

/// Reads sheets in order with `read` until one has a non-empty cell.
fn first_sheet(
    sparse: &mut Sparse<'_>,
    names: Vec<String>,
    mut read: impl FnMut(&str, &mut Sparse<'_>) -> Result<(), IngestError>,
) -> Result<Option<Vec<Record>>, IngestError> {
    for name in names {
        read(&name, sparse)?;
        if !sparse.cells.is_empty() {
            return Ok(Some(sparse.rows()?));
        }
    }
    Ok(None)
}

fn dense_first_sheet(
    path: &Path,
    names: Vec<String>,
    mut range: impl FnMut(&str) -> Result<calamine::Range<Data>, IngestError>,
) -> Result<Option<Vec<Record>>, IngestError> {
    for name in names {
        let r = range(&name)?;
        let mut sparse = Sparse::new(path);
        for (row, col, cell) in r.used_cells() {
            let (r0, c0) = r.start().unwrap_or((0, 0));
            sparse.push((r0 + row as u32, c0 + col as u32), data_text(cell))?;
        }
        if !sparse.cells.is_empty() {
            return Ok(Some(sparse.rows()?));
        }
    }
    Ok(None)
}

/// The non-empty cells of a sheet, within the budgets.
struct Sparse<'p> {
    path: &'p Path,
    cells: Vec<(u32, u32, String)>,
    text: usize,
}

impl<'p> Sparse<'p> {
    fn new(path: &'p Path) -> Self {
        Sparse {
            path,
            cells: vec![],
            text: 0,
        }
    }

    fn push(&mut self, (row, col): (u32, u32), text: String) -> Result<(), IngestError> {
        if text.is_empty() {
            return Ok(());
        }
        // Sheets end at XFD, as a CSV row ends at MAX_FIELDS: a filled cell
        // past it (only in a forged file) made a header row that wide,
        // which detection reads for every platform; the xlsx fuzz target
        // found a 2 KB file with a cell at "FyouF4" that took 13 s.
        if col as usize >= MAX_FIELDS {
            return Err(IngestError::TooBig {
                path: self.path.to_path_buf(),
                what: format!(
                    "its sheet has a filled cell in column {}, past XFD ({MAX_FIELDS}), the last column a sheet has",
                    col as u64 + 1
                ),
            });
        }
        self.text += text.len();
        if self.cells.len() >= MAX_WORKBOOK_CELLS || self.text > MAX_WORKBOOK_TEXT {
            return Err(IngestError::TooBig {
                path: self.path.to_path_buf(),
                what: format!(
                    "its sheet holds more than {} filled cells or {} MB of text",
                    MAX_WORKBOOK_CELLS,
                    MAX_WORKBOOK_TEXT >> 20
                ),
            });
        }
        self.cells.push((row, col, text));
        Ok(())
    }

    /// One record per row that has a filled cell, each as wide as its last
    /// filled cell (counted from the sheet's first used column), but never
    /// more than one past the widest header row: cells beyond the header
    /// are not read anyway, and a stray far cell must not widen every row.
    fn rows(&mut self) -> Result<Vec<Record>, IngestError> {
        let mut cells = std::mem::take(&mut self.cells);
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        let first_col = cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
        let mut widths: Vec<(u32, usize)> = vec![];
        for (r, c, _) in &cells {
            let w = (c - first_col) as usize + 1;
            match widths.last_mut() {
                Some((row, width)) if row == r => *width = (*width).max(w),
                _ => widths.push((*r, w)),
            }
        }
        let header = widths.iter().take(3).map(|(_, w)| *w).max().unwrap_or(0);
        let padded: usize = widths.iter().map(|(_, w)| (*w).min(header + 1)).sum();
        if widths.len() > MAX_ROWS + 3 || padded > MAX_WORKBOOK_GRID {
            return Err(IngestError::TooBig {
                path: self.path.to_path_buf(),
                what: format!(
                    "its sheet has {} rows making {} cells; frontline reads at most {} rows and {} cells",
                    widths.len(),
                    padded,
                    MAX_ROWS,
                    MAX_WORKBOOK_GRID
                ),
            });
        }
        let mut rows: Vec<Record> = Vec::with_capacity(widths.len());
        for (r, c, text) in cells {
            let line = r as usize + 1;
            let at = (c - first_col) as usize;
            if rows.last().is_none_or(|last| last.line != line) {
                rows.push(Record {
                    line,
                    cells: vec![],
                });
            }
            if at > header {
                continue;
            }
            let rec = rows.last_mut().expect("pushed");
            if rec.cells.len() <= at {
                rec.cells.resize(at + 1, String::new());
            }
            rec.cells[at] = text;
        }
        Ok(rows)
    }
}

fn ref_text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::DateTime(dt) => serial_to_text(dt.as_f64()),
        DataRef::Float(f) => float_text(*f),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => clean(s),
        DataRef::SharedString(s) => clean(s),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

fn data_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(dt) => serial_to_text(dt.as_f64()),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => bool_text(*b),
        Data::Error(_) => String::new(),
        other => clean(&other.to_string()),
    }
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else if f.abs() >= 1e15 {
        format!("{f:e}")
    } else {
        f.to_string()
    }
}

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.into()
}

/// Excel's serial date (days since 1899-12-30, fraction = time of day); a
/// serial no calendar holds (441234567890, NaN) stays a number.
fn serial_to_text(serial: f64) -> String {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid base date");
    let secs = serial * 86_400.0;
    let dt = (secs.is_finite() && secs.abs() < 1e15)
        .then(|| TimeDelta::try_seconds(secs.round() as i64))
        .flatten()
        .and_then(|d| base.checked_add_signed(d));
    match dt {
        Some(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
        None => float_text(serial),
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

    #[test]
    fn serials_past_any_calendar_stay_numbers() {
        assert_eq!(serial_to_text(441_234_567_890.0), "441234567890");
        assert_eq!(serial_to_text(-1e300), "-1e300");
        assert_eq!(serial_to_text(441_234_567_890.5), "441234567890.5");
        assert_eq!(serial_to_text(f64::NAN), "NaN");
        assert_eq!(serial_to_text(f64::INFINITY), "inf");
    }

    #[test]
    fn a_far_stray_cell_makes_one_padded_row() {
        let p = Path::new("x.xlsx");
        let mut s = Sparse::new(p);
        s.push((0, 0), "Objections".into()).unwrap();
        s.push((1, 0), "Price".into()).unwrap();
        s.push((2, 0), "Timing".into()).unwrap();
        s.push((1_048_575, 16_383), "x".into()).unwrap();
        let rows = s.rows().unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[3].line, 1_048_576);
        // The stray cell lies past the header, so the row stays empty.
        assert!(rows[3].cells.is_empty());
        assert_eq!(rows[0].cells, vec!["Objections".to_string()]);
        let mut s = Sparse::new(p);
        for r in 0..3 {
            s.push((r, 16_383), "x".into()).unwrap();
        }
        assert_eq!(s.rows().unwrap()[2].cells.len(), 1);
    }
}
