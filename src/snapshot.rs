//! Snapshot: the versioned, serializable result of a run.
