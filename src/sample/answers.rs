//! One answer per question, the way reps type them: list cells of one to
//! five corpus items joined in one of several styles, titles, sales
//! processes and cycle lengths composed from parts, website verdicts with
//! and without a comment, some blanks and some filler.

use super::corpus::Corpus;
use super::rng::Rng;
use crate::questions::{AnswerKind, QuestionId};

/// How the answers of one row depend on its segments.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    /// 0 SMB, 1 mid-market, 2 enterprise: deals are longer up-market.
    pub size: usize,
}

/// The answer of one row to `q` ("" for a blank).
pub fn answer(c: &Corpus, r: &mut Rng, q: QuestionId, p: Profile) -> String {
    if r.chance(0.05) {
        return String::new();
    }
    match q.kind() {
        AnswerKind::CodedList => list_answer(c, r, q),
        AnswerKind::CodedText => {
            if r.chance(0.6) {
                r.pick(&c.tone).clone()
            } else {
                r.pick(&c.themes[q.as_str()]).clone()
            }
        }
        AnswerKind::Personas => personas(c, r, q),
        AnswerKind::Stages => sales_process(r),
        AnswerKind::Duration => cycle_length(r, p),
        AnswerKind::Rating => rating(r, q),
    }
}

const FILLER: &[&str] = &["n/a", "see above", "same as last time", "-", "N/A", "dunno"];

fn list_answer(c: &Corpus, r: &mut Rng, q: QuestionId) -> String {
    if r.chance(0.03) {
        return r.pick(FILLER).to_string();
    }
    let items: Vec<String> = match c.lists.get(q.as_str()) {
        Some(cells) if r.chance(0.2) => r.pick(cells).clone(),
        _ => {
            let k = 1 + r.weighted(&[40, 30, 18, 8, 4]);
            let pool = &c.themes[q.as_str()];
            (0..k).map(|_| r.pick(pool).clone()).collect()
        }
    };
    join(r, &items)
}

/// Joins items in one of the styles reps use: lines, bullets, numbers,
/// semicolons, commas, slashes.
fn join(r: &mut Rng, items: &[String]) -> String {
    if items.len() == 1 {
        return items[0].clone();
    }
    let one_line = items.iter().all(|i| !i.contains('\n'));
    let style = r.below(8);
    let mut out = String::new();
    for (n, item) in items.iter().enumerate() {
        let item = item.trim_end_matches(['.', ';']);
        let sep = match style {
            0 => "\n",
            1 => "\n- ",
            2 => "\n",
            3 if one_line => "; ",
            4 if one_line && !item.contains(',') => ", ",
            5 if one_line => " / ",
            6 => "\n• ",
            _ => "\n",
        };
        if n > 0 {
            out.push_str(sep);
        } else if sep.len() > 1 && sep.starts_with('\n') {
            out.push_str(&sep[1..]);
        }
        if style == 2 {
            out.push_str(&format!("{}. ", n + 1));
        }
        out.push_str(item);
    }
    out
}

fn personas(c: &Corpus, r: &mut Rng, q: QuestionId) -> String {
    if let Some(cells) = c.lists.get(q.as_str())
        && r.chance(0.15)
    {
        let i = r.below(cells.len());
        return join(r, &cells[i]);
    }
    let k = 1 + r.weighted(&[45, 35, 20]);
    let titles: Vec<String> = (0..k).map(|_| r.pick(&c.personas).clone()).collect();
    let sep = *r.pick(&[", ", " / ", " or ", "\n", "; ", " and "]);
    titles.join(sep)
}

/// Each stage of the taxonomy in a few wordings, in the usual order.
const STAGES: &[&[&str]] = &[
    &[
        "inbound lead",
        "SDR meeting",
        "referral",
        "cold outreach",
        "first call",
    ],
    &[
        "discovery",
        "discovery call",
        "qualification",
        "needs analysis",
    ],
    &["demo", "product demo", "presentation", "walkthrough"],
    &["pilot", "POC", "free trial", "sandbox"],
    &[
        "security review",
        "IT review",
        "tech review w/ IT",
        "security questionnaire",
    ],
    &["proposal", "quote", "pricing", "business case"],
    &["exec presentation", "committee review", "board approval"],
    &["negotiation", "discounting", "terms"],
    &[
        "procurement",
        "legal review",
        "redlines",
        "vendor onboarding",
    ],
    &["signature", "PO", "closed won", "contract signed"],
    &["kickoff", "handoff to CS", "implementation"],
];

