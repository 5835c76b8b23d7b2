//! The name list against the regex it replaced (the oracle below is that
//! code, kept here only for the comparison), and at the size of a large
//! export, where the regex could not even be built.

use super::{NameList, capitalize, opens_sentence};
use proptest::prelude::*;
use regex::{Captures, Regex};

/// The old `NameList::redact`: one alternative per name, longest first;
/// `None` when the regex cannot be built (what `.ok()` hid).
fn regex_redact(anywhere: &[String], capitalized: &[String], text: &str) -> Option<String> {
    let alternation = |list: &[String], capital: bool| -> Option<Option<Regex>> {
        let mut list: Vec<&String> = list.iter().collect();
        list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        list.dedup();
        if list.is_empty() {
            return Some(None);
        }
        let alts: Vec<String> = list
            .iter()
            .map(|p| {
                let p = if capital {
                    capitalize(p)
                } else {
                    p.to_string()
                };
                regex::escape(&p).replace(' ', r"\s+")
            })
            .collect();
        let flags = if capital { "" } else { "(?i)" };
        Regex::new(&format!(r"{flags}\b(?:{})\b", alts.join("|")))
            .ok()
            .map(Some)
    };
    let mut out = text.to_string();
    if let Some(re) = alternation(anywhere, false)? {
        out = re.replace_all(&out, "[name]").into_owned();
    }
    if let Some(re) = alternation(capitalized, true)? {
        let src = out.clone();
        out = re
            .replace_all(&src, |c: &Captures| {
                let m = c.get(0).unwrap();
                if opens_sentence(&src[..m.start()]) {
                    m.as_str().to_string()
                } else {
                    "[name]".to_string()
                }
            })
            .into_owned();
    }
    Some(out)
}

/// What `NameList::new` puts in each regex, for names without emails.
fn split_lists(names: &[String]) -> (Vec<String>, Vec<String>) {
    let common = |p: &str| crate::normalize::words::is_common(p);
    let mut anywhere = vec![];
    let mut capitalized = vec![];
    for n in names {
        let n = n.trim().to_lowercase();
        if n.chars().count() >= 3 {
            anywhere.push(n.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        for p in super::split_name(&n) {
            if common(&p) {
                capitalized.push(p);
            } else {
                anywhere.push(p);
            }
        }
    }
    (anywhere, capitalized)
}

const WORDS: &[&str] = &[
    "anna",
    "Anna",
    "ANNA",
    "berg",
    "Berg",
    "will",
    "Will",
    "price",
    "Price",
    "o'brien",
    "O'Brien",
    "lena",
    "anna-lena",
    "annabel",
    "[name]",
    "Kim",
    "\u{212A}im",
    "straße",
    "STRAẞE",
    "José",
    "jose",
    "said",
    "the",
    "cfo",
];
const GAPS: &[&str] = &[
    " ", "  ", ", ", ". ", "\n", "-", "'s ", "'", "(", ") ", "! ", "_", "7",
];

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec((0..WORDS.len(), 0..GAPS.len()), 0..14).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, g)| format!("{}{}", WORDS[w], GAPS[g]))
            .collect()
    })
}

fn names_strategy() -> impl Strategy<Value = Vec<String>> {
    let name = proptest::collection::vec(0..WORDS.len(), 1..3).prop_map(|ws| {
        ws.into_iter()
            .map(|w| WORDS[w])
            .filter(|w| !w.contains('['))
            .collect::<Vec<_>>()
            .join(" ")
    });
    proptest::collection::vec(name, 0..5)
}

proptest! {
    #[test]
    fn the_set_redacts_what_the_regex_did(names in names_strategy(), text in text_strategy()) {
        let list = NameList::new(names.iter().map(String::as_str), std::iter::empty());
        let (anywhere, capitalized) = split_lists(&names);
        let want = regex_redact(&anywhere, &capitalized, &text).unwrap();
        prop_assert_eq!(list.redact(&text).into_owned(), want);
    }
}

/// A made-up surname per number ("Bakovid", "Cemirun", ...): 50,000
/// distinct names that are not common words.
fn surname(mut i: usize) -> String {
    const ONSETS: &[&str] = &[
        "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "t", "v", "z",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u"];
    let mut s = String::from("Q");
    for _ in 0..4 {
        s.push_str(ONSETS[i % ONSETS.len()]);
        i /= ONSETS.len();
        s.push_str(VOWELS[i % VOWELS.len()]);
        i /= VOWELS.len();
    }
    s.push_str(["x", "xt", "xel"][i % 3]);
    s
}

#[test]
fn fifty_thousand_respondents_are_all_redacted() {
    let names: Vec<String> = (0..50_000)
        .map(|i| format!("Maria {}", surname(i)))
        .collect();
    let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len());
    let emails: Vec<String> = (0..50_000)
        .map(|i| format!("{}.j{i}@acme.example", surname(i).to_lowercase()))
        .collect();
    let list = NameList::new(
        names.iter().map(String::as_str),
        emails.iter().map(String::as_str),
    );
    for (i, name) in names.iter().enumerate() {
        let last = surname(i);
        let text = format!(
            "Met {name} today; {} wrote, and {last}'s team ({}) agreed.",
            emails[i].split('@').next().unwrap(),
            last.to_uppercase()
        );
        assert_eq!(
            list.redact(&text),
            "Met [name] today; [name] wrote, and [name]'s team ([name]) agreed.",
            "{name}"
        );
    }
    // The regex of the same names cannot be built: the old list redacted
    // nothing at this size.
    let (anywhere, capitalized) = split_lists(&names);
    assert!(regex_redact(&anywhere, &capitalized, "Maria").is_none());
}
