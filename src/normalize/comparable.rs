//! The form in which a split item is compared with a labelled one.
//!
//! Scoring the list splitter asks "did the cell come apart into the same
//! items?", not "did the punctuation survive the same way?". Labellers
//! write `Responsiveness` where the rep typed `Responsiveness.`, keep or
//! drop the quotes around a quoted question, and keep or drop the "and"
//! that joined the last item. Both sides go through `comparable_item`
//! before they are compared, so those differences are not counted as
//! errors; everything else (case, words, inner punctuation) still is.
//! See docs/accuracy.md, "Items".

/// Punctuation that may end an item without changing it.
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '…'];

/// Quote marks that may wrap an item.
const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»', '`'];

/// Words that join an item to the one before it ("..., and timing").
const LEADING: &[&str] = &["and also", "and", "also", "plus", "&"];

/// `item` with surrounding whitespace, quotes, trailing punctuation and a
/// leading "and"/"also" removed, and inner runs of whitespace made one
/// space. Applied to both the splitter's item and the labelled one.
pub fn comparable_item(item: &str) -> String {
    let mut s: String = item.split_whitespace().collect::<Vec<_>>().join(" ");
    // Repeat: `"Price."` and `Price".` both come down to `Price`, and
    // `and "timing"` loses the word, then the quotes.
    loop {
        let before = s.len();
        s = s
            .trim_end_matches(TRAILING)
            .trim_matches(QUOTES)
            .trim()
            .to_string();
        s = strip_leading_word(&s).to_string();
        if s.len() == before {
            return s;
        }
    }
}

/// `s` without one leading joining word, compared without case.
fn strip_leading_word(s: &str) -> &str {
    for word in LEADING {
        let n = word.len();
        let head = s.get(..n);
        let rest = s.get(n..).unwrap_or("");
        if head.is_some_and(|h| h.eq_ignore_ascii_case(word))
            && rest.starts_with(char::is_whitespace)
        {
            return rest.trim_start();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::comparable_item as c;

    #[test]
    fn formatting_differences_vanish() {
        assert_eq!(c("Responsiveness."), "Responsiveness");
        assert_eq!(c("  price ,"), "price");
        assert_eq!(c("\"What's the minimum term?\""), "What's the minimum term");
        assert_eq!(c("“Can you prove it?”"), "Can you prove it");
        assert_eq!(
            c("and the league's endorsement."),
            "the league's endorsement"
        );
        assert_eq!(c("Also pricing"), "pricing");
        assert_eq!(c("and also \"timing\"."), "timing");
        assert_eq!(c("price\n  per   seat"), "price per seat");
    }

    #[test]
    fn meaning_is_kept() {
        // Case, inner punctuation and words that merely start with "and".
        assert_ne!(c("Price"), c("price"));
        assert_eq!(c("Android app, offline"), "Android app, offline");
        assert_eq!(c("also-rans"), "also-rans");
        assert_eq!(c("and"), "and");
        assert_eq!(c("price, security"), "price, security");
        assert_eq!(c(""), "");
    }
}
