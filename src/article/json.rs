//! JSON articles and JSON Lines (MINIMAL: to be completed).

use super::{LoadError, Loaded};

/// Parses one JSON article object or an array of them.
pub(crate) fn parse_json(origin: &str, _bytes: &[u8]) -> Result<Loaded, LoadError> {
    Err(LoadError::NotAnArticle {
        path: origin.to_owned(),
        message: "JSON loading not implemented yet".to_owned(),
    })
}

/// Parses JSON Lines, one article per line.
pub(crate) fn parse_json_lines(origin: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    parse_json(origin, bytes)
}
