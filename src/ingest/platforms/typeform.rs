//! Typeform: `#` (the response token) first, one column per question, one
//! column per choice of a multi-select (the cell holds the choice label),
//! `Other` columns (repeated) for write-ins, and `Start Date (UTC),Submit
//! Date (UTC),Network ID` last (newer: `Response Type`, `Stage Date (UTC)`).

use super::{Head, Spec, cell, count};
use crate::ingest::Platform;
use crate::ingest::layout::{
    Field, Known, Layout, MemberKind, attach_other, fold_header, one_per_column,
};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Typeform,
    score,
    layout,
    refine: Some(group_choices),
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

/// Typeform writes a multi-select as one column per choice, headed by the
/// choice label and holding it when ticked, with no question text at all.
/// Runs of such columns (seen in the first data rows) become one field
/// with an empty text, so a config rule naming any label places them all.
fn group_choices(mut layout: Layout, sample: &[Vec<String>]) -> Layout {
    let mut out: Vec<Field> = Vec::with_capacity(layout.fields.len());
    let mut run = false;
    for f in layout.fields {
        // A choice nobody ticked shows no data; inside a run it is one more
        // choice unless it reads like a question.
        let unticked = run && never_filled(&f, sample) && !f.text.trim_end().ends_with('?');
        if !unticked && !is_choice(&f, sample) {
            out.push(f);
            run = false;
            continue;
        }
        let members = f.members.into_iter().map(|mut m| {
            if m.kind == MemberKind::Value {
                m.kind = MemberKind::Option(m.header.clone());
            }
            m
        });
        match out.last_mut() {
            Some(prev) if run => prev.members.extend(members),
            _ => out.push(Field {
                text: String::new(),
                members: members.collect(),
                known: None,
                keys: vec![],
            }),
        }
        run = true;
    }
    layout.fields = out;
    layout
}

/// The field's own column is empty in every sampled row (its attached
/// "Other" text may not be).
fn never_filled(f: &Field, sample: &[Vec<String>]) -> bool {
    let Some(first) = f.members.first() else {
        return false;
    };
    f.known.is_none()
        && sample
            .iter()
            .all(|r| r.get(first.col).is_none_or(|c| c.trim().is_empty()))
}

/// Every filled cell of the field's first column is its own header.
fn is_choice(f: &Field, sample: &[Vec<String>]) -> bool {
    let Some(first) = f.members.first() else {
        return false;
    };
    if f.known.is_some() || first.kind != MemberKind::Value || first.header.is_empty() {
        return false;
    }
    let label = first.header.trim().to_lowercase();
    let mut filled = sample
        .iter()
        .filter_map(|r| r.get(first.col))
        .filter(|c| !c.trim().is_empty())
        .peekable();
    filled.peek().is_some() && filled.all(|c| c.trim().to_lowercase() == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_columns_become_one_field() {
        let row = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        let head = vec![row("#,Why?,Price,Timing,Rien,Other,Submit Date (UTC)")];
        let sample = vec![
            row("a,Because,Price,,,Legal,2021-01-01"),
            row("b,So,,Timing,,,2021-01-02"),
        ];
        let l = group_choices(layout(&head), &sample);
        assert_eq!(l.fields.len(), 4);
        assert_eq!(l.fields[2].text, "");
        assert_eq!(l.fields[2].members.len(), 4);
        assert_eq!(l.fields[2].members[3].kind, MemberKind::Other);
    }
}
