//! Tests of emerging-theme discovery: grouping, phrase labels, and
//! counting every rep in a group (widening to coded items that use the
//! group's own vocabulary).

use super::*;

#[test]
fn groups_recurring_leftovers() {
    let items = [
        (0, "worried about the union pushing back"),
        (1, "union concerns about AI"),
        (2, "the union has to sign off"),
        (3, "price"),
        (3, "the weather"),
        (4, "price is high"),
    ];
    let mut background: Vec<&str> = items.iter().map(|(_, t)| *t).collect();
    background.extend(["price again", "price", "pricing", "security review"]);
    let found = discover(&items, &background);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].label, "union");
    assert_eq!(found[0].respondents, 3);
    assert_eq!(found[0].items.len(), 3);
    assert_eq!(found, discover(&items, &background), "deterministic");
}

#[test]
fn the_index_finds_what_a_scan_finds() {
    let texts = [
        "carbon footprint report",
        "their carbon footprint targets",
        "union sign off",
        "carbon audit",
        "footprint of the union",
    ];
    let item_terms: Vec<BTreeMap<String, String>> = texts.iter().map(|t| terms(t)).collect();
    let index = Index::new(&item_terms);
    let taken = [false, true, false, false, false];
    for t in item_terms.iter().flat_map(|m| m.keys()) {
        let scan: Vec<usize> = (0..texts.len())
            .filter(|&i| !taken[i] && item_terms[i].contains_key(t))
            .collect();
        assert_eq!(index.holders(t, &taken), scan, "{t}");
    }
    assert!(index.holders("nothing", &[]).is_empty());
}

#[test]
fn one_respondent_is_not_a_theme() {
    let items = [(0, "union issue"), (0, "union again"), (0, "union!")];
    assert!(discover(&items, &[]).is_empty());
}

/// Items of an objections question the way the sample's ESG theme came:
/// four no theme matched, four a codebook rule matched by a stray word
/// ("report", "parent company", "per user").
type Items = Vec<(usize, &'static str)>;

fn esg() -> (Items, Items) {
    let others = vec![
        (
            5,
            "ESG: their sustainability team wants our carbon footprint numbers",
        ),
        (8, "they ask for our ESG / carbon disclosure"),
        (
            14,
            "their supplier sustainability scorecard - we had nothing to send about emissions",
        ),
        (
            21,
            "ESG: big accounts want a carbon footprint statement from suppliers",
        ),
    ];
    let coded = vec![
        (
            16,
            "ESG reporting - they need our scope 3 emissions data for CSRD",
        ),
        (
            17,
            "they ask if we have a sustainability report / run on renewable energy",
        ),
        (
            24,
            "their parent company now wants an ESG rating from all suppliers",
        ),
        (
            30,
            "sustainability: they asked for our emissions per user and whether the data centers run on renewable energy",
        ),
        (1, "price too high"),
        (2, "they want a discount"),
        (3, "security review takes months"),
        (4, "integration with SAP"),
        (6, "no budget this year"),
    ];
    let mut all = others.clone();
    all.extend(coded);
    (others, all)
}

#[test]
fn a_group_is_named_by_a_phrase_as_reps_write_it() {
    let (others, all) = esg();
    let background: Vec<&str> = all.iter().map(|(_, t)| *t).collect();
    let found = discover(&others, &background);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].label, "ESG / carbon footprint");
    assert_eq!(found[0].terms[0], "carbon", "the seed term first");
    assert!(found[0].terms.contains(&"carbon footprint".to_string()));
    assert!(
        !found[0].terms.iter().any(|t| t == "want"),
        "no everyday word"
    );
}

#[test]
fn every_rep_in_the_group_is_counted() {
    let (others, all) = esg();
    let background: Vec<&str> = all.iter().map(|(_, t)| *t).collect();
    let mut found = discover(&others, &background);
    assert_eq!(found[0].respondents, 3, "the seed: carbon items only");
    widen(&mut found, &all);
    let mut who: Vec<usize> = found[0].items.iter().map(|(r, _)| *r).collect();
    who.sort();
    assert_eq!(
        who,
        [5, 8, 14, 16, 17, 21, 24, 30],
        "every ESG rep, no other"
    );
    assert_eq!(found[0].respondents, 8);
    assert_eq!(found[0].label, "ESG / carbon footprint", "the label stays");
    let again = {
        let mut f = discover(&others, &background);
        widen(&mut f, &all);
        f
    };
    assert_eq!(found, again, "deterministic");
}

#[test]
fn discovering_and_widening_at_once_is_the_two_steps() {
    let (others, esg_all) = esg();
    let mut reversed = esg_all.clone();
    reversed.reverse();
    for all in [esg_all, reversed] {
        // The `other` items marked where they stand in `all`, as the
        // report passes them.
        let is_other: Vec<bool> = all.iter().map(|x| others.contains(x)).collect();
        let marked: Vec<(usize, &str)> =
            all.iter().copied().filter(|x| others.contains(x)).collect();
        let background: Vec<&str> = all.iter().map(|(_, t)| *t).collect();
        let mut two_steps = discover(&marked, &background);
        widen(&mut two_steps, &all);
        assert!(!two_steps.is_empty());
        assert_eq!(discover_and_widen(&all, &is_other), two_steps);
    }
}

#[test]
fn a_word_the_codebook_uses_as_often_pulls_nothing_in() {
    // "techs" is half of this question's vocabulary, not the group's.
    let others = [
        (5, "change mgmt for 800 techs"),
        (9, "my techs are not computer people"),
        (24, "techs used to paper"),
    ];
    let all = [
        others[0],
        others[1],
        others[2],
        (3, "still price for the 1-3 tech shops"),
        (
            22,
            "AI: is location data of our techs used to train anything?",
        ),
        (26, "data privacy - can techs' GPS history be deleted"),
    ];
    let background: Vec<&str> = all.iter().map(|(_, t)| *t).collect();
    let mut found = discover(&others, &background);
    widen(&mut found, &all);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].respondents, 3, "{found:?}");
}

#[test]
fn names_keep_their_capitals_words_lose_a_sentence_start() {
    let others = [
        (1, "Tailspin has better QuickBooks"),
        (2, "Tailspin quickbooks"),
        (3, "quickbooks"),
        (4, "Carbon numbers"),
        (5, "carbon numbers please"),
        (6, "carbon numbers again"),
    ];
    let found = discover(&others, &[]);
    let labels: Vec<&str> = found.iter().map(|f| f.label.as_str()).collect();
    assert!(labels.contains(&"carbon numbers"), "{labels:?}");
    assert!(labels.contains(&"Tailspin QuickBooks"), "{labels:?}");
}

#[test]
fn an_item_joins_one_group_at_most() {
    let others = [
        (1, "carbon footprint data"),
        (2, "carbon footprint numbers"),
        (3, "carbon footprint report"),
        (4, "union sign off"),
        (5, "union pushing back"),
        (6, "union concerns"),
    ];
    let mut all = others.to_vec();
    all.extend([(7, "carbon and union both"), (8, "a carbon question")]);
    let background: Vec<&str> = all.iter().map(|(_, t)| *t).collect();
    let mut found = discover(&others, &background);
    widen(&mut found, &all);
    let joined: Vec<usize> = found
        .iter()
        .flat_map(|f| f.items.iter().map(|(r, _)| *r))
        .filter(|r| *r == 7)
        .collect();
    assert_eq!(joined, [7], "{found:?}");
}
