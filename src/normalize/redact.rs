//! Redaction of quotes: emails, URLs, IBANs, card numbers, phone numbers,
//! respondents' names and names of people described by a title or a
//! pronoun ("talked to Maria Gonzalez, their CFO").
//!
//! Phone numbers are recognised by shape and digit count, so that years,
//! prices, percentages, ranges ("3-6 months"), dates and version numbers
//! in an answer stay as written. Card numbers must pass the Luhn check and
//! IBANs their mod-97 check, so that order numbers stay too.

use crate::privacy::{NameList, is_first_name};
use regex::{Captures, Regex};
use std::sync::{Arc, Mutex, OnceLock};

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("redact regex"))
}

fn email() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
    )
}

fn url() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(?:https?://[^\s<>]+|www\.[^\s<>]+|[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.(?:com|io|net|org|co|ai|app|dev|de|uk|fr|eu|us|ca|au|nl|se|no|dk|fi|es|it|ch|at|be|biz|info|tech|cloud|so|ly|me|gov|edu)\b(?:/[^\s<>]*)?)",
    )
}

fn phone() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // Groups of up to 8 digits ("07700 900123", "0151 12345678"), split by
    // spaces, dots, dashes or a slash ("030/1234567"), after an optional
    // country code and area code in brackets.
    re(
        &R,
        r"(?i)(?:\+\d{1,3}[\s.\-/]?)?(?:\(\d{1,5}\)[\s.\-/]?)?\d{1,8}(?:[\s.\-/]\d{1,8}){1,5}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?|\+\d{8,15}|\b\d{10,11}\b",
    )
}

fn iban() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // Groups of four, the last one shorter; capitals, as IBANs are written.
    re(
        &R,
        r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b",
    )
}

fn card() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"\b\d(?:[ \-]?\d){12,18}\b")
}

/// A capitalized pair of words, the first of which may be a first name.
fn full_name() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"\b(?:(?:Mr|Mrs|Ms|Dr|Herr|Frau)\.?\s+\p{Lu}[\p{L}'’\-]+|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+(?:(?:van|von|de|da|del|der|di|le|la)\s+)?\p{Lu}[\p{L}'’\-]+)",
    )
}

/// Words that show a name is a person's: a title or a pronoun.
fn person_cue() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(?:he|she|him|her|his|hers|they|them|their|ceo|cfo|cto|cio|coo|cmo|cro|ciso|cpo|vp|svp|evp|chief|head|director|manager|president|founder|owner|lead|officer|partner|champion|sponsor|buyer|contact|said|says|told|asked|mr|mrs|ms|dr)\b",
    )
}

/// True when a number-shaped match reads as a phone number.
fn is_phone(text: &str, start: usize, m: &str) -> bool {
    let digits = m.chars().filter(char::is_ascii_digit).count();
    let before = text[..start].chars().next_back();
    let after = text[start + m.len()..].chars().next();
    // Part of a price, a decimal, a percentage or a date.
    if matches!(before, Some('$' | '€' | '£' | '.' | ',' | '/' | '-')) || after == Some('%') {
        return false;
    }
    let core = m.split(['x', 'X', 'e']).next().unwrap_or(m);
    let core_digits = core.chars().filter(char::is_ascii_digit).count();
    let groups: Vec<&str> = core
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let years = groups
        .iter()
        .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
    let iso_date = groups.len() == 3 && groups[0].len() == 4 && groups[1].len() <= 2;
    // "12.05.2024", "5/6/25"; "+49 30 12345678" is no date.
    let small = |g: &str| g.len() <= 2 && g.parse::<u32>().is_ok_and(|v| (1..=31).contains(&v));
    let date = !m.starts_with('+')
        && groups.len() == 3
        && small(groups[0])
        && small(groups[1])
        && matches!(groups[2].len(), 2 | 4);
    // "1 200 000 users": thousands separated by spaces.
    let thousands = !m.starts_with('+')
        && groups.len() >= 2
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && !core.contains(['(', '-', '.']);
    let dotted_version = core.contains('.') && groups.iter().all(|g| g.len() <= 2);
    let marked = m.starts_with('+') || m.contains('(') || groups.len() >= 3;
    (7..=15).contains(&core_digits)
        && digits >= 7
        && !years
        && !iso_date
        && !date
        && !thousands
        && !dotted_version
        && (marked || core_digits >= 10 || (groups.len() == 2 && groups[0].len() == 3))
}

