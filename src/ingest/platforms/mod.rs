//! One module per survey platform. Each describes its export layout: how it
//! is recognised from the header rows (`score`), how many header rows it
//! has, which columns are its own bookkeeping (timestamp, respondent,
//! status, ...), how options and "other" text are spread over columns, and
//! which cell values are placeholders. A new platform is one more module
//! and one more line in [`SPECS`].

use super::Platform;
use super::layout::{Known, Layout, fold_header};

pub(crate) mod formbricks;
pub(crate) mod generic;
pub(crate) mod google_forms;
pub(crate) mod jotform;
pub(crate) mod kobotoolbox;
pub(crate) mod limesurvey;
pub(crate) mod microsoft_forms;
pub(crate) mod qualtrics;
pub(crate) mod surveymonkey;
pub(crate) mod tally;
pub(crate) mod typeform;

/// The first (up to three) records of an export.
pub(crate) type Head = [Vec<String>];

/// A second look at a layout with the first data rows.
pub(crate) type Refine = fn(Layout, &[Vec<String>]) -> Layout;

/// A platform's description.
pub(crate) struct Spec {
    pub platform: Platform,
    /// How much the header rows look like this platform's (0: not at all).
    pub score: fn(&Head) -> u32,
    pub layout: fn(&Head) -> Layout,
    /// A second look with the first data rows, for layouts the header
    /// alone does not tell (Typeform's choice columns).
    pub refine: Option<Refine>,
}

/// Every platform, generic last (it scores lowest and always fits).
pub(crate) const SPECS: [Spec; 11] = [
    google_forms::SPEC,
    surveymonkey::SPEC,
    qualtrics::SPEC,
    microsoft_forms::SPEC,
    typeform::SPEC,
    limesurvey::SPEC,
    jotform::SPEC,
    tally::SPEC,
    formbricks::SPEC,
    kobotoolbox::SPEC,
    generic::SPEC,
];

pub(crate) fn spec(platform: Platform) -> &'static Spec {
    SPECS
        .iter()
        .find(|s| s.platform == platform)
        .unwrap_or(&SPECS[SPECS.len() - 1])
}

/// True when row `row` of the head has a cell whose folded text is `name`.
pub(crate) fn has(head: &Head, row: usize, name: &str) -> bool {
    head.get(row)
        .is_some_and(|r| r.iter().any(|c| fold_header(c) == name))
}

/// How many of `names` row 0 holds.
pub(crate) fn count(head: &Head, names: &[&str]) -> u32 {
    names.iter().filter(|n| has(head, 0, n)).count() as u32
}

/// The folded text of cell `col` of row `row`, or "".
pub(crate) fn cell(head: &Head, row: usize, col: usize) -> String {
    head.get(row)
        .and_then(|r| r.get(col))
        .map(|c| fold_header(c))
        .unwrap_or_default()
}

/// Known-column lookup with prefixes: `("custom data*", Meta)` matches
/// `Custom Data 1`.
pub(crate) fn lookup_prefixed(table: &[(&str, Known)], header: &str) -> Option<Known> {
    let h = fold_header(header);
    table.iter().find_map(|&(name, known)| {
        let hit = match name.strip_suffix('*') {
            Some(prefix) => h.starts_with(prefix),
            None => h == name,
        };
        hit.then_some(known)
    })
}
