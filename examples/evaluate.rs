//! Scores frontline's normalizers against the labelled development set in
//! `tests/data/devset/` (see `docs/accuracy.md`).
//!
//! `cargo run --release --example evaluate [-- --split dev|holdout|all] [--errors|--all-errors]`
//!
//! `--dir DIR --split NAME` scores another folder of files of the same
//! format (`DIR/NAME_themes.jsonl`, ...), e.g. the probe set in
//! `tests/data/probe/`; a kind with no file there is skipped.
//!
//! `--corpus` scores the labelled training corpus instead: every
//! `training/corpus/w*/<kind>.jsonl`, as one split named `corpus`.
//!
//! It is a report, not a gate: it always exits 0, and prints a
//! `TARGET MISSED` line for every target the library does not reach yet.

use frontline::normalize::comparable::comparable_item;
use frontline::normalize::{
    Codebook, Codebooks, DurationRange, Persona, Tone, durations, personas, split, themes, tone,
};
use frontline::questions::{CodebookId, QuestionId};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The folder given by `--dir`; unset means the labelled devset.
static DIR: OnceLock<PathBuf> = OnceLock::new();

const THEME_F1_TARGET: f64 = 0.90;
const PERSONAS_TARGET: f64 = 0.95;
const DURATIONS_TARGET: f64 = 0.97;
const ITEMS_TARGET: f64 = 0.95;
const WORST_ERRORS: usize = 10;

/// Set by `--corpus`: read `training/corpus/w*/<kind>.jsonl`.
static CORPUS: OnceLock<bool> = OnceLock::new();

/// `--errors` lists the worst ten; `--all-errors` lists every one.
static ALL_ERRORS: OnceLock<bool> = OnceLock::new();

fn error_limit() -> usize {
    if ALL_ERRORS.get().copied().unwrap_or(false) {
        usize::MAX
    } else {
        WORST_ERRORS
    }
}

#[derive(Deserialize)]
struct ThemeCase {
    question: String,
    text: String,
    themes: Vec<String>,
}

#[derive(Deserialize)]
struct StageCase {
    text: String,
    stages: Vec<String>,
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

/// True positives, false positives and false negatives over labels.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.tp += gold.intersection(got).count();
        self.fp += got.difference(gold).count();
        self.fn_ += gold.difference(got).count();
    }
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// An empty denominator scores 1.0: nothing was expected and nothing given.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The headline numbers of one split, and the targets they miss.
#[derive(Default)]
struct Summary {
    cells: Vec<(String, String)>,
    missed: Vec<String>,
}

impl Summary {
    fn cell(&mut self, name: &str, value: String) {
        self.cells.push((name.to_string(), value));
    }
    fn check(&mut self, value: f64, goal: f64, what: &str) {
        if value < goal {
            self.missed.push(format!("{what} {value:.3} < {goal}"));
        }
    }
    fn print(&self, split: &str) {
        println!("\n-- summary [{split}]");
        for (name, value) in &self.cells {
            println!("   {name:<28} {value}");
        }
        println!();
        for line in &self.missed {
            println!("TARGET MISSED [{split}]: {line}");
        }
        if self.missed.is_empty() {
            println!("all targets met [{split}]");
        }
        println!();
    }
}

struct Options {
    splits: Vec<&'static str>,
    errors: bool,
}

fn main() {
    let opts = parse_args();
    let books = Codebooks::defaults();
    for split in &opts.splits {
        println!("==================== split: {split} ====================");
        let mut sum = Summary::default();
        report_themes(&books, split, opts.errors, &mut sum);
        report_stages(&books, split, opts.errors, &mut sum);
        report_items(split, opts.errors, &mut sum);
        report_personas(split, opts.errors, &mut sum);
        report_durations(split, opts.errors, &mut sum);
        report_tone(split, opts.errors, &mut sum);
        sum.print(split);
    }
}

