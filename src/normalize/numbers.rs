//! Numbers, number words and time units in free text, for `durations`:
//! "six weeks", "a couple months", "half a year", "1.5 yrs", "~90d",
//! "twenty-four months". The words live in `data/numbers.toml`.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// One piece of an answer, with numbers and units read.
#[derive(Debug, Clone, PartialEq)]
pub enum Lexeme {
    /// A number, from digits or number words.
    Num(f64),
    /// A time unit, in days ("months" -> 30.4375).
    Unit(f64),
    /// Any other word, lower case, hyphens inside words kept ("mid-market").
    Word(String),
    /// Punctuation; a line break is `'\n'`; dashes are all `'-'`.
    Sym(char),
}

#[derive(Deserialize)]
struct Raw {
    words: BTreeMap<String, f64>,
    tens: Vec<String>,
    articles: Vec<String>,
    units: BTreeMap<String, f64>,
}

struct Table {
    words: BTreeMap<String, f64>,
    tens: BTreeSet<String>,
    articles: BTreeSet<String>,
    units: BTreeMap<String, f64>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let raw: Raw = toml::from_str(include_str!("../../data/numbers.toml"))
        .expect("data/numbers.toml is valid (checked by tests)");
    Table {
        words: raw.words,
        tens: raw.tens.into_iter().collect(),
        articles: raw.articles.into_iter().collect(),
        units: raw.units,
    }
});

/// Days in one `word` of time ("wks" -> 7), if it is a unit.
pub fn unit_days(word: &str) -> Option<f64> {
    TABLE.units.get(word).copied()
}

/// True for a word that can stand for a number ("six", "couple", "a").
pub fn is_number_word(word: &str) -> bool {
    TABLE.words.contains_key(word) || TABLE.articles.contains(word)
}

/// Reads an answer into numbers, units, words and punctuation.
pub fn lex(text: &str) -> Vec<Lexeme> {
    let raw = raw_lex(text);
    and_a_half(number_words(raw))
}

/// Characters -> numbers, words and symbols; no word meanings yet.
fn raw_lex(text: &str) -> Vec<Lexeme> {
    let chars: Vec<char> = text.to_lowercase().chars().map(dash).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(end) = half_end(&chars, i) {
            out.push(Lexeme::Num(0.5));
            i = end;
        } else if let Some(end) = money_end(&chars, i) {
            // "$10k", "50k": an amount, not a duration; kept as a word so
            // it can name a segment ("$10k deals").
            out.push(Lexeme::Word(chars[i..end].iter().collect()));
            i = end;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || decimal_mark(&chars, i)) {
                i += 1;
            }
            let s: String = chars[start..i]
                .iter()
                .map(|c| if *c == ',' { '.' } else { *c })
                .collect();
            match s.parse::<f64>() {
                Ok(v) if v.is_finite() => out.push(Lexeme::Num(v)),
                _ => out.push(Lexeme::Word(s)),
            }
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || joins_word(&chars, i)) {
                i += 1;
            }
            push_word(chars[start..i].iter().collect(), &mut out);
        } else {
            if c == '\n' || !c.is_whitespace() {
                out.push(Lexeme::Sym(c));
            }
            i += 1;
        }
    }
    out
}

/// A decimal mark at `i`: "1.5", and "1,5" with one digit after the
/// comma ("30,60,90" is a list, "1,000" a thousand separator).
fn decimal_mark(chars: &[char], i: usize) -> bool {
    let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
    match chars[i] {
        '.' => digit(i + 1),
        ',' => digit(i + 1) && !digit(i + 2) && i > 0 && digit(i - 1),
        _ => false,
    }
}

/// End of a written half at `i`: "½", or "1/2" standing alone ("1/2 a
/// year"), not part of "1/2/3" or "11/2".
fn half_end(chars: &[char], i: usize) -> Option<usize> {
    if chars[i] == '½' {
        return Some(i + 1);
    }
    let alone = |j: Option<&char>| !j.is_some_and(|c| c.is_ascii_digit() || *c == '/' || *c == '.');
    let is_half = chars.get(i..i + 3) == Some(&['1', '/', '2'][..]);
    (is_half && alone(i.checked_sub(1).and_then(|j| chars.get(j))) && alone(chars.get(i + 3)))
        .then_some(i + 3)
}

