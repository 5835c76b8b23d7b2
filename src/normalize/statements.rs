//! Comma-separated statements: "they want SSO, legal takes weeks, nobody
//! owns it" is three items, each a clause with its own subject and verb.
//!
//! `split::comma_list` splits lists of short noun phrases and refuses any
//! part with a verb; this module handles the cells it leaves whole. A comma
//! splits here when the part after it is a statement (a subject and a
//! verb, or a subjectless "never heard of us") that opens without a
//! connective ("but", "which", "because", ...), and the part before it
//! stands on its own: a statement, or a noun phrase of three or more
//! words. A one- or two-word topic before a clause is its label ("Price,
//! they compare it with the old licence" is one item), a subordinate
//! clause belongs to the clause after it ("If the GM sees it, we're
//! there"), and two clauses joined by ", and" are one compound sentence;
//! three or more in a row are a list. The word lists are in
//! `data/statements.toml`.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Words {
    subjects: Vec<String>,
    verbs: Vec<String>,
    verb_openers: Vec<String>,
    connectives: Vec<String>,
    openers: Vec<String>,
    determiners: Vec<String>,
    resuming: Vec<String>,
    subordinators: Vec<String>,
    imperatives: Vec<String>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        toml::from_str(include_str!("../../data/statements.toml")).expect("statement words")
    })
}

fn has(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// Subject pronouns that may carry a contraction ("they're", "it's").
const CONTRACTED: [&str; 10] = [
    "they", "we", "i", "he", "she", "you", "it", "that", "there", "who",
];

/// The words of a part, lower case, apostrophes dropped; `.1` tells
/// whether the word had a subject contraction ("they're").
fn tokens(part: &str) -> Vec<(String, bool)> {
    part.split_whitespace()
        .map(|w| {
            let w = w.replace('’', "'").to_lowercase();
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            let contracted = w
                .split_once('\'')
                .is_some_and(|(head, tail)| !tail.is_empty() && CONTRACTED.contains(&head));
            (w.replace('\'', ""), contracted)
        })
        .filter(|(w, _)| !w.is_empty())
        .collect()
}

/// What a comma part is, for deciding whether the comma before it splits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Its own subject and verb, or a subjectless verb phrase.
    Statement,
    /// A noun phrase of three or more words: an item of its own.
    Phrase,
    /// A label, a framing phrase or a subordinate clause.
    Lead,
}

/// True when `part` opens as a statement ("they want", "legal takes",
/// "never heard of us", "and they're under pressure").
fn is_statement(part: &str) -> bool {
    let w = words();
    let mut t = tokens(part);
    if t.first().is_some_and(|(x, _)| x == "and") {
        t.remove(0);
    }
    let Some((first, contracted)) = t.first() else {
        return false;
    };
    let relative = t.get(1).is_some_and(|(x, _)| x == "who" || x == "that");
    if *contracted || (t.len() >= 2 && has(&w.subjects, first) && !relative) {
        return true;
    }
    if has(&w.verb_openers, first) && t.len() >= 2 {
        return true;
    }
    // "it" is a subject only before a verb ("it takes weeks"), not in
    // "IT security".
    let starts_it = first == "it" && part.trim_start().starts_with("it ");
    if starts_it && t.get(1).is_some_and(|(x, _)| has(&w.verbs, x)) {
        return true;
    }
    noun_subject(&t)
}

/// "legal takes weeks", "the owners want", "Runwai's mobile app is": up to
/// four words, none a connective, then a finite verb not right after a
/// determiner.
fn noun_subject(t: &[(String, bool)]) -> bool {
    let w = words();
    if t.first()
        .is_none_or(|(x, _)| has(&w.openers, x) || has(&w.connectives, x))
    {
        return false;
    }
    for i in 1..t.len().min(5) {
        let prev = &t[i - 1].0;
        // "someone who knows", "prices that change": a relative clause.
        if has(&w.connectives, prev) || prev == "and" {
            return false;
        }
        if has(&w.verbs, &t[i].0) {
            // "the time to roll out": an infinitive, not a finite verb.
            return !has(&w.determiners, prev) && prev != "to";
        }
    }
    false
}

fn kind(part: &str) -> Kind {
    if has(&words().openers, &first_token(part)) {
        return Kind::Lead;
    }
    if is_statement(part) {
        return Kind::Statement;
    }
    if part.split_whitespace().count() >= 3 {
        Kind::Phrase
    } else {
        Kind::Lead
    }
}

/// True when `part` opens with a word that ties it to the part before.
fn continues(part: &str) -> bool {
    has(&words().connectives, &first_token(part))
}

