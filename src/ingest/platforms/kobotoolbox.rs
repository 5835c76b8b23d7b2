//! KoboToolbox: `;`-delimited, fully quoted, CRLF; XLSForm bookkeeping
//! (`start`, `end`, `deviceid`, ...) and `_id;_uuid;_submission_time;
//! _validation_status;_notes;_status;_submitted_by;_tags;_index` at the end.
//! A select_multiple answer is space-joined in its column and repeated as
//! `question/option` 1/0 columns, which are kept as duplicates. An optional
//! second header row holds HXL hashtags.

use super::{Head, Spec, count, lookup_prefixed};
use crate::ingest::Platform;
use crate::ingest::layout::{Field, Known, Layout, MemberKind, fold_header};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::KoboToolbox,
    score,
    layout,
    refine: None,
};

const KNOWN: &[(&str, Known)] = &[
    ("start", Known::OtherTime),
    ("end", Known::OtherTime),
    ("today", Known::Meta),
    ("deviceid", Known::Meta),
    ("subscriberid", Known::Meta),
    ("simserial", Known::Meta),
    ("phonenumber", Known::Meta),
    ("username", Known::Meta),
    ("audit", Known::Meta),
    ("__version__", Known::Meta),
    ("_version_", Known::Meta),
    ("meta/*", Known::Meta),
    ("_id", Known::ResponseId),
    ("_uuid", Known::Meta),
    ("_submission_time", Known::Submitted),
    ("_validation_status", Known::Meta),
    ("_notes", Known::Meta),
    ("_status", Known::Meta),
    ("_submitted_by", Known::Meta),
    ("_tags", Known::Meta),
    ("_index", Known::Meta),
    ("_attachments", Known::Meta),
    ("_geolocation", Known::Meta),
    ("_parent_index", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let n = count(
        head,
        &[
            "_uuid",
            "_submission_time",
            "_id",
            "_index",
            "_validation_status",
        ],
    );
    if n < 2 { 0 } else { 30 * n }
}

fn layout(head: &Head) -> Layout {
    let header = head.first().cloned().unwrap_or_default();
    let hxl = head
        .get(1)
        .and_then(|r| r.iter().find(|c| !c.is_empty()))
        .is_some_and(|c| c.starts_with('#'));
    let names: Vec<String> = header.iter().map(|h| fold_header(h)).collect();
    let fields = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let mut f = Field::single(i, h, lookup_prefixed(KNOWN, h));
            let whole = h.rsplit_once('/').map(|(base, _)| fold_header(base));
            if f.known.is_none() && whole.is_some_and(|b| names.contains(&b)) {
                f.members[0].kind = MemberKind::Duplicate;
            }
            f
        })
        .collect();
    Layout {
        platform: Platform::KoboToolbox,
        header_rows: if hxl { 2 } else { 1 },
        fields: merge_duplicates(fields),
        placeholders: &[],
        day_first: false,
    }
}

/// Puts each `question/option` column into the field of `question`.
fn merge_duplicates(fields: Vec<Field>) -> Vec<Field> {
    let mut out: Vec<Field> = vec![];
    for f in fields {
        let dup = f.members[0].kind == MemberKind::Duplicate;
        let base = f.text.rsplit_once('/').map(|(b, _)| fold_header(b));
        let target = base.and_then(|b| out.iter_mut().rev().find(|o| fold_header(&o.text) == b));
        match target {
            Some(t) if dup => t.members.extend(f.members),
            _ => out.push(f),
        }
    }
    out
}