/// `text` with emails, URLs, IBANs, card and phone numbers, any of
/// `names` (respondents' full names) and people's names next to a title or
/// a pronoun replaced by a bracketed placeholder.
pub fn redact(text: &str, names: &[&str]) -> String {
    let out = redact_contacts(text);
    let out = redact_names(&out, names);
    redact_people(&out)
}

/// As [`redact`], with the names as a prepared [`NameList`].
pub fn redact_with(text: &str, names: &NameList) -> String {
    let out = redact_contacts(text);
    let out = names.redact(&out).into_owned();
    redact_people(&out)
}

/// Emails, URLs, IBANs, card and phone numbers.
pub fn redact_contacts(text: &str) -> String {
    let out = email().replace_all(text, "[email]");
    let out = url().replace_all(&out, |c: &Captures| {
        let m = &c[0];
        // A sentence's final stop or bracket is not part of the address.
        let trimmed = m.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
        format!("[url]{}", &m[trimmed.len()..])
    });
    let out = iban().replace_all(&out, |c: &Captures| {
        if iban_valid(&c[0]) {
            "[iban]".to_string()
        } else {
            c[0].to_string()
        }
    });
    let src = out.clone().into_owned();
    let out = card().replace_all(&src, |c: &Captures| {
        let m = c.get(0).expect("whole match");
        // "+4915112345678" is a phone number that happens to pass Luhn.
        let after_plus = src[..m.start()].ends_with('+');
        if !after_plus && luhn_valid(m.as_str()) {
            "[card]".to_string()
        } else {
            c[0].to_string()
        }
    });
    redact_phones(&out)
}

/// "Maria Gonzalez, their CFO": a known first name and a capitalized word,
/// with a title or a pronoun in the same sentence; or "Mr. Gonzalez".
fn redact_people(text: &str) -> String {
    if !full_name().is_match(text) {
        return text.to_string();
    }
    full_name()
        .replace_all(text, |c: &Captures| {
            let m = c.get(0).expect("whole match");
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            let honorific = matches!(
                words[0].trim_end_matches('.'),
                "Mr" | "Mrs" | "Ms" | "Dr" | "Herr" | "Frau"
            );
            let last = words.last().copied().unwrap_or("");
            let person = honorific
                || (is_first_name(words[0])
                    && !crate::normalize::words::is_common(&last.to_lowercase())
                    && person_cue().is_match(sentence_around(text, m.start(), m.end())));
            if person {
                "[name]".to_string()
            } else {
                m.as_str().to_string()
            }
        })
        .into_owned()
}

/// The sentence (or item) holding bytes `start..end` of `text`.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let stop = |c: char| matches!(c, '.' | '!' | '?' | '\n' | ';');
    let from = text[..start].rfind(stop).map_or(0, |i| i + 1);
    let to = text[end..].find(stop).map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// The Luhn check of card numbers, over 13 to 19 digits.
fn luhn_valid(s: &str) -> bool {
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) || digits.iter().all(|d| *d == digits[0]) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The ISO 13616 mod-97 check of an IBAN.
fn iban_valid(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let mut rem: u64 = 0;
    for c in tail.chars().chain(head.chars()) {
        let v = match c.to_digit(36) {
            Some(v) => v as u64,
            None => return false,
        };
        rem = if v < 10 {
            (rem * 10 + v) % 97
        } else {
            (rem * 100 + v) % 97
        };
    }
    rem == 1
}

