//! The article list: one entry per article (title, source, date and the
//! three most-mentioned people), a selection and a scroll offset.

use crate::article::Article;
use crate::nlp::{Analysis, EntityKind};

/// Screen rows each entry takes: title, details, gap.
pub const ROWS_PER_ENTRY: usize = 3;

/// What the list shows for one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The headline (or the origin when there is none).
    pub title: String,
    /// Source and date, whichever exist.
    pub details: String,
    /// Up to three most-mentioned people.
    pub people: Vec<String>,
}

impl Entry {
    /// Summarises an article and its analysis.
    #[must_use]
    pub fn new(article: &Article, analysis: &Analysis) -> Entry {
        let date = article.date.as_ref().or(article.date_raw.as_ref());
        let details = [article.source.as_ref(), date]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" · ");
        let mut people: Vec<_> = (analysis.entities.iter())
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        people.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        Entry {
            title: article
                .title
                .clone()
                .unwrap_or_else(|| article.origin.clone()),
            details,
            people: people.iter().take(3).map(|e| e.name.clone()).collect(),
        }
    }
}

/// Entries, selection and scroll of the list.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    entries: Vec<Entry>,
    selected: usize,
    offset: usize,
}

impl ListState {
    /// A list over entries, the first selected.
    #[must_use]
    pub fn new(entries: Vec<Entry>) -> ListState {
        ListState {
            entries,
            selected: 0,
            offset: 0,
        }
    }

    /// All entries.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Index of the selected entry (0 when the list is empty).
    #[must_use]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// First entry on screen.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Selects an entry (clamped) and scrolls it into a view of `height` rows.
    pub fn select(&mut self, index: usize, height: usize) {
        self.selected = index.min(self.entries.len().saturating_sub(1));
        let shown = (height / ROWS_PER_ENTRY).max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + shown {
            self.offset = self.selected + 1 - shown;
        }
    }

    /// Moves the selection by `delta` entries (clamped).
    pub fn select_by(&mut self, delta: isize, height: usize) {
        self.select(self.selected.saturating_add_signed(delta), height);
    }

    /// The entry at a screen row of the list area, if any.
    #[must_use]
    pub fn entry_at_row(&self, row: usize) -> Option<usize> {
        let index = self.offset + row / ROWS_PER_ENTRY;
        (index < self.entries.len()).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> ListState {
        ListState::new(
            (0..n)
                .map(|i| Entry {
                    title: format!("t{i}"),
                    details: String::new(),
                    people: vec![],
                })
                .collect(),
        )
    }

    #[test]
    fn selection_scrolls() {
        let mut l = list(10);
        l.select_by(5, 6);
        assert_eq!((l.selected(), l.offset()), (5, 4));
        l.select_by(100, 6);
        assert_eq!(l.selected(), 9);
        l.select_by(-100, 6);
        assert_eq!((l.selected(), l.offset()), (0, 0));
        assert_eq!(l.entry_at_row(4), Some(1));
        assert_eq!(list(0).entry_at_row(0), None);
    }
}
