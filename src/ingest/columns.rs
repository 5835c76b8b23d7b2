//! Columns understood: each header becomes a question id, a segment, the
//! respondent, the timestamp, platform metadata, or is left unplaced.
//! Question headers are matched to the question bank by similarity.

use crate::questions::QuestionId;
use std::collections::BTreeMap;

/// User-fixed mappings from the config file, applied before any guessing.
#[derive(Debug, Clone, Default)]
pub struct ColumnRules {
    /// Header (or a distinctive part of it, case-insensitive) -> question.
    pub questions: BTreeMap<String, QuestionId>,
    /// Header (or part of it) -> segment name.
    pub segments: BTreeMap<String, String>,
    /// Headers (or parts) to ignore.
    pub ignore: Vec<String>,
}
