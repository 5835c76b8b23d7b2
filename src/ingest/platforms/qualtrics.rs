//! Qualtrics: the current export (three header rows: export tags, labels,
//! ImportId JSON), the legacy `V1..V10` export (two rows, BOM, trailing
//! commas) and the 2016-17 "Insights" variant (`{'ImportId': ...}`).
//! Columns of one question share a tag stem (`Q5_1`, `Q5_2`, `Q5_3_TEXT`);
//! labels read `Question - Option`. Status and Finished are numeric or text;
//! `-99` means seen but not answered.

use super::{Head, Spec, cell, count, lookup_prefixed};
use crate::ingest::Platform;
use crate::ingest::layout::{Field, Known, Layout, Member, MemberKind, fold_header};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Qualtrics,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("startdate", Known::OtherTime),
    ("start date", Known::OtherTime),
    ("enddate", Known::Submitted),
    ("end date", Known::Submitted),
    ("status", Known::Status),
    ("response type", Known::Meta),
    ("ipaddress", Known::Ip),
    ("ip address", Known::Ip),
    ("progress", Known::Progress),
    ("duration (in seconds)", Known::Meta),
    ("finished", Known::Finished),
    ("recordeddate", Known::Submitted),
    ("recorded date", Known::Submitted),
    ("responseid", Known::ResponseId),
    ("response id", Known::ResponseId),
    ("responseset", Known::Meta),
    ("recipientlastname", Known::LastName),
    ("recipientfirstname", Known::FirstName),
    ("recipientemail", Known::Email),
    ("externalreference", Known::PersonId),
    ("externaldatareference", Known::PersonId),
    ("locationlatitude", Known::Meta),
    ("locationlongitude", Known::Meta),
    ("locationaccuracy", Known::Meta),
    ("distributionchannel", Known::Meta),
    ("distribution channel", Known::Meta),
    ("userlanguage", Known::Meta),
    ("user language", Known::Meta),
    ("name", Known::Name),
    ("emailaddress", Known::Email),
    ("q_*", Known::Meta),
    ("* - topics", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let legacy = cell(head, 0, 0) == "v1" && cell(head, 0, 1) == "v2";
    let import = head
        .get(2)
        .is_some_and(|r| r.iter().any(|c| c.contains("ImportId")));
    let tags = count(
        head,
        &[
            "startdate",
            "enddate",
            "finished",
            "responseid",
            "recordeddate",
        ],
    );
    let mut s = 0;
    if legacy && (has1(head, "responseid") || has1(head, "responseset")) {
        s += 100;
    }
    if tags >= 3 {
        s += 60 + 5 * tags;
    }
    if import {
        s += 60;
    }
    s
}

fn has1(head: &Head, name: &str) -> bool {
    super::has(head, 1, name)
}

fn header_rows(head: &Head) -> usize {
    let import = head
        .get(2)
        .is_some_and(|r| r.iter().any(|c| c.contains("ImportId")));
    if import {
        return 3;
    }
    if cell(head, 0, 0) == "v1" {
        return 2.min(head.len());
    }
    // A label row repeats the tags in words; data rows start with a date
    // or an id instead.
    let labels = head.get(1).is_some_and(|r| {
        r.iter().any(|c| {
            matches!(
                fold_header(c).as_str(),
                "start date" | "response id" | "finished"
            )
        })
    });
    if labels { 2 } else { 1 }
}

fn known(tag: &str, label: &str) -> Option<Known> {
    lookup_prefixed(KNOWN, tag).or_else(|| lookup_prefixed(KNOWN, label))
}

fn layout(head: &Head) -> Layout {
    let rows = header_rows(head);
    let tags = head.first().cloned().unwrap_or_default();
    let labels = if rows >= 2 {
        head[1].clone()
    } else {
        tags.clone()
    };
    let recorded = tags.iter().any(|t| fold_header(t) == "recordeddate");
    let mut fields: Vec<Field> = vec![];
    let mut last_stem: Option<String> = None;
    for (i, tag) in tags.iter().enumerate() {
        let label = labels.get(i).map(String::as_str).unwrap_or(tag);
        let label = if label.is_empty() {
            tag.as_str()
        } else {
            label
        };
        if let Some(mut k) = known(tag, label) {
            if k == Known::Submitted && recorded && !fold_header(tag).starts_with("recorded") {
                k = Known::OtherTime;
            }
            fields.push(Field::single(i, label, Some(k)));
            last_stem = None;
            continue;
        }
        let (stem, option, text) = split_tag(tag);
        let kind = if text {
            MemberKind::Other
        } else if option {
            MemberKind::Option(option_label(label))
        } else {
            MemberKind::Value
        };
        let m = Member {
            col: i,
            header: label.to_string(),
            kind,
        };
        match fields.last_mut() {
            Some(f) if last_stem.as_deref() == Some(stem.as_str()) => f.members.push(m),
            _ => fields.push(Field {
                text: question_part(label, option || text),
                members: vec![m],
                known: None,
                keys: vec![stem.clone()],
            }),
        }
        last_stem = Some(stem);
    }
    Layout {
        platform: Platform::Qualtrics,
        header_rows: rows,
        fields,
        placeholders: &["-99"],
        day_first: false,
    }
}

/// `Q5_3_TEXT` -> (`Q5`, option, text); `Q5` -> (`Q5`, no, no).
fn split_tag(tag: &str) -> (String, bool, bool) {
    let t = tag.trim();
    let (t, text) = match t.len().checked_sub(5) {
        Some(n) if t.is_char_boundary(n) && &t[n..] == "_TEXT" => (&t[..n], true),
        _ => (t, false),
    };
    match t.rfind('_') {
        Some(n) if n > 0 && t[n + 1..].chars().all(|c| c.is_ascii_digit()) && n + 1 < t.len() => {
            (t[..n].to_string(), true, text)
        }
        _ => (t.to_string(), false, text),
    }
}

fn option_label(label: &str) -> String {
    match label.rfind(" - ") {
        Some(n) => label[n + 3..].trim().to_string(),
        None => label.trim().to_string(),
    }
}

fn question_part(label: &str, grouped: bool) -> String {
    match label.rfind(" - ") {
        Some(n) if grouped => label[..n].trim().to_string(),
        _ => label.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_into_stem_option_text() {
        assert_eq!(split_tag("Q5_3_TEXT"), ("Q5".into(), true, true));
        assert_eq!(split_tag("Q5"), ("Q5".into(), false, false));
        assert_eq!(split_tag("MCMA_text_1"), ("MCMA_text".into(), true, false));
        assert_eq!(split_tag("Q2_TEXT"), ("Q2".into(), false, true));
    }
}
