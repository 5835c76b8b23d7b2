//! `data/sample/corpus.txt` holds exactly the texts of the labelled corpus
//! (`training/corpus/*/`): rebuilt here from the JSON Lines files the way
//! `scripts/sample_corpus.py` writes it, so an edit of the corpus without
//! rerunning the script fails this test.

use frontline::sample::corpus;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn jsonl(kind: &str) -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("training/corpus");
    let mut writers: Vec<_> = std::fs::read_dir(&root)
        .expect("training/corpus is there")
        .map(|e| e.unwrap().path())
        .collect();
    writers.sort();
    assert!(writers.len() >= 6, "{writers:?}");
    writers
        .iter()
        .flat_map(|w| {
            let text = std::fs::read_to_string(w.join(format!("{kind}.jsonl"))).unwrap();
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn s(v: &serde_json::Value) -> String {
    v.as_str().unwrap().trim().replace('\r', "")
}

#[test]
fn the_embedded_pools_are_the_corpus_texts() {
    let embedded = corpus::parse(include_str!("../data/sample/corpus.txt"));
    let mut themes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in jsonl("themes") {
        themes
            .entry(s(&d["question"]))
            .or_default()
            .insert(s(&d["text"]));
    }
    let got: BTreeMap<String, BTreeSet<String>> = embedded
        .themes
        .iter()
        .map(|(q, v)| (q.clone(), v.iter().cloned().collect()))
        .collect();
    assert_eq!(got, themes, "rerun scripts/sample_corpus.py");
    let personas: BTreeSet<String> = jsonl("personas").iter().map(|d| s(&d["text"])).collect();
    assert_eq!(
        embedded.personas.iter().cloned().collect::<BTreeSet<_>>(),
        personas
    );
    let tone: BTreeSet<String> = jsonl("tone").iter().map(|d| s(&d["text"])).collect();
    assert_eq!(embedded.tone.iter().cloned().collect::<BTreeSet<_>>(), tone);
    let cells: usize = embedded.lists.values().map(Vec::len).sum();
    assert!(cells >= 500, "{cells}");
}
