//! One fixture per platform and variant (written by us, mimicking each
//! layout byte for byte): detection, dialect, row accounting, column
//! mapping and the reassembled answers.

use frontline::ingest::*;
use frontline::questions::QuestionId::{self, *};
use std::path::PathBuf;

fn fx(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

struct Want<'a> {
    platform: &'a str,
    encoding: &'a str,
    delimiter: Option<&'a str>,
    header_rows: usize,
    /// rows, used, superseded, incomplete, empty
    counts: (usize, usize, usize, usize, usize),
    questions: &'a [QuestionId],
}

fn check(name: &str, want: Want) -> Inspection {
    let got = inspect(&fx(name), &ColumnRules::default(), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let json = serde_json::to_value(&got).unwrap();
    assert_eq!(json["platform"], want.platform, "{name}: platform");
    assert_eq!(json["encoding"], want.encoding, "{name}: encoding");
    assert_eq!(
        got.delimiter.as_deref(),
        want.delimiter,
        "{name}: delimiter"
    );
    assert_eq!(got.header_rows, want.header_rows, "{name}: header rows");
    let counts = (
        got.rows,
        got.responses,
        got.superseded,
        got.incomplete,
        got.empty,
    );
    assert_eq!(
        counts, want.counts,
        "{name}: rows, used, superseded, incomplete, empty"
    );
    let mut found: Vec<QuestionId> = got.columns.iter().filter_map(|c| c.question).collect();
    found.dedup();
    found.sort();
    let mut expected = want.questions.to_vec();
    expected.sort();
    assert_eq!(found, expected, "{name}: questions");
    got
}

/// The used responses of one file, by response id.
fn answers(name: &str) -> Vec<Response> {
    let (_, responses, _) =
        read_export(&fx(name), &ColumnRules::default(), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    responses
}

fn answer<'a>(rs: &'a [Response], id: &str, q: QuestionId) -> Option<&'a str> {
    rs.iter()
        .find(|r| r.id == id)
        .and_then(|r| r.answers.get(&q))
        .map(String::as_str)
}

#[test]
fn google_forms_sheets_download() {
    let got = check(
        "google_forms_sheets.csv",
        Want {
            platform: "google_forms",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (5, 3, 1, 0, 1),
            questions: &[Objections, BuyerPersonas, CycleLength],
        },
    );
    assert_eq!(got.columns[1].role, Role::Respondent);
    assert_eq!(got.columns[5].segment.as_deref(), Some("product_line"));
    let rs = answers("google_forms_sheets.csv");
    // Ann submitted twice: the later one (row 3) wins.
    assert_eq!(answer(&rs, "3", Objections), Some("Price; timing"));
    assert!(rs.iter().all(|r| r.id != "1"));
    // Bare LF inside a quoted cell of a CRLF file, last row without newline.
    assert_eq!(
        answer(&rs, "5", Objections),
        Some("Security review\ntakes long")
    );
    assert_eq!(rs[2].submitted.unwrap().to_string(), "2026-09-24 16:45:10");
}

#[test]
fn google_forms_own_download_and_excel_resave() {
    check(
        "google_forms_download.csv",
        Want {
            platform: "google_forms",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (2, 2, 0, 0, 0),
            questions: &[Objections, Influencers],
        },
    );
    let rs = answers("google_forms_download.csv");
    assert_eq!(rs[1].submitted.unwrap().to_string(), "2026-09-22 13:15:02");
    assert_eq!(answer(&rs, "1", Objections), Some("Price;Timing;Security"));
    assert_eq!(rs[0].segments["region"], "EMEA");

    check(
        "google_forms_excel.csv",
        Want {
            platform: "google_forms",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (2, 2, 0, 0, 0),
            questions: &[CompetitorStrengths, OurStrengths],
        },
    );
    let rs = answers("google_forms_excel.csv");
    assert_eq!(rs[0].submitted.unwrap().to_string(), "2026-09-22 14:05:00");
    assert_eq!(answer(&rs, "1", OurStrengths), Some("Better support"));
}

