//! The coder held to its recorded scores on the sealed test sets
//! (`tests/data/sealed/` and `tests/data/sealed2/`, see their READMEs):
//! theme micro-F1 per codebook,
//! personas, list items, tone and durations, scored as
//! `examples/evaluate.rs` scores them. The recorded scores live in
//! `docs/accuracy.md` between the `sealed-scores` (and `sealed2-scores`)
//! markers; a measure more
//! than two points below its record fails, so a change that loses accuracy
//! on unseen wording is seen. (Raising a record is a docs edit, after
//! measuring.) The set itself is never read item by item: only these
//! aggregates are printed.

use frontline::normalize::comparable::comparable_item;
use frontline::normalize::{
    Codebooks, DurationRange, Persona, Tone, durations, model, personas, split, tone,
};
use frontline::questions::QuestionId;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const SLACK: f64 = 0.02;

/// Every case of a sealed file of set `set` (a folder of tests/data); a
/// missing or malformed file fails.
fn load<T: DeserializeOwned>(set: &str, kind: &str) -> Vec<T> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set)
        .join(format!("sealed_{kind}.jsonl"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let cases: Vec<T> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect();
    assert!(
        cases.len() >= 50,
        "{}: only {} cases",
        path.display(),
        cases.len()
    );
    cases
}

/// The recorded scores: `| name | value |` rows between the markers.
fn recorded(set: &str) -> BTreeMap<String, f64> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/accuracy.md");
    let text = std::fs::read_to_string(&path).expect("docs/accuracy.md");
    let (open, close) = (
        format!("<!-- {set}-scores -->"),
        format!("<!-- /{set}-scores -->"),
    );
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("docs/accuracy.md has no {open} block"));
    let end = text[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("the {open} block is not closed"))
        + start;
    text[start..end]
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let value = cells.get(2)?.parse::<f64>().ok()?;
            Some((cells[1].trim_matches('`').to_string(), value))
        })
        .collect()
}

#[derive(Deserialize)]
struct ThemeCase {
    question: QuestionId,
    text: String,
    themes: Vec<String>,
}

#[derive(Deserialize)]
struct ItemCase {
    text: String,
    items: Vec<String>,
}

#[derive(Deserialize)]
struct PersonaCase {
    text: String,
    personas: Vec<Persona>,
}

#[derive(Deserialize)]
struct DurationCase {
    text: String,
    durations: Vec<DurationRange>,
}

#[derive(Deserialize)]
struct ToneCase {
    text: String,
    tone: Tone,
}

fn theme_f1(set: &str) -> BTreeMap<String, f64> {
    let books = Codebooks::defaults();
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let other = |v: Vec<String>| -> BTreeSet<String> {
        if v.is_empty() {
            BTreeSet::from(["other".to_string()])
        } else {
            v.into_iter().collect()
        }
    };
    for case in load::<ThemeCase>(set, "themes") {
        let id = case.question.codebook().expect("a coded question");
        let book = books.get(id).expect("default codebook");
        let got: BTreeSet<String> = model::code(book, case.question.as_str(), &case.text)
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        let gold = other(case.themes);
        let c = counts.entry(id.as_str().to_string()).or_default();
        c.0 += gold.intersection(&got).count();
        c.1 += got.difference(&gold).count();
        c.2 += gold.difference(&got).count();
    }
    counts
        .into_iter()
        .map(|(k, (tp, fp, fn_))| (k, 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64))
        .collect()
}

fn items_exact(set: &str) -> f64 {
    let cases = load::<ItemCase>(set, "items");
    let exact = cases
        .iter()
        .filter(|c| {
            let got: Vec<String> = split::split_items(&c.text)
                .iter()
                .map(|s| comparable_item(s))
                .collect();
            let want: Vec<String> = c.items.iter().map(|s| comparable_item(s)).collect();
            got == want
        })
        .count();
    exact as f64 / cases.len() as f64
}

fn persona_key(p: &Persona) -> String {
    serde_json::to_string(p).expect("persona serializes")
}

fn personas_exact(set: &str) -> f64 {
    let cases = load::<PersonaCase>(set, "personas");
    let exact = cases
        .iter()
        .filter(|c| {
            let gold: BTreeSet<String> = c.personas.iter().map(persona_key).collect();
            let got: BTreeSet<String> = personas::parse_personas(&c.text)
                .iter()
                .map(persona_key)
                .collect();
            gold == got
        })
        .count();
    exact as f64 / cases.len() as f64
}

fn tone_accuracy(set: &str) -> f64 {
    let cases = load::<ToneCase>(set, "tone");
    let exact = cases
        .iter()
        .filter(|c| tone::tone(&c.text) == c.tone)
        .count();
    exact as f64 / cases.len() as f64
}

/// Durations within 5% of a gold range (both bounds), and the count of
/// values no gold range is near: invented.
fn durations_within(set: &str) -> (f64, usize) {
    let cases = load::<DurationCase>(set, "durations");
    let near = |a: &DurationRange, b: &DurationRange| {
        let close =
            |x: u32, y: u32| (f64::from(x) - f64::from(y)).abs() <= 0.05 * f64::from(y.max(1));
        close(a.low, b.low)
            && match (a.high, b.high) {
                (Some(x), Some(y)) => close(x, y),
                (None, None) => true,
                _ => false,
            }
    };
    let (mut ok, mut invented) = (0, 0);
    for c in &cases {
        let got = durations::parse_durations(&c.text);
        invented += got
            .iter()
            .filter(|g| !c.durations.iter().any(|w| near(g, w)))
            .count();
        if got.len() == c.durations.len()
            && c.durations.iter().all(|w| got.iter().any(|g| near(g, w)))
        {
            ok += 1;
        }
    }
    (ok as f64 / cases.len() as f64, invented)
}

/// Scores set `set` and compares each measure with its record.
fn holds_its_record(set: &str) {
    let mut got: BTreeMap<String, f64> = theme_f1(set);
    got.insert("items_exact".into(), items_exact(set));
    got.insert("personas_exact".into(), personas_exact(set));
    got.insert("tone_accuracy".into(), tone_accuracy(set));
    let (within, invented) = durations_within(set);
    got.insert("durations_within_5pct".into(), within);
    let record = recorded(set);
    let mut failures = vec![];
    for (name, value) in &got {
        let rec = record
            .get(name)
            .unwrap_or_else(|| panic!("docs/accuracy.md records no {set} score for `{name}`"));
        println!("{set} {name:<24} {value:.3} (recorded {rec:.3})");
        if *value < rec - SLACK {
            failures.push(format!("{name}: {value:.3}, recorded {rec:.3}"));
        }
    }
    let max_invented = record.get("durations_invented").copied().unwrap_or(0.0);
    println!("{set} durations_invented       {invented} (recorded {max_invented})");
    if invented as f64 > max_invented {
        failures.push(format!(
            "{invented} invented durations, recorded {max_invented}"
        ));
    }
    assert!(
        failures.is_empty(),
        "{set}: below the record by more than {SLACK}: {failures:?}"
    );
}

#[test]
fn the_first_sealed_set_scores_at_least_its_record() {
    holds_its_record("sealed");
}

#[test]
fn the_second_sealed_set_scores_at_least_its_record() {
    holds_its_record("sealed2");
}
