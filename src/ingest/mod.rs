//! Ingest: read survey exports (any platform, any encoding) into
//! [`Survey`]: one [`Response`] per usable submission, every column
//! classified, every row accounted for.
//!
//! Layers, one way: `input` (a path, `-` or a pipe, read once as a stream,
//! within `limits`) -> `decode` (bytes -> text, BOM and encoding sniffing)
//! -> `dialect` (delimiter) and `scan` (records, lines, broken quotes), or
//! `xlsx` for workbooks -> `detect` (header rows -> `detect` (which platform) -> one
//! module per platform that describes its layout -> `columns` (header ->
//! question / segment / ...) -> `assemble` (rows -> responses, reassembling
//! option columns) -> `accounting` (duplicates, incomplete, empty rows).

use crate::questions::QuestionId;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

mod accounting;
mod assemble;
mod bank;
mod candidates;
mod cellrefs;
mod claims;
pub mod columns;
mod decode;
mod detect;
mod dialect;
mod error;
mod finish;
mod headers;
mod input;
mod inspect;
mod layout;
pub mod limits;
mod matching;
mod platforms;
mod position;
mod read;
mod records;
mod scan;
mod timestamps;
mod transcode;
mod xlsx;
mod zipcheck;

pub use columns::{ColumnRules, classify_header};
pub use error::IngestError;
#[doc(hidden)]
pub use headers::place_columns;
pub use input::{Input, STDIN_ARG, STDIN_NAME};
pub use inspect::{Inspection, inspect, inspect_input};
pub use matching::{QuestionMatch, match_question};
pub use read::{read_export, read_exports, read_inputs};

/// The survey platform that produced an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    GoogleForms,
    #[serde(rename = "surveymonkey")]
    SurveyMonkey,
    Qualtrics,
    MicrosoftForms,
    Typeform,
    #[serde(rename = "limesurvey")]
    LimeSurvey,
    Jotform,
    Tally,
    Formbricks,
    #[serde(rename = "kobotoolbox")]
    KoboToolbox,
    Generic,
}

impl Platform {
    pub const ALL: [Platform; 11] = [
        Platform::GoogleForms,
        Platform::SurveyMonkey,
        Platform::Qualtrics,
        Platform::MicrosoftForms,
        Platform::Typeform,
        Platform::LimeSurvey,
        Platform::Jotform,
        Platform::Tally,
        Platform::Formbricks,
        Platform::KoboToolbox,
        Platform::Generic,
    ];

    /// The stable name used in `--platform`, `inspect` and the snapshot.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::GoogleForms => "google_forms",
            Platform::SurveyMonkey => "surveymonkey",
            Platform::Qualtrics => "qualtrics",
            Platform::MicrosoftForms => "microsoft_forms",
            Platform::Typeform => "typeform",
            Platform::LimeSurvey => "limesurvey",
            Platform::Jotform => "jotform",
            Platform::Tally => "tally",
            Platform::Formbricks => "formbricks",
            Platform::KoboToolbox => "kobotoolbox",
            Platform::Generic => "generic",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Platform {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
                format!("unknown platform `{s}`; use one of: {}", names.join(", "))
            })
    }
}

/// The character encoding an export was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl TextEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// What a column of an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// One of the 16 questions.
    Question,
    /// An answer that splits the report (product line, company size, ...).
    Segment,
    /// Who answered: name, email, IP address, respondent id.
    Respondent,
    /// The submission time.
    Timestamp,
    /// Platform bookkeeping: status, progress, collector, duration, ...
    Metadata,
    /// Not understood; listed in the report's data-quality section.
    Ignored,
}

/// One column of one export, as understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnInfo {
    /// The header as shown to a person (several header rows joined).
    pub header: String,
    pub role: Role,
    /// The question id, for `Role::Question`.
    pub question: Option<QuestionId>,
    /// The segment name, for `Role::Segment` (e.g. `company_size`).
    pub segment: Option<String>,
    /// Why the column was placed as it was, in plain words.
    pub reason: String,
}

/// Who submitted a response. Used to find repeated submissions and to
/// redact names from quotes; never written to a report or snapshot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Respondent {
    pub email: Option<String>,
    pub name: Option<String>,
    pub platform_id: Option<String>,
}

/// One usable submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The export's own response id, else the 1-based data row number.
    pub id: String,
    /// Index into [`Survey::sources`].
    pub source: usize,
    /// 1-based data row number within its file (header rows not counted).
    pub row: usize,
    pub submitted: Option<NaiveDateTime>,
    /// The answer text per question (option columns already reassembled,
    /// placeholders removed); questions left blank are absent.
    pub answers: BTreeMap<QuestionId, String>,
    /// Segment name -> the answer, e.g. `company_size` -> `Enterprise`.
    pub segments: BTreeMap<String, String>,
    pub respondent: Respondent,
}

/// How the rows of one file (or of all files) were used:
/// `rows = used + superseded + incomplete + empty + test`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounting {
    /// Data rows read (header rows not counted).
    pub rows: usize,
    /// Responses that go into the report.
    pub used: usize,
    /// Earlier submissions of a respondent who submitted again.
    pub superseded: usize,
    /// Responses the platform marks as not finished, left out.
    pub incomplete: usize,
    /// Rows with no answer to any question.
    pub empty: usize,
    /// Preview and test responses the platform marks as such (Qualtrics'
    /// Status 1 and 2), left out; absent from older snapshots.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub test: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Accounting {
    pub fn add(&mut self, other: &Accounting) {
        self.rows += other.rows;
        self.used += other.used;
        self.superseded += other.superseded;
        self.incomplete += other.incomplete;
        self.empty += other.empty;
        self.test += other.test;
    }
}

/// A recoverable problem, counted and shown in the data-quality section.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Warning {
    pub file: String,
    /// 1-based line in the file, when the problem is in one place.
    pub line: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

/// What was understood of one file.
#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    /// The path as given by the user.
    pub path: PathBuf,
    pub platform: Platform,
    pub encoding: TextEncoding,
    /// The field delimiter (`,` `;` `\t` `|`); `None` for .xlsx.
    pub delimiter: Option<char>,
    pub header_rows: usize,
    pub columns: Vec<ColumnInfo>,
    pub accounting: Accounting,
}

/// Everything read from one or more exports of the same survey.
#[derive(Debug, Clone)]
pub struct Survey {
    pub sources: Vec<SourceInfo>,
    /// Used responses, in file order then row order.
    pub responses: Vec<Response>,
    /// The sum over all sources.
    pub accounting: Accounting,
    pub warnings: Vec<Warning>,
}

/// Choices that change how files are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Skip detection and read as this platform.
    pub platform: Option<Platform>,
    /// Keep responses the platform marks as incomplete (default: leave out).
    pub include_incomplete: bool,
    /// Keep preview and test responses (default: leave out).
    pub include_tests: bool,
    /// Bytes read from one export before it is refused (default 1 GiB).
    pub max_input_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            platform: None,
            include_incomplete: false,
            include_tests: false,
            max_input_bytes: limits::DEFAULT_MAX_INPUT_BYTES,
        }
    }
}
