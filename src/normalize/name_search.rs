//! Finding every known competitor name in one pass over an item (issue
//! 10): one Aho-Corasick automaton over the ASCII names, built once per
//! list of names, instead of one regex per name and item.
//!
//! It gives what the per-name pattern `(?i)(?:^|\W)NAME(?:['’]s|s)?(?:$|\W)`
//! gives: for each name its leftmost word-bounded occurrence, in any ASCII
//! case, possessive or plural allowed, at the position that pattern
//! reports (the boundary character before the name, or 0). What ASCII
//! case folding cannot match the same way goes to the per-name patterns:
//! names with non-ASCII letters, and texts with the two characters that
//! Unicode folds to ASCII letters (the Kelvin sign and the long s).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::is_word_character;
use std::cell::RefCell;
use std::rc::Rc;

/// The names of one list, compiled.
pub(super) struct NameSearch {
    /// The trimmed, non-empty names, each once, in list order.
    names: Vec<String>,
    /// Indices into `names` of the ASCII ones, in automaton pattern order.
    ascii: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

impl NameSearch {
    pub(super) fn new(known: &[String]) -> NameSearch {
        let mut names: Vec<String> = vec![];
        for n in known.iter().map(|n| n.trim()) {
            if !n.is_empty() && !names.iter().any(|m| m == n) {
                names.push(n.to_string());
            }
        }
        let ascii: Vec<usize> = (0..names.len()).filter(|&i| names[i].is_ascii()).collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(ascii.iter().map(|&i| &names[i]))
            .ok();
        NameSearch {
            names,
            ascii,
            automaton,
        }
    }

    /// (position, name) of each name `text` mentions, as the per-name
    /// patterns of `pattern` find them, in list order.
    pub(super) fn find(
        &self,
        text: &str,
        pattern: impl Fn(&str) -> Option<usize>,
    ) -> Vec<(usize, String)> {
        let unfoldable = text.contains(['\u{212A}', '\u{17F}']);
        let mut first: Vec<Option<usize>> = vec![None; self.names.len()];
        match &self.automaton {
            Some(ac) if !unfoldable => {
                for m in ac.find_overlapping_iter(text) {
                    let slot = &mut first[self.ascii[m.pattern().as_usize()]];
                    if slot.is_none_or(|p| m.start() < p) && bounded(text, m.start(), m.end()) {
                        *slot = Some(m.start());
                    }
                }
            }
            _ => {
                for &i in &self.ascii {
                    first[i] = pattern(&self.names[i]);
                }
            }
        }
        for (i, name) in self.names.iter().enumerate() {
            if !name.is_ascii() {
                first[i] = pattern(name);
            }
        }
        let mut out = vec![];
        for (i, at) in first.into_iter().enumerate() {
            let Some(start) = at else { continue };
            // The pattern's match starts at the boundary character.
            let reported = if self.automaton.is_some() && self.names[i].is_ascii() && !unfoldable {
                text[..start]
                    .chars()
                    .next_back()
                    .map_or(0, |c| start - c.len_utf8())
            } else {
                start
            };
            out.push((reported, self.names[i].clone()));
        }
        out
    }
}

/// True when `text[start..end]` stands as a word: nothing word-like
/// before it, and after it the end, a non-word character, or an `s` (a
/// plural) that is followed by one of those. A possessive needs no case
/// of its own: the apostrophe is a non-word character.
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_character(c));
    let mut after = text[end..].chars();
    let after_ok = match after.next() {
        None => true,
        Some(c) if !is_word_character(c) => true,
        Some('s' | 'S') => after.next().is_none_or(|c| !is_word_character(c)),
        Some(_) => false,
    };
    before_ok && after_ok
}

thread_local! {
    /// The last list of names searched on this thread and its automaton:
    /// a run codes every item against one list, so it is built once.
    static LAST: RefCell<Option<(Vec<String>, Rc<NameSearch>)>> = const { RefCell::new(None) };
}

/// The compiled search for `known`, built when the list differs from the
/// last one this thread used.
pub(super) fn for_list(known: &[String]) -> Rc<NameSearch> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((list, search)) = last.as_ref()
            && list.as_slice() == known
        {
            return search.clone();
        }
        let search = Rc::new(NameSearch::new(known));
        *last = Some((known.to_vec(), search.clone()));
        search
    })
}
