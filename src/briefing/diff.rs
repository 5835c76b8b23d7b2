//! The diff page's model: two quarters compared, each change said in
//! words and honest about sample size, with the news it is for us (a
//! rising objection is bad news), the website in its headlines, a table of
//! contents, and a warning when the two sides look swapped.

use super::findings::certainty;
use super::format::{p_text, points};
use super::history::{news_of, quarter_of};
use super::{Entry, Stack};
use crate::diff::{Diff, ShareDiff, Status};
use crate::questions::QuestionId;
use crate::snapshot::Snapshot;
use serde::Serialize;

/// The comparison of two quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffBriefing {
    /// The earlier side's quarter.
    pub old_quarter: String,
    /// The later side's quarter.
    pub new_quarter: String,
    /// Reps in the earlier quarter.
    pub old_respondents: usize,
    /// Reps in the later quarter.
    pub new_respondents: usize,
    /// Set when the earlier side is the later quarter.
    pub order_warning: String,
    /// Changes to the survey between the two (a question reworded, a codebook
    /// theme added): they limit what a change can mean.
    pub drift: Vec<String>,
    /// The changes that matter: new and gone themes, meaningful moves, the
    /// website verdict, the cycle length.
    pub headlines: Vec<Headline>,
    /// Theme changes, one group per question.
    pub themes: Vec<Group>,
    /// Per segment value: value, earlier median (n), later median (n), verdict.
    pub cycle: Vec<Vec<String>>,
    /// The overall median cycle, both quarters and the test, in a sentence.
    pub cycle_overall: String,
    /// Persona changes, one group per question.
    pub personas: Vec<Group>,
    /// Website verdict changes, one group per question.
    pub website: Vec<Group>,
    /// The website verdict in both quarters, for the stacked bars.
    pub website_stacks: Vec<Stack>,
    /// Emerging themes of the later quarter.
    pub emerging: Vec<Emerging>,
    /// Marketing's alignment with sales: the score in both quarters and
    /// the gaps that opened or closed; empty when neither compared them.
    pub alignment: Vec<String>,
    /// The page's headings, for the table of contents.
    pub contents: Vec<Entry>,
}

/// One headline change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    /// The change in a sentence.
    pub text: String,
    /// `good`, `bad` or `neutral`.
    pub news: String,
}

/// The rows of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The anchor id (the question id).
    pub id: String,
    /// The question's title.
    pub title: String,
    /// One row per theme compared.
    pub rows: Vec<ChangeRow>,
}

/// One figure in both quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// The theme's label.
    pub label: String,
    /// Earlier share and count ("23% (7/30)").
    pub old: String,
    /// Later share and count.
    pub new: String,
    /// Earlier share, 0..1 (for charts).
    pub old_share: f64,
    /// Later share, 0..1.
    pub new_share: f64,
    /// Reps in the later quarter.
    pub new_count: usize,
    /// The change in words: "▲ +47 pts (p < 0.001)", "≈ -3 pts, within noise (p
    /// = 0.80)".
    pub change: String,
    /// `new`, `gone`, `rising`, `falling` or `steady`, with ": good news" or ":
    /// bad news" for a meaningful change.
    pub status: String,
    /// `good`, `bad` or `neutral`: what the change means for us.
    pub news: String,
}

/// An emerging theme of the later quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Emerging {
    /// The question's title.
    pub question: String,
    /// Its phrase label.
    pub label: String,
    /// Reps in the group.
    pub respondents: usize,
    /// Quotes, redacted.
    pub quotes: Vec<String>,
}

fn share(count: usize, n: usize, s: f64) -> String {
    format!("{:.0}% ({count}/{n})", s * 100.0)
}

/// The change in words: points, arrow only when meaningful.
pub fn change_text(d: &ShareDiff) -> String {
    let pts = points(d.change_points);
    if d.too_few {
        format!("{pts}, too few answers to tell")
    } else if d.significant {
        let arrow = if d.change_points > 0.0 { "▲" } else { "▼" };
        format!("{arrow} {pts} ({})", p_text(d.p_value))
    } else {
        format!("≈ {pts}, within noise ({})", p_text(d.p_value))
    }
}

fn status_text(d: &ShareDiff) -> String {
    let s = match d.status {
        Status::New => "new",
        Status::Gone => "gone",
        Status::Rising => "rising",
        Status::Falling => "falling",
        Status::Steady => "steady",
    };
    match news_of(d) {
        "good" => format!("{s}: good news"),
        "bad" => format!("{s}: bad news"),
        _ => s.to_string(),
    }
}

