//! `frontline diff`: two quarters compared.

use frontline::error::Error;
use std::path::PathBuf;

/// Compare two quarters: what is new, what grew, what faded.
///
/// Example:
///   frontline diff frontline-reports/2026-Q2/snapshot.json frontline-reports/2026-Q3/snapshot.json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The earlier quarter: a snapshot.json or an export.
    pub old: PathBuf,
    /// The later quarter: a snapshot.json or an export.
    pub new: PathBuf,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let _ = a;
    Err(Error::Usage("diff is not written yet".into()))
}
