//! Fuzz target `headers`: any text as the first records of an export (one
//! record a line, cells split on tabs), through the header matcher: each
//! header alone (`match_question`, `classify_header`) and the rows as a
//! whole (`place_columns`: platform detection, question matching, position
//! among the columns), as `read_file` places them.

#![no_main]

use frontline::ingest::{ColumnRules, classify_header, match_question, place_columns};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rules = ColumnRules::default();
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    if let Some(header) = rows.first() {
        for h in header {
            let _ = match_question(h);
            let _ = classify_header(h, &rules);
        }
    }
    let _ = place_columns(&rows, &rules, None);
});
