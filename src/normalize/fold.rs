//! Folding text for matching: lower case, accents removed, punctuation
//! to spaces, words stemmed (English Porter2 via rust-stemmers).
//!
//! Tokens keep byte offsets into the original text so a match can be shown
//! (`--explain`) and negation scopes can be measured in the original.

use super::word_cache::WordCache;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::sync::OnceLock;

/// One word of a text: its folded form, its stem, where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower case, accents removed, inner apostrophes dropped ("isn't" ->
    /// "isnt"); a possessive "'s" is dropped ("Acme's" -> "acme").
    pub word: String,
    /// The Porter2 stem of `word` (numbers and short words unchanged).
    pub stem: String,
    /// `word` without its inflection only (plural, -ed, -ing, final e):
    /// "pricing", "priced", "prices" -> "pric", but "customers" stays apart
    /// from "customization", which the stem would merge.
    pub lemma: String,
    /// Byte offsets of the word in the original text.
    pub start: usize,
    pub end: usize,
    /// True when the word as written has no lower-case letter ("IT").
    pub upper: bool,
    /// True when the word as written starts with a capital ("Gong").
    pub cap: bool,
    /// True when punctuation that ends a clause (`.,;:!?` or a dash between
    /// spaces) follows this token before the next one.
    pub clause_end: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of one folded word.
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    stemmer().stem(word).into_owned()
}

fn british() -> &'static [(String, String)] {
    #[derive(serde::Deserialize)]
    struct Spelling {
        british: Vec<(String, String)>,
    }
    static B: OnceLock<Vec<(String, String)>> = OnceLock::new();
    B.get_or_init(|| {
        let s: Spelling =
            toml::from_str(include_str!("../../data/spelling.toml")).expect("spelling");
        s.british
    })
}

/// The American spelling of a word that starts like a British one.
fn americanize(word: &str) -> String {
    let hit = british().iter().find(|(gb, _)| {
        word.starts_with(gb.as_str()) && !(gb == "analys" && word.starts_with("analysi"))
    });
    match hit {
        Some((gb, us)) => format!("{us}{}", &word[gb.len()..]),
        None => word.to_string(),
    }
}

/// A word without its inflection: plural, -ed, -ing and a final e; in
/// American spelling ("customised" and "customized" meet).
pub fn lemma(word: &str) -> String {
    let word = &americanize(word);
    let n = word.len();
    if n <= 3 || !word.is_ascii() || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    let mut w = word.to_string();
    if let Some(base) = w.strip_suffix("ies").filter(|_| n > 4) {
        w = format!("{base}y");
    } else if let Some(base) = w.strip_suffix("ied").filter(|_| n > 4) {
        w = format!("{base}y");
    } else if w.ends_with("sses") {
        w.truncate(n - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(n - 1);
    } else if let Some(base) = w.strip_suffix("ing").filter(|_| n > 5) {
        w = undouble(base);
    } else if let Some(base) = w.strip_suffix("ed").filter(|_| n > 4) {
        w = undouble(base);
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// "plugg" -> "plug", but "bill" and "pass" keep their double letter.
fn undouble(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        base[..n - 1].to_string()
    } else {
        base.to_string()
    }
}

/// Lower case without accents: the common Latin letters only, which is
/// what survey answers in Western European languages carry.
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => return None,
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '&' | '+')
}

/// Lower-cased, accent-free text with punctuation turned into spaces and
/// runs of spaces collapsed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    scan(text, |word, _, _, clause_end| {
        if clause_end {
            return;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    });
    out
}

/// The most distinct words whose lemma and stem are remembered per thread;
/// past it the memory starts afresh (same results, a little slower).
const ANALYSED_WORDS: usize = 50_000;

/// The lemma and stem of a folded word, computed once per distinct word
/// and thread: a survey repeats a few thousand words, and stemming each
/// occurrence was a tenth of coding time (issue 10).
fn analysed(word: &str) -> (String, String) {
    thread_local! {
        static SEEN: RefCell<WordCache<(String, String)>> =
            RefCell::new(WordCache::new(ANALYSED_WORDS));
    }
    SEEN.with(|seen| {
        seen.borrow_mut()
            .get_or_make(word, || (lemma(word), stem(word)))
            .clone()
    })
}

/// The words of `text`, folded and stemmed, with their offsets.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    scan(text, |word, start, end, clause_end| {
        if clause_end {
            if let Some(last) = out.last_mut() {
                last.clause_end = true;
            }
            return;
        }
        let written = &text[start..end];
        let (lemma, stem) = analysed(&word);
        out.push(Token {
            upper: !written.chars().any(char::is_lowercase),
            cap: written.starts_with(char::is_uppercase),
            lemma,
            stem,
            word,
            start,
            end,
            clause_end: false,
        });
    });
    out
}

