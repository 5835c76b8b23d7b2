//! Website rating answers: yes / partly / no or a 1-5 scale, and the
//! audiences named as missing.

use super::Rating;

/// The rating an answer gives, if any.
pub fn parse_rating(_text: &str) -> Option<Rating> {
    None
}

/// Audiences an answer names as missing ("missing: partners, IT").
pub fn missing_audiences(_text: &str) -> Vec<String> {
    vec![]
}
