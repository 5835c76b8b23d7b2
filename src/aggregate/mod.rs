//! Aggregate: coded answers -> per-question figures, overall and for each
//! value of each segment column. Shares are of the respondents who gave a
//! usable answer to that question (the `answered` base, always shown).

use crate::ingest::{Role, Survey};
use crate::normalize::{Codebooks, CodedAnswer, CodedResponse};
use crate::questions::{AnswerKind, QuestionId};
use crate::snapshot::{QuestionSummary, SegmentBreakdown, SegmentCell};
use std::collections::{BTreeMap, BTreeSet};

mod figures;
mod head_to_head;
mod highlights;
mod profiles;
mod quotes;
pub mod segments;

pub use profiles::persona_profiles;

pub use head_to_head::head_to_head;

pub use figures::typical_days;

/// Choices that shape the aggregates.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Segment cells with fewer answering respondents are suppressed.
    pub min_cell_size: usize,
    /// Quotes shown per theme.
    pub quotes_per_theme: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_cell_size: 5,
            quotes_per_theme: 3,
        }
    }
}

/// The answers to one question: (response index, coded answer), for the
/// responses that answered it usably.
pub(crate) type Answers<'a> = Vec<(usize, &'a CodedAnswer)>;

/// Everything the per-question figures need to see of the survey.
pub(crate) struct Context<'a> {
    pub survey: &'a Survey,
    pub codebooks: &'a Codebooks,
    pub settings: &'a Settings,
    /// Respondents' names, to redact from quotes.
    pub names: Vec<String>,
}

/// Summaries of every question that has a column in the export, in
/// question-bank order.
pub fn questions(
    survey: &Survey,
    coded: &[CodedResponse],
    codebooks: &Codebooks,
    settings: &Settings,
) -> Vec<QuestionSummary> {
    let ctx = Context {
        survey,
        codebooks,
        settings,
        names: respondent_names(survey),
    };
    let headers = question_headers(survey);
    // Each question's summary depends on nothing but its own answers: they
    // are made on every core, and rayon's `collect` keeps question order.
    use rayon::prelude::*;
    QuestionId::ALL
        .into_par_iter()
        .filter_map(|q| headers.get(&q).map(|h| summarize(&ctx, coded, q, h)))
        .collect()
}

fn summarize(
    ctx: &Context,
    coded: &[CodedResponse],
    q: QuestionId,
    header: &str,
) -> QuestionSummary {
    let answers: Answers = coded
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.answers.get(&q).map(|a| (i, a)))
        .filter(|(_, a)| usable(a))
        .collect();
    let mut s = QuestionSummary {
        id: q,
        title: q.title().to_string(),
        header: header.to_string(),
        answered: answers.len(),
        blank: ctx.survey.responses.len() - answers.len(),
        themes: vec![],
        emerging: vec![],
        personas: vec![],
        stages: vec![],
        durations: None,
        ratings: None,
        tone: vec![],
        competitors: vec![],
        missing_audiences: vec![],
        by_segment: vec![],
        highlights: vec![],
    };
    let tags = quote_tags(ctx, &answers);
    figures::fill(ctx, q, &answers, &tags, &mut s);
    s.by_segment = segments(ctx, q, &answers);
    s.highlights = highlights::highlights(&s);
    s
}

/// An answer counts when it has an item, a rating or a named audience:
/// blank and filler answers ("n/a", "see above") do not.
fn usable(a: &CodedAnswer) -> bool {
    !a.items.is_empty() || a.rating.is_some() || !a.missing_audiences.is_empty()
}

/// The header each question was asked with (the first file's, when
/// several files are merged).
fn question_headers(survey: &Survey) -> BTreeMap<QuestionId, String> {
    let mut out = BTreeMap::new();
    for src in &survey.sources {
        for c in &src.columns {
            if let (Role::Question, Some(q)) = (c.role, c.question) {
                out.entry(q).or_insert_with(|| c.header.clone());
            }
        }
    }
    out
}

/// Segment names in the order their columns first appear.
pub fn segment_names(survey: &Survey) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![];
    for src in &survey.sources {
        for c in &src.columns {
            if let (Role::Segment, Some(name)) = (c.role, &c.segment)
                && !out.iter().any(|(n, _)| n == name)
            {
                out.push((name.clone(), c.header.clone()));
            }
        }
    }
    out
}

