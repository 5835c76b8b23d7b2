//! Write safety (issue 9): a closed or full standard output, a kill at any
//! step of writing, another quarter's report in the folder, a symlinked
//! output file and two runs into one folder. Each test runs the binary.

use assert_cmd::cargo::cargo_bin;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const REPORT: [&str; 3] = ["report.md", "report.html", "snapshot.json"];

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

/// A `frontline report` command on the Q3 sample with `title` as the
/// report's title, so that two runs give different files.
fn report_cmd(dir: &Path, out: &Path, title: &str) -> Command {
    let config = dir.join(format!("{}.toml", title.replace(' ', "_")));
    fs::write(&config, format!("title = \"{title}\"\n")).unwrap();
    let mut c = Command::new(cargo_bin("frontline"));
    c.arg("report")
        .arg(sample("2026-Q3.csv"))
        .arg("--out")
        .arg(out)
        .arg("--config")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The three files of a complete report run with `title`.
fn reference(dir: &Path, title: &str) -> BTreeMap<String, Vec<u8>> {
    let out = dir.join(format!("ref-{}", title.replace(' ', "_")));
    assert!(report_cmd(dir, &out, title).status().unwrap().success());
    files_of(&out)
}

/// No staging folder or temporary file is left beside or in `out`.
fn no_leftovers(parent: &Path) {
    for e in fs::read_dir(parent).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(!name.contains(".frontline-"), "leftover {name}");
    }
}

