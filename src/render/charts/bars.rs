//! Horizontal bar charts: one bar per row (share of respondents per theme),
//! and the diverging head-to-head chart (we win vs we lose, per theme).

use super::svg::{Svg, empty_chart, fit, percent, text_width};
use super::{Bar, BarOpts, DivergingOpts};

const ROW_H: f64 = 22.0;
const BAR_H: f64 = 14.0;
const PAD: f64 = 4.0;
/// Baseline offset of a row's text within the row.
const TEXT_DY: f64 = 15.0;
/// Okabe-Ito blue and vermillion: told apart by colour-blind readers; the
/// news is also said in words, so greyscale loses nothing.
const BAR_FILL: &str = "#0072b2";
const BAD_FILL: &str = "#d55e00";
const LEFT_FILL: &str = "#d55e00";
const RIGHT_FILL: &str = "#0072b2";
/// Okabe-Ito sky blue: the other side of a chart whose sides are not news.
const SIDE_A_FILL: &str = "#56b4e9";
/// Line height of a side heading.
const HEAD_LINE: f64 = 16.0;

/// `text` on one line, or two when it does not fit `px` (split at the last
/// space that lets the first line fit; the second is cut if it must be).
fn wrap2(text: &str, px: f64) -> Vec<String> {
    if text.is_empty() {
        return vec![];
    }
    if text_width(text) <= px {
        return vec![text.to_string()];
    }
    let split = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .rfind(|&i| text_width(&text[..i]) <= px);
    match split {
        Some(i) => vec![text[..i].to_string(), fit(text[i + 1..].trim(), px)],
        None => vec![fit(text, px)],
    }
}

/// Width of the label column: the longest label, within sensible bounds.
fn label_column(labels: impl Iterator<Item = f64>, width: f64, max_frac: f64) -> f64 {
    (labels.fold(0.0, f64::max) + 10.0).clamp(60.0, width * max_frac)
}

/// Bar length for `value` on a scale of `0..scale` drawn over `span` px; a
/// non-zero value always shows at least 1px.
fn bar_len(value: f64, scale: f64, span: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 0.0;
    }
    (value.min(scale) / scale * span).max(1.0)
}

/// The scale: a fixed maximum if given, else the largest value (so the
/// longest bar spans the plot), never zero.
fn scale_of(fixed: Option<f64>, values: impl Iterator<Item = f64>) -> f64 {
    let s = fixed.unwrap_or_else(|| values.filter(|v| v.is_finite()).fold(0.0, f64::max));
    if s.is_finite() && s > 0.0 { s } else { 1.0 }
}

fn value_text(bar: &Bar) -> String {
    format!("{} ({})", percent(bar.value), bar.count)
}

fn was_text(bar: &Bar) -> String {
    bar.previous
        .map(|p| format!(", was {}", percent(p)))
        .unwrap_or_default()
}

pub(super) fn bar_chart(rows: &[Bar], opts: &BarOpts) -> String {
    let title = if opts.title.is_empty() {
        "Bar chart"
    } else {
        &opts.title
    };
    let summary = rows
        .iter()
        .map(|b| format!("{} {}{}", b.label, value_text(b), was_text(b)))
        .collect::<Vec<_>>()
        .join(", ");
    if rows.is_empty() {
        return empty_chart("bar", title);
    }
    let width = f64::from(opts.width.max(200));
    let label_w = label_column(rows.iter().map(|b| text_width(&b.label)), width, 0.5);
    let value_w = rows
        .iter()
        .map(|b| text_width(&value_text(b)))
        .fold(0.0, f64::max)
        + 12.0;
    let note_w = rows
        .iter()
        .filter_map(|b| b.note.as_deref())
        .map(text_width)
        .reduce(f64::max)
        .map_or(0.0, |w| (w + 8.0).min(width * 0.25));
    let span = (width - label_w - value_w - note_w - PAD).max(40.0);
    let scale = scale_of(opts.max_value, rows.iter().map(|b| b.value));
    let height = rows.len() as f64 * ROW_H + 2.0 * PAD;
    let mut svg = Svg::new("bar", width, height, &format!("{title}: {summary}"));
    for (i, bar) in rows.iter().enumerate() {
        let y = PAD + i as f64 * ROW_H;
        let len = bar_len(bar.value, scale, span);
        let mut hover = format!("{}: {}{}", bar.label, value_text(bar), was_text(bar));
        if let Some(note) = &bar.note {
            hover = format!("{hover}; {note}");
        }
        svg.group("row", &hover);
        svg.text(
            "label",
            label_w - 6.0,
            y + TEXT_DY,
            "end",
            &fit(&bar.label, label_w - 8.0),
        );
        let (class, fill) = match bar.news.as_deref() {
            Some("bad") => ("bar bad", BAD_FILL),
            Some("good") => ("bar good", BAR_FILL),
            _ => ("bar", BAR_FILL),
        };
        svg.rect(class, fill, label_w, y + (ROW_H - BAR_H) / 2.0, len, BAR_H);
        if let Some(p) = bar.previous {
            // Last quarter: a tick across the bar, beyond it when larger.
            let x = label_w + bar_len(p, scale, span);
            svg.push(&format!(
                "<line class=\"was\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#222\" stroke-width=\"2\"/>",
                super::svg::num(y + 1.0),
                super::svg::num(y + ROW_H - 1.0),
                x = super::svg::num(x)
            ));
        }
        let past = bar.previous.map_or(0.0, |p| bar_len(p, scale, span));
        svg.text(
            "value",
            label_w + len.max(past) + 6.0,
            y + TEXT_DY,
            "start",
            &value_text(bar),
        );
        if let Some(note) = &bar.note {
            svg.text(
                "note",
                width - note_w + 4.0,
                y + TEXT_DY,
                "start",
                &fit(note, note_w - 6.0),
            );
        }
        svg.end_group();
    }
    svg.line("axis", label_w, PAD, label_w, height - PAD);
    svg.finish()
}

