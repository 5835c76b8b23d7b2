//! The tables of the detail sections and the appendix: segment
//! breakdowns, the persona matrix, head to head, and data quality.

use super::format::pct;
use crate::questions::QuestionId;
use crate::snapshot::{
    QuestionSummary, SegmentBreakdown, SegmentCell, Snapshot, label_of, persona_key, persona_label,
};
use serde::Serialize;

/// A table: a caption, a header row and text cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// What the table shows ("By Deal size").
    pub caption: String,
    /// The column headings.
    pub header: Vec<String>,
    /// The rows, each a list of cells; the first cell labels the row.
    pub rows: Vec<Vec<String>>,
    /// For a matrix: the counts behind `rows` (row x column, first column
    /// excluded), for the heatmap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<Vec<usize>>,
}

const SENIORITIES: [crate::normalize::Seniority; 6] = {
    use crate::normalize::Seniority::*;
    [CLevel, Vp, Director, Manager, Individual, Unknown]
};

/// Function x seniority: reps naming each pair.
pub fn persona_matrix(q: &QuestionSummary) -> Option<Table> {
    if q.personas.is_empty() {
        return None;
    }
    let mut functions: Vec<_> = q.personas.iter().map(|p| p.function).collect();
    functions.sort();
    functions.dedup();
    let mut header = vec!["Function".to_string()];
    header.extend(SENIORITIES.iter().map(|s| match s {
        crate::normalize::Seniority::Unknown => "No level".to_string(),
        s => label_of(s),
    }));
    let count = |f, s| {
        q.personas
            .iter()
            .find(|p| p.function == f && p.seniority == s)
            .map_or(0, |p| p.respondents)
    };
    let counts: Vec<Vec<usize>> = functions
        .iter()
        .map(|&f| SENIORITIES.iter().map(|&s| count(f, s)).collect())
        .collect();
    let rows = functions
        .iter()
        .zip(&counts)
        .map(|(f, cs)| {
            let mut r = vec![label_of(f)];
            r.extend(
                cs.iter()
                    .map(|&c| if c == 0 { "·".into() } else { c.to_string() }),
            );
            r
        })
        .collect();
    Some(Table {
        caption: format!("Reps naming each function and level (of {})", q.answered),
        header,
        rows,
        counts,
    })
}

/// The question's figures per value of one segment, as a table whose rows
/// are the overall top keys; `None` when every group is too small.
pub fn segment_table(s: &Snapshot, q: &QuestionSummary, b: &SegmentBreakdown) -> Option<Table> {
    if b.cells.iter().all(|c| c.suppressed) {
        return None;
    }
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
    let mut rows: Vec<Vec<String>> = keys(q)
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
    Some(Table {
        caption: format!("By {}", seg_header.trim_end_matches(['?', ':', ' '])),
        header,
        rows,
        counts: vec![],
    })
}

/// The overall top keys of a question: themes, personas, stages or verdicts.
fn keys(q: &QuestionSummary) -> Vec<(String, String)> {
    if !q.themes.is_empty() {
        q.themes
            .iter()
            .filter(|t| t.id != "other" && t.respondents > 1)
            .take(8)
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect()
    } else if !q.personas.is_empty() {
        q.personas
            .iter()
            .filter(|p| p.respondents > 1)
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
    }
}

fn cell_text(c: &SegmentCell, key: &str) -> String {
    if c.suppressed {
        return "–".into();
    }
    c.figures
        .iter()
        .find(|f| f.key == key)
        .map(|f| pct(f.share))
        .unwrap_or_else(|| "0%".into())
}

/// Two questions set against each other, theme by theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadToHeadView {
    /// The anchor id ("head-to-head-1").
    pub id: String,
    /// The heading ("Where we win and where we lose").
    pub title: String,
    /// The heading of the competitors line.
    pub competitors_label: String,
    /// The first question's column heading, with its base.
    pub left: String,
    /// The second question's column heading, with its base.
    pub right: String,
    /// Per theme: label, left share (count), right share (count), margin in
    /// reps.
    pub rows: Vec<Vec<String>>,
    /// (label, right share, left share) for the diverging chart: where we
    /// lose drawn left, where we win right.
    pub bars: Vec<(String, f64, f64)>,
    /// True when the sides are news (where competitors do better, where we
    /// do): the chart colours them bad and good.
    pub sides_are_news: bool,
    /// The chart's left side title.
    pub left_title: String,
    /// The chart's right side title.
    pub right_title: String,
    /// Competitors named, with counts.
    pub competitors: String,
}

pub fn head_to_head(i: usize, h: &crate::snapshot::HeadToHead) -> HeadToHeadView {
    let left = h.left.title().to_string();
    let right = h.right.title().to_string();
    HeadToHeadView {
        id: format!("head-to-head-{}", i + 1),
        bars: h
            .rows
            .iter()
            .map(|r| (r.label.clone(), r.right_share, r.left_share))
            .collect(),
        title: h.title.clone(),
        sides_are_news: [h.left, h.right].contains(&QuestionId::CompetitorStrengths),
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
        left_title: right,
        right_title: left,
    }
}

/// What was read and what was used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quality {
    /// Data rows read.
    pub rows: usize,
    /// Responses used.
    pub used: usize,
    /// Earlier submissions of someone who submitted again.
    pub superseded: usize,
    /// Responses the platform marks unfinished (left out).
    pub incomplete: usize,
    /// Rows with no answer to any question.
    pub empty: usize,
    /// Per export file: (file name, what was read).
    pub sources: Vec<(String, String)>,
    /// Columns not used: (header, why and in which file).
    pub unmapped: Vec<(String, String)>,
    /// Questions of the bank not found in the export.
    pub missing_questions: Vec<String>,
    /// Responses submitted outside the quarter: (quarter, "3 responses").
    pub outside: Vec<(String, String)>,
    /// Responses without a readable timestamp.
    pub undated: usize,
    /// Warnings, each naming the file, line and column.
    pub warnings: Vec<String>,
}

pub fn quality(s: &Snapshot) -> Quality {
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
            .map(|src| {
                (
                    src.file.clone(),
                    format!(
                        "{} export, {}; {} rows read, {} used, {} superseded, {} incomplete, {} empty",
                        src.platform,
                        src.encoding,
                        src.accounting.rows,
                        src.accounting.used,
                        src.accounting.superseded,
                        src.accounting.incomplete,
                        src.accounting.empty
                    ),
                )
            })
            .collect(),
        unmapped: dq
            .unmapped_columns
            .iter()
            .map(|u| (u.header.clone(), format!("{} ({})", u.reason, u.file)))
            .collect(),
        missing_questions: dq
            .missing_questions
            .iter()
            .map(|q| format!("{} ({})", q.title(), q.as_str()))
            .collect(),
        outside: dq
            .outside_quarter
            .iter()
            .map(|c| (c.label.clone(), format!("{} responses", c.count)))
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