fn row(d: &ShareDiff) -> ChangeRow {
    ChangeRow {
        label: d.label.clone(),
        old: share(d.old_count, d.old_n, d.old_share),
        new: share(d.new_count, d.new_n, d.new_share),
        old_share: d.old_share,
        new_share: d.new_share,
        new_count: d.new_count,
        change: change_text(d),
        status: status_text(d),
        news: news_of(d).into(),
    }
}

fn groups(v: &[ShareDiff], prefix: &str) -> Vec<Group> {
    let mut out: Vec<Group> = vec![];
    let mut current: Option<QuestionId> = None;
    for d in v {
        if current != Some(d.question) {
            current = Some(d.question);
            out.push(Group {
                id: format!("{prefix}{}", d.question.as_str()),
                title: d.question.title().into(),
                rows: vec![],
            });
        }
        if let Some(g) = out.last_mut() {
            g.rows.push(row(d));
        }
    }
    out
}

fn days(d: Option<f64>) -> String {
    d.map(|d| format!("{d:.0} days"))
        .unwrap_or_else(|| "–".into())
}

/// The headline changes, biggest and surest first (points of change x
/// certainty, as the report's findings rank them): new and gone themes,
/// meaningful moves, the website verdict, the cycle length, and emerging
/// themes the earlier quarter had nothing like.
fn headlines(old: &Snapshot, new: &Snapshot, d: &Diff) -> Vec<Headline> {
    let mut out: Vec<(f64, Headline)> = vec![];
    for t in d.themes.iter().chain(&d.website) {
        let q = t.question.title();
        let text = match t.status {
            Status::New if t.significant => format!(
                "New in “{q}”: {} ({:.0}% of reps)",
                t.label,
                t.new_share * 100.0
            ),
            Status::Gone if t.significant => format!(
                "Gone from “{q}”: {} (was {:.0}%)",
                t.label,
                t.old_share * 100.0
            ),
            Status::Rising | Status::Falling => format!(
                "“{q}”: {} {:.0}% → {:.0}%, {}",
                t.label,
                t.old_share * 100.0,
                t.new_share * 100.0,
                change_text(t)
            ),
            _ => continue,
        };
        let score = t.change_points.abs() / 100.0 * certainty(t.p_value);
        out.push((
            score,
            Headline {
                text,
                news: news_of(t).into(),
            },
        ));
    }
    if let Some(c) = &d.cycle_length
        && c.significant
    {
        let (o, n) = (c.old_median_days, c.new_median_days);
        let score = match (o, n, c.p_value) {
            (Some(o), Some(n), Some(p)) => (n - o).abs() / n.max(o).max(1.0) * certainty(p),
            _ => 0.0,
        };
        let text = format!("Sales cycle: median {} → {}", days(o), days(n));
        let news = match (o, n) {
            (Some(o), Some(n)) if n > o => "bad",
            (Some(_), Some(_)) => "good",
            _ => "neutral",
        };
        out.push((
            score,
            Headline {
                text,
                news: news.into(),
            },
        ));
    }
    out.extend(new_emerging(old, new, d));
    // Stable: equal scores keep the order above.
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|(_, h)| h).collect()
}

/// Emerging themes of the later quarter that share no term with one of
/// the earlier quarter's in the same question: from nobody to their reps.
fn new_emerging(old: &Snapshot, new: &Snapshot, d: &Diff) -> Vec<(f64, Headline)> {
    d.emerging
        .iter()
        .filter(|e| {
            old.question(e.question).is_none_or(|q| {
                !q.emerging
                    .iter()
                    .any(|o| o.terms.iter().any(|t| e.theme.terms.contains(t)))
            })
        })
        .filter_map(|e| {
            // Of the reps who answered that question, as everywhere.
            let n = new.question(e.question).map_or(0, |q| q.answered).max(1);
            let share = e.theme.respondents as f64 / n as f64;
            let p = crate::stats::share_change(0, n as u64, e.theme.respondents as u64, n as u64)
                .p_value;
            let text = format!(
                "New outside the codebook in “{}”: {} ({:.0}% of reps, {} of {n}; {})",
                e.question.title(),
                e.theme.label,
                share * 100.0,
                e.theme.respondents,
                p_text(p)
            );
            let news = "neutral".to_string();
            // Only a rise the test tells from chance is a headline.
            (p < crate::stats::ALPHA).then(|| (share * certainty(p), Headline { text, news }))
        })
        .collect()
}

