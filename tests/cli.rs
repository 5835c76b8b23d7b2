//! The command line as a user meets it: the report on the sample data,
//! byte-identical reruns, and errors that name the file and what to do.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn frontline() -> Command {
    Command::cargo_bin("frontline").unwrap()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn report(export: &Path, out: &Path) -> assert_cmd::assert::Assert {
    frontline()
        .arg("report")
        .arg(export)
        .arg("--out")
        .arg(out)
        .assert()
}

#[test]
fn report_on_sample_data_writes_three_files_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q3");
    report(&sample("2026-Q3.csv"), &out).success().stdout(
        predicate::str::contains("report.md").and(predicate::str::contains(out.to_str().unwrap())),
    );
    for f in ["report.md", "report.html", "snapshot.json"] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("2026-Q3"));
    assert!(md.contains("## Summary"));
    assert!(md.find("## Summary") < md.find("## Messaging inputs"));
    assert!(md.find("## Messaging inputs") < md.find("## Details by question"));
    assert!(md.contains("## Data quality"));
    let snap = std::fs::read_to_string(out.join("snapshot.json")).unwrap();
    assert!(snap.contains("\"schema\": 2"));
    // Respondent emails never reach the outputs.
    for f in ["report.md", "report.html", "snapshot.json"] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(
            !text.contains("@northwindsoft.example"),
            "{f} leaks an email"
        );
    }
}

#[test]
fn rerun_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    report(&sample("2026-Q3.csv"), &a).success();
    report(&sample("2026-Q3.csv"), &b).success();
    for f in ["report.md", "report.html", "snapshot.json"] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f} differs between runs"
        );
    }
}

#[test]
fn missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    frontline()
        .args(["report", "no-such-export.csv", "--out"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no-such-export.csv")
                .and(predicate::str::contains("no such file")),
        );
}

#[test]
fn empty_file_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("empty.csv");
    std::fs::write(&f, "").unwrap();
    report(&f, &dir.path().join("out"))
        .code(1)
        .stderr(predicate::str::contains("empty.csv").and(predicate::str::contains("empty")));
}

#[test]
fn png_is_refused_as_not_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("chart.csv");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    std::fs::write(&f, png).unwrap();
    report(&f, &dir.path().join("out"))
        .code(1)
        .stderr(predicate::str::contains("chart.csv").and(predicate::str::contains("PNG")));
}

#[test]
fn export_without_survey_questions_says_how_to_map_columns() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("hotdogs.csv");
    std::fs::write(
        &f,
        "Timestamp,Is a hotdog a sandwich?,Favourite topping\n8/30/2026 13:10:45,Yes,Mustard\n",
    )
    .unwrap();
    report(&f, &dir.path().join("out")).code(1).stderr(
        predicate::str::contains("hotdogs.csv").and(predicate::str::contains("frontline.toml")),
    );
}

#[test]
fn help_explains_every_option_with_an_example() {
    let out = frontline().args(["report", "--help"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for opt in [
        "--out",
        "--config",
        "--quarter",
        "--previous",
        "--history",
        "--strict",
        "Example",
    ] {
        assert!(text.contains(opt), "report --help lacks {opt}");
    }
    frontline()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples"));
}

#[test]
fn diff_of_the_two_sample_quarters_names_both() {
    let dir = tempfile::tempdir().unwrap();
    frontline()
        .arg("diff")
        .arg(sample("2026-Q2.csv"))
        .arg(sample("2026-Q3.csv"))
        .arg("--out")
        .arg(dir.path())
        .assert()
        .success();
    let md = std::fs::read_to_string(dir.path().join("diff.md")).unwrap();
    assert!(md.contains("2026-Q2 → 2026-Q3"), "{md}");
    assert!(dir.path().join("diff.html").is_file());
}

#[test]
fn inspect_json_has_the_documented_keys() {
    let out = frontline()
        .args(["inspect", "--format", "json"])
        .arg(sample("2026-Q3.csv"))
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    for k in [
        "platform",
        "encoding",
        "delimiter",
        "header_rows",
        "rows",
        "responses",
        "superseded",
        "incomplete",
        "empty",
        "columns",
    ] {
        assert!(v.get(k).is_some(), "missing key {k}");
    }
    assert_eq!(v["platform"], "google_forms");
    assert_eq!(v["encoding"], "utf-8");
    assert_eq!(v["delimiter"], ",");
    assert_eq!(v["rows"], 32);
    assert_eq!(v["superseded"], 1);
    assert_eq!(v["empty"], 1);
    let cols = v["columns"].as_array().unwrap();
    assert_eq!(cols.len(), 20);
    assert_eq!(cols[4]["role"], "question");
    assert_eq!(cols[4]["question"], "objections");
    assert_eq!(cols[0]["role"], "timestamp");
}

#[test]
fn sample_html_is_one_offline_file() {
    let dir = tempfile::tempdir().unwrap();
    report(&sample("2026-Q3.csv"), dir.path()).success();
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("<svg"), "no inline chart");
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<link"));
    for attr in ["src=", "href=", "url("] {
        for (i, _) in html.match_indices(attr) {
            let target = html[i + attr.len()..].trim_start_matches(['"', '\'', '(']);
            assert!(
                target.starts_with('#'),
                "{attr} leaves the file: {}",
                &target[..target.len().min(60)]
            );
        }
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
}

#[test]
fn strict_turns_warnings_into_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ragged.csv");
    let text = std::fs::read_to_string(sample("2026-Q3.csv")).unwrap();
    // A row with a stray extra field is a warning, not an abort.
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let last = format!("{},extra", lines.pop().unwrap());
    lines.push(&last);
    std::fs::write(&f, lines.join("\r\n")).unwrap();
    report(&f, &dir.path().join("lenient"))
        .success()
        .stderr(predicate::str::contains("warning"));
    frontline()
        .arg("report")
        .arg(&f)
        .arg("--strict")
        .arg("--out")
        .arg(dir.path().join("strict"))
        .assert()
        .code(3);
}

#[test]
fn bad_quarter_label_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .args(["--quarter", "H1 2026", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-Q3"));
}
