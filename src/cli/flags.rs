//! Typed flag values turned into library values, for every command module (so that command
//! modules never call each other).

use chrono::Local;
use vault::when::When;
use vault::{Error, Result};

/// A time as typed (`--when`, `--since`, `--until`), relative to now in the local zone; a
/// refusal says why in the process language.
pub fn parse_when(text: &str) -> Result<When> {
    When::parse(text, &Local::now()).map_err(|e| Error::Invalid(e.to_string()))
}

/// A refusal the command line words itself (already in the process language): a usage
/// mistake or a missing confirmation, exit code 1 like every invalid input.
pub fn refused(text: String) -> Error {
    Error::Invalid(text)
}
