//! Header -> question id by similarity: a header is cleaned of numbering
//! prefixes ("Q3.", "1)"), required-marks and accents (a web address reads
//! as "website"), folded into stemmed words, and scored against each
//! question by its key terms (`data/questions.toml`, ordered phrases with
//! weights, negatives included) plus its word overlap with the question
//! bank's wording (idf-weighted, so a truncated header still matches), in
//! English, German, French and Spanish (see `bank`); a question's score is
//! its best in any language. The best score above a threshold wins.
//! Segment phrases (`data/segments.toml`) use the English folding.

use super::bank::{Lang, phrase_in};
use crate::questions::QuestionId;
use regex::Regex;
use rust_stemmers::Algorithm;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A header's best question, with its score and the runner-up.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMatch {
    pub id: QuestionId,
    pub score: f64,
    /// The second-best question and its score, if any scored above zero.
    pub runner_up: Option<(QuestionId, f64)>,
}

/// At or above this a header is taken as the question.
pub(crate) const THRESHOLD: f64 = 2.5;
/// At or above this a header is a question even if it names a segment.
pub(crate) const STRONG: f64 = 5.0;

#[derive(Deserialize)]
struct SegmentsFile {
    segment: Vec<SegmentEntry>,
}

#[derive(Deserialize)]
struct SegmentEntry {
    name: String,
    terms: Vec<String>,
}

struct Bank {
    /// English first: segment phrases and `score_without` use it alone.
    langs: Vec<Lang>,
    segments: Vec<(String, Vec<Vec<String>>)>,
}

static BANK: LazyLock<Bank> = LazyLock::new(build_bank);

fn build_bank() -> Bank {
    let langs = vec![
        Lang::english(),
        Lang::foreign(
            Algorithm::German,
            include_str!("data/questions_de.toml"),
            "questions_de.toml",
        ),
        Lang::foreign(
            Algorithm::French,
            include_str!("data/questions_fr.toml"),
            "questions_fr.toml",
        ),
        Lang::foreign(
            Algorithm::Spanish,
            include_str!("data/questions_es.toml"),
            "questions_es.toml",
        ),
    ];
    let segs: SegmentsFile =
        toml::from_str(include_str!("data/segments.toml")).expect("embedded segments.toml");
    let segments = segs
        .segment
        .into_iter()
        .map(|s| (s.name, s.terms.iter().map(|t| langs[0].tokens(t)).collect()))
        .collect();
    Bank { langs, segments }
}

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:(?:q(?:uestion)?|frage|pregunta)\s*\d+[a-z]?|\d+[a-z]?)\s*[.):\-–—]|[a-z][.)]|q\d+[a-z]?\s)\s*")
        .expect("prefix regex")
});
static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\*|\((?:required|optional|pflicht|obligatoire|obligatorio)\)|\s)+$")
        .expect("suffix regex")
});
/// A web address: the company's own site named instead of "our website".
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|ai|app|biz|info|eu|us|uk|ca|au|de|at|ch|fr|be|nl|es|it|se|dk|no|fi|ie|pl|pt)\b(?:/[^\s?]*)?")
        .expect("domain regex")
});

/// The header without numbering prefix and required-marks, a web address
/// read as "website".
pub(crate) fn strip_decorations(header: &str) -> String {
    let h = header.replace('\u{a0}', " ");
    let h = DOMAIN.replace_all(&h, "website");
    let h = PREFIX.replace(&h, "");
    SUFFIX.replace(&h, "").trim().to_string()
}

/// Folded, stemmed English words, stopwords kept (phrases need them).
pub(crate) fn tokens(text: &str) -> Vec<String> {
    BANK.langs[0].tokens(text)
}

