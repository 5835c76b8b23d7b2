//! The five findings of the first page: sentences generated from the data,
//! each with its figure and its change, ranked by size and certainty
//! across every question (themes, the website verdict, the cycle length,
//! and segments that differ sharply).
//!
//! Every candidate gets an effect size in 0..1 (points of change / 100, a
//! segment gap, the relative change of a median) and a certainty from its
//! p-value (1 at p <= 0.001, falling to 0.43 at p = 0.05); the score is
//! their product. Facts about this quarter alone (a segment gap, the top
//! theme when there is no earlier quarter) count half, so a change since
//! the last quarter comes first when it is as large and as sure.

use super::format::{days, moved, p_text, pct};
use super::history::{Deltas, news_of, rise_is};
use crate::diff::ShareDiff;
use crate::questions::QuestionId;
use crate::snapshot::{QuestionSummary, Snapshot};
use crate::stats;
use serde::Serialize;

/// Findings on the first page.
pub const SHOWN: usize = 5;
/// At most this many findings about one question, and about segment gaps,
/// so the page covers the survey.
const PER_QUESTION: usize = 2;
const SEGMENT_GAPS: usize = 2;
/// A quarter-only fact weighs this much against a change.
const LEVEL_WEIGHT: f64 = 0.5;

/// One finding of the first page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// One sentence with its figure and change.
    pub sentence: String,
    /// The figure alone ("70%", "320 days").
    pub figure: String,
    /// The change ("up 47 points since 2026-Q2"), "" for a level.
    pub change: String,
    /// `good`, `bad` or `neutral` news for us.
    pub news: String,
    /// `change` (since the previous quarter), `segment_gap`, `emerging` or
    /// `level` (this quarter alone).
    pub kind: Kind,
    /// The question it is about, for the link to its section.
    pub question: Option<QuestionId>,
    /// The ranking score (effect x certainty), for tests and tuning.
    pub score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Change,
    SegmentGap,
    Emerging,
    Level,
}

/// How sure: 1 at p <= 0.001, 0 at p = 1.
pub(super) fn certainty(p: f64) -> f64 {
    (-p.max(1e-12).log10() / 3.0).clamp(0.0, 1.0)
}

/// What reps say a theme is, in each question, for sentences.
fn role(q: QuestionId) -> &'static str {
    use QuestionId::*;
    match q {
        Objections => "an objection",
        ProspectQuestions => "a prospect question",
        Differentiators => "a reason clients buy",
        OurStrengths => "a strength over competitors",
        CompetitorStrengths => "a competitor strength",
        BuyerPains => "a buyer pain",
        InfluencerPains => "an influencer pain",
        SuccessFactors => "what makes a sale succeed",
        WebsiteChanges => "a website change to make",
        WebsiteFeedback => "website feedback",
        _ => "an answer",
    }
}

/// What the top theme of a question is, after "the top": "objection",
/// "competitor strength" ("the top where competitors do better" is no
/// English).
fn top_noun(q: QuestionId) -> &'static str {
    use QuestionId::*;
    match q {
        Objections => "objection",
        ProspectQuestions => "prospect question",
        Differentiators => "reason clients buy",
        OurStrengths => "strength over competitors",
        CompetitorStrengths => "competitor strength",
        BuyerPains => "buyer pain",
        InfluencerPains => "influencer pain",
        SuccessFactors => "success factor",
        WebsiteChanges => "website change reps ask for",
        WebsiteFeedback => "theme of website feedback",
        _ => "answer",
    }
}

/// The findings of `s`, best first, at most [`SHOWN`].
pub fn findings(s: &Snapshot, deltas: &Deltas) -> Vec<Finding> {
    let prev = deltas.previous_quarter.as_deref().unwrap_or("last quarter");
    let mut all = vec![];
    if let Some(d) = &deltas.diff {
        for t in d.themes.iter().filter(|t| t.significant) {
            all.push(theme_change(s, t, prev));
        }
        for w in d
            .website
            .iter()
            .filter(|w| w.significant && w.theme == "yes")
        {
            all.push(website_change(w, prev));
        }
        if let Some(c) = d.cycle_length.as_ref().filter(|c| c.significant)
            && let (Some(o), Some(n), Some(p)) = (c.old_median_days, c.new_median_days, c.p_value)
        {
            let longer = if n > o { "lengthened" } else { "shortened" };
            all.push(Finding {
                sentence: format!(
                    "The median sales cycle {longer} to {}, from {o:.0} days in {prev} ({}).",
                    days(n),
                    p_text(p)
                ),
                figure: format!("{n:.0} days"),
                change: format!("from {o:.0} days in {prev}"),
                news: if n > o { "bad" } else { "good" }.into(),
                kind: Kind::Change,
                question: Some(QuestionId::CycleLength),
                score: (n - o).abs() / n.max(o).max(1.0) * certainty(p),
            });
        }
    } else {
        all.extend(levels(s));
    }
    all.extend(cycle_gap(s));
    all.extend(highlights(s));
    all.extend(emerging(s, deltas, prev));
    pick(all)
}

