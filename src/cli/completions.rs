//! `frontline completions`: a shell completion script, generated from the
//! same clap definition as the parser, so it never misses an option.

use clap::CommandFactory;
use clap_complete::Shell;
use frontline::error::Error;

/// Print a completion script for your shell.
///
/// Examples:
///   frontline completions bash > ~/.local/share/bash-completion/completions/frontline
///   frontline completions zsh > ~/.zfunc/_frontline
///   frontline completions fish > ~/.config/fish/completions/frontline.fish
///   frontline completions powershell >> $PROFILE
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// bash, zsh, fish, powershell or elvish.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut super::Cli::command(), "frontline", &mut out);
    super::print_out(&String::from_utf8_lossy(&out))?;
    Ok(0)
}
