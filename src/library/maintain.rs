//! `lede reindex`: rebuild everything derivable from the stored copies.
//!
//! Metadata, cached analyses, entity rows and the full-text index are redone;
//! reading positions and highlights are kept. A damaged database is moved
//! aside (`lede.db.damaged-<time>`) and a new one is built from the copies
//! (their original paths are then unknown: the origin becomes the copy).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rusqlite::{TransactionBehavior, params};

use super::add::{AddEvent, Input, Prepared, write_analysis, write_text};
use super::error::{LibraryError, Result};
use super::{ARTICLES_DIR, DB_NAME, Library, format_from_name, now};
use crate::article::{self, Article};
use crate::nlp::Analyzer;

/// Copies reindexed per transaction.
const BATCH: usize = 64;

/// Reindexes the library in `dir`, rebuilding a damaged database from the
/// stored copies. Returns the library and how many articles were reindexed.
///
/// # Errors
/// A read-only or full folder, a newer schema, or a database failure.
pub fn reindex_dir(dir: &Path, on_event: &mut dyn FnMut(&AddEvent)) -> Result<(Library, usize)> {
    match Library::open(dir) {
        Ok(mut library) => {
            let count = library.reindex(on_event)?;
            Ok((library, count))
        }
        Err(LibraryError::Corrupt { path, .. }) => {
            let aside = set_aside(&path)?;
            on_event(&AddEvent::Warning(format!(
                "{}: damaged database moved to {}; rebuilding from the stored copies",
                path.display(),
                aside.display()
            )));
            rebuild(dir, on_event)
        }
        Err(other) => Err(other),
    }
}

/// Renames a damaged database (and its WAL files) out of the way.
fn set_aside(db: &Path) -> Result<PathBuf> {
    let aside = db.with_file_name(format!("{DB_NAME}.damaged-{}", now()));
    std::fs::rename(db, &aside).map_err(|e| LibraryError::io(db, e))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        let _ = std::fs::remove_file(side);
    }
    Ok(aside)
}

/// Builds a fresh database from the copies in `articles/`.
fn rebuild(dir: &Path, on_event: &mut dyn FnMut(&AddEvent)) -> Result<(Library, usize)> {
    // Not `Library::open`: it would collect every copy as a stray.
    let mut library = Library::connect(dir)?;
    let copies = dir.join(ARTICLES_DIR);
    let mut inputs = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&copies) {
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some() && !is_temp(p))
            .collect();
        paths.sort();
        inputs.extend(paths.into_iter().map(Input::Path));
    }
    let mut count = 0;
    library.add(&inputs, &mut |event| {
        if matches!(event, AddEvent::Added { .. }) {
            count += 1;
        }
        on_event(event);
    })?;
    Ok((library, count))
}

fn is_temp(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// One stored copy and the ids stored from it.
struct Copy {
    name: String,
    format: String,
    origin: String,
    ids: Vec<String>,
}

impl Library {
    /// Re-reads every stored copy and rebuilds metadata, analyses, entities
    /// and the full-text index; positions and highlights are untouched. An
    /// unreadable copy is reported and its rows kept.
    ///
    /// # Errors
    /// A database or file system failure of the library itself.
    pub fn reindex(&mut self, on_event: &mut dyn FnMut(&AddEvent)) -> Result<usize> {
        let copies = self.copies()?;
        let articles_dir = self.articles_dir();
        let analyzer = Analyzer::default();
        let total = copies.len();
        let mut done = 0;
        let mut count = 0;
        for chunk in copies.chunks(BATCH) {
            let results: Vec<std::result::Result<Vec<Prepared>, String>> = chunk
                .par_iter()
                .map(|copy| reread(&articles_dir, copy, &analyzer))
                .collect();
            let mut batch = Vec::new();
            for result in results {
                match result {
                    Ok(prepared) => batch.extend(prepared),
                    Err(message) => on_event(&AddEvent::Failed(message)),
                }
            }
            count += batch.len();
            self.rewrite(&batch)?;
            done += chunk.len();
            on_event(&AddEvent::Progress { done, total });
        }
        let db = self.db_path();
        self.conn
            .execute(
                "DELETE FROM articles_fts WHERE id NOT IN (SELECT id FROM articles)",
                [],
            )
            .map_err(|e| LibraryError::sql(&db, &e))?;
        super::names::prune(&self.conn).map_err(|e| LibraryError::sql(&db, &e))?;
        Ok(count)
    }

    fn copies(&self) -> Result<Vec<Copy>> {
        let run = || -> rusqlite::Result<Vec<Copy>> {
            let mut stmt = self.conn.prepare(
                "SELECT copy, format, origin, id FROM articles ORDER BY copy, origin_index",
            )?;
            let mut by_copy: BTreeMap<String, Copy> = BTreeMap::new();
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            for row in rows {
                let (name, format, origin, id) = row?;
                by_copy
                    .entry(name.clone())
                    .or_insert_with(|| Copy {
                        name,
                        format,
                        origin,
                        ids: Vec::new(),
                    })
                    .ids
                    .push(id);
            }
            Ok(by_copy.into_values().collect())
        };
        run().map_err(|e| self.sql_error(&e))
    }
}

/// Parses one copy again and analyses the stored articles in it.
fn reread(
    dir: &Path,
    copy: &Copy,
    analyzer: &Analyzer,
) -> std::result::Result<Vec<Prepared>, String> {
    let path = dir.join(&copy.name);
    let bad = |m: String| {
        LibraryError::BadCopy {
            path: path.clone(),
            id: copy.ids.join(", "),
            message: m,
        }
        .to_string()
    };
    let format = format_from_name(&copy.format).ok_or_else(|| bad("unknown format".into()))?;
    let bytes = std::fs::read(&path).map_err(|e| bad(e.to_string()))?;
    let loaded = article::parse(&copy.origin, format, &bytes).map_err(|e| bad(e.to_string()))?;
    let articles: Vec<Article> = loaded
        .articles
        .into_iter()
        .filter(|a| copy.ids.contains(&a.id))
        .collect();
    if articles.len() < copy.ids.len() {
        return Err(bad("some articles are no longer in it".into()));
    }
    let prepared = articles
        .into_iter()
        .map(|article| Prepared {
            analysis: analyzer.analyze(&article),
            article,
        })
        .collect();
    Ok(prepared)
}

impl Library {
    /// Writes re-read articles in one transaction.
    fn rewrite(&mut self, batch: &[Prepared]) -> Result<()> {
        let db = self.db_path();
        let sql = |e: rusqlite::Error| LibraryError::sql(&db, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        for prepared in batch {
            let a = &prepared.article;
            tx.execute(
                "UPDATE articles SET title = ?2, byline = ?3, date = ?4, date_raw = ?5,
                   source = ?6, url = ?7 WHERE id = ?1",
                params![a.id, a.title, a.byline, a.date, a.date_raw, a.source, a.url],
            )
            .map_err(sql)?;
            write_analysis(&tx, a, &prepared.analysis).map_err(sql)?;
            write_text(&tx, a).map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }
}
