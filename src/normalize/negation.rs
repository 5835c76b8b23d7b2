//! Negation in scope: the parts of an item where a theme is dismissed
//! rather than raised ("price is never the issue", "no concerns about
//! security", "not price, it's integration").
//!
//! Negative words that *name* a problem are not negations: "no budget",
//! "not a priority", "not enough integrations" raise their theme. Those are
//! lexicalized in the codebooks (a match whose own words contain the cue is
//! never dismissed), and lack words ("enough", "having") end the scope.

use super::fold::Token;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
struct Lexicon {
    negators: Vec<String>,
    problem_nouns: Vec<String>,
    fillers: Vec<String>,
    determiners: Vec<String>,
    boundaries: Vec<String>,
    pre_cues: Vec<String>,
    clause_cues: Vec<String>,
    lack_words: Vec<String>,
    /// The cues split into words once; (words, must end the clause).
    #[serde(skip)]
    pre: Vec<(Vec<String>, bool)>,
    #[serde(skip)]
    clause: Vec<(Vec<String>, bool)>,
}

fn split_cues(cues: &[String]) -> Vec<(Vec<String>, bool)> {
    cues.iter()
        .map(|c| match c.strip_suffix(" $") {
            Some(c) => (c.split(' ').map(String::from).collect(), true),
            None => (c.split(' ').map(String::from).collect(), false),
        })
        .collect()
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex: Lexicon =
            toml::from_str(include_str!("../../data/negation.toml")).expect("data/negation.toml");
        lex.pre = split_cues(&lex.pre_cues);
        lex.clause = split_cues(&lex.clause_cues);
        lex
    })
}

/// A dismissal: the cue's tokens and the token range it dismisses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dismissal {
    pub cue: (usize, usize),
    pub scope: (usize, usize),
}

impl Dismissal {
    /// True when a match over tokens `start..end` is dismissed: inside the
    /// scope, and not itself carrying the cue ("not a priority").
    pub fn covers(&self, start: usize, end: usize) -> bool {
        let inside = start >= self.scope.0 && end <= self.scope.1;
        let carries_cue = start <= self.cue.0 && self.cue.1 <= end;
        inside && !carries_cue
    }
}

