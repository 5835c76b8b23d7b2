//! The theme matcher: codes an item with the themes of a codebook.

use super::{Codebook, ThemeHit};

/// The themes of `book` that `text` speaks of; `other` when none.
pub fn code(_book: &Codebook, _text: &str) -> Vec<ThemeHit> {
    vec![ThemeHit {
        id: "other".into(),
        rule: "none".into(),
    }]
}

/// The stage ids of the sales-stages codebook that `text` mentions, in
/// order of first mention, each once.
pub fn stages(_book: &Codebook, _text: &str) -> Vec<String> {
    vec![]
}
