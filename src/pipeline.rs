//! The report pipeline end to end, as library calls: read the exports,
//! code the answers, aggregate them and build the snapshot. The CLI and the
//! benchmarks call this; it touches no file but the exports (`-` among
//! them reads standard input).

use crate::aggregate::{self, Settings};
use crate::alignment::{self, MessagingFormat, Side};
use crate::config::Config;
use crate::error::Error;
use crate::ingest::{self, Platform, ReadOptions, Role, Survey};
use crate::normalize::{self, Codebooks, CodedResponse, Normalizer};
use crate::progress::{Progress, Silent};
use crate::quarter::{self, Quarter};
use crate::questions::QuestionId;
use crate::snapshot::{
    CodebookInfo, DataQuality, SCHEMA_VERSION, SegmentSummary, Snapshot, SourceSummary,
    UnmappedColumn, count,
};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What to analyze and how.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub exports: Vec<PathBuf>,
    pub config: Config,
    /// A quarter label that overrides the one read from the timestamps.
    pub quarter: Option<String>,
    pub platform: Option<Platform>,
    /// Keep preview and test responses.
    pub include_tests: bool,
    /// Bytes read from one export before it is refused [default: 1 GiB].
    pub max_input_bytes: Option<u64>,
}

/// Marketing's side of `report --marketing`: its mirror-survey exports and
/// the published messaging (text and format; the CLI reads the file).
#[derive(Debug, Clone, Default)]
pub struct AlignmentRequest {
    pub marketing: Vec<PathBuf>,
    pub messaging: Option<(String, MessagingFormat)>,
}

/// Every stage's result, for the commands that need more than the snapshot.
pub struct Analysis {
    pub survey: Survey,
    pub normalizer: Normalizer,
    pub coded: Vec<CodedResponse>,
    pub snapshot: Snapshot,
}

/// The codebooks in force: the defaults with the config's changes.
pub fn codebooks(config: &Config) -> Result<Codebooks, Error> {
    Codebooks::with_config(&config.codebooks, &config.base_dir).map_err(Error::Codebook)
}

/// Reads and codes the exports, without aggregating.
pub fn read_and_code(req: &Request) -> Result<(Survey, Normalizer, Vec<CodedResponse>), Error> {
    read_and_code_with(req, &Silent)
}

/// As [`read_and_code`], reporting progress: the stage `reading`, then
/// `coding` one step per response.
pub fn read_and_code_with(
    req: &Request,
    progress: &dyn Progress,
) -> Result<(Survey, Normalizer, Vec<CodedResponse>), Error> {
    progress.stage("reading", 0);
    let opts = ReadOptions {
        platform: req.platform,
        include_incomplete: req.config.include_incomplete,
        include_tests: req.include_tests,
        max_input_bytes: req
            .max_input_bytes
            .unwrap_or(ingest::limits::DEFAULT_MAX_INPUT_BYTES),
    };
    let mut survey = ingest::read_exports(&req.exports, &req.config.column_rules(), &opts)?;
    // Names out of every answer before any stage can repeat them.
    let privacy = crate::privacy::protect(&mut survey);
    tidy_segments(&mut survey);
    aggregate::segments::screen(&mut survey, req.config.min_cell_size);
    let base = Normalizer::new(codebooks(&req.config)?, req.config.competitors.clone())
        .with_privacy(privacy);
    progress.stage("coding", survey.responses.len() as u64);
    let (normalizer, coded) = normalize::normalize_survey_with(&survey, &base, progress);
    Ok((survey, normalizer, coded))
}

/// Runs every stage up to the snapshot.
pub fn analyze(req: &Request) -> Result<Analysis, Error> {
    analyze_with(req, &Silent)
}

/// As [`analyze`], reporting progress ([`read_and_code_with`], then the
/// stage `aggregating`).
pub fn analyze_with(req: &Request, progress: &dyn Progress) -> Result<Analysis, Error> {
    let (survey, normalizer, coded) = read_and_code_with(req, progress)?;
    progress.stage("aggregating", 0);
    let snapshot = build_snapshot(req, &survey, &normalizer, &coded)?;
    progress.finish();
    Ok(Analysis {
        survey,
        normalizer,
        coded,
        snapshot,
    })
}

