//! The sales-cycle length in both quarters: medians with a
//! distribution-free interval, and a rank test (Mann-Whitney), overall and
//! per segment value.

use crate::questions::QuestionId;
use crate::snapshot::{QuestionSummary, Snapshot, round1, round4};
use crate::stats;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleChange {
    pub old_median_days: Option<f64>,
    pub new_median_days: Option<f64>,
    pub old_n: usize,
    pub new_n: usize,
    /// 95% interval of each median, when there are enough answers.
    pub old_interval: Option<(f64, f64)>,
    pub new_interval: Option<(f64, f64)>,
    /// Two-sided Mann-Whitney test of the two quarters' answers.
    pub p_value: Option<f64>,
    pub significant: bool,
    pub too_few: bool,
    pub segments: Vec<SegmentCycle>,
}

/// One segment value's cycle length in both quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentCycle {
    pub segment: String,
    pub value: String,
    pub old_median_days: Option<f64>,
    pub new_median_days: Option<f64>,
    pub old_n: usize,
    pub new_n: usize,
    pub p_value: Option<f64>,
    pub significant: bool,
    /// Fewer than 5 answers on a side (or the cell was suppressed).
    pub too_few: bool,
}

/// Fewer answers than this on either side and no test is run.
const MIN_N: usize = 5;

fn test(old: &[f64], new: &[f64]) -> (Option<f64>, bool, bool) {
    let too_few = old.len() < MIN_N || new.len() < MIN_N;
    let p = if too_few {
        None
    } else {
        stats::mann_whitney(old, new).map(round4)
    };
    (p, p.is_some_and(|p| p < 0.05), too_few)
}

fn durations(q: &QuestionSummary) -> Vec<f64> {
    q.durations
        .as_ref()
        .map(|d| d.values.clone())
        .unwrap_or_default()
}

fn median(v: &[f64]) -> Option<f64> {
    stats::quantile(v, 0.5).map(round1)
}

fn interval(v: &[f64]) -> Option<(f64, f64)> {
    stats::median_ci(v, 0.95)
}

pub(super) fn compare(old: &Snapshot, new: &Snapshot) -> Option<CycleChange> {
    let o = old.question(QuestionId::CycleLength)?;
    let n = new.question(QuestionId::CycleLength)?;
    let (ov, nv) = (durations(o), durations(n));
    let (p_value, significant, too_few) = test(&ov, &nv);
    Some(CycleChange {
        old_median_days: median(&ov),
        new_median_days: median(&nv),
        old_n: ov.len(),
        new_n: nv.len(),
        old_interval: interval(&ov),
        new_interval: interval(&nv),
        p_value,
        significant,
        too_few,
        segments: segments(o, n),
    })
}

fn segments(o: &QuestionSummary, n: &QuestionSummary) -> Vec<SegmentCycle> {
    let mut out = vec![];
    for nb in &n.by_segment {
        let ob = o.by_segment.iter().find(|b| b.segment == nb.segment);
        for nc in &nb.cells {
            let oc = ob.and_then(|b| b.cells.iter().find(|c| c.value == nc.value));
            let ov = oc.map(|c| c.values.clone()).unwrap_or_default();
            let (p_value, significant, too_few) = test(&ov, &nc.values);
            out.push(SegmentCycle {
                segment: nb.segment.clone(),
                value: nc.value.clone(),
                old_median_days: oc.and_then(|c| c.median_days),
                new_median_days: nc.median_days,
                old_n: oc.map_or(0, |c| c.answered),
                new_n: nc.answered,
                p_value,
                significant,
                too_few: too_few || nc.suppressed || oc.is_none_or(|c| c.suppressed),
            });
        }
    }
    out
}
