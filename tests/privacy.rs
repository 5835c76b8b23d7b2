//! Privacy, planted and checked (issue 9): `tests/bad-inputs/privacy/
//! planted.csv` carries names, email local parts, phone numbers, an IBAN, a
//! card number, free-text and rare segment values, URLs and invisible
//! characters; `expected.toml` says where each may appear. Every command
//! runs on it and every byte it writes (files, stdout, stderr) is searched.

use assert_cmd::cargo::cargo_bin;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Deserialize)]
struct Expected {
    planted: Vec<Planted>,
    kept: Vec<Kept>,
}

#[derive(Deserialize)]
struct Planted {
    what: String,
    text: String,
    reach: String,
}

#[derive(Deserialize)]
struct Kept {
    text: String,
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad-inputs/privacy")
        .join(name)
}

/// Runs frontline; returns stdout and stderr, both kept as outputs.
fn run(args: &[&std::ffi::OsStr], outputs: &mut BTreeMap<String, String>, label: &str) {
    let out = Command::new(cargo_bin("frontline"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{label}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    outputs.insert(
        format!("{label} stdout"),
        String::from_utf8_lossy(&out.stdout).into(),
    );
    outputs.insert(
        format!("{label} stderr"),
        String::from_utf8_lossy(&out.stderr).into(),
    );
}

fn read_dir_into(dir: &Path, outputs: &mut BTreeMap<String, String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        outputs.insert(name, std::fs::read_to_string(e.path()).unwrap());
    }
}

/// Every output of every command on the planted export; the names of the
/// `normalize` outputs without --redact start with "as-written".
fn all_outputs() -> BTreeMap<String, String> {
    let planted = corpus("planted.csv");
    assert!(planted.is_file(), "the planted export is missing");
    let dir = tempfile::tempdir().unwrap();
    let (report, diff) = (dir.path().join("report"), dir.path().join("diff"));
    let q2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/2026-Q2.csv");
    let mut o = BTreeMap::new();
    let os = |s: &str| std::ffi::OsString::from(s);
    run(
        &[
            &os("report"),
            planted.as_os_str(),
            &os("--out"),
            report.as_os_str(),
        ],
        &mut o,
        "report",
    );
    read_dir_into(&report, &mut o);
    run(
        &[
            &os("diff"),
            q2.as_os_str(),
            report.as_os_str(),
            &os("--out"),
            diff.as_os_str(),
        ],
        &mut o,
        "diff",
    );
    read_dir_into(&diff, &mut o);
    run(
        &[
            &os("diff"),
            q2.as_os_str(),
            planted.as_os_str(),
            &os("--format"),
            &os("json"),
        ],
        &mut o,
        "diff json",
    );
    run(
        &[&os("normalize"), planted.as_os_str(), &os("--redact")],
        &mut o,
        "normalize --redact",
    );
    run(
        &[
            &os("normalize"),
            planted.as_os_str(),
            &os("--redact"),
            &os("--format"),
            &os("csv"),
        ],
        &mut o,
        "normalize --redact csv",
    );
    run(
        &[&os("normalize"), planted.as_os_str()],
        &mut o,
        "as-written normalize",
    );
    run(
        &[
            &os("normalize"),
            planted.as_os_str(),
            &os("--format"),
            &os("csv"),
        ],
        &mut o,
        "as-written normalize csv",
    );
    run(&[&os("inspect"), planted.as_os_str()], &mut o, "inspect");
    o
}

fn expected() -> Expected {
    toml::from_str(&std::fs::read_to_string(corpus("expected.toml")).unwrap()).unwrap()
}

#[test]
fn nothing_planted_reaches_an_output() {
    let outputs = all_outputs();
    assert!(
        outputs.len() >= 15,
        "not every output was collected: {:?}",
        outputs.keys()
    );
    let exp = expected();
    let mut leaks = vec![];
    for p in &exp.planted {
        for (name, text) in &outputs {
            let allowed = p.reach == "as-written" && name.starts_with("as-written");
            let n = text.matches(p.text.as_str()).count();
            if n > 0 && !allowed {
                leaks.push(format!("{} ({:?}): {n} in {name}", p.what, p.text));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "planted data reached outputs:\n{}",
        leaks.join("\n")
    );
}

#[test]
fn numbers_that_are_not_phones_survive_redaction() {
    let outputs = all_outputs();
    let redacted = &outputs["normalize --redact stdout"];
    for k in expected().kept {
        assert!(redacted.contains(&k.text), "{:?} was redacted", k.text);
    }
    assert!(
        redacted.contains("[phone]") && redacted.contains("[iban]") && redacted.contains("[card]")
    );
}

#[test]
fn markdown_has_no_live_links_and_html_has_the_policy() {
    let outputs = all_outputs();
    for name in ["report.md", "diff.md"] {
        let md = &outputs[name];
        assert!(!md.contains("www."), "{name} has an autolinkable www.");
        assert!(!md.contains("://"), "{name} has an autolinkable URL");
        let unescaped_at = md.match_indices('@').any(|(i, _)| !md[..i].ends_with('\\'));
        assert!(!unescaped_at, "{name} has an autolinkable email");
    }
    assert!(
        outputs["report.md"].contains("www\\.emea.example"),
        "the segment value is still shown"
    );
    let csp = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#;
    for name in ["report.html", "diff.html"] {
        assert!(outputs[name].contains(csp), "{name} lacks the CSP meta tag");
    }
}

#[test]
fn no_bidi_or_zero_width_character_in_any_output() {
    for (name, text) in all_outputs() {
        let bad: Vec<char> = text
            .chars()
            .filter(|c| frontline::privacy::is_invisible(*c))
            .collect();
        assert!(bad.is_empty(), "{name} holds {bad:?}");
    }
}
