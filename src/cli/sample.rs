//! `frontline sample`: writes a generated export (see `frontline::sample`),
//! streamed to standard output or to a file.

use frontline::error::Error;
use frontline::sample::{self, Layout, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write a realistic, generated survey export: the 16 questions answered
/// with texts from frontline's labelled corpus, four segment columns and
/// one platform's metadata. The same --seed gives the same file.
///
/// Example:
///   frontline sample --responses 1000 > sample.csv
///   frontline sample --responses 100000 --layout qualtrics --out big.csv
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// How many responses (rows).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub responses: u64,

    /// The seed: the same seed, size and layout give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// The platform's layout: google_forms, qualtrics, surveymonkey,
    /// microsoft_forms, typeform or limesurvey.
    #[arg(long, value_name = "NAME", default_value_t = Layout::GoogleForms)]
    pub layout: Layout,

    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let opts = Options {
        responses: a.responses,
        seed: a.seed,
        layout: a.layout,
    };
    match &a.out {
        Some(path) => write_file(path, &opts)?,
        None => {
            let out = std::io::BufWriter::new(std::io::stdout().lock());
            match sample::write(&opts, out) {
                Err(e) if !is_broken_pipe(&e) => return Err(Error::Stdout(into_io(e))),
                _ => {}
            }
        }
    }
    Ok(0)
}

/// Streams into a temporary file beside `path`, then renames it into
/// place: a killed run leaves no half export, and no link is written
/// through.
fn write_file(path: &Path, opts: &Options) -> Result<(), Error> {
    let err = |e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    if path.is_symlink() {
        return Err(Error::Refused {
            path: path.to_path_buf(),
            what:
                "is a symbolic link; frontline writes no file through a link, so give another --out"
                    .into(),
        });
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(d) = dir {
        std::fs::create_dir_all(d).map_err(err)?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let file = std::fs::File::create(&tmp).map_err(err)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
    let written = sample::write(opts, &mut out)
        .map_err(into_io)
        .and_then(|()| out.flush())
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

fn into_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

fn is_broken_pipe(e: &csv::Error) -> bool {
    matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
}
