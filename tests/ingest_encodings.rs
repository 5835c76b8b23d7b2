//! Bytes and dialects: UTF-8 with and without BOM, UTF-16 LE/BE with and
//! without BOM, Windows-1252, delimiters, line ends, NULs, duplicate
//! headers, ragged rows and unreadable times. Encoded inputs are byte
//! literals (or built from text for the longer ones) written to temp files.

use frontline::ingest::*;
use frontline::questions::QuestionId;
use std::io::Write;

const CSV: &str = "Timestamp,Your region,What objections do you hear most from prospects?\r\n9/22/2026 10:00:00,EMEA,Prix élevé\r\n9/23/2026 11:00:00,AMER,Timing\r\n";

fn temp(bytes: &[u8], ext: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(ext).tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    f
}

fn look(bytes: &[u8]) -> Inspection {
    let f = temp(bytes, ".csv");
    inspect(f.path(), &ColumnRules::default(), &ReadOptions::default()).unwrap()
}

fn read(bytes: &[u8]) -> (SourceInfo, Vec<Response>, Vec<Warning>) {
    let f = temp(bytes, ".csv");
    read_export(f.path(), &ColumnRules::default(), &ReadOptions::default()).unwrap()
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = vec![];
    if bom {
        out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn utf16_byte_literals_with_and_without_bom() {
    let le_bom: &[u8] = b"\xFF\xFEN\0a\0m\0e\0,\0T\0o\0p\0 \0o\0b\0j\0e\0c\0t\0i\0o\0n\0s\0\r\0\n\0A\0n\0n\0,\0P\0r\0i\0c\0e\0\r\0\n\0";
    let i = look(le_bom);
    assert_eq!(
        (i.encoding, i.rows, i.questions_found),
        (TextEncoding::Utf16Le, 1, 1)
    );
    let be_plain: &[u8] =
        b"\0N\0a\0m\0e\0,\0T\0o\0p\0 \0o\0b\0j\0e\0c\0t\0i\0o\0n\0s\0\n\0B\0o\0,\0T\0i\0m\0e\0\n";
    let i = look(be_plain);
    assert_eq!((i.encoding, i.rows), (TextEncoding::Utf16Be, 1));
    for (le, bom, want) in [
        (true, true, TextEncoding::Utf16Le),
        (true, false, TextEncoding::Utf16Le),
        (false, true, TextEncoding::Utf16Be),
        (false, false, TextEncoding::Utf16Be),
    ] {
        let (info, rs, _) = read(&utf16(CSV, le, bom));
        assert_eq!(info.encoding, want);
        assert_eq!(rs[0].answers[&QuestionId::Objections], "Prix élevé");
        assert_eq!(rs[0].segments["region"], "EMEA");
    }
}

#[test]
fn utf8_bom_and_windows_1252_never_mojibake() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(CSV.as_bytes());
    let (info, rs, _) = read(&bom);
    assert_eq!(info.encoding, TextEncoding::Utf8);
    assert_eq!(
        info.columns[0].role,
        Role::Timestamp,
        "the BOM is not part of the header"
    );
    assert_eq!(rs[0].answers[&QuestionId::Objections], "Prix élevé");
    // Latin-1 / Windows-1252: é is 0xE9, the curly apostrophe 0x92.
    let latin: &[u8] = b"Name,Top objections\nRen\xE9,Can\x92t afford\n";
    let (info, rs, _) = read(latin);
    assert_eq!(info.encoding, TextEncoding::Windows1252);
    assert_eq!(
        rs[0].answers[&QuestionId::Objections],
        "Can\u{2019}t afford"
    );
    assert_eq!(rs[0].respondent.name.as_deref(), Some("René"));
}

#[test]
fn delimiters_and_line_ends() {
    for (d, name) in [('\t', "tab"), ('|', "pipe"), (';', "semicolon")] {
        let text = CSV.replace(',', &d.to_string());
        let i = look(text.as_bytes());
        assert_eq!(
            i.delimiter.as_deref(),
            Some(d.to_string().as_str()),
            "{name}"
        );
        assert_eq!((i.rows, i.responses), (2, 2), "{name}");
    }
    // Mixed CRLF / LF / old-Mac CR, a multi-line cell and no final newline.
    let mixed = "Name,Top objections\r\nAnn,\"Price\r\nand more\"\nBo,Timing\r\nCy,Risk";
    let (_, rs, w) = read(mixed.as_bytes());
    assert_eq!(rs.len(), 3);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(rs[0].answers[&QuestionId::Objections], "Price\r\nand more");
    assert_eq!(rs[2].answers[&QuestionId::Objections], "Risk");
    let mac = "Name,Top objections\rAnn,Price\rBo,Timing\r";
    let (_, rs, _) = read(mac.as_bytes());
    assert_eq!(rs.len(), 2);
}

#[test]
fn nul_bytes_duplicate_headers_and_ragged_rows() {
    let nul: &[u8] = b"Name,Top objections\n\0Ann\0,Pri\0ce\n";
    let (_, rs, _) = read(nul);
    assert_eq!(rs[0].answers[&QuestionId::Objections], "Price");
    let dup = "Name,Top objections,Top objections\nAnn,Price,Timing\n";
    let i = look(dup.as_bytes());
    assert_eq!(i.columns[1].question, Some(QuestionId::Objections));
    assert_eq!(i.columns[2].role, Role::Ignored);
    assert!(
        i.columns[2].reason.contains("objections"),
        "{}",
        i.columns[2].reason
    );
    let ragged = "Name,Top objections\nAnn,Price,extra\nBo\n";
    let (info, rs, w) = read(ragged.as_bytes());
    assert_eq!(info.accounting.rows, 2);
    assert_eq!((info.accounting.used, info.accounting.empty), (1, 1));
    assert_eq!(rs.len(), 1);
    assert_eq!(w.len(), 2);
    assert_eq!((w[0].line, w[1].line), (Some(2), Some(3)));
    assert!(w[0].message.contains("extra"), "{}", w[0].message);
}

#[test]
fn unreadable_times_are_warnings_with_line_and_column() {
    let text = "Timestamp,Top objections\nlast tuesday,Price\n9/22/2026 10:00:00,Timing\n";
    let (_, rs, w) = read(text.as_bytes());
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0].submitted, None);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].line, Some(2));
    assert_eq!(w[0].column.as_deref(), Some("Timestamp"));
    // What the cell holds is described, never copied: it may be a name.
    assert!(!w[0].message.contains("last tuesday"), "{}", w[0].message);
    assert!(w[0].message.contains("12 characters"), "{}", w[0].message);
    let text = "Timestamp,Top objections
