//! Aggregate: coded answers -> per-question figures, overall and per segment.
