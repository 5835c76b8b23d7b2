//! Normalize: turn each free-text answer into coded items: list answers
//! split into items, items coded with codebook themes, titles parsed into
//! personas, durations into day ranges, sales-process answers into stages,
//! website answers into a rating and a tone.
//!
//! Submodules: `fold` (case, accents, punctuation, stemming), `split`
//! (items), `codebook` (embedded TOML rules) and `themes` (the matcher),
//! `personas`, `durations`, `rating`, `tone`, `competitors`, `emerging`
//! (themes not in any codebook yet), `redact` (PII in quotes).

use crate::questions::CodebookId;
use crate::questions::{AnswerKind, QuestionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

pub mod clauses;
pub mod codebook;
pub mod comparable;
pub mod competitor_names;
pub mod competitors;
pub mod duration_words;
pub mod durations;
pub mod emerging;
pub mod fold;
pub mod model;
pub mod negation;
pub mod numbers;
pub mod personas;
pub mod rating;
pub mod redact;
pub mod split;
pub mod themes;
pub mod tidy;
pub mod title_words;
pub mod titles;
pub mod tone;
pub mod typical;
pub mod word_cache;
pub mod words;

pub use codebook::{Codebook, Codebooks, Theme};
pub use typical::typical;

/// A theme found in an item, with what found it (for `--explain`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ThemeHit {
    pub id: String,
    /// The rule that matched, as written in the codebook (e.g.
    /// `term:pricey`); `model` when the learned coder alone gave it;
    /// `none` for `other`.
    pub rule: String,
    /// The learned coder's probability for the theme, in thousandths (the
    /// JSON shows it as a fraction, e.g. 0.873); none for themes the model
    /// does not know (a theme added in the config) and for `other`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "permille")]
    pub confidence: Option<u16>,
}

impl ThemeHit {
    /// True when the learned coder alone gave the theme, less than
    /// `permille` thousandths sure: a guess, not a finding.
    pub fn is_guess_below(&self, permille: u16) -> bool {
        self.rule == "model" && self.confidence.is_some_and(|c| c < permille)
    }

    /// A hit found by a rule, before the model has spoken.
    pub fn by_rule(id: &str, rule: &str) -> ThemeHit {
        ThemeHit {
            id: id.to_string(),
            rule: rule.to_string(),
            confidence: None,
        }
    }
}

/// Thousandths in memory (exact, ordered, deterministic), a fraction in JSON.
mod permille {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(p) => s.serialize_f64(f64::from(*p) / 1000.0),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        let v: Option<f64> = Option::deserialize(d)?;
        Ok(v.map(|f| (f.clamp(0.0, 1.0) * 1000.0).round() as u16))
    }
}

/// The job function of a persona (taxonomy.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    Executive,
    Marketing,
    Sales,
    Revops,
    It,
    Engineering,
    Security,
    Finance,
    Procurement,
    Operations,
    Hr,
    Legal,
    CustomerSuccess,
    Product,
    Data,
    Other,
}

/// The seniority of a persona (taxonomy.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    CLevel,
    Vp,
    Director,
    Manager,
    Individual,
    Unknown,
}

/// One (function, seniority) pair read from a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Persona {
    pub function: Function,
    pub seniority: Seniority,
}

/// A duration in days: `high` is `None` for an open bound ("12+ months").
/// `segment` ties the pair to a segment word only when an answer gives two
/// or more pairs ("SMB 30 days, enterprise 9 months").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DurationRange {
    pub low: u32,
    pub high: Option<u32>,
    pub segment: Option<String>,
}

/// The tone of a website-feedback answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Positive,
    Negative,
    Mixed,
    Neutral,
}

/// A yes / partly / no answer, or a point on a 1-5 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Yes,
    Partly,
    No,
    Scale(u8),
}

/// One item of an answer, coded.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CodedItem {
    /// 0-based index within the answer.
    pub index: usize,
    /// The item as written, trimmed, list marker removed.
    pub text: String,
    /// Theme hits, sorted by id, each id once. Empty when the question has
    /// no codebook; `other` alone when the codebook has no theme for it.
    pub themes: Vec<ThemeHit>,
    pub personas: Vec<Persona>,
    pub durations: Vec<DurationRange>,
    /// Sales-stage ids in order of first mention.
    pub stages: Vec<String>,
    pub tone: Option<Tone>,
    /// Competitor names mentioned, as configured or discovered.
    pub competitors: Vec<String>,
    /// Rule hits the learned coder overruled (for `--explain`).
    pub vetoed: Vec<ThemeHit>,
}

