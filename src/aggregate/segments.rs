//! Which segment columns may split the report, and which of their values
//! may be named: a column of free text ("What state or country were you
//! born in?") is no segment, and a value fewer reps share than the minimum
//! cell size is folded into one "other answers" group before anything is
//! counted, so it is named nowhere (header, tables, snapshot, diff).

use crate::ingest::{Role, Survey};
use std::collections::{BTreeMap, BTreeSet};

pub use crate::snapshot::OTHER_VALUES;

/// Answers longer than this on average are sentences, not groups.
const MAX_MEAN_CHARS: usize = 40;

/// Drops free-text segment columns and folds rare values (see module doc).
pub fn screen(survey: &mut Survey, min_cell_size: usize) {
    let mut values: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for r in &survey.responses {
        for (name, v) in &r.segments {
            *values
                .entry(name.clone())
                .or_default()
                .entry(v.clone())
                .or_default() += 1;
        }
    }
    let mut dropped: BTreeMap<String, String> = BTreeMap::new();
    for (name, counts) in &values {
        if let Some(why) = free_text(counts) {
            dropped.insert(name.clone(), why);
        }
    }
    for src in &mut survey.sources {
        for c in &mut src.columns {
            if let (Role::Segment, Some(name)) = (c.role, c.segment.clone())
                && let Some(why) = dropped.get(&name)
            {
                c.role = Role::Ignored;
                c.segment = None;
                c.reason = why.clone();
            }
        }
    }
    let rare: BTreeSet<(String, String)> = values
        .iter()
        .filter(|(name, _)| !dropped.contains_key(*name))
        .flat_map(|(name, counts)| {
            counts
                .iter()
                .filter(|(_, n)| **n < min_cell_size)
                .map(move |(v, _)| (name.clone(), v.clone()))
        })
        .collect();
    for r in &mut survey.responses {
        r.segments.retain(|name, _| !dropped.contains_key(name));
        for (name, v) in r.segments.iter_mut() {
            if rare.contains(&(name.clone(), v.clone())) {
                *v = OTHER_VALUES.to_string();
            }
        }
    }
}

/// Why a column's answers are free text rather than a few shared groups.
fn free_text(counts: &BTreeMap<String, usize>) -> Option<String> {
    let answered: usize = counts.values().sum();
    let distinct = counts.len();
    let chars: usize = counts.iter().map(|(v, n)| v.chars().count() * n).sum();
    if distinct >= 4 && distinct * 2 > answered {
        return Some(format!(
            "free text, not a segment: {distinct} different answers from {answered} reps"
        ));
    }
    if answered > 0 && chars / answered > MAX_MEAN_CHARS {
        return Some("free text, not a segment: the answers are sentences".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::free_text;
    use std::collections::BTreeMap;

    fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
        pairs.iter().map(|(v, n)| (v.to_string(), *n)).collect()
    }

    #[test]
    fn varied_answers_are_free_text() {
        let born = counts(&[
            ("Texas", 2),
            ("Ohio", 1),
            ("Bavaria", 1),
            ("Kerala", 1),
            ("Lagos", 1),
        ]);
        assert!(free_text(&born).is_some());
        let region = counts(&[("EMEA", 12), ("Americas", 14), ("APAC", 4)]);
        assert!(free_text(&region).is_none());
        let long = counts(&[("We mostly sell to mid-size logistics firms in the north", 6)]);
        assert!(free_text(&long).is_some());
    }
}
