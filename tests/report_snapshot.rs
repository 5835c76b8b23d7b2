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

/// Issue 12: the alignment part of the Markdown briefing (the first page's
/// gaps and the section) on the sample with marketing's side and the
/// product page.
#[test]
fn aligned_sample_alignment_section_markdown() {
    let req = Request {
        exports: vec![sample("2026-Q3.csv")],
        config: Config::default(),
        ..Request::default()
    };
    let mut q3 = analyze(&req).unwrap();
    let page = sample("northwind-product-page.html");
    let text = std::fs::read_to_string(&page).unwrap();
    let side = frontline::pipeline::AlignmentRequest {
        marketing: vec![sample("2026-Q3-marketing.csv")],
        messaging: Some((
            text.clone(),
            frontline::alignment::MessagingFormat::detect(&page, &text),
        )),
    };
    frontline::pipeline::align(&req, &mut q3, &side).unwrap();
    let view = build_with(&q3.snapshot, None, &[]);
    let md = Renderer::new(None).unwrap().markdown(&view).unwrap();
    let start = md
        .find("### Where marketing and sales disagree most")
        .expect("the first page's gaps");
    let end = md
        .find("## Messaging inputs")
        .expect("messaging inputs follow");
    insta::assert_snapshot!("sample_2026_q3_alignment_md", &md[start..end]);
}
