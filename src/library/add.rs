//! `lede add`: load files, analyse their articles in parallel, and store each
//! batch in one transaction after its copies are safely on disk.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::error::{LibraryError, Result};
use super::{Library, cache, files, format_name, now};
use crate::article::{self, Article, Format};
use crate::document::entity_order;
use crate::nlp::{Analysis, Analyzer};

/// Files analysed and written per transaction.
const BATCH_FILES: usize = 64;

/// Something to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, or a folder to walk recursively (hidden entries skipped).
    Path(PathBuf),
    /// Standard input, read once.
    Stdin,
}

/// What happened to one article or file, reported as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddEvent {
    /// Stored under this id.
    Added {
        /// Article id.
        id: String,
        /// Headline.
        title: String,
    },
    /// Its content is already stored under this id; nothing was written.
    Duplicate {
        /// Article id.
        id: String,
        /// Headline of the stored article.
        title: String,
    },
    /// The file it was added from changed: the new content replaced `old`,
    /// whose reading position and highlights now belong to `id`.
    Replaced {
        /// The id of the replaced article.
        old: String,
        /// The new id.
        id: String,
        /// Headline.
        title: String,
    },
    /// A file could not be read or held no article (one line, names the file).
    Failed(String),
    /// A non-fatal loader warning (names the file).
    Warning(String),
    /// Progress: files done out of the total.
    Progress {
        /// Files handled so far.
        done: usize,
        /// Files in all.
        total: usize,
    },
}

/// Totals of one [`Library::add`] run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddSummary {
    /// Whether any file failed to load.
    pub failed: bool,
    /// Articles read (stored, duplicate or replaced).
    pub articles: usize,
    /// Wall time spent reading, parsing and analysing (in parallel; from the
    /// second batch on it overlaps `store`, so the two may add up to more
    /// than the run).
    pub analysis: std::time::Duration,
    /// Wall time spent writing copies and rows (fsync, index, commit).
    pub store: std::time::Duration,
}

/// One file read and parsed, with its articles analysed.
pub(super) struct Unit {
    pub(super) origin: String,
    pub(super) bytes: Vec<u8>,
    sha256: String,
    pub(super) format: Format,
    pub(super) articles: Vec<Prepared>,
}

/// One analysed article, ready to insert.
pub(super) struct Prepared {
    pub(super) article: Article,
    pub(super) analysis: Analysis,
}

impl Library {
    /// Adds files, folders (recursively) or stdin, reporting each article
    /// through `on_event`. A file that fails is reported and the rest go on.
    /// Returns totals, with whether any file failed.
    ///
    /// # Errors
    /// Only a failure of the library itself (read-only or full folder,
    /// database error); what was committed before it stays.
    pub fn add(
        &mut self,
        inputs: &[Input],
        on_event: &mut dyn FnMut(&AddEvent),
    ) -> Result<AddSummary> {
        let mut summary = AddSummary::default();
        let mut failed = false;
        let mut paths = Vec::new();
        let mut units = Vec::new();
        for input in inputs {
            match input {
                Input::Path(path) => expand(path, &mut paths, &mut |m| {
                    failed = true;
                    on_event(&AddEvent::Failed(m));
                }),
                Input::Stdin => match read_stdin() {
                    Ok(unit) => units.push(unit),
                    Err(message) => {
                        failed = true;
                        on_event(&AddEvent::Failed(message));
                    }
                },
            }
        }
        let total = paths.len() + units.len();
        let analyzer = Analyzer::default();
        let mut done = 0;
        if !units.is_empty() {
            let clock = Instant::now();
            let prepared = analyse_units(&analyzer, units);
            summary.analysis += clock.elapsed();
            done += prepared.len();
            summary.articles += prepared.iter().map(|u| u.articles.len()).sum::<usize>();
            let clock = Instant::now();
            self.store_batch(prepared, on_event)?;
            summary.store += clock.elapsed();
            on_event(&AddEvent::Progress { done, total });
        }
        // A pipeline: the next batch is read and analysed (on the rayon
        // pool) while this one is written, so the disk waits and the
        // single-threaded SQLite work overlap the analysis.
        let analyse = |chunk: &[PathBuf]| {
            let clock = Instant::now();
            let results: Vec<std::result::Result<Unit, String>> = chunk
                .par_iter()
                .map(|path| read_file(path).map(|unit| analyse_unit(&analyzer, unit)))
                .collect();
            (chunk.len(), results, clock.elapsed())
        };
        let mut chunks = paths.chunks(BATCH_FILES);
        let mut ready = chunks.next().map(analyse);
        while let Some((len, results, took)) = ready.take() {
            summary.analysis += took;
            let next_chunk = chunks.next();
            let (next, stored) = std::thread::scope(|scope| {
                let handle = next_chunk.map(|c| scope.spawn(move || analyse(c)));
                let stored = self.store_results(results, &mut summary, on_event);
                (handle.and_then(|h| h.join().ok()), stored)
            });
            failed |= stored?;
            done += len;
            on_event(&AddEvent::Progress { done, total });
            ready = next;
        }
        summary.failed = failed;
        Ok(summary)
    }

