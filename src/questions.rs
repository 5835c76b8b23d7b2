//! The question bank: the 16 stable question ids, what kind of answer each
//! takes, and which codebook codes it (see `../shared/spec/question-bank.md`).
//! Matching export headers to these ids lives in `ingest::columns`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the 16 questions of the survey, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionId {
    Objections,
    BuyerPersonas,
    Influencers,
    SalesProcess,
    CycleLength,
    ProspectQuestions,
    SuccessFactors,
    Differentiators,
    BuyerPains,
    InfluencerPains,
    CompetitorStrengths,
    OurStrengths,
    WebsiteValue,
    WebsiteChanges,
    WebsiteAudienceFit,
    WebsiteFeedback,
}

/// How an answer is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// A list of free-text items, each coded with a codebook.
    CodedList,
    /// A list of job titles or persona names.
    Personas,
    /// One free-text answer; the sales stages it mentions, in order.
    Stages,
    /// One free-text duration.
    Duration,
    /// yes / partly / no or a 1-5 scale, maybe with a comment.
    Rating,
    /// One free-text answer, coded with a codebook and given a tone.
    CodedText,
}

/// The default codebooks of `../shared/spec/taxonomy.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodebookId {
    BuyingConcerns,
    Differentiators,
    Pains,
    SuccessFactors,
    SalesStages,
    Website,
}

impl CodebookId {
    pub const ALL: [CodebookId; 6] = [
        CodebookId::BuyingConcerns,
        CodebookId::Differentiators,
        CodebookId::Pains,
        CodebookId::SuccessFactors,
        CodebookId::SalesStages,
        CodebookId::Website,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CodebookId::BuyingConcerns => "buying_concerns",
            CodebookId::Differentiators => "differentiators",
            CodebookId::Pains => "pains",
            CodebookId::SuccessFactors => "success_factors",
            CodebookId::SalesStages => "sales_stages",
            CodebookId::Website => "website",
        }
    }
}

