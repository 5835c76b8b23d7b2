//! Render tests over a small survey built in code.

use super::*;
use crate::aggregate::{self, Settings};
use crate::ingest::{
    Accounting, ColumnInfo, Platform, Respondent, Response, Role, SourceInfo, Survey, TextEncoding,
};
use crate::normalize::{Normalizer, normalize_survey};
use crate::questions::QuestionId;
use crate::snapshot::{DataQuality, SCHEMA_VERSION};
use std::collections::BTreeMap;

fn survey(answers: &[(&str, &str, &str)]) -> Survey {
    let mut columns = vec![ColumnInfo {
        header: "Company size".into(),
        role: Role::Segment,
        question: None,
        segment: Some("company_size".into()),
        reason: String::new(),
    }];
    for q in [
        QuestionId::Objections,
        QuestionId::CycleLength,
        QuestionId::WebsiteValue,
    ] {
        columns.push(ColumnInfo {
            header: q.wording().into(),
            role: Role::Question,
            question: Some(q),
            segment: None,
            reason: String::new(),
        });
    }
    let responses = answers
        .iter()
        .enumerate()
        .map(|(i, (size, obj, cycle))| Response {
            id: (i + 1).to_string(),
            source: 0,
            row: i + 1,
            submitted: None,
            answers: BTreeMap::from([
                (QuestionId::Objections, obj.to_string()),
                (QuestionId::CycleLength, cycle.to_string()),
            ]),
            segments: BTreeMap::from([("company_size".to_string(), size.to_string())]),
            respondent: Respondent::default(),
        })
        .collect::<Vec<_>>();
    let n = responses.len();
    Survey {
        sources: vec![SourceInfo {
            path: "x.csv".into(),
            platform: Platform::Generic,
            encoding: TextEncoding::Utf8,
            delimiter: Some(','),
            header_rows: 1,
            columns,
            accounting: Accounting {
                rows: n,
                used: n,
                ..Accounting::default()
            },
        }],
        responses,
        accounting: Accounting {
            rows: n,
            used: n,
            ..Accounting::default()
        },
        warnings: vec![],
    }
}

pub(crate) fn snapshot_of(answers: &[(&str, &str, &str)]) -> Snapshot {
    let s = survey(answers);
    let base = Normalizer::new(crate::normalize::Codebooks::defaults(), vec![]);
    let (n, coded) = normalize_survey(&s, &base);
    Snapshot {
        schema: SCHEMA_VERSION,
        generator: "frontline test".into(),
        title: "Test briefing".into(),
        quarter: Some("2026-Q3".into()),
        fiscal_year_start: 1,
        respondents: s.responses.len(),
        min_cell_size: 2,
        sources: vec![],
        segments: vec![],
        questions: aggregate::questions(
            &s,
            &coded,
            &n.codebooks,
            &Settings {
                min_cell_size: 2,
                quotes_per_theme: 3,
            },
        ),
        codebooks: Default::default(),
        head_to_head: vec![],
        persona_profiles: vec![],
        team_size: None,
        survey_dates: None,
        data_quality: DataQuality::default(),
        alignment: None,
    }
}

#[test]
fn hostile_survey_text_is_escaped_in_both_formats() {
    let snap = snapshot_of(&[
        (
            "SMB",
            "<script>alert(1)</script> **bold** [x](http://evil.example)",
            "3 months",
        ),
        ("Enterprise", "price | too high", "depends"),
        ("Enterprise", "<img src=x onerror=alert(1)>", "90 days"),
    ]);
    let (md, html) = render_both(&snap).unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"));
    // Quotes are stripped of markup (their words stay), and what is left
    // is escaped, so nothing a rep typed becomes a tag or a link.
    for out in [&md, &html] {
        assert!(!out.contains("<script") && !out.contains("<img"), "{out}");
        assert!(out.contains("alert(1)"), "the words survive");
        assert!(!out.contains("](http"), "no Markdown link");
    }
}

#[test]
fn html_is_self_contained() {
    let snap = snapshot_of(&[("SMB", "price", "3 months"), ("SMB", "budget", "1 month")]);
    let (_, html) = render_both(&snap).unwrap();
    assert!(!html.to_lowercase().contains("<script"));
    for attr in ["src=", "href=", "url("] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let target = rest.trim_start_matches(['"', '\'', '(']);
            assert!(
                target.starts_with('#'),
                "{attr} points outside the file: {}",
                &rest[..40.min(rest.len())]
            );
        }
    }
}

#[test]
fn branding_reaches_every_output_readable_in_both_modes() {
    let snap = snapshot_of(&[("SMB", "price", "3 months"), ("SMB", "budget", "1 month")]);
    let cfg = crate::config::Config::parse(
        "[report]\ntitle = \"Northwind briefing\"\ncompany = \"Northwind <Traders>\"\naccent = \"#ffeb3b\"\nlogo = \"l.png\"",
    )
    .unwrap();
    let branding = cfg.branding(Some(b"\x89PNG\r\n\x1a\n\xff\xfe")).unwrap();
    let (light, dark) = (
        branding.accent_on_light.clone().unwrap(),
        branding.accent_on_dark.clone().unwrap(),
    );
    assert_ne!(light, "#ffeb3b", "pale yellow is unreadable on white");
    let r = Renderer::new(None).unwrap().with_branding(branding);
    let b = briefing::build(&snap);
    let html = r.html(&b).unwrap();
    assert!(html.contains(&format!("--accent: {light}; --brand: #ffeb3b;")));
    assert!(html.contains(&format!("--accent: {dark}; }}")));
    assert!(html.contains("<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgr//g==\""));
    assert!(html.contains("<span class=\"company\">Northwind &lt;Traders&gt;</span>"));
    assert!(html.contains(CSP_META));
    let md = r.markdown(&b).unwrap();
    assert!(
        md.contains("**Northwind \\<Traders\\>** · 2 reps answered"),
        "{md}"
    );
    let d = briefing::diff_briefing(&snap, &snap, &crate::diff::diff(&snap, &snap));
    assert!(
        r.diff_html(&d)
            .unwrap()
            .contains("<span class=\"company\">")
    );
    assert!(
        r.diff_markdown(&d)
            .unwrap()
            .contains("· Northwind briefing\n")
    );
    // Without branding, no empty brand line and the default accent.
    let plain = Renderer::new(None).unwrap().html(&b).unwrap();
    assert!(!plain.contains("class=\"brand\"") && !plain.contains("--brand:"));
}
