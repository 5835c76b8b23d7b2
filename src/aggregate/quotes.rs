//! Picking the quotes shown for a theme: the most typical items, redacted,
//! each respondent at most once.

use super::Context;
use crate::normalize::redact::redact;

/// Up to `quotes_per_theme` redacted quotes from `members` (respondent,
/// item text), preferring items central to the group.
pub(super) fn pick(ctx: &Context, members: &[(usize, &str)]) -> Vec<String> {
    let texts: Vec<&str> = members.iter().map(|m| m.1).collect();
    let names: Vec<&str> = ctx.names.iter().map(String::as_str).collect();
    let mut seen_respondents = vec![];
    let mut seen_texts: Vec<String> = vec![];
    let mut out = vec![];
    for i in crate::normalize::typical(&texts, texts.len()) {
        let (r, text) = members[i];
        // One quote per rep, and the same words only once.
        let folded = crate::normalize::fold::fold(text);
        if seen_respondents.contains(&r) || seen_texts.contains(&folded) {
            continue;
        }
        seen_respondents.push(r);
        seen_texts.push(folded);
        out.push(unquote(&redact(text, &names)));
        if out.len() == ctx.settings.quotes_per_theme {
            break;
        }
    }
    out
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
    use super::unquote;

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
}