#[test]
fn surveymonkey_current_two_header_rows_and_option_columns() {
    let got = check(
        "surveymonkey_current.csv",
        Want {
            platform: "surveymonkey",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 2,
            counts: (3, 2, 0, 0, 1),
            questions: &[Objections, WebsiteValue],
        },
    );
    assert_eq!(
        got.columns[11].header,
        "Which product line do you mainly sell? - Lending"
    );
    assert_eq!(got.columns[11].segment.as_deref(), Some("product_line"));
    let rs = answers("surveymonkey_current.csv");
    let first = rs.iter().find(|r| r.id == "114387201923").unwrap();
    assert_eq!(first.segments["product_line"], "Payments; Cards");
    assert_eq!(first.submitted.unwrap().to_string(), "2026-09-22 10:09:40");
    let second = rs.iter().find(|r| r.id == "114387201924").unwrap();
    assert_eq!(second.segments["product_line"], "Lending; Leasing");
    assert_eq!(second.submitted.unwrap().to_string(), "2026-09-22 13:21:13");
}

#[test]
fn surveymonkey_legacy_nul_subheaders() {
    check(
        "surveymonkey_legacy.csv",
        Want {
            platform: "surveymonkey",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 2,
            counts: (2, 2, 0, 0, 0),
            questions: &[BuyerPersonas, ProspectQuestions],
        },
    );
    let rs = answers("surveymonkey_legacy.csv");
    assert_eq!(
        answer(&rs, "4021337661", ProspectQuestions),
        Some("Pricing; References")
    );
    assert_eq!(
        answer(&rs, "4021337662", ProspectQuestions),
        Some("Security")
    );
    assert_eq!(rs[0].respondent.name.as_deref(), Some("Ann Lee"));
}

#[test]
fn qualtrics_current_three_rows_incomplete_and_minus_99() {
    let got = check(
        "qualtrics_current.csv",
        Want {
            platform: "qualtrics",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 3,
            counts: (3, 2, 0, 1, 0),
            questions: &[Objections, Influencers, CycleLength],
        },
    );
    assert_eq!(got.columns[23].segment.as_deref(), Some("region"));
    let rs = answers("qualtrics_current.csv");
    // Option columns become labels; the "Other" tick gives way to its text.
    assert_eq!(
        answer(&rs, "R_2YPOQ602ER1jkf1", Influencers),
        Some("IT; Legal")
    );
    // -99 (seen, not answered) is no answer.
    assert_eq!(answer(&rs, "R_9zyxWVU321tsr65", Objections), None);
    assert_eq!(
        answer(&rs, "R_9zyxWVU321tsr65", Influencers),
        Some("Finance")
    );
    let opts = ReadOptions {
        include_incomplete: true,
        ..ReadOptions::default()
    };
    let (info, rs, _) =
        read_export(&fx("qualtrics_current.csv"), &ColumnRules::default(), &opts).unwrap();
    assert_eq!(
        (info.accounting.used, info.accounting.incomplete, rs.len()),
        (3, 0, 3)
    );
}

#[test]
fn qualtrics_legacy_and_2017_variants() {
    let got = check(
        "qualtrics_legacy.csv",
        Want {
            platform: "qualtrics",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 2,
            counts: (2, 2, 0, 0, 0),
            questions: &[BuyerPersonas, Differentiators],
        },
    );
    // The trailing comma makes a blank column, listed, not dropped.
    assert_eq!(got.columns.last().unwrap().role, Role::Ignored);
    assert_eq!(got.columns[0].header, "ResponseID");
    // "Anonymous" names are nobody: two responses stay two.
    check(
        "qualtrics_2017.csv",
        Want {
            platform: "qualtrics",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 3,
            counts: (2, 2, 0, 0, 0),
            questions: &[SalesProcess, Objections],
        },
    );
    let rs = answers("qualtrics_2017.csv");
    assert_eq!(
        answer(&rs, "R_aaaaaaaaaaaaaaa", Objections),
        Some("Price; Legal review")
    );
    assert_eq!(answer(&rs, "R_bbbbbbbbbbbbbbb", Objections), Some("Timing"));
}

