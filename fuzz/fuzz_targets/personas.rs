//! Fuzz target `personas`: any text as a "who signs / who influences"
//! answer, through the title tokenizer and the persona parser (with the
//! explanations `--explain` shows, which `parse_personas` is built on).
//! Beyond "no panic" it checks that no persona is named twice.

#![no_main]

use frontline::normalize::personas::explain_personas;
use frontline::normalize::titles::tokenize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = tokenize(&text);
    let found = explain_personas(&text);
    for (i, (p, _)) in found.iter().enumerate() {
        assert!(
            found[..i].iter().all(|(q, _)| q != p),
            "{p:?} twice from {text:?}"
        );
    }
});
