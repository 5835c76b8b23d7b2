//! The theme matcher: codes an item with the themes of a codebook.
//!
//! Rules are compiled once per codebook into token patterns over folded,
//! stemmed words; matches inside a negation scope ("price is never the
//! issue") are dropped; every theme that keeps a match is a hit.

use super::codebook::Theme;
use super::fold::{self, Token};
use super::word_cache::WordCache;
use super::{Codebook, ThemeHit, negation};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One word of a compiled pattern.
#[derive(Debug, Clone, PartialEq)]
enum Pat {
    /// Equal lemmas (the word up to its inflection).
    Lemma(String),
    /// The folded word starts with this.
    Prefix(String),
    /// The folded word equals this, or this plus "s".
    Exact(String),
    /// Like `Exact`, and written in capitals ("IT", not "it").
    Caps(String),
    /// Any folded word within Damerau distance 1 (long words only).
    Fuzzy(String),
    /// Up to two words of anything.
    Gap,
    /// A capitalized word that is not a common word: a name ("than Gong").
    Name,
}

/// One rule: its pattern and how `--explain` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pats: Vec<Pat>,
    pub shown: String,
}

/// A theme's rules, ready to match.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledTheme {
    pub id: String,
    pub rules: Vec<Rule>,
    /// Exception phrases: a match inside one of these does not count.
    vetoes: Vec<Vec<Pat>>,
}

/// A codebook's rules, indexed by the first word a rule needs, so an item
/// tries only the rules that can start at each of its words.
#[derive(Debug)]
pub struct Compiled {
    pub themes: Vec<CompiledTheme>,
    by_word: HashMap<String, Vec<(usize, usize)>>,
    anywhere: Vec<(usize, usize)>,
    fuzzy: Vec<(usize, usize)>,
    /// Names this compilation in the per-thread candidate cache.
    uid: u64,
}

/// The distinct words whose candidate rules a thread remembers per
/// codebook; past it the memory starts afresh (same results).
const CANDIDATE_WORDS: usize = 50_000;

/// The (theme, rule) pairs that may match at one word.
type Candidates = Rc<[(usize, usize)]>;

thread_local! {
    /// Candidate rules per compiled codebook and folded word.
    static CANDIDATES: RefCell<HashMap<u64, WordCache<Candidates>>> =
        RefCell::new(HashMap::new());
}

impl Compiled {
    pub fn new(themes: &[Theme]) -> Compiled {
        let themes: Vec<CompiledTheme> = themes.iter().map(compile).collect();
        let mut by_word: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut anywhere = Vec::new();
        let mut fuzzy = Vec::new();
        for (ti, t) in themes.iter().enumerate() {
            for (ri, r) in t.rules.iter().enumerate() {
                match &r.pats[0] {
                    Pat::Lemma(w) | Pat::Exact(w) | Pat::Caps(w) => {
                        by_word.entry(w.clone()).or_default().push((ti, ri));
                    }
                    Pat::Fuzzy(_) => fuzzy.push((ti, ri)),
                    _ => anywhere.push((ti, ri)),
                }
            }
        }
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Compiled {
            themes,
            by_word,
            anywhere,
            fuzzy,
            uid: NEXT.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The rules that may match at a token, in codebook order: computed
    /// once per distinct word and thread, since they depend only on the
    /// folded word (and its lemma, a function of it). A rule whose first
    /// word cannot match this word is left out here rather than tried.
    fn candidates(&self, t: &Token) -> Candidates {
        CANDIDATES.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.len() > 64 && !cache.contains_key(&self.uid) {
                cache.clear();
            }
            cache
                .entry(self.uid)
                .or_insert_with(|| WordCache::new(CANDIDATE_WORDS))
                .get_or_make(&t.word, || {
                    self.all_candidates(t)
                        .into_iter()
                        .filter(|&(ti, ri)| first_may_match(&self.themes[ti].rules[ri].pats[0], t))
                        .collect()
                })
                .clone()
        })
    }

