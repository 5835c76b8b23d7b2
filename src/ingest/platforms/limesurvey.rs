//! LimeSurvey: "Export responses -> CSV" (every field quoted; `id,Completed,
//! Last page seen,Start language,Token,Date last action,Date started,IP
//! address`; coded headers like `Q01 [SQ001]` and `[other]` columns;
//! `Completed` empty for unfinished responses; `N/A` for skipped options)
//! and the "R (data file)" CSV (BOM, CRLF, full-text headers, `Date
//! submitted`, timing columns).

use super::{Head, Spec, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, group_brackets, one_per_column};

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

fn score(head: &Head) -> u32 {
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
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::LimeSurvey,
        header_rows: 1,
        fields: group_brackets(fields),
        placeholders: &["N/A"],
        day_first: false,
    }
}
