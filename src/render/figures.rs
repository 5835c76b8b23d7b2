//! The charts of the HTML briefing, drawn from the briefing model: one SVG
//! per chart, keyed by the id the template asks for (`<section id>`,
//! `<section id>-cycle`, `-personas`, `-verdict`, `trend-<id>`, and the
//! head-to-head ids). The Markdown briefing has the same figures as tables.

use super::charts::{
    Bar, BarOpts, DivergingOpts, StackPart, TrendAxis, bar_chart, diverging_bar_with, heatmap,
    stacked_bars, strip_plot, trend_line,
};
use crate::briefing::{BarDatum, Briefing, DiffBriefing, Section, Stack, Trend, Unit};
use std::collections::BTreeMap;

pub fn report_charts(b: &Briefing) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for s in &b.sections {
        section_charts(s, &b.previous_quarter, &mut out);
    }
    for h in &b.head_to_head {
        let chart = diverging_bar_with(
            &h.bars,
            &DivergingOpts {
                title: h.title.clone(),
                left_label: h.left_title.clone(),
                right_label: h.right_title.clone(),
                news: h.sides_are_news,
                ..DivergingOpts::default()
            },
        );
        out.insert(h.id.clone(), chart);
    }
    for t in &b.trends {
        out.insert(format!("trend-{}", t.id), trend(t));
    }
    out
}

fn bars(data: &[BarDatum]) -> Vec<Bar> {
    data.iter()
        .map(|d| Bar {
            label: d.label.clone(),
            value: d.share,
            count: d.count,
            note: None,
            previous: d.previous,
            news: Some(d.news.clone()),
        })
        .collect()
}

fn stack_rows(stacks: &[Stack]) -> Vec<(String, Vec<StackPart>)> {
    stacks
        .iter()
        .map(|s| {
            (
                s.label.clone(),
                s.parts
                    .iter()
                    .map(|(key, label, share, count)| StackPart {
                        key: key.clone(),
                        label: label.clone(),
                        share: *share,
                        count: *count,
                    })
                    .collect(),
            )
        })
        .collect()
}

fn section_charts(s: &Section, previous: &str, out: &mut BTreeMap<String, String>) {
    if !s.bars.is_empty() {
        let was = if previous.is_empty() {
            String::new()
        } else {
            format!("; tick: {previous}")
        };
        let opts = BarOpts {
            title: format!("{}: share of {} reps{was}", s.title, s.answered),
            max_value: Some(1.0),
            ..BarOpts::default()
        };
        out.insert(s.id.clone(), bar_chart(&bars(&s.bars), &opts));
    }
    if !s.strips.is_empty() {
        let rows: Vec<(String, Vec<f64>, f64)> = s
            .strips
            .iter()
            .map(|x| (x.label.clone(), x.values.clone(), x.median))
            .collect();
        out.insert(
            format!("{}-cycle", s.id),
            strip_plot(
                &rows,
                "Typical days per rep, by group (log scale; bar: median)",
            ),
        );
    }
    if let Some(m) = &s.persona_matrix {
        let rows: Vec<(String, Vec<usize>)> = m
            .rows
            .iter()
            .zip(&m.counts)
            .map(|(r, c)| (r[0].clone(), c.clone()))
            .collect();
        out.insert(
            format!("{}-personas", s.id),
            heatmap(&m.header[1..], &rows, &m.caption),
        );
    }
    if !s.stacks.is_empty() {
        out.insert(
            format!("{}-verdict", s.id),
            stacked_bars(&stack_rows(&s.stacks), &s.title),
        );
    }
}

fn trend(t: &Trend) -> String {
    // Every share on one 0-100% axis: a change looks its size; days on
    // their own axis from 0, labelled.
    let axis = match t.unit {
        Unit::Share => TrendAxis::Share,
        Unit::Days => TrendAxis::Days,
    };
    trend_line(&t.values, &t.quarters, axis)
}

pub fn diff_charts(d: &DiffBriefing) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for g in &d.themes {
        // Largest now first, as in the report; the table keeps the
        // comparison's order (meaningful changes first).
        let mut shown: Vec<_> = g.rows.iter().collect();
        shown.sort_by(|a, b| b.new_share.total_cmp(&a.new_share));
        let rows: Vec<Bar> = shown
            .into_iter()
            .filter(|r| r.new_share > 0.0 || r.old_share > 0.0)
            .map(|r| Bar {
                label: r.label.clone(),
                value: r.new_share,
                count: r.new_count,
                note: None,
                previous: Some(r.old_share),
                news: Some(r.news.clone()),
            })
            .collect();
        let opts = BarOpts {
            title: format!(
                "{}: {} (bar) against {} (tick)",
                g.title, d.new_quarter, d.old_quarter
            ),
            max_value: Some(1.0),
            ..BarOpts::default()
        };
        out.insert(g.id.clone(), bar_chart(&rows, &opts));
    }
    if !d.website_stacks.is_empty() {
        out.insert(
            "website-verdict".into(),
            stacked_bars(
                &stack_rows(&d.website_stacks),
                "Is the website a valuable sales tool?",
            ),
        );
    }
    out
}
