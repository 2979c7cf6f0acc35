//! The article list: one entry per article (title, source, date and the
//! three most-mentioned people), a filter (`/`: title and entity names), a
//! selection and a scroll offset.

use crate::article::Article;
use crate::nlp::{Analysis, EntityKind};

use crate::library::{NameQuery, fold};

use super::search::{is_case_sensitive, names_match};

/// Screen rows each entry takes: title, details, gap.
pub const ROWS_PER_ENTRY: usize = 3;

/// Which shelf of the list an entry sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shelf {
    /// A file named on the command line.
    #[default]
    File,
    /// An article stored in the library.
    Library,
    /// A bundled sample (read-only).
    Sample,
}

/// What the list shows for one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The shelf it sits on (the list draws a heading between shelves).
    pub shelf: Shelf,
    /// The headline (or the origin when there is none).
    pub title: String,
    /// Source and date, whichever exist.
    pub details: String,
    /// Up to three most-mentioned people.
    pub people: Vec<String>,
    /// Every entity name and alias (what the filter matches besides the title).
    pub names: Vec<String>,
    /// Publication date (ISO, or as written), for sorting.
    pub date: Option<String>,
    /// Publication or site, for sorting.
    pub source: Option<String>,
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
            shelf: Shelf::File,
            title: article
                .title
                .clone()
                .unwrap_or_else(|| article.origin.clone()),
            details,
            people: people.iter().take(3).map(|e| e.name.clone()).collect(),
            names: (analysis.entities.iter())
                .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
                .cloned()
                .collect(),
            date: date.cloned(),
            source: article.source.clone(),
        }
    }

    /// Summarises a stored article from its library row alone (no analysis
    /// loaded): its top entities stand in for the people and names.
    #[must_use]
    pub fn stored(row: &crate::library::Entry) -> Entry {
        let details = [row.source.as_deref(), row.date.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        Entry {
            shelf: Shelf::Library,
            title: row.title.clone().unwrap_or_else(|| row.origin.clone()),
            details,
            people: row.top_entities.iter().take(3).cloned().collect(),
            names: row.top_entities.clone(),
            date: row.date.clone(),
            source: row.source.clone(),
        }
    }

    /// True when the filter (smart case) is in the title or names an entity.
    #[must_use]
    pub fn matches(&self, filter: &str) -> bool {
        let sensitive = is_case_sensitive(filter);
        let fold = |s: &str| {
            if sensitive {
                s.to_owned()
            } else {
                s.to_lowercase()
            }
        };
        fold(&self.title).contains(&fold(filter))
            || self.names.iter().any(|n| names_match(n, filter, sensitive))
    }
}

/// How the list orders entries within each shelf (the shelves keep their
/// order: files, library, then the Samples last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first; undated last.
    #[default]
    Date,
    /// By title, ignoring case and accents.
    Title,
    /// By source (none last), then newest first.
    Source,
}

impl SortKey {
    /// The next key in the cycle date, title, source.
    #[must_use]
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Title,
            SortKey::Title => SortKey::Source,
            SortKey::Source => SortKey::Date,
        }
    }

    /// How the header names it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Source => "source",
        }
    }
}

fn shelf_rank(shelf: Shelf) -> u8 {
    match shelf {
        Shelf::File => 0,
        Shelf::Library => 1,
        Shelf::Sample => 2,
    }
}

/// Entry indices in `sort` order: by shelf, then the key, then the given
/// order (stable).
fn sorted(entries: &[Entry], sort: SortKey) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let newest = |a: &Entry, b: &Entry| match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    // Folding is the costly part; the date order (the first screen's) needs none.
    let folded: Vec<(String, Option<String>)> = if sort == SortKey::Date {
        vec![(String::new(), None); entries.len()]
    } else {
        (entries.iter())
            .map(|e| (fold(&e.title), e.source.as_deref().map(fold)))
            .collect()
    };
    order.sort_by(|&i, &j| {
        let (Some(a), Some(b)) = (entries.get(i), entries.get(j)) else {
            return i.cmp(&j);
        };
        let (Some(fa), Some(fb)) = (folded.get(i), folded.get(j)) else {
            return i.cmp(&j);
        };
        let by_key = match sort {
            SortKey::Date => newest(a, b),
            SortKey::Title => fa.0.cmp(&fb.0),
            SortKey::Source => match (&fa.1, &fb.1) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| newest(a, b)),
        };
        (shelf_rank(a.shelf).cmp(&shelf_rank(b.shelf)))
            .then(by_key)
            .then(i.cmp(&j))
    });
    order
}

