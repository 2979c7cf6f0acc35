//! The reader's link to the library: the stored articles for the list,
//! loading one when it is opened, and reading positions by article id.
//!
//! The library is opened without creating anything; the folder appears on
//! the first position saved. When it cannot be opened (damaged, newer
//! schema, unreadable) the reader still works: the link reports one line and
//! stays disconnected, and positions are simply not kept.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use crate::article::Field;
use crate::library::{self, EntityArticle, EntitySummary, Library, Sort, Stored};
use crate::nlp::EntityKind;

use super::state::document::{Anchor, Section};

/// The library as the reader uses it (see the module docs).
#[derive(Debug, Default)]
pub struct Store {
    dir: Option<PathBuf>,
    library: Option<Library>,
    broken: bool,
}

impl Store {
    /// Opens the library in `dir` if one exists there (creating nothing).
    /// The second value is a one-line notice when it could not be opened.
    #[must_use]
    pub fn open(dir: Option<PathBuf>) -> (Store, Option<String>) {
        let Some(path) = dir.clone() else {
            let notice = "no library folder: set LEDE_LIBRARY or --library".to_owned();
            return (Store::none(), Some(notice));
        };
        match Library::open_existing(&path) {
            Ok(library) => (
                Store {
                    dir,
                    library,
                    broken: false,
                },
                None,
            ),
            Err(e) => {
                let store = Store {
                    dir,
                    library: None,
                    broken: true,
                };
                (store, Some(one_line(&format!("library unavailable: {e}"))))
            }
        }
    }

    /// A store with no library: nothing listed, positions not kept.
    #[must_use]
    pub fn none() -> Store {
        Store {
            dir: None,
            library: None,
            broken: true,
        }
    }

    /// The stored articles, newest first (list columns only).
    ///
    /// # Errors
    /// A one-line message when the database cannot be read.
    pub fn entries(&self) -> Result<Vec<library::Entry>, String> {
        match &self.library {
            Some(library) => library
                .list(Sort::Date)
                .map_err(|e| one_line(&format!("library unavailable: {e}"))),
            None => Ok(Vec::new()),
        }
    }

    /// The stored articles, newest first, with the top entities of the
    /// first `first` only (the first screen); the rest come from
    /// [`Store::top_entities_in_background`] after the first frame.
    ///
    /// # Errors
    /// A one-line message when the database cannot be read.
    pub fn entries_first(&self, first: usize) -> Result<Vec<library::Entry>, String> {
        let Some(library) = &self.library else {
            return Ok(Vec::new());
        };
        let fail = |e: library::LibraryError| one_line(&format!("library unavailable: {e}"));
        let mut entries = library.list_columns(Sort::Date).map_err(fail)?;
        let ids: Vec<&str> = entries.iter().take(first).map(|e| e.id.as_str()).collect();
        let mut top = library.top_entities_of(&ids).map_err(fail)?;
        for entry in entries.iter_mut().take(first) {
            entry.top_entities = top.remove(&entry.id).unwrap_or_default();
        }
        Ok(entries)
    }

    /// The top entities of every stored article, read on a thread of its
    /// own (with its own connection): the receiver gets one result.
    #[must_use]
    pub fn top_entities_in_background(&self) -> Receiver<Result<TopEntities, String>> {
        let dir = self.library.as_ref().map(|l| l.dir().to_owned());
        in_background(dir, |library| library.top_entities())
    }

    /// Every entity of the library with its article and mention counts
    /// (the Entities view; none without a library).
    ///
    /// # Errors
    /// A one-line message when the database cannot be read.
    pub fn entity_index(&self) -> Result<Vec<EntitySummary>, String> {
        match &self.library {
            Some(library) => library
                .entity_index()
                .map_err(|e| one_line(&format!("entities unavailable: {e}"))),
            None => Ok(Vec::new()),
        }
    }

    /// [`Store::entity_index`] read on a thread of its own (with its own
    /// connection), so the screen stays live over a large library: the
    /// receiver gets one result.
    #[must_use]
    pub fn entity_index_in_background(&self) -> Receiver<Result<Vec<EntitySummary>, String>> {
        let dir = self.library.as_ref().map(|l| l.dir().to_owned());
        in_background(dir, |library| library.entity_index())
    }

    /// The stored articles that mention an entity, with where it first
    /// appears in each.
    ///
    /// # Errors
    /// A one-line message when the database cannot be read.
    pub fn entity_articles(
        &self,
        kind: EntityKind,
        name: &str,
    ) -> Result<Vec<EntityArticle>, String> {
        match &self.library {
            Some(library) => library
                .entity_articles(kind, name)
                .map_err(|e| one_line(&format!("entities unavailable: {e}"))),
            None => Ok(Vec::new()),
        }
    }

    /// Loads a stored article with its cached analysis.
    ///
    /// # Errors
    /// A one-line message (unknown id, missing copy, database failure).
    pub fn load(&self, id: &str) -> Result<Stored, String> {
        let library = self.library.as_ref().ok_or("the library is not open")?;
        library.load(id).map_err(|e| one_line(&e.to_string()))
    }

