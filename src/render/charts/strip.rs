//! The strip plot of sales-cycle lengths: one row per group (all reps,
//! then each shown segment value), a dot per rep's typical days and a bar
//! at the median, on a log scale so that a 25-day SMB deal and a 320-day
//! enterprise deal both read. The axis is labelled in weeks, months and
//! years.

use super::svg::{FONT_PX, MAX_WIDTH, Svg, empty_chart, fit, num, text_width};

const ROW_H: f64 = 26.0;
const PAD: f64 = 4.0;
const AXIS_H: f64 = 22.0;
const DOT: &str = "#0072b2";
/// The axis ticks: days and how they read.
const TICKS: [(f64, &str); 6] = [
    (7.0, "1 wk"),
    (30.0, "1 mo"),
    (91.0, "3 mo"),
    (182.0, "6 mo"),
    (365.0, "1 yr"),
    (730.0, "2 yr"),
];

/// The x position of `days` on a log scale from `lo` to `hi` over
/// `x0..x1`; values outside are clamped to the ends.
pub(super) fn x_of(days: f64, lo: f64, hi: f64, x0: f64, x1: f64) -> f64 {
    let d = days.clamp(lo, hi);
    x0 + (d.ln() - lo.ln()) / (hi.ln() - lo.ln()) * (x1 - x0)
}

/// The radius of a dot standing for `n` reps: 3.5 px for one, growing
/// with the square root, at most 9 px so it stays inside its row.
pub(super) fn dot_radius(n: usize) -> f64 {
    (3.5 * (n.max(1) as f64).sqrt()).min(9.0)
}

/// Rows of (label, every rep's typical days, median days).
pub fn strip_plot(rows: &[(String, Vec<f64>, f64)], title: &str) -> String {
    let title = if title.is_empty() {
        "Cycle length"
    } else {
        title
    };
    if rows.is_empty() || rows.iter().all(|r| r.1.is_empty()) {
        return empty_chart("strip", title);
    }
    let summary = rows
        .iter()
        .map(|(l, v, m)| format!("{l}: median {m:.0} days ({} reps)", v.len()))
        .collect::<Vec<_>>()
        .join(", ");
    let width = MAX_WIDTH;
    let label_w = (rows.iter().map(|r| text_width(&r.0)).fold(0.0, f64::max) + 10.0)
        .clamp(60.0, width * 0.32);
    let (x0, x1) = (label_w + 6.0, width - 16.0);
    let (lo, hi) = (5.0, 730.0);
    let height = PAD + rows.len() as f64 * ROW_H + AXIS_H;
    let mut svg = Svg::new("strip", width, height, &format!("{title}: {summary}"));
    for (i, (label, values, median)) in rows.iter().enumerate() {
        let y = PAD + i as f64 * ROW_H;
        let mid = y + ROW_H / 2.0;
        svg.group(
            "row",
            &format!("{label}: median {median:.0} days, {} reps", values.len()),
        );
        svg.text(
            "label",
            label_w - 4.0,
            mid + FONT_PX / 3.0,
            "end",
            &fit(label, label_w - 8.0),
        );
        svg.line("grid", x0, mid, x1, mid);
        // One dot per pixel position, larger for more reps, so a survey
        // of 500 reps draws no more dots than the axis has room for.
        let mut at: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
        for v in values {
            *at.entry(x_of(*v, lo, hi, x0, x1).round() as i64)
                .or_default() += 1;
        }
        for (x, n) in at {
            svg.push(&format!(
                "<circle class=\"dot\" cx=\"{x}\" cy=\"{}\" r=\"{}\" fill=\"{DOT}\" fill-opacity=\"0.55\"/>",
                num(mid),
                num(dot_radius(n))
            ));
        }
        let mx = x_of(*median, lo, hi, x0, x1);
        svg.push(&format!(
            "<rect class=\"median\" x=\"{}\" y=\"{}\" width=\"3\" height=\"{}\" fill=\"#222\"/>",
            num(mx - 1.5),
            num(y + 3.0),
            num(ROW_H - 6.0)
        ));
        svg.end_group();
    }
    let base = PAD + rows.len() as f64 * ROW_H;
    svg.line("axis", x0, base, x1, base);
    for (d, t) in TICKS {
        let x = x_of(d, lo, hi, x0, x1);
        svg.line("tick", x, base, x, base + 4.0);
        svg.text("tick-label", x, base + 17.0, "middle", t);
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::phone_font_px;

    #[test]
    fn log_scale_puts_a_month_and_a_year_apart() {
        let (x0, x1) = (100.0, 384.0);
        assert_eq!(x_of(5.0, 5.0, 730.0, x0, x1), x0);
        assert_eq!(x_of(730.0, 5.0, 730.0, x0, x1), x1);
        assert_eq!(x_of(2000.0, 5.0, 730.0, x0, x1), x1, "clamped");
        let month = x_of(30.0, 5.0, 730.0, x0, x1);
        let year = x_of(365.0, 5.0, 730.0, x0, x1);
        assert!(year - month > 100.0, "{month} {year}");
    }

    #[test]
    fn many_reps_at_one_length_make_one_larger_dot() {
        let svg = strip_plot(&[("All".into(), vec![30.0; 400], 30.0)], "t");
        assert_eq!(svg.matches("<circle").count(), 1);
        assert_eq!(dot_radius(1), 3.5);
        assert_eq!(dot_radius(400), 9.0);
    }

    #[test]
    fn labels_read_on_a_phone() {
        assert!(phone_font_px(MAX_WIDTH) >= 11.0);
        let svg = strip_plot(&[("Enterprise".into(), vec![300.0, 320.0], 310.0)], "t");
        assert!(svg.contains("width=\"400.0\""), "{svg}");
        assert!(svg.contains("<title>t: Enterprise: median 310 days (2 reps)</title>"));
    }
}
