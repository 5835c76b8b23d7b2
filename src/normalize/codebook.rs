//! Codebooks: the themes of each question group and the rules that match
//! them, embedded as TOML (`data/codebooks/*.toml`) and extendable or
//! replaceable from the config's `[codebooks]` section.

use crate::questions::CodebookId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One theme of a codebook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub label: String,
}

/// The themes that code one group of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Codebook {
    pub id: String,
    pub themes: Vec<Theme>,
}

impl Codebook {
    /// The label of a theme id (`other` and unknown ids give the id back).
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.label.as_str())
            .unwrap_or(id)
    }
}

/// The `[codebooks]` section of the config.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CodebooksConfig {}

/// All codebooks in force.
#[derive(Debug, Clone, Default)]
pub struct Codebooks {
    pub books: BTreeMap<CodebookId, Codebook>,
}

impl Codebooks {
    pub fn defaults() -> Codebooks {
        Codebooks::default()
    }

    pub fn get(&self, id: CodebookId) -> Option<&Codebook> {
        self.books.get(&id)
    }

    /// A short stable hash of the theme ids of every codebook, so a diff can
    /// tell when codebooks changed between quarters.
    pub fn fingerprint(&self) -> String {
        String::new()
    }
}
