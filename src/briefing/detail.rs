//! The detail sections, one per question: tables of themes, personas,
//! stages, durations and ratings, with the changes since the previous
//! quarter, the data the charts are drawn from, and the segment tables
//! (folded away by the renderers). Rows of one rep are grouped, so the
//! tables show what recurs.

use super::format::{days, pct};
use super::history::{Deltas, Marker};
use super::messaging::quotes_of;
use super::tables::{Table, persona_matrix, segment_table};
use crate::questions::QuestionId;
use crate::snapshot::{Count, QuestionSummary, Quote, Snapshot, persona_key, persona_label};
use serde::Serialize;

/// Themes whose quotes show in the section (the rest are in the table).
const QUOTED_THEMES: usize = 6;

/// A figure: label, count, share as a percentage, and its change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub share: String,
    pub quotes: Vec<Quote>,
    pub delta: Option<Marker>,
}

/// One bar of a chart: a share now, and last quarter's when known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarDatum {
    pub label: String,
    pub share: f64,
    pub count: usize,
    pub previous: Option<f64>,
    /// `good`, `bad` or `neutral` news of its change.
    pub news: String,
}

/// One group's typical days, for the strip plot of cycle lengths.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strip {
    pub label: String,
    pub values: Vec<f64>,
    pub median: f64,
}

