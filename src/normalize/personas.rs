//! Titles -> (function, seniority) pairs (taxonomy.md, "Personas").
//!
//! An answer is read word by word against `data/titles.toml` (see
//! `titles`); a title is a run of title words ("Sr. Director of IT"); any
//! other word or punctuation ends it. Each title gives its function words
//! at its level, or `unknown` when it names none ("finance team").
//!
//! How people join titles, and what we read from it:
//! - "VP of Sales & Marketing", "Head of Sales/Marketing": the level comes
//!   first, so it carries over to the bare function joined after it.
//! - "Sales and Marketing Director", "Sales/Marketing VP": a level after
//!   the functions carries back to the bare function joined before it.
//! - "VP or Director of Marketing": a level alone borrows the functions of
//!   the title it is joined to; "Director, IT" reads as one title.
//! - "Data team (analysts)", "Managers (IT)": a parenthesis details the
//!   title before it.
//! - "IT and procurement", "VP Marketing / CFO": each title on its own.
//! - A role ("engineer", "SDR", "controller") has a default function and
//!   level that yield to the words next to it ("Security engineer" is
//!   security/individual, "SDR manager" sales/manager).
//! - A level with no function anywhere ("Managers") is `other`; lower-case
//!   "it" is the department only next to a title word or standing alone
//!   ("it manager", "finance, it and legal", not "it depends").
//!
//! Each pair appears once per answer, in order of first mention; nothing is
//! returned when no title word is there ("it depends on the size", "N/A").
//! Judgement calls on ambiguous titles are listed in `data/titles.toml`.

use super::titles::{Tag, Token, tokenize};
use super::{Function, Persona, Seniority};

/// The personas named in an item; empty when no title is there.
pub fn parse_personas(text: &str) -> Vec<Persona> {
    explain_personas(text).into_iter().map(|(p, _)| p).collect()
}

/// The personas named in an item, each with the words that gave it
/// ("title:cfo", "function:marketing + level:vp").
pub fn explain_personas(text: &str) -> Vec<(Persona, String)> {
    let mut chunks = chunks(&tokenize(text));
    join(&mut chunks);
    let mut out: Vec<(usize, Persona, String)> = chunks.iter().flat_map(Chunk::pairs).collect();
    out.sort_by_key(|(pos, _, _)| *pos);
    let mut seen = Vec::new();
    out.into_iter()
        .filter(|(_, p, _)| {
            let new = !seen.contains(p);
            seen.push(*p);
            new
        })
        .map(|(_, p, why)| (p, why))
        .collect()
}

/// How a title is joined to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joiner {
    Conj,
    Comma,
    /// An opening parenthesis: what follows details this title.
    Paren,
    None,
}

/// One title: a run of title words.
#[derive(Debug, Clone)]
struct Chunk {
    titles: Vec<(usize, Persona, String)>,
    functions: Vec<(usize, Function, bool, String)>,
    /// The strongest level word: (seniority, weak, word).
    level: Option<(Seniority, bool, String)>,
    /// A level word came before the first function word ("VP of Sales").
    level_first: bool,
    /// The level is only a role's default ("Dev team" has no level).
    role_level: bool,
    team: bool,
    joiner: Joiner,
    /// Position of the first word, for ordering borrowed pairs.
    start: usize,
}

impl Chunk {
    fn new(start: usize) -> Chunk {
        Chunk {
            titles: vec![],
            functions: vec![],
            level: None,
            level_first: false,
            role_level: false,
            team: false,
            joiner: Joiner::None,
            start,
        }
    }

    fn is_empty(&self) -> bool {
        self.titles.is_empty() && self.functions.is_empty() && self.level.is_none() && !self.team
    }

    /// Only function words: open to a level from a joined title.
    fn is_bare(&self) -> bool {
        self.titles.is_empty() && !self.functions.is_empty() && self.level.is_none() && !self.team
    }

    /// Only a level word: open to functions from a joined title.
    fn is_orphan(&self) -> bool {
        self.titles.is_empty() && self.functions.is_empty() && self.level.is_some()
    }

