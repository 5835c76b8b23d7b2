//! Segments that tell the story: for each question, the segment values
//! whose share of a theme, persona or verdict differs markedly from the
//! rest of the team. Each candidate is a Fisher's exact test of the value
//! against the rest; the p-values of a question are adjusted together
//! (Benjamini-Hochberg) so that chance differences among many tests are
//! not headlined. Suppressed cells (under the minimum size) are never
//! tested.

use crate::snapshot::{Highlight, QuestionSummary, round4};
use crate::stats::{bh_adjust, lift_test};

/// Adjusted p-values under this are highlighted.
const FDR: f64 = 0.10;
/// A segment value must be this far from the overall share (as a ratio,
/// either way) to be worth a sentence.
const MIN_LIFT: f64 = 1.5;

/// The overall (count, label) of every key the question's cells use.
fn overall(q: &QuestionSummary) -> Vec<(String, String, usize)> {
    let mut v: Vec<(String, String, usize)> = q
        .themes
        .iter()
        .filter(|t| t.id != "other")
        .map(|t| (t.id.clone(), t.label.clone(), t.respondents))
        .collect();
    v.extend(q.personas.iter().map(|p| {
        let key = crate::snapshot::persona_key(p.function, p.seniority);
        (
            key,
            crate::snapshot::persona_label(p.function, p.seniority),
            p.respondents,
        )
    }));
    if let Some(r) = &q.ratings {
        v.extend(
            r.distribution
                .iter()
                .map(|c| (c.key.clone(), c.label.clone(), c.count)),
        );
    }
    v
}

pub(super) fn highlights(q: &QuestionSummary) -> Vec<Highlight> {
    let keys = overall(q);
    let mut candidates = vec![];
    for b in &q.by_segment {
        for cell in b.cells.iter().filter(|c| !c.suppressed) {
            for (key, label, all_k) in &keys {
                let k = cell
                    .figures
                    .iter()
                    .find(|f| &f.key == key)
                    .map_or(0, |f| f.count);
                let d = lift_test(
                    k as u64,
                    cell.answered as u64,
                    *all_k as u64,
                    q.answered as u64,
                );
                candidates.push((
                    b.segment.clone(),
                    cell.value.clone(),
                    key,
                    label,
                    k,
                    cell.answered,
                    d,
                ));
            }
        }
    }
    let adjusted = bh_adjust(&candidates.iter().map(|c| c.6.p_value).collect::<Vec<_>>());
    let mut out: Vec<Highlight> = candidates
        .into_iter()
        .zip(adjusted)
        .filter_map(|((segment, value, key, label, count, n, d), p)| {
            let lift = d.lift?;
            let marked = lift >= MIN_LIFT || lift <= 1.0 / MIN_LIFT;
            (!d.too_few && p < FDR && marked).then(|| Highlight {
                segment,
                value,
                key: key.clone(),
                label: label.clone(),
                count,
                n,
                segment_share: round4(d.segment_share),
                rest_share: round4(d.rest_share),
                overall_share: round4(d.overall_share),
                lift: round4(lift),
                p_value: round4(p),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.p_value
            .total_cmp(&b.p_value)
            .then_with(|| (&a.segment, &a.value, &a.key).cmp(&(&b.segment, &b.value, &b.key)))
    });
    out
}
