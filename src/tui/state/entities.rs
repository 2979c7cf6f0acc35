//! The library's Entities view: every person, place and organization with
//! its article and mention counts, a typo-tolerant filter, a kind filter, a
//! selection and a scroll offset; and the list of one entity's articles.

use crate::library::{EntityArticle, EntitySummary, NameQuery, fold};
use crate::nlp::EntityKind;

/// A selection among `len` one-row items with the first row shown on screen:
/// the moving part both lists of the Entities view share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pos: usize,
    offset: usize,
}

impl Cursor {
    /// Selects position `pos` (clamped to `len`) and scrolls it into a view
    /// of `height` rows.
    fn set(&mut self, pos: usize, len: usize, height: usize) {
        self.pos = pos.min(len.saturating_sub(1));
        let rows = height.max(1);
        if self.pos < self.offset {
            self.offset = self.pos;
        } else if self.pos >= self.offset + rows {
            self.offset = self.pos + 1 - rows;
        }
        // A taller screen or a shorter list: no empty rows below the end.
        self.offset = self.offset.min(len.saturating_sub(rows));
    }

    fn by(&mut self, delta: isize, len: usize, height: usize) {
        self.set(self.pos.saturating_add_signed(delta), len, height);
    }

    /// Selects the item at screen row `row`, if there is one; whether it was
    /// selected already (a second click opens it).
    fn click(&mut self, row: usize, len: usize, height: usize) -> Option<bool> {
        let pos = self.offset + row;
        (pos < len).then(|| {
            let again = pos == self.pos;
            self.set(pos, len, height);
            again
        })
    }
}

/// A list moved through a [`Cursor`]: the selection moves both lists of the
/// Entities view share, written once.
pub trait CursorList {
    /// How many rows can be selected (those shown).
    fn selectable(&self) -> usize;

    /// The list's cursor.
    fn cursor(&self) -> Cursor;

    /// The list's cursor, to move it.
    fn cursor_mut(&mut self) -> &mut Cursor;

    /// Moves the selection by `delta` rows (clamped), keeping it in a view
    /// of `height` rows.
    fn select_by(&mut self, delta: isize, height: usize) {
        let len = self.selectable();
        self.cursor_mut().by(delta, len, height);
    }

    /// Keeps the selection in a view of `height` rows (after a resize).
    fn keep_visible(&mut self, height: usize) {
        let (len, pos) = (self.selectable(), self.cursor().pos);
        self.cursor_mut().set(pos, len, height);
    }

    /// Selects the row at screen row `row` of the body, if there is one.
    /// Returns whether it was selected already (a second click opens it).
    fn click(&mut self, row: usize, height: usize) -> Option<bool> {
        let len = self.selectable();
        self.cursor_mut().click(row, len, height)
    }

    /// Position of the selection among the shown rows.
    fn position(&self) -> usize {
        self.cursor().pos
    }

    /// First shown row on screen (a position among the shown rows).
    fn offset(&self) -> usize {
        self.cursor().offset
    }
}

/// Rows, folded names, filters and selection of the Entities view.
#[derive(Debug, Clone, Default)]
pub struct EntitiesState {
    rows: Vec<EntitySummary>,
    folded: Vec<String>,
    filter: String,
    kind: Option<EntityKind>,
    shown: Vec<usize>,
    cursor: Cursor,
}

impl EntitiesState {
    /// A view over the library's entity index (in its order: most articles
    /// first), the first row selected.
    #[must_use]
    pub fn new(rows: Vec<EntitySummary>) -> EntitiesState {
        let folded = rows.iter().map(|r| fold(&r.name)).collect();
        let shown = (0..rows.len()).collect();
        EntitiesState {
            rows,
            folded,
            filter: String::new(),
            kind: None,
            shown,
            cursor: Cursor::default(),
        }
    }

    /// All rows.
    #[must_use]
    pub fn rows(&self) -> &[EntitySummary] {
        &self.rows
    }

    /// Indices of the rows that pass the filters, in order.
    #[must_use]
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The filter text.
    #[must_use]
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The kind shown (`None`: all kinds).
    #[must_use]
    pub fn kind(&self) -> Option<EntityKind> {
        self.kind
    }

    /// Filters names as typed: inside the folded name, or a word run of it
    /// starting within the typo limit; the selection stays when still shown.
    pub fn set_filter(&mut self, filter: &str, height: usize) {
        filter.clone_into(&mut self.filter);
        self.refilter(height);
    }

    /// Shows one kind only, or all (`None`); the selection stays when still
    /// shown.
    pub fn set_kind(&mut self, kind: Option<EntityKind>, height: usize) {
        self.kind = kind;
        self.refilter(height);
    }

    /// The kind filter's next step: all, people, places, organizations.
    pub fn cycle_kind(&mut self, height: usize) {
        let next = match self.kind {
            None => Some(EntityKind::Person),
            Some(EntityKind::Person) => Some(EntityKind::Place),
            Some(EntityKind::Place) => Some(EntityKind::Organization),
            Some(EntityKind::Organization) => None,
        };
        self.set_kind(next, height);
    }

    fn refilter(&mut self, height: usize) {
        let selected = self.shown.get(self.cursor.pos).copied();
        let query = NameQuery::new(&self.filter);
        let blank = self.filter.trim().is_empty();
        let kind = self.kind;
        let folded = &self.folded;
        self.shown = (self.rows.iter().enumerate())
            .filter(|(_, r)| kind.is_none_or(|k| r.kind == k))
            .filter(|&(i, _)| match &query {
                None => blank,
                Some(q) => folded
                    .get(i)
                    .is_some_and(|k| k.contains(q.folded()) || q.find_in(k, true).is_some()),
            })
            .map(|(i, _)| i)
            .collect();
        let pos = selected
            .and_then(|s| self.shown.iter().position(|&i| i == s))
            .unwrap_or(0);
        self.cursor.offset = self.cursor.offset.min(pos);
        self.cursor.set(pos, self.shown.len(), height);
    }

