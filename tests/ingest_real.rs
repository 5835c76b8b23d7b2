//! Inspects every real export in `../shared/fixtures/real/` (read in place,
//! never copied) and checks platform, encoding, delimiter, header rows and
//! row count against values read off each file by hand (python `csv`,
//! `xxd`). With `CI` set a missing folder fails; otherwise the test skips.

use frontline::ingest::{ColumnRules, ReadOptions, Role, inspect};
use std::path::{Path, PathBuf};

fn real_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("{} is missing (CI is set)", dir.display());
    }
    eprintln!(
        "note: {} not found; skipping the real-export test",
        dir.display()
    );
    None
}

/// file, platform, encoding, delimiter, header rows, data rows.
const EXPECTED: &[(&str, &str, &str, &str, usize, usize)] = &[
    (
        "google-forms/excel-resaved-timestamp-no-seconds.csv",
        "google_forms",
        "utf-8",
        ",",
        1,
        91,
    ),
    (
        "google-forms/sheets-download-basic-seconds.csv",
        "google_forms",
        "utf-8",
        ",",
        1,
        19,
    ),
    (
        "google-forms/sheets-download-crlf-multiline-cells.csv",
        "google_forms",
        "utf-8",
        ",",
        1,
        64,
    ),
    (
        "limesurvey/csv-question-codes-multiline-cells.csv",
        "limesurvey",
        "utf-8",
        ",",
        1,
        28,
    ),
    (
        "limesurvey/r-data-file-bom-crlf-full-text-headers.csv",
        "limesurvey",
        "utf-8",
        ",",
        1,
        7,
    ),
    (
        "microsoft-forms/excel-saved-csv-anonymous-email.csv",
        "microsoft_forms",
        "windows-1252",
        ",",
        1,
        187,
    ),
    (
        "odk-central/central-csv-export-group-dash-geopoint-split.csv",
        "generic",
        "utf-8",
        ",",
        1,
        2,
    ),
    (
        "qualtrics/insights-2017-text-entry-multiselect-minus99.csv",
        "qualtrics",
        "utf-8",
        ",",
        3,
        15,
    ),
    (
        "qualtrics/legacy-two-header-rows-v1-v10-bom.csv",
        "qualtrics",
        "utf-8",
        ",",
        2,
        1,
    ),
    (
        "qualtrics/three-header-rows-german-labels.csv",
        "qualtrics",
        "utf-8",
        ",",
        3,
        1,
    ),
    (
        "qualtrics/three-header-rows-timezone-multiline-header-excel-resaved.csv",
        "qualtrics",
        "utf-8",
        ",",
        3,
        26,
    ),
    (
        "surveymonkey/legacy-2015-multiselect-one-column-per-option.csv",
        "surveymonkey",
        "utf-8",
        ",",
        2,
        37,
    ),
    (
        "surveymonkey/legacy-2017-nul-subheader-crlf-other-specify.csv",
        "surveymonkey",
        "utf-8",
        ",",
        2,
        4,
    ),
    (
        "surveymonkey/modern-2023-open-ended-and-comment-columns.csv",
        "surveymonkey",
        "utf-8",
        ",",
        2,
        16,
    ),
    (
        "typeform/french-multiselect-one-column-per-option.csv",
        "typeform",
        "utf-8",
        ",",
        1,
        6,
    ),
];

#[test]
fn every_real_export_is_understood() {
    let Some(dir) = real_dir() else { return };
    let mut seen = 0;
    for entry in walk(&dir) {
        let rel = entry
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.ends_with(".csv") && !rel.ends_with(".xlsx") {
            continue;
        }
        let want = EXPECTED
            .iter()
            .find(|e| e.0 == rel)
            .unwrap_or_else(|| panic!("{rel}: a new real export; add its expected values"));
        let got = inspect(&entry, &ColumnRules::default(), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        if std::env::var_os("SHOW").is_some() {
            println!("{}", got.to_text());
        }
        let json = serde_json::to_value(&got).unwrap();
        assert_eq!(json["platform"], want.1, "{rel}: platform");
        assert_eq!(json["encoding"], want.2, "{rel}: encoding");
        assert_eq!(json["delimiter"], want.3, "{rel}: delimiter");
        assert_eq!(got.header_rows, want.4, "{rel}: header rows");
        assert_eq!(got.rows, want.5, "{rel}: rows");
        assert_eq!(
            got.rows,
            got.responses + got.superseded + got.incomplete + got.empty + got.test,
            "{rel}: accounting"
        );
        // Hot dogs and fruit are not sales questions: nothing may be taken
        // for one of the 16.
        let questions: Vec<_> = got
            .columns
            .iter()
            .filter(|c| c.role == Role::Question)
            .map(|c| &c.header)
            .collect();
        assert!(
            questions.is_empty(),
            "{rel}: taken for questions: {questions:?}"
        );
        seen += 1;
    }
    assert_eq!(seen, EXPECTED.len(), "every expected file was inspected");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
