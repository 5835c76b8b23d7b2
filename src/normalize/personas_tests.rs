//! Table-driven tests of `parse_personas`: how reps really write titles.

use super::*;
use Function::*;
use Seniority::*;

fn p(function: Function, seniority: Seniority) -> Persona {
    Persona {
        function,
        seniority,
    }
}

#[test]
fn titles_become_pairs() {
    let cases: Vec<(&str, Vec<Persona>)> = vec![
        ("CFO", vec![p(Finance, CLevel)]),
        ("VP of Marketing", vec![p(Marketing, Vp)]),
        ("Dir. IT", vec![p(It, Director)]),
        ("Dir of IT", vec![p(It, Director)]),
        ("IT director", vec![p(It, Director)]),
        ("Head of RevOps", vec![p(Revops, Director)]),
        ("Hd of Finance", vec![p(Finance, Director)]),
        ("VP Sales or CRO", vec![p(Sales, Vp), p(Sales, CLevel)]),
        (
            "VP Marketing / CFO",
            vec![p(Marketing, Vp), p(Finance, CLevel)],
        ),
        (
            "CFO / Controller",
            vec![p(Finance, CLevel), p(Finance, Unknown)],
        ),
        (
            "IT and procurement",
            vec![p(It, Unknown), p(Procurement, Unknown)],
        ),
        (
            "usually the CFO, in smaller shops the owner",
            vec![p(Finance, CLevel), p(Executive, CLevel)],
        ),
        (
            "CMO, sometimes the CEO in SMB",
            vec![p(Marketing, CLevel), p(Executive, CLevel)],
        ),
        ("finance team", vec![p(Finance, Unknown)]),
        ("Procurement", vec![p(Procurement, Unknown)]),
        ("the end users", vec![p(Other, Individual)]),
        ("Ops manager", vec![p(Operations, Manager)]),
        ("Marketing Ops", vec![p(Revops, Unknown)]),
        ("Sales Ops", vec![p(Revops, Unknown)]),
        ("RevOps lead", vec![p(Revops, Manager)]),
        ("CISO", vec![p(Security, CLevel)]),
        ("InfoSec team", vec![p(Security, Unknown)]),
        ("Controller", vec![p(Finance, Unknown)]),
        ("Office manager", vec![p(Operations, Manager)]),
        ("owner/GM", vec![p(Executive, CLevel)]),
        ("Founder / CEO", vec![p(Executive, CLevel)]),
        ("Sr. Manager, Demand Gen", vec![p(Marketing, Manager)]),
        ("Marketing Coordinator", vec![p(Marketing, Individual)]),
        ("data analysts", vec![p(Data, Individual)]),
        ("BI team", vec![p(Data, Unknown)]),
        ("developers", vec![p(Engineering, Individual)]),
        ("CTO", vec![p(Engineering, CLevel)]),
        ("CIO", vec![p(It, CLevel)]),
        ("COO", vec![p(Operations, CLevel)]),
        ("CHRO", vec![p(Hr, CLevel)]),
        ("CCO", vec![p(CustomerSuccess, CLevel)]),
        ("Chief Revenue Officer", vec![p(Sales, CLevel)]),
        ("legal counsel", vec![p(Legal, Individual)]),
        ("General Counsel", vec![p(Legal, CLevel)]),
        ("purchasing", vec![p(Procurement, Unknown)]),
        ("it depends on the size", vec![]),
        ("N/A", vec![]),
        ("same as buyer", vec![]),
        ("SVP Sales", vec![p(Sales, Vp)]),
        ("EVP, Operations", vec![p(Operations, Vp)]),
        ("V.P. of I.T.", vec![p(It, Vp)]),
        (
            "VP of Sales & Marketing",
            vec![p(Sales, Vp), p(Marketing, Vp)],
        ),
        (
            "Sales and Marketing Directors",
            vec![p(Sales, Director), p(Marketing, Director)],
        ),
        (
            "VP or Director of Marketing",
            vec![p(Marketing, Vp), p(Marketing, Director)],
        ),
        ("Mgr, Customer Success", vec![p(CustomerSuccess, Manager)]),
        ("Co-founder", vec![p(Executive, CLevel)]),
        ("C-suite", vec![p(Executive, CLevel)]),
        ("CFO's office", vec![p(Finance, CLevel)]),
        ("Managing Director", vec![p(Executive, CLevel)]),
        ("Senior Director of Product", vec![p(Product, Director)]),
        ("IT Security Manager", vec![p(Security, Manager)]),
        ("R&D lead", vec![p(Engineering, Manager)]),
        ("HR / People Ops", vec![p(Hr, Unknown)]),
        ("Chief Financial Officer", vec![p(Finance, CLevel)]),
        ("Associate Director, Finance", vec![p(Finance, Director)]),
        ("the IT guys sign off", vec![p(It, Unknown)]),
        ("Marketing leadership", vec![p(Marketing, Unknown)]),
        ("executive team", vec![p(Executive, Unknown)]),
        ("Managers", vec![p(Other, Manager)]),
        (
            "IT manager and the finance team",
            vec![p(It, Manager), p(Finance, Unknown)],
        ),
        ("head of it", vec![p(It, Director)]),
        ("Senior Accountant", vec![p(Finance, Individual)]),
        ("Compliance officer", vec![p(Legal, Individual)]),
        (
            "Customer Service Reps",
            vec![p(CustomerSuccess, Individual)],
        ),
        ("Director of Sales Operations", vec![p(Revops, Director)]),
        ("President", vec![p(Executive, CLevel)]),
        ("Vice President of Finance", vec![p(Finance, Vp)]),
        ("Security engineer", vec![p(Security, Individual)]),
        (
            "Data team (analysts, data scientists)",
            vec![p(Data, Unknown), p(Data, Individual)],
        ),
        ("Managers (IT)", vec![p(It, Manager)]),
        ("Sales leadership", vec![p(Sales, Unknown)]),
        ("Decision makers", vec![]),
        ("whoever owns the budget", vec![]),
        ("engineering leads", vec![p(Engineering, Manager)]),
        ("Sales & Marketing Ops", vec![p(Revops, Unknown)]),
        ("FP&A analyst", vec![p(Finance, Individual)]),
        (
            "Finance & Ops Director",
            vec![p(Finance, Director), p(Operations, Director)],
        ),
        ("IT Ops", vec![p(It, Unknown)]),
        ("Dev team", vec![p(Engineering, Unknown)]),
        (
            "IT director\r\nFinance team",
            vec![p(It, Director), p(Finance, Unknown)],
        ),
        (
            "Sales reps and their managers",
            vec![p(Sales, Individual), p(Sales, Manager)],
        ),
        ("Events manager", vec![p(Marketing, Manager)]),
        ("CEO & CFO", vec![p(Executive, CLevel), p(Finance, CLevel)]),
        ("cfo and cio", vec![p(Finance, CLevel), p(It, CLevel)]),
        ("SDR manager", vec![p(Sales, Manager)]),
        (
            "Marketing Manager/Director",
            vec![p(Marketing, Manager), p(Marketing, Director)],
        ),
        (
            "VP, Director or Manager of IT",
            vec![p(It, Vp), p(It, Director), p(It, Manager)],
        ),
        (
            "Sales/Marketing Director",
            vec![p(Sales, Director), p(Marketing, Director)],
        ),
        ("it's the CFO", vec![p(Finance, CLevel)]),
        (
            "For hospitals: CIO and CMIO",
            vec![p(It, CLevel), p(Other, CLevel)],
        ),
        ("Head of People", vec![p(Hr, Director)]),
        ("marketing people", vec![p(Marketing, Unknown)]),
        ("Staff accountant", vec![p(Finance, Individual)]),
        (
            "Owner (small), Ops Director (mid), CFO (enterprise)",
            vec![
                p(Executive, CLevel),
                p(Operations, Director),
                p(Finance, CLevel),
            ],
        ),
        (
            "1) CFO 2) Controller 3) AP manager",
            vec![p(Finance, CLevel), p(Finance, Unknown), p(Finance, Manager)],
        ),
    ];
    let mut failures = vec![];
    for (text, want) in &cases {
        let got = parse_personas(text);
        if &got != want {
            failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn explain_names_the_words_that_matched() {
    let got = explain_personas("VP of Marketing");
    assert_eq!(
        got,
        vec![(
            p(Marketing, Vp),
            "function:marketing + level:vp".to_string()
        )]
    );
    assert_eq!(explain_personas("CFO")[0].1, "title:cfo");
}

#[test]
fn title_table_parses() {
    // The table is parsed lazily; a broken file would panic here first.
    assert_eq!(parse_personas("cfo"), vec![p(Finance, CLevel)]);
}

#[test]
fn long_cells_are_read_in_one_pass() {
    let cell = "VP of Sales & Marketing, the CFO, IT team; ".repeat(2000);
    assert_eq!(
        parse_personas(&cell),
        vec![
            p(Sales, Vp),
            p(Marketing, Vp),
            p(Finance, CLevel),
            p(It, Unknown)
        ]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_safe_and_pairs_appear_once(text in "\\PC{0,80}") {
            let got = parse_personas(&text);
            for (i, a) in got.iter().enumerate() {
                prop_assert!(!got[i + 1..].contains(a), "{text:?}: {got:?}");
            }
        }

        #[test]
        fn no_title_word_no_pair(text in "[0-9 ,.;:!?()-]{0,40}") {
            prop_assert_eq!(parse_personas(&text), vec![]);
        }
    }
}
