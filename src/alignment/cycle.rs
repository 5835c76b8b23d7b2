//! Cycle length: marketing's estimate (the median of marketers' typical
//! days) against sales' median, with a Mann-Whitney test of the two
//! sides' answers, and per segment value where both sides have at least
//! the minimum cell size of answers.

use super::Input;
use crate::questions::QuestionId;
use crate::snapshot::alignment::{CycleGap, SegmentCycle};
use crate::snapshot::{QuestionSummary, round1, round4};
use crate::stats::{MIN_GROUP, mann_whitney};

pub(super) fn compare(input: &Input, with_segments: bool) -> CycleGap {
    let s = input.sales.question(QuestionId::CycleLength);
    let m = input.marketing.question(QuestionId::CycleLength);
    let values = |q: Option<&QuestionSummary>| {
        q.and_then(|q| q.durations.as_ref())
            .map(|d| (d.median_days.map(round1), d.values.clone()))
            .unwrap_or_default()
    };
    let (sales_median, sv) = values(s);
    let (marketing_median, mv) = values(m);
    let enough = |v: &[f64]| v.len() as u64 >= MIN_GROUP;
    let p_value = (enough(&sv) && enough(&mv))
        .then(|| mann_whitney(&sv, &mv))
        .flatten()
        .map(round4);
    let by_segment = match (s, m, with_segments) {
        (Some(s), Some(m), true) => segments(s, m, input.min_cell_size),
        _ => vec![],
    };
    CycleGap {
        sales_median_days: sales_median,
        marketing_median_days: marketing_median,
        sales_n: sv.len(),
        marketing_n: mv.len(),
        p_value,
        by_segment,
    }
}

/// Segment values (same segment name, same value up to case) shown on
/// both sides with enough answers.
fn segments(s: &QuestionSummary, m: &QuestionSummary, min: usize) -> Vec<SegmentCycle> {
    let mut out = vec![];
    for sb in &s.by_segment {
        let Some(mb) = m.by_segment.iter().find(|b| b.segment == sb.segment) else {
            continue;
        };
        for sc in sb
            .cells
            .iter()
            .filter(|c| !c.suppressed && c.answered >= min)
        {
            let mc = mb.cells.iter().find(|c| {
                !c.suppressed && c.answered >= min && c.value.eq_ignore_ascii_case(&sc.value)
            });
            if let (Some(mc), Some(sd), Some(md)) =
                (mc, sc.median_days, mc.and_then(|c| c.median_days))
            {
                out.push(SegmentCycle {
                    segment: sb.segment.clone(),
                    value: sc.value.clone(),
                    sales_median_days: round1(sd),
                    sales_n: sc.answered,
                    marketing_median_days: round1(md),
                    marketing_n: mc.answered,
                    p_value: mann_whitney(&sc.values, &mc.values).map(round4),
                });
            }
        }
    }
    out
}
