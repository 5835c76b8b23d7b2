//! The layout of an export as a platform module describes it: how many
//! header rows, and the logical fields the physical columns form (a
//! question spread over one column per option, its "Other" text, ...), with
//! the platform's own bookkeeping columns already named.

use super::Platform;
use super::records::clean;

/// A column the platform itself adds, known by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// The submission time (the first one found wins).
    Submitted,
    /// Another time (start, last action, ...): metadata.
    OtherTime,
    Email,
    Name,
    FirstName,
    LastName,
    /// An id that stays the same when a person submits again.
    PersonId,
    /// The platform's id of this response.
    ResponseId,
    Ip,
    /// `0`/`false`/`No` means the response was not finished.
    Finished,
    /// A percentage; below 100 means not finished (when no `Finished`).
    Progress,
    /// Empty means not finished (LimeSurvey's `Completed`, `Date submitted`).
    CompletedMark,
    /// `partial` means not finished (Typeform's `Response Type`).
    ResponseType,
    /// Marks preview and test responses (Qualtrics' `Status`).
    Status,
    /// Any other bookkeeping column.
    Meta,
}

/// How a physical column contributes to its field's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MemberKind {
    /// The cell is the answer (or a part of it).
    Value,
    /// One column per option: a ticked cell stands for this label.
    Option(String),
    /// "Other (please specify)" text, joined to the question's answer.
    Other,
    /// Repeats what another column of the field already holds.
    Duplicate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    pub col: usize,
    /// The header of this physical column, as shown to a person.
    pub header: String,
    pub kind: MemberKind,
}

/// A logical field: one question, segment or platform column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    /// The text matched against the question bank (question part only).
    pub text: String,
    pub members: Vec<Member>,
    pub known: Option<Known>,
    /// Codes a config rule may name exactly (Qualtrics export tags).
    pub keys: Vec<String>,
}

impl Field {
    pub(crate) fn single(col: usize, header: &str, known: Option<Known>) -> Field {
        Field {
            text: header.to_string(),
            members: vec![Member {
                col,
                header: header.to_string(),
                kind: MemberKind::Value,
            }],
            known,
            keys: vec![],
        }
    }
}

/// What a platform module makes of the header rows.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub platform: Platform,
    pub header_rows: usize,
    pub fields: Vec<Field>,
    /// Cell values that mean "no answer" on this platform.
    pub placeholders: &'static [&'static str],
    /// Slash dates are day-first (German-locale exports).
    pub day_first: bool,
}

/// Lower-case, NUL-free, whitespace-collapsed header for exact lookups.
pub(crate) fn fold_header(h: &str) -> String {
    clean(h)
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One field per column, known columns looked up in `table` (`*` = prefix).
pub(crate) fn one_per_column(header: &[String], table: &[(&str, Known)]) -> Vec<Field> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| Field::single(i, h, super::platforms::lookup_prefixed(table, h)))
        .collect()
}

/// Attaches each `Other` column (Typeform, Google grids) to the field
/// before it, as its "other" text.
pub(crate) fn attach_other(fields: Vec<Field>, is_other: impl Fn(&str) -> bool) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::with_capacity(fields.len());
    for f in fields {
        let other = f.known.is_none() && f.members.len() == 1 && is_other(&f.text);
        match out.last_mut() {
            Some(prev) if other && prev.known.is_none() => {
                let mut m = f.members[0].clone();
                m.kind = MemberKind::Other;
                prev.members.push(m);
            }
            _ => out.push(f),
        }
    }
    out
}

/// Groups consecutive columns `Question [Option]` (LimeSurvey, Google Forms
/// grids) into one field; `[other]` / `[comment]` become its other text.
pub(crate) fn group_brackets(fields: Vec<Field>) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::with_capacity(fields.len());
    for f in fields {
        let split = match (&f.known, f.members.len()) {
            (None, 1) => split_bracket(&f.text),
            _ => None,
        };
        let Some((stem, label)) = split else {
            out.push(f);
            continue;
        };
        let kind = match label.to_lowercase().as_str() {
            "other" | "comment" | "other comment" => MemberKind::Other,
            _ => MemberKind::Option(label.clone()),
        };
        let member = Member {
            col: f.members[0].col,
            header: f.members[0].header.clone(),
            kind,
        };
        match out.last_mut() {
            Some(prev) if prev.known.is_none() && fold_header(&prev.text) == fold_header(&stem) => {
                prev.members.push(member)
            }
            _ => out.push(Field {
                text: stem,
                members: vec![member],
                known: None,
                keys: f.keys.clone(),
            }),
        }
    }
    out
}

/// `"How did you hear [Web]"` -> (`How did you hear`, `Web`).
pub(crate) fn split_bracket(h: &str) -> Option<(String, String)> {
    let t = h.trim();
    if !t.ends_with(']') {
        return None;
    }
    let open = t.rfind(" [").or_else(|| t.rfind('['))?;
    let stem = t[..open].trim().to_string();
    let label = t[open..]
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']');
    if stem.is_empty() {
        return None;
    }
    Some((stem, label.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_group_options_and_other() {
        let hs = ["id", "0005 [S05A1]", "0005 [S05A2]", "0005 [other]", "0006"];
        let fields: Vec<Field> = hs
            .iter()
            .enumerate()
            .map(|(i, h)| Field::single(i, h, None))
            .collect();
        let g = group_brackets(fields);
        assert_eq!(g.len(), 3);
        assert_eq!(g[1].text, "0005");
        assert_eq!(g[1].members.len(), 3);
        assert_eq!(g[1].members[2].kind, MemberKind::Other);
        assert_eq!(g[1].members[0].kind, MemberKind::Option("S05A1".into()));
    }
}
