//! `frontline sample`: every layout is read back whole (its platform, the
//! 16 questions, the four segments, every row accounted for), the same
//! seed gives the same bytes, and the CLI streams what the library makes.

use assert_cmd::Command;
use frontline::config::Config;
use frontline::ingest::{self, Platform, ReadOptions, Role};
use frontline::sample::{self, Layout, Options};

fn platform(l: Layout) -> Platform {
    match l {
        Layout::GoogleForms => Platform::GoogleForms,
        Layout::Qualtrics => Platform::Qualtrics,
        Layout::SurveyMonkey => Platform::SurveyMonkey,
        Layout::MicrosoftForms => Platform::MicrosoftForms,
        Layout::Typeform => Platform::Typeform,
        Layout::LimeSurvey => Platform::LimeSurvey,
    }
}

#[test]
fn every_layout_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    for layout in Layout::ALL {
        let opts = Options {
            responses: 400,
            seed: 11,
            layout,
        };
        let path = dir.path().join(format!("{layout}.csv"));
        std::fs::write(&path, sample::to_string(&opts)).unwrap();
        let survey = ingest::read_exports(
            &[path],
            &Config::default().column_rules(),
            &ReadOptions::default(),
        )
        .unwrap();
        let src = &survey.sources[0];
        assert_eq!(src.platform, platform(layout), "{layout}");
        let role = |r: Role| src.columns.iter().filter(|c| c.role == r).count();
        assert_eq!(role(Role::Question), 16, "{layout}");
        assert_eq!(role(Role::Segment), 4, "{layout}");
        let acc = survey.accounting;
        assert_eq!(acc.rows, 400, "{layout}");
        assert_eq!(acc.superseded, 0, "{layout}: every respondent is new");
        assert!(acc.used >= 380, "{layout}: {acc:?}");
        assert!(
            survey.warnings.is_empty(),
            "{layout}: {:?}",
            survey.warnings
        );
        // Every response has a timestamp in the survey's quarter.
        assert!(
            survey.responses.iter().all(|r| r.submitted.is_some()),
            "{layout}"
        );
    }
}

#[test]
fn same_seed_same_bytes_other_seed_other_answers() {
    let opts = |seed| Options {
        responses: 300,
        seed,
        layout: Layout::Qualtrics,
    };
    let a = sample::to_string(&opts(5));
    assert_eq!(a, sample::to_string(&opts(5)));
    assert_ne!(a, sample::to_string(&opts(6)));
}

#[test]
fn answers_vary_like_a_real_team() {
    let text = sample::to_string(&Options {
        responses: 2000,
        seed: 1,
        layout: Layout::GoogleForms,
    });
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let objections: Vec<&str> = rows.iter().map(|r| &r[2]).collect();
    let distinct: std::collections::BTreeSet<&&str> = objections.iter().collect();
    // Composed lists rarely repeat; blanks and filler do.
    assert!(distinct.len() > 1500, "{}", distinct.len());
    let multi = objections.iter().filter(|o| o.contains('\n')).count();
    let semis = objections.iter().filter(|o| o.contains("; ")).count();
    assert!(multi > 200 && semis > 50, "{multi} {semis}");
    let blank = objections.iter().filter(|o| o.is_empty()).count();
    assert!((40..=200).contains(&blank), "{blank}");
}

#[test]
fn the_cli_streams_the_library_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.csv");
    let want = sample::to_string(&Options {
        responses: 120,
        seed: 9,
        layout: Layout::Typeform,
    });
    let stdout = Command::cargo_bin("frontline")
        .unwrap()
        .args([
            "sample",
            "--responses",
            "120",
            "--seed",
            "9",
            "--layout",
            "typeform",
        ])
        .output()
        .unwrap();
    assert!(stdout.status.success());
    assert_eq!(String::from_utf8(stdout.stdout).unwrap(), want);
    Command::cargo_bin("frontline")
        .unwrap()
        .args([
            "sample",
            "--responses",
            "120",
            "--seed",
            "9",
            "--layout",
            "typeform",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), want);
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["sample", "--layout", "paper"])
        .assert()
        .code(2);
}