fn redact_phones(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in phone().find_iter(text) {
        if is_phone(text, m.start(), m.as_str()) {
            out.push_str(&text[last..m.start()]);
            out.push_str("[phone]");
            last = m.end();
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Respondents' names: whole names, each part, any case (see
/// [`NameList`]); the list is built once per set of names, since a report
/// redacts every quote with the same list.
fn redact_names(text: &str, names: &[&str]) -> String {
    if names.is_empty() {
        return text.to_string();
    }
    names_list(names).redact(text).into_owned()
}

/// The names of the last call and their prepared list.
type NamesCache = (Vec<String>, Arc<NameList>);

fn names_list(names: &[&str]) -> Arc<NameList> {
    static CACHE: OnceLock<Mutex<Option<NamesCache>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut slot = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((key, list)) = slot.as_ref()
        && key.iter().map(String::as_str).eq(names.iter().copied())
    {
        return list.clone();
    }
    let list = Arc::new(NameList::new(names.iter().copied(), std::iter::empty()));
    *slot = Some((names.iter().map(|n| n.to_string()).collect(), list.clone()));
    list
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn contacts_are_redacted() {
        let cases = [
            ("mail jo.smith+x@acme.co.uk now", "mail [email] now"),
            ("call +44 20 7946 0958", "call [phone]"),
            ("call (555) 123-4567 ext. 89", "call [phone]"),
            ("cell 555-123-4567.", "cell [phone]."),
            ("or 555.123.4567", "or [phone]"),
            ("+4915112345678", "[phone]"),
            ("+33 1 23 45 67 89 or 020 7946 0958", "[phone] or [phone]"),
            ("1-800-555-1234 x12", "[phone]"),
            ("+1 (555) 123-4567, thanks", "[phone], thanks"),
            ("call me at 555-1234", "call me at [phone]"),
            ("see https://acme.com/pricing.", "see [url]."),
            ("see www.acme.io and acme.com", "see [url] and [url]"),
        ];
        for (text, want) in cases {
            assert_eq!(redact(text, &[]), want, "{text}");
        }
    }

    #[test]
    fn european_phones_are_redacted_whole() {
        for (text, want) in [
            ("ring 07700 900123 today", "ring [phone] today"),
            ("+49 30 12345678", "[phone]"),
            ("mobil 0151 12345678.", "mobil [phone]."),
            ("Tel. 030/1234567", "Tel. [phone]"),
            ("+44 7700 900123", "[phone]"),
            ("+33 6 12 34 56 78", "[phone]"),
            ("+39 06 1234 5678", "[phone]"),
            ("+31 20 123 4567", "[phone]"),
            ("089 1234567", "[phone]"),
        ] {
            assert_eq!(redact(text, &[]), want, "{text}");
        }
    }

    #[test]
    fn ibans_and_card_numbers_are_redacted() {
        for (text, want) in [
            (
                "IBAN DE89 3704 0044 0532 0130 00 please",
                "IBAN [iban] please",
            ),
            ("GB29NWBK60161331926819", "[iban]"),
            ("card 4111 1111 1111 1111 exp", "card [card] exp"),
            ("5500-0000-0000-0004", "[card]"),
            ("4012888888881881", "[card]"),
        ] {
            assert_eq!(redact(text, &[]), want, "{text}");
        }
        // Not Luhn-valid, not a valid IBAN: an order number stays.
        assert_eq!(
            redact("order 1234 5678 9012 3456", &[]),
            "order 1234 5678 9012 3456"
        );
        assert_eq!(
            redact("DE00 1234 5678 9012 3456 78", &[]),
            "DE00 1234 5678 9012 3456 78"
        );
    }

    #[test]
    fn people_next_to_a_title_or_pronoun_are_redacted() {
        for (text, want) in [
            (
                "talked to Maria Gonzalez, their CFO",
                "talked to [name], their CFO",
            ),
            (
                "Thomas Müller said the budget is frozen",
                "[name] said the budget is frozen",
            ),
            ("he met Mr. Okafor twice", "he met [name] twice"),
            (
                "our champion Anna van Dijk left",
                "our champion [name] left",
            ),
        ] {
            assert_eq!(redact(text, &[]), want, "{text}");
        }
        for text in [
            "we lost to Salesforce Marketing Cloud",
            "Microsoft Teams integration is weak",
            "Maria Gonzalez",
        ] {
            assert_eq!(redact(text, &[]), text);
        }
    }

    #[test]
    fn numbers_that_are_not_phones_stay() {
        for text in [
            "3-6 months",
            "in 2023 and 2024",
            "2023-2024 budget",
            "$1,200,000 deal",
            "costs $12 000 a year",
            "20-30% more",
            "version 2.3.1",
            "on 2024-01-15",
            "10,000 users",
            "90 days",
            "Q3 2025",
            "1 200 000 users",
            "on 12.05.2024",
            "ISO 27001 2022",
            "SOC 2 Type 2",
            "costs €49 per seat",
            "3 to 6 months, 90 days",
            "about 12 weeks",
            "ISO 27001",
        ] {
            assert_eq!(redact(text, &[]), text);
        }
    }

    #[test]
    fn names_whole_word_case_insensitive() {
        let names = ["Anna Berg", "Al Li"];
        assert_eq!(
            redact("anna said Berg's team and Annabel", &names),
            "[name] said [name]'s team and Annabel"
        );
        assert_eq!(redact("Anna Berg agreed", &names), "[name] agreed");
        assert_eq!(redact("Al is here", &names), "Al is here");
    }
}
