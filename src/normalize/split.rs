//! Splitting a list answer into items the way a person reads it.
//!
//! Lines are items (a header such as "Top 3:" is dropped, a wrapped line
//! without a marker joins the item above). Within one line an answer is
//! split by inline numbering ("1. price 2. timing"), bullets, semicolons,
//! ordinal words ("first..., second..."), several questions, or a comma
//! list of short parallel phrases. A comma that brings in a qualification
//! ("price, especially for multi-year deals") or a clause keeps the item
//! whole. Filler answers ("n/a", "see above") give no item.

use super::clauses::{after_lead_in, ordinal_items, ordinal_marker, sentences};
use super::fold::fold;
use regex::Regex;
use serde::Deserialize;
use statements::{phrase_items, statement_items};
use std::sync::OnceLock;

// Declared here, not in `normalize/mod.rs`: only the splitter uses it.
#[path = "statements.rs"]
mod statements;

#[derive(Deserialize)]
struct Fillers {
    exact: Vec<String>,
    prefixes: Vec<String>,
    lead_ins: Vec<String>,
    comma_qualifiers: Vec<String>,
    clause_verbs: Vec<String>,
    title_ranks: Vec<String>,
    abbreviations: Vec<String>,
}

fn fillers() -> &'static Fillers {
    static F: OnceLock<Fillers> = OnceLock::new();
    F.get_or_init(|| toml::from_str(include_str!("../../data/fillers.toml")).expect("fillers"))
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("split regex"))
}

/// A list marker at the start of a line: bullets, `1.`, `1)`, `(1)`, `a)`, `#1`.
fn marker() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^\s*(?:[*•▪·◦●■□➢➤►→✓✔]+|[-–—+>]+\s|\(?\d{1,2}[.)\]](?:\s|[^\d\s]|$)|\d{1,2}/\s|\(?[a-hA-H][)\]]\s*|\(\d{1,2}\)|#\d{1,2}[.):]?\s|\d{1,2}\s*[-:]\s)",
    )
}

/// True for answers that say nothing: "n/a", "-", "see above", "none", ...
pub fn is_filler(text: &str) -> bool {
    let f = fillers();
    let folded = fold(text);
    let raw = text.trim().to_lowercase();
    if folded.is_empty() || f.exact.contains(&folded) || f.exact.contains(&raw) {
        return true;
    }
    let words = folded.split(' ').count();
    if words <= 6 && f.prefixes.iter().any(|p| folded.starts_with(p.as_str())) {
        return true;
    }
    lead_in_filler(&raw)
}

/// "n/a - it's fine", "None, really": a filler word, a break, a short remark.
fn lead_in_filler(raw: &str) -> bool {
    fillers().lead_ins.iter().any(|l| {
        let rest = raw.strip_prefix(l.as_str()).map(str::trim_start);
        rest.is_some_and(|r| {
            // A break then a space: "No-shows" and "Same-day fixes" are
            // words, not "no" and a remark.
            let spaced = r.chars().nth(1).is_none_or(char::is_whitespace);
            spaced
                && r.starts_with(['-', '–', '—', ',', '.', ';', ':'])
                && fold(r).split(' ').filter(|w| !w.is_empty()).count() <= 4
        })
    })
}

/// The items of a list answer, trimmed, list markers removed; filler
/// answers ("n/a", "-", "see above", "none") give no item.
pub fn split_items(text: &str) -> Vec<String> {
    if is_filler(text) {
        return vec![];
    }
    let lines = lines(text);
    let many = lines.len() > 1;
    lines
        .iter()
        .flat_map(|(line, marked)| {
            // "1.price 2.timing" on one line: the numbering splits it. An
            // item of a marked list is otherwise read as written.
            match inline_numbers(line) {
                Some(parts) => parts,
                None if *marked && many => vec![line.clone()],
                None => split_line(strip_marker(line)),
            }
        })
        .map(|s| clean(strip_marker(&s)))
        .filter(|s| !s.is_empty() && !is_filler(s))
        .collect()
}

