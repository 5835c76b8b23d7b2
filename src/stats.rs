//! Statistics for small samples (placeholder until the stats module lands).

/// Type-7 quantile of sorted values.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Placeholder until the stats module lands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareChange {
    pub old_share: f64,
    pub new_share: f64,
    pub change_points: f64,
    pub p_value: f64,
    pub significant: bool,
    pub too_few: bool,
}

pub fn share_change(old_k: u64, old_n: u64, new_k: u64, new_n: u64) -> ShareChange {
    let o = if old_n == 0 {
        0.0
    } else {
        old_k as f64 / old_n as f64
    };
    let n = if new_n == 0 {
        0.0
    } else {
        new_k as f64 / new_n as f64
    };
    ShareChange {
        old_share: o,
        new_share: n,
        change_points: (n - o) * 100.0,
        p_value: 1.0,
        significant: false,
        too_few: old_n < 5 || new_n < 5,
    }
}

pub fn mann_whitney(_x: &[f64], _y: &[f64]) -> Option<f64> {
    None
}

pub fn median_ci(_sorted: &[f64], _level: f64) -> Option<(f64, f64)> {
    None
}
