//! A bounded memory of per-word results: what the coding stages compute
//! from a folded word alone (its lemma and stem, the rules that can start
//! at it, the learned coder's features of it) is computed once per
//! distinct word and kept here. Past `cap` words the memory starts afresh;
//! since a value depends only on its word, results never depend on what
//! was kept (issue 10).

use std::collections::HashMap;

/// Values keyed by word, at most `cap` of them.
#[derive(Debug)]
pub struct WordCache<V> {
    map: HashMap<String, V>,
    cap: usize,
}

impl<V> WordCache<V> {
    pub fn new(cap: usize) -> WordCache<V> {
        WordCache {
            map: HashMap::new(),
            cap,
        }
    }

    /// The value for `word`, made by `make` the first time it is asked.
    pub fn get_or_make(&mut self, word: &str, make: impl FnOnce() -> V) -> &V {
        if !self.map.contains_key(word) {
            if self.map.len() >= self.cap {
                self.map.clear();
            }
            self.map.insert(word.to_string(), make());
        }
        &self.map[word]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_each_word_once_and_starts_afresh_past_its_bound() {
        let mut cache = WordCache::new(2);
        let mut made = 0;
        for w in ["a", "b", "a", "b"] {
            cache.get_or_make(w, || {
                made += 1;
                w.len()
            });
        }
        assert_eq!(made, 2);
        cache.get_or_make("c", || 1);
        assert_eq!(cache.map.len(), 1, "cleared when full");
        assert_eq!(*cache.get_or_make("c", || 9), 1);
    }
}
