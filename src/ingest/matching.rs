//! Header -> question id by similarity: a header is cleaned of numbering
//! prefixes ("Q3.", "1)"), required-marks and accents, folded into stemmed
//! words, and scored against each question by its key terms
//! (`data/questions.toml`, ordered phrases with weights, negatives included)
//! plus its word overlap with the question bank's wording (idf-weighted, so
//! a truncated header still matches). The best score above a threshold
//! wins. Segment phrases (`data/segments.toml`) use the same folding.

use crate::questions::QuestionId;
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
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
/// Weight of the overlap with the bank's wording (0..1).
const OVERLAP_WEIGHT: f64 = 3.0;
/// How many other words may sit between two words of a phrase.
const GAP: usize = 3;
/// Content words beyond which key terms count for less.
const LONG: f64 = 30.0;

#[derive(Deserialize)]
struct TermsFile {
    terms: Vec<(String, f64)>,
    #[serde(default)]
    requires: Vec<String>,
}

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
    terms: BTreeMap<QuestionId, Vec<(Vec<String>, f64)>>,
    requires: BTreeMap<QuestionId, Vec<Vec<String>>>,
    wording: BTreeMap<QuestionId, BTreeSet<String>>,
    idf: BTreeMap<String, f64>,
    segments: Vec<(String, Vec<Vec<String>>)>,
}

static BANK: LazyLock<Bank> = LazyLock::new(build_bank);

fn build_bank() -> Bank {
    let raw: BTreeMap<String, TermsFile> =
        toml::from_str(include_str!("data/questions.toml")).expect("embedded questions.toml");
    let mut terms = BTreeMap::new();
    let mut requires = BTreeMap::new();
    for (id, file) in raw {
        let q: QuestionId = id.parse().expect("question id in questions.toml");
        let phrases = file.terms.iter().map(|(p, w)| (tokens(p), *w)).collect();
        terms.insert(q, phrases);
        requires.insert(q, file.requires.iter().map(|r| tokens(r)).collect());
    }
    let wording: BTreeMap<QuestionId, BTreeSet<String>> = QuestionId::ALL
        .iter()
        .map(|&q| (q, content(&tokens(q.wording())).into_iter().collect()))
        .collect();
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for words in wording.values() {
        for w in words {
            *df.entry(w.clone()).or_default() += 1;
        }
    }
    let n = QuestionId::ALL.len() as f64;
    let idf = df
        .into_iter()
        .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
        .collect();
    let segs: SegmentsFile =
        toml::from_str(include_str!("data/segments.toml")).expect("embedded segments.toml");
    let segments = segs
        .segment
        .into_iter()
        .map(|s| (s.name, s.terms.iter().map(|t| tokens(t)).collect()))
        .collect();
    Bank {
        terms,
        requires,
        wording,
        idf,
        segments,
    }
}

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:q(?:uestion)?\s*\d+[a-z]?|\d+[a-z]?)\s*[.):\-–—]|[a-z][.)]|q\d+[a-z]?\s)\s*")
        .expect("prefix regex")
});
static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\*|\((?:required|optional)\)|\s)+$").expect("suffix regex")
});

/// The header without numbering prefix and required-marks.
pub(crate) fn strip_decorations(header: &str) -> String {
    let h = header.replace('\u{a0}', " ");
    let h = PREFIX.replace(&h, "");
    SUFFIX.replace(&h, "").trim().to_string()
}

/// Folded, stemmed words, stopwords kept (phrases need them).
pub(crate) fn tokens(text: &str) -> Vec<String> {
    static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
    let lowered: String = text.to_lowercase().chars().map(unaccent).collect();
    lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| STEMMER.stem(w).into_owned())
        .collect()
}

fn unaccent(c: char) -> char {
    match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "do", "doe",
    "did", "you", "your", "we", "our", "us", "i", "me", "my", "it", "it", "this", "that", "these",
    "those", "what", "which", "who", "how", "whi", "when", "where", "with", "by", "from", "at",
    "as", "if", "ani", "most", "more", "often", "have", "has", "they", "them", "their", "there",
    "pleas", "would", "could", "can", "will", "not", "but", "so", "than", "get", "make", "list",
];

fn content(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && w.len() > 1)
        .cloned()
        .collect()
}

/// True when `phrase` occurs in `words` in order, with at most `GAP` other
/// words between consecutive phrase words.
pub(crate) fn phrase_in(phrase: &[String], words: &[String]) -> bool {
    if phrase.is_empty() {
        return false;
    }
    (0..words.len()).any(|start| {
        if words[start] != phrase[0] {
            return false;
        }
        let mut pos = start;
        phrase[1..].iter().all(|p| {
            let end = (pos + GAP + 2).min(words.len());
            match words[pos + 1..end].iter().position(|w| w == p) {
                Some(off) => {
                    pos += off + 1;
                    true
                }
                None => false,
            }
        })
    })
}

/// The score of every question for a header, best first.
pub(crate) fn scores(header: &str) -> Vec<(QuestionId, f64)> {
    scores_of(&tokens(&strip_decorations(header)))
}

/// The score of every question for folded words, best first.
fn scores_of(words: &[String]) -> Vec<(QuestionId, f64)> {
    let bank = &*BANK;
    let words = words.to_vec();
    let content: BTreeSet<String> = content(&words).into_iter().collect();
    let weight = |w: &String| bank.idf.get(w).copied().unwrap_or(1.5);
    let total: f64 = content.iter().map(weight).sum();
    // A long intro text collects key terms by chance; a question rarely
    // runs past the bank's longest wording.
    let damp = (LONG / content.len().max(1) as f64).min(1.0);
    let mut out: Vec<(QuestionId, f64)> = QuestionId::ALL
        .iter()
        .map(|&q| {
            let required = &bank.requires[&q];
            let allowed = required.is_empty() || required.iter().any(|r| phrase_in(r, &words));
            let key: f64 = bank.terms[&q]
                .iter()
                .filter(|(p, _)| allowed && phrase_in(p, &words))
                .map(|(_, w)| w)
                .sum();
            let shared: Vec<&String> = content
                .iter()
                .filter(|w| bank.wording[&q].contains(*w))
                .collect();
            let shared_weight: f64 = shared.iter().map(|w| weight(w)).sum();
            let overlap = if total > 0.0 {
                shared_weight / total
            } else {
                0.0
            };
            // One shared word ("Timing" vs "time") is thin evidence.
            let trust = if shared.len() >= 2 { 1.0 } else { 0.5 };
            (q, damp * key + OVERLAP_WEIGHT * trust * overlap)
        })
        .collect();
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
    scores_of(&words).first().map_or(0.0, |(_, s)| *s)
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
    let n = content(&words).len();
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
