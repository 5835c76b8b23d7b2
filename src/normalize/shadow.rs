//! Which rule matches a longer match of another theme covers: "switching
//! cost" is status quo, not price; "support for SSO" is a feature ask.
//!
//! A match `m` is shadowed by `o` when `o` is of another theme, starts at
//! or before `m`, ends at or after it and is longer. Comparing every match
//! with every other made one long answer cell quadratic (a 256 KB cell
//! took 13 s, issue 10). Here the matches are sorted by start and swept
//! once: `o` is longer and covers `m` exactly when it starts before `m`
//! and ends at or after it, or starts with `m` and ends after it, so two
//! running maxima of the end (before this start, at this start) answer
//! every match. Each keeps the largest end of one theme and the largest
//! end of any other theme, since the covering match must be of a theme
//! other than `m`'s.

use super::Match;

/// The largest end seen, and the largest end of a theme other than that
/// one's: enough to know the largest end of any theme but a given one.
#[derive(Clone, Copy, Default)]
struct Reach {
    top: Option<(usize, usize)>,
    other: Option<usize>,
}

impl Reach {
    fn add(&mut self, end: usize, theme: usize) {
        match self.top {
            None => self.top = Some((end, theme)),
            Some((e, t)) if t == theme => self.top = Some((e.max(end), t)),
            Some((e, _)) if end > e => {
                // The old top is of another theme and beats every other
                // end seen, so it is the runner-up now.
                self.other = Some(e);
                self.top = Some((end, theme));
            }
            Some(_) => self.other = Some(self.other.map_or(end, |o| o.max(end))),
        }
    }

    /// The largest end among the matches of themes other than `theme`.
    fn end_besides(&self, theme: usize) -> Option<usize> {
        match self.top {
            Some((e, t)) if t != theme => Some(e),
            _ => self.other,
        }
    }
}

/// For each match of `all`, whether a longer match of another theme in
/// `all` covers it (same order as `all`). O(n log n).
pub(crate) fn shadowed(all: &[Match]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].start);
    let mut out = vec![false; all.len()];
    let mut before = Reach::default();
    let mut lo = 0;
    while lo < order.len() {
        let start = all[order[lo]].start;
        let hi = lo + order[lo..].partition_point(|&i| all[i].start == start);
        let mut here = Reach::default();
        for &i in &order[lo..hi] {
            here.add(all[i].end, all[i].theme);
        }
        for &i in &order[lo..hi] {
            let m = &all[i];
            out[i] = before.end_besides(m.theme).is_some_and(|e| e >= m.end)
                || here.end_besides(m.theme).is_some_and(|e| e > m.end);
        }
        for &i in &order[lo..hi] {
            before.add(all[i].end, all[i].theme);
        }
        lo = hi;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, match against match: the oracle.
    fn is_shadowed(m: &Match, all: &[Match]) -> bool {
        all.iter().any(|o| {
            o.theme != m.theme
                && o.start <= m.start
                && m.end <= o.end
                && o.end - o.start > m.end - m.start
        })
    }

    fn at(theme: usize, start: usize, end: usize) -> Match {
        Match {
            theme,
            rule: 0,
            start,
            end,
        }
    }

    #[test]
    fn a_longer_match_of_another_theme_shadows() {
        let all = [
            at(0, 3, 4), // "cost" (price) inside "switching cost"
            at(1, 2, 4), // "switching cost" (status quo)
            at(2, 2, 4), // the same span of a third theme: no shadow
            at(1, 3, 4), // the same theme's shorter match: shadowed by theme 2
            at(0, 6, 7),
            at(0, 5, 8), // the same theme as 6..7: does not shadow it
            at(3, 6, 8), // starts with 6..7, ends after: shadows it; inside 5..8
        ];
        assert_eq!(
            shadowed(&all),
            [true, false, false, true, true, false, true]
        );
        let oracle: Vec<bool> = all.iter().map(|m| is_shadowed(m, &all)).collect();
        assert_eq!(shadowed(&all), oracle);
        assert!(shadowed(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn the_sweep_agrees_with_every_pair(
            spans in prop::collection::vec((0usize..4, 0usize..30, 1usize..6), 0..60)
        ) {
            let all: Vec<Match> = spans
                .iter()
                .map(|&(theme, start, len)| at(theme, start, start + len))
                .collect();
            let oracle: Vec<bool> = all.iter().map(|m| is_shadowed(m, &all)).collect();
            prop_assert_eq!(shadowed(&all), oracle);
        }
    }
}