impl QuestionId {
    pub const ALL: [QuestionId; 16] = [
        QuestionId::Objections,
        QuestionId::BuyerPersonas,
        QuestionId::Influencers,
        QuestionId::SalesProcess,
        QuestionId::CycleLength,
        QuestionId::ProspectQuestions,
        QuestionId::SuccessFactors,
        QuestionId::Differentiators,
        QuestionId::BuyerPains,
        QuestionId::InfluencerPains,
        QuestionId::CompetitorStrengths,
        QuestionId::OurStrengths,
        QuestionId::WebsiteValue,
        QuestionId::WebsiteChanges,
        QuestionId::WebsiteAudienceFit,
        QuestionId::WebsiteFeedback,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionId::Objections => "objections",
            QuestionId::BuyerPersonas => "buyer_personas",
            QuestionId::Influencers => "influencers",
            QuestionId::SalesProcess => "sales_process",
            QuestionId::CycleLength => "cycle_length",
            QuestionId::ProspectQuestions => "prospect_questions",
            QuestionId::SuccessFactors => "success_factors",
            QuestionId::Differentiators => "differentiators",
            QuestionId::BuyerPains => "buyer_pains",
            QuestionId::InfluencerPains => "influencer_pains",
            QuestionId::CompetitorStrengths => "competitor_strengths",
            QuestionId::OurStrengths => "our_strengths",
            QuestionId::WebsiteValue => "website_value",
            QuestionId::WebsiteChanges => "website_changes",
            QuestionId::WebsiteAudienceFit => "website_audience_fit",
            QuestionId::WebsiteFeedback => "website_feedback",
        }
    }

    /// The question as the survey asks it (the question bank's wording).
    pub fn wording(self) -> &'static str {
        match self {
            QuestionId::Objections => {
                "List three (or more) objections you hear from prospects. Are these similar across products and solutions? If not, how do they differ?"
            }
            QuestionId::BuyerPersonas => {
                "Who do you feel the buyer is, by title or persona? Does this vary by business size or vertical?"
            }
            QuestionId::Influencers => {
                "Who (by title or persona) are the influencers in the sales cycle?"
            }
            QuestionId::SalesProcess => {
                "Describe the typical sales process from engagement through close."
            }
            QuestionId::CycleLength => "How much time does it take to get through the sales cycle?",
            QuestionId::ProspectQuestions => {
                "What questions do your prospects ask you? What do they ask of you to help them make their decision?"
            }
            QuestionId::SuccessFactors => {
                "In a successful sale, what most often makes it a success?"
            }
            QuestionId::Differentiators => {
                "List the key product/solution differentiators your company has over its competition: not what the web page says, but what clients say. Why did they purchase?"
            }
            QuestionId::BuyerPains => {
                "Buyer: what frustrations do buyers have in their daily work or company that you are solving? What are their fears? What pressures are they under in making decisions?"
            }
            QuestionId::InfluencerPains => {
                "Influencer: what frustrations do influencers have in their daily work or company that you are solving? What are their fears? What pressures are they under?"
            }
            QuestionId::CompetitorStrengths => "What are your competitors doing better than you?",
            QuestionId::OurStrengths => "What are you doing better than your competitors?",
            QuestionId::WebsiteValue => "Is our website a valuable sales tool for you?",
            QuestionId::WebsiteChanges => {
                "If you could make any change to our website, what would you change?"
            }
            QuestionId::WebsiteAudienceFit => {
                "Does our site meet the needs of our entire target audience?"
            }
            QuestionId::WebsiteFeedback => {
                "What are prospects and customers saying about our website?"
            }
        }
    }

    /// A short title for report headings.
    pub fn title(self) -> &'static str {
        match self {
            QuestionId::Objections => "Objections prospects raise",
            QuestionId::BuyerPersonas => "Who buys",
            QuestionId::Influencers => "Who influences",
            QuestionId::SalesProcess => "The sales process",
            QuestionId::CycleLength => "Sales cycle length",
            QuestionId::ProspectQuestions => "Questions prospects ask",
            QuestionId::SuccessFactors => "What makes a sale succeed",
            QuestionId::Differentiators => "Why clients buy from us",
            QuestionId::BuyerPains => "Buyers' frustrations, fears and pressures",
            QuestionId::InfluencerPains => "Influencers' frustrations, fears and pressures",
            QuestionId::CompetitorStrengths => "Where competitors do better",
            QuestionId::OurStrengths => "Where we do better",
            QuestionId::WebsiteValue => "Is the website a valuable sales tool?",
            QuestionId::WebsiteChanges => "What reps would change on the website",
            QuestionId::WebsiteAudienceFit => "Does the site serve the whole audience?",
            QuestionId::WebsiteFeedback => "What prospects say about the website",
        }
    }

    pub fn kind(self) -> AnswerKind {
        use QuestionId::*;
        match self {
            BuyerPersonas | Influencers => AnswerKind::Personas,
            SalesProcess => AnswerKind::Stages,
            CycleLength => AnswerKind::Duration,
            WebsiteValue | WebsiteAudienceFit => AnswerKind::Rating,
            WebsiteFeedback => AnswerKind::CodedText,
            _ => AnswerKind::CodedList,
        }
    }

    /// The codebook whose themes code this question's answers, if any.
    pub fn codebook(self) -> Option<CodebookId> {
        use QuestionId::*;
        match self {
            Objections | ProspectQuestions => Some(CodebookId::BuyingConcerns),
            Differentiators | CompetitorStrengths | OurStrengths => {
                Some(CodebookId::Differentiators)
            }
            BuyerPains | InfluencerPains => Some(CodebookId::Pains),
            SuccessFactors => Some(CodebookId::SuccessFactors),
            SalesProcess => Some(CodebookId::SalesStages),
            WebsiteChanges | WebsiteFeedback => Some(CodebookId::Website),
            BuyerPersonas | Influencers | CycleLength | WebsiteValue | WebsiteAudienceFit => None,
        }
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QuestionId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        QuestionId::ALL
            .into_iter()
            .find(|q| q.as_str() == s.trim())
            .ok_or_else(|| {
                let ids: Vec<&str> = QuestionId::ALL.iter().map(|q| q.as_str()).collect();
                format!("unknown question id `{s}`; the ids are: {}", ids.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_serde() {
        for q in QuestionId::ALL {
            assert_eq!(q.as_str().parse::<QuestionId>().unwrap(), q);
            assert_eq!(serde_json::to_string(&q).unwrap(), format!("\"{q}\""));
        }
        assert!("objection".parse::<QuestionId>().is_err());
    }

    #[test]
    fn every_coded_question_has_a_codebook() {
        for q in QuestionId::ALL {
            let coded = matches!(q.kind(), AnswerKind::CodedList | AnswerKind::CodedText);
            if coded {
                assert!(q.codebook().is_some(), "{q}");
            }
        }
    }
}
