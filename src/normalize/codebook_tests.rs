//! Tests of the default codebooks against taxonomy.md and of the
//! `[codebooks]` config: additions, relabels, removals, replacement files.

use super::*;
use crate::normalize::themes::code;
use std::path::Path;

/// The theme ids of `../shared/spec/taxonomy.md`, codebook by codebook.
const TAXONOMY: [(CodebookId, &[&str]); 6] = [
    (
        CodebookId::BuyingConcerns,
        &[
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
        ],
    ),
    (
        CodebookId::Differentiators,
        &[
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
        ],
    ),
    (
        CodebookId::Pains,
        &[
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
        ],
    ),
    (
        CodebookId::SuccessFactors,
        &[
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
        ],
    ),
    (
        CodebookId::SalesStages,
        &[
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
        ],
    ),
    (
        CodebookId::Website,
        &[
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
        ],
    ),
];

#[test]
fn default_ids_are_the_taxonomy() {
    let books = Codebooks::defaults();
    for (id, want) in TAXONOMY {
        let book = books.get(id).expect("default codebook");
        assert_eq!(book.ids(), want, "{}", id.as_str());
        assert_eq!(book.id, id.as_str());
        for t in &book.themes {
            assert!(!t.label.is_empty(), "{} needs a label", t.id);
            assert!(
                !t.terms.is_empty() || !t.phrases.is_empty(),
                "{} has no rules",
                t.id
            );
        }
    }
}

#[test]
fn fingerprints_are_stable_and_change_with_ids() {
    let a = Codebooks::defaults();
    let b = Codebooks::defaults();
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_eq!(a.fingerprint().len(), 12);
    let fps = a.fingerprints();
    assert_eq!(fps["website"].theme_ids.len(), 12);
    let cfg: CodebooksConfig =
        toml::from_str("[website.themes.careers]\nlabel = \"Careers page\"\nterms = [\"careers\"]")
            .unwrap();
    let c = Codebooks::with_config(&cfg, Path::new(".")).unwrap();
    assert_ne!(a.fingerprint(), c.fingerprint());
    assert_eq!(a.fingerprints()["pains"], c.fingerprints()["pains"]);
    assert_ne!(a.fingerprints()["website"], c.fingerprints()["website"]);
}

#[test]
fn config_adds_extends_relabels_and_removes() {
    let cfg: CodebooksConfig = toml::from_str(
        r#"
[buying_concerns]
remove = ["vendor_risk"]
[buying_concerns.themes.price]
label = "Price and packaging"
terms = ["per-seat"]
[buying_concerns.themes.data_residency]
label = "Data residency"
phrases = ["EU hosting", "data * in the EU"]
"#,
    )
    .unwrap();
    let books = Codebooks::with_config(&cfg, Path::new(".")).unwrap();
    let book = books.get(CodebookId::BuyingConcerns).unwrap();
    assert_eq!(book.label("price"), "Price and packaging");
    assert!(!book.ids().contains(&"vendor_risk"));
    let ids = |t: &str| code(book, t).into_iter().map(|h| h.id).collect::<Vec<_>>();
    assert_eq!(ids("they need EU hosting"), ["data_residency", "security"]);
    assert_eq!(ids("the per-seat model"), ["price"]);
}

#[test]
fn config_errors_name_the_codebook_file_and_theme() {
    let parse = |s: &str| toml::from_str::<CodebooksConfig>(s).unwrap();
    let err = Codebooks::with_config(
        &parse("[objections.themes.x]\nlabel = \"X\""),
        Path::new("."),
    )
    .unwrap_err();
    assert!(
        err.contains("objections") && err.contains("buying_concerns"),
        "{err}"
    );
    let err = Codebooks::with_config(
        &parse("[pains.themes.burnout]\nterms = [\"burnout\"]"),
        Path::new("."),
    )
    .unwrap_err();
    assert!(err.contains("burnout") && err.contains("label"), "{err}");
    let err = Codebooks::with_config(&parse("[pains]\nfile = \"nope.toml\""), Path::new("/tmp"))
        .unwrap_err();
    assert!(err.contains("nope.toml"), "{err}");
    assert!(toml::from_str::<CodebooksConfig>("[pains]\ncolour = 1").is_err());
}

#[test]
fn config_replaces_a_codebook_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("website.toml"),
        "[[theme]]\nid = \"careers\"\nlabel = \"Careers\"\nterms = [\"jobs\"]\n",
    )
    .unwrap();
    let cfg: CodebooksConfig = toml::from_str("[website]\nfile = \"website.toml\"").unwrap();
    let books = Codebooks::with_config(&cfg, dir.path()).unwrap();
    let book = books.get(CodebookId::Website).unwrap();
    assert_eq!(book.ids(), ["careers"]);
    assert_eq!(code(book, "add a jobs page")[0].id, "careers");
    std::fs::write(dir.path().join("website.toml"), "[[theme]]\nid = \"x\"\n").unwrap();
    let err = Codebooks::with_config(&cfg, dir.path()).unwrap_err();
    assert!(
        err.contains("website.toml") && err.contains("label"),
        "{err}"
    );
}

#[test]
fn the_documented_example_works() {
    let doc = include_str!("../../docs/codebooks.md");
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or_default())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("codebooks")).unwrap();
    std::fs::write(dir.path().join("codebooks/our-pains.toml"), blocks[2]).unwrap();
    let config: toml::Table = toml::from_str(blocks[0]).unwrap();
    let cfg: CodebooksConfig = config["codebooks"].clone().try_into().unwrap();
    let books = Codebooks::with_config(&cfg, dir.path()).unwrap();
    let concerns = books.get(CodebookId::BuyingConcerns).unwrap();
    let ids = |t: &str| {
        code(concerns, t)
            .into_iter()
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids("they insist on EU hosting"),
        ["data_residency", "security"]
    );
    assert_eq!(concerns.label("price"), "Price and packaging");
    let pains = books.get(CodebookId::Pains).unwrap();
    assert_eq!(pains.ids(), ["manual_work", "month_end_close"]);
    assert!(
        !books
            .get(CodebookId::Website)
            .unwrap()
            .ids()
            .contains(&"seo")
    );
}
