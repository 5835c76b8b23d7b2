//! The figures of one question, by the kind of its answers: themes,
//! personas, stages, durations, ratings, tone, competitors.

use super::quotes::{self, Candidate, Used};
use super::{Answers, Context};
use crate::normalize::{DurationRange, Rating, emerging};
use crate::questions::{AnswerKind, QuestionId};
use crate::snapshot::{
    Count, DurationSummary, EmergingSummary, PersonaSummary, QuestionSummary, RatingSummary,
    StageSummary, ThemeSummary, WordDays, count, key_of, round1, round4,
};
use crate::stats::quantile;
use std::collections::{BTreeMap, BTreeSet};

/// Fills the kind-specific figures of `s`.
/// `tags` gives the segment value to show beside each respondent's quotes.
pub(super) fn fill(
    ctx: &Context,
    q: QuestionId,
    answers: &Answers,
    tags: &BTreeMap<usize, String>,
    s: &mut QuestionSummary,
) {
    let n = answers.len();
    match q.kind() {
        AnswerKind::CodedList | AnswerKind::CodedText => {
            // One set of used quotes per question: a quote shows under the
            // first (largest) theme that picks it, never twice.
            let mut used = Used::default();
            // Named themes choose first, then emerging groups, and what the
            // codebook missed (`other`) takes what is left.
            let (mut themes, other) = themes(ctx, q, answers, tags, &mut used);
            s.emerging = emerging_themes(ctx, answers, tags, &mut used);
            if let Some(t) = themes.iter_mut().find(|t| t.id == "other") {
                t.quote_details = quotes::pick(ctx, &other, tags, &mut used);
                t.quotes = t.quote_details.iter().map(|q| q.text.clone()).collect();
            }
            s.themes = themes;
            if q.kind() == AnswerKind::CodedText {
                s.tone = respondent_counts(answers, |a| {
                    a.items
                        .iter()
                        .filter_map(|i| i.tone)
                        .map(|t| key_of(&t))
                        .collect()
                })
                .into_iter()
                .map(|(k, c)| count(k.clone(), capitalize(&k), c, n))
                .collect();
            }
        }
        AnswerKind::Personas => s.personas = personas(answers),
        AnswerKind::Stages => s.stages = stages(ctx, q, answers),
        AnswerKind::Duration => s.durations = Some(durations(answers)),
        AnswerKind::Rating => {
            s.ratings = Some(ratings(answers));
            s.missing_audiences = audiences(answers, n);
        }
    }
    if crate::normalize::COMPETITOR_QUESTIONS.contains(&q) {
        s.competitors = sorted_counts(
            respondent_counts(answers, |a| {
                a.items
                    .iter()
                    .flat_map(|i| i.competitors.iter().cloned())
                    .collect()
            }),
            n,
        );
    }
}

/// Audiences named as missing, grouped regardless of case and shown as
/// first written ("IT buyers", not "it buyers").
fn audiences(answers: &Answers, n: usize) -> Vec<Count> {
    let mut shown: BTreeMap<String, String> = BTreeMap::new();
    for (_, a) in answers {
        for m in &a.missing_audiences {
            shown.entry(m.to_lowercase()).or_insert_with(|| m.clone());
        }
    }
    let counts = respondent_counts(answers, |a| {
        a.missing_audiences
            .iter()
            .map(|m| m.to_lowercase())
            .collect()
    });
    let mut v: Vec<Count> = sorted_counts(counts, n);
    for c in &mut v {
        if let Some(label) = shown.get(&c.key) {
            c.label = label.clone();
        }
    }
    v
}

/// For each key, the number of respondents whose answer yields it.
fn respondent_counts(
    answers: &Answers,
    keys: impl Fn(&crate::normalize::CodedAnswer) -> BTreeSet<String>,
) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (_, a) in answers {
        for k in keys(a) {
            *out.entry(k).or_insert(0) += 1;
        }
    }
    out
}

/// Counts sorted by count (descending), then key.
fn sorted_counts(counts: BTreeMap<String, usize>, base: usize) -> Vec<Count> {
    let mut v: Vec<Count> = counts
        .into_iter()
        .map(|(k, c)| count(k.clone(), k, c, base))
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c)
            .collect::<String>()
            .replace('_', " "),
        None => String::new(),
    }
}

