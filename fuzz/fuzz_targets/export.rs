//! Fuzz target `export`: any bytes as a CSV export, read by the entry point
//! the CLI uses for a file (`read_inputs` is `read_exports` after the file
//! is opened) and by `inspect`. An error is a fine outcome; a panic, an
//! abort, a hang or runaway memory is not.

#![no_main]

use frontline::ingest::{ColumnRules, Input, ReadOptions, inspect_input, read_inputs};
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;

fuzz_target!(|data: &[u8]| {
    let rules = ColumnRules::default();
    let opts = ReadOptions::default();
    let open = || Input::from_reader("export.csv", Cursor::new(data.to_vec()));
    let _ = read_inputs(vec![open()], &rules, &opts);
    let _ = inspect_input(open(), &rules, &opts);
});
