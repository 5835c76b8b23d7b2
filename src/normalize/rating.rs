//! Website rating answers: yes / partly / no or a 1-5 scale, and the
//! audiences named as missing (`website_value`, `website_audience_fit`).
//!
//! Decisions:
//! - The earliest rating word decides, so an explicit answer beats the
//!   comment after it ("Yes, mostly" is yes; "mostly" alone is partly;
//!   "Yes and no" is partly). Words live in `data/ratings.toml`.
//! - "no" is an answer before a pause or the end, or opening a clause
//!   ("No it's old"); in "no pricing page, otherwise great" it is a
//!   determiner.
//! - A 1-5 number is a scale point when it opens the answer (lead-ins such
//!   as "Rating:" or "I'd give it a" allowed), has a scale ("4/5", "3 out
//!   of 5"), or is followed by "stars". An answer out of 10
//!   maps its ten points evenly onto five: ceil(x / 2) ("7/10" -> 4).
//!   Fractions ("3.5") and other scales give no rating rather than a
//!   guessed one.
//! - Missing audiences are read after a cue ("missing:", "nothing for",
//!   "doesn't speak to", "except"), up to the end of the sentence, split at
//!   commas, "and", "or", "&", "/"; each kept as written, trimmed, when it
//!   has at most five words.

use super::Rating;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct Raw {
    yes: Vec<String>,
    partly: Vec<String>,
    no: Vec<String>,
    none: Vec<String>,
    exact_yes: Vec<String>,
    exact_no: Vec<String>,
    scale_lead_ins: Vec<String>,
    no_clause_starts: Vec<String>,
    missing_cues: Vec<String>,
    missing_stops: Vec<String>,
    missing_trim: Vec<String>,
    not_audiences: Vec<String>,
}

struct Words {
    /// (phrase as tokens, rating; `None` for "no rating").
    cues: Vec<(Vec<String>, Option<Rating>)>,
    exact_yes: Vec<String>,
    exact_no: Vec<String>,
    scale_lead_ins: Vec<String>,
    no_clause_starts: Vec<String>,
    missing_cues: Vec<String>,
    missing_stops: Vec<String>,
    missing_trim: Vec<String>,
    not_audiences: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let raw: Raw = toml::from_str(include_str!("../../data/ratings.toml"))
        .expect("data/ratings.toml is valid (checked by tests)");
    let mut cues = Vec::new();
    for (list, rating) in [
        (raw.yes, Some(Rating::Yes)),
        (raw.partly, Some(Rating::Partly)),
        (raw.no, Some(Rating::No)),
        (raw.none, None),
    ] {
        cues.extend(list.iter().map(|p| (tokens(p), rating)));
    }
    let mut missing_trim = raw.missing_trim;
    // Longest first, so "at all" goes before "all" could leave "at".
    missing_trim.sort_by_key(|t| std::cmp::Reverse(t.split(' ').count()));
    Words {
        cues,
        exact_yes: raw.exact_yes,
        exact_no: raw.exact_no,
        scale_lead_ins: raw.scale_lead_ins,
        no_clause_starts: raw.no_clause_starts,
        missing_cues: raw.missing_cues,
        missing_stops: raw.missing_stops,
        missing_trim,
        not_audiences: raw.not_audiences,
    }
});

/// Lower-case tokens: letters, digits and `' / & % -` inside a token; any
/// other character separates.
fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '/' | '&' | '%' | '-' | '.')))
        .map(|t| t.trim_matches(|c: char| matches!(c, '\'' | '-' | '.')))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The rating an answer gives, if any.
pub fn parse_rating(text: &str) -> Option<Rating> {
    let toks = tokens(text);
    let whole = toks.join(" ");
    if WORDS.exact_yes.contains(&whole) {
        return Some(Rating::Yes);
    }
    if WORDS.exact_no.contains(&whole) {
        return Some(Rating::No);
    }
    let word = word_cue(text, &toks);
    let scale = scale_cue(&toks);
    match (word, scale) {
        (Some((wi, w)), Some((si, s))) => {
            if si <= wi {
                Some(s)
            } else {
                w
            }
        }
        (Some((_, w)), None) => w,
        (None, Some((_, s))) => Some(s),
        (None, None) => None,
    }
}

/// The earliest rating phrase: (token index, rating or "no rating").
fn word_cue(text: &str, toks: &[String]) -> Option<(usize, Option<Rating>)> {
    for i in 0..toks.len() {
        let best = WORDS
            .cues
            .iter()
            .filter(|(p, _)| toks.len() >= i + p.len() && toks[i..i + p.len()] == p[..])
            .filter(|(p, _)| p.len() > 1 || p[0] != "no" || no_is_answer(text, toks, i))
            .max_by_key(|(p, _)| p.len());
        if let Some((_, rating)) = best {
            return Some((i, *rating));
        }
    }
    None
}

