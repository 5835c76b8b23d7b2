//! The config file (`frontline.toml`, documented in `docs/config.md`):
//! read and validated before any work starts. Errors name the file and the
//! key to fix.

use crate::alignment::AlignmentConfig;
use crate::branding::{self, Branding, LogoError};
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
    /// The briefing's identity: `[report]`.
    pub report: ReportConfig,
    /// Marketing's side and the verdicts' thresholds: `[alignment]`.
    pub alignment: AlignmentConfig,
    /// The folder paths in the config are relative to (set when read).
    #[serde(skip)]
    pub base_dir: PathBuf,
    /// The file the config was read from, for messages.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

/// `[report]`: how the briefing presents itself. Only `title` is used by
/// the snapshot; the rest reaches the renderers as a [`Branding`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportConfig {
    /// The report's title (replaces the older top-level `title`).
    pub title: Option<String>,
    /// The company the briefing is for.
    pub company: Option<String>,
    /// Accent colour, `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// A PNG, JPEG or SVG file, relative to the config file's folder.
    pub logo: Option<PathBuf>,
    /// How many sales reps were asked to answer (for the response rate).
    pub team_size: Option<usize>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Sales team survey: briefing for marketing".into(),
            fiscal_year_start: 1,
            min_cell_size: 5,
            include_incomplete: false,
            questions: BTreeMap::new(),
            segments: BTreeMap::new(),
            ignore: vec![],
            competitors: vec![],
            codebooks: CodebooksConfig::default(),
            report: ReportConfig::default(),
            alignment: AlignmentConfig::default(),
            base_dir: PathBuf::from("."),
            file: None,
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
    #[error("{path}: {problem}\nSee docs/config.md for the settings and their form.")]
    Invalid { path: PathBuf, problem: Problem },
    #[error(
        "{config}: [report] logo = {logo:?}: could not read it ({source}); the path is relative to the config file's folder"
    )]
    LogoIo {
        config: PathBuf,
        logo: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{config}: [report] logo = {logo:?}: {source}")]
    Logo {
        config: PathBuf,
        logo: PathBuf,
        #[source]
        source: LogoError,
    },
}

/// What is wrong in config text, before it is tied to a file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    /// Not TOML, an unknown key or a value of the wrong type (the toml
    /// crate's message names the key and the line).
    #[error("{0}")]
    Syntax(String),
    /// A value of the right type that is not allowed.
    #[error("`{key}`: {problem}")]
    Setting { key: &'static str, problem: String },
}

