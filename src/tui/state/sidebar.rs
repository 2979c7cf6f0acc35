//! The sidebar: entities grouped by kind (most mentioned first), then quotes;
//! a selection that skips group labels, and a scroll offset that keeps it
//! in view.

use crate::nlp::{Analysis, EntityKind};

/// One sidebar row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A group label: a kind of entity, with how many there are.
    Group(EntityKind, usize),
    /// The "Quotes" label, with how many there are.
    QuotesLabel(usize),
    /// An entity, by index into `Analysis::entities`.
    Entity(usize),
    /// A quote, by index into `Analysis::quotes`.
    Quote(usize),
    /// The "Highlights" label, with how many there are.
    HighlightsLabel(usize),
    /// A highlight, by index into the open article's highlights.
    Highlight(usize),
    /// An empty separator row.
    Gap,
}

impl Item {
    fn selectable(self) -> bool {
        matches!(self, Item::Entity(_) | Item::Quote(_) | Item::Highlight(_))
    }
}

/// Rows, selection and scroll of the sidebar.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    items: Vec<Item>,
    selected: Option<usize>,
    offset: usize,
}

/// The sidebar label of an entity kind.
#[must_use]
pub fn group_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Organization => "Organizations",
    }
}

impl SidebarState {
    /// Builds the rows for an analysis; the first entity or quote is selected.
    #[must_use]
    pub fn new(analysis: &Analysis) -> SidebarState {
        let mut items = Vec::new();
        for kind in EntityKind::ALL {
            let mut ids: Vec<usize> = (0..analysis.entities.len())
                .filter(|&i| analysis.entities[i].kind == kind)
                .collect();
            if ids.is_empty() {
                continue;
            }
            // Most mentioned first; ties keep first-mention order.
            ids.sort_by_key(|&i| std::cmp::Reverse(analysis.entities[i].mentions.len()));
            if !items.is_empty() {
                items.push(Item::Gap);
            }
            items.push(Item::Group(kind, ids.len()));
            items.extend(ids.into_iter().map(Item::Entity));
        }
        if !analysis.quotes.is_empty() {
            if !items.is_empty() {
                items.push(Item::Gap);
            }
            items.push(Item::QuotesLabel(analysis.quotes.len()));
            items.extend((0..analysis.quotes.len()).map(Item::Quote));
        }
        let selected = items.iter().position(|i| i.selectable());
        SidebarState {
            items,
            selected,
            offset: 0,
        }
    }

    /// Replaces the "Highlights" rows (after the quotes) with `count` of
    /// them; the selection stays on the same row kind where it can.
    pub fn set_highlights(&mut self, count: usize, height: usize) {
        let selected = self.selected();
        let keep = self
            .items
            .iter()
            .position(|i| matches!(i, Item::HighlightsLabel(_)))
            .map_or(self.items.len(), |at| {
                if at > 0 && self.items.get(at - 1) == Some(&Item::Gap) {
                    at - 1
                } else {
                    at
                }
            });
        self.items.truncate(keep);
        if count > 0 {
            if !self.items.is_empty() {
                self.items.push(Item::Gap);
            }
            self.items.push(Item::HighlightsLabel(count));
            self.items.extend((0..count).map(Item::Highlight));
        }
        self.selected = match selected {
            Some(Item::Highlight(i)) => (self.items.iter())
                .position(|&x| x == Item::Highlight(i.min(count.saturating_sub(1))))
                .or_else(|| self.items.iter().position(|i| i.selectable())),
            Some(item) => self.items.iter().position(|&x| x == item),
            None => self.items.iter().position(|i| i.selectable()),
        };
        self.keep_visible(height);
    }

    /// All rows.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Index of the selected row.
    #[must_use]
    pub fn selected_row(&self) -> Option<usize> {
        self.selected
    }

    /// The selected entity or quote.
    #[must_use]
    pub fn selected(&self) -> Option<Item> {
        self.selected.and_then(|i| self.items.get(i).copied())
    }

