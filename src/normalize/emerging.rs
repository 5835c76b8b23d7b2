//! Emerging themes: items no codebook theme matched, grouped by shared
//! salient terms, so a new objection shows before it is in a codebook.
//!
//! A term (a content-word stem, or two in a row) is salient when several
//! `other` items share it and the rest of the survey rarely uses it. Terms
//! are taken greedily, most widespread first; each one gathers the items
//! not yet grouped that contain it. A group needs at least three items
//! from at least two respondents.

use super::fold::tokens;
use super::words::is_stopword;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const MIN_ITEMS: usize = 3;
const MIN_RESPONDENTS: usize = 2;
/// At least this share of the survey's uses of a term must be in `other`
/// items, so "price" (everywhere) does not group leftovers.
const MIN_CONCENTRATION: f64 = 0.5;

/// A group of `other` items that share salient terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmergingTheme {
    /// A short label made of the group's salient terms.
    pub label: String,
    pub terms: Vec<String>,
    /// (respondent index, item text) of each member.
    pub items: Vec<(usize, String)>,
    pub respondents: usize,
}

/// Terms of one item: content stems and stem bigrams, each with the words
/// as written (folded) for labels.
fn terms(text: &str) -> BTreeMap<String, String> {
    let content: Vec<(String, String)> = tokens(text)
        .into_iter()
        // "[name]", "[phone]": placeholders left by redaction are no words.
        .filter(|t| !text[..t.start].ends_with('[') || !text[t.end..].starts_with(']'))
        .filter(|t| t.word.chars().count() >= 3 && t.word.chars().all(char::is_alphabetic))
        .filter(|t| !is_stopword(&t.word))
        .map(|t| (t.stem, t.word))
        .collect();
    let mut out = BTreeMap::new();
    for (stem, word) in &content {
        out.entry(stem.clone()).or_insert_with(|| word.clone());
    }
    for pair in content.windows(2) {
        let key = format!("{} {}", pair[0].0, pair[1].0);
        out.entry(key)
            .or_insert_with(|| format!("{} {}", pair[0].1, pair[1].1));
    }
    out
}

fn doc_freq<'a>(
    docs: impl Iterator<Item = &'a BTreeMap<String, String>>,
) -> BTreeMap<&'a str, usize> {
    let mut df = BTreeMap::new();
    for d in docs {
        for k in d.keys() {
            *df.entry(k.as_str()).or_insert(0) += 1;
        }
    }
    df
}

/// Groups `other` items (respondent index, text) of one question; `background`
/// is every item of the survey, to weigh terms against.
pub fn discover(items: &[(usize, &str)], background: &[&str]) -> Vec<EmergingTheme> {
    let item_terms: Vec<BTreeMap<String, String>> = items.iter().map(|(_, t)| terms(t)).collect();
    let bg_terms: Vec<BTreeMap<String, String>> = background.iter().map(|t| terms(t)).collect();
    let df_other = doc_freq(item_terms.iter());
    let df_bg = doc_freq(bg_terms.iter());
    let index = Index::new(&item_terms);
    let mut candidates: Vec<(usize, usize, bool, &str)> = df_other
        .iter()
        .filter(|&(_, &n)| n >= MIN_ITEMS)
        .filter(|&(t, &n)| {
            let everywhere = df_bg.get(t).copied().unwrap_or(0).max(n);
            n as f64 / everywhere as f64 >= MIN_CONCENTRATION
        })
        .map(|(&t, &n)| {
            let who: BTreeSet<usize> = index.holders(t, &[]).iter().map(|&i| items[i].0).collect();
            (who.len(), n, !t.contains(' '), t)
        })
        .collect();
    // Widest first; a two-word term before a single word; then by name.
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(b.3))
    });
    let mut taken = vec![false; items.len()];
    let mut out = Vec::new();
    for (_, _, _, term) in candidates {
        let members = index.holders(term, &taken);
        let who: BTreeSet<usize> = members.iter().map(|&i| items[i].0).collect();
        if members.len() < MIN_ITEMS || who.len() < MIN_RESPONDENTS {
            continue;
        }
        for &i in &members {
            taken[i] = true;
        }
        out.push(group(term, &members, items, &item_terms, who.len()));
    }
    out.sort_by(|a, b| {
        b.respondents
            .cmp(&a.respondents)
            .then(b.items.len().cmp(&a.items.len()))
            .then(a.label.cmp(&b.label))
    });
    out
}

