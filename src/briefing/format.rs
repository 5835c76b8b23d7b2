//! How figures read in the briefing: whole percentages, days with months,
//! points of change and p-values, one way everywhere.

/// A 0..1 share as a whole percentage.
pub fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Days, with months for readers who think in months.
pub fn days(d: f64) -> String {
    if d >= 45.0 {
        format!("{d:.0} days (about {:.1} months)", d / (365.25 / 12.0))
    } else {
        format!("{d:.0} days")
    }
}

/// "+12 pts", "-3 pts", "0 pts" (never "-0").
pub fn points(change: f64) -> String {
    let r = change.round();
    if r == 0.0 {
        "0 pts".into()
    } else {
        format!("{r:+.0} pts")
    }
}

/// "p = 0.032", "p < 0.001".
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".into()
    } else if p < 0.01 {
        format!("p = {p:.3}")
    } else {
        format!("p = {p:.2}")
    }
}

/// "up 47 points", "down 3 points", "unchanged".
pub fn moved(change: f64) -> String {
    let r = change.round();
    match r {
        r if r > 0.0 => format!("up {r:.0} points"),
        r if r < 0.0 => format!("down {:.0} points", -r),
        _ => "unchanged".into(),
    }
}

/// First letter upper-cased.
pub fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_one_way() {
        assert_eq!(pct(0.7), "70%");
        assert_eq!(days(30.0), "30 days");
        assert_eq!(days(91.0), "91 days (about 3.0 months)");
        assert_eq!(points(-0.2), "0 pts");
        assert_eq!(points(46.7), "+47 pts");
        assert_eq!(p_text(0.0004), "p < 0.001");
        assert_eq!(p_text(0.0213), "p = 0.02");
        assert_eq!(moved(46.7), "up 47 points");
        assert_eq!(moved(-33.3), "down 33 points");
        assert_eq!(capitalized("security"), "Security");
    }
}
