//! The six export layouts the generator writes: each platform's header
//! rows, metadata columns, respondent columns and timestamp format, as the
//! fixtures in `tests/fixtures/ingest/` show them.

use super::rng::Rng;
use chrono::NaiveDateTime;
use std::fmt;
use std::str::FromStr;

/// A survey platform's CSV layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    GoogleForms,
    Qualtrics,
    SurveyMonkey,
    MicrosoftForms,
    Typeform,
    LimeSurvey,
}

impl Layout {
    pub const ALL: [Layout; 6] = [
        Layout::GoogleForms,
        Layout::Qualtrics,
        Layout::SurveyMonkey,
        Layout::MicrosoftForms,
        Layout::Typeform,
        Layout::LimeSurvey,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::GoogleForms => "google_forms",
            Layout::Qualtrics => "qualtrics",
            Layout::SurveyMonkey => "surveymonkey",
            Layout::MicrosoftForms => "microsoft_forms",
            Layout::Typeform => "typeform",
            Layout::LimeSurvey => "limesurvey",
        }
    }

    /// LimeSurvey quotes every field; the others only where needed.
    pub fn quote_all(self) -> bool {
        self == Layout::LimeSurvey
    }

    /// The platform marks unfinished responses (and frontline sets them
    /// aside); Google Forms and Microsoft Forms only export submitted ones.
    pub fn marks_incomplete(self) -> bool {
        !matches!(self, Layout::GoogleForms | Layout::MicrosoftForms)
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Layout::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = Layout::ALL.iter().map(|l| l.as_str()).collect();
                format!("unknown layout `{s}`; choose one of {}", names.join(", "))
            })
    }
}

/// What a row holds besides its answers.
pub struct RowMeta<'a> {
    pub index: u64,
    pub submitted: NaiveDateTime,
    pub started: NaiveDateTime,
    pub finished: bool,
    pub rng: &'a mut Rng,
}

/// The header rows: `questions` and `segments` are the column headers of
/// the answers (in that order), `codes` their short codes (Qualtrics).
pub fn headers(layout: Layout, questions: &[String], segments: &[&str]) -> Vec<Vec<String>> {
    let answers: Vec<String> = questions
        .iter()
        .cloned()
        .chain(segments.iter().map(|s| s.to_string()))
        .collect();
    let strs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cat = |a: Vec<String>, b: &[String], c: Vec<String>| [a, b.to_vec(), c].concat();
    match layout {
        Layout::GoogleForms => vec![cat(strs(&["Timestamp", "Email Address"]), &answers, vec![])],
        Layout::Qualtrics => {
            let codes: Vec<String> = (1..=answers.len()).map(|i| format!("Q{i}")).collect();
            let import: Vec<String> = QUALTRICS_IMPORT
                .iter()
                .map(|id| format!("{{\"ImportId\":\"{id}\"}}"))
                .chain((1..=answers.len()).map(|i| format!("{{\"ImportId\":\"QID{i}_TEXT\"}}")))
                .collect();
            vec![
                cat(strs(QUALTRICS_CODES), &codes, vec![]),
                cat(strs(QUALTRICS_LABELS), &answers, vec![]),
                import,
            ]
        }
        Layout::SurveyMonkey => {
            let second: Vec<String> = (0..SURVEYMONKEY.len())
                .map(|_| String::new())
                .chain(questions.iter().map(|_| "Open-Ended Response".to_string()))
                .chain(segments.iter().map(|_| "Response".to_string()))
                .collect();
            vec![cat(strs(SURVEYMONKEY), &answers, vec![]), second]
        }
        Layout::MicrosoftForms => vec![cat(strs(MICROSOFT), &answers, vec![])],
        Layout::Typeform => vec![cat(strs(&["#"]), &answers, strs(TYPEFORM_TAIL))],
        Layout::LimeSurvey => vec![cat(strs(LIMESURVEY), &answers, vec![])],
    }
}

const QUALTRICS_CODES: &[&str] = &[
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
];
const QUALTRICS_LABELS: &[&str] = &[
    "Start Date",
    "End Date",
    "Response Type",
    "IP Address",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "Recorded Date",
    "Response ID",
    "Recipient Last Name",
    "Recipient First Name",
    "Recipient Email",
    "External Data Reference",
    "Location Latitude",
    "Location Longitude",
    "Distribution Channel",
    "User Language",
];
const QUALTRICS_IMPORT: &[&str] = &[
    "startDate",
    "endDate",
    "status",
    "ipAddress",
    "progress",
    "duration",
    "finished",
    "recordedDate",
    "_recordId",
    "recipientLastName",
    "recipientFirstName",
    "recipientEmail",
    "externalDataReference",
    "locationLatitude",
    "locationLongitude",
    "distributionChannel",
    "userLanguage",
];
const SURVEYMONKEY: &[&str] = &[
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
];
const MICROSOFT: &[&str] = &[
    "Id",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Last modified time",
];
const TYPEFORM_TAIL: &[&str] = &[
    "Response Type",
    "Start Date (UTC)",
    "Stage Date (UTC)",
    "Submit Date (UTC)",
    "Network ID",
    "Tags",
];
const LIMESURVEY: &[&str] = &[
    "id",
    "Completed",
    "Last page seen",
    "Start language",
    "Token",
    "Date last action",
    "Date started",
    "IP address",
];

