//! The title vocabulary of `data/titles.toml` and `data/titles_intl.toml`
//! (other languages, team names), and the word-level reading
//! of an answer that `personas` builds titles from: each word is looked up
//! (longest alias first) and tagged as a whole title, a function, a level,
//! a marker, a conjunction, a break, or an unrelated word.

use super::title_words::{Compounds, split_compound, variants};
use super::{Function, Persona, Seniority};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// What one span of words means in a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A whole title ("CFO", "office manager").
    Title(Persona),
    /// A title whose function and level yield to words next to it
    /// ("Security engineer", "SDR manager").
    Role(Persona),
    /// A function word; `fallback` ones count only when alone in a title.
    Function { function: Function, fallback: bool },
    /// A level word; `weak` ones yield to any other level in the title.
    Level { seniority: Seniority, weak: bool },
    /// A team word ("team", "dept"): the title names a group.
    Team,
    /// Part of a title with no meaning of its own ("Sr.", "of").
    Modifier,
    /// "and", "or", "&", "/", "+": joins two titles.
    Conj,
    /// A comma: joins "Director, Marketing", else separates.
    Comma,
    /// Any other punctuation, or a sentence end.
    Break,
    /// A word that is not part of any title.
    Other,
}

/// One tagged span of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tag: Tag,
    /// The alias that matched, or the word itself (for `--explain`).
    pub text: String,
    /// The word was written in the plural ("Directors").
    pub plural: bool,
}

/// One title file; every table may be left out.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    titles: BTreeMap<String, (Function, Seniority)>,
    roles: BTreeMap<String, (Function, Seniority)>,
    functions: BTreeMap<String, Function>,
    fallback_functions: BTreeMap<String, Function>,
    seniority: BTreeMap<String, Seniority>,
    weak_seniority: BTreeMap<String, Seniority>,
    markers: Markers,
    compounds: Compounds,
}

/// The title files, English first (`each_alias_is_in_one_table` keeps
/// every alias in one table of one file, so the order never matters).
const FILES: [&str; 2] = [
    include_str!("../../data/titles.toml"),
    include_str!("../../data/titles_intl.toml"),
];

#[derive(Deserialize, Default)]
#[serde(default)]
struct Markers {
    team: Vec<String>,
    modifiers: Vec<String>,
    abbreviations: Vec<String>,
}

struct Table {
    aliases: BTreeMap<String, Tag>,
    abbreviations: BTreeSet<String>,
    compounds: Compounds,
    longest: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut aliases = BTreeMap::new();
    let mut abbreviations = BTreeSet::new();
    let mut compounds = Compounds::default();
    for file in FILES {
        let raw: Raw = toml::from_str(file).expect("title files are valid (checked by tests)");
        abbreviations.extend(raw.markers.abbreviations.iter().cloned());
        compounds.heads.extend(raw.compounds.heads.iter().cloned());
        compounds.prefixes.extend(raw.compounds.prefixes.clone());
        add_raw(&mut aliases, raw);
    }
    let longest = aliases
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1);
    Table {
        aliases,
        abbreviations,
        compounds,
        longest,
    }
});

/// Tags every alias of one title file.
fn add_raw(aliases: &mut BTreeMap<String, Tag>, raw: Raw) {
    for k in raw.markers.modifiers {
        aliases.insert(k, Tag::Modifier);
    }
    for k in raw.markers.team {
        aliases.insert(k, Tag::Team);
    }
    let level = |weak| move |seniority| Tag::Level { seniority, weak };
    let function = |fallback| move |function| Tag::Function { function, fallback };
    let persona = |(function, seniority)| Persona {
        function,
        seniority,
    };
    insert_all(aliases, raw.weak_seniority, level(true));
    insert_all(aliases, raw.seniority, level(false));
    insert_all(aliases, raw.fallback_functions, function(true));
    insert_all(aliases, raw.functions, function(false));
    insert_all(aliases, raw.roles, |p| Tag::Role(persona(p)));
    insert_all(aliases, raw.titles, |p| Tag::Title(persona(p)));
}

fn insert_all<T>(
    aliases: &mut BTreeMap<String, Tag>,
    table: BTreeMap<String, T>,
    tag: impl Fn(T) -> Tag,
) {
    for (k, v) in table {
        aliases.insert(k, tag(v));
    }
}

/// A word of the answer before lookup.
#[derive(Debug, Clone)]
enum Piece {
    Word { lower: String, upper: bool },
    Punct(char),
}

/// Reads an answer into tagged tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let pieces = pieces(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Punct(c) => {
                out.push(punct_token(*c, pieces.get(i.wrapping_sub(1)), i));
                i += 1;
            }
            Piece::Word { .. } => {
                let (token, used) = lookup(&pieces, i);
                out.push(token);
                i += used;
            }
        }
    }
    out
}

