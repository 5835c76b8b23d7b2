//! Submission times in every form the platforms write them: ISO with `T`,
//! `Z` or an offset, `2026/09/22 11:07:29 AM GMT+1`, `7/31/2023 04:21:36
//! PM`, `1/18/2024 14:18` (Excel lost the seconds), `22.09.2026 14:05`.
//! Whether `03/04/2026` is March or April is decided per column, by looking
//! at all its values (a first part above 12 means day first).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Day-first or month-first, for slash dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    MonthFirst,
    DayFirst,
}

/// What a column's slash dates say about their order, value by value, so
/// that rows need not be kept to decide it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct OrderTally {
    day_first: bool,
    month_first: bool,
}

impl OrderTally {
    pub(crate) fn observe(&mut self, v: &str) {
        if let Some((a, b)) = slash_parts(v) {
            self.day_first |= a > 12 && b <= 12;
            self.month_first |= b > 12 && a <= 12;
        }
    }

    /// The order the values show; `hint` when all are ambiguous.
    pub(crate) fn order(self, hint: Order) -> Order {
        match (self.day_first, self.month_first) {
            (true, false) => Order::DayFirst,
            (false, true) => Order::MonthFirst,
            _ => hint,
        }
    }
}

/// Decides the order of a column's slash dates; `hint` when all are
/// ambiguous.
#[cfg(test)]
pub(crate) fn column_order<'a>(values: impl Iterator<Item = &'a str>, hint: Order) -> Order {
    let mut t = OrderTally::default();
    values.for_each(|v| t.observe(v));
    t.order(hint)
}

/// Longer than any way of writing a time: not parsed at all.
const MAX_TIME_CHARS: usize = 64;

/// How a warning may show a value that is not a time: the value itself
/// only when it is short and made of date-like words and digits (so a name
/// or an email that slipped into the column is never copied), else its
/// length.
pub(crate) fn shown(raw: &str) -> String {
    const WORDS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "am",
        "pm",
        "t",
        "z",
        "utc",
        "gmt",
        "cet",
        "cest",
        "est",
        "edt",
        "pst",
        "pdt",
    ];
    let datelike = raw.chars().count() <= 40
        && raw.chars().any(|c| c.is_ascii_digit())
        && raw
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| WORDS.contains(&w.to_lowercase().as_str()))
        && raw
            .chars()
            .all(|c| c.is_alphanumeric() || " /.:-,+".contains(c));
    if datelike {
        format!("\"{raw}\"")
    } else {
        format!("a value of {} characters", raw.chars().count())
    }
}

fn slash_parts(v: &str) -> Option<(u32, u32)> {
    let date = v.split_whitespace().next()?;
    let mut it = date.split('/');
    let a = it.next()?.parse().ok()?;
    let b = it.next()?.parse().ok()?;
    let y = it.next()?;
    (y.len() >= 2 && a < 100).then_some((a, b))
}

/// Parses one timestamp; `None` when it is not one.
pub(crate) fn parse(value: &str, order: Order) -> Option<NaiveDateTime> {
    let v = value.trim();
    if v.is_empty() || v.len() > MAX_TIME_CHARS {
        return None;
    }
    parse_numeric(v, order).or_else(|| parse_named_month(v))
}

fn parse_numeric(v: &str, order: Order) -> Option<NaiveDateTime> {
    let (date, rest) = match v.find([' ', 'T']) {
        Some(n) => (&v[..n], v[n + 1..].trim()),
        None => (v, ""),
    };
    let d = parse_date(date, order)?;
    let t = if rest.is_empty() {
        NaiveTime::MIN
    } else {
        parse_time(rest)?
    };
    Some(d.and_time(t))
}

/// `Sep 22, 2026`, `September 22, 2026 10:05 AM`, `22 Sep 2026 10:05`.
fn parse_named_month(v: &str) -> Option<NaiveDateTime> {
    const DATES: &[&str] = &[
        "%b %d, %Y",
        "%B %d, %Y",
        "%d %b %Y",
        "%d %B %Y",
        "%a, %d %b %Y",
    ];
    const TIMES: &[&str] = &["", " %H:%M:%S", " %H:%M", " %I:%M:%S %p", " %I:%M %p"];
    for d in DATES {
        for t in TIMES {
            let fmt = format!("{d}{t}");
            if t.is_empty() {
                if let Ok(date) = NaiveDate::parse_from_str(v, &fmt) {
                    return Some(date.and_time(NaiveTime::MIN));
                }
            } else if let Ok(dt) = NaiveDateTime::parse_from_str(v, &fmt) {
                return Some(dt);
            }
        }
    }
    None
}

