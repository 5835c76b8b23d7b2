//! Every row accounted for: incomplete rows (as the platform marks them),
//! preview and test responses and empty rows are set aside as they are
//! read (only counted, never kept), then repeat submissions of one
//! respondent (across all files) are found and only the latest is kept;
//! `rows = used + superseded + incomplete + empty + test`. Identity, strongest
//! first: email, platform respondent id, full name of two or more words.
//! `anonymous` emails, blank names and a lone first name are not identities.

use super::assemble::Pending;
use super::{Accounting, ReadOptions, Respondent};
use chrono::NaiveDateTime;
use std::collections::BTreeMap;

/// What became of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    Used,
    Superseded,
    Incomplete,
    Empty,
    Test,
}

/// A row with its file and parsed submission time.
pub(crate) struct Row {
    pub source: usize,
    pub pending: Pending,
    pub submitted: Option<NaiveDateTime>,
}

/// The fate of a row that is set aside as it is read: a preview or test
/// response, an unfinished one, or one with no answer (`has_questions`:
/// whether its file has question columns; if not, "empty" means no
/// content at all). `None` for a row that may be used.
pub(crate) fn set_aside(p: &Pending, has_questions: bool, opts: &ReadOptions) -> Option<Fate> {
    let empty = if has_questions {
        p.answers.is_empty()
    } else {
        !p.has_content
    };
    if p.test && !opts.include_tests {
        Some(Fate::Test)
    } else if p.incomplete && !opts.include_incomplete {
        Some(Fate::Incomplete)
    } else if empty {
        Some(Fate::Empty)
    } else {
        None
    }
}

/// Counts one row set aside.
pub(crate) fn count_aside(acc: &mut Accounting, fate: Fate) {
    acc.rows += 1;
    match fate {
        Fate::Test => acc.test += 1,
        Fate::Incomplete => acc.incomplete += 1,
        Fate::Empty => acc.empty += 1,
        Fate::Used | Fate::Superseded => {}
    }
}

/// Decides which of the rows kept (none set aside) are used and which are
/// superseded by a later submission of the same respondent.
pub(crate) fn decide(rows: &[Row]) -> Vec<Fate> {
    let mut fates = vec![Fate::Used; rows.len()];
    supersede(rows, &mut fates);
    fates
}

/// Groups used rows that share an identity; all but the latest of each
/// group are superseded. Emails are matched first, then platform ids, then
/// full names; a group never holds two different emails, so two people
/// who share a name but give their own emails stay apart.
fn supersede(rows: &[Row], fates: &mut [Fate]) {
    let used: Vec<usize> = (0..rows.len())
        .filter(|&i| fates[i] == Fate::Used)
        .collect();
    let mut groups = Groups::new(rows);
    for level in [Level::Email, Level::Id, Level::Name] {
        // Rows holding a key; more than one only when their emails differ.
        let mut owners: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in &used {
            let Some(key) = identity(&rows[i].pending.respondent, level) else {
                continue;
            };
            let list = owners.entry(key).or_default();
            if !list.iter().any(|&j| groups.union(i, j)) {
                list.push(i);
            }
        }
    }
    let mut latest: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in &used {
        let root = groups.find(i);
        let better = latest
            .get(&root)
            .is_none_or(|&j| order_key(&rows[i]) >= order_key(&rows[j]));
        if better {
            latest.insert(root, i);
        }
    }
    for &i in &used {
        let root = groups.find(i);
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

/// The kinds of identity, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Email,
    Id,
    Name,
}

/// One identity key of a respondent. A name identifies only with at least
/// two words: two reps called "Sam" are not one person.
fn identity(r: &Respondent, level: Level) -> Option<String> {
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
    match level {
        Level::Email => norm(&r.email).map(|e| format!("email:{e}")),
        Level::Id => norm(&r.platform_id).map(|p| format!("id:{p}")),
        Level::Name => norm(&r.name)
            .filter(|n| {
                n.split(' ')
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    >= 2
            })
            .map(|n| format!("name:{n}")),
    }
}

/// Union-find over rows; each group remembers its email so that groups
/// with different emails are never joined.
struct Groups {
    parent: Vec<usize>,
    email: Vec<Option<String>>,
}

impl Groups {
    fn new(rows: &[Row]) -> Groups {
        Groups {
            parent: (0..rows.len()).collect(),
            email: rows
                .iter()
                .map(|r| identity(&r.pending.respondent, Level::Email))
                .collect(),
        }
    }

    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut j = i;
        while self.parent[j] != r {
            let next = self.parent[j];
            self.parent[j] = r;
            j = next;
        }
        r
    }

    /// Joins the groups of `a` and `b`; false when their emails differ.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let email = match (&self.email[ra], &self.email[rb]) {
            (Some(x), Some(y)) if x != y => return false,
            (Some(x), _) | (_, Some(x)) => Some(x.clone()),
            _ => None,
        };
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        self.email[root] = email;
        true
    }
}

