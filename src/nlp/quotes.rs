//! Direct quotes and their speakers.

use super::{Doc, Entity, Mention, Quote};
use crate::article::Field;

/// Finds the direct quotes of one field (STUB: none yet).
#[must_use]
pub fn extract(
    _doc: &Doc,
    _field: Field,
    _mentions: &[Mention],
    _entities: &[Entity],
) -> Vec<Quote> {
    Vec::new()
}
