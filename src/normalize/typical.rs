//! The most typical quotes of a theme: the items closest, on average, to
//! all the others (cosine similarity of their content-word stems), so a
//! report quotes what most people said rather than the oddest remark.
//!
//! The mean similarity of an item to all others is computed in one pass,
//! without comparing pairs: with binary stem sets, cos(i, j) = |Si ∩ Sj| /
//! sqrt(|Si| |Sj|), so the sum over j of cos(i, j) is the sum, over the
//! stems t of Si, of the theme's weight of t (the sum of 1 / sqrt(|Sj|)
//! over the items holding t), divided by sqrt(|Si|); the item's own
//! similarity (1) is then taken off. The same scores as comparing every
//! pair, in time linear in the number of stems (issue 10).

use super::fold::tokens;
use super::words::is_stopword;
use std::collections::{BTreeSet, HashMap};

/// Readable quotes are preferred: a central item outside this length (in
/// characters) counts for half.
const READABLE: std::ops::RangeInclusive<usize> = 20..=200;

/// The content-word stems of an item.
pub fn content_stems(text: &str) -> BTreeSet<String> {
    tokens(text)
        .into_iter()
        .filter(|t| !is_stopword(&t.word) && t.word.chars().any(char::is_alphabetic))
        .map(|t| t.stem)
        .collect()
}

/// Each item's stems as small integers, each stem once per item.
fn stem_ids(texts: &[&str]) -> (Vec<Vec<u32>>, usize) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let sets = texts
        .iter()
        .map(|t| {
            content_stems(t)
                .into_iter()
                .map(|s| {
                    let next = ids.len() as u32;
                    *ids.entry(s).or_insert(next)
                })
                .collect()
        })
        .collect();
    (sets, ids.len())
}

/// Indices of the `k` most typical of `texts`, most typical first. Ties
/// go to the earlier item, so the result never depends on anything but
/// the input.
pub fn typical(texts: &[&str], k: usize) -> Vec<usize> {
    let n = texts.len();
    let (sets, stems) = stem_ids(texts);
    let mut weight = vec![0.0f64; stems];
    for s in &sets {
        let w = 1.0 / (s.len() as f64).sqrt();
        for &t in s {
            weight[t as usize] += w;
        }
    }
    let mut scored: Vec<(f64, usize)> = (0..n)
        .map(|i| {
            let s = &sets[i];
            let total = if s.is_empty() {
                0.0
            } else {
                let shared: f64 = s.iter().map(|&t| weight[t as usize]).sum();
                // Less the item's similarity to itself; never below zero
                // through rounding.
                (shared / (s.len() as f64).sqrt() - 1.0).max(0.0)
            };
            let mean = if n > 1 { total / (n - 1) as f64 } else { 1.0 };
            let len = texts[i].trim().chars().count();
            let w = if READABLE.contains(&len) { 1.0 } else { 0.5 };
            // Rounded so float noise cannot reorder equal scores.
            ((mean * w * 1e9).round() / 1e9, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(k).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_items_come_first() {
        let texts = [
            "too expensive for small teams",
            "pricing is too expensive compared to others",
            "they said it was expensive for small teams",
            "our logo is purple",
            "ok",
        ];
        let top = typical(&texts, 2);
        assert_eq!(top.len(), 2);
        assert!(top.contains(&0) && top.contains(&2), "{top:?}");
        assert!(!typical(&texts, 5)[..3].contains(&3));
        assert_eq!(typical(&texts, 0), Vec::<usize>::new());
        assert_eq!(typical(&[], 3), Vec::<usize>::new());
    }

    #[test]
    fn ties_go_to_the_earlier_readable_item() {
        let texts = ["same words here in both", "same words here in both", "x"];
        assert_eq!(typical(&texts, 3), vec![0, 1, 2]);
    }
}

#[cfg(test)]
#[path = "typical_tests.rs"]
mod oracle_tests;
