//! Fuzz target `durations`: any text as a sales-cycle answer, through the
//! duration parser. Beyond "no panic" it checks that a range never ends
//! before it starts.

#![no_main]

use frontline::normalize::durations::parse_durations;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for r in parse_durations(&text) {
        if let Some(high) = r.high {
            assert!(r.low <= high, "{r:?} from {text:?}");
        }
    }
});
