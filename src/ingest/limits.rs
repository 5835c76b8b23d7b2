//! The limits past which an export is refused with a message rather than
//! read until memory runs out, each documented in `docs/robustness.md`.
//! A sales team's survey is far below all of them: tens to thousands of
//! rows, a few megabytes.

/// Bytes read from one export (a file or a stream) unless
/// `--max-input-mb` says otherwise: 1 GiB.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 30;

/// Fields in one CSV record: Excel's column limit.
pub(crate) const MAX_FIELDS: usize = 16_384;

/// Data rows in one export.
pub(crate) const MAX_ROWS: usize = 200_000;

/// Characters of a header cell kept (the question bank's longest wording
/// is under 200).
pub(crate) const MAX_HEADER_CHARS: usize = 500;

/// Characters of a cell or header quoted in any warning or error.
pub(crate) const QUOTE_CHARS: usize = 80;

/// Unpacked size of a workbook's shared-strings part (all its text).
pub(crate) const MAX_SHARED_STRINGS: u64 = 128 << 20;

/// Unpacked size of one worksheet part; it is read as a stream, so this
/// bounds time rather than memory.
pub(crate) const MAX_SHEET: u64 = 512 << 20;

/// Unpacked size of any other part of a workbook (styles, relationships).
pub(crate) const MAX_OTHER_PART: u64 = 64 << 20;

/// Shared strings a workbook may declare (calamine reserves room for them).
pub(crate) const MAX_SHARED_COUNT: u64 = 4_000_000;

/// Filled cells taken from a sheet.
pub(crate) const MAX_WORKBOOK_CELLS: usize = 4_000_000;

/// Bytes of text taken from a sheet's cells (a cell that repeats a long
/// shared string counts each time).
pub(crate) const MAX_WORKBOOK_TEXT: usize = 128 << 20;

/// Cells of the rows built from a sheet, blanks between filled cells
/// included.
pub(crate) const MAX_WORKBOOK_GRID: usize = 8_000_000;

/// The first `QUOTE_CHARS` characters of `s`, with "..." when cut: what a
/// message may show of a cell or header.
pub(crate) fn quote(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut it = one.chars();
    let head: String = it.by_ref().take(QUOTE_CHARS).collect();
    if it.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short() {
        assert_eq!(quote("Top  objections\n"), "Top objections");
        let long = "é".repeat(500);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 3);
        assert!(q.ends_with("..."));
    }
}
