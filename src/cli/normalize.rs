//! `frontline normalize`: the coded data in tidy form, one record per
//! answer item (contract in docs/normalize.md).

use super::{ReadArgs, report_warnings};
use frontline::error::Error;
use frontline::normalize::tidy::{self, TidyOptions};
use frontline::pipeline::{self, Request};
use frontline::progress::Progress;
use std::path::PathBuf;

/// Write the coded answers, one record per answer item, for analysts, BI
/// tools and audits. Text is kept as written unless --redact is given.
///
/// Example:
///   frontline normalize responses.csv > coded.jsonl
///   frontline normalize responses.csv --format csv --out coded.csv --explain
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The survey export(s); `-` reads standard input.
    #[arg(required = true, value_name = "EXPORT")]
    pub exports: Vec<PathBuf>,

    /// `jsonl` (JSON Lines) or `csv` (lists joined with `|`, safe to open
    /// in Excel).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Add a `rules` field: which codebook rule matched each theme.
    #[arg(long)]
    pub explain: bool,

    /// Replace emails, phone numbers, URLs and respondents' names in the text.
    #[arg(long)]
    pub redact: bool,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

pub fn run(a: Args) -> Result<i32, Error> {
    super::check_exports(&a.exports)?;
    let config = a.read.config()?;
    let req = Request {
        exports: a.exports,
        config,
        quarter: None,
        platform: a.read.platform,
        include_tests: a.read.include_tests,
        max_input_bytes: a.read.max_input_bytes(),
    };
    let progress = a.read.progress();
    let (survey, _, coded) = pipeline::read_and_code_with(&req, &progress)?;
    progress.finish();
    let code = report_warnings(&survey.warnings, a.read.strict);
    if code != 0 {
        return Ok(code);
    }
    let opts = TidyOptions {
        explain: a.explain,
        redact: a.redact,
    };
    // Each record is written as it is made: no list of them all, no
    // string of the whole output.
    let records = tidy::each_record(&survey, &coded, opts);
    let write = |w: &mut dyn std::io::Write| match a.format {
        Format::Jsonl => tidy::write_jsonl(records, &mut { w }),
        Format::Csv => tidy::write_csv(records, &mut { w }),
    };
    match &a.out {
        Some(path) => {
            let n = super::output::write_one_with(path, write)?;
            super::warn(&format!("Wrote {n} records to {}", path.display()));
        }
        None => {
            super::stream_out(write)?;
        }
    }
    Ok(0)
}
