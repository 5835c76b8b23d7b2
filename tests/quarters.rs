//! Quarter over quarter on two synthetic quarters with planted shifts
//! (tests/data/quarters/PLANTED.md): each planted change is found, and
//! noise (a one-respondent change) is not called significant.

use frontline::briefing::build as build_view;
use frontline::config::Config;
use frontline::diff::{self, Diff, DriftKind, Status};
use frontline::pipeline::{Request, analyze};
use frontline::questions::QuestionId;
use frontline::render::Renderer;
use frontline::snapshot::Snapshot;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/quarters")
        .join(name)
}

fn snapshot(path: PathBuf) -> Snapshot {
    let req = Request {
        exports: vec![path],
        config: Config::default(),
        ..Request::default()
    };
    analyze(&req).unwrap().snapshot
}

fn planted() -> Diff {
    diff::diff(&snapshot(data("old.csv")), &snapshot(data("new.csv")))
}

fn objection(d: &Diff, theme: &str) -> diff::ShareDiff {
    d.themes
        .iter()
        .find(|t| t.question == QuestionId::Objections && t.theme == theme)
        .unwrap_or_else(|| panic!("no objections/{theme} in the diff"))
        .clone()
}

#[test]
fn sharply_rising_theme_is_rising_and_significant() {
    let s = objection(&planted(), "security");
    assert_eq!((s.old_count, s.new_count), (2, 16));
    assert_eq!(s.status, Status::Rising);
    assert!(s.significant && s.p_value < 0.01, "{s:?}");
}

#[test]
fn vanished_theme_is_gone() {
    let s = objection(&planted(), "price");
    assert_eq!((s.old_count, s.new_count), (10, 0));
    assert_eq!(s.status, Status::Gone);
    assert!(s.significant);
}

#[test]
fn new_theme_is_new() {
    let s = objection(&planted(), "vendor_risk");
    assert_eq!((s.old_count, s.new_count), (0, 8));
    assert_eq!(s.status, Status::New);
    assert!(s.significant);
}

#[test]
fn unchanged_theme_is_steady() {
    let s = objection(&planted(), "integration");
    assert_eq!(s.old_count, s.new_count);
    assert_eq!(s.status, Status::Steady);
    assert!(!s.significant);
}

#[test]
fn one_respondent_change_is_noise() {
    let s = objection(&planted(), "budget");
    assert_eq!((s.old_count, s.new_count), (6, 7));
    assert_eq!(s.status, Status::Steady);
    assert!(!s.significant && s.p_value > 0.5, "{s:?}");
}

#[test]
fn longer_enterprise_cycle_is_found_and_others_are_not() {
    let d = planted();
    let c = d.cycle_length.as_ref().unwrap();
    let seg = |v: &str| {
        c.segments
            .iter()
            .find(|s| s.segment == "company_size" && s.value == v)
            .unwrap()
    };
    let ent = seg("Enterprise");
    assert!(
        ent.new_median_days.unwrap() > 2.0 * ent.old_median_days.unwrap(),
        "{ent:?}"
    );
    assert!(ent.significant, "{ent:?}");
    for v in ["SMB", "Mid-market"] {
        assert!(!seg(v).significant, "{v} should not change");
    }
}

#[test]
fn reworded_question_is_reported_as_drift_first() {
    let (old, new) = (snapshot(data("old.csv")), snapshot(data("new.csv")));
    let d = diff::diff(&old, &new);
    let w: Vec<_> = d
        .drift
        .iter()
        .filter(|x| x.kind == DriftKind::Wording)
        .collect();
    assert_eq!(w.len(), 1, "{:?}", d.drift);
    assert_eq!(w[0].subject, "website_changes");
    let md = Renderer::new(None)
        .unwrap()
        .diff_markdown(&frontline::briefing::diff_briefing(&old, &new, &d))
        .unwrap();
    let drift_at = md.find("Survey changes").unwrap();
    assert!(drift_at < md.find("## Headlines").unwrap());
}

#[test]
fn themes_in_only_one_codebook_are_not_new_or_gone() {
    let old = snapshot(data("old.csv"));
    let mut new = snapshot(data("new.csv"));
    // The new quarter's codebook no longer has `vendor_risk`.
    new.codebooks
        .get_mut("buying_concerns")
        .unwrap()
        .themes
        .remove("vendor_risk");
    let d = diff::diff(&old, &new);
    assert!(d.themes.iter().all(|t| t.theme != "vendor_risk"));
    assert!(
        d.drift
            .iter()
            .any(|x| x.kind == DriftKind::ThemeRemoved && x.subject.ends_with("vendor_risk"))
    );
}

/// The lines of `b` not in `a` and of `a` not in `b` (a multiset
/// difference: enough to bound how much a report changed).
fn changed_lines(a: &str, b: &str) -> Vec<String> {
    let mut left: Vec<&str> = a.lines().collect();
    let mut out = vec![];
    for l in b.lines() {
        match left.iter().position(|x| *x == l) {
            Some(i) => {
                left.remove(i);
            }
            None => out.push(format!("+{l}")),
        }
    }
    out.extend(left.into_iter().map(|l| format!("-{l}")));
    out
}

/// The export with one cell replaced (row and column 0-based, data rows
/// only), written back as CSV.
fn with_cell(path: &Path, row: usize, col: usize, text: &str) -> String {
    let mut r = csv::Reader::from_path(path).unwrap();
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(r.headers().unwrap()).unwrap();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.unwrap();
        let fields: Vec<&str> = rec
            .iter()
            .enumerate()
            .map(|(j, f)| if (i, j) == (row, col) { text } else { f })
            .collect();
        w.write_record(fields).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn reports_are_byte_identical_and_one_answer_changes_few_lines() {
    let r = Renderer::new(None).unwrap();
    let render = |csv: &str| {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("old.csv");
        std::fs::write(&p, csv).unwrap();
        r.markdown(&build_view(&snapshot(p))).unwrap()
    };
    let original = data("old.csv");
    // Column 19 is website_feedback; row 5 is one rep's answer.
    let base = with_cell(&original, 5, 19, "love the new case studies");
    let edited = with_cell(&original, 5, 19, "the pricing page confuses everyone");
    let a = render(&base);
    assert_eq!(a, render(&base), "same input, different report");
    let b = render(&edited);
    let changed = changed_lines(&a, &b);
    assert!(!changed.is_empty(), "the edit changed nothing");
    assert!(
        changed.len() <= 20,
        "one answer changed {} lines:\n{}",
        changed.len(),
        changed.join("\n")
    );
    // Every removed line comes from the website-feedback section (or the
    // summary lines that quote its figures).
    let within = |md: &str, line: &str| {
        let start = md.find("## What prospects say about the website").unwrap();
        let end = md[start..].find("\n## ").map_or(md.len(), |i| start + i);
        md[start..end].contains(line)
    };
    for l in &changed {
        let (doc, line) = match l.strip_prefix('-') {
            Some(line) => (&a, line),
            None => (&b, &l[1..]),
        };
        assert!(within(doc, line), "changed outside the section: {l}");
    }
}
