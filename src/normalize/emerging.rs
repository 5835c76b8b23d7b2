//! Emerging themes: items no codebook theme matched, grouped by shared
//! salient terms, so a new objection shows before it is in a codebook.
//!
//! A term (a content-word stem, or two in a row) is salient when several
//! `other` items share it and the rest of the survey rarely uses it. Terms
//! are taken greedily, most widespread first; each one gathers the items
//! not yet grouped that contain it. A group needs at least three items
//! from at least two respondents.
//!
//! A group is named by a phrase, not a stem: its one or two most shared
//! salient terms, a word replaced by the two-word term it mostly occurs in,
//! as reps wrote them ("ESG / carbon footprint"). [`widen`] then counts
//! every rep in the group: items of the question that a codebook theme
//! did match (often by one stray word) but that use the group's own
//! vocabulary join it, so an ESG theme raised by eight reps does not show
//! as three.

use super::fold::tokens;
use super::words::{is_common, is_stopword};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const MIN_ITEMS: usize = 3;
const MIN_RESPONDENTS: usize = 2;
/// At least this share of the survey's uses of a term must be in `other`
/// items, so "price" (everywhere) does not group leftovers.
const MIN_CONCENTRATION: f64 = 0.5;
/// Terms kept as a group's vocabulary.
const VOCABULARY: usize = 6;
/// Times [`widen`] learns a group's vocabulary again from its members.
const ROUNDS: usize = 5;

/// A group of `other` items that share salient terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmergingTheme {
    /// A phrase made of the group's most shared salient terms, as written
    /// ("ESG / carbon footprint").
    pub label: String,
    /// The group's vocabulary (term keys: stems, or two stems): the seed
    /// term first, then the salient terms most members share.
    pub terms: Vec<String>,
    /// (respondent index, item text) of each member.
    pub items: Vec<(usize, String)>,
    /// Distinct respondents among the members.
    pub respondents: usize,
}

/// Terms of one item: content stems and stem bigrams, each with the words
/// as written (case kept) for labels.
fn terms(text: &str) -> BTreeMap<String, String> {
    let content: Vec<(String, String)> = tokens(text)
        .into_iter()
        // "[name]", "[phone]": placeholders left by redaction are no words.
        .filter(|t| !text[..t.start].ends_with('[') || !text[t.end..].starts_with(']'))
        .filter(|t| t.word.chars().count() >= 3 && t.word.chars().all(char::is_alphabetic))
        .filter(|t| !is_stopword(&t.word))
        .map(|t| (t.stem, text[t.start..t.end].to_string()))
        .collect();
    let mut out = BTreeMap::new();
    for (stem, word) in &content {
        out.entry(stem.clone()).or_insert_with(|| word.clone());
    }
    for pair in content.windows(2) {
        let key = format!("{} {}", pair[0].0, pair[1].0);
        out.entry(key)
            .or_insert_with(|| format!("{} {}", pair[0].1, pair[1].1));
    }
    out
}

fn doc_freq<'a>(
    docs: impl Iterator<Item = &'a BTreeMap<String, String>>,
) -> BTreeMap<&'a str, usize> {
    let mut df = BTreeMap::new();
    for d in docs {
        for k in d.keys() {
            *df.entry(k.as_str()).or_insert(0) += 1;
        }
    }
    df
}

/// Groups `other` items (respondent index, text) of one question; `background`
/// is every item of the survey, to weigh terms against.
pub fn discover(items: &[(usize, &str)], background: &[&str]) -> Vec<EmergingTheme> {
    let item_terms: Vec<BTreeMap<String, String>> = items.iter().map(|(_, t)| terms(t)).collect();
    let bg_terms: Vec<BTreeMap<String, String>> = background.iter().map(|t| terms(t)).collect();
    discover_with(items, item_terms, &bg_terms)
}

