//! Render: pure functions from a snapshot to Markdown and HTML.

pub mod charts;
