//! Records as the rest of the stage sees them: a line number and the cells
//! as text, streamed from a CSV reader or replayed from a workbook sheet.

use super::input::StreamFault;
use super::scan::{Lines, Scan};
use std::cell::RefCell;
use std::io::{self, Read};
use std::rc::Rc;

/// One row of an export.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// 1-based line where the record starts (the row number in a sheet).
    pub line: usize,
    pub cells: Vec<String>,
}

/// Why the next record could not be read.
#[derive(Debug)]
pub(crate) enum RecordError {
    /// The CSV itself is broken at this line.
    Malformed { line: usize, message: String },
    /// The stream was cut or found broken while reading (see `scan`).
    Fault(StreamFault),
    /// The file could not be read.
    Io(io::Error),
}

/// A source of records.
pub(crate) enum Records {
    Csv {
        reader: Box<csv::Reader<Scan<Box<dyn Read>>>>,
        lines: Rc<RefCell<Lines>>,
    },
    Rows(std::vec::IntoIter<Record>),
}

impl Records {
    /// Records end at CR, LF or CRLF outside quotes, whichever the file
    /// uses, even mixed (Excel for Mac ends records with a bare CR and
    /// lines inside a cell with LF); `scan` numbers their lines.
    pub(crate) fn csv(stream: Box<dyn Read>, delim: u8) -> Records {
        let (scan, lines) = Scan::new(stream, delim);
        let rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .terminator(csv::Terminator::CRLF)
            .from_reader(scan);
        Records::Csv {
            reader: Box::new(rdr),
            lines,
        }
    }

    /// The next record.
    pub(crate) fn next_record(&mut self) -> Option<Result<Record, RecordError>> {
        match self {
            Records::Rows(rows) => rows.next().map(Ok),
            Records::Csv { reader, lines } => {
                let mut rec = csv::ByteRecord::new();
                match reader.read_byte_record(&mut rec) {
                    Ok(false) => None,
                    Ok(true) => {
                        let fallback = rec.position().map_or(0, |p| p.line() as usize);
                        let line = lines.borrow_mut().next_start().unwrap_or(fallback);
                        let cells = rec.iter().map(cell_text).collect();
                        Some(Ok(Record { line, cells }))
                    }
                    Err(e) => Some(Err(record_error(e))),
                }
            }
        }
    }
}

fn record_error(e: csv::Error) -> RecordError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => match StreamFault::of(&io) {
            Some(f) => RecordError::Fault(f),
            None => RecordError::Io(io),
        },
        _ => RecordError::Malformed { line, message },
    }
}

/// Cell text with NUL bytes removed (SurveyMonkey pads its legacy
/// sub-header row with them) and surrounding whitespace trimmed.
fn cell_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    clean(&text)
}

pub(crate) fn clean(text: &str) -> String {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    if t.contains('\0') {
        let kept: String = t.chars().filter(|&c| c != '\0').collect();
        kept.trim_matches(|c: char| c.is_whitespace()).to_string()
    } else {
        t.to_string()
    }
}

/// True when a record holds nothing but blanks (a stray empty line).
pub(crate) fn is_blank(rec: &Record) -> bool {
    rec.cells.iter().all(|c| c.is_empty())
}
