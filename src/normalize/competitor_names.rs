//! Competitors by names no config lists: "went with Wrenchly", "SiteMason
//! had the smoother demo", "cheaper than Boltr.io".
//!
//! A run of up to three name-like words (capitalised, CamelCase, with a
//! digit or ".io", "Inc") is a competitor when a comparison or evaluation
//! word stands right next to it (`data/competitor_cues.toml`), and it is
//! none of: a common English word (SCOWL, `data/english_words.txt`), a
//! tool or platform, a month or day, a title ("CFO"), a first name, an
//! acronym, or a name the caller excludes (the respondents, our own
//! company and products). A sentence's first word is a name only when it
//! is shaped like a brand or followed by a cue ("Wrenchly quoted ...").
//! Names joined to a found one by "and", "or" or a comma are found too.

use super::personas::parse_personas;
use super::words::{is_common, is_month_or_day};
use regex::Regex;
use serde::Deserialize;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Cues {
    before: BTreeSet<String>,
    before_brand: BTreeSet<String>,
    after: BTreeSet<String>,
    tools: BTreeSet<String>,
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        toml::from_str(include_str!("../../data/competitor_cues.toml")).expect("competitor cues")
    })
}

/// The 40,000 words as a sorted slice of the embedded text: one
/// allocation at start-up where a set would make 40,000 nodes (the file is
/// already sorted, which the sort detects in one pass).
fn dictionary() -> &'static [&'static str] {
    static D: OnceLock<Vec<&'static str>> = OnceLock::new();
    D.get_or_init(|| {
        let mut words: Vec<&str> = include_str!("../../data/english_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        words.sort_unstable();
        words
    })
}

/// True for a common English word (folded), from either word list.
pub fn is_dictionary_word(folded: &str) -> bool {
    dictionary().binary_search(&folded).is_ok() || is_common(folded)
}

/// One word of the answer and where it stands.
struct Word<'t> {
    text: &'t str,
    lower: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}&]*(?:\.(?:io|ai|co|com|app)\b)?").expect("words")
    });
    r.find_iter(text)
        .map(|m| Word {
            text: m.as_str(),
            lower: m.as_str().to_lowercase(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

/// "HubSpot", "Netzwerk360", "Boltr.io": written like a brand.
fn brand_shaped(w: &str) -> bool {
    // "PMs" is a plural acronym, not "HubSpot".
    let w = w.strip_suffix('s').filter(|s| s.len() >= 2).unwrap_or(w);
    let inner_cap = w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase);
    let digit = w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic);
    inner_cap || digit || w.contains('.')
}

/// "SAP", "CDK", and their plurals "PMs", "FTEs".
fn is_acronym(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|s| s.len() >= 2).unwrap_or(w);
    w.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// A word that may be part of a name: capitalised, not an acronym, not a
/// month, a tool or a title.
fn name_like(w: &Word) -> bool {
    let capital = w.text.chars().next().is_some_and(char::is_uppercase);
    capital
        && w.text.chars().count() >= 2
        && !is_acronym(w.text)
        && !is_month_or_day(&w.lower)
        && !is_month_or_day(w.lower.trim_end_matches('s'))
        && !cues().tools.contains(&w.lower)
}

/// A word that is a name by itself, not an English word or a first name.
fn distinctive(w: &Word) -> bool {
    brand_shaped(w.text)
        || (!is_dictionary_word(&w.lower) && !crate::privacy::is_first_name(&w.lower))
}

/// The gap between two words holds no sentence or clause break.
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text[a.end..b.start].chars().all(|c| c == ' ')
}

fn opens_sentence(text: &str, ws: &[Word], i: usize) -> bool {
    i == 0
        || text[ws[i - 1].end..ws[i].start]
            .contains(['.', '!', '?', '\n', ':', ';', '•', '(', '"', '“', '-', '*'])
}

