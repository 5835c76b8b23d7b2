//! The learned coder as a user meets it: `normalize --explain` says how
//! each theme set was decided, a config theme taught by examples is found,
//! a removed theme is never given back, and the model never contradicts
//! what it reports.

use frontline::normalize::codebook::{CodebookOverride, CodebooksConfig, ThemeOverride};
use frontline::normalize::{Codebooks, model};
use frontline::questions::{CodebookId, QuestionId};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn normalize_explain(args: &[&str]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("normalize")
        .args(args)
        .arg("--explain")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run frontline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect()
}

#[test]
fn explain_accounts_for_every_theme_of_the_sample() {
    let records = normalize_explain(&["sample-data/2026-Q3.csv"]);
    let coded: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("themes").is_some())
        .collect();
    assert!(coded.len() > 100, "only {} coded records", coded.len());
    let (mut by_model, mut vetoes, mut nearest) = (0, 0, 0);
    for r in &coded {
        let themes: Vec<&str> = r["themes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let ex = &r["explain"];
        let given: Vec<&str> = ex["given"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["theme"].as_str().unwrap())
            .collect();
        assert_eq!(themes, given, "{r}");
        for g in ex["given"].as_array().unwrap() {
            if g["rule"].is_null() && g["theme"] != "other" {
                by_model += 1;
                let s = g["score"].as_f64().expect("a model theme has a score");
                assert!((0.0..=1.0).contains(&s), "{r}");
            }
        }
        for v in ex["vetoed"].as_array().unwrap() {
            vetoes += 1;
            assert!(
                !themes.contains(&v["theme"].as_str().unwrap()),
                "vetoed and given: {r}"
            );
            assert!(v["rule"].is_string(), "a veto overrules a rule: {r}");
        }
        if let Some(n) = ex["nearest"].as_object() {
            nearest += 1;
            assert!(!n["text"].as_str().unwrap().is_empty());
            let sim = n["similarity"].as_f64().unwrap();
            assert!((-1.0..=1.0).contains(&sim), "{r}");
        }
    }
    assert_eq!(
        nearest,
        coded.len(),
        "every coded item has a nearest example"
    );
    // The sample is written to need both: themes no rule names, and rule
    // hits that are not what the answer is about.
    assert!(by_model > 0, "no theme came from the model alone");
    assert!(vetoes > 0, "no rule hit was vetoed");
}

#[test]
fn explain_in_csv_is_one_readable_cell() {
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args([
            "normalize",
            "sample-data/2026-Q3.csv",
            "--explain",
            "--format",
            "csv",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run frontline");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let headers = rd.headers().unwrap().clone();
    let col = headers
        .iter()
        .position(|h| h == "explain")
        .expect("an explain column");
    let cells: Vec<String> = rd.records().map(|r| r.unwrap()[col].to_string()).collect();
    assert!(
        cells.iter().any(|c| c.contains("nearest example (")),
        "{:?}",
        &cells[..5]
    );
}

fn book_with(id: &str, ov: ThemeOverride) -> frontline::normalize::Codebook {
    let cfg = CodebooksConfig {
        books: [(
            "buying_concerns".to_string(),
            CodebookOverride {
                themes: [(id.to_string(), ov)].into_iter().collect(),
                ..CodebookOverride::default()
            },
        )]
        .into_iter()
        .collect(),
    };
    let books = Codebooks::with_config(&cfg, Path::new(".")).expect("a valid override");
    books.get(CodebookId::BuyingConcerns).unwrap().clone()
}

#[test]
fn a_theme_taught_by_examples_is_found_by_meaning() {
    let ov = ThemeOverride {
        label: Some("Where the data lives".into()),
        examples: vec![
            "they need the servers to stay in the EU".into(),
            "legal asked where exactly our data centres are hosted".into(),
            "no US cloud hosting, full stop".into(),
            "their GDPR team wants the data hosted in Germany".into(),
            "data sovereignty and hosting location came up again".into(),
        ],
        ..ThemeOverride::default()
    };
    let book = book_with("data_location", ov);
    let q = QuestionId::Objections.as_str();
    let hit = model::code(
        &book,
        q,
        "the customer insists the data is hosted inside the EU, in German data centres",
    );
    assert!(
        hit.hits
            .iter()
            .any(|h| h.id == "data_location" && h.rule == "examples"),
        "{hit:?}"
    );
    let miss = model::code(&book, q, "too expensive for a team of four");
    assert!(
        !miss.hits.iter().any(|h| h.id == "data_location"),
        "{miss:?}"
    );
}

#[test]
fn a_removed_theme_is_never_given() {
    let mut books = Codebooks::defaults();
    let full = books.get(CodebookId::BuyingConcerns).unwrap().clone();
    let q = QuestionId::Objections.as_str();
    let text = "way too expensive, the price per seat is double what they pay now";
    assert!(
        model::code(&full, q, text)
            .hits
            .iter()
            .any(|h| h.id == "price")
    );
    let book = books.books.get_mut(&CodebookId::BuyingConcerns).unwrap();
    book.themes.retain(|t| t.id != "price");
    let got = model::code(book, q, text);
    assert!(got.hits.iter().all(|h| h.id != "price"), "{got:?}");
}
