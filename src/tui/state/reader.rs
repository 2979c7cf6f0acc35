//! The reader's view state: wrapped lines (cached per width), the scroll
//! position (anchored on a char offset, so resizing keeps it), the current
//! target (an entity's mentions or a quote) and the jump stack.

use std::rc::Rc;

use crate::article::Article;
use crate::nlp::Analysis;

use super::document::{self, Anchor, Line, Section};

/// How many widths keep their wrapped lines.
const CACHE_WIDTHS: usize = 4;
/// How many jumps `''` can undo.
const JUMP_DEPTH: usize = 64;

/// What `n` / `N` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The mentions of an entity; `index` is the current one (0-based).
    Entity {
        /// Index into `Analysis::entities`.
        entity: usize,
        /// Position in the entity's mention list.
        index: usize,
    },
    /// One quote.
    Quote(usize),
    /// The hits of the kept search (the current one lives in the search).
    Search,
    /// A highlight, by index into the open article's highlights.
    Highlight(usize),
}

/// Scroll, wrap cache, target and jump stack of one open article.
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// Index of the article in the app's list.
    pub article: usize,
    /// Wrapped lines for the current width.
    lines: Rc<Vec<Line>>,
    width: usize,
    cache: Vec<(usize, Rc<Vec<Line>>)>,
    height: usize,
    top: usize,
    anchor: Anchor,
    /// The current target of `n` / `N`.
    pub target: Option<Target>,
    jumps: Vec<Anchor>,
}

impl ReaderState {
    /// A reader at `anchor`, with nothing laid out yet (see [`ReaderState::resize`]).
    #[must_use]
    pub fn new(article: usize, anchor: Anchor) -> ReaderState {
        ReaderState {
            article,
            lines: Rc::new(Vec::new()),
            width: 0,
            cache: Vec::new(),
            height: 1,
            top: 0,
            anchor,
            target: None,
            jumps: Vec::new(),
        }
    }

    /// Lays the article out for a text area; the reading position stays on
    /// the same text.
    pub fn resize(&mut self, article: &Article, analysis: &Analysis, width: usize, height: usize) {
        let width = width.max(1);
        self.height = height.max(1);
        if width != self.width || self.lines.is_empty() {
            self.lines = self.layout(article, analysis, width);
            self.width = width;
        }
        self.top = self.line_from(self.anchor).min(self.max_top());
    }

    /// Forgets the laid-out lines (the analysis changed); call
    /// [`ReaderState::resize`] next.
    pub fn invalidate(&mut self) {
        self.cache.clear();
        self.lines = Rc::new(Vec::new());
    }

    fn layout(&mut self, article: &Article, analysis: &Analysis, width: usize) -> Rc<Vec<Line>> {
        if let Some((_, lines)) = self.cache.iter().find(|(w, _)| *w == width) {
            return Rc::clone(lines);
        }
        let lines = Rc::new(document::build(article, analysis, width));
        if self.cache.len() >= CACHE_WIDTHS {
            self.cache.remove(0);
        }
        self.cache.push((width, Rc::clone(&lines)));
        lines
    }

    /// All wrapped lines.
    #[must_use]
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The lines on screen.
    #[must_use]
    pub fn visible(&self) -> &[Line] {
        let end = (self.top + self.height).min(self.lines.len());
        self.lines.get(self.top..end).unwrap_or(&[])
    }

    /// Index of the first line on screen.
    #[must_use]
    pub fn top(&self) -> usize {
        self.top
    }

    /// The reading position.
    #[must_use]
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// Lines in view.
    #[must_use]
    pub fn height(&self) -> usize {
        self.height
    }

    /// How far the bottom of the screen is through the text, 0 to 100.
    #[must_use]
    pub fn percent(&self) -> usize {
        let total = self.lines.len();
        if total <= self.height {
            return 100;
        }
        ((self.top + self.height) * 100 / total).min(100)
    }

    /// Depth of the jump stack.
    #[must_use]
    pub fn jump_depth(&self) -> usize {
        self.jumps.len()
    }

