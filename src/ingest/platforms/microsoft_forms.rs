//! Microsoft Forms: `Id,Start time,Completion time,Email,Name[,Last
//! modified time],<questions>` (often Windows-1252 when saved by Excel,
//! `anonymous` emails), and the German-locale export (`Id;Startzeit;
//! Fertigstellungszeit;E-Mail;Name;...`, `;`, `22.09.2026 14:05`).
//! Multi-select answers stay in one cell, joined with `;`.

use super::{Head, Spec, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, group_brackets, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::MicrosoftForms,
    score,
    layout,
    refine: None,
};

const STARTS: &[&str] = &[
    "start time",
    "startzeit",
    "heure de début",
    "hora de inicio",
];
const ENDS: &[&str] = &[
    "completion time",
    "fertigstellungszeit",
    "heure de fin",
    "hora de finalización",
];
const GERMAN: &[&str] = &["startzeit", "fertigstellungszeit"];

const KNOWN: &[(&str, Known)] = &[
    ("id", Known::ResponseId),
    ("start time", Known::OtherTime),
    ("startzeit", Known::OtherTime),
    ("heure de début", Known::OtherTime),
    ("hora de inicio", Known::OtherTime),
    ("completion time", Known::Submitted),
    ("fertigstellungszeit", Known::Submitted),
    ("heure de fin", Known::Submitted),
    ("hora de finalización", Known::Submitted),
    ("email", Known::Email),
    ("e-mail", Known::Email),
    ("adresse de messagerie", Known::Email),
    ("correo electrónico", Known::Email),
    ("name", Known::Name),
    ("nom", Known::Name),
    ("nombre", Known::Name),
    ("last modified time", Known::OtherTime),
    ("zeitpunkt der letzten änderung", Known::OtherTime),
    ("total points", Known::Meta),
    ("gesamtpunktzahl", Known::Meta),
    ("quiz feedback", Known::Meta),
    ("points - *", Known::Meta),
    ("feedback - *", Known::Meta),
    ("punkte - *", Known::Meta),
];

fn score(head: &Head) -> u32 {
    let starts = count(head, STARTS);
    let ends = count(head, ENDS);
    if starts + ends == 0 {
        return 0;
    }
    30 * (starts + ends) + 30 * count(head, &["id"])
}

fn layout(head: &Head) -> Layout {
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::MicrosoftForms,
        header_rows: 1,
        fields: group_brackets(fields),
        placeholders: &[],
        day_first: count(head, GERMAN) > 0,
    }
}