fn parse_date(s: &str, order: Order) -> Option<NaiveDate> {
    let (sep, parts): (char, Vec<&str>) = if s.contains('-') {
        ('-', s.split('-').collect())
    } else if s.contains('/') {
        ('/', s.split('/').collect())
    } else if s.contains('.') {
        ('.', s.trim_end_matches('.').split('.').collect())
    } else {
        return None;
    };
    if parts.len() != 3 {
        return None;
    }
    let n: Vec<i32> = parts
        .iter()
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if sep == '.' || (sep == '/' && order == Order::DayFirst) || sep == '-' {
        (n[2], n[1], n[0])
    } else {
        (n[2], n[0], n[1])
    };
    let y = if y < 100 { 2000 + y } else { y };
    NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// `14:05`, `11:07:29 AM`, `08:51:07.481Z`, `10:00:00+08:00`,
/// `11:07:29 AM GMT+1`: the wall-clock time as written (zones dropped).
fn parse_time(s: &str) -> Option<NaiveTime> {
    let mut words = s.split_whitespace();
    let clock = words.next()?;
    let meridiem = words.next().map(|w| w.to_ascii_uppercase());
    let clock = clock
        .split(['Z', 'z', '+'])
        .next()
        .unwrap_or(clock)
        .split('.')
        .next()
        .unwrap_or(clock);
    // A `-hh:mm` offset after the seconds.
    let clock = match clock.match_indices('-').next() {
        Some((n, _)) if n > 0 => &clock[..n],
        _ => clock,
    };
    let parts: Vec<u32> = clock
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (mut h, m, sec) = match parts.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    match meridiem.as_deref() {
        Some("PM") if h < 12 => h += 12,
        Some("AM") if h == 12 => h = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m, sec.min(59))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse(s, Order::MonthFirst)
            .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default()
    }

    #[test]
    fn every_platform_format() {
        assert_eq!(p("2026/09/22 11:07:29 AM GMT+1"), "2026-09-22 11:07:29");
        assert_eq!(p("2022/06/22 11:07:29 PM AST"), "2022-06-22 23:07:29");
        assert_eq!(p("07/31/2023 04:21:36 PM"), "2023-07-31 16:21:36");
        assert_eq!(p("1/18/2024 14:18"), "2024-01-18 14:18:00");
        assert_eq!(p("22.09.2026 14:05"), "2026-09-22 14:05:00");
        assert_eq!(p("2019-09-18T08:51:07.481Z"), "2019-09-18 08:51:07");
        assert_eq!(p("2019-09-18T10:00:00+08:00"), "2019-09-18 10:00:00");
        assert_eq!(p("2019-09-18T10:00:00-05:00"), "2019-09-18 10:00:00");
        assert_eq!(p("2017-07-18 08:28:09"), "2017-07-18 08:28:09");
        assert_eq!(p("12/01/2024 12:30:00 AM"), "2024-12-01 00:30:00");
        assert_eq!(p("2024-08-11"), "2024-08-11 00:00:00");
        assert_eq!(p("Sep 22, 2026"), "2026-09-22 00:00:00");
        assert_eq!(p("September 22, 2026 10:05 AM"), "2026-09-22 10:05:00");
        assert_eq!(p("22 Sep 2026 14:05"), "2026-09-22 14:05:00");
        assert_eq!(p("yesterday"), "");
        assert_eq!(p("13/13/2024"), "");
    }

    #[test]
    fn order_is_decided_per_column() {
        let v = ["03/04/2026 10:00", "25/04/2026 10:00"];
        assert_eq!(
            column_order(v.into_iter(), Order::MonthFirst),
            Order::DayFirst
        );
        let v = ["03/04/2026 10:00", "04/25/2026 10:00"];
        assert_eq!(
            column_order(v.into_iter(), Order::DayFirst),
            Order::MonthFirst
        );
        let v = ["03/04/2026 10:00"];
        assert_eq!(
            column_order(v.into_iter(), Order::DayFirst),
            Order::DayFirst
        );
        let d = parse("03/04/2026", Order::DayFirst).unwrap();
        assert_eq!(d.format("%m").to_string(), "04");
    }

    #[test]
    fn warnings_show_dates_not_people() {
        assert_eq!(shown("13/13/2024 10:00 PM"), "\"13/13/2024 10:00 PM\"");
        assert_eq!(shown("Sept 31, 2026"), "\"Sept 31, 2026\"");
        assert_eq!(shown("ann.lee@example.com"), "a value of 19 characters");
        assert_eq!(shown("Ann Lee"), "a value of 7 characters");
        assert_eq!(shown("12 Main Street"), "a value of 14 characters");
        assert_eq!(shown(&"9".repeat(5000)), "a value of 5000 characters");
    }
}
