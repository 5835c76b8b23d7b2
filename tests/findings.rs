//! The first page's five findings on the shipped sample data, read as a
//! marketing lead reads them: the changes that matter come first, each
//! with its figure, its change and its test; a theme outside the codebook
//! that the previous quarter did not have counts as a change.

use frontline::briefing::{build, build_with, findings::Kind};
use frontline::pipeline::{Request, analyze};
use frontline::snapshot::Snapshot;
use std::path::Path;

fn sample(name: &str) -> Snapshot {
    let req = Request {
        exports: vec![
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sample-data")
                .join(name),
        ],
        ..Request::default()
    };
    analyze(&req).unwrap().snapshot
}

#[test]
fn the_quarters_biggest_changes_lead_the_summary() {
    let (q2, q3) = (sample("2026-Q2.csv"), sample("2026-Q3.csv"));
    let b = build_with(&q3, Some(&q2), std::slice::from_ref(&q2));
    let f: Vec<&str> = b.findings.iter().map(|f| f.sentence.as_str()).collect();
    assert_eq!(f.len(), 5, "{f:#?}");
    assert!(
        f[0].starts_with(
            "More reps find the website a valuable sales tool: 80% say yes, up from 23%"
        ),
        "{f:#?}"
    );
    let security = f
        .iter()
        .position(|s| {
            s.starts_with(
                "Security and compliance is now the top objection: 70% of reps (21 of 30), up 50 points",
            )
        })
        .unwrap_or_else(|| panic!("{f:#?}"));
    assert!(
        f.iter()
            .any(|s| s.starts_with("Enterprise deals take a median 320 days")),
        "{f:#?}"
    );
    let esg = b
        .findings
        .iter()
        .find(|x| x.kind == Kind::Emerging)
        .expect("the ESG theme is on the first page");
    assert!(
        esg.sentence
            .contains("ESG / carbon footprint as an objection, raised by 27% of reps (8 of 30)"),
        "{}",
        esg.sentence
    );
    assert_eq!(esg.change, "new since 2026-Q2");
    // Best first.
    assert!(b.findings.windows(2).all(|w| w[0].score >= w[1].score));
    // The rising objection is bad news, the website's rise good news.
    assert_eq!(b.findings[0].news, "good");
    assert_eq!(b.findings[security].news, "bad");
}

#[test]
fn an_emerging_theme_the_previous_quarter_had_is_no_change() {
    let q3 = sample("2026-Q3.csv");
    // Against itself, ESG is not new: at most a level, weighed half.
    let b = build_with(&q3, Some(&q3), &[]);
    for f in b.findings.iter().filter(|f| f.kind == Kind::Emerging) {
        assert!(f.change.is_empty(), "{}", f.sentence);
        assert!(
            f.sentence.starts_with("A theme outside the codebook"),
            "{}",
            f.sentence
        );
    }
}

#[test]
fn without_an_earlier_quarter_the_findings_are_levels() {
    let b = build(&sample("2026-Q2.csv"));
    assert!(!b.findings.is_empty());
    for f in &b.findings {
        assert!(f.kind != Kind::Change, "{}", f.sentence);
        assert!(f.change.is_empty(), "{}", f.sentence);
    }
}

#[test]
fn the_diff_headlines_lead_with_the_biggest_surest_change() {
    let (q2, q3) = (sample("2026-Q2.csv"), sample("2026-Q3.csv"));
    let d = frontline::briefing::diff_briefing(&q2, &q3, &frontline::diff::diff(&q2, &q3));
    let h: Vec<&str> = d.headlines.iter().map(|h| h.text.as_str()).collect();
    assert!(
        h[0].starts_with("“Is the website a valuable sales tool?”: Yes 23% → 80%"),
        "{h:#?}"
    );
    assert_eq!(d.headlines[0].news, "good");
    assert!(h[1].contains("Security and compliance 20% → 70%"), "{h:#?}");
    assert!(
        h.iter().any(|x| x.starts_with("New outside the codebook in “Objections prospects raise”: ESG / carbon footprint (27% of reps, 8 of 30")),
        "{h:#?}"
    );
    // An emerging theme the test cannot tell from chance is no headline.
    assert!(!h.iter().any(|x| x.contains(": techs (")), "{h:#?}");
}

#[test]
fn a_quarter_on_its_own_names_its_top_themes_in_plain_english() {
    let b = build(&sample("2026-Q2.csv"));
    let f: Vec<&str> = b.findings.iter().map(|f| f.sentence.as_str()).collect();
    assert!(
        f.contains(&"Price is the top objection: 57% of reps (17 of 30)."),
        "{f:#?}"
    );
    assert!(
        f.iter()
            .any(|s| s.starts_with("Price and value is the top competitor strength: 38%")),
        "{f:#?}"
    );
    assert!(!f.iter().any(|s| s.contains("the top where")), "{f:#?}");
}
