//! Keeps the labelled development set (`tests/data/devset/`) well-formed:
//! every line parses, every label is an id of the taxonomy
//! (`../shared/spec/taxonomy.md`), the sizes promised in `docs/accuracy.md`
//! hold, and no answer leaks from dev into holdout. It checks the data only,
//! never the quality of the rules (that is `examples/evaluate.rs`).

use frontline::normalize::{DurationRange, Persona, Tone};
use frontline::questions::{CodebookId, QuestionId};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

// Transcribed from taxonomy.md; the default codebooks are not filled in yet,
// and the set must not lean on whatever rules they end up with.
const BUYING_CONCERNS: &[&str] = &[
    "price",
    "budget",
    "timing",
    "roi",
    "competitor",
    "status_quo",
    "authority",
    "integration",
    "security",
    "features",
    "implementation",
    "contract",
    "vendor_risk",
    "support",
    "usability",
];
const DIFFERENTIATORS: &[&str] = &[
    "ease_of_use",
    "support",
    "price_value",
    "integrations",
    "features",
    "performance",
    "security",
    "customization",
    "expertise",
    "time_to_value",
    "brand",
    "relationship",
    "innovation",
    "proof",
];
const PAINS: &[&str] = &[
    "manual_work",
    "visibility",
    "budget_pressure",
    "resources",
    "career_risk",
    "compliance_risk",
    "legacy_systems",
    "growth_targets",
    "time_pressure",
    "change_management",
    "customer_experience",
    "leadership_pressure",
];
const SUCCESS_FACTORS: &[&str] = &[
    "champion",
    "executive_sponsor",
    "clear_roi",
    "demo_trial",
    "relationship",
    "pain_fit",
    "references",
    "timing",
    "multi_threading",
    "pricing_fit",
    "follow_up",
];
const SALES_STAGES: &[&str] = &[
    "lead",
    "discovery",
    "demo",
    "trial",
    "technical_review",
    "proposal",
    "stakeholder_review",
    "negotiation",
    "procurement_legal",
    "close",
    "onboarding",
];
const WEBSITE: &[&str] = &[
    "messaging",
    "proof",
    "pricing_info",
    "product_detail",
    "industry_content",
    "navigation",
    "design",
    "speed_mobile",
    "lead_capture",
    "comparison",
    "resources",
    "seo",
];

