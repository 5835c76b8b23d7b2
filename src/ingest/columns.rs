//! Columns understood: each field of a layout becomes a question id, a
//! segment, the respondent, the timestamp, platform metadata, or is left
//! unplaced with a plain-words reason. Order: the user's config rules, the
//! platform's own columns, common names (generic table), respondent-like
//! headers, then question matching and segment phrases. One column per
//! question: when two match the same id, the better keeps it.

use super::claims::{one_column_per_question, one_column_per_segment, one_timestamp};
use super::layout::{Field, Known, Layout, MemberKind, fold_header};
use super::matching::{self, STRONG, THRESHOLD};
use super::platforms::{generic, lookup_prefixed};
use super::{ColumnInfo, Role};
use crate::questions::QuestionId;
use std::collections::BTreeMap;

/// User-fixed mappings from the config file, applied before any guessing.
#[derive(Debug, Clone, Default)]
pub struct ColumnRules {
    /// Header (or a distinctive part of it, case-insensitive) -> question.
    pub questions: BTreeMap<String, QuestionId>,
    /// Header (or part of it) -> segment name.
    pub segments: BTreeMap<String, String>,
    /// Headers (or parts) to ignore.
    pub ignore: Vec<String>,
}

/// A field with its place.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub field: Field,
    pub role: Role,
    pub known: Option<Known>,
    pub question: Option<QuestionId>,
    pub segment: Option<String>,
    pub reason: String,
    /// The question score (0 unless matched by similarity).
    pub score: f64,
    /// The second-best question, taken when another column wins the best.
    pub runner_up: Option<(QuestionId, f64)>,
    /// Ignored only because the header is not understood: its values may
    /// still show it to be a segment (see `candidates`).
    pub unplaced: bool,
}

impl Placed {
    fn new(field: &Field, role: Role, reason: impl Into<String>) -> Placed {
        Placed {
            field: field.clone(),
            role,
            known: field.known,
            question: None,
            segment: None,
            reason: reason.into(),
            score: 0.0,
            runner_up: None,
            unplaced: false,
        }
    }
}

enum Rule {
    Question(QuestionId),
    Segment(String),
    Ignore,
}

/// Places every field of `layout`.
pub(crate) fn classify(layout: &Layout, rules: &ColumnRules) -> Vec<Placed> {
    let mut placed: Vec<Placed> = layout
        .fields
        .iter()
        .map(|f| place(f, rules, layout))
        .collect();
    one_timestamp(&mut placed);
    one_column_per_question(&mut placed);
    one_column_per_segment(&mut placed);
    placed
}

fn place(field: &Field, rules: &ColumnRules, layout: &Layout) -> Placed {
    let all_headers: Vec<String> = std::iter::once(field.text.clone())
        .chain(field.members.iter().map(|m| m.header.clone()))
        .collect();
    if let Some((key, rule)) = config_rule(&all_headers, &field.keys, rules) {
        return by_rule(field, &key, rule);
    }
    if all_headers.iter().all(|h| h.trim().is_empty()) {
        return Placed::new(
            field,
            Role::Ignored,
            "no header (often a trailing delimiter at the end of each line)",
        );
    }
    if field.text.is_empty() && field.members.len() > 1 {
        return Placed::new(
            field,
            Role::Ignored,
            "choices of a multi-select question whose text the export leaves out; name one of the choices in frontline.toml to place them all",
        );
    }
    let mut field = field.clone();
    if field.known.is_none() && field.members.len() == 1 {
        field.known =
            lookup_prefixed(generic::KNOWN, &field.text).or_else(|| respondent_like(&field.text));
    }
    if let Some(known) = field.known {
        return by_known(&field, known, layout);
    }
    by_text(&field)
}

