//! Reading files: the entry points of the ingest stage. Each file is
//! sniffed (encoding, delimiter or workbook), its first records go to
//! platform detection, then the rest streams through `assemble`; times are
//! parsed per column once all values are seen, and rows are accounted for
//! across all files together.

use super::accounting::{self, Fate, Row};
use super::assemble::{Pending, assemble, ragged};
use super::candidates::Candidates;
use super::columns::{Placed, classify, column_infos};
use super::decode::{FileKind, sniff};
use super::detect::{SAMPLE_ROWS, detect, refine};
use super::dialect::open_csv;
use super::platforms::spec;
use super::records::{Records, is_blank};
use super::timestamps::{self, Order};
use super::*;
use std::path::Path;

/// One file read, before accounting.
pub(crate) struct FileRead {
    pub info: SourceInfo,
    pub pending: Vec<Pending>,
    pub warnings: Vec<Warning>,
    pub has_questions: bool,
    pub day_first: bool,
    pub timestamp_header: Option<String>,
}

/// Reads several exports of one survey; duplicates are found across them.
pub fn read_exports(
    paths: &[PathBuf],
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<Survey, IngestError> {
    let mut files = vec![];
    for p in paths {
        let f = read_file(p, rules, opts)?;
        require_questions(&f)?;
        files.push(f);
    }
    Ok(finish(files, opts))
}

/// Reads one export.
pub fn read_export(
    path: &Path,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<(SourceInfo, Vec<Response>, Vec<Warning>), IngestError> {
    let f = read_file(path, rules, opts)?;
    require_questions(&f)?;
    let survey = finish(vec![f], opts);
    let info = survey.sources.into_iter().next().expect("one source");
    Ok((info, survey.responses, survey.warnings))
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

/// At most this many ragged-row warnings per file; the rest are summed up.
const RAGGED_SHOWN: usize = 20;

/// Reads, classifies and assembles one file.
pub(crate) fn read_file(
    path: &Path,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<FileRead, IngestError> {
    let file = path.display().to_string();
    let (encoding, delimiter, mut records, mut warnings) = open(path, &file)?;
    let mut head = read_head(&mut records, path)?;
    let cells: Vec<Vec<String>> = head.iter().map(|r| r.cells.clone()).collect();
    let layout = detect(&cells, opts.platform);
    let width = cells[layout.header_rows - 1].len();
    let mut layout = layout;
    if spec(layout.platform).refine.is_some() {
        while head.len() < layout.header_rows + SAMPLE_ROWS {
            match next(&mut records, path)? {
                Some(r) => head.push(r),
                None => break,
            }
        }
        let sample: Vec<Vec<String>> = head[layout.header_rows..]
            .iter()
            .map(|r| r.cells.clone())
            .collect();
        layout = refine(layout, &sample);
    }
    let mut placed = classify(&layout, rules);
    let mut candidates = Candidates::new(&placed);
    let mut pending = vec![];
    let mut ragged_rows = 0usize;
    let mut queue = head.into_iter().skip(layout.header_rows);
    while let Some(rec) = match queue.next() {
        Some(r) => Some(r),
        None => next(&mut records, path)?,
    } {
        if is_blank(&rec) && rec.cells.len() <= 1 {
            continue;
        }
        if let Some(w) = ragged(&rec, width, &file) {
            ragged_rows += 1;
            if ragged_rows <= RAGGED_SHOWN {
                warnings.push(w);
            }
        }
        let mut p = assemble(&rec, pending.len() + 1, &placed, &layout);
        candidates.observe(&rec, layout.placeholders, &mut p);
        pending.push(p);
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
    let info = SourceInfo {
        path: path.to_path_buf(),
        platform: layout.platform,
        encoding,
        delimiter,
        header_rows: layout.header_rows,
        columns: column_infos(&placed),
        accounting: Accounting::default(),
    };
    Ok(FileRead {
        has_questions: placed.iter().any(|p| p.role == Role::Question),
        timestamp_header: timestamp_header(&placed),
        info,
        pending,
        warnings,
        day_first: layout.day_first,
    })
}

type Opened = (TextEncoding, Option<char>, Records, Vec<Warning>);

/// Sniffs the file and opens its records.
fn open(path: &Path, file: &str) -> Result<Opened, IngestError> {
    match sniff(path)? {
        FileKind::Text(enc, damaged) => {
            let mut warnings = vec![];
            if damaged > 0 {
                warnings.push(Warning {
                    file: file.to_string(),
                    line: None,
                    column: None,
                    message: format!(
                        "{damaged} byte(s) are not valid UTF-8 and show as \u{FFFD}; the rest of the file is UTF-8"
                    ),
                });
            }
            let (d, r) = open_csv(path, enc)?;
            Ok((enc, Some(d), r, warnings))
        }
        FileKind::Workbook => Ok((TextEncoding::Utf8, None, xlsx::open_workbook(path)?, vec![])),
    }
}

/// The first (up to three) records, leading blank lines skipped.
fn read_head(records: &mut Records, path: &Path) -> Result<Vec<records::Record>, IngestError> {
    let mut head = vec![];
    while head.len() < 3 {
        match next(records, path)? {
            Some(rec) if is_blank(&rec) && head.is_empty() => continue,
            Some(rec) => head.push(rec),
            None => break,
        }
    }
    if head.is_empty() {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(head)
}

fn next(records: &mut Records, path: &Path) -> Result<Option<records::Record>, IngestError> {
    match records.next_record() {
        None => Ok(None),
        Some(Ok(r)) => Ok(Some(r)),
        Some(Err((line, message))) => Err(IngestError::Malformed {
            path: path.to_path_buf(),
            line,
            message: format!(
                "{message}. Open the file in a spreadsheet, check this row, and save it again as CSV UTF-8."
            ),
        }),
    }
}

fn timestamp_header(placed: &[Placed]) -> Option<String> {
    placed
        .iter()
        .find(|p| p.role == Role::Timestamp)
        .map(|p| p.field.text.clone())
}

/// Parses times, accounts for every row across files, builds the survey.
pub(crate) fn finish(files: Vec<FileRead>, opts: &ReadOptions) -> Survey {
    let mut rows: Vec<Row> = vec![];
    let mut warnings = vec![];
    let mut sources = vec![];
    let mut has_questions = vec![];
    for (source, f) in files.into_iter().enumerate() {
        let hint = if f.day_first {
            Order::DayFirst
        } else {
            Order::MonthFirst
        };
        let order = timestamps::column_order(
            f.pending.iter().filter_map(|p| p.submitted_raw.as_deref()),
            hint,
        );
        let file = f.info.path.display().to_string();
        warnings.extend(f.warnings);
        for p in f.pending {
            let submitted = p.submitted_raw.as_deref().and_then(|raw| {
                let t = timestamps::parse(raw, order);
                if t.is_none() {
                    warnings.push(Warning {
                        file: file.clone(),
                        line: Some(p.line),
                        column: f.timestamp_header.clone(),
                        message: format!("the time \"{raw}\" could not be read; the response is kept without a date"),
                    });
                }
                t
            });
            rows.push(Row {
                source,
                pending: p,
                submitted,
            });
        }
        has_questions.push(f.has_questions);
        sources.push(f.info);
    }
    let fates = accounting::decide(&rows, &has_questions, opts.include_incomplete);
    let counts = accounting::tally(&rows, &fates, sources.len());
    let mut total = Accounting::default();
    for (s, a) in sources.iter_mut().zip(&counts) {
        s.accounting = *a;
        total.add(a);
    }
    let responses = rows
        .into_iter()
        .zip(fates)
        .filter(|(_, f)| *f == Fate::Used)
        .map(|(r, _)| to_response(r))
        .collect();
    Survey {
        sources,
        responses,
        accounting: total,
        warnings,
    }
}

fn to_response(r: Row) -> Response {
    let p = r.pending;
    Response {
        id: p.response_id.unwrap_or_else(|| p.row.to_string()),
        source: r.source,
        row: p.row,
        submitted: r.submitted,
        answers: p.answers,
        segments: p.segments,
        respondent: p.respondent,
    }
}
