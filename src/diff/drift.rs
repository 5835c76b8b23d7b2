//! Survey drift: what changed in the survey itself between two quarters
//! (a question reworded, added or removed; a segment's options; the
//! codebooks). It is said at the top of a diff, and themes that exist in
//! only one quarter's codebook are not reported as new or gone.

use crate::questions::QuestionId;
use crate::snapshot::{OTHER_VALUES, Snapshot};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    Wording,
    QuestionAdded,
    QuestionRemoved,
    FiscalYear,
    SegmentAdded,
    SegmentRemoved,
    SegmentOptions,
    ThemeAdded,
    ThemeRemoved,
    ThemeRenamed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drift {
    pub kind: DriftKind,
    /// The question id, segment name or `codebook/theme`.
    pub subject: String,
    pub message: String,
}

fn folded(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) fn detect(old: &Snapshot, new: &Snapshot) -> Vec<Drift> {
    let mut out = questions(old, new);
    if old.fiscal_year_start != new.fiscal_year_start {
        out.push(Drift {
            kind: DriftKind::FiscalYear,
            subject: "fiscal_year_start".into(),
            message: format!(
                "the fiscal year starts in month {} now, {} before: quarter labels are not comparable",
                new.fiscal_year_start, old.fiscal_year_start
            ),
        });
    }
    out.extend(segments(old, new));
    out.extend(codebooks(old, new));
    out
}

fn questions(old: &Snapshot, new: &Snapshot) -> Vec<Drift> {
    let mut out = vec![];
    for id in QuestionId::ALL {
        let d = |kind, message: String| Drift {
            kind,
            subject: id.to_string(),
            message,
        };
        match (old.question(id), new.question(id)) {
            (Some(o), Some(n)) if folded(&o.header) != folded(&n.header) => out.push(d(
                DriftKind::Wording,
                format!("“{}” was asked with different wording: before “{}”, now “{}”. Answers may not be comparable.", id.title(), o.header, n.header),
            )),
            (None, Some(_)) => out.push(d(DriftKind::QuestionAdded, format!("“{}” was not asked in the earlier quarter.", id.title()))),
            (Some(_), None) => out.push(d(DriftKind::QuestionRemoved, format!("“{}” is no longer asked.", id.title()))),
            _ => {}
        }
    }
    out
}

fn segments(old: &Snapshot, new: &Snapshot) -> Vec<Drift> {
    let names: BTreeSet<&str> = old
        .segments
        .iter()
        .chain(&new.segments)
        .map(|s| s.name.as_str())
        .collect();
    let mut out = vec![];
    for name in names {
        let o = old.segments.iter().find(|s| s.name == name);
        let n = new.segments.iter().find(|s| s.name == name);
        let d = |kind, message: String| Drift {
            kind,
            subject: name.to_string(),
            message,
        };
        match (o, n) {
            (Some(o), Some(n)) => {
                // The group of rare values coming or going is no change of
                // the options (and must not read as one on the first page).
                let keys = |s: &'_ crate::snapshot::SegmentSummary| -> BTreeSet<String> {
                    s.values
                        .iter()
                        .map(|v| v.key.clone())
                        .filter(|k| k != OTHER_VALUES)
                        .collect()
                };
                let (ov, nv) = (keys(o), keys(n));
                if ov != nv {
                    let added: Vec<&str> = nv.difference(&ov).map(String::as_str).collect();
                    let removed: Vec<&str> = ov.difference(&nv).map(String::as_str).collect();
                    out.push(d(
                        DriftKind::SegmentOptions,
                        segment_message(&n.header, &added, &removed),
                    ));
                }
            }
            (None, Some(n)) => out.push(d(
                DriftKind::SegmentAdded,
                format!("segment “{}” is new this quarter", n.header),
            )),
            (Some(o), None) => out.push(d(
                DriftKind::SegmentRemoved,
                format!("segment “{}” is gone this quarter", o.header),
            )),
            (None, None) => {}
        }
    }
    out
}

fn codebooks(old: &Snapshot, new: &Snapshot) -> Vec<Drift> {
    let mut out = vec![];
    for (book, n) in &new.codebooks {
        let Some(o) = old.codebooks.get(book) else {
            continue;
        };
        if o.fingerprint == n.fingerprint && o.themes == n.themes {
            continue;
        }
        let d = |kind, theme: &str, message: String| Drift {
            kind,
            subject: format!("{book}/{theme}"),
            message,
        };
        for (id, label) in &n.themes {
            match o.themes.get(id) {
                None => out.push(d(DriftKind::ThemeAdded, id, format!("theme “{label}” ({id}) was added to the {book} codebook; it is not compared with the earlier quarter"))),
                Some(ol) if ol != label => out.push(d(DriftKind::ThemeRenamed, id, format!("theme {id} was relabelled from “{ol}” to “{label}”"))),
                _ => {}
            }
        }
        for id in o.themes.keys().filter(|id| !n.themes.contains_key(*id)) {
            out.push(d(
                DriftKind::ThemeRemoved,
                id,
                format!("theme {id} was removed from the {book} codebook; it is not compared"),
            ));
        }
    }
    out
}

/// "The answers to “Region” changed: first seen this quarter: LATAM; not
/// seen this quarter: APAC." Responses show only the options someone
/// chose, so a missing value may be an option nobody picked.
fn segment_message(header: &str, added: &[&str], removed: &[&str]) -> String {
    let mut parts = vec![];
    if !added.is_empty() {
        parts.push(format!("first seen this quarter: {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!(
            "not seen this quarter (an option nobody chose, or one removed): {}",
            removed.join(", ")
        ));
    }
    format!("the answers to “{header}” changed; {}", parts.join("; "))
}

/// Per question, the theme ids present in only one quarter's codebook.
pub(super) fn one_sided_themes(
    old: &Snapshot,
    new: &Snapshot,
) -> BTreeMap<QuestionId, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for id in QuestionId::ALL {
        let Some(book) = id.codebook() else { continue };
        let (Some(o), Some(n)) = (
            old.codebooks.get(book.as_str()),
            new.codebooks.get(book.as_str()),
        ) else {
            continue;
        };
        let one_sided: BTreeSet<String> = o
            .themes
            .keys()
            .filter(|k| !n.themes.contains_key(*k))
            .chain(n.themes.keys().filter(|k| !o.themes.contains_key(*k)))
            .cloned()
            .collect();
        if !one_sided.is_empty() {
            out.insert(id, one_sided);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Count, SegmentSummary};

    fn with_values(values: &[&str]) -> Snapshot {
        let mut s = crate::render::tests::snapshot_of(&[("SMB", "price", "3 months")]);
        s.segments = vec![SegmentSummary {
            name: "product_line".into(),
            header: "Which product line?".into(),
            values: values
                .iter()
                .map(|v| Count {
                    key: v.to_string(),
                    label: v.to_string(),
                    count: 5,
                    share: 0.5,
                })
                .collect(),
        }];
        s
    }

    #[test]
    fn the_rare_values_group_is_no_change_of_options() {
        let old = with_values(&["AC", "FSS", OTHER_VALUES]);
        assert!(segments(&old, &with_values(&["AC", "FSS"])).is_empty());
        assert!(segments(&with_values(&["AC"]), &with_values(&["AC", OTHER_VALUES])).is_empty());
        let d = segments(&old, &with_values(&["AC", "LATAM"]));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("first seen this quarter: LATAM"));
        assert!(d[0].message.ends_with("): FSS"), "{}", d[0].message);
    }
}
