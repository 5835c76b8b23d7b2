//! The header matcher as one call: the first records of an export (header
//! rows, then sample answers) in, every column's placement out, by the
//! same steps `read::read_file` takes (platform detection, the config's
//! rules, question matching, position among the columns). Hidden from the
//! docs: it exists for the fuzz target `headers` (see `fuzz/`), which must
//! reach the matcher without building a whole export around it.

use super::columns::{ColumnRules, classify, column_infos};
use super::detect::{detect, refine};
use super::limits::MAX_HEADER_CHARS;
use super::platforms::spec;
use super::position;
use super::read::cut;
use super::{ColumnInfo, Platform};

/// Places the columns of an export whose first records are `rows`; the
/// platform is detected unless `platform` forces it. Headers are cut to
/// the length `read_file` keeps, so a huge cell costs here what it costs
/// there.
#[doc(hidden)]
pub fn place_columns(
    rows: &[Vec<String>],
    rules: &ColumnRules,
    platform: Option<Platform>,
) -> Vec<ColumnInfo> {
    if rows.is_empty() {
        return vec![];
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c, MAX_HEADER_CHARS)).collect())
        .collect();
    let mut layout = detect(&cells, platform);
    let sample = &rows[layout.header_rows.min(rows.len())..];
    if spec(layout.platform).refine.is_some() {
        layout = refine(layout, sample);
    }
    let mut placed = classify(&layout, rules);
    position::infer(&mut placed, sample);
    column_infos(&placed)
}