/// Which items hold each term (ascending), built in one pass so that a
/// candidate's items are found without scanning every item (issue 10:
/// the scan per candidate made discovery quadratic).
struct Index<'a> {
    postings: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(item_terms: &'a [BTreeMap<String, String>]) -> Index<'a> {
        let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, terms) in item_terms.iter().enumerate() {
            for t in terms.keys() {
                postings.entry(t.as_str()).or_default().push(i);
            }
        }
        Index { postings }
    }

    /// Indices of the items not yet `taken` (an empty slice: none) that
    /// contain `term`, in item order.
    fn holders(&self, term: &str, taken: &[bool]) -> Vec<usize> {
        self.postings
            .get(term)
            .map(|p| {
                p.iter()
                    .copied()
                    .filter(|&i| !taken.get(i).copied().unwrap_or(false))
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn group(
    term: &str,
    members: &[usize],
    items: &[(usize, &str)],
    item_terms: &[BTreeMap<String, String>],
    respondents: usize,
) -> EmergingTheme {
    // The most frequent surface form of the term is the label.
    let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        if let Some(f) = item_terms[i].get(term) {
            *forms.entry(f.as_str()).or_insert(0) += 1;
        }
    }
    let label = forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(f, _)| f.to_string())
        .unwrap_or_else(|| term.to_string());
    // Other terms every member shares, for the reader.
    let mut shared: Vec<String> = item_terms[members[0]]
        .keys()
        .filter(|k| k.as_str() != term && members.iter().all(|&i| item_terms[i].contains_key(*k)))
        .cloned()
        .collect();
    shared.insert(0, term.to_string());
    shared.truncate(3);
    EmergingTheme {
        label,
        terms: shared,
        items: members
            .iter()
            .map(|&i| (items[i].0, items[i].1.to_string()))
            .collect(),
        respondents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_recurring_leftovers() {
        let items = [
            (0, "worried about the union pushing back"),
            (1, "union concerns about AI"),
            (2, "the union has to sign off"),
            (3, "price"),
            (3, "the weather"),
            (4, "price is high"),
        ];
        let mut background: Vec<&str> = items.iter().map(|(_, t)| *t).collect();
        background.extend(["price again", "price", "pricing", "security review"]);
        let found = discover(&items, &background);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].label, "union");
        assert_eq!(found[0].respondents, 3);
        assert_eq!(found[0].items.len(), 3);
        assert_eq!(found, discover(&items, &background), "deterministic");
    }

    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let texts = [
            "carbon footprint report",
            "their carbon footprint targets",
            "union sign off",
            "carbon audit",
            "footprint of the union",
        ];
        let item_terms: Vec<BTreeMap<String, String>> = texts.iter().map(|t| terms(t)).collect();
        let index = Index::new(&item_terms);
        let taken = [false, true, false, false, false];
        for t in item_terms.iter().flat_map(|m| m.keys()) {
            let scan: Vec<usize> = (0..texts.len())
                .filter(|&i| !taken[i] && item_terms[i].contains_key(t))
                .collect();
            assert_eq!(index.holders(t, &taken), scan, "{t}");
        }
        assert!(index.holders("nothing", &[]).is_empty());
    }

    #[test]
    fn one_respondent_is_not_a_theme() {
        let items = [(0, "union issue"), (0, "union again"), (0, "union!")];
        assert!(discover(&items, &[]).is_empty());
    }
}
