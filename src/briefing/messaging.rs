//! Messaging inputs, what the content team came for: for each top
//! objection, the prospect questions that go with it, the differentiators
//! that answer it and the best verbatims; and the website asks, ranked.

use super::format::pct;
use super::history::{Deltas, Marker};
use crate::questions::QuestionId;
use crate::snapshot::{Quote, Snapshot, ThemeSummary};
use serde::Serialize;

/// Objections briefed.
const OBJECTIONS: usize = 4;
/// Verbatims per objection.
const VERBATIMS: usize = 2;

/// The differentiator themes that answer each buying concern: what a
/// rep can say back. Both codebooks' ids are stable (taxonomy.md).
const ANSWERS: [(&str, &[&str]); 15] = [
    ("price", &["price_value", "time_to_value"]),
    ("budget", &["price_value", "time_to_value"]),
    ("timing", &["time_to_value"]),
    ("roi", &["proof", "time_to_value", "price_value"]),
    ("competitor", &["features", "ease_of_use", "support"]),
    ("status_quo", &["ease_of_use", "time_to_value"]),
    ("authority", &["proof", "relationship"]),
    ("integration", &["integrations"]),
    ("security", &["security"]),
    ("features", &["features", "customization", "innovation"]),
    ("implementation", &["time_to_value", "support"]),
    ("contract", &["price_value", "relationship"]),
    ("vendor_risk", &["proof", "brand", "relationship"]),
    ("support", &["support", "relationship"]),
    ("usability", &["ease_of_use"]),
];

/// What the content team came for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Messaging {
    /// A brief per top objection (at most four), largest first.
    pub objections: Vec<ObjectionBrief>,
    /// What reps would change on the website, most often asked first (themes of
    /// more than one rep).
    pub website_asks: Vec<Ask>,
    /// Audiences the site is said to miss ("IT buyers (4)").
    pub missing_audiences: Vec<String>,
}

/// A brief for FAQ and content on one objection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectionBrief {
    /// The theme id (`security`, ...).
    pub id: String,
    /// The theme's label ("Security and compliance").
    pub label: String,
    /// Share of the reps who answered the objections question ("70%").
    pub share: String,
    /// Reps who raise it.
    pub count: usize,
    /// Reps who answered the objections question.
    pub answered: usize,
    /// Its change since the previous quarter, when there is one.
    pub change: Option<Marker>,
    /// What prospects ask on the same topic: its share and verbatim questions.
    pub questions_share: String,
    /// Prospect questions on the same theme, as quotes.
    pub questions: Vec<Quote>,
    /// Differentiators that answer it, with the reps who cite each.
    pub answers: Vec<Answer>,
    /// The best two quotes of the objection itself (confidently coded, one
    /// theme each).
    pub verbatims: Vec<Quote>,
}

/// A differentiator theme that answers an objection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The differentiator theme's label.
    pub label: String,
    /// "24% say clients buy for it, 30% say we do it better".
    pub evidence: String,
    /// A rep's words for it, when there is one.
    pub quote: Option<Quote>,
}

/// A change reps ask of the website.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ask {
    /// The website theme's label ("Case studies and proof").
    pub label: String,
    /// Share of the reps who answered the question.
    pub share: String,
    /// Reps who ask for it.
    pub count: usize,
    /// A rep's words for it, when there is one.
    pub quote: Option<Quote>,
}

/// A theme's quotes with their details; older snapshots have texts only.
pub fn quotes_of(t: &ThemeSummary) -> Vec<Quote> {
    if !t.quote_details.is_empty() {
        return t.quote_details.clone();
    }
    t.quotes
        .iter()
        .map(|q| Quote {
            text: q.clone(),
            confidence: 1.0,
            segment: None,
        })
        .collect()
}

fn theme<'a>(s: &'a Snapshot, q: QuestionId, id: &str) -> Option<&'a ThemeSummary> {
    s.question(q)?.themes.iter().find(|t| t.id == id)
}

pub fn messaging(s: &Snapshot, deltas: &Deltas) -> Messaging {
    let objections = s
        .question(QuestionId::Objections)
        .map(|q| {
            q.themes
                .iter()
                .filter(|t| t.id != "other" && t.respondents > 1)
                .take(OBJECTIONS)
                .map(|t| brief(s, t, q.answered, deltas))
                .collect()
        })
        .unwrap_or_default();
    let website_asks = s
        .question(QuestionId::WebsiteChanges)
        .map(|q| {
            q.themes
                .iter()
                .filter(|t| t.id != "other" && t.respondents > 1)
                .map(|t| Ask {
                    label: t.label.clone(),
                    share: pct(t.share),
                    count: t.respondents,
                    quote: quotes_of(t).into_iter().next(),
                })
                .collect()
        })
        .unwrap_or_default();
    let missing_audiences = s
        .question(QuestionId::WebsiteAudienceFit)
        .map(|q| {
            q.missing_audiences
                .iter()
                .filter(|c| c.count > 1)
                .map(|c| format!("{} ({})", c.label, c.count))
                .collect()
        })
        .unwrap_or_default();
    Messaging {
        objections,
        website_asks,
        missing_audiences,
    }
}

fn brief(s: &Snapshot, t: &ThemeSummary, answered: usize, deltas: &Deltas) -> ObjectionBrief {
    let asked = theme(s, QuestionId::ProspectQuestions, &t.id);
    let ids = ANSWERS
        .iter()
        .find(|(k, _)| *k == t.id)
        .map_or(&[][..], |(_, v)| *v);
    let answers = ids
        .iter()
        .filter_map(|id| answer(s, id))
        .collect::<Vec<_>>();
    ObjectionBrief {
        id: t.id.clone(),
        label: t.label.clone(),
        share: pct(t.share),
        count: t.respondents,
        answered,
        change: deltas.get(QuestionId::Objections, &t.id),
        questions_share: asked.map(|a| pct(a.share)).unwrap_or_else(|| "0%".into()),
        questions: asked.map(quotes_of).unwrap_or_default(),
        answers,
        verbatims: quotes_of(t).into_iter().take(VERBATIMS).collect(),
    }
}

/// The evidence for one differentiator: why clients buy and where we do
/// better; nothing when no rep cites it in either question.
fn answer(s: &Snapshot, id: &str) -> Option<Answer> {
    let why = theme(s, QuestionId::Differentiators, id);
    let better = theme(s, QuestionId::OurStrengths, id);
    let t = why.or(better)?;
    let mut evidence = vec![];
    if let Some(w) = why {
        evidence.push(format!("{} of reps say clients buy for it", pct(w.share)));
    }
    if let Some(b) = better {
        evidence.push(format!("{} say we do it better", pct(b.share)));
    }
    Some(Answer {
        label: t.label.clone(),
        evidence: evidence.join("; "),
        quote: why.into_iter().chain(better).flat_map(quotes_of).next(),
    })
}