/// One answer to one question, coded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedAnswer {
    pub question: QuestionId,
    pub items: Vec<CodedItem>,
    /// For rating questions: the rating, when one could be read.
    pub rating: Option<Rating>,
    /// For rating questions: the comment after the rating, if any; for
    /// `website_audience_fit`, the audiences named as missing.
    pub missing_audiences: Vec<String>,
    /// For `cycle_length`: true when no duration could be read.
    pub unparsed: bool,
}

impl CodedAnswer {
    pub fn kind(&self) -> AnswerKind {
        self.question.kind()
    }
}

/// Codes answers with the codebooks and lists in force.
#[derive(Debug, Clone, Default)]
pub struct Normalizer {
    pub codebooks: Codebooks,
    /// Competitor names: configured, plus those discovered in the survey.
    pub competitors: Vec<String>,
    /// Who the respondents are: no discovered competitor is a person.
    pub privacy: crate::privacy::Privacy,
    /// Our own company and product names: never a competitor.
    pub own_names: Vec<String>,
    /// The codebooks' rules, compiled on first use; the codebooks are
    /// fixed once coding starts (a clone compiles afresh).
    compiled: CompiledBooks,
}

/// Each codebook's compiled rules, built once per normalizer, so an item
/// never hashes or compiles rules (issue 10).
#[derive(Debug, Default)]
struct CompiledBooks(OnceLock<BTreeMap<CodebookId, Arc<themes::Compiled>>>);

impl Clone for CompiledBooks {
    fn clone(&self) -> Self {
        CompiledBooks::default()
    }
}

impl Normalizer {
    pub fn new(codebooks: Codebooks, competitors: Vec<String>) -> Normalizer {
        Normalizer {
            codebooks,
            competitors,
            privacy: Default::default(),
            own_names: vec![],
            compiled: CompiledBooks::default(),
        }
    }

    /// The compiled rules of a codebook.
    fn compiled(&self, id: CodebookId) -> Option<&themes::Compiled> {
        let all = self.compiled.0.get_or_init(|| {
            self.codebooks
                .books
                .iter()
                .map(|(id, book)| (*id, book.compiled()))
                .collect()
        });
        all.get(&id).map(|c| c.as_ref())
    }

    /// The same normalizer, told our own company and product names.
    pub fn with_own_names(mut self, names: Vec<String>) -> Normalizer {
        self.own_names = names;
        self
    }

    /// The same normalizer, told who the respondents are.
    pub fn with_privacy(mut self, privacy: crate::privacy::Privacy) -> Normalizer {
        self.privacy = privacy;
        self
    }

    /// Codes one answer to one question.
    pub fn answer(&self, question: QuestionId, text: &str) -> CodedAnswer {
        let kind = question.kind();
        let pieces = match kind {
            AnswerKind::CodedList => split::split_items(text),
            AnswerKind::Personas => persona_items(text),
            // "No" is an answer here, not filler.
            AnswerKind::Rating => Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(|t| vec![t.to_string()])
                .unwrap_or_default(),
            _ => whole_answer(text),
        };
        let items = pieces
            .into_iter()
            .enumerate()
            .map(|(index, text)| self.item(question, index, text))
            .collect();
        let (rating, missing_audiences) = match kind {
            AnswerKind::Rating => (
                rating::parse_rating(text),
                if question == QuestionId::WebsiteAudienceFit {
                    rating::missing_audiences(text)
                } else {
                    vec![]
                },
            ),
            _ => (None, vec![]),
        };
        let mut answer = CodedAnswer {
            question,
            items,
            rating,
            missing_audiences,
            unparsed: false,
        };
        if kind == AnswerKind::Duration {
            answer.unparsed = answer.items.iter().all(|i| i.durations.is_empty());
        }
        answer
    }