fn config_rule(
    headers: &[String],
    codes: &[String],
    rules: &ColumnRules,
) -> Option<(String, Rule)> {
    let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
    let codes: Vec<String> = codes.iter().map(|c| fold_header(c)).collect();
    // Header text matches by part; a code ("Q5") only exactly, so that
    // "Q1" does not also take "Q10".
    let hit = |key: &str| {
        let k = fold_header(key);
        !k.is_empty() && (folded.iter().any(|h| contains_words(h, &k)) || codes.contains(&k))
    };
    let mut candidates: Vec<(String, Rule)> = vec![];
    for (k, q) in &rules.questions {
        if hit(k) {
            candidates.push((k.clone(), Rule::Question(*q)));
        }
    }
    for (k, s) in &rules.segments {
        if hit(k) {
            candidates.push((k.clone(), Rule::Segment(s.clone())));
        }
    }
    for k in &rules.ignore {
        if hit(k) {
            candidates.push((k.clone(), Rule::Ignore));
        }
    }
    // The most specific (longest) key wins.
    candidates.into_iter().max_by_key(|(k, _)| k.len())
}

/// `key` occurs in `header` on word boundaries ("q1" is in "q1. price"
/// but not in "q10. price").
fn contains_words(header: &str, key: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    header.match_indices(key).any(|(i, _)| {
        let before = header[..i].chars().next_back();
        let after = header[i + key.len()..].chars().next();
        let k_first = key.chars().next();
        let k_last = key.chars().next_back();
        let glued_before = word(before) && word(k_first);
        let glued_after = word(after) && word(k_last);
        !glued_before && !glued_after
    })
}

fn by_rule(field: &Field, key: &str, rule: Rule) -> Placed {
    match rule {
        Rule::Question(q) => {
            let mut p = Placed::new(
                field,
                Role::Question,
                format!("set in the config: \"{key}\" -> {q}"),
            );
            p.question = Some(q);
            p.score = f64::MAX;
            p.known = None;
            p
        }
        Rule::Segment(s) => {
            let mut p = Placed::new(
                field,
                Role::Segment,
                format!("set in the config: \"{key}\" -> segment {s}"),
            );
            p.segment = Some(s);
            p.known = None;
            p
        }
        Rule::Ignore => Placed::new(
            field,
            Role::Ignored,
            format!("ignored by the config (\"{key}\")"),
        ),
    }
}

/// Short headers that ask for the respondent's name or email ("Your
/// name", "Email (optional)"), nothing else around them.
fn respondent_like(header: &str) -> Option<Known> {
    const FILLER: &[&str] = &[
        "what",
        "is",
        "s",
        "your",
        "full",
        "first",
        "last",
        "optional",
        "respondent",
        "respondents",
        "rep",
        "sales",
        "work",
        "address",
        "please",
        "enter",
        "the",
        "of",
        "and",
        "my",
        "business",
    ];
    let h = fold_header(&matching::strip_decorations(header));
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .collect();
    match words.as_slice() {
        ["email"] | ["e-mail"] | ["mail"] => Some(Known::Email),
        ["name"] | ["name", "email"] | ["name", "e-mail"] => Some(Known::Name),
        _ => None,
    }
}

fn by_known(field: &Field, known: Known, layout: &Layout) -> Placed {
    let platform = layout.platform;
    let (role, reason) = match known {
        Known::Submitted => (Role::Timestamp, "the submission time".to_string()),
        Known::OtherTime => (
            Role::Metadata,
            format!("a time kept by {platform}, not the submission time"),
        ),
        Known::Email => (
            Role::Respondent,
            "the respondent's email (used to find repeat submissions, never printed)".into(),
        ),
        Known::Name | Known::FirstName | Known::LastName => (
            Role::Respondent,
            "the respondent's name (used to find repeat submissions, never printed)".into(),
        ),
        Known::PersonId | Known::ResponseId => {
            (Role::Respondent, "a respondent or response id".into())
        }
        Known::Ip => (
            Role::Respondent,
            "the respondent's IP address (never printed)".into(),
        ),
        Known::Finished | Known::Progress | Known::CompletedMark | Known::ResponseType => (
            Role::Metadata,
            "marks whether the response was finished".into(),
        ),
        Known::Status => (
            Role::Metadata,
            "marks preview and test responses (left out unless --include-tests)".into(),
        ),
        Known::Meta => (Role::Metadata, format!("bookkeeping column of {platform}")),
    };
    let mut p = Placed::new(field, role, reason);
    p.known = Some(known);
    p
}

