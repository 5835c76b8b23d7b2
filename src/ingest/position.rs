//! A column's position among the others as evidence: surveys ask the 16
//! questions in the bank's order, so a column whose header reads like no
//! question but that sits where one is missing (between the columns of
//! `competitor_strengths` and `website_value`, no column for
//! `our_strengths` anywhere) is very likely that question. A run of such
//! columns fills a hole of the same size in order; one column facing a
//! larger hole takes the hole's question its header leans to. The columns
//! after the last question (or before the first) fill a hole that runs to
//! the end (or the start) of the bank only when their headers lean the
//! same way. Columns that look like anything else are left alone: a
//! segment, a comment box, times, emails, ids, or few repeated short values
//! where the question wants free text.

use super::Role;
use super::columns::Placed;
use super::matching::{best_scores_among, segment_phrase, tokens};
use super::timestamps::{self, Order};
use crate::questions::{AnswerKind, QuestionId};
use std::collections::BTreeSet;

/// Placed questions by position: (field index, question).
fn questions(placed: &[Placed]) -> Vec<(usize, QuestionId)> {
    placed
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == Role::Question)
        .filter_map(|(i, p)| p.question.map(|q| (i, q)))
        .collect()
}

/// Places unplaced columns that sit where a question is missing; `sample`
/// is the first data rows, by physical column.
pub(crate) fn infer(placed: &mut [Placed], sample: &[Vec<String>]) {
    let qs = questions(placed);
    if qs.is_empty() {
        return;
    }
    let claimed: BTreeSet<QuestionId> = qs.iter().map(|(_, q)| *q).collect();
    let hole = |from: Option<QuestionId>, to: Option<QuestionId>| -> Option<Vec<QuestionId>> {
        let inside: Vec<QuestionId> = QuestionId::ALL
            .into_iter()
            .filter(|q| from.is_none_or(|f| *q > f) && to.is_none_or(|t| *q < t))
            .collect();
        // Out-of-order surveys say nothing by position.
        inside
            .iter()
            .all(|q| !claimed.contains(q))
            .then_some(inside)
    };
    let mut plans: Vec<(usize, QuestionId, String)> = vec![];
    for pair in qs.windows(2) {
        let ((a, qa), (b, qb)) = (pair[0], pair[1]);
        if qa >= qb {
            continue;
        }
        let Some(ids) = hole(Some(qa), Some(qb)) else {
            continue;
        };
        let cands: Vec<usize> = (a + 1..b)
            .filter(|&i| candidate(&placed[i], sample))
            .collect();
        let why = format!("between the columns of {qa} and {qb}");
        plans.extend(fill(placed, &cands, &ids, sample, false, &why));
    }
    let (first, last) = (qs[0], qs[qs.len() - 1]);
    if let Some(ids) = hole(Some(last.1), None) {
        let cands: Vec<usize> = (last.0 + 1..placed.len())
            .filter(|&i| candidate(&placed[i], sample))
            .collect();
        let why = format!("after the column of {}, the last question found", last.1);
        plans.extend(fill(placed, &cands, &ids, sample, true, &why));
    }
    if let Some(ids) = hole(None, Some(first.1)) {
        let cands: Vec<usize> = (0..first.0)
            .filter(|&i| candidate(&placed[i], sample))
            .collect();
        let why = format!("before the column of {}, the first question found", first.1);
        plans.extend(fill(placed, &cands, &ids, sample, true, &why));
    }
    for (i, q, why) in plans {
        let p = &mut placed[i];
        p.role = Role::Question;
        p.question = Some(q);
        p.unplaced = false;
        p.score = 0.0;
        p.reason = format!(
            "placed by its position: {why}, where the survey asks {q} (its header alone reads like no question); map it in frontline.toml if wrong"
        );
    }
}

/// Which hole question each candidate takes, if the evidence is enough.
/// `lean`: every column must also lean to its question by its header.
fn fill(
    placed: &[Placed],
    cands: &[usize],
    ids: &[QuestionId],
    sample: &[Vec<String>],
    lean: bool,
    why: &str,
) -> Vec<(usize, QuestionId, String)> {
    let fits = |i: usize, q: QuestionId| values_fit(&placed[i], q, sample);
    let leans = |i: usize, q: QuestionId| {
        let s = best_scores_among(&placed[i].field.text, &[q]);
        s.first().is_some_and(|(_, v)| *v >= 1.0)
    };
    if !cands.is_empty() && cands.len() == ids.len() {
        let ok = cands
            .iter()
            .zip(ids)
            .all(|(&i, &q)| fits(i, q) && (!lean || leans(i, q)));
        if ok {
            return cands
                .iter()
                .zip(ids)
                .map(|(&i, &q)| (i, q, why.to_string()))
                .collect();
        }
        return vec![];
    }
    if let [i] = cands {
        // One column, several missing: the one its header leans to, clearly.
        let ranked = best_scores_among(&placed[*i].field.text, ids);
        if let [(q, s), rest @ ..] = ranked.as_slice()
            && *s >= 1.0
            && rest.first().is_none_or(|(_, r)| r < s)
            && fits(*i, *q)
        {
            return vec![(*i, *q, why.to_string())];
        }
    }
    vec![]
}

/// An unplaced column that could be a question: not a segment, not a
/// comment box, with a header of words.
fn candidate(p: &Placed, sample: &[Vec<String>]) -> bool {
    const ASIDES: &[&str] = &[
        "comment",
        "note",
        "remark",
        "anyth els",
        "ani other",
        "addit",
        "suggest",
        "other feedback",
        "anmerkung",
        "kommentar",
        "commentair",
        "comentario",
    ];
    if p.role != Role::Ignored || !p.unplaced || segment_phrase(&p.field.text).is_some() {
        return false;
    }
    let words = tokens(&p.field.text);
    let joined = words.join(" ");
    let aside = ASIDES.iter().any(|a| joined.contains(a));
    !aside
        && words.iter().any(|w| w.chars().any(char::is_alphabetic))
        && !looks_like_data(p, sample)
}

fn values<'s>(p: &Placed, sample: &'s [Vec<String>]) -> Vec<&'s str> {
    sample
        .iter()
        .flat_map(|row| p.field.members.iter().filter_map(|m| row.get(m.col)))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Mostly times, emails or long numbers: bookkeeping, not answers.
fn looks_like_data(p: &Placed, sample: &[Vec<String>]) -> bool {
    let vals = values(p, sample);
    if vals.is_empty() {
        return false;
    }
    let data = vals
        .iter()
        .filter(|v| {
            v.contains('@')
                || timestamps::parse(v, Order::MonthFirst).is_some()
                || (v.len() >= 5 && v.chars().all(|c| c.is_ascii_digit() || c == '-'))
        })
        .count();
    data * 2 > vals.len()
}

/// A free-text question wants varied answers; a few short values that
/// repeat are a segment. Ratings, durations and titles repeat anyway.
fn values_fit(p: &Placed, q: QuestionId, sample: &[Vec<String>]) -> bool {
    if matches!(
        q.kind(),
        AnswerKind::Rating | AnswerKind::Duration | AnswerKind::Personas
    ) {
        return true;
    }
    let vals = values(p, sample);
    let distinct: BTreeSet<&str> = vals.iter().copied().collect();
    let short = vals.iter().all(|v| v.chars().count() <= 40);
    !(vals.len() >= 10 && distinct.len() <= 8 && short && distinct.len() * 2 <= vals.len())
}
