//! Persona cards: one per main buyer persona, with what the reps who name
//! it say about buyers' pains and the objections they hear, from the
//! snapshot's persona profiles (only personas enough reps name).

use super::format::pct;
use crate::questions::QuestionId;
use crate::snapshot::{Count, PersonaProfile, Snapshot, persona_label};
use serde::Serialize;

/// Cards per side (buyers, influencers).
const CARDS: usize = 3;
/// Themes listed per card.
const LISTED: usize = 3;

/// A card for one main persona: who it is and what the reps who sell to it hear.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonaCard {
    /// `buyer` or `influencer`.
    pub side: String,
    /// "Finance · C-level".
    pub title: String,
    /// "Named by 36% of reps (11 of 30)".
    pub share: String,
    /// Pains ("Manual work (5 of 9)"), from the pains question.
    pub pains: Vec<String>,
    /// Reps who name this persona and answered the pains question (the base of
    /// `pains`).
    pub pains_base: usize,
    /// Objections ("Price (40% of them)") heard by the reps who name this
    /// persona.
    pub objections: Vec<String>,
    /// Reps who name this persona and answered the objections question.
    pub objections_base: usize,
    /// "Enterprise 7, Mid-market 2".
    pub where_: String,
}

fn listed(v: &[Count]) -> Vec<String> {
    v.iter()
        .filter(|c| c.count > 1)
        .take(LISTED)
        .map(|c| format!("{} ({} of them)", c.label, pct(c.share)))
        .collect()
}

fn card(p: &PersonaProfile, answered: usize) -> PersonaCard {
    PersonaCard {
        side: if p.question == QuestionId::BuyerPersonas {
            "buyer"
        } else {
            "influencer"
        }
        .into(),
        title: persona_label(p.function, p.seniority),
        share: format!(
            "named by {} of reps ({} of {answered})",
            pct(p.share),
            p.respondents
        ),
        pains: listed(&p.pains),
        pains_base: p.pains_answered,
        objections: listed(&p.objections),
        objections_base: p.objections_answered,
        where_: p
            .segments
            .iter()
            .map(|c| format!("{} {}", c.label, c.count))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Cards for the main buyers, then the main influencers.
pub fn cards(s: &Snapshot) -> Vec<PersonaCard> {
    let mut out = vec![];
    for q in [QuestionId::BuyerPersonas, QuestionId::Influencers] {
        let answered = s.question(q).map_or(0, |x| x.answered);
        out.extend(
            s.persona_profiles
                .iter()
                .filter(|p| p.question == q)
                .take(CARDS)
                .map(|p| card(p, answered)),
        );
    }
    out
}
