//! Common English words (`data/common_words.toml`): never a competitor's
//! name, never read as a misspelling of a codebook term.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Words {
    words: Vec<String>,
    months: Vec<String>,
    stopwords: Vec<String>,
    brands: Vec<String>,
}

type Sets = (
    BTreeSet<String>,
    BTreeSet<String>,
    BTreeSet<String>,
    BTreeSet<String>,
);

fn words() -> &'static Sets {
    static W: OnceLock<Sets> = OnceLock::new();
    W.get_or_init(|| {
        let w: Words =
            toml::from_str(include_str!("../../data/common_words.toml")).expect("common words");
        let set = |v: Vec<String>| v.into_iter().collect();
        (set(w.words), set(w.months), set(w.stopwords), set(w.brands))
    })
}

/// True for a company or product name that codebook rules mention.
pub fn is_brand(folded: &str) -> bool {
    words().3.contains(folded)
}

/// True for a function word that carries no topic ("the", "they", "with").
pub fn is_stopword(folded: &str) -> bool {
    words().2.contains(folded)
}

/// True for a common English word (folded: lower case, no accents).
pub fn is_common(folded: &str) -> bool {
    let (common, months, _, _) = words();
    common.contains(folded) || months.contains(folded)
}

/// True for a month or weekday name ("may", "march", "monday").
pub fn is_month_or_day(folded: &str) -> bool {
    words().1.contains(folded)
}

#[cfg(test)]
mod tests {
    #[test]
    fn common_words_and_months() {
        assert!(super::is_common("contact"));
        assert!(super::is_month_or_day("march"));
        assert!(!super::is_common("salesforce"));
    }
}