/// Reads marketing's exports through the same ingest, normalize and
/// aggregate as the sales ones (any layout), codes the messaging with the
/// sales run's coder, and puts the comparison into the sales snapshot.
/// Returns marketing's analysis, for its warnings.
pub fn align(
    req: &Request,
    sales: &mut Analysis,
    side: &AlignmentRequest,
) -> Result<Analysis, Error> {
    let mreq = Request {
        exports: side.marketing.clone(),
        ..req.clone()
    };
    let marketing = analyze(&mreq)?;
    let thresholds = req.config.alignment.thresholds().map_err(|problem| {
        crate::config::ConfigError::Invalid {
            path: req.config.file_name(),
            problem,
        }
    })?;
    let messaging = side.messaging.as_ref().map(|(text, format)| {
        let claims = alignment::claims_of(&alignment::extract_text(text, *format));
        alignment::code_claims(&claims, &sales.normalizer)
    });
    let cited = alignment::cited(&sales.coded);
    let result = alignment::align(&alignment::Input {
        sales: Side {
            respondents: sales.snapshot.respondents,
            questions: &sales.snapshot.questions,
        },
        marketing: Side {
            respondents: marketing.snapshot.respondents,
            questions: &marketing.snapshot.questions,
        },
        sales_cited: &cited,
        messaging: messaging.as_ref(),
        thresholds,
        min_cell_size: req.config.min_cell_size,
    });
    sales.snapshot.alignment = Some(result);
    Ok(marketing)
}

fn build_snapshot(
    req: &Request,
    survey: &Survey,
    normalizer: &Normalizer,
    coded: &[CodedResponse],
) -> Result<Snapshot, Error> {
    let cfg = &req.config;
    let settings = Settings {
        min_cell_size: cfg.min_cell_size,
        ..Settings::default()
    };
    let questions = aggregate::questions(survey, coded, &normalizer.codebooks, &settings);
    let head_to_head = aggregate::head_to_head(&questions);
    let (label, mut data_quality) = quarter_and_quality(req, survey)?;
    data_quality.missing_questions = QuestionId::ALL
        .into_iter()
        .filter(|q| !questions.iter().any(|s| s.id == *q))
        .collect();
    Ok(Snapshot {
        schema: SCHEMA_VERSION,
        generator: format!("frontline {}", env!("CARGO_PKG_VERSION")),
        title: cfg.title.clone(),
        quarter: label,
        fiscal_year_start: cfg.fiscal_year_start,
        respondents: survey.responses.len(),
        min_cell_size: cfg.min_cell_size,
        sources: sources(survey),
        segments: segments(survey),
        questions,
        codebooks: codebook_info(&normalizer.codebooks),
        head_to_head,
        persona_profiles: aggregate::persona_profiles(
            survey,
            coded,
            &normalizer.codebooks,
            cfg.min_cell_size,
        ),
        team_size: cfg.report.team_size,
        survey_dates: survey_dates(survey),
        data_quality,
        alignment: None,
    })
}

