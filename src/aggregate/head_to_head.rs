//! Head to head: two questions side by side per theme, as messaging inputs
//! for the content team: where we win (`our_strengths`) against where we
//! lose (`competitor_strengths`), and what prospects object to
//! (`objections`) against what they ask about (`prospect_questions`).

use crate::questions::QuestionId;
use crate::snapshot::{Count, HeadToHead, HeadToHeadRow, QuestionSummary};
use std::collections::{BTreeMap, BTreeSet};

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
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    for c in left.competitors.iter().chain(&right.competitors) {
        *named.entry(c.key.as_str()).or_default() += c.count;
    }
    let mut competitors: Vec<Count> = named
        .into_iter()
        .map(|(k, c)| crate::snapshot::count(k, k, c, left.answered.max(right.answered)))
        .collect();
    competitors.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
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
