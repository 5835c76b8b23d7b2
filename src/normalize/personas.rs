//! Titles -> (function, seniority) pairs.

use super::Persona;

/// The personas named in an item; empty when no title is there.
pub fn parse_personas(_text: &str) -> Vec<Persona> {
    vec![]
}
