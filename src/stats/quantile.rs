//! Quantiles of small samples (cycle lengths in days, ratings) and a
//! distribution-free confidence interval for the median.

use super::special::binom_half_pmf;

/// The `p`-quantile of ascending `sorted` values, `0 <= p <= 1`.
///
/// Type 7 of Hyndman & Fan, the default of R's `quantile` and NumPy: the
/// value at position `h = (n - 1) p` (0-based), linearly interpolated between
/// its two neighbours. `None` for an empty sample or `p` outside [0, 1].
/// The caller sorts and removes NaN (checked in debug builds).
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    debug_assert!(
        sorted.is_sorted_by(|a, b| a <= b),
        "quantile: unsorted or NaN"
    );
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = (h.floor() as usize).min(sorted.len() - 1);
    let hi = (lo + 1).min(sorted.len() - 1);
    let (a, b) = (sorted[lo], sorted[hi]);
    // Clamping keeps the result inside its two neighbours despite rounding,
    // which is what makes the quantile monotone in `p`.
    Some((a + (h - lo as f64) * (b - a)).clamp(a, b))
}

/// The median of ascending `sorted` values (type-7 quantile at 0.5, i.e. the
/// mean of the two middle values for an even count). `None` when empty.
pub fn median(sorted: &[f64]) -> Option<f64> {
    quantile(sorted, 0.5)
}

/// First quartile, median and third quartile (type 7) of ascending values.
pub fn quartiles(sorted: &[f64]) -> Option<(f64, f64, f64)> {
    Some((
        quantile(sorted, 0.25)?,
        quantile(sorted, 0.5)?,
        quantile(sorted, 0.75)?,
    ))
}

/// Distribution-free confidence interval for the median of ascending
/// `sorted` values, at confidence `level` (e.g. 0.95).
///
/// Returns the order statistics `(x_(j), x_(n+1-j))` (1-based) with the
/// largest `j` whose coverage `1 - 2 P(B <= j - 1)`, `B ~ Binomial(n, 1/2)`,
/// is at least `level`: exact and conservative, no assumption about the
/// shape of the data. `None` for `level` outside (0, 1) or when even
/// `(min, max)` cannot reach the level: at 95 % that needs n >= 6, at 90 %
/// n >= 5, at 99 % n >= 8.
pub fn median_ci(sorted: &[f64], level: f64) -> Option<(f64, f64)> {
    debug_assert!(
        sorted.is_sorted_by(|a, b| a <= b),
        "median_ci: unsorted or NaN"
    );
    if !(level > 0.0 && level < 1.0) || sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    // `below` is P(B <= j - 1); the interval (x_(j), x_(n+1-j)) covers the
    // median with probability 1 - 2 * below, which falls as j grows.
    let mut below = binom_half_pmf(n as u64, 0);
    if 1.0 - 2.0 * below < level {
        return None;
    }
    let mut j = 1;
    while j < n.div_ceil(2) {
        let next = below + binom_half_pmf(n as u64, j as u64);
        if 1.0 - 2.0 * next < level {
            break;
        }
        below = next;
        j += 1;
    }
    Some((sorted[j - 1], sorted[n - j]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn type7_matches_r_and_numpy() {
        // R: quantile(c(1, 2, 3, 4, 10)) -> 1 2 3 4 10
        let xs = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(quartiles(&xs), Some((2.0, 3.0, 4.0)));
        // R: quantile(c(7, 15, 36, 39, 40, 41)) -> 25%: 20.25, 50%: 37.5, 75%: 39.75
        let ys = [7.0, 15.0, 36.0, 39.0, 40.0, 41.0];
        assert_eq!(quartiles(&ys), Some((20.25, 37.5, 39.75)));
        assert_eq!(quantile(&ys, 0.1), Some(11.0));
        assert_eq!(quantile(&ys, 0.0), Some(7.0));
        assert_eq!(quantile(&ys, 1.0), Some(41.0));
    }

    #[test]
    fn edge_cases() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[42.0]), Some(42.0));
        assert_eq!(median(&[30.0, 90.0]), Some(60.0));
        assert_eq!(quantile(&[1.0, 2.0], 1.5), None);
        assert_eq!(quantile(&[1.0, 2.0], f64::NAN), None);
        assert_eq!(quartiles(&[]), None);
    }

    #[test]
    fn median_ci_order_statistics() {
        let xs: Vec<f64> = (1..=10).map(f64::from).collect();
        // n = 10: j = 2 covers 1 - 2 * 11/1024 = 97.9 %, j = 3 only 89.1 %.
        assert_eq!(median_ci(&xs, 0.95), Some((2.0, 9.0)));
        assert_eq!(median_ci(&xs, 0.85), Some((3.0, 8.0)));
        // n = 5 cannot reach 95 % (max coverage 1 - 2/32 = 93.75 %).
        assert_eq!(median_ci(&xs[..5], 0.95), None);
        assert_eq!(median_ci(&xs[..5], 0.90), Some((1.0, 5.0)));
        assert_eq!(median_ci(&xs[..6], 0.95), Some((1.0, 6.0)));
        assert_eq!(median_ci(&xs, 1.0), None);
        assert_eq!(median_ci(&[], 0.95), None);
    }

    #[test]
    fn median_ci_larger_sample() {
        // n = 40 at 95 %: j = 14 (coverage 0.9615), j = 15 gives 0.9193.
        let xs: Vec<f64> = (1..=40).map(f64::from).collect();
        assert_eq!(median_ci(&xs, 0.95), Some((14.0, 27.0)));
    }

    fn sorted_sample() -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(-1e6f64..1e6, 1..80).prop_map(|mut v| {
            v.sort_by(f64::total_cmp);
            v
        })
    }

    proptest! {
        #[test]
        fn quantile_monotone_and_bounded(xs in sorted_sample(), p in 0.0f64..=1.0, q in 0.0f64..=1.0) {
            let (lo, hi) = if p <= q { (p, q) } else { (q, p) };
            let (a, b) = (quantile(&xs, lo).unwrap(), quantile(&xs, hi).unwrap());
            prop_assert!(a <= b);
            prop_assert!(xs[0] <= a && b <= xs[xs.len() - 1]);
        }

        #[test]
        fn median_ci_contains_median(xs in sorted_sample(), level in 0.5f64..0.999) {
            if let Some((lo, hi)) = median_ci(&xs, level) {
                let m = median(&xs).unwrap();
                prop_assert!(lo <= m && m <= hi);
            }
        }
    }
}
