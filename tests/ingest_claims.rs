//! Two columns that read like one question: the better keeps it, the other
//! takes its next-best question when nobody claims that one, or is listed
//! as ignored with a reason naming the winner; never silently dropped.

use frontline::ingest::{ColumnInfo, ColumnRules, ReadOptions, Role, read_export};
use frontline::questions::QuestionId;

/// The columns of a one-row CSV with these headers.
fn columns(headers: &[&str]) -> Vec<ColumnInfo> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.csv");
    let quoted: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
    let row: Vec<String> = (0..headers.len()).map(|i| format!("answer {i}")).collect();
    std::fs::write(&p, format!("{}\n{}\n", quoted.join(","), row.join(","))).unwrap();
    let (info, _, _) = read_export(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    info.columns
}

#[test]
fn a_second_objections_column_is_reported_not_dropped() {
    let c = columns(&[
        "What objections do you hear from prospects?",
        "Any other objections?",
    ]);
    assert_eq!(
        (c[0].role, c[0].question),
        (Role::Question, Some(QuestionId::Objections))
    );
    assert_eq!(c[1].role, Role::Ignored, "{}", c[1].reason);
    assert!(c[1].reason.contains("objections"), "{}", c[1].reason);
    assert!(
        c[1].reason.contains("What objections do you hear"),
        "{}",
        c[1].reason
    );
}

#[test]
fn buyer_and_influencer_pains_each_keep_their_column() {
    let c = columns(&[
        "Buyer: what frustrations do buyers have that you are solving?",
        "Influencer: what frustrations do influencers have that you are solving?",
    ]);
    assert_eq!(
        c[0].question,
        Some(QuestionId::BuyerPains),
        "{}",
        c[0].reason
    );
    assert_eq!(
        c[1].question,
        Some(QuestionId::InfluencerPains),
        "{}",
        c[1].reason
    );
}

#[test]
fn the_loser_of_a_pains_look_alike_takes_the_free_question() {
    // The second header names neither buyers nor influencers, so it reads
    // like buyer pains first; buyer pains is taken, influencer pains free.
    let c = columns(&[
        "Buyer: what frustrations, fears and pressures do buyers have?",
        "What frustrations, fears and pressures do the others in the deal have?",
    ]);
    assert_eq!(
        c[0].question,
        Some(QuestionId::BuyerPains),
        "{}",
        c[0].reason
    );
    assert_eq!(
        (c[1].role, c[1].question),
        (Role::Question, Some(QuestionId::InfluencerPains)),
        "{}",
        c[1].reason
    );
    assert!(c[1].reason.contains("buyer_pains"), "{}", c[1].reason);
}

#[test]
fn of_two_full_wordings_the_closer_one_wins_whatever_the_order() {
    let exact = "What are your competitors doing better than you?";
    let loose = "Competitors";
    for headers in [[exact, loose], [loose, exact]] {
        let c = columns(&headers);
        let winner = c
            .iter()
            .find(|c| c.question == Some(QuestionId::CompetitorStrengths))
            .expect("someone keeps competitor_strengths");
        assert_eq!(winner.header, exact);
        let other = c.iter().find(|c| c.header == loose).unwrap();
        assert_ne!(other.question, Some(QuestionId::CompetitorStrengths));
        assert!(!other.reason.is_empty());
    }
}