#[test]
fn qualtrics_resaved_by_excel() {
    let got = check(
        "qualtrics_excel.csv",
        Want {
            platform: "qualtrics",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 3,
            counts: (2, 1, 0, 1, 0),
            questions: &[WebsiteValue, WebsiteChanges],
        },
    );
    assert!(
        got.columns[10].header.contains("Pick one."),
        "multi-line label kept"
    );
    let rs = answers("qualtrics_excel.csv");
    assert_eq!(rs[0].submitted.unwrap().to_string(), "2026-04-13 15:44:00");
}

#[test]
fn microsoft_forms_1252_anonymous_and_german() {
    check(
        "microsoft_forms_1252.csv",
        Want {
            platform: "microsoft_forms",
            encoding: "windows-1252",
            delimiter: Some(","),
            header_rows: 1,
            counts: (3, 3, 0, 0, 0),
            questions: &[BuyerPains, InfluencerPains],
        },
    );
    let rs = answers("microsoft_forms_1252.csv");
    assert_eq!(
        answer(&rs, "2", BuyerPains),
        Some("Can\u{2019}t see pipeline")
    );

    check(
        "microsoft_forms_de.csv",
        Want {
            platform: "microsoft_forms",
            encoding: "utf-8",
            delimiter: Some(";"),
            header_rows: 1,
            counts: (3, 2, 1, 0, 0),
            questions: &[WebsiteFeedback],
        },
    );
    let rs = answers("microsoft_forms_de.csv");
    // Anna submitted twice; the later one (22 -> 24 September) wins.
    assert_eq!(
        answer(&rs, "3", WebsiteFeedback),
        Some("Demo video is good")
    );
    assert_eq!(rs[1].submitted.unwrap().to_string(), "2026-09-24 10:02:00");
}

#[test]
fn typeform_other_columns_and_partial_responses() {
    let got = check(
        "typeform.csv",
        Want {
            platform: "typeform",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (3, 2, 0, 1, 0),
            questions: &[SalesProcess, BuyerPersonas],
        },
    );
    let others = got.columns.iter().filter(|c| c.header == "Other").count();
    assert_eq!(others, 2);
    let rs = answers("typeform.csv");
    assert_eq!(
        answer(&rs, "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", BuyerPersonas),
        Some("CFO; Board")
    );
    // The choice columns of a multi-select come without question text:
    // listed as one ignored group, placed whole by naming one choice.
    let price = got.columns.iter().find(|c| c.header == "Price").unwrap();
    assert_eq!(price.role, Role::Ignored);
    assert!(price.reason.contains("multi-select"), "{}", price.reason);
    let mut rules = ColumnRules::default();
    rules.questions.insert("Timing".into(), Objections);
    let (_, rs, _) = read_export(&fx("typeform.csv"), &rules, &ReadOptions::default()).unwrap();
    let a = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    let b = "b1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    assert_eq!(answer(&rs, a, Objections), Some("Price; Security"));
    assert_eq!(answer(&rs, b, Objections), Some("Timing; Legal"));
}

