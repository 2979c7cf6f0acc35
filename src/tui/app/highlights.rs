//! Highlighting in the reader: the sentence cursor, the visual selection,
//! `m` (highlight), `a` (note), `x` (remove), `U` (undo a removal), and
//! keeping the sidebar's "Highlights" rows in step. Writes go straight to the
//! library through the store; a failure becomes a one-line notice.

use super::{App, Focus, Item, Target};
use crate::article::Field;
use crate::library::NewHighlight;
use crate::tui::action::Action;
use crate::tui::state::document::{Anchor, Section};
use crate::tui::state::highlights::{HighlightState, NoteInput, Selection, trim_range};

impl App {
    /// Loads the open article's highlights (re-anchored) and puts the
    /// cursor on the first sentence in view.
    pub(super) fn load_marks(&mut self) {
        let Some(index) = self.reader.as_ref().map(|r| r.article) else {
            return;
        };
        let Some(doc) = self.articles.get(index) else {
            return;
        };
        self.marks = HighlightState::new(&doc.article);
        let in_file = self.index_in_file(index);
        let Some(doc) = self.articles.get(index) else {
            return;
        };
        match self.store.load(&doc.article, in_file) {
            Ok(list) => self.marks.set_highlights(list),
            Err(err) => self.notice = Some(format!("highlights unavailable: {err}")),
        }
        let h = self.sidebar_height();
        self.sidebar
            .set_highlights(self.marks.highlights().len(), h);
        self.sync_cursor();
    }

    /// The place of article `index` among the articles of its file.
    fn index_in_file(&self, index: usize) -> usize {
        let Some(origin) = self.articles.get(index).map(|d| &d.article.origin) else {
            return 0;
        };
        (self.articles.iter().take(index))
            .filter(|d| d.article.origin == *origin)
            .count()
    }

    /// The visible part of the text: from the first line's anchor up to
    /// (not including) the anchor of the line below the screen.
    fn view_range(&self) -> Option<(Anchor, Option<Anchor>)> {
        let reader = self.reader.as_ref()?;
        let first = reader.visible().first()?.anchor;
        let below = reader
            .lines()
            .get(reader.top() + reader.height())
            .map(|l| l.anchor);
        Some((first, below))
    }

    /// Keeps the cursor sentence on screen after scrolling: when it left
    /// the view, it moves to the first sentence in view (and stops being
    /// marked in the text).
    pub(super) fn sync_cursor(&mut self) {
        let Some((first, below)) = self.view_range() else {
            return;
        };
        let in_view = |section: Section, offset: usize| {
            let at = Anchor { section, offset };
            at >= first && below.is_none_or(|b| at < b)
        };
        if let Some(s) = self.marks.cursor() {
            if in_view(Section::of_field(s.field), s.start) {
                return;
            }
        }
        self.marks.cursor_active = false;
        let Some(mut index) = self.marks.sentence_from(first.section, first.offset) else {
            return;
        };
        // A sentence longer than the screen: the one holding the top.
        if let Some(s) = self.marks.sentences().get(index) {
            if !in_view(Section::of_field(s.field), s.start) && index > 0 {
                index -= 1;
            }
        }
        self.marks.set_cursor(index);
    }

    /// Puts the cursor on the sentence holding a place (after a jump).
    pub(super) fn cursor_to(&mut self, section: Section, offset: usize) {
        let holding = (self.marks.sentences().iter())
            .rposition(|s| (Section::of_field(s.field), s.start) <= (section, offset));
        if let Some(i) = holding {
            self.marks.set_cursor(i);
        }
    }

    /// Scrolls as little as needed to show a char position.
    fn reveal(&mut self, section: Section, offset: usize) {
        let Some(reader) = &mut self.reader else {
            return;
        };
        let line = reader.line_of(Anchor { section, offset });
        if line < reader.top() {
            reader.scroll_to(line);
        } else if line >= reader.top() + reader.height() {
            reader.scroll_to(line + 1 - reader.height());
        }
    }

    /// Handles the highlighting actions and, while a selection is on, the
    /// motions that extend it. True when the action was taken.
    pub(super) fn update_highlights(&mut self, action: Action) -> bool {
        let selecting = self.marks.selection.is_some() && self.focus == Focus::Text;
        match action {
            Action::NextSentence | Action::PrevSentence if selecting => {
                self.extend_by_sentence(action == Action::NextSentence);
            }
            Action::NextSentence | Action::PrevSentence => {
                self.step_cursor(action == Action::NextSentence);
            }
            Action::ScrollDown
            | Action::ScrollUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom
                if selecting =>
            {
                self.extend_by_lines(action);
            }
            Action::Visual => self.toggle_visual(),
            Action::Highlight => self.highlight(),
            Action::Note => self.open_note(),
            Action::RemoveHighlight => self.remove_highlight(),
            Action::UndoRemove => self.undo_remove(),
            _ => return false,
        }
        true
    }

