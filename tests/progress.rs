//! The progress bar is for people at a terminal: with standard error piped
//! (as here, and in every script) nothing of it is written, with or
//! without `--quiet`, and the outputs are the same either way.

use assert_cmd::Command;

fn run(args: &[&str], out: &std::path::Path) -> (Vec<u8>, String) {
    let o = Command::cargo_bin("frontline")
        .unwrap()
        .args(args)
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (
        o.stderr,
        std::fs::read_to_string(out.join("snapshot.json")).unwrap_or_default(),
    )
}

#[test]
fn no_bar_off_a_terminal_and_quiet_changes_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let export = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/2026-Q3.csv");
    let (err, loud) = run(&["report", export, "--out"], &dir.path().join("a"));
    let text = String::from_utf8(err).unwrap();
    assert!(
        !text.contains("responses,") && !text.contains('\u{1b}'),
        "{text}"
    );
    let (err, quiet) = run(
        &["report", export, "--quiet", "--out"],
        &dir.path().join("b"),
    );
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    assert_eq!(loud, quiet);
    let coded = dir.path().join("coded.jsonl");
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["normalize", export, "-q", "--out"])
        .arg(&coded)
        .assert()
        .success();
    assert!(std::fs::metadata(&coded).unwrap().len() > 1000);
}
