//! Fuzz target `xlsx`: any bytes as a workbook named `.xlsx`. Bytes that
//! start like a ZIP or an old `.xls` go in as they are (the archive checks,
//! calamine, the sheet reader); other bytes are the XML parts of a workbook
//! that `workbook::pack` wraps in a valid ZIP, so the sheet parser is
//! reached too. An error is a fine outcome; a panic, an abort, a hang or
//! runaway memory is not.

#![no_main]

mod workbook;

use frontline::ingest::{ColumnRules, Input, ReadOptions, read_inputs};
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") || data.starts_with(&[0xD0, 0xCF]) {
        data.to_vec()
    } else {
        workbook::pack(data)
    };
    let input = Input::from_reader("export.xlsx", Cursor::new(bytes));
    let _ = read_inputs(
        vec![input],
        &ColumnRules::default(),
        &ReadOptions::default(),
    );
});
