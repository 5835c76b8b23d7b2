//! Arbitrary bytes fed to the reader: an error or a result, never a panic.

use frontline::ingest::*;
use proptest::prelude::*;
use std::io::Write;

fn run(bytes: &[u8]) {
    let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    let rules = ColumnRules::default();
    let opts = ReadOptions::default();
    if let Ok(i) = inspect(f.path(), &rules, &opts) {
        assert_eq!(i.rows, i.responses + i.superseded + i.incomplete + i.empty);
        let _ = i.to_text();
    }
    let _ = read_export(f.path(), &rules, &opts);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..1500)) {
        run(&bytes);
    }

    #[test]
    fn csv_like_bytes(parts in proptest::collection::vec(
        prop_oneof![
            Just(b",".to_vec()), Just(b";".to_vec()), Just(b"\"".to_vec()), Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()), Just(b"\r".to_vec()), Just(b"\0".to_vec()), Just(b"\t".to_vec()),
            Just(b"Timestamp".to_vec()), Just(b"Top objections".to_vec()), Just(b"Respondent ID".to_vec()),
            Just(b"Collector ID".to_vec()), Just(b"{\"\"ImportId\"\"}".to_vec()), Just(b"9/22/2026 10:00".to_vec()),
            Just(b"\xEF\xBB\xBF".to_vec()), Just(b"\xFF\xFE".to_vec()), Just(b"\xE9".to_vec()), Just(b"-99".to_vec()),
            Just("é".as_bytes().to_vec()), Just(b"x".to_vec()),
        ],
        0..80,
    )) {
        run(&parts.concat());
    }
}
