//! Writes what the learned coder reads of every corpus line, for
//! `training/train.py`: the folded words (the library's own tokenizer), the
//! rule hits, the rule-based tone and whether a name-like word appears.
//! One JSON object per line on stdout; the corpus lines' own fields are
//! kept, plus `writer` (the folder) and `kind` (themes or tone).
//!
//! `cargo run --release --example training_dump -- training/corpus > dump.jsonl`

use frontline::normalize::model::features::is_name_like;
use frontline::normalize::model::vectors::WordVectors;
use frontline::normalize::{Codebooks, fold, themes, tone};
use frontline::questions::QuestionId;
use serde_json::{Value, json};
use std::path::Path;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "training/corpus".into());
    let vectors = WordVectors::parse(include_bytes!("../data/model/vectors.safetensors"));
    let books = Codebooks::defaults();
    let mut writers: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{root}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    writers.sort();
    for dir in writers {
        let writer = dir.file_name().unwrap().to_string_lossy().into_owned();
        for kind in ["themes", "tone"] {
            dump(
                &dir.join(format!("{kind}.jsonl")),
                &writer,
                kind,
                &books,
                &vectors,
            );
        }
    }
}

fn dump(path: &Path, writer: &str, kind: &str, books: &Codebooks, vectors: &WordVectors) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut v: Value = serde_json::from_str(line).expect("corpus line");
        let t = v["text"].as_str().unwrap_or_default().to_string();
        let toks = fold::tokens(&t);
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        v["writer"] = json!(writer);
        v["kind"] = json!(kind);
        v["words"] = json!(words);
        v["name_like"] = json!(toks.iter().any(|t| is_name_like(vectors, t)));
        if kind == "themes" {
            let q: QuestionId = v["question"].as_str().unwrap().parse().expect("question");
            let book = books.get(q.codebook().expect("coded question")).unwrap();
            let hits: Vec<String> = themes::rule_hits(book, &t)
                .into_iter()
                .map(|h| h.id)
                .collect();
            v["rules"] = json!(hits);
        } else {
            v["tone_rule"] = serde_json::to_value(tone::rule_tone(&t)).unwrap();
        }
        println!("{v}");
    }
}
