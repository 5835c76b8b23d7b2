//! Fisher's exact test for a 2x2 table, two-sided, computed in log space so it
//! stays exact-to-rounding for tables of any size.
//!
//! The tables as likely as the observed one or less lie in the two tails
//! of the (unimodal) hypergeometric distribution; their edges are found by
//! bisection, and each tail is summed outwards by the ratio of neighbouring
//! probabilities, stopping once the rest cannot change the sum. The work is
//! about the distance of the observed table from the most likely one
//! (its standard deviations, not the table's size): issue 10 found
//! the sum over every table a hot spot of the segment highlights.

use super::special::ln_choose;

/// Relative tolerance under which two table probabilities count as equal.
///
/// Same rule as R's `fisher.test` and SciPy: floating-point noise must not
/// decide whether a table as likely as the observed one is counted.
const TIE_TOLERANCE: f64 = 1e-7;

/// The margins of a 2x2 table; every table with them has one free cell, `a`.
#[derive(Debug, Clone, Copy)]
struct Margins {
    row1: u64,
    row2: u64,
    col1: u64,
}

impl Margins {
    fn of(a: u64, b: u64, c: u64, d: u64) -> Self {
        Margins {
            row1: a + b,
            row2: c + d,
            col1: a + c,
        }
    }

    /// The range the free cell can take with these margins.
    fn range(self) -> (u64, u64) {
        (
            self.col1.saturating_sub(self.row2),
            self.row1.min(self.col1),
        )
    }

    /// Log hypergeometric probability of the table whose first cell is `x`.
    fn ln_prob(self, x: u64) -> f64 {
        let n = self.row1 + self.row2;
        ln_choose(self.row1, x) + ln_choose(self.row2, self.col1 - x) - ln_choose(n, self.col1)
    }

    /// The most likely first cell: floor((row1 + 1)(col1 + 1) / (n + 2)).
    fn mode(self) -> u64 {
        let n = (self.row1 + self.row2) as u128;
        let m = (self.row1 as u128 + 1) * (self.col1 as u128 + 1) / (n + 2);
        let (lo, hi) = self.range();
        (m as u64).clamp(lo, hi)
    }

    /// Two-sided p-value of the table whose first cell is `x`: the total
    /// probability of all tables no more likely than it.
    fn p_value(self, x: u64) -> f64 {
        let (lo, hi) = self.range();
        if lo == hi {
            return 1.0;
        }
        let threshold = self.ln_prob(x) + TIE_TOLERANCE.ln_1p();
        // Tables more likely than the observed one: an interval around the
        // mode, [left, right]; every table outside it is counted.
        let likelier = |t: u64| self.ln_prob(t) > threshold;
        let mode = self.mode();
        if !likelier(mode) {
            return 1.0;
        }
        // The first likelier table left of the mode, the last one right of it.
        let (mut a, mut b) = (lo, mode);
        while a < b {
            let mid = a + (b - a) / 2;
            if likelier(mid) { b = mid } else { a = mid + 1 }
        }
        let left = a;
        let (mut a, mut b) = (mode, hi);
        while a < b {
            let mid = a + (b - a).div_ceil(2);
            if likelier(mid) { a = mid } else { b = mid - 1 }
        }
        let right = a;
        let mut total = 0.0;
        if left > lo {
            total += self.tail(left - 1, lo, false);
        }
        if right < hi {
            total += self.tail(right + 1, hi, true);
        }
        total.clamp(0.0, 1.0)
    }

    /// The probability of the tables from `start` to `end` (`up`: rising
    /// first cells), moving away from the mode, so each term is smaller
    /// than the last by a shrinking ratio; stops when what is left is below
    /// the last bit of the sum.
    fn tail(self, start: u64, end: u64, up: bool) -> f64 {
        let (r1, r2, c1) = (self.row1 as f64, self.row2 as f64, self.col1 as f64);
        let (mut t, mut term, mut sum) = (start, 1.0f64, 1.0f64);
        while t != end {
            let x = t as f64;
            let ratio = if up {
                (r1 - x) * (c1 - x) / ((x + 1.0) * (r2 - c1 + x + 1.0))
            } else {
                x * (r2 - c1 + x) / ((r1 - x + 1.0) * (c1 - x + 1.0))
            };
            term *= ratio;
            sum += term;
            t = if up { t + 1 } else { t - 1 };
            // The rest is at most term * ratio / (1 - ratio) (ratios fall).
            if term == 0.0 || (ratio < 1.0 && term * ratio / (1.0 - ratio) < sum * 1e-17) {
                break;
            }
        }
        self.ln_prob(start).exp() * sum
    }
}

/// Two-sided Fisher's exact test p-value for the table `[[a, b], [c, d]]`.
///
/// The p-value is the sum of the probabilities (hypergeometric, margins
/// fixed) of every table as likely as or less likely than the observed one,
/// with a relative tolerance of 1e-7 for ties (the R / SciPy convention).
/// An empty table, or one whose margins allow a single table, gives 1.0.
/// Work grows with the observed table's distance from the most likely one,
/// not with the counts; counts must sum below `u64::MAX`.
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> f64 {
    Margins::of(a, b, c, d).p_value(a)
}

