//! Errors a person can act on: each names the file (and row and column where
//! there is one) and says what to do.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{path}: no such file. Check the path, or run `ls` in the folder you expect it in.")]
    NotFound { path: PathBuf },

    #[error("{path}: could not be read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: the file is empty. Download the responses again from the survey tool.")]
    Empty { path: PathBuf },

    #[error("{path}: this is not a CSV export: it looks like {what}. {advice}")]
    NotText {
        path: PathBuf,
        what: String,
        advice: String,
    },

    #[error("{path}, line {line}: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error(
        "{path}: no column matches any of the 16 survey questions (headers seen: {headers}). \
         If this is the right file, map the columns in frontline.toml under [questions] \
         (see docs/config.md), or check that the first row holds the question texts."
    )]
    NoQuestions { path: PathBuf, headers: String },

    #[error("{path}: {message}")]
    Strict { path: PathBuf, message: String },

    #[error(
        "{path}: more than {limit_mb} MB, the limit for one export; this looks like an endless \
         stream (such as /dev/zero) or the wrong file. If it really is the export, raise the \
         limit with --max-input-mb."
    )]
    TooLarge { path: PathBuf, limit_mb: u64 },

    #[error(
        "{path}: {what}; frontline refuses it rather than run out of memory (the limits are in \
         docs/robustness.md). Export only the survey's responses, or save the sheet again as CSV UTF-8."
    )]
    TooBig { path: PathBuf, what: String },

    #[error(
        "{path}: {what}, so there is nothing to report. Download the responses again from the \
         survey tool once people have answered (or check that this is the right file)."
    )]
    NoResponses { path: PathBuf, what: String },

    #[error("{path}: no usable responses: {what}")]
    NoUsable { path: PathBuf, what: String },
}
