//! `frontline init`: writes a commented starter `frontline.toml`.

use frontline::error::Error;
use std::path::PathBuf;

/// Write a commented starter frontline.toml for your company.
///
/// It covers competitors, segments, fiscal year, team size and branding,
/// each explained. An existing file is never overwritten without --force.
///
/// Example:
///   frontline init --company "Northwind Traders"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Your company's name, used in the report's title.
    #[arg(long, value_name = "NAME")]
    pub company: Option<String>,

    /// Where to write it.
    #[arg(long, value_name = "FILE", default_value = "frontline.toml")]
    pub out: PathBuf,

    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(a: Args) -> Result<i32, Error> {
    if a.out.exists() && !a.force {
        return Err(Error::Usage(format!(
            "{} already exists; nothing was written. Give --force to overwrite it, or --out another file",
            a.out.display()
        )));
    }
    let text = frontline::init::starter_config(a.company.as_deref());
    super::write_file(&a.out, &text)?;
    println!(
        "Wrote {}. Add your competitors and segments, then run `frontline report EXPORT` in this folder (or with --config {}).",
        a.out.display(),
        a.out.display()
    );
    Ok(0)
}