/// "no" as an answer: followed by a pause or the end, or opening the
/// answer before a clause ("No it's outdated") rather than a noun ("No
/// pricing page").
fn no_is_answer(text: &str, toks: &[String], i: usize) -> bool {
    if i + 1 == toks.len() {
        return true;
    }
    if i == 0 && WORDS.no_clause_starts.contains(&toks[1]) {
        return true;
    }
    // Find the i-th "no" in the text and look at what follows it.
    let lower = text.to_lowercase();
    let nth = toks[..i].iter().filter(|t| *t == "no").count();
    let mut seen = 0;
    for (at, _) in lower.match_indices("no") {
        let before_ok = at == 0
            || !lower[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let rest = &lower[at + 2..];
        if !before_ok || rest.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        if seen == nth {
            return rest
                .trim_start_matches(' ')
                .starts_with([',', '.', '-', '!', ';', ':', '–', '—']);
        }
        seen += 1;
    }
    false
}

/// The earliest usable 1-5 number (module doc): (token index, scale point).
fn scale_cue(toks: &[String]) -> Option<(usize, Rating)> {
    for (i, t) in toks.iter().enumerate() {
        let (num, den) = match t.split_once('/') {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (t.as_str(), None),
        };
        let Ok(n) = num.parse::<u32>() else {
            continue;
        };
        let next = |k: usize| toks.get(i + k).map(String::as_str);
        let den = den.or_else(|| match (next(1), next(2), next(3)) {
            (Some("out"), Some("of"), Some(d)) => Some(d.to_string()),
            (Some("of"), Some(d), _) => Some(d.to_string()),
            _ => None,
        });
        let point = match den.as_deref() {
            Some("5") => (1..=5).contains(&n).then_some(n),
            Some("10") => (1..=10).contains(&n).then(|| n.div_ceil(2)),
            Some(_) => None,
            None => {
                let opens = toks[..i].iter().all(|t| WORDS.scale_lead_ins.contains(t))
                    || matches!(next(1), Some("star" | "stars"));
                ((1..=5).contains(&n) && opens).then_some(n)
            }
        };
        if let Some(p) = point {
            return Some((i, Rating::Scale(p as u8)));
        }
    }
    None
}

/// Audiences an answer names as missing ("missing: partners, IT").
pub fn missing_audiences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| lower_char(*c)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    while let Some((start, len)) = next_cue(&lower, from) {
        let tail_start = list_start(&lower, start + len);
        let tail_end = stop_at(&lower, tail_start);
        let tail: String = chars[tail_start..tail_end].iter().collect();
        for item in split_list(&tail) {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&item)) {
                out.push(item);
            }
        }
        from = tail_end.max(tail_start);
    }
    out
}

fn lower_char(c: char) -> char {
    match c {
        '’' | '‘' => '\'',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// True when `phrase` is at `at` in `lower` as whole words.
fn word_at(lower: &[char], at: usize, phrase: &str) -> bool {
    let p: Vec<char> = phrase.chars().collect();
    if at + p.len() > lower.len() || lower[at..at + p.len()] != p[..] {
        return false;
    }
    let before = at == 0 || !p[0].is_alphanumeric() || !lower[at - 1].is_alphanumeric();
    let after = !p.last().is_some_and(|c| c.is_alphanumeric())
        || lower.get(at + p.len()).is_none_or(|c| !c.is_alphanumeric());
    before && after
}

/// The earliest missing-audience cue at or after `from`: (start, length).
fn next_cue(lower: &[char], from: usize) -> Option<(usize, usize)> {
    (from..lower.len()).find_map(|at| {
        WORDS
            .missing_cues
            .iter()
            .filter(|c| word_at(lower, at, c))
            .map(|c| c.chars().count())
            .max()
            .map(|len| (at, len))
    })
}

/// Where the list after a cue starts: after a label ending in ':' within
/// the next few words ("Missing industries: retail, ..."), else right
/// after the cue.
fn list_start(lower: &[char], start: usize) -> usize {
    let window: String = lower[start..].iter().take(40).collect();
    match window.find(':') {
        Some(at) if window[..at].split_whitespace().count() <= 3 => {
            start + window[..=at].chars().count()
        }
        _ => start,
    }
}

/// Where the list after a cue ends (module doc); leading `:`/`-` skipped.
fn stop_at(lower: &[char], start: usize) -> usize {
    let mut at = start;
    while at < lower.len()
        && (lower[at].is_whitespace() || matches!(lower[at], ':' | '-' | '–' | '—'))
    {
        at += 1;
    }
    (at..lower.len())
        .find(|&i| WORDS.missing_stops.iter().any(|s| word_at(lower, i, s)))
        .unwrap_or(lower.len())
}

/// "IT buyers and partners" -> ["IT buyers", "partners"].
fn split_list(tail: &str) -> Vec<String> {
    let mut pieces = vec![tail.to_string()];
    for sep in [
        ",",
        "&",
        "/",
        " and ",
        " or ",
        " nor ",
        " plus ",
        " as well as ",
    ] {
        pieces = pieces.iter().flat_map(|p| split_ci(p, sep)).collect();
    }
    pieces
        .into_iter()
        .map(|p| trim_item(&p))
        .filter(|p| {
            !p.is_empty() && p.split_whitespace().count() <= 5 && p.chars().any(char::is_alphabetic)
        })
        // "IT" in capitals is an audience; "it" is not.
        .filter(|p| p == "IT" || !WORDS.not_audiences.contains(&p.to_lowercase()))
        .collect()
}

/// Splits at `sep`, ignoring case.
fn split_ci(text: &str, sep: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    let mut last = 0;
    for (at, m) in lower.match_indices(sep) {
        out.push(text[last..at].to_string());
        last = at + m.len();
    }
    out.push(text[last..].to_string());
    out
}

/// Drops filler words at either end ("the", "our", "etc", "yet").
fn trim_item(item: &str) -> String {
    let mut words: Vec<&str> = item
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    loop {
        let before = words.len();
        for t in &WORDS.missing_trim {
            let tw: Vec<&str> = t.split(' ').collect();
            let n = tw.len();
            let eq = |ws: &[&str]| ws.iter().zip(&tw).all(|(a, b)| a.eq_ignore_ascii_case(b));
            if words.len() >= n && eq(&words[..n]) {
                words.drain(..n);
            }
            if words.len() >= n && eq(&words[words.len() - n..]) {
                words.truncate(words.len() - n);
            }
        }
        if words.len() == before || words.is_empty() {
            break;
        }
    }
    words.join(" ")
}

#[cfg(test)]
#[path = "rating_tests.rs"]
mod tests;
