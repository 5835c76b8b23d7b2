//! A watch on the decoded text as the CSV reader pulls it through: the same
//! quote rules as the `csv` crate, followed byte by byte, to give each
//! record the line it starts on (a line ends at CR, LF or CRLF, so Excel for
//! Mac's bare CRs and mixed endings count right), to stop a record with
//! more fields than any spreadsheet has, and to catch a quote that opens a
//! cell and is never closed: the file ends inside it, or it runs over a
//! line end and a record's worth of delimiters and is then "closed" in the
//! middle of a cell by the next quote. Both
//! are reported at the line and field where the quote opened. A proper
//! multi-line cell, or a stray quote inside one line, passes.

use super::input::StreamFault;
use super::limits::MAX_FIELDS;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between records: line ends are skipped, as the CSV reader does.
    RecordStart,
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: an escaped `""` or the closing one.
    QuoteSeen,
}

/// What the watch has seen, shared with the record reader.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    /// Start lines of records the CSV reader has not taken yet.
    starts: VecDeque<usize>,
}

impl Lines {
    /// The line the next record starts on.
    pub(crate) fn next_start(&mut self) -> Option<usize> {
        self.starts.pop_front()
    }
}

/// The watching reader.
pub(crate) struct Scan<R> {
    inner: R,
    delim: u8,
    state: State,
    line: usize,
    /// The previous byte was a CR (a following LF ends no second line).
    after_cr: bool,
    field: usize,
    /// Fields of the first record: the width a record should have.
    width: Option<usize>,
    /// Where the current quoted field opened, and whether it ran over a
    /// line end (only then can it swallow records).
    quote: Option<(usize, usize)>,
    quote_spans_lines: bool,
    /// Delimiters inside the current quoted field: as many as a record
    /// holds, over a line end, and the quote has swallowed a record.
    quote_delims: usize,
    /// A quote that ran over line ends and closed mid-cell in this record.
    suspect: Option<(usize, usize)>,
    lines: Rc<RefCell<Lines>>,
    fault: Option<StreamFault>,
    /// A broken quote, reported at the end of the stream: the records
    /// before it (the header among them) are read first, and only the
    /// text after it, at most the rest of the input, piles up in a cell.
    deferred: Option<StreamFault>,
}

impl<R: Read> Scan<R> {
    pub(crate) fn new(inner: R, delim: u8) -> (Self, Rc<RefCell<Lines>>) {
        let lines = Rc::new(RefCell::new(Lines::default()));
        let scan = Scan {
            inner,
            delim,
            state: State::RecordStart,
            line: 1,
            after_cr: false,
            field: 0,
            width: None,
            quote: None,
            quote_spans_lines: false,
            quote_delims: 0,
            suspect: None,
            lines: Rc::clone(&lines),
            fault: None,
            deferred: None,
        };
        (scan, lines)
    }

    fn byte(&mut self, b: u8) -> Result<(), StreamFault> {
        let is_end = b == b'\n' || b == b'\r';
        if is_end {
            if !(b == b'\n' && self.after_cr) {
                self.line += 1;
            }
            self.after_cr = b == b'\r';
        } else {
            self.after_cr = false;
        }
        // The line a line end belongs to is the one before it.
        let here = if is_end { self.line - 1 } else { self.line };
        match self.state {
            State::RecordStart if is_end => {}
            State::RecordStart => {
                self.lines.borrow_mut().starts.push_back(here);
                self.state = State::FieldStart;
                self.field = 0;
                self.suspect = None;
                return self.byte_in_field(b, here);
            }
            State::Quoted => {
                if b == b'"' {
                    self.state = State::QuoteSeen;
                } else if b == self.delim {
                    self.quote_delims += 1;
                } else if is_end {
                    self.quote_spans_lines = true;
                }
            }
            State::QuoteSeen if b == b'"' => self.state = State::Quoted,
            State::QuoteSeen => {
                let ends_field = b == self.delim || is_end;
                let swallowed = self.quote_spans_lines
                    && self
                        .width
                        .is_some_and(|w| w >= 2 && self.quote_delims + 1 >= w);
                if !ends_field && swallowed {
                    self.suspect = self.suspect.or(self.quote);
                }
                self.quote = None;
                self.state = State::Unquoted;
                return self.byte_in_field(b, here);
            }
            _ => return self.byte_in_field(b, here),
        }
        Ok(())
    }

