//! Redaction of quotes: emails, phone numbers, URLs and respondents' names.
//!
//! Phone numbers are recognised by shape and digit count, so that years,
//! prices, percentages, ranges ("3-6 months"), dates and version numbers
//! in an answer stay as written.

use regex::{Captures, Regex};
use std::sync::{Mutex, OnceLock};

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
    re(
        &R,
        r"(?i)(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,4}(?:[\s.\-]\d{2,5}){1,4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?|\+\d{8,15}|\b\d{10,11}\b",
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
    let date = groups.len() == 3 && groups[0].len() <= 2 && groups[1].len() <= 2;
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

/// `text` with emails, phone numbers, URLs and any of `names` replaced by
/// a bracketed placeholder.
pub fn redact(text: &str, names: &[&str]) -> String {
    let out = email().replace_all(text, "[email]");
    let out = url().replace_all(&out, |c: &Captures| {
        let m = &c[0];
        // A sentence's final stop or bracket is not part of the address.
        let trimmed = m.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
        format!("[url]{}", &m[trimmed.len()..])
    });
    let out = redact_phones(&out);
    redact_names(&out, names)
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

/// Whole names first, then each part of three letters or more.
fn redact_names(text: &str, names: &[&str]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim();
        if name.chars().count() >= 3 {
            parts.push(name.to_string());
        }
        parts.extend(
            name.split([' ', '-', '.', ','])
                .filter(|p| p.chars().count() >= 3)
                .map(String::from),
        );
    }
    // Longest first, so "Anna Berg" goes before "Anna".
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    parts.dedup();
    if parts.is_empty() {
        return text.to_string();
    }
    match names_pattern(&parts) {
        Some(r) => r.replace_all(text, "[name]").into_owned(),
        None => text.to_string(),
    }
}

/// The last list of name parts and the pattern compiled from it.
type NamesSlot = Option<(Vec<String>, Option<Regex>)>;

/// One alternation of every name part, compiled once per list of names
/// (a report redacts every quote with the same list).
fn names_pattern(parts: &[String]) -> Option<Regex> {
    static CACHE: OnceLock<Mutex<NamesSlot>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut slot = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((key, re)) = slot.as_ref()
        && key == parts
    {
        return re.clone();
    }
    let alternation: Vec<String> = parts.iter().map(|p| regex::escape(p)).collect();
    let re = Regex::new(&format!(r"(?i)\b(?:{})\b", alternation.join("|"))).ok();
    *slot = Some((parts.to_vec(), re.clone()));
    re
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
