//! Table tests of the default codebooks over items written the way sales
//! reps write them: abbreviations, typos, several themes, negation.

use super::*;
use crate::normalize::Codebooks;
use crate::questions::CodebookId;

fn check(book: CodebookId, cases: &[(&str, &[&str])]) {
    let books = Codebooks::defaults();
    let book = books.get(book).expect("default codebook");
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got: Vec<String> = code(book, text).into_iter().map(|h| h.id).collect();
        if got != *want {
            wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn buying_concerns() {
    check(
        CodebookId::BuyingConcerns,
        &[
            (
                "price is never the issue, it's the SAP integration",
                &["integration"],
            ),
            (
                "Too expensive and IT worries about security",
                &["price", "security"],
            ),
            ("pricing is to high", &["price"]),
            ("too $$ for a team their size", &["price"]),
            ("budget freeze until next FY", &["budget"]),
            ("no budget", &["budget"]),
            ("not a priority right now", &["timing"]),
            ("need to run it by my boss", &["authority"]),
            ("happy with current vendor", &["status_quo"]),
            ("they built something in-house", &["status_quo"]),
            ("SSO with Okta", &["integration"]),
            ("SSO and a SOC 2 report", &["integration", "security"]),
            ("intergration with their ERP", &["integration"]),
            ("secuirty questionnaire is 300 questions", &["security"]),
            (
                "legal redlines on the MSA, auto-renew clause",
                &["contract"],
            ),
            ("startup risk - who else uses you?", &["vendor_risk"]),
            ("onboarding and training effort", &["implementation"]),
            ("steep learning curve, clunky UI", &["usability"]),
            (
                "no issue with pricing but they need GDPR terms",
                &["security"],
            ),
            ("security wasn't an issue, timing was", &["timing"]),
            ("they don't care about integrations", &["other"]),
            ("they never ask about security, only price", &["price"]),
            ("can't build the business case", &["roi"]),
            ("evaluating two other vendors", &["competitor"]),
            ("does it have a mobile app?", &["features"]),
            ("who is their account manager after the sale", &["support"]),
            ("the weather", &["other"]),
            ("do you support single sign on?", &["integration"]),
            ("is there a setup fee?", &["price"]),
            ("went with a cheaper option", &["competitor", "price"]),
            ("they don't see security as a blocker", &["other"]),
            ("customised dashboards are missing", &["features"]),
        ],
    );
}

#[test]
fn differentiators() {
    check(
        CodebookId::Differentiators,
        &[
            (
                "easy to use, reps adopt it without training",
                &["ease_of_use"],
            ),
            ("super responsive support team", &["support"]),
            ("cheaper and more flexible pricing", &["price_value"]),
            (
                "native Salesforce and HubSpot integrations",
                &["integrations"],
            ),
            ("the reporting and forecasting features", &["features"]),
            (
                "rock solid uptime, scales to millions of records",
                &["performance"],
            ),
            ("SOC 2 Type II and HIPAA compliant", &["security"]),
            ("highly configurable to their workflow", &["customization"]),
            ("we know healthcare better than anyone", &["other"]),
            ("deep industry expertise in healthcare", &["expertise"]),
            ("live in two weeks", &["time_to_value"]),
            ("big brand name, everyone knows them", &["brand"]),
            ("long-term relationship with the CIO", &["relationship"]),
            ("their AI roadmap", &["innovation"]),
            ("case studies and G2 reviews", &["proof"]),
            ("great support and easy to use", &["ease_of_use", "support"]),
            ("not the cheapest but best support", &["support"]),
            ("they don't win on price, it's their brand", &["brand"]),
        ],
    );
}

#[test]
fn pains() {
    check(
        CodebookId::Pains,
        &[
            (
                "everything is done manually in spreadsheets",
                &["manual_work"],
            ),
            ("no visibility into pipeline", &["visibility"]),
            ("asked to do more with less", &["budget_pressure"]),
            (
                "understaffed, one person doing the job of three",
                &["resources"],
            ),
            ("afraid of picking the wrong vendor again", &["career_risk"]),
            ("upcoming audit and GDPR exposure", &["compliance_risk"]),
            (
                "legacy on-prem system held together with duct tape",
                &["legacy_systems"],
            ),
            ("pressure to hit the revenue target", &["growth_targets"]),
            ("tight deadline before Q4 launch", &["time_pressure"]),
            (
                "getting the team to adopt a new tool",
                &["change_management"],
            ),
            ("customer churn is up", &["customer_experience"]),
            ("the board wants proof of results", &["leadership_pressure"]),
            (
                "manual reporting takes hours every week",
                &["manual_work", "visibility"],
            ),
        ],
    );
}

#[test]
fn success_factors() {
    check(
        CodebookId::SuccessFactors,
        &[
            ("a strong internal champion", &["champion"]),
            ("exec sponsor from day one", &["executive_sponsor"]),
            (
                "a clear business case with their own numbers",
                &["clear_roi"],
            ),
            ("a POC that proved it works", &["demo_trial"]),
            ("trust and rapport with the rep", &["relationship"]),
            ("a real, urgent pain we solve", &["pain_fit"]),
            ("reference calls with similar customers", &["references"]),
            ("budget available at the right time", &["timing"]),
            ("involving IT and procurement early", &["multi_threading"]),
            ("a package that fits their budget", &["pricing_fit"]),
            ("fast follow-up after every call", &["follow_up"]),
            ("a champion and a good demo", &["champion", "demo_trial"]),
        ],
    );
}

#[test]
fn website() {
    check(
        CodebookId::Website,
        &[
            ("the value prop is too generic", &["messaging"]),
            ("add more customer logos and case studies", &["proof"]),
            ("show pricing", &["pricing_info"]),
            ("screenshots of the product", &["product_detail"]),
            ("pages for each industry", &["industry_content"]),
            ("hard to find anything, the menu is a maze", &["navigation"]),
            ("looks dated", &["design"]),
            ("slow on mobile", &["speed_mobile"]),
            ("make it easier to book a demo", &["lead_capture"]),
            ("a comparison page vs the big players", &["comparison"]),
            ("more webinars and an ROI calculator", &["resources"]),
            ("we don't show up on Google", &["seo"]),
            (
                "love the design but the pricing page is confusing",
                &["design", "pricing_info"],
            ),
        ],
    );
}

#[test]
fn stages_in_order_of_first_mention() {
    let books = Codebooks::defaults();
    let book = books.get(CodebookId::SalesStages).expect("stages");
    assert_eq!(
        stages(
            book,
            "Inbound lead -> discovery call -> demo -> POC -> security review -> proposal -> negotiation -> legal redlines -> signature -> kickoff, then the demo again"
        ),
        [
            "lead",
            "discovery",
            "demo",
            "trial",
            "technical_review",
            "proposal",
            "negotiation",
            "procurement_legal",
            "close",
            "onboarding"
        ]
    );
    assert_eq!(
        stages(book, "we present to the buying committee"),
        ["stakeholder_review"]
    );
    assert!(stages(book, "it depends").is_empty());
}

#[test]
fn explain_names_the_rule() {
    let books = Codebooks::defaults();
    let book = books.get(CodebookId::BuyingConcerns).expect("book");
    let hits = code(book, "budget freeze");
    assert_eq!(hits[0].rule, "phrase:\"budget freeze\"");
    assert_eq!(code(book, "expensive")[0].rule, "stem:expens");
    assert_eq!(code(book, "hello")[0].id, "other");
}
