//! The phrasing of durations (`data/durations.toml`): bound words, range
//! words, approximate words, clause and segment words, for `durations`.

use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct Raw {
    at_most_before: Vec<String>,
    at_least_before: Vec<String>,
    at_most_after: Vec<String>,
    at_least_after: Vec<String>,
    range_words: Vec<String>,
    approx: Vec<String>,
    bare_number_followers: Vec<String>,
    clause_words: Vec<String>,
    segment_stopwords: Vec<String>,
    unit_fillers: Vec<String>,
    bare_number_leaders: Vec<String>,
}

pub struct Vocab {
    pub at_most_before: Vec<Vec<String>>,
    pub at_least_before: Vec<Vec<String>>,
    pub at_most_after: Vec<Vec<String>>,
    pub at_least_after: Vec<Vec<String>>,
    pub range_words: Vec<Vec<String>>,
    pub approx: Vec<Vec<String>>,
    pub bare_number_followers: Vec<String>,
    pub clause_words: Vec<String>,
    pub segment_stopwords: Vec<String>,
    pub unit_fillers: Vec<String>,
    pub bare_number_leaders: Vec<String>,
}

pub static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let raw: Raw = toml::from_str(include_str!("../../data/durations.toml"))
        .expect("data/durations.toml is valid (checked by tests)");
    let phrases = |v: Vec<String>| -> Vec<Vec<String>> {
        v.iter()
            .map(|p| p.split(' ').map(str::to_string).collect())
            .collect()
    };
    Vocab {
        at_most_before: phrases(raw.at_most_before),
        at_least_before: phrases(raw.at_least_before),
        at_most_after: phrases(raw.at_most_after),
        at_least_after: phrases(raw.at_least_after),
        range_words: phrases(raw.range_words),
        approx: phrases(raw.approx),
        bare_number_followers: raw.bare_number_followers,
        clause_words: raw.clause_words,
        segment_stopwords: raw.segment_stopwords,
        unit_fillers: raw.unit_fillers,
        bare_number_leaders: raw.bare_number_leaders,
    }
});
