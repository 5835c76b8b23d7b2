//! Render: short, pure formatters from the briefing model to Markdown and
//! HTML text.
//!
//! The model (`crate::briefing`) computes everything once; tera templates
//! embedded from `templates/` (a user folder can override them) only lay
//! it out. Survey text is escaped in both: Markdown by the `md` filter,
//! HTML by tera's autoescaping; charts are inline SVG built by `charts`
//! from the model (`figures`), handed to the HTML templates as `charts`.

use crate::branding::Branding;
use crate::briefing::{self, Briefing, DiffBriefing};
use crate::snapshot::Snapshot;
use std::path::Path;
use tera::Tera;
use thiserror::Error;

pub mod charts;
mod escape;
mod figures;

pub use escape::md_escape;

/// The built-in templates by name; each is overridden by the file
/// [`template_file_name`] gives in a `--templates` folder.
pub const TEMPLATES: [(&str, &str); 5] = [
    ("report.md", include_str!("../../templates/report.md.tera")),
    (
        "report.html",
        include_str!("../../templates/report.html.tera"),
    ),
    ("diff.md", include_str!("../../templates/diff.md.tera")),
    ("diff.html", include_str!("../../templates/diff.html.tera")),
    ("style.css", include_str!("../../templates/style.css")),
];

#[derive(Debug, Error)]
pub enum RenderError {
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    #[error("{path}: could not read the template override: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The templates in force: the built-in ones, each replaced by a file of
/// the same name in the override folder when there is one.
pub struct Renderer {
    tera: Tera,
    /// `style.css` rendered once (it sees no variables), for every HTML file.
    css: String,
    /// Given to every template as `branding` (see docs/templates.md).
    branding: Branding,
}

/// The templates `report` renders (with `style.css`).
pub const REPORT_TEMPLATES: [&str; 2] = ["report.md", "report.html"];
/// The templates `diff` renders (with `style.css`).
pub const DIFF_TEMPLATES: [&str; 2] = ["diff.md", "diff.html"];

impl Renderer {
    /// Every template, for a caller that renders both reports and diffs.
    pub fn new(override_dir: Option<&Path>) -> Result<Renderer, RenderError> {
        let all: Vec<&str> = REPORT_TEMPLATES.into_iter().chain(DIFF_TEMPLATES).collect();
        Renderer::with_templates(override_dir, &all)
    }

    /// Only the report's templates: parsing a template costs about a
    /// millisecond per 5 KB, so `report` does not parse the diff's.
    pub fn for_report(override_dir: Option<&Path>) -> Result<Renderer, RenderError> {
        Renderer::with_templates(override_dir, &REPORT_TEMPLATES)
    }

    /// Only the diff's templates.
    pub fn for_diff(override_dir: Option<&Path>) -> Result<Renderer, RenderError> {
        Renderer::with_templates(override_dir, &DIFF_TEMPLATES)
    }

    /// The named templates and `style.css`, each parsed once, before any
    /// export is read, so that a broken override stops the command early.
    fn with_templates(
        override_dir: Option<&Path>,
        names: &[&str],
    ) -> Result<Renderer, RenderError> {
        let mut tera = Tera::default();
        let wanted = TEMPLATES
            .into_iter()
            .filter(|(name, _)| *name == "style.css" || names.contains(name));
        for (name, builtin) in wanted {
            let text = match override_dir.map(|d| d.join(template_file_name(name))) {
                Some(p) if p.exists() => std::fs::read_to_string(&p)
                    .map_err(|source| RenderError::Io { path: p, source })?,
                _ => builtin.to_string(),
            };
            tera.add_raw_template(name, &text)
                .map_err(|e| template_error(name, &e))?;
        }
        tera.register_filter("md", escape::md_filter);
        let css = tera
            .render("style.css", &tera::Context::new())
            .map_err(|e| template_error("style.css", &e))?;
        Ok(Renderer {
            tera,
            css,
            branding: Branding::default(),
        })
    }

    /// The same templates, branded from the config's `[report]`.
    pub fn with_branding(self, branding: Branding) -> Renderer {
        Renderer { branding, ..self }
    }

    /// The Markdown briefing.
    pub fn markdown(&self, b: &Briefing) -> Result<String, RenderError> {
        self.render("report.md", b, None)
    }

    /// The self-contained HTML briefing (inline CSS and SVG, no script).
    pub fn html(&self, b: &Briefing) -> Result<String, RenderError> {
        self.render("report.html", b, Some(figures::report_charts(b)))
            .map(with_csp)
    }

    /// The Markdown comparison of two quarters.
    pub fn diff_markdown(&self, d: &DiffBriefing) -> Result<String, RenderError> {
        self.render("diff.md", d, None)
    }

    /// The self-contained HTML comparison of two quarters.
    pub fn diff_html(&self, d: &DiffBriefing) -> Result<String, RenderError> {
        self.render("diff.html", d, Some(figures::diff_charts(d)))
            .map(with_csp)
    }

    fn render<V: serde::Serialize>(
        &self,
        name: &str,
        view: &V,
        charts: Option<std::collections::BTreeMap<String, String>>,
    ) -> Result<String, RenderError> {
        let mut ctx = tera::Context::from_serialize(view).map_err(|e| template_error(name, &e))?;
        ctx.insert("charts", &charts.unwrap_or_default());
        ctx.insert("css", &self.css);
        ctx.insert("branding", &self.branding);
        self.tera
            .render(name, &ctx)
            .map_err(|e| template_error(name, &e))
    }
}

/// The policy every HTML output carries: nothing is loaded or run, only
/// inline CSS and `data:` images, whatever a quote or a template holds.
pub const CSP_META: &str = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#;

/// Puts the policy right after `<head>` when a user's template left it out.
fn with_csp(html: String) -> String {
    if html.contains(CSP_META) {
        return html;
    }
    match html.to_ascii_lowercase().find("<head>") {
        Some(i) => format!("{}\n{CSP_META}{}", &html[..i + 6], &html[i + 6..]),
        None => format!("{CSP_META}\n{html}"),
    }
}

/// The file a built-in template is read from (and overridden by).
pub fn template_file_name(name: &str) -> String {
    if name.ends_with(".css") {
        name.to_string()
    } else {
        format!("{name}.tera")
    }
}

/// Tera's errors hide the useful part in their source chain.
fn template_error(name: &str, e: &dyn std::error::Error) -> RenderError {
    let mut message = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        message.push_str(": ");
        message.push_str(&s.to_string());
        src = s.source();
    }
    RenderError::Template {
        name: name.to_string(),
        message,
    }
}

/// Renders both formats of a snapshot with the built-in templates.
pub fn render_both(snapshot: &Snapshot) -> Result<(String, String), RenderError> {
    let r = Renderer::new(None)?;
    let b = briefing::build(snapshot);
    Ok((r.markdown(&b)?, r.html(&b)?))
}

#[cfg(test)]
pub(crate) mod tests;