fn parse_args() -> Options {
    let mut split = "all".to_string();
    let mut errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--split" => split = args.next().unwrap_or_default(),
            "--errors" => errors = true,
            "--all-errors" => {
                errors = true;
                let _ = ALL_ERRORS.set(true);
            }
            "--corpus" => {
                let _ = CORPUS.set(true);
            }
            "--dir" => {
                let _ = DIR.set(PathBuf::from(args.next().unwrap_or_default()));
            }
            other => eprintln!("ignoring unknown argument `{other}`"),
        }
    }
    if CORPUS.get().is_some() {
        return Options {
            splits: vec!["corpus"],
            errors,
        };
    }
    if DIR.get().is_some() {
        // Another folder names its own files: the split is taken as given.
        return Options {
            splits: vec![String::leak(split)],
            errors,
        };
    }
    let splits = match split.as_str() {
        "dev" => vec!["dev"],
        "holdout" => vec!["holdout"],
        "all" => vec!["dev", "holdout", "all"],
        other => {
            eprintln!("unknown split `{other}` (dev, holdout or all); using all");
            vec!["dev", "holdout", "all"]
        }
    };
    Options { splits, errors }
}

/// Reads `<split>_<kind>.jsonl` (both files for `all`). A malformed line is
/// reported and skipped; `tests/devset.rs` keeps the files well-formed.
fn load<T: DeserializeOwned>(split: &str, kind: &str) -> Vec<T> {
    if CORPUS.get().is_some() {
        return corpus_files(kind)
            .iter()
            .flat_map(|p| read_cases(p))
            .collect();
    }
    let parts: &[&str] = if split == "all" {
        &["dev", "holdout"]
    } else {
        &[split]
    };
    let dir = DIR
        .get()
        .cloned()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/devset"));
    let mut out = Vec::new();
    for part in parts {
        let path = dir.join(format!("{part}_{kind}.jsonl"));
        if DIR.get().is_some() && !path.exists() {
            continue;
        }
        out.extend(read_cases(&path));
    }
    out
}

/// `training/corpus/<writer>/<kind>.jsonl` for every writer, in name order
/// so the report is the same on every run.
fn corpus_files(kind: &str) -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/corpus");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| d.join(format!("{kind}.jsonl")))
        .filter(|p| p.exists())
        .collect()
}

fn read_cases<T: DeserializeOwned>(path: &std::path::Path) -> Vec<T> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str(line) {
            Ok(case) => out.push(case),
            Err(e) => eprintln!("{}:{}: skipped: {e}", path.display(), n + 1),
        }
    }
    out
}

/// The default codebook, or an empty one while the defaults are stubs.
fn book(books: &Codebooks, id: CodebookId) -> Codebook {
    books.get(id).cloned().unwrap_or_else(|| Codebook {
        id: id.as_str().to_string(),
        themes: vec![],
    })
}

fn set(ids: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    ids.into_iter().collect()
}

fn show(ids: &BTreeSet<String>) -> String {
    ids.iter().cloned().collect::<Vec<_>>().join(",")
}

/// One scored theme item, kept for the per-theme rows and the error list.
struct ThemeOutcome {
    text: String,
    gold: BTreeSet<String>,
    got: BTreeSet<String>,
}

fn report_themes(books: &Codebooks, split: &str, errors: bool, sum: &mut Summary) {
    let mut by_book: BTreeMap<CodebookId, Vec<ThemeOutcome>> = BTreeMap::new();
    for case in load::<ThemeCase>(split, "themes") {
        let Some(id) = case
            .question
            .parse::<QuestionId>()
            .ok()
            .and_then(|q| q.codebook())
        else {
            eprintln!("skipped item with unknown question `{}`", case.question);
            continue;
        };
        let got =
            frontline::normalize::model::code(&book(books, id), &case.question, &case.text).hits;
        by_book.entry(id).or_default().push(ThemeOutcome {
            // No theme is written `[]` or `["other"]`: both mean `other`.
            gold: if case.themes.is_empty() {
                set(["other".to_string()])
            } else {
                set(case.themes)
            },
            got: set(got.into_iter().map(|h| h.id)),
            text: case.text,
        });
    }
    println!("\n-- themes: micro P/R/F1 over (item, theme) pairs, `other` counted as a label");
    println!(
        "{:<18} {:>5} {:>6} {:>6} {:>6}",
        "codebook", "items", "P", "R", "F1"
    );
    for (id, outcomes) in &by_book {
        let mut c = Counts::default();
        outcomes.iter().for_each(|o| c.add(&o.gold, &o.got));
        let (p, r, f) = scores(c);
        println!(
            "{:<18} {:>5} {p:>6} {r:>6} {f:>6}",
            id.as_str(),
            outcomes.len()
        );
        sum.cell(&format!("{} F1", id.as_str()), f);
        sum.check(
            c.f1(),
            THEME_F1_TARGET,
            &format!("themes {} F1", id.as_str()),
        );
    }
    for (id, outcomes) in &by_book {
        print_theme_rows(*id, outcomes);
        if errors {
            print_theme_errors(*id, outcomes);
        }
    }
}