fn setting(key: &'static str, problem: impl Into<String>) -> Problem {
    Problem::Setting {
        key,
        problem: problem.into(),
    }
}

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut cfg = Config::parse(&text).map_err(|problem| ConfigError::Invalid {
            path: path.to_path_buf(),
            problem,
        })?;
        cfg.base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        cfg.file = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Parses and validates config text.
    pub fn parse(text: &str) -> Result<Config, Problem> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| Problem::Syntax(e.to_string()))?;
        if !(1..=12).contains(&cfg.fiscal_year_start) {
            return Err(setting(
                "fiscal_year_start",
                format!(
                    "must be a month number from 1 to 12, not {}",
                    cfg.fiscal_year_start
                ),
            ));
        }
        if cfg.min_cell_size == 0 {
            return Err(setting("min_cell_size", "must be at least 1"));
        }
        cfg.check_report(text)?;
        cfg.alignment.thresholds()?;
        Ok(cfg)
    }

    /// Checks `[report]` and moves its title into place.
    fn check_report(&mut self, text: &str) -> Result<(), Problem> {
        let r = &self.report;
        if let Some(accent) = &r.accent
            && branding::parse_accent(accent).is_none()
        {
            return Err(setting(
                "report.accent",
                format!(
                    "{accent:?} is not a colour; write it as #rgb or #rrggbb, e.g. \"#1f6feb\""
                ),
            ));
        }
        if r.team_size == Some(0) {
            return Err(setting(
                "report.team_size",
                "must be the number of sales reps asked to answer (at least 1)",
            ));
        }
        for (key, value) in [("report.title", &r.title), ("report.company", &r.company)] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                return Err(setting(key, "is empty; give a text or leave the key out"));
            }
        }
        if let Some(title) = r.title.clone() {
            // Both spellings at once would leave one silently ignored.
            let top_level = text
                .parse::<toml::Table>()
                .is_ok_and(|t| t.contains_key("title"));
            if top_level {
                return Err(setting(
                    "title",
                    "is set both at the top and in [report]; keep only [report] title",
                ));
            }
            self.title = title;
        }
        Ok(())
    }

    /// The config file's name for messages (`frontline.toml` when the
    /// config did not come from a file).
    pub fn file_name(&self) -> PathBuf {
        self.file
            .clone()
            .unwrap_or_else(|| PathBuf::from("frontline.toml"))
    }

    /// `[alignment] marketing` and `messaging`, relative to the config's
    /// folder.
    pub fn alignment_paths(&self) -> (Vec<PathBuf>, Option<PathBuf>) {
        let a = &self.alignment;
        (
            a.marketing.iter().map(|p| self.base_dir.join(p)).collect(),
            a.messaging.as_ref().map(|p| self.base_dir.join(p)),
        )
    }

    /// Where `[report] logo` points, relative to the config's folder.
    pub fn logo_path(&self) -> Option<PathBuf> {
        self.report.logo.as_ref().map(|l| self.base_dir.join(l))
    }

    /// The branding in force; `logo` holds the logo file's bytes when
    /// `[report] logo` is set (the caller reads the file).
    pub fn branding(&self, logo: Option<&[u8]>) -> Result<Branding, ConfigError> {
        let r = &self.report;
        let accent = r.accent.as_deref().and_then(branding::parse_accent);
        let logo =
            match (logo, &r.logo) {
                (Some(bytes), Some(path)) => Some(branding::embed_logo(bytes).map_err(
                    |source| ConfigError::Logo {
                        config: self.file_name(),
                        logo: path.clone(),
                        source,
                    },
                )?),
                _ => None,
            };
        Ok(Branding {
            title: self.title.clone(),
            company: r.company.clone(),
            accent_on_light: accent
                .as_deref()
                .map(|a| branding::readable_on(a, branding::LIGHT_BACKGROUND)),
            accent_on_dark: accent
                .as_deref()
                .map(|a| branding::readable_on(a, branding::DARK_BACKGROUND)),
            accent,
            logo,
            team_size: r.team_size,
        })
    }

    /// The error for a logo file that cannot be read.
    pub fn logo_io_error(&self, source: std::io::Error) -> ConfigError {
        ConfigError::LogoIo {
            config: self.file_name(),
            logo: self.report.logo.clone().unwrap_or_default(),
            source,
        }
    }

    /// The error for a logo file over the size limit, found before it is
    /// read.
    pub fn logo_too_large(&self, size: usize) -> ConfigError {
        ConfigError::Logo {
            config: self.file_name(),
            logo: self.report.logo.clone().unwrap_or_default(),
            source: LogoError::TooLarge {
                size,
                limit: branding::MAX_LOGO_BYTES,
            },
        }
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
        let err = |text: &str| Config::parse(text).unwrap_err().to_string();
        assert!(
            err("fiscal_year_start = 13")
                .contains("`fiscal_year_start`: must be a month number from 1 to 12")
        );
        assert!(Config::parse("[questions]\nx = \"nope\"").is_err());
        assert!(err("colour = 1").contains("colour"));
    }

    #[test]
    fn report_table_sets_the_branding() {
        let cfg = Config::parse(
            "[report]\ntitle = \"Q3 briefing\"\ncompany = \"Northwind\"\naccent = \"#0AF\"\nteam_size = 30\n",
        )
        .unwrap();
        assert_eq!(cfg.title, "Q3 briefing");
        let b = cfg.branding(None).unwrap();
        assert_eq!(b.title, "Q3 briefing");
        assert_eq!(b.company.as_deref(), Some("Northwind"));
        assert_eq!(b.accent.as_deref(), Some("#00aaff"));
        assert_eq!(b.team_size, Some(30));
        assert_eq!(b.logo, None);
        // The older top-level title still works on its own.
        assert_eq!(Config::parse("title = \"Old\"").unwrap().title, "Old");
    }

    #[test]
    fn report_table_errors_name_the_key() {
        let err = |text: &str| Config::parse(text).unwrap_err().to_string();
        assert!(
            err("[report]\naccent = \"blue\"")
                .starts_with("`report.accent`: \"blue\" is not a colour")
        );
        assert!(err("[report]\nteam_size = 0").starts_with("`report.team_size`"));
        assert!(err("[report]\ncompany = \" \"").starts_with("`report.company`: is empty"));
        assert!(err("title = \"a\"\n[report]\ntitle = \"b\"").starts_with("`title`: is set both"));
        assert!(err("[report]\ncolor = \"#fff\"").contains("color"));
        assert!(err("[report]\nteam_size = -3").contains("team_size"));
    }

    #[test]
    fn a_bad_logo_is_refused_with_the_config_file_and_key() {
        let mut cfg = Config::parse("[report]\nlogo = \"brand/logo.svg\"").unwrap();
        cfg.file = Some(PathBuf::from("conf/frontline.toml"));
        cfg.base_dir = PathBuf::from("conf");
        assert_eq!(cfg.logo_path(), Some(PathBuf::from("conf/brand/logo.svg")));
        let e = cfg
            .branding(Some(b"<svg onload=\"alert(1)\"></svg>"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("conf/frontline.toml: [report] logo = \"brand/logo.svg\": the SVG logo contains an event handler (onload=)"), "{e}");
        let ok = cfg.branding(Some(b"<svg></svg>")).unwrap();
        assert!(
            ok.logo
                .unwrap()
                .data_uri
                .starts_with("data:image/svg+xml;base64,")
        );
    }
}