fn pick(mut all: Vec<Finding>) -> Vec<Finding> {
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.sentence.cmp(&b.sentence))
    });
    let mut out: Vec<Finding> = vec![];
    for f in all {
        let same_q = out
            .iter()
            .filter(|o| o.question == f.question && f.question.is_some());
        let gaps = out.iter().filter(|o| o.kind == Kind::SegmentGap).count();
        if same_q.count() >= PER_QUESTION || (f.kind == Kind::SegmentGap && gaps >= SEGMENT_GAPS) {
            continue;
        }
        out.push(f);
        if out.len() == SHOWN {
            break;
        }
    }
    out
}

fn theme_change(s: &Snapshot, t: &ShareDiff, prev: &str) -> Finding {
    let top = s
        .question(t.question)
        .and_then(|q| q.themes.iter().find(|x| x.id != "other"))
        .is_some_and(|x| x.id == t.theme);
    let up = t.change_points > 0.0;
    let figure = pct(t.new_share);
    let change = format!("{} since {prev}", moved(t.change_points));
    let lead = match (top && up, t.question) {
        (true, QuestionId::Objections) => format!("{} is now the top objection", t.label),
        (true, q) => format!("{} is now the top {}", t.label, top_noun(q)),
        (false, q) if up => format!("More reps name {} as {}", t.label, role(q)),
        (false, q) => format!("Fewer reps name {} as {}", t.label, role(q)),
    };
    Finding {
        sentence: format!(
            "{lead}: {figure} of reps ({} of {}), {change} ({}).",
            t.new_count,
            t.new_n,
            p_text(t.p_value)
        ),
        figure,
        change,
        news: news_of(t).into(),
        kind: Kind::Change,
        question: Some(t.question),
        score: t.change_points.abs() / 100.0 * certainty(t.p_value),
    }
}

fn website_change(w: &ShareDiff, prev: &str) -> Finding {
    let up = w.change_points > 0.0;
    let lead = if up {
        "More reps find the website a valuable sales tool"
    } else {
        "Fewer reps find the website a valuable sales tool"
    };
    Finding {
        sentence: format!(
            "{lead}: {} say yes, up from {} in {prev} ({}).",
            pct(w.new_share),
            pct(w.old_share),
            p_text(w.p_value)
        )
        .replace("up from", if up { "up from" } else { "down from" }),
        figure: pct(w.new_share),
        change: format!("from {} in {prev}", pct(w.old_share)),
        news: news_of(w).into(),
        kind: Kind::Change,
        question: Some(QuestionId::WebsiteValue),
        score: w.change_points.abs() / 100.0 * certainty(w.p_value),
    }
}

/// Without an earlier quarter: the top theme of the questions that matter
/// most to marketing, and the website verdict, as levels.
fn levels(s: &Snapshot) -> Vec<Finding> {
    let mut out = vec![];
    for q in [
        QuestionId::Objections,
        QuestionId::Differentiators,
        QuestionId::CompetitorStrengths,
        QuestionId::WebsiteChanges,
    ] {
        let Some(t) = s
            .question(q)
            .and_then(|x| x.themes.iter().find(|t| t.id != "other"))
        else {
            continue;
        };
        let n = s.question(q).map_or(0, |x| x.answered);
        let what = top_noun(q);
        out.push(Finding {
            sentence: format!(
                "{} is the top {what}: {} of reps ({} of {n}).",
                t.label,
                pct(t.share),
                t.respondents
            ),
            figure: pct(t.share),
            change: String::new(),
            news: match rise_is(q, &t.id) {
                1 => "good",
                -1 => "bad",
                _ => "neutral",
            }
            .into(),
            kind: Kind::Level,
            question: Some(q),
            score: t.share * LEVEL_WEIGHT,
        });
    }
    if let Some(yes) = super::history::verdict_share(s, "yes") {
        let no = super::history::verdict_share(s, "no").unwrap_or(0.0);
        out.push(Finding {
            sentence: format!(
                "{} of reps call the website a valuable sales tool; {} say it is not.",
                pct(yes),
                pct(no)
            ),
            figure: pct(yes),
            change: String::new(),
            news: if no > yes { "bad" } else { "neutral" }.into(),
            kind: Kind::Level,
            question: Some(QuestionId::WebsiteValue),
            score: (yes - no).abs() * LEVEL_WEIGHT,
        });
    }
    out
}

