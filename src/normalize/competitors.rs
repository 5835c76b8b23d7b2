//! Competitor names in answers: from the configured list, plus capitalized
//! names that recur across respondents.

/// Competitor names (as configured or discovered) that `text` mentions.
pub fn find(_text: &str, _known: &[String]) -> Vec<String> {
    vec![]
}

/// Capitalized names that recur across respondents' answers and look like
/// company names. `answers` is (respondent index, text).
pub fn discover(_answers: &[(usize, &str)]) -> Vec<String> {
    vec![]
}
