//! Privacy: who the respondents are, as an exclusion list the text-making
//! stages are given (never a reach back into ingest), and the text hygiene
//! every output gets.
//!
//! - [`NameList`]: the respondents' names and the names in their email
//!   addresses (full names, each part, an email's local part), built once
//!   from the survey. The pipeline replaces them in every answer before
//!   coding, so no later stage (quotes, emerging themes, competitor
//!   discovery, duration words, `normalize`) can repeat them.
//! - [`Privacy`]: the list plus the test for a person-looking name ("Maria
//!   Gonzalez": a known first name and a capitalized word), handed to the
//!   normalizer so that discovered "competitors" are never people.
//! - [`strip_invisible`]: bidi overrides and isolates and zero-width
//!   characters removed, so that no answer can reorder or hide text in a
//!   report, or slip a name past the redaction.

use crate::ingest::Survey;
use name_set::{Case, NameSet};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

mod name_set;
#[cfg(test)]
mod name_tests;

/// What a name is replaced with.
pub const NAME_PLACEHOLDER: &str = "[name]";

/// The respondents' names, ready to find in text.
#[derive(Debug, Clone, Default)]
pub struct NameList {
    /// Folded (lower-case) name parts of 3 letters or more, and full names.
    parts: BTreeSet<String>,
    /// Full names and parts that are not common words: replaced in any
    /// case.
    anywhere: Option<NameSet>,
    /// Parts that are also common words ("Will", "Price"): replaced only
    /// when capitalized and not opening a sentence, so "price" stays.
    capitalized: Option<NameSet>,
}

impl NameList {
    /// From full names ("Anna Berg") and email addresses.
    pub fn new<'a>(
        names: impl IntoIterator<Item = &'a str>,
        emails: impl IntoIterator<Item = &'a str>,
    ) -> NameList {
        let mut whole: BTreeSet<String> = BTreeSet::new();
        let mut parts: BTreeSet<String> = BTreeSet::new();
        for name in names {
            let name = strip_invisible(name.trim()).to_lowercase();
            if name.chars().count() >= 3 {
                whole.insert(name.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            parts.extend(split_name(&name));
        }
        for email in emails {
            let email = strip_invisible(email.trim()).to_lowercase();
            let Some((local, _)) = email.split_once('@') else {
                continue;
            };
            // "hosterhaus7" is written both with and without its digits.
            let bare = local.trim_end_matches(|c: char| c.is_ascii_digit());
            for l in [local, bare] {
                if l.chars().count() >= 3 {
                    whole.insert(l.to_string());
                }
            }
            parts.extend(split_name(bare));
        }
        let common = |p: &str| crate::normalize::words::is_common(p);
        let anywhere = whole
            .iter()
            .chain(parts.iter().filter(|p| !common(p)))
            .map(String::as_str);
        let capitalized: Vec<String> = parts
            .iter()
            .filter(|p| common(p))
            .map(|p| capitalize(p))
            .collect();
        let (anywhere, capitalized) = (
            NameSet::new(anywhere, Case::Folded),
            NameSet::new(capitalized.iter().map(String::as_str), Case::Exact),
        );
        let mut all = parts;
        all.extend(whole);
        NameList {
            anywhere,
            capitalized,
            parts: all,
        }
    }

    /// The names of everyone who answered.
    pub fn from_survey(survey: &Survey) -> NameList {
        let names = survey
            .responses
            .iter()
            .filter_map(|r| r.respondent.name.as_deref());
        let emails = survey
            .responses
            .iter()
            .filter_map(|r| r.respondent.email.as_deref());
        NameList::new(names, emails)
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// True when `word` (any case) is a respondent's name or part of one.
    pub fn is_name(&self, word: &str) -> bool {
        let w = strip_invisible(word.trim()).to_lowercase();
        self.parts.contains(&w)
            || (w.contains([' ', '-', '.'])
                && split_name(&w).iter().any(|p| self.parts.contains(p)))
    }

    /// `text` with every respondent's name replaced by `[name]`.
    pub fn redact<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = Cow::Borrowed(text);
        if let Some(set) = &self.anywhere
            && let Cow::Owned(o) = set.replace(&out, |_| Some(NAME_PLACEHOLDER))
        {
            out = Cow::Owned(o);
        }
        if let Some(set) = &self.capitalized
            && let Cow::Owned(o) = set.replace(&out, |before| {
                (!opens_sentence(before)).then_some(NAME_PLACEHOLDER)
            })
        {
            out = Cow::Owned(o);
        }
        out
    }
}

/// The parts of a name or an email's local part: "anna-lena.berg" ->
/// anna, lena, berg (3 letters or more; shorter ones are initials).
fn split_name(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphabetic() && c != '\'')
        .map(|p| p.trim_matches('\''))
        .filter(|p| p.chars().count() >= 3)
        .map(String::from)
        .collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// True when the text before a word ends a sentence (or is empty).
fn opens_sentence(before: &str) -> bool {
    match before.trim_end().chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '\n' | '•' | '-' | '*' | '"' | '(' | '“'
        ),
    }
}