fn punct_token(c: char, prev: Option<&Piece>, i: usize) -> Token {
    let tag = match c {
        '/' | '+' => Tag::Conj,
        ',' => Tag::Comma,
        '.' => match prev {
            Some(Piece::Word { lower, .. }) if i > 0 && TABLE.abbreviations.contains(lower) => {
                Tag::Modifier
            }
            _ => Tag::Break,
        },
        _ => Tag::Break,
    };
    Token {
        tag,
        text: c.to_string(),
        plural: false,
    }
}

/// The longest alias starting at `pieces[i]`, and how many words it used.
fn lookup(pieces: &[Piece], i: usize) -> (Token, usize) {
    let words: Vec<&str> = pieces[i..]
        .iter()
        .take(TABLE.longest)
        .map_while(|p| match p {
            Piece::Word { lower, .. } => Some(lower.as_str()),
            Piece::Punct(_) => None,
        })
        .collect();
    for n in (1..=words.len()).rev() {
        let key = words[..n].join(" ");
        let found = TABLE
            .aliases
            .get(&key)
            .map(|t| (*t, false))
            .or_else(|| singular(&key).and_then(|s| TABLE.aliases.get(&s).map(|t| (*t, true))))
            .or_else(|| other_form(&key, n));
        if let Some((tag, plural)) = found {
            if key == "it" && !is_it_department(pieces, i) {
                break;
            }
            return (
                Token {
                    tag,
                    text: key,
                    plural,
                },
                n,
            );
        }
    }
    if let Piece::Word { lower, upper: true } = &pieces[i]
        && is_chief_acronym(lower)
    {
        let persona = Persona {
            function: Function::Other,
            seniority: Seniority::CLevel,
        };
        return (
            Token {
                tag: Tag::Title(persona),
                text: lower.clone(),
                plural: false,
            },
            1,
        );
    }
    let word = words[0];
    let tag = if matches!(word, "and" | "or" | "plus" | "nor") {
        Tag::Conj
    } else {
        Tag::Other
    };
    (
        Token {
            tag,
            text: word.to_string(),
            plural: false,
        },
        1,
    )
}

/// "IT" the department, not "it" the pronoun: written in capitals, or
/// lower case next to a title word ("it manager", "head of it"), or alone
/// between separators ("finance, it and procurement").
fn is_it_department(pieces: &[Piece], i: usize) -> bool {
    if let Piece::Word { upper: true, .. } = pieces[i] {
        return true;
    }
    let is_titleish = |p: Option<&Piece>| match p {
        Some(Piece::Word { lower, .. }) => match TABLE.aliases.get(lower) {
            Some(Tag::Level { .. } | Tag::Team) => true,
            Some(Tag::Modifier) => lower == "of",
            _ => false,
        },
        _ => false,
    };
    let is_edge = |p: Option<&Piece>| match p {
        None | Some(Piece::Punct(_)) => true,
        Some(Piece::Word { lower, .. }) => matches!(lower.as_str(), "and" | "or"),
    };
    let prev = i.checked_sub(1).and_then(|j| pieces.get(j));
    let next = pieces.get(i + 1);
    is_titleish(prev) || is_titleish(next) || (is_edge(prev) && is_edge(next))
}

/// A lone word the tables do not list, read as a feminine or plural form
/// of one they do ("directora", "Leiterin", "compradores").
fn other_form(key: &str, n: usize) -> Option<(Tag, bool)> {
    if n != 1 {
        return None;
    }
    variants(key)
        .iter()
        .find_map(|v| TABLE.aliases.get(v))
        .map(|t| (*t, key.ends_with('s')))
}

/// The singular of a plural word ("directors" -> "director"), if it looks
/// like one.
fn singular(key: &str) -> Option<String> {
    let stem = key.strip_suffix('s')?;
    // "its" is never the plural of "IT".
    if stem.len() < 2 || stem.ends_with('s') || stem == "it" {
        return None;
    }
    Some(stem.to_string())
}

/// A chief-officer acronym not in the table ("CMIO", "CNO"): C, one to
/// three letters, O, written in capitals.
fn is_chief_acronym(lower: &str) -> bool {
    let b = lower.as_bytes();
    (3..=5).contains(&b.len())
        && b[0] == b'c'
        && b[b.len() - 1] == b'o'
        && b.iter().all(u8::is_ascii_lowercase)
}