/// The sharpest cycle-length gap between two shown groups of one segment:
/// the longest and the shortest median, when a rank test tells them apart.
fn cycle_gap(s: &Snapshot) -> Option<Finding> {
    let q = s.question(QuestionId::CycleLength)?;
    let overall = q.durations.as_ref()?.median_days?;
    let mut best: Option<(f64, Finding)> = None;
    for b in &q.by_segment {
        let shown: Vec<_> = b
            .cells
            .iter()
            .filter(|c| !c.suppressed && c.values.len() >= stats::MIN_GROUP as usize)
            .filter_map(|c| Some((c, c.median_days?)))
            .collect();
        let (Some(long), Some(short)) = (
            shown.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
            shown.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
        ) else {
            continue;
        };
        if long.1 < 2.0 * short.1.max(1.0) {
            continue;
        }
        let Some(p) = stats::mann_whitney(&long.0.values, &short.0.values) else {
            continue;
        };
        if p >= stats::ALPHA {
            continue;
        }
        let score = (1.0 - short.1 / long.1) * certainty(p) * LEVEL_WEIGHT;
        let f = Finding {
            sentence: format!(
                "{} deals take a median {}, {} deals {:.0} days: the overall median of {overall:.0} days hides the gap ({}).",
                long.0.value,
                days(long.1),
                short.0.value,
                short.1,
                p_text(p)
            ),
            figure: format!("{:.0} vs {:.0} days", long.1, short.1),
            change: String::new(),
            news: "neutral".into(),
            kind: Kind::SegmentGap,
            question: Some(QuestionId::CycleLength),
            score,
        };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, f));
        }
    }
    best.map(|b| b.1)
}

/// Segment values that differ sharply from the rest of the team (the
/// aggregate stage's adjusted tests), on the questions marketing acts on.
fn highlights(s: &Snapshot) -> Vec<Finding> {
    let mut out = vec![];
    for q in &s.questions {
        for h in q.highlights.iter().filter(|h| h.lift > 1.0) {
            out.push(Finding {
                sentence: format!(
                    "{} reps stand out on {}: {} of them ({} of {}) against {} of the rest of the team ({}, adjusted).",
                    h.value,
                    highlight_subject(q, &h.label),
                    pct(h.segment_share),
                    h.count,
                    h.n,
                    pct(h.rest_share),
                    p_text(h.p_value)
                ),
                figure: pct(h.segment_share),
                change: String::new(),
                news: "neutral".into(),
                kind: Kind::SegmentGap,
                question: Some(q.id),
                score: (h.segment_share - h.rest_share).abs() * certainty(h.p_value) * LEVEL_WEIGHT,
            });
        }
    }
    out
}

fn highlight_subject(q: &QuestionSummary, label: &str) -> String {
    match q.id {
        QuestionId::BuyerPersonas => format!("naming {label} as the buyer"),
        QuestionId::Influencers => format!("naming {label} as an influencer"),
        id => format!("{label} as {}", role(id)),
    }
}

/// Emerging themes: new wording outside every codebook, worth a look.
/// One the previous quarter had no emerging theme like (none of its
/// terms) is a change from nobody to its reps, tested and weighed as a
/// theme's change is; otherwise it is a level of this quarter.
fn emerging(s: &Snapshot, deltas: &Deltas, prev: &str) -> Vec<Finding> {
    let mut out = vec![];
    for q in &s.questions {
        let earlier = deltas.earlier_emerging.get(&q.id);
        for e in &q.emerging {
            let share = e.respondents as f64 / q.answered.max(1) as f64;
            let new = deltas.diff.is_some()
                && earlier.is_none_or(|t| !e.terms.iter().any(|x| t.contains(x)));
            let what = format!(
                "{} as {}, raised by {} of reps ({} of {})",
                e.label,
                role(q.id),
                pct(share),
                e.respondents,
                q.answered
            );
            let (sentence, change, score) = if new {
                // An exact test of nobody then against its reps now.
                let n = q.answered as u64;
                let p = stats::share_change(0, n, e.respondents as u64, n).p_value;
                (
                    format!(
                        "New and not in the codebook yet: {what}; not seen in {prev} ({}).",
                        p_text(p)
                    ),
                    format!("new since {prev}"),
                    share * certainty(p),
                )
            } else {
                (
                    format!("A theme outside the codebook: {what}."),
                    String::new(),
                    share * LEVEL_WEIGHT,
                )
            };
            out.push(Finding {
                sentence,
                figure: pct(share),
                change,
                news: "neutral".into(),
                kind: Kind::Emerging,
                question: Some(q.id),
                score,
            });
        }
    }
    out
}
