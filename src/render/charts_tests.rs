//! Tests of the SVG charts: safety (escaping, nothing external), byte
//! stability, geometry, and one insta snapshot per kind of chart.

use super::*;
use proptest::prelude::*;
use regex::Regex;
use std::sync::LazyLock;

fn bar(label: &str, value: f64, count: usize, note: Option<&str>) -> Bar {
    Bar {
        label: label.to_string(),
        value,
        count,
        note: note.map(str::to_string),
        previous: None,
        news: None,
    }
}

fn s(v: &str) -> String {
    v.to_string()
}

/// Checks the markup is well formed: tags nest, attribute values are quoted,
/// text holds only known entities, and numeric attributes are finite (and
/// non-negative for sizes). Panics with the offending part otherwise.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        assert_text_ok(&rest[..open]);
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open + 1..close];
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
        assert!(!tag.contains('<'), "'<' inside <{tag}>");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else {
            check_numeric_attributes(tag);
            if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap().to_string());
            }
        }
        rest = &rest[close + 1..];
    }
    assert_text_ok(rest);
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
}

fn assert_text_ok(text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let entity = &rest[amp..];
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];
        assert!(
            known.iter().any(|k| entity.starts_with(k)),
            "bare & in {text:?}"
        );
        rest = &rest[amp + 1..];
    }
}

