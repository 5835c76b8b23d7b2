//! Respondents' names found word by word: a set of name keys looked up at
//! each word of a text, instead of one regex alternative per name. The
//! set costs the same per word whatever the size of the export (a regex of
//! a million alternatives does not), and it cannot fail to build, so no
//! name is ever left out of it.
//!
//! It finds what `\b(?:name1|name2|...)\b` (longest name first) found:
//! - A text is cut into tokens: a run of word characters (regex's `\w`), a
//!   run of whitespace (regex's `\s+`, which a space in a name stood for),
//!   or one other character. A name is cut the same way, so a match
//!   starts and ends at word tokens and is a run of whole tokens.
//! - At each word, the longest run of tokens whose key is in the set is
//!   the match (the regex tried longer names first); the search goes on
//!   after it, as `replace_all` did.
//! - Case: either as regex's `(?i)` compares (simple case folding, via
//!   regex-syntax's own tables), or exactly.
//!
//! One difference, on the safe side: a name that starts or ends with
//! punctuation (an email local part like `jo.`) is kept without it, so
//! its letters are found wherever the regex found them, and more often.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use std::borrow::Cow;
use std::collections::HashSet;

/// How names are compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Any case, as regex's `(?i)`.
    Folded,
    /// Exactly as written.
    Exact,
}

/// A set of names (each one word or several), ready to find in text.
#[derive(Debug, Clone)]
pub struct NameSet {
    keys: HashSet<String>,
    /// The most tokens any name has: the longest run tried at a word.
    max_tokens: usize,
    case: Case,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Space,
    Other,
}

/// A token: its kind and its byte span in the text.
#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

impl NameSet {
    /// From names; `None` when there is none to find.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, case: Case) -> Option<NameSet> {
        let mut set = NameSet {
            keys: HashSet::new(),
            max_tokens: 0,
            case,
        };
        for name in names {
            let tokens = tokens(name);
            let first = tokens.iter().position(|t| t.kind == Kind::Word);
            let last = tokens.iter().rposition(|t| t.kind == Kind::Word);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let run = &tokens[first..=last];
            set.max_tokens = set.max_tokens.max(run.len());
            set.keys.insert(set.key(name, run));
        }
        (!set.keys.is_empty()).then_some(set)
    }

    /// The key of a run of tokens: whitespace as one space, characters
    /// folded when the case does not matter.
    fn key(&self, text: &str, run: &[Token]) -> String {
        let mut key = String::new();
        for t in run {
            let piece = &text[t.start..t.end];
            match (t.kind, self.case) {
                (Kind::Space, _) => key.push(' '),
                (_, Case::Exact) => key.push_str(piece),
                (_, Case::Folded) => key.extend(piece.chars().map(fold)),
            }
        }
        key
    }

    /// The byte spans of the names in `text`, in order, not overlapping.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let tokens = tokens(text);
        let mut found = vec![];
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].kind == Kind::Word
                && let Some(j) = self.longest_at(text, &tokens, i)
            {
                found.push((tokens[i].start, tokens[j].end));
                i = j + 1;
            } else {
                i += 1;
            }
        }
        found
    }

    /// The last token of the longest name starting at word token `i`.
    fn longest_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
        let end = tokens.len().min(i + self.max_tokens);
        (i..end)
            .rev()
            .filter(|&j| tokens[j].kind == Kind::Word)
            .find(|&j| self.keys.contains(&self.key(text, &tokens[i..=j])))
    }

    /// `text` with every name replaced by `with(text before it)`, or left
    /// as it is when that gives `None`.
    pub fn replace<'t>(
        &self,
        text: &'t str,
        with: impl Fn(&str) -> Option<&'static str>,
    ) -> Cow<'t, str> {
        let mut out = String::new();
        let mut done = 0;
        for (start, end) in self.find(text) {
            if let Some(placeholder) = with(&text[..start]) {
                out.push_str(&text[done..start]);
                out.push_str(placeholder);
                done = end;
            }
        }
        if done == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[done..]);
        Cow::Owned(out)
    }
}

/// Cuts `text` into word runs, whitespace runs and single other characters.
fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = vec![];
    for (start, c) in text.char_indices() {
        let kind = if regex_syntax::is_word_character(c) {
            Kind::Word
        } else if c.is_whitespace() {
            Kind::Space
        } else {
            Kind::Other
        };
        let end = start + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.kind == kind && kind != Kind::Other => last.end = end,
            _ => out.push(Token { kind, start, end }),
        }
    }
    out
}

/// One character of each case-folding class, as regex's `(?i)` groups
/// them: `K`, `k` and the Kelvin sign all fold to `k`.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    let members = class.ranges().iter().flat_map(|r| r.start()..=r.end());
    let mut least = c;
    for m in members {
        if m.is_ascii() {
            return m.to_ascii_lowercase();
        }
        least = least.min(m);
    }
    least
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(set: &NameSet, text: &str) -> Vec<String> {
        set.find(text)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn longest_name_first_and_whole_words_only() {
        let set =
            NameSet::new(["anna", "anna berg", "okonkwo.e", "o'brien"], Case::Folded).unwrap();
        assert_eq!(
            spans(&set, "ANNA  Berg met Anna, annabel, O'Brien and okonkwo.e."),
            ["ANNA  Berg", "Anna", "O'Brien", "okonkwo.e"]
        );
    }

    #[test]
    fn case_folds_as_regex_does() {
        let set = NameSet::new(["kim", "straße"], Case::Folded).unwrap();
        // The Kelvin sign folds to k; ẞ to ß.
        assert_eq!(spans(&set, "\u{212A}im, STRAẞE"), ["\u{212A}im", "STRAẞE"]);
        let exact = NameSet::new(["Will"], Case::Exact).unwrap();
        assert_eq!(spans(&exact, "Will will WILL"), ["Will"]);
    }

    #[test]
    fn punctuation_at_the_ends_of_a_name_is_dropped() {
        let set = NameSet::new(["jo.", "..."], Case::Folded).unwrap();
        assert_eq!(spans(&set, "ask jo."), ["jo"]);
        assert!(NameSet::new(["...", " "], Case::Folded).is_none());
    }
}