    fn all_candidates(&self, t: &Token) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.anywhere.clone();
        // Only long, uncommon words can be a misspelling (see `fuzzy_eq`).
        if t.word.len() >= 7 && !super::words::is_common(&t.word) {
            out.extend(&self.fuzzy);
        }
        for key in [&t.lemma, &t.word] {
            if let Some(v) = self.by_word.get(key) {
                out.extend(v);
            }
        }
        // An abbreviation's plural ("APIs") is keyed by its singular.
        if let Some(v) = t.word.strip_suffix('s').and_then(|w| self.by_word.get(w)) {
            out.extend(v);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A rule matching tokens `start..end` of an item.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub theme: usize,
    pub rule: usize,
    pub start: usize,
    pub end: usize,
}

fn words_of(text: &str) -> Vec<String> {
    fold::tokens(text).into_iter().map(|t| t.word).collect()
}

fn phrase_pats(text: &str) -> Vec<Pat> {
    text.split_whitespace()
        .flat_map(|part| {
            if part == "*" {
                vec![Pat::Gap]
            } else if part == "^" {
                vec![Pat::Name]
            } else if let Some(p) = part.strip_suffix('*') {
                words_of(p).into_iter().map(Pat::Prefix).collect()
            } else {
                words_of(part)
                    .into_iter()
                    .map(|w| Pat::Lemma(fold::lemma(&w)))
                    .collect()
            }
        })
        .collect()
}

/// Compiles the rules of one theme.
pub fn compile(theme: &Theme) -> CompiledTheme {
    let mut rules = Vec::new();
    let mut add = |pats: Vec<Pat>, shown: String| {
        if !pats.is_empty() && !pats.iter().all(|p| *p == Pat::Gap) {
            rules.push(Rule { pats, shown });
        }
    };
    for t in &theme.phrases {
        add(phrase_pats(t), format!("phrase:\"{t}\""));
    }
    for t in &theme.terms {
        let pats = phrase_pats(t);
        if let [Pat::Lemma(_)] = pats.as_slice() {
            add(pats, format!("term:{t}"));
            // A long word also finds its one-typo misspellings.
            let w = words_of(t).concat();
            if w.chars().count() >= 7 {
                add(vec![Pat::Fuzzy(w)], format!("fuzzy:{t}"));
            }
        } else {
            add(pats, format!("term:\"{t}\""));
        }
    }
    for t in &theme.stems {
        let pats = words_of(t).into_iter().map(Pat::Prefix).collect();
        add(pats, format!("stem:{t}"));
    }
    let lists = [
        (&theme.words, "word"),
        (&theme.abbrevs, "abbrev"),
        (&theme.misspellings, "misspelling"),
    ];
    for (list, kind) in lists {
        for t in list {
            // "=IT": an abbreviation that is also a common word must be in capitals.
            let pats = match t.strip_prefix('=') {
                Some(caps) => words_of(caps).into_iter().map(Pat::Caps).collect(),
                None => words_of(t).into_iter().map(Pat::Exact).collect(),
            };
            add(pats, format!("{kind}:{t}"));
        }
    }
    CompiledTheme {
        id: theme.id.clone(),
        rules,
        vetoes: theme.not.iter().map(|p| phrase_pats(p)).collect(),
    }
}

/// False when a rule's first pattern cannot match the token, judged by
/// the folded word alone (how it is written, capitals, is checked later).
fn first_may_match(p: &Pat, t: &Token) -> bool {
    match p {
        Pat::Gap | Pat::Name => true,
        Pat::Caps(s) => word_matches(&Pat::Exact(s.clone()), t),
        _ => word_matches(p, t),
    }
}

fn word_matches(p: &Pat, t: &Token) -> bool {
    match p {
        Pat::Lemma(s) => &t.lemma == s || &t.word == s,
        Pat::Prefix(s) => t.word.starts_with(s.as_str()),
        Pat::Exact(s) => {
            t.word == *s
                || (t.word.len() == s.len() + 1
                    && t.word.starts_with(s.as_str())
                    && t.word.ends_with('s'))
        }
        Pat::Caps(s) => t.upper && word_matches(&Pat::Exact(s.clone()), t),
        Pat::Fuzzy(s) => fuzzy_eq(s, &t.word),
        Pat::Gap => true,
        Pat::Name => {
            t.cap && !super::words::is_common(&t.word) && !super::words::is_month_or_day(&t.word)
        }
    }
}

fn fuzzy_eq(term: &str, word: &str) -> bool {
    let n = word.len();
    n >= 7
        && n.abs_diff(term.len()) <= 1
        && term.as_bytes()[0] == word.as_bytes()[0]
        && term != word
        && strsim::damerau_levenshtein(term, word) == 1
        && !super::words::is_common(word)
}

/// The end (exclusive) of a match of `pats` starting at token `i`.
fn match_at(pats: &[Pat], toks: &[Token], i: usize) -> Option<usize> {
    let Some((first, rest)) = pats.split_first() else {
        return Some(i);
    };
    if *first == Pat::Gap {
        return (0..=2)
            .filter(|g| i + g <= toks.len())
            .find_map(|g| match_at(rest, toks, i + g));
    }
    let t = toks.get(i)?;
    // A match never runs across a clause break unless it is one word.
    if !rest.is_empty() && t.clause_end {
        return None;
    }
    if word_matches(first, t) {
        match_at(rest, toks, i + 1)
    } else {
        None
    }
}

/// Every rule match in the tokens, before negation.
pub fn raw_matches(book: &Codebook, toks: &[Token]) -> Vec<Match> {
    raw_matches_in(&book.compiled(), toks)
}

/// `raw_matches` with the rules already compiled.
pub fn raw_matches_in(compiled: &Compiled, toks: &[Token]) -> Vec<Match> {
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        for &(ti, ri) in compiled.candidates(tok).iter() {
            let rule = &compiled.themes[ti].rules[ri];
            if let Some(end) = match_at(&rule.pats, toks, i)
                && end > i
            {
                out.push(Match {
                    theme: ti,
                    rule: ri,
                    start: i,
                    end,
                });
            }
        }
    }
    out.sort_by_key(|m| (m.theme, m.rule, m.start));
    out
}

