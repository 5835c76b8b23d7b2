//! The files read become one survey: submission times parsed per column
//! (once all of a column's values have been seen, for the day/month
//! order), repeat submissions found across all files, every row counted.

use super::accounting::{self, Fate, Row};
use super::read::FileRead;
use super::timestamps::{self, Order};
use super::*;

/// Parses times, accounts for every row across files, builds the survey.
pub(crate) fn finish(files: Vec<FileRead>) -> Survey {
    let mut rows: Vec<Row> = vec![];
    let mut warnings = vec![];
    let mut sources = vec![];
    let mut aside = vec![];
    for (source, f) in files.into_iter().enumerate() {
        let hint = if f.day_first {
            Order::DayFirst
        } else {
            Order::MonthFirst
        };
        let order = f.order.order(hint);
        let file = f.info.path.display().to_string();
        warnings.extend(f.warnings);
        for p in f.pending {
            let submitted = p.submitted_raw.as_deref().and_then(|raw| {
                let t = timestamps::parse(raw, order);
                if t.is_none() {
                    warnings.push(Warning {
                        file: file.clone(),
                        line: Some(p.line),
                        column: f.timestamp_header.as_deref().map(limits::quote),
                        message: format!(
                            "the time ({}) could not be read; the response is kept without a date",
                            timestamps::shown(raw)
                        ),
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
        aside.push(f.aside);
        sources.push(f.info);
    }
    let fates = accounting::decide(&rows);
    let counts = accounting::tally(&rows, &fates, &aside);
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
