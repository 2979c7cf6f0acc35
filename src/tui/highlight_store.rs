//! The reader's door to the library for highlights, opened lazily: reading
//! never creates the library (no highlights yet means none to show), the
//! first write does. Failures come back as one-line notices, never panics.

use std::path::PathBuf;

use crate::article::Article;
use crate::library::{Highlight, Library, NewHighlight, anchor};

/// Lazily opened library for highlights.
#[derive(Debug, Default)]
pub struct HighlightStore {
    dir: Option<PathBuf>,
    library: Option<Library>,
}

/// The notice shown when no library folder is known.
const NO_LIBRARY: &str = "highlights need a library: set LEDE_LIBRARY or pass --library";

impl HighlightStore {
    /// A store over the library folder `dir`; `None` disables highlights.
    #[must_use]
    pub fn new(dir: Option<PathBuf>) -> HighlightStore {
        HighlightStore { dir, library: None }
    }

    /// The library for writing, created if missing.
    fn writable(&mut self) -> Result<&Library, String> {
        if self.library.is_none() {
            let dir = self.dir.as_ref().ok_or(NO_LIBRARY)?;
            let library = Library::open(dir).map_err(|e| e.to_string())?;
            self.library = Some(library);
        }
        self.library.as_ref().ok_or_else(|| NO_LIBRARY.to_owned())
    }

    /// The library if it exists (nothing is created).
    fn existing(&mut self) -> Result<Option<&mut Library>, String> {
        if self.library.is_none() {
            let Some(dir) = &self.dir else {
                return Ok(None);
            };
            self.library = Library::open_existing(dir).map_err(|e| e.to_string())?;
        }
        Ok(self.library.as_mut())
    }

    /// The highlights of an article, re-anchored to its current text (the
    /// changed ones written back); `index` is its place among the articles
    /// of its file, for following a file that changed.
    ///
    /// # Errors
    /// A one-line reason the library could not be read.
    pub fn load(&mut self, article: &Article, index: usize) -> Result<Vec<Highlight>, String> {
        let Some(library) = self.existing()? else {
            return Ok(Vec::new());
        };
        if let Some(path) = canonical_origin(article) {
            library
                .remember_path(&path, index, &article.id)
                .map_err(|e| e.to_string())?;
        }
        let stored = library.highlights(&article.id).map_err(|e| e.to_string())?;
        let changed: Vec<Highlight> = stored
            .iter()
            .filter_map(|h| {
                let (placed, _) = anchor::reanchor(h, article);
                (placed != *h).then_some(placed)
            })
            .collect();
        if changed.is_empty() {
            return Ok(stored);
        }
        library
            .update_anchors(&changed)
            .map_err(|e| e.to_string())?;
        library.highlights(&article.id).map_err(|e| e.to_string())
    }

    /// Adds a highlight over chars `start..end` of a field and remembers the
    /// file it came from.
    ///
    /// # Errors
    /// A one-line reason it could not be written.
    pub fn add(
        &mut self,
        article: &Article,
        index: usize,
        new: &NewHighlight,
    ) -> Result<Highlight, String> {
        let added = self
            .writable()?
            .add_highlight(new)
            .map_err(|e| e.to_string())?;
        if let (Some(path), Some(library)) = (canonical_origin(article), self.library.as_mut()) {
            // Best effort: the highlight is saved either way.
            let _ = library.remember_path(&path, index, &article.id);
        }
        Ok(added)
    }

    /// Sets a note (blank clears it).
    ///
    /// # Errors
    /// A one-line reason it could not be written.
    pub fn set_note(&mut self, id: i64, note: &str) -> Result<(), String> {
        self.writable()?
            .set_highlight_note(id, Some(note))
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Removes a highlight, returning it for undo.
    ///
    /// # Errors
    /// A one-line reason it could not be written.
    pub fn remove(&mut self, id: i64) -> Result<Option<Highlight>, String> {
        self.writable()?
            .remove_highlight(id)
            .map_err(|e| e.to_string())
    }

    /// Puts a removed highlight back.
    ///
    /// # Errors
    /// A one-line reason it could not be written.
    pub fn restore(&mut self, h: &Highlight) -> Result<Highlight, String> {
        self.writable()?
            .restore_highlight(h)
            .map_err(|e| e.to_string())
    }

    /// The highlights of an article as stored (after a write).
    ///
    /// # Errors
    /// A one-line reason the library could not be read.
    pub fn list(&mut self, article_id: &str) -> Result<Vec<Highlight>, String> {
        match self.existing()? {
            Some(library) => library.highlights(article_id).map_err(|e| e.to_string()),
            None => Ok(Vec::new()),
        }
    }
}

/// The canonical path of a file opened directly (not stdin, not a sample).
fn canonical_origin(article: &Article) -> Option<String> {
    if article.origin == "-" || article.origin.starts_with("sample:") {
        return None;
    }
    std::fs::canonicalize(&article.origin)
        .ok()
        .map(|p| p.display().to_string())
}
