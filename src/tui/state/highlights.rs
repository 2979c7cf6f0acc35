//! Highlighting state of the open article: its sentences and the sentence
//! cursor (`)` / `(`), the visual selection (`v`), the note being typed
//! (`a`), the article's highlights and the removals `U` can undo. Pure: the
//! app reads and writes the library around it.

use crate::article::{Article, Field};
use crate::library::Highlight;
use crate::nlp::segment;

use super::document::Section;

/// One sentence of a field, as char offsets (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Its field.
    pub field: Field,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// The visual selection: a range of one field between where `v` was pressed
/// (`anchor`) and where the motions moved its other end (`head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The field selected in.
    pub field: Field,
    /// The fixed end.
    pub anchor: usize,
    /// The moving end.
    pub head: usize,
}

impl Selection {
    /// The selected chars, start to end.
    #[must_use]
    pub fn range(&self) -> (usize, usize) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }
}

/// A one-line text input for a highlight's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteInput {
    /// The highlight the note is for (row id).
    pub highlight: i64,
    chars: Vec<char>,
    cursor: usize,
}

impl NoteInput {
    /// An input holding `text`, the cursor at its end.
    #[must_use]
    pub fn new(highlight: i64, text: &str) -> NoteInput {
        let chars: Vec<char> = text.chars().collect();
        let cursor = chars.len();
        NoteInput {
            highlight,
            chars,
            cursor,
        }
    }

    /// The text typed.
    #[must_use]
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The text before the cursor (to place the terminal cursor).
    #[must_use]
    pub fn before_cursor(&self) -> String {
        self.chars.iter().take(self.cursor).collect()
    }

    /// Types a char at the cursor.
    pub fn insert(&mut self, c: char) {
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    /// Deletes the char before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    /// Deletes the char under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    /// Moves the cursor one char left or right.
    pub fn step(&mut self, right: bool) {
        self.cursor = if right {
            (self.cursor + 1).min(self.chars.len())
        } else {
            self.cursor.saturating_sub(1)
        };
    }

    /// Moves the cursor to the start or the end.
    pub fn jump(&mut self, end: bool) {
        self.cursor = if end { self.chars.len() } else { 0 };
    }
}

/// The field a screen section shows, if it shows one.
#[must_use]
pub fn field_of(section: Section) -> Option<Field> {
    match section {
        Section::Title => Some(Field::Title),
        Section::Body => Some(Field::Body),
        Section::Caption(i) => Some(Field::Caption(i)),
        Section::Related(i) => Some(Field::Related(i)),
        Section::Meta | Section::CaptionsLabel | Section::RelatedLabel => None,
    }
}

/// The sentences of every shown field, in reading order (title, body,
/// captions, related), split as the analyser splits them.
#[must_use]
pub fn sentences(article: &Article) -> Vec<Sentence> {
    let mut fields: Vec<(Field, &str)> = Vec::new();
    if let Some(title) = &article.title {
        fields.push((Field::Title, title));
    }
    fields.push((Field::Body, &article.body));
    fields.extend(
        (article.captions.iter().enumerate()).map(|(i, c)| (Field::Caption(i), c.as_str())),
    );
    fields
        .extend((article.related.iter().enumerate()).map(|(i, c)| (Field::Related(i), c.as_str())));
    let mut out = Vec::new();
    for (field, text) in fields {
        let tokens = segment::tokenize(text);
        for range in segment::sentences(text, &tokens) {
            let (Some(first), Some(last)) = (
                tokens.get(range.start),
                tokens.get(range.end.saturating_sub(1)),
            ) else {
                continue;
            };
            out.push(Sentence {
                field,
                start: first.start,
                end: last.end,
            });
        }
    }
    out
}

/// Highlighting state of one open article (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct HighlightState {
    /// The article's id.
    pub article_id: String,
    sentences: Vec<Sentence>,
    cursor: usize,
    /// True after `)` / `(` until the text scrolls: the cursor sentence is
    /// marked in the text, not only in the gutter.
    pub cursor_active: bool,
    /// The visual selection, while `v` is on.
    pub selection: Option<Selection>,
    /// The note being typed.
    pub note: Option<NoteInput>,
    highlights: Vec<Highlight>,
    undo: Vec<Highlight>,
}

impl HighlightState {
    /// The state of a freshly opened article, with no highlights loaded.
    #[must_use]
    pub fn new(article: &Article) -> HighlightState {
        HighlightState {
            article_id: article.id.clone(),
            sentences: sentences(article),
            ..HighlightState::default()
        }
    }

    /// The article's sentences.
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The sentence under the cursor.
    #[must_use]
    pub fn cursor(&self) -> Option<Sentence> {
        self.sentences.get(self.cursor).copied()
    }

    /// Index of the cursor sentence.
    #[must_use]
    pub fn cursor_index(&self) -> usize {
        self.cursor
    }

    /// Puts the cursor on sentence `index` (clamped).
    pub fn set_cursor(&mut self, index: usize) {
        self.cursor = index.min(self.sentences.len().saturating_sub(1));
    }

