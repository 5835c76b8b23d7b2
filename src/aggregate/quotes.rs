//! Picking the quotes shown for a theme: confidently coded items first
//! (one theme, coded by a rule), then the most typical, redacted, stripped
//! of markup, each respondent once, and never a quote already shown under
//! another theme of the same question.

use super::Context;
use crate::normalize::redact::redact;
use crate::snapshot::Quote;
use std::collections::{BTreeMap, BTreeSet};

/// A quote candidate: one coded item of one respondent.
#[derive(Debug, Clone)]
pub(super) struct Candidate<'a> {
    pub respondent: usize,
    pub text: &'a str,
    /// How sure the coding is that the item belongs to the theme, 0..1.
    pub confidence: f64,
}

/// Items at least this confident are preferred over any less confident one.
const CONFIDENT: f64 = 0.99;

/// How sure the coding is of one item's theme. Today a rule either matches
/// or not, so an item coded with a single theme is certain (1.0) and one
/// with several is shared between them (1/n). When the coder reports a
/// per-theme confidence, it replaces this estimate; the picker only needs
/// the number.
pub(super) fn confidence(themes_on_item: usize) -> f64 {
    1.0 / themes_on_item.max(1) as f64
}

/// What the quotes of one question have used so far, so that no quote
/// shows under two themes.
#[derive(Debug, Default)]
pub(super) struct Used {
    texts: BTreeSet<String>,
}

/// Up to `quotes_per_theme` quotes from `members`: confident items before
/// less confident ones, the most typical first within each; redacted,
/// markup stripped, tagged with the segment value in `tags` when given.
pub(super) fn pick(
    ctx: &Context,
    members: &[Candidate],
    tags: &BTreeMap<usize, String>,
    used: &mut Used,
) -> Vec<Quote> {
    let texts: Vec<&str> = members.iter().map(|m| m.text).collect();
    let names: Vec<&str> = ctx.names.iter().map(String::as_str).collect();
    let order = crate::normalize::typical(&texts, texts.len());
    // A stable partition: confident items first, typicality order kept.
    let (sure, unsure): (Vec<usize>, Vec<usize>) = order
        .into_iter()
        .partition(|&i| members[i].confidence >= CONFIDENT);
    let mut seen_respondents = BTreeSet::new();
    let mut out = vec![];
    for i in sure.into_iter().chain(unsure) {
        let m = &members[i];
        let text = redact(&clean(m.text), &names);
        let folded = crate::normalize::fold::fold(&text);
        // One quote per rep, the same words only once, and nothing
        // without words left after stripping markup.
        if text.is_empty()
            || seen_respondents.contains(&m.respondent)
            || used.texts.contains(&folded)
        {
            continue;
        }
        seen_respondents.insert(m.respondent);
        used.texts.insert(folded);
        out.push(Quote {
            text,
            confidence: crate::snapshot::round4(m.confidence),
            segment: tags.get(&m.respondent).cloned(),
        });
        if out.len() == ctx.settings.quotes_per_theme {
            break;
        }
    }
    out
}

/// A quote as a reader should see it: HTML tags, Markdown emphasis, code
/// marks, table bars and heading or quote markers removed, links reduced to
/// their text, whitespace collapsed, and surrounding quotation marks
/// dropped (the report adds its own).
pub fn clean(text: &str) -> String {
    let no_tags = strip_tags(text);
    let no_links = strip_links(&no_tags);
    let mut s: String = no_links
        .chars()
        .map(|c| match c {
            '|' => ' ',
            '`' => ' ',
            c => c,
        })
        .collect();
    for mark in ["**", "__", "~~"] {
        s = s.replace(mark, "");
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_start_matches(['#', '>', ' ']).trim();
    unquote(s)
}

/// Removes `<...>` tags (up to 80 characters, no nested `<`), keeping the
/// text between them: `<b>enterprise</b>` reads "enterprise".
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('>') {
            Some(close)
                if close <= 80
                    && !after[..close].contains('<')
                    && after[..close]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
            {
                out.push(' ');
                rest = &after[close + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `[text](target)` and `![text](target)` become `text`.
fn strip_links(text: &str) -> String {
    let re = link_pattern();
    re.replace_all(text, "$1").into_owned()
}

fn link_pattern() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("link pattern"))
}

/// The report puts each quote in quotation marks; an item a rep already
/// wrote in quotes would otherwise show doubled marks.
fn unquote(text: &str) -> String {
    let t = text.trim();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close))
            && !inner.contains([open, close])
        {
            return inner.trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::{clean, confidence, unquote};

    #[test]
    fn surrounding_quotes_are_dropped_once() {
        assert_eq!(
            unquote("\"we're fine with excel\""),
            "we're fine with excel"
        );
        assert_eq!(unquote("“too pricey”"), "too pricey");
        assert_eq!(unquote("\"a\" and \"b\""), "\"a\" and \"b\"");
        assert_eq!(unquote("plain"), "plain");
    }

    #[test]
    fn markup_is_stripped_and_text_kept() {
        assert_eq!(clean("<b>enterprise</b> wants SSO"), "enterprise wants SSO");
        assert_eq!(clean("| pricing | case studies |"), "pricing case studies");
        assert_eq!(clean("**show prices**"), "show prices");
        assert_eq!(clean("# Heading text"), "Heading text");
        assert_eq!(
            clean("see [our page](http://x.example) now"),
            "see our page now"
        );
        assert_eq!(clean("`code` and ~~old~~"), "code and old");
        // A lone comparison is not a tag.
        assert_eq!(clean("deals < 30 days > none"), "deals < 30 days > none");
    }

    #[test]
    fn a_single_theme_is_confident_several_are_shared() {
        assert_eq!(confidence(1), 1.0);
        assert_eq!(confidence(2), 0.5);
        assert_eq!(confidence(0), 1.0);
    }
}
