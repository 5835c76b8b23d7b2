//! The briefing model: everything the report says, computed once from the
//! snapshot (and the earlier quarters' snapshots) into typed structs, so
//! that the Markdown and HTML renderers only format. Pure: snapshots in,
//! model out, no I/O.
//!
//! Reading order, which both formats follow: the findings and key
//! numbers (the first page), the messaging inputs and persona cards (what
//! the content team came for), then the detail per question, head to head,
//! trends, the legend and data quality. A section that sets marketing's
//! view against sales' (issue 12) slots in after the key numbers as one
//! more field and one more entry of `contents`.

pub mod alignment;
mod alignment_diff;
mod cycle;
mod detail;
pub mod diff;
pub mod findings;
pub mod format;
pub mod history;
mod legend;
pub mod messaging;
pub mod personas;
mod tables;

pub use alignment::AlignmentView;
pub use cycle::{Durations, Strip};
pub use detail::{BarDatum, Row, Section, Stack};
pub use diff::{DiffBriefing, diff_briefing};
pub use findings::Finding;
pub use history::{Marker, Trend, Unit};
pub use legend::LegendEntry;
pub use messaging::Messaging;
pub use personas::PersonaCard;
pub use tables::{HeadToHeadView, Quality, Table};

use crate::questions::QuestionId;
use crate::snapshot::Snapshot;
use format::{days, pct};
use history::Deltas;
use serde::Serialize;

/// The whole briefing of one quarter, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// The report's title (`[report] title`, or the default).
    pub title: String,
    /// The quarter reported on ("2026-Q3"; "quarter unknown" when the responses
    /// carry no dates).
    pub quarter: String,
    /// The quarter the changes compare with ("" when none).
    pub previous_quarter: String,
    /// Reps whose responses were used.
    pub respondents: usize,
    /// The five findings of the first page, most important first.
    pub findings: Vec<Finding>,
    /// The key numbers under the findings: reps who answered (and the response
    /// rate), survey dates, median sales cycle per main segment, the website
    /// verdict.
    pub key_numbers: Vec<KeyNumber>,
    /// Marketing's picture against what sales hears (`report
    /// --marketing`); `None` on sales alone.
    pub alignment: Option<AlignmentView>,
    /// Changes to the survey since the previous quarter (a question
    /// reworded, ...): they limit what the changes can mean.
    pub survey_changes: Vec<String>,
    /// The messaging inputs: objection briefs and website asks.
    pub messaging: Messaging,
    /// One card per main buyer persona, then per main influencer.
    pub personas: Vec<PersonaCard>,
    /// The detail, one section per question found, in survey order.
    pub sections: Vec<Section>,
    /// Where we win and where we lose (our strengths against competitors') and
    /// objections against prospect questions.
    pub head_to_head: Vec<HeadToHeadView>,
    /// Figures over the earlier quarters of `--history` (empty without one).
    pub trends: Vec<Trend>,
    /// What every marker, test and threshold means, once.
    pub legend: Vec<LegendEntry>,
    /// Rows read and used, sources, unused columns, warnings.
    pub quality: Quality,
    /// Every heading of the report, in order, for the table of contents.
    pub contents: Vec<Entry>,
    /// The program and version that wrote the snapshot ("frontline 0.1.0").
    pub generator: String,
}

/// A figure of the first page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyNumber {
    /// What the figure is ("Median sales cycle").
    pub label: String,
    /// The figure, formatted ("82 days (about 2.7 months)").
    pub value: String,
    /// A qualifier or breakdown ("SMB 25 days · Enterprise 320 days"); "" when
    /// none.
    pub note: String,
}

/// A table-of-contents entry: the anchor id, the heading, and the entries
/// under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The `id` of the heading it links to.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// Entries one level down (the questions under "Details by question").
    pub children: Vec<Entry>,
}

impl Entry {
    pub fn new(id: &str, title: &str) -> Entry {
        Entry {
            id: id.into(),
            title: title.into(),
            children: vec![],
        }
    }
}

/// The briefing of a snapshot on its own.
pub fn build(s: &Snapshot) -> Briefing {
    build_with(s, None, &[])
}

