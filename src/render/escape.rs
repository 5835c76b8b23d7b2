//! Escaping survey text for Markdown, so that nothing a respondent typed is
//! ever interpreted as formatting, a link or HTML.

use std::collections::HashMap;
use tera::{Result as TeraResult, Value};

/// Text safe to put in a Markdown paragraph, list item or table cell:
/// line breaks become spaces, and every character that could start
/// formatting, a link, HTML, an entity or a table cell is backslash-escaped.
pub fn md_escape(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    let mut out = String::with_capacity(one_line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '$'
        );
        // An underscore inside a word ("google_forms") never makes
        // emphasis; only one at a word's edge needs escaping.
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let edge_underscore = c == '_' && !(word(i.checked_sub(1)) && word(Some(i + 1)));
        // A leading list marker or a digit run followed by `.` / `)` would
        // start a list; escaping the first character is enough.
        let leading = i == 0 && matches!(c, '-' | '+' | '=');
        if special || edge_underscore || leading || breaks_autolink(&chars, i) {
            out.push('\\');
        }
        out.push(c);
    }
    escape_ordered_marker(out)
}

/// GitHub turns `www.`, `scheme://` and `name@host` into live links even
/// in plain text; a backslash before the `.` of `www.`, the `:` of `://`
/// and every `@` keeps them text (the escape splits the text node the
/// autolinker scans, and renders as the character itself).
fn breaks_autolink(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let at = |j: usize| chars.get(j).map(|c| c.to_ascii_lowercase());
    match c {
        '@' => true,
        ':' => at(i + 1) == Some('/') && at(i + 2) == Some('/'),
        '.' => {
            i >= 3
                && (at(i - 3), at(i - 2), at(i - 1)) == (Some('w'), Some('w'), Some('w'))
                && (i == 3 || !chars[i - 4].is_alphanumeric())
        }
        _ => false,
    }
}

/// "1. foo" or "1) foo" at the start would become an ordered list.
fn escape_ordered_marker(s: String) -> String {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    match s[digits..].chars().next() {
        Some('.') | Some(')') if digits > 0 => format!("{}\\{}", &s[..digits], &s[digits..]),
        _ => s,
    }
}

pub(super) fn md_filter(value: &Value, _: &HashMap<String, Value>) -> TeraResult<Value> {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(Value::String(md_escape(&text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser, Tag};

    /// Every event of the escaped text rendered as a list item is plain
    /// text: no emphasis, link, code, HTML or nested block.
    fn only_text(input: &str) {
        let md = format!("- {}\n", md_escape(input));
        for ev in Parser::new_ext(&md, pulldown_cmark::Options::all()) {
            match ev {
                Event::Text(_) | Event::SoftBreak => {}
                Event::Start(Tag::List(_)) | Event::End(pulldown_cmark::TagEnd::List(_)) => {}
                Event::Start(Tag::Item) | Event::End(pulldown_cmark::TagEnd::Item) => {}
                Event::Start(Tag::Paragraph) | Event::End(pulldown_cmark::TagEnd::Paragraph) => {}
                other => panic!("{input:?} produced {other:?} in {md:?}"),
            }
        }
    }

    #[test]
    fn survey_text_is_never_interpreted() {
        for s in [
            "<b>bold</b> and <script>alert(1)</script>",
            "**markdown** _em_ `code` ~~strike~~",
            "[a link](http://x.example) ![img](y.png)",
            "| pipes | in | text |",
            "1. numbered\n2. list",
            "- dash start",
            "# heading",
            "> quote",
            "&amp; entities &lt;",
            "price\\ backslash",
            "snake_case_word and _edge_ and __bold__",
            "!\\[not an image\\](x.png) wow!",
            "$math$ and {{ tera }}",
            "=cmd",
            "see www.acme.example or https://acme.example/x and ftp://h",
            "mail jo@acme.example",
        ] {
            only_text(s);
        }
    }

    #[test]
    fn autolink_triggers_are_escaped() {
        assert_eq!(md_escape("www.acme.example"), "www\\.acme.example");
        assert_eq!(md_escape("https://x.example"), "https\\://x.example");
        assert_eq!(md_escape("jo@acme.example"), "jo\\@acme.example");
        assert_eq!(md_escape("awww.x and 10.5"), "awww.x and 10.5");
    }

    #[test]
    fn ordinary_text_reads_the_same() {
        assert_eq!(
            md_escape("3-6 months, about 90 days"),
            "3-6 months, about 90 days"
        );
        assert_eq!(md_escape("price\nsecurity"), "price security");
    }
}