/// True when an exception phrase of the theme covers the match.
fn vetoed(theme: &CompiledTheme, m: &Match, toks: &[Token]) -> bool {
    theme.vetoes.iter().any(|pats| {
        (m.start.saturating_sub(pats.len() + 2)..=m.start)
            .any(|i| match_at(pats, toks, i).is_some_and(|end| end >= m.end))
    })
}

/// The matches that survive negation, in text order.
pub fn matches(book: &Codebook, text: &str) -> Vec<Match> {
    matches_in(&book.compiled(), &fold::tokens(text), text)
}

/// `matches` with the rules compiled and the item tokenized already: both
/// are done once (per run and per item), not once per use.
fn matches_in(compiled: &Compiled, toks: &[Token], text: &str) -> Vec<Match> {
    let dismissed = negation::dismissals(toks, text);
    let raw = raw_matches_in(compiled, toks);
    let shadowed = shadowed(&raw);
    let mut ms: Vec<Match> = raw
        .iter()
        .zip(&shadowed)
        .filter(|(_, s)| !**s)
        .map(|(m, _)| m)
        .filter(|m| !dismissed.iter().any(|d| d.covers(m.start, m.end)))
        .filter(|m| !vetoed(&compiled.themes[m.theme], m, toks))
        .cloned()
        .collect();
    ms.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.theme, m.rule));
    ms
}

/// The themes of `book` that `text` speaks of; `other` when none.
pub fn code(book: &Codebook, text: &str) -> Vec<ThemeHit> {
    with_other(rule_hits(book, text))
}

/// `hits`, or `other` alone when there are none.
pub fn with_other(mut hits: Vec<ThemeHit>) -> Vec<ThemeHit> {
    if hits.is_empty() {
        hits.push(ThemeHit::by_rule("other", "none"));
    }
    hits
}

/// The themes the rules of `book` find in `text`, sorted by id; none
/// when no rule matches.
pub fn rule_hits(book: &Codebook, text: &str) -> Vec<ThemeHit> {
    rule_hits_in(&book.compiled(), &fold::tokens(text), text)
}

/// `rule_hits` with the rules compiled and the item's tokens at hand.
pub fn rule_hits_in(compiled: &Compiled, toks: &[Token], text: &str) -> Vec<ThemeHit> {
    let mut hits: Vec<ThemeHit> = Vec::new();
    for m in matches_in(compiled, toks, text) {
        let id = &compiled.themes[m.theme].id;
        if !hits.iter().any(|h| &h.id == id) {
            hits.push(ThemeHit::by_rule(
                id,
                &compiled.themes[m.theme].rules[m.rule].shown,
            ));
        }
    }
    hits.sort();
    hits
}

/// The stage ids of the sales-stages codebook that `text` mentions, in
/// order of first mention, each once.
pub fn stages(book: &Codebook, text: &str) -> Vec<String> {
    stages_in(&book.compiled(), &fold::tokens(text), text)
}

/// `stages` with the rules compiled and the item's tokens at hand.
pub fn stages_in(compiled: &Compiled, toks: &[Token], text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in matches_in(compiled, toks, text) {
        let id = &compiled.themes[m.theme].id;
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

// Which matches a longer one of another theme covers: its own file, an
// O(n log n) sweep (issue 10: all pairs made a long cell quadratic).
#[path = "shadow.rs"]
mod shadow;
pub(crate) use shadow::shadowed;

#[cfg(test)]
#[path = "themes_tests.rs"]
mod tests;