    /// Moves the cursor one sentence; false at either end.
    pub fn step_cursor(&mut self, forward: bool) -> bool {
        let next = if forward {
            self.cursor + 1
        } else {
            self.cursor.wrapping_sub(1)
        };
        if next < self.sentences.len() {
            self.cursor = next;
            true
        } else {
            false
        }
    }

    /// The first sentence starting at or after a place, else the one holding it.
    #[must_use]
    pub fn sentence_from(&self, section: Section, offset: usize) -> Option<usize> {
        let key = |s: &Sentence| (Section::of_field(s.field), s.start);
        let after = self
            .sentences
            .partition_point(|s| key(s) < (section, offset));
        if self.sentences.get(after).is_some() {
            return Some(after);
        }
        after.checked_sub(1)
    }

    /// The article's highlights, in reading order, orphans last.
    #[must_use]
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    /// Replaces the highlights (after a load or a write).
    pub fn set_highlights(&mut self, highlights: Vec<Highlight>) {
        self.highlights = highlights;
    }

    /// The placed highlight overlapping chars `start..end` of a field (the
    /// first one), by index.
    #[must_use]
    pub fn overlapping(&self, field: Field, start: usize, end: usize) -> Option<usize> {
        self.highlights.iter().position(|h| {
            !h.orphaned && h.field == field && h.start < end.max(start + 1) && start < h.end
        })
    }

    /// Index of a highlight by row id.
    #[must_use]
    pub fn index_of(&self, id: i64) -> Option<usize> {
        self.highlights.iter().position(|h| h.id == id)
    }

    /// Remembers a removed highlight for `U`.
    pub fn push_removed(&mut self, h: Highlight) {
        self.undo.push(h);
    }

    /// The last removed highlight, taken off the undo stack.
    pub fn pop_removed(&mut self) -> Option<Highlight> {
        self.undo.pop()
    }

    /// Puts a highlight back on the undo stack (its restore failed).
    pub fn unpop_removed(&mut self, h: Highlight) {
        self.undo.push(h);
    }

    /// Sentence boundaries (starts and ends) of a field, sorted.
    #[must_use]
    pub fn boundaries(&self, field: Field) -> Vec<usize> {
        let mut b: Vec<usize> = (self.sentences.iter())
            .filter(|s| s.field == field)
            .flat_map(|s| [s.start, s.end])
            .collect();
        b.sort_unstable();
        b.dedup();
        b
    }
}

/// Char range `start..end` of `text` with surrounding whitespace cut off.
#[must_use]
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let (mut s, mut e) = (start.min(end), end);
    while s < e && chars.get(s).is_some_and(|c| c.is_whitespace()) {
        s += 1;
    }
    while e > s && chars.get(e - 1).is_some_and(|c| c.is_whitespace()) {
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        crate::article::load_bytes(
            "a.txt",
            "Talks resume\n\nDr. Anna Berg met Tom. They agreed.\n\nA second paragraph.".as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn sentences_follow_the_analyser() {
        let a = article();
        let s = sentences(&a);
        let texts: Vec<String> = s
            .iter()
            .map(|s| {
                let text = a.field_text(s.field).unwrap();
                text.chars().skip(s.start).take(s.end - s.start).collect()
            })
            .collect();
        assert_eq!(
            texts,
            [
                "Talks resume",
                "Dr. Anna Berg met Tom.",
                "They agreed.",
                "A second paragraph."
            ]
        );
    }

    #[test]
    fn cursor_steps_and_finds_a_place() {
        let mut h = HighlightState::new(&article());
        assert_eq!(h.cursor().map(|s| s.field), Some(Field::Title));
        assert!(!h.step_cursor(false));
        assert!(h.step_cursor(true));
        assert_eq!(h.cursor().map(|s| (s.start, s.end)), Some((0, 22)));
        assert_eq!(h.sentence_from(Section::Body, 1), Some(2));
        assert_eq!(h.sentence_from(Section::Body, 999), Some(3));
        assert_eq!(h.boundaries(Field::Body), [0, 22, 23, 35, 37, 56]);
    }

    #[test]
    fn note_input_edits() {
        let mut n = NoteInput::new(1, "ab");
        n.insert('c');
        n.step(false);
        n.step(false);
        n.insert('é');
        assert_eq!(n.text(), "aébc");
        assert_eq!(n.before_cursor(), "aé");
        n.delete();
        n.backspace();
        assert_eq!(n.text(), "ac");
        n.jump(false);
        n.backspace();
        n.insert('>');
        n.jump(true);
        n.delete();
        assert_eq!(n.text(), ">ac");
    }

    #[test]
    fn ranges_trim_whitespace() {
        assert_eq!(trim_range(" ab  c ", 0, 7), (1, 6));
        assert_eq!(trim_range("   ", 0, 3), (3, 3));
        assert_eq!(trim_range("abc", 2, 99), (2, 3));
    }
}
