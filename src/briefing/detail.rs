//! The detail sections, one per question: tables of themes, personas,
//! stages, durations and ratings, with the changes since the previous
//! quarter, the data the charts are drawn from, and the segment tables
//! (folded away by the renderers). Rows of one rep are grouped, so the
//! tables show what recurs.

use super::cycle::{self, Durations, Strip};
use super::format::pct;
use super::history::{Deltas, Marker};
use super::messaging::quotes_of;
use super::tables::{Table, persona_matrix, segment_table};
use crate::questions::QuestionId;
use crate::snapshot::{Count, QuestionSummary, Quote, Snapshot, persona_key, persona_label};
use serde::Serialize;

/// Themes whose quotes show in the section (the rest are in the table).
const QUOTED_THEMES: usize = 6;
/// Segment differences written out per question.
const HIGHLIGHTS: usize = 5;

/// A figure: label, count, share as a percentage, and its change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The stable id (theme id, `function/seniority`, verdict key).
    pub key: String,
    /// The label for people.
    pub label: String,
    /// Reps (not items) with it.
    pub count: usize,
    /// Share of the reps who answered, as a whole percentage ("33%").
    pub share: String,
    /// Quotes for it (only for the first themes of a section, and emerging
    /// themes).
    pub quotes: Vec<Quote>,
    /// Its change since the previous quarter; empty without one or when it was
    /// not compared.
    pub delta: Option<Marker>,
}

/// One bar of a chart: a share now, and last quarter's when known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarDatum {
    /// The bar's label.
    pub label: String,
    /// This quarter's share, 0..1.
    pub share: f64,
    /// Reps with it this quarter.
    pub count: usize,
    /// Last quarter's share, 0..1, when compared.
    pub previous: Option<f64>,
    /// `good`, `bad` or `neutral` news of its change.
    pub news: String,
}

/// A stacked bar of the website verdict for one quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stack {
    /// The quarter's label.
    pub label: String,
    /// (verdict key, label, share, count), in yes / partly / no order.
    pub parts: Vec<(String, String, f64, usize)>,
}

/// The detail of one question. Only the fields for the question's kind are filled: themes for free-text lists, personas, stages, durations or ratings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Section {
    /// The question id (`objections`, ...), also the heading's anchor.
    pub id: String,
    /// The section heading ("Objections prospects raise").
    pub title: String,
    /// The question as the export worded it.
    pub question: String,
    /// Reps who gave a usable answer (the base of the shares).
    pub answered: usize,
    /// The sentence that states the base of the section's shares.
    pub base: String,
    /// Themes named by more than one rep, largest first; `other` (nothing
    /// matched) last.
    pub themes: Vec<Row>,
    /// Themes named by one rep each, grouped: "A, B, C".
    pub once: String,
    /// The themes as chart bars, with last quarter's share.
    pub bars: Vec<BarDatum>,
    /// Recurring wording outside the codebook, with a phrase label and every
    /// rep in the group counted.
    pub emerging: Vec<Row>,
    /// Personas (function and seniority) named by more than one rep.
    pub personas: Vec<Row>,
    /// Function x seniority counts, for the heatmap.
    pub persona_matrix: Option<Table>,
    /// Sales stages named, each with the reps who name it.
    pub stages: Vec<Row>,
    /// The usual order of the stages a quarter of the reps or more name
    /// ("Discovery → Demo → ...").
    pub stage_order: String,
    /// Cycle-length figures (the cycle-length question only).
    pub durations: Option<Durations>,
    /// Typical days per group, for the strip plot.
    pub strips: Vec<Strip>,
    /// The verdict distribution (yes / partly / no).
    pub ratings: Vec<Row>,
    /// The verdict as stacked bars: last quarter (when known), then this one.
    pub stacks: Vec<Stack>,
    /// Answers on a 1-5 scale, when the question used one.
    pub scale: Vec<Row>,
    /// Tone of the answers (positive, negative, mixed, neutral), for website
    /// feedback.
    pub tone: Vec<Row>,
    /// Competitors named, with counts ("Acme (4), Globex (2)").
    pub competitors: String,
    /// Audiences the website is said to miss, with counts.
    pub missing: String,
    /// The figures per segment value (folded away in the HTML, in the appendix
    /// of the Markdown).
    pub segment_tables: Vec<Table>,
    /// Sentences on segment values that differ from the rest: the
    /// largest gaps, at most five.
    pub highlights: Vec<String>,
    /// Further segment differences not written out (they are in the
    /// segment tables).
    pub more_highlights: usize,
    /// A change to the question's wording since the previous quarter.
    pub reworded: String,
}

pub(super) fn row(c: &Count, delta: Option<Marker>) -> Row {
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
        highlights: largest_gaps(q)
            .into_iter()
            .take(HIGHLIGHTS)
            .map(|h| highlight(s, h))
            .collect(),
        more_highlights: q.highlights.len().saturating_sub(HIGHLIGHTS),
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
        sec.durations = Some(cycle::durations(d, deltas));
        sec.strips = cycle::strips(q);
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

/// The question's segment differences, largest gap first (ties: the
/// surer, then the aggregate's order). A large survey makes many small
/// gaps significant; the reader gets the ones that matter.
fn largest_gaps(q: &QuestionSummary) -> Vec<&crate::snapshot::Highlight> {
    let mut v: Vec<_> = q.highlights.iter().collect();
    v.sort_by(|a, b| {
        let gap = |h: &crate::snapshot::Highlight| (h.segment_share - h.rest_share).abs();
        gap(b)
            .total_cmp(&gap(a))
            .then(a.p_value.total_cmp(&b.p_value))
    });
    v
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
