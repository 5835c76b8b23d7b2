//! `frontline sample`: realistic survey exports of any size, for the
//! benchmarks and for trying the tool without a survey of one's own.
//!
//! Each row answers the 16 questions of the question bank with texts drawn
//! from the labelled corpus (`corpus`), composed the way reps type them
//! (`answers`), plus four segment columns (product line, business size,
//! vertical, region) and the metadata and respondent columns of one of six
//! platforms (`layouts`). The same seed gives the same bytes: there is no
//! clock and no randomness but the seeded [`rng::Rng`]. Rows are written
//! as they are made, so a million-row export needs no more memory than
//! one row.

pub mod answers;
pub mod corpus;
pub mod layouts;
pub mod rng;

pub use layouts::Layout;

use crate::questions::QuestionId;
use answers::Profile;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rng::Rng;
use std::io::Write;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub responses: u64,
    pub seed: u64,
    pub layout: Layout,
}

/// The segment columns: header and values, with weights (most reps sell
/// the main product to mid-market, and so on).
const SEGMENTS: [(&str, &[(&str, u32)]); 4] = [
    (
        "Which product line do you mainly sell?",
        &[
            ("Analytics Cloud", 5),
            ("Field Service Suite", 3),
            ("Payments Platform", 2),
        ],
    ),
    (
        "Which customer size do you mostly sell to?",
        &[("SMB", 4), ("Mid-market", 4), ("Enterprise", 3)],
    ),
    (
        "Which industry do you mostly sell to?",
        &[
            ("Healthcare", 3),
            ("Financial services", 3),
            ("Manufacturing", 3),
            ("Retail", 2),
            ("Public sector", 2),
            ("Technology", 3),
            ("Logistics", 2),
            ("Education", 1),
        ],
    ),
    (
        "Your region",
        &[("North America", 5), ("EMEA", 4), ("APAC", 2), ("LATAM", 1)],
    ),
];

/// The survey window: September 2026 (one quarter, 2026-Q3).
fn window() -> (NaiveDateTime, i64) {
    let start = NaiveDate::from_ymd_opt(2026, 9, 1)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("a valid date");
    (start, 29 * 24 * 3600)
}

/// The question headers as the layout words them (Google Forms numbers
/// them, as sample-data/ does).
fn question_headers(layout: Layout) -> Vec<String> {
    QuestionId::ALL
        .iter()
        .enumerate()
        .map(|(n, q)| match layout {
            Layout::GoogleForms => format!("{}. {}", n + 1, q.wording()),
            _ => q.wording().to_string(),
        })
        .collect()
}

/// Writes the export to `out`, row by row.
pub fn write(opts: &Options, out: impl Write) -> csv::Result<()> {
    let layout = opts.layout;
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .quote_style(if layout.quote_all() {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(out);
    let segment_headers: Vec<&str> = SEGMENTS.iter().map(|s| s.0).collect();
    for row in layouts::headers(layout, &question_headers(layout), &segment_headers) {
        w.write_record(&row)?;
    }
    let corpus = corpus::corpus();
    let (start, span) = window();
    let step = (span / opts.responses.max(1) as i64).max(1);
    for i in 0..opts.responses {
        let mut r = Rng::for_row(opts.seed, i);
        let offset =
            (i as i64 * span) / opts.responses.max(1) as i64 + r.below(step as usize) as i64;
        let submitted = start + TimeDelta::seconds(offset);
        let started = submitted - TimeDelta::seconds(60 + r.below(1500) as i64);
        let finished = !(layout.marks_incomplete() && r.chance(0.02));
        let segments: Vec<usize> = SEGMENTS
            .iter()
            .map(|(_, values)| r.weighted(&values.iter().map(|v| v.1).collect::<Vec<_>>()))
            .collect();
        let profile = Profile { size: segments[1] };
        // A few submissions carry nothing but the metadata.
        let empty = r.chance(0.002);
        let mut cells: Vec<String> = QuestionId::ALL
            .iter()
            .map(|q| {
                let a = answers::answer(corpus, &mut r, *q, profile);
                if empty || (!finished && *q > QuestionId::SalesProcess) {
                    String::new()
                } else {
                    a
                }
            })
            .collect();
        cells.extend(SEGMENTS.iter().zip(&segments).map(|((_, values), &v)| {
            if empty {
                String::new()
            } else {
                values[v].0.to_string()
            }
        }));
        let meta = layouts::RowMeta {
            index: i,
            submitted,
            started,
            finished,
            rng: &mut r,
        };
        w.write_record(layouts::record(layout, meta, cells))?;
    }
    w.flush()?;
    Ok(())
}

/// The export as a string (for tests and small samples).
pub fn to_string(opts: &Options) -> String {
    let mut buf = Vec::new();
    write(opts, &mut buf).expect("writing to memory cannot fail");
    String::from_utf8(buf).expect("the generator writes UTF-8")
}