fn respondent_names(survey: &Survey) -> Vec<String> {
    let mut names: Vec<String> = survey
        .responses
        .iter()
        .filter_map(|r| r.respondent.name.clone())
        .filter(|n| !n.trim().is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The question's figures within each value of each segment.
fn segments(ctx: &Context, q: QuestionId, answers: &Answers) -> Vec<SegmentBreakdown> {
    segment_names(ctx.survey)
        .into_iter()
        .map(|(name, _)| {
            let mut by_value: BTreeMap<String, Answers> = BTreeMap::new();
            for (i, a) in answers {
                // Reps who left the segment blank form a group of their own,
                // so that they cannot be found by subtraction either.
                let v = ctx.survey.responses[*i]
                    .segments
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| NO_ANSWER.to_string());
                by_value.entry(v).or_default().push((*i, *a));
            }
            let sizes: Vec<(&str, usize)> = by_value
                .iter()
                .map(|(v, c)| (v.as_str(), c.len()))
                .collect();
            let hidden = hidden_cells(&sizes, ctx.settings.min_cell_size);
            let cells = by_value
                .iter()
                .map(|(value, cell)| segment_cell(ctx, q, value, cell, hidden.contains(value)))
                .collect();
            SegmentBreakdown {
                segment: name,
                cells,
            }
        })
        .collect()
}

/// The segment value shown beside each respondent's quotes: of the segment
/// with the most values (the finest split, e.g. customer size), and only
/// when the respondent's group is shown for this question, so a tag never
/// points at a group too small to show.
fn quote_tags(ctx: &Context, answers: &Answers) -> BTreeMap<usize, String> {
    let names = segment_names(ctx.survey);
    let values = |name: &str| {
        answers
            .iter()
            .filter_map(|(i, _)| ctx.survey.responses[*i].segments.get(name))
            .collect::<BTreeSet<_>>()
            .len()
    };
    let Some((name, _)) = names
        .iter()
        .rev()
        .max_by_key(|(n, _)| values(n))
        .filter(|(n, _)| values(n) > 1)
    else {
        return BTreeMap::new();
    };
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, _) in answers {
        let v = ctx.survey.responses[*i].segments.get(name);
        *sizes
            .entry(v.map_or(NO_ANSWER, String::as_str))
            .or_default() += 1;
    }
    let sizes: Vec<(&str, usize)> = sizes.into_iter().collect();
    let hidden = hidden_cells(&sizes, ctx.settings.min_cell_size);
    answers
        .iter()
        .filter_map(|(i, _)| {
            let v = ctx.survey.responses[*i].segments.get(name)?;
            (!hidden.contains(v)).then(|| (*i, v.clone()))
        })
        .collect()
}

/// The segment value of reps who did not answer the segment question.
pub const NO_ANSWER: &str = "(no answer)";

/// The cells to withhold: every cell under the minimum size and, when
/// those together are still under it, the next smallest cells too, so that
/// no small group can be recovered by subtracting the shown cells from the
/// overall figures.
fn hidden_cells(sizes: &[(&str, usize)], min: usize) -> BTreeSet<String> {
    let mut hidden: BTreeSet<String> = sizes
        .iter()
        .filter(|(_, n)| *n < min)
        .map(|(v, _)| v.to_string())
        .collect();
    let mut total: usize = sizes
        .iter()
        .filter(|(v, _)| hidden.contains(*v))
        .map(|(_, n)| n)
        .sum();
    let mut visible: Vec<(usize, &str)> = sizes
        .iter()
        .filter(|(v, _)| !hidden.contains(*v))
        .map(|(v, n)| (*n, *v))
        .collect();
    visible.sort();
    let mut next = visible.into_iter();
    while !hidden.is_empty() && total < min {
        match next.next() {
            Some((n, v)) => {
                hidden.insert(v.to_string());
                total += n;
            }
            None => break,
        }
    }
    hidden
}

fn segment_cell(
    ctx: &Context,
    q: QuestionId,
    value: &str,
    cell: &Answers,
    suppressed: bool,
) -> SegmentCell {
    let value = value.to_string();
    let (figures, values) = if suppressed {
        (vec![], vec![])
    } else {
        let values = if q.kind() == AnswerKind::Duration {
            figures::duration_values(cell)
        } else {
            vec![]
        };
        (figures::cell_figures(ctx, q, cell), values)
    };
    let median_days = crate::stats::quantile(&values, 0.5).map(crate::snapshot::round1);
    SegmentCell {
        value,
        answered: cell.len(),
        suppressed,
        figures,
        median_days,
        values,
    }
}

#[cfg(test)]
mod tests {
    use super::hidden_cells;

    fn hidden(sizes: &[(&str, usize)]) -> Vec<String> {
        hidden_cells(sizes, 5).into_iter().collect()
    }

    #[test]
    fn a_lone_small_cell_takes_the_next_smallest_with_it() {
        // 1 rep alone could be found as overall minus the two big cells.
        assert_eq!(hidden(&[("A", 14), ("B", 15), ("both", 1)]), ["A", "both"]);
    }

    #[test]
    fn small_cells_that_add_up_stay_alone() {
        assert_eq!(hidden(&[("A", 14), ("x", 3), ("y", 2)]), ["x", "y"]);
        assert!(hidden(&[("A", 14), ("B", 5)]).is_empty());
    }

    #[test]
    fn everything_hidden_when_nothing_else_helps() {
        assert_eq!(hidden(&[("x", 2), ("y", 1)]), ["x", "y"]);
    }
}