/// The statements of a comma-separated line (`parts` split at commas
/// outside parentheses), when at least one comma separates two; `None`
/// otherwise.
pub fn statement_items(parts: &[String]) -> Option<Vec<String>> {
    if parts.len() < 2 || parts.iter().any(|p| p.trim().is_empty()) {
        return None;
    }
    // "X, and Y" with two clauses is one compound sentence.
    let opens_and = tokens(&parts[1]).first().is_some_and(|(x, _)| x == "and");
    if parts.len() == 2 && opens_and {
        return None;
    }
    let mut out: Vec<String> = vec![parts[0].trim().to_string()];
    // Once a clause is subordinate ("... because the product was simple"),
    // the clauses after it are too.
    let mut subordinate = false;
    for k in 1..parts.len() {
        let before = after_label(&parts[k - 1]);
        subordinate |= has_subordinator(before);
        let split = !subordinate && splits_between(before, &parts[k]);
        let part = parts[k].trim();
        if split {
            out.push(part.to_string());
        } else {
            let prev = out.last_mut().expect("non-empty");
            prev.push_str(", ");
            prev.push_str(part);
        }
    }
    (out.len() >= 2).then_some(out)
}

/// True when the comma between `before` and `after` ends one statement
/// and opens the next.
fn splits_between(before: &str, after: &str) -> bool {
    let w = words();
    if kind(after) != Kind::Statement || kind(before) == Kind::Lead || continues(after) {
        return false;
    }
    let next = pronoun_or_word(after);
    let prev = pronoun_or_word(before);
    // "..., I must admit": an aside.
    if next == "i" && after.split_whitespace().count() <= 3 {
        return false;
    }
    // "The state IT people, they ...": the pronoun resumes the phrase.
    let pronoun_before = has(&w.subjects, &prev) || has(&w.resuming, &prev);
    if has(&w.resuming, &next) && !pronoun_before {
        return false;
    }
    // "Make it easier to book a demo, the form is too long": the reason.
    !has(&w.imperatives, &prev)
}

/// The first word, lower case, after a joining "and" ("..., and they're").
fn first_token(part: &str) -> String {
    let t = tokens(part);
    let skip = usize::from(t.len() > 1 && t[0].0 == "and");
    t.into_iter().nth(skip).map(|(x, _)| x).unwrap_or_default()
}

/// The first word as `first_token`, but "IT" (the department) is not
/// the pronoun "it".
fn pronoun_or_word(part: &str) -> String {
    let raw = part.trim_start().trim_start_matches("and ");
    if raw.starts_with("IT ") || raw == "IT" {
        return "IT".to_string();
    }
    first_token(part)
}

/// "Timing and trust: if the CEO trusts the rep": the text after a label.
fn after_label(part: &str) -> &str {
    part.rsplit_once(": ").map_or(part, |(_, rest)| rest)
}

/// True for "they bought because the product was simple": a subordinating
/// word after the first.
fn has_subordinator(part: &str) -> bool {
    let w = words();
    tokens(part)
        .iter()
        .skip(1)
        .any(|(x, _)| has(&w.subordinators, x))
}

/// The most words of one phrase in a longer noun list.
const PHRASE_WORDS: usize = 8;

/// "A champion on site, a pilot with their own data, the business case in
/// their numbers": three or more noun phrases, none a statement, each at
/// most `PHRASE_WORDS` words and none opening with a connective. Longer
/// than `split::comma_list` allows, so it asks for three parts; the names
/// after a preposition ("integration with A, B and C") stay whole.
pub fn phrase_items(parts: &[String]) -> Option<Vec<String>> {
    let parts: Vec<String> = parts.iter().map(|p| p.trim().to_string()).collect();
    if parts.len() < 3 || parts.iter().any(String::is_empty) {
        return None;
    }
    let w = words();
    let fits = |p: &String| {
        let n = p.split_whitespace().count();
        let first = first_token(p);
        (1..=PHRASE_WORDS).contains(&n)
            && !is_statement(p)
            && !super::is_filler(p)
            && !has(&w.connectives, &first)
            && !has(&w.subordinators, &first)
    };
    // "..., Tallyo and Norr": the names as `comma_list` would see them.
    let mut names = parts.clone();
    let last = names.pop().expect("three parts");
    match last.split_once(" and ") {
        Some((a, b)) => names.extend([a.to_string(), b.to_string()]),
        None => names.push(last),
    }
    let object = super::continues_object(&names);
    (parts.iter().all(fits) && !object).then_some(parts)
}

#[cfg(test)]
#[path = "statements_tests.rs"]
mod tests;
