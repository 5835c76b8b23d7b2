//! Competitor names without a config: written for these tests in the
//! styles of the corpus (its texts are not copied here).

use super::recognise;

fn names(text: &str) -> Vec<String> {
    recognise(text, |n| n == "Northwind")
}

#[test]
fn names_next_to_comparison_words() {
    assert_eq!(names("they went with Quillbase in the end"), ["Quillbase"]);
    assert_eq!(names("Ductora had the smoother demo"), ["Ductora"]);
    assert_eq!(names("Vantrix threw in the first year free"), ["Vantrix"]);
    assert_eq!(
        names("a lot cheaper than Boltr.io for small fleets"),
        ["Boltr.io"]
    );
    assert_eq!(
        names("their advisor keeps pushing FieldNest"),
        ["FieldNest"]
    );
    assert_eq!(names("Plantwise's pricing is per site"), ["Plantwise"]);
    assert_eq!(
        names("lost to Caseward and Clerkly again"),
        ["Caseward", "Clerkly"]
    );
    assert_eq!(
        names("evaluating Kinetiq Networks too"),
        ["Kinetiq Networks"]
    );
    assert_eq!(names("Grydo: cheaper, better app"), ["Grydo"]);
}

#[test]
fn no_false_names() {
    for text in [
        "Price is too high and Finance has to approve",
        "They want it to work with Salesforce and Excel",
        "Honestly the CFO just said no",
        "Call me in March, after the audit",
        "went with Northwind last year",
        "Great support, Maria said so too",
        "the board chose to wait",
        "IT is worried about SSO with Okta",
        "SAP integration is a must",
        "They chose the cheaper option",
        "Summit is a word, so not a name",
        "price per tech",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
}

#[test]
fn word_list_is_embedded() {
    assert!(super::is_dictionary_word("summit"));
    assert!(!super::is_dictionary_word("quillbase"));
}
