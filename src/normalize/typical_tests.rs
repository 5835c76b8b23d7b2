//! The one-pass scores of `typical` against the all-pairs comparison they
//! replace (kept here as the oracle), on every theme's items of a
//! generated survey.

use super::{content_stems, typical};
use std::collections::{BTreeMap, BTreeSet};

/// The implementation before issue 10: every item against every other.
fn all_pairs(texts: &[&str], k: usize) -> Vec<usize> {
    fn cosine(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let shared = a.intersection(b).count() as f64;
        shared / ((a.len() * b.len()) as f64).sqrt()
    }
    let sets: Vec<BTreeSet<String>> = texts.iter().map(|t| content_stems(t)).collect();
    let n = texts.len();
    let mut scored: Vec<(f64, usize)> = (0..n)
        .map(|i| {
            let total: f64 = (0..n)
                .filter(|&j| j != i)
                .map(|j| cosine(&sets[i], &sets[j]))
                .sum();
            let mean = if n > 1 { total / (n - 1) as f64 } else { 1.0 };
            let len = texts[i].trim().chars().count();
            let weight = if (20..=200).contains(&len) { 1.0 } else { 0.5 };
            ((mean * weight * 1e9).round() / 1e9, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(k).map(|(_, i)| i).collect()
}

#[test]
fn one_pass_ranks_every_theme_as_all_pairs_did() {
    use crate::sample::{self, Layout, Options};
    let text = sample::to_string(&Options {
        responses: 200,
        seed: 2,
        layout: Layout::GoogleForms,
    });
    let n = crate::normalize::Normalizer::new(crate::normalize::Codebooks::defaults(), vec![]);
    let mut groups: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    for row in reader.records().map(Result::unwrap) {
        for (h, cell) in headers.iter().zip(row.iter()) {
            let Some(q) = crate::questions::QuestionId::ALL
                .into_iter()
                .find(|q| h.ends_with(q.wording()))
            else {
                continue;
            };
            for item in n.answer(q, cell).items {
                for t in &item.themes {
                    groups
                        .entry((q.to_string(), t.id.clone()))
                        .or_default()
                        .push(item.text.clone());
                }
            }
        }
    }
    assert!(groups.len() > 80, "{}", groups.len());
    for ((q, theme), items) in &groups {
        let texts: Vec<&str> = items.iter().map(String::as_str).collect();
        let want = all_pairs(&texts, texts.len());
        assert_eq!(typical(&texts, texts.len()), want, "{q} {theme}");
    }
}
