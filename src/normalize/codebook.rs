//! Codebooks: the themes of each question group and the rules that match
//! them, embedded as TOML (`data/codebooks/*.toml`) and extendable or
//! replaceable from the config's `[codebooks]` section (docs/codebooks.md).

use super::themes::Compiled;
use crate::questions::CodebookId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::hash::Hash;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// One theme of a codebook and the rules that find it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    #[serde(default)]
    pub label: String,
    /// Words matched with their inflections ("price" finds "prices",
    /// "priced", "pricing"), and one-typo misspellings of long words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// Words matched exactly, without inflection ("timing" but not "time").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Word sequences matched by lemma; `*` is a gap of up to two words and
    /// `word*` matches any word starting with `word`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    /// Word beginnings ("integrat" finds integrate, integration, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stems: Vec<String>,
    /// Abbreviations, matched whole, case-insensitively, plural allowed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abbrevs: Vec<String>,
    /// Common misspellings, matched exactly after folding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub misspellings: Vec<String>,
    /// Exceptions: phrases in which this theme's rules do not count ("do
    /// you support" is a question frame, not `support`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not: Vec<String>,
    /// Example answers for a theme the learned coder does not know: their
    /// mean vector is the theme's prototype, and an item close enough to it
    /// gets the theme (docs/codebooks.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

impl Theme {
    fn extend(&mut self, more: &Theme) {
        self.terms.extend(more.terms.iter().cloned());
        self.words.extend(more.words.iter().cloned());
        self.phrases.extend(more.phrases.iter().cloned());
        self.stems.extend(more.stems.iter().cloned());
        self.abbrevs.extend(more.abbrevs.iter().cloned());
        self.misspellings.extend(more.misspellings.iter().cloned());
        self.not.extend(more.not.iter().cloned());
        self.examples.extend(more.examples.iter().cloned());
    }
}

/// The themes that code one group of questions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Codebook {
    #[serde(default)]
    pub id: String,
    #[serde(rename = "theme")]
    pub themes: Vec<Theme>,
}

impl Codebook {
    pub fn new(id: &str, themes: Vec<Theme>) -> Codebook {
        Codebook {
            id: id.to_string(),
            themes,
        }
    }

    /// The label of a theme id (`other` and unknown ids give the id back).
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.label.as_str())
            .unwrap_or(id)
    }

    /// The theme ids, in codebook order.
    pub fn ids(&self) -> Vec<&str> {
        self.themes.iter().map(|t| t.id.as_str()).collect()
    }

    /// The compiled rules, cached by the content of the themes so that
    /// coding thousands of items compiles each codebook once. The key is a
    /// cheap word-at-a-time hash of every rule string (SipHash over them
    /// was a fifth of a report's run time); every string and list length
    /// goes into it, so any edit of a rule compiles afresh.
    pub(crate) fn compiled(&self) -> Arc<Compiled> {
        static CACHE: OnceLock<Mutex<BTreeMap<u64, Arc<Compiled>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(content_key(&self.themes))
            .or_insert_with(|| Arc::new(Compiled::new(&self.themes)))
            .clone()
    }

    /// Parses a codebook file, checking every theme has an id and a label
    /// and that no id repeats.
    pub fn parse(text: &str, id: &str) -> Result<Codebook, String> {
        let mut book: Codebook = toml::from_str(text).map_err(|e| e.to_string())?;
        if book.id.is_empty() {
            book.id = id.to_string();
        }
        let mut seen = std::collections::BTreeSet::new();
        for t in &book.themes {
            if t.id.trim().is_empty() || t.label.trim().is_empty() {
                return Err(format!("theme `{}` needs both an id and a label", t.id));
            }
            if t.id == "other" {
                return Err("`other` is reserved for items no theme matches".into());
            }
            if !seen.insert(t.id.clone()) {
                return Err(format!("theme `{}` is defined twice", t.id));
            }
        }
        Ok(book)
    }

    /// A short stable hash of the ids and labels, in order.
    pub fn fingerprint(&self) -> String {
        let mut h = Fnv::default();
        for t in &self.themes {
            h.write(t.id.as_bytes());
            h.write(b"=");
            h.write(t.label.as_bytes());
            h.write(b"\n");
        }
        format!("{:012x}", h.0 & 0xffff_ffff_ffff)
    }
}

/// A fast hash of every string of the themes, 8 bytes at a time.
fn content_key(themes: &[Theme]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |bytes: &[u8]| {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        // The length separates "ab","c" from "a","bc".
        h = (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    };
    for t in themes {
        let lists = [
            &t.terms,
            &t.words,
            &t.phrases,
            &t.stems,
            &t.abbrevs,
            &t.misspellings,
            &t.not,
            &t.examples,
        ];
        mix(t.id.as_bytes());
        for list in lists {
            mix(&list.len().to_le_bytes());
            list.iter().for_each(|s| mix(s.as_bytes()));
        }
    }
    h
}

/// What the config changes in one codebook.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookOverride {
    /// A TOML codebook file that replaces the default one (relative to the
    /// config file).
    pub file: Option<String>,
    /// Theme ids to drop.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Themes to add, or to extend and relabel when the id exists.
    #[serde(default)]
    pub themes: BTreeMap<String, ThemeOverride>,
}