/// The briefing of a snapshot with the previous quarter's (for changes)
/// and the earlier quarters' in time order (for trends; see
/// [`history::arrange`]).
pub fn build_with(s: &Snapshot, previous: Option<&Snapshot>, history: &[Snapshot]) -> Briefing {
    let deltas = previous.map(|p| Deltas::new(p, s)).unwrap_or_default();
    let sections: Vec<Section> = s
        .questions
        .iter()
        .map(|q| detail::section(s, q, &deltas))
        .collect();
    let head_to_head: Vec<HeadToHeadView> = s
        .head_to_head
        .iter()
        .enumerate()
        .map(|(i, h)| tables::head_to_head(i, h))
        .collect();
    let trends = history::trends(s, history);
    let messaging = messaging::messaging(s, &deltas);
    let personas = personas::cards(s);
    let survey_changes = deltas
        .diff
        .iter()
        .flat_map(|d| &d.drift)
        .map(|d| format::capitalized(&d.message))
        .collect();
    let mut b = Briefing {
        title: s.title.clone(),
        quarter: s
            .quarter
            .clone()
            .unwrap_or_else(|| "quarter unknown".into()),
        previous_quarter: deltas.previous_quarter.clone().unwrap_or_default(),
        respondents: s.respondents,
        findings: findings::findings(s, &deltas),
        key_numbers: key_numbers(s, &deltas),
        survey_changes,
        alignment: alignment::view(s, history),
        messaging,
        personas,
        sections,
        head_to_head,
        trends,
        legend: legend::legend(s.min_cell_size, deltas.diff.is_some())
            .into_iter()
            .chain(alignment::legend(s))
            .collect(),
        quality: tables::quality(s),
        contents: vec![],
        generator: s.generator.clone(),
    };
    b.contents = contents(&b);
    b
}

fn contents(b: &Briefing) -> Vec<Entry> {
    let e = Entry::new;
    let mut v = vec![e("summary", "Summary")];
    if let Some(a) = &b.alignment {
        let mut entry = e("alignment", "Marketing and sales alignment");
        entry.children = a.groups.iter().map(|g| e(&g.id, &g.title)).collect();
        v.push(entry);
    }
    if !b.messaging.objections.is_empty() || !b.messaging.website_asks.is_empty() {
        v.push(e("messaging", "Messaging inputs"));
    }
    if !b.personas.is_empty() {
        v.push(e("personas", "Buyer personas"));
    }
    let mut details = e("details", "Details by question");
    details.children = b.sections.iter().map(|s| e(&s.id, &s.title)).collect();
    details
        .children
        .extend(b.head_to_head.iter().map(|h| e(&h.id, &h.title)));
    v.push(details);
    if !b.trends.is_empty() {
        v.push(e("trends", "Trends"));
    }
    v.push(e("legend", "How to read this briefing"));
    v.push(e("data-quality", "Data quality"));
    v
}

fn key_numbers(s: &Snapshot, deltas: &Deltas) -> Vec<KeyNumber> {
    let mut out = vec![];
    let k = |label: &str, value: String, note: String| KeyNumber {
        label: label.into(),
        value,
        note,
    };
    let rate = s
        .team_size
        .filter(|t| *t > 0)
        .map(|t| format!("{} of a team of {t}", pct(s.respondents as f64 / t as f64)))
        .unwrap_or_default();
    out.push(k("Reps who answered", s.respondents.to_string(), rate));
    if let Some((a, b)) = &s.survey_dates {
        let value = if a == b {
            a.clone()
        } else {
            format!("{a} to {b}")
        };
        out.push(k("Survey dates", value, String::new()));
    }
    if let Some(q) = s.question(QuestionId::CycleLength)
        && let Some(m) = q.durations.as_ref().and_then(|d| d.median_days)
    {
        let groups: Vec<String> = q
            .by_segment
            .iter()
            .max_by_key(|b| b.cells.len())
            .map(|b| {
                b.cells
                    .iter()
                    .filter(|c| !c.suppressed)
                    .filter_map(|c| Some(format!("{} {:.0} days", c.value, c.median_days?)))
                    .collect()
            })
            .unwrap_or_default();
        out.push(k("Median sales cycle", days(m), groups.join(" · ")));
    }
    if let Some(r) = s
        .question(QuestionId::WebsiteValue)
        .and_then(|q| q.ratings.as_ref())
        && r.distribution.iter().any(|c| c.count > 0)
    {
        let value = r
            .distribution
            .iter()
            .map(|c| format!("{} {}", c.label, pct(c.share)))
            .collect::<Vec<_>>()
            .join(" · ");
        let was = deltas
            .diff
            .as_ref()
            .and_then(|d| {
                d.website
                    .iter()
                    .find(|w| w.question == QuestionId::WebsiteValue && w.theme == "yes")
            })
            .map(|w| {
                format!(
                    "yes was {} in {}",
                    pct(w.old_share),
                    deltas
                        .previous_quarter
                        .as_deref()
                        .unwrap_or("the previous quarter")
                )
            })
            .unwrap_or_default();
        out.push(k("Is the website a valuable sales tool?", value, was));
    }
    out
}
