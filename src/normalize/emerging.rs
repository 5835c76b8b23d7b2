//! Emerging themes: items no codebook theme matched, grouped by shared
//! salient terms, so a new objection shows before it is in a codebook.

use serde::{Deserialize, Serialize};

/// A group of `other` items that share salient terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmergingTheme {
    /// A short label made of the group's salient terms.
    pub label: String,
    pub terms: Vec<String>,
    /// (respondent index, item text) of each member.
    pub items: Vec<(usize, String)>,
    pub respondents: usize,
}

/// Groups `other` items (respondent index, text) of one question; `background`
/// is every item of the survey, to weigh terms against.
pub fn discover(_items: &[(usize, &str)], _background: &[&str]) -> Vec<EmergingTheme> {
    vec![]
}
