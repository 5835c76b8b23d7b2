//! Insta snapshots of the briefing on the shipped sample data: any change
//! to what marketing reads shows up as a reviewable diff
//! (`cargo insta review`).

use frontline::briefing::build_with;
use frontline::config::Config;
use frontline::pipeline::{Request, analyze};
use frontline::render::Renderer;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn snapshot(name: &str) -> frontline::snapshot::Snapshot {
    let req = Request {
        exports: vec![sample(name)],
        config: Config::default(),
        ..Request::default()
    };
    analyze(&req).unwrap().snapshot
}

#[test]
fn sample_report_markdown() {
    let q2 = snapshot("2026-Q2.csv");
    let q3 = snapshot("2026-Q3.csv");
    let view = build_with(&q3, Some(&q2), std::slice::from_ref(&q2));
    let md = Renderer::new(None).unwrap().markdown(&view).unwrap();
    insta::assert_snapshot!("sample_2026_q3_report_md", md);
}
