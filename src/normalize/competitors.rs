//! Competitor names in answers: from the configured list, plus capitalized
//! names that recur across respondents.
//!
//! Discovery is deliberately cautious: a capitalized word counts only when
//! it is not a common word, a month, a codebook word or an acronym such as
//! ROI, and when it stands mid-sentence (or is written like a brand,
//! "HubSpot") somewhere; it must recur in the answers of two respondents.

use super::fold::{Token, tokens};
use super::words::{is_brand, is_common, is_month_or_day};
use super::{Codebooks, codebook::Theme};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, OnceLock};

/// Competitor names (as configured or discovered) that `text` mentions, in
/// the spelling of `known`, in order of first mention, each once. All
/// names are found in one pass (see `name_search`); the per-name pattern
/// is what that pass must agree with, and serves what it cannot fold.
pub fn find(text: &str, known: &[String]) -> Vec<String> {
    let first = |name: &str| name_pattern(name).and_then(|re| re.find(text).map(|m| m.start()));
    let mut found = name_search::for_list(known).find(text, first);
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

/// The pattern that finds `name`: word-bounded, any case, possessive or
/// plural allowed ("Acme's"). Compiled once per name, since every item of
/// three questions is searched for every name.
fn name_pattern(name: &str) -> Option<Arc<Regex>> {
    static CACHE: OnceLock<Mutex<BTreeMap<String, Option<Arc<Regex>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry(name.to_string())
        .or_insert_with(|| {
            let pattern = format!(
                r"(?i)(?:^|[^\w]){}(?:['’]s|s)?(?:$|[^\w])",
                regex::escape(name)
            );
            Regex::new(&pattern).ok().map(Arc::new)
        })
        .clone()
}

/// Folded words of the default codebooks' rules: "Price" or "Security" at
/// the start of an item is a theme, not a company.
fn theme_words() -> &'static BTreeSet<String> {
    static W: OnceLock<BTreeSet<String>> = OnceLock::new();
    W.get_or_init(|| {
        let books = Codebooks::defaults();
        // Tokenizing a rule piece by piece gives the same words (a word
        // never spans white space), and the ~10,000 pieces of the default
        // rules are only ~3,000 distinct ones: each is folded and stemmed
        // once, a few milliseconds off every run.
        let pieces: BTreeSet<&str> = books
            .books
            .values()
            .flat_map(|b| &b.themes)
            .flat_map(|t: &Theme| [&t.terms, &t.words, &t.phrases, &t.abbrevs, &t.misspellings])
            .flatten()
            .flat_map(|r| r.split_whitespace())
            .collect();
        pieces
            .into_iter()
            .flat_map(|p| tokens(p).into_iter().map(|t| t.word))
            .filter(|w| !is_brand(w))
            .collect()
    })
}

/// True when the token opens a sentence, a line or an item.
fn opens_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let from = if i == 0 { 0 } else { toks[i - 1].end };
    let gap = &text[from..toks[i].start];
    i == 0 || gap.contains(['.', '!', '?', '\n', ':', ';', '•', '(', '"', '-', '*'])
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// "HubSpot", "G2": written like a brand, so a sentence start is no doubt.
fn brand_shaped(s: &str) -> bool {
    let inner_cap = s.chars().skip(1).any(char::is_uppercase) && s.chars().any(char::is_lowercase);
    inner_cap || (s.chars().any(|c| c.is_ascii_digit()) && s.chars().any(char::is_alphabetic))
}

fn acronym(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && s.chars().count() <= 5
}

/// A capitalized word that could be part of a name.
fn name_word(text: &str, t: &Token) -> bool {
    let raw = &text[t.start..t.end];
    is_capitalized(raw)
        && t.word.chars().count() >= 2
        && !is_common(&t.word)
        && !is_month_or_day(&t.word)
        && !theme_words().contains(&t.word)
        && (!acronym(raw) || brand_shaped(raw))
}

