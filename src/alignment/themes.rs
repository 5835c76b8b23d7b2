//! One question's rows: every theme (persona, website verdict) either team
//! named, with both shares, the gap, Fisher's exact test of the two
//! proportions and the verdict.

use crate::snapshot::alignment::{ThemeGap, Thresholds, Verdict};
use crate::snapshot::{QuestionSummary, persona_key, persona_label, round1, round4};
use crate::stats::share_change;
use std::collections::BTreeMap;

/// A theme's count on one side and the base it is a share of.
#[derive(Debug, Clone, Default)]
struct Tally {
    label: String,
    count: usize,
}

/// Theme key -> (label, count), and the base, of one side's question.
fn tallies(q: &QuestionSummary) -> (BTreeMap<String, Tally>, usize) {
    let mut out = BTreeMap::new();
    let mut put = |key: String, label: String, count: usize| {
        out.insert(key, Tally { label, count });
    };
    for t in q.themes.iter().filter(|t| t.id != "other") {
        put(t.id.clone(), t.label.clone(), t.respondents);
    }
    for p in &q.personas {
        put(
            persona_key(p.function, p.seniority),
            persona_label(p.function, p.seniority),
            p.respondents,
        );
    }
    let mut base = q.answered;
    if let Some(r) = &q.ratings {
        // The verdicts' base is the answers that gave one.
        base = r.distribution.iter().map(|c| c.count).sum();
        for c in &r.distribution {
            put(c.key.clone(), c.label.clone(), c.count);
        }
    }
    (out, base)
}

/// The rows of one question asked on both sides, largest gap first.
pub(super) fn compare(
    sales: &QuestionSummary,
    marketing: &QuestionSummary,
    t: &Thresholds,
) -> Vec<ThemeGap> {
    let (s, sn) = tallies(sales);
    let (m, mn) = tallies(marketing);
    let mut keys: Vec<&String> = s.keys().chain(m.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut rows: Vec<ThemeGap> = keys
        .into_iter()
        .map(|key| {
            let (st, mt) = (s.get(key), m.get(key));
            let label = st.or(mt).map(|x| x.label.clone()).unwrap_or_default();
            let sk = st.map_or(0, |x| x.count);
            let mk = mt.map_or(0, |x| x.count);
            row(sales, key, label, (sk, sn), (mk, mn), t)
        })
        .collect();
    rows.sort_by(|a, b| {
        b.gap_points
            .abs()
            .total_cmp(&a.gap_points.abs())
            .then_with(|| a.theme.cmp(&b.theme))
    });
    rows
}

fn row(
    q: &QuestionSummary,
    key: &str,
    label: String,
    (sk, sn): (usize, usize),
    (mk, mn): (usize, usize),
    t: &Thresholds,
) -> ThemeGap {
    // Marketing as the "old" side, sales as the "new": the change is sales
    // minus marketing, the sign of `gap_points`.
    let c = share_change(mk as u64, mn as u64, sk as u64, sn as u64);
    let (significant, verdict) = verdict(c.change_points, c.p_value, c.too_few, t);
    ThemeGap {
        question: q.id,
        theme: key.to_string(),
        label,
        sales_count: sk,
        sales_n: sn,
        sales_share: round4(c.new_share),
        marketing_count: mk,
        marketing_n: mn,
        marketing_share: round4(c.old_share),
        gap_points: round1(c.change_points),
        p_value: round4(c.p_value),
        significant,
        verdict,
    }
}

/// The verdict of a gap of `gap` points with the test's p-value.
pub(super) fn verdict(gap: f64, p: f64, too_few: bool, t: &Thresholds) -> (bool, Verdict) {
    let significant = !too_few && p < t.alpha && gap.abs() >= t.min_gap_points;
    let v = if significant && gap > 0.0 {
        Verdict::BlindSpot
    } else if significant {
        Verdict::Overestimated
    } else if too_few || gap.abs() > t.max_aligned_gap_points {
        // No test could find a gap, or a wide gap it cannot confirm: not
        // evidence of agreement.
        Verdict::TooFew
    } else {
        Verdict::Aligned
    };
    (significant, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Thresholds {
        Thresholds::default()
    }

    #[test]
    fn verdicts_follow_the_test_and_the_thresholds() {
        assert_eq!(
            verdict(60.0, 0.001, false, &t()),
            (true, Verdict::BlindSpot)
        );
        assert_eq!(
            verdict(-45.0, 0.01, false, &t()),
            (true, Verdict::Overestimated)
        );
        assert_eq!(verdict(5.0, 0.7, false, &t()), (false, Verdict::Aligned));
        // Significant but smaller than the smallest gap worth a meeting.
        assert_eq!(verdict(8.0, 0.04, false, &t()), (false, Verdict::Aligned));
        // A wide gap the test cannot confirm is not agreement.
        assert_eq!(verdict(35.0, 0.2, false, &t()), (false, Verdict::TooFew));
        assert_eq!(verdict(3.0, 1.0, true, &t()), (false, Verdict::TooFew));
    }
}