/// The logical lines, each with whether it opens with a list marker;
/// headers dropped, wrapped lines joined.
fn lines(text: &str) -> Vec<(String, bool)> {
    let untrimmed: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let raw: Vec<&str> = untrimmed.iter().map(|l| l.trim()).collect();
    let marked = raw
        .iter()
        .filter(|l| marker().is_match(l) || ordinal_marker().is_match(l))
        .count();
    // After the last marked line, a line that starts at the margin is a
    // closing remark ("Similar across products."), not a wrapped item.
    let last_marked = raw
        .iter()
        .rposition(|l| marker().is_match(l) || ordinal_marker().is_match(l));
    let closing = |i: usize| {
        last_marked.is_some_and(|m| i > m) && !untrimmed[i].starts_with(char::is_whitespace)
    };
    let mut out: Vec<(String, bool)> = Vec::new();
    for (i, line) in raw.iter().enumerate() {
        let has_marker = marker().is_match(line) || ordinal_marker().is_match(line);
        let is_header = raw.len() > 1 && !has_marker && line.ends_with(':') && i + 1 < raw.len();
        if is_header {
            continue;
        }
        if !has_marker && marked >= 2 && !out.is_empty() && i > 0 && !closing(i) {
            let last = out.last_mut().expect("non-empty");
            last.0.push(' ');
            last.0.push_str(line);
            continue;
        }
        out.push((line.to_string(), has_marker || closing(i)));
    }
    out
}

fn strip_marker(line: &str) -> &str {
    // "1st: price", "Number two, timing".
    if let Some(m) = ordinal_marker().find(line)
        && m.end() > 0
    {
        return line[m.end()..].trim();
    }
    match marker().find(line) {
        // "1.price": the marker ate the first letter; keep it.
        Some(m) => {
            let end = m.end();
            let eaten = line[..end].chars().last().filter(|c| c.is_alphabetic());
            let start = end - eaten.map_or(0, char::len_utf8);
            line[start..].trim()
        }
        None => line.trim(),
    }
}

fn clean(s: &str) -> String {
    s.trim()
        .trim_end_matches([',', ';'])
        .trim()
        .trim_start_matches([',', ';', ':'])
        .trim()
        .to_string()
}

/// One way of splitting a line; `None` when it does not apply.
type Splitter = fn(&str) -> Option<Vec<String>>;

/// The items of one line. A short lead-in ("Mostly: price, timing") is
/// dropped when what follows it splits.
fn split_line(line: &str) -> Vec<String> {
    if let Some(rest) = after_lead_in(line) {
        let parts = split_structure(rest);
        if parts.len() >= 2 {
            return parts;
        }
    }
    split_structure(line)
}

fn split_structure(line: &str) -> Vec<String> {
    let splitters: [Splitter; 5] = [
        inline_bullets,
        semicolons,
        ordinals,
        ordinal_items,
        questions,
    ];
    for f in splitters {
        if let Some(parts) = f(line) {
            return parts;
        }
    }
    // Every sentence is an item, and a sentence may be a list itself
    // ("Security package, core connectors. Not the UI.").
    if let Some(parts) = sentences(line, is_abbreviation) {
        return parts.iter().flat_map(|p| split_sentence(p)).collect();
    }
    split_sentence(line)
}

fn split_sentence(line: &str) -> Vec<String> {
    fragments(line)
        .or_else(|| comma_list(line))
        .or_else(|| phrase_items(&split_outside_parens(line, ',')))
        .or_else(|| statement_items(&split_outside_parens(line, ',')))
        .unwrap_or_else(|| vec![line.to_string()])
}

/// Splits at the byte offsets `cuts` (each cut starts a new piece).
fn cut_at(line: &str, cuts: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(&(first, _)) = cuts.first()
        && !line[..first].trim().is_empty()
    {
        out.push(line[..first].to_string());
    }
    for (k, &(_, body)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(line.len(), |&(s, _)| s);
        out.push(line[body..end].to_string());
    }
    out
}

