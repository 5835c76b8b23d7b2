//! The Mann-Whitney U (Wilcoxon rank-sum) test: do two groups' values (cycle
//! lengths of two segments, ratings of two quarters) tend to differ?

use super::special::normal_two_sided;

/// Largest group size for which the exact null distribution is used.
const EXACT_MAX: usize = 30;

/// Two-sided p-value of the Mann-Whitney U test of `x` against `y`.
///
/// Exact when both groups have at most 30 values and no value is tied
/// (the null distribution of U is counted exactly, as R's `wilcox.test`
/// does); otherwise the normal approximation with the tie correction of
/// the variance and a continuity correction of 0.5. `None` when a group is
/// empty or holds NaN. Symmetric: swapping `x` and `y` gives the same p.
pub fn mann_whitney(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.is_empty() || y.is_empty() || x.iter().chain(y).any(|v| v.is_nan()) {
        return None;
    }
    let ranks = RankSums::of(x, y);
    let (m, n) = (x.len(), y.len());
    let u = ranks.sum_x - (m * (m + 1)) as f64 / 2.0;
    if ranks.tie_term == 0.0 && m <= EXACT_MAX && n <= EXACT_MAX {
        Some(exact_p(u.round() as usize, m, n))
    } else {
        Some(normal_p(u, m, n, ranks.tie_term))
    }
}

/// Mid-ranks of `x` within the pooled sample, and the tie term
/// `sum(t^3 - t)` over groups of `t` equal values.
struct RankSums {
    sum_x: f64,
    tie_term: f64,
}

impl RankSums {
    fn of(x: &[f64], y: &[f64]) -> Self {
        let mut pooled: Vec<(f64, bool)> = x.iter().map(|&v| (v, true)).collect();
        pooled.extend(y.iter().map(|&v| (v, false)));
        pooled.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (mut sum_x, mut tie_term, mut start) = (0.0, 0.0, 0);
        while start < pooled.len() {
            let end = start
                + pooled[start..]
                    .iter()
                    .take_while(|p| p.0 == pooled[start].0)
                    .count();
            // Ranks start..end (0-based) share the 1-based mid-rank.
            let mid_rank = (start + end + 1) as f64 / 2.0;
            let in_x = pooled[start..end].iter().filter(|p| p.1).count();
            sum_x += mid_rank * in_x as f64;
            let t = (end - start) as f64;
            tie_term += t * t * t - t;
            start = end;
        }
        RankSums { sum_x, tie_term }
    }
}

/// Exact two-sided p: twice the smaller tail of the null distribution of U.
fn exact_p(u: usize, m: usize, n: usize) -> f64 {
    let counts = u_counts(m, n);
    let total: i128 = counts.iter().sum();
    let lower: i128 = counts[..=u].iter().sum();
    let upper: i128 = counts[u..].iter().sum();
    (2.0 * lower.min(upper) as f64 / total as f64).min(1.0)
}

/// Number of arrangements giving each U = 0..=m*n when there are no ties.
///
/// These are the coefficients of the Gaussian binomial [m+n choose m]_q,
/// built as the product over i of (1 - q^(n+i)) / (1 - q^i); each step is
/// again a Gaussian binomial, so the integer division is exact.
fn u_counts(m: usize, n: usize) -> Vec<i128> {
    let mut c = vec![0i128; m * n + 1];
    c[0] = 1;
    for i in 1..=m {
        let s = n + i;
        for k in (s..c.len()).rev() {
            c[k] -= c[k - s];
        }
        for k in i..c.len() {
            c[k] += c[k - i];
        }
    }
    c
}