/// Candidate names of one answer: runs of up to three name words, with
/// whether the run stood mid-sentence or looks like a brand.
fn candidates(text: &str) -> Vec<(String, bool)> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(text, &toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && j - i < 3 && !toks[j - 1].clause_end && name_word(text, &toks[j]) {
            j += 1;
        }
        let raw = &text[toks[i].start..toks[j - 1].end];
        let raw = raw.trim_end_matches("'s").trim_end_matches("’s");
        let sure = !opens_sentence(text, &toks, i) || brand_shaped(raw);
        out.push((raw.to_string(), sure));
        i = j;
    }
    out
}

/// Capitalized names that recur across respondents' answers and look like
/// company names. `answers` is (respondent index, text). Most widespread
/// first, then by name.
pub fn discover(answers: &[(usize, &str)]) -> Vec<String> {
    // folded name -> (respondents, spellings with counts, seen mid-sentence)
    type Seen = (BTreeSet<usize>, BTreeMap<String, usize>, bool);
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    for &(who, text) in answers {
        for (raw, sure) in candidates(text) {
            let key = raw.to_lowercase();
            let e = seen.entry(key).or_default();
            e.0.insert(who);
            *e.1.entry(raw).or_default() += 1;
            e.2 |= sure;
        }
    }
    let mut names: Vec<(usize, String)> = seen
        .into_values()
        .filter(|(who, _, sure)| who.len() >= 2 && *sure)
        .map(|(who, spellings, _)| {
            let best = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(s, _)| s)
                .unwrap_or_default();
            (who.len(), best)
        })
        .collect();
    names.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    names.into_iter().map(|(_, n)| n).collect()
}

#[path = "name_search.rs"]
mod name_search;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One pattern per name, as `find` did before the single pass: the
    /// oracle.
    fn find_each(text: &str, known: &[String]) -> Vec<String> {
        let mut found: Vec<(usize, String)> = Vec::new();
        for name in known {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let Some(re) = name_pattern(name) else {
                continue;
            };
            if let Some(m) = re.find(text)
                && !found.iter().any(|(_, n)| n == name)
            {
                found.push((m.start(), name.to_string()));
            }
        }
        found.sort();
        found.into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn one_pass_finds_what_a_pattern_per_name_finds() {
        let known: Vec<String> = [
            "Acme",
            "Acme Cloud",
            "acme",
            " Hooli ",
            "",
            "Hooli",
            "Straße AG",
            "Kuanto",
            "A.B.",
            "G2",
            "s",
        ]
        .map(String::from)
        .to_vec();
        for text in [
            "Acme Cloud and ACMEs, then Hooli's",
            "Acme Cloud",
            "xAcme, Acme_s, acmeS. G2s G2x",
            "KUANTO and \u{212A}uanto (Kelvin) and straße ag",
            "STRASSE AG, A.B.C and A.B. too",
            "s s's ss",
            "",
            "é Acme é",
        ] {
            assert_eq!(find(text, &known), find_each(text, &known), "{text}");
        }
        assert_eq!(find("Hooli, acme", &known), ["Hooli", "Acme", "acme"]);
    }

    proptest! {
        #[test]
        fn one_pass_agrees_with_the_patterns(
            text in "[aAcCmMeEsS '’_.é\u{212A}x]{0,40}",
            names in prop::collection::vec("[aAcmMeEsS .é]{0,5}", 0..5)
        ) {
            prop_assert_eq!(find(&text, &names), find_each(&text, &names));
        }
    }

    #[test]
    fn finds_configured_names() {
        let known = vec![
            "Acme".to_string(),
            "Globex Corp".to_string(),
            "Hooli".to_string(),
        ];
        assert_eq!(
            find("they prefer ACME's UI, and globex corp is cheaper", &known),
            ["Acme", "Globex Corp"]
        );
        assert!(find("Acmeville is a town", &known).is_empty());
        assert_eq!(find("Hooli and Acme", &known), ["Hooli", "Acme"]);
    }

    #[test]
    fn discovers_recurring_names() {
        let answers = [
            (0, "Price. They compare us to Gong all the time"),
            (1, "Gong is cheaper and has better SSO"),
            (1, "losing to Clari"),
            (2, "better than Gong, and HubSpot integration"),
            (3, "HubSpot native. Security reviews in March"),
            (4, "Discover more in March. Price is high, ROI unclear"),
            (5, "Price. Great Support"),
        ];
        assert_eq!(discover(&answers), ["Gong", "HubSpot"]);
    }
}
