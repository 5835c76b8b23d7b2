//! The messaging check: claims coded with the same coder as the answers
//! ([`Normalizer::answer`], as a `differentiators` answer and as an
//! `objections` answer, so whatever coder stands behind that call codes
//! both alike), then per differentiator theme `backed` / `unproven` /
//! `missing` against why reps say clients buy, and per top objection
//! `answered` / `unanswered`.

use super::Input;
use crate::normalize::{CodedResponse, Normalizer};
use crate::questions::QuestionId;
use crate::snapshot::alignment::{MessageCheck, MessageVerdict};
use crate::snapshot::round4;
use std::collections::BTreeMap;

/// One claim of the messaging with the themes it was coded with
/// (`(id, label)`, `other` left out).
#[derive(Debug, Clone, PartialEq)]
pub struct CodedClaim {
    pub text: String,
    pub differentiators: Vec<(String, String)>,
    pub concerns: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodedMessaging {
    pub claims: Vec<CodedClaim>,
}

/// Reps citing each differentiator theme as why clients buy, in
/// `differentiators` or `our_strengths` (a rep counts once).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cited {
    /// Reps who answered either question.
    pub answered: usize,
    pub themes: BTreeMap<String, usize>,
}

/// A claim's theme counts when a codebook rule found it or the learned
/// coder is at least this sure (thousandths). The coder is trained on
/// answers, which always mean something, so it guesses the nearest theme
/// when unsure; a marketing sentence ("Reports, alerts and forecasts in
/// one place") often addresses no concern, and a guess must not count as
/// answering one.
const CLAIM_CONFIDENCE: u16 = 500;

/// Codes each claim.
pub fn code_claims(claims: &[String], normalizer: &Normalizer) -> CodedMessaging {
    let themes = |q: QuestionId, text: &str| {
        let book = q
            .codebook()
            .and_then(|b| normalizer.codebooks.books.get(&b));
        let mut out: Vec<(String, String)> = normalizer
            .answer(q, text)
            .items
            .iter()
            .flat_map(|i| {
                i.themes
                    .iter()
                    .filter(|t| !t.is_guess_below(CLAIM_CONFIDENCE))
                    .map(|t| t.id.clone())
            })
            .filter(|id| id != "other")
            .map(|id| {
                let label = book
                    .and_then(|b| b.themes.iter().find(|t| t.id == id))
                    .map_or_else(|| id.clone(), |t| t.label.clone());
                (id, label)
            })
            .collect();
        out.sort();
        out.dedup();
        out
    };
    CodedMessaging {
        claims: claims
            .iter()
            .map(|c| CodedClaim {
                text: c.clone(),
                differentiators: themes(QuestionId::Differentiators, c),
                concerns: themes(QuestionId::Objections, c),
            })
            .collect(),
    }
}

/// Why clients buy, per rep, from the coded sales responses.
pub fn cited(coded: &[CodedResponse]) -> Cited {
    let mut out = Cited::default();
    for r in coded {
        let answers: Vec<_> = [QuestionId::Differentiators, QuestionId::OurStrengths]
            .iter()
            .filter_map(|q| r.answers.get(q))
            .filter(|a| !a.items.is_empty())
            .collect();
        if answers.is_empty() {
            continue;
        }
        out.answered += 1;
        let mut ids: Vec<&str> = answers
            .iter()
            .flat_map(|a| &a.items)
            .flat_map(|i| i.themes.iter().map(|t| t.id.as_str()))
            .filter(|id| *id != "other")
            .collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            *out.themes.entry(id.to_string()).or_default() += 1;
        }
    }
    out
}

fn share(k: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        round4(k as f64 / n as f64)
    }
}

pub(super) fn checks(m: &CodedMessaging, input: &Input) -> Vec<MessageCheck> {
    let mut out = differentiators(m, input);
    out.extend(objections(m, input));
    out
}

fn differentiators(m: &CodedMessaging, input: &Input) -> Vec<MessageCheck> {
    let t = &input.thresholds;
    let cited = input.sales_cited;
    let competitors = input.sales.question(QuestionId::CompetitorStrengths);
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for c in &m.claims {
        labels.extend(c.differentiators.iter().cloned());
    }
    for q in [QuestionId::Differentiators, QuestionId::OurStrengths] {
        for th in input.sales.question(q).iter().flat_map(|q| &q.themes) {
            labels
                .entry(th.id.clone())
                .or_insert_with(|| th.label.clone());
        }
    }
    let mut rows = vec![];
    for (id, label) in labels.into_iter().filter(|(id, _)| id != "other") {
        let claims: Vec<&CodedClaim> = m
            .claims
            .iter()
            .filter(|c| c.differentiators.iter().any(|(d, _)| *d == id))
            .collect();
        let sales_share = share(cited.themes.get(&id).copied().unwrap_or(0), cited.answered);
        let verdict = match (claims.is_empty(), sales_share >= t.backed_share) {
            (false, true) => MessageVerdict::Backed,
            (false, false) => MessageVerdict::Unproven,
            (true, _) if sales_share >= t.missing_share => MessageVerdict::Missing,
            (true, _) => continue,
        };
        rows.push(MessageCheck {
            codebook: "differentiators".into(),
            competitor_share: competitors.map(|q| {
                q.themes
                    .iter()
                    .find(|th| th.id == id)
                    .map_or(0.0, |th| th.share)
            }),
            claims: claims.len(),
            example: claims.first().map(|c| c.text.clone()),
            theme: id,
            label,
            sales_share,
            sales_n: cited.answered,
            verdict,
        });
    }
    rows.sort_by(|a, b| {
        b.sales_share
            .total_cmp(&a.sales_share)
            .then_with(|| a.theme.cmp(&b.theme))
    });
    rows
}

fn objections(m: &CodedMessaging, input: &Input) -> Vec<MessageCheck> {
    let Some(q) = input.sales.question(QuestionId::Objections) else {
        return vec![];
    };
    let mut top: Vec<_> = q
        .themes
        .iter()
        .filter(|t| t.id != "other" && t.share >= input.thresholds.top_objection_share)
        .collect();
    top.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.id.cmp(&b.id)));
    top.into_iter()
        .map(|t| {
            let claims: Vec<&CodedClaim> = m
                .claims
                .iter()
                .filter(|c| c.concerns.iter().any(|(id, _)| *id == t.id))
                .collect();
            MessageCheck {
                codebook: "buying_concerns".into(),
                theme: t.id.clone(),
                label: t.label.clone(),
                claims: claims.len(),
                example: claims.first().map(|c| c.text.clone()),
                sales_share: t.share,
                sales_n: q.answered,
                competitor_share: None,
                verdict: if claims.is_empty() {
                    MessageVerdict::Unanswered
                } else {
                    MessageVerdict::Answered
                },
            }
        })
        .collect()
}