/// "1. price 2. timing", "1) a 2) b", "a) price b) terms": two or more
/// markers numbered in sequence.
fn inline_numbers(line: &str) -> Option<Vec<String>> {
    static NUM: OnceLock<Regex> = OnceLock::new();
    static LET: OnceLock<Regex> = OnceLock::new();
    let num = re(
        &NUM,
        r"(?:^|\s)(?:\(?(\d{1,2})[.)]|(\d{1,2})/|#(\d{1,2})[.):]?)\s*([^\d\s])",
    );
    let letter = re(&LET, r"(?:^|\s)\(?([a-hA-H])\)()()\s*(\S)");
    for (r, as_num) in [(num, true), (letter, false)] {
        let caps: Vec<(usize, usize, u32)> = r
            .captures_iter(line)
            .map(|c| {
                let key = (1..=3).find_map(|g| c.get(g)).map_or("", |m| m.as_str());
                let n = if as_num {
                    key.parse().unwrap_or(0)
                } else {
                    u32::from(key.to_ascii_lowercase().as_bytes()[0] - b'a') + 1
                };
                let whole = c.get(0).expect("match");
                (whole.start(), c.get(4).expect("body").start(), n)
            })
            .collect();
        let sequential = caps.windows(2).all(|w| w[1].2 == w[0].2 + 1);
        if caps.len() >= 2 && sequential {
            let cuts: Vec<(usize, usize)> = caps.iter().map(|&(s, b, _)| (s, b)).collect();
            return Some(cut_at(line, &cuts));
        }
    }
    None
}

fn inline_bullets(line: &str) -> Option<Vec<String>> {
    let bullets = ['•', '▪', '·', '◦', '●', '■'];
    let parts: Vec<String> = line
        .split(bullets)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    (parts.len() >= 2).then_some(parts)
}

/// Splits on `sep` outside parentheses.
fn split_outside_parens(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0i32;
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == sep && depth <= 0 {
            out.push(String::new());
        } else {
            out.last_mut().expect("non-empty").push(c);
        }
    }
    out
}

fn semicolons(line: &str) -> Option<Vec<String>> {
    let parts = split_outside_parens(line, ';');
    let real = parts.iter().filter(|p| !p.trim().is_empty()).count();
    (real >= 2).then_some(parts)
}

/// "First, price. Second, ... Lastly, ...": ordinal words open the items.
fn ordinals(line: &str) -> Option<Vec<String>> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)(?:^|[.,;]\s*|\s(?:and|&)\s+)\b(first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|lastly|last but not least)\b[,:]?\s*",
    );
    let found: Vec<(usize, usize)> = r.find_iter(line).map(|m| (m.start(), m.end())).collect();
    let opens = found.first().is_some_and(|&(s, _)| s == 0);
    if found.len() < 2 || !opens {
        return None;
    }
    // Keep the stop that ends a piece ("price.") but not the comma.
    let cuts: Vec<(usize, usize)> = found
        .iter()
        .map(|&(s, e)| {
            let keep = line[s..].starts_with('.') as usize;
            (s + keep, e)
        })
        .collect();
    Some(cut_at(line, &cuts))
}

/// "how long does it take? do you have references?": one item a question.
fn questions(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in line.match_indices('?') {
        let next = line[i + 1..].chars().next();
        if next.is_some_and(char::is_whitespace) {
            out.push(line[start..=i].to_string());
            start = i + 1;
        }
    }
    if out.is_empty() {
        return None;
    }
    if !line[start..].trim().is_empty() {
        out.push(line[start..].to_string());
    }
    (out.len() >= 2).then_some(out)
}

/// "Price. Integration with SAP. Timing": short fragments, each a few
/// words, separated by stops. Full sentences or labelled parts
/// ("Fears: ...") stay one item.
fn fragments(line: &str) -> Option<Vec<String>> {
    const MAX_WORDS: usize = 6;
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in line.match_indices(". ") {
        let next = line[i + 2..].trim_start().chars().next();
        let prev_word = line[start..i].split_whitespace().last().unwrap_or("");
        let abbrev = is_abbreviation(prev_word);
        if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && !abbrev {
            out.push(line[start..=i].to_string());
            start = i + 1;
        }
    }
    if out.is_empty() || line.contains(':') {
        return None;
    }
    out.push(line[start..].to_string());
    let short = out.iter().all(|p| (1..=MAX_WORDS).contains(&word_count(p)));
    (short && out.len() >= 2).then_some(out)
}

