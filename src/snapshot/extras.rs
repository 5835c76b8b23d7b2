//! Snapshot fields added for the briefing (schema 1, all optional, so
//! older snapshots still read): quotes with their confidence and segment,
//! and persona profiles linking who buys to what those reps hear.

use super::Count;
use crate::normalize::{Function, Seniority};
use crate::questions::QuestionId;
use serde::{Deserialize, Serialize};

/// One quote, as shown: redacted and stripped of markup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quote, redacted (names, emails, phone numbers, links) and stripped
    /// of markup.
    pub text: String,
    /// How sure the coding is that the item belongs to its theme, 0..1
    /// (1 for an item coded with this theme alone).
    pub confidence: f64,
    /// The respondent's segment value ("Enterprise"), only when that
    /// value's group is large enough to be shown for this question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
}

/// A persona named by enough reps to describe: what those same reps say
/// about buyers' (or influencers') pains and the objections they hear.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaProfile {
    /// `buyer_personas` or `influencers`.
    pub question: QuestionId,
    pub function: Function,
    pub seniority: Seniority,
    /// Reps who named this persona.
    pub respondents: usize,
    /// Share of the question's answering reps.
    pub share: f64,
    /// Of those reps, how many answered the pains question; the base of
    /// `pains`.
    pub pains_answered: usize,
    /// Pain themes (`buyer_pains` for buyers, `influencer_pains` for
    /// influencers) among those reps, largest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pains: Vec<Count>,
    /// Of those reps, how many answered `objections`; the base of
    /// `objections`.
    pub objections_answered: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objections: Vec<Count>,
    /// The segment values of those reps (of the segment with the most
    /// values), for the values whose group is shown in the segment tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Count>,
}