fn theme_ids(book: CodebookId) -> &'static [&'static str] {
    match book {
        CodebookId::BuyingConcerns => BUYING_CONCERNS,
        CodebookId::Differentiators => DIFFERENTIATORS,
        CodebookId::Pains => PAINS,
        CodebookId::SuccessFactors => SUCCESS_FACTORS,
        CodebookId::SalesStages => SALES_STAGES,
        CodebookId::Website => WEBSITE,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeCase {
    question: String,
    text: String,
    themes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StageCase {
    text: String,
    stages: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemCase {
    question: String,
    text: String,
    items: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonaCase {
    text: String,
    personas: Vec<Persona>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DurationCase {
    text: String,
    durations: Vec<DurationRange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToneCase {
    text: String,
    tone: Tone,
}

/// Both splits of one kind, each case with its split name; panics naming
/// the file and line of any line that is not a valid case.
fn load<T: DeserializeOwned>(kind: &str) -> Vec<(&'static str, T)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/devset");
    let mut out = Vec::new();
    for split in ["dev", "holdout"] {
        let path = dir.join(format!("{split}_{kind}.jsonl"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (n, line) in text.lines().enumerate() {
            let case = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            out.push((split, case));
        }
    }
    out
}

/// Holdout is about a third of the set, and no text is there twice.
fn check_split<'a>(kind: &str, cases: impl Iterator<Item = (&'static str, &'a str)>) {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let (mut dev, mut holdout) = (0usize, 0usize);
    for (split, text) in cases {
        // A repeated text would leak from dev into holdout, or count twice.
        assert!(seen.insert(text), "{kind}: {text:?} is in the set twice");
        *if split == "dev" {
            &mut dev
        } else {
            &mut holdout
        } += 1;
    }
    let share = holdout as f64 / (dev + holdout) as f64;
    assert!(
        (0.25..=0.40).contains(&share),
        "{kind}: holdout share {share:.2}"
    );
}

#[test]
fn themes_use_their_codebooks_ids_and_meet_the_minimums() {
    let cases = load::<ThemeCase>("themes");
    let mut per_book: BTreeMap<CodebookId, usize> = BTreeMap::new();
    let mut per_theme: BTreeMap<(CodebookId, &str), usize> = BTreeMap::new();
    for (_, case) in &cases {
        let q: QuestionId = case.question.parse().unwrap();
        let book = q.codebook().filter(|b| *b != CodebookId::SalesStages);
        let book = book.unwrap_or_else(|| panic!("{q} is not a themed question"));
        assert!(
            !case.text.trim().is_empty() && !case.themes.is_empty(),
            "{:?}",
            case.text
        );
        let unique: BTreeSet<&String> = case.themes.iter().collect();
        assert_eq!(
            unique.len(),
            case.themes.len(),
            "repeated theme: {:?}",
            case.text
        );
        let other = case.themes.iter().any(|t| t == "other");
        assert!(
            !other || case.themes.len() == 1,
            "`other` must stand alone: {:?}",
            case.text
        );
        for t in &case.themes {
            assert!(
                t == "other" || theme_ids(book).contains(&t.as_str()),
                "{t} not in {book:?}"
            );
            *per_theme.entry((book, t.as_str())).or_default() += 1;
        }
        *per_book.entry(book).or_default() += 1;
    }
    assert!(cases.len() >= 360, "{} theme items", cases.len());
    for (book, n) in &per_book {
        let min = match book {
            CodebookId::BuyingConcerns | CodebookId::Differentiators => 80,
            _ => 40,
        };
        assert!(*n >= min, "{book:?}: {n} items, want {min}");
        for id in theme_ids(*book).iter().chain(&["other"]) {
            let seen = per_theme.get(&(*book, *id)).copied().unwrap_or(0);
            assert!(seen >= 2, "{book:?}/{id} labelled {seen} times, want 2");
        }
    }
    assert_eq!(per_book.len(), 5, "every themed codebook is covered");
    check_split("themes", cases.iter().map(|(s, c)| (*s, c.text.as_str())));
}

#[test]
fn stages_are_ids_of_the_sales_stages_codebook_each_once() {
    let cases = load::<StageCase>("stages");
    assert!(cases.len() >= 45, "{} stage answers", cases.len());
    for (_, case) in &cases {
        let unique: BTreeSet<&String> = case.stages.iter().collect();
        assert_eq!(
            unique.len(),
            case.stages.len(),
            "repeated stage: {:?}",
            case.text
        );
        for s in &case.stages {
            assert!(SALES_STAGES.contains(&s.as_str()), "unknown stage {s}");
        }
    }
    for id in SALES_STAGES {
        let n = cases
            .iter()
            .filter(|(_, c)| c.stages.iter().any(|s| s == id))
            .count();
        assert!(n >= 2, "stage {id} labelled {n} times");
    }
    check_split("stages", cases.iter().map(|(s, c)| (*s, c.text.as_str())));
}

#[test]
fn items_are_trimmed_pieces_of_their_cell() {
    let cases = load::<ItemCase>("items");
    assert!(cases.len() >= 90, "{} item cells", cases.len());
    for (_, case) in &cases {
        case.question.parse::<QuestionId>().unwrap();
        for item in &case.items {
            assert_eq!(item, item.trim(), "untrimmed item in {:?}", case.text);
            assert!(!item.is_empty(), "empty item in {:?}", case.text);
            // An item is a piece of the cell as written, never a rewording.
            assert!(
                case.text.contains(item.as_str()),
                "{item:?} not in {:?}",
                case.text
            );
        }
    }
    let fillers = cases.iter().filter(|(_, c)| c.items.is_empty()).count();
    assert!(fillers >= 5, "{fillers} filler cells");
    check_split("items", cases.iter().map(|(s, c)| (*s, c.text.as_str())));
}

#[test]
fn personas_are_valid_pairs_each_once() {
    // Parsing into `Persona` already rejects a function or seniority that is
    // not in the taxonomy.
    let cases = load::<PersonaCase>("personas");
    assert!(cases.len() >= 110, "{} persona answers", cases.len());
    for (_, case) in &cases {
        let unique: BTreeSet<&Persona> = case.personas.iter().collect();
        assert_eq!(
            unique.len(),
            case.personas.len(),
            "repeated pair: {:?}",
            case.text
        );
    }
    assert!(
        cases.iter().any(|(_, c)| c.personas.is_empty()),
        "no answer without a title"
    );
    check_split("personas", cases.iter().map(|(s, c)| (*s, c.text.as_str())));
}

#[test]
fn durations_are_ordered_and_segments_only_tie_several_pairs() {
    let cases = load::<DurationCase>("durations");
    assert!(cases.len() >= 110, "{} duration answers", cases.len());
    for (_, case) in &cases {
        let several = case.durations.len() >= 2;
        for d in &case.durations {
            assert!(
                d.high.is_none_or(|h| d.low <= h),
                "low > high: {:?}",
                case.text
            );
            assert!(
                d.high.is_none_or(|h| h <= 3 * 366),
                "implausible: {:?}",
                case.text
            );
            assert_eq!(
                d.segment.is_some(),
                several,
                "segment rule: {:?}",
                case.text
            );
            if let Some(seg) = &d.segment {
                assert_eq!(seg, &seg.to_lowercase(), "segment not lowercased");
                let text = case.text.to_lowercase();
                assert!(
                    text.contains(seg.as_str()),
                    "{seg:?} not in {:?}",
                    case.text
                );
            }
        }
    }
    let vague = cases.iter().filter(|(_, c)| c.durations.is_empty()).count();
    assert!(vague * 100 >= cases.len() * 10, "{vague} vague answers");
    check_split(
        "durations",
        cases.iter().map(|(s, c)| (*s, c.text.as_str())),
    );
}

#[test]
fn tone_answers_parse_and_cover_every_tone() {
    let cases = load::<ToneCase>("tone");
    assert!(cases.len() >= 40, "{} tone answers", cases.len());
    for tone in [Tone::Positive, Tone::Negative, Tone::Mixed, Tone::Neutral] {
        assert!(
            cases.iter().filter(|(_, c)| c.tone == tone).count() >= 5,
            "{tone:?}"
        );
    }
    check_split("tone", cases.iter().map(|(s, c)| (*s, c.text.as_str())));
}
