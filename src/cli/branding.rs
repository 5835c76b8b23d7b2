//! The `[report]` branding resolved at the start of `report` and `diff`:
//! the logo file is read here (the library only checks bytes), after its
//! size is known, so a huge file is refused without being read.

use frontline::branding::{Branding, MAX_LOGO_BYTES};
use frontline::config::Config;
use frontline::error::Error;

/// The config's branding with its logo embedded.
pub fn resolve(config: &Config) -> Result<Branding, Error> {
    let Some(path) = config.logo_path() else {
        return Ok(config.branding(None)?);
    };
    let meta = std::fs::metadata(&path).map_err(|e| config.logo_io_error(e))?;
    if meta.len() > MAX_LOGO_BYTES as u64 {
        return Err(config
            .logo_too_large(usize::try_from(meta.len()).unwrap_or(usize::MAX))
            .into());
    }
    let bytes = std::fs::read(&path).map_err(|e| config.logo_io_error(e))?;
    Ok(config.branding(Some(&bytes))?)
}