    /// A byte outside quotes.
    fn byte_in_field(&mut self, b: u8, here: usize) -> Result<(), StreamFault> {
        if b == self.delim {
            self.field += 1;
            self.state = State::FieldStart;
            if self.field >= MAX_FIELDS {
                return Err(StreamFault::TooManyFields {
                    line: here,
                    limit: MAX_FIELDS,
                });
            }
        } else if b == b'\n' || b == b'\r' {
            return self.end_record();
        } else if b == b'"' && self.state == State::FieldStart {
            self.state = State::Quoted;
            self.quote = Some((here, self.field));
            self.quote_spans_lines = false;
            self.quote_delims = 0;
        } else {
            self.state = State::Unquoted;
        }
        Ok(())
    }

    fn end_record(&mut self) -> Result<(), StreamFault> {
        self.width.get_or_insert(self.field + 1);
        self.state = State::RecordStart;
        if let Some((line, field)) = self.suspect.take() {
            self.defer(line, field);
        }
        Ok(())
    }

    fn defer(&mut self, line: usize, field: usize) {
        self.deferred
            .get_or_insert(StreamFault::UnclosedQuote { line, field });
    }

    fn at_eof(&mut self) -> Result<(), StreamFault> {
        match self.state {
            State::Quoted if self.quote_spans_lines => {
                let (line, field) = self.quote.unwrap_or((self.line, self.field));
                self.defer(line, field);
            }
            State::RecordStart => {}
            _ => self.end_record()?,
        }
        match self.deferred.take() {
            Some(f) => Err(f),
            None => Ok(()),
        }
    }
}

impl<R: Read> Read for Scan<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(f) = &self.fault {
            return Err(f.clone().into_io());
        }
        let n = self.inner.read(buf)?;
        let result = if n == 0 {
            self.at_eof()
        } else {
            buf[..n].iter().try_for_each(|&b| self.byte(b))
        };
        match result {
            Ok(()) => Ok(n),
            Err(f) => {
                self.fault = Some(f.clone());
                Err(f.into_io())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> (Vec<usize>, Option<StreamFault>) {
        let (mut s, lines) = Scan::new(text.as_bytes(), b',');
        let mut out = vec![];
        let fault = s
            .read_to_end(&mut out)
            .err()
            .and_then(|e| StreamFault::of(&e));
        let starts = lines.borrow().starts.iter().copied().collect();
        (starts, fault)
    }

    #[test]
    fn any_line_end_counts_once() {
        assert_eq!(scan("a,b\r\n1,2\r\n").0, vec![1, 2]);
        assert_eq!(scan("a,b\r1,\"x\ny\"\r2,z\r").0, vec![1, 2, 4]);
        assert_eq!(scan("a,b\n1,2\r3,4\r\n\n5,6").0, vec![1, 2, 3, 5]);
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let text = "a,b,c\n1,\"open,x\n2,y,z\n3,y,z\n";
        assert_eq!(
            scan(text).1,
            Some(StreamFault::UnclosedQuote { line: 2, field: 1 })
        );
        // "Closed" by the next quote, mid-cell, after whole records.
        let text = "a,b,c\n1,\"open,x\n2,y,z\n3,\"q\",z\n";
        assert_eq!(
            scan(text).1,
            Some(StreamFault::UnclosedQuote { line: 2, field: 1 })
        );
    }

    #[test]
    fn proper_quotes_pass() {
        let text = "a,b,c\n1,\"multi\nline, \"\"quoted\"\"\",z\n2,\"x\"y,z\n";
        assert_eq!(scan(text), (vec![1, 2, 4], None));
        // Unescaped quotes inside a multi-line cell swallow no record.
        let sloppy = "a,b,c\n1,\"line one\nline \"two\" end\",z\n";
        assert_eq!(scan(sloppy).1, None);
        // The last cell without its closing quote harms only itself.
        assert_eq!(scan("a,b\n1,\"x").1, None);
    }

    #[test]
    fn too_many_fields_stop() {
        let text = format!("a\n{}\n", ",".repeat(MAX_FIELDS + 5));
        assert!(matches!(
            scan(&text).1,
            Some(StreamFault::TooManyFields { line: 2, .. })
        ));
    }
}
