//! The template-variable reference of docs/templates.md, generated from
//! the Rust source of the structs the templates are rendered with: each
//! struct's fields, their types in template terms and their doc comments.
//! Reading the source (not a sample's JSON) documents every field, also
//! those a given survey leaves empty. A line-based reader is enough for
//! plain `struct Name { field: Type, }` definitions, which is what view
//! models are.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write;
use std::path::Path;

/// The structs each template family is rendered with, the heading of its
/// part of the reference, and the variable its fields are reached through
/// ("" for top-level variables). When a view struct is renamed, rename it
/// here.
pub const ROOTS: [(&str, &str, &str); 3] = [
    (
        "Briefing",
        "report.md.tera and report.html.tera: the briefing",
        "",
    ),
    (
        "DiffBriefing",
        "diff.md.tera and diff.html.tera: the comparison",
        "",
    ),
    (
        "Branding",
        "every template: `branding`, from `[report]`",
        "branding",
    ),
];

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub ty: String,
    pub doc: String,
}

#[derive(Debug, Clone)]
pub struct StructDef {
    pub file: String,
    pub doc: String,
    pub fields: Vec<Field>,
}

/// Every plain struct under a folder, by name; a name defined in several
/// files keeps each definition.
pub struct Structs {
    by_name: BTreeMap<String, Vec<StructDef>>,
    /// Enums serialize as text in the templates.
    enums: BTreeSet<String>,
}

