//! The config file (`frontline.toml`, documented in `docs/config.md`):
//! read and validated before any work starts.

use crate::ingest::ColumnRules;
use crate::normalize::codebook::CodebooksConfig;
use crate::questions::QuestionId;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Everything a user can set. Every field has a default, so an empty file
/// (or no file) is a valid config.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The report's title.
    pub title: String,
    /// First month (1-12) of the fiscal year; 1 means calendar quarters.
    pub fiscal_year_start: u32,
    /// Segment cells with fewer respondents are not shown on their own.
    pub min_cell_size: usize,
    /// People in the sales team, for the response rate on the first page.
    pub team_size: Option<usize>,
    /// Keep responses the platform marks as incomplete.
    pub include_incomplete: bool,
    /// Header text (or a distinctive part of it) -> question id.
    pub questions: BTreeMap<String, QuestionId>,
    /// Header text (or a distinctive part of it) -> segment name.
    pub segments: BTreeMap<String, String>,
    /// Header texts (or parts) to leave out.
    pub ignore: Vec<String>,
    /// Competitor names to look for in answers.
    pub competitors: Vec<String>,
    /// Codebook additions and replacements (see docs/codebooks.md).
    pub codebooks: CodebooksConfig,
    /// The folder paths in the config are relative to (set when read).
    #[serde(skip)]
    pub base_dir: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Sales team survey: briefing for marketing".into(),
            fiscal_year_start: 1,
            min_cell_size: 5,
            team_size: None,
            include_incomplete: false,
            questions: BTreeMap::new(),
            segments: BTreeMap::new(),
            ignore: vec![],
            competitors: vec![],
            codebooks: CodebooksConfig::default(),
            base_dir: PathBuf::from("."),
        }
    }
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{path}: could not read the config file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}\nSee docs/config.md for the settings and their form.")]
    Invalid { path: PathBuf, message: String },
}

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut cfg = Config::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })?;
        cfg.base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(cfg)
    }

    /// Parses and validates config text.
    pub fn parse(text: &str) -> Result<Config, String> {
        let cfg: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        if !(1..=12).contains(&cfg.fiscal_year_start) {
            return Err(format!(
                "fiscal_year_start must be a month number from 1 to 12, not {}",
                cfg.fiscal_year_start
            ));
        }
        if cfg.min_cell_size == 0 {
            return Err("min_cell_size must be at least 1".into());
        }
        Ok(cfg)
    }

    /// The column mappings the ingest stage applies before guessing.
    pub fn column_rules(&self) -> ColumnRules {
        ColumnRules {
            questions: self.questions.clone(),
            segments: self.segments.clone(),
            ignore: self.ignore.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_the_default() {
        let cfg = Config::parse("").unwrap();
        assert_eq!(cfg.fiscal_year_start, 1);
        assert_eq!(cfg.min_cell_size, 5);
    }

    #[test]
    fn mappings_and_validation() {
        let cfg = Config::parse(
            "fiscal_year_start = 2\n[questions]\n\"Top pushbacks\" = \"objections\"\n[segments]\n\"Deal size\" = \"company_size\"\n",
        )
        .unwrap();
        assert_eq!(cfg.questions["Top pushbacks"], QuestionId::Objections);
        assert_eq!(cfg.segments["Deal size"], "company_size");
        assert!(
            Config::parse("fiscal_year_start = 13")
                .unwrap_err()
                .contains("1 to 12")
        );
        assert!(Config::parse("[questions]\nx = \"nope\"").is_err());
        assert!(Config::parse("colour = 1").unwrap_err().contains("colour"));
    }
}
