//! Tally: `Submission ID,Respondent ID,Submitted at,<questions>`, 6-character
//! ids, `2024-08-11 23:25:40` timestamps. The respondent id stays the same
//! when a person submits again.

use super::{Head, Spec, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Tally,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("submission id", Known::ResponseId),
    ("respondent id", Known::PersonId),
    ("submitted at", Known::Submitted),
];

fn score(head: &Head) -> u32 {
    let n = count(head, &["submission id", "respondent id", "submitted at"]);
    if n < 2 { 0 } else { 35 * n }
}

fn layout(head: &Head) -> Layout {
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::Tally,
        header_rows: 1,
        fields,
        placeholders: &[],
        day_first: false,
    }
}
