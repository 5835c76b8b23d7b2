//! The cycle-length part of a detail section: the median, quartiles and
//! counts of answers with and without a duration, the change since the
//! previous quarter with its test, and each group's typical days for the
//! strip plot.

use super::detail::{Row, row};
use super::format::days;
use super::history::Deltas;
use crate::snapshot::QuestionSummary;
use serde::Serialize;

/// One group's typical days, for the strip plot of cycle lengths.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strip {
    /// "All reps" or the segment value.
    pub label: String,
    /// Each rep's typical days.
    pub values: Vec<f64>,
    /// The group's median days.
    pub median: f64,
}

/// Cycle-length figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Durations {
    /// The median of the reps' typical days ("82 days (about 2.7 months)").
    pub median: String,
    /// The middle half of the answers ("30 to 183 days").
    pub quartiles: String,
    /// Answers that gave a duration.
    pub parsed: usize,
    /// Answers without one ("it depends").
    pub unparsed: usize,
    /// Answers with an open end ("12+ months").
    pub open_ended: usize,
    /// Reps per duration band.
    pub histogram: Vec<Row>,
    /// Medians of pairs tied to a segment word in the answer: (word, "30 days
    /// (4 answers)").
    pub by_word: Vec<(String, String)>,
    /// The previous quarter's median and the test, when known.
    pub previous: String,
}

pub(super) fn durations(d: &crate::snapshot::DurationSummary, deltas: &Deltas) -> Durations {
    let previous = deltas
        .diff
        .as_ref()
        .and_then(|x| x.cycle_length.as_ref())
        .and_then(|c| {
            let m = c.old_median_days?;
            let verdict = match (c.significant, c.p_value) {
                (true, Some(p)) => format!(
                    "a meaningful change, Mann-Whitney {}",
                    super::format::p_text(p)
                ),
                (false, Some(p)) => {
                    format!("within noise, Mann-Whitney {}", super::format::p_text(p))
                }
                _ => "too few answers to tell".into(),
            };
            Some(format!(
                "{m:.0} days in {}: {verdict}",
                deltas
                    .previous_quarter
                    .as_deref()
                    .unwrap_or("the previous quarter")
            ))
        })
        .unwrap_or_default();
    Durations {
        median: d
            .median_days
            .map(days)
            .unwrap_or_else(|| "not known".into()),
        quartiles: match (d.q1_days, d.q3_days) {
            (Some(a), Some(b)) => format!("{a:.0} to {b:.0} days"),
            _ => "not known".into(),
        },
        parsed: d.parsed,
        unparsed: d.unparsed,
        open_ended: d.open_ended,
        histogram: d.histogram.iter().map(|c| row(c, None)).collect(),
        by_word: d
            .by_answer_segment
            .iter()
            .map(|w| {
                (
                    w.word.clone(),
                    format!("{} ({} answers)", days(w.median_days), w.answers),
                )
            })
            .collect(),
        previous,
    }
}

/// Every rep's typical days per shown group of the finest segment, and
/// the whole team's, for the strip plot.
pub(super) fn strips(q: &QuestionSummary) -> Vec<Strip> {
    let mut out = vec![];
    if let Some(d) = &q.durations
        && let Some(m) = d.median_days
    {
        out.push(Strip {
            label: "All reps".into(),
            values: d.values.clone(),
            median: m,
        });
    }
    if let Some(b) = q.by_segment.iter().max_by_key(|b| b.cells.len()) {
        for c in b.cells.iter().filter(|c| !c.suppressed) {
            if let Some(m) = c.median_days {
                out.push(Strip {
                    label: c.value.clone(),
                    values: c.values.clone(),
                    median: m,
                });
            }
        }
    }
    out
}
