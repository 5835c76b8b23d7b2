//! The forged-snapshot half of the bad-input corpus
//! (`tests/bad-inputs/snapshots/cases.toml`): each case is the frozen
//! schema-1 snapshot with one edit, given to `frontline diff` without
//! `--out`; the outcome must be the one the manifest states, with a message
//! that names the file and the key, and nothing may be written outside the
//! folder the diff runs in.

use assert_cmd::cargo::cargo_bin;
use serde::Deserialize;
use std::path::Path;
use std::process::Command;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    pointer: String,
    value: String,
    #[serde(default)]
    bom: bool,
    exit: i32,
    stderr: String,
}

fn repo(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn forged(case: &Case) -> String {
    let frozen = std::fs::read_to_string(repo("tests/data/snapshots/schema-1.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&frozen).unwrap();
    if !case.pointer.is_empty() {
        let slot = v
            .pointer_mut(&case.pointer)
            .unwrap_or_else(|| panic!("{}: no {} in the frozen snapshot", case.name, case.pointer));
        *slot = serde_json::from_str(&case.value).unwrap();
    }
    let text = serde_json::to_string_pretty(&v).unwrap();
    if case.bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

#[test]
fn every_forged_snapshot_gets_its_stated_outcome() {
    let text = std::fs::read_to_string(repo("tests/bad-inputs/snapshots/cases.toml")).unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    assert!(cases.case.len() >= 10, "the manifest lost cases");
    for case in &cases.case {
        let root = tempfile::tempdir().unwrap();
        let work = root.path().join("a").join("b");
        std::fs::create_dir_all(&work).unwrap();
        let file = work.join(format!("{}.json", case.name));
        std::fs::write(&file, forged(case)).unwrap();
        let out = Command::new(cargo_bin("frontline"))
            .current_dir(&work)
            .arg("diff")
            .arg(&file)
            .arg(&file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(case.exit),
            "{}: {stderr}",
            case.name
        );
        assert!(stderr.contains(&case.stderr), "{}: {stderr}", case.name);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        if case.exit != 0 {
            assert!(
                stderr.contains(&format!("{}.json", case.name)),
                "{}: names no file",
                case.name
            );
        }
        // Nothing escaped the working folder.
        let above: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(above, ["a"], "{}: wrote outside its folder", case.name);
        assert!(!Path::new("/tmp/frontline-escaped").exists());
    }
}