    /// First row shown.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Moves the selection by `delta` selectable rows (clamped).
    pub fn select_by(&mut self, delta: isize, height: usize) {
        let rows: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].selectable())
            .collect();
        let Some(current) = self
            .selected
            .and_then(|s| rows.iter().position(|&r| r == s))
        else {
            return;
        };
        let last = rows.len().saturating_sub(1);
        let next = current.saturating_add_signed(delta).min(last);
        self.selected = rows.get(next).copied();
        self.keep_visible(height);
    }

    /// Selects the row at a screen row (for a mouse click); false if it is a label.
    pub fn select_row(&mut self, row: usize, height: usize) -> bool {
        let index = self.offset + row;
        match self.items.get(index) {
            Some(item) if item.selectable() => {
                self.selected = Some(index);
                self.keep_visible(height);
                true
            }
            _ => false,
        }
    }

    /// Selects the row of an entity (after `n` moves to it, say).
    pub fn select_item(&mut self, item: Item, height: usize) {
        if let Some(i) = self.items.iter().position(|&x| x == item) {
            self.selected = Some(i);
            self.keep_visible(height);
        }
    }

    /// Scrolls so the selection is on screen; shows the group label above the
    /// first item too.
    pub fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        let Some(sel) = self.selected else { return };
        let first = if sel <= 1 { 0 } else { sel };
        if first < self.offset {
            self.offset = first;
        } else if sel >= self.offset + height {
            self.offset = sel + 1 - height;
        }
        let max = self.items.len().saturating_sub(height);
        self.offset = self.offset.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{Entity, Quote};

    fn analysis() -> Analysis {
        let entity = |name: &str, kind, n: usize| Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            mentions: (0..n).collect(),
        };
        Analysis {
            entities: vec![
                entity("Kyiv", EntityKind::Place, 2),
                entity("Ann", EntityKind::Person, 1),
                entity("Bob", EntityKind::Person, 5),
            ],
            quotes: vec![Quote {
                field: crate::article::Field::Body,
                start: 0,
                end: 1,
                text: "x".into(),
                speaker: None,
                cue: None,
            }],
            ..Analysis::default()
        }
    }

    #[test]
    fn groups_sorted_by_count() {
        let s = SidebarState::new(&analysis());
        assert_eq!(
            s.items(),
            [
                Item::Group(EntityKind::Person, 2),
                Item::Entity(2),
                Item::Entity(1),
                Item::Gap,
                Item::Group(EntityKind::Place, 1),
                Item::Entity(0),
                Item::Gap,
                Item::QuotesLabel(1),
                Item::Quote(0),
            ]
        );
        assert_eq!(s.selected(), Some(Item::Entity(2)));
    }

    #[test]
    fn selection_skips_labels_and_stays_visible() {
        let mut s = SidebarState::new(&analysis());
        s.select_by(2, 3);
        assert_eq!(s.selected(), Some(Item::Entity(0)));
        assert!(s.offset() <= 5 && 5 < s.offset() + 3);
        s.select_by(10, 3);
        assert_eq!(s.selected(), Some(Item::Quote(0)));
        s.select_by(-10, 3);
        assert_eq!(s.selected(), Some(Item::Entity(2)));
        assert_eq!(s.offset(), 0);
        assert!(!s.select_row(0, 3));
        assert!(s.select_row(2, 3));
        assert_eq!(s.selected(), Some(Item::Entity(1)));
    }

    #[test]
    fn highlights_rows_follow_the_quotes_and_are_replaced() {
        let mut s = SidebarState::new(&analysis());
        s.set_highlights(2, 20);
        assert_eq!(
            s.items().get(9..),
            Some(
                &[
                    Item::Gap,
                    Item::HighlightsLabel(2),
                    Item::Highlight(0),
                    Item::Highlight(1)
                ][..]
            )
        );
        s.select_by(100, 20);
        assert_eq!(s.selected(), Some(Item::Highlight(1)));
        s.set_highlights(1, 20);
        assert_eq!(s.items().len(), 12);
        assert_eq!(s.selected(), Some(Item::Highlight(0)));
        s.set_highlights(0, 20);
        assert_eq!(s.items().len(), 9);
        assert_eq!(s.selected(), Some(Item::Entity(2)));
        let mut empty = SidebarState::new(&Analysis::default());
        empty.set_highlights(1, 5);
        assert_eq!(
            empty.items(),
            [Item::HighlightsLabel(1), Item::Highlight(0)]
        );
        assert_eq!(empty.selected(), Some(Item::Highlight(0)));
    }

    #[test]
    fn empty_analysis_has_no_selection() {
        let mut s = SidebarState::new(&Analysis::default());
        s.select_by(1, 5);
        assert_eq!(s.selected(), None);
    }
}