    /// Reports the files of a batch that failed and stores the rest; adds
    /// the articles and store time to `summary`. Returns whether any failed.
    fn store_results(
        &mut self,
        results: Vec<std::result::Result<Unit, String>>,
        summary: &mut AddSummary,
        on_event: &mut dyn FnMut(&AddEvent),
    ) -> Result<bool> {
        let mut failed = false;
        let mut batch = Vec::new();
        for result in results {
            match result {
                Ok(unit) => batch.push(unit),
                Err(message) => {
                    failed = true;
                    on_event(&AddEvent::Failed(message));
                }
            }
        }
        summary.articles += batch.iter().map(|u| u.articles.len()).sum::<usize>();
        let clock = Instant::now();
        self.store_batch(batch, on_event)?;
        summary.store += clock.elapsed();
        Ok(failed)
    }

    /// Writes the copies of a batch, then commits its rows in one transaction.
    pub(super) fn store_batch(
        &mut self,
        batch: Vec<Unit>,
        on_event: &mut dyn FnMut(&AddEvent),
    ) -> Result<()> {
        let dir = self.articles_dir();
        let db = self.db_path();
        let sql = |e: rusqlite::Error| LibraryError::sql(&db, &e);
        let mut temps = write_temps(&dir, &batch)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut events = Vec::new();
        let mut old_copies = HashSet::new();
        let mut wrote = false;
        for unit in batch {
            let copy = format!(
                "{}.{}",
                article::article_id(&unit.bytes),
                format_name(unit.format)
            );
            let mut copy_written = false;
            let temp = temps.remove(&copy).flatten();
            for (index, prepared) in unit.articles.iter().enumerate() {
                let article = &prepared.article;
                let title = article.title.clone().unwrap_or_default();
                if let Some(stored_title) = stored_title(&tx, &article.id).map_err(sql)? {
                    events.push(AddEvent::Duplicate {
                        id: article.id.clone(),
                        title: stored_title.unwrap_or_default(),
                    });
                    continue;
                }
                if !copy_written {
                    if let Some(temp) = &temp {
                        files::install(temp, &dir, &copy)?;
                        wrote = true;
                    }
                    copy_written = true;
                }
                let replaced = previous_at(&tx, &unit.origin, index).map_err(sql)?;
                insert_article(&tx, prepared, &unit, &copy, index).map_err(sql)?;
                match replaced {
                    Some((old, old_copy)) => {
                        rekey(&tx, &old, &article.id).map_err(sql)?;
                        delete_article(&tx, &old).map_err(sql)?;
                        old_copies.insert(old_copy);
                        events.push(AddEvent::Replaced {
                            old,
                            id: article.id.clone(),
                            title,
                        });
                    }
                    None => events.push(AddEvent::Added {
                        id: article.id.clone(),
                        title,
                    }),
                }
            }
        }
        if wrote {
            files::sync_dir(&dir)?;
        }
        let mut unused = Vec::new();
        for copy in old_copies {
            let used: bool = tx
                .query_row(
                    "SELECT count(*) > 0 FROM articles WHERE copy = ?1",
                    [&copy],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            if !used {
                unused.push(copy);
            }
        }
        tx.commit().map_err(sql)?;
        for temp in temps.into_values().flatten() {
            let _ = std::fs::remove_file(temp);
        }
        for copy in unused {
            files::remove_copy(&dir, &copy);
        }
        for event in &events {
            on_event(event);
        }
        Ok(())
    }
}

/// Threads writing and fsyncing copies at once (fsync waits on the disk, not
/// the CPU, so more threads than cores pay off).
const WRITERS: usize = 16;

/// The copy name of a unit: its file's id and the format's extension.
fn copy_name(unit: &Unit) -> String {
    format!(
        "{}.{}",
        article::article_id(&unit.bytes),
        format_name(unit.format)
    )
}

/// A copy name and its temp file (`None`: the copy already exists).
type Temp = (String, Option<PathBuf>);

/// Writes and fsyncs the temp files of a batch in parallel, before the
/// write lock is taken. Maps copy name to its temp file (`None`: exists).
fn write_temps(
    dir: &Path,
    batch: &[Unit],
) -> Result<std::collections::HashMap<String, Option<PathBuf>>> {
    let mut wanted: std::collections::HashMap<String, &Unit> = std::collections::HashMap::new();
    for unit in batch {
        wanted.entry(copy_name(unit)).or_insert(unit);
    }
    let jobs: Vec<(String, &Unit)> = wanted.into_iter().collect();
    let per_thread = jobs.len().div_ceil(WRITERS).max(1);
    let results: Vec<Result<Vec<Temp>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(name, unit)| {
                            files::write_temp(dir, name, &unit.bytes).map(|t| (name.clone(), t))
                        })
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Ok(Vec::new())))
            .collect()
    });
    let mut temps = std::collections::HashMap::new();
    let mut first_error = None;
    for result in results {
        match result {
            Ok(pairs) => temps.extend(pairs),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        for temp in temps.into_values().flatten() {
            let _ = std::fs::remove_file(temp);
        }
        return Err(e);
    }
    Ok(temps)
}