fn print_theme_rows(id: CodebookId, outcomes: &[ThemeOutcome]) {
    let mut per: BTreeMap<&str, (usize, Counts)> = BTreeMap::new();
    for o in outcomes {
        for t in o.gold.union(&o.got) {
            let (support, c) = per.entry(t.as_str()).or_default();
            *support += usize::from(o.gold.contains(t));
            c.tp += usize::from(o.gold.contains(t) && o.got.contains(t));
            c.fp += usize::from(!o.gold.contains(t) && o.got.contains(t));
            c.fn_ += usize::from(o.gold.contains(t) && !o.got.contains(t));
        }
    }
    println!("\n   {} per theme", id.as_str());
    println!(
        "   {:<22} {:>7} {:>6} {:>6} {:>6}",
        "theme", "support", "P", "R", "F1"
    );
    for (theme, (support, c)) in per {
        let (p, r, f) = scores(c);
        println!("   {theme:<22} {support:>7} {p:>6} {r:>6} {f:>6}");
    }
}

/// Precision, recall and F1 for printing; "-" marks an undefined score (no
/// prediction at all, or no gold label), rather than a flattering 1.0.
fn scores(c: Counts) -> (String, String, String) {
    let defined = |den: usize, value: f64| {
        if den == 0 {
            "-".to_string()
        } else {
            format!("{value:.3}")
        }
    };
    (
        defined(c.tp + c.fp, c.precision()),
        defined(c.tp + c.fn_, c.recall()),
        defined(c.tp + c.fp + c.fn_, c.f1()),
    )
}

/// The worst errors are those with the most wrong labels; ties keep file order.
fn print_theme_errors(id: CodebookId, outcomes: &[ThemeOutcome]) {
    let mut wrong: Vec<(usize, &ThemeOutcome)> = outcomes
        .iter()
        .map(|o| (o.gold.symmetric_difference(&o.got).count(), o))
        .filter(|(n, _)| *n > 0)
        .collect();
    wrong.sort_by_key(|w| std::cmp::Reverse(w.0));
    println!(
        "   {} worst errors ({} wrong of {}):",
        id.as_str(),
        wrong.len(),
        outcomes.len()
    );
    for (_, o) in wrong.iter().take(error_limit()) {
        println!(
            "     {:?}\n       expected [{}] got [{}]",
            o.text,
            show(&o.gold),
            show(&o.got)
        );
    }
}

fn report_stages(books: &Codebooks, split: &str, errors: bool, sum: &mut Summary) {
    let cases = load::<StageCase>(split, "stages");
    let book = book(books, CodebookId::SalesStages);
    let (mut c, mut exact) = (Counts::default(), 0);
    let mut failures = Vec::new();
    for case in &cases {
        let got = themes::stages(&book, &case.text);
        c.add(&set(case.stages.clone()), &set(got.clone()));
        if got == case.stages {
            exact += 1;
        } else {
            failures.push((&case.text, case.stages.join(" > "), got.join(" > ")));
        }
    }
    let acc = ratio(exact, cases.len());
    println!("\n-- stages ({} answers)", cases.len());
    let (p, r, f) = scores(c);
    println!("   set P {p}  R {r}  F1 {f}   exact sequence {acc:.3}");
    print_failures(errors, &failures);
    sum.cell("sales_stages F1 / exact", format!("{f} / {acc:.3}"));
    sum.check(c.f1(), THEME_F1_TARGET, "stages (sales_stages) F1");
}

fn print_failures(errors: bool, failures: &[(&String, String, String)]) {
    if !errors {
        return;
    }
    for (text, want, got) in failures.iter().take(error_limit()) {
        println!("     {text:?}\n       expected [{want}] got [{got}]");
    }
}

fn report_items(split: &str, errors: bool, sum: &mut Summary) {
    let cases = load::<ItemCase>(split, "items");
    let (mut exact, mut raw_exact) = (0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let got = split::split_items(&case.text);
        let trimmed = |v: &[String]| v.iter().map(|s| s.trim().to_string()).collect::<Vec<_>>();
        raw_exact += usize::from(trimmed(&got) == trimmed(&case.items));
        // Both sides in the comparable form (docs/accuracy.md, "Items"):
        // a trailing stop, quotes or a leading "and" is not a split error.
        let got: Vec<String> = got.iter().map(|s| comparable_item(s)).collect();
        let want: Vec<String> = case.items.iter().map(|s| comparable_item(s)).collect();
        if got == want {
            exact += 1;
        } else {
            failures.push((&case.text, want.join(" | "), got.join(" | ")));
        }
    }
    let acc = ratio(exact, cases.len());
    let raw = ratio(raw_exact, cases.len());
    println!("\n-- items ({} cells)", cases.len());
    println!("   exact list {acc:.3}   (as written, only trimmed: {raw:.3})");
    print_failures(errors, &failures);
    sum.cell("items exact", format!("{acc:.3}"));
    sum.check(acc, ITEMS_TARGET, "items exact");
}

