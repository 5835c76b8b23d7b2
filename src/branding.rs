//! The briefing's identity, resolved from the `[report]` table of the
//! config: title, company, accent colour, logo and team size, checked
//! before any export is read so that a bad colour or logo stops the run at
//! once with the key to fix.
//!
//! The logo's bytes are handed in by the caller (only the CLI reads
//! files); here they are recognised by their content, never by the file
//! name, limited in size and turned into a `data:` URI, so the HTML report
//! stays one offline file. SVG logos are *refused*, not rewritten, when
//! they hold anything active (script, event handlers, external
//! references): a partial sanitiser is easy to get wrong, and a logo
//! exported by a design tool rarely needs any of it. See docs/config.md.

use serde::Serialize;

/// The largest logo accepted, in bytes: the report is mailed around, and a
/// logo is a small mark, not a photograph.
pub const MAX_LOGO_BYTES: usize = 200 * 1024;

/// What the renderers need to brand a briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Branding {
    /// The report's title (always set: the config's or the default).
    pub title: String,
    /// The company the briefing is for, when configured.
    pub company: Option<String>,
    /// The accent colour, `#rrggbb` (a `#rgb` setting is expanded).
    pub accent: Option<String>,
    /// The accent for text and lines on the light page: the same hue,
    /// darkened until it has at least 4.5:1 contrast (WCAG AA) on it.
    pub accent_on_light: Option<String>,
    /// The accent for text and lines in dark mode: the same hue, lightened
    /// until it has at least 4.5:1 contrast on the dark page.
    pub accent_on_dark: Option<String>,
    /// The logo, ready for `<img src="...">`.
    pub logo: Option<Logo>,
    /// Sales reps asked to answer: the response rate is respondents over
    /// this. Not a look, but it travels with the report's identity.
    pub team_size: Option<usize>,
}

/// An embedded logo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Logo {
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    pub mime: &'static str,
    /// `data:<mime>;base64,...`
    pub data_uri: String,
    /// The file's size in bytes.
    pub bytes: usize,
}

/// Why a logo was not accepted; the caller adds the file and config key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error(
        "the logo is {size} bytes; the limit is {limit} bytes (200 KB). Export a smaller PNG (a few hundred pixels wide is plenty) or an SVG"
    )]
    TooLarge { size: usize, limit: usize },
    #[error(
        "the logo is not a PNG, JPEG or SVG file (its content decides, not its name). Save it as one of those"
    )]
    UnknownFormat,
    #[error(
        "the SVG logo contains {found}, which could run script or load something from the network when the report is opened; it is refused rather than rewritten. Export a plain SVG (no scripts, links, animations or embedded HTML) or a PNG"
    )]
    ActiveSvg { found: String },
}

/// Checks an accent colour (`#rgb` or `#rrggbb`) and writes it `#rrggbb`
/// in lower case, so that templates can rely on one form.
pub fn parse_accent(text: &str) -> Option<String> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// The backgrounds accent-coloured text sits on in the built-in
/// stylesheet: the light page's tinted boxes and the dark page's (each the
/// harder of its mode's page and box colours).
pub const LIGHT_BACKGROUND: &str = "#f3f5f9";
pub const DARK_BACKGROUND: &str = "#1e2430";
/// WCAG AA contrast for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// `accent` (`#rrggbb`) mixed towards black (on a light background) or
/// white (on a dark one) in 5% steps until text in it has
/// [`MIN_CONTRAST`] on `background`; unchanged when it already has. A
/// user's pale yellow stays yellowish on a white page but readable.
pub fn readable_on(accent: &str, background: &str) -> String {
    let (Some(fg), Some(bg)) = (rgb(accent), rgb(background)) else {
        return accent.to_string();
    };
    let target = if luminance(bg) > 0.5 {
        [0.0; 3]
    } else {
        [255.0; 3]
    };
    let mut c = fg;
    for step in 1..=20 {
        if contrast(c, bg) >= MIN_CONTRAST {
            break;
        }
        let t = f64::from(step) / 20.0;
        c = std::array::from_fn(|i| fg[i] + (target[i] - fg[i]) * t);
    }
    format!(
        "#{:02x}{:02x}{:02x}",
        c[0].round() as u8,
        c[1].round() as u8,
        c[2].round() as u8
    )
}

fn rgb(hex: &str) -> Option<[f64; 3]> {
    let h = hex.strip_prefix('#').filter(|h| h.len() == 6)?;
    let part = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok().map(f64::from);
    Some([part(0)?, part(2)?, part(4)?])
}

