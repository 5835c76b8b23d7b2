//! Snapshot: the versioned, serializable result of a run. It holds every
//! figure the report shows and nothing that identifies a respondent; the
//! renderers and the quarter-over-quarter diff read only this.
//! Fields are documented in `docs/snapshot.md`.

use crate::ingest::{Accounting, Warning};
use crate::normalize::{Function, Seniority};
use crate::questions::QuestionId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

pub mod alignment;
mod extras;
pub use alignment::Alignment;
pub use extras::{PersonaProfile, Quote};
mod validate;
pub use validate::MAX_COUNT;

/// The schema version this build writes. Bump it when a field changes
/// meaning or is removed; adding an optional field does not need a bump.
/// 2: the `alignment` object (issue 12), whose `gap_points` may be
/// negative, which a schema-1 reader refuses.
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this build can still read.
pub const OLDEST_READABLE: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub schema: u32,
    /// The tool and version that wrote it, e.g. `frontline 0.1.0`.
    pub generator: String,
    pub title: String,
    /// The quarter label (`2026-Q3`, `FY2027-Q1`), if known.
    pub quarter: Option<String>,
    pub fiscal_year_start: u32,
    /// Responses used.
    pub respondents: usize,
    pub min_cell_size: usize,
    pub sources: Vec<SourceSummary>,
    pub segments: Vec<SegmentSummary>,
    /// In question-bank order; only questions found in the export.
    pub questions: Vec<QuestionSummary>,
    /// Codebook id -> its theme ids and fingerprint, for drift detection.
    pub codebooks: BTreeMap<String, CodebookInfo>,
    /// Strengths against competitors' strengths, objections against
    /// prospects' questions.
    #[serde(default)]
    pub head_to_head: Vec<HeadToHead>,
    /// Buyer and influencer personas named by at least the minimum cell
    /// size of reps, with what those reps hear (for persona cards).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persona_profiles: Vec<PersonaProfile>,
    /// The number of people in the sales team, when configured, for the
    /// response rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_size: Option<usize>,
    /// First and last submission dates (`YYYY-MM-DD`) of the responses used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_dates: Option<(String, String)>,
    pub data_quality: DataQuality,
    /// Marketing's picture against sales' (`report --marketing`); absent
    /// in schema 1 and in a report on sales alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<Alignment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// The file name (no folders, so snapshots do not depend on where the
    /// export was saved).
    pub file: String,
    pub platform: String,
    pub encoding: String,
    pub accounting: Accounting,
}

/// The segment value that values held by too few reps are folded into
/// (`min_cell_size`): a group, not an option anyone chose.
pub const OTHER_VALUES: &str = "(other answers)";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentSummary {
    /// Snake-case segment name, e.g. `company_size`.
    pub name: String,
    /// The column header it came from.
    pub header: String,
    /// Value -> respondents, sorted by value.
    pub values: Vec<Count>,
}

/// A labelled count and its share of a base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
    /// count / base, rounded to 4 decimals.
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodebookInfo {
    pub fingerprint: String,
    /// Theme id -> label.
    pub themes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionSummary {
    pub id: QuestionId,
    pub title: String,
    /// The column header as asked in this export (for wording drift).
    pub header: String,
    /// Respondents who gave a usable answer; the base of every share.
    pub answered: usize,
    /// Respondents who left it blank or wrote filler.
    pub blank: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<ThemeSummary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emerging: Vec<EmergingSummary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<PersonaSummary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durations: Option<DurationSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatingSummary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tone: Vec<Count>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Count>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_audiences: Vec<Count>,
    /// One entry per segment column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_segment: Vec<SegmentBreakdown>,
    /// Segment values that differ markedly from the rest of the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
}

/// "Security is raised by 70% of Enterprise reps vs 20% overall": a
/// segment value whose share of a theme (persona, verdict) differs from the
/// rest of the team by a Fisher's exact test, after a Benjamini-Hochberg
/// adjustment over the question's tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    pub segment: String,
    pub value: String,
    /// Theme id, `function/seniority` or verdict.
    pub key: String,
    pub label: String,
    /// Respondents in the segment value naming it, of `n`.
    pub count: usize,
    pub n: usize,
    pub segment_share: f64,
    pub rest_share: f64,
    pub overall_share: f64,
    pub lift: f64,
    /// Adjusted p-value.
    pub p_value: f64,
}

