//! Inline SVG charts for the self-contained HTML report.
//!
//! Every chart is a pure function returning an `<svg>` element to paste into
//! the HTML: no script, no links, no external references, no web fonts
//! (generic `sans-serif` only), so the report works offline and prints.
//! Elements carry CSS classes (`chart`, `chart-bar`, `bar`, `label`,
//! `value`, `note`, `axis`, `spark-line`, ...) for the report stylesheet,
//! and inline `fill` defaults so a chart looks right without it. Each chart
//! has `role="img"`, an `aria-label` and a `<title>` listing its numbers, and
//! writes its values as text, so nothing relies on colour alone.
//! All text is XML-escaped; coordinates use one fixed decimal, so the same
//! input gives the same bytes. The `<svg>` carries no `xmlns`: it is meant
//! for inline use in HTML, where the parser supplies the namespace.

mod bars;
mod columns;
mod grid;
mod spark;
mod strip;
mod svg;

pub use grid::{StackPart, heatmap, stacked_bars};
pub use spark::{TrendAxis, trend_line};
pub use strip::strip_plot;
pub use svg::{MAX_WIDTH, PHONE_WIDTH, percent, phone_font_px};

/// One row of a horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Row label (a theme, a persona, ...); long labels are shortened with
    /// an ellipsis, the full text stays in the row's hover title.
    pub label: String,
    /// The share drawn, 0..1 (e.g. 0.62 for 62 % of respondents).
    pub value: f64,
    /// The count behind the share, printed as "62% (18)".
    pub count: usize,
    /// Short text after the value, e.g. "+12 pts since Q1".
    pub note: Option<String>,
    /// Last quarter's share, drawn as a tick across the bar.
    pub previous: Option<f64>,
    /// CSS class of the bar: `bar` plus `bad` or `good` news colours it.
    pub news: Option<String>,
}

/// Options of [`bar_chart`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarOpts {
    /// What the chart shows; starts the accessible summary.
    pub title: String,
    /// Total width in px (default 400).
    pub width: u32,
    /// Value at which a bar spans the whole plot. `None` scales to the
    /// largest value; `Some(1.0)` makes charts of shares comparable.
    pub max_value: Option<f64>,
}

impl Default for BarOpts {
    fn default() -> Self {
        BarOpts {
            title: String::new(),
            width: MAX_WIDTH as u32,
            max_value: None,
        }
    }
}

/// Options of [`diverging_bar_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct DivergingOpts {
    /// What the chart shows; starts the accessible summary.
    pub title: String,
    /// Heading over the left bars, e.g. "We lose"; none when empty.
    pub left_label: String,
    /// Heading over the right bars, e.g. "We win"; none when empty.
    pub right_label: String,
    /// Total width in px (default 400).
    pub width: u32,
    /// The sides are news (default): the left bars in the bad-news colour
    /// (where competitors do better), the right in the good-news one. Off
    /// for two sides that are neither (objections and prospect questions).
    pub news: bool,
}

impl Default for DivergingOpts {
    fn default() -> Self {
        DivergingOpts {
            title: String::new(),
            left_label: String::new(),
            right_label: String::new(),
            width: MAX_WIDTH as u32,
            news: true,
        }
    }
}

/// Horizontal bars, one per row in the given order: label on the left, the
/// bar, then "62% (18)" and the optional note. Rows are 22px high. An empty
/// `rows` gives a small chart saying "No data to chart".
pub fn bar_chart(rows: &[Bar], opts: &BarOpts) -> String {
    bars::bar_chart(rows, opts)
}

/// Vertical bars of counts per bucket, in the given order (e.g. sales-cycle
/// lengths "< 1 month", "1-3 months", ...), each with its count on top.
pub fn histogram(bins: &[(String, usize)], title: &str) -> String {
    columns::histogram(bins, title)
}

/// A small trend line over `values` (one per quarter, oldest first), with a
/// gap for each `None`, the latest point marked, and min, max and last
/// value (with their `labels`) in the title. Values are written with up to
/// two decimals; use [`sparkline_fmt`] to format them (e.g. as percentages).
pub fn sparkline(values: &[Option<f64>], labels: &[String], width: u32, height: u32) -> String {
    spark::sparkline(values, labels, width, height, &spark::plain, None)
}

/// [`sparkline`] with a caller-chosen number format for the title.
pub fn sparkline_fmt(
    values: &[Option<f64>],
    labels: &[String],
    width: u32,
    height: u32,
    fmt: &dyn Fn(f64) -> String,
) -> String {
    spark::sparkline(values, labels, width, height, fmt, None)
}

/// [`sparkline_fmt`] drawn on a fixed vertical range (e.g. 0 to 1 for
/// shares), so that the slope shows the size of a change honestly.
pub fn sparkline_in(
    values: &[Option<f64>],
    labels: &[String],
    size: (u32, u32),
    fmt: &dyn Fn(f64) -> String,
    range: (f64, f64),
) -> String {
    spark::sparkline(values, labels, size.0, size.1, fmt, Some(range))
}

/// Head to head: for each `(label, left, right)` (shares 0..1), a bar to
/// the left and one to the right of a centre line, both on one scale, each
/// with its percentage. Without side headings: see [`diverging_bar_with`].
pub fn diverging_bar(rows: &[(String, f64, f64)]) -> String {
    bars::diverging_bar(rows, &DivergingOpts::default())
}

/// [`diverging_bar`] with a title and headings naming the two sides.
pub fn diverging_bar_with(rows: &[(String, f64, f64)], opts: &DivergingOpts) -> String {
    bars::diverging_bar(rows, opts)
}

// The tests live beside this file so their insta snapshots are stored in
// src/render/snapshots/.
#[cfg(test)]
#[path = "charts_tests.rs"]
mod tests;