/// Lists the files under `path` (itself if a file), sorted, hidden skipped.
fn expand(path: &Path, out: &mut Vec<PathBuf>, on_error: &mut dyn FnMut(String)) {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let entries = match std::fs::read_dir(path) {
                Ok(entries) => entries,
                Err(e) => return on_error(format!("{}: {e}", path.display())),
            };
            let mut children: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .collect();
            children.sort();
            for child in children {
                expand(&child, out, on_error);
            }
        }
        Ok(_) => out.push(path.to_owned()),
        Err(e) => on_error(format!("{}: {e}", path.display())),
    }
}

/// Reads and parses one file; the origin is its canonical path.
fn read_file(path: &Path) -> std::result::Result<Unit, String> {
    let shown = path.display().to_string();
    let origin =
        std::fs::canonicalize(path).map_or_else(|_| shown.clone(), |p| p.display().to_string());
    let limit = article::max_size_from_env();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{shown}: {e}"))?
        .len();
    if size > limit {
        return Err(format!(
            "{shown}: too large ({size} bytes, limit {limit}; set LEDE_MAX_SIZE)"
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    let format = article::detect_format(Some(path), &bytes);
    parse_unit(origin, bytes, format)
}

fn read_stdin() -> std::result::Result<Unit, String> {
    use std::io::Read;
    let limit = article::max_size_from_env();
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("-: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "-: too large (limit {limit} bytes; set LEDE_MAX_SIZE)"
        ));
    }
    let format = article::detect_format(None, &bytes);
    parse_unit("-".to_owned(), bytes, format)
}

/// The full SHA-256 of a stored copy, in hex.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(super) fn parse_unit(
    origin: String,
    bytes: Vec<u8>,
    format: Format,
) -> std::result::Result<Unit, String> {
    let loaded = article::parse(&origin, format, &bytes).map_err(|e| e.to_string())?;
    let articles = loaded
        .articles
        .into_iter()
        .map(|article| Prepared {
            article,
            analysis: Analysis::default(),
        })
        .collect();
    Ok(Unit {
        sha256: sha256_hex(&bytes),
        origin,
        bytes,
        format,
        articles,
    })
}

pub(super) fn analyse_unit(analyzer: &Analyzer, mut unit: Unit) -> Unit {
    for prepared in &mut unit.articles {
        prepared.analysis = analyzer.analyze(&prepared.article);
    }
    unit
}

fn analyse_units(analyzer: &Analyzer, units: Vec<Unit>) -> Vec<Unit> {
    units
        .into_par_iter()
        .map(|u| analyse_unit(analyzer, u))
        .collect()
}