fn theme_label(ctx: &Context, q: QuestionId, id: &str) -> String {
    if id == "other" {
        return "Other (no codebook theme)".into();
    }
    q.codebook()
        .and_then(|b| ctx.codebooks.get(b))
        .map(|b| b.label(id).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The question's themes, largest first, with quotes for all but `other`,
/// whose candidates are returned for picking later.
fn themes<'a>(
    ctx: &Context,
    q: QuestionId,
    answers: &Answers<'a>,
    tags: &BTreeMap<usize, String>,
    used: &mut Used,
) -> (Vec<ThemeSummary>, Vec<Candidate<'a>>) {
    let mut items: BTreeMap<&str, Vec<Candidate>> = BTreeMap::new();
    for (r, a) in answers {
        for item in &a.items {
            for hit in &item.themes {
                items.entry(hit.id.as_str()).or_default().push(Candidate {
                    respondent: *r,
                    text: item.text.as_str(),
                    confidence: quotes::confidence(item.themes.len(), hit.confidence),
                });
            }
        }
    }
    let n = answers.len();
    let mut out: Vec<(ThemeSummary, Vec<Candidate>)> = items
        .into_iter()
        .map(|(id, members)| {
            let respondents = members
                .iter()
                .map(|m| m.respondent)
                .collect::<BTreeSet<_>>()
                .len();
            let t = ThemeSummary {
                id: id.to_string(),
                label: theme_label(ctx, q, id),
                respondents,
                share: round4(respondents as f64 / n.max(1) as f64),
                items: members.len(),
                quotes: vec![],
                quote_details: vec![],
            };
            (t, members)
        })
        .collect();
    // `other` goes last whatever its size: it is what the codebook missed.
    out.sort_by(|(a, _), (b, _)| {
        (a.id == "other")
            .cmp(&(b.id == "other"))
            .then(b.respondents.cmp(&a.respondents))
            .then_with(|| a.id.cmp(&b.id))
    });
    // Quotes are picked in that order, so the largest theme gets first
    // choice of a quote that several themes share.
    let mut other = vec![];
    let themes = out
        .into_iter()
        .map(|(mut t, members)| {
            if t.id == "other" {
                other = members;
            } else {
                t.quote_details = quotes::pick(ctx, &members, tags, used);
                t.quotes = t.quote_details.iter().map(|q| q.text.clone()).collect();
            }
            t
        })
        .collect();
    (themes, other)
}

/// Below this (thousandths) a theme the learned coder alone gave is a guess.
const GUESS: u16 = 300;

/// An item no theme matched, or only the coder's guess did: a candidate for
/// an emerging theme, since a new topic is first filed under the nearest
/// old theme ("they ask for our carbon disclosure" as vendor risk at 11%).
fn unsure(i: &crate::normalize::CodedItem) -> bool {
    i.themes
        .iter()
        .all(|t| t.id == "other" || t.is_guess_below(GUESS))
}

fn emerging_themes(
    ctx: &Context,
    answers: &Answers,
    tags: &BTreeMap<usize, String>,
    used: &mut Used,
) -> Vec<EmergingSummary> {
    // Grouped as they will be quoted, redacted: a buyer named in several
    // answers ("Maria Gonzalez, their CFO") must not become a label.
    let names: Vec<&str> = ctx.names.iter().map(String::as_str).collect();
    let redacted: Vec<(usize, String, bool)> = answers
        .iter()
        .flat_map(|(r, a)| {
            a.items
                .iter()
                .map(move |i| (*r, i.text.as_str(), unsure(i)))
        })
        .map(|(r, t, other)| (r, crate::normalize::redact::redact(t, &names), other))
        .collect();
    let others: Vec<(usize, &str)> = redacted
        .iter()
        .filter(|x| x.2)
        .map(|(r, t, _)| (*r, t.as_str()))
        .collect();
    if others.is_empty() {
        return vec![];
    }
    let all: Vec<(usize, &str)> = redacted.iter().map(|(r, t, _)| (*r, t.as_str())).collect();
    let is_other: Vec<bool> = redacted.iter().map(|x| x.2).collect();
    // Grouped from the `other` items against all of them as background;
    // then every rep in the group counts, also where a codebook theme
    // matched their item by a stray word (`widen`).
    let found = emerging::discover_and_widen(&all, &is_other);
    let seed: BTreeSet<(usize, &str)> = others.iter().copied().collect();
    found
        .into_iter()
        .map(|e| {
            // Grouped by shared words: every member fits as well as any,
            // but an item no theme matched is quoted before one a theme
            // did (that one's coding is in doubt).
            let members: Vec<Candidate> = e
                .items
                .iter()
                .map(|(r, t)| Candidate {
                    respondent: *r,
                    text: t.as_str(),
                    confidence: if seed.contains(&(*r, t.as_str())) {
                        1.0
                    } else {
                        0.5
                    },
                })
                .collect();
            let quote_details = quotes::pick(ctx, &members, tags, used);
            EmergingSummary {
                quotes: quote_details.iter().map(|q| q.text.clone()).collect(),
                quote_details,
                label: e.label,
                terms: e.terms,
                respondents: e.respondents,
                items: e.items.len(),
            }
        })
        .collect()
}

fn personas(answers: &Answers) -> Vec<PersonaSummary> {
    let mut counts: BTreeMap<(crate::normalize::Function, crate::normalize::Seniority), usize> =
        BTreeMap::new();
    for (_, a) in answers {
        let set: BTreeSet<_> = a
            .items
            .iter()
            .flat_map(|i| i.personas.iter().map(|p| (p.function, p.seniority)))
            .collect();
        for k in set {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    let n = answers.len().max(1);
    let mut out: Vec<PersonaSummary> = counts
        .into_iter()
        .map(|((function, seniority), c)| PersonaSummary {
            function,
            seniority,
            respondents: c,
            share: round4(c as f64 / n as f64),
        })
        .collect();
    out.sort_by(|a, b| {
        b.respondents
            .cmp(&a.respondents)
            .then((a.function, a.seniority).cmp(&(b.function, b.seniority)))
    });
    out
}

fn stages(ctx: &Context, q: QuestionId, answers: &Answers) -> Vec<StageSummary> {
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // id -> (respondents, sum of positions)
    for (_, a) in answers {
        let mut order: Vec<&str> = vec![];
        for s in a.items.iter().flat_map(|i| i.stages.iter()) {
            if !order.contains(&s.as_str()) {
                order.push(s);
            }
        }
        for (pos, s) in order.iter().enumerate() {
            let e = seen.entry(s).or_insert((0, 0));
            e.0 += 1;
            e.1 += pos + 1;
        }
    }
    let n = answers.len().max(1);
    let mut out: Vec<StageSummary> = seen
        .into_iter()
        .map(|(id, (c, pos))| StageSummary {
            id: id.to_string(),
            label: theme_label(ctx, q, id),
            respondents: c,
            share: round4(c as f64 / n as f64),
            mean_position: round4(pos as f64 / c as f64),
        })
        .collect();
    out.sort_by(|a, b| {
        a.mean_position
            .total_cmp(&b.mean_position)
            .then(b.respondents.cmp(&a.respondents))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// The typical days of one answer: the middle of each range (the lower
/// bound of an open one), and the median of those when it gives several.
pub fn typical_days(pairs: &[DurationRange]) -> Option<f64> {
    let mut v: Vec<f64> = pairs.iter().map(pair_days).collect();
    v.sort_by(f64::total_cmp);
    quantile(&v, 0.5)
}

fn pair_days(p: &DurationRange) -> f64 {
    match p.high {
        Some(h) => (p.low as f64 + h as f64) / 2.0,
        None => p.low as f64,
    }
}

fn answer_pairs(a: &crate::normalize::CodedAnswer) -> Vec<DurationRange> {
    a.items
        .iter()
        .flat_map(|i| i.durations.iter().cloned())
        .collect()
}

/// The typical days of each answer in a segment cell, sorted.
pub(super) fn duration_values(cell: &Answers) -> Vec<f64> {
    let mut v: Vec<f64> = cell
        .iter()
        .filter_map(|(_, a)| typical_days(&answer_pairs(a)))
        .map(round1)
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

const BUCKETS: [(&str, f64); 5] = [
    ("under 1 month", 30.4),
    ("1-3 months", 91.4),
    ("3-6 months", 182.7),
    ("6-12 months", 365.3),
    ("12 months or more", f64::INFINITY),
];

fn durations(answers: &Answers) -> DurationSummary {
    let mut values = vec![];
    let mut words: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let (mut unparsed, mut open_ended) = (0, 0);
    let (mut min_days, mut max_days): (Option<u32>, Option<u32>) = (None, None);
    for (_, a) in answers {
        let pairs = answer_pairs(a);
        let Some(t) = typical_days(&pairs) else {
            unparsed += 1;
            continue;
        };
        values.push(t);
        if pairs.iter().any(|p| p.high.is_none()) {
            open_ended += 1;
        }
        for p in &pairs {
            min_days = Some(min_days.map_or(p.low, |m| m.min(p.low)));
            let hi = p.high.unwrap_or(p.low);
            max_days = Some(max_days.map_or(hi, |m| m.max(hi)));
            if let Some(w) = &p.segment {
                words
                    .entry(w.to_lowercase())
                    .or_default()
                    .push(pair_days(p));
            }
        }
    }
    values.sort_by(f64::total_cmp);
    let histogram = BUCKETS
        .iter()
        .enumerate()
        .map(|(i, (label, hi))| {
            let lo = if i == 0 {
                f64::NEG_INFINITY
            } else {
                BUCKETS[i - 1].1
            };
            let c = values.iter().filter(|v| **v >= lo && **v < *hi).count();
            count(*label, *label, c, values.len())
        })
        .collect();
    DurationSummary {
        parsed: values.len(),
        unparsed,
        median_days: quantile(&values, 0.5).map(round1),
        q1_days: quantile(&values, 0.25).map(round1),
        q3_days: quantile(&values, 0.75).map(round1),
        min_days,
        max_days,
        open_ended,
        histogram,
        // A word named in a single answer says little and is often not a
        // segment at all ("now"); two answers are the least to show.
        by_answer_segment: words
            .into_iter()
            .filter(|(_, v)| v.len() >= 2)
            .map(|(word, mut v)| {
                v.sort_by(f64::total_cmp);
                WordDays {
                    word,
                    answers: v.len(),
                    median_days: quantile(&v, 0.5).map(round1).unwrap_or(0.0),
                }
            })
            .collect(),
        values: values.into_iter().map(round1).collect(),
    }
}

/// A 1-5 scale folds into yes (4-5), partly (3) and no (1-2).
fn verdict(r: Rating) -> &'static str {
    match r {
        Rating::Yes => "yes",
        Rating::Partly => "partly",
        Rating::No => "no",
        Rating::Scale(s) if s >= 4 => "yes",
        Rating::Scale(3) => "partly",
        Rating::Scale(_) => "no",
    }
}

/// Every share is of the respondents who answered (the question's base);
/// answers without a readable verdict ("not sure", a comment only) are a
/// row of their own, so the shares add up to 100%.
fn ratings(answers: &Answers) -> RatingSummary {
    let n = answers.len();
    let rated: Vec<Rating> = answers.iter().filter_map(|(_, a)| a.rating).collect();
    let unrated = n - rated.len();
    let mut distribution: Vec<Count> = ["yes", "partly", "no"]
        .into_iter()
        .map(|k| {
            let c = rated.iter().filter(|r| verdict(**r) == k).count();
            count(k, capitalize(k), c, n)
        })
        .collect();
    if unrated > 0 {
        distribution.push(count(NO_VERDICT, "No clear verdict", unrated, n));
    }
    let scaled: Vec<u8> = rated
        .iter()
        .filter_map(|r| {
            if let Rating::Scale(s) = r {
                Some(*s)
            } else {
                None
            }
        })
        .collect();
    let scale = if scaled.is_empty() {
        vec![]
    } else {
        (1..=5u8)
            .map(|s| {
                count(
                    s.to_string(),
                    s.to_string(),
                    scaled.iter().filter(|x| **x == s).count(),
                    n,
                )
            })
            .collect()
    };
    RatingSummary {
        distribution,
        scale,
        unrated,
    }
}

/// The key of answers that gave no yes / partly / no or scale point.
pub const NO_VERDICT: &str = "no_verdict";

/// The figures of a segment cell: the key of each theme, persona, stage or
/// verdict, with its count and share among the cell's respondents.
pub(super) fn cell_figures(ctx: &Context, q: QuestionId, cell: &Answers) -> Vec<Count> {
    let n = cell.len();
    let counts = respondent_counts(cell, |a| match q.kind() {
        AnswerKind::CodedList | AnswerKind::CodedText => a
            .items
            .iter()
            .flat_map(|i| i.themes.iter().map(|t| t.id.clone()))
            .collect(),
        AnswerKind::Personas => a
            .items
            .iter()
            .flat_map(|i| {
                i.personas
                    .iter()
                    .map(|p| format!("{}/{}", key_of(&p.function), key_of(&p.seniority)))
            })
            .collect(),
        AnswerKind::Stages => a
            .items
            .iter()
            .flat_map(|i| i.stages.iter().cloned())
            .collect(),
        AnswerKind::Rating => a
            .rating
            .map(|r| verdict(r).to_string())
            .into_iter()
            .collect(),
        AnswerKind::Duration => BTreeSet::new(),
    });
    let _ = ctx;
    sorted_counts(counts, n)
}
