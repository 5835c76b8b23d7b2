//! `frontline man`: the manual pages, generated from the clap definition
//! (clap_mangen), so the man page and `--help` say the same.

use clap::CommandFactory;
use frontline::error::Error;
use std::path::PathBuf;

/// Print the man page, or write one page per command into a folder.
///
/// Examples:
///   frontline man | man -l -
///   frontline man --out ~/.local/share/man/man1
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write frontline.1 and frontline-<command>.1 into this folder
    /// instead of printing frontline.1.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let cmd = super::Cli::command();
    let Some(dir) = a.out else {
        super::print_out(&render(&cmd))?;
        return Ok(0);
    };
    let mut pages = vec![("frontline.1".to_string(), render(&cmd))];
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        // The page's name is the one `man frontline-report` looks for.
        let name = format!("frontline-{}", sub.get_name());
        let sub = sub
            .clone()
            .display_name(name.clone())
            .bin_name(format!("frontline {}", sub.get_name()));
        pages.push((format!("{name}.1"), render(&sub)));
    }
    for (file, text) in &pages {
        super::write_file(&dir.join(file), text)?;
    }
    println!("Wrote {} man pages to {}/.", pages.len(), dir.display());
    Ok(0)
}

/// One page as roff text. The main page lists the commands in its
/// SUBCOMMANDS section.
fn render(cmd: &clap::Command) -> String {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut out)
        .expect("writing to memory");
    String::from_utf8_lossy(&out).into_owned()
}
