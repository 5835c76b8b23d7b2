//! Rules and model together. The rules stay: they explain themselves and a
//! user's codebook edits work through them. The learned coder reads the
//! rule hits as part of its input, so its probability for a theme already
//! weighs the rule's evidence; a rule hit is kept unless that probability
//! falls below the head's `keep` threshold (the model is confident the
//! rule is wrong: a veto), and a theme no rule found is added when its
//! probability reaches `add`; an item keeps at most `max_themes` of them,
//! the most probable first. The thresholds were chosen on
//! cross-validation folds of the training corpus (`training/train.py`).

use super::Head;
use crate::normalize::ThemeHit;

/// What the combination decided, for the item and for `--explain`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Combined {
    /// The themes given, sorted by id; `other` alone when none.
    pub hits: Vec<ThemeHit>,
    /// Rule hits the model overruled, with its probability in thousandths.
    pub vetoed: Vec<ThemeHit>,
}

fn permille(p: f32) -> u16 {
    (p.clamp(0.0, 1.0) * 1000.0).round() as u16
}

/// Combines the rule hits with the head's probabilities (in label order).
/// Rule hits for themes the head does not know (added in the config) are
/// kept as the rules found them.
pub fn combine(head: &Head, rules: &[ThemeHit], probs: &[f32]) -> Combined {
    let d = &head.decision;
    let mut out = Combined::default();
    for (label, &p) in head.labels.iter().zip(probs) {
        let conf = Some(permille(p));
        match rules.iter().find(|h| &h.id == label) {
            Some(h) if p >= d.keep => out.hits.push(ThemeHit {
                confidence: conf,
                ..h.clone()
            }),
            Some(h) => out.vetoed.push(ThemeHit {
                confidence: conf,
                ..h.clone()
            }),
            None if p >= d.add => out.hits.push(ThemeHit {
                id: label.clone(),
                rule: "model".into(),
                confidence: conf,
            }),
            None => {}
        }
    }
    // The most probable first; beyond the cap a rule hit is vetoed, a
    // model theme dropped.
    out.hits
        .sort_by(|a, b| b.confidence.cmp(&a.confidence).then(a.id.cmp(&b.id)));
    for h in out.hits.split_off(d.max_themes.min(out.hits.len())) {
        if h.rule != "model" {
            out.vetoed.push(h);
        }
    }
    out.vetoed.sort();
    out.hits.extend(
        rules
            .iter()
            .filter(|h| h.id != "other" && !head.labels.contains(&h.id))
            .cloned(),
    );
    if out.hits.is_empty() {
        let best = probs
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((j, &p)) if p >= d.fallback => out.hits.push(ThemeHit {
                id: head.labels[j].clone(),
                rule: match rules.iter().find(|h| h.id == head.labels[j]) {
                    Some(h) => h.rule.clone(),
                    None => "model".into(),
                },
                confidence: Some(permille(p)),
            }),
            _ => out.hits.push(ThemeHit::by_rule("other", "none")),
        }
        out.vetoed
            .retain(|v| !out.hits.iter().any(|h| h.id == v.id));
    }
    out.hits.sort();
    out
}

/// The rule hits as they are, each with the coder's probability where it
/// has one (for picking quotes): no veto, no addition.
pub fn rules_only(head: &Head, rules: &[ThemeHit], probs: &[f32]) -> Combined {
    let mut hits: Vec<ThemeHit> = rules
        .iter()
        .map(|h| ThemeHit {
            confidence: head
                .labels
                .iter()
                .position(|l| l == &h.id)
                .map(|j| permille(probs[j])),
            ..h.clone()
        })
        .collect();
    hits.sort();
    Combined {
        hits,
        vetoed: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::model::{Decision, Head, Linear};

    fn head(labels: &[&str], max_themes: usize) -> Head {
        Head {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            questions: vec![],
            decision: Decision {
                keep: 0.2,
                add: 0.5,
                fallback: 0.1,
                max_themes,
            },
            linear: Linear {
                w: vec![],
                b: vec![],
                inputs: 1,
            },
        }
    }

    fn ids(c: &[ThemeHit]) -> Vec<&str> {
        c.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn rules_are_kept_vetoed_and_joined_by_the_model() {
        let h = head(&["a", "b", "c"], 9);
        let rules = [
            ThemeHit::by_rule("a", "term:x"),
            ThemeHit::by_rule("b", "term:y"),
        ];
        let c = combine(&h, &rules, &[0.9, 0.1, 0.6]);
        assert_eq!(ids(&c.hits), ["a", "c"]);
        assert_eq!(c.hits[1].rule, "model");
        assert_eq!(c.hits[0].confidence, Some(900));
        assert_eq!(ids(&c.vetoed), ["b"]);
    }

    #[test]
    fn nothing_left_falls_back_to_the_best_or_other() {
        let h = head(&["a", "b"], 9);
        let c = combine(&h, &[], &[0.15, 0.3]);
        assert_eq!(ids(&c.hits), ["b"]);
        let c = combine(&h, &[], &[0.05, 0.02]);
        assert_eq!(ids(&c.hits), ["other"]);
        // A vetoed rule that the fallback gives back is no veto.
        let c = combine(&h, &[ThemeHit::by_rule("b", "term:y")], &[0.05, 0.15]);
        assert_eq!(ids(&c.hits), ["b"]);
        assert_eq!(c.hits[0].rule, "term:y");
        assert!(c.vetoed.is_empty());
    }

    #[test]
    fn the_cap_keeps_the_most_probable_and_vetoes_the_rest() {
        let h = head(&["a", "b", "c"], 2);
        let rules = [ThemeHit::by_rule("a", "term:x")];
        let c = combine(&h, &rules, &[0.3, 0.8, 0.7]);
        assert_eq!(ids(&c.hits), ["b", "c"]);
        assert_eq!(ids(&c.vetoed), ["a"]);
    }

    #[test]
    fn a_theme_the_model_does_not_know_passes_as_the_rules_found_it() {
        let h = head(&["a"], 1);
        let rules = [ThemeHit::by_rule("mine", "term:z")];
        let c = combine(&h, &rules, &[0.9]);
        assert_eq!(ids(&c.hits), ["a", "mine"]);
    }
}
