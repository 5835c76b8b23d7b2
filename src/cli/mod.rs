//! The command line, defined once with clap derive; one module per
//! subcommand. This layer alone touches output files and the terminal.

use clap::{Parser, Subcommand};
use frontline::config::Config;
use frontline::error::Error;
use std::path::{Path, PathBuf};

mod alignment;
mod branding;
mod clean_write;
mod completions;
mod diff;
mod init;
mod inspect;
mod man;
mod normalize;
pub mod output;
mod progress;
mod questions;
mod report;
mod sample;
mod templates;

/// frontline turns your sales team's quarterly survey export into a
/// briefing for marketing: recurring objections, buyer personas, sales
/// cycle length, differentiators, website feedback, and what changed since
/// last quarter.
///
/// Examples:
///   frontline report responses.csv
///   frontline inspect responses.csv
///   frontline normalize responses.csv --format csv --out coded.csv
///   frontline diff reports/2026-Q2/snapshot.json reports/2026-Q3/snapshot.json
///   frontline questions > survey.txt
///   frontline init --company "Northwind Traders"
#[derive(Debug, Parser)]
#[command(name = "frontline", version, verbatim_doc_comment)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Report(report::Args),
    Inspect(inspect::Args),
    Normalize(normalize::Args),
    Diff(diff::Args),
    Questions(questions::Args),
    Init(init::Args),
    Templates(templates::Args),
    Completions(completions::Args),
    Man(man::Args),
    Sample(sample::Args),
}

/// Runs the parsed command; returns the exit code.
pub fn run(cli: Cli) -> Result<i32, Error> {
    match cli.command {
        Command::Report(a) => report::run(a),
        Command::Inspect(a) => inspect::run(a),
        Command::Normalize(a) => normalize::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Questions(a) => questions::run(a),
        Command::Init(a) => init::run(a),
        Command::Templates(a) => templates::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
        Command::Sample(a) => sample::run(a),
    }
}

/// How the exports are read: the options `report` and `normalize` share.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Config file [default: ./frontline.toml when present]; see docs/config.md.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read the exports as this platform instead of detecting it
    /// (google_forms, surveymonkey, qualtrics, microsoft_forms, typeform,
    /// limesurvey, jotform, tally, formbricks, kobotoolbox, generic).
    #[arg(long, value_name = "NAME")]
    pub platform: Option<frontline::ingest::Platform>,

    /// Keep responses the platform marks as not finished (left out by default).
    #[arg(long)]
    pub include_incomplete: bool,

    /// Keep preview and test responses (Qualtrics' Survey Preview and
    /// Survey Test; left out and counted by default).
    #[arg(long)]
    pub include_tests: bool,

    /// Refuse an export larger than this many megabytes (a stream is cut
    /// there) [default: 1024].
    #[arg(long, value_name = "MB")]
    pub max_input_mb: Option<u64>,

    /// Fail (exit code 3) when there are warnings, e.g. unreadable rows.
    #[arg(long)]
    pub strict: bool,

    /// No progress bar (one is drawn on a terminal for runs longer than
    /// about a second).
    #[arg(long, short)]
    pub quiet: bool,
}

impl ReadArgs {
    /// The progress bar of this run (hidden with `--quiet` or off a terminal).
    pub fn progress(&self) -> progress::Bar {
        progress::Bar::new(self.quiet)
    }

    /// The config in force, with the command-line choices applied.
    pub fn config(&self) -> Result<Config, Error> {
        let mut config = load_config(self.config.as_deref())?;
        config.include_incomplete |= self.include_incomplete;
        Ok(config)
    }

    /// `--max-input-mb` in bytes.
    pub fn max_input_bytes(&self) -> Option<u64> {
        self.max_input_mb.map(|mb| mb.saturating_mul(1 << 20))
    }
}

/// Standard input can be read once: `-` may be given only once.
pub fn check_exports(exports: &[PathBuf]) -> Result<(), Error> {
    let stdin = exports
        .iter()
        .filter(|p| p.as_os_str() == frontline::ingest::STDIN_ARG)
        .count();
    if stdin > 1 {
        return Err(Error::Usage(
            "`-` (standard input) is given more than once; it can be read only once".into(),
        ));
    }
    Ok(())
}

/// The config file named by `--config`, else `frontline.toml` in the
/// current folder when there is one, else the defaults.
pub fn load_config(path: Option<&Path>) -> Result<Config, Error> {
    match path {
        Some(p) => Ok(Config::load(p)?),
        None => {
            let local = PathBuf::from("frontline.toml");
            if local.is_file() {
                warn("Using the config in ./frontline.toml");
                Ok(Config::load(&local)?)
            } else {
                Ok(Config::default())
            }
        }
    }
}

/// Writes one file, creating its folder, by a temporary file and a rename
/// (never through a link), with the path in any error.
pub fn write_file(path: &Path, contents: &str) -> Result<(), Error> {
    output::write_one(path, contents)
}

/// Prints warnings to stderr (the first few, then a count); with
/// `--strict` they make the run fail with exit code 3.
pub fn report_warnings(warnings: &[frontline::ingest::Warning], strict: bool) -> i32 {
    if warnings.is_empty() {
        return 0;
    }
    warn(&format!("{} warning(s) while reading:", warnings.len()));
    for w in warnings.iter().take(10) {
        let mut at = w.file.clone();
        if let Some(l) = w.line {
            at.push_str(&format!(", line {l}"));
        }
        if let Some(c) = &w.column {
            at.push_str(&format!(", column \"{c}\""));
        }
        warn(&format!("  {at}: {}", w.message));
    }
    if warnings.len() > 10 {
        warn(&format!(
            "  ... and {} more (all are listed in the report's data-quality section)",
            warnings.len() - 10
        ));
    }
    if strict {
        warn("--strict: failing because of the warnings above.");
        3
    } else {
        0
    }
}

/// Writes to standard output; a closed pipe (`frontline normalize x.csv |
/// head`) ends the output quietly instead of failing, a full disk is an
/// error (exit code 4).
pub fn print_out(text: &str) -> Result<(), Error> {
    use std::io::Write;
    let text = frontline::privacy::strip_invisible(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Stdout(e)),
        _ => Ok(()),
    }
}

/// Streams to standard output: `write` gets the output, cleaned of
/// invisible characters as it goes, as [`print_out`] does for a string. A
/// closed pipe (`| head`) ends the run quietly.
pub fn stream_out<T>(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<T>,
) -> Result<Option<T>, Error> {
    use std::io::Write;
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut clean = clean_write::StripInvisible::new(out);
    let done = write(&mut clean).and_then(|v| clean.flush().map(|()| v));
    match done {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(None),
        Err(e) => Err(Error::Stdout(e)),
    }
}

/// One line of progress to standard output, as [`print_out`].
pub fn say(line: &str) -> Result<(), Error> {
    print_out(&format!("{line}\n"))
}

/// One line to standard error. A message that cannot be shown (stderr
/// closed or full) must not turn a finished run into a crash.
pub fn warn(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Reads a text input, saying what to do when it is not there.
pub fn read_input(path: &Path, advice: &str) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::Read {
        path: path.to_path_buf(),
        what: if e.kind() == std::io::ErrorKind::NotFound {
            format!("no such file. {advice}")
        } else {
            format!("could not be read ({e}). {advice}")
        },
        source: Some(e),
    })
}