impl Structs {
    pub fn parse_dir(dir: &Path) -> Structs {
        let mut s = Structs {
            by_name: BTreeMap::new(),
            enums: BTreeSet::new(),
        };
        let mut files = vec![];
        collect_rs(dir, &mut files);
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let rel = f.strip_prefix(dir.parent().unwrap()).unwrap();
            s.parse_file(&rel.display().to_string(), &text);
        }
        s
    }

    fn parse_file(&mut self, file: &str, text: &str) {
        let mut doc = String::new();
        let mut current: Option<(String, StructDef)> = None;
        let mut skip_next = false;
        for line in text.lines() {
            let t = line.trim();
            if let Some(d) = t.strip_prefix("///") {
                if !doc.is_empty() {
                    doc.push(' ');
                }
                doc.push_str(d.trim());
                continue;
            }
            if t.starts_with("#[") {
                skip_next |= t.contains("serde(skip");
                continue;
            }
            if let Some((name, def)) = current.as_mut() {
                // Only a `}` in the first column closes a top-level struct.
                if line.starts_with('}') {
                    let (name, def) = (name.clone(), def.clone());
                    self.by_name.entry(name).or_default().push(def);
                    current = None;
                } else if let Some((field, ty)) = field_line(t) {
                    if !skip_next {
                        def.fields.push(Field {
                            name: field,
                            ty,
                            doc: std::mem::take(&mut doc),
                        });
                    }
                    skip_next = false;
                }
            } else if let Some(name) = decl(t, "struct").filter(|_| t.ends_with('{')) {
                current = Some((
                    name,
                    StructDef {
                        file: file.to_string(),
                        doc: std::mem::take(&mut doc),
                        fields: vec![],
                    },
                ));
            } else if let Some(name) = decl(t, "enum") {
                self.enums.insert(name);
            }
            doc.clear();
        }
    }

    /// The definition a field's type names, preferring the file the
    /// referring struct is in, then the briefing model.
    fn find(&self, name: &str, from_file: &str) -> Option<&StructDef> {
        let defs = self.by_name.get(name)?;
        defs.iter()
            .find(|d| d.file == from_file)
            .or_else(|| defs.iter().find(|d| d.file.contains("/briefing/")))
            .or_else(|| defs.first())
    }

    /// The reference for one root: a table per struct reachable from it,
    /// in the order they are reached.
    pub fn reference(&self, root: &str, heading: &str, access: &str) -> String {
        let mut out = format!("\n### {heading}\n");
        let mut queue = VecDeque::from([(root.to_string(), String::new())]);
        let mut seen = BTreeSet::new();
        while let Some((name, from)) = queue.pop_front() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let def = self
                .find(&name, &from)
                .unwrap_or_else(|| panic!("no struct {name} under src/ (see ROOTS)"));
            let title = if name == root && access.is_empty() {
                format!(
                    "\n`{name}` ({}; its fields are top-level variables)",
                    def.file
                )
            } else if name == root {
                format!(
                    "\n`{name}` ({}; its fields are `{access}.<field>`)",
                    def.file
                )
            } else {
                format!("\n`{name}` ({})", def.file)
            };
            let _ = writeln!(out, "{title}{}\n", sentence(&def.doc));
            out.push_str("| variable | type | meaning |\n|---|---|---|\n");
            for f in &def.fields {
                let (ty, refs) = self.template_type(&f.ty, &def.file);
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} |",
                    f.name,
                    ty,
                    f.doc.replace('|', "\\|")
                );
                for r in refs {
                    queue.push_back((r, def.file.clone()));
                }
            }
        }
        out
    }

    /// A Rust type in template terms, and the structs it refers to.
    fn template_type(&self, ty: &str, file: &str) -> (String, Vec<String>) {
        let ty = ty.trim();
        if let Some(inner) = generic(ty, "Vec") {
            let (t, r) = self.template_type(inner, file);
            // "list of number, or empty" would read as an optional list.
            let t = if t.ends_with(", or empty") {
                format!("({t})")
            } else {
                t
            };
            return (format!("list of {t}"), r);
        }
        if let Some(inner) = ty.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            // Tuples serialize as lists: a template reaches their parts
            // as `.0`, `.1`, ...
            let mut refs = vec![];
            let parts: Vec<String> = inner
                .split(',')
                .enumerate()
                .map(|(i, part)| {
                    let (t, r) = self.template_type(part, file);
                    refs.extend(r);
                    format!("`.{i}` {t}")
                })
                .collect();
            return (format!("({})", parts.join(", ")), refs);
        }
        if let Some(inner) = generic(ty, "Option") {
            let (t, r) = self.template_type(inner, file);
            return (format!("{t}, or empty"), r);
        }
        if let Some(inner) = generic(ty, "BTreeMap") {
            let value = inner.split_once(',').map(|(_, v)| v).unwrap_or(inner);
            let (t, r) = self.template_type(value, file);
            return (format!("map of name to {t}"), r);
        }
        let base = ty.trim_start_matches("&'static ").trim_start_matches('&');
        let plain = match base {
            "String" | "str" | "char" => "text",
            "bool" => "true or false",
            "usize" | "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "f32" | "f64" => "number",
            _ => "",
        };
        if !plain.is_empty() {
            return (plain.into(), vec![]);
        }
        let name = base.rsplit("::").next().unwrap_or(base).to_string();
        if self.find(&name, file).is_some() {
            (format!("`{name}`"), vec![name])
        } else if self.enums.contains(&name) {
            ("text".into(), vec![])
        } else {
            (format!("`{name}`"), vec![])
        }
    }
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_rs(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `pub struct Name {` / `pub(crate) enum Name {` -> Name.
fn decl(line: &str, kw: &str) -> Option<String> {
    let rest = line
        .strip_prefix("pub ")
        .or_else(|| line.strip_prefix("pub(crate) "))
        .unwrap_or(line);
    let rest = rest.strip_prefix(kw)?.strip_prefix(' ')?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    // Generic structs are not view models.
    let after = &rest[name.len()..];
    (!name.is_empty() && !after.starts_with('<')).then_some(name)
}

/// `pub name: Type,` -> (name, Type).
fn field_line(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("pub ").unwrap_or(line);
    let rest = rest.strip_prefix("pub(crate) ").unwrap_or(rest);
    let (name, ty) = rest.split_once(": ")?;
    let ty = ty.strip_suffix(',')?;
    name.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        .then(|| (name.to_string(), ty.to_string()))
}

/// `Vec<T>` -> T.
fn generic<'a>(ty: &'a str, outer: &str) -> Option<&'a str> {
    ty.strip_prefix(outer)?.strip_prefix('<')?.strip_suffix('>')
}

fn sentence(doc: &str) -> String {
    if doc.is_empty() {
        String::new()
    } else {
        format!(": {doc}")
    }
}
