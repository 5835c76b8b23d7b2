//! What the briefing says about earlier quarters: the history put in time
//! order by the typed [`Quarter`], each figure's change since the previous
//! quarter (inline markers), and trends over up to eight quarters.

use super::format::points;
use crate::diff::{self, Diff, ShareDiff, Status};
use crate::quarter::Quarter;
use crate::questions::QuestionId;
use crate::snapshot::Snapshot;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many quarters in a trend.
const MAX_QUARTERS: usize = 8;

/// A snapshot's quarter, typed, when its label reads as one.
pub fn quarter_of(s: &Snapshot) -> Option<Quarter> {
    Quarter::parse(s.quarter.as_deref()?, s.fiscal_year_start)
}

/// The earlier quarters of `current` among `found`, oldest first: one
/// snapshot per quarter (the first found wins), none at or after the
/// current quarter (a re-run's own snapshot), none without a quarter.
/// Returns them and a note for each snapshot left out.
pub fn arrange(current: &Snapshot, found: Vec<Snapshot>) -> (Vec<Snapshot>, Vec<String>) {
    let now = quarter_of(current);
    let mut by_quarter: BTreeMap<Quarter, Snapshot> = BTreeMap::new();
    let mut notes = vec![];
    for s in found {
        let Some(q) = quarter_of(&s) else {
            notes.push("a snapshot without a quarter label was left out".to_string());
            continue;
        };
        if now.is_some_and(|n| q >= n) {
            continue;
        }
        if by_quarter.contains_key(&q) {
            notes.push(format!(
                "a second snapshot of {q} was left out; the first one found is used"
            ));
            continue;
        }
        by_quarter.insert(q, s);
    }
    (by_quarter.into_values().collect(), notes)
}

/// Inline changes since the previous quarter, by (question, key).
#[derive(Debug, Default)]
pub struct Deltas {
    pub previous_quarter: Option<String>,
    by_key: BTreeMap<(QuestionId, String), Marker>,
    /// The whole comparison, for the findings and the drift notes.
    pub diff: Option<Diff>,
    /// The previous quarter's emerging-theme vocabulary per question: an
    /// emerging theme sharing none of it is new since then.
    pub earlier_emerging: BTreeMap<QuestionId, BTreeSet<String>>,
}

/// The change of one figure since the previous quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    /// "▲ +47 pts", "≈ -7 pts", "new", ...
    pub text: String,
    /// `bad`, `good` or `neutral`: what the change means for us.
    pub news: String,
}

impl Deltas {
    pub fn new(previous: &Snapshot, current: &Snapshot) -> Deltas {
        let d: Diff = diff::diff(previous, current);
        let mut by_key = BTreeMap::new();
        for s in d.themes.iter().chain(&d.personas).chain(&d.website) {
            by_key.insert((s.question, s.theme.clone()), marker(s));
        }
        let earlier_emerging = previous
            .questions
            .iter()
            .map(|q| {
                (
                    q.id,
                    q.emerging.iter().flat_map(|e| e.terms.clone()).collect(),
                )
            })
            .collect();
        Deltas {
            previous_quarter: previous.quarter.clone(),
            by_key,
            diff: Some(d),
            earlier_emerging,
        }
    }

    /// The marker for one figure; `None` when there is no previous quarter
    /// or the figure was not compared (e.g. a theme new to the codebook).
    pub fn get(&self, q: QuestionId, key: &str) -> Option<Marker> {
        self.by_key.get(&(q, key.to_string())).cloned()
    }
}

/// Whether a rise of this figure is good or bad news for us: a rising
/// objection or competitor strength is bad, a rising differentiator or
/// "yes, the website helps" is good; the rest is neither.
pub fn rise_is(q: QuestionId, key: &str) -> i8 {
    use QuestionId::*;
    match q {
        Objections | CompetitorStrengths => -1,
        Differentiators | OurStrengths | SuccessFactors => 1,
        WebsiteValue | WebsiteAudienceFit => match key {
            "yes" => 1,
            "no" => -1,
            _ => 0,
        },
        _ => 0,
    }
}

