//! `frontline inspect`: what was understood of one export (platform,
//! encoding, delimiter, header rows, how every row and column was taken),
//! as JSON (the contract in docs/inspect.md) or a readable table. Unlike
//! reading for a report, it works on exports with no survey question.

use super::finish::finish;
use super::read::read_file;
use super::*;
use std::path::Path;

/// What `inspect` reports about one file.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    pub file: String,
    pub platform: Platform,
    pub encoding: TextEncoding,
    /// The field delimiter as a one-character string; null for workbooks.
    pub delimiter: Option<String>,
    pub header_rows: usize,
    pub rows: usize,
    pub responses: usize,
    pub superseded: usize,
    pub incomplete: usize,
    pub empty: usize,
    /// Preview and test responses, left out.
    pub test: usize,
    /// How many of the 16 questions were found.
    pub questions_found: usize,
    pub columns: Vec<ColumnInfo>,
    pub warnings: Vec<Warning>,
}

/// Inspects one export (a path, or `-` for standard input).
pub fn inspect(
    path: &Path,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<Inspection, IngestError> {
    inspect_input(Input::open(path)?, rules, opts)
}

/// Inspects one opened export.
pub fn inspect_input(
    input: Input,
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<Inspection, IngestError> {
    let f = read_file(input, rules, opts)?;
    let mut survey = finish(vec![f]);
    let s = &survey.sources[0];
    let a = s.accounting;
    if a.rows == a.empty {
        survey.warnings.push(Warning {
            file: s.path.display().to_string(),
            line: None,
            column: None,
            message: if a.rows == 0 {
                "the export holds a header but no responses; `report` refuses it".into()
            } else {
                "no row answers any question; `report` refuses the export".into()
            },
        });
    }
    let s = &survey.sources[0];
    Ok(Inspection {
        file: s.path.display().to_string(),
        platform: s.platform,
        encoding: s.encoding,
        delimiter: s.delimiter.map(|d| d.to_string()),
        header_rows: s.header_rows,
        rows: a.rows,
        responses: a.used,
        superseded: a.superseded,
        incomplete: a.incomplete,
        empty: a.empty,
        test: a.test,
        questions_found: s
            .columns
            .iter()
            .filter(|c| c.role == Role::Question)
            .count(),
        columns: s.columns.clone(),
        warnings: survey.warnings,
    })
}

impl Inspection {
    /// A readable summary and one line per column.
    pub fn to_text(&self) -> String {
        let delim = match self.delimiter.as_deref() {
            Some("\t") => "tab".to_string(),
            Some(d) => format!("\"{d}\""),
            None => "none (workbook)".to_string(),
        };
        let mut out = format!(
            "{}\n  platform: {}   encoding: {}   delimiter: {}   header rows: {}\n  rows: {} = {} used + {} superseded + {} incomplete + {} empty{}\n  questions found: {} of 16\n\n",
            self.file,
            self.platform,
            self.encoding.as_str(),
            delim,
            self.header_rows,
            self.rows,
            self.responses,
            self.superseded,
            self.incomplete,
            self.empty,
            if self.test > 0 {
                format!(" + {} test", self.test)
            } else {
                String::new()
            },
            self.questions_found
        );
        let width = self
            .columns
            .iter()
            .map(|c| header_cell(&c.header).chars().count())
            .max()
            .unwrap_or(6)
            .clamp(6, 48);
        out.push_str(&format!(
            "  {:>3}  {:<width$}  {:<10}  {:<22}  why\n",
            "#", "column", "role", "question / segment"
        ));
        for (i, c) in self.columns.iter().enumerate() {
            let what = c
                .question
                .map(|q| q.to_string())
                .or_else(|| c.segment.clone())
                .unwrap_or_default();
            let role = serde_json::to_value(c.role)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {:>3}  {:<width$}  {:<10}  {:<22}  {}\n",
                i + 1,
                header_cell(&c.header),
                role,
                what,
                c.reason
            ));
        }
        if !self.warnings.is_empty() {
            out.push_str(&format!("\n  {} warning(s):\n", self.warnings.len()));
            for w in &self.warnings {
                let line = w.line.map(|l| format!("line {l}: ")).unwrap_or_default();
                out.push_str(&format!("  - {line}{}\n", w.message));
            }
        }
        out
    }
}

fn header_cell(h: &str) -> String {
    let one: String = h.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 48 {
        format!("{}...", one.chars().take(45).collect::<String>())
    } else if one.is_empty() {
        "(blank)".into()
    } else {
        one
    }
}
