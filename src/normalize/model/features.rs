//! What the learned coder reads of an item: its folded words, their
//! vectors (with word pieces for unknown words), hashed word bigrams and
//! character n-grams, and whether a name-like word (a product or company)
//! appears. `training/train.py` computes the same features from the words
//! that `examples/training_dump.rs` writes, so both sides agree by
//! construction; `tests/model_parity.rs` checks the scores match.

use super::vectors::{FLAG_DICTIONARY, WordVectors, fnv64, word_pieces};
use crate::normalize::fold::Token;
use crate::normalize::words;

/// The bucket of a hashed feature in a table of `n` rows: row 0 is the
/// empty bag, never a feature.
pub fn bucket(text: &str, n: usize) -> usize {
    1 + (fnv64(text.as_bytes()) % (n as u64 - 1)) as usize
}

/// The bigram buckets of a word sequence.
pub fn bigrams(words: &[&str], n: usize) -> Vec<usize> {
    let mut key = String::new();
    words
        .windows(2)
        .map(|w| {
            key.clear();
            key.push_str(w[0]);
            key.push(' ');
            key.push_str(w[1]);
            bucket(&key, n)
        })
        .collect()
}

/// The character 3- to 5-gram buckets of one word, marked `<word>`.
pub fn char_grams(word: &str, n: usize, out: &mut Vec<usize>) {
    let marked: Vec<char> = std::iter::once('<')
        .chain(word.chars())
        .chain(std::iter::once('>'))
        .collect();
    let mut key = String::new();
    for len in 3..=5 {
        for win in marked.windows(len) {
            key.clear();
            key.extend(win);
            out.push(bucket(&key, n));
        }
    }
}

/// The vector rows of a word: its own, else its word pieces.
pub fn word_rows(vectors: &WordVectors, word: &str) -> Vec<usize> {
    match vectors.lookup(word) {
        Some(i) => vec![i],
        None => word_pieces(vectors, word),
    }
}

/// True for a word that reads as a product or company name: written with
/// a capital, not all in capitals (acronyms are mostly systems: CRM, SSO),
/// not a dictionary or common word, not a month, and not a well-known
/// tool that customers run.
pub fn is_name_like(vectors: &WordVectors, t: &Token) -> bool {
    looks_like_a_name(t) && !is_plain_word(vectors, &t.word)
}

/// How the word is written: with a capital, not all in capitals, three or
/// more characters with letters, not a number.
pub fn looks_like_a_name(t: &Token) -> bool {
    let has_lower = t.word.chars().any(|c| c.is_alphabetic());
    if !t.cap || t.upper || !has_lower || t.word.chars().count() < 3 {
        return false;
    }
    !t.word.chars().all(|c| c.is_ascii_digit())
}

/// A dictionary or common word, a month or day, or a well-known tool:
/// never a name, however it is written.
pub fn is_plain_word(vectors: &WordVectors, word: &str) -> bool {
    let dictionary = vectors
        .lookup(word)
        .is_some_and(|i| vectors.flags(i) & FLAG_DICTIONARY != 0);
    dictionary || words::is_common(word) || words::is_month_or_day(word) || words::is_brand(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_skip_the_empty_row_and_are_stable() {
        for w in ["price", "too expensive", "<pr", ""] {
            let b = bucket(w, 1 << 16);
            assert!((1..1 << 16).contains(&b));
            assert_eq!(b, bucket(w, 1 << 16));
        }
        assert_eq!(bigrams(&["a", "b", "c"], 1 << 10).len(), 2);
    }

    #[test]
    fn char_grams_of_a_short_word() {
        let mut out = vec![];
        char_grams("ab", 1 << 10, &mut out);
        // "<ab>": two 3-grams, one 4-gram, no 5-gram.
        assert_eq!(out.len(), 3);
    }
}
