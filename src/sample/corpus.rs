//! The answer pools the generator draws from: the texts of the labelled
//! corpus (`training/corpus/*/`), embedded as `data/sample/corpus.txt`
//! (written by `scripts/sample_corpus.py`; labels are left out, since a
//! generated export is read back, not scored).

use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/sample/corpus.txt");

/// The parsed pools, each a list of entries.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Theme items by question id.
    pub themes: BTreeMap<String, Vec<String>>,
    /// The items of whole list cells, by question id.
    pub lists: BTreeMap<String, Vec<Vec<String>>>,
    /// Typed titles and persona names.
    pub personas: Vec<String>,
    /// Website-feedback answers, of every tone.
    pub tone: Vec<String>,
}

/// The corpus, parsed once per run.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| parse(DATA))
}

/// Reads the `@section key` / entry format (see the script's doc).
pub fn parse(text: &str) -> Corpus {
    let mut c = Corpus::default();
    let mut section = ("", "");
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        if let Some(head) = line.strip_prefix('@') {
            section = head.split_once(' ').unwrap_or((head, ""));
            continue;
        }
        match section.0 {
            "theme" => c
                .themes
                .entry(section.1.to_string())
                .or_default()
                .push(unescape(line)),
            "list" => c
                .lists
                .entry(section.1.to_string())
                .or_default()
                .push(line.split('\t').map(unescape).collect()),
            "persona" => c.personas.push(unescape(line)),
            "tone" => c.tone.push(unescape(line)),
            _ => {}
        }
    }
    c
}

/// Undoes the script's escapes (`\\`, `\n`, `\t`).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pool_the_generator_needs_is_there() {
        let c = corpus();
        for q in [
            "objections",
            "prospect_questions",
            "success_factors",
            "differentiators",
            "buyer_pains",
            "influencer_pains",
            "competitor_strengths",
            "our_strengths",
            "website_changes",
            "website_feedback",
        ] {
            assert!(c.themes[q].len() >= 400, "{q}");
        }
        assert!(c.lists["objections"].iter().all(|l| l.len() >= 2));
        assert!(c.personas.len() >= 700 && c.tone.len() >= 800);
    }

    #[test]
    fn escapes_round_trip() {
        assert_eq!(unescape(r"a\nb\tc\\d"), "a\nb\tc\\d");
        let c = parse("@theme x\none\\ntwo\n@list x\na\tb\n@persona -\nCFO\n");
        assert_eq!(c.themes["x"], ["one\ntwo"]);
        assert_eq!(c.lists["x"], [vec!["a".to_string(), "b".to_string()]]);
        assert_eq!(c.personas, ["CFO"]);
    }
}