/// [`discover`] over the `other` items of `all` (marked in `is_other`),
/// with every item of `all` as the background, then [`widen`]ed to `all`:
/// what the report does per question. Each item's terms are computed
/// once (tokenizing and stemming them was most of the cost, done three
/// times per item when `discover` and `widen` each did it).
pub fn discover_and_widen(all: &[(usize, &str)], is_other: &[bool]) -> Vec<EmergingTheme> {
    let all_terms: Vec<BTreeMap<String, String>> = all.iter().map(|(_, t)| terms(t)).collect();
    let marked = || {
        all.iter()
            .zip(&all_terms)
            .zip(is_other)
            .filter(|(_, o)| **o)
    };
    let items: Vec<(usize, &str)> = marked().map(|((a, _), _)| *a).collect();
    let item_terms = marked().map(|((_, t), _)| t.clone()).collect();
    let mut found = discover_with(&items, item_terms, &all_terms);
    widen_with(&mut found, all, &all_terms);
    found
}

fn discover_with(
    items: &[(usize, &str)],
    item_terms: Vec<BTreeMap<String, String>>,
    bg_terms: &[BTreeMap<String, String>],
) -> Vec<EmergingTheme> {
    let df_other = doc_freq(item_terms.iter());
    let df_bg = doc_freq(bg_terms.iter());
    let index = Index::new(&item_terms);
    let mut candidates: Vec<(usize, usize, bool, &str)> = df_other
        .iter()
        .filter(|&(_, &n)| n >= MIN_ITEMS)
        .filter(|&(t, &n)| {
            let everywhere = df_bg.get(t).copied().unwrap_or(0).max(n);
            n as f64 / everywhere as f64 >= MIN_CONCENTRATION
        })
        .map(|(&t, &n)| {
            let who: BTreeSet<usize> = index.holders(t, &[]).iter().map(|&i| items[i].0).collect();
            (who.len(), n, !t.contains(' '), t)
        })
        .collect();
    // Widest first; a two-word term before a single word; then by name.
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(b.3))
    });
    let mut taken = vec![false; items.len()];
    let mut out = Vec::new();
    for (_, _, _, term) in candidates {
        let members = index.holders(term, &taken);
        let who: BTreeSet<usize> = members.iter().map(|&i| items[i].0).collect();
        if members.len() < MIN_ITEMS || who.len() < MIN_RESPONDENTS {
            continue;
        }
        for &i in &members {
            taken[i] = true;
        }
        let df = (&df_other, &df_bg);
        out.push(group(term, &members, items, &item_terms, df, who.len()));
    }
    out.sort_by(|a, b| {
        b.respondents
            .cmp(&a.respondents)
            .then(b.items.len().cmp(&a.items.len()))
            .then(a.label.cmp(&b.label))
    });
    out
}