/// Walks the words of `text`: calls `each(word, start, end, false)` for
/// every folded word with its byte offsets, and `each("", _, _, true)` for
/// clause punctuation between words.
fn scan(text: &str, mut each: impl FnMut(String, usize, usize, bool)) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_word_char(c) {
            if is_clause_punct(&chars, i) {
                each(String::new(), pos, pos, true);
            }
            i += 1;
            continue;
        }
        let (word, end_i) = read_word(&chars, i);
        let end = chars.get(end_i).map_or(text.len(), |&(p, _)| p);
        if !word.is_empty() {
            each(word, pos, end, false);
        }
        i = end_i;
    }
}

/// Reads one word from `i`; returns the folded word and the index after it.
fn read_word(chars: &[(usize, char)], mut i: usize) -> (String, usize) {
    let mut word = String::new();
    // Currency symbols are words of their own ("too $$" -> "$ $").
    if matches!(chars[i].1, '$' | '€' | '£') {
        return ("$".into(), i + 1);
    }
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_alphanumeric() || c == '&' || c == '+' {
            match fold_char(c) {
                Some(f) => word.push_str(f),
                None => word.extend(c.to_lowercase()),
            }
            i += 1;
        } else if is_apostrophe(c)
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic())
            && !word.is_empty()
        {
            // "we're" is "we re", not "were"; "isn't" stays "isnt".
            let rest: String = chars[i + 1..]
                .iter()
                .take(3)
                .map(|&(_, c)| c.to_ascii_lowercase())
                .collect();
            let clitic = ["re", "ve", "ll", "d"].iter().any(|k| {
                rest.starts_with(k) && !rest[k.len()..].starts_with(char::is_alphanumeric)
            });
            if clitic {
                return (word, i + 1);
            }
            // "Acme's" is Acme; "isn't" is one word "isnt".
            let next_is_s = chars.get(i + 1).is_some_and(|&(_, n)| n == 's' || n == 'S');
            let after = chars.get(i + 2).map(|&(_, n)| n);
            if next_is_s && !after.is_some_and(char::is_alphanumeric) {
                return (word, i + 2);
            }
            i += 1;
        } else if matches!(c, '.' | '-' | '/')
            && word.chars().last().is_some_and(|l| l.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            // Keep "27001", "2.0" whole but split "price/budget".
            word.push(c);
            i += 1;
        } else {
            break;
        }
    }
    (word, i)
}

fn is_clause_punct(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    match c {
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '\n' | '•' => true,
        // Arrows and bars between steps ("contract -> signed", "demo > POC
        // | proposal") end a step as a comma does.
        '>' | '→' | '⇒' | '➔' | '➜' | '➡' | '»' | '|' => true,
        '-' | '–' | '—' => {
            let before = i > 0 && chars[i - 1].1.is_whitespace();
            let after = chars.get(i + 1).is_some_and(|&(_, n)| n.is_whitespace());
            c != '-' || (before && after)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_and_bars_end_a_step() {
        for text in [
            "contract -> signed",
            "contract > signed",
            "contract → signed",
            "contract | signed",
        ] {
            let t = tokens(text);
            assert!(t[0].clause_end, "{text:?}");
        }
        assert!(!tokens("contract signed")[0].clause_end);
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Café -- Résumé, PRICE!! "), "cafe resume price");
        assert_eq!(
            fold("Acme's pricing isn't great"),
            "acme pricing isnt great"
        );
        assert_eq!(fold("too $$"), "too $ $");
        assert_eq!(fold("ISO 27001 / SOC2"), "iso 27001 soc2");
        assert_eq!(fold("price/budget"), "price budget");
        assert_eq!(fold("we're fine"), "we re fine");
        assert_eq!(lemma("pricing"), lemma("prices"));
        assert_eq!(lemma("integrations"), "integration");
        assert_ne!(lemma("customers"), lemma("customization"));
        assert_eq!(lemma("priorities"), "priority");
        assert_eq!(lemma("customised"), lemma("customized"));
        assert_eq!(lemma("licence"), lemma("license"));
        assert_eq!(lemma("analysis"), "analysis");
    }

    #[test]
    fn tokens_have_stems_offsets_and_clause_ends() {
        let text = "Integrations, pricing";
        let t = tokens(text);
        assert_eq!(t[0].stem, "integr");
        assert_eq!(&text[t[0].start..t[0].end], "Integrations");
        assert!(t[0].clause_end);
        assert!(!t[1].clause_end);
        assert_eq!(t[1].stem, "price");
    }
}