/// End of an amount of money starting at `i` ("$10k", "€50,000", "10k").
fn money_end(chars: &[char], i: usize) -> Option<usize> {
    let currency = matches!(chars[i], '$' | '£' | '€');
    if !currency && !(chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric())) {
        return None;
    }
    let mut j = if currency { i + 1 } else { i };
    let digits_start = j;
    while j < chars.len()
        && (chars[j].is_ascii_digit()
            || matches!(chars[j], '.' | ',') && chars.get(j + 1).is_some_and(char::is_ascii_digit))
    {
        j += 1;
    }
    if j == digits_start {
        return None;
    }
    let k_suffix =
        chars.get(j) == Some(&'k') && !chars.get(j + 1).is_some_and(|c| c.is_alphanumeric());
    if k_suffix {
        return Some(j + 1);
    }
    if !currency {
        return None;
    }
    while j < chars.len() && chars[j].is_alphabetic() {
        j += 1;
    }
    Some(j)
}

fn dash(c: char) -> char {
    match c {
        '–' | '—' | '‑' | '−' | '‒' => '-',
        '’' => '\'',
        other => other,
    }
}

/// A hyphen or apostrophe between two letters stays inside the word.
fn joins_word(chars: &[char], i: usize) -> bool {
    matches!(chars[i], '-' | '\'')
        && i > 0
        && chars[i - 1].is_alphabetic()
        && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
}

/// "twenty-four", "six-month", "half-year": split where a part is a
/// number or unit; "mid-market" stays whole.
fn push_word(word: String, out: &mut Vec<Lexeme>) {
    let parts: Vec<&str> = word.split('-').collect();
    let known = |p: &&str| is_number_word(p) || unit_days(p).is_some();
    if parts.len() > 1 && parts.iter().any(known) {
        for (k, p) in parts.iter().enumerate() {
            let compound = k > 0 && TABLE.tens.contains(parts[k - 1]) && is_number_word(p);
            if k > 0 && !compound {
                out.push(Lexeme::Sym('-'));
            }
            out.push(Lexeme::Word((*p).to_string()));
        }
    } else {
        out.push(Lexeme::Word(word));
    }
}

