//! Durations in free text -> (low, high) day ranges (taxonomy.md,
//! "Durations").
//!
//! What is read: numbers and number words (`numbers`), ranges ("3-6",
//! "6 to 8", "between 3 and 6", "a month or two", "30/60/90 days" is
//! 30-90), open bounds ("12+ months", "over a year" -> (365, open);
//! "under 30 days", "30 days or less" -> (0, 30)), approximate words
//! ("about", "~", "or so"), units and their abbreviations. A range written
//! with one unit ("60-90 days") uses it for both ends. A number without
//! any unit takes the unit of another duration in the same answer ("3
//! months for SMB, 6-9 for ent"), never a guessed one: "60-90" alone gives
//! nothing. Labels and amounts are not durations: "Phase 1", "Q2", "$10k",
//! "80%", "2023", "2 calls".
//!
//! Segments: only when an answer gives two or more pairs. Each content
//! word goes to the nearest pair of its clause (clauses end at `,` `;` `.`
//! `/` line breaks and words like "but", "and"); the segment is those
//! words as written, lower case, from the first to the last, without
//! filler or generic nouns at the ends ("SMB 30 days" -> "smb", "3 months
//! for new logos" -> "new logos", "small deals 30 days" -> "small").
//! Segment words are not normalised ("ent" stays "ent"): the report shows
//! what reps wrote. Days are rounded to the nearest whole day, halves up.
//! Equal pairs given twice are kept once. The phrasing lives in
//! `data/durations.toml`.

use super::DurationRange;
use super::duration_words::VOCAB;
use super::numbers::{Lexeme, is_number_word, lex};

/// Which side of a duration is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Closed,
    AtMost,
    AtLeast,
}

/// A duration as written, before its unit is settled and days computed.
#[derive(Debug, Clone)]
struct Found {
    /// (number, unit in days) for each end; one entry for a point.
    ends: Vec<(f64, Option<f64>)>,
    bound: Bound,
    /// Span in lexemes, bound words included.
    start: usize,
    end: usize,
}

