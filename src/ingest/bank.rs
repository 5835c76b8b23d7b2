//! The question bank as the header matcher uses it, one scorer per
//! language: English (`data/questions.toml` and the bank's own wording)
//! and German, French and Spanish (`data/questions_{de,fr,es}.toml`: the
//! bank translated, several phrasings per question, with key terms). Each
//! language folds words with its own Snowball stemmer, so "Einwände" and
//! "Einwänden" are one word; a term word may carry `*` at either end to
//! match inside German compounds ("*prozess" is in "Vertriebsprozess").
//! The English wording is the sales survey's and marketing's mirror
//! survey's (`data/question_bank.toml`), so both teams' exports match.
//! English headers are first freed of survey shorthand (`data/
//! abbreviations.toml`: "Qs", "comps", "objs").

use crate::questions::QuestionId;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// Weight of the overlap with the bank's wording (0..1).
const OVERLAP_WEIGHT: f64 = 3.0;
/// Content words beyond which key terms count for less.
const LONG: f64 = 30.0;
/// How many other words may sit between two words of a phrase.
const GAP: usize = 3;

/// English function words, as the English stemmer folds them.
const ENGLISH_STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "do", "doe",
    "did", "you", "your", "we", "our", "us", "i", "me", "my", "it", "it", "this", "that", "these",
    "those", "what", "which", "who", "how", "whi", "when", "where", "with", "by", "from", "at",
    "as", "if", "ani", "most", "more", "often", "have", "has", "they", "them", "their", "there",
    "pleas", "would", "could", "can", "will", "not", "but", "so", "than", "get", "make", "list",
];

#[derive(Deserialize)]
struct TermsFile {
    #[serde(default)]
    terms: Vec<(String, f64)>,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    wording: Vec<String>,
}

#[derive(Deserialize)]
struct LangFile {
    stopwords: Vec<String>,
    #[serde(flatten)]
    questions: BTreeMap<String, TermsFile>,
}

#[derive(Deserialize)]
struct Abbreviations {
    expand: BTreeMap<String, String>,
}

/// One language's scorer.
pub(crate) struct Lang {
    english: bool,
    stemmer: Stemmer,
    stopwords: BTreeSet<String>,
    abbreviations: BTreeMap<String, Vec<String>>,
    terms: BTreeMap<QuestionId, Vec<(Vec<String>, f64)>>,
    requires: BTreeMap<QuestionId, Vec<Vec<String>>>,
    wording: BTreeMap<QuestionId, BTreeSet<String>>,
    idf: BTreeMap<String, f64>,
}

impl Lang {
    pub(crate) fn english() -> Lang {
        let raw: BTreeMap<String, TermsFile> =
            toml::from_str(include_str!("data/questions.toml")).expect("embedded questions.toml");
        let abbr: Abbreviations = toml::from_str(include_str!("data/abbreviations.toml"))
            .expect("embedded abbreviations.toml");
        let mut lang = Lang::empty(Algorithm::English, true);
        lang.stopwords = ENGLISH_STOPWORDS.iter().map(|s| s.to_string()).collect();
        lang.abbreviations = abbr
            .expand
            .into_iter()
            .map(|(k, v)| (k, v.split_whitespace().map(str::to_string).collect()))
            .collect();
        // Marketing answers a mirror survey ("Which objections do you think
        // prospects raise most?"): its wording is the same question's too.
        let mut wording: BTreeMap<String, Vec<String>> = QuestionId::ALL
            .iter()
            .map(|q| (q.as_str().to_string(), vec![q.wording().to_string()]))
            .collect();
        for q in &crate::question_bank::bank().questions {
            if let Some(w) = wording.get_mut(q.id.as_str()) {
                w.push(q.wording(crate::question_bank::Team::Marketing).to_string());
            }
        }
        lang.load(raw, wording);
        lang
    }

    pub(crate) fn foreign(algo: Algorithm, text: &str, file: &str) -> Lang {
        let raw: LangFile = toml::from_str(text).unwrap_or_else(|e| panic!("embedded {file}: {e}"));
        let mut lang = Lang::empty(algo, false);
        lang.stopwords = raw.stopwords.iter().flat_map(|w| lang.tokens(w)).collect();
        let wording = raw
            .questions
            .iter()
            .map(|(id, f)| (id.clone(), f.wording.clone()))
            .collect();
        lang.load(raw.questions, wording);
        lang
    }

    fn empty(algo: Algorithm, english: bool) -> Lang {
        Lang {
            english,
            stemmer: Stemmer::create(algo),
            stopwords: BTreeSet::new(),
            abbreviations: BTreeMap::new(),
            terms: BTreeMap::new(),
            requires: BTreeMap::new(),
            wording: BTreeMap::new(),
            idf: BTreeMap::new(),
        }
    }

