//! The few SVG building blocks every chart shares: XML escaping, fixed
//! number formatting (so output is byte-stable), text-width estimates and
//! the `<svg>` wrapper with its accessible summary.

use std::fmt::Write;

/// Font size in px; the width estimates below assume it. Charts are drawn
/// at most [`MAX_WIDTH`] wide and shrink to fit a phone (343 px of a 375 px
/// screen): 13 px x 343 / 400 keeps every label at 11 px or more.
pub(super) const FONT_PX: f64 = 13.0;

/// The widest a chart is drawn, in px.
pub const MAX_WIDTH: f64 = 400.0;

/// The narrowest screen the charts must read on, less the page margins.
pub const PHONE_WIDTH: f64 = 343.0;

/// The rendered font size of a chart `width` wide on a phone.
pub fn phone_font_px(width: f64) -> f64 {
    FONT_PX * (PHONE_WIDTH / width).min(1.0)
}

/// Advance of a glyph in em, from DejaVu Sans (the widest of the common
/// sans-serif fonts, and Chromium's on Linux): no font is loaded, so
/// layout can only estimate, and with these widths text set in Arial,
/// Helvetica, Roboto or Segoe UI takes less room than reserved, never more.
/// Narrow letters count as narrow, so "Features and functionality" fits
/// where a flat per-letter estimate cut it.
fn advance_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | '·' | '\'' => 0.32,
        'i' | 'j' | 'l' | 'I' | 'J' | '!' | '|' => 0.295,
        'f' | 't' | '/' | ':' | ';' | '-' | '(' | ')' | '[' | ']' => 0.392,
        'r' => 0.411,
        's' | 'z' | 'c' | '"' => 0.550,
        'k' | 'v' | 'x' | 'y' | 'L' => 0.592,
        'a' | 'b' | 'd' | 'e' | 'g' | 'h' | 'n' | 'o' | 'p' | 'q' | 'u' | 'F' | 'P' | 'T' => 0.635,
        '0'..='9' | 'E' | 'S' | 'Y' | '$' | '#' | '_' => 0.636,
        'A' | 'B' | 'C' | 'K' | 'R' | 'V' | 'X' | 'Z' => 0.698,
        'D' | 'G' | 'H' | 'N' | 'O' | 'Q' | 'U' | '&' => 0.787,
        'w' => 0.818,
        '+' | '=' | '<' | '>' | '~' => 0.838,
        'M' | '%' => 0.950,
        'm' | 'W' | '@' | '\u{2026}' => 1.0,
        // Other scripts, accented capitals, emoji: wide, to be safe.
        c if c.is_ascii() => 0.636,
        _ => 1.0,
    }
}

/// Default ink for text: near-black prints well and passes contrast checks.
pub(super) const TEXT_FILL: &str = "#222";

/// Escapes text for XML text and attribute values (`& < > " '`); control
/// characters, which XML forbids, become spaces.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal; non-finite becomes 0 and `-0.0` becomes
/// `0.0`, so equal geometry always prints the same bytes.
pub(super) fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{:.1}", x);
    if s == "-0.0" { "0.0".to_string() } else { s }
}

/// A share in 0..1 as a whole percentage ("62%"); "n/a" when not finite.
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_string();
    }
    let s = format!("{:.0}%", share * 100.0);
    if s == "-0%" { "0%".to_string() } else { s }
}

/// Estimated rendered width of `s` in px at [`FONT_PX`].
pub(super) fn text_width(s: &str) -> f64 {
    s.chars().map(advance_em).sum::<f64>() * FONT_PX
}

/// `s` cut to fit `px` (by the same estimate), with an ellipsis when cut.
pub(super) fn fit(s: &str, px: f64) -> String {
    if text_width(s) <= px {
        return s.to_string();
    }
    let room = px - advance_em('\u{2026}') * FONT_PX;
    let mut used = 0.0;
    let mut cut = String::new();
    for c in s.chars() {
        used += advance_em(c) * FONT_PX;
        if used > room {
            break;
        }
        cut.push(c);
    }
    if cut.trim().is_empty() {
        return String::new();
    }
    cut.truncate(cut.trim_end().len());
    cut.push('\u{2026}');
    cut
}

/// An SVG document being written; `finish` closes it.
pub(super) struct Svg {
    out: String,
}

impl Svg {
    /// Opens `<svg>` with `role="img"`, an `aria-label` and a `<title>`
    /// carrying `summary`, so screen readers and hover both get the numbers.
    pub(super) fn new(kind: &str, width: f64, height: f64, summary: &str) -> Self {
        let summary = escape(summary);
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg class=\"chart chart-{kind}\" role=\"img\" aria-label=\"{summary}\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"sans-serif\" font-size=\"{FONT_PX}\">\n<title>{summary}</title>\n",
            w = num(width),
            h = num(height),
        );
        Svg { out }
    }

    /// Appends one line of markup (already escaped by the caller).
    pub(super) fn push(&mut self, markup: &str) {
        self.out.push_str(markup);
        self.out.push('\n');
    }

    /// A `<text>` element; `anchor` is `start`, `middle` or `end`.
    pub(super) fn text(&mut self, class: &str, x: f64, y: f64, anchor: &str, text: &str) {
        self.push(&format!(
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"{TEXT_FILL}\">{}</text>",
            num(x),
            num(y),
            escape(text)
        ));
    }

    /// A filled `<rect>`; zero or negative sizes draw nothing.
    pub(super) fn rect(&mut self, class: &str, fill: &str, x: f64, y: f64, w: f64, h: f64) {
        if w > 0.0 && h > 0.0 {
            self.push(&format!(
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
                num(x),
                num(y),
                num(w),
                num(h)
            ));
        }
    }

    /// A 1px `<line>` (axes, centre lines).
    pub(super) fn line(&mut self, class: &str, x1: f64, y1: f64, x2: f64, y2: f64) {
        self.push(&format!(
            "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\" stroke-width=\"1\"/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        ));
    }

    /// Opens a group whose `<title>` (hover text) is `title`.
    pub(super) fn group(&mut self, class: &str, title: &str) {
        self.push(&format!(
            "<g class=\"{class}\"><title>{}</title>",
            escape(title)
        ));
    }

    pub(super) fn end_group(&mut self) {
        self.push("</g>");
    }

    pub(super) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// What every chart draws when given nothing: a visible, honest note rather
/// than an empty box.
pub(super) fn empty_chart(kind: &str, summary: &str) -> String {
    let mut svg = Svg::new(kind, 320.0, 24.0, &format!("{summary}: no data"));
    svg.text("empty", 4.0, 16.0, "start", "No data to chart");
    svg.finish()
}
