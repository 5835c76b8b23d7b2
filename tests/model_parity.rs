//! The learned coder in Rust scores items exactly as `training/train.py`
//! computed them from the exported tables (`tests/data/model_parity.jsonl`,
//! written by the training script). A mismatch means the two featurizers
//! drifted apart, or the embedded model is not the one the fixture came
//! from: retrain, or fix the side that changed.

use frontline::normalize::fold;
use frontline::normalize::model::model;
use frontline::questions::QuestionId;
use serde_json::Value;

const TOLERANCE: f32 = 2e-3;

#[test]
fn rust_scores_match_the_training_scripts() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/model_parity.jsonl");
    let text =
        std::fs::read_to_string(path).expect("the parity fixture (written by training/train.py)");
    let m = model();
    let mut checked = 0;
    let mut worst = 0.0f32;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("fixture line");
        let text = case["text"].as_str().unwrap();
        let toks = fold::tokens(text);
        let enc = m.encode(&toks);
        if let Some(tone) = case.get("tone") {
            let rule = serde_json::to_value(frontline::normalize::tone::rule_tone(text)).unwrap();
            for (label, p) in m.tone_scores(&enc, rule.as_str().unwrap()) {
                let want = tone[&label].as_f64().unwrap() as f32;
                worst = worst.max((p - want).abs());
                assert!(
                    (p - want).abs() < TOLERANCE,
                    "{text:?} tone {label}: {p} vs {want}"
                );
            }
        } else {
            let q: QuestionId = case["question"].as_str().unwrap().parse().unwrap();
            let book = frontline::normalize::Codebooks::defaults();
            let book = book.get(q.codebook().unwrap()).unwrap();
            let head = m.head(&book.id).expect("a head per default codebook");
            let rules = frontline::normalize::themes::rule_hits(book, text);
            let ids: Vec<&str> = rules.iter().map(|h| h.id.as_str()).collect();
            let got = m.scores(head, q.as_str(), &enc, &ids);
            for (label, p) in head.labels.iter().zip(got) {
                let want = case["scores"][label].as_f64().unwrap() as f32;
                worst = worst.max((p - want).abs());
                assert!(
                    (p - want).abs() < TOLERANCE,
                    "{text:?} {label}: {p} vs {want}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 200, "only {checked} fixture cases");
    eprintln!("{checked} cases, worst difference {worst:.2e}");
}