const REMARKS: &[&str] = &[
    "legal always slows it down",
    "procurement adds a month",
    "depends on the segment",
    "SMB skips most of this",
    "the POC is where we win or lose",
    "",
];

fn sales_process(r: &mut Rng) -> String {
    let mut steps: Vec<&str> = vec![];
    for (i, words) in STAGES.iter().enumerate() {
        if matches!(i, 1 | 2 | 9) || r.chance(0.45) {
            steps.push(*r.pick(words));
        }
    }
    if steps.len() > 3 && r.chance(0.1) {
        steps.swap(1, 2);
    }
    let sep = *r.pick(&[" -> ", ", then ", " > ", "\n", "; ", ", "]);
    let mut out = steps.join(sep);
    let remark = *r.pick(REMARKS);
    if !remark.is_empty() && r.chance(0.3) {
        out.push_str(". ");
        out.push_str(remark);
    }
    out
}

const NUMBER_WORDS: &[&str] = &["two", "three", "four", "six", "nine", "twelve"];

fn cycle_length(r: &mut Rng, p: Profile) -> String {
    // Typical months by size: SMB ~1, mid-market ~3, enterprise ~9.
    let base = [1u32, 3, 8][p.size];
    let lo = r.range(base.max(2) - 1, base + 1).max(1);
    let hi = lo + r.range(1, 3 + p.size as u32 * 2);
    match r.weighted(&[20, 14, 10, 10, 8, 6, 6, 6, 8, 4, 4, 4]) {
        0 => format!("{lo}-{hi} months"),
        1 => format!("{} days", lo * 30),
        2 => format!("about {} days", lo * 30),
        3 => format!("{} to {} weeks", lo * 4, hi * 4),
        4 => format!("{lo}+ months"),
        5 => format!("under {} days", hi * 30),
        6 => format!("{} months", NUMBER_WORDS[r.below(NUMBER_WORDS.len())]),
        7 => "a couple of months".into(),
        8 => format!(
            "SMB {} days, enterprise {} months",
            r.range(2, 6) * 10,
            hi + 5
        ),
        9 => "half a year".into(),
        10 => format!("{hi}+ months now, the security review alone is ~{lo} mo"),
        _ => r
            .pick(&["depends", "varies", "n/a", "it depends on legal"])
            .to_string(),
    }
}

const VALUE: &[&str] = &[
    "Yes",
    "yes",
    "No",
    "Partly",
    "Somewhat",
    "1",
    "2",
    "3",
    "4",
    "5",
    "Yes - great for demos",
    "Partly, the pricing page helps",
    "No, I never send people there",
    "4 - much better since the redesign",
    "Not really",
];

const FIT: &[&str] = &[
    "Yes",
    "No",
    "Partly",
    "Mostly",
    "Partly - missing: IT buyers",
    "No, nothing for healthcare",
    "Partly, missing: CFOs and finance teams",
    "Mostly, but not for SMB owners",
    "Not for public sector",
];

fn rating(r: &mut Rng, q: QuestionId) -> String {
    let pool = if q == QuestionId::WebsiteValue {
        VALUE
    } else {
        FIT
    };
    r.pick(pool).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_keep_every_item() {
        let items: Vec<String> = ["too pricey", "no SSO", "legal review"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for seed in 0..40 {
            let out = join(&mut Rng::new(seed), &items);
            for i in &items {
                assert!(out.contains(i.as_str()), "{out}");
            }
        }
    }

    #[test]
    fn composed_answers_are_never_empty() {
        let mut r = Rng::new(3);
        for size in 0..3 {
            for _ in 0..200 {
                assert!(!cycle_length(&mut r, Profile { size }).is_empty());
                let process = sales_process(&mut r);
                assert!(process.split_whitespace().count() >= 3, "{process}");
            }
        }
    }
}