/// The news of a change: only a meaningful change is news at all.
pub fn news_of(s: &ShareDiff) -> &'static str {
    if !s.significant || s.change_points == 0.0 {
        return "neutral";
    }
    let sign = if s.change_points > 0.0 { 1 } else { -1 };
    match rise_is(s.question, &s.theme) * sign {
        1 => "good",
        -1 => "bad",
        _ => "neutral",
    }
}

/// A short inline marker, explained once in the legend: ▲/▼ for a
/// meaningful change, ≈ for one within noise.
pub fn marker(s: &ShareDiff) -> Marker {
    let pts = points(s.change_points);
    let text = match s.status {
        _ if s.change_points.abs() < 0.5 => "= 0 pts".to_string(),
        Status::New if s.significant => format!("new, ▲ {pts}"),
        Status::Gone if s.significant => format!("gone, ▼ {pts}"),
        Status::New => "new, ≈".into(),
        Status::Gone => "gone, ≈".into(),
        Status::Rising | Status::Falling => {
            let arrow = if s.change_points > 0.0 { "▲" } else { "▼" };
            format!("{arrow} {pts}")
        }
        Status::Steady => format!("≈ {pts}"),
    };
    Marker {
        text,
        news: news_of(s).into(),
    }
}

/// The unit of a trend: shares share one 0-100% scale; days have their
/// own labelled axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Share,
    Days,
}

/// One line of the trends section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// A stable id ("objections-security"), for the chart.
    pub id: String,
    /// What the line shows ("Objections prospects raise: Security and
    /// compliance").
    pub label: String,
    /// `share` (0..1, drawn on a shared 0-100% scale) or `days` (its own
    /// labelled axis).
    pub unit: Unit,
    /// Quarter labels, oldest first.
    pub quarters: Vec<String>,
    /// One value per quarter; `None` where the figure was not measured.
    pub values: Vec<Option<f64>>,
    /// "2026-Q1 20%, 2026-Q2 25%, ..." for the Markdown report.
    pub points: String,
}

/// The quarters to show, oldest first: the history and the current
/// snapshot, at most eight.
fn quarters<'a>(current: &'a Snapshot, history: &'a [Snapshot]) -> Vec<&'a Snapshot> {
    let mut v: Vec<&Snapshot> = history.iter().chain(std::iter::once(current)).collect();
    if v.len() > MAX_QUARTERS {
        v.drain(..v.len() - MAX_QUARTERS);
    }
    v
}

/// Trends for the current quarter's top objections and differentiators,
/// the website verdict and the median cycle length.
pub fn trends(current: &Snapshot, history: &[Snapshot]) -> Vec<Trend> {
    let qs = quarters(current, history);
    if qs.len() < 2 {
        return vec![];
    }
    let labels: Vec<String> = qs
        .iter()
        .map(|s| s.quarter.clone().unwrap_or_default())
        .collect();
    let mut out = vec![];
    for (q, k) in [
        (QuestionId::Objections, 5),
        (QuestionId::Differentiators, 3),
    ] {
        let Some(cur) = current.question(q) else {
            continue;
        };
        for t in cur.themes.iter().filter(|t| t.id != "other").take(k) {
            let values: Vec<Option<f64>> = qs.iter().map(|s| share_in(s, q, &t.id)).collect();
            let id = format!("{}-{}", q.as_str(), t.id);
            out.push(trend(
                id,
                format!("{}: {}", q.title(), t.label),
                Unit::Share,
                &values,
                &labels,
            ));
        }
    }
    let web: Vec<Option<f64>> = qs.iter().map(|s| verdict_share(s, "yes")).collect();
    if web.iter().filter(|v| v.is_some()).count() >= 2 {
        out.push(trend(
            "website-yes".into(),
            "Website is a valuable sales tool: yes".into(),
            Unit::Share,
            &web,
            &labels,
        ));
    }
    let scores: Vec<Option<f64>> = qs
        .iter()
        .map(|s| s.alignment.as_ref().and_then(|a| a.score))
        .collect();
    if scores.iter().filter(|v| v.is_some()).count() >= 2 {
        out.push(trend(
            "alignment-score".into(),
            "Alignment score (marketing and sales)".into(),
            Unit::Share,
            &scores,
            &labels,
        ));
    }
    let medians: Vec<Option<f64>> = qs
        .iter()
        .map(|s| {
            s.question(QuestionId::CycleLength)
                .and_then(|q| q.durations.as_ref())
                .and_then(|d| d.median_days)
        })
        .collect();
    if medians.iter().any(Option::is_some) {
        out.push(trend(
            "cycle-median".into(),
            "Median sales cycle (days)".into(),
            Unit::Days,
            &medians,
            &labels,
        ));
    }
    out
}

