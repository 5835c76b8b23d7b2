//! Table-driven and property tests of `parse_durations`.

use super::*;

fn d(low: u32, high: Option<u32>) -> DurationRange {
    DurationRange {
        low,
        high,
        segment: None,
    }
}

fn s(low: u32, high: Option<u32>, segment: &str) -> DurationRange {
    DurationRange {
        low,
        high,
        segment: Some(segment.to_string()),
    }
}

#[test]
fn answers_become_day_ranges() {
    let cases: Vec<(&str, Vec<DurationRange>)> = vec![
        ("90 days", vec![d(90, Some(90))]),
        ("3-6 months", vec![d(91, Some(183))]),
        ("6 to 8 weeks", vec![d(42, Some(56))]),
        ("under 30 days", vec![d(0, Some(30))]),
        ("12+ months", vec![d(365, None)]),
        ("a couple of months", vec![d(61, Some(61))]),
        ("a few weeks", vec![d(21, Some(21))]),
        ("6-12mo", vec![d(183, Some(365))]),
        ("2-3 qtrs", vec![d(183, Some(274))]),
        ("1.5 years", vec![d(548, Some(548))]),
        ("18 months+", vec![d(548, None)]),
        ("60-90 days", vec![d(60, Some(90))]),
        ("60-90", vec![]),
        ("30/60/90 days depending on size", vec![d(30, Some(90))]),
        ("longer than a year", vec![d(365, None)]),
        ("less than a month", vec![d(0, Some(30))]),
        ("at least 6 months", vec![d(183, None)]),
        ("up to 4 months", vec![d(0, Some(122))]),
        ("4 months or so", vec![d(122, Some(122))]),
        ("~90d", vec![d(90, Some(90))]),
        ("3 mths", vec![d(91, Some(91))]),
        ("six weeks to three months", vec![d(42, Some(91))]),
        ("Q to Q", vec![]),
        ("a quarter", vec![d(91, Some(91))]),
        ("half a year", vec![d(183, Some(183))]),
        ("a year and a half", vec![d(548, Some(548))]),
        ("between 3 and 6 months", vec![d(91, Some(183))]),
        ("about 90 days", vec![d(90, Some(90))]),
        ("3 – 6 months", vec![d(91, Some(183))]),
        ("a month or two", vec![d(30, Some(61))]),
        ("30 days or less", vec![d(0, Some(30))]),
        ("a year or more", vec![d(365, None)]),
        ("over a year", vec![d(365, None)]),
        ("<3 months", vec![d(0, Some(91))]),
        ("6wks", vec![d(42, Some(42))]),
        ("twenty-four months", vec![d(731, Some(731))]),
        ("2 wks - 1 month", vec![d(14, Some(30))]),
        ("same day to a week", vec![d(0, Some(7))]),
        (
            "Q2 to Q4 typically, so about 6 months",
            vec![d(183, Some(183))],
        ),
        ("depends", vec![]),
        ("varies", vec![]),
        ("N/A", vec![]),
        ("several months", vec![]),
        ("1-2 calls and 2 weeks", vec![d(14, Some(14))]),
        ("80% close within 30 days", vec![d(0, Some(30))]),
        ("in 2023 it was 3 months", vec![d(91, Some(91))]),
        (
            "SMB 30 days, enterprise 9 months",
            vec![s(30, Some(30), "smb"), s(274, Some(274), "enterprise")],
        ),
        (
            "3 months for SMB, 6-9 for ent",
            vec![s(91, Some(91), "smb"), s(183, Some(274), "ent")],
        ),
        (
            "SMB 1-2 months, mid-market 3-4 months, enterprise 6+ months",
            vec![
                s(30, Some(61), "smb"),
                s(91, Some(122), "mid-market"),
                s(183, None, "enterprise"),
            ],
        ),
        (
            "Renewals 2 weeks; new business 3 months",
            vec![s(14, Some(14), "renewals"), s(91, Some(91), "new business")],
        ),
        ("12-18 months for enterprise", vec![d(365, Some(548))]),
        (
            "SMB 30, enterprise 90 days",
            vec![s(30, Some(30), "smb"), s(90, Some(90), "enterprise")],
        ),
        ("3ish months", vec![d(91, Some(91))]),
        ("20 working days", vec![d(20, Some(20))]),
        ("1,5 years", vec![d(548, Some(548))]),
        ("between one and three months", vec![d(30, Some(91))]),
        ("3 months minimum", vec![d(91, None)]),
        ("a quarter to half a year", vec![d(91, Some(183))]),
        ("48 hrs", vec![d(2, Some(2))]),
        ("2-3 calls then 30 days", vec![d(30, Some(30))]),
        ("day 1 to day 90", vec![]),
        ("weeks", vec![]),
        ("from 2 weeks up to 3 months", vec![d(14, Some(91))]),
        ("a fortnight", vec![d(14, Some(14))]),
        ("1 month min, 3 months max", vec![d(30, Some(91))]),
        ("minimum of 6 months", vec![d(183, None)]),
        ("1/2 a year", vec![d(183, Some(183))]),
        (
            "EMEA 5 months, APAC 6 months, NA 3 months",
            vec![
                s(152, Some(152), "emea"),
                s(183, Some(183), "apac"),
                s(91, Some(91), "na"),
            ],
        ),
        (
            "1-3 mos for SMB, 6+ for enterprise",
            vec![s(30, Some(91), "smb"), s(183, None, "enterprise")],
        ),
        (
            "1 month SMB / 3 months MM / 6+ months ENT",
            vec![
                s(30, Some(30), "smb"),
                s(91, Some(91), "mm"),
                s(183, None, "ent"),
            ],
        ),
        (
            "30 days (SMB), 90 days (mid-market), 180 days (enterprise)",
            vec![
                s(30, Some(30), "smb"),
                s(90, Some(90), "mid-market"),
                s(180, Some(180), "enterprise"),
            ],
        ),
        (
            "Small deals close in 2 weeks, large ones take 6 months",
            vec![s(14, Some(14), "small"), s(183, Some(183), "large")],
        ),
        (
            "Roughly 60 days for $10k deals and 6 months for $100k+",
            vec![s(60, Some(60), "$10k"), s(183, Some(183), "$100k")],
        ),
        (
            "For SMB it's 1 month and for enterprise it's 6 months",
            vec![s(30, Some(30), "smb"), s(183, Some(183), "enterprise")],
        ),
        (
            "Enterprise: 9-12 months. SMB: 4-6 weeks",
            vec![s(274, Some(365), "enterprise"), s(28, Some(42), "smb")],
        ),
    ];
    let mut failures = vec![];
    for (text, want) in &cases {
        let got = parse_durations(text);
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

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_low_le_high(text in "\\PC{0,60}") {
            for r in parse_durations(&text) {
                if let Some(high) = r.high {
                    prop_assert!(r.low <= high, "{text:?}: {r:?}");
                }
            }
        }

        #[test]
        fn durationish_text_is_well_formed(
            text in "(about |under |over |~|between )?[0-9]{0,3}( ?(-|to|or|and) ?[0-9]{1,3})?( ?(d|days|wks|weeks|mo|months|qtrs|yr|years))?( ?(\\+|or more|or less))?(, | for | and )?(smb|ent)?"
        ) {
            for r in parse_durations(&text) {
                if let Some(high) = r.high {
                    prop_assert!(r.low <= high, "{text:?}: {r:?}");
                }
            }
        }

        #[test]
        fn no_number_no_duration(text in "[b-z ,.;:+~<>/-]{0,60}") {
            // Without digits or number words nothing can be read.
            let has_number_word = text
                .split(|c: char| !c.is_alphabetic())
                .any(crate::normalize::numbers::is_number_word);
            prop_assume!(!has_number_word);
            prop_assert_eq!(parse_durations(&text), vec![]);
        }

        #[test]
        fn every_bound_is_a_written_number_times_a_unit(
            words in proptest::collection::vec(
                prop_oneof![
                    "[0-9]{1,3}(\\.[0-9])?",
                    Just("six".to_string()), Just("a".to_string()), Just("few".to_string()),
                    Just("half".to_string()), Just("couple".to_string()), Just("twenty".to_string()),
                    Just("days".to_string()), Just("wks".to_string()), Just("months".to_string()),
                    Just("qtr".to_string()), Just("years".to_string()), Just("-".to_string()),
                    Just("to".to_string()), Just("or".to_string()), Just("+".to_string()),
                    Just("under".to_string()), Just("over".to_string()), Just("and".to_string()),
                    Just("between".to_string()), Just(",".to_string()), Just("smb".to_string()),
                    Just("for".to_string()), Just("$".to_string()), Just("users".to_string()),
                ],
                0..12,
            )
        ) {
            let text = words.join(" ");
            let lexed = crate::normalize::numbers::lex(&text);
            let nums: Vec<f64> = lexed.iter().filter_map(|l| match l { crate::normalize::numbers::Lexeme::Num(v) => Some(*v), _ => None }).collect();
            let units: Vec<f64> = lexed.iter().filter_map(|l| match l { crate::normalize::numbers::Lexeme::Unit(u) => Some(*u), _ => None }).collect();
            let possible = |v: u32| v == 0 || nums.iter().any(|n| units.iter().any(|u| (n * u).round() as u32 == v));
            for r in parse_durations(&text) {
                prop_assert!(possible(r.low), "{text:?}: {r:?}");
                if let Some(high) = r.high {
                    prop_assert!(possible(high) && r.low <= high, "{text:?}: {r:?}");
                }
            }
        }

        #[test]
        fn values_come_from_the_numbers_written(n in 1u32..500, unit in 0usize..5) {
            let (word, days) = [("days", 1.0), ("weeks", 7.0), ("months", 30.4375), ("quarters", 91.3125), ("years", 365.25)][unit];
            let want = (f64::from(n) * days).round() as u32;
            prop_assert_eq!(parse_durations(&format!("about {n} {word}")), vec![d(want, Some(want))]);
            prop_assert_eq!(parse_durations(&format!("{n}+ {word}")), vec![d(want, None)]);
            prop_assert_eq!(parse_durations(&format!("under {n} {word}")), vec![d(0, Some(want))]);
        }
    }
}

#[test]
fn long_cells_are_read_in_one_pass() {
    // A pasted table must not make the parser quadratic in its length.
    let cell = "SMB 30 days, enterprise about 6 months; ".repeat(2000);
    let got = parse_durations(&cell);
    // Repeated pairs collapse to one each (same bounds, same segment).
    assert_eq!(
        got,
        vec![s(30, Some(30), "smb"), s(183, Some(183), "enterprise")]
    );
}