const FIRST: &[&str] = &[
    "amara", "bjorn", "chiara", "dmitri", "esther", "farid", "greta", "hiroshi", "ines", "jonas",
    "kavya", "lucian", "marisol", "nikolai", "oksana", "priyanka", "quentin", "rasmus", "soraya",
    "tobias", "ulrike", "valentin", "wanjiru", "xiomara", "yusuf", "zeynep",
];
const LAST: &[&str] = &[
    "abernathy",
    "brandtner",
    "castellano",
    "dunmore",
    "eriksen",
    "fairbanks",
    "gallagher",
    "haddad",
    "iwasaki",
    "jankowski",
    "kowalczyk",
    "lindqvist",
    "marchetti",
    "nakamura",
    "okonjo",
    "pellegrini",
    "quintero",
    "rautio",
    "sandoval",
    "thorsen",
];

/// A unique work email for row `i` ("greta.haddad.1234@northwind.example").
fn email(i: u64) -> String {
    let f = FIRST[(i % FIRST.len() as u64) as usize];
    let l = LAST[((i / FIRST.len() as u64) % LAST.len() as u64) as usize];
    format!("{f}.{l}.{i}@northwind.example")
}

fn ip(r: &mut Rng) -> String {
    format!("10.{}.{}.{}", r.below(256), r.below(256), 1 + r.below(254))
}

fn fmt(t: NaiveDateTime, f: &str) -> String {
    t.format(f).to_string()
}

/// The cells of one row: metadata around `answers` (questions, then
/// segments), as the layout orders them.
pub fn record(layout: Layout, m: RowMeta, answers: Vec<String>) -> Vec<String> {
    let i = m.index;
    let iso = "%Y-%m-%d %H:%M:%S";
    let (sub, start) = (m.submitted, m.started);
    let duration = (sub - start).num_seconds().to_string();
    let mut meta: Vec<String> = match layout {
        Layout::GoogleForms => vec![fmt(sub, "%-m/%-d/%Y %-H:%M:%S"), email(i)],
        Layout::Qualtrics => {
            let id: String = (0..15)
                .map(|_| {
                    *m.rng
                        .pick(b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")
                        as char
                })
                .collect();
            let (progress, finished) = if m.finished {
                ("100", "1")
            } else {
                ("42", "0")
            };
            [
                fmt(start, iso),
                fmt(sub, iso),
                "0".into(),
                ip(m.rng),
                progress.into(),
                duration,
                finished.into(),
                fmt(sub, iso),
                format!("R_{id}"),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                "47.37".into(),
                "8.54".into(),
                "anonymous".into(),
                "EN".into(),
            ]
            .to_vec()
        }
        Layout::SurveyMonkey => {
            let f = "%m/%d/%Y %I:%M:%S %p";
            // A partial response's end date is its last answer.
            vec![
                (114_387_000_000 + i).to_string(),
                "431109874".into(),
                fmt(start, f),
                fmt(sub, f),
                ip(m.rng),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        }
        Layout::MicrosoftForms => {
            let f = "%-m/%-d/%Y %-H:%M:%S";
            vec![
                (i + 1).to_string(),
                fmt(start, f),
                fmt(sub, f),
                "anonymous".into(),
                String::new(),
                String::new(),
            ]
        }
        Layout::Typeform => vec![format!("{:016x}{:016x}", m.rng.next_u64(), i)],
        Layout::LimeSurvey => {
            let done = if m.finished {
                fmt(sub, iso)
            } else {
                String::new()
            };
            vec![
                (i + 1).to_string(),
                done,
                if m.finished { "3" } else { "1" }.into(),
                "en".into(),
                String::new(),
                fmt(sub, iso),
                fmt(start, iso),
                ip(m.rng),
            ]
        }
    };
    meta.extend(answers);
    if layout == Layout::Typeform {
        let kind = if m.finished { "completed" } else { "partial" };
        let submit = if m.finished {
            fmt(sub, iso)
        } else {
            String::new()
        };
        meta.extend([
            kind.to_string(),
            fmt(start, iso),
            fmt(sub, iso),
            submit,
            format!("{:010x}", m.rng.next_u64() >> 24),
            String::new(),
        ]);
    }
    meta
}
