//! Tidy records: one per answer item, for analysts, BI tools and audits
//! (`frontline normalize`; the contract is in `docs/normalize.md`).

use super::model::examples::Nearest;
use super::{CodedResponse, DurationRange, Persona, ThemeHit, Tone, redact::redact};
use crate::ingest::Survey;
use crate::questions::{AnswerKind, QuestionId};
use serde::Serialize;
use std::io::{self, Write};

/// One answer item, coded. Kind-specific fields are present only for the
/// questions they belong to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub response: String,
    pub file: String,
    pub question: QuestionId,
    pub item: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub themes: Option<Vec<String>>,
    /// With `--explain`: the rule that matched each theme, as `theme=rule`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<String>>,
    /// With `--explain`: how the rules and the learned coder decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub durations: Option<Vec<DurationRange>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personas: Option<Vec<Persona>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stages: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
    /// Rating questions: `yes`, `partly`, `no`, a scale point `1`..`5`, or
    /// null when the answer gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<Option<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<String>,
}

/// How an item's themes were decided (`--explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explain {
    /// The themes given.
    pub given: Vec<Decision>,
    /// Rule hits the learned coder overruled.
    pub vetoed: Vec<Decision>,
    /// The labelled training item most like this one.
    pub nearest: Option<Nearest>,
}

/// One theme and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub theme: String,
    /// The codebook rule that matched; none when the learned coder alone
    /// gave the theme (or `other`, which no rule gives).
    pub rule: Option<String>,
    /// The learned coder's probability (or, for a theme found by its
    /// `examples`, the similarity to them); none where it has no say.
    pub score: Option<f64>,
}

impl Decision {
    fn of(hit: &ThemeHit) -> Decision {
        Decision {
            theme: hit.id.clone(),
            rule: (!matches!(hit.rule.as_str(), "model" | "none")).then(|| hit.rule.clone()),
            score: hit.confidence.map(|c| f64::from(c) / 1000.0),
        }
    }

    fn text(&self) -> String {
        let by = match (&self.rule, self.score) {
            (Some(r), Some(s)) => format!("rule {r}, model {s:.3}"),
            (Some(r), None) => format!("rule {r}"),
            (None, Some(s)) => format!("model {s:.3}"),
            (None, None) => "no rule or model".into(),
        };
        format!("{} ({by})", self.theme)
    }
}

impl Explain {
    fn of(question: QuestionId, item: &super::CodedItem) -> Explain {
        let model = super::model::model();
        Explain {
            given: item.themes.iter().map(Decision::of).collect(),
            vetoed: item.vetoed.iter().map(Decision::of).collect(),
            nearest: super::model::examples::nearest(model, question, &item.text),
        }
    }

    /// One line for the CSV column.
    fn text(&self) -> String {
        let mut parts: Vec<String> = self.given.iter().map(Decision::text).collect();
        parts.extend(self.vetoed.iter().map(|d| format!("vetoed {}", d.text())));
        if let Some(n) = &self.nearest {
            parts.push(format!(
                "nearest example ({:.3}): \"{}\" [{}]",
                n.similarity,
                n.text,
                n.themes.join(", ")
            ));
        }
        parts.join("; ")
    }
}

/// Choices for the records.
#[derive(Debug, Clone, Copy, Default)]
pub struct TidyOptions {
    pub explain: bool,
    pub redact: bool,
}

/// Every item of every response, in response then question order.
pub fn records(survey: &Survey, coded: &[CodedResponse], opts: TidyOptions) -> Vec<Record> {
    each_record(survey, coded, opts).collect()
}

/// The records of [`records`], made one at a time as they are asked for,
/// so that `normalize` can write each as it is made and never holds them
/// all (nor one string of them all).
pub fn each_record<'a>(
    survey: &'a Survey,
    coded: &'a [CodedResponse],
    opts: TidyOptions,
) -> impl Iterator<Item = Record> + 'a {
    // Shared, not copied per answer: the list grows with the export.
    let names: std::rc::Rc<[&str]> = survey
        .responses
        .iter()
        .filter_map(|r| r.respondent.name.as_deref())
        .collect();
    survey
        .responses
        .iter()
        .zip(coded)
        .flat_map(move |(resp, c)| {
            let file = survey
                .sources
                .get(resp.source)
                .and_then(|s| s.path.file_name())
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let names = names.clone();
            c.answers.iter().flat_map(move |(q, answer)| {
                let (file, names) = (file.clone(), names.clone());
                answer
                    .items
                    .iter()
                    .map(move |item| record(resp, &file, *q, answer, item, &names, opts))
            })
        })
}

