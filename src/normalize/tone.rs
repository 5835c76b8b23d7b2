//! The tone of a website-feedback answer, negation-aware.
//!
//! Positive and negative cues (`data/tone.toml`) are matched like codebook
//! rules. A negator just before a cue makes it a weak cue of the opposite
//! tone: "not bad" leans positive, "not very clear" negative, and "not bad,
//! not great either" is neutral. Strong cues of both tones are mixed.

use super::fold::{Token, tokens};
use super::themes::{self, raw_matches};
use super::{Codebook, Tone};
use std::sync::OnceLock;

const NEGATORS: [&str; 17] = [
    "not", "never", "no", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "cant", "cannot",
    "hardly", "nothing", "nt", "nobody", "noone", "none",
];

/// How far back (in words) a negator reaches.
const REACH: usize = 4;

fn lexicon() -> &'static Codebook {
    static BOOK: OnceLock<Codebook> = OnceLock::new();
    BOOK.get_or_init(|| {
        Codebook::parse(include_str!("../../data/tone.toml"), "tone").expect("tone")
    })
}

#[derive(Default)]
struct Score {
    strong: [bool; 2],
    weak: [bool; 2],
}

/// True when a negator stands in the `REACH` words before `start`, in the
/// same clause.
fn negated(toks: &[Token], start: usize) -> bool {
    let from = start.saturating_sub(REACH);
    (from..start).any(|i| {
        NEGATORS.contains(&toks[i].word.as_str()) && !toks[i..start].iter().any(|t| t.clause_end)
    })
}

pub fn tone(text: &str) -> Tone {
    let book = lexicon();
    let toks = tokens(text);
    let raw = raw_matches(book, &toks);
    let mut score = Score::default();
    let shadowed = themes::shadowed(&raw);
    for m in raw
        .iter()
        .zip(&shadowed)
        .filter(|(_, s)| !**s)
        .map(|(m, _)| m)
    {
        // Themes: 0 positive, 1 negative, 2 mixed (data/tone.toml order).
        if m.theme == 2 {
            score.strong = [true, true];
            continue;
        }
        let polarity = m.theme;
        let has_own_negator = toks[m.start..m.end]
            .iter()
            .any(|t| NEGATORS.contains(&t.word.as_str()));
        if !has_own_negator && negated(&toks, m.start) {
            score.weak[1 - polarity] = true;
        } else {
            score.strong[polarity] = true;
        }
    }
    let pos = score.strong[0] || score.weak[0];
    let neg = score.strong[1] || score.weak[1];
    match (pos, neg) {
        (true, true) if score.strong[0] || score.strong[1] => Tone::Mixed,
        (true, true) | (false, false) => Tone::Neutral,
        (true, false) => Tone::Positive,
        (false, true) => Tone::Negative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tones() {
        let cases = [
            ("love the design but pricing page is confusing", Tone::Mixed),
            ("not bad", Tone::Positive),
            ("not very clear", Tone::Negative),
            ("It's not bad, it's not great either", Tone::Neutral),
            ("clean and modern, easy to navigate", Tone::Positive),
            ("outdated and hard to navigate", Tone::Negative),
            ("they can't find anything", Tone::Negative),
            ("nobody has mentioned it", Tone::Neutral),
            ("looks like it was built in 2010", Tone::Negative),
            ("they never say a bad word about it", Tone::Positive),
            ("great videos; the form never works though", Tone::Mixed),
            ("mixed reviews", Tone::Mixed),
            ("nobody has said anything negative", Tone::Positive),
            ("doesn't explain what we do", Tone::Negative),
            // "pretty" praises a look but only strengthens "bad".
            ("honestly pretty bad, nobody understands it", Tone::Negative),
            ("pretty, but slow", Tone::Mixed),
        ];
        for (text, want) in cases {
            assert_eq!(tone(text), want, "{text}");
        }
    }
}
