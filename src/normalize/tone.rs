//! The tone of a website-feedback answer, negation-aware.
//!
//! Positive and negative cues (`data/tone.toml`) are matched like codebook
//! rules. A negator just before a cue makes it a weak cue of the opposite
//! tone: "not bad" leans positive, "not very clear" negative, and "not bad,
//! not great either" is neutral. Strong cues of both tones are mixed.

use super::fold::{Token, tokens};
use super::themes::{self, Compiled, raw_matches_in};
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

/// The cue rules, compiled once.
fn cues() -> &'static Compiled {
    static CUES: OnceLock<Compiled> = OnceLock::new();
    CUES.get_or_init(|| Compiled::new(&lexicon().themes))
}

/// The tone of an answer by the cue rules alone.
pub fn rule_tone(text: &str) -> Tone {
    rule_tone_in(&tokens(text))
}

fn rule_tone_in(toks: &[Token]) -> Tone {
    let raw = raw_matches_in(cues(), toks);
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
        if !has_own_negator && negated(toks, m.start) {
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

/// The tone of an answer: the learned coder's most probable class, given
/// the words and what the cue rules say.
pub fn tone(text: &str) -> Tone {
    let toks = tokens(text);
    tone_in(&toks, &super::model::model().encode(&toks))
}

/// `tone` with the answer's tokens and the coder's encoding at hand.
pub fn tone_in(toks: &[Token], enc: &super::model::Encoded) -> Tone {
    let rule = rule_tone_in(toks);
    let m = super::model::model();
    let label = serde_json::to_value(rule).ok();
    let rule_label = label.as_ref().and_then(|v| v.as_str()).unwrap_or("neutral");
    m.tone_scores(enc, rule_label)
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .and_then(|(l, _)| serde_json::from_value(serde_json::Value::String(l)).ok())
        .unwrap_or(rule)
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
            assert_eq!(rule_tone(text), want, "{text}");
        }
    }
}
