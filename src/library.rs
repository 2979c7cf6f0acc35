//! The library: stored articles in an embedded SQLite database (DESIGN.md §7).
//!
//! A library folder holds `lede.db` and `articles/` (byte-exact copies of the
//! files added). The database keeps each article's metadata, its cached
//! analysis, an `entities` table for listing, an FTS5 index of title and
//! body, reading positions and highlights. The folder is created on the first
//! write, never by a read.
//!
//! API for the reader:
//! - [`Library::open_existing`]: the library if one exists (no folder created);
//! - [`Library::list`]: stored articles with metadata and top entities;
//! - [`Library::load`]: a stored article with its cached analysis (redone and
//!   re-cached when an older analyser wrote it);
//! - [`Library::position`] / [`Library::set_position`]: reading positions by
//!   article id (any article, stored or not; use [`Library::open`] to write).
//! - [`Library::highlights`], [`Library::add_highlight`] and friends: highlights
//!   by article id (see [`highlights`]).
//!
//! Two processes may share a library: the database runs in WAL mode with a
//! busy timeout, and every write is one short transaction.

mod add;
pub mod anchor;
mod cache;
mod error;
mod files;
mod find;
pub mod fuzzy;
pub mod highlights;
mod maintain;
mod names;
pub mod schema;
mod search;

pub use maintain::reindex_dir;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::article::{self, Article, Field, Format};
use crate::nlp::{Analysis, Analyzer};

pub use add::{AddEvent, AddSummary, Input};
pub use cache::analyser_identity;
pub use error::{LibraryError, Result};
pub use find::{EntityArticle, EntitySummary, FindHit, FindOptions, Snippet};
pub use fuzzy::{NameQuery, fold};
pub use highlights::{Highlight, NewHighlight, format_rfc3339, format_utc};
pub use search::SearchHit;

/// Name of the database file in the library folder.
pub const DB_NAME: &str = "lede.db";
/// Name of the folder of stored copies.
pub const ARTICLES_DIR: &str = "articles";
/// How long a write waits for another process's write to finish. A batch of
/// `lede add` holds the write lock for one transaction, which on a loaded
/// machine took longer than 5 s (a reader opening the library then failed
/// with "database is locked" in CI), hence the generous wait.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The library folder: `explicit` (`--library`, which clap also fills from
/// `LEDE_LIBRARY`), else `LEDE_LIBRARY`, else the platform data dir.
///
/// # Errors
/// [`LibraryError::NoDataDir`] when none can be found.
pub fn resolve_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os("LEDE_LIBRARY").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "lede")
        .map(|d| d.data_dir().to_owned())
        .ok_or(LibraryError::NoDataDir)
}

/// How `lede list` orders articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest publication date first; undated last, newest added first.
    #[default]
    Date,
    /// By title, case-insensitively.
    Title,
    /// By source, then newest first.
    Source,
    /// Most recently added first.
    Added,
}

/// One stored article as the library list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The 12-hex article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication or site name.
    pub source: Option<String>,
    /// ISO 8601 publication date (or the raw date when it did not parse).
    pub date: Option<String>,
    /// Canonical names of the most mentioned entities, most first (up to 3).
    pub top_entities: Vec<String>,
    /// Where it was added from (a canonical path, or `-`).
    #[serde(skip)]
    pub origin: String,
    /// When it was added (Unix seconds).
    #[serde(skip)]
    pub added: i64,
}

/// A stored article with its analysis, ready for the reader.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The article as loaded from its stored copy (origin: where it was added from).
    pub article: Article,
    /// Its analysis (cached, or redone if the cache was stale).
    pub analysis: Analysis,
}

/// A reading position: a char offset into a named field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The field read.
    pub field: Field,
    /// Char offset into it.
    pub offset: usize,
    /// When it was saved (Unix seconds).
    pub updated: i64,
}

/// An open library (see the module docs).
pub struct Library {
    dir: PathBuf,
    conn: Connection,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("dir", &self.dir).finish()
    }
}

impl Library {
    /// Opens the library in `dir` for writing, creating the folder, database
    /// and `articles/` when missing, migrating an older schema, and deleting
    /// leftovers of an interrupted `add`.
    ///
    /// # Errors
    /// A read-only or full folder, a damaged database, or a newer schema.
    pub fn open(dir: &Path) -> Result<Library> {
        let articles = dir.join(ARTICLES_DIR);
        std::fs::create_dir_all(&articles).map_err(|e| LibraryError::io(&articles, e))?;
        let mut library = Library::connect(dir)?;
        library.collect_strays()?;
        Ok(library)
    }

    /// Opens the library in `dir` if it has a database; `Ok(None)` when there
    /// is none yet. Creates nothing.
    ///
    /// # Errors
    /// As [`Library::open`], except that nothing is created.
    pub fn open_existing(dir: &Path) -> Result<Option<Library>> {
        if !dir.join(DB_NAME).is_file() {
            return Ok(None);
        }
        Library::connect(dir).map(Some)
    }

