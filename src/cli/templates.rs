//! `frontline templates`: lists the built-in templates, or writes them to
//! a folder to start your own from; and the check of a `--templates`
//! folder that `report` and `diff` run before any work.

use super::write_file;
use frontline::error::Error;
use frontline::render::{TEMPLATES, template_file_name};
use std::path::{Path, PathBuf};

/// List the built-in templates, or write them to a folder to edit.
///
/// `report --templates DIR` and `diff --templates DIR` then use each file
/// of DIR that has a built-in template's name instead of the built-in one.
/// Every variable the templates see is listed in docs/templates.md.
///
/// Example:
///   frontline templates --export my-templates
///   frontline report responses.csv --templates my-templates
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write the built-in templates into this folder (created if needed).
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,

    /// Overwrite template files that already exist in the folder.
    #[arg(long, requires = "export")]
    pub force: bool,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let Some(dir) = a.export else {
        let mut text = String::from("Built-in templates (file name in a --templates folder):\n");
        for (name, _) in TEMPLATES {
            text.push_str(&format!("  {}\n", template_file_name(name)));
        }
        text.push_str("Write them out with `frontline templates --export DIR`.\n");
        super::print_out(&text)?;
        return Ok(0);
    };
    let files: Vec<(PathBuf, &str)> = TEMPLATES
        .iter()
        .map(|(name, text)| (dir.join(template_file_name(name)), *text))
        .collect();
    // Check every file before writing any, so a refusal changes nothing.
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() && !a.force {
        let verb = if existing.len() == 1 {
            "exists"
        } else {
            "exist"
        };
        return Err(Error::Usage(format!(
            "{} already {verb}; nothing was written. Give --force to overwrite, or another folder",
            existing.join(", ")
        )));
    }
    for (path, text) in &files {
        write_file(path, text)?;
    }
    println!(
        "Wrote {} templates to {}/. Edit them, then run `frontline report ... --templates {}`; docs/templates.md lists every variable.",
        files.len(),
        dir.display(),
        dir.display()
    );
    Ok(0)
}

/// Checks a `--templates` folder: it exists and overrides at least one
/// template. Files that look like templates but match no name are named
/// (a `report.html` without `.tera` would otherwise be ignored silently).
pub fn check_dir(dir: &Path) -> Result<(), Error> {
    let names: Vec<String> = TEMPLATES
        .iter()
        .map(|(n, _)| template_file_name(n))
        .collect();
    let advice = format!(
        "--templates: give a folder holding one or more of {} (write them with `frontline templates --export DIR`)",
        names.join(", ")
    );
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Read {
        path: dir.to_path_buf(),
        what: format!("not a readable folder ({e}). {advice}"),
        source: Some(e),
    })?;
    let mut used = 0;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if names.contains(&file) {
            used += 1;
        } else if file.ends_with(".tera") || file.ends_with(".css") || file.ends_with(".html") {
            eprintln!(
                "warning: {} is not a template name and is not used; the names are {}",
                entry.path().display(),
                names.join(", ")
            );
        }
    }
    if used == 0 {
        return Err(Error::Read {
            path: dir.to_path_buf(),
            what: format!("holds no template, so nothing would change. {advice}"),
            source: None,
        });
    }
    Ok(())
}
