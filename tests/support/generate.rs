//! The bad inputs too large (or too binary) to commit, made on demand: each
//! is a function of its corpus name, deterministic, written into a folder.

use super::xlsx::{self, Part};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The header of the generated CSV exports.
pub const HEADER: &str = "Timestamp,Email Address,List three (or more) objections you hear from prospects.,How much time does it take to get through the sales cycle?";

/// Writes the generated input `name` into `dir`; `None` if there is no
/// generator of that name.
pub fn generate(name: &str, dir: &Path) -> Option<PathBuf> {
    let path = dir.join(name);
    let bytes: Vec<u8> = match name {
        "xlsx-huge-date.xlsx" => huge_date(),
        "xlsx-stray-xfd1048576.xlsx" => stray("XFD1048576"),
        "xlsx-stray-a1048576.xlsx" => stray("A1048576"),
        "xlsx-shared-string-1gb.xlsx" => big_shared_string(1024, None),
        "xlsx-size-lie.xlsx" => big_shared_string(200, Some(64 * 1024)),
        "xlsx-unique-count.xlsx" => unique_count(),
        "xlsx-named-csv.csv" => stray("B2"),
        "random-bytes.csv" => random_bytes(64 * 1024),
        "timestamp-2mb-cell.csv" => return Some(long_cell(&path, 2 << 20)),
        "timestamp-50mb-cell.csv" => return Some(long_cell(&path, 50 << 20)),
        "long-answer-1mb.csv" => return Some(long_answer(&path, 1 << 20)),
        "many-fields.csv" => {
            format!("{HEADER}\n1/9/2026,a@x.com,{}\n", ",".repeat(100_000)).into_bytes()
        }
        "too-many-rows.csv" => {
            let mut s = format!("{HEADER}\n");
            for i in 0..200_001 {
                s.push_str(&format!(",,p{}\n", i % 10));
            }
            s.into_bytes()
        }
        _ => return None,
    };
    std::fs::write(&path, bytes).unwrap();
    Some(path)
}

/// Three responses over the generated header, as sheet rows.
fn rows() -> Vec<String> {
    xlsx::text_rows(&[
        &[
            "Timestamp",
            "Email Address",
            "List three (or more) objections you hear from prospects.",
            "How much time does it take to get through the sales cycle?",
        ],
        &["2026-09-01 10:00", "a@x.example", "Price", "3 months"],
        &["2026-09-02 10:00", "b@x.example", "Timing", "90 days"],
        &[
            "2026-09-03 10:00",
            "c@x.example",
            "Security review",
            "6 weeks",
        ],
    ])
}

/// A date-formatted cell (style 1: format 14) no calendar can hold.
fn huge_date() -> Vec<u8> {
    let mut r = rows();
    r[1] = format!(
        r#"<row r="2">{}{}{}{}</row>"#,
        xlsx::cell("A2", r#" s="1""#, "<v>441234567890</v>"),
        xlsx::text("B2", "a@x.example"),
        xlsx::text("C2", "Price"),
        xlsx::text("D2", "3 months")
    );
    xlsx::simple("A1:D4", &r)
}

/// One stray text cell at `at`, the dimension stretched to it.
fn stray(at: &str) -> Vec<u8> {
    let mut r = rows();
    let row: String = at.chars().skip_while(|c| c.is_alphabetic()).collect();
    r.push(format!(r#"<row r="{row}">{}</row>"#, xlsx::text(at, "x")));
    xlsx::simple(&format!("A1:{at}"), &r)
}

/// A shared string of `mb` megabytes of "a", in about `mb` KB of file;
/// `declared` makes the headers claim that size instead.
fn big_shared_string(mb: usize, declared: Option<u64>) -> Vec<u8> {
    let head = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#;
    let mut part = Part::repeated(
        "xl/sharedStrings.xml",
        head,
        &vec![b'a'; 1 << 20],
        mb,
        b"</t></si></sst>",
    );
    if let Some(d) = declared {
        part.size = d;
    }
    let mut r = rows();
    r.push(format!(
        r#"<row r="5">{}</row>"#,
        xlsx::cell("C5", r#" t="s""#, "<v>0</v>")
    ));
    xlsx::workbook(
        Part::stored("xl/worksheets/sheet1.xml", &xlsx::sheet("A1:D5", &r)),
        part,
    )
}

fn unique_count() -> Vec<u8> {
    let xml = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="100000000000"><si><t>x</t></si></sst>"#;
    xlsx::workbook(
        Part::stored("xl/worksheets/sheet1.xml", &xlsx::sheet("A1:D4", &rows())),
        Part::stored("xl/sharedStrings.xml", xml),
    )
}

/// Deterministic noise (a linear congruential generator).
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect()
}

/// An export whose second row's Timestamp is `len` nines.
fn long_cell(path: &Path, len: usize) -> PathBuf {
    let f = std::fs::File::create(path).unwrap();
    let mut w = std::io::BufWriter::new(f);
    writeln!(w, "{HEADER}").unwrap();
    writeln!(w, "9/1/2026 10:00:00,a@x.example,Price,3 months").unwrap();
    let chunk = vec![b'9'; 1 << 20];
    let mut left = len;
    while left > 0 {
        let n = left.min(chunk.len());
        w.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    writeln!(w, ",b@x.example,Timing,90 days").unwrap();
    writeln!(w, "9/3/2026 10:00:00,c@x.example,Security,6 weeks").unwrap();
    path.to_path_buf()
}

/// One objections cell of `len` bytes, a single item (no list marker, no
/// comma) whose words match theme rules again and again: thousands of
/// overlapping matches in one answer, which all-pairs shadowing made
/// quadratic.
fn long_answer(path: &Path, len: usize) -> PathBuf {
    const SENTENCE: &str = "the switching cost is too high and they want support for SSO and \
        the price is a concern and security review takes long and ";
    let f = std::fs::File::create(path).unwrap();
    let mut w = std::io::BufWriter::new(f);
    writeln!(w, "{HEADER}").unwrap();
    write!(w, "9/1/2026 10:00:00,a@x.example,\"").unwrap();
    let mut left = len;
    while left > 0 {
        let n = left.min(SENTENCE.len());
        w.write_all(&SENTENCE.as_bytes()[..n]).unwrap();
        left -= n;
    }
    writeln!(w, "\",3 months").unwrap();
    writeln!(w, "9/2/2026 10:00:00,b@x.example,Timing,90 days").unwrap();
    writeln!(w, "9/3/2026 10:00:00,c@x.example,Security,6 weeks").unwrap();
    path.to_path_buf()
}
