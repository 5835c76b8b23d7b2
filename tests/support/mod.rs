//! Helpers shared by integration tests: workbooks written by hand and the
//! generated members of the bad-input corpus.

#![allow(dead_code)]

pub mod generate;
pub mod xlsx;
