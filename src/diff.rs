//! Diff: two snapshots -> what changed.
