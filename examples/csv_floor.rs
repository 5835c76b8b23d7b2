//! The csv floor of `scripts/bench.sh`: one bare pass of the csv crate
//! over an export, counting records and bytes of cells. Nothing that reads
//! a CSV can be faster; `frontline report` is measured against it.
//!
//! Usage: cargo run --release --example csv_floor -- EXPORT.csv

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: csv_floor EXPORT.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&path)?;
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut bytes) = (0u64, 0u64);
    while reader.read_byte_record(&mut record)? {
        rows += 1;
        bytes += record.as_slice().len() as u64;
    }
    println!("{rows} records, {bytes} bytes of cells");
    Ok(())
}