fn by_text(field: &Field) -> Placed {
    let text = &field.text;
    let matched = matching::match_question(text);
    let segment = matching::segment_phrase(text);
    // A segment word inside a question ("Who holds the budget for our
    // solution?") does not make it a segment: the question wins when it
    // is strong, or still reads as a question without the segment words.
    let question_wins = matched.as_ref().is_some_and(|m| {
        m.score >= STRONG
            || segment
                .as_ref()
                .is_some_and(|(_, p)| matching::score_without(text, p) >= THRESHOLD)
    });
    if let (Some((seg, _)), false) = (&segment, question_wins) {
        let mut p = Placed::new(
            field,
            Role::Segment,
            format!("names a segment ({})", seg.replace('_', " ")),
        );
        p.segment = Some(seg.clone());
        return p;
    }
    if let Some(m) = matched {
        let next = m
            .runner_up
            .map(|(q, s)| format!("; next best {q} at {s:.1}"))
            .unwrap_or_default();
        let mut p = Placed::new(
            field,
            Role::Question,
            format!("reads like question {} (score {:.1}{next})", m.id, m.score),
        );
        p.question = Some(m.id);
        p.score = m.score;
        p.runner_up = m.runner_up.filter(|(_, s)| *s >= THRESHOLD);
        return p;
    }
    let near = matching::best_score(text)
        .filter(|(_, s)| *s >= 1.0)
        .map(|(q, s)| format!(" (closest: {q} at {s:.1}, {THRESHOLD:.1} needed)"))
        .unwrap_or_default();
    let mut p = Placed::new(
        field,
        Role::Ignored,
        format!(
            "not one of the 16 questions nor a known segment{near}; map it in frontline.toml if it should count"
        ),
    );
    p.unplaced = true;
    p
}

pub(crate) fn short(s: &str) -> String {
    let t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        format!("{t}...")
    } else {
        t
    }
}

/// One [`ColumnInfo`] per physical column, in column order.
pub(crate) fn column_infos(placed: &[Placed]) -> Vec<ColumnInfo> {
    let mut out: Vec<(usize, ColumnInfo)> = vec![];
    for p in placed {
        for m in &p.field.members {
            let reason = match &m.kind {
                MemberKind::Option(label)
                    if p.role == Role::Question || p.role == Role::Segment =>
                {
                    format!(
                        "option \"{}\" of a multi-column question; {}",
                        short(label),
                        p.reason
                    )
                }
                MemberKind::Other => format!("\"other\" text of the column before; {}", p.reason),
                MemberKind::Duplicate => {
                    "repeats the answer of its question as one column per option".into()
                }
                _ => p.reason.clone(),
            };
            let role = if m.kind == MemberKind::Duplicate {
                Role::Metadata
            } else {
                p.role
            };
            out.push((
                m.col,
                ColumnInfo {
                    header: m.header.clone(),
                    role,
                    question: p.question.filter(|_| role == Role::Question),
                    segment: p.segment.clone().filter(|_| role == Role::Segment),
                    reason,
                },
            ));
        }
    }
    out.sort_by_key(|(c, _)| *c);
    out.into_iter().map(|(_, c)| c).collect()
}

/// How a single header of a plain CSV would be placed (for tests, `--explain`
/// and the config docs).
pub fn classify_header(header: &str, rules: &ColumnRules) -> ColumnInfo {
    let layout = Layout {
        platform: super::Platform::Generic,
        header_rows: 1,
        fields: vec![Field::single(0, header, None)],
        placeholders: &[],
        day_first: false,
    };
    let placed = classify(&layout, rules);
    column_infos(&placed).remove(0)
}