pub(super) fn diverging_bar(rows: &[(String, f64, f64)], opts: &DivergingOpts) -> String {
    let title = if opts.title.is_empty() {
        "Head to head"
    } else {
        &opts.title
    };
    let side = |name: &str, fallback: &'static str| -> String {
        if name.is_empty() {
            fallback.to_string()
        } else {
            name.to_string()
        }
    };
    let (left_name, right_name) = (
        side(&opts.left_label, "left"),
        side(&opts.right_label, "right"),
    );
    let summary = rows
        .iter()
        .map(|(l, a, b)| {
            format!(
                "{l} {left_name} {} {right_name} {}",
                percent(*a),
                percent(*b)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    if rows.is_empty() {
        return empty_chart("diverging", title);
    }
    let width = f64::from(opts.width.max(240));
    let label_w = label_column(rows.iter().map(|r| text_width(&r.0)), width, 0.45);
    let centre = label_w + (width - label_w) / 2.0;
    // Side headings wrap onto a second line rather than run off the chart
    // ("Objections prospects" / "raise").
    let left_head = wrap2(&opts.left_label, centre - 8.0);
    let right_head = wrap2(&opts.right_label, width - centre - 8.0);
    let head_lines = left_head.len().max(right_head.len());
    let top = PAD + head_lines as f64 * HEAD_LINE + if head_lines > 0 { 4.0 } else { 0.0 };
    // Room on each side for the percentage text beyond the longest bar.
    let span = ((width - label_w) / 2.0 - text_width("100%") - 10.0).max(20.0);
    let scale = scale_of(None, rows.iter().flat_map(|r| [r.1, r.2]));
    let height = top + rows.len() as f64 * ROW_H + PAD;
    let mut svg = Svg::new("diverging", width, height, &format!("{title}: {summary}"));
    for (i, line) in left_head.iter().enumerate() {
        let y = PAD + 13.0 + i as f64 * HEAD_LINE;
        svg.text("header", centre - 6.0, y, "end", line);
    }
    for (i, line) in right_head.iter().enumerate() {
        let y = PAD + 13.0 + i as f64 * HEAD_LINE;
        svg.text("header", centre + 6.0, y, "start", line);
    }
    // News colours only when the sides are news (where we lose, where we
    // win); two blues of different lightness otherwise.
    let (left_class, left_fill, right_class, right_fill) = if opts.news {
        ("bar bar-left", LEFT_FILL, "bar bar-right", RIGHT_FILL)
    } else {
        ("bar bar-a", SIDE_A_FILL, "bar bar-b", RIGHT_FILL)
    };
    for (i, (label, left, right)) in rows.iter().enumerate() {
        let y = top + i as f64 * ROW_H;
        let (l, r) = (bar_len(*left, scale, span), bar_len(*right, scale, span));
        let (lp, rp) = (percent(*left), percent(*right));
        svg.group(
            "row",
            &format!("{label}: {left_name} {lp}, {right_name} {rp}"),
        );
        svg.text(
            "label",
            label_w - 6.0,
            y + TEXT_DY,
            "end",
            &fit(label, label_w - 8.0),
        );
        let bar_y = y + (ROW_H - BAR_H) / 2.0;
        svg.rect(left_class, left_fill, centre - l, bar_y, l, BAR_H);
        svg.rect(right_class, right_fill, centre, bar_y, r, BAR_H);
        svg.text("value", centre - l - 4.0, y + TEXT_DY, "end", &lp);
        svg.text("value", centre + r + 4.0, y + TEXT_DY, "start", &rp);
        svg.end_group();
    }
    svg.line("axis centre", centre, top, centre, height - PAD);
    svg.finish()
}
