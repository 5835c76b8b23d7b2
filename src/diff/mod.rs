//! Diff: two snapshots -> what changed between the quarters: themes that
//! are new, gone, rising or falling (with an exact test, honest about small
//! samples), the cycle length overall and per segment, persona shifts, the
//! website verdict, the new quarter's emerging themes, survey drift, and
//! marketing's alignment with sales.
//! Contract of the JSON form: `docs/diff.md`.

use crate::questions::QuestionId;
use crate::snapshot::{EmergingSummary, QuestionSummary, Snapshot, round1, round4};
use crate::stats::{self, ShareChange};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

mod alignment;
mod cycle;
mod drift;

pub use alignment::{AlignmentChange, VerdictChange};
pub use cycle::{CycleChange, SegmentCycle};
pub use drift::{Drift, DriftKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old_quarter: Option<String>,
    pub new_quarter: Option<String>,
    pub old_respondents: usize,
    pub new_respondents: usize,
    /// Changes to the survey itself, said first: they limit what the
    /// figures below can mean.
    pub drift: Vec<Drift>,
    pub themes: Vec<ShareDiff>,
    pub cycle_length: Option<CycleChange>,
    pub personas: Vec<ShareDiff>,
    pub website: Vec<ShareDiff>,
    pub emerging: Vec<EmergingNote>,
    /// Marketing's alignment with sales in both quarters (`report
    /// --marketing`); absent when neither compared them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<AlignmentChange>,
}

/// How a share moved between the quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nobody mentioned it last quarter.
    New,
    /// Nobody mentions it this quarter.
    Gone,
    /// Up, and the change is statistically meaningful.
    Rising,
    /// Down, and the change is statistically meaningful.
    Falling,
    /// No meaningful change (or too few answers to tell).
    Steady,
}

/// One share (a theme, a persona, a website verdict) in both quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareDiff {
    pub question: QuestionId,
    /// Theme id, `function/seniority`, or verdict (`yes`, `partly`, `no`).
    pub theme: String,
    pub label: String,
    pub old_count: usize,
    pub old_n: usize,
    pub new_count: usize,
    pub new_n: usize,
    pub old_share: f64,
    pub new_share: f64,
    /// new - old, in percentage points.
    pub change_points: f64,
    /// Two-sided Fisher's exact test.
    pub p_value: f64,
    pub significant: bool,
    /// Too few answers for any change to be called meaningful.
    pub too_few: bool,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmergingNote {
    pub question: QuestionId,
    #[serde(flatten)]
    pub theme: EmergingSummary,
}

/// Compares two quarters' snapshots.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Diff {
    let drift = drift::detect(old, new);
    let excluded = drift::one_sided_themes(old, new);
    Diff {
        old_quarter: old.quarter.clone(),
        new_quarter: new.quarter.clone(),
        old_respondents: old.respondents,
        new_respondents: new.respondents,
        drift,
        themes: themes(old, new, &excluded),
        cycle_length: cycle::compare(old, new),
        personas: personas(old, new),
        website: website(old, new),
        emerging: new
            .questions
            .iter()
            .flat_map(|q| {
                q.emerging.iter().map(|e| EmergingNote {
                    question: q.id,
                    theme: e.clone(),
                })
            })
            .collect(),
        alignment: alignment::compare(old, new),
    }
}

/// Questions asked in both quarters, in question-bank order.
fn both<'a>(
    old: &'a Snapshot,
    new: &'a Snapshot,
) -> Vec<(&'a QuestionSummary, &'a QuestionSummary)> {
    QuestionId::ALL
        .into_iter()
        .filter_map(|id| Some((old.question(id)?, new.question(id)?)))
        .collect()
}

