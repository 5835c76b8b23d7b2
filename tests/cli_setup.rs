//! The commands that set a team up, as a user meets them: `questions`,
//! `init`, `templates`, `completions`, `man`; the `[report]` settings
//! checked before any export is read; `--templates` for report and diff;
//! and every built-in template rendered.

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

const SUBCOMMANDS: [&str; 9] = [
    "report",
    "inspect",
    "normalize",
    "diff",
    "questions",
    "init",
    "templates",
    "completions",
    "man",
];

#[test]
fn questions_prints_both_surveys_in_three_formats() {
    let out = frontline().arg("questions").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("Which product line do you mainly sell?\n"));
    assert!(text.contains("\n\nList three (or more) objections you hear from prospects."));
    frontline()
        .args(["questions", "--team", "marketing"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Which objections do you think prospects raise most?")
                .and(predicate::str::contains(
                    "How long do you think the sales cycle takes?",
                ))
                .and(predicate::str::contains(
                    "Why do you think clients buy from us?",
                ))
                .and(predicate::str::contains("Who do you think the buyer is")),
        );
    frontline()
        .args(["questions", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "section,id,question,answer,google_forms,microsoft_forms,surveymonkey,options,tip\n",
        ));
    frontline()
        .args(["questions", "--format", "markdown", "--team", "marketing"])
        .assert()
        .success()
        .stdout(predicate::str::contains("### 16. `website_feedback`"));
    frontline()
        .args(["questions", "--format", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn init_writes_a_config_that_loads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("frontline.toml");
    frontline()
        .args(["init", "--company", "Northwind Traders", "--out"])
        .arg(&file)
        .assert()
        .success();
    let cfg = frontline::config::Config::load(&file).unwrap();
    assert_eq!(cfg.report.company.as_deref(), Some("Northwind Traders"));
    std::fs::write(&file, "# mine\n").unwrap();
    frontline()
        .args(["init", "--out"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "# mine\n");
    frontline()
        .args(["init", "--force", "--out"])
        .arg(&file)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&file).unwrap().contains("[report]"));
}

/// A config in a temp folder, and a path to an export that does not exist:
/// an error about the config then proves it was checked first.
fn config_with(report: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("frontline.toml");
    std::fs::write(&cfg, format!("[report]\n{report}\n")).unwrap();
    (dir, cfg)
}

#[test]
fn report_settings_are_checked_before_any_export_is_read() {
    let (_d, cfg) = config_with("accent = \"teal\"");
    frontline()
        .args(["report", "missing.csv", "--config"])
        .arg(&cfg)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("frontline.toml: `report.accent`: \"teal\" is not a colour")
                .and(predicate::str::contains("missing.csv").not()),
        );
    let (d, cfg) = config_with("logo = \"logo.svg\"");
    std::fs::write(
        d.path().join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    )
    .unwrap();
    frontline()
        .args(["report", "missing.csv", "--config"])
        .arg(&cfg)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "[report] logo = \"logo.svg\": the SVG logo contains a <script> element",
        ));
    let (_d, cfg) = config_with("logo = \"nowhere.png\"");
    frontline()
        .args(["diff", "a.json", "b.json", "--config"])
        .arg(&cfg)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "[report] logo = \"nowhere.png\": could not read it",
        ));
}

#[test]
fn a_large_logo_is_refused_and_a_good_one_accepted() {
    let (d, cfg) = config_with("logo = \"big.png\"\ntitle = \"Northwind briefing\"");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(300 * 1024, 0);
    std::fs::write(d.path().join("big.png"), &png).unwrap();
    frontline()
        .args(["report", "missing.csv", "--config"])
        .arg(&cfg)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the limit is 204800 bytes"));
    png.truncate(1024);
    std::fs::write(d.path().join("big.png"), &png).unwrap();
    let out = d.path().join("out");
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--config")
        .arg(&cfg)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        md.starts_with("# Northwind briefing: 2026-Q3\n"),
        "{}",
        &md[..60]
    );
}

#[test]
fn exported_templates_are_used_by_report_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    frontline()
        .args(["templates", "--export"])
        .arg(&tpl)
        .assert()
        .success();
    for (name, builtin) in frontline::render::TEMPLATES {
        let file = tpl.join(frontline::render::template_file_name(name));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), builtin, "{name}");
    }
    frontline()
        .args(["templates", "--export"])
        .arg(&tpl)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was written"));
    // Only the files that are there replace built-in ones.
    std::fs::write(
        tpl.join("report.md.tera"),
        "REPORT {{ quarter }} {{ branding.title }}\n",
    )
    .unwrap();
    std::fs::write(
        tpl.join("diff.md.tera"),
        "DIFF {{ old_quarter }} -> {{ new_quarter }}\n",
    )
    .unwrap();
    let out = dir.path().join("q3");
    frontline()
        .arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--templates")
        .arg(&tpl)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert_eq!(
        md,
        "REPORT 2026-Q3 Sales team survey: briefing for marketing\n"
    );
    let d = dir.path().join("d");
    frontline()
        .arg("diff")
        .arg(sample("2026-Q2.csv"))
        .arg(sample("2026-Q3.csv"))
        .arg("--templates")
        .arg(&tpl)
        .arg("--out")
        .arg(&d)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(d.join("diff.md")).unwrap(),
        "DIFF 2026-Q2 -> 2026-Q3\n"
    );
    assert!(
        std::fs::read_to_string(d.join("diff.html"))
            .unwrap()
            .contains("<html")
    );
}

