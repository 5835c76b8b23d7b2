//! Reading files: the entry points of the ingest stage.
//! (Placeholder: a plain one-header-row CSV reader until the platform layer
//! lands.)

use super::*;
use std::path::Path;

pub fn read_exports(
    paths: &[PathBuf],
    rules: &ColumnRules,
    opts: &ReadOptions,
) -> Result<Survey, IngestError> {
    let mut survey = Survey {
        sources: vec![],
        responses: vec![],
        accounting: Accounting::default(),
        warnings: vec![],
    };
    for (i, p) in paths.iter().enumerate() {
        let (info, mut responses, warnings) = read_export(p, rules, opts)?;
        for r in &mut responses {
            r.source = i;
        }
        survey.accounting.add(&info.accounting);
        survey.sources.push(info);
        survey.responses.extend(responses);
        survey.warnings.extend(warnings);
    }
    Ok(survey)
}

pub fn read_export(
    path: &Path,
    _rules: &ColumnRules,
    _opts: &ReadOptions,
) -> Result<(SourceInfo, Vec<Response>, Vec<Warning>), IngestError> {
    Err(IngestError::Malformed {
        path: path.to_path_buf(),
        line: 1,
        message: "reader not written yet".into(),
    })
}
