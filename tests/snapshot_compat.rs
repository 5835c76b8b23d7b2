//! Snapshot compatibility: a snapshot written by an earlier release of a
//! supported schema still reads (and compares); a newer schema is refused
//! with a message that says what to do. `tests/data/snapshots/schema-1.json`
//! is frozen: never regenerate it, add a new file for a new schema.

use frontline::snapshot::{SCHEMA_VERSION, Snapshot, SnapshotError};
use std::path::Path;

fn frozen(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/snapshots")
            .join(name),
    )
    .unwrap()
}

#[test]
fn schema_1_snapshot_still_reads_and_compares() {
    let old = Snapshot::from_json(&frozen("schema-1.json")).expect("schema 1 must stay readable");
    assert_eq!(old.schema, 1);
    assert_eq!(old.quarter.as_deref(), Some("2026-Q1"));
    let d = frontline::diff::diff(&old, &old);
    assert!(d.drift.is_empty());
    assert!(d.themes.iter().all(|t| t.change_points == 0.0));
}

#[test]
fn newer_schema_is_refused_with_advice() {
    let text = frozen("schema-1.json").replacen(
        "\"schema\": 1",
        &format!("\"schema\": {}", SCHEMA_VERSION + 1),
        1,
    );
    let err = Snapshot::from_json(&text).unwrap_err();
    assert!(matches!(err, SnapshotError::TooNew { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("newer") && msg.contains("Update frontline"),
        "{msg}"
    );
}

#[test]
fn not_a_snapshot_is_refused() {
    assert!(matches!(
        Snapshot::from_json("{\"rows\": 3}"),
        Err(SnapshotError::Invalid(_))
    ));
    assert!(Snapshot::from_json("not json").is_err());
}

#[test]
fn round_trip_is_exact() {
    let s = Snapshot::from_json(&frozen("schema-1.json")).unwrap();
    let again = Snapshot::from_json(&s.to_json()).unwrap();
    assert_eq!(s, again);
}

/// Schema 2 adds the `alignment` object (issue 12); its `gap_points` is
/// negative where marketing expects more than sales hears, which the
/// range check must allow there and only there.
#[test]
fn schema_2_alignment_reads_back_and_schema_1_has_none() {
    let old = Snapshot::from_json(&frozen("schema-1.json")).unwrap();
    assert!(old.alignment.is_none());
    let alignment = r#""alignment": {
    "teams": {"sales": 30, "marketing": 13},
    "themes": [{"question": "objections", "theme": "price", "label": "Price",
      "sales_count": 9, "sales_n": 30, "sales_share": 0.3,
      "marketing_count": 13, "marketing_n": 13, "marketing_share": 1.0,
      "gap_points": -70.0, "p_value": 0.0, "significant": true, "verdict": "overestimated"}],
    "messaging": [{"codebook": "buying_concerns", "theme": "security", "label": "Security",
      "claims": 0, "sales_share": 0.7, "sales_n": 30, "verdict": "unanswered"}],
    "cycle_length": {"sales_median_days": 82.5, "marketing_median_days": 45.0, "sales_n": 30, "marketing_n": 13},
    "score": 0.81, "scored": 73,
    "thresholds": {"alpha": 0.05, "min_gap_points": 10.0, "max_aligned_gap_points": 20.0,
      "backed_share": 0.2, "missing_share": 0.3, "top_objection_share": 0.2}
  },
  "data_quality""#;
    let text = frozen("schema-1.json")
        .replacen("\"schema\": 1", &format!("\"schema\": {SCHEMA_VERSION}"), 1)
        .replacen("\"data_quality\"", alignment, 1);
    let s = Snapshot::from_json(&text).expect("a schema-2 snapshot with alignment reads");
    let a = s.alignment.as_ref().unwrap();
    assert_eq!(a.themes[0].gap_points, -70.0);
    assert_eq!(Snapshot::from_json(&s.to_json()).unwrap(), s);
    // A negative count elsewhere is still damage.
    let bad = text.replacen(
        "\"sales_n\": 30, \"sales_share\"",
        "\"sales_n\": -30, \"sales_share\"",
        1,
    );
    assert!(Snapshot::from_json(&bad).is_err());
}
