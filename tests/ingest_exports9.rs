//! Exports that were misread (issue 9), written for these tests: a
//! LimeSurvey export with "question code & question text" headings, a
//! German Microsoft Forms export, a Google Forms export with a header that
//! reads like no question in the middle of the survey, and Qualtrics
//! preview and test responses.

use frontline::ingest::{ColumnRules, Platform, ReadOptions, Role, inspect, read_export};
use frontline::questions::QuestionId;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fx(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad-inputs")
        .join(name)
}

fn found(path: &Path) -> BTreeSet<QuestionId> {
    let i = inspect(path, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    i.columns.iter().filter_map(|c| c.question).collect()
}

#[test]
fn limesurvey_code_and_text_headings_are_limesurvey_and_unfinished_rows_are_counted() {
    let p = fx("limesurvey_codetext.csv");
    let i = inspect(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    assert_eq!(i.platform, Platform::LimeSurvey);
    // Rows 11 and 14 have no "submitdate. Date submitted".
    assert_eq!((i.rows, i.responses, i.incomplete), (4, 2, 2));
    let role = |n: usize| i.columns[n].role;
    assert_eq!(role(0), Role::Respondent);
    assert_eq!(role(6), Role::Timestamp);
    assert_eq!(role(7), Role::Respondent);
    let (_, rs, _) = read_export(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    let r12 = rs.iter().find(|r| r.id == "12").unwrap();
    assert_eq!(r12.answers[&QuestionId::Influencers], "IT");
    let r13 = rs.iter().find(|r| r.id == "13").unwrap();
    assert_eq!(r13.answers[&QuestionId::Influencers], "Finance; Legal team");
}

#[test]
fn a_code_in_a_limesurvey_heading_can_be_named_in_the_config() {
    let mut rules = ColumnRules::default();
    rules
        .questions
        .insert("G01Q03".into(), QuestionId::SalesProcess);
    let i = inspect(
        &fx("limesurvey_codetext.csv"),
        &rules,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(i.columns[12].question, Some(QuestionId::SalesProcess));
}

#[test]
fn a_german_microsoft_forms_export_finds_all_sixteen_questions() {
    let p = fx("microsoft_forms_de_survey.csv");
    assert_eq!(found(&p).len(), 16);
    let i = inspect(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    assert_eq!(i.platform, Platform::MicrosoftForms);
    let by_text = i
        .columns
        .iter()
        .filter(|c| c.role == Role::Question && c.reason.starts_with("reads like"))
        .count();
    assert_eq!(by_text, 16, "{:#?}", i.columns);
}

#[test]
fn a_header_that_reads_like_no_question_takes_the_missing_one_where_it_sits() {
    let p = fx("position_gap.csv");
    let i = inspect(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    let shine = i
        .columns
        .iter()
        .find(|c| c.header == "Where we shine")
        .unwrap();
    assert_eq!(shine.question, Some(QuestionId::OurStrengths));
    assert!(shine.reason.contains("position"), "{}", shine.reason);
    // After the last question found, a header must also lean to the
    // missing question; a comment box never becomes one.
    for h in ["Word on the street", "Any other comments?"] {
        let c = i.columns.iter().find(|c| c.header == h).unwrap();
        assert_eq!(c.role, Role::Ignored, "{h}: {}", c.reason);
    }
}

#[test]
fn qualtrics_preview_and_test_responses_are_left_out_and_counted() {
    let p = corpus("qualtrics-previews-and-real.csv");
    let (info, rs, _) = read_export(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    assert_eq!(
        (info.accounting.test, info.accounting.used, rs.len()),
        (3, 3, 3)
    );
    let keep = ReadOptions {
        include_tests: true,
        ..ReadOptions::default()
    };
    let (info, _, _) = read_export(&p, &ColumnRules::default(), &keep).unwrap();
    assert_eq!((info.accounting.test, info.accounting.used), (0, 6));
}
