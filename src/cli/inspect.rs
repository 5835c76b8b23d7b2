//! `frontline inspect`: what frontline understood of an export, before any
//! report.

use super::load_config;
use frontline::error::Error;
use frontline::ingest::{self, Platform, ReadOptions};
use std::path::PathBuf;

/// Show what frontline understands of an export: platform, encoding,
/// delimiter, header rows, row counts, and the role of every column.
///
/// Example:
///   frontline inspect responses.csv
///   frontline inspect responses.csv --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The survey export (CSV or .xlsx); `-` reads standard input.
    #[arg(value_name = "EXPORT")]
    pub export: PathBuf,

    /// `text` for people, `json` for scripts (see docs/inspect.md).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Config file [default: ./frontline.toml when present].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read the export as this platform instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub platform: Option<Platform>,

    /// Count preview and test responses as responses.
    #[arg(long)]
    pub include_tests: bool,

    /// Refuse an export larger than this many megabytes [default: 1024].
    #[arg(long, value_name = "MB")]
    pub max_input_mb: Option<u64>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let config = load_config(a.config.as_deref())?;
    let opts = ReadOptions {
        platform: a.platform,
        include_incomplete: config.include_incomplete,
        include_tests: a.include_tests,
        max_input_bytes: a
            .max_input_mb
            .map_or(ingest::limits::DEFAULT_MAX_INPUT_BYTES, |mb| {
                mb.saturating_mul(1 << 20)
            }),
    };
    let inspection = ingest::inspect(&a.export, &config.column_rules(), &opts)?;
    match a.format {
        Format::Text => super::print_out(&inspection.to_text())?,
        Format::Json => super::print_out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&inspection).expect("inspection serializes")
        ))?,
    }
    Ok(0)
}
