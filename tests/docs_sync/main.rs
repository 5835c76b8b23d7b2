//! Docs that are generated from the code they describe, checked here so
//! they cannot drift: the questions in docs/question-bank.md (from
//! data/question_bank.toml) and the template variables in docs/templates.md
//! (from the view structs the templates are rendered with), plus the
//! worked example of docs/templates.md, rendered on the sample data.
//!
//! After changing the data or a view struct, rewrite the generated parts:
//! `FRONTLINE_BLESS=1 cargo test --test docs_sync`.

mod struct_docs;

use std::path::{Path, PathBuf};
use struct_docs::Structs;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

const BEGIN: &str = "<!-- BEGIN GENERATED";
const END: &str = "<!-- END GENERATED -->";

/// Checks (or, with FRONTLINE_BLESS=1, rewrites) the generated block of a
/// doc, the text between the BEGIN and END markers.
fn check_block(doc: &str, generated: &str) {
    let path = repo(doc);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let start = text
        .find(BEGIN)
        .unwrap_or_else(|| panic!("{doc}: no {BEGIN} marker"));
    let body = start + text[start..].find("-->\n").expect("marker closes") + 4;
    let end = text[body..]
        .find(END)
        .map(|e| body + e)
        .expect("END marker");
    if &text[body..end] == generated {
        return;
    }
    if std::env::var_os("FRONTLINE_BLESS").is_some() {
        let new = format!("{}{generated}{}", &text[..body], &text[end..]);
        std::fs::write(&path, new).unwrap();
        return;
    }
    let first_diff = text[body..end]
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    panic!(
        "{doc} is out of date (first difference at generated line {}: {:?}). Run `FRONTLINE_BLESS=1 cargo test --test docs_sync` and review the change.",
        first_diff + 1,
        generated.lines().nth(first_diff)
    );
}

#[test]
fn question_bank_doc_matches_the_data() {
    let generated = frontline::question_bank::bank().to_markdown(None);
    check_block("docs/question-bank.md", &generated);
}

#[test]
fn templates_doc_lists_every_view_field() {
    let structs = Structs::parse_dir(&repo("src"));
    let mut out = String::new();
    for (root, heading, access) in struct_docs::ROOTS {
        out.push_str(&structs.reference(root, heading, access));
    }
    check_block("docs/templates.md", &out);
}

/// The fenced block after a marker comment in a doc.
fn fenced_after(doc: &str, marker: &str) -> String {
    let text = std::fs::read_to_string(repo(doc)).unwrap();
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{doc}: no {marker}"));
    let rest = &text[at..];
    let open = rest.find("```").unwrap();
    let body = open + rest[open..].find('\n').unwrap() + 1;
    let close = body + rest[body..].find("\n```").unwrap();
    rest[body..=close].to_string()
}

#[test]
fn the_worked_example_renders_on_the_sample_data() {
    let template = fenced_after(
        "docs/templates.md",
        "<!-- worked example: report.md.tera -->",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.md.tera"), &template).unwrap();
    let snapshot = sample_snapshot("2026-Q3.csv");
    let renderer = frontline::render::Renderer::new(Some(dir.path())).unwrap();
    let md = renderer
        .markdown(&frontline::briefing::build(&snapshot))
        .unwrap_or_else(|e| panic!("the worked example no longer renders: {e}"));
    // The doc shows the output up to the second section.
    let shown: String = md
        .split_inclusive('\n')
        .scan(0, |headings, line| {
            *headings += usize::from(line.starts_with("## "));
            (*headings < 2).then_some(line)
        })
        .collect();
    let doc = "docs/templates.md";
    let text = std::fs::read_to_string(repo(doc)).unwrap();
    let marker = "<!-- worked example output -->\n```markdown\n";
    let start = text.find(marker).expect("output marker") + marker.len();
    let end = start + text[start..].find("```\n").expect("fence closes");
    if text[start..end] == shown {
        return;
    }
    if std::env::var_os("FRONTLINE_BLESS").is_some() {
        std::fs::write(
            repo(doc),
            format!("{}{shown}{}", &text[..start], &text[end..]),
        )
        .unwrap();
        return;
    }
    panic!(
        "{doc} shows output the worked example does not give; run `FRONTLINE_BLESS=1 cargo test --test docs_sync`. It gives:\n{shown}"
    );
}

fn sample_snapshot(name: &str) -> frontline::snapshot::Snapshot {
    let req = frontline::pipeline::Request {
        exports: vec![repo("sample-data").join(name)],
        ..Default::default()
    };
    frontline::pipeline::analyze(&req).unwrap().snapshot
}

#[test]
fn the_branding_example_renders_the_logo_and_colour() {
    let template = fenced_after("docs/templates.md", "<!-- worked example: branding -->");
    let dir = tempfile::tempdir().unwrap();
    let html = format!("<html><body>{template}</body></html>");
    std::fs::write(dir.path().join("report.html.tera"), html).unwrap();
    let cfg = frontline::config::Config::parse(
        "[report]\ncompany = \"Northwind\"\naccent = \"#0af\"\nlogo = \"l.png\"",
    )
    .unwrap();
    let branding = cfg.branding(Some(b"\x89PNG\r\n\x1a\n\xff\xfe")).unwrap();
    let renderer = frontline::render::Renderer::new(Some(dir.path()))
        .unwrap()
        .with_branding(branding);
    let out = renderer
        .html(&frontline::briefing::build(&sample_snapshot("2026-Q3.csv")))
        .unwrap();
    assert!(
        out.contains("<img src=\"data:image/png;base64,iVBORw0KGgr//g==\" alt=\"Northwind\""),
        "{out}"
    );
    assert!(out.contains("border-top: 4px solid #00aaff"), "{out}");
}
