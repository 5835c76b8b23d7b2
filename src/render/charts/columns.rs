//! Vertical bars of counts per bucket: the histogram of sales-cycle lengths.

use super::svg::{Svg, empty_chart, fit};

const WIDTH: f64 = super::svg::MAX_WIDTH;
const PLOT_H: f64 = 140.0;
/// Room above the tallest bar for its count.
const TOP: f64 = 20.0;
/// Room below the baseline for the bucket labels.
const BOTTOM: f64 = 24.0;
const PAD: f64 = 4.0;
const FILL: &str = "#3b6ea5";

pub(super) fn histogram(bins: &[(String, usize)], title: &str) -> String {
    let title = if title.is_empty() { "Histogram" } else { title };
    let total: usize = bins.iter().map(|b| b.1).sum();
    let summary = bins
        .iter()
        .map(|(label, count)| format!("{label} {count}"))
        .collect::<Vec<_>>()
        .join(", ");
    if bins.is_empty() {
        return empty_chart("histogram", title);
    }
    let height = TOP + PLOT_H + BOTTOM;
    let full = format!("{title} ({total} in all): {summary}");
    let mut svg = Svg::new("histogram", WIDTH, height, &full);
    let slot = (WIDTH - 2.0 * PAD) / bins.len() as f64;
    let max = bins.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    let baseline = TOP + PLOT_H;
    for (i, (label, count)) in bins.iter().enumerate() {
        let x = PAD + i as f64 * slot;
        let centre = x + slot / 2.0;
        let h = *count as f64 / max * PLOT_H;
        // A non-empty bucket always shows, however tall its neighbours.
        let h = if *count > 0 { h.max(1.0) } else { 0.0 };
        svg.group("bin", &format!("{label}: {count}"));
        svg.rect("bar", FILL, x + slot * 0.1, baseline - h, slot * 0.8, h);
        svg.text(
            "count",
            centre,
            baseline - h - 5.0,
            "middle",
            &count.to_string(),
        );
        svg.text(
            "label",
            centre,
            baseline + 16.0,
            "middle",
            &fit(label, slot - 4.0),
        );
        svg.end_group();
    }
    svg.line("axis", PAD, baseline, WIDTH - PAD, baseline);
    svg.finish()
}