/// "Sr.", "e.g.", "(i.e.", "J.": a stop after these does not end a
/// sentence. Dots and brackets are dropped so dotted forms match too.
fn is_abbreviation(word: &str) -> bool {
    let bare: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    bare.chars().count() == 1 || fillers().abbreviations.contains(&bare)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn first_word(s: &str) -> String {
    fold(s).split(' ').next().unwrap_or_default().to_string()
}

/// "price, security, integrations", "a champion, a clear ROI and a good
/// demo": short parallel phrases. Long parts (clauses) or a part opening
/// with a qualifier ("especially", "which", "they") keep the line whole.
fn comma_list(line: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = split_outside_parens(line, ',')
        .iter()
        .map(|p| p.trim().to_string())
        .collect();
    if parts.len() < 2 || parts.iter().any(String::is_empty) {
        return None;
    }
    let last = parts.pop().expect("two parts");
    let last = strip_conj(&last);
    match split_and(last) {
        Some((a, b)) => parts.extend([a, b]),
        None => parts.push(last.to_string()),
    }
    let parts: Vec<String> = parts.iter().map(|p| strip_conj(p).to_string()).collect();
    let parts = join_titles(parts);
    if parts.len() < 2 {
        return None;
    }
    let f = fillers();
    if parts[1..]
        .iter()
        .any(|p| f.comma_qualifiers.contains(&first_word(p)))
    {
        return None;
    }
    // "They say we're expensive, slow, ...": a clause, not a noun phrase.
    let has_verb = |p: &String| {
        fold(p)
            .split(' ')
            .any(|w| f.clause_verbs.iter().any(|v| v == w))
    };
    if parts.iter().any(has_verb) || continues_object(&parts) {
        return None;
    }
    let limit = if parts.len() >= 3 { 5 } else { 4 };
    parts
        .iter()
        .all(|p| (1..=limit).contains(&word_count(p)))
        .then_some(parts)
}

/// "Director, Revenue Operations", "Sr. Manager, Demand Gen": a rank
/// then its department is one title, wherever it sits in a comma list.
fn join_titles(parts: Vec<String>) -> Vec<String> {
    let ranks = &fillers().title_ranks;
    let is_rank = |w: &str| ranks.iter().any(|r| r == w);
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let folded = fold(&p);
        let joins = out.last().is_some_and(|prev: &String| {
            let last_word = fold(prev)
                .rsplit(' ')
                .next()
                .unwrap_or_default()
                .to_string();
            is_rank(&last_word) && !folded.split(' ').any(is_rank) && word_count(&p) <= 3
        });
        match out.last_mut() {
            Some(prev) if joins => *prev = format!("{prev}, {p}"),
            _ => out.push(p),
        }
    }
    out
}

/// "Integration with SAP, Salesforce and Workday": the names after the
/// first part continue its prepositional object.
fn continues_object(parts: &[String]) -> bool {
    // The words before a bracket: "Price (esp. for SMB)" has no object.
    let outside_parens = parts[0].split('(').next().unwrap_or_default();
    let first = format!(" {} ", fold(outside_parens));
    let preps = [
        " with ",
        " like ",
        " such as ",
        " including ",
        " from ",
        " for ",
        " into ",
        " to ",
        " vs ",
        " versus ",
    ];
    preps.iter().any(|p| first.contains(p)) && parts[1..].iter().all(|p| word_count(p) <= 2)
}

fn strip_conj(p: &str) -> &str {
    for c in ["and ", "or ", "& ", "and/or "] {
        if let Some(rest) = p.strip_prefix(c) {
            return rest.trim();
        }
    }
    p
}

/// "onboarding and support" -> both halves, when each is short.
fn split_and(p: &str) -> Option<(String, String)> {
    let (a, b) = [" and ", " & "].iter().find_map(|sep| p.split_once(sep))?;
    let short = |s: &str| (1..=4).contains(&word_count(s));
    (short(a) && short(b) && !b.contains(" and ")).then(|| (a.trim().into(), b.trim().into()))
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