/// The folded title and entity names of an entry: computed once, so the
/// filter folds only the query per keystroke.
fn folded_keys(entry: &Entry) -> Vec<String> {
    std::iter::once(&entry.title)
        .chain(&entry.names)
        .map(|s| fold(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// True when the query is inside a folded key, or starts a run of its words
/// within the typo limit ("kovalneko" finds "Kovalenko", "zelen" finds
/// "Zelenskyy").
fn typo_match(query: &NameQuery, keys: &[String]) -> bool {
    keys.iter()
        .any(|k| k.contains(query.folded()) || query.find_in(k, true).is_some())
}

/// Entries, filter, sort, selection and scroll of the list.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    entries: Vec<Entry>,
    filter: String,
    sort: SortKey,
    order: Vec<usize>,
    folded: Vec<Vec<String>>,
    shown: Vec<usize>,
    pos: usize,
    offset: usize,
}

impl ListState {
    /// A list over entries in the default order (by date, newest first,
    /// within shelves, as the header says), the first of them selected.
    #[must_use]
    pub fn new(entries: Vec<Entry>) -> ListState {
        let order = sorted(&entries, SortKey::Date);
        let shown = order.clone();
        ListState {
            entries,
            filter: String::new(),
            sort: SortKey::Date,
            order,
            // Folded on the first filter: not on the way to the first frame.
            folded: Vec::new(),
            shown,
            pos: 0,
            offset: 0,
        }
    }

    /// Puts entry `index` on a shelf.
    pub fn set_shelf(&mut self, index: usize, shelf: Shelf) {
        if let Some(e) = self.entries.get_mut(index) {
            e.shelf = shelf;
        }
    }

    /// The sort key.
    #[must_use]
    pub fn sort(&self) -> SortKey {
        self.sort
    }

    /// Orders the entries by `sort` (within their shelves); the selection
    /// stays on its entry and is scrolled into a view of `height` rows.
    pub fn set_sort(&mut self, sort: SortKey, height: usize) {
        let selected = self.selected();
        self.sort = sort;
        self.order = sorted(&self.entries, sort);
        self.apply_filter();
        self.reselect(selected);
        self.select_pos(self.pos, height);
    }

    /// How many entries sit on a shelf.
    #[must_use]
    pub fn count(&self, shelf: Shelf) -> usize {
        self.entries.iter().filter(|e| e.shelf == shelf).count()
    }

    /// All entries, filtered or not.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Replaces one entry (its analysis arrived), keeping the filter and
    /// the entry's shelf.
    pub fn set_entry(&mut self, index: usize, mut entry: Entry) {
        if let Some(e) = self.entries.get_mut(index) {
            entry.shelf = e.shelf;
            if let Some(keys) = self.folded.get_mut(index) {
                *keys = folded_keys(&entry);
            }
            *e = entry;
            let selected = self.selected();
            self.apply_filter();
            self.reselect(selected);
        }
    }

    /// Sets the people and names of many entries at once (their top
    /// entities arrived), then refilters once.
    pub fn set_names(&mut self, names: impl IntoIterator<Item = (usize, Vec<String>)>) {
        for (index, top) in names {
            if let Some(e) = self.entries.get_mut(index) {
                e.people = top.iter().take(3).cloned().collect();
                e.names = top;
            }
        }
        self.folded.clear();
        let selected = self.selected();
        self.apply_filter();
        self.reselect(selected);
    }

    /// Indices of the entries that pass the filter, in order.
    #[must_use]
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The filter text.
    #[must_use]
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Sets the filter; the selection stays on its entry when still shown.
    pub fn set_filter(&mut self, filter: &str, height: usize) {
        let selected = self.selected();
        filter.clone_into(&mut self.filter);
        self.apply_filter();
        self.reselect(selected);
        self.select_pos(self.pos, height);
    }

    fn apply_filter(&mut self) {
        if !self.filter.is_empty() && self.folded.len() != self.entries.len() {
            self.folded = self.entries.iter().map(folded_keys).collect();
        }
        let query = NameQuery::new(&self.filter);
        self.shown = (self.order.iter().copied())
            .filter(|&i| {
                self.filter.is_empty()
                    || match &query {
                        Some(q) => self.folded.get(i).is_some_and(|keys| typo_match(q, keys)),
                        None => self.entries.get(i).is_some_and(|e| e.matches(&self.filter)),
                    }
            })
            .collect();
    }

    fn reselect(&mut self, entry: usize) {
        self.pos = self.shown.iter().position(|&i| i == entry).unwrap_or(0);
        self.offset = self.offset.min(self.pos);
    }

    /// Index (into all entries) of the selected entry (0 when none is shown).
    #[must_use]
    pub fn selected(&self) -> usize {
        self.shown.get(self.pos).copied().unwrap_or(0)
    }

    /// True when an entry is selected (the filter may hide them all).
    #[must_use]
    pub fn has_selection(&self) -> bool {
        self.pos < self.shown.len()
    }

    /// Position of the selection among the shown entries.
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// First shown entry on screen (a position among the shown entries).
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Selects an entry by its index (the last shown when past the end)
    /// and scrolls it into a view of `height` rows.
    pub fn select(&mut self, index: usize, height: usize) {
        let pos = match self.shown.iter().position(|&i| i == index) {
            Some(p) => p,
            None if index >= self.entries.len() => usize::MAX,
            None => self.pos,
        };
        self.select_pos(pos, height);
    }

    fn select_pos(&mut self, pos: usize, height: usize) {
        self.pos = pos.min(self.shown.len().saturating_sub(1));
        let rows = (height / ROWS_PER_ENTRY).max(1);
        if self.pos < self.offset {
            self.offset = self.pos;
        } else if self.pos >= self.offset + rows {
            self.offset = self.pos + 1 - rows;
        }
    }

    /// Moves the selection by `delta` shown entries (clamped).
    pub fn select_by(&mut self, delta: isize, height: usize) {
        self.select_pos(self.pos.saturating_add_signed(delta), height);
    }

    /// The entry (index into all entries) at a screen row of the list area.
    #[must_use]
    pub fn entry_at_row(&self, row: usize) -> Option<usize> {
        self.shown.get(self.offset + row / ROWS_PER_ENTRY).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, names: &[&str]) -> Entry {
        Entry {
            shelf: Shelf::File,
            title: title.to_owned(),
            details: String::new(),
            people: vec![],
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            date: None,
            source: None,
        }
    }

    fn dated(title: &str, date: Option<&str>, source: Option<&str>, shelf: Shelf) -> Entry {
        Entry {
            shelf,
            date: date.map(str::to_owned),
            source: source.map(str::to_owned),
            ..entry(title, &[])
        }
    }

    #[test]
    fn sorting_keeps_shelves_and_the_selection() {
        let mut l = ListState::new(vec![
            dated(
                "Zebra crossing",
                Some("2024-01-02"),
                Some("Tribune"),
                Shelf::Library,
            ),
            dated("apple harvest", None, None, Shelf::Library),
            dated(
                "Émigré returns",
                Some("2025-03-01"),
                Some("Argus"),
                Shelf::Library,
            ),
            dated(
                "Aardvark sample",
                Some("2026-01-01"),
                Some("Argus"),
                Shelf::Sample,
            ),
        ]);
        l.select(1, 30);
        l.set_sort(SortKey::Date, 30);
        assert_eq!(l.shown(), [2, 0, 1, 3], "newest first, undated last");
        l.set_sort(SortKey::Title, 30);
        assert_eq!(l.shown(), [1, 2, 0, 3], "folded titles; samples stay last");
        assert_eq!((l.selected(), l.position()), (1, 0));
        l.set_sort(l.sort().next(), 30);
        assert_eq!(l.sort(), SortKey::Source);
        assert_eq!(l.shown(), [2, 0, 1, 3], "no source last");
        l.set_filter("apple", 30);
        assert_eq!(l.shown(), [1]);
        l.set_filter("", 30);
        assert_eq!(l.shown(), [2, 0, 1, 3], "the filter keeps the order");
        assert_eq!(l.sort().next(), SortKey::Date);
    }

    #[test]
    fn a_new_list_is_in_date_order_already() {
        let l = ListState::new(vec![
            dated("Undated sample", None, None, Shelf::Sample),
            dated("Old", Some("2020-01-01"), None, Shelf::Library),
            dated("Undated", None, None, Shelf::Library),
            dated("New", Some("2026-01-01"), None, Shelf::Library),
        ]);
        assert_eq!(l.sort(), SortKey::Date);
        assert_eq!(l.shown(), [3, 1, 2, 0], "the header says by date");
        assert_eq!((l.selected(), l.position()), (3, 0), "the newest selected");
    }

    fn list(n: usize) -> ListState {
        ListState::new((0..n).map(|i| entry(&format!("t{i}"), &[])).collect())
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

    #[test]
    fn filter_by_title_and_entity_name_keeps_the_selection() {
        let mut l = ListState::new(vec![
            entry("Tram depot row", &["Bristol"]),
            entry("Battery merger", &["Anna Berg", "Berg"]),
            entry("Cup final in Bergen", &["Bergen"]),
        ]);
        l.select(2, 30);
        l.set_filter("berg", 30);
        assert_eq!(l.shown(), [1, 2]);
        assert_eq!(l.selected(), 2);
        l.set_filter("Anna", 30);
        assert_eq!(l.shown(), [1]);
        assert_eq!(l.selected(), 1);
        assert_eq!(l.entry_at_row(0), Some(1));
        l.set_filter("nothing", 30);
        assert!(!l.has_selection());
        l.set_filter("", 30);
        assert_eq!(l.shown(), [0, 1, 2]);
    }

    #[test]
    fn the_filter_tolerates_typos_case_and_accents() {
        let mut l = ListState::new(vec![
            entry("Talks in Kyiv", &["Andriy Kovalenko"]),
            entry("Café opens", &["Zoë Müller"]),
            entry("Tram depot row", &["Bristol"]),
        ]);
        l.set_filter("kovalneko", 30);
        assert_eq!(l.shown(), [0], "a swap is one edit");
        l.set_filter("KOVAL", 30);
        assert_eq!(l.shown(), [0], "type-ahead on a name start");
        l.set_filter("muller", 30);
        assert_eq!(l.shown(), [1], "accents fold");
        l.set_filter("cafe", 30);
        assert_eq!(l.shown(), [1]);
        l.set_filter("brsitol", 30);
        assert_eq!(l.shown(), [2]);
        l.set_filter("brastle", 30);
        assert!(l.shown().is_empty(), "two edits on seven letters");
    }
}