/// The smallest p-value any table with the margins of `[[a, b], [c, d]]`
/// could have: how much evidence this many answers can give at best.
///
/// The hypergeometric distribution is unimodal, so the least likely table,
/// and hence the smallest p-value, is one of the two extreme tables.
pub fn fisher_min_attainable(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let margins = Margins::of(a, b, c, d);
    let (lo, hi) = margins.range();
    margins.p_value(lo).min(margins.p_value(hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Exact integer reference: the probability of a table is proportional
    /// to C(r1, x) C(r2, c1 - x), so ties and sums are done in integers.
    fn brute_force(a: u64, b: u64, c: u64, d: u64) -> f64 {
        fn choose(n: u64, k: u64) -> u128 {
            if k > n {
                return 0;
            }
            (0..k).fold(1u128, |acc, i| acc * (n - i) as u128 / (i + 1) as u128)
        }
        let (r1, r2, c1) = (a + b, c + d, a + c);
        let weight = |x: u64| choose(r1, x) * choose(r2, c1 - x);
        let obs = weight(a);
        let (lo, hi) = (c1.saturating_sub(r2), r1.min(c1));
        let tail: u128 = (lo..=hi)
            .map(weight)
            .filter(|&w| w * 10_000_000 <= obs * 10_000_001)
            .sum();
        tail as f64 / choose(r1 + r2, c1) as f64
    }

    /// The implementation before issue 10: the sum over every table.
    fn sum_over_every_table(a: u64, b: u64, c: u64, d: u64) -> f64 {
        let m = Margins::of(a, b, c, d);
        let (lo, hi) = m.range();
        if lo == hi {
            return 1.0;
        }
        let threshold = m.ln_prob(a) + TIE_TOLERANCE.ln_1p();
        let total: f64 = (lo..=hi)
            .map(|t| m.ln_prob(t))
            .filter(|&lp| lp <= threshold)
            .map(f64::exp)
            .sum();
        total.clamp(0.0, 1.0)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.max(1e-300)
    }

    #[test]
    fn lady_tasting_tea() {
        // 34/70: the tables [[3,1],[1,3]], [[1,3],[3,1]] and both extremes.
        assert!(close(fisher_exact(3, 1, 1, 3), 34.0 / 70.0));
    }

    #[test]
    fn published_examples() {
        // R: fisher.test(matrix(c(1, 11, 9, 3), 2)) -> p = 0.002759
        assert!((fisher_exact(1, 9, 11, 3) - 0.002_759_456).abs() < 1e-9);
        // Perfect separation of 10 vs 10: 2 / C(20, 10).
        assert!(close(fisher_exact(0, 10, 10, 0), 2.0 / 184_756.0));
        assert!(close(fisher_exact(10, 0, 0, 10), 2.0 / 184_756.0));
    }

    #[test]
    fn degenerate_tables_give_one() {
        assert_eq!(fisher_exact(0, 0, 0, 0), 1.0);
        assert_eq!(fisher_exact(5, 0, 7, 0), 1.0);
        assert_eq!(fisher_exact(0, 0, 3, 4), 1.0);
        assert!(close(fisher_exact(5, 5, 5, 5), 1.0));
    }

    #[test]
    fn matches_brute_force_on_small_tables() {
        for a in 0..7 {
            for b in 0..7 {
                for c in 0..7 {
                    for d in 0..7 {
                        let got = fisher_exact(a, b, c, d);
                        let want = brute_force(a, b, c, d);
                        assert!(close(got, want), "[[{a},{b}],[{c},{d}]]: {got} vs {want}");
                    }
                }
            }
        }
    }

    #[test]
    fn large_tables_stay_finite_and_sensible() {
        let p = fisher_exact(1200, 800, 1000, 1000);
        assert!(p > 0.0 && p < 1e-9, "{p}");
        let same = fisher_exact(1500, 1500, 1500, 1500);
        assert!(close(same, 1.0));
        // n = 10,000, reference by exact big-integer enumeration (Python).
        let p = fisher_exact(2600, 2400, 2500, 2500);
        assert!((p / 0.047_653_613_555_240_62 - 1.0).abs() < 1e-9, "{p}");
    }

    #[test]
    fn min_attainable_reflects_margins() {
        // Three mentions in 60 answers can never separate two groups of 30.
        assert!(fisher_min_attainable(2, 28, 1, 29) > 0.05);
        assert!(close(fisher_min_attainable(5, 5, 5, 5), 2.0 / 184_756.0));
    }

    proptest! {
        #[test]
        fn agrees_with_brute_force(a in 0u64..25, b in 0u64..25, c in 0u64..25, d in 0u64..25) {
            prop_assert!(close(fisher_exact(a, b, c, d), brute_force(a, b, c, d)));
        }

        #[test]
        fn agrees_with_the_sum_over_every_table(
            a in 0u64..3000, b in 0u64..3000, c in 0u64..3000, d in 0u64..3000,
        ) {
            let (got, want) = (fisher_exact(a, b, c, d), sum_over_every_table(a, b, c, d));
            // Relative 1e-8 (the log-factorials are good to ~1e-14 of ln n!).
            prop_assert!((got - want).abs() <= 1e-8 * want + 1e-300, "{got} vs {want}");
        }

        #[test]
        fn p_in_unit_interval_and_symmetric(
            a in 0u64..400, b in 0u64..400, c in 0u64..400, d in 0u64..400,
        ) {
            let p = fisher_exact(a, b, c, d);
            prop_assert!((0.0..=1.0).contains(&p));
            let sym = |q: f64| (p - q).abs() <= 1e-9 * p.max(1e-300) + 1e-300;
            prop_assert!(sym(fisher_exact(a, c, b, d)), "transpose");
            prop_assert!(sym(fisher_exact(c, d, a, b)), "row swap");
            prop_assert!(sym(fisher_exact(b, a, d, c)), "column swap");
            prop_assert!(fisher_min_attainable(a, b, c, d) <= p * (1.0 + 1e-9));
        }
    }
}
