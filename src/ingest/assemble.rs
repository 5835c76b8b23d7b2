//! Rows -> pending responses: the cells of each field joined into one
//! answer (ticked option columns become their labels, "other" text is
//! joined, placeholders such as `-99` and `N/A` dropped), segments and the
//! respondent picked out, and whether the platform marks the row as not
//! finished. Only the answers are kept, never the whole record.

use super::columns::Placed;
use super::layout::{Known, Layout, MemberKind};
use super::records::Record;
use super::{Respondent, Role, Warning};
use crate::questions::QuestionId;
use std::collections::BTreeMap;

/// A row read, before timestamps are parsed and duplicates are found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pending {
    /// 1-based data row number in its file.
    pub row: usize,
    pub line: usize,
    pub response_id: Option<String>,
    pub submitted_raw: Option<String>,
    pub answers: BTreeMap<QuestionId, String>,
    pub segments: BTreeMap<String, String>,
    pub respondent: Respondent,
    pub incomplete: bool,
    /// A preview or test response (Qualtrics' Status 1, 2 and 17).
    pub test: bool,
    /// Any answer-like cell (question, segment or unplaced) is filled.
    pub has_content: bool,
    /// (watched column, value index) of unplaced columns that may turn out
    /// to be segments (see `candidates`).
    pub candidates: Vec<(u16, u8)>,
}

const TICKED: &[&str] = &[
    "1", "yes", "y", "true", "x", "checked", "selected", "ja", "oui", "sí", "si",
];
const UNTICKED: &[&str] = &[
    "0",
    "no",
    "n",
    "false",
    "unchecked",
    "not selected",
    "nein",
    "non",
];

/// Reads one data row.
pub(crate) fn assemble(rec: &Record, row: usize, placed: &[Placed], layout: &Layout) -> Pending {
    let mut p = Pending {
        row,
        line: rec.line,
        ..Pending::default()
    };
    let (mut first, mut last) = (None, None);
    for f in placed {
        let value = field_value(rec, f, layout.placeholders);
        match f.role {
            Role::Question => {
                if let (Some(q), Some(v)) = (f.question, &value) {
                    p.answers.insert(q, v.clone());
                }
            }
            Role::Segment => {
                if let (Some(s), Some(v)) = (&f.segment, &value) {
                    p.segments.insert(s.clone(), v.clone());
                }
            }
            Role::Ignored => {}
            _ => {}
        }
        p.has_content |=
            value.is_some() && matches!(f.role, Role::Question | Role::Segment | Role::Ignored);
        let Some(known) = f.known else { continue };
        let raw = first_cell(rec, f);
        match known {
            Known::Submitted if f.role == Role::Timestamp => p.submitted_raw = value.clone(),
            Known::Email => p.respondent.email = value.clone(),
            Known::Name => p.respondent.name = value.clone(),
            Known::FirstName => first = value.clone(),
            Known::LastName => last = value.clone(),
            Known::PersonId => p.respondent.platform_id = value.clone(),
            Known::ResponseId => p.response_id = value.clone(),
            Known::Finished => p.incomplete |= is_unticked(&raw),
            Known::Progress => p.incomplete |= raw.parse::<f64>().is_ok_and(|v| v < 100.0),
            Known::CompletedMark => p.incomplete |= raw.is_empty() || raw.eq_ignore_ascii_case("n"),
            Known::ResponseType => p.incomplete |= raw.eq_ignore_ascii_case("partial"),
            Known::Status => p.test |= is_test_status(&raw),
            _ => {}
        }
    }
    if p.respondent.name.is_none() {
        let joined: Vec<String> = [first, last].into_iter().flatten().collect();
        if !joined.is_empty() {
            p.respondent.name = Some(joined.join(" "));
        }
    }
    if p.respondent.platform_id.is_none() {
        // Small running numbers (Microsoft Forms' 1, 2, 3) repeat across
        // files of different forms, so only long or lettered ids identify.
        p.respondent.platform_id = p
            .response_id
            .clone()
            .filter(|id| id.len() >= 8 || id.chars().any(|c| c.is_alphabetic()));
    }
    p
}

fn first_cell(rec: &Record, f: &Placed) -> String {
    f.field
        .members
        .first()
        .and_then(|m| rec.cells.get(m.col))
        .cloned()
        .unwrap_or_default()
}

/// Qualtrics' Status of a preview or test response, as a code (1 Survey
/// Preview, 2 Survey Test, 17 Offline Survey Preview) or as text.
fn is_test_status(v: &str) -> bool {
    let l = v.to_lowercase();
    matches!(l.as_str(), "1" | "2" | "17") || l.contains("preview") || l.contains("survey test")
}

fn is_unticked(v: &str) -> bool {
    UNTICKED.contains(&v.to_lowercase().as_str())
}

/// The answer of a field in a row: its cells, placeholders dropped, option
/// columns read as their labels, joined with "; ".
fn field_value(rec: &Record, f: &Placed, placeholders: &[&str]) -> Option<String> {
    let filled = |col: usize| rec.cells.get(col).is_some_and(|c| !c.trim().is_empty());
    // With "other" text written in, the ticked "Other" option adds nothing.
    let other_text = f
        .field
        .members
        .iter()
        .any(|m| m.kind == MemberKind::Other && filled(m.col));
    let mut parts: Vec<String> = vec![];
    for m in &f.field.members {
        let Some(cell) = rec.cells.get(m.col) else {
            continue;
        };
        let v = cell.trim();
        if v.is_empty() || placeholders.iter().any(|p| p.eq_ignore_ascii_case(v)) {
            continue;
        }
        let lower = v.to_lowercase();
        let part = match &m.kind {
            MemberKind::Duplicate => continue,
            MemberKind::Option(label)
                if other_text && label.to_lowercase().starts_with("other") =>
            {
                continue;
            }
            MemberKind::Option(label) if TICKED.contains(&lower.as_str()) || v == label => {
                label.clone()
            }
            MemberKind::Option(_) if UNTICKED.contains(&lower.as_str()) => continue,
            _ => v.to_string(),
        };
        if !part.is_empty() && !parts.contains(&part) {
            parts.push(part);
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A warning for a row whose field count differs from the header's.
pub(crate) fn ragged(rec: &Record, width: usize, file: &str) -> Option<Warning> {
    let n = rec.cells.len();
    let extra_blank = n > width && rec.cells[width..].iter().all(|c| c.is_empty());
    if n == width || extra_blank {
        return None;
    }
    let message = if n < width {
        format!(
            "this row has {n} fields but the header has {width}; the missing cells are read as blank"
        )
    } else {
        format!("this row has {n} fields but the header has {width}; the extra cells are not read")
    };
    Some(Warning {
        file: file.to_string(),
        line: Some(rec.line),
        column: None,
        message,
    })
}
