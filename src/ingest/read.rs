//! Reading exports: the entry points of the ingest stage. Each export is
//! opened once as a stream (`input`) and sniffed (encoding, delimiter or
//! workbook); its first records go to platform detection, then the rest
//! streams through `assemble`. Rows set aside (unfinished, test, empty)
//! are only counted; the others wait in `finish` for times and duplicates.

use super::accounting::{count_aside, set_aside};
use super::assemble::{Pending, assemble, ragged};
use super::candidates::Candidates;
use super::columns::{Placed, classify, column_infos};
use super::decode::{self, Opened};
use super::detect::{SAMPLE_ROWS, detect, refine};
use super::dialect::open_csv;
use super::finish::finish;
use super::input::{StreamFault, stream_error};
use super::limits::{MAX_HEADER_CHARS, MAX_ROWS, quote};
use super::platforms::spec;
use super::position;
use super::records::{Record, RecordError, Records, is_blank};
use super::timestamps::OrderTally;
use super::transcode::DecodeStats;
use super::*;
use std::path::Path;
use std::rc::Rc;

/// One file read, before accounting.
pub(crate) struct FileRead {
    pub info: SourceInfo,
    /// Rows that may be used (none set aside).
    pub pending: Vec<Pending>,
    /// Rows set aside as they were read, counted.
    pub aside: Accounting,
    pub warnings: Vec<Warning>,
    pub has_questions: bool,
    pub day_first: bool,
    /// The slash-date order seen in all rows' submission times.
    pub order: OrderTally,
    pub timestamp_header: Option<String>,
}

