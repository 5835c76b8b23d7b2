//! Table tests of `split_items` over cells written the way reps write.

use super::*;

fn check(text: &str, want: &[&str]) {
    assert_eq!(split_items(text), want, "splitting {text:?}");
}

#[test]
fn markers_lines_and_separators() {
    check(
        "1. price 2. security 3. timing",
        &["price", "security", "timing"],
    );
    check("1.price 2.timing", &["price", "timing"]);
    check("- price\n- security", &["price", "security"]);
    check("(1) price (2) budget", &["price", "budget"]);
    check("a) price b) contract terms", &["price", "contract terms"]);
    check("Price; budget; timing", &["Price", "budget", "timing"]);
    check("Top 3:\n1. price\n2. timing", &["price", "timing"]);
    check("• price • security", &["price", "security"]);
    check("price\nsecurity\n\n", &["price", "security"]);
    check("1. Price\n2.\n3.", &["Price"]);
    check("1/ price\n2/ timing", &["price", "timing"]);
    check("#1 price #2 timing", &["price", "timing"]);
    check(
        "1. ease of use, 2. support, 3. price",
        &["ease of use", "support", "price"],
    );
    check("price\r\nsecurity\r\n", &["price", "security"]);
    check(
        "- long item that\n  wraps\n- second",
        &["long item that wraps", "second"],
    );
}

#[test]
fn commas_ordinals_and_questions() {
    check(
        "price, security, integrations",
        &["price", "security", "integrations"],
    );
    check(
        "pricing, onboarding and support",
        &["pricing", "onboarding", "support"],
    );
    check(
        "price, especially for multi-year deals",
        &["price, especially for multi-year deals"],
    );
    check("price/budget", &["price/budget"]);
    check(
        "Price. Integration with SAP. Timing",
        &["Price.", "Integration with SAP.", "Timing"],
    );
    // Every sentence is an item (the labelled corpus, training/corpus).
    check(
        "Price is the main thing. They also want SSO and a SOC 2 report.",
        &[
            "Price is the main thing.",
            "They also want SSO and a SOC 2 report.",
        ],
    );
    check("Price, esp. vs. Acme", &["Price, esp. vs. Acme"]);
    check(
        "They say we're expensive, slow to implement and hard to use",
        &["They say we're expensive, slow to implement and hard to use"],
    );
    check(
        "Integration with SAP, Salesforce and Workday",
        &["Integration with SAP, Salesforce and Workday"],
    );
    check(
        "Price (esp. for SMB), integrations, security",
        &["Price (esp. for SMB)", "integrations", "security"],
    );
    check(
        "Update the design, add customer logos",
        &["Update the design", "add customer logos"],
    );
    check("price and security", &["price and security"]);
    check(
        "Firstly the price, secondly SSO, lastly legal",
        &["the price", "SSO", "legal"],
    );
    check(
        "What's the price? Do you integrate with SAP?",
        &["What's the price?", "Do you integrate with SAP?"],
    );
    check(
        "version 2.0 is missing SSO",
        &["version 2.0 is missing SSO"],
    );
    check("3-6 months to implement", &["3-6 months to implement"]);
}

#[test]
fn filler_gives_no_item() {
    for f in [
        "N/A",
        "n/a.",
        "-",
        "none",
        "nothing to add",
        "same as last quarter",
        "see q1",
        "see above",
        "n/a - it's fine",
        "  ",
    ] {
        assert!(split_items(f).is_empty(), "{f:?} is filler");
    }
    assert_eq!(split_items("no budget"), ["no budget"]);
    assert_eq!(
        split_items("None of them have SSO"),
        ["None of them have SSO"]
    );
}

#[test]
fn abbreviations_with_a_stop_do_not_end_an_item() {
    check("Sr. Manager, Demand Gen", &["Sr. Manager, Demand Gen"]);
    check(
        "Sr. Manager, Demand Gen, VP Sales",
        &["Sr. Manager, Demand Gen", "VP Sales"],
    );
    check(
        "Sr. Manager, Demand Gen and Dir. IT",
        &["Sr. Manager, Demand Gen", "Dir. IT"],
    );
    check(
        "Price. Dir. IT. Timing.",
        &["Price.", "Dir. IT.", "Timing."],
    );
    check("Price e.g. Acme. Timing.", &["Price e.g. Acme.", "Timing."]);
    check(
        "integration (i.e. SAP). Price.",
        &["integration (i.e. SAP).", "Price."],
    );
    check("Price vs. Acme. Timing.", &["Price vs. Acme.", "Timing."]);
    check("Acme Inc. Beta Ltd.", &["Acme Inc. Beta Ltd."]);
}

#[test]
fn prose_cells_from_the_corpus_conventions() {
    // Written for this test in the corpus' styles, not copied from it.
    check(
        "1st: uptime\n2nd: the onboarding team\n3rd: price",
        &["uptime", "the onboarding team", "price"],
    );
    check(
        "Number one, the trial. Number two, quick answers.",
        &["the trial.", "quick answers."],
    );
    check("Mostly: price, SSO", &["price", "SSO"]);
    check(
        "Timing and trust: if the CFO trusts the rep, it closes.",
        &["Timing and trust: if the CFO trusts the rep, it closes."],
    );
    check(
        "Boltr: cheaper. Quanta: the app.",
        &["Boltr: cheaper.", "Quanta: the app."],
    );
    check(
        "the crews hate paper. nobody sees the margins",
        &["the crews hate paper.", "nobody sees the margins"],
    );
    check(
        "They like it, but the price is high",
        &["They like it, but the price is high"],
    );
}

#[test]
fn comma_separated_statements_and_longer_phrase_lists() {
    // Written for this test, not copied from the corpus.
    check(
        "the crews want tablets, finance takes weeks to approve, nobody owns the rollout",
        &[
            "the crews want tablets",
            "finance takes weeks to approve",
            "nobody owns the rollout",
        ],
    );
    check(
        "Timing, they are all mid-migration",
        &["Timing, they are all mid-migration"],
    );
    check(
        "If the owner likes the pilot, the deal closes in a month",
        &["If the owner likes the pilot, the deal closes in a month"],
    );
    check(
        "someone who knows the trade, a demo on a live job, quick callbacks after hours",
        &[
            "someone who knows the trade",
            "a demo on a live job",
            "quick callbacks after hours",
        ],
    );
    check(
        "connectors for Ledgr, Pivo and Tallyo",
        &["connectors for Ledgr, Pivo and Tallyo"],
    );
}

#[test]
fn a_closing_remark_after_a_list_is_its_own_item() {
    check(
        "1. price\n2. the audit, which takes months\nMuch the same for each product, apart from the mobile app.",
        &[
            "price",
            "the audit, which takes months",
            "Much the same for each product, apart from the mobile app.",
        ],
    );
    // Indented, it wraps the item above.
    check(
        "- a long first item that\n  wraps\n- second",
        &["a long first item that wraps", "second"],
    );
    // A hyphenated word is not a filler word and a remark.
    check(
        "- No-shows\n- Same-day quotes",
        &["No-shows", "Same-day quotes"],
    );
}
