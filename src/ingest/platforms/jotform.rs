//! Jotform: `Submission Date` first, one column per question, and its own
//! `Submission ID` / `Submission IP` / `Edit Link` columns.

use super::{Head, Spec, cell, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Jotform,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("submission date", Known::Submitted),
    ("submission id", Known::ResponseId),
    ("submission ip", Known::Ip),
    ("edit link", Known::Meta),
    ("edit submission", Known::Meta),
    ("submission edit url", Known::Meta),
    ("last update date", Known::OtherTime),
    ("unread", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let own = count(
        head,
        &[
            "submission id",
            "submission ip",
            "edit link",
            "last update date",
        ],
    );
    let first = u32::from(cell(head, 0, 0) == "submission date");
    if first == 0 && own < 2 {
        return 0;
    }
    30 * first + 25 * own
}

fn layout(head: &Head) -> Layout {
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::Jotform,
        header_rows: 1,
        fields,
        placeholders: &[],
        day_first: false,
    }
}
