//! The inputs the fuzz targets found (`tests/fuzz-regressions/`, listed in
//! its EXPECTED.toml), run through the same library call as the target that
//! found each, and through `frontline inspect` when it is an export: no
//! panic, and a refused input is refused with the words expected. A listed
//! file that is missing fails the test.

use assert_cmd::Command;
use frontline::ingest::{
    ColumnRules, Input, ReadOptions, classify_header, inspect_input, match_question, place_columns,
    read_inputs,
};
use frontline::normalize::durations::parse_durations;
use frontline::normalize::personas::explain_personas;
use frontline::normalize::split::split_items;
use serde::Deserialize;
use std::io::Cursor;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Manifest {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    target: String,
    file: String,
    found: String,
    why: String,
    error: Option<Vec<String>>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions")
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(dir().join("EXPECTED.toml")).expect("EXPECTED.toml");
    toml::from_str::<Manifest>(&text)
        .expect("EXPECTED.toml parses")
        .case
}

/// What the target's call made of `data`: `Err` with the message when an
/// export was refused, `Ok` otherwise (the text targets never refuse).
fn run_target(target: &str, data: &[u8]) -> Result<(), String> {
    let rules = ColumnRules::default();
    let opts = ReadOptions::default();
    let read = |name: &str| {
        let input = Input::from_reader(name, Cursor::new(data.to_vec()));
        read_inputs(vec![input], &rules, &opts).map(drop)
    };
    let text = String::from_utf8_lossy(data);
    match target {
        "export" => {
            let input = Input::from_reader("export.csv", Cursor::new(data.to_vec()));
            let inspected = inspect_input(input, &rules, &opts).map(drop);
            read("export.csv").and(inspected).map_err(|e| e.to_string())
        }
        "xlsx" => read("export.xlsx").map_err(|e| e.to_string()),
        "split" => {
            split_items(&text);
            Ok(())
        }
        "durations" => {
            parse_durations(&text);
            Ok(())
        }
        "personas" => {
            explain_personas(&text);
            Ok(())
        }
        "headers" => {
            let rows: Vec<Vec<String>> = text
                .lines()
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect();
            for h in rows.first().into_iter().flatten() {
                let _ = (match_question(h), classify_header(h, &rules));
            }
            place_columns(&rows, &rules, None);
            Ok(())
        }
        other => panic!("EXPECTED.toml names no fuzz target `{other}`"),
    }
}

fn check(outcome: &Result<(), String>, case: &Case, via: &str) {
    match (&case.error, outcome) {
        (None, _) => {}
        (Some(_), Ok(())) => panic!("{} ({via}): read, but must be refused", case.file),
        (Some(words), Err(msg)) => {
            for w in words {
                assert!(
                    msg.contains(w.as_str()),
                    "{} ({via}): {msg:?} lacks {w:?}",
                    case.file
                );
            }
        }
    }
}

#[test]
fn every_fuzz_finding_stays_fixed_in_the_library() {
    let cases = cases();
    assert!(!cases.is_empty(), "EXPECTED.toml lists no case");
    for case in &cases {
        assert!(
            !case.found.is_empty() && !case.why.is_empty(),
            "{}: say when and why",
            case.file
        );
        let data = std::fs::read(dir().join(&case.file)).expect("a listed input exists");
        check(&run_target(&case.target, &data), case, "library");
    }
}

#[test]
fn every_fuzzed_export_is_answered_by_inspect_without_a_panic() {
    for case in cases()
        .iter()
        .filter(|c| matches!(c.target.as_str(), "export" | "xlsx"))
    {
        let out = Command::cargo_bin("frontline")
            .unwrap()
            .arg("inspect")
            .arg(dir().join(&case.file))
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(matches!(code, Some(0 | 1)), "{}: exit {code:?}", case.file);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let outcome = if code == Some(0) {
            Ok(())
        } else {
            Err(stderr.into_owned())
        };
        check(&outcome, case, "inspect");
    }
}
