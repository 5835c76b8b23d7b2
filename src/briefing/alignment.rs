//! The alignment section's model (issue 12): the score, the biggest gaps
//! in sentences for the first page, one table per question group, the
//! cycle length, the messaging check and the notes, from the snapshot's
//! `alignment` object. Renderers only format it.

use super::format::{capitalized, days, p_text, pct, points};
use crate::alignment::GROUPS;
use crate::questions::QuestionId;
use crate::snapshot::Snapshot;
use crate::snapshot::alignment::{Alignment, MessageVerdict, ThemeGap, Verdict};
use serde::Serialize;

/// Rows shown per group; the rest are counted.
const ROWS_PER_GROUP: usize = 8;
/// A theme neither side names this often, with no gap found, is left to
/// the count under the table.
const SHOWN_SHARE: f64 = 0.15;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentView {
    /// "30 sales reps and 13 marketers answered."
    pub teams: String,
    /// "81%" or "" when no theme has enough answers.
    pub score: String,
    /// "59 of 73 themes with enough answers on both sides are aligned".
    pub score_note: String,
    /// "2026-Q2 64% · 2026-Q3 81%" over `--history`; "" without one.
    pub score_trend: String,
    /// The biggest gaps, one sentence each, for the first page.
    pub headlines: Vec<String>,
    pub groups: Vec<GroupView>,
    /// "Reps' median is 82 days; marketers expect 45 days ..."
    pub cycle: String,
    pub cycle_rows: Vec<CycleRow>,
    /// Differentiator themes against the messaging; empty without it.
    pub claims: Vec<ClaimRow>,
    /// Top objections against the messaging.
    pub objections: Vec<ClaimRow>,
    /// "10 claims read from the messaging." ("" without messaging).
    pub messaging_note: String,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupView {
    pub id: String,
    pub title: String,
    pub rows: Vec<GapRow>,
    /// "and 12 more themes named by few on either side" ("" when none).
    pub more: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapRow {
    pub label: String,
    /// The question, for groups of several ("Where we do better").
    pub question: String,
    pub sales: String,
    pub marketing: String,
    pub gap: String,
    /// "p = 0.004 · n 30 / 13".
    pub test: String,
    /// `blind_spot`, `overestimated`, `aligned`, `too_few` (CSS class).
    pub verdict: String,
    /// "Blind spot" ...
    pub verdict_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleRow {
    pub segment: String,
    pub sales: String,
    pub marketing: String,
    /// Mann-Whitney "p = 0.004", or "too few to test".
    pub test: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub label: String,
    pub claims: usize,
    pub example: String,
    pub sales: String,
    /// Differentiators: reps saying competitors do it better ("" else).
    pub competitors: String,
    pub verdict: String,
    pub verdict_label: String,
}

pub fn view(s: &Snapshot, history: &[Snapshot]) -> Option<AlignmentView> {
    let a = s.alignment.as_ref()?;
    let aligned = a
        .themes
        .iter()
        .filter(|t| t.verdict == Verdict::Aligned)
        .count();
    let (claims, objections): (Vec<_>, Vec<_>) = a
        .messaging
        .iter()
        .partition(|m| m.codebook == "differentiators");
    Some(AlignmentView {
        teams: format!(
            "{} sales reps and {} marketers answered.",
            a.teams.sales, a.teams.marketing
        ),
        score: a.score.map(pct).unwrap_or_default(),
        score_note: format!(
            "{aligned} of {} themes with enough answers on both sides are aligned",
            a.scored
        ),
        score_trend: trend(s, history),
        headlines: headlines(a),
        groups: groups(a),
        cycle: cycle(a),
        cycle_rows: a
            .cycle_length
            .by_segment
            .iter()
            .map(|c| CycleRow {
                segment: c.value.clone(),
                sales: format!("{:.0} days (n {})", c.sales_median_days, c.sales_n),
                marketing: format!("{:.0} days (n {})", c.marketing_median_days, c.marketing_n),
                test: c
                    .p_value
                    .map(p_text)
                    .unwrap_or_else(|| "too few to test".into()),
            })
            .collect(),
        claims: claims.into_iter().map(claim_row).collect(),
        objections: objections.into_iter().map(claim_row).collect(),
        messaging_note: a
            .messaging_claims
            .map(|n| format!("{n} claims read from the messaging."))
            .unwrap_or_default(),
        notes: a.notes.clone(),
    })
}

fn trend(s: &Snapshot, history: &[Snapshot]) -> String {
    let points: Vec<String> = history
        .iter()
        .chain(std::iter::once(s))
        .filter_map(|h| {
            let score = h.alignment.as_ref()?.score?;
            Some(format!("{} {}", h.quarter.as_deref()?, pct(score)))
        })
        .collect();
    if points.len() < 2 {
        return String::new();
    }
    points.join(" · ")
}

fn verdict_label(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::BlindSpot => ("blind_spot", "Blind spot"),
        Verdict::Overestimated => ("overestimated", "Overestimated"),
        Verdict::Aligned => ("aligned", "Aligned"),
        Verdict::TooFew => ("too_few", "Too few to tell"),
    }
}

fn groups(a: &Alignment) -> Vec<GroupView> {
    GROUPS
        .iter()
        .filter_map(|(title, ids)| {
            let mut all: Vec<&ThemeGap> = a
                .themes
                .iter()
                .filter(|t| ids.contains(&t.question))
                .collect();
            if all.is_empty() {
                return None;
            }
            all.sort_by(|x, y| {
                y.gap_points
                    .abs()
                    .total_cmp(&x.gap_points.abs())
                    .then_with(|| x.theme.cmp(&y.theme))
            });
            let shown: Vec<GapRow> = all
                .iter()
                .filter(|t| {
                    matches!(t.verdict, Verdict::BlindSpot | Verdict::Overestimated)
                        || t.sales_share.max(t.marketing_share) >= SHOWN_SHARE
                })
                .take(ROWS_PER_GROUP)
                .map(|t| gap_row(t, ids.len() > 1))
                .collect();
            let rest = all.len() - shown.len();
            Some(GroupView {
                id: format!("alignment-{}", title.to_lowercase().replace(' ', "-")),
                title: title.to_string(),
                rows: shown,
                more: match rest {
                    0 => String::new(),
                    n => format!("and {n} more named by few on either side, or too few to tell"),
                },
            })
        })
        .collect()
}

fn gap_row(t: &ThemeGap, with_question: bool) -> GapRow {
    let (verdict, label) = verdict_label(t.verdict);
    GapRow {
        label: t.label.clone(),
        question: if with_question {
            t.question.title().to_string()
        } else {
            String::new()
        },
        sales: pct(t.sales_share),
        marketing: pct(t.marketing_share),
        gap: points(t.gap_points),
        test: format!(
            "{} · n {} / {}",
            p_text(t.p_value),
            t.sales_n,
            t.marketing_n
        ),
        verdict: verdict.into(),
        verdict_label: label.into(),
    }
}

fn claim_row(m: &crate::snapshot::alignment::MessageCheck) -> ClaimRow {
    let (verdict, label) = match m.verdict {
        MessageVerdict::Backed => ("backed", "Backed"),
        MessageVerdict::Unproven => ("unproven", "Unproven"),
        MessageVerdict::Missing => ("missing", "Missing"),
        MessageVerdict::Answered => ("answered", "Answered"),
        MessageVerdict::Unanswered => ("unanswered", "Unanswered"),
    };
    ClaimRow {
        label: m.label.clone(),
        claims: m.claims,
        example: m.example.clone().unwrap_or_default(),
        sales: format!("{} (n {})", pct(m.sales_share), m.sales_n),
        competitors: m.competitor_share.map(pct).unwrap_or_default(),
        verdict: verdict.into(),
        verdict_label: label.into(),
    }
}

fn cycle(a: &Alignment) -> String {
    let c = &a.cycle_length;
    let (Some(s), Some(m)) = (c.sales_median_days, c.marketing_median_days) else {
        return String::new();
    };
    let test = c
        .p_value
        .map(|p| {
            format!(
                " (Mann-Whitney {}, n {} / {})",
                p_text(p),
                c.sales_n,
                c.marketing_n
            )
        })
        .unwrap_or_else(|| " (too few answers to test)".into());
    format!(
        "Reps' median sales cycle is {}; marketers expect {}{test}.",
        days(s),
        days(m)
    )
}

/// The biggest gaps as sentences, largest first: up to four theme gaps,
/// the cycle when marketers expect it much shorter or longer, and the
/// most-cited message the messaging never makes.
fn headlines(a: &Alignment) -> Vec<String> {
    let mut gaps: Vec<&ThemeGap> = a
        .themes
        .iter()
        .filter(|t| matches!(t.verdict, Verdict::BlindSpot | Verdict::Overestimated))
        .collect();
    gaps.sort_by(|x, y| {
        y.gap_points
            .abs()
            .total_cmp(&x.gap_points.abs())
            .then_with(|| x.theme.cmp(&y.theme))
    });
    let mut out: Vec<String> = gaps.iter().take(4).map(|t| sentence(a, t)).collect();
    let c = &a.cycle_length;
    let alpha = a.thresholds.alpha;
    let found = |p: Option<f64>| p.is_some_and(|p| p < alpha);
    // Only a gap the rank test finds, overall or in a segment.
    let widest = c
        .by_segment
        .iter()
        .filter(|x| found(x.p_value))
        .max_by(|x, y| {
            (x.sales_median_days - x.marketing_median_days)
                .abs()
                .total_cmp(&(y.sales_median_days - y.marketing_median_days).abs())
        });
    if let (Some(s), Some(m)) = (c.sales_median_days, c.marketing_median_days)
        && (found(c.p_value) || widest.is_some())
    {
        let seg = widest
            .map(|w| {
                format!(
                    "; {} deals take {:.0} days, marketers expect {:.0} ({})",
                    w.value,
                    w.sales_median_days,
                    w.marketing_median_days,
                    p_text(w.p_value.unwrap_or(1.0))
                )
            })
            .unwrap_or_default();
        let overall = c.p_value.map(p_text).unwrap_or_default();
        out.push(format!(
            "Sales cycle: reps' median is {s:.0} days, marketers expect {m:.0} ({overall}){seg}."
        ));
    }
    if let Some(m) = a
        .messaging
        .iter()
        .find(|m| m.verdict == MessageVerdict::Missing)
    {
        out.push(format!(
            "{}: {} of reps say clients buy for it; the messaging never claims it.",
            m.label,
            pct(m.sales_share)
        ));
    }
    out
}

fn sentence(a: &Alignment, t: &ThemeGap) -> String {
    let (s, m) = (pct(t.sales_share), pct(t.marketing_share));
    use QuestionId::*;
    let body = match t.question {
        Objections => format!("{s} of reps hear it as an objection, {m} of marketers expect it"),
        ProspectQuestions => {
            format!("{s} of reps are asked about it, {m} of marketers expect the question")
        }
        Differentiators | OurStrengths => {
            format!("{s} of reps say clients buy for it, {m} of marketers think so")
        }
        BuyerPains | InfluencerPains => format!("{s} of reps name this pain, {m} of marketers do"),
        CompetitorStrengths => {
            format!("{s} of reps say competitors do it better, {m} of marketers think so")
        }
        BuyerPersonas => format!("{s} of reps name them as the buyer, {m} of marketers do"),
        Influencers => format!("{s} of reps name them as influencers, {m} of marketers do"),
        _ => format!("{s} of reps answer this, {m} of marketers do"),
    };
    let label = match t.question {
        WebsiteValue | WebsiteAudienceFit => format!("“{}” {}", t.question.title(), t.label),
        _ => t.label.clone(),
    };
    let tail =
        match a.messaging.iter().find(|c| {
            c.codebook == "buying_concerns" && c.theme == t.theme && t.question == Objections
        }) {
            Some(c) if c.verdict == MessageVerdict::Unanswered => {
                "; no claim of the messaging addresses it".to_string()
            }
            Some(c) => format!("; {} claim(s) of the messaging address it", c.claims),
            None => String::new(),
        };
    capitalized(&format!("{label}: {body}{tail}."))
}

/// The legend's entries for the section, with the thresholds in force.
pub fn legend(s: &Snapshot) -> Vec<super::LegendEntry> {
    let Some(t) = s.alignment.as_ref().map(|a| a.thresholds) else {
        return vec![];
    };
    let e = |term: &str, meaning: String| super::LegendEntry {
        term: term.into(),
        meaning,
    };
    vec![
        e("Blind spot / Overestimated", format!(
            "Sales' share of a theme against marketing's, by a two-sided Fisher's exact test of the two proportions: p < {} and a gap of at least {:.0} points. Blind spot: reps hear it more than marketers expect; overestimated: marketers expect it more than reps hear it.",
            t.alpha, t.min_gap_points
        )),
        e("Aligned / Too few to tell", format!(
            "Aligned: the test finds no gap and the two shares are within {:.0} points. Too few to tell: too few answers on one side for any split to be significant, or a wider gap the test cannot confirm; not evidence of agreement.",
            t.max_aligned_gap_points
        )),
        e("Alignment score", "The share of the themes with enough answers on both sides (verdict other than too few) that are aligned.".into()),
        e("Backed / Unproven / Missing", format!(
            "A differentiator claimed in the messaging is backed when at least {} of reps cite it as why clients buy (in either question), unproven below that; a differentiator never claimed that at least {} of reps cite is missing. Claims are coded with the same coder as the answers.",
            pct(t.backed_share), pct(t.missing_share)
        )),
        e("Answered / Unanswered", format!(
            "Each objection raised by at least {} of reps, with whether any claim of the messaging addresses it.",
            pct(t.top_objection_share)
        )),
    ]
}