/// Two questions set side by side per theme: where we win against where
/// we lose, or what prospects object to against what they ask about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadToHead {
    pub title: String,
    pub left: QuestionId,
    pub right: QuestionId,
    pub left_n: usize,
    pub right_n: usize,
    pub rows: Vec<HeadToHeadRow>,
    /// Respondents naming each competitor in `competitor_strengths` (for
    /// strengths) or in `objections` (for buying concerns).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Count>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadToHeadRow {
    pub id: String,
    pub label: String,
    pub left_count: usize,
    pub left_share: f64,
    pub right_count: usize,
    pub right_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeSummary {
    pub id: String,
    pub label: String,
    /// Respondents with at least one item of this theme.
    pub respondents: usize,
    /// respondents / answered.
    pub share: f64,
    /// Items of this theme (a respondent may give several).
    pub items: usize,
    /// The most typical items, redacted.
    pub quotes: Vec<String>,
    /// The same quotes with their coding confidence and segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quote_details: Vec<Quote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmergingSummary {
    pub label: String,
    pub terms: Vec<String>,
    pub respondents: usize,
    pub items: usize,
    pub quotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quote_details: Vec<Quote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaSummary {
    pub function: Function,
    pub seniority: Seniority,
    pub respondents: usize,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageSummary {
    pub id: String,
    pub label: String,
    pub respondents: usize,
    pub share: f64,
    /// Mean 1-based position among the stages each answer names; the
    /// typical order sorts stages by it.
    pub mean_position: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DurationSummary {
    /// Answers that gave at least one duration.
    pub parsed: usize,
    /// Answers that gave none ("depends", "varies").
    pub unparsed: usize,
    /// Per-respondent typical days (the middle of their range; the lower
    /// bound of an open range), summarized.
    pub median_days: Option<f64>,
    pub q1_days: Option<f64>,
    pub q3_days: Option<f64>,
    pub min_days: Option<u32>,
    pub max_days: Option<u32>,
    /// Respondents whose longest range is open-ended ("12+ months").
    pub open_ended: usize,
    /// Buckets of typical days: label -> respondents.
    pub histogram: Vec<Count>,
    /// Medians of the pairs tied to a segment word in the answer itself
    /// ("SMB 30 days, enterprise 9 months"), by lower-cased word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_answer_segment: Vec<WordDays>,
    /// Each respondent's typical days, sorted (for tests across quarters).
    pub values: Vec<f64>,
}

/// The median of the durations an answer tied to one segment word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordDays {
    pub word: String,
    /// Answers that gave a duration for this word.
    pub answers: usize,
    pub median_days: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RatingSummary {
    /// yes / partly / no (a 1-5 scale folds in: 4-5 yes, 3 partly, 1-2 no).
    pub distribution: Vec<Count>,
    /// The 1-5 answers as given, when the question used a scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scale: Vec<Count>,
    /// Answers that gave no rating.
    pub unrated: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentBreakdown {
    pub segment: String,
    pub cells: Vec<SegmentCell>,
}

/// One value of a segment: the question's figures among its respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentCell {
    pub value: String,
    /// Respondents in this cell who answered the question.
    pub answered: usize,
    /// True when `answered` is under the minimum cell size: figures are
    /// withheld so that no single rep can be identified.
    pub suppressed: bool,
    /// Theme / persona / stage / rating key -> count and share in the cell.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days: Option<f64>,
    /// For durations: each respondent's typical days, sorted, so that two
    /// quarters can be compared with a rank test. Empty when suppressed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataQuality {
    pub accounting: Accounting,
    /// Columns that are neither a question, a segment, the respondent, the
    /// timestamp nor known metadata.
    pub unmapped_columns: Vec<UnmappedColumn>,
    /// Questions of the bank with no column in the export.
    pub missing_questions: Vec<QuestionId>,
    /// Responses submitted in another quarter than the report's.
    pub outside_quarter: Vec<Count>,
    /// Responses with no readable timestamp.
    pub undated: usize,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmappedColumn {
    pub file: String,
    pub header: String,
    pub reason: String,
}

#[derive(Debug, Error)]
pub enum SnapshotError {
    #[error("not a frontline snapshot: {0}")]
    Invalid(String),
    /// A value no run of frontline writes: the file was edited or damaged.
    #[error(
        "`{key}` {message}; this snapshot was edited or damaged. Re-run `frontline report` on that quarter's export to write it again."
    )]
    Value { key: String, message: String },
    #[error(
        "this snapshot has schema version {found}, newer than this frontline understands \
         (up to {SCHEMA_VERSION}). Update frontline, or compare with a snapshot written by this version."
    )]
    TooNew { found: u32 },
    #[error(
        "this snapshot has schema version {found}, older than this frontline can read \
         (from {OLDEST_READABLE}). Re-run `frontline report` on that quarter's export to refresh it."
    )]
    TooOld { found: u32 },
}

