//! Formbricks: `No.,Response ID,Timestamp,Finished,Survey ID,Formbricks ID
//! (internal),User ID,Notes,Tags,` then metadata, questions numbered
//! "N. Title", variables, hidden fields and attributes.

use super::{Head, Spec, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Formbricks,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("no.", Known::Meta),
    ("response id", Known::ResponseId),
    ("timestamp", Known::Submitted),
    ("finished", Known::Finished),
    ("survey id", Known::Meta),
    ("formbricks id (internal)", Known::Meta),
    ("user id", Known::PersonId),
    ("notes", Known::Meta),
    ("tags", Known::Meta),
    ("verified email", Known::Email),
    ("action", Known::Meta),
    ("country", Known::Meta),
    ("source", Known::Meta),
    ("url", Known::Meta),
    ("useragent*", Known::Meta),
    ("user agent*", Known::Meta),
    ("device", Known::Meta),
    ("os", Known::Meta),
    ("browser", Known::Meta),
    ("language", Known::Meta),
    ("ttc*", Known::Meta),
    ("hidden field*", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let own = count(head, &["formbricks id (internal)", "survey id", "no."]);
    if own == 0 {
        return 0;
    }
    40 * own + 10 * count(head, &["response id", "finished", "notes", "tags"])
}

fn layout(head: &Head) -> Layout {
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::Formbricks,
        header_rows: 1,
        fields,
        placeholders: &[],
        day_first: false,
    }
}
