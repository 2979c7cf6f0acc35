//! The [`Doc`]: one text field with its tokens and sentences. Entities and
//! quotes are spans into it (STYLE.md do 7).

use std::ops::Range;

use super::segment;

/// One token: byte and char ranges into the doc's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range start (in-memory only; never emitted).
    pub byte_start: usize,
    /// Byte range end, exclusive.
    pub byte_end: usize,
    /// Char (Unicode scalar) offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// True when whitespace follows the token (so text is lossless).
    pub space_after: bool,
    /// True when a line break lies between this token and the next.
    pub newline_after: bool,
}

/// A text and its tokens and sentences; everything downstream borrows from it.
#[derive(Debug, Clone)]
pub struct Doc {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Range<usize>>,
}

impl Doc {
    /// Tokenises and sentence-splits `text`.
    #[must_use]
    pub fn new(text: &str) -> Doc {
        let tokens = segment::tokenize(text);
        let sentences = segment::sentences(text, &tokens);
        Doc {
            text: text.to_owned(),
            tokens,
            sentences,
        }
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All tokens in order.
    #[must_use]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Sentences as token index ranges, covering every token in order.
    #[must_use]
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The text of token `i`.
    #[must_use]
    pub fn token_text(&self, i: usize) -> &str {
        let t = self.tokens[i];
        self.text.get(t.byte_start..t.byte_end).unwrap_or("")
    }

    /// The text covered by tokens `range` (including inner whitespace).
    #[must_use]
    pub fn span_text(&self, range: Range<usize>) -> &str {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(first), Some(last)) if range.start < range.end => {
                self.text.get(first.byte_start..last.byte_end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Char range covered by tokens `range`.
    #[must_use]
    pub fn char_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.tokens.get(range.start).map_or(0, |t| t.start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|e| self.tokens.get(e))
            .map_or(start, |t| t.end);
        start..end
    }

    /// Byte range covered by tokens `range`.
    #[must_use]
    pub fn byte_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.tokens.get(range.start).map_or(0, |t| t.byte_start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|e| self.tokens.get(e))
            .map_or(start, |t| t.byte_end);
        start..end
    }

    /// Index of the sentence holding token `i`.
    #[must_use]
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }
}
