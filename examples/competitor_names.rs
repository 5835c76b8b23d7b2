//! Scores competitor recognition without a config list
//! (`normalize::competitor_names`) on the labelled training corpus.
//!
//! `cargo run --release --example competitor_names [-- --show]`
//!
//! Over the buying-concern items of `training/corpus/w*/themes.jsonl`
//! (objections, prospect questions), whose `competitor` theme marks an
//! answer that prefers or evaluates a competitor: recall is the share of
//! `competitor` items where a name is found (a lower bound: some of them
//! name no competitor, "a cheaper option"), and the false-name rate the
//! share of the other items where one is found. `--show` lists the names
//! found in non-`competitor` items, to read for precision.

use frontline::normalize::competitor_names::recognise;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Case {
    question: String,
    text: String,
    themes: Vec<String>,
}

fn main() {
    let show = std::env::args().any(|a| a == "--show");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/corpus");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("training/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    dirs.sort();
    let (mut pos, mut pos_found, mut neg, mut neg_found) = (0, 0, 0, 0);
    let mut other_questions = (0, 0);
    for dir in dirs {
        let Ok(text) = std::fs::read_to_string(dir.join("themes.jsonl")) else {
            continue;
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let case: Case = serde_json::from_str(line).expect("a themes line");
            let found = recognise(&case.text, |_| false);
            if !matches!(case.question.as_str(), "objections" | "prospect_questions") {
                other_questions.0 += 1;
                other_questions.1 += usize::from(!found.is_empty());
                continue;
            }
            if case.themes.iter().any(|t| t == "competitor") {
                pos += 1;
                pos_found += usize::from(!found.is_empty());
                if show && found.is_empty() {
                    println!("  MISSED <- {:?}", case.text);
                }
            } else {
                neg += 1;
                neg_found += usize::from(!found.is_empty());
                if show && !found.is_empty() {
                    println!("  {:?}  <- {:?}", found, case.text);
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "buying-concern items labelled competitor: {pos}, a name found in {pos_found} ({:.1}%)",
        pct(pos_found, pos)
    );
    println!(
        "buying-concern items not labelled competitor: {neg}, a name found in {neg_found} ({:.1}%)",
        pct(neg_found, neg)
    );
    println!(
        "items of other questions: {}, a name found in {} ({:.1}%)",
        other_questions.0,
        other_questions.1,
        pct(other_questions.1, other_questions.0)
    );
}
