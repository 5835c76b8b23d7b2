//! Inline SVG charts (placeholder until the charts module lands).

/// One bar: a label and a share of respondents.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub count: usize,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct BarOpts {
    pub title: String,
}

pub fn bar_chart(rows: &[Bar], _opts: &BarOpts) -> String {
    let mut s = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">");
    for (i, r) in rows.iter().enumerate() {
        s.push_str(&format!(
            "<rect y=\"{}\" width=\"{:.1}\" height=\"16\"/>",
            i * 22,
            r.value * 300.0
        ));
    }
    s.push_str("</svg>");
    s
}

pub fn sparkline(values: &[Option<f64>], _labels: &[String], width: u32, height: u32) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\"><title>{}</title></svg>",
        values.len()
    )
}
