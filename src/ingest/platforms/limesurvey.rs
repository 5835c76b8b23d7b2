//! LimeSurvey: "Export responses -> CSV" (every field quoted; `id,Completed,
//! Last page seen,Start language,Token,Date last action,Date started,IP
//! address`; coded headers like `Q01 [SQ001]` and `[other]` columns;
//! `Completed` empty for unfinished responses; `N/A` for skipped options)
//! and the "R (data file)" CSV (BOM, CRLF, full-text headers, `Date
//! submitted`, timing columns). With "Export questions as: Question code &
//! question text" every header is `code<separator>text` (`submitdate. Date
//! submitted`, `Q02[SQ001]. Which tools? [CRM]`); the separator is the
//! user's choice, so it is read off the bookkeeping columns.

use super::{Head, Spec, count, lookup_prefixed};
use crate::ingest::Platform;
use crate::ingest::layout::{
    Field, Known, Layout, Member, MemberKind, group_brackets, one_per_column,
};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::LimeSurvey,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("id", Known::ResponseId),
    ("response id", Known::ResponseId),
    ("completed", Known::CompletedMark),
    ("submitdate", Known::CompletedMark),
    ("date submitted", Known::CompletedMark),
    ("date last action", Known::Submitted),
    ("datestamp", Known::Submitted),
    ("last page seen", Known::Meta),
    ("last page", Known::Meta),
    ("lastpage", Known::Meta),
    ("start language", Known::Meta),
    ("startlanguage", Known::Meta),
    ("token", Known::PersonId),
    ("date started", Known::OtherTime),
    ("startdate", Known::OtherTime),
    ("ip address", Known::Ip),
    ("ipaddr", Known::Ip),
    ("seed", Known::Meta),
    ("refurl", Known::Meta),
    ("referrer url", Known::Meta),
    ("total time", Known::Meta),
    ("interviewtime", Known::Meta),
    ("group time:*", Known::Meta),
    ("question time:*", Known::Meta),
    ("grouptime*", Known::Meta),
    ("filecount - *", Known::Meta),
];

/// The codes of LimeSurvey's own columns, as "Question code" headings
/// name them.
const CODES: &[&str] = &[
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "token",
];

fn score(head: &Head) -> u32 {
    if let Some(sep) = head.first().and_then(|r| separator(r)) {
        let n = head[0]
            .iter()
            .filter(|h| {
                split_code(h, &sep).is_some_and(|(c, _)| CODES.contains(&c.to_lowercase().as_str()))
            })
            .count() as u32;
        return 30 * n;
    }
    let n = count(
        head,
        &[
            "completed",
            "last page seen",
            "start language",
            "date last action",
            "date submitted",
            "last page",
            "startlanguage",
            "submitdate",
            "lastpage",
        ],
    );
    if n < 2 { 0 } else { 30 * n }
}

fn layout(head: &Head) -> Layout {
    let header = head.first().map_or(&[][..], |r| &r[..]);
    let fields = match separator(header) {
        Some(sep) => coded_fields(header, &sep),
        None => one_per_column(header, KNOWN),
    };
    Layout {
        platform: Platform::LimeSurvey,
        header_rows: 1,
        fields: group_brackets(fields),
        placeholders: &["N/A"],
        day_first: false,
    }
}

/// The code/text separator, when at least two of LimeSurvey's own columns
/// read `code<sep>text` with the same separator.
fn separator(header: &[String]) -> Option<String> {
    let mut seen: Vec<String> = vec![];
    for h in header {
        let t = h.trim();
        let code_len = t
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .unwrap_or(t.len());
        let code = &t[..code_len];
        if !CODES.contains(&code.to_ascii_lowercase().as_str()) {
            continue;
        }
        let rest = &t[code_len..];
        let text_at = rest
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(rest.len());
        let sep = &rest[..text_at];
        if !sep.is_empty() && text_at < rest.len() {
            if seen.iter().any(|s| s == sep) {
                return Some(sep.to_string());
            }
            seen.push(sep.to_string());
        }
    }
    None
}

/// `Q02[SQ001]. Which tools? [CRM]` -> (`Q02[SQ001]`, `Which tools? [CRM]`).
fn split_code<'h>(header: &'h str, sep: &str) -> Option<(&'h str, &'h str)> {
    let t = header.trim();
    let at = t.find(sep)?;
    let (code, text) = (&t[..at], t[at + sep.len()..].trim());
    let code_like = code.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_[]#".contains(c));
    (code_like && !text.is_empty()).then_some((code, text))
}

/// One field per column of a code-and-text export: the text is matched,
/// the code (without its `[subquestion]`) is a key the config may name.
fn coded_fields(header: &[String], sep: &str) -> Vec<Field> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| match split_code(h, sep) {
            Some((code, text)) => {
                let known = lookup_prefixed(KNOWN, code).or_else(|| lookup_prefixed(KNOWN, text));
                let stem = code.split('[').next().unwrap_or(code);
                Field {
                    text: text.to_string(),
                    members: vec![Member {
                        col: i,
                        header: h.clone(),
                        kind: MemberKind::Value,
                    }],
                    known,
                    keys: vec![stem.to_string()],
                }
            }
            None => Field::single(i, h, lookup_prefixed(KNOWN, h)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn code_and_text_headers_are_split_at_the_separator() {
        let h = row(&[
            "id. Response ID",
            "submitdate. Date submitted",
            "Q01. Top objections?",
            "Q02[SQ001]. Which tools? [CRM]",
        ]);
        assert_eq!(separator(&h).as_deref(), Some(". "));
        let head = vec![h.clone()];
        assert!(score(&head) >= 60);
        let l = layout(&head);
        assert_eq!(l.fields[1].known, Some(Known::CompletedMark));
        assert_eq!(l.fields[2].text, "Top objections?");
        assert_eq!(l.fields[3].text, "Which tools?");
        assert_eq!(l.fields[3].keys, vec!["Q02".to_string()]);
        let dash = row(&[
            "id - Response ID",
            "submitdate - Date submitted",
            "Q1 - Why?",
        ]);
        assert_eq!(separator(&dash).as_deref(), Some(" - "));
        // Plain headers have no separator.
        assert_eq!(separator(&row(&["id", "Completed", "Q01"])), None);
    }
}
