//! Segment candidates inferred from values: a column that is neither a
//! question nor a known column, whose answers take a few short values that
//! repeat ("EMEA", "APAC", ...), is taken as a segment, as the question
//! bank promises ("offered as candidates when a column has few distinct
//! values"). Rows stream, so only the distinct values of such columns are
//! kept, up to a cap, plus one small index per row and column; a column
//! that goes over the cap or holds a long answer is dropped at once.

use super::Role;
use super::assemble::Pending;
use super::columns::Placed;
use super::layout::MemberKind;
use super::matching::strip_decorations;
use super::records::Record;

/// At most this many distinct values.
const MAX_VALUES: usize = 8;
/// No value longer than this (in characters).
const MAX_CHARS: usize = 40;
/// At least this many answered rows.
const MIN_ROWS: usize = 10;

/// One unplaced column being watched.
struct Watch {
    /// Index into the placed fields.
    field: usize,
    col: usize,
    /// Distinct values with their counts; emptied when the column fails.
    values: Vec<(String, usize)>,
    alive: bool,
}

/// The unplaced single columns of a layout, watched while rows stream.
pub(crate) struct Candidates {
    watched: Vec<Watch>,
}

impl Candidates {
    /// Watches fields ignored only because their header is not understood.
    pub(crate) fn new(placed: &[Placed]) -> Candidates {
        let watched = placed
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == Role::Ignored && p.unplaced)
            .filter(|(_, p)| p.field.members.len() == 1)
            .filter(|(_, p)| p.field.members[0].kind == MemberKind::Value)
            .take(usize::from(u16::MAX))
            .map(|(i, p)| Watch {
                field: i,
                col: p.field.members[0].col,
                values: vec![],
                alive: true,
            })
            .collect();
        Candidates { watched }
    }

    /// Notes the values of one row; `pending` keeps an index per value.
    pub(crate) fn observe(&mut self, rec: &Record, placeholders: &[&str], pending: &mut Pending) {
        for (w_idx, w) in self.watched.iter_mut().enumerate() {
            if !w.alive {
                continue;
            }
            let v = rec.cells.get(w.col).map_or("", |c| c.trim());
            if v.is_empty() || placeholders.iter().any(|p| p.eq_ignore_ascii_case(v)) {
                continue;
            }
            let at = match w.values.iter().position(|(x, _)| x == v) {
                Some(at) => at,
                None if w.values.len() < MAX_VALUES && v.chars().count() <= MAX_CHARS => {
                    w.values.push((v.to_string(), 0));
                    w.values.len() - 1
                }
                None => {
                    w.alive = false;
                    w.values = vec![];
                    continue;
                }
            };
            w.values[at].1 += 1;
            pending.candidates.push((w_idx as u16, at as u8));
        }
    }

    /// Places the columns that qualify as segments and fills their values
    /// into the rows; the per-row indexes are then dropped.
    pub(crate) fn finish(self, placed: &mut [Placed], pending: &mut [Pending]) {
        let mut names: Vec<Option<String>> = vec![None; self.watched.len()];
        for (w_idx, w) in self.watched.iter().enumerate() {
            if !(w.alive && qualifies(&w.values)) {
                continue;
            }
            let name = free_name(&placed[w.field].field.text, placed);
            let p = &mut placed[w.field];
            p.role = Role::Segment;
            p.reason = format!(
                "a segment inferred from its values ({} distinct: {}); set it in frontline.toml to name it or ignore it",
                w.values.len(),
                examples(&w.values)
            );
            p.segment = Some(name.clone());
            names[w_idx] = Some(name);
        }
        for row in pending.iter_mut() {
            for (w_idx, at) in std::mem::take(&mut row.candidates) {
                let w = &self.watched[w_idx as usize];
                if let Some(name) = &names[w_idx as usize] {
                    row.segments
                        .insert(name.clone(), w.values[at as usize].0.clone());
                }
            }
        }
    }
}

/// Enough answered rows, and most of them share their value with another.
fn qualifies(values: &[(String, usize)]) -> bool {
    let rows: usize = values.iter().map(|(_, n)| n).sum();
    let repeated: usize = values.iter().map(|(_, n)| *n).filter(|&n| n >= 2).sum();
    rows >= MIN_ROWS && values.len() >= 2 && repeated * 2 > rows
}

/// Up to three values, most frequent first.
fn examples(values: &[(String, usize)]) -> String {
    let mut v: Vec<&(String, usize)> = values.iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let shown: Vec<String> = v.iter().take(3).map(|(s, _)| format!("\"{s}\"")).collect();
    shown.join(", ")
}

/// A segment name from the header ("Which CRM do you use?" ->
/// `which_crm_do_you_use`), made unique among the placed segments.
fn free_name(header: &str, placed: &[Placed]) -> String {
    let words: Vec<String> = strip_decorations(header)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_string)
        .collect();
    let base = if words.is_empty() {
        "segment".to_string()
    } else {
        words.join("_")
    };
    let taken = |n: &str| placed.iter().any(|p| p.segment.as_deref() == Some(n));
    let mut name = base.clone();
    let mut k = 2;
    while taken(&name) {
        name = format!("{base}_{k}");
        k += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(counts: &[usize]) -> Vec<(String, usize)> {
        counts
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("v{i}"), *n))
            .collect()
    }

    #[test]
    fn few_repeating_values_qualify() {
        assert!(qualifies(&vals(&[4, 3, 3])));
        // Too few rows, one value only, or mostly one-offs.
        assert!(!qualifies(&vals(&[3, 3])));
        assert!(!qualifies(&vals(&[12])));
        assert!(!qualifies(&vals(&[4, 1, 1, 1, 1, 1, 1])));
    }
}
