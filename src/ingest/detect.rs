//! Which platform wrote an export: every platform module scores the header
//! rows and the best wins (ties go to the order of `platforms::SPECS`);
//! `generic` always fits. `ReadOptions.platform` skips the guess.

use super::Platform;
use super::layout::Layout;
use super::platforms::{Head, SPECS, spec};

/// The layout of an export whose first records are `head`.
pub(crate) fn detect(head: &Head, forced: Option<Platform>) -> Layout {
    let platform = forced.unwrap_or_else(|| best(head));
    let mut layout = (spec(platform).layout)(head);
    layout.header_rows = layout.header_rows.clamp(1, head.len().max(1));
    layout
}

/// The platform's second look at the layout with the first data rows.
pub(crate) fn refine(layout: Layout, sample: &[Vec<String>]) -> Layout {
    match spec(layout.platform).refine {
        Some(f) => f(layout, sample),
        None => layout,
    }
}

/// How many data rows `refine` looks at.
pub(crate) const SAMPLE_ROWS: usize = 200;

fn best(head: &Head) -> Platform {
    let mut best = (Platform::Generic, 0u32);
    for s in &SPECS {
        let score = (s.score)(head);
        if score > best.1 {
            best = (s.platform, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(rows: &[&str]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.split(',').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn headers_pick_their_platform() {
        let cases = [
            ("Timestamp,Email Address,Q1", Platform::GoogleForms),
            (
                "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,Q",
                Platform::SurveyMonkey,
            ),
            (
                "StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,Q1",
                Platform::Qualtrics,
            ),
            (
                "Id,Start time,Completion time,Email,Name,Q1",
                Platform::MicrosoftForms,
            ),
            (
                "#,Q1,Start Date (UTC),Submit Date (UTC),Network ID",
                Platform::Typeform,
            ),
            (
                "id,Completed,Last page seen,Start language,Token,Date last action,Date started,IP address,Q",
                Platform::LimeSurvey,
            ),
            (
                "Submission Date,Q1,Submission ID,Submission IP",
                Platform::Jotform,
            ),
            (
                "Submission ID,Respondent ID,Submitted at,Q1",
                Platform::Tally,
            ),
            (
                "No.,Response ID,Timestamp,Finished,Survey ID,Formbricks ID (internal),User ID,Notes,Tags,Q",
                Platform::Formbricks,
            ),
            (
                "start,end,q1,_id,_uuid,_submission_time,_validation_status",
                Platform::KoboToolbox,
            ),
            ("Name,Region,Objections", Platform::Generic),
            (
                "SubmissionDate,meta-instanceID,KEY,SubmitterID",
                Platform::Generic,
            ),
        ];
        for (h, p) in cases {
            assert_eq!(detect(&head(&[h]), None).platform, p, "{h}");
        }
        let forced = detect(&head(&["Timestamp,Q1"]), Some(Platform::Generic));
        assert_eq!(forced.platform, Platform::Generic);
    }
}
