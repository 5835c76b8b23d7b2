//! The training corpus's theme items, embedded for `normalize --explain`:
//! the labelled item nearest to an answer shows what the coder learned
//! from. Encoded on first use (a few hundred milliseconds, once per run,
//! only when explaining), so only the texts and labels are embedded.

use super::{Model, cosine};
use crate::normalize::fold;
use crate::questions::QuestionId;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const EXAMPLES: &str = include_str!("../../../data/model/examples.jsonl");

#[derive(Debug, Clone, Deserialize)]
struct Line {
    question: QuestionId,
    text: String,
    themes: Vec<String>,
}

/// The labelled training item most like an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nearest {
    pub text: String,
    /// Its labels; `other` when it has none.
    pub themes: Vec<String>,
    /// Cosine similarity of the two encodings, rounded to 0.001.
    pub similarity: f64,
}

struct Example {
    line: Line,
    input: Vec<f32>,
}

fn examples(model: &Model) -> &'static [Example] {
    static E: OnceLock<Vec<Example>> = OnceLock::new();
    E.get_or_init(|| {
        EXAMPLES
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let line: Line = serde_json::from_str(l).expect("embedded examples.jsonl");
                let input = model.encode(&fold::tokens(&line.text)).input;
                Example { line, input }
            })
            .collect()
    })
}

/// The training item of the same codebook nearest to `text` (ties: the
/// first in the corpus), or none when the codebook has no examples.
pub fn nearest(model: &Model, question: QuestionId, text: &str) -> Option<Nearest> {
    let book = question.codebook()?;
    let enc = model.encode(&fold::tokens(text)).input;
    let mut best: Option<(&Example, f32)> = None;
    for e in examples(model) {
        if e.line.question.codebook() != Some(book) {
            continue;
        }
        let s = cosine(&enc, &e.input);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((e, s));
        }
    }
    best.map(|(e, s)| Nearest {
        text: e.line.text.clone(),
        themes: if e.line.themes.is_empty() {
            vec!["other".into()]
        } else {
            e.line.themes.clone()
        },
        similarity: (f64::from(s) * 1000.0).round() / 1000.0,
    })
}
