//! The token floor of `scripts/bench.sh`: a csv pass that also splits
//! every cell into lower-case words and counts them in a hash map: the
//! least work any word-based coder must do, and the yardstick of issue
//! 10's target (`report` within 15x of it).
//!
//! Usage: cargo run --release --example token_floor -- EXPORT.csv

use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: token_floor EXPORT.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&path)?;
    let mut record = csv::StringRecord::new();
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut word = String::new();
    let mut tokens = 0u64;
    while reader.read_record(&mut record)? {
        for cell in record.iter() {
            for w in cell
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                word.clear();
                word.extend(w.chars().flat_map(char::to_lowercase));
                tokens += 1;
                match counts.get_mut(word.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(word.clone(), 1);
                    }
                }
            }
        }
    }
    println!("{tokens} words, {} distinct", counts.len());
    Ok(())
}