    /// The selected row, if any is shown.
    #[must_use]
    pub fn selected(&self) -> Option<&EntitySummary> {
        self.rows.get(*self.shown.get(self.cursor.pos)?)
    }
}

impl CursorList for EntitiesState {
    fn selectable(&self) -> usize {
        self.shown.len()
    }

    fn cursor(&self) -> Cursor {
        self.cursor
    }

    fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursor
    }
}

/// The articles of one entity (most mentions first), with a selection.
#[derive(Debug, Clone)]
pub struct EntityArticlesState {
    /// The entity's kind.
    pub kind: EntityKind,
    /// The entity's canonical name.
    pub name: String,
    rows: Vec<EntityArticle>,
    cursor: Cursor,
}

impl EntityArticlesState {
    /// The article list of the entity `name` of `kind`, the first selected.
    #[must_use]
    pub fn new(kind: EntityKind, name: String, rows: Vec<EntityArticle>) -> EntityArticlesState {
        EntityArticlesState {
            kind,
            name,
            rows,
            cursor: Cursor::default(),
        }
    }

    /// The articles.
    #[must_use]
    pub fn rows(&self) -> &[EntityArticle] {
        &self.rows
    }

    /// The selected article, if there is any.
    #[must_use]
    pub fn selected(&self) -> Option<&EntityArticle> {
        self.rows.get(self.cursor.pos)
    }
}

impl CursorList for EntityArticlesState {
    fn selectable(&self) -> usize {
        self.rows.len()
    }

    fn cursor(&self) -> Cursor {
        self.cursor
    }

    fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: EntityKind, name: &str, articles: usize) -> EntitySummary {
        EntitySummary {
            kind,
            name: name.to_owned(),
            articles,
            mentions: articles * 3,
        }
    }

    fn three() -> EntitiesState {
        EntitiesState::new(vec![
            row(EntityKind::Person, "Andriy Kovalenko", 4),
            row(EntityKind::Place, "Kyiv", 3),
            row(EntityKind::Organization, "Zürich Insurance", 1),
        ])
    }

    #[test]
    fn filter_folds_tolerates_typos_and_keeps_the_selection() {
        let mut s = three();
        s.select_by(1, 10);
        assert_eq!(s.selected().map(|r| r.name.as_str()), Some("Kyiv"));
        s.set_filter("kovalneko", 10);
        assert_eq!(s.shown(), [0]);
        s.set_filter("zurich", 10);
        assert_eq!(s.shown(), [2]);
        s.set_filter("", 10);
        assert_eq!(s.shown(), [0, 1, 2]);
        s.set_filter("?!", 10);
        assert!(s.selected().is_none());
        s.select_by(5, 10);
        assert!(s.selected().is_none());
    }

    #[test]
    fn the_kind_filter_cycles_and_combines_with_the_name_filter() {
        let mut s = three();
        s.select_by(1, 10);
        s.cycle_kind(10);
        assert_eq!(s.kind(), Some(EntityKind::Person));
        assert_eq!(s.shown(), [0]);
        s.cycle_kind(10);
        assert_eq!(s.shown(), [1]);
        assert_eq!(s.selected().map(|r| r.name.as_str()), Some("Kyiv"));
        s.cycle_kind(10);
        assert_eq!(s.shown(), [2]);
        s.set_filter("kyiv", 10);
        assert!(s.shown().is_empty(), "Kyiv is no organization");
        s.cycle_kind(10);
        assert_eq!(s.kind(), None);
        assert_eq!(s.shown(), [1]);
    }

    #[test]
    fn the_selection_scrolls_and_clicks_select_rows() {
        let rows = (0..20)
            .map(|i| row(EntityKind::Place, &format!("Town {i}"), 20 - i))
            .collect();
        let mut s = EntitiesState::new(rows);
        s.select_by(7, 5);
        assert_eq!((s.position(), s.offset()), (7, 3));
        s.select_by(isize::MAX / 2, 5);
        assert_eq!((s.position(), s.offset()), (19, 15));
        s.select_by(isize::MIN / 2, 5);
        assert_eq!((s.position(), s.offset()), (0, 0));
        assert_eq!(s.click(2, 5), Some(false));
        assert_eq!(s.click(2, 5), Some(true));
        assert_eq!(s.position(), 2);
        s.set_filter("town 1", 5);
        assert_eq!(s.click(20, 5), None);
    }

    #[test]
    fn the_article_list_selects_within_its_rows() {
        let article = |id: &str, count| EntityArticle {
            id: id.to_owned(),
            title: None,
            date: None,
            source: None,
            count,
            first: None,
        };
        let mut a = EntityArticlesState::new(
            EntityKind::Person,
            "Anna Berg".to_owned(),
            vec![article("a", 3), article("b", 1)],
        );
        assert_eq!(a.selected().map(|r| r.id.as_str()), Some("a"));
        a.select_by(5, 10);
        assert_eq!(a.selected().map(|r| r.id.as_str()), Some("b"));
        assert_eq!(a.click(0, 10), Some(false));
        assert_eq!(a.position(), 0);
        let empty = EntityArticlesState::new(EntityKind::Place, "X".to_owned(), Vec::new());
        assert!(empty.selected().is_none());
    }
}
