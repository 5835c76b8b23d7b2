//! Coding runs on every core (rayon), and the outputs do not depend on how
//! many: `report` and `normalize` on a generated export give the same
//! bytes with `RAYON_NUM_THREADS` set to 1, 2 and 4. Each thread count is
//! its own process, since rayon sizes its pool once per process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

const THREADS: [&str; 3] = ["1", "2", "4"];

fn frontline(threads: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_frontline"));
    c.env("RAYON_NUM_THREADS", threads);
    c
}

/// Waits for every child, failing with its stderr when one fails.
fn wait_all(children: Vec<Child>) {
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Runs one command per thread count at once (separate processes), each
/// writing to `out(threads)`.
fn run_each(args: &[&str], out: impl Fn(&str) -> PathBuf) {
    let children = THREADS
        .iter()
        .map(|t| {
            frontline(t)
                .args(args)
                .arg("--quiet")
                .arg("--out")
                .arg(out(t))
                .stderr(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    wait_all(children);
}

/// Every file of a folder, by name.
fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn generated_export(dir: &Path) -> PathBuf {
    let export = dir.join("export.csv");
    let status = frontline("1")
        .args(["sample", "--responses", "40", "--seed", "3", "--out"])
        .arg(&export)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(std::fs::metadata(&export).unwrap().len() > 20_000);
    export
}

#[test]
fn outputs_are_the_same_bytes_on_one_two_and_four_threads() {
    let dir = tempfile::tempdir().unwrap();
    let export = generated_export(dir.path());
    let export = export.to_str().unwrap();

    run_each(&["report", export], |t| {
        dir.path().join(format!("report-{t}"))
    });
    let one = files_of(&dir.path().join("report-1"));
    for name in ["report.md", "report.html", "snapshot.json"] {
        assert!(one.get(name).is_some_and(|b| b.len() > 1000), "{name}");
    }
    for t in &THREADS[1..] {
        let other = files_of(&dir.path().join(format!("report-{t}")));
        assert_eq!(
            one.keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &one {
            assert!(bytes == &other[name], "{name} differs on {t} threads");
        }
    }

    for (format, extra) in [("jsonl", None), ("csv", Some("--explain"))] {
        let mut args = vec!["normalize", export, "--format", format, "--redact"];
        args.extend(extra);
        let out = |t: &str| dir.path().join(format!("coded-{t}.{format}"));
        run_each(&args, out);
        let one = std::fs::read(out("1")).unwrap();
        assert!(one.len() > 20_000, "{format}: {} bytes", one.len());
        for t in &THREADS[1..] {
            let other = std::fs::read(out(t)).unwrap();
            assert!(one == other, "{format} differs on {t} threads");
        }
    }
}