fn persona_key(p: &Persona) -> String {
    // serde's snake_case names, so the report reads like the data files.
    let v = serde_json::to_value(p).unwrap_or_default();
    format!(
        "{}/{}",
        v["function"].as_str().unwrap_or("?"),
        v["seniority"].as_str().unwrap_or("?")
    )
}

fn report_personas(split: &str, errors: bool, sum: &mut Summary) {
    let cases = load::<PersonaCase>(split, "personas");
    let (mut c, mut exact) = (Counts::default(), 0);
    let mut failures = Vec::new();
    for case in &cases {
        let gold = set(case.personas.iter().map(persona_key));
        let got = set(personas::parse_personas(&case.text).iter().map(persona_key));
        c.add(&gold, &got);
        if gold == got {
            exact += 1;
        } else {
            failures.push((&case.text, show(&gold), show(&got)));
        }
    }
    let acc = ratio(exact, cases.len());
    println!("\n-- personas ({} answers)", cases.len());
    let (p, r, _) = scores(c);
    println!("   exact set {acc:.3}   pairs P {p}  R {r}");
    print_failures(errors, &failures);
    sum.cell("personas exact", format!("{acc:.3}"));
    sum.check(acc, PERSONAS_TARGET, "personas exact");
}

fn duration_key(d: &DurationRange) -> (u32, Option<u32>, Option<String>) {
    (
        d.low,
        d.high,
        d.segment.as_ref().map(|s| s.trim().to_lowercase()),
    )
}

fn show_durations(ds: &[(u32, Option<u32>, Option<String>)]) -> String {
    let one = |(lo, hi, seg): &(u32, Option<u32>, Option<String>)| {
        let hi = hi.map_or("open".to_string(), |h| h.to_string());
        match seg {
            Some(s) => format!("{s}:{lo}-{hi}"),
            None => format!("{lo}-{hi}"),
        }
    };
    ds.iter().map(one).collect::<Vec<_>>().join(", ")
}

fn report_durations(split: &str, errors: bool, sum: &mut Summary) {
    let cases = load::<DurationCase>(split, "durations");
    let (mut exact, mut invented) = (0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let mut gold: Vec<_> = case.durations.iter().map(duration_key).collect();
        let mut got: Vec<_> = durations::parse_durations(&case.text)
            .iter()
            .map(duration_key)
            .collect();
        gold.sort();
        got.sort();
        // A value is invented when no gold pair has those bounds at all.
        invented += got
            .iter()
            .filter(|g| !gold.iter().any(|w| (w.0, w.1) == (g.0, g.1)))
            .count();
        if gold == got {
            exact += 1;
        } else {
            failures.push((&case.text, show_durations(&gold), show_durations(&got)));
        }
    }
    let acc = ratio(exact, cases.len());
    println!("\n-- durations ({} answers)", cases.len());
    println!("   exact {acc:.3}   invented values {invented}");
    print_failures(errors, &failures);
    sum.cell(
        "durations exact / invented",
        format!("{acc:.3} / {invented}"),
    );
    sum.check(acc, DURATIONS_TARGET, "durations exact");
    if invented > 0 {
        sum.missed
            .push(format!("durations: {invented} invented value(s), target 0"));
    }
}

fn report_tone(split: &str, errors: bool, sum: &mut Summary) {
    let cases = load::<ToneCase>(split, "tone");
    let mut exact = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let got = tone::tone(&case.text);
        if got == case.tone {
            exact += 1;
        } else {
            failures.push((&case.text, format!("{:?}", case.tone), format!("{got:?}")));
        }
    }
    println!("\n-- tone ({} answers)", cases.len());
    let acc = ratio(exact, cases.len());
    println!("   accuracy {acc:.3}");
    print_failures(errors, &failures);
    sum.cell("tone accuracy", format!("{acc:.3}"));
}
