//! A 500-respondent survey (the sample's rows repeated with fresh emails,
//! as scripts/bench.sh makes them): the HTML briefing stays under 300 KB,
//! and a large survey, where many small segment gaps are significant,
//! still writes out only the largest few per question.

use frontline::briefing::build;
use frontline::pipeline::{Request, analyze};
use frontline::render::Renderer;
use std::path::Path;

fn export_of(rows: usize, dir: &Path) -> std::path::PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/2026-Q3.csv");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&sample)
        .unwrap();
    let all: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let (header, body): (_, Vec<_>) = (
        &all[0],
        all[1..]
            .iter()
            .filter(|r| r.iter().skip(2).any(|c| !c.trim().is_empty()))
            .collect(),
    );
    let path = dir.join(format!("export-{rows}.csv"));
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(header).unwrap();
    for i in 0..rows {
        let mut r: Vec<String> = body[i % body.len()].iter().map(String::from).collect();
        r[1] = format!("rep{i}@bench.example");
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    path
}

#[test]
fn a_500_respondent_briefing_stays_small_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let req = Request {
        exports: vec![export_of(500, dir.path())],
        ..Request::default()
    };
    let snapshot = analyze(&req).unwrap().snapshot;
    assert_eq!(snapshot.respondents, 500);
    let b = build(&snapshot);
    let html = Renderer::new(None).unwrap().html(&b).unwrap();
    assert!(html.len() < 300_000, "{} bytes", html.len());
    let buyers = b
        .sections
        .iter()
        .find(|s| s.id == "buyer_personas")
        .unwrap();
    assert_eq!(buyers.highlights.len(), 5);
    assert!(buyers.more_highlights > 20, "{}", buyers.more_highlights);
    // The largest gap first: every SMB rep names the owner or CEO.
    assert!(
        buyers.highlights[0].starts_with("Executive · C-level: 100% of SMB reps"),
        "{:?}",
        buyers.highlights
    );
    assert!(html.contains("smaller differences, in the segment tables"));
}