13/13/2026 10:00,Price
9/22/2026 10:00:00,Timing
";
    let (_, _, w) = read(text.as_bytes());
    assert!(
        w[0].message.contains("\"13/13/2026 10:00\""),
        "{}",
        w[0].message
    );
}

#[test]
fn day_first_dates_are_decided_per_column() {
    let text = "Timestamp,Top objections\n03/04/2026 10:00,Price\n25/04/2026 10:00,Timing\n";
    let (_, rs, _) = read(text.as_bytes());
    assert_eq!(rs[0].submitted.unwrap().to_string(), "2026-04-03 10:00:00");
}

#[test]
fn anonymous_and_blank_are_not_identities() {
    let text = "Email,Name,Top objections\nanonymous,,Price\nanonymous,,Timing\n,,Risk\n,,Cost\nx@y.com,,A\nX@Y.com,,B\n";
    let (info, rs, _) = read(text.as_bytes());
    assert_eq!((info.accounting.used, info.accounting.superseded), (5, 1));
    assert!(rs.iter().any(|r| r.answers[&QuestionId::Objections] == "B"));
}

#[test]
fn one_damaged_byte_does_not_garble_a_utf8_file() {
    let bytes: &[u8] = b"Name,Top objections\nRen\xC3\xA9e,Prix \xC3\xA9lev\xC3\xA9 \xE2\x80\x99\nBo,Bad \xFF byte\n";
    let (info, rs, w) = read(bytes);
    assert_eq!(info.encoding, TextEncoding::Utf8);
    assert_eq!(
        rs[0].answers[&QuestionId::Objections],
        "Prix élevé \u{2019}"
    );
    assert_eq!(rs[1].answers[&QuestionId::Objections], "Bad \u{FFFD} byte");
    assert_eq!(w.len(), 1);
    assert!(w[0].message.contains("not valid UTF-8"));
}

#[test]
fn many_ragged_rows_are_summed_up() {
    let mut text = String::from("Name,Top objections,Region\n");
    for i in 0..30 {
        text.push_str(&format!("P{i},Price\n"));
    }
    let (info, _, w) = read(text.as_bytes());
    assert_eq!(info.accounting.rows, 30);
    assert_eq!(w.len(), 21);
    assert!(
        w[20].message.starts_with("10 more rows"),
        "{}",
        w[20].message
    );
}
