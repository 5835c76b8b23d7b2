//! Rules and model together. The rules stay: they explain themselves and a
//! user's codebook edits work through them. The learned coder reads the
//! rule hits as part of its input, so its probability for a theme already
//! weighs the rule's evidence; a rule hit is kept unless that probability
//! falls below the head's `keep` threshold (the model is confident the
//! rule is wrong: a veto), and a theme no rule found is added when its
//! probability reaches `add`. The thresholds were chosen on
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
        out.vetoed.retain(|v| !out.hits.iter().any(|h| h.id == v.id));
    }
    out.hits.sort();
    out
}
