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
