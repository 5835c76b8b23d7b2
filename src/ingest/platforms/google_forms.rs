//! Google Forms: the Sheets "Download -> CSV" file (`Timestamp`, optional
//! `Email Address`, one column per question, grid rows as `Q [Row]`), Forms'
//! own "Download responses (.csv)" (`2026/09/22 11:07:29 AM GMT+1`), and the
//! same data re-saved by Excel (timestamps without seconds). Checkbox
//! answers stay in one cell, joined with `;` or `, `.

use super::{Head, Spec, cell, count};
use crate::ingest::Platform;
use crate::ingest::layout::{Known, Layout, group_brackets, one_per_column};

pub(crate) const SPEC: Spec = Spec {
    platform: Platform::GoogleForms,
    score,
    layout,
    refine: None,
};

/// `Timestamp` as Sheets writes it in other interface languages.
const STAMPS: &[&str] = &[
    "timestamp",
    "marca temporal",
    "horodateur",
    "zeitstempel",
    "carimbo de data/hora",
    "informazioni cronologiche",
    "tijdstempel",
    "sygnatura czasowa",
];

const KNOWN: &[(&str, Known)] = &[
    ("timestamp", Known::Submitted),
    ("marca temporal", Known::Submitted),
    ("horodateur", Known::Submitted),
    ("zeitstempel", Known::Submitted),
    ("carimbo de data/hora", Known::Submitted),
    ("informazioni cronologiche", Known::Submitted),
    ("tijdstempel", Known::Submitted),
    ("sygnatura czasowa", Known::Submitted),
    ("adresse e-mail", Known::Email),
    ("e-mail-adresse", Known::Email),
    ("dirección de correo electrónico", Known::Email),
    ("endereço de e-mail", Known::Email),
    ("indirizzo email", Known::Email),
    ("e-mailadres", Known::Email),
    ("email address", Known::Email),
    ("email", Known::Email),
    ("username", Known::Email),
    ("score", Known::Meta),
    ("total score", Known::Meta),
];

fn score(head: &Head) -> u32 {
    if !STAMPS.contains(&cell(head, 0, 0).as_str()) {
        return 0;
    }
    40 + 10
        * count(
            head,
            &["email address", "score", "adresse e-mail", "e-mail-adresse"],
        )
}

fn layout(head: &Head) -> Layout {
    let fields = one_per_column(head.first().map_or(&[][..], |r| &r[..]), KNOWN);
    Layout {
        platform: Platform::GoogleForms,
        header_rows: 1,
        fields: group_brackets(fields),
        placeholders: &[],
        day_first: false,
    }
}