/// The record of one item of one answer.
fn record(
    resp: &crate::ingest::Response,
    file: &str,
    q: QuestionId,
    answer: &super::CodedAnswer,
    item: &super::CodedItem,
    names: &[&str],
    opts: TidyOptions,
) -> Record {
    let kind = q.kind();
    let coded_kind = matches!(kind, AnswerKind::CodedList | AnswerKind::CodedText);
    Record {
        response: resp.id.clone(),
        file: file.to_string(),
        question: q,
        item: item.index,
        text: if opts.redact {
            redact(&item.text, names)
        } else {
            item.text.clone()
        },
        themes: coded_kind.then(|| item.themes.iter().map(|t| t.id.clone()).collect()),
        rules: (coded_kind && opts.explain).then(|| {
            item.themes
                .iter()
                .map(|t| format!("{}={}", t.id, t.rule))
                .collect()
        }),
        explain: (coded_kind && opts.explain).then(|| Explain::of(q, item)),
        durations: (kind == AnswerKind::Duration).then(|| item.durations.clone()),
        personas: (kind == AnswerKind::Personas).then(|| item.personas.clone()),
        stages: (kind == AnswerKind::Stages).then(|| item.stages.clone()),
        tone: item.tone,
        rating: (kind == AnswerKind::Rating).then(|| answer.rating.map(rating_key)),
        competitors: item.competitors.clone(),
    }
}

/// JSON Lines: one record per line.
pub fn to_jsonl(records: &[Record]) -> String {
    let mut out = vec![];
    write_jsonl(records.iter().cloned(), &mut out).expect("write to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes JSON Lines, each record as it comes; returns how many.
pub fn write_jsonl(
    records: impl IntoIterator<Item = Record>,
    out: &mut impl Write,
) -> io::Result<usize> {
    let mut n = 0;
    for r in records {
        let mut line = serde_json::to_string(&r).expect("records serialize");
        line.push('\n');
        out.write_all(line.as_bytes())?;
        n += 1;
    }
    Ok(n)
}

const CSV_HEADER: [&str; 14] = [
    "response",
    "file",
    "question",
    "item",
    "text",
    "themes",
    "rules",
    "explain",
    "durations",
    "personas",
    "stages",
    "tone",
    "rating",
    "competitors",
];

/// CSV with the same columns, lists joined with `|`, safe to open in a
/// spreadsheet: a cell that starts with `=`, `+`, `-` or `@` gets a
/// leading apostrophe so it is never run as a formula.
pub fn to_csv(records: &[Record]) -> String {
    let mut out = vec![];
    write_csv(records.iter().cloned(), &mut out).expect("write to memory");
    String::from_utf8(out).expect("csv of UTF-8 is UTF-8")
}

/// Writes the CSV of [`to_csv`], each record as it comes; returns how many.
pub fn write_csv(
    records: impl IntoIterator<Item = Record>,
    out: &mut impl Write,
) -> io::Result<usize> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(csv_io)?;
    let mut n = 0;
    for r in records {
        w.write_record(csv_row(&r).iter().map(|c| neutralize(c)))
            .map_err(csv_io)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// A CSV writer over an `io::Write` fails only by I/O; anything else would
/// be a bug, reported as an I/O error rather than a panic.
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The cells of one record, in [`CSV_HEADER`] order.
fn csv_row(r: &Record) -> [String; 14] {
    let durations = r.durations.as_ref().map(|d| {
        d.iter()
            .map(|p| {
                let hi = p.high.map(|h| h.to_string()).unwrap_or_default();
                match &p.segment {
                    Some(s) => format!("{}-{} {}", p.low, hi, s),
                    None => format!("{}-{}", p.low, hi),
                }
            })
            .collect::<Vec<_>>()
    });
    let personas = r.personas.as_ref().map(|ps| {
        ps.iter()
            .map(|p| format!("{}/{}", key(&p.function), key(&p.seniority)))
            .collect::<Vec<_>>()
    });
    [
        r.response.clone(),
        r.file.clone(),
        r.question.to_string(),
        r.item.to_string(),
        r.text.clone(),
        join(r.themes.as_deref()),
        join(r.rules.as_deref()),
        r.explain.as_ref().map(Explain::text).unwrap_or_default(),
        join(durations.as_deref()),
        join(personas.as_deref()),
        join(r.stages.as_deref()),
        r.tone.map(|t| key(&t)).unwrap_or_default(),
        r.rating.clone().flatten().unwrap_or_default(),
        r.competitors.join("|"),
    ]
}

fn rating_key(r: super::Rating) -> String {
    match r {
        super::Rating::Scale(s) => s.to_string(),
        other => key(&other),
    }
}

fn join(v: Option<&[String]>) -> String {
    v.map(|v| v.join("|")).unwrap_or_default()
}

fn key<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralize(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("-3 months"), "'-3 months");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("price"), "price");
    }

    #[test]
    fn csv_and_jsonl_carry_the_same_record() {
        let r = Record {
            response: "7".into(),
            file: "x.csv".into(),
            question: QuestionId::CycleLength,
            item: 0,
            text: "=3-6 months".into(),
            themes: None,
            rules: None,
            explain: None,
            durations: Some(vec![DurationRange {
                low: 91,
                high: Some(183),
                segment: None,
            }]),
            personas: None,
            stages: None,
            tone: None,
            rating: None,
            competitors: vec![],
        };
        let j = to_jsonl(std::slice::from_ref(&r));
        assert_eq!(
            j,
            "{\"response\":\"7\",\"file\":\"x.csv\",\"question\":\"cycle_length\",\"item\":0,\"text\":\"=3-6 months\",\"durations\":[{\"low\":91,\"high\":183,\"segment\":null}]}\n"
        );
        let c = to_csv(&[r]);
        assert!(
            c.lines()
                .nth(1)
                .unwrap()
                .starts_with("7,x.csv,cycle_length,0,'=3-6 months,,,,91-183,")
        );
    }
}
