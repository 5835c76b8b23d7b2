//! The question bank's data against the code that reads exports: the same
//! 16 ids in the same order, the sales wording the header matcher is built
//! on, and every form header classified back to its own question or
//! segment.

use super::*;
use crate::ingest::{ColumnRules, Role, classify_header};

#[test]
fn the_bank_has_the_16_questions_in_order_with_the_matchers_wording() {
    let b = bank();
    let ids: Vec<QuestionId> = b.questions.iter().map(|q| q.id).collect();
    assert_eq!(ids, QuestionId::ALL.to_vec());
    for q in &b.questions {
        assert_eq!(q.sales, q.id.wording(), "{}: sales wording drifted", q.id);
        assert_ne!(q.sales, q.marketing, "{}: no mirror wording", q.id);
        assert!(
            b.answer.contains_key(&q.answer),
            "{}: answer {}",
            q.id,
            q.answer
        );
    }
    assert!(b.answer.contains_key("choice"));
}

#[test]
fn the_recommended_segments_are_the_six_of_the_brief() {
    let ids: Vec<&str> = bank().segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "product_line",
            "company_size",
            "vertical",
            "region",
            "team",
            "tenure"
        ]
    );
    assert!(bank().segments.iter().all(|s| s.options.len() >= 2));
}

#[test]
fn no_text_breaks_a_table_or_a_pasted_line() {
    let b = bank();
    let mut texts: Vec<&str> = vec![];
    for q in &b.questions {
        texts.extend([&q.sales, &q.marketing, &q.why, &q.tip].map(String::as_str));
    }
    for s in &b.segments {
        texts.extend([&s.sales, &s.marketing, &s.why].map(String::as_str));
        texts.extend(s.options.iter().map(String::as_str));
    }
    for t in texts {
        assert!(
            !t.contains('|') && !t.contains('\n') && !t.trim().is_empty(),
            "{t:?}"
        );
    }
}

#[test]
fn every_form_header_is_read_back_as_its_question_or_segment() {
    // A form built from `frontline questions` (either team's) must export
    // headers that frontline reads without a config.
    let rules = ColumnRules::default();
    for team in [Team::Sales, Team::Marketing] {
        for q in &bank().questions {
            let c = classify_header(q.wording(team), &rules);
            assert_eq!(
                c.question,
                Some(q.id),
                "{team:?} {:?} read as {c:?}",
                q.wording(team)
            );
        }
        for s in &bank().segments {
            let c = classify_header(s.wording(team), &rules);
            assert_eq!(
                c.role,
                Role::Segment,
                "{team:?} {:?} read as {c:?}",
                s.wording(team)
            );
            assert_eq!(
                c.segment.as_deref(),
                Some(s.id.as_str()),
                "{:?}",
                s.wording(team)
            );
        }
    }
}

#[test]
fn text_format_is_one_block_per_field() {
    let b = bank();
    for team in [Team::Sales, Team::Marketing] {
        let text = b.to_text(team);
        let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
        assert_eq!(blocks.len(), 6 + 16);
        assert_eq!(blocks[0].lines().next(), Some(b.segments[0].wording(team)));
        assert_eq!(blocks[6], b.questions[0].wording(team));
        assert!(text.ends_with("?\n"), "{:?}", &text[text.len() - 20..]);
    }
    assert!(
        b.to_text(Team::Marketing)
            .contains("Who do you think the buyer is")
    );
    assert!(b.to_text(Team::Marketing).contains("Product marketing"));
}

#[test]
fn csv_format_reads_back_with_every_field() {
    let csv_text = bank().to_csv(Team::Sales);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 22);
    assert_eq!(&rows[0][0], "segment");
    assert_eq!(&rows[6][1], "objections");
    assert_eq!(&rows[6][2], QuestionId::Objections.wording());
    assert_eq!(&rows[10][4], "Short answer");
}

#[test]
fn markdown_names_every_id_once_per_heading() {
    for team in [Some(Team::Sales), Some(Team::Marketing), None] {
        let md = bank().to_markdown(team);
        for (i, q) in QuestionId::ALL.iter().enumerate() {
            assert!(md.contains(&format!("### {}. `{q}`\n", i + 1)), "{q}");
        }
    }
    let both = bank().to_markdown(None);
    assert!(both.contains("**Marketing (mirror):** How long do you think the sales cycle takes?"));
}