/// The clause (token range) of every token: clauses end at punctuation
/// and before contrast words ("but", "however", "it's").
pub fn clauses(tokens: &[Token], text: &str) -> Vec<(usize, usize)> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let it_s = t.word == "it" && text[t.start..t.end].to_lowercase().ends_with('s');
        if i > start && (lex.boundaries.contains(&t.word) || it_s) {
            out.push((start, i));
            start = i;
        }
        if t.clause_end {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// Every dismissal in the tokens of one item.
pub fn dismissals(tokens: &[Token], text: &str) -> Vec<Dismissal> {
    let mut out = Vec::new();
    let all = clauses(tokens, text);
    for (k, &(cs, ce)) in all.iter().enumerate() {
        let words: Vec<&str> = tokens[cs..ce].iter().map(|t| t.word.as_str()).collect();
        clause_dismissals(&words, cs, k + 1 < all.len(), &mut out);
    }
    out
}

fn clause_dismissals(words: &[&str], base: usize, more: bool, out: &mut Vec<Dismissal>) {
    let lex = lexicon();
    let end = base + words.len();
    for i in 0..words.len() {
        if let Some(n) = phrase_at(words, i, &lex.clause) {
            out.push(Dismissal {
                cue: (base + i, base + i + n),
                scope: (base, end),
            });
        }
        if let Some(n) = phrase_at(words, i, &lex.pre) {
            out.push(Dismissal {
                cue: (base + i, base + i + n),
                scope: (base + i + n, end),
            });
        }
        if !lex.negators.iter().any(|w| w == words[i]) {
            continue;
        }
        if let Some(n) = problem_after(words, i).or_else(|| seen_as_problem(words, i)) {
            // "price is never the issue": the whole clause is dismissed.
            out.push(Dismissal {
                cue: (base + i, base + i + n),
                scope: (base, end),
            });
        } else if let Some(d) = not_before(words, i, base, more) {
            out.push(d);
        }
    }
}

/// Length of a cue phrase of `cues` starting at `i`, if any.
fn phrase_at(words: &[&str], i: usize, cues: &[(Vec<String>, bool)]) -> Option<usize> {
    cues.iter().find_map(|(parts, at_end)| {
        let fits = words.len() >= i + parts.len()
            && (!at_end || words.len() == i + parts.len())
            && parts.iter().zip(&words[i..]).all(|(p, w)| {
                p == w || (p.ends_with('*') && w.starts_with(p.trim_end_matches('*')))
            });
        fits.then_some(parts.len())
    })
}

/// "never the issue", "not really a concern", "no problem": the length of
/// the cue from the negator at `i` to its problem noun.
fn problem_after(words: &[&str], i: usize) -> Option<usize> {
    let lex = lexicon();
    for (k, w) in words.iter().enumerate().skip(i + 1).take(4) {
        if lex.problem_nouns.iter().any(|p| p == w) {
            return Some(k - i + 1);
        }
        let filler = lex.fillers.iter().any(|f| f == w) || lex.determiners.iter().any(|f| f == w);
        if !filler {
            return None;
        }
    }
    None
}

/// "they don't see security as a blocker": a negator, then "as" and a
/// problem noun; the cue is the negator alone, since the topic stands
/// between.
fn seen_as_problem(words: &[&str], i: usize) -> Option<usize> {
    let lex = lexicon();
    let as_at = (i + 1..words.len().min(i + 6)).find(|&k| words[k] == "as")?;
    (as_at + 1..words.len().min(as_at + 4))
        .find(|&k| lex.problem_nouns.iter().any(|p| p == words[k]))
        .map(|_| 1)
}

/// "not the price", "never about security" (a determiner after the
/// negator), or a short clause opening with "not" when another clause
/// follows ("Not price, but integration").
fn not_before(words: &[&str], i: usize, base: usize, more: bool) -> Option<Dismissal> {
    let lex = lexicon();
    let end = base + words.len();
    let mut k = i + 1;
    while k < words.len() && lex.fillers.iter().any(|f| f == words[k]) {
        k += 1;
    }
    let det = k < words.len() && lex.determiners.iter().any(|f| f == words[k]);
    let lack = words
        .get(i + 1)
        .is_some_and(|w| lex.lack_words.iter().any(|l| l == w));
    let opens_short =
        more && i == 0 && matches!(words[0], "not" | "never") && words.len() <= 4 && !lack;
    (det || opens_short).then_some(Dismissal {
        cue: (base + i, base + i + 1),
        scope: (base + i + 1, end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold::tokens;

    fn dismissed_words(text: &str) -> Vec<String> {
        let toks = tokens(text);
        let ds = dismissals(&toks, text);
        let in_cue = |i: usize| ds.iter().any(|d| d.cue.0 <= i && i < d.cue.1);
        toks.iter()
            .enumerate()
            .filter(|(i, _)| !in_cue(*i) && ds.iter().any(|d| d.covers(*i, i + 1)))
            .map(|(_, t)| t.word.clone())
            .collect()
    }

    #[test]
    fn dismissal_scopes() {
        assert_eq!(
            dismissed_words("price is never the issue, it's the SAP integration"),
            ["price", "is"]
        );
        assert_eq!(dismissed_words("no concerns about security"), ["security"]);
        assert_eq!(dismissed_words("Not price, but integration"), ["price"]);
        assert!(dismissed_words("no budget this year").is_empty());
        assert!(dismissed_words("not enough integrations").is_empty());
        assert!(dismissed_words("doesn't integrate with SAP").is_empty());
        assert_eq!(dismissed_words("security wasn't an issue"), ["security"]);
        assert_eq!(dismissed_words("they don't care about brand"), ["brand"]);
        assert_eq!(
            dismissed_words("they don't see security as a blocker"),
            ["they", "see", "security", "as", "a", "blocker"]
        );
        assert!(dismissed_words("not discounting too early").is_empty());
    }
}
