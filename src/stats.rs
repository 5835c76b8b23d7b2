//! Small-sample statistics for the briefing: is a change between quarters,
//! or a segment's difference from the rest of the team, more than noise?
//!
//! A sales team is 10 to 60 people, so everything here is exact where that
//! is possible (Fisher's exact test, exact Mann-Whitney, order-statistic
//! intervals) and says "too few answers to tell" instead of guessing.
//! Pure and deterministic: no I/O, no randomness.
//!
//! When many tests are run at once (every theme x every segment), adjust
//! their p-values with [`bh_adjust`] before calling any of them significant.

mod fisher;
mod quantile;
mod rank;
mod special;

pub use fisher::{fisher_exact, fisher_min_attainable};
pub use quantile::{median, median_ci, quantile, quartiles};
pub use rank::mann_whitney;

use serde::{Deserialize, Serialize};

/// Significance level used for every `significant` flag.
pub const ALPHA: f64 = 0.05;

/// Fewest answers a group needs before its share is compared at all.
pub const MIN_GROUP: u64 = 5;

/// How a share (respondents mentioning a theme / respondents answering)
/// moved from one quarter to the next.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ShareChange {
    /// `old_k / old_n`; 0.0 when `old_n` is 0 (then `too_few` is true).
    pub old_share: f64,
    /// `new_k / new_n`; 0.0 when `new_n` is 0 (then `too_few` is true).
    pub new_share: f64,
    /// `(new_share - old_share) * 100`: the change in percentage points.
    pub change_points: f64,
    /// Two-sided Fisher's exact p-value, old vs new.
    pub p_value: f64,
    /// `p_value < ALPHA` and not `too_few`.
    pub significant: bool,
    /// Too few answers to tell: see [`share_change`].
    pub too_few: bool,
}

/// Compares the share `old_k / old_n` with `new_k / new_n` by Fisher's exact
/// test on the table `[[old_k, old_n - old_k], [new_k, new_n - new_k]]`.
///
/// `too_few` ("too few answers to tell") is set when either quarter has
/// fewer than [`MIN_GROUP`] (5) answers, or when no split of this many
/// mentions between the quarters could reach p < 0.05 (e.g. 3 mentions in
/// all: the test has no power, so silence is not evidence of stability).
/// `significant` is then always false. A `k` larger than its `n` is a
/// caller bug (debug assertion); release builds count it as `n`.
pub fn share_change(old_k: u64, old_n: u64, new_k: u64, new_n: u64) -> ShareChange {
    let (old, new) = (Counts::new(old_k, old_n), Counts::new(new_k, new_n));
    let (p_value, too_few) = compare(old, new);
    let (old_share, new_share) = (old.share(), new.share());
    ShareChange {
        old_share,
        new_share,
        change_points: (new_share - old_share) * 100.0,
        p_value,
        significant: !too_few && p_value < ALPHA,
        too_few,
    }
}

/// How one segment (a product line, a business size, ...) differs from the
/// rest of the team on one share.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SegmentDifference {
    /// Share within the segment (0.0 when the segment is empty).
    pub segment_share: f64,
    /// Share among everyone outside the segment.
    pub rest_share: f64,
    /// Share among everyone, segment included.
    pub overall_share: f64,
    /// `segment_share / overall_share`; `None` when the overall share is 0.
    pub lift: Option<f64>,
    /// Two-sided Fisher's exact p-value, segment vs rest.
    pub p_value: f64,
    /// `p_value < ALPHA` and not `too_few`.
    pub significant: bool,
    /// Too few answers to tell, by the rule of [`share_change`] applied to
    /// segment vs rest.
    pub too_few: bool,
}

/// "Where a segment differs": the segment's share `seg_k / seg_n` against
/// the REST of the team (`all - segment`, so the segment is not compared
/// with itself), by Fisher's exact test.
///
/// `all_k, all_n` are the whole team's counts, segment included. When many
/// segments and themes are tested, pass the p-values through
/// [`bh_adjust`] rather than trusting each `significant` flag alone.
pub fn lift_test(seg_k: u64, seg_n: u64, all_k: u64, all_n: u64) -> SegmentDifference {
    debug_assert!(
        seg_n <= all_n && seg_k <= all_k,
        "segment larger than the whole"
    );
    let seg = Counts::new(seg_k, seg_n);
    let all = Counts::new(all_k, all_n.max(seg.n));
    let rest = Counts::new(all.k.saturating_sub(seg.k), all.n - seg.n);
    let (p_value, too_few) = compare(seg, rest);
    let overall_share = all.share();
    SegmentDifference {
        segment_share: seg.share(),
        rest_share: rest.share(),
        overall_share,
        lift: (overall_share > 0.0).then(|| seg.share() / overall_share),
        p_value,
        significant: !too_few && p_value < ALPHA,
        too_few,
    }
}

/// Benjamini-Hochberg adjusted p-values (false discovery rate), in the
/// input order: compare each with 0.05 as usual.
///
/// For the report's many theme x segment tests at once, so that a handful
/// of chance "differences" among dozens of tests is not headlined. NaN
/// inputs stay NaN but still count as tests (conservative).
pub fn bh_adjust(p: &[f64]) -> Vec<f64> {
    let m = p.len() as f64;
    let mut order: Vec<usize> = (0..p.len()).filter(|&i| !p[i].is_nan()).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]).then(i.cmp(&j)));
    let mut adjusted = vec![f64::NAN; p.len()];
    let mut running_min = 1.0f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        // m / rank first: it is >= 1 exactly, so rounding never pushes the
        // adjusted value below the raw one.
        running_min = running_min.min(p[i] * (m / (rank + 1) as f64));
        adjusted[i] = running_min.clamp(0.0, 1.0);
    }
    adjusted
}

/// `k` of `n` answers.
#[derive(Debug, Clone, Copy)]
struct Counts {
    k: u64,
    n: u64,
}

impl Counts {
    fn new(k: u64, n: u64) -> Self {
        debug_assert!(k <= n, "count {k} larger than its total {n}");
        Counts { k: k.min(n), n }
    }

    fn share(self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.k as f64 / self.n as f64
        }
    }
}

/// Fisher's p-value of `a` vs `b`, and whether there are too few answers to
/// tell (a group under [`MIN_GROUP`], or no attainable p below [`ALPHA`]).
fn compare(a: Counts, b: Counts) -> (f64, bool) {
    let table = (a.k, a.n - a.k, b.k, b.n - b.k);
    let p = fisher_exact(table.0, table.1, table.2, table.3);
    let powerless = fisher_min_attainable(table.0, table.1, table.2, table.3) >= ALPHA;
    (p, a.n < MIN_GROUP || b.n < MIN_GROUP || powerless)
}

#[cfg(test)]
mod tests;
