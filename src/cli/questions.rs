//! `frontline questions`: the survey to send, ready to paste into a form
//! builder (see docs/question-bank.md).

use frontline::error::Error;
use frontline::question_bank::{Team, bank};

/// Print the survey to send, ready to paste into a form builder.
///
/// The recommended segment questions come first, then the 16 questions,
/// for Google Forms, Microsoft Forms or SurveyMonkey. `--team marketing`
/// prints the mirror survey for the marketing team (same question ids,
/// phrased as "what do you think ..."). See docs/question-bank.md.
///
/// Examples:
///   frontline questions > survey.txt
///   frontline questions --format markdown --team marketing
///   frontline questions --format csv > survey.csv
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// `text`: one question per paragraph with its options below, to
    /// paste; `csv`: one row per field with the field type per survey tool
    /// and a tip; `markdown`: the questions with why each is asked.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Whose survey.
    #[arg(long, value_enum, default_value_t = TeamArg::Sales)]
    pub team: TeamArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TeamArg {
    Sales,
    Marketing,
}

pub fn run(a: Args) -> Result<i32, Error> {
    let team = match a.team {
        TeamArg::Sales => Team::Sales,
        TeamArg::Marketing => Team::Marketing,
    };
    let b = bank();
    let text = match a.format {
        Format::Text => b.to_text(team),
        Format::Csv => b.to_csv(team),
        Format::Markdown => b.to_markdown(Some(team)),
    };
    if matches!(a.format, Format::Text) {
        // On stderr, so that what goes to a file or the clipboard is only
        // the survey.
        eprintln!(
            "The {} survey: segment questions first (make them required), then the 16 questions. \
             Field types and tips: `frontline questions --format markdown` or docs/question-bank.md.",
            match team {
                Team::Sales => "sales team's",
                Team::Marketing => "marketing team's mirror",
            }
        );
    }
    super::print_out(&text)?;
    Ok(0)
}