/// Reads several exports of one survey; duplicates are found across them.
pub fn read_exports(
    paths: &[PathBuf],
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<Survey, IngestError> {
    // Opened one at a time: opening a FIFO waits for its writer.
    let mut files = vec![];
    for p in paths {
        files.push(read_checked(Input::open(p)?, rules, opts)?);
    }
    check_usable(finish(files))
}

/// Reads several opened exports (files, standard input, any reader).
pub fn read_inputs(
    inputs: Vec<Input>,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<Survey, IngestError> {
    let files = inputs
        .into_iter()
        .map(|i| read_checked(i, rules, opts))
        .collect::<Result<Vec<_>, _>>()?;
    check_usable(finish(files))
}

/// Reads one export.
pub fn read_export(
    path: &Path,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<(SourceInfo, Vec<Response>, Vec<Warning>), IngestError> {
    let survey = read_exports(&[path.to_path_buf()], rules, opts)?;
    let info = survey.sources.into_iter().next().expect("one source");
    Ok((info, survey.responses, survey.warnings))
}

fn read_checked(
    input: Input,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    let f = read_file(input, rules, opts)?;
    require_questions(&f)?;
    require_responses(&f)?;
    Ok(f)
}

fn require_questions(f: &FileRead) -> Result<(), IngestError> {
    if f.has_questions {
        return Ok(());
    }
    let headers: Vec<String> = f
        .info
        .columns
        .iter()
        .filter(|c| !c.header.is_empty())
        .take(12)
        .map(|c| format!("\"{}\"", c.header.chars().take(50).collect::<String>()))
        .collect();
    Err(IngestError::NoQuestions {
        path: f.info.path.clone(),
        headers: headers.join(", "),
    })
}

/// A header with no rows, or rows that answer nothing, is no survey: a
/// report of it would be an "undated briefing" of 0 respondents.
fn require_responses(f: &FileRead) -> Result<(), IngestError> {
    let rows = f.aside.rows + f.pending.len();
    let what = if rows == 0 {
        "the export holds a header but no responses".to_string()
    } else if f.aside.empty == rows {
        format!("none of its {rows} rows answers any of the survey's questions")
    } else {
        return Ok(());
    };
    Err(IngestError::NoResponses {
        path: f.info.path.clone(),
        what,
    })
}

/// After accounting: at least one response must be left to report on.
fn check_usable(survey: Survey) -> Result<Survey, IngestError> {
    if !survey.responses.is_empty() {
        return Ok(survey);
    }
    let a = survey.accounting;
    let mut parts = vec![];
    if a.incomplete > 0 {
        parts.push(format!(
            "{} not finished (add --include-incomplete to keep them)",
            a.incomplete
        ));
    }
    if a.test > 0 {
        parts.push(format!(
            "{} preview or test responses (add --include-tests to keep them)",
            a.test
        ));
    }
    if a.empty > 0 {
        parts.push(format!("{} with no answer", a.empty));
    }
    Err(IngestError::NoUsable {
        path: survey
            .sources
            .first()
            .map(|s| s.path.clone())
            .unwrap_or_default(),
        what: format!("of {} rows, {}", a.rows, parts.join(", ")),
    })
}

/// At most this many ragged-row warnings per file; the rest are summed up.
const RAGGED_SHOWN: usize = 20;

/// Reads, classifies and assembles one export.
pub(crate) fn read_file(
    input: Input,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    let (path, opened) = decode::open(input, opts.max_input_bytes)?;
    let file = path.display().to_string();
    let (mut src, delimiter, stats) = match opened {
        Opened::Text { reader, stats } => {
            let (d, records) = open_csv(reader, &path)?;
            (Source::new(records, &path), Some(d), Some(stats))
        }
        Opened::Workbook(bytes) => {
            let records = xlsx::open_workbook(bytes, &path)?;
            (Source::new(records, &path), None, None)
        }
    };
    let mut head = read_head(&mut src)?;
    // Headers are matched, shown and written to the snapshot; no question
    // runs to this length, and a huge cell must not be copied around.
    let cells: Vec<Vec<String>> = head
        .iter()
        .map(|r| r.cells.iter().map(|c| cut(c, MAX_HEADER_CHARS)).collect())
        .collect();
    let mut layout = detect(&cells, opts.platform);
    let width = cells[layout.header_rows - 1].len();
    src.header = cells[layout.header_rows - 1].clone();
    while head.len() < layout.header_rows + SAMPLE_ROWS {
        match src.next()? {
            Some(r) => head.push(r),
            None => break,
        }
    }
    let sample: Vec<Vec<String>> = head[layout.header_rows..]
        .iter()
        .map(|r| r.cells.clone())
        .collect();
    if spec(layout.platform).refine.is_some() {
        layout = refine(layout, &sample);
    }
    let mut placed = classify(&layout, rules);
    position::infer(&mut placed, &sample);
    drop(sample);
    let has_questions = placed.iter().any(|p| p.role == Role::Question);
    let mut candidates = Candidates::new(&placed);
    let mut pending = vec![];
    let mut aside = Accounting::default();
    let mut order = OrderTally::default();
    let mut warnings = vec![];
    let mut ragged_rows = 0usize;
    let mut rows = 0usize;
    let mut queue = head.into_iter().skip(layout.header_rows);
    while let Some(rec) = match queue.next() {
        Some(r) => Some(r),
        None => src.next()?,
    } {
        if is_blank(&rec) && rec.cells.len() <= 1 {
            continue;
        }
        rows += 1;
        if rows > MAX_ROWS {
            return Err(IngestError::TooBig {
                path,
                what: format!("it has more than {MAX_ROWS} rows of responses"),
            });
        }
        if let Some(w) = ragged(&rec, width, &file) {
            ragged_rows += 1;
            if ragged_rows <= RAGGED_SHOWN {
                warnings.push(w);
            }
        }
        let mut p = assemble(&rec, rows, &placed, &layout);
        if let Some(t) = &p.submitted_raw {
            order.observe(t);
        }
        candidates.observe(&rec, layout.placeholders, &mut p);
        match set_aside(&p, has_questions, opts) {
            Some(fate) => count_aside(&mut aside, fate),
            None => pending.push(p),
        }
    }
    candidates.finish(&mut placed, &mut pending);
    if ragged_rows > RAGGED_SHOWN {
        warnings.push(Warning {
            file: file.clone(),
            line: None,
            column: None,
            message: format!(
                "{} more rows have a different number of fields than the header",
                ragged_rows - RAGGED_SHOWN
            ),
        });
    }
    let encoding = match &stats {
        Some(s) => {
            damage_warning(s, &file, &mut warnings);
            s.encoding.get()
        }
        None => TextEncoding::Utf8,
    };
    let info = SourceInfo {
        path,
        platform: layout.platform,
        encoding,
        delimiter,
        header_rows: layout.header_rows,
        columns: column_infos(&placed),
        accounting: Accounting::default(),
    };
    Ok(FileRead {
        has_questions,
        timestamp_header: timestamp_header(&placed),
        info,
        pending,
        aside,
        warnings,
        day_first: layout.day_first,
        order,
    })
}

/// Bytes that did not decode, as the first warning of the file.
fn damage_warning(stats: &Rc<DecodeStats>, file: &str, warnings: &mut Vec<Warning>) {
    let damaged = stats.invalid.get();
    if damaged == 0 {
        return;
    }
    let enc = stats.encoding.get().as_str().to_uppercase();
    warnings.insert(
        0,
        Warning {
            file: file.to_string(),
            line: None,
            column: None,
            message: format!(
                "{damaged} byte(s) are not valid {enc} and show as \u{FFFD}; the rest of the file is {enc}"
            ),
        },
    );
}

/// The first (up to three) records, leading blank lines skipped.
fn read_head(src: &mut Source<'_>) -> Result<Vec<Record>, IngestError> {
    let mut head = vec![];
    while head.len() < 3 {
        match src.next()? {
            Some(rec) if is_blank(&rec) && head.is_empty() => continue,
            Some(rec) => head.push(rec),
            None => break,
        }
    }
    if head.is_empty() {
        return Err(IngestError::Empty {
            path: src.path.to_path_buf(),
        });
    }
    Ok(head)
}

/// Records with their errors worded for a person: the header, once known,
/// names the column where a broken quote opened.
struct Source<'p> {
    records: Records,
    path: &'p Path,
    header: Vec<String>,
}

impl<'p> Source<'p> {
    fn new(records: Records, path: &'p Path) -> Self {
        Source {
            records,
            path,
            header: vec![],
        }
    }

    fn next(&mut self) -> Result<Option<Record>, IngestError> {
        let path = self.path.to_path_buf();
        let fault = match self.records.next_record() {
            None => return Ok(None),
            Some(Ok(r)) => return Ok(Some(r)),
            Some(Err(RecordError::Io(e))) => return Err(stream_error(&path, e)),
            Some(Err(RecordError::Malformed { line, message })) => {
                return Err(IngestError::Malformed {
                    path,
                    line,
                    message: format!(
                        "{message}. Open the file in a spreadsheet, check this row, and save it again as CSV UTF-8."
                    ),
                });
            }
            Some(Err(RecordError::Fault(f))) => f,
        };
        Err(match fault {
            StreamFault::TooLarge { limit } => IngestError::TooLarge {
                path,
                limit_mb: limit >> 20,
            },
            StreamFault::TooManyFields { line, limit } => IngestError::Malformed {
                path,
                line,
                message: format!(
                    "this row has more than {limit} fields, more than any spreadsheet holds. Check that this is a survey export."
                ),
            },
            StreamFault::UnclosedQuote { line, field } => IngestError::Malformed {
                path,
                line,
                message: format!(
                    "column {}{}: a quote opens a cell here and is never closed, so the lines after it would be read into this one cell. Add the missing closing quote (or remove the stray one) in a text editor, then save the file again.",
                    field + 1,
                    self.header
                        .get(field)
                        .filter(|h| !h.is_empty())
                        .map(|h| format!(" (\"{}\")", quote(h)))
                        .unwrap_or_default()
                ),
            },
        })
    }
}

/// The first `max` characters of `s`.
/// A header cut to `max` characters, at the last word boundary: a word cut
/// in half ("during" -> "dur") would read as another word (French "durée").
pub(super) fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, c)) => {
            let head = &s[..at];
            if !c.is_alphanumeric() {
                return head.to_string();
            }
            match head.rfind(|ch: char| !ch.is_alphanumeric()) {
                Some(b) => head[..b].trim_end().to_string(),
                None => head.to_string(),
            }
        }
        None => s.to_string(),
    }
}

fn timestamp_header(placed: &[Placed]) -> Option<String> {
    placed
        .iter()
        .find(|p| p.role == Role::Timestamp)
        .map(|p| p.field.text.clone())
}

#[cfg(test)]
mod cut_tests {
    use super::cut;

    #[test]
    fn a_long_header_is_cut_at_a_word_boundary() {
        assert_eq!(cut("data collected during", 17), "data collected");
        assert_eq!(cut("data collected during", 15), "data collected");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("abcdef", 3), "abc");
    }
}
