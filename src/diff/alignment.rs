//! Alignment between quarters (issue 12): the alignment score in both, and
//! every theme whose verdict changed to or from a gap (a blind spot closed,
//! an overestimate that appeared), largest gap first.

use crate::questions::QuestionId;
use crate::snapshot::Snapshot;
use crate::snapshot::alignment::Verdict;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentChange {
    /// `None` when that quarter was reported without marketing's side or
    /// had too few answers for a score.
    pub old_score: Option<f64>,
    pub new_score: Option<f64>,
    pub changes: Vec<VerdictChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictChange {
    pub question: QuestionId,
    pub theme: String,
    pub label: String,
    /// `None` when the theme was not compared in the earlier quarter.
    pub old_verdict: Option<Verdict>,
    pub new_verdict: Verdict,
    pub old_gap_points: Option<f64>,
    pub new_gap_points: f64,
}

fn is_gap(v: Verdict) -> bool {
    matches!(v, Verdict::BlindSpot | Verdict::Overestimated)
}

/// `None` when neither quarter compared marketing with sales.
pub fn compare(old: &Snapshot, new: &Snapshot) -> Option<AlignmentChange> {
    let (o, n) = (old.alignment.as_ref(), new.alignment.as_ref());
    if o.is_none() && n.is_none() {
        return None;
    }
    let mut changes = vec![];
    for t in n.iter().flat_map(|a| &a.themes) {
        let before = o
            .iter()
            .flat_map(|a| &a.themes)
            .find(|x| x.question == t.question && x.theme == t.theme);
        let old_verdict = before.map(|b| b.verdict);
        let changed = old_verdict != Some(t.verdict);
        // A gap that opened, closed or turned: a theme that only moved
        // between aligned and too few is not news.
        if o.is_some() && changed && (is_gap(t.verdict) || old_verdict.is_some_and(is_gap)) {
            changes.push(VerdictChange {
                question: t.question,
                theme: t.theme.clone(),
                label: t.label.clone(),
                old_verdict,
                new_verdict: t.verdict,
                old_gap_points: before.map(|b| b.gap_points),
                new_gap_points: t.gap_points,
            });
        }
    }
    changes.sort_by(|a, b| {
        b.new_gap_points
            .abs()
            .total_cmp(&a.new_gap_points.abs())
            .then_with(|| a.theme.cmp(&b.theme))
    });
    Some(AlignmentChange {
        old_score: o.and_then(|a| a.score),
        new_score: n.and_then(|a| a.score),
        changes,
    })
}
