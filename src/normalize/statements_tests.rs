//! Unit tests of `statement_items`, in cells written for these tests.

use super::*;

fn parts(line: &str) -> Vec<String> {
    line.split(',').map(str::to_string).collect()
}

fn items(line: &str) -> Option<Vec<String>> {
    statement_items(&parts(line))
}

#[test]
fn clauses_with_their_own_subject_split() {
    assert_eq!(
        items("they want a pilot, legal takes weeks, nobody owns the budget").unwrap(),
        [
            "they want a pilot",
            "legal takes weeks",
            "nobody owns the budget"
        ]
    );
    assert_eq!(
        items("Zentro has the bigger logos, Pikwa is bundled free").unwrap(),
        ["Zentro has the bigger logos", "Pikwa is bundled free"]
    );
    assert_eq!(
        items("no money until the new year, the board has to sign, never heard of us").unwrap(),
        [
            "no money until the new year",
            "the board has to sign",
            "never heard of us"
        ]
    );
}

#[test]
fn a_final_and_splits_only_a_list_of_clauses() {
    assert_eq!(
        items(
            "they're tired of spreadsheets, they're afraid of audits, and they're short of staff"
        )
        .unwrap()
        .len(),
        3
    );
    // Two clauses and ", and": one compound sentence.
    assert!(items("the nurses like it, and the managers don't care").is_none());
}

#[test]
fn labels_subordinate_clauses_and_connectives_keep_one_item() {
    // A one-word topic, then what it means.
    assert!(items("Price, they compare it with the old licence").is_none());
    assert!(items("Nothing, the page is fine").is_none());
    // A subordinate clause belongs to the clause after it.
    assert!(items("If the owner sees it live, we usually win").is_none());
    assert!(items("When the CFO is convinced, the rest follows").is_none());
    // A connective continues the part before it.
    assert!(items("They like the app, but the price is high").is_none());
    assert!(items("the offline mode, which nobody else has").is_none());
}

#[test]
fn noun_phrases_and_verbless_parts_are_not_statements() {
    assert!(items("They say we're slow, hard to set up and pricey").is_none());
    assert!(items("integrations with Acme, Beta and Gamma").is_none());
    assert!(!is_statement("a strong demo"));
    assert!(!is_statement("IT security"));
    assert!(is_statement("it takes months"));
    assert!(is_statement("the owners want real numbers"));
}

#[test]
fn longer_noun_phrases_split_when_there_are_three() {
    assert_eq!(
        phrase_items(&parts(
            "a sponsor in the plant, a trial with their own data, the payback in their numbers"
        ))
        .unwrap(),
        [
            "a sponsor in the plant",
            "a trial with their own data",
            "the payback in their numbers"
        ]
    );
    // Two parts are left to `comma_list`; statements are not phrases.
    assert!(phrase_items(&parts("a sponsor in the plant, a trial with their data")).is_none());
    assert!(phrase_items(&parts("the owners want numbers, legal is slow, price")).is_none());
    // Names after a preposition continue one object.
    assert!(phrase_items(&parts("sync with the ledger app, Pivo, Tallyo and Norr")).is_none());
    // A part that qualifies the one before it.
    assert!(
        phrase_items(&parts(
            "price for the big sites, especially in winter, the rollout"
        ))
        .is_none()
    );
}
