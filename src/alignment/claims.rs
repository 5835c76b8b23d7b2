//! The messaging file into claims: its visible text as blocks (headings,
//! paragraphs, list items, table cells), each block split into sentences.
//! A claim is one sentence or one bullet, as a reader meets it.
//!
//! A saved web page is parsed with `scraper` (html5ever's spec-compliant
//! parser, the one Servo uses), not with patterns: real pages carry
//! unclosed `<p>`s, comments with markup inside, inline scripts holding
//! `"</div>"` strings and entities, which only a real parser reads the way
//! a browser shows them. Scripts, styles, templates, the navigation, the
//! page header and footer, and hidden elements are not messaging and are
//! left out. Markdown goes through pulldown-cmark, the renderer already in
//! the tree; plain text is split on blank lines and bullets.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Node};
use std::path::Path;

/// How the messaging file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessagingFormat {
    Html,
    Markdown,
    Text,
}

impl MessagingFormat {
    /// By the file's extension, else by a look at its start.
    pub fn detect(path: &Path, text: &str) -> MessagingFormat {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let head = text
            .trim_start()
            .get(..15)
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => MessagingFormat::Html,
            "md" | "markdown" => MessagingFormat::Markdown,
            _ if head.starts_with("<!doctype html") || head.starts_with("<html") => {
                MessagingFormat::Html
            }
            _ => MessagingFormat::Text,
        }
    }
}

/// Elements whose text a reader of the page does not take as messaging.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "head", "svg", "iframe",
    "button", "form",
];

/// Elements that end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "div",
    "section",
    "article",
    "blockquote",
    "dd",
    "dt",
    "figcaption",
    "br",
    "tr",
    "ul",
    "ol",
    "main",
    "aside",
    "summary",
];

/// The visible text blocks of the file, in reading order.
pub fn extract_text(text: &str, format: MessagingFormat) -> Vec<String> {
    let blocks = match format {
        MessagingFormat::Html => html_blocks(text),
        MessagingFormat::Markdown => markdown_blocks(text),
        MessagingFormat::Text => text_blocks(text),
    };
    blocks
        .into_iter()
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect()
}

fn html_blocks(text: &str) -> Vec<String> {
    let doc = Html::parse_document(text);
    let mut blocks = vec![String::new()];
    walk(doc.root_element(), &mut blocks);
    blocks
}

fn walk(el: ElementRef, blocks: &mut Vec<String>) {
    let name = el.value().name();
    let hidden =
        el.value().attr("hidden").is_some() || el.value().attr("aria-hidden") == Some("true");
    if SKIPPED.contains(&name) || hidden {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block {
        blocks.push(String::new());
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                if let Some(last) = blocks.last_mut() {
                    last.push_str(t);
                }
            }
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    walk(e, blocks);
                }
            }
            _ => {}
        }
    }
    if block {
        blocks.push(String::new());
    }
}

fn markdown_blocks(text: &str) -> Vec<String> {
    let mut blocks = vec![String::new()];
    let mut in_code = false;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            )
            | Event::HardBreak => blocks.push(String::new()),
            Event::Text(t) | Event::Code(t) if !in_code => {
                if let Some(last) = blocks.last_mut() {
                    last.push_str(&t);
                }
            }
            Event::SoftBreak => {
                if let Some(last) = blocks.last_mut() {
                    last.push(' ');
                }
            }
            _ => {}
        }
    }
    blocks
}

fn text_blocks(text: &str) -> Vec<String> {
    let mut blocks = vec![String::new()];
    for line in text.lines() {
        let t = line.trim();
        let bullet = t
            .strip_prefix(['-', '*', '•', '–'])
            .or_else(|| numbered(t))
            .map(str::trim);
        match bullet {
            _ if t.is_empty() => blocks.push(String::new()),
            Some(item) => {
                blocks.push(item.to_string());
                blocks.push(String::new());
            }
            None => {
                if let Some(last) = blocks.last_mut() {
                    last.push(' ');
                    last.push_str(t);
                }
            }
        }
    }
    blocks
}

/// "1. Fast setup" / "2) ..." -> the item.
fn numbered(t: &str) -> Option<&str> {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    t[digits..].strip_prefix(['.', ')'])
}

/// Claims: each block split into sentences; a claim of fewer than two
/// words ("Pricing", "Learn more") is a label, not a claim.
pub fn claims_of(blocks: &[String]) -> Vec<String> {
    blocks
        .iter()
        .flat_map(|b| sentences(b))
        .filter(|s| s.split_whitespace().count() >= 2)
        .collect()
}

/// Splits at `.`, `!` or `?` followed by a space and a capital letter or
/// a digit, so "SOC 2 Type II." ends a sentence and "e.g. SSO" or "v2.1"
/// do not.
fn sentences(block: &str) -> Vec<String> {
    let chars: Vec<char> = block.chars().collect();
    let mut out = vec![];
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        cur.push(c);
        let end = matches!(c, '.' | '!' | '?')
            && chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
        let abbreviation = cur.ends_with("e.g.") || cur.ends_with("i.e.") || cur.ends_with("vs.");
        if end && !abbreviation {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_visible_text_only() {
        let page = r#"<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>
<script>var s = "</div><p>Fake claim inside a script.</p>";</script></head>
<body><header><nav><a href="/">Home</a> <a>Pricing</a></nav></header>
<main><h1>Analytics your auditors trust</h1>
<p>SOC 2 Type II certified. Your data stays in the EU.<p>Set up in a day
<ul><li>Dashboards in minutes</li><li hidden>Secret roadmap item here</li></ul>
<!-- <p>A commented-out claim here.</p> --></main>
<footer>Copyright 2026 Northwind Software</footer></body></html>"#;
        let blocks = extract_text(page, MessagingFormat::Html);
        let claims = claims_of(&blocks);
        assert_eq!(
            claims,
            [
                "Analytics your auditors trust",
                "SOC 2 Type II certified.",
                "Your data stays in the EU.",
                "Set up in a day",
                "Dashboards in minutes",
            ]
        );
    }

    #[test]
    fn markdown_and_text_split_into_sentences_and_bullets() {
        let md = "# Why Northwind\n\nFast to deploy, e.g. SSO in an hour. Fair pricing!\n\n- Open API\n- Pricing\n\n```\ncode block text\n```\n";
        let claims = claims_of(&extract_text(md, MessagingFormat::Markdown));
        assert_eq!(
            claims,
            [
                "Why Northwind",
                "Fast to deploy, e.g. SSO in an hour.",
                "Fair pricing!",
                "Open API"
            ]
        );
        let txt = "Our promise\nis simple.\n\n1. Live in 30 days\n• No hidden fees\n";
        let claims = claims_of(&extract_text(txt, MessagingFormat::Text));
        assert_eq!(
            claims,
            [
                "Our promise is simple.",
                "Live in 30 days",
                "No hidden fees"
            ]
        );
    }

    #[test]
    fn format_by_extension_then_content() {
        let p = Path::new;
        assert_eq!(
            MessagingFormat::detect(p("page.HTM"), "x"),
            MessagingFormat::Html
        );
        assert_eq!(
            MessagingFormat::detect(p("page.txt"), "  <!DOCTYPE html><html>"),
            MessagingFormat::Html
        );
        assert_eq!(
            MessagingFormat::detect(p("m.md"), "# x"),
            MessagingFormat::Markdown
        );
        assert_eq!(MessagingFormat::detect(p("m"), "x"), MessagingFormat::Text);
    }
}