/// Counts per source, on top of the rows each source set aside.
pub(crate) fn tally(rows: &[Row], fates: &[Fate], aside: &[Accounting]) -> Vec<Accounting> {
    let mut acc = aside.to_vec();
    for (r, f) in rows.iter().zip(fates) {
        let a = &mut acc[r.source];
        a.rows += 1;
        match f {
            Fate::Used => a.used += 1,
            Fate::Superseded => a.superseded += 1,
            other => count_aside(a, *other),
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
            row(1, 1, "A@X.com ", "Ann Lee", 9),
            row(1, 2, "", "ann  lee", 13),
            row(1, 3, "", "", 14),
        ];
        let fates = decide(&rows);
        use Fate::*;
        assert_eq!(fates, vec![Superseded, Used, Used, Superseded, Used, Used]);
        let acc = tally(&rows, &fates, &[Accounting::default(); 2]);
        assert_eq!((acc[0].used, acc[0].superseded, acc[1].used), (2, 1, 2));
    }

    #[test]
    fn a_first_name_alone_is_not_an_identity() {
        let rows = vec![
            row(0, 1, "", "Sam", 10),
            row(0, 2, "", "sam", 11),
            row(0, 3, "", "Sam Ortiz", 12),
        ];
        assert_eq!(decide(&rows), vec![Fate::Used; 3]);
    }

    #[test]
    fn different_emails_keep_namesakes_apart() {
        let rows = vec![
            row(0, 1, "sam.o@x.com", "Sam Ortiz", 10),
            row(0, 2, "", "Sam Ortiz", 11),
            row(0, 3, "sortiz@y.com", "Sam Ortiz", 12),
            row(0, 4, "sortiz@y.com", "", 13),
        ];
        use Fate::*;
        // Row 2 joins row 1 by name; row 3 has another email, so it
        // starts its own group, which row 4 joins by email.
        assert_eq!(decide(&rows), vec![Superseded, Used, Superseded, Used]);
    }

    #[test]
    fn tests_unfinished_and_empty_rows_are_set_aside() {
        let opts = ReadOptions::default();
        let mut p = row(0, 1, "", "", 10).pending;
        assert_eq!(set_aside(&p, true, &opts), None);
        p.incomplete = true;
        assert_eq!(set_aside(&p, true, &opts), Some(Fate::Incomplete));
        p.test = true;
        assert_eq!(set_aside(&p, true, &opts), Some(Fate::Test));
        let keep = ReadOptions {
            include_tests: true,
            include_incomplete: true,
            ..ReadOptions::default()
        };
        assert_eq!(set_aside(&p, true, &keep), None);
        p.answers.clear();
        assert_eq!(set_aside(&p, true, &keep), Some(Fate::Empty));
        let mut acc = Accounting::default();
        count_aside(&mut acc, Fate::Test);
        assert_eq!((acc.rows, acc.test), (1, 1));
    }

    #[test]
    fn platform_id_joins_rows_without_email() {
        let mut a = row(0, 1, "", "", 10);
        let mut b = row(1, 1, "", "Sam", 11);
        a.pending.respondent.platform_id = Some("R_abc123".into());
        b.pending.respondent.platform_id = Some("R_abc123".into());
        let rows = vec![a, b];
        assert_eq!(decide(&rows), vec![Fate::Superseded, Fate::Used]);
    }
}