#[test]
fn limesurvey_codes_need_the_config_and_r_data_file_reads() {
    let got = check(
        "limesurvey.csv",
        Want {
            platform: "limesurvey",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (4, 2, 0, 1, 1),
            questions: &[],
        },
    );
    assert!(
        got.columns
            .iter()
            .any(|c| c.header == "Q02 [other]" && c.role == Role::Ignored)
    );
    let mut rules = ColumnRules::default();
    rules.questions.insert("Q01".into(), Objections);
    rules.questions.insert("Q02".into(), Influencers);
    rules.segments.insert("Q03".into(), "region".into());
    let (info, rs, _) =
        read_export(&fx("limesurvey.csv"), &rules, &ReadOptions::default()).unwrap();
    assert_eq!(
        (
            info.accounting.used,
            info.accounting.incomplete,
            info.accounting.empty
        ),
        (2, 1, 1)
    );
    assert_eq!(answer(&rs, "12", Objections), Some("Price\nand timing"));
    assert_eq!(answer(&rs, "12", Influencers), Some("SQ001"));
    // N/A is LimeSurvey's "not shown"; the [other] text is joined.
    assert_eq!(answer(&rs, "13", Influencers), Some("SQ002; Legal team"));

    check(
        "limesurvey_r.csv",
        Want {
            platform: "limesurvey",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (3, 2, 0, 1, 0),
            questions: &[CycleLength, ProspectQuestions],
        },
    );
}

#[test]
fn jotform_tally_formbricks_kobotoolbox() {
    check(
        "jotform.csv",
        Want {
            platform: "jotform",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (2, 2, 0, 0, 0),
            questions: &[Objections],
        },
    );
    let rs = answers("jotform.csv");
    assert_eq!(rs[0].submitted.unwrap().to_string(), "2026-09-22 00:00:00");

    check(
        "tally.csv",
        Want {
            platform: "tally",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (3, 2, 1, 0, 0),
            questions: &[Differentiators],
        },
    );
    check(
        "formbricks.csv",
        Want {
            platform: "formbricks",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (3, 2, 0, 1, 0),
            questions: &[SuccessFactors, WebsiteAudienceFit],
        },
    );
    let got = check(
        "kobotoolbox.csv",
        Want {
            platform: "kobotoolbox",
            encoding: "utf-8",
            delimiter: Some(";"),
            header_rows: 1,
            counts: (2, 2, 0, 0, 0),
            questions: &[Influencers],
        },
    );
    assert_eq!(
        got.columns[3].role,
        Role::Metadata,
        "question/option columns repeat the answer"
    );
    let rs = answers("kobotoolbox.csv");
    assert_eq!(answer(&rs, "101", Influencers), Some("it finance"));
}

#[test]
fn plain_csv_from_excel_and_xlsx() {
    let got = check(
        "generic_excel.csv",
        Want {
            platform: "generic",
            encoding: "windows-1252",
            delimiter: Some(";"),
            header_rows: 1,
            counts: (3, 2, 0, 0, 1),
            questions: &[Objections, CycleLength],
        },
    );
    assert_eq!(got.warnings.len(), 1, "the short row is a warning");
    assert_eq!(got.warnings[0].line, Some(3));
    let rs = answers("generic_excel.csv");
    assert_eq!(rs[0].respondent.name.as_deref(), Some("Zoë Müller"));

    check(
        "microsoft_forms.xlsx",
        Want {
            platform: "microsoft_forms",
            encoding: "utf-8",
            delimiter: None,
            header_rows: 1,
            counts: (2, 2, 0, 0, 0),
            questions: &[Objections],
        },
    );
    let rs = answers("microsoft_forms.xlsx");
    assert_eq!(rs[0].submitted.unwrap().to_string(), "2026-09-22 11:29:10");
}

