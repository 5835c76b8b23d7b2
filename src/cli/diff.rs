//! `frontline diff`: two quarters compared.

use super::{load_config, say, warn};
use frontline::briefing::diff_briefing;
use frontline::config::Config;
use frontline::diff;
use frontline::error::Error;
use frontline::pipeline::{self, Request};
use frontline::render::Renderer;
use frontline::snapshot::Snapshot;
use std::path::{Path, PathBuf};

/// Compare two quarters: themes new, gone, rising and falling (with an
/// exact test, honest about small samples), cycle length overall and per
/// segment, personas, the website verdict, emerging themes, and any change
/// in the survey itself.
///
/// Each side is a snapshot.json, a report folder holding one, or an export.
///
/// Example:
///   frontline diff frontline-reports/2026-Q2 frontline-reports/2026-Q3
///   frontline diff q2.csv q3.csv --out briefing/
///   frontline diff old/snapshot.json new/snapshot.json --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The earlier quarter.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later quarter.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Folder for diff.md and diff.html [default:
    /// frontline-reports/diff-<OLD>-<NEW>].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// `md` writes diff.md and diff.html; `json` prints the comparison to
    /// standard output for scripts (see docs/diff.md).
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,

    /// Config file, used when a side is an export and for the `[report]`
    /// branding [default: ./frontline.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Folder with your own diff.md.tera / diff.html.tera / style.css to use
    /// instead of the built-in ones (see docs/templates.md).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Md,
    Json,
}

/// A snapshot from a snapshot file, a report folder or an export (`-`:
/// an export on standard input).
pub fn load_side(path: &Path, config_path: Option<&Path>) -> Result<Snapshot, Error> {
    load_side_with(path, &|| load_config(config_path))
}

/// The same, with the config (needed only for an export) from `config`.
fn load_side_with(
    path: &Path,
    config: &dyn Fn() -> Result<Config, Error>,
) -> Result<Snapshot, Error> {
    let stdin = path.as_os_str() == frontline::ingest::STDIN_ARG;
    let file = if path.is_dir() && !stdin {
        path.join("snapshot.json")
    } else {
        path.to_path_buf()
    };
    let is_json = !stdin
        && file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let advice = if path.is_dir() {
            "This folder holds no snapshot.json: give the folder of an earlier `frontline report`, its snapshot.json, or an export."
        } else {
            "Give a snapshot.json written by `frontline report`, the folder holding it, or an export."
        };
        let text = super::read_input(&file, advice)?;
        return Snapshot::from_json(&text).map_err(|source| Error::Snapshot { path: file, source });
    }
    let req = Request {
        exports: vec![file],
        config: config()?,
        quarter: None,
        platform: None,
        include_tests: false,
        max_input_bytes: None,
    };
    Ok(pipeline::analyze(&req)?.snapshot)
}

pub fn run(a: Args) -> Result<i32, Error> {
    super::check_exports(&[a.old.clone(), a.new.clone()])?;
    // Read once, and checked before either side is read.
    let config = load_config(a.config.as_deref())?;
    let renderer = match a.format {
        Format::Md => {
            let branding = super::branding::resolve(&config)?;
            if let Some(dir) = &a.templates {
                super::templates::check_dir(dir)?;
            }
            Some(Renderer::for_diff(a.templates.as_deref())?.with_branding(branding))
        }
        Format::Json => None,
    };
    let config = || Ok(config.clone());
    let old = load_side_with(&a.old, &config)?;
    let new = load_side_with(&a.new, &config)?;
    let d = diff::diff(&old, &new);
    let view = diff_briefing(&old, &new, &d);
    if !view.order_warning.is_empty() {
        warn(&format!("warning: {}", view.order_warning));
    }
    match renderer {
        None => {
            let json = serde_json::to_string_pretty(&d).expect("diff serializes");
            super::print_out(&format!("{json}\n"))?;
        }
        Some(r) => {
            let out = a.out.unwrap_or_else(|| {
                // The labels were checked when read; keeping only letters,
                // digits and dashes makes sure no label can climb folders.
                let q = |s: &Snapshot| {
                    let label = s.quarter.as_deref().unwrap_or("undated");
                    label
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect::<String>()
                };
                PathBuf::from("frontline-reports").join(format!("diff-{}-{}", q(&old), q(&new)))
            });
            let (md, html) = (r.diff_markdown(&view)?, r.diff_html(&view)?);
            super::output::write_set(&out, &[("diff.md", &md), ("diff.html", &html)])?;
            say(&format!(
                "Wrote the comparison to {}/ (diff.md, diff.html).",
                out.display()
            ))?;
        }
    }
    Ok(0)
}
