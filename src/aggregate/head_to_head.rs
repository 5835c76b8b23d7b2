//! Head to head: two questions side by side per theme, as messaging inputs
//! for the content team: where we win (`our_strengths`) against where we
//! lose (`competitor_strengths`), and what prospects object to
//! (`objections`) against what they ask about (`prospect_questions`).

use crate::questions::QuestionId;
use crate::snapshot::{Count, HeadToHead, HeadToHeadRow, QuestionSummary};
use std::collections::BTreeSet;

const PAIRS: [(QuestionId, QuestionId, &str); 2] = [
    (
        QuestionId::OurStrengths,
        QuestionId::CompetitorStrengths,
        "Where we win and where we lose",
    ),
    (
        QuestionId::Objections,
        QuestionId::ProspectQuestions,
        "What prospects object to and what they ask about",
    ),
];

pub fn head_to_head(questions: &[QuestionSummary]) -> Vec<HeadToHead> {
    let find = |id| questions.iter().find(|q| q.id == id);
    PAIRS
        .iter()
        .filter_map(|(l, r, title)| Some(pair(find(*l)?, find(*r)?, title)))
        .collect()
}

fn pair(left: &QuestionSummary, right: &QuestionSummary, title: &str) -> HeadToHead {
    let ids: BTreeSet<&str> = left
        .themes
        .iter()
        .chain(&right.themes)
        .map(|t| t.id.as_str())
        .filter(|id| *id != "other")
        .collect();
    let get = |q: &QuestionSummary, id: &str| {
        q.themes
            .iter()
            .find(|t| t.id == id)
            .map_or((0, 0.0, None), |t| {
                (t.respondents, t.share, Some(t.label.clone()))
            })
    };
    let mut rows: Vec<HeadToHeadRow> = ids
        .into_iter()
        .map(|id| {
            let (lc, ls, ll) = get(left, id);
            let (rc, rs, rl) = get(right, id);
            HeadToHeadRow {
                id: id.to_string(),
                label: ll.or(rl).unwrap_or_else(|| id.to_string()),
                left_count: lc,
                left_share: ls,
                right_count: rc,
                right_share: rs,
            }
        })
        .collect();
    // The widest margins first, wins before losses.
    rows.sort_by(|a, b| {
        let m = |r: &HeadToHeadRow| r.left_count as i64 - r.right_count as i64;
        m(b).cmp(&m(a)).then_with(|| a.id.cmp(&b.id))
    });
    // Respondents naming each competitor in the question that is about
    // competitors (where they do better; the objections): counts from two
    // questions cannot be added without counting a rep twice.
    let about = if right.id == QuestionId::CompetitorStrengths {
        right
    } else {
        left
    };
    let competitors: Vec<Count> = about.competitors.clone();
    HeadToHead {
        title: title.to_string(),
        left: left.id,
        right: right.id,
        left_n: left.answered,
        right_n: right.answered,
        rows,
        competitors,
    }
}
