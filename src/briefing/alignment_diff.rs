//! The diff page's alignment lines (issue 12): the score in both quarters
//! and each gap that opened, closed or turned, in sentences.

use super::format::{pct, points};
use crate::diff::Diff;
use crate::snapshot::alignment::Verdict;

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::BlindSpot => "a blind spot",
        Verdict::Overestimated => "overestimated",
        Verdict::Aligned => "aligned",
        Verdict::TooFew => "too few to tell",
    }
}

/// Empty when neither quarter compared marketing with sales.
pub fn lines(d: &Diff) -> Vec<String> {
    let Some(a) = &d.alignment else {
        return vec![];
    };
    let old_q = d.old_quarter.as_deref().unwrap_or("the earlier quarter");
    let new_q = d.new_quarter.as_deref().unwrap_or("this quarter");
    let score = |s: Option<f64>| s.map(pct).unwrap_or_else(|| "not measured".into());
    let mut out = vec![format!(
        "Alignment score: {} in {old_q}, {} in {new_q}.",
        score(a.old_score),
        score(a.new_score)
    )];
    for c in &a.changes {
        let was = match (c.old_verdict, c.old_gap_points) {
            (Some(v), Some(g)) => format!("was {} ({})", verdict(v), points(g)),
            _ => "not compared before".into(),
        };
        out.push(format!(
            "{} (“{}”): {was}, now {} ({}).",
            c.label,
            c.question.title(),
            verdict(c.new_verdict),
            points(c.new_gap_points)
        ));
    }
    out
}
