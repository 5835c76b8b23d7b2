//! Every row accounted for: incomplete rows (as the platform marks them)
//! and empty rows are set aside, then repeat submissions of one respondent
//! (same email, name or platform id, across all files) are found and only
//! the latest is kept; `rows = used + superseded + incomplete + empty`.
//! `anonymous` emails and blank names are not identities.

use super::assemble::Pending;
use super::{Accounting, Respondent};
use chrono::NaiveDateTime;
use std::collections::BTreeMap;

/// What became of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    Used,
    Superseded,
    Incomplete,
    Empty,
}

/// A row with its file and parsed submission time.
pub(crate) struct Row {
    pub source: usize,
    pub pending: Pending,
    pub submitted: Option<NaiveDateTime>,
}

/// Decides the fate of every row; `has_questions[source]` says whether the
/// row's file has question columns (if not, "empty" means no content).
pub(crate) fn decide(rows: &[Row], has_questions: &[bool], include_incomplete: bool) -> Vec<Fate> {
    let mut fates: Vec<Fate> = rows
        .iter()
        .map(|r| {
            let p = &r.pending;
            let empty = if has_questions[r.source] {
                p.answers.is_empty()
            } else {
                !p.has_content
            };
            if p.incomplete && !include_incomplete {
                Fate::Incomplete
            } else if empty {
                Fate::Empty
            } else {
                Fate::Used
            }
        })
        .collect();
    supersede(rows, &mut fates);
    fates
}

/// Groups used rows that share an identity; all but the latest of each
/// group are superseded.
fn supersede(rows: &[Row], fates: &mut [Fate]) {
    let used: Vec<usize> = (0..rows.len())
        .filter(|&i| fates[i] == Fate::Used)
        .collect();
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    for &i in &used {
        for key in identities(&rows[i].pending.respondent) {
            match owner.get(&key) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    owner.insert(key, i);
                }
            }
        }
    }
    let mut latest: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in &used {
        let root = find(&mut parent, i);
        let better = latest
            .get(&root)
            .is_none_or(|&j| order_key(&rows[i]) >= order_key(&rows[j]));
        if better {
            latest.insert(root, i);
        }
    }
    for &i in &used {
        let root = find(&mut parent, i);
        if latest[&root] != i {
            fates[i] = Fate::Superseded;
        }
    }
}

/// Later submission wins; without times, the later file and row.
fn order_key(r: &Row) -> (Option<NaiveDateTime>, usize, usize) {
    (r.submitted, r.source, r.pending.row)
}

const NOT_IDENTITIES: &[&str] = &[
    "anonymous",
    "anonym",
    "anonyme",
    "anónimo",
    "n/a",
    "na",
    "none",
    "-",
    "unknown",
    "test",
];

/// The identity keys of a respondent: email, name, platform id.
pub(crate) fn identities(r: &Respondent) -> Vec<String> {
    let norm = |s: &Option<String>| {
        s.as_deref()
            .map(|v| {
                v.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .filter(|v| !v.is_empty() && !NOT_IDENTITIES.contains(&v.as_str()))
    };
    let mut keys = vec![];
    if let Some(e) = norm(&r.email) {
        keys.push(format!("email:{e}"));
    }
    if let Some(n) = norm(&r.name) {
        keys.push(format!("name:{n}"));
    }
    if let Some(p) = norm(&r.platform_id) {
        keys.push(format!("id:{p}"));
    }
    keys
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut j = i;
    while parent[j] != r {
        let next = parent[j];
        parent[j] = r;
        j = next;
    }
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Counts per source.
pub(crate) fn tally(rows: &[Row], fates: &[Fate], sources: usize) -> Vec<Accounting> {
    let mut acc = vec![Accounting::default(); sources];
    for (r, f) in rows.iter().zip(fates) {
        let a = &mut acc[r.source];
        a.rows += 1;
        match f {
            Fate::Used => a.used += 1,
            Fate::Superseded => a.superseded += 1,
            Fate::Incomplete => a.incomplete += 1,
            Fate::Empty => a.empty += 1,
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(source: usize, n: usize, email: &str, name: &str, hour: u32) -> Row {
        let mut p = Pending {
            row: n,
            ..Pending::default()
        };
        p.answers
            .insert(crate::questions::QuestionId::Objections, "price".into());
        p.respondent.email = (!email.is_empty()).then(|| email.to_string());
        p.respondent.name = (!name.is_empty()).then(|| name.to_string());
        let submitted =
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).and_then(|d| d.and_hms_opt(hour, 0, 0));
        Row {
            source,
            pending: p,
            submitted,
        }
    }

    #[test]
    fn latest_submission_wins_and_anonymous_is_nobody() {
        let rows = vec![
            row(0, 1, "a@x.com", "", 10),
            row(0, 2, "anonymous", "", 11),
            row(0, 3, "anonymous", "", 12),
            row(1, 1, "A@X.com ", "Ann", 9),
            row(1, 2, "", "ann", 13),
            row(1, 3, "", "", 14),
        ];
        let fates = decide(&rows, &[true, true], false);
        use Fate::*;
        assert_eq!(fates, vec![Superseded, Used, Used, Superseded, Used, Used]);
        let acc = tally(&rows, &fates, 2);
        assert_eq!((acc[0].used, acc[0].superseded, acc[1].used), (2, 1, 2));
    }
}