/// The score of every question for a header, best first: in each
/// language, the best of them.
pub(crate) fn scores(header: &str) -> Vec<(QuestionId, f64)> {
    let text = strip_decorations(header);
    let mut best: BTreeMap<QuestionId, f64> = BTreeMap::new();
    for lang in &BANK.langs {
        for (q, s) in lang.scores(&lang.tokens(&text)) {
            let b = best.entry(q).or_insert(f64::MIN);
            *b = b.max(s);
        }
    }
    sorted(best.into_iter().collect())
}

fn sorted(mut out: Vec<(QuestionId, f64)>) -> Vec<(QuestionId, f64)> {
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The question a header asks, if it scores above the threshold.
pub fn match_question(header: &str) -> Option<QuestionMatch> {
    let all = scores(header);
    let (id, score) = *all.first()?;
    if score < THRESHOLD {
        return None;
    }
    let runner_up = all.get(1).filter(|(_, s)| *s > 0.0).copied();
    Some(QuestionMatch {
        id,
        score,
        runner_up,
    })
}

/// The scores of the questions `ids` for a header, best first.
pub(crate) fn best_scores_among(header: &str, ids: &[QuestionId]) -> Vec<(QuestionId, f64)> {
    scores(header)
        .into_iter()
        .filter(|(q, _)| ids.contains(q))
        .collect()
}

/// The best score of any question (for telling a near miss in reasons).
pub(crate) fn best_score(header: &str) -> Option<(QuestionId, f64)> {
    scores(header).first().copied()
}

/// The best question score of a header once the words of a segment
/// phrase are taken out: "Who holds the budget for our solution?" still
/// reads like a question without "solution", "Primary product you sell"
/// does not without "product".
pub(crate) fn score_without(header: &str, phrase: &[String]) -> f64 {
    let words: Vec<String> = tokens(&strip_decorations(header))
        .into_iter()
        .filter(|w| !phrase.contains(w))
        .collect();
    sorted(BANK.langs[0].scores(&words))
        .first()
        .map_or(0.0, |(_, s)| *s)
}

/// The segment a short header names, e.g. "Your region" -> `region`, and
/// the phrase that names it. The longest matching phrase wins.
pub(crate) fn segment_phrase(header: &str) -> Option<(String, Vec<String>)> {
    // Free-text asks ("Any other feedback for the marketing team?") and
    // questions about other people ("Who holds the budget for our
    // solution?") name a segment word without being a segment.
    const NOT_SEGMENTS: &[&str] = &[
        "latitud",
        "longitud",
        "altitud",
        "accuraci",
        "photo",
        "imag",
        "file",
        "url",
        "id",
        "comment",
        "feedback",
        "suggest",
        "suggestion",
        "els",
    ];
    let words = tokens(&strip_decorations(header));
    let n = BANK.langs[0].content(&words).len();
    let other = phrase_in(&tokens("any other"), &words);
    let about_others = words.first().is_some_and(|w| w == "who");
    if n == 0
        || n > 5
        || other
        || about_others
        || words.iter().any(|w| NOT_SEGMENTS.contains(&w.as_str()))
    {
        return None;
    }
    let mut best: Option<(&Vec<String>, &str)> = None;
    for (name, phrases) in &BANK.segments {
        for p in phrases {
            if phrase_in(p, &words) && best.is_none_or(|(b, _)| p.len() > b.len()) {
                best = Some((p, name));
            }
        }
    }
    best.map(|(p, name)| (name.to_string(), p.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decorations_go() {
        assert_eq!(
            strip_decorations("Q3. Top 3 objections*"),
            "Top 3 objections"
        );
        assert_eq!(strip_decorations("1) Who signs?"), "Who signs?");
        assert_eq!(strip_decorations("Question 12: Why? (required)"), "Why?");
        assert_eq!(strip_decorations("Q1 What"), "What");
        assert_eq!(strip_decorations("3 - Sales cycle"), "Sales cycle");
    }

    #[test]
    fn phrases_keep_order() {
        let w = tokens("What are you doing better than your competitors?");
        assert!(phrase_in(&tokens("better than competitor"), &w));
        assert!(!phrase_in(&tokens("competitors better"), &w));
    }
}
