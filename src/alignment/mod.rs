//! Alignment (issue 12): the stage between aggregate and snapshot that sets
//! marketing's picture against what sales hears. It takes the two teams'
//! aggregates (the same 16 question ids, marketing's from the mirror
//! survey) and, when given, the coded messaging, and gives the snapshot's
//! [`Alignment`]: per theme the two shares, the gap, an exact test and a
//! verdict; personas, cycle length and the website verdicts the same way;
//! the messaging checks; and the alignment score. Pure: no I/O.
//!
//! Small-n honesty: a gap is a `blind_spot` or `overestimated` only when
//! Fisher's exact test finds it (and it is at least `min_gap_points`); a
//! gap the test cannot tell from chance is `aligned` only while it is
//! small, otherwise the data are `too_few`, said as such.

pub mod claims;
mod cycle;
pub mod messaging;
mod settings;
mod themes;

pub use claims::{MessagingFormat, claims_of, extract_text};
pub use messaging::{Cited, CodedClaim, CodedMessaging, cited, code_claims};
pub use settings::AlignmentConfig;

use crate::questions::QuestionId;
use crate::snapshot::alignment::{Alignment, Teams, Thresholds, Verdict};
use crate::snapshot::{QuestionSummary, round4};

/// One team's aggregate.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// Responses used.
    pub respondents: usize,
    pub questions: &'a [QuestionSummary],
}

impl Side<'_> {
    fn question(&self, id: QuestionId) -> Option<&QuestionSummary> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Everything the comparison reads.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub sales: Side<'a>,
    pub marketing: Side<'a>,
    /// Why clients buy, per sales rep (`differentiators` or
    /// `our_strengths`), for the messaging check.
    pub sales_cited: &'a Cited,
    pub messaging: Option<&'a CodedMessaging>,
    pub thresholds: Thresholds,
    /// The snapshot's minimum cell size: below it a segment is not shown.
    pub min_cell_size: usize,
}

/// The question groups of the alignment section, in its order.
pub const GROUPS: &[(&str, &[QuestionId])] = &[
    ("Objections", &[QuestionId::Objections]),
    ("Prospect questions", &[QuestionId::ProspectQuestions]),
    (
        "Differentiators",
        &[QuestionId::Differentiators, QuestionId::OurStrengths],
    ),
    (
        "Buyer and influencer pains",
        &[QuestionId::BuyerPains, QuestionId::InfluencerPains],
    ),
    ("Competitor strengths", &[QuestionId::CompetitorStrengths]),
    (
        "Personas",
        &[QuestionId::BuyerPersonas, QuestionId::Influencers],
    ),
    (
        "Website",
        &[
            QuestionId::WebsiteValue,
            QuestionId::WebsiteAudienceFit,
            QuestionId::WebsiteChanges,
            QuestionId::WebsiteFeedback,
        ],
    ),
];

/// Compares the two sides.
pub fn align(input: &Input) -> Alignment {
    let mut notes = vec![];
    let mut rows = vec![];
    for (_, ids) in GROUPS {
        for &id in *ids {
            match (input.sales.question(id), input.marketing.question(id)) {
                (Some(s), Some(m)) => rows.extend(themes::compare(s, m, &input.thresholds)),
                (Some(_), None) => notes.push(format!(
                    "“{}” is not in marketing's export, so it is not compared.",
                    id.title()
                )),
                (None, Some(_)) => notes.push(format!(
                    "“{}” is not in the sales export, so it is not compared.",
                    id.title()
                )),
                (None, None) => {}
            }
        }
    }
    let small = input.marketing.respondents < input.min_cell_size;
    if small {
        notes.push(format!(
            "Marketing's {} answers are fewer than the minimum group of {}: they are compared with the whole sales team only, never per segment, and most gaps are too few to tell.",
            input.marketing.respondents, input.min_cell_size
        ));
    }
    let cycle = cycle::compare(input, !small);
    let messaging = input
        .messaging
        .map(|m| messaging::checks(m, input))
        .unwrap_or_default();
    let scored = rows.iter().filter(|r| r.verdict != Verdict::TooFew).count();
    let aligned = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Aligned)
        .count();
    Alignment {
        teams: Teams {
            sales: input.sales.respondents,
            marketing: input.marketing.respondents,
        },
        themes: rows,
        messaging,
        messaging_claims: input.messaging.map(|m| m.claims.len()),
        cycle_length: cycle,
        score: (scored > 0).then(|| round4(aligned as f64 / scored as f64)),
        scored,
        notes,
        thresholds: input.thresholds,
    }
}
