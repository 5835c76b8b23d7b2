//! Issue 12: marketing answers a mirror survey (the same 16 question ids,
//! phrased "what do you think ..."), so its export's headers must land on
//! the same ids as the sales wording does. Every marketing wording in
//! `data/question_bank.toml` is placed on its id, as asked and with the
//! decorations survey tools add; the segment questions of the mirror
//! survey stay segments, not questions.

use frontline::ingest::{ColumnRules, Role, classify_header};
use frontline::question_bank::{Team, bank};

#[test]
fn every_marketing_wording_is_placed_on_its_id() {
    let rules = ColumnRules::default();
    let mut misses = vec![];
    for q in &bank().questions {
        let wording = q.wording(Team::Marketing);
        // As exported: plain, numbered, and cut short by a tool that
        // limits header length.
        let cut: String = wording
            .split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" ");
        for header in [wording.to_string(), format!("Q1. {wording} *"), cut] {
            let c = classify_header(&header, &rules);
            if c.role != Role::Question || c.question != Some(q.id) {
                misses.push(format!(
                    "{header:?}: want {}, got {:?} {:?} ({})",
                    q.id, c.role, c.question, c.reason
                ));
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn the_mirror_surveys_segment_questions_are_not_questions() {
    let rules = ColumnRules::default();
    for s in &bank().segments {
        let c = classify_header(s.wording(Team::Marketing), &rules);
        assert_ne!(c.role, Role::Question, "{}: {}", s.id, c.reason);
    }
}
