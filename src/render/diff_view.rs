//! The view model of a diff report (diff.md, diff.html): the comparison's
//! figures formatted, with the change said in words and honest about
//! sample size.

use crate::diff::{Diff, ShareDiff, Status};
use crate::questions::QuestionId;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct DiffView {
    pub old_quarter: String,
    pub new_quarter: String,
    pub old_respondents: usize,
    pub new_respondents: usize,
    pub drift: Vec<String>,
    pub headlines: Vec<String>,
    pub themes: Vec<Group>,
    pub cycle: Vec<Vec<String>>,
    pub cycle_overall: String,
    pub personas: Vec<Group>,
    pub website: Vec<Group>,
    pub emerging: Vec<Emerging>,
}

/// The rows of one question.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub title: String,
    pub rows: Vec<ChangeRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    pub label: String,
    pub old: String,
    pub new: String,
    pub change: String,
    pub status: String,
    /// `up`, `down` or `flat`, for styling.
    pub direction: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Emerging {
    pub question: String,
    pub label: String,
    pub respondents: usize,
    pub quotes: Vec<String>,
}

fn share(count: usize, n: usize, s: f64) -> String {
    format!("{:.0}% ({count}/{n})", s * 100.0)
}

/// The change in words: points, arrow only when meaningful.
pub fn change_text(d: &ShareDiff) -> String {
    let pts = points(d.change_points);
    if d.too_few {
        format!("{pts}, too few answers to tell")
    } else if d.significant {
        let arrow = if d.change_points > 0.0 { "▲" } else { "▼" };
        format!("{arrow} {pts} ({})", p_text(d.p_value))
    } else {
        format!("{pts}, within noise ({})", p_text(d.p_value))
    }
}

/// "+12 pts", "-3 pts", "0 pts" (never "-0").
pub fn points(change: f64) -> String {
    let r = change.round();
    if r == 0.0 {
        "0 pts".into()
    } else {
        format!("{r:+.0} pts")
    }
}

/// "p = 0.032", "p < 0.001".
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".into()
    } else if p < 0.01 {
        format!("p = {p:.3}")
    } else {
        format!("p = {p:.2}")
    }
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::Gone => "gone",
        Status::Rising => "rising",
        Status::Falling => "falling",
        Status::Steady => "steady",
    }
}

fn row(d: &ShareDiff) -> ChangeRow {
    ChangeRow {
        label: d.label.clone(),
        old: share(d.old_count, d.old_n, d.old_share),
        new: share(d.new_count, d.new_n, d.new_share),
        change: change_text(d),
        status: status_text(d.status).into(),
        direction: match (d.significant, d.change_points > 0.0) {
            (false, _) => "flat",
            (true, true) => "up",
            (true, false) => "down",
        }
        .into(),
    }
}

fn groups(v: &[ShareDiff]) -> Vec<Group> {
    let mut out: Vec<Group> = vec![];
    let mut current: Option<QuestionId> = None;
    for d in v {
        if current != Some(d.question) {
            current = Some(d.question);
            out.push(Group {
                title: d.question.title().into(),
                rows: vec![],
            });
        }
        if let Some(g) = out.last_mut() {
            g.rows.push(row(d));
        }
    }
    out
}

fn days(d: Option<f64>) -> String {
    d.map(|d| format!("{d:.0} days"))
        .unwrap_or_else(|| "–".into())
}

/// The headline changes: new and gone themes, and meaningful moves.
fn headlines(d: &Diff) -> Vec<String> {
    let mut out = vec![];
    for t in &d.themes {
        let q = t.question.title();
        let line = match t.status {
            Status::New if t.significant => format!(
                "New in “{q}”: {} ({:.0}% of reps)",
                t.label,
                t.new_share * 100.0
            ),
            Status::Gone if t.significant => format!(
                "Gone from “{q}”: {} (was {:.0}%)",
                t.label,
                t.old_share * 100.0
            ),
            Status::Rising | Status::Falling => format!("“{q}”: {} {}", t.label, change_text(t)),
            _ => continue,
        };
        out.push(line);
    }
    if let Some(c) = &d.cycle_length
        && c.significant
    {
        out.push(format!(
            "Sales cycle: median {} → {}",
            days(c.old_median_days),
            days(c.new_median_days)
        ));
    }
    out
}

pub fn build_diff_view(d: &Diff) -> DiffView {
    let cycle_overall = match &d.cycle_length {
        None => "The cycle-length question was not asked in both quarters.".into(),
        Some(c) => {
            let test = match (c.too_few, c.p_value) {
                (true, _) | (_, None) => "too few answers to tell whether it changed".to_string(),
                (false, Some(p)) if c.significant => {
                    format!("a meaningful change (Mann-Whitney {})", p_text(p))
                }
                (false, Some(p)) => format!("within noise (Mann-Whitney {})", p_text(p)),
            };
            format!(
                "Median {} (n={}) → {} (n={}): {test}.",
                days(c.old_median_days),
                c.old_n,
                days(c.new_median_days),
                c.new_n
            )
        }
    };
    let cycle = d
        .cycle_length
        .iter()
        .flat_map(|c| &c.segments)
        .map(|s| {
            let verdict = if s.too_few {
                "too few answers to tell".to_string()
            } else if s.significant {
                format!("meaningful ({})", p_text(s.p_value.unwrap_or(1.0)))
            } else {
                format!("within noise ({})", p_text(s.p_value.unwrap_or(1.0)))
            };
            vec![
                format!("{}: {}", s.segment, s.value),
                format!("{} (n={})", days(s.old_median_days), s.old_n),
                format!("{} (n={})", days(s.new_median_days), s.new_n),
                verdict,
            ]
        })
        .collect();
    DiffView {
        old_quarter: d
            .old_quarter
            .clone()
            .unwrap_or_else(|| "earlier quarter".into()),
        new_quarter: d
            .new_quarter
            .clone()
            .unwrap_or_else(|| "this quarter".into()),
        old_respondents: d.old_respondents,
        new_respondents: d.new_respondents,
        drift: d.drift.iter().map(|x| x.message.clone()).collect(),
        headlines: headlines(d),
        themes: groups(&d.themes),
        cycle,
        cycle_overall,
        personas: groups(&d.personas),
        website: groups(&d.website),
        emerging: d
            .emerging
            .iter()
            .map(|e| Emerging {
                question: e.question.title().into(),
                label: e.theme.label.clone(),
                respondents: e.theme.respondents,
                quotes: e.theme.quotes.clone(),
            })
            .collect(),
    }
}
