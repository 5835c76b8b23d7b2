//! frontline: turns a sales team's quarterly survey export into a briefing
//! for marketing.
//!
//! The pipeline runs one way, stage by stage, each in its own module:
//! [`ingest`] (bytes -> responses) -> [`normalize`] (split, code, parse) ->
//! [`aggregate`] (per question, per segment; with [`alignment`] when
//! marketing's mirror survey is given) -> [`snapshot`] (versioned JSON)
//! -> [`briefing`] (the report's model, with [`diff`]) -> [`render`]
//! (Markdown, HTML). Only the binary touches files
//! other than the exports it is asked to read, and the terminal.

pub mod aggregate;
pub mod alignment;
pub mod branding;
pub mod briefing;
pub mod config;
pub mod diff;
pub mod error;
pub mod ingest;
pub mod init;
pub mod normalize;
pub mod pipeline;
pub mod privacy;
pub mod progress;
pub mod quarter;
pub mod question_bank;
pub mod questions;
pub mod render;
pub mod sample;
pub mod snapshot;
pub mod stats;
