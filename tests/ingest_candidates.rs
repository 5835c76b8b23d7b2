//! Segment candidates inferred from values: an unplaced column whose
//! answers are a few short repeating values becomes a segment with a
//! reason saying so; free text, one-off values and known columns do not.

use frontline::ingest::{ColumnRules, ReadOptions, Role, read_export};

const OFFICES: [&str; 3] = ["Berlin", "Paris", "Austin"];

fn csv(rows: usize) -> String {
    let mut s =
        String::from("Top 3 objections,Office,Any other comments?,Badge number,Product line\n");
    for i in 0..rows {
        s.push_str(&format!(
            "price {i},{},\"I think the kickoff number {i} was useful, thanks\",B-{i:04},Cloud\n",
            OFFICES[i % 3]
        ));
    }
    s
}

fn read(
    text: &str,
) -> (
    Vec<frontline::ingest::ColumnInfo>,
    Vec<frontline::ingest::Response>,
) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.csv");
    std::fs::write(&p, text).unwrap();
    let (info, responses, _) =
        read_export(&p, &ColumnRules::default(), &ReadOptions::default()).unwrap();
    (info.columns, responses)
}

#[test]
fn few_repeating_values_make_a_segment() {
    let (cols, responses) = read(&csv(12));
    let office = &cols[1];
    assert_eq!(
        (office.role, office.segment.as_deref()),
        (Role::Segment, Some("office")),
        "{}",
        office.reason
    );
    assert!(
        office.reason.contains("inferred from its values"),
        "{}",
        office.reason
    );
    assert_eq!(responses.len(), 12);
    assert_eq!(
        responses[4].segments.get("office").map(String::as_str),
        Some("Paris")
    );
    // The named segment is untouched, free text and one-off codes stay out.
    assert_eq!(cols[4].segment.as_deref(), Some("product_line"));
    assert_eq!(cols[2].role, Role::Ignored);
    assert_eq!(cols[3].role, Role::Ignored);
    assert!(responses.iter().all(|r| r.segments.len() == 2));
}

#[test]
fn too_few_rows_say_nothing() {
    let (cols, responses) = read(&csv(6));
    assert_eq!(cols[1].role, Role::Ignored, "{}", cols[1].reason);
    assert!(responses.iter().all(|r| !r.segments.contains_key("office")));
}

#[test]
fn more_than_eight_values_is_not_a_segment() {
    let mut s = String::from("Top 3 objections,Office\n");
    for i in 0..40 {
        s.push_str(&format!("price,City {}\n", i % 10));
    }
    let (cols, _) = read(&s);
    assert_eq!(cols[1].role, Role::Ignored, "{}", cols[1].reason);
}