/// Relative luminance (WCAG 2).
fn luminance(c: [f64; 3]) -> f64 {
    let lin = |v: f64| {
        let v = v / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The contrast ratio of two colours, 1..21.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    Some(contrast(rgb(a)?, rgb(b)?))
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Recognises, checks and embeds a logo.
pub fn embed_logo(bytes: &[u8]) -> Result<Logo, LogoError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge {
            size: bytes.len(),
            limit: MAX_LOGO_BYTES,
        });
    }
    let mime = sniff(bytes).ok_or(LogoError::UnknownFormat)?;
    if mime == "image/svg+xml" {
        // sniff() only says SVG for valid UTF-8.
        check_svg(std::str::from_utf8(bytes).unwrap_or_default())?;
    }
    Ok(Logo {
        mime,
        data_uri: format!("data:{mime};base64,{}", base64(bytes)),
        bytes: bytes.len(),
    })
}

/// The image type by magic bytes; SVG when the text opens (after an XML
/// declaration, doctype-free prolog and comments) with an `<svg` element.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->")?.1.trim_start();
        } else {
            break;
        }
    }
    let svg = rest.get(..4)?.eq_ignore_ascii_case("<svg")
        && rest[4..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/');
    svg.then_some("image/svg+xml")
}

/// Refuses an SVG with anything active in it. Numeric character
/// references are decoded first, so `&#106;avascript:` is caught too.
fn check_svg(text: &str) -> Result<(), LogoError> {
    let folded: String = decode_char_refs(text)
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == ' ' || *c == '\t')
        .collect::<String>()
        .to_lowercase();
    let refuse = |found: &str| {
        Err(LogoError::ActiveSvg {
            found: found.to_string(),
        })
    };
    for (needle, what) in [
        ("<script", "a <script> element"),
        ("<foreignobject", "a <foreignObject> (embedded HTML)"),
        ("<iframe", "an <iframe>"),
        ("<embed", "an <embed>"),
        ("<object", "an <object>"),
        ("<set", "a <set> animation (it can rewrite links)"),
        ("<animate", "an animation (it can rewrite links)"),
        ("<!doctype", "a DOCTYPE (entities can hide content)"),
        ("<!entity", "an entity declaration"),
        ("@import", "a CSS @import"),
        ("javascript:", "a javascript: link"),
    ] {
        if folded.contains(needle) {
            return refuse(what);
        }
    }
    if let Some(attr) = event_handler(&folded) {
        return refuse(&format!("an event handler ({attr}=)"));
    }
    if has_external_reference(&folded) {
        return refuse("a link or url() to something outside the file");
    }
    Ok(())
}

/// An `on...=` attribute (onload, onclick, ...), if any.
fn event_handler(folded: &str) -> Option<String> {
    let b = folded.as_bytes();
    let mut i = 0;
    while let Some(at) = folded[i..].find("on") {
        let start = i + at;
        i = start + 2;
        if start == 0 || !b[start - 1].is_ascii_whitespace() && b[start - 1] != b'/' {
            continue;
        }
        let name_end = start
            + 2
            + folded[start + 2..]
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(folded.len() - start - 2);
        if name_end > start + 2 && folded[name_end..].trim_start().starts_with('=') {
            return Some(folded[start..name_end].to_string());
        }
    }
    None
}

/// `href`/`xlink:href` or `url(...)` pointing anywhere but inside the file
/// (`#id`) or at an embedded PNG or JPEG (design tools embed bitmaps so;
/// an embedded SVG is refused, as it would escape these checks).
fn has_external_reference(folded: &str) -> bool {
    let after_href = folded.match_indices("href").filter_map(|(i, _)| {
        let rest = folded[i + 4..].trim_start().strip_prefix('=')?;
        Some(
            rest.trim_start()
                .trim_start_matches(['"', '\''])
                .trim_start(),
        )
    });
    let after_url = folded.match_indices("url(").map(|(i, _)| {
        folded[i + 4..]
            .trim_start()
            .trim_start_matches(['"', '\''])
            .trim_start()
    });
    let inside = |v: &str| {
        v.starts_with('#') || v.starts_with("data:image/png") || v.starts_with("data:image/jpeg")
    };
    after_href.chain(after_url).any(|v| !inside(v))
}

/// `&#NN;` and `&#xHH;` decoded; anything else left as it is.
fn decode_char_refs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let (digits, radix) = match tail.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (tail, 10),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        let decoded = u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32);
        match decoded {
            Some(c) if len > 0 => {
                out.push(c);
                let consumed = tail.len() - digits.len() + len;
                rest = tail[consumed..]
                    .strip_prefix(';')
                    .unwrap_or(&tail[consumed..]);
            }
            _ => {
                out.push_str("&#");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Standard base64 with padding (RFC 4648): twenty lines do not earn a
/// dependency.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "branding_tests.rs"]
mod tests;