#[test]
fn several_files_merge_with_sources_and_cross_file_duplicates() {
    let paths = vec![
        fx("google_forms_sheets.csv"),
        fx("google_forms_download.csv"),
    ];
    let s = read_exports(&paths, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    assert_eq!(s.sources.len(), 2);
    // ann@example.com answered in both files; her latest (file 2, 22 Sep
    // 11:07 is earlier than file 1's 23 Sep) - file 1 row 3 wins.
    assert_eq!(s.accounting.rows, 7);
    assert_eq!(
        s.accounting.rows,
        s.accounting.used + s.accounting.superseded + s.accounting.incomplete + s.accounting.empty
    );
    assert_eq!(s.accounting.superseded, 3, "ann twice, bo once");
    assert!(s.responses.iter().any(|r| r.source == 1));
    let ann: Vec<_> = s
        .responses
        .iter()
        .filter(|r| r.respondent.email.as_deref() == Some("ann@example.com"))
        .collect();
    assert_eq!(ann.len(), 1);
    assert_eq!((ann[0].source, ann[0].row), (0, 3));
    let per_file: usize = s.sources.iter().map(|x| x.accounting.superseded).sum();
    assert_eq!(per_file, 3);
}

#[test]
fn errors_name_the_file_and_say_what_to_do() {
    let opts = ReadOptions::default();
    let rules = ColumnRules::default();
    let err = |name: &str| {
        read_export(&fx(name), &rules, &opts)
            .unwrap_err()
            .to_string()
    };
    let e = err("missing.csv");
    assert!(
        e.contains("missing.csv") && e.contains("no such file"),
        "{e}"
    );
    let e = err("empty.csv");
    assert!(e.contains("empty.csv") && e.contains("empty"), "{e}");
    let e = err("image.csv");
    assert!(e.contains("PNG image"), "{e}");
    let e = err("report.csv");
    assert!(e.contains("PDF"), "{e}");
    let e = err("xlsx_renamed.csv");
    assert!(
        e.contains("Excel workbook") && e.contains("Rename it to .xlsx"),
        "{e}"
    );
    let e = err("no_questions.csv");
    assert!(
        e.contains("no_questions.csv") && e.contains("no column matches"),
        "{e}"
    );
    assert!(matches!(
        read_export(&fx("no_questions.csv"), &rules, &opts),
        Err(IngestError::NoQuestions { .. })
    ));
    // inspect still works without questions.
    let i = inspect(&fx("no_questions.csv"), &rules, &opts).unwrap();
    assert_eq!((i.rows, i.questions_found), (1, 0));
}

#[test]
fn platform_override_skips_detection() {
    let opts = ReadOptions {
        platform: Some(Platform::Generic),
        ..ReadOptions::default()
    };
    let i = inspect(
        &fx("google_forms_sheets.csv"),
        &ColumnRules::default(),
        &opts,
    )
    .unwrap();
    assert_eq!(i.platform, Platform::Generic);
    assert_eq!(
        i.columns[0].role,
        Role::Timestamp,
        "common names still known"
    );
}

#[test]
fn qualtrics_xlsx_and_classic_typeform() {
    check(
        "qualtrics.xlsx",
        Want {
            platform: "qualtrics",
            encoding: "utf-8",
            delimiter: None,
            header_rows: 3,
            counts: (2, 1, 0, 1, 0),
            questions: &[BuyerPersonas, CycleLength],
        },
    );
    let rs = answers("qualtrics.xlsx");
    assert_eq!(
        answer(&rs, "R_1abcdefghijklmn", CycleLength),
        Some("3 months")
    );
    check(
        "typeform_classic.csv",
        Want {
            platform: "typeform",
            encoding: "utf-8",
            delimiter: Some(","),
            header_rows: 1,
            counts: (2, 2, 0, 0, 0),
            questions: &[Objections],
        },
    );
}

#[test]
fn google_forms_in_other_languages() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.csv");
    std::fs::write(
        &p,
        "Horodateur,Adresse e-mail,Top 3 objections\n22/09/2026 14:05:00,a@b.fr,Prix\n",
    )
    .unwrap();
    let i = inspect(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    assert_eq!(i.platform, Platform::GoogleForms);
    assert_eq!(
        (i.columns[0].role, i.columns[1].role),
        (Role::Timestamp, Role::Respondent)
    );
}

#[test]
fn qualtrics_export_tags_can_be_mapped_in_the_config() {
    let mut rules = ColumnRules::default();
    rules
        .questions
        .insert("Q4".into(), QuestionId::Differentiators);
    let i = inspect(
        &fx("qualtrics_current.csv"),
        &rules,
        &ReadOptions::default(),
    )
    .unwrap();
    let region = i.columns.iter().find(|c| c.header == "Region").unwrap();
    assert_eq!(region.question, Some(QuestionId::Differentiators));
}
