//! The most typical quotes of a theme: the items closest, on average, to
//! all the others (cosine similarity of their content-word stems), so a
//! report quotes what most people said rather than the oddest remark.

use super::fold::tokens;
use super::words::is_stopword;
use std::collections::BTreeSet;

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

fn cosine(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / ((a.len() * b.len()) as f64).sqrt()
}

/// Indices of the `k` most typical of `texts`, most typical first. Ties
/// go to the earlier item, so the result never depends on anything but
/// the input.
pub fn typical(texts: &[&str], k: usize) -> Vec<usize> {
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
            let weight = if READABLE.contains(&len) { 1.0 } else { 0.5 };
            // Rounded so float noise cannot reorder equal scores.
            ((mean * weight * 1e9).round() / 1e9, i)
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
