//! Checks a snapshot read from disk before anything computes with it: a
//! forged or damaged file (a fiscal year starting in month 13, a count of
//! 2^64-1, a quarter label that is a path) is refused with the key that is
//! wrong, instead of overflowing a sum, hanging an exact test or steering
//! an output path.

use super::{Snapshot, SnapshotError};
use crate::quarter::Quarter;
use serde_json::Value;

/// More responses than any survey export holds; a larger count is damage.
/// It also bounds the exact tests the diff runs on these counts.
pub const MAX_COUNT: u64 = 10_000_000;

/// Refuses values the config would refuse, and counts no survey can have.
pub fn check_value(value: &Value) -> Result<(), SnapshotError> {
    walk(value, &mut String::new())
}

/// Checks that need the typed snapshot: the settings and the quarter label.
pub fn check_snapshot(s: &Snapshot) -> Result<(), SnapshotError> {
    let bad = |key: &str, message: String| SnapshotError::Value {
        key: key.into(),
        message,
    };
    if !(1..=12).contains(&s.fiscal_year_start) {
        return Err(bad(
            "fiscal_year_start",
            format!(
                "must be a month number from 1 to 12, not {}",
                s.fiscal_year_start
            ),
        ));
    }
    if s.min_cell_size == 0 {
        return Err(bad("min_cell_size", "must be at least 1, not 0".into()));
    }
    if let Some(label) = &s.quarter {
        // The label names output folders (`diff` without `--out`), so it
        // must be exactly what `--quarter` accepts, written the standard way.
        let ok =
            Quarter::parse(label, s.fiscal_year_start).is_some_and(|q| q.to_string() == *label);
        if !ok {
            return Err(bad(
                "quarter",
                format!(
                    "{:?} is not a quarter label like 2026-Q3 or FY2027-Q1",
                    short(label)
                ),
            ));
        }
    }
    for (i, q) in s.questions.iter().enumerate() {
        if q.answered > s.respondents {
            return Err(bad(
                &format!("questions[{i}].answered"),
                format!(
                    "{} is more than the {} respondents",
                    q.answered, s.respondents
                ),
            ));
        }
        for (j, t) in q.themes.iter().enumerate() {
            if t.respondents > q.answered {
                return Err(bad(
                    &format!("questions[{i}].themes[{j}].respondents"),
                    format!(
                        "{} is more than the {} who answered",
                        t.respondents, q.answered
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// At most 80 characters of a label, for messages.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

fn walk(value: &Value, path: &mut String) -> Result<(), SnapshotError> {
    match value {
        Value::Number(n) => check_number(n, path),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(v, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                walk(v, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn check_number(n: &serde_json::Number, path: &str) -> Result<(), SnapshotError> {
    let bad = |message: String| {
        Err(SnapshotError::Value {
            key: path.to_string(),
            message,
        })
    };
    let leaf = path.rsplit(['.', ']']).next().unwrap_or(path);
    let is_share = leaf.ends_with("share") || leaf == "p_value" || leaf == "score";
    // Sales minus marketing: negative when marketing expects more.
    if leaf == "gap_points" {
        return match n.as_f64() {
            Some(f) if (-100.0..=100.0).contains(&f) => Ok(()),
            _ => bad(format!("{n} is not a gap in points from -100 to 100")),
        };
    }
    match (n.as_u64(), n.as_f64()) {
        (Some(u), _) if u > MAX_COUNT => bad(format!(
            "{u} is larger than any survey count (at most {MAX_COUNT})"
        )),
        (None, Some(f)) if f < 0.0 || (is_share && f > 1.0) || f.abs() > MAX_COUNT as f64 => {
            bad(format!("{f} is out of range"))
        }
        (None, None) => bad("is not a number frontline can read".into()),
        _ if n.is_i64() && n.as_i64().is_some_and(|i| i < 0) => bad(format!("{n} is negative")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_and_negative_numbers_name_their_key() {
        let v: Value = serde_json::from_str(
            r#"{"questions":[{"themes":[{"respondents":18446744073709551615}]}]}"#,
        )
        .unwrap();
        let e = check_value(&v).unwrap_err().to_string();
        assert!(e.contains("questions[0].themes[0].respondents"), "{e}");
        let v: Value = serde_json::from_str(r#"{"a":{"share":1.5}}"#).unwrap();
        assert!(check_value(&v).unwrap_err().to_string().contains("a.share"));
        let v: Value = serde_json::from_str(r#"{"a":[{"median_days":-3.0}]}"#).unwrap();
        assert!(check_value(&v).is_err());
        let v: Value = serde_json::from_str(r#"{"a":[{"count":30,"share":0.5}]}"#).unwrap();
        assert!(check_value(&v).is_ok());
    }
}
