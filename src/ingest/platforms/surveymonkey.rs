//! SurveyMonkey: the current export (`Respondent ID,Collector ID,Start
//! Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data
//! 1`) and the legacy one (`RespondentID,CollectorID,StartDate,...`, NUL
//! bytes in row 2). Two header rows: the question text stands only over its
//! first column; row 2 says `Response` / `Open-Ended Response`, an option
//! label (one column per checkbox option, the cell holds the label when
//! ticked) or `Other (please specify)`. Dates are 12- or 24-hour M/D/Y.

use super::{Head, Spec, count, lookup_prefixed};
use crate::ingest::Platform;
use crate::ingest::layout::{Field, Known, Layout, Member, MemberKind};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::SurveyMonkey,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("respondent id", Known::ResponseId),
    ("respondentid", Known::ResponseId),
    ("collector id", Known::Meta),
    ("collectorid", Known::Meta),
    ("start date", Known::OtherTime),
    ("startdate", Known::OtherTime),
    ("end date", Known::Submitted),
    ("enddate", Known::Submitted),
    ("ip address", Known::Ip),
    ("email address", Known::Email),
    ("first name", Known::FirstName),
    ("last name", Known::LastName),
    ("lastname", Known::LastName),
    ("custom data*", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let ids = count(head, &["respondent id", "respondentid"]);
    let collectors = count(head, &["collector id", "collectorid"]);
    match (ids, collectors) {
        (0, 0) => 0,
        (1, 1) => 100,
        _ => 50,
    }
}

fn layout(head: &Head) -> Layout {
    let top = head.first().cloned().unwrap_or_default();
    let sub = head.get(1).cloned().unwrap_or_default();
    let mut fields: Vec<Field> = vec![];
    let mut open = false;
    for (i, t) in top.iter().enumerate() {
        let s = sub.get(i).map(String::as_str).unwrap_or("");
        if let Some(known) = lookup_prefixed(KNOWN, t).filter(|_| !t.is_empty()) {
            fields.push(Field::single(i, t, Some(known)));
            open = false;
        } else if !t.is_empty() || !open {
            let text = if t.is_empty() { s } else { t.as_str() };
            fields.push(Field {
                text: text.to_string(),
                members: vec![member(i, text, s)],
                known: None,
                keys: vec![],
            });
            open = true;
        } else if let Some(f) = fields.last_mut() {
            let m = member(i, &f.text, s);
            f.members.push(m);
        }
    }
    Layout {
        platform: Platform::SurveyMonkey,
        header_rows: head.len().min(2),
        fields,
        placeholders: &[],
        day_first: false,
    }
}

fn member(col: usize, question: &str, sub: &str) -> Member {
    let s = sub.trim();
    let folded = s.to_lowercase();
    let (kind, header) = match folded.as_str() {
        "" | "response" | "open-ended response" => (MemberKind::Value, question.to_string()),
        _ if folded.contains("please specify") || folded == "other" => {
            (MemberKind::Other, format!("{question} - {s}"))
        }
        _ if s == question => (MemberKind::Value, question.to_string()),
        _ => (
            MemberKind::Option(s.to_string()),
            format!("{question} - {s}"),
        ),
    };
    Member { col, header, kind }
}
