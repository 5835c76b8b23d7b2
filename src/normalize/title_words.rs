//! Word forms a title table cannot list one by one: feminine and plural
//! forms of Spanish, Portuguese, French and German titles, and German
//! compounds ("Vertriebsleiterin" is "Vertrieb" + "Leiter" in the
//! feminine). `titles` tries these only for a word the tables do not
//! list, so an English word is never reinterpreted (see
//! `data/titles_intl.toml`).

use serde::Deserialize;
use std::collections::BTreeMap;

/// `[compounds]` of `data/titles_intl.toml`.
#[derive(Deserialize, Default)]
pub struct Compounds {
    /// Head words a compound ends with ("leiter", "meister").
    #[serde(default)]
    pub heads: Vec<String>,
    /// Prefixes that are a function only inside a compound, and the
    /// function alias each stands for ("personal" -> "hr").
    #[serde(default)]
    pub prefixes: BTreeMap<String, String>,
}

/// Other forms of one folded word, most likely first: the masculine of a
/// Romance feminine ("directora", "jefa", "financiera"), the singular of a
/// Romance plural ("compradores"), the masculine of a German feminine
/// ("leiterin", "direktorinnen").
pub fn variants(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars = word.chars().count();
    if chars >= 4
        && let Some(stem) = word.strip_suffix('a')
    {
        out.extend([format!("{stem}o"), stem.to_string(), format!("{stem}e")]);
    }
    if chars >= 6
        && let Some(stem) = word.strip_suffix("es")
    {
        out.push(stem.to_string());
    }
    for suffix in ["innen", "in"] {
        if chars >= 7
            && let Some(stem) = word.strip_suffix(suffix)
        {
            out.push(stem.to_string());
            break;
        }
    }
    out
}

/// A German compound read as its two words: the prefix (mapped to its
/// function alias when it is a compound-only prefix) and the head, which
/// `known` must accept, possibly in a feminine form. A linking "s"
/// ("Einkaufsleiter") is dropped. `None` when `word` ends with no head.
pub fn split_compound(
    word: &str,
    compounds: &Compounds,
    known: impl Fn(&str) -> bool,
) -> Option<(String, String)> {
    for head in &compounds.heads {
        let Some((prefix, tail)) = find_head(word, head) else {
            continue;
        };
        if !(known(&tail) || variants(&tail).iter().any(|v| known(v))) {
            continue;
        }
        let bare = prefix.trim_end_matches('-');
        let linked = bare.strip_suffix('s').filter(|p| p.chars().count() >= 2);
        let prefix = [Some(bare), linked]
            .into_iter()
            .flatten()
            .find_map(|p| {
                compounds
                    .prefixes
                    .get(p)
                    .cloned()
                    .or_else(|| known(p).then(|| p.to_string()))
            })
            .unwrap_or_else(|| bare.to_string());
        return Some((prefix, tail));
    }
    None
}

/// `word` split before `head` (which may carry a feminine ending), with a
/// prefix of at least two letters.
fn find_head(word: &str, head: &str) -> Option<(String, String)> {
    let at = word.rfind(head)?;
    let (prefix, tail) = word.split_at(at);
    let ending = &tail[head.len()..];
    let ok_ending = matches!(ending, "" | "in" | "innen" | "s" | "e" | "er");
    (prefix.chars().count() >= 2 && ok_ending).then(|| (prefix.to_string(), tail.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feminine_and_plural_forms() {
        assert!(variants("directora").contains(&"director".to_string()));
        assert!(variants("financiera").contains(&"financiero".to_string()));
        assert!(variants("jefa").contains(&"jefe".to_string()));
        assert!(variants("compradores").contains(&"comprador".to_string()));
        assert!(variants("leiterin").contains(&"leiter".to_string()));
        assert!(variants("it").is_empty());
    }

    #[test]
    fn german_compounds() {
        let compounds = Compounds {
            heads: vec!["leiter".into(), "meister".into()],
            prefixes: [("personal".to_string(), "hr".to_string())].into(),
        };
        let known = |w: &str| ["leiter", "meister", "vertrieb", "einkauf"].contains(&w);
        let split = |w| split_compound(w, &compounds, known);
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(split("vertriebsleiter"), pair("vertrieb", "leiter"));
        assert_eq!(split("einkaufsleiterin"), pair("einkauf", "leiterin"));
        assert_eq!(split("personalleiter"), pair("hr", "leiter"));
        assert_eq!(split("netzmeister"), pair("netz", "meister"));
        assert_eq!(split("leiter"), None);
        assert_eq!(split("leiterwagenfabrik"), None);
    }
}
