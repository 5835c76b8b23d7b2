//! `frontline report`: exports in, `report.md`, `report.html` and
//! `snapshot.json` out.

use super::{ReadArgs, report_warnings, write_file};
use frontline::briefing::{self, history};
use frontline::error::Error;
use frontline::pipeline::{self, Request};
use frontline::render::Renderer;
use frontline::snapshot::Snapshot;
use std::path::Path;
use std::path::PathBuf;

/// Write the briefing (report.md, report.html) and snapshot.json for one
/// quarter's export(s).
///
/// Example:
///   frontline report "Sales survey (Responses) - Form Responses 1.csv"
///   frontline report emea.csv americas.csv --quarter 2026-Q3 --out briefing/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The survey export(s): CSV or .xlsx from Google Forms, SurveyMonkey,
    /// Qualtrics, Microsoft Forms, Typeform, LimeSurvey, ... Several files
    /// of the same survey (e.g. one per region) are merged.
    #[arg(required = true, value_name = "EXPORT")]
    pub exports: Vec<PathBuf>,

    /// Folder to write into [default: frontline-reports/<QUARTER>, e.g.
    /// frontline-reports/2026-Q3, so that quarters sit side by side].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The quarter the survey is about, e.g. 2026-Q3 or FY2027-Q1
    /// [default: the quarter most responses were submitted in].
    #[arg(long, value_name = "LABEL")]
    pub quarter: Option<String>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Folder with your own report.md.tera / report.html.tera / style.css
    /// to use instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// The previous quarter's snapshot.json (or its report folder): every
    /// figure shows its change since then.
    #[arg(long, value_name = "SNAPSHOT")]
    pub previous: Option<PathBuf>,

    /// A folder of earlier reports (e.g. frontline-reports), found by their
    /// snapshot.json: adds trends over up to 8 quarters, and the latest
    /// earlier quarter is the previous one unless --previous is given.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let config = a.read.config()?;
    let renderer = Renderer::new(a.templates.as_deref())?;
    let req = Request {
        exports: a.exports,
        config,
        quarter: a.quarter,
        platform: a.read.platform,
    };
    let analysis = pipeline::analyze(&req)?;
    let code = report_warnings(&analysis.survey.warnings, a.read.strict);
    if code != 0 {
        return Ok(code);
    }
    let snapshot = &analysis.snapshot;
    let out = a.out.unwrap_or_else(|| {
        PathBuf::from("frontline-reports")
            .join(snapshot.quarter.clone().unwrap_or_else(|| "undated".into()))
    });
    let history = match &a.history {
        Some(dir) => {
            let (h, notes) = history::arrange(snapshot, load_history(dir)?);
            for n in notes {
                eprintln!("warning: history in {}: {n}", dir.display());
            }
            h
        }
        None => vec![],
    };
    let previous = match &a.previous {
        Some(p) => Some(super::diff::load_side(p, a.read.config.as_deref())?),
        None => history.last().cloned(),
    };
    if let Some(p) = &previous {
        println!(
            "Comparing with {}.",
            p.quarter.as_deref().unwrap_or("the previous snapshot")
        );
    }
    let view = briefing::build_with(snapshot, previous.as_ref(), &history);
    let files = [
        ("report.md", renderer.markdown(&view)?),
        ("report.html", renderer.html(&view)?),
        ("snapshot.json", snapshot.to_json()),
    ];
    for (name, text) in &files {
        write_file(&out.join(name), text)?;
    }
    let acc = snapshot.data_quality.accounting;
    println!(
        "Read {} rows: {} responses used, {} superseded, {} incomplete, {} empty.",
        acc.rows, acc.used, acc.superseded, acc.incomplete, acc.empty
    );
    println!(
        "Wrote the {} briefing to {}/ (report.md, report.html, snapshot.json).",
        snapshot.quarter.as_deref().unwrap_or("undated"),
        out.display()
    );
    Ok(0)
}

/// The snapshots in `dir` (its own snapshot.json and those one folder
/// down); the library puts them in quarter order. A snapshot that cannot
/// be read is skipped with a warning rather than stopping the report.
fn load_history(dir: &Path) -> Result<Vec<Snapshot>, Error> {
    let read_err = |e: std::io::Error| Error::Read {
        path: dir.to_path_buf(),
        what: format!(
            "could not list this folder ({e}). Give the folder that holds earlier reports, e.g. frontline-reports."
        ),
        source: Some(e),
    };
    let mut paths = vec![dir.join("snapshot.json")];
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        paths.push(entry.map_err(read_err)?.path().join("snapshot.json"));
    }
    paths.sort();
    let mut out: Vec<Snapshot> = vec![];
    for p in paths.into_iter().filter(|p| p.is_file()) {
        match super::diff::load_side(&p, None) {
            Ok(s) => out.push(s),
            Err(e) => eprintln!("warning: skipping {} in the history: {e}", p.display()),
        }
    }
    Ok(out)
}
