//! Tests of the share comparisons and the multiple-testing adjustment.
//! Reference p-values were computed independently by exact integer
//! enumeration of the hypergeometric tables (Python `math.comb`).

use super::*;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1e-12)
}

#[test]
fn share_change_detects_a_real_jump() {
    let c = share_change(5, 30, 15, 30);
    assert!(close(c.old_share, 5.0 / 30.0) && close(c.new_share, 0.5));
    assert!(close(c.change_points, 100.0 / 3.0));
    assert!(close(c.p_value, 0.012_698_946_291_792_63));
    assert!(c.significant && !c.too_few);
}

#[test]
fn share_change_stable_share_is_not_significant() {
    let c = share_change(10, 30, 12, 32);
    assert!(!c.significant && !c.too_few);
    assert!(c.p_value > 0.5);
}

#[test]
fn share_change_too_few_answers_to_tell() {
    // Three mentions in all: no split between quarters could be significant.
    let c = share_change(2, 30, 1, 30);
    assert!(c.too_few && !c.significant);
    assert!(close(c.p_value, 1.0));
    // A quarter with 4 answers is too small even when the jump is huge.
    let c = share_change(4, 4, 0, 20);
    assert!(c.p_value < 0.05);
    assert!(c.too_few && !c.significant);
    // Nobody answered last quarter.
    let c = share_change(0, 0, 7, 20);
    assert_eq!(c.old_share, 0.0);
    assert!(c.too_few && !c.significant);
    // Nobody mentioned it in either quarter.
    assert!(share_change(0, 25, 0, 25).too_few);
}

#[test]
fn share_change_smallest_groups_that_can_tell() {
    // 5 vs 5 with complete separation: p = 2 / C(10, 5) = 0.0079.
    let c = share_change(5, 5, 0, 5);
    assert!(!c.too_few && c.significant);
    assert!(close(c.change_points, -100.0));
}

#[test]
fn lift_compares_segment_with_the_rest() {
    // Segment 9/10, team 15/40, so the rest is 6/30.
    let d = lift_test(9, 10, 15, 40);
    assert!(close(d.segment_share, 0.9) && close(d.rest_share, 0.2));
    assert!(close(d.overall_share, 0.375));
    assert!(close(d.lift.unwrap(), 2.4));
    assert!(close(d.p_value, 0.000_151_154_850_046_291_17));
    assert!(d.significant && !d.too_few);
}

#[test]
fn lift_edge_cases() {
    let d = lift_test(0, 10, 0, 40);
    assert_eq!(d.lift, None);
    assert!(d.too_few && !d.significant);
    // The segment is the whole team: there is no rest to compare with.
    let d = lift_test(5, 20, 5, 20);
    assert!(d.too_few && !d.significant);
    assert!(close(d.lift.unwrap(), 1.0));
    // Same share as the rest: lift 1, nothing to report.
    let d = lift_test(5, 10, 20, 40);
    assert!(close(d.lift.unwrap(), 1.0) && close(d.p_value, 1.0));
    assert!(!d.significant && !d.too_few);
}

#[test]
fn bh_matches_hand_computation() {
    let adj = bh_adjust(&[0.01, 0.04, 0.03, 0.005]);
    let want = [0.02, 0.04, 0.04, 0.02];
    assert!(adj.iter().zip(want).all(|(a, w)| close(*a, w)), "{adj:?}");
    // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") -> all 0.05
    assert!(
        bh_adjust(&[0.01, 0.02, 0.03, 0.04, 0.05])
            .iter()
            .all(|a| close(*a, 0.05))
    );
    assert!(bh_adjust(&[]).is_empty());
    let with_nan = bh_adjust(&[0.01, f64::NAN]);
    assert!(close(with_nan[0], 0.02) && with_nan[1].is_nan());
    assert_eq!(bh_adjust(&[0.9, 0.8]), vec![0.9, 0.9]);
}

proptest! {
    #[test]
    fn share_change_is_consistent(
        old_n in 0u64..80, new_n in 0u64..80, a in 0u64..80, b in 0u64..80,
    ) {
        let (old_k, new_k) = (a.min(old_n), b.min(new_n));
        let c = share_change(old_k, old_n, new_k, new_n);
        prop_assert!((0.0..=1.0).contains(&c.p_value));
        prop_assert!(!c.significant || (c.p_value < ALPHA && !c.too_few));
        prop_assert!((-100.0..=100.0).contains(&c.change_points));
        let back = share_change(new_k, new_n, old_k, old_n);
        prop_assert!((back.p_value - c.p_value).abs() < 1e-9);
        prop_assert_eq!(back.too_few, c.too_few);
    }

    #[test]
    fn lift_p_value_in_unit_interval(
        seg_n in 0u64..60, rest_n in 0u64..60, a in 0u64..60, b in 0u64..60,
    ) {
        let (seg_k, rest_k) = (a % (seg_n + 1), b % (rest_n + 1));
        let d = lift_test(seg_k, seg_n, seg_k + rest_k, seg_n + rest_n);
        prop_assert!((0.0..=1.0).contains(&d.p_value));
        prop_assert!(!d.significant || !d.too_few);
    }

    #[test]
    fn bh_is_bounded_and_order_preserving(p in prop::collection::vec(0.0f64..=1.0, 0..40)) {
        let adj = bh_adjust(&p);
        prop_assert_eq!(adj.len(), p.len());
        for i in 0..p.len() {
            prop_assert!(adj[i] >= p[i] && adj[i] <= 1.0);
            for j in 0..p.len() {
                if p[i] <= p[j] {
                    prop_assert!(adj[i] <= adj[j]);
                }
            }
        }
    }
}
