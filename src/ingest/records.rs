//! Records as the rest of the stage sees them: a line number and the cells
//! as text, streamed from a CSV reader or replayed from a workbook sheet.

use std::io::Read;

/// One row of an export.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// 1-based line where the record starts (the row number in a sheet).
    pub line: usize,
    pub cells: Vec<String>,
}

/// A source of records.
pub(crate) enum Records {
    Csv(Box<csv::Reader<Box<dyn Read>>>),
    Rows(std::vec::IntoIter<Record>),
}

impl Records {
    /// Lines end at `\n` (a `\r` before it is trimmed with the cell), so
    /// that record positions give true line numbers in CRLF files too; a
    /// file with bare `\r` line ends (old Mac Excel) ends lines there.
    pub(crate) fn csv(stream: Box<dyn Read>, delim: u8, bare_cr: bool) -> Records {
        let end = if bare_cr { b'\r' } else { b'\n' };
        let rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .terminator(csv::Terminator::Any(end))
            .from_reader(stream);
        Records::Csv(Box::new(rdr))
    }

    /// The next record; `Err` carries the line and a plain message.
    pub(crate) fn next_record(&mut self) -> Option<Result<Record, (usize, String)>> {
        match self {
            Records::Rows(rows) => rows.next().map(Ok),
            Records::Csv(rdr) => {
                let mut rec = csv::ByteRecord::new();
                match rdr.read_byte_record(&mut rec) {
                    Ok(false) => None,
                    Ok(true) => {
                        let line = rec.position().map_or(0, |p| p.line() as usize);
                        let cells = rec.iter().map(cell_text).collect();
                        Some(Ok(Record { line, cells }))
                    }
                    Err(e) => {
                        let line = e.position().map_or(0, |p| p.line() as usize);
                        Some(Err((line, e.to_string())))
                    }
                }
            }
        }
    }
}

/// Cell text with NUL bytes removed (SurveyMonkey pads its legacy
/// sub-header row with them) and surrounding whitespace trimmed.
fn cell_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    clean(&text)
}

pub(crate) fn clean(text: &str) -> String {
    let t: String = if text.contains('\0') {
        text.chars().filter(|&c| c != '\0').collect()
    } else {
        text.to_string()
    };
    t.trim_matches(|c: char| c.is_whitespace()).to_string()
}

/// True when a record holds nothing but blanks (a stray empty line).
pub(crate) fn is_blank(rec: &Record) -> bool {
    rec.cells.iter().all(|c| c.is_empty())
}