#[test]
fn a_templates_folder_that_would_change_nothing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for args in [["report", "missing.csv"], ["diff", "a.json"]] {
        let mut cmd = frontline();
        cmd.args(args);
        if args[0] == "diff" {
            cmd.arg("b.json");
        }
        cmd.arg("--templates")
            .arg(dir.path().join("nope"))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("not a readable folder"));
    }
    std::fs::write(dir.path().join("report.html"), "x").unwrap();
    frontline()
        .args(["report", "missing.csv", "--templates"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("holds no template").and(predicate::str::contains(
                "report.html is not a template name",
            )),
        );
}

#[test]
fn every_built_in_template_renders() {
    let snapshot = |name: &str| {
        let req = frontline::pipeline::Request {
            exports: vec![sample(name)],
            ..Default::default()
        };
        frontline::pipeline::analyze(&req).unwrap().snapshot
    };
    let (q2, q3) = (snapshot("2026-Q2.csv"), snapshot("2026-Q3.csv"));
    let r = frontline::render::Renderer::new(None).unwrap();
    let view = frontline::briefing::build_with(&q3, Some(&q2), std::slice::from_ref(&q2));
    let diff = frontline::briefing::diff_briefing(&q2, &q3, &frontline::diff::diff(&q2, &q3));
    for (name, builtin) in frontline::render::TEMPLATES {
        let text = match name {
            "report.md" => r.markdown(&view).unwrap(),
            "report.html" => r.html(&view).unwrap(),
            "diff.md" => r.diff_markdown(&diff).unwrap(),
            "diff.html" => r.diff_html(&diff).unwrap(),
            // The stylesheet is rendered into every HTML file.
            "style.css" => {
                let html = r.html(&view).unwrap();
                let first_rule = builtin.lines().find(|l| l.contains('{')).unwrap();
                assert!(html.contains(first_rule.trim()), "style.css not inlined");
                html
            }
            other => panic!("a new built-in template {other}: render it in this test"),
        };
        assert!(text.len() > 200, "{name} rendered almost nothing");
        assert!(text.contains("2026-Q3"), "{name} names no quarter");
    }
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = frontline().args(["completions", shell]).assert().success();
        let script = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions miss {sub}");
        }
        assert!(
            script.contains("include-incomplete"),
            "{shell}: options missing"
        );
    }
    frontline().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_pages_name_every_subcommand() {
    let out = frontline().arg("man").assert().success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq"),
        "not roff: {}",
        &page[..40]
    );
    assert!(page.contains(".TH frontline 1"));
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!("frontline\\-{sub}(1)")),
            "man page misses {sub}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    frontline()
        .args(["man", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    for sub in SUBCOMMANDS {
        let page = std::fs::read_to_string(dir.path().join(format!("frontline-{sub}.1"))).unwrap();
        assert!(
            page.contains(&format!("frontline {sub}")),
            "frontline-{sub}.1"
        );
    }
    assert!(dir.path().join("frontline.1").is_file());
}

/// An export as a form built from `frontline questions` gives it: the
/// question texts as headers, a few reps' answers.
fn form_export(team: frontline::question_bank::Team) -> String {
    let bank = frontline::question_bank::bank();
    let mut w = csv::Writer::from_writer(vec![]);
    let mut header = vec!["Timestamp".to_string()];
    header.extend(bank.segments.iter().map(|s| s.wording(team).to_string()));
    header.extend(bank.questions.iter().map(|q| q.wording(team).to_string()));
    w.write_record(&header).unwrap();
    for rep in 0..6 {
        let mut row = vec![format!("2026-08-{:02} 10:00:00", rep + 3)];
        row.extend(
            bank.segments
                .iter()
                .map(|s| s.options(team)[rep % 2].clone()),
        );
        for q in &bank.questions {
            row.push(match q.id.as_str() {
                "cycle_length" => "3-6 months".into(),
                "website_value" | "website_audience_fit" => "Partly, missing pricing".into(),
                "buyer_personas" | "influencers" => "VP Finance\nIT manager".into(),
                _ => "Price is too high\nSecurity review takes long".into(),
            });
        }
        w.write_record(&row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn a_form_built_from_the_questions_is_read_back_whole() {
    use frontline::question_bank::Team;
    for team in [Team::Sales, Team::Marketing] {
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("form.csv");
        std::fs::write(&export, form_export(team)).unwrap();
        let out = dir.path().join("out");
        frontline()
            .arg("report")
            .arg(&export)
            .arg("--out")
            .arg(&out)
            .current_dir(dir.path())
            .assert()
            .success();
        let snap: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("snapshot.json")).unwrap())
                .unwrap();
        let questions = snap["questions"].as_array().unwrap();
        assert_eq!(questions.len(), 16, "{team:?}: {}", snap["data_quality"]);
        let segments: Vec<&str> = snap["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        for s in [
            "product_line",
            "company_size",
            "vertical",
            "region",
            "team",
            "tenure",
        ] {
            assert!(
                segments.contains(&s),
                "{team:?}: segment {s} not read: {segments:?}"
            );
        }
    }
}