    /// The saved reading position of an article id, if any (errors count
    /// as none: a position is a convenience).
    #[must_use]
    pub fn position(&self, id: &str) -> Option<Anchor> {
        let saved = self.library.as_ref()?.position(id).ok()??;
        Some(from_field(saved.field, saved.offset))
    }

    /// Saves the reading position of an article id, creating the library
    /// on this first write when there is none yet. After one failure the
    /// store stops trying (the caller shows the message once).
    ///
    /// # Errors
    /// A one-line message when the library cannot be created or written.
    pub fn save(&mut self, id: &str, anchor: Anchor) -> Result<(), String> {
        if self.broken {
            return Ok(());
        }
        if self.library.is_none() {
            let dir = self.dir.clone().ok_or("no library folder")?;
            match Library::open(&dir) {
                Ok(library) => self.library = Some(library),
                Err(e) => return Err(self.fail(&e.to_string())),
            }
        }
        let (field, offset) = to_field(anchor);
        let result = self
            .library
            .as_ref()
            .map(|library| library.set_position(id, field, offset));
        match result {
            Some(Err(e)) => Err(self.fail(&e.to_string())),
            _ => Ok(()),
        }
    }

    fn fail(&mut self, message: &str) -> String {
        self.broken = true;
        one_line(&format!("reading position not saved: {message}"))
    }
}

/// The top entities of each stored article, by id.
pub type TopEntities = HashMap<String, Vec<String>>;

/// Runs a read of the library in `dir` on a thread of its own, with its own
/// connection (a `Library` is not `Sync`); no library reads as empty.
fn in_background<T: Default + Send + 'static>(
    dir: Option<PathBuf>,
    read: impl FnOnce(&Library) -> library::Result<T> + Send + 'static,
) -> Receiver<Result<T, String>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = match dir.map(|d| Library::open_existing(&d)) {
            None | Some(Ok(None)) => Ok(T::default()),
            Some(Ok(Some(library))) => read(&library).map_err(|e| e.to_string()),
            Some(Err(e)) => Err(e.to_string()),
        };
        let result = result.map_err(|e| one_line(&format!("library unavailable: {e}")));
        // The receiver may be gone (the reader quit): nothing to do.
        let _ = tx.send(result);
    });
    rx
}

/// The field and char offset a reading position is saved as. Lines that
/// show no field (the byline block, the "Captions" label) map to the start
/// of the field they introduce.
#[must_use]
pub fn to_field(anchor: Anchor) -> (Field, usize) {
    match anchor.section {
        Section::Title => (Field::Title, anchor.offset),
        Section::Meta => (Field::Title, 0),
        Section::Body => (Field::Body, anchor.offset),
        Section::CaptionsLabel => (Field::Caption(0), 0),
        Section::Caption(i) => (Field::Caption(i), anchor.offset),
        Section::RelatedLabel => (Field::Related(0), 0),
        Section::Related(i) => (Field::Related(i), anchor.offset),
    }
}

/// The reading position a saved field and offset stand for.
#[must_use]
pub fn from_field(field: Field, offset: usize) -> Anchor {
    Anchor {
        section: Section::of_field(field),
        offset,
    }
}

fn one_line(message: &str) -> String {
    crate::article::sanitize::sanitize(message).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_round_trip_through_fields() {
        for section in [
            Section::Title,
            Section::Body,
            Section::Caption(2),
            Section::Related(1),
        ] {
            let anchor = Anchor { section, offset: 7 };
            let (field, offset) = to_field(anchor);
            assert_eq!(from_field(field, offset), anchor);
        }
        let meta = Anchor {
            section: Section::Meta,
            offset: 3,
        };
        assert_eq!(to_field(meta), (Field::Title, 0));
    }

    #[test]
    fn positions_persist_and_the_folder_appears_on_first_write() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("lib");
        let (mut store, notice) = Store::open(Some(dir.clone()));
        assert_eq!(notice, None);
        assert!(store.entries().unwrap().is_empty());
        assert!(!dir.exists(), "reading must not create the library");
        let anchor = Anchor {
            section: Section::Body,
            offset: 42,
        };
        store.save("abcdef012345", anchor).unwrap();
        assert!(dir.join(library::DB_NAME).is_file());
        let (again, _) = Store::open(Some(dir));
        assert_eq!(again.position("abcdef012345"), Some(anchor));
        assert_eq!(again.position("000000000000"), None);
    }

    #[test]
    fn a_damaged_library_gives_a_notice_not_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(library::DB_NAME), b"not a database at all").unwrap();
        let (mut store, notice) = Store::open(Some(tmp.path().to_owned()));
        assert!(notice.unwrap().starts_with("library unavailable"));
        assert!(store.entries().unwrap().is_empty());
        assert!(store.save("abcdef012345", Anchor::START).is_ok());
        assert!(store.load("abcdef012345").is_err());
    }
}