fn word_at(lx: &[Lexeme], i: usize) -> Option<&str> {
    match lx.get(i) {
        Some(Lexeme::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

/// Number words and units: "a couple of months" -> 2 month,
/// "twenty four" -> 24, "same day" -> 0 day, "half a year" -> 0.5 year.
fn number_words(raw: Vec<Lexeme>) -> Vec<Lexeme> {
    let mut out: Vec<Lexeme> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let Some(w) = word_at(&raw, i) else {
            out.push(raw[i].clone());
            i += 1;
            continue;
        };
        let next = word_at(&raw, i + 1);
        let next_is_unit = next.is_some_and(|n| unit_days(n).is_some());
        if w == "same" && next.is_some_and(|n| n == "day") {
            out.extend([Lexeme::Num(0.0), Lexeme::Unit(1.0)]);
            i += 2;
        } else if let Some(days) = unit_days(w) {
            out.push(Lexeme::Unit(days));
            i += 1;
        } else if TABLE.articles.contains(w) {
            if next_is_unit && matches!(out.last(), Some(Lexeme::Num(v)) if *v == 0.5) {
                // "½ a year", "1/2 a year": the article is not another number.
            } else if next_is_unit {
                out.push(Lexeme::Num(1.0));
            } else if !next.is_some_and(|n| matches!(n, "couple" | "few" | "dozen" | "hundred")) {
                out.push(raw[i].clone());
            }
            i += 1;
        } else if w == "half"
            && next.is_some_and(|n| TABLE.articles.contains(n))
            && word_at(&raw, i + 2).is_some_and(|n| unit_days(n).is_some())
        {
            out.push(Lexeme::Num(0.5));
            i += 2;
        } else if w == "half"
            && (!next_is_unit
                || i.checked_sub(1)
                    .and_then(|j| word_at(&raw, j))
                    .is_some_and(|p| matches!(p, "a" | "an" | "and")))
        {
            out.push(raw[i].clone());
            i += 1;
        } else if let Some(v) = TABLE.words.get(w) {
            i += 1;
            let mut v = *v;
            if TABLE.tens.contains(w) {
                let unit = word_at(&raw, i).and_then(|n| TABLE.words.get(n)).copied();
                if let Some(u) = unit.filter(|u| *u >= 1.0 && *u < 10.0 && u.fract() == 0.0) {
                    v += u;
                    i += 1;
                }
            }
            if word_at(&raw, i) == Some("hundred") {
                v *= 100.0;
                i += 1;
            }
            if matches!(w, "couple" | "few" | "dozen") && word_at(&raw, i) == Some("of") {
                i += 1;
            }
            out.push(Lexeme::Num(v));
        } else {
            out.push(raw[i].clone());
            i += 1;
        }
    }
    out
}

/// "one and a half years", "a year and a half": add 0.5 to the number.
fn and_a_half(lx: Vec<Lexeme>) -> Vec<Lexeme> {
    let mut out: Vec<Lexeme> = Vec::with_capacity(lx.len());
    let mut i = 0;
    while i < lx.len() {
        let half_len = half_after(&lx, i);
        if half_len > 0 {
            let target = match out.last() {
                Some(Lexeme::Unit(_)) if out.len() >= 2 => out.len() - 2,
                _ => out.len() - 1,
            };
            if let Some(Lexeme::Num(v)) = out.get_mut(target) {
                *v += 0.5;
            }
            i += half_len;
        } else {
            out.push(lx[i].clone());
            i += 1;
        }
    }
    out
}

/// Length of an "and a half" / "and half" starting at `i`, right after a
/// number (or a number and its unit); 0 when there is none.
fn half_after(lx: &[Lexeme], i: usize) -> usize {
    let after_num = match i.checked_sub(1).map(|j| &lx[j]) {
        Some(Lexeme::Num(_)) => true,
        Some(Lexeme::Unit(_)) => i >= 2 && matches!(lx[i - 2], Lexeme::Num(_)),
        _ => false,
    };
    if !after_num || word_at(lx, i) != Some("and") {
        return 0;
    }
    match (word_at(lx, i + 1), word_at(lx, i + 2)) {
        (Some("half"), _) => 2,
        (Some("a" | "an"), Some("half")) => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::Lexeme::*;
    use super::*;

    #[test]
    fn reads_number_words_and_units() {
        let cases: Vec<(&str, Vec<Lexeme>)> = vec![
            ("6 weeks", vec![Num(6.0), Unit(7.0)]),
            ("~90d", vec![Sym('~'), Num(90.0), Unit(1.0)]),
            ("a couple of months", vec![Num(2.0), Unit(30.4375)]),
            ("a few wks", vec![Num(3.0), Unit(7.0)]),
            ("half a year", vec![Num(0.5), Unit(365.25)]),
            ("twenty-four months", vec![Num(24.0), Unit(30.4375)]),
            ("a year and a half", vec![Num(1.5), Unit(365.25)]),
            ("one and a half years", vec![Num(1.5), Unit(365.25)]),
            ("1.5 yrs", vec![Num(1.5), Unit(365.25)]),
            (
                "3–6 mths",
                vec![Num(3.0), Sym('-'), Num(6.0), Unit(30.4375)],
            ),
            ("same day", vec![Num(0.0), Unit(1.0)]),
            ("six-month", vec![Num(6.0), Sym('-'), Unit(30.4375)]),
            ("Q2", vec![Word("q2".into())]),
            ("mid-market", vec![Word("mid-market".into())]),
            ("a lot", vec![Word("a".into()), Word("lot".into())]),
            ("1,5 years", vec![Num(1.5), Unit(365.25)]),
            (
                "30,60,90",
                vec![Num(30.0), Sym(','), Num(60.0), Sym(','), Num(90.0)],
            ),
            (
                "$10k deals",
                vec![Word("$10k".into()), Word("deals".into())],
            ),
            ("50k", vec![Word("50k".into())]),
            ("1/2 year", vec![Num(0.5), Unit(365.25)]),
            ("½ a year", vec![Num(0.5), Unit(365.25)]),
        ];
        for (text, want) in cases {
            assert_eq!(lex(text), want, "{text:?}");
        }
    }
}