/// `Some(title)` when the id is stored.
fn stored_title(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<Option<Option<String>>> {
    tx.prepare_cached("SELECT title FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()
}

/// The article previously added from the same file at the same place, with its copy.
fn previous_at(
    tx: &Transaction<'_>,
    origin: &str,
    index: usize,
) -> rusqlite::Result<Option<(String, String)>> {
    if origin == "-" {
        return Ok(None);
    }
    tx.prepare_cached("SELECT id, copy FROM articles WHERE origin = ?1 AND origin_index = ?2")?
        .query_row(params![origin, super::int(index)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()
}

/// Inserts one article's rows: metadata, cached analysis, entities, full text.
fn insert_article(
    tx: &Transaction<'_>,
    prepared: &Prepared,
    unit: &Unit,
    copy: &str,
    index: usize,
) -> rusqlite::Result<()> {
    let a = &prepared.article;
    tx.prepare_cached(
        "INSERT INTO articles (id, copy_sha256, copy, format, origin, origin_index, source_format,
            title, byline, date, date_raw, source, url, added, analyser, analysis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, '', '')",
    )?
    .execute(params![
        a.id,
        unit.sha256,
        copy,
        format_name(unit.format),
        unit.origin,
        super::int(index),
        source_format_name(a),
        a.title,
        a.byline,
        a.date,
        a.date_raw,
        a.source,
        a.url,
        now(),
    ])?;
    write_analysis(tx, a, &prepared.analysis)?;
    write_text(tx, a)
}

/// The full-text row id of an article: its 12 hex digits as a number, so
/// one row is found without scanning (ids are unique, and 48 bits fit).
fn fts_rowid(id: &str) -> Option<i64> {
    i64::from_str_radix(id, 16).ok()
}

/// Deletes an article's full-text row.
fn delete_text(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    match fts_rowid(id) {
        Some(rowid) => tx
            .prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
            .execute([rowid]),
        None => tx.execute("DELETE FROM articles_fts WHERE id = ?1", [id]),
    }
    .map(|_| ())
}

/// Replaces the full-text row of an article (title and body).
pub(super) fn write_text(tx: &Transaction<'_>, a: &Article) -> rusqlite::Result<()> {
    delete_text(tx, &a.id)?;
    tx.prepare_cached("INSERT INTO articles_fts (rowid, id, title, body) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![
            fts_rowid(&a.id),
            a.id,
            a.title.as_deref().unwrap_or(""),
            a.body
        ])
        .map(|_| ())
}

/// Stores (or replaces) an article's cached analysis and entity rows.
pub(super) fn write_analysis(
    tx: &Transaction<'_>,
    article: &Article,
    analysis: &Analysis,
) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE articles SET analyser = ?2, analysis = ?3 WHERE id = ?1")?
        .execute(params![
            article.id,
            cache::analyser_identity(),
            cache::encode(analysis)
        ])?;
    tx.prepare_cached("DELETE FROM entities WHERE article_id = ?1")?
        .execute([&article.id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities (article_id, rank, name, kind, count) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (rank, index) in entity_order(analysis).into_iter().enumerate() {
        if let Some(entity) = analysis.entities.get(index) {
            stmt.execute(params![
                article.id,
                super::int(rank),
                entity.name,
                entity.kind.name(),
                super::int(entity.mentions.len())
            ])?;
        }
    }
    super::names::write_analysis(tx, &article.id, analysis)
}

/// Deletes an article's rows (entities cascade), not its highlights or position.
pub(super) fn delete_article(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    delete_text(tx, id)?;
    tx.execute("DELETE FROM articles WHERE id = ?1", [id])
        .map(|_| ())
}

/// Moves the reading position and highlights of `old` to `new`. A position
/// already saved for `new` wins.
fn rekey(tx: &Transaction<'_>, old: &str, new: &str) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE OR IGNORE positions SET article_id = ?2 WHERE article_id = ?1",
        [old, new],
    )?;
    tx.execute("DELETE FROM positions WHERE article_id = ?1", [old])?;
    tx.execute(
        "UPDATE highlights SET article_id = ?2 WHERE article_id = ?1",
        [old, new],
    )
    .map(|_| ())
}

fn source_format_name(article: &Article) -> String {
    serde_json::to_value(article.source_format)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
