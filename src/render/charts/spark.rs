//! Sparklines: a small trend line over the last few quarters, with gaps
//! where a quarter has no value and the latest point marked; and the
//! labelled trend line of the briefing's trends section, whose axis says
//! its scale (0-100% for shares, 0 to a round number of days for days).

use super::svg::{Svg, empty_chart, fit, num};

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

/// The scale of a [`trend_line`]: shares on one 0-100% axis, so every
/// line's slope is the size of its change; days on an axis of their own,
/// from 0 to a round number above the largest value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TrendAxis {
    Share,
    Days,
}

/// Width and height of a trend line: wide enough for two end labels at
/// 13 px, narrow enough for a phone at full size.
const TREND_W: f64 = 260.0;
const TREND_H: f64 = 80.0;
const AXIS_W: f64 = 40.0;

/// The top of the days axis: the largest value rounded up to 10 days
/// (up to 60), 30 days (up to a year) or 90 days.
pub(super) fn days_top(max: f64) -> f64 {
    let step = if max <= 60.0 {
        10.0
    } else if max <= 365.0 {
        30.0
    } else {
        90.0
    };
    ((max / step).ceil() * step).max(step)
}

/// A trend line with its axis labelled at both ends ("0%" and "100%", or
/// "0" and "120" days) and the first and last quarter written under it
/// with their values ("2026-Q2 23%" ... "2026-Q3 70%"); gaps where a
/// quarter has no value.
pub fn trend_line(values: &[Option<f64>], labels: &[String], axis: TrendAxis) -> String {
    let fmt = |v: f64| match axis {
        TrendAxis::Share => format!("{:.0}%", v * 100.0),
        TrendAxis::Days => format!("{v:.0} days"),
    };
    let points: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
        .collect();
    if points.is_empty() {
        return empty_chart("trend", "Trend");
    }
    let (top, top_label, bottom_label) = match axis {
        TrendAxis::Share => (1.0, "100%".to_string(), "0%".to_string()),
        TrendAxis::Days => {
            let t = days_top(points.iter().map(|p| p.1).fold(0.0, f64::max));
            (t, format!("{t:.0}"), "0".to_string())
        }
    };
    let summary = format!(
        "Trend on a scale of {bottom_label} to {top_label}{}: {}",
        if axis == TrendAxis::Days { " days" } else { "" },
        points
            .iter()
            .map(|&(i, v)| format!("{} {}", label_of(labels, i), fmt(v)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let (plot_top, plot_bottom) = (6.0, TREND_H - 26.0);
    let (x0, x1) = (AXIS_W + 6.0, TREND_W - 10.0);
    let x_of = |i: usize| match values.len() {
        1 => (x0 + x1) / 2.0,
        n => x0 + i as f64 * (x1 - x0) / (n - 1) as f64,
    };
    let y_of = |v: f64| plot_bottom - (v.clamp(0.0, top) / top) * (plot_bottom - plot_top);
    let mut svg = Svg::new("trend", TREND_W, TREND_H, &summary);
    svg.text("axis-label", AXIS_W, plot_top + 5.0, "end", &top_label);
    svg.text(
        "axis-label",
        AXIS_W,
        plot_bottom + 4.0,
        "end",
        &bottom_label,
    );
    svg.line("axis", x0 - 2.0, plot_top, x0 - 2.0, plot_bottom);
    svg.line("axis", x0 - 2.0, plot_bottom, x1 + 4.0, plot_bottom);
    for run in runs(&points) {
        let coords: Vec<String> = run
            .iter()
            .map(|&(i, v)| format!("{},{}", num(x_of(i)), num(y_of(v))))
            .collect();
        if run.len() > 1 {
            svg.push(&format!(
                "<polyline class=\"spark-line\" points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"/>",
                coords.join(" ")
            ));
        }
        for &(i, v) in run {
            svg.push(&circle("spark-point", LINE, x_of(i), y_of(v), 2.5));
        }
    }
    let (last_i, last_v) = points[points.len() - 1];
    svg.push(&circle("spark-last", LAST, x_of(last_i), y_of(last_v), 3.5));
    // The first and last measured quarters, each with its value.
    let y = TREND_H - 6.0;
    let (first_i, first_v) = points[0];
    let half = (TREND_W - 4.0) / 2.0;
    let last = format!("{} {}", label_of(labels, last_i), fmt(last_v));
    if points.len() > 1 {
        let first = format!("{} {}", label_of(labels, first_i), fmt(first_v));
        svg.text("value", 2.0, y, "start", &fit(&first, half - 6.0));
        svg.text("value", TREND_W - 2.0, y, "end", &fit(&last, half - 6.0));
    } else {
        svg.text(
            "value",
            TREND_W / 2.0,
            y,
            "middle",
            &fit(&last, TREND_W - 4.0),
        );
    }
    svg.finish()
}