    fn step_cursor(&mut self, forward: bool) {
        self.sync_cursor();
        if self.marks.cursor_active && !self.marks.step_cursor(forward) {
            self.notice = Some(if forward {
                "last sentence".to_owned()
            } else {
                "first sentence".to_owned()
            });
        }
        self.marks.cursor_active = true;
        if let Some(s) = self.marks.cursor() {
            self.reveal(Section::of_field(s.field), s.start);
            self.reveal(Section::of_field(s.field), s.end.saturating_sub(1));
        }
    }

    fn toggle_visual(&mut self) {
        if self.marks.selection.take().is_some() {
            return;
        }
        if self.focus != Focus::Text {
            self.notice = Some("select in the text: Tab goes there".to_owned());
            return;
        }
        self.sync_cursor();
        if let Some(s) = self.marks.cursor() {
            self.marks.selection = Some(Selection {
                field: s.field,
                anchor: s.start,
                head: s.end,
            });
            self.marks.cursor_active = true;
        }
    }

    /// The chars in a field (its length), or 0.
    fn field_len(&self, field: Field) -> usize {
        self.current()
            .and_then(|d| d.article.field_text(field))
            .map_or(0, |t| t.chars().count())
    }

    fn extend_by_sentence(&mut self, forward: bool) {
        let Some(sel) = self.marks.selection else {
            return;
        };
        let text: Vec<char> = self
            .current()
            .and_then(|d| d.article.field_text(sel.field))
            .map(|t| t.chars().collect())
            .unwrap_or_default();
        let blank = |a: usize, b: usize| {
            text.get(a.min(b)..a.max(b))
                .is_none_or(|gap| gap.iter().all(|c| c.is_whitespace()))
        };
        let bounds = self.marks.boundaries(sel.field);
        let next = if forward {
            bounds
                .iter()
                .find(|&&b| b > sel.head && !blank(sel.head, b))
        } else {
            bounds
                .iter()
                .rev()
                .find(|&&b| b < sel.head && !blank(b, sel.head))
        };
        if let Some(&head) = next {
            self.set_head(head);
        }
    }

    fn extend_by_lines(&mut self, action: Action) {
        let Some(sel) = self.marks.selection else {
            return;
        };
        let Some(reader) = &self.reader else { return };
        let section = Section::of_field(sel.field);
        let lines = reader.lines();
        let here = reader.line_of(Anchor {
            section,
            offset: sel.head,
        });
        let (half, page) = (reader.half_page(), reader.page());
        let Some(delta) = action.rows_moved(half, page) else {
            return;
        };
        let column = lines
            .get(here)
            .map_or(0, |l| sel.head.saturating_sub(l.anchor.offset));
        let target = here
            .saturating_add_signed(delta)
            .min(lines.len().saturating_sub(1));
        let head = match lines.get(target) {
            Some(l) if l.anchor.section == section => {
                let len: usize = l.pieces.iter().map(|p| p.text.chars().count()).sum();
                l.anchor.offset + column.min(len)
            }
            _ if delta < 0 => 0,
            _ => self.field_len(sel.field),
        };
        self.set_head(head);
    }

    fn set_head(&mut self, head: usize) {
        let Some(sel) = &mut self.marks.selection else {
            return;
        };
        sel.head = head;
        let field = sel.field;
        self.reveal(Section::of_field(field), head.saturating_sub(1));
    }

    /// What `m`, `a` and `x` act on in the text: the selection (trimmed),
    /// else the cursor sentence.
    fn text_range(&mut self) -> Option<(Field, usize, usize)> {
        if let Some(sel) = self.marks.selection {
            let (start, end) = sel.range();
            let text = self.current()?.article.field_text(sel.field)?;
            let (start, end) = trim_range(text, start, end);
            return (start < end).then_some((sel.field, start, end));
        }
        self.sync_cursor();
        self.marks.cursor().map(|s| (s.field, s.start, s.end))
    }

    /// Stores a new highlight; returns its row id.
    fn add_highlight(&mut self, field: Field, start: usize, end: usize) -> Option<i64> {
        if let Some(existing) = (self.marks.highlights().iter())
            .find(|h| !h.orphaned && (h.field, h.start, h.end) == (field, start, end))
        {
            self.notice = Some("already highlighted (x removes it)".to_owned());
            return Some(existing.id);
        }
        let index = self.reader.as_ref()?.article;
        let in_file = self.index_in_file(index);
        let doc = self.articles.get(index)?;
        let text = doc.article.field_text(field)?;
        let new = NewHighlight::from_text(&doc.article.id, field, text, start, end);
        match self.store.add(&doc.article, in_file, &new) {
            Ok(h) => {
                self.refresh_marks();
                self.notice = Some("highlighted (a adds a note)".to_owned());
                Some(h.id)
            }
            Err(err) => {
                self.notice = Some(format!("cannot highlight: {err}"));
                None
            }
        }
    }

