//! `report --marketing ... --messaging FILE` (or `[alignment]` in
//! frontline.toml), resolved before any export is read: the marketing
//! exports are checked like the sales ones, and the messaging file is read
//! here (the library never opens files) and its format told.

use frontline::alignment::MessagingFormat;
use frontline::config::{Config, ConfigError, Problem};
use frontline::error::Error;
use frontline::pipeline::AlignmentRequest;
use std::path::{Path, PathBuf};

/// A messaging file larger than this is not a page of positioning.
const MAX_MESSAGING_BYTES: u64 = 5 << 20;

/// The flags win over the config; the config's paths are relative to its
/// folder. `None` when neither names marketing's exports.
pub fn resolve(
    marketing: Vec<PathBuf>,
    messaging: Option<PathBuf>,
    config: &Config,
) -> Result<Option<AlignmentRequest>, Error> {
    let (cfg_marketing, cfg_messaging) = config.alignment_paths();
    let from_flags = !marketing.is_empty();
    let marketing = if from_flags { marketing } else { cfg_marketing };
    let messaging = messaging.or(cfg_messaging);
    if marketing.is_empty() {
        return match messaging {
            Some(_) => Err(Error::Usage(
                "--messaging compares the messaging with both teams' answers: give marketing's export with --marketing too (or `[alignment] marketing` in frontline.toml)".into(),
            )),
            None => Ok(None),
        };
    }
    super::check_exports(&marketing)?;
    for p in &marketing {
        if p.as_os_str() != frontline::ingest::STDIN_ARG && !p.exists() {
            let what = "marketing's export is not there; check the path".to_string();
            return Err(if from_flags {
                Error::Read {
                    path: p.clone(),
                    what: format!("--marketing: {what}"),
                    source: None,
                }
            } else {
                config_error(
                    config,
                    "alignment.marketing",
                    format!(
                        "{}: {what} (relative to the config file's folder)",
                        p.display()
                    ),
                )
            });
        }
    }
    let messaging = match messaging {
        Some(p) => Some(read_messaging(&p)?),
        None => None,
    };
    Ok(Some(AlignmentRequest {
        marketing,
        messaging,
    }))
}

fn config_error(config: &Config, key: &'static str, problem: String) -> Error {
    Error::Config(ConfigError::Invalid {
        path: config.file_name(),
        problem: Problem::Setting { key, problem },
    })
}

fn read_messaging(path: &Path) -> Result<(String, MessagingFormat), Error> {
    let err = |what: String, source: Option<std::io::Error>| Error::Read {
        path: path.to_path_buf(),
        what,
        source,
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        err(
            format!(
                "--messaging: could not read it ({e}); give a Markdown, text or saved HTML file"
            ),
            Some(e),
        )
    })?;
    if !meta.is_file() {
        return Err(err(
            "--messaging: not a file; give a Markdown, text or saved HTML file".into(),
            None,
        ));
    }
    if meta.len() > MAX_MESSAGING_BYTES {
        return Err(err(
            format!(
                "--messaging: {} MB is more than the {} MB a page of positioning takes; save the page itself, not the whole site",
                meta.len() >> 20,
                MAX_MESSAGING_BYTES >> 20
            ),
            None,
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| err(format!("--messaging: {e}"), Some(e)))?;
    // Saved pages are UTF-8 nearly always; a stray byte must not stop the
    // report.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let format = MessagingFormat::detect(path, &text);
    Ok((text, format))
}