/// Splits an answer into words and punctuation: accents folded, "V.P." and
/// "R&D" joined, hyphens and apostrophes inside words dropped.
fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let between_letters =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() {
            word.push(c);
        } else if (c == '\'' || c == '’') && between_letters && is_elided(&word) {
            // "d'Information", "l'IT": the article is a word of its own.
            flush(&mut word, &mut out);
        } else if (c == '\'' || c == '’') && between_letters {
            // "CFO's" reads as "CFOs"; the plural lookup does the rest.
        } else if c == '.' && initialism_dot(&chars, i) {
        } else if c == '&' && between_letters && word.chars().count() <= 2 {
            // "R&D", "L&D", "FP&A": one word.
        } else {
            flush(&mut word, &mut out);
            if c == '-' && between_letters {
                // "co-founder", "c-suite": two words.
            } else if c == '&' {
                // "Sales & Marketing Ops" reads like "sales and marketing ops".
                out.push(Piece::Word {
                    lower: "and".to_string(),
                    upper: false,
                });
            } else if c == '\n' || !c.is_whitespace() {
                // A line break ends a title like any punctuation.
                out.push(Piece::Punct(c));
            }
        }
        i += 1;
    }
    flush(&mut word, &mut out);
    out
}

/// A dot inside an initialism: "V.P.", "I.T.", "C.F.O." (single letters
/// between dots).
fn initialism_dot(chars: &[char], i: usize) -> bool {
    let letter = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_alphabetic())
    };
    let lone = |j: usize| letter(Some(j)) && !letter(j.checked_sub(1)) && !letter(Some(j + 1));
    let before = i.checked_sub(1).is_some_and(lone);
    let after = lone(i + 1) && chars.get(i + 2).is_some_and(|c| *c == '.');
    let after_prev_dot = i >= 2 && chars[i - 2] == '.' && before;
    before && (after || after_prev_dot)
}

/// A French article elided before a vowel: "d'", "l'", "qu'".
fn is_elided(word: &str) -> bool {
    matches!(word, "d" | "D" | "l" | "L")
}

fn flush(word: &mut String, out: &mut Vec<Piece>) {
    if word.is_empty() {
        return;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    let lower = super_fold(word);
    word.clear();
    // "Vertriebsleiter": a German compound is read as its two words.
    let listed = |w: &str| TABLE.aliases.contains_key(w);
    let unlisted = !listed(&lower) && !variants(&lower).iter().any(|v| listed(v));
    if unlisted && let Some((prefix, head)) = split_compound(&lower, &TABLE.compounds, listed) {
        out.push(Piece::Word {
            lower: prefix,
            upper,
        });
        out.push(Piece::Word { lower: head, upper });
        return;
    }
    out.push(Piece::Word { lower, upper });
}

/// Lower case without accents ("Directeur Général" -> "directeur general").
fn super_fold(word: &str) -> String {
    word.to_lowercase()
        .replace('ß', "ss")
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_alias_is_in_one_table() {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let mut dups = vec![];
        let files: Vec<toml::Table> = FILES.iter().map(|f| toml::from_str(f).unwrap()).collect();
        for (table, value) in files.iter().flatten() {
            let keys: Vec<String> = match value {
                // Compound parts are no aliases; `compound_prefixes_stand_for_functions`.
                toml::Value::Table(_) if table == "compounds" => vec![],
                toml::Value::Table(t) if table == "markers" => t
                    .iter()
                    .filter(|(k, _)| *k != "abbreviations")
                    .flat_map(|(_, v)| v.as_array().cloned().unwrap_or_default())
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                toml::Value::Table(t) => t.keys().cloned().collect(),
                _ => vec![],
            };
            for k in keys {
                if let Some(first) = seen.insert(k.clone(), table.clone()) {
                    dups.push(format!("{k:?} in {first} and {table}"));
                }
            }
        }
        assert!(dups.is_empty(), "{}", dups.join("\n"));
        assert!(TABLE.aliases.len() > 300);
    }

    #[test]
    fn compound_prefixes_stand_for_functions() {
        for (prefix, alias) in &TABLE.compounds.prefixes {
            let tag = TABLE.aliases.get(alias);
            assert!(
                matches!(tag, Some(Tag::Function { .. })),
                "{prefix} stands for {alias}, which is no function"
            );
        }
        for head in &TABLE.compounds.heads {
            assert!(TABLE.aliases.contains_key(head), "head {head} is no alias");
        }
    }

    #[test]
    fn words_are_tagged() {
        let tags: Vec<Tag> = tokenize("Sr. V.P., R&D / it")
            .into_iter()
            .map(|t| t.tag)
            .collect();
        let vp = Tag::Level {
            seniority: Seniority::Vp,
            weak: false,
        };
        let rd = Tag::Function {
            function: Function::Engineering,
            fallback: false,
        };
        let it = Tag::Function {
            function: Function::It,
            fallback: false,
        };
        let want = vec![
            Tag::Modifier,
            Tag::Modifier,
            vp,
            Tag::Comma,
            rd,
            Tag::Conj,
            it,
        ];
        assert_eq!(tags, want);
    }
}