    fn add(&mut self, pos: usize, token: &Token) {
        match token.tag {
            Tag::Title(p) => self.titles.push((pos, p, format!("title:{}", token.text))),
            Tag::Function { function, fallback } => {
                let word = format!("function:{}", token.text);
                self.functions.push((pos, function, fallback, word))
            }
            Tag::Role(p) => {
                let word = format!("role:{}", token.text);
                self.functions.push((pos, p.function, true, word));
                self.add_level(p.seniority, true, token);
                self.role_level = self.level.as_ref().is_some_and(|l| l.1);
            }
            Tag::Level { seniority, weak } => self.add_level(seniority, weak, token),
            Tag::Team => self.team = true,
            _ => {}
        }
    }

    fn add_level(&mut self, seniority: Seniority, weak: bool, token: &Token) {
        let stronger = match &self.level {
            None => true,
            Some((s, w, _)) => (*w && !weak) || (*w == weak && seniority < *s),
        };
        if self.functions.is_empty() {
            self.level_first = true;
        }
        if stronger {
            self.level = Some((seniority, weak, token.text.clone()));
        }
    }

    /// The pairs this title gives, each with its position and its reason.
    fn pairs(&self) -> Vec<(usize, Persona, String)> {
        let mut out = self.titles.clone();
        let seniority = match &self.level {
            Some(l) if !(self.team && self.role_level && l.1) => l.0,
            _ => Seniority::Unknown,
        };
        let level_why = self
            .level
            .as_ref()
            .map_or(String::new(), |l| format!(" + level:{}", l.2));
        let has_main = self.functions.iter().any(|f| !f.2);
        for (pos, function, fallback, word) in &self.functions {
            let covered = self.titles.iter().any(|t| t.1.function == *function);
            if covered || (*fallback && (has_main || !self.titles.is_empty())) {
                continue;
            }
            let persona = Persona {
                function: *function,
                seniority,
            };
            out.push((*pos, persona, format!("{word}{level_why}")));
        }
        if self.titles.is_empty() && self.functions.is_empty() && self.level.is_some() {
            let persona = Persona {
                function: Function::Other,
                seniority,
            };
            out.push((
                self.start,
                persona,
                format!("level:{}", level_why.trim_start_matches(" + level:")),
            ));
        }
        out
    }
}