impl Snapshot {
    /// Pretty JSON with a final newline; key order is the field order, maps
    /// are sorted, so the same snapshot always gives the same bytes.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("snapshot serializes");
        s.push('\n');
        s
    }

    /// Reads a snapshot, checking the schema version first so that a newer
    /// file is refused with a clear message rather than a field error.
    pub fn from_json(text: &str) -> Result<Snapshot, SnapshotError> {
        // Editors on Windows save UTF-8 with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| SnapshotError::Invalid(e.to_string()))?;
        let found = value
            .get("schema")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| SnapshotError::Invalid("no `schema` version number".into()))?
            as u32;
        if found > SCHEMA_VERSION {
            return Err(SnapshotError::TooNew { found });
        }
        if found < OLDEST_READABLE {
            return Err(SnapshotError::TooOld { found });
        }
        validate::check_value(&value)?;
        let snapshot: Snapshot =
            serde_json::from_value(value).map_err(|e| SnapshotError::Invalid(e.to_string()))?;
        validate::check_snapshot(&snapshot)?;
        Ok(snapshot)
    }

    pub fn question(&self, id: QuestionId) -> Option<&QuestionSummary> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Rounds a share (or p-value) to 4 decimals so that JSON output is stable.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Rounds days (or percentage points) to 1 decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A count with its share of `base` (0 when the base is 0).
pub fn count(key: impl Into<String>, label: impl Into<String>, n: usize, base: usize) -> Count {
    Count {
        key: key.into(),
        label: label.into(),
        count: n,
        share: if base == 0 {
            0.0
        } else {
            round4(n as f64 / base as f64)
        },
    }
}

/// `function/seniority` in snake case, as in snapshots and diffs.
pub fn persona_key(f: Function, s: Seniority) -> String {
    format!("{}/{}", key_of(&f), key_of(&s))
}

/// "Finance · C-level".
pub fn persona_label(f: Function, s: Seniority) -> String {
    // "IT · Unknown" reads as if the function were unknown.
    if s == Seniority::Unknown {
        return format!("{} (no level named)", label_of(&f));
    }
    format!("{} · {}", label_of(&f), label_of(&s))
}

/// The serde name of a unit enum value.
pub fn key_of<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A reader's label for a snake-case key: `c_level` -> `C-level`.
pub fn label_of<T: Serialize>(t: &T) -> String {
    let key = key_of(t);
    match key.as_str() {
        "c_level" => "C-level".into(),
        "vp" => "VP".into(),
        "it" => "IT".into(),
        "hr" => "HR".into(),
        "revops" => "RevOps".into(),
        _ => {
            let k = key.replace('_', " ");
            let mut c = k.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}
