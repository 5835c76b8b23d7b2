//! `[alignment]` in frontline.toml: the marketing exports and messaging
//! file a report compares with (so a team need not retype them each
//! quarter), and the thresholds of the verdicts. Checked when the config
//! is read, before any export is, with errors naming the key.

use crate::config::Problem;
use crate::snapshot::alignment::Thresholds;
use serde::Deserialize;
use std::path::PathBuf;

/// `[alignment]` as written; every key is optional.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlignmentConfig {
    /// Marketing's mirror-survey export(s), relative to the config file.
    pub marketing: Vec<PathBuf>,
    /// The published messaging (Markdown, text or saved HTML), relative to
    /// the config file.
    pub messaging: Option<PathBuf>,
    pub alpha: f64,
    pub min_gap_points: f64,
    pub max_aligned_gap_points: f64,
    pub backed_share: f64,
    pub missing_share: f64,
    pub top_objection_share: f64,
}

impl Default for AlignmentConfig {
    fn default() -> Self {
        let t = Thresholds::default();
        AlignmentConfig {
            marketing: vec![],
            messaging: None,
            alpha: t.alpha,
            min_gap_points: t.min_gap_points,
            max_aligned_gap_points: t.max_aligned_gap_points,
            backed_share: t.backed_share,
            missing_share: t.missing_share,
            top_objection_share: t.top_objection_share,
        }
    }
}

impl Default for Thresholds {
    /// A 0.05 test like every other in the briefing; 10 points is the
    /// smallest gap worth a meeting's time; 20 points is as far as "no
    /// significant difference" can be read as agreement with a team of
    /// 5 to 15 marketers; a fifth of reps citing a differentiator backs a
    /// claim, a third citing one that is never claimed is a missed message.
    fn default() -> Self {
        Thresholds {
            alpha: 0.05,
            min_gap_points: 10.0,
            max_aligned_gap_points: 20.0,
            backed_share: 0.2,
            missing_share: 0.3,
            top_objection_share: 0.2,
        }
    }
}

impl AlignmentConfig {
    /// The thresholds, checked: each names its key when out of range.
    pub fn thresholds(&self) -> Result<Thresholds, Problem> {
        let share = |key: &'static str, v: f64| {
            if v > 0.0 && v < 1.0 {
                Ok(v)
            } else {
                Err(Problem::Setting {
                    key,
                    problem: format!("must be a share between 0 and 1 (e.g. 0.2), not {v}"),
                })
            }
        };
        let points = |key: &'static str, v: f64| {
            if (0.0..=100.0).contains(&v) {
                Ok(v)
            } else {
                Err(Problem::Setting {
                    key,
                    problem: format!("must be percentage points from 0 to 100, not {v}"),
                })
            }
        };
        let t = Thresholds {
            alpha: share("alignment.alpha", self.alpha)?,
            min_gap_points: points("alignment.min_gap_points", self.min_gap_points)?,
            max_aligned_gap_points: points(
                "alignment.max_aligned_gap_points",
                self.max_aligned_gap_points,
            )?,
            backed_share: share("alignment.backed_share", self.backed_share)?,
            missing_share: share("alignment.missing_share", self.missing_share)?,
            top_objection_share: share("alignment.top_objection_share", self.top_objection_share)?,
        };
        if t.min_gap_points > t.max_aligned_gap_points {
            return Err(Problem::Setting {
                key: "alignment.min_gap_points",
                problem: format!(
                    "({}) must not be larger than alignment.max_aligned_gap_points ({})",
                    t.min_gap_points, t.max_aligned_gap_points
                ),
            });
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_name_their_key() {
        assert_eq!(
            AlignmentConfig::default().thresholds(),
            Ok(Thresholds::default())
        );
        let c = AlignmentConfig {
            backed_share: 1.5,
            ..AlignmentConfig::default()
        };
        let e = c.thresholds().unwrap_err().to_string();
        assert!(e.contains("alignment.backed_share"), "{e}");
        let c = AlignmentConfig {
            min_gap_points: 30.0,
            ..AlignmentConfig::default()
        };
        let e = c.thresholds().unwrap_err().to_string();
        assert!(e.contains("alignment.min_gap_points"), "{e}");
    }
}