/// The day ranges an answer gives; empty when it gives none (never guessed).
pub fn parse_durations(text: &str) -> Vec<DurationRange> {
    let lx = lex(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < lx.len() {
        match read_at(&lx, i) {
            Some(f) => {
                i = f.end.max(i + 1);
                found.push(f);
            }
            None => i += 1,
        }
    }
    let found = min_and_max(settle_units(found));
    let segments = segments(&lx, &found);
    let mut out: Vec<DurationRange> = Vec::new();
    for (f, segment) in found.iter().zip(segments) {
        let range = to_days(f, segment);
        if !out.contains(&range) {
            out.push(range);
        }
    }
    out
}

/// "At least a month, at most three": a lower and an upper bound, and
/// nothing else, are one range.
fn min_and_max(found: Vec<Found>) -> Vec<Found> {
    let days = |f: &Found| {
        f.ends
            .iter()
            .map(|e| e.0 * e.1.unwrap_or(1.0))
            .fold(0.0, f64::max)
    };
    if let [a, b] = &found[..] {
        let (least, most) = match (a.bound, b.bound) {
            (Bound::AtLeast, Bound::AtMost) => (a, b),
            (Bound::AtMost, Bound::AtLeast) => (b, a),
            _ => return found,
        };
        if days(least) <= days(most) {
            let mut ends = least.ends.clone();
            ends.extend(most.ends.iter().copied());
            let (start, end) = (a.start.min(b.start), a.end.max(b.end));
            return vec![Found {
                ends,
                bound: Bound::Closed,
                start,
                end,
            }];
        }
    }
    found
}

/// The text of a lexeme for phrase matching; numbers and units match none.
fn text(lx: &Lexeme) -> String {
    match lx {
        Lexeme::Word(w) => w.clone(),
        Lexeme::Sym(c) => c.to_string(),
        Lexeme::Num(_) | Lexeme::Unit(_) => String::new(),
    }
}

/// Length of the longest of `phrases` starting at `i`.
fn phrase_at(lx: &[Lexeme], i: usize, phrases: &[Vec<String>]) -> usize {
    phrases
        .iter()
        .filter(|p| {
            p.iter()
                .enumerate()
                .all(|(k, w)| lx.get(i + k).is_some_and(|l| text(l) == *w))
        })
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}

/// Length of the longest of `phrases` ending just before `end`.
fn phrase_before(lx: &[Lexeme], end: usize, phrases: &[Vec<String>]) -> usize {
    phrases
        .iter()
        .filter(|p| {
            p.len() <= end && phrase_at(lx, end - p.len(), std::slice::from_ref(p)) == p.len()
        })
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}

/// A number as written, with its optional "+" and unit.
struct Quantity {
    value: f64,
    unit: Option<f64>,
    /// "12+": open above.
    plus: bool,
    /// The lexeme after it.
    end: usize,
}

/// The number at `i` with its optional "+" and unit.
fn quantity(lx: &[Lexeme], i: usize) -> Option<Quantity> {
    let Some(Lexeme::Num(v)) = lx.get(i) else {
        return None;
    };
    let mut j = i + 1;
    let mut plus = false;
    if lx.get(j) == Some(&Lexeme::Sym('+')) {
        plus = true;
        j += 1;
    }
    // "3ish months", "20 working days": words between number and unit.
    let mut k = j;
    while matches!(lx.get(k), Some(Lexeme::Word(w)) if VOCAB.unit_fillers.contains(w)) {
        k += 1;
    }
    if matches!(lx.get(k), Some(Lexeme::Unit(_))) {
        j = k;
    }
    let unit = match (lx.get(j), lx.get(j + 1)) {
        (Some(Lexeme::Unit(u)), _) => {
            j += 1;
            Some(*u)
        }
        (Some(Lexeme::Sym('-')), Some(Lexeme::Unit(u))) => {
            j += 2;
            Some(*u)
        }
        _ => None,
    };
    Some(Quantity {
        value: *v,
        unit,
        plus,
        end: j,
    })
}

/// The duration that starts with the number at `i`, if it is one.
fn read_at(lx: &[Lexeme], i: usize) -> Option<Found> {
    let first = quantity(lx, i)?;
    let mut j = first.end;
    let mut ends = vec![(first.value, first.unit)];
    let between = before_skipping_approx(lx, i) == Some("between".to_string());
    let mut open = first.plus;
    while !open {
        let Some(next) = range_next(lx, j, between) else {
            break;
        };
        ends.push((next.value, next.unit));
        j = next.end;
        open = next.plus;
    }
    let (start, pre) = prefix_bound(lx, i);
    let (end, post) = suffix_bound(lx, j);
    let bound = if open {
        Bound::AtLeast
    } else {
        pre.or(post).unwrap_or(Bound::Closed)
    };
    let found = Found {
        ends,
        bound,
        start,
        end,
    };
    if found.ends.iter().all(|e| e.1.is_none()) && !bare_number_ok(lx, &found) {
        return None;
    }
    Some(found)
}

/// The word before `i`, skipping approximate words ("between about 3").
fn before_skipping_approx(lx: &[Lexeme], mut i: usize) -> Option<String> {
    while i > 0 {
        let t = text(&lx[i - 1]);
        if t == "between" || t.is_empty() {
            return Some(t);
        }
        let n = phrase_before(lx, i, &VOCAB.approx);
        if n == 0 {
            return Some(t);
        }
        i -= n;
    }
    None
}

/// The far end of a range starting at `j` ("-6 months", "or two").
fn range_next(lx: &[Lexeme], j: usize, between: bool) -> Option<Quantity> {
    let n = phrase_at(lx, j, &VOCAB.range_words);
    if n == 0 || (text(&lx[j]) == "and" && n == 1 && !between) {
        return None;
    }
    let mut k = j + n;
    while !matches!(lx.get(k), Some(Lexeme::Num(_))) {
        let n = phrase_at(lx, k, &VOCAB.approx);
        if n == 0 {
            return None;
        }
        k += n;
    }
    quantity(lx, k)
}

/// A bound written before the number at `i`: (start of the span, bound).
fn prefix_bound(lx: &[Lexeme], i: usize) -> (usize, Option<Bound>) {
    let mut at = i;
    loop {
        let most = phrase_before(lx, at, &VOCAB.at_most_before);
        let least = phrase_before(lx, at, &VOCAB.at_least_before);
        if most > 0 && most >= least {
            return (at - most, Some(Bound::AtMost));
        }
        if least > 0 {
            return (at - least, Some(Bound::AtLeast));
        }
        let approx = phrase_before(lx, at, &VOCAB.approx);
        if approx == 0 {
            return (i, None);
        }
        at -= approx;
    }
}

/// A bound written after a duration ending at `j`: (end of the span, bound).
fn suffix_bound(lx: &[Lexeme], j: usize) -> (usize, Option<Bound>) {
    let most = phrase_at(lx, j, &VOCAB.at_most_after);
    let least = phrase_at(lx, j, &VOCAB.at_least_after);
    if most > 0 && most >= least {
        (j + most, Some(Bound::AtMost))
    } else if least > 0 {
        (j + least, Some(Bound::AtLeast))
    } else {
        (j, None)
    }
}

/// A number with no unit is a duration only in duration-like company: not
/// "10 users", "$50", "2023", "80%".
fn bare_number_ok(lx: &[Lexeme], f: &Found) -> bool {
    let leader = f.start.checked_sub(1).map(|i| &lx[i]);
    let money = matches!(leader, Some(Lexeme::Sym('$' | '£' | '€' | '#')));
    // "Phase 1", "day 1 to day 90", "top 3": a label, not an amount of time.
    let label = match leader {
        Some(Lexeme::Word(w)) => VOCAB.bare_number_leaders.contains(w),
        Some(Lexeme::Unit(_)) => true,
        _ => false,
    };
    let year = f
        .ends
        .iter()
        .any(|e| e.0.fract() == 0.0 && (1900.0..=2100.0).contains(&e.0));
    let large = f.ends.iter().any(|e| e.0 > 1000.0);
    let follower_ok = match lx.get(f.end) {
        None => true,
        Some(Lexeme::Sym(c)) => !matches!(c, '%' | '$' | '€' | '£' | '*' | '\'' | ':'),
        Some(Lexeme::Word(w)) => VOCAB.bare_number_followers.contains(w),
        Some(Lexeme::Num(_) | Lexeme::Unit(_)) => false,
    };
    !money && !label && !year && !large && follower_ok
}

/// Units for both ends of each range, and for unit-less durations the unit
/// of the nearest earlier duration, else the nearest later one; durations
/// left without a unit are dropped.
fn settle_units(found: Vec<Found>) -> Vec<Found> {
    let own_unit = |f: &Found| f.ends.iter().rev().find_map(|e| e.1);
    let units: Vec<Option<f64>> = found.iter().map(own_unit).collect();
    let mut out = Vec::new();
    for (k, mut f) in found.into_iter().enumerate() {
        let borrowed = units[k]
            .or_else(|| units[..k].iter().rev().find_map(|u| *u))
            .or_else(|| units[k + 1..].iter().find_map(|u| *u));
        let Some(fallback) = borrowed else {
            continue;
        };
        let last = f.ends.iter().rev().find_map(|e| e.1).unwrap_or(fallback);
        for e in f.ends.iter_mut() {
            e.1 = e.1.or(Some(last));
        }
        out.push(f);
    }
    out
}

/// The segment words of each duration (module doc): each content word
/// goes to the nearest duration of its clause; a segment runs from the
/// first to the last of its words, as written.
fn segments(lx: &[Lexeme], found: &[Found]) -> Vec<Option<String>> {
    if found.len() < 2 {
        return vec![None; found.len()];
    }
    // Which duration each lexeme belongs to, and running counts of clause
    // breaks, so each word is placed in constant time (long cells stay fast).
    let mut owner: Vec<Option<usize>> = vec![None; lx.len()];
    for (k, f) in found.iter().enumerate() {
        owner[f.start..f.end].iter_mut().for_each(|o| *o = Some(k));
    }
    let is_break = |i: usize| {
        owner[i].is_none()
            && match &lx[i] {
                Lexeme::Sym(c) => matches!(c, ',' | ';' | '.' | '\n' | '|' | '!' | '?' | '/'),
                Lexeme::Word(w) => VOCAB.clause_words.contains(w),
                _ => false,
            }
    };
    let mut breaks = vec![0usize; lx.len() + 1];
    for i in 0..lx.len() {
        breaks[i + 1] = breaks[i] + usize::from(is_break(i));
    }
    let clear = |from: usize, to: usize| from >= to || breaks[to] == breaks[from];
    let content = |i: usize| match &lx[i] {
        Lexeme::Word(w) => {
            owner[i].is_none() && !VOCAB.segment_stopwords.contains(w) && !is_number_word(w)
        }
        _ => false,
    };
    // A word halfway between two durations goes the way the answer labels:
    // "SMB 30 days enterprise 90 days" names before, "30 days SMB" after.
    let names_after = !(0..found[0].start).any(|i| content(i) && clear(i, found[0].start));
    let mut owned: Vec<Vec<usize>> = vec![vec![]; found.len()];
    for i in (0..lx.len()).filter(|&i| content(i)) {
        let next = found.partition_point(|f| f.start <= i);
        let before = next.checked_sub(1).filter(|&k| clear(found[k].end, i));
        let after = Some(next).filter(|&k| k < found.len() && clear(i + 1, found[k].start));
        let pick = match (before, after) {
            (Some(b), Some(a)) => {
                let (gap_b, gap_a) = (i - found[b].end, found[a].start - i - 1);
                if gap_b < gap_a || (gap_b == gap_a && names_after) {
                    b
                } else {
                    a
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => continue,
        };
        owned[pick].push(i);
    }
    owned
        .iter()
        .map(|idx| {
            let (first, last) = (*idx.first()?, *idx.last()?);
            let words: Vec<&str> = (first..=last)
                .filter(|&i| owner[i].is_none())
                .filter_map(|i| match &lx[i] {
                    Lexeme::Word(w) => Some(w.as_str()),
                    _ => None,
                })
                .collect();
            Some(words.join(" "))
        })
        .collect()
}

/// Days for a settled duration.
fn to_days(f: &Found, segment: Option<String>) -> DurationRange {
    let days = |e: &(f64, Option<f64>)| {
        (e.0 * e.1.unwrap_or(1.0))
            .round()
            .clamp(0.0, u32::MAX as f64) as u32
    };
    let values: Vec<u32> = f.ends.iter().map(days).collect();
    let low = values.iter().copied().min().unwrap_or(0);
    let high = values.iter().copied().max().unwrap_or(0);
    let (low, high) = match f.bound {
        Bound::Closed => (low, Some(high)),
        Bound::AtMost => (0, Some(high)),
        Bound::AtLeast => (low, None),
    };
    DurationRange { low, high, segment }
}

#[cfg(test)]
#[path = "durations_tests.rs"]
mod tests;
