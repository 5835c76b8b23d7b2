//! Quarters: which quarter a response belongs to (calendar or fiscal) and
//! which quarter a survey is about.
//!
//! Labels sort as text in time order: `2026-Q3` for calendar quarters,
//! `FY2027-Q1` for a fiscal year that starts in another month than January.
//! A fiscal year is named after the calendar year in which it ends.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A quarter of a calendar or fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter {
    pub year: i32,
    /// 1..=4
    pub q: u32,
    /// First month of the fiscal year (1 = calendar quarters).
    pub fy_start: u32,
}

impl Quarter {
    /// The quarter `date` falls in, for a year that starts in month `fy_start`.
    pub fn of(date: NaiveDate, fy_start: u32) -> Quarter {
        let m = date.month();
        let offset = (m + 12 - fy_start) % 12;
        let year = if fy_start == 1 || m < fy_start {
            date.year()
        } else {
            date.year() + 1
        };
        Quarter {
            year,
            q: offset / 3 + 1,
            fy_start,
        }
    }

    /// The quarter before this one.
    pub fn previous(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
                ..self
            }
        } else {
            Quarter {
                q: self.q - 1,
                ..self
            }
        }
    }

    /// Parses `2026-Q3`, `2026Q3`, `Q3 2026`, `FY2027-Q1` (case-insensitive).
    pub fn parse(label: &str, fy_start: u32) -> Option<Quarter> {
        let s: String = label
            .to_ascii_uppercase()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
            .collect();
        let s = s.strip_prefix("FY").unwrap_or(&s);
        let (year, q) = if let Some(rest) = s.strip_prefix('Q') {
            (rest.get(1..)?, rest.get(..1)?)
        } else {
            let (y, q) = s.split_once('Q')?;
            (y, q)
        };
        let year: i32 = year.parse().ok()?;
        let q: u32 = q.parse().ok()?;
        ((1..=4).contains(&q) && (1900..=2200).contains(&year)).then_some(Quarter {
            year,
            q,
            fy_start,
        })
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fy_start == 1 {
            write!(f, "{}-Q{}", self.year, self.q)
        } else {
            write!(f, "FY{}-Q{}", self.year, self.q)
        }
    }
}

/// The quarter most responses fall in and how many fall outside it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterCount {
    pub dominant: Option<Quarter>,
    /// Quarter -> number of responses, for the quarters other than the
    /// dominant one.
    pub outside: BTreeMap<Quarter, usize>,
    /// Responses with no readable timestamp.
    pub undated: usize,
}

/// Counts responses per quarter; ties go to the later quarter, since a
/// survey usually closes in the quarter it reports on.
pub fn dominant(dates: &[Option<NaiveDate>], fy_start: u32) -> QuarterCount {
    let mut counts: BTreeMap<Quarter, usize> = BTreeMap::new();
    let mut undated = 0;
    for d in dates {
        match d {
            Some(d) => *counts.entry(Quarter::of(*d, fy_start)).or_default() += 1,
            None => undated += 1,
        }
    }
    let dominant = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))
        .map(|(q, _)| *q);
    if let Some(d) = dominant {
        counts.remove(&d);
    }
    QuarterCount {
        dominant,
        outside: counts,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_quarters() {
        assert_eq!(Quarter::of(d(2026, 9, 30), 1).to_string(), "2026-Q3");
        assert_eq!(Quarter::of(d(2026, 10, 1), 1).to_string(), "2026-Q4");
        assert_eq!(Quarter::of(d(2026, 1, 1), 1).to_string(), "2026-Q1");
    }

    #[test]
    fn fiscal_quarters_are_named_after_the_year_they_end_in() {
        // A fiscal year starting in July: July 2026 is FY2027-Q1.
        assert_eq!(Quarter::of(d(2026, 7, 1), 7).to_string(), "FY2027-Q1");
        assert_eq!(Quarter::of(d(2026, 6, 30), 7).to_string(), "FY2026-Q4");
        assert_eq!(Quarter::of(d(2027, 1, 15), 7).to_string(), "FY2027-Q3");
        // February start.
        assert_eq!(Quarter::of(d(2026, 2, 1), 2).to_string(), "FY2027-Q1");
        assert_eq!(Quarter::of(d(2026, 1, 31), 2).to_string(), "FY2026-Q4");
    }

    #[test]
    fn labels_sort_in_time_order_and_parse_back() {
        let mut qs: Vec<Quarter> = (1..=12).map(|m| Quarter::of(d(2026, m, 1), 7)).collect();
        let labels: Vec<String> = qs.iter().map(|q| q.to_string()).collect();
        let mut sorted = labels.clone();
        sorted.sort();
        qs.sort();
        assert_eq!(qs.iter().map(|q| q.to_string()).collect::<Vec<_>>(), sorted);
        for l in &labels {
            assert_eq!(Quarter::parse(l, 7).unwrap().to_string(), *l);
        }
        assert_eq!(Quarter::parse("Q3 2026", 1).unwrap().to_string(), "2026-Q3");
        assert_eq!(Quarter::parse("2026q3", 1).unwrap().to_string(), "2026-Q3");
        assert!(Quarter::parse("2026-Q5", 1).is_none());
        assert_eq!(
            Quarter::parse("2026-Q1", 1).unwrap().previous().to_string(),
            "2025-Q4"
        );
    }

    #[test]
    fn dominant_quarter_and_stragglers() {
        let dates = vec![
            Some(d(2026, 9, 28)),
            Some(d(2026, 9, 29)),
            Some(d(2026, 10, 2)),
            None,
        ];
        let c = dominant(&dates, 1);
        assert_eq!(c.dominant.unwrap().to_string(), "2026-Q3");
        assert_eq!(c.outside.values().sum::<usize>(), 1);
        assert_eq!(c.undated, 1);
    }
}