    fn highlight(&mut self) {
        if self.focus == Focus::Sidebar {
            match self.sidebar.selected() {
                Some(Item::Quote(q)) => {
                    let Some(quote) = self.current().and_then(|d| d.analysis.quotes.get(q)) else {
                        return;
                    };
                    let (field, start, end) = (quote.field, quote.start, quote.end);
                    self.add_highlight(field, start, end);
                }
                Some(Item::Highlight(_)) => {
                    self.notice = Some("already highlighted (x removes it)".to_owned());
                }
                _ => self.notice = Some("m highlights a quote here, or text (Tab)".to_owned()),
            }
            return;
        }
        let Some((field, start, end)) = self.text_range() else {
            self.notice = Some("nothing to highlight".to_owned());
            return;
        };
        self.marks.cursor_active = true;
        if self.add_highlight(field, start, end).is_some() {
            self.marks.selection = None;
        }
    }

    /// The highlight `a` or `x` act on: the one selected in the sidebar,
    /// else one under the cursor or selection, else the current target.
    fn highlight_at_cursor(&mut self) -> Option<usize> {
        if self.focus == Focus::Sidebar {
            return match self.sidebar.selected() {
                Some(Item::Highlight(i)) => Some(i),
                _ => None,
            };
        }
        let under = self
            .text_range()
            .and_then(|(field, start, end)| self.marks.overlapping(field, start, end));
        under.or_else(|| self.target_highlight())
    }

    fn open_note(&mut self) {
        let index = match self.highlight_at_cursor() {
            Some(i) => Some(i),
            None if self.focus == Focus::Text => {
                let Some((field, start, end)) = self.text_range() else {
                    return;
                };
                let id = self.add_highlight(field, start, end);
                self.marks.selection = None;
                id.and_then(|id| self.marks.index_of(id))
            }
            None => {
                self.notice = Some("a adds a note to a highlight".to_owned());
                return;
            }
        };
        if let Some(h) = index.and_then(|i| self.marks.highlights().get(i)) {
            self.marks.note = Some(NoteInput::new(h.id, h.note.as_deref().unwrap_or("")));
        }
    }

    pub(super) fn update_note(&mut self, action: Action) {
        let Some(note) = &mut self.marks.note else {
            return;
        };
        match action {
            Action::InputChar(c) => note.insert(c),
            Action::InputBackspace => note.backspace(),
            Action::InputDelete => note.delete(),
            Action::InputLeft => note.step(false),
            Action::InputRight => note.step(true),
            Action::InputHome => note.jump(false),
            Action::InputEnd => note.jump(true),
            Action::InputCancel => self.marks.note = None,
            Action::InputAccept => {
                let (id, text) = (note.highlight, note.text());
                self.marks.note = None;
                match self.store.set_note(id, &text) {
                    Ok(()) => {
                        self.refresh_marks();
                        self.notice = Some(if text.trim().is_empty() {
                            "note removed".to_owned()
                        } else {
                            "note saved".to_owned()
                        });
                    }
                    Err(err) => self.notice = Some(format!("cannot save the note: {err}")),
                }
            }
            _ => {}
        }
    }

    fn remove_highlight(&mut self) {
        let Some(h) = self
            .highlight_at_cursor()
            .and_then(|i| self.marks.highlights().get(i))
        else {
            self.notice = Some("no highlight here".to_owned());
            return;
        };
        let id = h.id;
        match self.store.remove(id) {
            Ok(Some(removed)) => {
                self.marks.push_removed(removed);
                self.refresh_marks();
                self.notice = Some("highlight removed (U undoes)".to_owned());
            }
            Ok(None) => self.refresh_marks(),
            Err(err) => self.notice = Some(format!("cannot remove: {err}")),
        }
    }

    fn undo_remove(&mut self) {
        let Some(h) = self.marks.pop_removed() else {
            self.notice = Some("no removal to undo".to_owned());
            return;
        };
        match self.store.restore(&h) {
            Ok(_) => {
                self.refresh_marks();
                self.notice = Some("highlight restored".to_owned());
            }
            Err(err) => {
                self.marks.unpop_removed(h);
                self.notice = Some(format!("cannot restore: {err}"));
            }
        }
    }

    /// Re-reads the highlights after a write; a target on a highlight that
    /// moved or went is dropped.
    fn refresh_marks(&mut self) {
        let id = self.marks.article_id.clone();
        match self.store.list(&id) {
            Ok(list) => self.marks.set_highlights(list),
            Err(err) => self.notice = Some(format!("highlights unavailable: {err}")),
        }
        let h = self.sidebar_height();
        self.sidebar
            .set_highlights(self.marks.highlights().len(), h);
        if let Some(reader) = &mut self.reader {
            if matches!(reader.target, Some(Target::Highlight(_))) {
                reader.target = None;
            }
        }
    }
}
