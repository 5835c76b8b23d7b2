//! Claims settled once every column is placed: one submission time, one
//! column per question (the best match; a loser takes its free second-best
//! question or is reported), one column per segment name (the first).

use super::Role;
use super::columns::{Placed, short};
use crate::questions::QuestionId;
use std::collections::BTreeMap;

/// Only the first submission-time column is the timestamp.
pub(crate) fn one_timestamp(placed: &mut [Placed]) {
    let mut seen = false;
    for p in placed.iter_mut().filter(|p| p.role == Role::Timestamp) {
        if seen {
            p.role = Role::Metadata;
            p.reason = "another time column (the first one is the submission time)".into();
        }
        seen = true;
    }
}

/// When several columns match one question, the best keeps it. A column
/// that loses takes its second-best question if no column claims that
/// one ("frustrations of the other stakeholders" next to "buyer
/// frustrations"); otherwise it is listed as ignored with the reason.
pub(crate) fn one_column_per_question(placed: &mut [Placed]) {
    let best = best_per_question(placed);
    let mut losers: Vec<usize> = (0..placed.len())
        .filter(|&i| placed[i].question.is_some_and(|q| best[&q] != i))
        .collect();
    // Strongest second choices first, so the outcome is independent of
    // column order.
    losers.sort_by(|&a, &b| {
        let s = |i: usize| placed[i].runner_up.map_or(0.0, |(_, s)| s);
        s(b).total_cmp(&s(a)).then(a.cmp(&b))
    });
    let mut claimed: Vec<QuestionId> = best.keys().copied().collect();
    for i in losers {
        let q = placed[i].question.expect("a loser has a question");
        let other = short(&placed[best[&q]].field.text);
        let p = &mut placed[i];
        match p.runner_up.filter(|(r, _)| !claimed.contains(r)) {
            Some((r, s)) => {
                claimed.push(r);
                p.question = Some(r);
                p.score = s;
                p.reason = format!(
                    "reads like {q}, which the column \"{other}\" matches better, and next like {r} (score {s:.1}); map it in frontline.toml to choose"
                );
            }
            None => {
                p.role = Role::Ignored;
                p.question = None;
                p.reason = format!(
                    "also reads like {q}, but the column \"{other}\" matches it better; map it in frontline.toml to choose"
                );
            }
        }
    }
}

/// The column with the highest score per question (the first on a tie).
fn best_per_question(placed: &[Placed]) -> BTreeMap<QuestionId, usize> {
    let mut best: BTreeMap<QuestionId, usize> = BTreeMap::new();
    for (i, p) in placed.iter().enumerate() {
        if let Some(q) = p.question
            && best.get(&q).is_none_or(|&b| placed[b].score < p.score)
        {
            best.insert(q, i);
        }
    }
    best
}

/// A segment name is taken by its first column; later ones are listed.
pub(crate) fn one_column_per_segment(placed: &mut [Placed]) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for p in placed.iter_mut().filter(|p| p.role == Role::Segment) {
        let Some(name) = p.segment.clone() else {
            continue;
        };
        match seen.get(&name) {
            Some(first) => {
                p.reason = format!(
                    "also names segment {name}, already taken by the column \"{}\"; map it in frontline.toml to choose",
                    short(first)
                );
                p.role = Role::Ignored;
                p.segment = None;
            }
            None => {
                seen.insert(name, p.field.text.clone());
            }
        }
    }
}
