//! The library's top-level error: what went wrong in which stage, worded
//! for the person running the tool. Exit codes are mapped in `main.rs`.

use crate::config::ConfigError;
use crate::ingest::IngestError;
use crate::render::RenderError;
use crate::snapshot::SnapshotError;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("codebooks: {0}")]
    Codebook(String),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("{path}: {source}")]
    Snapshot {
        path: PathBuf,
        #[source]
        source: SnapshotError,
    },
    /// An input (snapshot, history folder) that could not be read.
    #[error("{path}: {what}")]
    Read {
        path: PathBuf,
        what: String,
        #[source]
        source: Option<std::io::Error>,
    },
    /// An output that could not be written.
    #[error("{path}: could not write it ({source}); check that the folder exists and is writable")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An output frontline will not write, and why (a link, another
    /// quarter's report without `--force`).
    #[error("{path}: {what}")]
    Refused { path: PathBuf, what: String },
    /// Standard output could not take the text (a full disk); a closed
    /// pipe is not an error.
    #[error(
        "could not write to standard output ({0}); check the disk or the command it is piped to"
    )]
    Stdout(#[source] std::io::Error),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The process exit code for this error (see README, "Exit codes").
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } | Error::Refused { .. } | Error::Stdout(_) => 4,
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}
