//! What the briefing says about earlier quarters: each figure's change
//! since the previous quarter (inline markers), and trends over up to
//! eight quarters (sparklines).

use super::charts::{sparkline_fmt, sparkline_in};
use crate::diff::{self, Diff, ShareDiff, Status};
use crate::questions::QuestionId;
use crate::snapshot::Snapshot;
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many quarters in a trend.
const MAX_QUARTERS: usize = 8;

/// Inline changes since the previous quarter, by (question, key).
#[derive(Debug, Default)]
pub struct Deltas {
    pub previous_quarter: Option<String>,
    by_key: BTreeMap<(QuestionId, String), String>,
    pub cycle: Option<String>,
}

impl Deltas {
    pub fn new(previous: &Snapshot, current: &Snapshot) -> Deltas {
        let d: Diff = diff::diff(previous, current);
        let mut by_key = BTreeMap::new();
        for s in d.themes.iter().chain(&d.personas).chain(&d.website) {
            by_key.insert((s.question, s.theme.clone()), marker(s));
        }
        let cycle = d.cycle_length.as_ref().and_then(|c| {
            c.old_median_days.map(|m| {
                let verdict = if c.significant {
                    "a meaningful change"
                } else {
                    "within noise"
                };
                format!(
                    "{m:.0} days in {}; {verdict}",
                    previous
                        .quarter
                        .as_deref()
                        .unwrap_or("the previous quarter")
                )
            })
        });
        Deltas {
            previous_quarter: previous.quarter.clone(),
            by_key,
            cycle,
        }
    }

    /// The marker for one figure, or "" when there is no previous quarter
    /// or the figure was not compared (e.g. a theme new to the codebook).
    pub fn get(&self, q: QuestionId, key: &str) -> String {
        self.by_key
            .get(&(q, key.to_string()))
            .cloned()
            .unwrap_or_default()
    }
}

/// A short inline marker: an arrow only for a meaningful change.
fn marker(s: &ShareDiff) -> String {
    let pts = crate::render::diff_view::points(s.change_points);
    let arrow = if s.change_points > 0.0 { "▲" } else { "▼" };
    match s.status {
        _ if s.change_points.abs() < 0.5 => "= 0 pts".into(),
        Status::New | Status::Gone if !s.significant => {
            let word = if s.status == Status::New {
                "new"
            } else {
                "gone"
            };
            format!("{word}, {pts} (noise)")
        }
        Status::New => format!("new, {arrow} {pts}"),
        Status::Gone => format!("gone, {arrow} {pts}"),
        Status::Rising | Status::Falling => format!("{arrow} {pts}"),
        Status::Steady => format!("{pts} (noise)"),
    }
}

/// One line of the trends section.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub label: String,
    /// "2026-Q1 20%, 2026-Q2 25%, ..." for the Markdown report.
    pub points: String,
    pub svg: String,
}

/// The quarters to show, oldest first: the history and the current
/// snapshot, one per quarter label (the current one wins), at most eight.
pub fn quarters<'a>(current: &'a Snapshot, history: &'a [Snapshot]) -> Vec<&'a Snapshot> {
    let mut by_label: BTreeMap<String, &Snapshot> = BTreeMap::new();
    for s in history.iter().chain(std::iter::once(current)) {
        if let Some(q) = &s.quarter {
            by_label.insert(q.clone(), s);
        }
    }
    let mut v: Vec<&Snapshot> = by_label.into_values().collect();
    if v.len() > MAX_QUARTERS {
        v.drain(..v.len() - MAX_QUARTERS);
    }
    v
}

/// Trends for the current quarter's top themes of objections and
/// differentiators, and for the median cycle length.
pub fn trends(current: &Snapshot, history: &[Snapshot]) -> Vec<Trend> {
    let qs = quarters(current, history);
    if qs.len() < 2 {
        return vec![];
    }
    let labels: Vec<String> = qs
        .iter()
        .map(|s| s.quarter.clone().unwrap_or_default())
        .collect();
    let mut out = vec![];
    for (q, k) in [
        (QuestionId::Objections, 5),
        (QuestionId::Differentiators, 3),
    ] {
        let Some(cur) = current.question(q) else {
            continue;
        };
        for t in cur.themes.iter().filter(|t| t.id != "other").take(k) {
            let values: Vec<Option<f64>> = qs.iter().map(|s| share_in(s, q, &t.id)).collect();
            out.push(trend(
                format!("{}: {}", q.title(), t.label),
                &values,
                &labels,
                |v| format!("{:.0}%", v * 100.0),
                Some((0.0, 1.0)),
            ));
        }
    }
    let medians: Vec<Option<f64>> = qs
        .iter()
        .map(|s| {
            s.question(QuestionId::CycleLength)
                .and_then(|q| q.durations.as_ref())
                .and_then(|d| d.median_days)
        })
        .collect();
    if medians.iter().any(Option::is_some) {
        out.push(trend(
            "Median sales cycle (days)".into(),
            &medians,
            &labels,
            |v| format!("{v:.0}"),
            None,
        ));
    }
    out
}

/// A theme's share in one quarter: `None` when the question was not asked
/// or that quarter's codebook had no such theme (not a 0%).
fn share_in(s: &Snapshot, q: QuestionId, theme: &str) -> Option<f64> {
    let summary = s.question(q)?;
    let book = q.codebook()?;
    let known = s
        .codebooks
        .get(book.as_str())
        .is_none_or(|b| b.themes.contains_key(theme));
    known.then(|| {
        summary
            .themes
            .iter()
            .find(|y| y.id == theme)
            .map_or(0.0, |y| y.share)
    })
}

fn trend(
    label: String,
    values: &[Option<f64>],
    labels: &[String],
    fmt: impl Fn(f64) -> String,
    range: Option<(f64, f64)>,
) -> Trend {
    let points = labels
        .iter()
        .zip(values)
        .map(|(l, v)| format!("{l} {}", v.map(&fmt).unwrap_or_else(|| "–".into())))
        .collect::<Vec<_>>()
        .join(", ");
    Trend {
        svg: match range {
            Some(r) => sparkline_in(values, labels, (160, 36), &fmt, r),
            None => sparkline_fmt(values, labels, 160, 36, &fmt),
        },
        label,
        points,
    }
}