fn cycle_overall(d: &Diff) -> String {
    match &d.cycle_length {
        None => "The cycle-length question was not asked in both quarters.".into(),
        Some(c) => {
            let test = match (c.too_few, c.p_value) {
                (true, _) | (_, None) => "too few answers to tell whether it changed".to_string(),
                (false, Some(p)) if c.significant => {
                    format!("a meaningful change (Mann-Whitney {})", p_text(p))
                }
                (false, Some(p)) => format!("within noise (Mann-Whitney {})", p_text(p)),
            };
            format!(
                "Median {} (n={}) → {} (n={}): {test}.",
                days(c.old_median_days),
                c.old_n,
                days(c.new_median_days),
                c.new_n
            )
        }
    }
}

fn cycle_rows(d: &Diff) -> Vec<Vec<String>> {
    d.cycle_length
        .iter()
        .flat_map(|c| &c.segments)
        .map(|s| {
            let verdict = if s.too_few {
                "too few answers to tell".to_string()
            } else if s.significant {
                format!("meaningful ({})", p_text(s.p_value.unwrap_or(1.0)))
            } else {
                format!("within noise ({})", p_text(s.p_value.unwrap_or(1.0)))
            };
            vec![
                s.value.clone(),
                format!("{} (n={})", days(s.old_median_days), s.old_n),
                format!("{} (n={})", days(s.new_median_days), s.new_n),
                verdict,
            ]
        })
        .collect()
}

fn stacks(d: &Diff) -> Vec<Stack> {
    let rows: Vec<&ShareDiff> = d
        .website
        .iter()
        .filter(|w| w.question == QuestionId::WebsiteValue)
        .collect();
    if rows.is_empty() {
        return vec![];
    }
    let label = |q: &Option<String>, f: &str| q.clone().unwrap_or_else(|| f.into());
    vec![
        Stack {
            label: label(&d.old_quarter, "Earlier"),
            parts: rows
                .iter()
                .map(|w| (w.theme.clone(), w.label.clone(), w.old_share, w.old_count))
                .collect(),
        },
        Stack {
            label: label(&d.new_quarter, "Later"),
            parts: rows
                .iter()
                .map(|w| (w.theme.clone(), w.label.clone(), w.new_share, w.new_count))
                .collect(),
        },
    ]
}

/// A warning when `old` is a later quarter than `new`.
pub fn order_warning(old: &Snapshot, new: &Snapshot) -> String {
    match (quarter_of(old), quarter_of(new)) {
        (Some(o), Some(n)) if o > n => format!(
            "The sides look swapped: the earlier side is {o} and the later side {n}, so every rise below is really a fall. Give the earlier quarter first: frontline diff {n}-folder {o}-folder."
        ),
        (Some(o), Some(n)) if o == n => {
            format!("Both sides are {o}: this compares a quarter with itself.")
        }
        _ => String::new(),
    }
}

pub fn diff_briefing(old: &Snapshot, new: &Snapshot, d: &Diff) -> DiffBriefing {
    let themes = groups(&d.themes, "");
    let personas = groups(&d.personas, "");
    let website = groups(&d.website, "");
    let e = Entry::new;
    let mut contents = vec![];
    if !d.drift.is_empty() {
        contents.push(e("survey-changes", "Survey changes"));
    }
    contents.push(e("headlines", "Headlines"));
    contents.extend(themes.iter().map(|g| e(&g.id, &g.title)));
    contents.push(e("cycle", "Sales cycle length"));
    contents.extend(personas.iter().chain(&website).map(|g| e(&g.id, &g.title)));
    if !d.emerging.is_empty() {
        contents.push(e("emerging", "Emerging themes"));
    }
    let alignment = super::alignment_diff::lines(d);
    if !alignment.is_empty() {
        contents.push(e("alignment", "Marketing and sales alignment"));
    }
    DiffBriefing {
        old_quarter: d
            .old_quarter
            .clone()
            .unwrap_or_else(|| "earlier quarter".into()),
        new_quarter: d
            .new_quarter
            .clone()
            .unwrap_or_else(|| "this quarter".into()),
        old_respondents: d.old_respondents,
        new_respondents: d.new_respondents,
        order_warning: order_warning(old, new),
        drift: d
            .drift
            .iter()
            .map(|x| super::format::capitalized(&x.message))
            .collect(),
        headlines: headlines(old, new, d),
        themes,
        cycle: cycle_rows(d),
        cycle_overall: cycle_overall(d),
        personas,
        website,
        website_stacks: stacks(d),
        emerging: d
            .emerging
            .iter()
            .map(|e| Emerging {
                question: e.question.title().into(),
                label: e.theme.label.clone(),
                respondents: e.theme.respondents,
                quotes: e.theme.quotes.clone(),
            })
            .collect(),
        alignment,
        contents,
    }
}