/// Which items hold each term (ascending), built in one pass so that a
/// candidate's items are found without scanning every item (issue 10:
/// the scan per candidate made discovery quadratic).
struct Index<'a> {
    postings: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(item_terms: &'a [BTreeMap<String, String>]) -> Index<'a> {
        let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, terms) in item_terms.iter().enumerate() {
            for t in terms.keys() {
                postings.entry(t.as_str()).or_default().push(i);
            }
        }
        Index { postings }
    }

    /// Indices of the items not yet `taken` (an empty slice: none) that
    /// contain `term`, in item order.
    fn holders(&self, term: &str, taken: &[bool]) -> Vec<usize> {
        self.postings
            .get(term)
            .map(|p| {
                p.iter()
                    .copied()
                    .filter(|&i| !taken.get(i).copied().unwrap_or(false))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Document frequencies: among `other` items, and among every item.
type Freqs<'a, 'b> = (&'b BTreeMap<&'a str, usize>, &'b BTreeMap<&'a str, usize>);

fn group(
    term: &str,
    members: &[usize],
    items: &[(usize, &str)],
    item_terms: &[BTreeMap<String, String>],
    df: Freqs,
    respondents: usize,
) -> EmergingTheme {
    let member_terms: Vec<&BTreeMap<String, String>> =
        members.iter().map(|&i| &item_terms[i]).collect();
    let cover = doc_freq(member_terms.iter().copied());
    // Salient as the seed term is (concentrated in `other` items), shared
    // by two members or more, and no everyday word ("want", "time").
    let concentrated = |t: &str| {
        let everywhere =
            df.1.get(t)
                .copied()
                .unwrap_or(0)
                .max(df.0.get(t).copied().unwrap_or(0));
        df.0.get(t).copied().unwrap_or(0) as f64 >= MIN_CONCENTRATION * everywhere as f64
    };
    let mut vocabulary: Vec<(&str, usize)> = cover
        .iter()
        .filter(|&(t, &c)| *t == term || (c >= 2 && concentrated(t) && topical(t)))
        .map(|(t, c)| (*t, *c))
        .collect();
    let wide = |t: &str| df.1.get(t).copied().unwrap_or(0);
    vocabulary.sort_by(|a, b| {
        (b.0 == term)
            .cmp(&(a.0 == term))
            .then(b.1.cmp(&a.1))
            .then(wide(b.0).cmp(&wide(a.0)))
            .then(a.0.cmp(b.0))
    });
    let label = phrase_label(&vocabulary, &member_terms, members.len(), &wide);
    EmergingTheme {
        // A group whose words are all everyday ones keeps its seed word.
        label: if label.is_empty() {
            as_written(term, &member_terms)
        } else {
            label
        },
        terms: vocabulary
            .iter()
            .take(VOCABULARY)
            .map(|(t, _)| t.to_string())
            .collect(),
        items: members
            .iter()
            .map(|&i| (items[i].0, items[i].1.to_string()))
            .collect(),
        respondents,
    }
}

/// A term that can name or widen a group: a word that is not an everyday
/// one, or two words of which one is not.
fn topical(term: &str) -> bool {
    term.split(' ').any(|w| !is_common(w))
}

/// One or two phrases, most shared first (ties: the more widely used
/// term, the better known name). A word gives way to the two-word term
/// that holds two thirds of its uses ("carbon" -> "carbon footprint"); a
/// second phrase must be shared by half the members.
fn phrase_label(
    vocabulary: &[(&str, usize)],
    member_terms: &[&BTreeMap<String, String>],
    members: usize,
    wide: &dyn Fn(&str) -> usize,
) -> String {
    let mut words: Vec<(&str, usize)> = vocabulary
        .iter()
        .filter(|(t, _)| !t.contains(' ') && topical(t))
        .copied()
        .collect();
    words.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(wide(b.0).cmp(&wide(a.0)))
            .then(a.0.cmp(b.0))
    });
    let mut taken: Vec<&str> = vec![];
    let mut phrases: Vec<String> = vec![];
    for (word, count) in words {
        if phrases.len() == 2 || (!phrases.is_empty() && count * 2 < members) {
            break;
        }
        let best = vocabulary
            .iter()
            .filter(|(t, c)| {
                t.split(' ').any(|w| w == word) && t.contains(' ') && c * 3 >= count * 2
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map_or(word, |(t, _)| *t);
        if best.split(' ').any(|w| taken.contains(&w)) {
            continue;
        }
        taken.extend(best.split(' '));
        phrases.push(as_written(best, member_terms));
    }
    phrases.join(" / ")
}

/// The members' most frequent spelling of a term, each word as reps write
/// it: with inner or all capitals when some do ("ESG", "QuickBooks"),
/// capitalized when all do (a name), else in lower case ("Carbon" at the
/// start of a sentence is "carbon").
fn as_written(term: &str, member_terms: &[&BTreeMap<String, String>]) -> String {
    let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
    for m in member_terms {
        if let Some(f) = m.get(term) {
            *forms.entry(f.as_str()).or_insert(0) += 1;
        }
    }
    let Some((form, _)) = forms.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
        return term.to_string();
    };
    let word_forms: Vec<Vec<&str>> = forms.keys().map(|f| f.split(' ').collect()).collect();
    form.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let spellings: Vec<&str> = word_forms
                .iter()
                .filter_map(|f| f.get(i).copied())
                .collect();
            let branded = spellings
                .iter()
                .find(|f| f.chars().skip(1).any(char::is_uppercase));
            let lower = spellings.iter().any(|f| !f.chars().any(char::is_uppercase));
            match branded {
                Some(b) => b.to_string(),
                // Capitalized only at the start of sentences: a word.
                None if lower => w.to_lowercase(),
                // Always capitalized: a name ("Tailspin").
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Counts every respondent in each group: the items of the question
/// (`all`: respondent index and text, the same texts `discover` was
/// given, coded or not) that use the group's vocabulary join it. The
/// vocabulary is learned again from the members, up to [`ROUNDS`] times,
/// taking only terms the members hold most of the uses of; an item
/// joins one group at most, the largest first. Linear in the items.
pub fn widen(themes: &mut Vec<EmergingTheme>, all: &[(usize, &str)]) {
    let all_terms: Vec<BTreeMap<String, String>> = all.iter().map(|(_, t)| terms(t)).collect();
    widen_with(themes, all, &all_terms);
}

fn widen_with(
    themes: &mut Vec<EmergingTheme>,
    all: &[(usize, &str)],
    all_terms: &[BTreeMap<String, String>],
) {
    let df = doc_freq(all_terms.iter());
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, ts) in all_terms.iter().enumerate() {
        for k in ts.keys() {
            postings.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut index: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
    for (i, (r, t)) in all.iter().enumerate() {
        index.entry((*r, *t)).or_default().push(i);
    }
    // Seed members claim their own items first.
    let mut owner: BTreeMap<usize, usize> = BTreeMap::new();
    for (g, theme) in themes.iter().enumerate() {
        for (r, t) in &theme.items {
            for &i in index.get(&(*r, t.as_str())).into_iter().flatten() {
                owner.entry(i).or_insert(g);
            }
        }
    }
    let mut seeds: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); themes.len()];
    for (&i, &g) in &owner {
        seeds[g].insert(i);
    }
    for (g, mut members) in seeds.into_iter().enumerate() {
        for _ in 0..ROUNDS {
            let joining: BTreeSet<usize> = vocabulary_of(&members, all_terms, &df)
                .into_iter()
                .flat_map(|t| postings.get(t).into_iter().flatten().copied())
                .filter(|i| !owner.contains_key(i))
                .collect();
            if joining.is_empty() {
                break;
            }
            for i in joining {
                owner.insert(i, g);
                members.insert(i);
            }
        }
        let theme = &mut themes[g];
        theme.items = members
            .iter()
            .map(|&i| (all[i].0, all[i].1.to_string()))
            .collect();
        theme.respondents = members
            .iter()
            .map(|&i| all[i].0)
            .collect::<BTreeSet<_>>()
            .len();
    }
    themes.retain(|t| {
        t.items.len() >= MIN_ITEMS
            && t.items
                .iter()
                .map(|(r, _)| r)
                .collect::<BTreeSet<_>>()
                .len()
                >= MIN_RESPONDENTS
    });
    themes.sort_by(|a, b| {
        b.respondents
            .cmp(&a.respondents)
            .then(b.items.len().cmp(&a.items.len()))
            .then(a.label.cmp(&b.label))
    });
}

/// Terms at least two members share and that the members hold most of
/// the question's uses of: the words the group is about. A word the
/// codebook's themes use as often ("techs" in a field-service survey) is
/// the survey's vocabulary, not the group's, and pulls nothing in.
fn vocabulary_of<'a>(
    members: &BTreeSet<usize>,
    all_terms: &'a [BTreeMap<String, String>],
    df: &BTreeMap<&str, usize>,
) -> BTreeSet<&'a str> {
    let cover = doc_freq(members.iter().map(|&i| &all_terms[i]));
    cover
        .into_iter()
        .filter(|&(t, c)| c >= 2 && c * 2 > df.get(t).copied().unwrap_or(0) && topical(t))
        .map(|(t, _)| t)
        .collect()
}

#[cfg(test)]
#[path = "emerging_tests.rs"]
mod tests;
