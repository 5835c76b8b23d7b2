//! List cells written as prose: sentences, a lead-in before a colon, and
//! ordinal words ("1st:", "Number one,"). Used by `split` for a line with
//! no list markers.
//!
//! What "exactly" means comes from the labelled corpus
//! (`training/corpus/w*/items.jsonl`): every sentence of a cell is an item
//! ("Price. The CFO wants ROI in 6 months."), whatever its length; a short
//! lead-in that announces the list ("Mostly:", "Two things:", "They ask
//! for:") is not an item; a label that belongs to its sentence
//! ("Wrenchly: cheaper. Ductwise: brand.") stays with it.

use super::words::is_common;
use regex::Regex;
use std::sync::OnceLock;

/// Nouns that announce a list ("Fears: a failed rollout, the union").
const LEAD_IN_NOUNS: [&str; 12] = [
    "fears",
    "frustrations",
    "pressures",
    "concerns",
    "objections",
    "questions",
    "reasons",
    "things",
    "thing",
    "bought",
    "why",
    "asks",
];

/// The most words a lead-in before a colon may have.
const LEAD_IN_WORDS: usize = 4;

/// An ordinal that opens an item: "1st:", "2nd -", "Number one,".
pub fn ordinal_marker() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:\d{1,2}(?:st|nd|rd|th)\b\s*[:.)\-–]?|number\s+(?:one|two|three|four|five|1|2|3|4|5)\b\s*[,:.\-–]?)\s*",
        )
        .expect("ordinal regex")
    })
}

/// "Number one, price. Number two, timing": the ordinals open the items.
pub fn ordinal_items(line: &str) -> Option<Vec<String>> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|[.;,]\s+|\s)(?:\d{1,2}(?:st|nd|rd|th)\b\s*[:.)\-–]|number\s+(?:one|two|three|four|five)\b\s*[,:.\-–]?)\s*",
        )
        .expect("ordinal items regex")
    });
    let found: Vec<(usize, usize)> = r.find_iter(line).map(|m| (m.start(), m.end())).collect();
    if found.len() < 2 || found[0].0 != 0 {
        return None;
    }
    let mut out = Vec::new();
    for (k, &(_, body)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(line.len(), |&(s, _)| s);
        out.push(line[body..end].trim().to_string());
    }
    Some(out)
}

/// The sentences of a line, when it has two or more: a stop, "!" or "?"
/// then a space, and not after an abbreviation (`is_abbreviation`).
pub fn sentences(line: &str, is_abbreviation: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        if !matches!(c, '.' | '!') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = line[i + 1..].trim_start().chars().next();
        let prev_word = line[start..i].split_whitespace().last().unwrap_or("");
        let opens = next.is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“');
        if opens && !prev_word.is_empty() && !is_abbreviation(prev_word) {
            out.push(line[start..=i].trim().to_string());
            start = i + 1;
        }
    }
    if out.is_empty() {
        return None;
    }
    out.push(line[start..].trim().to_string());
    out.retain(|s| !s.is_empty());
    (out.len() >= 2).then_some(out)
}

/// "Mostly: price, timing": the text after a short lead-in and its colon,
/// when there is one. The caller keeps it only if the rest splits.
pub fn after_lead_in(line: &str) -> Option<&str> {
    let (head, rest) = line.split_once(':')?;
    let words = head.split_whitespace().count();
    // Common words only ("Mostly", "Two things", "They ask for"):
    // "Tailspin: cheaper, QuickBooks" names whom the list is about, and the
    // name must stay with it.
    let plain = head.split_whitespace().all(|w| {
        let w = w.to_lowercase();
        w.chars().all(char::is_alphabetic)
            && (is_common(&w) || w.ends_with("ly") || LEAD_IN_NOUNS.contains(&w.as_str()))
    });
    let rest = rest.trim();
    // "Fears: the audit. Pressures: the budget": labels, not a lead-in.
    let labelled_again = rest.contains(": ");
    ((1..=LEAD_IN_WORDS).contains(&words) && plain && !rest.is_empty() && !labelled_again)
        .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_abbrev(w: &str) -> bool {
        w.eq_ignore_ascii_case("e.g")
    }

    #[test]
    fn ordinals_open_items() {
        let line = "Number one, the pilot in stores. Number two, a fast follow up.";
        assert_eq!(
            ordinal_items(line).unwrap(),
            ["the pilot in stores", "a fast follow up."]
        );
        assert_eq!(ordinal_marker().replace("1st: price", ""), "price");
        assert_eq!(ordinal_marker().replace("Number two, timing", ""), "timing");
        assert!(ordinal_items("we were number one in the region").is_none());
    }

    #[test]
    fn every_sentence_is_an_item() {
        let got = sentences(
            "price thats it lol. sometimes the techs wont use it",
            no_abbrev,
        );
        assert_eq!(
            got.unwrap(),
            ["price thats it lol.", "sometimes the techs wont use it"]
        );
        assert!(sentences("They like it, but the price is high.", no_abbrev).is_none());
        assert!(sentences("e.g. price", no_abbrev).is_none());
    }

    #[test]
    fn lead_ins() {
        assert_eq!(
            after_lead_in("Mostly: price, timing"),
            Some("price, timing")
        );
        assert_eq!(after_lead_in("They ask for: a pilot"), Some("a pilot"));
        assert_eq!(
            after_lead_in("Fears: the audit. Pressures: the budget"),
            None
        );
        assert_eq!(
            after_lead_in("Integration with SAP S/4: the connector"),
            None
        );
    }
}
