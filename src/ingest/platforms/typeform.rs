//! Typeform: `#` (the response token) first, one column per question, one
//! column per choice of a multi-select (the cell holds the choice label),
//! `Other` columns (repeated) for write-ins, and `Start Date (UTC),Submit
//! Date (UTC),Network ID` last (newer: `Response Type`, `Stage Date (UTC)`).

use super::{Head, Spec, cell, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, attach_other, fold_header, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Typeform,
    score,
    layout,
};

const KNOWN: &[(&str, Known)] = &[
    ("#", Known::ResponseId),
    ("start date (utc)", Known::OtherTime),
    ("submit date (utc)", Known::Submitted),
    ("stage date (utc)", Known::OtherTime),
    ("network id", Known::Meta),
    ("response type", Known::ResponseType),
    ("tags", Known::Meta),
    ("ending", Known::Meta),
    ("score", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let tail = count(
        head,
        &["submit date (utc)", "start date (utc)", "network id"],
    );
    let first = u32::from(cell(head, 0, 0) == "#");
    if tail + first == 0 {
        return 0;
    }
    40 * first + 25 * tail
}

fn layout(head: &Head) -> Layout {
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::Typeform,
        header_rows: 1,
        fields: attach_other(fields, |t| fold_header(t) == "other"),
        placeholders: &[],
        day_first: false,
    }
}
