//! Issue 12 as a user meets it: `report SALES --marketing MARKETING
//! --messaging FILE` on the sample, the same from `[alignment]` in
//! frontline.toml, and the errors for a bad setting or a missing file,
//! given before any export is read.

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

#[test]
fn report_with_marketing_and_messaging_puts_the_gaps_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q3");
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--marketing")
        .arg(sample("2026-Q3-marketing.csv"))
        .arg("--messaging")
        .arg(sample("northwind-product-page.html"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let at = |s: &str| {
        md.find(s)
            .unwrap_or_else(|| panic!("no {s:?} in report.md"))
    };
    assert!(at("## Summary") < at("### Where marketing and sales disagree most"));
    assert!(
        at("### Where marketing and sales disagree most") < at("## Marketing and sales alignment")
    );
    assert!(at("## Marketing and sales alignment") < at("## Messaging inputs"));
    assert!(md.contains(
        "Security and compliance: 70% of reps hear it as an objection, 8% of marketers expect it; no claim of the messaging addresses it."
    ));
    assert!(md.contains(
        "| Security and compliance | 70% | 8% | +62 pts | p < 0.001 · n 30 / 13 | Blind spot |"
    ));
    assert!(md.contains("Ease of use | 0 | 31% (n 29) | 4% | Missing"));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<section id=\"alignment\""));
    assert!(html.contains("<a href=\"#alignment\">Marketing and sales alignment</a>"));
    assert!(
        html.contains("Blind spot &#x2F; Overestimated"),
        "legend entry"
    );
    let snap = std::fs::read_to_string(out.join("snapshot.json")).unwrap();
    assert!(snap.contains("\"schema\": 2") && snap.contains("\"alignment\": {"));
    for (f, text) in [
        ("report.md", &md),
        ("report.html", &html),
        ("snapshot.json", &snap),
    ] {
        assert!(
            !text.contains("@northwindsoft.example"),
            "{f} leaks an email"
        );
    }
}

#[test]
fn the_config_names_marketing_and_messaging_relative_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("2026-Q3-marketing.csv"), dir.path().join("m.csv")).unwrap();
    std::fs::copy(
        sample("northwind-product-page.html"),
        dir.path().join("page.html"),
    )
    .unwrap();
    let config = dir.path().join("frontline.toml");
    std::fs::write(
        &config,
        "[alignment]\nmarketing = [\"m.csv\"]\nmessaging = \"page.html\"\n",
    )
    .unwrap();
    let out = dir.path().join("q3");
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--config")
        .arg(&config)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("## Marketing and sales alignment"));
    assert!(md.contains("10 claims read from the messaging."));
}

#[test]
fn a_bad_threshold_is_refused_before_any_export_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("frontline.toml");
    std::fs::write(&config, "[alignment]\nbacked_share = 2\n").unwrap();
    frontline()
        .arg("report")
        .arg(dir.path().join("no-such-export.csv"))
        .arg("--config")
        .arg(&config)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("alignment.backed_share")
                .and(predicate::str::contains("frontline.toml"))
                .and(predicate::str::contains("no-such-export").not()),
        );
}

#[test]
fn a_missing_marketing_export_in_the_config_names_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("frontline.toml");
    std::fs::write(&config, "[alignment]\nmarketing = [\"gone.csv\"]\n").unwrap();
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--config")
        .arg(&config)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("alignment.marketing")
                .and(predicate::str::contains("gone.csv")),
        );
}

#[test]
fn messaging_without_marketing_is_a_usage_error() {
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--messaging")
        .arg(sample("northwind-product-page.html"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--marketing"));
}

/// The score over quarters: `--history` gives its trend, `diff` the
/// score in both quarters and the gaps that opened or closed. (The sample
/// has one marketing survey; it stands for both quarters here.)
#[test]
fn history_gives_the_score_trend_and_diff_the_alignment_changes() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for q in ["2026-Q2", "2026-Q3"] {
        frontline()
            .arg("report")
            .arg(sample(&format!("{q}.csv")))
            .arg("--marketing")
            .arg(sample("2026-Q3-marketing.csv"))
            .arg("--history")
            .arg(&reports)
            .arg("--out")
            .arg(reports.join(q))
            .assert()
            .success();
    }
    let md = std::fs::read_to_string(reports.join("2026-Q3/report.md")).unwrap();
    let line = md
        .lines()
        .find(|l| l.contains("**Alignment score:"))
        .expect("the score line");
    assert!(line.contains("over the quarters: 2026-Q2 "), "{line}");
    assert!(line.contains(" · 2026-Q3 "), "{line}");
    assert!(
        md.contains("Alignment score (marketing and sales)"),
        "trend line"
    );
    let out = dir.path().join("diff");
    frontline()
        .arg("diff")
        .arg(reports.join("2026-Q2"))
        .arg(reports.join("2026-Q3"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let diff = std::fs::read_to_string(out.join("diff.md")).unwrap();
    let section = &diff[diff
        .find("## Marketing and sales alignment")
        .expect("alignment section in diff.md")..];
    assert!(section.contains("Alignment score: "), "{section}");
    // Security: in Q2 6 of 30 reps raised it (aligned with marketing's 1
    // of 13); in Q3 21 of 30 (a blind spot).
    assert!(
        section.contains("Security and compliance (“Objections prospects raise”): was aligned"),
        "{section}"
    );
    assert!(section.contains("now a blind spot (+62 pts)"), "{section}");
}