#[test]
fn closed_stdout_is_a_quiet_exit_for_report_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q3");
    for args in [
        vec![
            "report".into(),
            sample("2026-Q3.csv"),
            "--out".into(),
            out.clone(),
        ],
        vec![
            "diff".into(),
            sample("2026-Q2.csv"),
            sample("2026-Q3.csv"),
            "--format".into(),
            "json".into(),
        ],
    ] {
        let mut child = Command::new(cargo_bin("frontline"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the run prints anything.
        drop(child.stdout.take());
        let done = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(
        files_of(&out).len(),
        3,
        "the report is written all the same"
    );
}

#[test]
fn full_stdout_is_exit_4_with_a_message() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let q3 = dir.path().join("q3");
    let runs: [Vec<PathBuf>; 3] = [
        vec![
            "report".into(),
            sample("2026-Q3.csv"),
            "--out".into(),
            q3.clone(),
        ],
        vec![
            "diff".into(),
            q3.clone(),
            q3.clone(),
            "--format".into(),
            "json".into(),
        ],
        vec![
            "diff".into(),
            q3.clone(),
            q3.clone(),
            "--out".into(),
            dir.path().join("d"),
        ],
    ];
    for args in runs {
        let done = Command::new(cargo_bin("frontline"))
            .args(&args)
            .stdout(fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(4), "{args:?}: {stderr}");
        assert!(stderr.contains("standard output"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(files_of(&q3).len(), 3);
    assert_eq!(files_of(&dir.path().join("d")).len(), 2);
}

/// Aborts a rerun at every named step of the write: the folder holds the
/// complete old set or the complete new one, and the user's own file stays.
#[test]
fn a_kill_at_any_step_leaves_the_old_or_the_new_set() {
    let dir = tempfile::tempdir().unwrap();
    let old = reference(dir.path(), "Old title");
    let new = reference(dir.path(), "New title");
    assert_ne!(old, new);
    let steps = [
        ("staged:report.md", false),
        ("staged:report.html", false),
        ("staged:snapshot.json", false),
        ("before-swap", false),
        ("after-swap", true),
    ];
    for (step, expect_new) in steps {
        let parent = dir.path().join(format!("run-{}", step.replace(':', "-")));
        let out = parent.join("2026-Q3");
        assert!(
            report_cmd(dir.path(), &out, "Old title")
                .status()
                .unwrap()
                .success()
        );
        fs::write(out.join("notes.txt"), "mine").unwrap();
        let done = report_cmd(dir.path(), &out, "New title")
            .env("FRONTLINE_TEST_ABORT_AT", step)
            .output()
            .unwrap();
        assert!(!done.status.success(), "{step}: the run was not aborted");
        let mut got = files_of(&out);
        assert_eq!(
            got.remove("notes.txt").as_deref(),
            Some(&b"mine"[..]),
            "{step}"
        );
        let want = if expect_new { &new } else { &old };
        assert!(
            &got == want,
            "{step}: the folder holds a mixed or partial set"
        );
        // The next run finishes the job and leaves nothing behind once the
        // leftovers are old; here it must at least write the complete set.
        assert!(
            report_cmd(dir.path(), &out, "New title")
                .status()
                .unwrap()
                .success()
        );
        let mut got = files_of(&out);
        got.remove("notes.txt");
        assert!(got == new, "{step}: the rerun did not write the new set");
    }
}

/// A first run killed before its folder exists leaves no folder at all.
#[test]
fn a_kill_before_the_first_report_leaves_no_partial_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2026-Q3");
    for step in ["staged:report.html", "before-swap"] {
        let done = report_cmd(dir.path(), &out, "T")
            .env("FRONTLINE_TEST_ABORT_AT", step)
            .output()
            .unwrap();
        assert!(!done.status.success());
        assert!(!out.exists(), "{step}: a partial report folder appeared");
    }
}

/// SIGKILL at spread-out moments of a real run, not only at named steps.
#[cfg(unix)]
#[test]
fn sigkill_at_random_moments_never_mixes_sets() {
    let dir = tempfile::tempdir().unwrap();
    let old = reference(dir.path(), "Old title");
    let new = reference(dir.path(), "New title");
    let out = dir.path().join("killed").join("2026-Q3");
    assert!(
        report_cmd(dir.path(), &out, "Old title")
            .status()
            .unwrap()
            .success()
    );
    // Time a full run, then kill at fractions of it (a fixed spread, so the
    // test is repeatable in what it tries).
    let t = std::time::Instant::now();
    assert!(
        report_cmd(dir.path(), &out, "Old title")
            .status()
            .unwrap()
            .success()
    );
    let full = t.elapsed();
    for k in 0..6u32 {
        let at = full.mul_f64(0.6 + f64::from(k) * 0.08);
        let mut child = report_cmd(dir.path(), &out, "New title").spawn().unwrap();
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let got = files_of(&out);
        assert!(
            got == old || got == new,
            "kill at {at:?}: a mixed or partial set"
        );
        // Back to the old set for the next try.
        assert!(
            report_cmd(dir.path(), &out, "Old title")
                .status()
                .unwrap()
                .success()
        );
    }
}

#[test]
fn another_quarters_report_is_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let run = |export: &str, force: bool| {
        let mut c = Command::new(cargo_bin("frontline"));
        c.arg("report").arg(sample(export)).arg("--out").arg(&out);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    assert!(run("2026-Q2.csv", false).status.success());
    let before = files_of(&out);
    let refused = run("2026-Q3.csv", false);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("2026-Q2") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(files_of(&out), before, "the Q2 report was touched");
    assert!(run("2026-Q3.csv", true).status.success());
    let snap = fs::read_to_string(out.join("snapshot.json")).unwrap();
    assert!(snap.contains("\"quarter\": \"2026-Q3\""));
    // The same quarter again needs no --force.
    assert!(run("2026-Q3.csv", false).status.success());
    no_leftovers(dir.path());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_file_is_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q3");
    fs::create_dir(&out).unwrap();
    let target = dir.path().join("elsewhere.txt");
    fs::write(&target, "precious").unwrap();
    std::os::unix::fs::symlink(&target, out.join("report.html")).unwrap();
    let done = report_cmd(dir.path(), &out, "T").output().unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("report.html") && stderr.contains("link"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "precious");
    // Same for `normalize --out`.
    let link = dir.path().join("coded.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let done = Command::new(cargo_bin("frontline"))
        .arg("normalize")
        .arg(sample("2026-Q3.csv"))
        .arg("--out")
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(4));
    assert_eq!(fs::read_to_string(&target).unwrap(), "precious");
}

#[test]
fn two_runs_into_one_folder_leave_one_complete_set() {
    let dir = tempfile::tempdir().unwrap();
    let a = reference(dir.path(), "Run A");
    let b = reference(dir.path(), "Run B");
    for round in 0..3 {
        let out = dir.path().join(format!("shared-{round}")).join("2026-Q3");
        let mut ca = report_cmd(dir.path(), &out, "Run A").spawn().unwrap();
        let mut cb = report_cmd(dir.path(), &out, "Run B").spawn().unwrap();
        assert!(ca.wait().unwrap().success());
        assert!(cb.wait().unwrap().success());
        let got = files_of(&out);
        assert!(
            got == a || got == b,
            "round {round}: the runs mixed their files"
        );
        no_leftovers(out.parent().unwrap());
    }
}

/// A folder holding a subfolder cannot be swapped: each file is still
/// replaced whole (never a partial file), and the subfolder stays.
#[test]
fn a_folder_with_subfolders_gets_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let old = reference(dir.path(), "Old title");
    let new = reference(dir.path(), "New title");
    let out = dir.path().join("mixed-use");
    fs::create_dir_all(out.join("keep-me")).unwrap();
    assert!(
        report_cmd(dir.path(), &out, "Old title")
            .status()
            .unwrap()
            .success()
    );
    for step in ["staged:report.html", "renamed:0", "renamed:1"] {
        let done = report_cmd(dir.path(), &out, "New title")
            .env("FRONTLINE_TEST_ABORT_AT", step)
            .output()
            .unwrap();
        assert!(!done.status.success());
        for name in REPORT {
            let got = fs::read(out.join(name)).unwrap();
            assert!(
                got == old[name] || got == new[name],
                "{step}: {name} is partial"
            );
        }
        assert!(out.join("keep-me").is_dir());
    }
}
