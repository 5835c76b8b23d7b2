//! Special functions the tests need: log-factorials, log-binomials and the
//! complementary error function, written out so the crate needs no maths
//! dependency and gives the same bits on every platform.

use std::f64::consts::PI;

/// `ln(k!)`, exact to ~1e-14 relative for every `k`.
///
/// Small `k` multiply exactly (15! < 2^53); larger `k` use the Stirling
/// series, whose first omitted term is below 1e-14 from k = 16 on. This keeps
/// Fisher's test cheap at any `n` without a table sized by `n`.
pub(crate) fn ln_factorial(k: u64) -> f64 {
    if k < 16 {
        return (1..=k).map(|i| i as f64).product::<f64>().ln();
    }
    let x = k as f64;
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    let series = inv / 12.0 - inv * inv2 / 360.0 + inv * inv2 * inv2 / 1260.0
        - inv * inv2 * inv2 * inv2 / 1680.0;
    x * x.ln() - x + 0.5 * (2.0 * PI * x).ln() + series
}

/// `ln(C(n, k))`; `-inf` when `k > n` (no way to choose).
pub(crate) fn ln_choose(n: u64, k: u64) -> f64 {
    if k > n {
        return f64::NEG_INFINITY;
    }
    ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k)
}

/// `P(B = k)` for `B ~ Binomial(n, 1/2)`, via logs so large `n` is fine.
pub(crate) fn binom_half_pmf(n: u64, k: u64) -> f64 {
    (ln_choose(n, k) - n as f64 * std::f64::consts::LN_2).exp()
}

/// Complementary error function, relative error ~1e-13 or better.
///
/// A power series for erf near zero (where `1 - erf` loses nothing that
/// matters) and a continued fraction in the tail, where `1 - erf` would
/// cancel to zero and lose the small p-values we report.
pub(crate) fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    if x < 2.0 {
        return 1.0 - erf_series(x);
    }
    erfc_continued_fraction(x)
}

fn erf_series(x: f64) -> f64 {
    // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
    let x2 = x * x;
    let mut term = x;
    let mut sum = x;
    for n in 1..200 {
        term *= -x2 / n as f64;
        let add = term / (2 * n + 1) as f64;
        sum += add;
        if add.abs() < 1e-17 * sum.abs() {
            break;
        }
    }
    sum * 2.0 / PI.sqrt()
}

fn erfc_continued_fraction(x: f64) -> f64 {
    // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
    // evaluated bottom-up with a fixed depth that is ample for x >= 2.
    let mut f = x;
    for k in (1..=60).rev() {
        f = x + (k as f64 / 2.0) / f;
    }
    (-x * x).exp() / (PI.sqrt() * f)
}

/// Two-sided normal tail probability `P(|Z| >= z)`.
pub(crate) fn normal_two_sided(z: f64) -> f64 {
    erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn ln_factorial_matches_exact_sums() {
        let mut exact = 0.0f64;
        for k in 1..=3000u64 {
            exact += (k as f64).ln();
            assert!(close(ln_factorial(k), exact, 1e-12), "k={k}");
        }
        assert_eq!(ln_factorial(0), 0.0);
    }

    #[test]
    fn ln_choose_small_values() {
        assert!(close(ln_choose(10, 5).exp(), 252.0, 1e-12));
        assert!(close(
            ln_choose(60, 30).exp(),
            118_264_581_564_861_424.0,
            1e-11
        ));
        assert_eq!(ln_choose(3, 4), f64::NEG_INFINITY);
    }

    #[test]
    fn erfc_known_values() {
        // Reference values from Abramowitz & Stegun / mpmath.
        assert!(close(erfc(0.0), 1.0, 1e-15));
        assert!(close(erfc(0.5), 0.479_500_122_186_953_5, 1e-13));
        assert!(close(erfc(1.0), 0.157_299_207_050_285_13, 1e-13));
        assert!(close(erfc(1.999), 0.004_698_443_348_629_488, 1e-13));
        assert!(close(erfc(2.0), 0.004_677_734_981_047_266, 1e-13));
        assert!(close(erfc(3.0), 2.209_049_699_858_544e-5, 1e-13));
        assert!(close(erfc(6.0), 2.151_973_671_249_891_3e-17, 1e-12));
        assert!(close(erfc(-1.0), 1.842_700_792_949_715, 1e-13));
    }

    #[test]
    fn normal_two_sided_classic_cutoffs() {
        assert!(close(normal_two_sided(1.959_963_984_540_054), 0.05, 1e-12));
        assert!(close(normal_two_sided(-2.575_829_303_548_901), 0.01, 1e-12));
    }

    #[test]
    fn binomial_half_pmf() {
        assert!(close(binom_half_pmf(5, 0), 1.0 / 32.0, 1e-13));
        assert!(close(binom_half_pmf(10, 3), 120.0 / 1024.0, 1e-13));
        assert_eq!(binom_half_pmf(4, 9), 0.0);
        let total: f64 = (0..=2000).map(|k| binom_half_pmf(2000, k)).sum();
        assert!(close(total, 1.0, 1e-12));
    }
}
