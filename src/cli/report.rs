//! `frontline report`: exports in, `report.md`, `report.html` and
//! `snapshot.json` out.

use super::{ReadArgs, report_warnings, say, warn};
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
///   frontline report sales.csv --marketing marketing.csv --messaging product.html
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The survey export(s): CSV or .xlsx from Google Forms, SurveyMonkey,
    /// Qualtrics, Microsoft Forms, Typeform, LimeSurvey, ... Several files
    /// of the same survey (e.g. one per region) are merged; `-` reads
    /// standard input.
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

    /// Marketing's answers to the mirror survey (`frontline questions
    /// --team marketing`), any layout frontline reads: the briefing then
    /// sets marketing's picture against what sales hears (see
    /// docs/alignment.md) [default: `[alignment] marketing` in the config].
    #[arg(long, value_name = "EXPORT", num_args = 1..)]
    pub marketing: Vec<PathBuf>,

    /// The published positioning: a Markdown or text file, or a web page
    /// saved as HTML. Its claims are checked against why reps say clients
    /// buy and against the top objections; needs --marketing [default:
    /// `[alignment] messaging` in the config].
    #[arg(long, value_name = "FILE")]
    pub messaging: Option<PathBuf>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Folder with your own report.md.tera / report.html.tera / style.css
    /// to use instead of the built-in ones (start from `frontline
    /// templates --export DIR`; see docs/templates.md).
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

    /// Replace the report in the --out folder even when it is another
    /// quarter's (or its snapshot.json cannot be read).
    #[arg(long)]
    pub force: bool,
}

pub fn run(a: Args) -> Result<i32, Error> {
    super::check_exports(&a.exports)?;
    let config = a.read.config()?;
    let branding = super::branding::resolve(&config)?;
    if let Some(dir) = &a.templates {
        super::templates::check_dir(dir)?;
    }
    let renderer = Renderer::for_report(a.templates.as_deref())?.with_branding(branding);
    let side = super::alignment::resolve(a.marketing, a.messaging, &config)?;
    let req = Request {
        exports: a.exports,
        config,
        quarter: a.quarter,
        platform: a.read.platform,
        include_tests: a.read.include_tests,
        max_input_bytes: a.read.max_input_bytes(),
    };
    let mut analysis = pipeline::analyze_with(&req, &a.read.progress())?;
    let mut warnings = analysis.survey.warnings.clone();
    if let Some(side) = &side {
        let marketing = pipeline::align(&req, &mut analysis, side)?;
        warnings.extend(marketing.survey.warnings);
    }
    let code = report_warnings(&warnings, a.read.strict);
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
                warn(&format!("warning: history in {}: {n}", dir.display()));
            }
            h
        }
        None => vec![],
    };
    let previous = match &a.previous {
        Some(p) => Some(super::diff::load_side(p, a.read.config.as_deref())?),
        None => history.last().cloned(),
    };
    if !a.force {
        refuse_other_quarter(&out, snapshot.quarter.as_deref())?;
    }
    let view = briefing::build_with(snapshot, previous.as_ref(), &history);
    let (md, html, json) = (
        renderer.markdown(&view)?,
        renderer.html(&view)?,
        snapshot.to_json(),
    );
    let files = [
        ("report.md", md.as_str()),
        ("report.html", html.as_str()),
        ("snapshot.json", json.as_str()),
    ];
    super::output::write_set(&out, &files)?;
    // Progress comes after the files are safe: a full or closed standard
    // output cannot cost the report.
    if let Some(p) = &previous {
        say(&format!(
            "Compared with {}.",
            p.quarter.as_deref().unwrap_or("the previous snapshot")
        ))?;
    }
    let acc = snapshot.data_quality.accounting;
    let tests = match acc.test {
        0 => String::new(),
        n => format!(", {n} preview or test"),
    };
    say(&format!(
        "Read {} rows: {} responses used, {} superseded, {} incomplete, {} empty{tests}.",
        acc.rows, acc.used, acc.superseded, acc.incomplete, acc.empty
    ))?;
    say(&format!(
        "Wrote the {} briefing to {}/ (report.md, report.html, snapshot.json).",
        snapshot.quarter.as_deref().unwrap_or("undated"),
        out.display()
    ))?;
    Ok(0)
}

/// A folder that already holds another quarter's report (or a snapshot
/// that cannot be read, so its quarter is unknown) is not replaced without
/// `--force`: a mistyped `--out` must not cost last quarter's briefing.
fn refuse_other_quarter(out: &Path, quarter: Option<&str>) -> Result<(), Error> {
    let path = out.join("snapshot.json");
    if !path.is_file() {
        return Ok(());
    }
    let old = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| Snapshot::from_json(&t).ok());
    let found = match &old {
        Some(s) if s.quarter.as_deref() == quarter => return Ok(()),
        Some(s) => format!("the {} report", s.quarter.as_deref().unwrap_or("undated")),
        None => "a snapshot.json frontline cannot read".to_string(),
    };
    Err(Error::Refused {
        path: out.to_path_buf(),
        what: format!(
            "this folder holds {found}, not the {} one; choose another --out, or add --force to replace it",
            quarter.unwrap_or("undated")
        ),
    })
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
            Err(e) => warn(&format!(
                "warning: skipping {} in the history: {e}",
                p.display()
            )),
        }
    }
    Ok(out)
}
