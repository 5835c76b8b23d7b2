//! Table-driven tests of `parse_rating` and `missing_audiences`.

use super::*;
use Rating::*;

#[test]
fn answers_become_ratings() {
    let cases: Vec<(&str, Option<Rating>)> = vec![
        ("Yes", Some(Yes)),
        ("yes, mostly", Some(Yes)),
        ("Somewhat", Some(Partly)),
        ("partially", Some(Partly)),
        ("kind of", Some(Partly)),
        ("sort of", Some(Partly)),
        ("not really", Some(No)),
        ("No - it's outdated", Some(No)),
        ("4", Some(Scale(4))),
        ("4/5", Some(Scale(4))),
        ("3 out of 5", Some(Scale(3))),
        ("7/10", Some(Scale(4))),
        ("10/10", Some(Scale(5))),
        ("Very valuable", Some(Yes)),
        ("Not at all", Some(No)),
        ("meh", Some(Partly)),
        ("It's ok", Some(Partly)),
        ("Yes and no", Some(Partly)),
        ("mostly, but doesn't speak to CFOs", Some(Partly)),
        ("Partly - missing: IT buyers and partners", Some(Partly)),
        ("No, nothing for enterprise or healthcare", Some(No)),
        ("no pricing page, otherwise great", Some(Yes)),
        ("Not entirely", Some(Partly)),
        ("N/A", None),
        ("not sure", None),
        ("", None),
        ("6", None),
        ("3.5", None),
        ("5 - very useful", Some(Scale(5))),
        ("Y", Some(Yes)),
        ("n", Some(No)),
        ("Yep, reps send it all the time", Some(Yes)),
        ("Honestly no", Some(No)),
        ("4 stars", Some(Scale(4))),
        ("Yes! 4/5", Some(Yes)),
        ("We closed 3 deals thanks to it", None),
        ("Strongly agree", Some(Yes)),
        ("Neither agree nor disagree", Some(Partly)),
        ("Mostly yes", Some(Yes)),
        ("mostly no", Some(No)),
        ("Rating: 4", Some(Scale(4))),
        ("I'd give it a 3", Some(Scale(3))),
        ("Solid 4", Some(Scale(4))),
        ("It's alright", Some(Partly)),
        ("Not very useful", Some(No)),
        ("Definitely not", Some(No)),
        ("It depends", None),
        ("We don't speak to procurement at all", Some(No)),
        ("Needs more content for enterprise buyers.", Some(Partly)),
        ("I don't know", None),
    ];
    let mut failures = vec![];
    for (text, want) in &cases {
        let got = parse_rating(text);
        if &got != want {
            failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn missing_audiences_are_read_after_a_cue() {
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "Partly - missing: IT buyers and partners",
            vec!["IT buyers", "partners"],
        ),
        (
            "No, nothing for enterprise or healthcare",
            vec!["enterprise", "healthcare"],
        ),
        ("mostly, but doesn't speak to CFOs", vec!["CFOs"]),
        ("Yes", vec![]),
        ("Yes except for the public sector.", vec!["public sector"]),
        (
            "Partly. Missing: healthcare, education & government. Otherwise fine",
            vec!["healthcare", "education", "government"],
        ),
        (
            "No – it doesn’t speak to our technical buyers at all",
            vec!["technical buyers"],
        ),
        (
            "Not really, nothing for partners; the blog is ok",
            vec!["partners"],
        ),
        (
            "missing a lot, honestly the whole site needs a rethink for every single segment we sell to",
            vec![],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(missing_audiences(text), want, "{text:?}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_safe(text in "\\PC{0,80}") {
            if let Some(Rating::Scale(n)) = parse_rating(&text) {
                prop_assert!((1..=5).contains(&n));
            }
            for audience in missing_audiences(&text) {
                prop_assert!(!audience.trim().is_empty());
                prop_assert!(audience.split_whitespace().count() <= 5);
            }
        }
    }
}
