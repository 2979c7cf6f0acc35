//! The library's Entities view: every person, place and organization with
//! its article and mention counts, a typo-tolerant filter and a selection.
//! (The screen and its wiring into the app come next; this is the state.)

use crate::library::{EntitySummary, NameQuery, fold};

/// Rows, folded names, filter and selection of the Entities view.
#[derive(Debug, Clone, Default)]
pub struct EntitiesState {
    rows: Vec<EntitySummary>,
    folded: Vec<String>,
    filter: String,
    shown: Vec<usize>,
    pos: usize,
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
            shown,
            pos: 0,
        }
    }

    /// All rows.
    #[must_use]
    pub fn rows(&self) -> &[EntitySummary] {
        &self.rows
    }

    /// Indices of the rows that pass the filter, in order.
    #[must_use]
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The filter text.
    #[must_use]
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Filters names as typed: inside the folded name, or a word run of it
    /// starting within the typo limit; the selection stays when still shown.
    pub fn set_filter(&mut self, filter: &str) {
        let selected = self.shown.get(self.pos).copied();
        filter.clone_into(&mut self.filter);
        let query = NameQuery::new(filter);
        self.shown = (0..self.rows.len())
            .filter(|&i| match &query {
                None => filter.trim().is_empty(),
                Some(q) => self
                    .folded
                    .get(i)
                    .is_some_and(|k| k.contains(q.folded()) || q.find_in(k, true).is_some()),
            })
            .collect();
        self.pos = selected
            .and_then(|s| self.shown.iter().position(|&i| i == s))
            .unwrap_or(0);
    }

    /// Moves the selection by `delta` shown rows (clamped).
    pub fn select_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.pos = self.pos.saturating_add_signed(delta).min(last);
    }

    /// The selected row, if any is shown.
    #[must_use]
    pub fn selected(&self) -> Option<&EntitySummary> {
        self.rows.get(*self.shown.get(self.pos)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::EntityKind;

    fn row(kind: EntityKind, name: &str, articles: usize) -> EntitySummary {
        EntitySummary {
            kind,
            name: name.to_owned(),
            articles,
            mentions: articles * 3,
        }
    }

    #[test]
    fn filter_folds_tolerates_typos_and_keeps_the_selection() {
        let mut s = EntitiesState::new(vec![
            row(EntityKind::Person, "Andriy Kovalenko", 4),
            row(EntityKind::Place, "Kyiv", 3),
            row(EntityKind::Organization, "Zürich Insurance", 1),
        ]);
        s.select_by(1);
        assert_eq!(s.selected().map(|r| r.name.as_str()), Some("Kyiv"));
        s.set_filter("kovalneko");
        assert_eq!(s.shown(), [0]);
        s.set_filter("zurich");
        assert_eq!(s.shown(), [2]);
        s.set_filter("");
        assert_eq!(s.shown(), [0, 1, 2]);
        s.set_filter("?!");
        assert!(s.selected().is_none());
        s.select_by(5);
        assert!(s.selected().is_none());
    }
}