/// The competitor names `text` mentions, in order, each once; `exclude`
/// rejects names that must never be one (people, our own names).
pub fn recognise(text: &str, exclude: impl Fn(&str) -> bool) -> Vec<String> {
    let ws = words(text);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !name_like(&ws[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && j - i < 3 && name_like(&ws[j]) && joined(text, &ws[j - 1], &ws[j]) {
            j += 1;
        }
        runs.push((i, j));
        i = j;
    }
    // Whether a run may be a name at all is the dearer test (personas,
    // dictionaries); most capitalised runs have no cue and no cued
    // neighbour, so it is asked only of those that do, once each.
    let candidate: Vec<OnceCell<bool>> = runs.iter().map(|_| OnceCell::new()).collect();
    let is_cand =
        |k: usize| *candidate[k].get_or_init(|| is_candidate(text, &ws, runs[k].0, runs[k].1));
    let mut found: Vec<String> = Vec::new();
    let mut hit = vec![false; runs.len()];
    for (k, &(i, j)) in runs.iter().enumerate() {
        hit[k] = has_cue(text, &ws, i, j) && is_cand(k);
    }
    // "lost to Caseward and Clerkly": a name listed with a found one.
    for k in 0..runs.len() {
        let listed = |m: usize| {
            let (a, b) = if m < k {
                (runs[m], runs[k])
            } else {
                (runs[k], runs[m])
            };
            let gap = text[ws[a.1 - 1].end..ws[b.0].start].trim().to_lowercase();
            b.0 == a.1 + usize::from(gap != "," && !gap.is_empty())
                && matches!(gap.as_str(), "," | "and" | "or" | "&" | "/")
        };
        let near = (k > 0 && hit[k - 1] && listed(k - 1))
            || (k + 1 < runs.len() && hit[k + 1] && listed(k + 1));
        if (hit[k] || near) && is_cand(k) {
            let (i, j) = runs[k];
            let name = text[ws[i].start..ws[j - 1].end].to_string();
            if !exclude(&name) && !found.iter().any(|f| f.eq_ignore_ascii_case(&name)) {
                found.push(name);
            }
        }
    }
    found
}

/// Whether words `i..j` may be a name at all (shape and exclusions).
fn is_candidate(text: &str, ws: &[Word], i: usize, j: usize) -> bool {
    let run = &ws[i..j];
    let name = &text[run[0].start..run[j - i - 1].end];
    if !parse_personas(name).is_empty() {
        return false;
    }
    let shaped = run.iter().any(|w| brand_shaped(w.text));
    let odd = run.iter().any(distinctive);
    let first = opens_sentence(text, ws, i);
    // A sentence's first word: a brand shape or an unknown word, never a
    // plain English word ("Honestly", "Price").
    if first && !shaped && !distinctive(&run[0]) {
        return false;
    }
    shaped || odd || (run.len() >= 2 && !first)
}

/// Words after a name too common to vouch for a sentence's first word
/// ("Ofsted are due", "Capex is blocked").
const WEAK_AFTER: [&str; 12] = [
    "is", "are", "was", "were", "and", "or", "also", "just", "still", "can", "will", "has",
];

fn has_cue(text: &str, ws: &[Word], i: usize, j: usize) -> bool {
    let c = cues();
    let first = opens_sentence(text, ws, i);
    // The one or two words before, as one phrase: "went with", "than".
    let phrase = |n: usize| {
        (i >= n && (i - n + 1..i).all(|k| joined(text, &ws[k - 1], &ws[k]))).then(|| {
            ws[i - n..i]
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let shaped = ws[i..j].iter().any(|w| brand_shaped(w.text));
    // A brand-shaped name ("StockPilot") needs less: "uses StockPilot".
    let cue = |p: &String| c.before.contains(p) || (shaped && c.before_brand.contains(p));
    let before = !first && [1, 2].iter().filter_map(|&n| phrase(n)).any(|p| cue(&p));
    let tail = &text[ws[j - 1].end..];
    let possessive = tail.starts_with("'s") || tail.starts_with("’s");
    let label = tail.starts_with(':');
    let after = ws.get(j).is_some_and(|w| {
        let weak = first && !shaped && WEAK_AFTER.contains(&w.lower.as_str());
        joined(text, &ws[j - 1], w) && c.after.contains(&w.lower) && !weak
    });
    before || possessive || label || after
}

#[cfg(test)]
#[path = "competitor_names_tests.rs"]
mod tests;