/// Everything the text-making stages need to keep people out of outputs.
#[derive(Debug, Clone, Default)]
pub struct Privacy {
    pub names: NameList,
}

impl Privacy {
    pub fn from_survey(survey: &Survey) -> Privacy {
        Privacy {
            names: NameList::from_survey(survey),
        }
    }

    /// True when a capitalized candidate (a "competitor", a label) names a
    /// person: a respondent's name, or a known first name followed by a
    /// capitalized word ("Maria Gonzalez").
    pub fn is_person(&self, candidate: &str) -> bool {
        if self.names.is_name(candidate) {
            return true;
        }
        let words: Vec<&str> = candidate.split_whitespace().collect();
        words.len() >= 2
            && is_first_name(words[0])
            && words[1].chars().next().is_some_and(char::is_uppercase)
    }
}

/// Makes a survey safe to code and report: invisible characters removed
/// from every text, then the respondents' names replaced in every answer
/// and segment value, and names and contacts in every warning (a warning
/// may quote a cell). Returns the privacy list the later stages get.
pub fn protect(survey: &mut Survey) -> Privacy {
    let clean = |s: &mut String| {
        if let Cow::Owned(c) = strip_invisible(s) {
            *s = c;
        }
    };
    for r in &mut survey.responses {
        r.answers.values_mut().for_each(clean);
        r.segments.values_mut().for_each(clean);
        for f in [&mut r.respondent.name, &mut r.respondent.email]
            .into_iter()
            .flatten()
        {
            clean(f);
        }
    }
    for src in &mut survey.sources {
        for c in &mut src.columns {
            clean(&mut c.header);
        }
    }
    let privacy = Privacy::from_survey(survey);
    let names = &privacy.names;
    for r in &mut survey.responses {
        for v in r.answers.values_mut().chain(r.segments.values_mut()) {
            if let Cow::Owned(red) = names.redact(v) {
                *v = red;
            }
        }
    }
    for w in &mut survey.warnings {
        clean(&mut w.message);
        w.message = crate::normalize::redact::redact_with(&w.message, names);
        if let Some(c) = &mut w.column {
            clean(c);
        }
    }
    privacy
}

/// The first names list (`data/first_names.txt`, derived from Faker's
/// person providers, MIT licence; see `data/first_names.LICENSE`).
/// Kept as a sorted slice of the embedded text, searched by bisection: no
/// hash set of 14,000 entries to build at start-up.
pub fn is_first_name(word: &str) -> bool {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names: Vec<&str> = include_str!("../data/first_names.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        names.sort_unstable();
        names
    });
    names.binary_search(&word.to_lowercase().as_str()).is_ok()
}

/// True for a character that reorders or hides text: bidi embeddings,
/// overrides and isolates, and zero-width characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{180E}' | '\u{061C}')
}

/// `text` without bidi control and zero-width characters.
pub fn strip_invisible(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_invisible) {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parts_and_email_local_parts_are_redacted() {
        let list = NameList::new(
            ["Priya Raghunathan", "Will Price"],
            ["okonkwo.e@acme.example"],
        );
        assert_eq!(
            list.redact("priya said Raghunathan's team and Okonkwo agreed"),
            "[name] said [name]'s team and [name] agreed"
        );
        assert_eq!(list.redact("okonkwo.e wrote"), "[name] wrote");
        // A name that is a common word is replaced only where it reads as one.
        assert_eq!(
            list.redact("price is high, ask Price."),
            "price is high, ask [name]."
        );
        assert_eq!(
            list.redact("Will they sign? I will."),
            "Will they sign? I will."
        );
        assert!(list.is_name("RAGHUNATHAN"));
        assert!(list.is_name("Priya Raghunathan"));
        assert!(!list.is_name("Acme"));
    }

    #[test]
    fn person_looking_names() {
        let p = Privacy::default();
        assert!(p.is_person("Maria Gonzalez"));
        assert!(!p.is_person("Gong"));
        assert!(!p.is_person("HubSpot"));
    }

    #[test]
    fn invisible_characters_go() {
        assert_eq!(
            strip_invisible("Ma\u{200B}ria \u{202E}evil\u{202C}"),
            "Maria evil"
        );
        assert!(matches!(strip_invisible("plain"), Cow::Borrowed(_)));
    }
}
