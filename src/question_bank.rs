//! The survey to send, as embedded data (`data/question_bank.toml`): the 16
//! questions with the sales and the marketing ("mirror") wording, why each
//! is asked and how to put it in a form, and the recommended segment
//! questions. `frontline questions` prints it in three formats and
//! `docs/question-bank.md` embeds the Markdown one, so the survey a user
//! builds and the documentation cannot drift apart.

use crate::questions::QuestionId;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// Whose survey: the sales team's, or marketing's mirror of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Team {
    Sales,
    Marketing,
}

/// The whole bank, in the order a form asks it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionBank {
    /// Answer kind (`list`, `text`, ...) -> how it is asked.
    pub answer: BTreeMap<String, AnswerType>,
    #[serde(rename = "question")]
    pub questions: Vec<BankQuestion>,
    #[serde(rename = "segment")]
    pub segments: Vec<SegmentQuestion>,
}

/// How a kind of answer is asked, and the field type per survey tool.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerType {
    pub label: String,
    pub google_forms: String,
    pub microsoft_forms: String,
    pub surveymonkey: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankQuestion {
    pub id: QuestionId,
    pub answer: String,
    pub sales: String,
    pub marketing: String,
    pub why: String,
    pub tip: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentQuestion {
    /// The segment name the report uses (`company_size`, ...).
    pub id: String,
    pub sales: String,
    pub marketing: String,
    pub options: Vec<String>,
    /// Options for the marketing survey when they differ.
    #[serde(default)]
    pub marketing_options: Option<Vec<String>>,
    pub why: String,
}

impl BankQuestion {
    pub fn wording(&self, team: Team) -> &str {
        match team {
            Team::Sales => &self.sales,
            Team::Marketing => &self.marketing,
        }
    }
}

impl SegmentQuestion {
    pub fn wording(&self, team: Team) -> &str {
        match team {
            Team::Sales => &self.sales,
            Team::Marketing => &self.marketing,
        }
    }

    pub fn options(&self, team: Team) -> &[String] {
        match (team, &self.marketing_options) {
            (Team::Marketing, Some(o)) => o,
            _ => &self.options,
        }
    }
}

/// The embedded bank, parsed once. The data ships with the binary and is
/// checked by the tests, so a parse failure is a build defect.
pub fn bank() -> &'static QuestionBank {
    static BANK: OnceLock<QuestionBank> = OnceLock::new();
    BANK.get_or_init(|| {
        toml::from_str(include_str!("../data/question_bank.toml"))
            .expect("data/question_bank.toml is valid (see the question_bank tests)")
    })
}

impl QuestionBank {
    /// How a question's answer is asked.
    pub fn answer_type(&self, q: &BankQuestion) -> &AnswerType {
        &self.answer[&q.answer]
    }

    /// Ready to paste into a form builder: each question on a line, its
    /// options one per line below it (form builders add a choice per
    /// pasted line), a blank line between questions. Segment questions
    /// come first.
    pub fn to_text(&self, team: Team) -> String {
        let mut out = String::new();
        for s in &self.segments {
            out.push_str(s.wording(team));
            out.push('\n');
            for o in s.options(team) {
                out.push_str(o);
                out.push('\n');
            }
            out.push('\n');
        }
        for q in &self.questions {
            out.push_str(q.wording(team));
            out.push_str("\n\n");
        }
        out.pop();
        out
    }

    /// One row per form field, for a spreadsheet or a bulk import.
    pub fn to_csv(&self, team: Team) -> String {
        let mut w = csv::Writer::from_writer(vec![]);
        let header = [
            "section",
            "id",
            "question",
            "answer",
            "google_forms",
            "microsoft_forms",
            "surveymonkey",
            "options",
            "tip",
        ];
        let mut rows = vec![header.map(String::from).to_vec()];
        let choice = &self.answer["choice"];
        for s in &self.segments {
            rows.push(vec![
                "segment".into(),
                s.id.clone(),
                s.wording(team).into(),
                choice.label.clone(),
                choice.google_forms.clone(),
                choice.microsoft_forms.clone(),
                choice.surveymonkey.clone(),
                s.options(team).join(" | "),
                "Replace the options with your own; keep them the same every quarter.".into(),
            ]);
        }
        for q in &self.questions {
            let a = self.answer_type(q);
            rows.push(vec![
                "question".into(),
                q.id.as_str().into(),
                q.wording(team).into(),
                a.label.clone(),
                a.google_forms.clone(),
                a.microsoft_forms.clone(),
                a.surveymonkey.clone(),
                String::new(),
                q.tip.clone(),
            ]);
        }
        for r in rows {
            w.write_record(&r).expect("writing to memory");
        }
        String::from_utf8(w.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
    }

    /// The survey for one team as Markdown; with `None`, both wordings
    /// side by side (the reference part of docs/question-bank.md).
    pub fn to_markdown(&self, team: Option<Team>) -> String {
        let mut out = match team {
            Some(Team::Sales) => "# The sales team's survey\n\n".to_string(),
            Some(Team::Marketing) => "# The marketing team's mirror survey\n\n".to_string(),
            None => String::new(),
        };
        out.push_str("## Segment questions (ask these first)\n\n");
        self.segments_markdown(&mut out, team);
        out.push_str("\n## The 16 questions\n");
        for (i, q) in self.questions.iter().enumerate() {
            let a = self.answer_type(q);
            let _ = write!(out, "\n### {}. `{}`\n\n", i + 1, q.id);
            match team {
                Some(t) => {
                    let _ = writeln!(out, "> {}\n", q.wording(t));
                }
                None => {
                    let _ = writeln!(out, "- **Sales:** {}", q.sales);
                    let _ = writeln!(out, "- **Marketing (mirror):** {}", q.marketing);
                }
            }
            let _ = writeln!(out, "- **Why:** {}", q.why);
            let _ = writeln!(
                out,
                "- **Answer:** {}. Google Forms: {}; Microsoft Forms: {}; SurveyMonkey: {}.",
                a.label, a.google_forms, a.microsoft_forms, a.surveymonkey
            );
            let _ = writeln!(out, "- **Tip:** {}", q.tip);
        }
        out
    }

    fn segments_markdown(&self, out: &mut String, team: Option<Team>) {
        let choice = &self.answer["choice"];
        let _ = writeln!(
            out,
            "Each is a single-choice field (Google Forms: {}; Microsoft Forms: {}; SurveyMonkey: {}). The options are examples: use your own, and keep them the same every quarter so that segments compare.\n",
            choice.google_forms, choice.microsoft_forms, choice.surveymonkey
        );
        match team {
            Some(t) => {
                out.push_str("| segment | question | example options | why |\n|---|---|---|---|\n");
                for s in &self.segments {
                    let _ = writeln!(
                        out,
                        "| `{}` | {} | {} | {} |",
                        s.id,
                        s.wording(t),
                        s.options(t).join(", "),
                        s.why
                    );
                }
            }
            None => {
                out.push_str("| segment | sales | marketing | example options | why |\n|---|---|---|---|---|\n");
                for s in &self.segments {
                    let mut options = s.options.join(", ");
                    if let Some(m) = &s.marketing_options {
                        let _ = write!(options, " (marketing: {})", m.join(", "));
                    }
                    let _ = writeln!(
                        out,
                        "| `{}` | {} | {} | {} | {} |",
                        s.id, s.sales, s.marketing, options, s.why
                    );
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "question_bank_tests.rs"]
mod tests;