/// Groups tokens into titles, each with how it is joined to the next.
fn chunks(tokens: &[Token]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut current = Chunk::new(0);
    for (pos, token) in tokens.iter().enumerate() {
        let joiner = match token.tag {
            Tag::Conj => Joiner::Conj,
            Tag::Comma => Joiner::Comma,
            Tag::Break if token.text == "(" => Joiner::Paren,
            Tag::Other if bridged(tokens, pos) => continue,
            Tag::Break | Tag::Other => Joiner::None,
            _ => {
                if current.is_empty() {
                    current.start = pos;
                }
                current.add(pos, token);
                continue;
            }
        };
        if current.is_empty() {
            if joiner == Joiner::None
                && let Some(last) = out.last_mut()
            {
                last.joiner = Joiner::None;
            }
        } else {
            current.joiner = joiner;
            out.push(std::mem::replace(&mut current, Chunk::new(pos + 1)));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// "Dir of Claims Ops", "VP Network Engineering", "Mgr, Pharmacy Ops": an
/// unknown word (or two) between a level and a function word names the
/// line of business; it does not end the title.
fn bridged(tokens: &[Token], pos: usize) -> bool {
    match pos.checked_sub(1) {
        // The second of two unknown words: bridged with the first.
        Some(p) if tokens[p].tag == Tag::Other => {
            bridge_opens(tokens, p)
                && matches!(
                    tokens.get(pos + 1).map(|t| t.tag),
                    Some(Tag::Function {
                        fallback: false,
                        ..
                    })
                )
        }
        _ => bridge_opens(tokens, pos),
    }
}

fn bridge_opens(tokens: &[Token], pos: usize) -> bool {
    let prev = pos.checked_sub(1).map(|p| tokens[p].tag);
    let opens = matches!(
        prev,
        Some(Tag::Level { weak: false, .. } | Tag::Modifier | Tag::Comma)
    );
    let is_function = |t: Option<&Token>| {
        matches!(
            t.map(|t| t.tag),
            Some(Tag::Function {
                fallback: false,
                ..
            })
        )
    };
    let next = tokens.get(pos + 1);
    let after_next = next
        .filter(|t| t.tag == Tag::Other)
        .and_then(|_| tokens.get(pos + 2));
    opens && (is_function(next) || is_function(after_next))
}

/// Carries levels and functions across joined titles (module doc).
fn join(chunks: &mut Vec<Chunk>) {
    merge_comma_titles(chunks);
    carry_levels(chunks);
    borrow_functions(chunks);
}

/// "Director, IT" and "Sr. Manager, Demand Gen" are one title each.
fn merge_comma_titles(chunks: &mut Vec<Chunk>) {
    let mut i = 0;
    while i + 1 < chunks.len() {
        if chunks[i].is_orphan() && chunks[i].joiner == Joiner::Comma && chunks[i + 1].is_bare() {
            let next = chunks.remove(i + 1);
            chunks[i].functions = next.functions;
            chunks[i].joiner = next.joiner;
            chunks[i].level_first = true;
            continue;
        }
        i += 1;
    }
}

/// "VP of Sales & Marketing" (forward), "Sales/Marketing Director" (back).
fn carry_levels(chunks: &mut [Chunk]) {
    for i in 0..chunks.len().saturating_sub(1) {
        let (a, b) = (&chunks[i], &chunks[i + 1]);
        if a.joiner == Joiner::Conj
            && a.level.is_some()
            && a.level_first
            && !a.functions.is_empty()
            && b.is_bare()
        {
            chunks[i + 1].level = chunks[i].level.clone();
            chunks[i + 1].level_first = true;
        }
    }
    for i in (0..chunks.len().saturating_sub(1)).rev() {
        let (a, b) = (&chunks[i], &chunks[i + 1]);
        if a.joiner == Joiner::Conj
            && a.is_bare()
            && b.level.is_some()
            && !b.level_first
            && !b.functions.is_empty()
        {
            chunks[i].level = chunks[i + 1].level.clone();
        }
    }
}

/// A level alone takes the functions of the title it is joined to: the
/// next one ("VP, Director or Manager of IT"), else the one before
/// ("Marketing Manager/Director").
fn borrow_functions(chunks: &mut [Chunk]) {
    let lends = |c: &Chunk| c.titles.is_empty() && c.functions.iter().any(|f| !f.2);
    let orphans: Vec<bool> = chunks.iter().map(Chunk::is_orphan).collect();
    for i in (0..chunks.len().saturating_sub(1)).rev() {
        if orphans[i] && chunks[i].joiner != Joiner::None && lends(&chunks[i + 1]) {
            chunks[i].functions = borrowed(&chunks[i + 1], chunks[i].start);
            // "Managers (IT)": a bare function only completes the level.
            if chunks[i + 1].is_bare() {
                chunks[i + 1].functions.clear();
            }
        }
    }
    // "Data team (analysts, scientists)": levels in parentheses detail the
    // title before them.
    let mut lender: Option<usize> = None;
    for i in 1..chunks.len() {
        lender = match chunks[i - 1].joiner {
            Joiner::Paren if lends(&chunks[i - 1]) => Some(i - 1),
            Joiner::Conj if lends(&chunks[i - 1]) => Some(i - 1),
            Joiner::Conj | Joiner::Comma => lender,
            _ => None,
        };
        if let Some(from) = lender.filter(|_| chunks[i].is_orphan()) {
            chunks[i].functions = borrowed(&chunks[from], chunks[i].start);
        }
    }
}

fn borrowed(from: &Chunk, at: usize) -> Vec<(usize, Function, bool, String)> {
    from.functions
        .iter()
        .filter(|f| !f.2)
        .map(|f| (at, f.1, f.2, f.3.clone()))
        .collect()
}

#[cfg(test)]
#[path = "personas_tests.rs"]
mod tests;