/// The first and last submission dates of the responses used.
fn survey_dates(survey: &Survey) -> Option<(String, String)> {
    let mut dates = survey
        .responses
        .iter()
        .filter_map(|r| r.submitted.map(|t| t.date()));
    let first = dates.next()?;
    let (lo, hi) = dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    Some((lo.to_string(), hi.to_string()))
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn sources(survey: &Survey) -> Vec<SourceSummary> {
    survey
        .sources
        .iter()
        .map(|s| SourceSummary {
            file: file_name(&s.path),
            platform: s.platform.as_str().into(),
            encoding: s.encoding.as_str().into(),
            accounting: s.accounting,
        })
        .collect()
}

fn segments(survey: &Survey) -> Vec<SegmentSummary> {
    aggregate::segment_names(survey)
        .into_iter()
        .map(|(name, header)| {
            let mut values: BTreeMap<&str, usize> = BTreeMap::new();
            for r in &survey.responses {
                if let Some(v) = r.segments.get(&name) {
                    *values.entry(v.as_str()).or_default() += 1;
                }
            }
            SegmentSummary {
                values: values
                    .into_iter()
                    .map(|(v, c)| count(v, v, c, survey.responses.len()))
                    .collect(),
                name,
                header,
            }
        })
        .collect()
}

fn codebook_info(books: &Codebooks) -> BTreeMap<String, CodebookInfo> {
    books
        .books
        .iter()
        .map(|(id, b)| {
            let themes: BTreeMap<String, String> = b
                .themes
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect();
            (
                id.as_str().to_string(),
                CodebookInfo {
                    fingerprint: b.fingerprint(),
                    themes,
                },
            )
        })
        .collect()
}

/// The report's quarter (the override, else the dominant quarter of the
/// timestamps) and the data-quality facts that come with it.
fn quarter_and_quality(
    req: &Request,
    survey: &Survey,
) -> Result<(Option<String>, DataQuality), Error> {
    let fy = req.config.fiscal_year_start;
    let dates: Vec<_> = survey
        .responses
        .iter()
        .map(|r| r.submitted.map(|t| t.date()))
        .collect();
    let counted = quarter::dominant(&dates, fy);
    let (label, reference) = match &req.quarter {
        Some(l) => {
            let q = parse_override(l, fy)?;
            (Some(q.to_string()), Some(q))
        }
        None => (counted.dominant.map(|q| q.to_string()), counted.dominant),
    };
    let mut outside: BTreeMap<Quarter, usize> = BTreeMap::new();
    if let Some(refq) = reference {
        for d in dates.iter().flatten() {
            let q = Quarter::of(*d, fy);
            if q != refq {
                *outside.entry(q).or_default() += 1;
            }
        }
    }
    let mut unmapped = vec![];
    for s in &survey.sources {
        for c in s.columns.iter().filter(|c| c.role == Role::Ignored) {
            unmapped.push(UnmappedColumn {
                file: file_name(&s.path),
                header: c.header.clone(),
                reason: c.reason.clone(),
            });
        }
    }
    // Only file names: the snapshot must not depend on (or reveal) the
    // folder the export was saved in.
    let mut warnings: Vec<_> = survey
        .warnings
        .iter()
        .map(|w| ingest::Warning {
            file: file_name(std::path::Path::new(&w.file)),
            ..w.clone()
        })
        .collect();
    if let (Some(given), Some(found)) = (reference, counted.dominant)
        && req.quarter.is_some()
        && given != found
    {
        warnings.push(ingest::Warning {
            file: "--quarter".into(),
            line: None,
            column: None,
            message: format!(
                "the report is labelled {given}, but most responses were submitted in {found}"
            ),
        });
    }
    warnings.sort();
    Ok((
        label,
        DataQuality {
            accounting: survey.accounting,
            unmapped_columns: unmapped,
            missing_questions: vec![],
            outside_quarter: outside
                .into_iter()
                .map(|(q, c)| count(q.to_string(), q.to_string(), c, survey.responses.len()))
                .collect(),
            undated: counted.undated,
            warnings,
        },
    ))
}

/// The `--quarter` label, checked and written the standard way, so that
/// reports sort and compare across quarters.
fn parse_override(label: &str, fy: u32) -> Result<Quarter, Error> {
    let fiscal = label.trim().to_ascii_uppercase().starts_with("FY");
    let example = if fy == 1 { "2026-Q3" } else { "FY2027-Q1" };
    match Quarter::parse(label, fy) {
        Some(q) if fiscal || fy == 1 => Ok(q),
        Some(_) => Err(Error::Usage(format!(
            "--quarter {label:?}: the config sets a fiscal year starting in month {fy}, so name the fiscal quarter, e.g. {example}"
        ))),
        None => Err(Error::Usage(format!(
            "--quarter {label:?} is not a quarter; use a label like {example}"
        ))),
    }
}

/// Segment answers typed by hand vary in case and spacing ("Enterprise",
/// "enterprise ", "ENTERPRISE"): they are one group, shown in the spelling
/// most reps used (ties: the first in sort order).
fn tidy_segments(survey: &mut Survey) {
    let key = |v: &str| {
        v.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut spellings: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    for r in &survey.responses {
        for (name, v) in &r.segments {
            let tidy = v.split_whitespace().collect::<Vec<_>>().join(" ");
            *spellings
                .entry((name.clone(), key(v)))
                .or_default()
                .entry(tidy)
                .or_default() += 1;
        }
    }
    let canonical: BTreeMap<(String, String), String> = spellings
        .into_iter()
        .map(|(k, counts)| {
            let best = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            (k, best)
        })
        .collect();
    for r in &mut survey.responses {
        r.segments.retain(|_, v| !v.trim().is_empty());
        for (name, v) in r.segments.iter_mut() {
            if let Some(c) = canonical.get(&(name.clone(), key(v))) {
                *v = c.clone();
            }
        }
    }
}
