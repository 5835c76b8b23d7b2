//! Sparklines: a small trend line over the last few quarters, with gaps
//! where a quarter has no value and the latest point marked.

use super::svg::{Svg, empty_chart, num};

const PAD: f64 = 4.0;
const LINE: &str = "#3b6ea5";
const LAST: &str = "#1f3f66";

/// Numbers in the hover text: up to two decimals, trailing zeros dropped.
pub(super) fn plain(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn label_of(labels: &[String], i: usize) -> String {
    labels
        .get(i)
        .cloned()
        .unwrap_or_else(|| format!("point {}", i + 1))
}

/// "min 12 (Q1 2025), max 40 (Q3 2025), last 35 (Q4 2025)"; earliest
/// position wins ties so the text is stable.
fn describe(points: &[(usize, f64)], labels: &[String], fmt: &dyn Fn(f64) -> String) -> String {
    let pick = |better: fn(f64, f64) -> bool| {
        points.iter().fold(
            points[0],
            |best, &p| if better(p.1, best.1) { p } else { best },
        )
    };
    let (min, max, last) = (
        pick(|a, b| a < b),
        pick(|a, b| a > b),
        points[points.len() - 1],
    );
    let part =
        |name: &str, (i, v): (usize, f64)| format!("{name} {} ({})", fmt(v), label_of(labels, i));
    format!(
        "{}, {}, {}",
        part("min", min),
        part("max", max),
        part("last", last)
    )
}

pub(super) fn sparkline(
    values: &[Option<f64>],
    labels: &[String],
    width: u32,
    height: u32,
    fmt: &dyn Fn(f64) -> String,
    range: Option<(f64, f64)>,
) -> String {
    let points: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
        .collect();
    if points.is_empty() {
        return empty_chart("sparkline", "Trend");
    }
    let mut summary = format!("Trend: {}", describe(&points, labels, fmt));
    let gaps: Vec<String> = (0..values.len())
        .filter(|&i| !points.iter().any(|p| p.0 == i))
        .map(|i| label_of(labels, i))
        .collect();
    if !gaps.is_empty() {
        summary.push_str(&format!("; no data for {}", gaps.join(", ")));
    }
    let (w, h) = (f64::from(width.max(24)), f64::from(height.max(12)));
    // A fixed range (0-100% for shares) keeps a small change looking
    // small; without one the line spans its own minimum to maximum.
    let (lo0, hi0) = range.unwrap_or((f64::INFINITY, f64::NEG_INFINITY));
    let lo = points.iter().map(|p| p.1).fold(lo0, f64::min);
    let hi = points.iter().map(|p| p.1).fold(hi0, f64::max);
    let x_of = |i: usize| match values.len() {
        1 => w / 2.0,
        n => PAD + i as f64 * (w - 2.0 * PAD) / (n - 1) as f64,
    };
    let y_of = |v: f64| {
        if hi > lo {
            PAD + (hi - v) / (hi - lo) * (h - 2.0 * PAD)
        } else {
            h / 2.0
        }
    };
    let mut svg = Svg::new("sparkline", w, h, &summary);
    for run in runs(&points) {
        if let [(i, v)] = run {
            svg.push(&circle("spark-point", LINE, x_of(*i), y_of(*v), 1.5));
            continue;
        }
        let coords: Vec<String> = run
            .iter()
            .map(|&(i, v)| format!("{},{}", num(x_of(i)), num(y_of(v))))
            .collect();
        svg.push(&format!(
            "<polyline class=\"spark-line\" points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.5\"/>",
            coords.join(" ")
        ));
    }
    let (i, v) = points[points.len() - 1];
    svg.push(&circle("spark-last", LAST, x_of(i), y_of(v), 2.5));
    svg.finish()
}

/// Splits points into runs of consecutive positions: a `None` breaks the line.
fn runs(points: &[(usize, f64)]) -> Vec<&[(usize, f64)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=points.len() {
        if k == points.len() || points[k].0 != points[k - 1].0 + 1 {
            out.push(&points[start..k]);
            start = k;
        }
    }
    out
}

fn circle(class: &str, fill: &str, x: f64, y: f64, r: f64) -> String {
    format!(
        "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/>",
        num(x),
        num(y),
        num(r)
    )
}