    fn max_top(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    /// First line at or after an anchor.
    fn line_from(&self, anchor: Anchor) -> usize {
        self.lines
            .partition_point(|l| l.anchor < anchor)
            .min(self.lines.len().saturating_sub(1))
    }

    /// The line holding a char position.
    #[must_use]
    pub fn line_of(&self, anchor: Anchor) -> usize {
        self.lines
            .partition_point(|l| l.anchor <= anchor)
            .saturating_sub(1)
    }

    /// Moves the top of the screen to a line (clamped) and remembers its anchor.
    pub fn scroll_to(&mut self, line: usize) {
        self.top = line.min(self.max_top());
        if let Some(l) = self.lines.get(self.top) {
            self.anchor = l.anchor;
        }
    }

    /// Scrolls by a signed number of lines.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll_to(self.top.saturating_add_signed(delta));
    }

    /// Half a screen, at least one line.
    #[must_use]
    pub fn half_page(&self) -> isize {
        isize::try_from((self.height / 2).max(1)).unwrap_or(1)
    }

    /// A screen less one line of context, at least one line.
    #[must_use]
    pub fn page(&self) -> isize {
        isize::try_from(self.height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Scrolls so a char position shows near the top, pushing the current
    /// position on the jump stack.
    pub fn jump_to(&mut self, section: Section, offset: usize) {
        if self.jumps.len() >= JUMP_DEPTH {
            self.jumps.remove(0);
        }
        self.jumps.push(self.anchor);
        self.show(section, offset);
    }

    /// Scrolls so a char position shows near the top, without recording a jump.
    pub fn show(&mut self, section: Section, offset: usize) {
        let line = self.line_of(Anchor { section, offset });
        let context = (self.height / 4).min(2);
        self.scroll_to(line.saturating_sub(context));
    }

    /// Returns to where the last jump started; false when there is none.
    pub fn jump_back(&mut self) -> bool {
        match self.jumps.pop() {
            Some(anchor) => {
                self.go_to(anchor);
                true
            }
            None => false,
        }
    }

    /// Puts the top of the screen back on a reading position, without
    /// recording a jump.
    pub fn go_to(&mut self, anchor: Anchor) {
        self.anchor = anchor;
        self.top = self.line_from(anchor).min(self.max_top());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        let body: String = (0..40)
            .map(|i| format!("Paragraph {i} has words.\n\n"))
            .collect();
        crate::article::load_bytes("a.txt", format!("Title\n\n{body}").as_bytes()).unwrap()
    }

    #[test]
    fn resize_keeps_the_anchor() {
        let a = article();
        let an = Analysis::default();
        let mut r = ReaderState::new(0, Anchor::START);
        r.resize(&a, &an, 40, 10);
        r.scroll_by(30);
        let before = r.anchor();
        r.resize(&a, &an, 8, 10);
        let first = &r.visible()[0];
        assert!(first.anchor <= before || r.top() == r.max_top());
        r.resize(&a, &an, 40, 10);
        assert_eq!(r.anchor(), before);
        assert_eq!(r.visible()[0].anchor, before);
    }

    #[test]
    fn jumps_stack_and_return() {
        let a = article();
        let an = Analysis::default();
        let mut r = ReaderState::new(0, Anchor::START);
        r.resize(&a, &an, 40, 10);
        r.jump_to(Section::Body, 200);
        let first = r.top();
        assert!(first > 0);
        r.jump_to(Section::Body, 500);
        assert!(r.top() > first);
        assert!(r.jump_back());
        assert_eq!(r.top(), first);
        assert!(r.jump_back());
        assert_eq!(r.top(), 0);
        assert!(!r.jump_back());
    }

    #[test]
    fn scrolling_is_clamped() {
        let a = article();
        let mut r = ReaderState::new(0, Anchor::START);
        r.resize(&a, &Analysis::default(), 40, 10);
        r.scroll_by(-5);
        assert_eq!(r.top(), 0);
        r.scroll_by(10_000);
        assert_eq!(r.top(), r.lines().len() - 10);
        assert_eq!(r.percent(), 100);
    }
}
