//! `frontline normalize`: the coded data in tidy form, one record per
//! answer item (contract in docs/normalize.md).

use super::{load_config, report_warnings, write_file};
use frontline::error::Error;
use frontline::ingest::Platform;
use frontline::normalize::tidy::{self, TidyOptions};
use frontline::pipeline::{self, Request};
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
    /// The survey export(s).
    #[arg(required = true, value_name = "EXPORT")]
    pub exports: Vec<PathBuf>,

    /// Config file [default: ./frontline.toml when present].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

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

    /// Read the exports as this platform instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub platform: Option<Platform>,

    /// Keep responses the platform marks as not finished.
    #[arg(long)]
    pub include_incomplete: bool,

    /// Fail (exit code 3) when there are warnings.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let mut config = load_config(a.config.as_deref())?;
    config.include_incomplete |= a.include_incomplete;
    let req = Request {
        exports: a.exports,
        config,
        quarter: None,
        platform: a.platform,
    };
    let (survey, _, coded) = pipeline::read_and_code(&req)?;
    let code = report_warnings(&survey.warnings, a.strict);
    if code != 0 {
        return Ok(code);
    }
    let opts = TidyOptions {
        explain: a.explain,
        redact: a.redact,
    };
    let records = tidy::records(&survey, &coded, opts);
    let text = match a.format {
        Format::Jsonl => tidy::to_jsonl(&records),
        Format::Csv => tidy::to_csv(&records),
    };
    match a.out {
        Some(path) => {
            write_file(&path, &text)?;
            eprintln!("Wrote {} records to {}", records.len(), path.display());
        }
        None => super::print_out(&text)?,
    }
    Ok(0)
}