/// Additions to one theme; a new theme needs a label.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeOverride {
    pub label: Option<String>,
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub stems: Vec<String>,
    #[serde(default)]
    pub abbrevs: Vec<String>,
    #[serde(default)]
    pub misspellings: Vec<String>,
    #[serde(default)]
    pub not: Vec<String>,
    /// Example answers: a learned prototype for the theme.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// The `[codebooks]` section of the config: codebook id -> changes.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct CodebooksConfig {
    pub books: BTreeMap<String, CodebookOverride>,
}

/// All codebooks in force.
#[derive(Debug, Clone, Default)]
pub struct Codebooks {
    pub books: BTreeMap<CodebookId, Codebook>,
}

/// The fingerprint of one codebook, for quarter-over-quarter comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookFingerprint {
    pub hash: String,
    pub theme_ids: Vec<String>,
}

fn embedded(id: CodebookId) -> &'static str {
    match id {
        CodebookId::BuyingConcerns => include_str!("../../data/codebooks/buying_concerns.toml"),
        CodebookId::Differentiators => include_str!("../../data/codebooks/differentiators.toml"),
        CodebookId::Pains => include_str!("../../data/codebooks/pains.toml"),
        CodebookId::SuccessFactors => include_str!("../../data/codebooks/success_factors.toml"),
        CodebookId::SalesStages => include_str!("../../data/codebooks/sales_stages.toml"),
        CodebookId::Website => include_str!("../../data/codebooks/website.toml"),
    }
}

impl Codebooks {
    /// The embedded default codebooks, parsed once per run: the pipeline
    /// and competitor discovery both start from them, and a clone costs a
    /// small fraction of parsing the TOML again.
    pub fn defaults() -> Codebooks {
        static DEFAULTS: OnceLock<Codebooks> = OnceLock::new();
        DEFAULTS
            .get_or_init(|| {
                let books = CodebookId::ALL
                    .iter()
                    .map(|&id| {
                        let book = Codebook::parse(embedded(id), id.as_str())
                            .unwrap_or_else(|e| panic!("embedded codebook {}: {e}", id.as_str()));
                        (id, book)
                    })
                    .collect();
                Codebooks { books }
            })
            .clone()
    }

    /// The defaults changed by the config's `[codebooks]` section; files are
    /// read relative to `base_dir` (the config file's folder). Errors name
    /// the codebook, the file and the theme at fault.
    pub fn with_config(cfg: &CodebooksConfig, base_dir: &Path) -> Result<Codebooks, String> {
        let mut all = Codebooks::defaults();
        for (name, change) in &cfg.books {
            let id = CodebookId::ALL
                .into_iter()
                .find(|b| b.as_str() == name)
                .ok_or_else(|| {
                    let known: Vec<_> = CodebookId::ALL.iter().map(|b| b.as_str()).collect();
                    format!(
                        "[codebooks.{name}]: no such codebook; use one of {}",
                        known.join(", ")
                    )
                })?;
            let book = all.books.get_mut(&id).expect("every default codebook");
            apply(book, change, base_dir).map_err(|e| format!("[codebooks.{name}]: {e}"))?;
        }
        Ok(all)
    }

    pub fn get(&self, id: CodebookId) -> Option<&Codebook> {
        self.books.get(&id)
    }

    /// Per codebook: a short hash of its ids and labels, and its theme ids.
    pub fn fingerprints(&self) -> BTreeMap<String, BookFingerprint> {
        self.books
            .iter()
            .map(|(id, b)| {
                let fp = BookFingerprint {
                    hash: b.fingerprint(),
                    theme_ids: b.themes.iter().map(|t| t.id.clone()).collect(),
                };
                (id.as_str().to_string(), fp)
            })
            .collect()
    }

    /// A short stable hash of the ids and labels of every codebook, so a
    /// diff can tell when codebooks changed between quarters.
    pub fn fingerprint(&self) -> String {
        let mut h = Fnv::default();
        for (id, fp) in self.fingerprints() {
            h.write(id.as_bytes());
            h.write(fp.hash.as_bytes());
        }
        format!("{:012x}", h.0 & 0xffff_ffff_ffff)
    }
}

fn apply(book: &mut Codebook, change: &CodebookOverride, base_dir: &Path) -> Result<(), String> {
    if let Some(file) = &change.file {
        let path = base_dir.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read codebook file {}: {e}", path.display()))?;
        *book = Codebook::parse(&text, &book.id).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for id in &change.remove {
        if !book.themes.iter().any(|t| &t.id == id) {
            return Err(format!("remove: no theme `{id}` in this codebook"));
        }
        book.themes.retain(|t| &t.id != id);
    }
    for (id, add) in &change.themes {
        let more = Theme {
            id: id.clone(),
            label: add.label.clone().unwrap_or_default(),
            terms: add.terms.clone(),
            words: add.words.clone(),
            phrases: add.phrases.clone(),
            stems: add.stems.clone(),
            abbrevs: add.abbrevs.clone(),
            misspellings: add.misspellings.clone(),
            not: add.not.clone(),
            examples: add.examples.clone(),
        };
        match book.themes.iter_mut().find(|t| &t.id == id) {
            Some(theme) => {
                if let Some(label) = &add.label {
                    theme.label = label.clone();
                }
                theme.extend(&more);
            }
            None if id == "other" => return Err("`other` is reserved".into()),
            None if more.label.trim().is_empty() => {
                return Err(format!("new theme `{id}` needs a label"));
            }
            None => book.themes.push(more),
        }
    }
    *book = Codebook::new(&book.id.clone(), std::mem::take(&mut book.themes));
    Ok(())
}

/// FNV-1a, 64 bits: tiny, stable across platforms and releases.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
#[path = "codebook_tests.rs"]
mod tests;
