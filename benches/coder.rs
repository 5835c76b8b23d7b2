//! The learned coder's cost per item, side by side with the rules alone
//! in the same run (the baseline): `cargo bench --bench coder`.
//! Items: every 23rd theme item of the training corpus (500, realistic lengths).

use divan::{Bencher, black_box};
use frontline::normalize::{Codebooks, model, themes};
use frontline::questions::QuestionId;

fn main() {
    divan::main();
}

/// (question, item) pairs from the embedded corpus examples.
fn items() -> Vec<(QuestionId, String)> {
    let text = include_str!("../data/model/examples.jsonl");
    text.lines()
        .step_by(23)
        .take(500)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("examples line");
            (
                v["question"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .expect("question id"),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn rules_only_per_item(bencher: Bencher) {
    let books = Codebooks::defaults();
    let items = items();
    let n = items.len() as u32;
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| {
            for (q, t) in &items {
                let book = books.get(q.codebook().unwrap()).unwrap();
                black_box(themes::code(book, t));
            }
        });
}

#[divan::bench(sample_count = 20)]
fn rules_and_coder_per_item(bencher: Bencher) {
    let books = Codebooks::defaults();
    let items = items();
    let _ = model::model();
    let n = items.len() as u32;
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| {
            for (q, t) in &items {
                let book = books.get(q.codebook().unwrap()).unwrap();
                black_box(model::code(book, q.as_str(), t));
            }
        });
}
