//! The snapshot's `alignment` object (schema 2, issue 12): marketing's
//! picture set against what sales hears, per theme, and the published
//! messaging against why clients buy. Written by [`crate::alignment`];
//! fields are documented in `docs/snapshot.md`.

use crate::questions::QuestionId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Respondents used on each side.
    pub teams: Teams,
    /// One row per theme (persona, website verdict) named by either side,
    /// in question order, largest gap first within a question.
    pub themes: Vec<ThemeGap>,
    /// One row per differentiator theme claimed or cited, then one per top
    /// objection; empty without `--messaging`.
    #[serde(default)]
    pub messaging: Vec<MessageCheck>,
    /// Claims read from the messaging file; `None` when none was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_claims: Option<usize>,
    pub cycle_length: CycleGap,
    /// Aligned themes among those with enough data on both sides (0..1);
    /// `None` when no theme has enough data.
    pub score: Option<f64>,
    /// Themes that count for the score (verdict other than `too_few`).
    #[serde(default)]
    pub scored: usize,
    /// Limits the reader must know (a marketing team too small for
    /// segments, a question only one side asked).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The thresholds the verdicts were given with.
    pub thresholds: Thresholds,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Teams {
    pub sales: usize,
    pub marketing: usize,
}

/// The thresholds in force (`[alignment]` in frontline.toml).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Two-sided Fisher's exact test level for a gap.
    pub alpha: f64,
    /// A significant gap must also be at least this many points.
    pub min_gap_points: f64,
    /// A gap that is not significant is `aligned` only up to this many
    /// points; above it, the data are `too_few` to tell.
    pub max_aligned_gap_points: f64,
    /// A claimed differentiator is `backed` when at least this share of
    /// reps cite it.
    pub backed_share: f64,
    /// An unclaimed differentiator is `missing` when at least this share
    /// of reps cite it.
    pub missing_share: f64,
    /// Objections raised by at least this share of reps are checked
    /// against the messaging.
    pub top_objection_share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Sales significantly higher: marketing underestimates it.
    BlindSpot,
    /// Marketing significantly higher.
    Overestimated,
    Aligned,
    /// Too little data to tell.
    TooFew,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeGap {
    pub question: QuestionId,
    /// Theme id, `function/seniority` for personas, `yes`/`partly`/`no`
    /// for the website verdicts.
    pub theme: String,
    pub label: String,
    pub sales_count: usize,
    pub sales_n: usize,
    pub sales_share: f64,
    pub marketing_count: usize,
    pub marketing_n: usize,
    pub marketing_share: f64,
    /// Sales share minus marketing share, in points.
    pub gap_points: f64,
    /// Two-sided Fisher's exact p-value of the two proportions.
    pub p_value: f64,
    pub significant: bool,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageVerdict {
    /// Claimed, and cited by reps as why clients buy.
    Backed,
    /// Claimed, cited by few or no reps.
    Unproven,
    /// Cited by many reps, never claimed.
    Missing,
    /// A top objection some claim addresses.
    Answered,
    /// A top objection no claim addresses.
    Unanswered,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageCheck {
    /// `differentiators` or `buying_concerns`.
    pub codebook: String,
    pub theme: String,
    pub label: String,
    /// Claims of the messaging coded with this theme.
    pub claims: usize,
    /// The first such claim, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// Differentiators: reps citing it in `differentiators` or
    /// `our_strengths`; buying concerns: reps raising it in `objections`.
    pub sales_share: f64,
    pub sales_n: usize,
    /// Differentiators: reps saying competitors do it better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitor_share: Option<f64>,
    pub verdict: MessageVerdict,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CycleGap {
    pub sales_median_days: Option<f64>,
    pub marketing_median_days: Option<f64>,
    pub sales_n: usize,
    pub marketing_n: usize,
    /// Two-sided Mann-Whitney p-value of the two sides' typical days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_value: Option<f64>,
    /// Per segment value where both sides have enough answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_segment: Vec<SegmentCycle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentCycle {
    pub segment: String,
    pub value: String,
    pub sales_median_days: f64,
    pub sales_n: usize,
    pub marketing_median_days: f64,
    pub marketing_n: usize,
    /// Two-sided Mann-Whitney p-value of the two sides' answers in this
    /// segment value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p_value: Option<f64>,
}