    fn load(&mut self, raw: BTreeMap<String, TermsFile>, wording: BTreeMap<String, Vec<String>>) {
        for q in QuestionId::ALL {
            let f = raw.get(q.as_str());
            let terms = f.map_or(vec![], |f| {
                f.terms.iter().map(|(p, w)| (self.pattern(p), *w)).collect()
            });
            let requires = f.map_or(vec![], |f| {
                f.requires.iter().map(|r| self.pattern(r)).collect()
            });
            self.terms.insert(q, terms);
            self.requires.insert(q, requires);
            let words: BTreeSet<String> = wording
                .get(q.as_str())
                .into_iter()
                .flatten()
                .flat_map(|w| self.content(&self.tokens(w)))
                .collect();
            self.wording.insert(q, words);
        }
        for id in raw.keys() {
            id.parse::<QuestionId>()
                .unwrap_or_else(|e| panic!("question data: {e}"));
        }
        let mut df: BTreeMap<String, usize> = BTreeMap::new();
        for words in self.wording.values() {
            for w in words {
                *df.entry(w.clone()).or_default() += 1;
            }
        }
        let n = QuestionId::ALL.len() as f64;
        self.idf = df
            .into_iter()
            .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
            .collect();
    }

    /// Folded, stemmed words, function words kept (phrases need them).
    pub(crate) fn tokens(&self, text: &str) -> Vec<String> {
        let lowered = text.to_lowercase();
        if self.english {
            let folded: String = lowered.chars().map(unaccent).collect();
            let mut out = vec![];
            for w in folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                match self.abbreviations.get(w) {
                    Some(full) => out.extend(full.iter().map(|f| self.stem(f))),
                    None => out.push(self.stem(w)),
                }
            }
            out
        } else {
            // Stemmed before accents go: the stemmers know their letters.
            lowered
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| self.stem(w).chars().map(unaccent).collect())
                .collect()
        }
    }

    fn stem(&self, w: &str) -> String {
        self.stemmer.stem(w).into_owned()
    }

    /// A term's words, each folded like a header's, `*` marks kept.
    fn pattern(&self, text: &str) -> Vec<String> {
        let mut out = vec![];
        for piece in text.split_whitespace() {
            let (lead, trail) = (piece.starts_with('*'), piece.ends_with('*'));
            let mut words = self.tokens(piece.trim_matches('*'));
            if lead && let Some(first) = words.first_mut() {
                first.insert(0, '*');
            }
            if trail && let Some(last) = words.last_mut() {
                last.push('*');
            }
            out.extend(words);
        }
        out
    }

    pub(crate) fn content(&self, words: &[String]) -> Vec<String> {
        words
            .iter()
            .filter(|w| !self.stopwords.contains(w.as_str()) && w.chars().count() > 1)
            .cloned()
            .collect()
    }

    /// The score of every question for a header's folded words.
    pub(crate) fn scores(&self, words: &[String]) -> Vec<(QuestionId, f64)> {
        let content: BTreeSet<String> = self.content(words).into_iter().collect();
        let weight = |w: &String| self.idf.get(w).copied().unwrap_or(1.5);
        let total: f64 = content.iter().map(weight).sum();
        // A long intro text collects key terms by chance; a question rarely
        // runs past the bank's longest wording.
        let damp = (LONG / content.len().max(1) as f64).min(1.0);
        QuestionId::ALL
            .iter()
            .map(|&q| {
                let required = &self.requires[&q];
                let allowed = required.is_empty() || required.iter().any(|r| phrase_in(r, words));
                let key: f64 = self.terms[&q]
                    .iter()
                    .filter(|(p, _)| allowed && phrase_in(p, words))
                    .map(|(_, w)| w)
                    .sum();
                let shared: Vec<&String> = content
                    .iter()
                    .filter(|w| self.wording[&q].contains(*w))
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
            .collect()
    }
}

/// Whether a pattern word (maybe `*`-marked) matches a folded word.
fn word_is(p: &str, w: &str) -> bool {
    match (p.strip_prefix('*'), p.strip_suffix('*')) {
        (Some(_), Some(_)) => w.contains(p.trim_matches('*')),
        (Some(tail), None) => w.ends_with(tail),
        (None, Some(head)) => w.starts_with(head),
        (None, None) => p == w,
    }
}

/// True when `phrase` occurs in `words` in order, with at most `GAP` other
/// words between consecutive phrase words.
pub(crate) fn phrase_in(phrase: &[String], words: &[String]) -> bool {
    if phrase.is_empty() {
        return false;
    }
    (0..words.len()).any(|start| {
        if !word_is(&phrase[0], &words[start]) {
            return false;
        }
        let mut pos = start;
        phrase[1..].iter().all(|p| {
            let end = (pos + GAP + 2).min(words.len());
            match words[pos + 1..end].iter().position(|w| word_is(p, w)) {
                Some(off) => {
                    pos += off + 1;
                    true
                }
                None => false,
            }
        })
    })
}

pub(crate) fn unaccent(c: char) -> char {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_match_inside_compounds() {
        assert!(word_is("*prozess", "vertriebsprozess"));
        assert!(word_is("einwand*", "einwandbehandlung"));
        assert!(word_is("*zyklus*", "vertriebszyklusdauer"));
        assert!(!word_is("prozess", "vertriebsprozess"));
    }

    #[test]
    fn each_language_folds_its_own_inflections() {
        let de = Lang::foreign(Algorithm::German, "stopwords = [\"die\"]\n", "test");
        assert_eq!(de.tokens("Einwände"), de.tokens("Einwänden"));
        let en = Lang::english();
        assert_eq!(
            en.tokens("Qs prospects ask"),
            en.tokens("questions prospects ask")
        );
    }
}
