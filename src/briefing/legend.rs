//! The legend: every marker, test, threshold and rule of the briefing,
//! explained once instead of in a footnote under every table.

use serde::Serialize;

/// One term of the legend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    /// The marker or term ("▲ / ▼").
    pub term: String,
    /// What it means, with the test and threshold.
    pub meaning: String,
}

pub fn legend(min_cell_size: usize, with_previous: bool) -> Vec<LegendEntry> {
    let e = |term: &str, meaning: String| LegendEntry {
        term: term.into(),
        meaning,
    };
    let mut out = vec![e(
        "Shares",
        "A share is of the reps who gave a usable answer to that question (the n shown with it); one rep counts once per theme however many items they wrote, and one answer can carry several themes, so shares add up to more than 100%.".into(),
    )];
    if with_previous {
        out.extend([
            e("▲ / ▼", "A change since the previous quarter that is unlikely to be chance: a two-sided Fisher's exact test of the two quarters' counts gives p < 0.05.".into()),
            e("≈", "A change within noise: the test does not tell it from chance (p ≥ 0.05), or there are too few answers to tell.".into()),
            e("pts", "Percentage points: 30% to 70% is +40 pts.".into()),
            e("new / gone", "Nobody named it in the previous quarter / nobody names it now.".into()),
            e("Good and bad news", "A rising objection or competitor strength, or a falling differentiator, is bad news (orange); the opposite is good news (blue). Markers say it in words too.".into()),
            e("Cycle length over time", "Compared by a two-sided Mann-Whitney rank test of every rep's typical days, p < 0.05.".into()),
        ]);
    }
    out.extend([
        e("Segments that stand out", "A segment value (e.g. Enterprise) is compared with the rest of the team by Fisher's exact test; the p-values of one question are adjusted together (Benjamini-Hochberg) and called out when the adjusted p < 0.10 and the share is at least 1.5 times (or at most 2/3 of) the overall share. The looser 0.10 guards less against chance than the 0.05 used over time, because a sales team is small: read these as leads to check.".into()),
        e("–", format!("A group too small to show: fewer than {min_cell_size} reps answered, or showing it would let a smaller group be worked out by subtraction. No quote is tagged with such a group.")),
        e("Other", "Items no codebook theme matched; recurring wording among them is shown as an emerging theme, named by the phrases its items share most; it counts every rep who uses the group's own words, also where a codebook theme matched their item by another word.".into()),
        e("Coding", "Answers are split into items and coded by the codebook rules (docs/codebooks.md); quotes are items coded with a single theme where possible, redacted of names, emails, phone numbers and links.".into()),
        e("Median and middle half", "Each rep's typical days is the middle of the range they gave; the median is the middle rep, the middle half runs from the first to the third quartile.".into()),
    ]);
    out
}
