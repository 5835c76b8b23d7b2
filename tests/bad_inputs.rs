//! The bad-input corpus (`tests/bad-inputs/`, expected outcomes in its
//! EXPECTED.toml) through every command that reads exports: `report`,
//! `inspect` and `normalize`. Each run must end with the expected exit
//! code (never 101, a panic) within a minute, a failing run's stderr must
//! name the input and say what is wrong, and text listed as absent must
//! reach neither the terminal nor any output file. Large inputs are
//! generated in a temp folder; `slow` ones run with `--ignored`.

mod support;

use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Deserialize)]
struct Manifest {
    input: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    name: String,
    kind: String,
    why: String,
    exit: i32,
    inspect: Option<i32>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    report_stdout: Vec<String>,
    #[serde(default)]
    inspect_stdout: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    slow: bool,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs")
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(corpus().join("EXPECTED.toml")).expect("EXPECTED.toml");
    toml::from_str(&text).expect("EXPECTED.toml parses")
}

/// A good 30-row export, for the stream cases.
fn good_export() -> PathBuf {
    corpus().join("mixed-line-endings.csv")
}

/// What to feed the command: where the export is and how it arrives.
enum Feed {
    Path(PathBuf),
    /// `-` or `/dev/stdin`, with these bytes piped in (`None`: endless).
    Stdin(&'static str, Option<Vec<u8>>),
    /// A FIFO with a writer of this file.
    Fifo(PathBuf, PathBuf),
    /// `<(cat file)` through bash.
    Substitution(PathBuf),
    Args(Vec<&'static str>),
}

/// The feed for an input, and the name its messages must carry.
fn feed(e: &Expected, dir: &Path) -> (Feed, String) {
    let read = |p: &Path| Some(std::fs::read(p).unwrap());
    match (e.kind.as_str(), e.name.as_str()) {
        ("file", name) => (Feed::Path(corpus().join(name)), name.to_string()),
        ("generated", name) => {
            let p = support::generate::generate(name, dir).expect("a generator");
            (Feed::Path(p), name.to_string())
        }
        (_, "stdin") => (
            Feed::Stdin("-", read(&good_export())),
            "standard input".into(),
        ),
        (_, "dev-stdin") => (
            Feed::Stdin("/dev/stdin", read(&good_export())),
            "/dev/stdin".into(),
        ),
        (_, "endless-stdin") => (Feed::Stdin("-", None), "standard input".into()),
        (_, "process-substitution") => (Feed::Substitution(good_export()), "/dev/fd/".into()),
        (_, "fifo") => {
            let fifo = dir.join("export.fifo");
            if !fifo.exists() {
                let ok = Command::new("mkfifo").arg(&fifo).status().unwrap();
                assert!(ok.success());
            }
            (Feed::Fifo(fifo, good_export()), "export.fifo".into())
        }
        (_, "dev-zero") => (Feed::Path("/dev/zero".into()), "/dev/zero".into()),
        (_, "dev-urandom") => (Feed::Path("/dev/urandom".into()), "/dev/urandom".into()),
        (_, "directory") => (Feed::Path(dir.to_path_buf()), dir.display().to_string()),
        (_, "stdin-twice") => (Feed::Args(vec!["-", "-"]), "standard input".into()),
        (k, n) => panic!("unknown input {n} of kind {k}"),
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    outputs: Vec<String>,
}

/// Runs `frontline <cmd>` on the feed, killing it after a minute.
fn run(cmd: &str, feed: &Feed, extra: &[String], out: &Path) -> Run {
    let bin = env!("CARGO_BIN_EXE_frontline");
    let _ = std::fs::remove_dir_all(out);
    let mut tail: Vec<String> = match cmd {
        "report" => vec!["--out".into(), out.display().to_string()],
        "normalize" => vec![
            "--out".into(),
            out.join("coded.jsonl").display().to_string(),
        ],
        _ => vec![],
    };
    tail.extend(extra.iter().cloned());
    let mut c = match feed {
        Feed::Substitution(file) => {
            let mut c = Command::new("bash");
            c.arg("-c")
                .arg(r#"bin="$1"; cmd="$2"; f="$3"; shift 3; exec "$bin" "$cmd" <(cat "$f") "$@""#)
                .arg("bash")
                .arg(bin)
                .arg(cmd)
                .arg(file);
            c
        }
        _ => {
            let mut c = Command::new(bin);
            c.arg(cmd);
            c
        }
    };
    match feed {
        Feed::Path(p) | Feed::Fifo(p, _) => {
            c.arg(p);
        }
        Feed::Stdin(arg, _) => {
            c.arg(arg);
        }
        Feed::Args(a) => {
            c.args(a);
        }
        Feed::Substitution(_) => {}
    }
    c.args(&tail);
    c.stdin(if matches!(feed, Feed::Stdin(..)) {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let writer = match feed {
        Feed::Stdin(_, bytes) => {
            let mut stdin = child.stdin.take().unwrap();
            let bytes = bytes.clone();
            Some(std::thread::spawn(move || match bytes {
                Some(b) => {
                    let _ = stdin.write_all(&b);
                }
                None => {
                    let row = b"9/1/2026 10:00:00,a@x.example,Price,3 months\n".repeat(1000);
                    let _ = stdin.write_all(support::generate::HEADER.as_bytes());
                    let _ = stdin.write_all(b"\n");
                    while stdin.write_all(&row).is_ok() {}
                }
            }))
        }
        Feed::Fifo(fifo, file) => {
            let (fifo, file) = (fifo.clone(), file.clone());
            Some(std::thread::spawn(move || {
                // Opening for writing waits for the reader; a reader that
                // refuses early leaves this open pending, hence the timeout
                // thread below never joins it.
                if let Ok(mut w) = std::fs::OpenOptions::new().write(true).open(&fifo) {
                    let _ = w.write_all(&std::fs::read(file).unwrap());
                }
            }))
        }
        _ => None,
    };
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let read_all = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = vec![];
            let _ = r.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let (o, e) = (read_all(Box::new(stdout)), read_all(Box::new(stderr)));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("frontline {cmd} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if let (Some(w), false) = (writer, matches!(feed, Feed::Fifo(..))) {
        let _ = w.join();
    }
    let outputs = std::fs::read_dir(out)
        .map(|d| {
            d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: o.join().unwrap(),
        stderr: e.join().unwrap(),
        outputs,
    }
}

/// Every command on one input; the problems found, in words.
fn check(e: &Expected, dir: &Path) -> Vec<String> {
    let (feed, name) = feed(e, dir);
    let mut problems = vec![];
    for cmd in ["report", "inspect", "normalize"] {
        let want = if cmd == "inspect" {
            e.inspect.unwrap_or(e.exit)
        } else {
            e.exit
        };
        if want < 0 {
            continue;
        }
        if let Feed::Fifo(fifo, _) = &feed {
            // A fresh FIFO per run: a refused open leaves no stale writer.
            let _ = std::fs::remove_file(fifo);
            assert!(Command::new("mkfifo").arg(fifo).status().unwrap().success());
        }
        let r = run(cmd, &feed, &e.args, &dir.join(format!("out-{cmd}")));
        let mut bad = |what: String| problems.push(format!("{} / {cmd}: {what}", e.name));
        if r.code == 101 {
            bad(format!("panicked:\n{}", r.stderr));
            continue;
        }
        if r.code != want {
            bad(format!(
                "exit {} instead of {want}; stderr:\n{}",
                r.code, r.stderr
            ));
            continue;
        }
        let lower = r.stderr.to_lowercase();
        if r.code != 0 {
            if !r.stderr.contains(&name) {
                bad(format!("stderr does not name {name}:\n{}", r.stderr));
            }
            for w in &e.words {
                if !lower.contains(&w.to_lowercase()) {
                    bad(format!("stderr lacks \"{w}\":\n{}", r.stderr));
                }
            }
        }
        let wanted_out = match (cmd, r.code) {
            ("report", 0) => &e.report_stdout,
            ("inspect", 0) => &e.inspect_stdout,
            _ => &vec![],
        };
        for w in wanted_out {
            if !r.stdout.contains(w.as_str()) {
                bad(format!("stdout lacks \"{w}\":\n{}", r.stdout));
            }
        }
        for a in &e.absent {
            let leaks = [&r.stdout, &r.stderr].into_iter().chain(&r.outputs);
            if leaks.into_iter().any(|t| t.contains(a.as_str())) {
                bad(format!("\"{a}\" reached the output"));
            }
        }
        // However large a cell, the terminal gets a short message.
        if r.stderr.len() > 20_000 {
            bad(format!("{} bytes on stderr", r.stderr.len()));
        }
    }
    problems
}

fn run_corpus(slow: bool) {
    let m = manifest();
    let dir = tempfile::tempdir().unwrap();
    let picked: Vec<&Expected> = m.input.iter().filter(|e| e.slow == slow).collect();
    assert!(!picked.is_empty());
    // Two at a time: the machine is shared, and most runs are short.
    let problems: Vec<String> = std::thread::scope(|s| {
        let halves: Vec<Vec<&Expected>> = vec![
            picked.iter().step_by(2).copied().collect(),
            picked.iter().skip(1).step_by(2).copied().collect(),
        ];
        let handles: Vec<_> = halves
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let d = dir.path().join(format!("w{i}"));
                std::fs::create_dir_all(&d).unwrap();
                s.spawn(move || {
                    part.iter()
                        .flat_map(|e| {
                            let sub = d.join(e.name.replace('.', "_"));
                            std::fs::create_dir_all(&sub).unwrap();
                            let t = Instant::now();
                            let p = check(e, &sub);
                            eprintln!("{}: {:.1} s", e.name, t.elapsed().as_secs_f64());
                            p
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn every_bad_input_gets_its_expected_outcome_from_every_command() {
    run_corpus(false);
}

/// The large members (a 50 MB cell, 200,001 rows): about 20 s in a debug
/// build.
#[test]
#[ignore]
fn the_large_bad_inputs_too() {
    run_corpus(true);
}

#[test]
fn the_manifest_lists_every_file_of_the_corpus_and_why() {
    let m = manifest();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Subfolders hold other corpora (privacy, snapshots).
        if name == "EXPECTED.toml" || entry.path().is_dir() {
            continue;
        }
        assert!(
            m.input.iter().any(|e| e.kind == "file" && e.name == name),
            "{name} has no entry in EXPECTED.toml"
        );
    }
    for e in &m.input {
        assert!(!e.why.is_empty(), "{}", e.name);
        if e.kind == "file" {
            assert!(corpus().join(&e.name).is_file(), "{} is missing", e.name);
        }
    }
}

/// Writes every generated input (the large ones included) into
/// `$BAD_INPUTS_DIR`, for `scripts/robustness.sh` to measure.
#[test]
#[ignore]
fn write_generated_inputs() {
    let Some(dir) = std::env::var_os("BAD_INPUTS_DIR") else {
        eprintln!("BAD_INPUTS_DIR is not set; nothing written");
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    for e in manifest().input.iter().filter(|e| e.kind == "generated") {
        support::generate::generate(&e.name, &dir).expect("a generator");
    }
}

#[test]
fn diff_reads_an_export_on_standard_input() {
    let sample = |n: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-data")
            .join(n)
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("diff")
        .arg(sample("2026-Q2.csv"))
        .arg("-")
        .args(["--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = std::fs::read(sample("2026-Q3.csv")).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || stdin.write_all(&bytes));
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("\"new_quarter\": \"2026-Q3\""), "{json}");
}
