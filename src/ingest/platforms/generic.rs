//! A plain CSV (made by hand in Excel, or from a tool not listed): one
//! header row, one column per question. Its table of common column names
//! is also the fallback for every other platform, and covers ODK Central
//! exports (`SubmissionDate`, `KEY`, `SubmitterName`, ...).

use super::{Head, Spec};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, group_brackets, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::Generic,
    score: |_| 1,
    layout,
    refine: None,
};

/// Common names of non-question columns, folded (`*` = prefix).
pub(crate) const KNOWN: &[(&str, Known)] = &[
    ("timestamp", Known::Submitted),
    ("submission date", Known::Submitted),
    ("submission time", Known::Submitted),
    ("submitted at", Known::Submitted),
    ("submitted", Known::Submitted),
    ("date submitted", Known::Submitted),
    ("submit date", Known::Submitted),
    ("submissiondate", Known::Submitted),
    ("completion time", Known::Submitted),
    ("completed at", Known::Submitted),
    ("created at", Known::Submitted),
    ("date", Known::Submitted),
    ("date/time", Known::Submitted),
    ("datetime", Known::Submitted),
    ("response date", Known::Submitted),
    ("start time", Known::OtherTime),
    ("start date", Known::OtherTime),
    ("started at", Known::OtherTime),
    ("end time", Known::OtherTime),
    ("end date", Known::OtherTime),
    ("email", Known::Email),
    ("e-mail", Known::Email),
    ("email address", Known::Email),
    ("e-mail address", Known::Email),
    ("your email", Known::Email),
    ("your email address", Known::Email),
    ("work email", Known::Email),
    ("name", Known::Name),
    ("full name", Known::Name),
    ("your name", Known::Name),
    ("your full name", Known::Name),
    ("respondent", Known::Name),
    ("respondent name", Known::Name),
    ("rep", Known::Name),
    ("rep name", Known::Name),
    ("sales rep", Known::Name),
    ("first name", Known::FirstName),
    ("last name", Known::LastName),
    ("surname", Known::LastName),
    ("id", Known::ResponseId),
    ("response id", Known::ResponseId),
    ("respondent id", Known::ResponseId),
    ("record id", Known::ResponseId),
    ("key", Known::ResponseId),
    ("ip", Known::Ip),
    ("ip address", Known::Ip),
    ("finished", Known::Finished),
    ("progress", Known::Progress),
    ("status", Known::Meta),
    ("duration", Known::Meta),
    ("duration (in seconds)", Known::Meta),
    ("duration (seconds)", Known::Meta),
    ("duration in seconds", Known::Meta),
    ("meta-instanceid", Known::Meta),
    ("meta/instanceid", Known::Meta),
    ("instanceid", Known::Meta),
    ("submitterid", Known::Meta),
    ("submittername", Known::Meta),
    ("reviewstate", Known::Meta),
    ("deviceid", Known::Meta),
    ("device_id", Known::Meta),
    ("attachmentspresent", Known::Meta),
    ("attachmentsexpected", Known::Meta),
    ("edits", Known::Meta),
    ("formversion", Known::Meta),
    ("user agent", Known::Meta),
    ("referrer", Known::Meta),
];

fn layout(head: &Head) -> Layout {
    let rows = if title_row(head) { 2 } else { 1 };
    let fields = one_per_column(head.get(rows - 1).map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::Generic,
        header_rows: rows,
        fields: group_brackets(fields),
        placeholders: &[],
        day_first: false,
    }
}

/// A sheet made by hand often has a title in A1 above the real header.
fn title_row(head: &Head) -> bool {
    let filled = |r: usize| {
        head.get(r)
            .map_or(0, |r| r.iter().filter(|c| !c.is_empty()).count())
    };
    filled(0) == 1 && filled(1) >= 3 && head.len() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let row = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        let head = vec![
            row("Sales survey Q3,,"),
            row("Name,Region,Top objections"),
            row("Ann,EMEA,Price"),
        ];
        let l = layout(&head);
        assert_eq!(l.header_rows, 2);
        assert_eq!(l.fields[2].text, "Top objections");
        let plain = vec![row("Name,Region,Top objections"), row("Ann,EMEA,Price")];
        assert_eq!(layout(&plain).header_rows, 1);
    }
}
