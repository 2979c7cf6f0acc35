//! Assembling a body from blocks: paragraphs joined by a blank line, with char ranges.

use super::{Block, BlockKind};

/// Joins blocks with `\n\n`, returning the body and each block's char range.
/// Blocks are trimmed; empty ones are skipped.
#[must_use]
pub(crate) fn assemble(blocks: &[(String, BlockKind)]) -> (String, Vec<Block>) {
    let mut body = String::new();
    let mut ranges = Vec::new();
    let mut chars = 0;
    for (text, kind) in blocks {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
            chars += 2;
        }
        let len = text.chars().count();
        body.push_str(text);
        ranges.push(Block {
            start: chars,
            end: chars + len,
            kind: *kind,
        });
        chars += len;
    }
    (body, ranges)
}