/// One share compared; `counts` are (count, base) in each quarter.
pub fn share_diff(
    question: QuestionId,
    theme: &str,
    label: &str,
    old: (usize, usize),
    new: (usize, usize),
) -> ShareDiff {
    let c: ShareChange =
        stats::share_change(old.0 as u64, old.1 as u64, new.0 as u64, new.1 as u64);
    let status = if old.0 == 0 && new.0 > 0 {
        Status::New
    } else if old.0 > 0 && new.0 == 0 {
        Status::Gone
    } else if c.significant && c.change_points > 0.0 {
        Status::Rising
    } else if c.significant && c.change_points < 0.0 {
        Status::Falling
    } else {
        Status::Steady
    };
    ShareDiff {
        question,
        theme: theme.to_string(),
        label: label.to_string(),
        old_count: old.0,
        old_n: old.1,
        new_count: new.0,
        new_n: new.1,
        old_share: round4(c.old_share),
        new_share: round4(c.new_share),
        change_points: round1(c.change_points),
        p_value: round4(c.p_value),
        significant: c.significant,
        too_few: c.too_few,
        status,
    }
}

/// Largest moves first within a question, then by id, so the list reads
/// as a change log and is stable.
fn sort_within_questions(v: &mut [ShareDiff]) {
    v.sort_by(|a, b| {
        a.question
            .cmp(&b.question)
            .then(b.change_points.abs().total_cmp(&a.change_points.abs()))
            .then_with(|| a.theme.cmp(&b.theme))
    });
}

fn themes(
    old: &Snapshot,
    new: &Snapshot,
    excluded: &BTreeMap<QuestionId, BTreeSet<String>>,
) -> Vec<ShareDiff> {
    let mut out = vec![];
    for (o, n) in both(old, new) {
        let ids: BTreeSet<&str> = o
            .themes
            .iter()
            .chain(&n.themes)
            .map(|t| t.id.as_str())
            .filter(|id| *id != "other")
            .filter(|id| !excluded.get(&o.id).is_some_and(|x| x.contains(*id)))
            .collect();
        for id in ids {
            let find = |q: &QuestionSummary| {
                q.themes
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| (t.respondents, t.label.clone()))
            };
            let (oc, ol) = find(o).unwrap_or((0, String::new()));
            let (nc, nl) = find(n).unwrap_or((0, String::new()));
            let label = if nl.is_empty() { ol } else { nl };
            out.push(share_diff(
                o.id,
                id,
                &label,
                (oc, o.answered),
                (nc, n.answered),
            ));
        }
    }
    sort_within_questions(&mut out);
    out
}

fn personas(old: &Snapshot, new: &Snapshot) -> Vec<ShareDiff> {
    let mut out = vec![];
    for (o, n) in both(old, new) {
        let keys: BTreeSet<_> = o
            .personas
            .iter()
            .chain(&n.personas)
            .map(|p| (p.function, p.seniority))
            .collect();
        for (f, s) in keys {
            let find = |q: &QuestionSummary| {
                q.personas
                    .iter()
                    .find(|p| p.function == f && p.seniority == s)
                    .map_or(0, |p| p.respondents)
            };
            let label = crate::snapshot::persona_label(f, s);
            let key = crate::snapshot::persona_key(f, s);
            out.push(share_diff(
                o.id,
                &key,
                &label,
                (find(o), o.answered),
                (find(n), n.answered),
            ));
        }
    }
    sort_within_questions(&mut out);
    out
}

fn website(old: &Snapshot, new: &Snapshot) -> Vec<ShareDiff> {
    let mut out = vec![];
    for (o, n) in both(old, new) {
        let (Some(or), Some(nr)) = (&o.ratings, &n.ratings) else {
            continue;
        };
        let base = |r: &crate::snapshot::RatingSummary| {
            r.distribution.iter().map(|c| c.count).sum::<usize>()
        };
        for c in &nr.distribution {
            let oc = or
                .distribution
                .iter()
                .find(|x| x.key == c.key)
                .map_or(0, |x| x.count);
            out.push(share_diff(
                o.id,
                &c.key,
                &c.label,
                (oc, base(or)),
                (c.count, base(nr)),
            ));
        }
    }
    out
}