fn normal_p(u: f64, m: usize, n: usize, tie_term: f64) -> f64 {
    let (mf, nf) = (m as f64, n as f64);
    let big_n = mf + nf;
    let variance = mf * nf / 12.0 * ((big_n + 1.0) - tie_term / (big_n * (big_n - 1.0)));
    if variance <= 0.0 {
        return 1.0; // every value equal: no evidence of any difference
    }
    let z = ((u - mf * nf / 2.0).abs() - 0.5).max(0.0) / variance.sqrt();
    normal_two_sided(z)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reference null distribution by enumerating which pooled ranks go to x.
    fn brute_counts(m: usize, n: usize) -> Vec<i128> {
        let mut c = vec![0i128; m * n + 1];
        for mask in 0u32..(1 << (m + n)) {
            if mask.count_ones() as usize != m {
                continue;
            }
            let rank_sum: usize = (0..m + n)
                .filter(|b| mask >> b & 1 == 1)
                .map(|b| b + 1)
                .sum();
            c[rank_sum - m * (m + 1) / 2] += 1;
        }
        c
    }

    #[test]
    fn u_counts_match_enumeration() {
        for m in 1..=6 {
            for n in 1..=7 {
                assert_eq!(u_counts(m, n), brute_counts(m, n), "m={m} n={n}");
            }
        }
        let big = u_counts(30, 30);
        assert_eq!(big.iter().sum::<i128>(), 118_264_581_564_861_424);
    }

    #[test]
    fn hand_computed_exact_cases() {
        assert_eq!(mann_whitney(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]), Some(0.1));
        // U = 0 of 252 arrangements, doubled.
        let p = mann_whitney(&[1.0, 2.0, 3.0, 4.0, 5.0], &[6.0, 7.0, 8.0, 9.0, 10.0]).unwrap();
        assert!((p - 2.0 / 252.0).abs() < 1e-15);
        // x = [1, 3], y = [2, 4]: U = 1; P(U <= 1) = 2/6, doubled.
        let p = mann_whitney(&[1.0, 3.0], &[2.0, 4.0]).unwrap();
        assert!((p - 4.0 / 6.0).abs() < 1e-15);
        // R: wilcox.test(c(0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46),
        //                c(1.15, 0.88, 0.90, 0.74, 1.21)) -> W = 35, p-value = 0.2544
        // (exact: 2 * 382 / 3003, by enumerating all 3003 rank sets).
        let x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        let y = [1.15, 0.88, 0.90, 0.74, 1.21];
        let p = mann_whitney(&x, &y).unwrap();
        assert!((p - 2.0 * 382.0 / 3003.0).abs() < 1e-12, "{p}");
    }

    #[test]
    fn identical_and_degenerate_samples() {
        let xs = [10.0, 20.0, 30.0, 40.0];
        assert_eq!(mann_whitney(&xs, &xs), Some(1.0));
        assert_eq!(mann_whitney(&[5.0; 4], &[5.0; 3]), Some(1.0));
        assert_eq!(mann_whitney(&[], &[1.0]), None);
        assert_eq!(mann_whitney(&[f64::NAN], &[1.0]), None);
    }

    #[test]
    fn normal_approximation_with_ties() {
        // Hand computation: x = [1, 2, 2, 3], y = [2, 3, 4, 5]. Mid-ranks:
        // 1 -> 1, 2 -> 3 (x3), 3 -> 5.5 (x2), 4 -> 7, 5 -> 8. R_x = 1 + 3 + 3 + 5.5
        // = 12.5, U = 2.5; ties t = 3 and 2 give sum(t^3 - t) = 30; variance
        // = 16/12 * (9 - 30/56); z = (|2.5 - 8| - 0.5) / sd.
        let p = mann_whitney(&[1.0, 2.0, 2.0, 3.0], &[2.0, 3.0, 4.0, 5.0]).unwrap();
        let sd = (16.0f64 / 12.0 * (9.0 - 30.0 / 56.0)).sqrt();
        let want = normal_two_sided(5.0 / sd);
        assert!((p - want).abs() < 1e-15);
        assert!((want - 0.136_658).abs() < 1e-5, "{want}");
    }

    #[test]
    fn large_samples_use_normal_approximation() {
        // 31 vs 31 with complete separation: U = 0, far in the tail.
        let x: Vec<f64> = (0..31).map(f64::from).collect();
        let y: Vec<f64> = (100..131).map(f64::from).collect();
        let p = mann_whitney(&x, &y).unwrap();
        assert!(p > 0.0 && p < 1e-9, "{p}");
    }

    proptest! {
        #[test]
        fn p_in_unit_interval_and_symmetric(
            x in prop::collection::vec(0u8..40, 1..35),
            y in prop::collection::vec(0u8..40, 1..35),
        ) {
            let x: Vec<f64> = x.into_iter().map(f64::from).collect();
            let y: Vec<f64> = y.into_iter().map(f64::from).collect();
            let p = mann_whitney(&x, &y).unwrap();
            prop_assert!((0.0..=1.0).contains(&p));
            prop_assert_eq!(Some(p), mann_whitney(&y, &x));
        }
    }
}