/// A stacked bar of the website verdict for one quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stack {
    pub label: String,
    /// (verdict key, label, share, count), in yes / partly / no order.
    pub parts: Vec<(String, String, f64, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub question: String,
    pub answered: usize,
    /// The sentence that states the base of the section's shares.
    pub base: String,
    pub themes: Vec<Row>,
    /// Themes named by one rep each, grouped: "A, B, C".
    pub once: String,
    pub bars: Vec<BarDatum>,
    pub emerging: Vec<Row>,
    pub personas: Vec<Row>,
    pub persona_matrix: Option<Table>,
    pub stages: Vec<Row>,
    pub stage_order: String,
    pub durations: Option<Durations>,
    pub strips: Vec<Strip>,
    pub ratings: Vec<Row>,
    pub stacks: Vec<Stack>,
    pub scale: Vec<Row>,
    pub tone: Vec<Row>,
    pub competitors: String,
    pub missing: String,
    pub segment_tables: Vec<Table>,
    /// Sentences on segment values that differ from the rest.
    pub highlights: Vec<String>,
    /// A change to the question's wording since the previous quarter.
    pub reworded: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Durations {
    pub median: String,
    pub quartiles: String,
    pub parsed: usize,
    pub unparsed: usize,
    pub open_ended: usize,
    pub histogram: Vec<Row>,
    pub by_word: Vec<(String, String)>,
    /// The previous quarter's median and the test, when known.
    pub previous: String,
}

fn row(c: &Count, delta: Option<Marker>) -> Row {
    Row {
        key: c.key.clone(),
        label: c.label.clone(),
        count: c.count,
        share: pct(c.share),
        quotes: vec![],
        delta,
    }
}

/// "28 reps answered, 2 left it blank."
fn base_sentence(q: &QuestionSummary) -> String {
    let mut s = format!("{} reps answered", q.answered);
    if q.blank > 0 {
        s.push_str(&format!(
            ", {} left it blank or wrote nothing usable",
            q.blank
        ));
    }
    s.push('.');
    s
}

/// The share a key had in the previous quarter.
fn previous_share(deltas: &Deltas, q: QuestionId, key: &str) -> Option<f64> {
    let d = deltas.diff.as_ref()?;
    d.themes
        .iter()
        .chain(&d.personas)
        .chain(&d.website)
        .find(|s| s.question == q && s.theme == key)
        .map(|s| s.old_share)
}

pub fn section(s: &Snapshot, q: &QuestionSummary, deltas: &Deltas) -> Section {
    let reworded = deltas
        .diff
        .iter()
        .flat_map(|d| &d.drift)
        .find(|d| d.kind == crate::diff::DriftKind::Wording && d.subject == q.id.as_str())
        .map(|d| d.message.clone())
        .unwrap_or_default();
    if q.answered == 0 {
        return Section {
            id: q.id.as_str().into(),
            title: q.title.clone(),
            question: q.header.clone(),
            base: "Nobody gave a usable answer to this question this quarter.".into(),
            reworded,
            ..Section::default()
        };
    }
    let mut sec = Section {
        id: q.id.as_str().into(),
        title: q.title.clone(),
        question: q.header.clone(),
        answered: q.answered,
        base: base_sentence(q),
        reworded,
        highlights: q.highlights.iter().map(|h| highlight(s, h)).collect(),
        segment_tables: q
            .by_segment
            .iter()
            .filter_map(|b| segment_table(s, q, b))
            .collect(),
        competitors: listing(&q.competitors),
        missing: listing(&q.missing_audiences),
        tone: q.tone.iter().map(|c| row(c, None)).collect(),
        ..Section::default()
    };
    themes(q, deltas, &mut sec);
    personas(q, deltas, &mut sec);
    stages(q, &mut sec);
    if let Some(d) = &q.durations {
        sec.durations = Some(durations(d, deltas));
        sec.strips = strips(q);
    }
    ratings(q, deltas, &mut sec);
    sec
}

fn listing(v: &[Count]) -> String {
    v.iter()
        .map(|c| format!("{} ({})", c.label, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn themes(q: &QuestionSummary, deltas: &Deltas, sec: &mut Section) {
    let (many, once): (Vec<_>, Vec<_>) = q
        .themes
        .iter()
        .partition(|t| t.respondents > 1 || t.id == "other");
    sec.once = once
        .iter()
        .map(|t| t.label.clone())
        .collect::<Vec<_>>()
        .join(", ");
    sec.themes = many
        .iter()
        .enumerate()
        .map(|(i, t)| Row {
            key: t.id.clone(),
            label: t.label.clone(),
            count: t.respondents,
            share: pct(t.share),
            quotes: if i < QUOTED_THEMES || t.id == "other" {
                quotes_of(t)
            } else {
                vec![]
            },
            delta: deltas.get(q.id, &t.id),
        })
        .collect();
    sec.bars = many
        .iter()
        .filter(|t| t.id != "other")
        .map(|t| BarDatum {
            label: t.label.clone(),
            share: t.share,
            count: t.respondents,
            previous: previous_share(deltas, q.id, &t.id),
            news: deltas
                .get(q.id, &t.id)
                .map_or_else(|| "neutral".into(), |m| m.news),
        })
        .collect();
    sec.emerging = q
        .emerging
        .iter()
        .map(|e| Row {
            key: e.terms.join(" "),
            label: e.label.clone(),
            count: e.respondents,
            share: pct(e.respondents as f64 / q.answered.max(1) as f64),
            quotes: if e.quote_details.is_empty() {
                e.quotes
                    .iter()
                    .map(|t| Quote {
                        text: t.clone(),
                        confidence: 1.0,
                        segment: None,
                    })
                    .collect()
            } else {
                e.quote_details.clone()
            },
            delta: None,
        })
        .collect();
}

fn personas(q: &QuestionSummary, deltas: &Deltas, sec: &mut Section) {
    if q.personas.is_empty() {
        return;
    }
    let (many, once): (Vec<_>, Vec<_>) = q.personas.iter().partition(|p| p.respondents > 1);
    sec.personas = many
        .iter()
        .map(|p| {
            let key = persona_key(p.function, p.seniority);
            Row {
                delta: deltas.get(q.id, &key),
                key,
                label: persona_label(p.function, p.seniority),
                count: p.respondents,
                share: pct(p.share),
                quotes: vec![],
            }
        })
        .collect();
    sec.once = once
        .iter()
        .map(|p| persona_label(p.function, p.seniority))
        .collect::<Vec<_>>()
        .join(", ");
    sec.persona_matrix = persona_matrix(q);
}

fn stages(q: &QuestionSummary, sec: &mut Section) {
    sec.stages = q
        .stages
        .iter()
        .map(|st| Row {
            key: st.id.clone(),
            label: st.label.clone(),
            count: st.respondents,
            share: pct(st.share),
            quotes: vec![],
            delta: None,
        })
        .collect();
    sec.stage_order = q
        .stages
        .iter()
        .filter(|st| st.respondents * 4 >= q.answered.max(1))
        .map(|st| st.label.clone())
        .collect::<Vec<_>>()
        .join(" → ");
}

fn durations(d: &crate::snapshot::DurationSummary, deltas: &Deltas) -> Durations {
    let previous = deltas
        .diff
        .as_ref()
        .and_then(|x| x.cycle_length.as_ref())
        .and_then(|c| {
            let m = c.old_median_days?;
            let verdict = match (c.significant, c.p_value) {
                (true, Some(p)) => format!(
                    "a meaningful change, Mann-Whitney {}",
                    super::format::p_text(p)
                ),
                (false, Some(p)) => {
                    format!("within noise, Mann-Whitney {}", super::format::p_text(p))
                }
                _ => "too few answers to tell".into(),
            };
            Some(format!(
                "{m:.0} days in {}: {verdict}",
                deltas
                    .previous_quarter
                    .as_deref()
                    .unwrap_or("the previous quarter")
            ))
        })
        .unwrap_or_default();
    Durations {
        median: d
            .median_days
            .map(days)
            .unwrap_or_else(|| "not known".into()),
        quartiles: match (d.q1_days, d.q3_days) {
            (Some(a), Some(b)) => format!("{a:.0} to {b:.0} days"),
            _ => "not known".into(),
        },
        parsed: d.parsed,
        unparsed: d.unparsed,
        open_ended: d.open_ended,
        histogram: d.histogram.iter().map(|c| row(c, None)).collect(),
        by_word: d
            .by_answer_segment
            .iter()
            .map(|w| {
                (
                    w.word.clone(),
                    format!("{} ({} answers)", days(w.median_days), w.answers),
                )
            })
            .collect(),
        previous,
    }
}

/// Every rep's typical days per shown group of the finest segment, and
/// the whole team's, for the strip plot.
fn strips(q: &QuestionSummary) -> Vec<Strip> {
    let mut out = vec![];
    if let Some(d) = &q.durations
        && let Some(m) = d.median_days
    {
        out.push(Strip {
            label: "All reps".into(),
            values: d.values.clone(),
            median: m,
        });
    }
    if let Some(b) = q.by_segment.iter().max_by_key(|b| b.cells.len()) {
        for c in b.cells.iter().filter(|c| !c.suppressed) {
            if let Some(m) = c.median_days {
                out.push(Strip {
                    label: c.value.clone(),
                    values: c.values.clone(),
                    median: m,
                });
            }
        }
    }
    out
}

fn ratings(q: &QuestionSummary, deltas: &Deltas, sec: &mut Section) {
    let Some(r) = &q.ratings else { return };
    sec.ratings = r
        .distribution
        .iter()
        .map(|c| row(c, deltas.get(q.id, &c.key)))
        .collect();
    sec.scale = r.scale.iter().map(|c| row(c, None)).collect();
    let now = Stack {
        label: deltas
            .diff
            .as_ref()
            .and_then(|d| d.new_quarter.clone())
            .unwrap_or_else(|| "This quarter".into()),
        parts: r
            .distribution
            .iter()
            .map(|c| (c.key.clone(), c.label.clone(), c.share, c.count))
            .collect(),
    };
    let before = deltas.diff.as_ref().and_then(|d| {
        let parts: Vec<_> = d
            .website
            .iter()
            .filter(|w| w.question == q.id)
            .map(|w| (w.theme.clone(), w.label.clone(), w.old_share, w.old_count))
            .collect();
        (!parts.is_empty()).then(|| Stack {
            label: d
                .old_quarter
                .clone()
                .unwrap_or_else(|| "Previous quarter".into()),
            parts,
        })
    });
    sec.stacks = before.into_iter().chain(std::iter::once(now)).collect();
}

/// "Security and compliance: 30% of SMB reps (3 of 10) vs 90% of the rest
/// of the team (adjusted p = 0.10)".
fn highlight(s: &Snapshot, h: &crate::snapshot::Highlight) -> String {
    let seg = s
        .segments
        .iter()
        .find(|x| x.name == h.segment)
        .map_or(h.segment.as_str(), |x| x.header.as_str());
    format!(
        "{}: {} of {} reps ({} of {}) vs {} of the rest of the team (by “{}”, adjusted {})",
        h.label,
        pct(h.segment_share),
        h.value,
        h.count,
        h.n,
        pct(h.rest_share),
        seg.trim_end_matches(['?', ':', ' ']),
        super::format::p_text(h.p_value)
    )
}
