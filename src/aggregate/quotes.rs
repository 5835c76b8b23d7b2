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
    let mut out = vec![];
    for i in crate::normalize::typical(&texts, texts.len()) {
        let (r, text) = members[i];
        if seen_respondents.contains(&r) {
            continue;
        }
        seen_respondents.push(r);
        out.push(redact(text, &names));
        if out.len() == ctx.settings.quotes_per_theme {
            break;
        }
    }
    out
}
