//! Benchmarks per stage (divan): ingest, normalize (per item), aggregate
//! and render, on exports made by `frontline sample` (seed 1, Google Forms
//! layout). `cargo bench --bench stages`; the end-to-end comparison with
//! the floors and pandas is `scripts/bench.sh` (docs/performance.md).

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use frontline::aggregate::{self, Settings};
use frontline::briefing;
use frontline::config::Config;
use frontline::ingest::{self, ReadOptions, Survey};
use frontline::normalize::{Normalizer, normalize_survey};
use frontline::pipeline::{self, Request};
use frontline::questions::QuestionId;
use frontline::render::Renderer;
use frontline::sample::{self, Layout, Options};
use std::path::PathBuf;

fn main() {
    divan::main();
}

/// A generated export of `rows` responses, written once per size.
fn export(rows: u64) -> PathBuf {
    let dir = std::env::temp_dir().join("frontline-bench");
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let path = dir.join(format!("sample-{rows}.csv"));
    if !path.exists() {
        let opts = Options {
            responses: rows,
            seed: 1,
            layout: Layout::GoogleForms,
        };
        std::fs::write(&path, sample::to_string(&opts)).expect("the export is written");
    }
    path
}

fn survey(rows: u64) -> Survey {
    let opts = ReadOptions::default();
    ingest::read_exports(&[export(rows)], &Config::default().column_rules(), &opts)
        .expect("the sample reads")
}

fn normalizer() -> Normalizer {
    Normalizer::new(
        pipeline::codebooks(&Config::default()).expect("the built-in codebooks"),
        vec![],
    )
}

#[divan::bench(args = [100, 1000], sample_count = 10)]
fn ingest(bencher: Bencher, rows: u64) {
    let path = export(rows);
    let rules = Config::default().column_rules();
    bencher.counter(ItemsCount::new(rows as usize)).bench(|| {
        ingest::read_exports(
            black_box(std::slice::from_ref(&path)),
            &rules,
            &ReadOptions::default(),
        )
    });
}

/// Coding every answer of 100 responses; the counter is the answer items.
#[divan::bench(sample_count = 10)]
fn normalize_per_item(bencher: Bencher) {
    let s = survey(100);
    let n = normalizer();
    let answers: Vec<_> = s
        .responses
        .iter()
        .flat_map(|r| r.answers.iter().map(|(q, t)| (*q, t.clone())))
        .collect();
    let items: usize = answers
        .iter()
        .map(|(q, t)| n.answer(*q, t).items.len())
        .sum();
    bencher.counter(ItemsCount::new(items)).bench(|| {
        for (q, t) in &answers {
            black_box(n.answer(*q, t));
        }
    });
}

/// One objections answer of `kb` KB that is a single item with thousands
/// of overlapping theme matches (the bad-input corpus has a 1 MB one):
/// coding it must grow linearly with its length (issue 10: shadowing
/// compared every match with every other).
#[divan::bench(args = [64, 256, 1024], sample_count = 3)]
fn normalize_long_answer(bencher: Bencher, kb: usize) {
    const SENTENCE: &str = "the switching cost is too high and they want support for SSO and \
        the price is a concern and security review takes long and ";
    let text: String = SENTENCE.chars().cycle().take(kb << 10).collect();
    let n = normalizer();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| black_box(n.answer(QuestionId::Objections, black_box(&text))));
}

#[divan::bench(args = [100, 1000], sample_count = 5)]
fn aggregate(bencher: Bencher, rows: u64) {
    let s = survey(rows);
    let (n, coded) = normalize_survey(&s, &normalizer());
    bencher
        .counter(ItemsCount::new(rows as usize))
        .bench(|| aggregate::questions(&s, &coded, &n.codebooks, &Settings::default()));
}

#[divan::bench(sample_count = 10)]
fn render(bencher: Bencher) {
    let req = Request {
        exports: vec![export(100)],
        ..Request::default()
    };
    let analysis = pipeline::analyze(&req).expect("the sample analyses");
    let renderer = Renderer::new(None).expect("the built-in templates");
    bencher.bench(|| {
        let view = briefing::build(&analysis.snapshot);
        (renderer.markdown(&view), renderer.html(&view))
    });
}