    /// The library folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The database file.
    #[must_use]
    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_NAME)
    }

    fn articles_dir(&self) -> PathBuf {
        self.dir.join(ARTICLES_DIR)
    }

    fn connect(dir: &Path) -> Result<Library> {
        let path = dir.join(DB_NAME);
        let sql = |e: rusqlite::Error| LibraryError::sql(&path, &e);
        let mut conn = Connection::open(&path).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        // The first statement reads the header: a damaged file fails here.
        schema::version(&conn).map_err(sql)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(sql)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(LibraryError::Database {
                path: path.clone(),
                message: format!("cannot switch to WAL mode (journal mode is {mode})"),
            });
        }
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;
        match schema::migrate(&mut conn).map_err(sql)? {
            schema::Migration::TooNew(found) => Err(LibraryError::TooNew {
                path,
                found,
                known: schema::current_version(),
            }),
            schema::Migration::Done { .. } => {
                // Best effort: a read-only library still opens; `find`
                // then misses the articles not yet indexed.
                if names::pending(&conn).unwrap_or(false) {
                    let _ = names::backfill(&mut conn);
                }
                Ok(Library {
                    dir: dir.to_owned(),
                    conn,
                })
            }
        }
    }

    fn sql_error(&self, err: &rusqlite::Error) -> LibraryError {
        LibraryError::sql(&self.db_path(), err)
    }

    /// Deletes copies no row names and temp files, under the write lock.
    fn collect_strays(&mut self) -> Result<usize> {
        let dir = self.articles_dir();
        let db = self.db_path();
        let sql = |e: rusqlite::Error| LibraryError::sql(&db, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let referenced: HashSet<String> = {
            let mut stmt = tx
                .prepare("SELECT DISTINCT copy FROM articles")
                .map_err(sql)?;
            stmt.query_map([], |r| r.get(0))
                .map_err(sql)?
                .collect::<rusqlite::Result<_>>()
                .map_err(sql)?
        };
        let removed = files::collect_strays(&dir, &referenced)?;
        tx.commit().map_err(sql)?;
        Ok(removed)
    }

    /// Stored articles with their top entities, in the given order.
    ///
    /// # Errors
    /// A database failure.
    pub fn list(&self, sort: Sort) -> Result<Vec<Entry>> {
        let mut top = self.top_entities()?;
        let mut entries = self.list_columns(sort)?;
        for entry in &mut entries {
            entry.top_entities = top.remove(&entry.id).unwrap_or_default();
        }
        Ok(entries)
    }

    /// Stored articles in the given order, without their top entities
    /// (empty): the list columns alone, read from the covering index
    /// `articles_list`. The reader's first frame needs no more; it fills
    /// the entities in with [`Library::top_entities_of`] and
    /// [`Library::top_entities`].
    ///
    /// # Errors
    /// A database failure.
    pub fn list_columns(&self, sort: Sort) -> Result<Vec<Entry>> {
        let order = match sort {
            Sort::Date => {
                "coalesce(date, date_raw) IS NULL, coalesce(date, date_raw) DESC, added DESC"
            }
            Sort::Title => "title IS NULL, title COLLATE NOCASE, id",
            Sort::Source => "source IS NULL, source COLLATE NOCASE, coalesce(date, date_raw) DESC",
            Sort::Added => "added DESC, rowid DESC",
        };
        let sql = format!(
            "SELECT id, title, source, coalesce(date, date_raw), origin, added
             FROM articles a ORDER BY {order}"
        );
        let run = || -> rusqlite::Result<Vec<Entry>> {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map([], |r| {
                Ok(Entry {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    date: r.get(3)?,
                    origin: r.get(4)?,
                    added: r.get(5)?,
                    top_entities: Vec::new(),
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// The three most mentioned entities (most first) of every article, by
    /// article id: one sequential pass over `entities` (ranks 0 to 2), at
    /// 10,000 articles a sixth of the time of seeking each article's rows.
    ///
    /// # Errors
    /// A database failure.
    pub fn top_entities(&self) -> Result<HashMap<String, Vec<String>>> {
        let run = || -> rusqlite::Result<HashMap<String, Vec<String>>> {
            let mut stmt = self.conn.prepare(
                "SELECT article_id, rank, name FROM entities NOT INDEXED WHERE rank < 3",
            )?;
            let mut rows = stmt.query([])?;
            let mut top: HashMap<String, [Option<String>; 3]> = HashMap::new();
            while let Some(r) = rows.next()? {
                let rank = usize::try_from(r.get::<_, i64>(1)?).unwrap_or(usize::MAX);
                let names = top.entry(r.get::<_, String>(0)?).or_default();
                if let Some(slot) = names.get_mut(rank) {
                    *slot = Some(r.get(2)?);
                }
            }
            Ok((top.into_iter())
                .map(|(id, names)| (id, names.into_iter().flatten().collect()))
                .collect())
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// The three most mentioned entities of the given articles (a screenful:
    /// one indexed lookup each), by article id.
    ///
    /// # Errors
    /// A database failure.
    pub fn top_entities_of(&self, ids: &[&str]) -> Result<HashMap<String, Vec<String>>> {
        let run = || -> rusqlite::Result<HashMap<String, Vec<String>>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT name FROM entities WHERE article_id = ?1 ORDER BY rank LIMIT 3",
            )?;
            let mut top = HashMap::new();
            for id in ids {
                let names = stmt.query_map([id], |r| r.get(0))?;
                top.insert((*id).to_owned(), names.collect::<rusqlite::Result<_>>()?);
            }
            Ok(top)
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// The full id of the one stored article starting with `prefix`.
    ///
    /// # Errors
    /// [`LibraryError::NotFound`] or [`LibraryError::Ambiguous`].
    pub fn resolve(&self, prefix: &str) -> Result<String> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(LibraryError::NotFound(prefix));
        }
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare(
                "SELECT id FROM articles WHERE substr(id, 1, ?1) = ?2 ORDER BY id LIMIT 5",
            )?;
            let rows = stmt.query_map(params![int(prefix.len()), prefix], |r| r.get(0))?;
            rows.collect()
        };
        let mut matches = run().map_err(|e| self.sql_error(&e))?;
        match matches.len() {
            0 => Err(LibraryError::NotFound(prefix)),
            1 => Ok(matches.remove(0)),
            _ => Err(LibraryError::Ambiguous { prefix, matches }),
        }
    }

    /// Loads a stored article (full id or unique prefix) with its analysis.
    /// A cache written by another analyser version (or unreadable) is redone
    /// with the default analyser and saved again; saving is best effort (a
    /// read-only library still opens the article).
    ///
    /// # Errors
    /// An unknown id, or a stored copy that is missing or no longer holds it.
    pub fn load(&self, id: &str) -> Result<Stored> {
        let id = self.resolve(id)?;
        let row = self
            .conn
            .query_row(
                "SELECT copy, format, origin, analyser, analysis FROM articles WHERE id = ?1",
                [&id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .map_err(|e| self.sql_error(&e))?;
        let (copy, format, origin, analyser, json) = row;
        let article = self.read_copy(&id, &copy, &format, &origin)?;
        let cached = (analyser == analyser_identity())
            .then(|| cache::decode(&json, &article))
            .flatten();
        let analysis = match cached {
            Some(analysis) => analysis,
            None => {
                let analysis = Analyzer::default().analyze(&article);
                let _ = self.update_analysis(&article, &analysis);
                analysis
            }
        };
        Ok(Stored { article, analysis })
    }

    /// Reads the stored copy `copy` and returns the article `id` in it.
    fn read_copy(&self, id: &str, copy: &str, format: &str, origin: &str) -> Result<Article> {
        let path = self.articles_dir().join(copy);
        let bad = |message: String| LibraryError::BadCopy {
            path: path.clone(),
            id: id.to_owned(),
            message,
        };
        let bytes = std::fs::read(&path).map_err(|e| bad(e.to_string()))?;
        let format =
            format_from_name(format).ok_or_else(|| bad(format!("unknown format {format}")))?;
        let loaded = article::parse(origin, format, &bytes).map_err(|e| bad(e.to_string()))?;
        loaded
            .articles
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| bad("the article is no longer in it".to_owned()))
    }

    fn update_analysis(&self, article: &Article, analysis: &Analysis) -> Result<()> {
        let run = || -> rusqlite::Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            add::write_analysis(&tx, article, analysis)?;
            tx.commit()
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// The saved reading position of any article id (stored or not).
    ///
    /// # Errors
    /// A database failure.
    pub fn position(&self, id: &str) -> Result<Option<Position>> {
        let row = self
            .conn
            .query_row(
                "SELECT field, offset, updated FROM positions WHERE article_id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| self.sql_error(&e))?;
        Ok(row.and_then(|(field, offset, updated)| {
            Some(Position {
                field: Field::parse(&field)?,
                offset: usize::try_from(offset).ok()?,
                updated,
            })
        }))
    }

    /// Saves the reading position of any article id (stored or not).
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn set_position(&self, id: &str, field: Field, offset: usize) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO positions (article_id, field, offset, updated) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(article_id) DO UPDATE SET field = ?2, offset = ?3, updated = ?4",
                params![id, field.name(), int(offset), now()],
            )
            .map(|_| ())
            .map_err(|e| self.sql_error(&e))
    }

    /// How many highlights an article id has.
    ///
    /// # Errors
    /// A database failure.
    pub fn highlight_count(&self, id: &str) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT count(*) FROM highlights WHERE article_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|e| self.sql_error(&e))
    }

    /// Removes a stored article (id or unique prefix) and its copy when no
    /// other article uses it. Refuses while it has highlights unless `purge`,
    /// which deletes them and its reading position too. Returns the entry removed.
    ///
    /// # Errors
    /// Unknown or ambiguous id, highlights without `purge`, a write failure.
    pub fn remove(&mut self, id: &str, purge: bool) -> Result<Entry> {
        let id = self.resolve(id)?;
        let entry = self
            .list(Sort::Added)?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| LibraryError::NotFound(id.clone()))?;
        let db = self.db_path();
        let sql = |e: rusqlite::Error| LibraryError::sql(&db, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let count: i64 = tx
            .query_row(
                "SELECT count(*) FROM highlights WHERE article_id = ?1",
                [&id],
                |r| r.get(0),
            )
            .map_err(sql)?;
        if count > 0 && !purge {
            return Err(LibraryError::HasHighlights { id, count });
        }
        let copy: String = tx
            .query_row("SELECT copy FROM articles WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .map_err(sql)?;
        add::delete_article(&tx, &id).map_err(sql)?;
        tx.execute("DELETE FROM highlights WHERE article_id = ?1", [&id])
            .map_err(sql)?;
        tx.execute("DELETE FROM positions WHERE article_id = ?1", [&id])
            .map_err(sql)?;
        let still_used: bool = tx
            .query_row(
                "SELECT count(*) > 0 FROM articles WHERE copy = ?1",
                [&copy],
                |r| r.get(0),
            )
            .map_err(sql)?;
        tx.commit().map_err(sql)?;
        if !still_used {
            files::remove_copy(&self.articles_dir(), &copy);
        }
        Ok(entry)
    }
}

/// A count or offset as a SQLite integer.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Seconds since the Unix epoch.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The `format` column value and copy extension of a loader format.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "txt",
        Format::Markdown => "md",
        Format::Json => "json",
        Format::JsonLines => "jsonl",
        Format::Html => "html",
        Format::Email => "eml",
        Format::Mhtml => "mhtml",
    }
}

/// Inverse of [`format_name`].
fn format_from_name(name: &str) -> Option<Format> {
    match name {
        "txt" => Some(Format::Text),
        "md" => Some(Format::Markdown),
        "json" => Some(Format::Json),
        "jsonl" => Some(Format::JsonLines),
        "html" => Some(Format::Html),
        "eml" => Some(Format::Email),
        "mhtml" => Some(Format::Mhtml),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_text(library: &mut Library, dir: &Path, name: &str, text: &str) -> String {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        library.add(&[Input::Path(path)], &mut |_| {}).unwrap();
        article::article_id(text.as_bytes())
    }

    #[test]
    fn prefixes_positions_and_removal() {
        let tmp = tempfile::tempdir().unwrap();
        let lib_dir = tmp.path().join("lib");
        assert!(Library::open_existing(&lib_dir).unwrap().is_none());
        assert!(!lib_dir.exists());
        let mut library = Library::open(&lib_dir).unwrap();
        let a = add_text(
            &mut library,
            tmp.path(),
            "a.txt",
            "Alpha\n\nJane Doe went to Paris.\n",
        );
        let b = add_text(
            &mut library,
            tmp.path(),
            "b.txt",
            "Beta\n\nBob Smith went to Rome.\n",
        );
        assert_eq!(library.resolve(&a).unwrap(), a);
        assert_eq!(library.resolve(a.get(..6).unwrap()).unwrap(), a);
        assert!(matches!(
            library.resolve("zz"),
            Err(LibraryError::NotFound(_))
        ));
        let titles: Vec<_> = library
            .list(Sort::Title)
            .unwrap()
            .into_iter()
            .map(|e| e.title.unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Alpha", "Beta"]);
        assert!(library.position("sample-id").unwrap().is_none());
        library
            .set_position("sample-id", Field::Caption(1), 12)
            .unwrap();
        library.set_position("sample-id", Field::Body, 40).unwrap();
        let pos = library.position("sample-id").unwrap().unwrap();
        assert_eq!((pos.field, pos.offset), (Field::Body, 40));
        let stored = library.load(&b).unwrap();
        assert_eq!(stored.article.title.as_deref(), Some("Beta"));
        assert!(
            stored
                .analysis
                .entities
                .iter()
                .any(|e| e.name == "Bob Smith")
        );
        library.remove(&b, false).unwrap();
        assert!(matches!(library.load(&b), Err(LibraryError::NotFound(_))));
        assert_eq!(
            std::fs::read_dir(lib_dir.join(ARTICLES_DIR))
                .unwrap()
                .count(),
            1
        );
    }
}