    fn item(&self, question: QuestionId, index: usize, text: String) -> CodedItem {
        let mut item = CodedItem {
            index,
            ..CodedItem::default()
        };
        let book = question
            .codebook()
            .and_then(|b| Some((self.codebooks.get(b)?, self.compiled(b)?)));
        let toks = fold::tokens(&text);
        match question.kind() {
            AnswerKind::CodedList | AnswerKind::CodedText => {
                let enc = model::model().encode(&toks);
                let read = model::Item {
                    text: &text,
                    tokens: &toks,
                    enc: &enc,
                };
                if let Some((book, compiled)) = book {
                    let coded = model::code_item(book, compiled, question.as_str(), &read);
                    item.themes = coded.hits;
                    item.vetoed = coded.vetoed;
                }
                if question.kind() == AnswerKind::CodedText {
                    item.tone = Some(tone::tone_in(&toks, &enc));
                }
            }
            AnswerKind::Personas => item.personas = personas::parse_personas(&text),
            AnswerKind::Stages => {
                if let Some((_, compiled)) = book {
                    item.stages = themes::stages_in(compiled, &toks, &text);
                }
            }
            AnswerKind::Duration => item.durations = durations::parse_durations(&text),
            AnswerKind::Rating => {}
        }
        if matches!(
            question,
            QuestionId::CompetitorStrengths | QuestionId::OurStrengths | QuestionId::Objections
        ) {
            item.competitors = competitors::find(&text, &self.competitors);
            // Names no config lists, next to comparison words; never a
            // respondent (docs/coding.md, "Competitors without a config").
            let excluded = |name: &str| {
                self.privacy.is_person(name)
                    || self.own_names.iter().any(|o| o.eq_ignore_ascii_case(name))
            };
            for name in competitor_names::recognise(&text, excluded) {
                if !item
                    .competitors
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(&name))
                {
                    item.competitors.push(name);
                }
            }
        }
        item.text = text;
        item
    }
}

/// The items of a titles answer: split like any list, unless splitting
/// loses or changes a title ("Sr. Manager, Demand Gen" cut after "Sr."),
/// in which case the answer stays one item. The title parser reads lists
/// itself, so nothing is lost either way.
fn persona_items(text: &str) -> Vec<String> {
    let items = split::split_items(text);
    if items.len() < 2 {
        return items;
    }
    let mut whole = personas::parse_personas(text);
    let mut parts: Vec<Persona> = items
        .iter()
        .flat_map(|i| personas::parse_personas(i))
        .collect();
    whole.sort();
    parts.sort();
    parts.dedup();
    if whole == parts {
        items
    } else {
        whole_answer(text)
    }
}

/// A free-text answer kept whole as one item (none when blank or filler).
fn whole_answer(text: &str) -> Vec<String> {
    let t = text.trim();
    if t.is_empty() || split::is_filler(t) {
        vec![]
    } else {
        vec![t.to_string()]
    }
}

/// The coded answers of one response, aligned with `Survey::responses`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CodedResponse {
    pub answers: std::collections::BTreeMap<QuestionId, CodedAnswer>,
}

/// Questions whose answers name competitors.
pub const COMPETITOR_QUESTIONS: [QuestionId; 3] = [
    QuestionId::CompetitorStrengths,
    QuestionId::OurStrengths,
    QuestionId::Objections,
];

/// Codes every answer of every response. Competitor names recurring
/// across respondents are discovered first, so they are found everywhere.
pub fn normalize_survey(
    survey: &crate::ingest::Survey,
    normalizer: &Normalizer,
) -> (Normalizer, Vec<CodedResponse>) {
    normalize_survey_with(survey, normalizer, &crate::progress::Silent)
}

/// As [`normalize_survey`], one progress step per response coded.
pub fn normalize_survey_with(
    survey: &crate::ingest::Survey,
    normalizer: &Normalizer,
    progress: &dyn crate::progress::Progress,
) -> (Normalizer, Vec<CodedResponse>) {
    let texts: Vec<(usize, &str)> = survey
        .responses
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            COMPETITOR_QUESTIONS
                .iter()
                .filter_map(move |q| r.answers.get(q).map(|t| (i, t.as_str())))
        })
        .collect();
    let mut n = normalizer.clone();
    for name in competitors::discover(&texts) {
        // A name several reps mention may be a person (a respondent, a
        // buyer): never a "competitor".
        if n.privacy.is_person(&name) {
            continue;
        }
        if !n.competitors.iter().any(|c| c.eq_ignore_ascii_case(&name)) {
            n.competitors.push(name);
        }
    }
    // Responses are coded independently of each other, so they are coded
    // on every core (rayon's pool; `RAYON_NUM_THREADS=1` gives one thread).
    // An indexed `collect` keeps response order, so the output is the same
    // bytes whatever the thread count (tests/threads.rs checks it).
    use rayon::prelude::*;
    let coded = survey
        .responses
        .par_iter()
        .map(|r| {
            let coded = CodedResponse {
                answers: r
                    .answers
                    .iter()
                    .map(|(q, text)| (*q, n.answer(*q, text)))
                    .collect(),
            };
            progress.advance(1);
            coded
        })
        .collect();
    (n, coded)
}