fn check_numeric_attributes(tag: &str) {
    let sizes = ["width", "height", "r"];
    let coords = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy"];
    static ATTRIBUTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"([a-z][a-z0-9-]*)="([^"]*)""#).unwrap());
    for cap in ATTRIBUTE.captures_iter(tag) {
        let (name, value) = (&cap[1], &cap[2]);
        assert!(!name.starts_with("on"), "event handler {name} in <{tag}>");
        if sizes.contains(&name) || coords.contains(&name) {
            let v: f64 = value
                .parse()
                .unwrap_or_else(|_| panic!("{name}={value} in <{tag}>"));
            assert!(v.is_finite(), "{name}={value}");
            assert!(
                !sizes.contains(&name) || v >= 0.0,
                "negative {name}={value}"
            );
        }
    }
}

/// The widths of the `<rect>`s with `class`, in order.
fn rect_widths(svg: &str, class: &str) -> Vec<f64> {
    let marker = format!("<rect class=\"{class}\"");
    svg.lines()
        .filter(|l| l.starts_with(&marker))
        .map(|l| {
            let w = l.split("width=\"").nth(1).unwrap();
            w[..w.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

fn sample_bars() -> Vec<Bar> {
    vec![
        bar("Price", 0.62, 18, Some("+12 pts")),
        bar("Integration with existing systems", 0.31, 9, None),
        bar("Security review", 0.0, 0, None),
    ]
}

fn sample_bins() -> Vec<(String, usize)> {
    vec![
        (s("< 1 month"), 3),
        (s("1-3 months"), 11),
        (s("3-6 months"), 6),
        (s("> 6 months"), 0),
    ]
}

fn sample_spark() -> (Vec<Option<f64>>, Vec<String>) {
    let values = vec![Some(0.2), Some(0.35), None, Some(0.3), Some(0.4)];
    let labels = ["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025", "Q1 2026"]
        .map(s)
        .to_vec();
    (values, labels)
}

fn sample_diverging() -> Vec<(String, f64, f64)> {
    vec![
        (s("Ease of use"), 0.1, 0.55),
        (s("Price / value"), 0.4, 0.2),
        (s("Support"), 0.0, 0.3),
    ]
}

fn all_charts(label: &str) -> Vec<String> {
    let bars = vec![bar(label, 0.5, 10, Some(label))];
    let (values, _) = sample_spark();
    let opts = BarOpts {
        title: label.to_string(),
        ..BarOpts::default()
    };
    let dopts = DivergingOpts {
        title: label.to_string(),
        left_label: label.to_string(),
        right_label: label.to_string(),
        width: 640,
        news: true,
    };
    vec![
        bar_chart(&bars, &opts),
        histogram(&[(label.to_string(), 4)], label),
        sparkline(&values, &[label.to_string()], 120, 24),
        trend_line(&values, &[label.to_string()], TrendAxis::Share),
        trend_line(&values, &[label.to_string()], TrendAxis::Days),
        diverging_bar(&[(label.to_string(), 0.2, 0.7)]),
        diverging_bar_with(&[(label.to_string(), 0.2, 0.7)], &dopts),
        bar_chart(&[], &opts),
    ]
}

#[test]
fn nothing_external_or_executable() {
    for svg in all_charts("Price") {
        for banned in [
            "<script",
            "href",
            "url(",
            "http",
            "@import",
            "<foreignObject",
        ] {
            assert!(!svg.contains(banned), "{banned} in {svg}");
        }
        assert_well_formed(&svg);
    }
}

#[test]
fn labels_are_escaped() {
    for svg in all_charts("<b>&\"it's\"</b>") {
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(
            svg.contains("&lt;b&gt;&amp;&quot;it&#39;s&quot;&lt;/b&gt;"),
            "{svg}"
        );
        assert_well_formed(&svg);
    }
}

#[test]
fn output_is_byte_stable() {
    assert_eq!(all_charts("Budget"), all_charts("Budget"));
}

#[test]
fn bar_lengths_follow_the_values() {
    let svg = bar_chart(&sample_bars(), &BarOpts::default());
    let widths = rect_widths(&svg, "bar");
    // The zero bar is not drawn; the others are in proportion 0.62 : 0.31.
    assert_eq!(widths.len(), 2);
    assert!((widths[0] / widths[1] - 2.0).abs() < 0.01, "{widths:?}");
    assert!(svg.contains(">62% (18)<") && svg.contains(">0% (0)<"));
    assert!(svg.contains(">+12 pts<"));
    let fixed = bar_chart(
        &sample_bars(),
        &BarOpts {
            max_value: Some(1.0),
            ..BarOpts::default()
        },
    );
    assert!(rect_widths(&fixed, "bar")[0] < widths[0]);
}

#[test]
fn long_labels_are_shortened_but_kept_in_hover_text() {
    let long = "A very long objection label that would never fit in the label column at all";
    let svg = bar_chart(&[bar(long, 0.5, 5, None)], &BarOpts::default());
    assert!(svg.contains('\u{2026}'));
    assert!(svg.contains(&format!("<title>{long}: 50% (5)</title>")));
}

#[test]
fn sparkline_breaks_at_gaps_and_marks_the_last_point() {
    let (values, labels) = sample_spark();
    let svg = sparkline(&values, &labels, 120, 24);
    assert_eq!(svg.matches("<polyline").count(), 2);
    assert_eq!(svg.matches("class=\"spark-last\"").count(), 1);
    assert!(
        svg.contains(
            "min 0.2 (Q1 2025), max 0.4 (Q1 2026), last 0.4 (Q1 2026); no data for Q3 2025"
        )
    );
    let pct = sparkline_fmt(&values, &labels, 120, 24, &percent);
    assert!(pct.contains("min 20% (Q1 2025)"));
    // A lone point between gaps is drawn as a dot, not lost.
    let lone = sparkline(&[Some(1.0), None, Some(2.0), None], &[], 80, 20);
    assert_eq!(lone.matches("class=\"spark-point\"").count(), 2);
    assert!(sparkline(&[None, None], &labels, 80, 20).contains("No data to chart"));
}

#[test]
fn histogram_heights_follow_counts() {
    let svg = histogram(&sample_bins(), "Sales cycle length");
    assert_eq!(svg.matches("<rect").count(), 3, "empty bucket draws no bar");
    assert!(svg.contains("Sales cycle length (20 in all): &lt; 1 month 3, 1-3 months 11"));
}

#[test]
fn diverging_bars_sit_either_side_of_the_centre() {
    let svg = diverging_bar(&sample_diverging());
    let (left, right) = (
        rect_widths(&svg, "bar bar-left"),
        rect_widths(&svg, "bar bar-right"),
    );
    assert_eq!((left.len(), right.len()), (2, 3));
    assert!((right[0] / left[1] - 0.55 / 0.4).abs() < 0.01);
}

#[test]
fn long_side_headings_wrap_and_plain_sides_are_not_news_coloured() {
    let opts = DivergingOpts {
        title: s("Objections and questions"),
        left_label: s("Questions prospects ask"),
        right_label: s("Objections prospects raise"),
        news: false,
        ..DivergingOpts::default()
    };
    let svg = diverging_bar_with(&sample_diverging(), &opts);
    assert!(svg.contains(">Objections prospects</text>"), "{svg}");
    assert!(svg.contains(">raise</text>"), "{svg}");
    assert!(
        !svg.contains("bar-left") && !svg.contains("#d55e00"),
        "no bad-news colour"
    );
    assert_eq!(rect_widths(&svg, "bar bar-a").len(), 2);
}

#[test]
fn snapshot_bar_chart() {
    let opts = BarOpts {
        title: s("Objections"),
        ..BarOpts::default()
    };
    insta::assert_snapshot!(bar_chart(&sample_bars(), &opts));
}

#[test]
fn snapshot_histogram() {
    insta::assert_snapshot!(histogram(&sample_bins(), "Sales cycle length"));
}

#[test]
fn snapshot_sparkline() {
    let (values, labels) = sample_spark();
    insta::assert_snapshot!(sparkline_fmt(&values, &labels, 120, 24, &percent));
}

#[test]
fn snapshot_diverging() {
    let opts = DivergingOpts {
        title: s("Where we win and lose"),
        left_label: s("We lose"),
        right_label: s("We win"),
        width: 640,
        news: true,
    };
    insta::assert_snapshot!(diverging_bar_with(&sample_diverging(), &opts));
}

proptest! {
    #[test]
    fn any_input_gives_well_formed_svg(
        labels in prop::collection::vec(any::<String>(), 0..6),
        values in prop::collection::vec(any::<f64>(), 6),
        counts in prop::collection::vec(0usize..1000, 6),
    ) {
        let bars: Vec<Bar> = labels.iter().zip(&values).zip(&counts)
            .map(|((l, v), c)| bar(l, *v, *c, Some(l.as_str()))).collect();
        assert_well_formed(&bar_chart(&bars, &BarOpts::default()));
        let bins: Vec<(String, usize)> = labels.iter().cloned().zip(counts.clone()).collect();
        assert_well_formed(&histogram(&bins, labels.first().map_or("", |l| l)));
        let spark: Vec<Option<f64>> = values.iter().map(|v| (*v > 0.0).then_some(*v)).collect();
        assert_well_formed(&sparkline(&spark, &labels, 100, 20));
        let rows: Vec<(String, f64, f64)> = labels.iter().zip(&values)
            .map(|(l, v)| (l.clone(), *v, -*v)).collect();
        assert_well_formed(&diverging_bar(&rows));
    }
}

/// The y coordinates of a chart's polyline.
fn line_ys(svg: &str) -> Vec<f64> {
    let at = svg.find("points=\"").expect("a line") + 8;
    svg[at..]
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
        .collect()
}

#[test]
fn trend_lines_share_one_0_to_100_axis_and_days_get_their_own() {
    let q = vec![s("2026-Q2"), s("2026-Q3")];
    let big = trend_line(&[Some(0.23), Some(0.70)], &q, TrendAxis::Share);
    let small = trend_line(&[Some(0.23), Some(0.30)], &q, TrendAxis::Share);
    for svg in [&big, &small] {
        assert!(
            svg.contains(">100%</text>") && svg.contains(">0%</text>"),
            "{svg}"
        );
    }
    assert!(big.contains(">2026-Q2 23%</text>") && big.contains(">2026-Q3 70%</text>"));
    // The same scale: a 47-point rise climbs about seven times as far as a
    // 7-point one, and both start at the same height.
    let (b, m) = (line_ys(&big), line_ys(&small));
    assert_eq!(b[0], m[0]);
    let ratio = (b[0] - b[1]) / (m[0] - m[1]);
    assert!((ratio - 47.0 / 7.0).abs() < 0.5, "{ratio}");
    let days = trend_line(&[Some(90.0), Some(82.0)], &q, TrendAxis::Days);
    assert!(
        days.contains(">90</text>") && days.contains(">0</text>"),
        "{days}"
    );
    assert!(days.contains(">2026-Q3 82 days</text>"));
    assert!(days.contains(
        "aria-label=\"Trend on a scale of 0 to 90 days: 2026-Q2 90 days, 2026-Q3 82 days\""
    ));
}

#[test]
fn the_days_axis_tops_out_at_a_round_number() {
    let q = vec![s("a"), s("b")];
    for (max, top) in [
        (25.0, ">30</text>"),
        (82.0, ">90</text>"),
        (320.0, ">330</text>"),
        (400.0, ">450</text>"),
    ] {
        let svg = trend_line(&[Some(max / 2.0), Some(max)], &q, TrendAxis::Days);
        assert!(svg.contains(top), "{max}: {svg}");
    }
}
