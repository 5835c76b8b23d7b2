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
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The process exit code for this error (see README, "Exit codes").
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } => 4,
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}
