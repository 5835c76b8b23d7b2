//! The view model both templates draw from: the snapshot's figures, put in
//! order and formatted (percentages, days, tables), with the executive
//! summary picked out. Pure: snapshot in, view out.

use super::charts::{Bar, BarOpts, DivergingOpts, bar_chart, diverging_bar_with};
use super::history::{self, Deltas, Trend};
use crate::questions::QuestionId;
use crate::snapshot::{
    Count, QuestionSummary, SegmentBreakdown, Snapshot, label_of, persona_key, persona_label,
};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub title: String,
    pub quarter: String,
    pub respondents: usize,
    pub segments: Vec<Line>,
    pub summary: Vec<Line>,
    pub sections: Vec<Section>,
    pub quality: Quality,
    pub generator: String,
    pub head_to_head: Vec<HeadToHeadView>,
    /// The quarter the inline changes compare with ("" when none).
    pub previous_quarter: String,
    pub trends: Vec<Trend>,
}

/// A labelled line of text.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub label: String,
    pub text: String,
}

/// A figure: label, count, share as a percentage, and quotes.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub share: String,
    pub quotes: Vec<String>,
    /// Change since the previous quarter ("" when there is none).
    pub delta: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub question: String,
    pub answered: usize,
    pub blank: usize,
    /// The sentence that states the base of the section's shares.
    pub base: String,
    pub themes: Vec<Row>,
    pub chart: String,
    pub emerging: Vec<Row>,
    pub personas: Vec<Row>,
    pub persona_table: Option<Table>,
    pub stages: Vec<Row>,
    pub stage_order: String,
    pub durations: Option<Durations>,
    pub ratings: Vec<Row>,
    pub scale: Vec<Row>,
    pub tone: Vec<Row>,
    pub competitors: Vec<Row>,
    pub missing: Vec<Row>,
    pub segment_tables: Vec<Table>,
    /// Sentences on segment values that differ from the rest.
    pub highlights: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeadToHeadView {
    pub title: String,
    pub competitors_label: String,
    pub chart: String,
    pub left: String,
    pub right: String,
    pub rows: Vec<Vec<String>>,
    pub competitors: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Durations {
    pub median: String,
    pub quartiles: String,
    pub parsed: usize,
    pub unparsed: usize,
    pub open_ended: usize,
    pub histogram: Vec<Row>,
    pub chart: String,
    pub by_word: Vec<Line>,
    /// The previous quarter's median, when known.
    pub previous: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quality {
    pub rows: usize,
    pub used: usize,
    pub superseded: usize,
    pub incomplete: usize,
    pub empty: usize,
    pub sources: Vec<Line>,
    pub unmapped: Vec<Line>,
    pub missing_questions: Vec<String>,
    pub outside: Vec<Line>,
    pub undated: usize,
    pub warnings: Vec<String>,
}

/// Formats a 0..1 share as a whole percentage.
pub fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Days, with months for readers who think in months.
pub fn days(d: f64) -> String {
    if d >= 45.0 {
        format!("{d:.0} days (about {:.1} months)", d / (365.25 / 12.0))
    } else {
        format!("{d:.0} days")
    }
}

fn row(c: &Count) -> Row {
    Row {
        key: c.key.clone(),
        label: c.label.clone(),
        count: c.count,
        share: pct(c.share),
        quotes: vec![],
        delta: String::new(),
    }
}

/// The view of a snapshot on its own.
pub fn build_view(s: &Snapshot) -> ReportView {
    build_view_with(s, None, &[])
}

/// The view of a snapshot with the previous quarter's (for inline
/// changes) and earlier quarters' (for trends).
pub fn build_view_with(
    s: &Snapshot,
    previous: Option<&Snapshot>,
    history: &[Snapshot],
) -> ReportView {
    let deltas = previous.map(|p| Deltas::new(p, s)).unwrap_or_default();
    let mut v = base_view(s);
    for (sec, q) in v.sections.iter_mut().zip(&s.questions) {
        for r in sec
            .themes
            .iter_mut()
            .chain(&mut sec.personas)
            .chain(&mut sec.ratings)
        {
            r.delta = deltas.get(q.id, &r.key);
        }
        if let Some(d) = &mut sec.durations {
            d.previous = deltas.cycle.clone().unwrap_or_default();
        }
    }
    v.previous_quarter = deltas.previous_quarter.clone().unwrap_or_default();
    v.summary = summary(s, &deltas);
    v.trends = history::trends(s, history);
    v
}

fn base_view(s: &Snapshot) -> ReportView {
    ReportView {
        title: s.title.clone(),
        quarter: s
            .quarter
            .clone()
            .unwrap_or_else(|| "quarter unknown".into()),
        respondents: s.respondents,
        segments: s
            .segments
            .iter()
            .map(|seg| Line {
                label: seg.header.clone(),
                text: seg
                    .values
                    .iter()
                    .map(|v| format!("{} ({})", v.label, v.count))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        summary: summary(s, &Deltas::default()),
        sections: s.questions.iter().map(|q| section(s, q)).collect(),
        quality: quality(s),
        generator: s.generator.clone(),
        head_to_head: s.head_to_head.iter().map(head_to_head).collect(),
        previous_quarter: String::new(),
        trends: vec![],
    }
}

fn head_to_head(h: &crate::snapshot::HeadToHead) -> HeadToHeadView {
    let left = h.left.title().to_string();
    let right = h.right.title().to_string();
    let bars: Vec<(String, f64, f64)> = h
        .rows
        .iter()
        .map(|r| (r.label.clone(), r.right_share, r.left_share))
        .collect();
    HeadToHeadView {
        chart: diverging_bar_with(
            &bars,
            &DivergingOpts {
                title: h.title.clone(),
                left_label: right.clone(),
                right_label: left.clone(),
                ..DivergingOpts::default()
            },
        ),
        title: h.title.clone(),
        competitors_label: if h.right == QuestionId::CompetitorStrengths {
            format!("Competitors named in “{right}”")
        } else {
            format!("Competitors named in “{left}”")
        },
        rows: h
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    format!("{} ({})", pct(r.left_share), r.left_count),
                    format!("{} ({})", pct(r.right_share), r.right_count),
                    format!("{:+}", r.left_count as i64 - r.right_count as i64),
                ]
            })
            .collect(),
        competitors: h
            .competitors
            .iter()
            .map(|c| format!("{} ({})", c.label, c.count))
            .collect::<Vec<_>>()
            .join(", "),
        left: format!("{left} (of {})", h.left_n),
        right: format!("{right} (of {})", h.right_n),
    }
}

/// "Security and compliance: 70% of Enterprise reps (7 of 10) vs 20% of
/// the rest of the team".
fn highlight(s: &Snapshot, h: &crate::snapshot::Highlight) -> String {
    let seg = s
        .segments
        .iter()
        .find(|x| x.name == h.segment)
        .map_or(h.segment.as_str(), |x| x.header.as_str());
    format!(
        "{}: {} of {} respondents ({} of {}) vs {} of the rest of the team (segment: {}; adjusted {})",
        h.label,
        pct(h.segment_share),
        h.value,
        h.count,
        h.n,
        pct(h.rest_share),
        seg.trim_end_matches(['?', ':', ' ']),
        crate::render::diff_view::p_text(h.p_value)
    )
}

fn top_themes(q: Option<&QuestionSummary>, k: usize, deltas: &Deltas) -> Option<String> {
    let q = q?;
    let top: Vec<String> = q
        .themes
        .iter()
        .filter(|t| t.id != "other")
        .take(k)
        .map(|t| match deltas.get(q.id, &t.id) {
            d if d.is_empty() => format!("{} ({})", t.label, pct(t.share)),
            d => format!("{} ({}, {d})", t.label, pct(t.share)),
        })
        .collect();
    (!top.is_empty()).then(|| top.join("; "))
}

fn summary(s: &Snapshot, deltas: &Deltas) -> Vec<Line> {
    let mut out = vec![];
    let mut push = |label: &str, text: Option<String>| {
        out.push(Line {
            label: label.into(),
            text: text.unwrap_or_else(|| "no usable answers".into()),
        })
    };
    push(
        "Top objections",
        top_themes(s.question(QuestionId::Objections), 3, deltas),
    );
    push(
        "Top differentiators",
        top_themes(s.question(QuestionId::Differentiators), 3, deltas),
    );
    let cycle = s
        .question(QuestionId::CycleLength)
        .and_then(|q| q.durations.as_ref());
    push(
        "Median sales cycle",
        cycle.and_then(|d| {
            d.median_days.map(|m| {
                let was = deltas
                    .cycle
                    .as_ref()
                    .map(|c| format!("; was {c}"))
                    .unwrap_or_default();
                format!(
                    "{} ({} of {} answers gave a duration{was})",
                    days(m),
                    d.parsed,
                    d.parsed + d.unparsed
                )
            })
        }),
    );
    let buyers = s.question(QuestionId::BuyerPersonas).map(|q| {
        q.personas
            .iter()
            .take(3)
            .map(|p| {
                format!(
                    "{} ({})",
                    persona_label(p.function, p.seniority),
                    pct(p.share)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    push("Main buyer personas", buyers.filter(|b| !b.is_empty()));
    let web = s
        .question(QuestionId::WebsiteValue)
        .and_then(|q| q.ratings.as_ref())
        .filter(|r| r.distribution.iter().any(|c| c.count > 0))
        .map(|r| {
            r.distribution
                .iter()
                .map(|c| format!("{} {}", c.label, pct(c.share)))
                .collect::<Vec<_>>()
                .join(", ")
        });
    push("Website as a sales tool", web);
    let emerging: Vec<String> = s
        .questions
        .iter()
        .flat_map(|q| {
            q.emerging
                .iter()
                .map(move |e| format!("{} ({})", e.label, q.title))
        })
        .collect();
    if !emerging.is_empty() {
        push("Emerging themes", Some(emerging.join("; ")));
    }
    let mut standout: Vec<(&QuestionSummary, &crate::snapshot::Highlight)> = s
        .questions
        .iter()
        .flat_map(|q| q.highlights.iter().map(move |h| (q, h)))
        .filter(|(_, h)| h.lift > 1.0)
        .collect();
    standout.sort_by(|a, b| a.1.p_value.total_cmp(&b.1.p_value));
    if !standout.is_empty() {
        let lines: Vec<String> = standout
            .iter()
            .take(3)
            .map(|(q, h)| {
                format!(
                    "{} ({}): {} of {} vs {} of the rest",
                    h.label,
                    q.title,
                    pct(h.segment_share),
                    h.value,
                    pct(h.rest_share)
                )
            })
            .collect();
        push("Segments that stand out", Some(lines.join("; ")));
    }
    out
}

/// "28 respondents answered, 2 left it blank ... Shares are of the 28."
fn base_sentence(q: &QuestionSummary) -> String {
    let mut s = format!("{} respondents answered", q.answered);
    if q.blank > 0 {
        s.push_str(&format!(
            ", {} left it blank or wrote nothing usable",
            q.blank
        ));
    }
    s.push_str(&format!(". Shares are of the {} who answered.", q.answered));
    s
}

fn section(s: &Snapshot, q: &QuestionSummary) -> Section {
    let themes: Vec<Row> = q
        .themes
        .iter()
        .map(|t| Row {
            key: t.id.clone(),
            label: t.label.clone(),
            count: t.respondents,
            share: pct(t.share),
            quotes: t.quotes.clone(),
            delta: String::new(),
        })
        .collect();
    let chart = if q.themes.is_empty() {
        String::new()
    } else {
        bar_chart(
            &q.themes
                .iter()
                .map(|t| Bar {
                    label: t.label.clone(),
                    value: t.share,
                    count: t.respondents,
                    note: None,
                })
                .collect::<Vec<_>>(),
            &BarOpts {
                title: format!("{}: share of {} respondents", q.title, q.answered),
                max_value: Some(1.0),
                ..BarOpts::default()
            },
        )
    };
    if q.answered == 0 {
        // Nothing to chart or tabulate: say so once.
        return Section {
            id: q.id.as_str().into(),
            title: q.title.clone(),
            question: q.header.clone(),
            blank: q.blank,
            base: "Nobody gave a usable answer to this question this quarter.".into(),
            ..Section::default()
        };
    }
    Section {
        id: q.id.as_str().into(),
        title: q.title.clone(),
        question: q.header.clone(),
        answered: q.answered,
        blank: q.blank,
        base: base_sentence(q),
        themes,
        chart,
        emerging: q
            .emerging
            .iter()
            .map(|e| Row {
                key: e.terms.join(" "),
                label: e.label.clone(),
                count: e.respondents,
                share: pct(e.respondents as f64 / q.answered.max(1) as f64),
                quotes: e.quotes.clone(),
                delta: String::new(),
            })
            .collect(),
        personas: q
            .personas
            .iter()
            .map(|p| Row {
                key: persona_key(p.function, p.seniority),
                label: persona_label(p.function, p.seniority),
                count: p.respondents,
                share: pct(p.share),
                quotes: vec![],
                delta: String::new(),
            })
            .collect(),
        persona_table: persona_table(q),
        stages: q
            .stages
            .iter()
            .map(|st| Row {
                key: st.id.clone(),
                label: st.label.clone(),
                count: st.respondents,
                share: pct(st.share),
                quotes: vec![],
                delta: String::new(),
            })
            .collect(),
        stage_order: q
            .stages
            .iter()
            .filter(|st| st.respondents * 4 >= q.answered.max(1))
            .map(|st| st.label.clone())
            .collect::<Vec<_>>()
            .join(" → "),
        durations: q.durations.as_ref().map(|d| durations(q, d)),
        ratings: q
            .ratings
            .iter()
            .flat_map(|r| r.distribution.iter().map(row))
            .collect(),
        scale: q
            .ratings
            .iter()
            .flat_map(|r| r.scale.iter().map(row))
            .collect(),
        tone: q.tone.iter().map(row).collect(),
        competitors: q.competitors.iter().map(row).collect(),
        missing: q.missing_audiences.iter().map(row).collect(),
        segment_tables: q
            .by_segment
            .iter()
            .map(|b| segment_table(s, q, b))
            .collect(),
        highlights: q.highlights.iter().map(|h| highlight(s, h)).collect(),
    }
}

fn durations(q: &QuestionSummary, d: &crate::snapshot::DurationSummary) -> Durations {
    let histogram: Vec<Row> = d.histogram.iter().map(row).collect();
    let bins: Vec<(String, usize)> = d
        .histogram
        .iter()
        .map(|c| (c.label.clone(), c.count))
        .collect();
    let chart = super::charts::histogram(&bins, &format!("{}: typical days per answer", q.title));
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
        histogram,
        chart,
        by_word: d
            .by_answer_segment
            .iter()
            .map(|w| Line {
                label: w.word.clone(),
                text: format!("{} ({} answers)", days(w.median_days), w.answers),
            })
            .collect(),
        previous: String::new(),
    }
}

const SENIORITIES: [crate::normalize::Seniority; 6] = {
    use crate::normalize::Seniority::*;
    [CLevel, Vp, Director, Manager, Individual, Unknown]
};

/// Function x seniority: respondents naming each pair.
fn persona_table(q: &QuestionSummary) -> Option<Table> {
    if q.personas.is_empty() {
        return None;
    }
    let mut functions: Vec<_> = q.personas.iter().map(|p| p.function).collect();
    functions.sort();
    functions.dedup();
    let mut header = vec!["Function".to_string()];
    header.extend(SENIORITIES.iter().map(label_of));
    let rows = functions
        .into_iter()
        .map(|f| {
            let mut r = vec![label_of(&f)];
            for s in SENIORITIES {
                let c = q
                    .personas
                    .iter()
                    .find(|p| p.function == f && p.seniority == s)
                    .map(|p| p.respondents);
                r.push(c.map(|c| c.to_string()).unwrap_or_else(|| "·".into()));
            }
            r
        })
        .collect();
    Some(Table {
        caption: format!(
            "Respondents naming each function and level (of {})",
            q.answered
        ),
        header,
        rows,
        note: String::new(),
    })
}

/// The question's figures per value of one segment, as a table whose
/// rows are the overall top keys.
fn segment_table(s: &Snapshot, q: &QuestionSummary, b: &SegmentBreakdown) -> Table {
    let seg_header = s
        .segments
        .iter()
        .find(|x| x.name == b.segment)
        .map(|x| x.header.clone())
        .unwrap_or_else(|| b.segment.clone());
    let mut header = vec![String::new()];
    header.extend(
        b.cells
            .iter()
            .map(|c| format!("{} (n={})", c.value, c.answered)),
    );
    let keys: Vec<(String, String)> = if !q.themes.is_empty() {
        q.themes
            .iter()
            .take(8)
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect()
    } else if !q.personas.is_empty() {
        q.personas
            .iter()
            .take(6)
            .map(|p| {
                (
                    persona_key(p.function, p.seniority),
                    persona_label(p.function, p.seniority),
                )
            })
            .collect()
    } else if !q.stages.is_empty() {
        q.stages
            .iter()
            .map(|st| (st.id.clone(), st.label.clone()))
            .collect()
    } else if let Some(r) = &q.ratings {
        r.distribution
            .iter()
            .map(|c| (c.key.clone(), c.label.clone()))
            .collect()
    } else {
        vec![]
    };
    let mut rows: Vec<Vec<String>> = keys
        .iter()
        .map(|(key, label)| {
            let mut r = vec![label.clone()];
            r.extend(b.cells.iter().map(|c| cell_text(c, key)));
            r
        })
        .collect();
    if q.durations.is_some() {
        let mut r = vec!["Median days".to_string()];
        r.extend(b.cells.iter().map(|c| {
            if c.suppressed {
                "–".into()
            } else {
                c.median_days
                    .map(|m| format!("{m:.0}"))
                    .unwrap_or_else(|| "·".into())
            }
        }));
        rows.push(r);
    }
    if b.cells.iter().all(|c| c.suppressed) {
        rows.clear();
    }
    let what = if q.durations.is_some() {
        "Median typical days of each group's answers"
    } else {
        "Share of each group's respondents"
    };
    Table {
        caption: format!("By {}", seg_header),
        header,
        rows,
        note: format!(
            "{what}; – means a group too small to show (fewer than {} answered, or one that would reveal a smaller group).",
            s.min_cell_size
        ),
    }
}

fn cell_text(c: &crate::snapshot::SegmentCell, key: &str) -> String {
    if c.suppressed {
        return "–".into();
    }
    c.figures
        .iter()
        .find(|f| f.key == key)
        .map(|f| pct(f.share))
        .unwrap_or_else(|| "0%".into())
}

fn quality(s: &Snapshot) -> Quality {
    let dq = &s.data_quality;
    Quality {
        rows: dq.accounting.rows,
        used: dq.accounting.used,
        superseded: dq.accounting.superseded,
        incomplete: dq.accounting.incomplete,
        empty: dq.accounting.empty,
        sources: s
            .sources
            .iter()
            .map(|src| Line {
                label: src.file.clone(),
                text: format!(
                    "{} export, {}; {} rows read, {} used, {} superseded, {} incomplete, {} empty",
                    src.platform,
                    src.encoding,
                    src.accounting.rows,
                    src.accounting.used,
                    src.accounting.superseded,
                    src.accounting.incomplete,
                    src.accounting.empty
                ),
            })
            .collect(),
        unmapped: dq
            .unmapped_columns
            .iter()
            .map(|u| Line {
                label: u.header.clone(),
                text: format!("{} ({})", u.reason, u.file),
            })
            .collect(),
        missing_questions: dq
            .missing_questions
            .iter()
            .map(|q| format!("{} ({})", q.title(), q.as_str()))
            .collect(),
        outside: dq
            .outside_quarter
            .iter()
            .map(|c| Line {
                label: c.label.clone(),
                text: format!("{} responses", c.count),
            })
            .collect(),
        undated: dq.undated,
        warnings: dq
            .warnings
            .iter()
            .map(|w| {
                let mut at = w.file.clone();
                if let Some(l) = w.line {
                    at.push_str(&format!(", line {l}"));
                }
                if let Some(c) = &w.column {
                    at.push_str(&format!(", column “{c}”"));
                }
                format!("{at}: {}", w.message)
            })
            .collect(),
    }
}
