//! Memory grows with the answers kept, not with the bytes of the file:
//! a ~100 MB export whose bulk is a metadata column is read while peak
//! memory stays far below the file size. Ignored by default (slow in debug
//! builds); run with `cargo test --test ingest_memory -- --ignored`.

use frontline::ingest::*;
use std::io::Write;

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
#[ignore]
fn a_big_export_streams() {
    let Some(before) = peak_kib() else { return };
    let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    {
        let mut w = std::io::BufWriter::new(f.as_file_mut());
        writeln!(w, "Timestamp,User agent,Top objections").unwrap();
        let blob = "x".repeat(
            std::env::var("BLOB")
                .ok()
                .and_then(|b| b.parse().ok())
                .unwrap_or(5000),
        );
        for i in 0..20_000 {
            writeln!(w, "9/22/2026 10:00:00,{blob},Price {}", i % 7).unwrap();
        }
    }
    let size = f.as_file().metadata().unwrap().len();
    let (info, rs, _) =
        read_export(f.path(), &ColumnRules::default(), &ReadOptions::default()).unwrap();
    assert_eq!((info.accounting.rows, rs.len()), (20_000, 20_000));
    let grew = peak_kib().unwrap().saturating_sub(before);
    eprintln!(
        "file {} MiB, peak memory grew by {} MiB",
        size >> 20,
        grew >> 10
    );
    assert!(
        grew * 1024 < size / 3,
        "peak grew {grew} KiB for a {size}-byte file"
    );
}
