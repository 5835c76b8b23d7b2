//! Two charts of parts of a whole: the persona heatmap (function x
//! seniority, shaded by count, each count written in its cell) and the
//! stacked bars of the website verdict (one bar per quarter).

use super::svg::{FONT_PX, MAX_WIDTH, Svg, empty_chart, fit, num, percent, text_width};

const CELL_H: f64 = 24.0;
const HEADER_LINE: f64 = 16.0;
const PAD: f64 = 4.0;

/// A sequential blue scale, light to dark: lightness carries the count,
/// so it reads in greyscale; the darker half gets white text.
const SHADES: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

/// The shade index of `count` against the largest count.
pub(super) fn shade(count: usize, max: usize) -> Option<usize> {
    if count == 0 || max == 0 {
        return None;
    }
    let i = ((count as f64 / max as f64) * (SHADES.len() - 1) as f64).round() as usize;
    Some(i.clamp(0, SHADES.len() - 1))
}

/// Rows (row label, one count per column) against `columns`.
pub fn heatmap(columns: &[String], rows: &[(String, Vec<usize>)], title: &str) -> String {
    if rows.is_empty() || columns.is_empty() {
        return empty_chart("heatmap", title);
    }
    let summary = rows
        .iter()
        .map(|(r, cs)| {
            let named: Vec<String> = columns
                .iter()
                .zip(cs)
                .filter(|(_, c)| **c > 0)
                .map(|(col, c)| format!("{col} {c}"))
                .collect();
            format!("{r}: {}", named.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let width = MAX_WIDTH;
    let label_w =
        (rows.iter().map(|r| text_width(&r.0)).fold(0.0, f64::max) + 8.0).clamp(50.0, width * 0.33);
    let col_w = (width - label_w) / columns.len() as f64;
    // Column headings alternate between two lines, so each has two
    // columns' width: "Individual" fits where one column holds six letters.
    let top = PAD + 2.0 * HEADER_LINE + 4.0;
    let height = top + rows.len() as f64 * CELL_H + PAD;
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter().copied())
        .max()
        .unwrap_or(0);
    let mut svg = Svg::new("heatmap", width, height, &format!("{title}: {summary}"));
    for (j, c) in columns.iter().enumerate() {
        let x = label_w + (j as f64 + 0.5) * col_w;
        let y = PAD + 13.0 + (j % 2) as f64 * HEADER_LINE;
        let room = 2.0 * col_w - 4.0;
        if j + 1 == columns.len() && j > 0 {
            // The last heading ends at the chart's edge instead of
            // spilling past it.
            svg.text("header", width - 2.0, y, "end", &fit(c, room));
        } else {
            svg.text("header", x, y, "middle", &fit(c, room.min(2.0 * x - 4.0)));
        }
    }
    for (i, (label, counts)) in rows.iter().enumerate() {
        let y = top + i as f64 * CELL_H;
        svg.text(
            "label",
            label_w - 4.0,
            y + 16.0,
            "end",
            &fit(label, label_w - 6.0),
        );
        for (j, &c) in counts.iter().enumerate() {
            let x = label_w + j as f64 * col_w;
            let Some(s) = shade(c, max) else { continue };
            svg.push(&format!(
                "<rect class=\"cell shade-{s}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>",
                num(x + 1.0),
                num(y + 1.0),
                num(col_w - 2.0),
                num(CELL_H - 2.0),
                SHADES[s],
                super::svg::escape(&format!("{label} · {}: {c}", columns[j]))
            ));
            let ink = if s >= 3 { "#fff" } else { "#222" };
            svg.push(&format!(
                "<text class=\"count{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\">{c}</text>",
                if s >= 3 { " on-dark" } else { "" },
                num(x + col_w / 2.0),
                num(y + 16.0)
            ));
        }
    }
    svg.finish()
}

/// One part of a stacked bar.
#[derive(Debug, Clone, PartialEq)]
pub struct StackPart {
    /// `yes`, `partly`, `no` or `no_verdict`: picks the colour.
    pub key: String,
    pub label: String,
    pub share: f64,
    pub count: usize,
}

/// Fill of a verdict: dark blue yes, light blue partly, orange no, grey
/// for no verdict; four different lightnesses, so greyscale keeps them
/// apart, and each part's label is written on it when it fits.
fn verdict_fill(key: &str) -> (&'static str, &'static str) {
    match key {
        "yes" => ("#1f4e79", "#fff"),
        "partly" => ("#9ecae1", "#222"),
        "no" => ("#e69f00", "#222"),
        _ => ("#dddddd", "#222"),
    }
}

/// One 100% bar per row (e.g. per quarter), parts in the given order.
pub fn stacked_bars(rows: &[(String, Vec<StackPart>)], title: &str) -> String {
    if rows.is_empty() {
        return empty_chart("stacked", title);
    }
    let summary = rows
        .iter()
        .map(|(l, parts)| {
            let p: Vec<String> = parts
                .iter()
                .map(|p| format!("{} {}", p.label, percent(p.share)))
                .collect();
            format!("{l}: {}", p.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let width = MAX_WIDTH;
    let label_w =
        (rows.iter().map(|r| text_width(&r.0)).fold(0.0, f64::max) + 8.0).clamp(50.0, width * 0.33);
    let span = width - label_w - PAD;
    let row_h = 30.0;
    let height = PAD * 2.0 + rows.len() as f64 * row_h;
    let mut svg = Svg::new("stacked", width, height, &format!("{title}: {summary}"));
    for (i, (label, parts)) in rows.iter().enumerate() {
        let y = PAD + i as f64 * row_h;
        svg.text(
            "label",
            label_w - 4.0,
            y + 18.0,
            "end",
            &fit(label, label_w - 6.0),
        );
        let total: f64 = parts.iter().map(|p| p.share).sum::<f64>().max(1e-9);
        let mut x = label_w;
        for p in parts {
            let w = p.share / total * span;
            if w <= 0.0 {
                continue;
            }
            let (fill, ink) = verdict_fill(&p.key);
            svg.push(&format!(
                "<rect class=\"part part-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"><title>{}</title></rect>",
                super::svg::escape(&p.key),
                num(x),
                num(y + 2.0),
                num(w),
                num(row_h - 6.0),
                super::svg::escape(&format!("{label}: {} {} ({})", p.label, percent(p.share), p.count))
            ));
            let text = format!("{} {}", p.label, percent(p.share));
            let shown = if text_width(&text) + 6.0 <= w {
                text
            } else if text_width(&percent(p.share)) + 4.0 <= w {
                percent(p.share)
            } else {
                String::new()
            };
            if !shown.is_empty() {
                svg.push(&format!(
                    "<text class=\"part-label part-{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\">{}</text>",
                    super::svg::escape(&p.key),
                    num(x + w / 2.0),
                    num(y + 2.0 + (row_h - 6.0) / 2.0 + FONT_PX / 3.0),
                    super::svg::escape(&shown)
                ));
            }
            x += w;
        }
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_grow_with_the_count_and_zero_is_blank() {
        assert_eq!(shade(0, 10), None);
        assert_eq!(shade(10, 10), Some(4));
        assert_eq!(shade(1, 10), Some(0));
        assert!(shade(6, 10) > shade(3, 10));
    }

    #[test]
    fn heatmap_writes_every_count_and_a_text_alternative() {
        let cols = vec!["C-level".to_string(), "VP".to_string()];
        let svg = heatmap(&cols, &[("Finance".into(), vec![7, 0])], "Buyers");
        assert!(
            svg.contains("<title>Buyers: Finance: C-level 7</title>"),
            "{svg}"
        );
        assert_eq!(svg.matches("<rect").count(), 1, "no cell for a zero");
        assert!(svg.contains(">7</text>"));
    }

    #[test]
    fn the_six_seniority_headings_are_written_whole() {
        let cols: Vec<String> = [
            "C-level",
            "VP",
            "Director",
            "Manager",
            "Individual",
            "No level",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect();
        let rows = [("Customer success".to_string(), vec![1, 2, 3, 4, 5, 6])];
        let svg = heatmap(&cols, &rows, "Buyers");
        for c in &cols {
            assert!(svg.contains(&format!(">{c}</text>")), "{c} cut: {svg}");
        }
        assert!(svg.contains(">Customer success</text>"), "{svg}");
        // Two heading lines: neighbours never share one.
        let y = |c: &str| {
            let at = svg.find(&format!(">{c}</text>")).unwrap();
            let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
            tag.split("y=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        };
        assert_ne!(y("Director"), y("Manager"));
        assert_eq!(y("C-level"), y("Director"));
    }

    #[test]
    fn stacked_parts_fill_the_bar_in_order() {
        let part = |k: &str, s: f64| StackPart {
            key: k.into(),
            label: k.into(),
            share: s,
            count: 1,
        };
        let svg = stacked_bars(
            &[(
                "Q3".into(),
                vec![part("yes", 0.8), part("partly", 0.2), part("no", 0.0)],
            )],
            "Web",
        );
        assert_eq!(
            svg.matches("<rect").count(),
            2,
            "an empty part draws nothing"
        );
        assert!(svg.contains("Q3: yes 80%, partly 20%, no 0%"));
        let yes = svg.find("part-yes").unwrap();
        assert!(yes < svg.find("part-partly").unwrap());
    }
}