/// The share of one website verdict among the rated answers.
pub fn verdict_share(s: &Snapshot, key: &str) -> Option<f64> {
    let r = s.question(QuestionId::WebsiteValue)?.ratings.as_ref()?;
    let base: usize = r.distribution.iter().map(|c| c.count).sum();
    let k = r
        .distribution
        .iter()
        .find(|c| c.key == key)
        .map_or(0, |c| c.count);
    (base > 0).then(|| k as f64 / base as f64)
}

/// A theme's share in one quarter: `None` when the question was not asked
/// or that quarter's codebook had no such theme (not a 0%).
fn share_in(s: &Snapshot, q: QuestionId, theme: &str) -> Option<f64> {
    let summary = s.question(q)?;
    let book = q.codebook()?;
    let known = s
        .codebooks
        .get(book.as_str())
        .is_none_or(|b| b.themes.contains_key(theme));
    known.then(|| {
        summary
            .themes
            .iter()
            .find(|y| y.id == theme)
            .map_or(0.0, |y| y.share)
    })
}

fn trend(
    id: String,
    label: String,
    unit: Unit,
    values: &[Option<f64>],
    labels: &[String],
) -> Trend {
    let fmt = |v: f64| match unit {
        Unit::Share => format!("{:.0}%", v * 100.0),
        Unit::Days => format!("{v:.0}"),
    };
    let points = labels
        .iter()
        .zip(values)
        .map(|(l, v)| format!("{l} {}", v.map(fmt).unwrap_or_else(|| "–".into())))
        .collect::<Vec<_>>()
        .join(", ");
    Trend {
        id,
        label,
        unit,
        quarters: labels.to_vec(),
        values: values.to_vec(),
        points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(label: &str, fy: u32) -> Snapshot {
        let mut s = crate::render::tests::snapshot_of(&[("SMB", "price", "3 months")]);
        s.quarter = Some(label.into());
        s.fiscal_year_start = fy;
        s
    }

    #[test]
    fn history_is_ordered_by_the_typed_quarter() {
        let current = snap("2027-Q1", 1);
        let found = vec![
            snap("2026-Q4", 1),
            snap("2025-Q4", 1),
            snap("2026-Q2", 1),
            snap("2027-Q1", 1),
        ];
        let (h, notes) = arrange(&current, found);
        let labels: Vec<_> = h.iter().map(|s| s.quarter.clone().unwrap()).collect();
        assert_eq!(labels, ["2025-Q4", "2026-Q2", "2026-Q4"]);
        assert!(notes.is_empty());
    }

    #[test]
    fn duplicates_are_left_out_with_a_note() {
        let (h, notes) = arrange(
            &snap("2026-Q3", 1),
            vec![snap("2026-Q2", 1), snap("2026Q2", 1)],
        );
        assert_eq!(h.len(), 1);
        assert_eq!(notes.len(), 1, "{notes:?}");
    }

    #[test]
    fn a_rising_objection_is_bad_news_a_rising_strength_good() {
        let mk = |q, old, new| diff::share_diff(q, "security", "Security", (old, 30), (new, 30));
        assert_eq!(news_of(&mk(QuestionId::Objections, 5, 21)), "bad");
        assert_eq!(news_of(&mk(QuestionId::Objections, 21, 5)), "good");
        assert_eq!(news_of(&mk(QuestionId::OurStrengths, 5, 21)), "good");
        assert_eq!(news_of(&mk(QuestionId::Differentiators, 21, 5)), "bad");
        assert_eq!(news_of(&mk(QuestionId::Objections, 10, 11)), "neutral");
        assert_eq!(marker(&mk(QuestionId::Objections, 10, 12)).text, "≈ +7 pts");
        assert_eq!(marker(&mk(QuestionId::Objections, 5, 21)).text, "▲ +53 pts");
    }
}
