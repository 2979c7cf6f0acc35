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

/// Files in the first batch: small, so that storing starts early.
const FIRST_BATCH: usize = 64;
/// Files analysed and written per transaction after the first. Larger
/// batches dirty each page of the randomly keyed indexes once for more
/// articles: at 64 files the WAL received ~26 page frames per article,
/// most of them the same index pages again.
const BATCH_FILES: usize = 256;

/// Copy name to its temp file (`None`: the copy already exists).
type Temps = std::collections::HashMap<String, Option<PathBuf>>;

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
    /// The rows of each article (same order), encoded by [`analyse_unit`].
    encoded: Vec<Encoded>,
}

/// An article's cached analysis, entity rows and name-index rows, encoded
/// in the analysis threads so that the write transaction only inserts.
pub(super) struct Encoded {
    analysis: String,
    /// Name, kind and mention count of each entity, in rank order.
    entities: Vec<(String, &'static str, i64)>,
    names: Vec<super::names::NameRow>,
}

impl Encoded {
    /// Encodes the rows of one analysis.
    fn new(analysis: &Analysis) -> Encoded {
        let entities = entity_order(analysis)
            .into_iter()
            .filter_map(|i| analysis.entities.get(i))
            .map(|e| (e.name.clone(), e.kind.name(), super::int(e.mentions.len())))
            .collect();
        Encoded {
            analysis: cache::encode(analysis),
            entities,
            names: super::names::rows(&super::names::records(analysis)),
        }
    }
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
        self.bulk_mode(true)?;
        let result = self.add_all(paths, units, total, &analyzer, &mut summary, on_event);
        // Best effort: the connection is usually dropped right after.
        let _ = self.bulk_mode(false);
        summary.failed = failed | result?;
        Ok(summary)
    }

    /// Page cache and WAL checkpoint interval while adding many articles.
    /// A batch's transaction touches more pages than the default 2,000-page
    /// (8 MB) cache holds, so SQLite spilled pages to the WAL mid-transaction
    /// and read them back; and the default checkpoint every 1,000 WAL pages
    /// copied the same hot index pages into the database again after nearly
    /// every batch. Returns to the defaults when `on` is false.
    fn bulk_mode(&self, on: bool) -> Result<()> {
        let (cache_kib, checkpoint_pages) = if on {
            (-65_536, 16_384)
        } else {
            (-2_000, 1_000)
        };
        self.conn
            .pragma_update(None, "cache_size", cache_kib)
            .and_then(|()| {
                self.conn.pragma_update_and_check(
                    None,
                    "wal_autocheckpoint",
                    checkpoint_pages,
                    |_| Ok(()),
                )
            })
            .map_err(|e| self.sql_error(&e))
    }

    /// Analyses and stores stdin's unit and every path, batch by batch.
    /// Returns whether any file failed.
    fn add_all(
        &mut self,
        paths: Vec<PathBuf>,
        units: Vec<Unit>,
        total: usize,
        analyzer: &Analyzer,
        summary: &mut AddSummary,
        on_event: &mut dyn FnMut(&AddEvent),
    ) -> Result<bool> {
        let mut failed = false;
        let mut done = 0;
        if !units.is_empty() {
            let clock = Instant::now();
            let prepared = analyse_units(analyzer, units);
            summary.analysis += clock.elapsed();
            done += prepared.len();
            summary.articles += prepared.iter().map(|u| u.articles.len()).sum::<usize>();
            let clock = Instant::now();
            let temps = write_temps(&self.articles_dir(), &prepared)?;
            self.store_batch(prepared, temps, on_event)?;
            summary.store += clock.elapsed();
            on_event(&AddEvent::Progress { done, total });
        }
        // A pipeline: the next batch is read and analysed (on the rayon
        // pool), and its copies written and fsynced to temp files (by
        // writer threads, waiting on the disk meanwhile), while this one is
        // stored; the disk waits and the single-threaded SQLite work overlap
        // the analysis.
        let dir = self.articles_dir();
        let dir = dir.as_path();
        let analyse = |chunk: &[PathBuf]| {
            let clock = Instant::now();
            let read: Vec<std::result::Result<Unit, String>> =
                chunk.par_iter().map(|path| read_file(path)).collect();
            let (analysed, temps) = std::thread::scope(|scope| {
                let units = read.iter().filter_map(|r| r.as_ref().ok());
                let temps = scope.spawn(move || write_temps(dir, units));
                let analysed: Vec<Option<Analysed>> = read
                    .par_iter()
                    .map(|r| r.as_ref().ok().map(|unit| analyse_articles(analyzer, unit)))
                    .collect();
                let temps = temps.join().unwrap_or_else(|_| {
                    Err(LibraryError::io(
                        dir,
                        std::io::Error::other("copy writer failed"),
                    ))
                });
                (analysed, temps)
            });
            let results: Vec<std::result::Result<Unit, String>> = read
                .into_iter()
                .zip(analysed)
                .map(|(r, a)| r.map(|unit| attach(unit, a.unwrap_or_default())))
                .collect();
            (chunk.len(), results, temps, clock.elapsed())
        };
        let mut chunks = batches(&paths).into_iter();
        let mut ready = chunks.next().map(analyse);
        while let Some((len, results, temps, took)) = ready.take() {
            summary.analysis += took;
            let next_chunk = chunks.next();
            let (next, stored) = std::thread::scope(|scope| {
                let handle = next_chunk.map(|c| scope.spawn(move || analyse(c)));
                let stored =
                    temps.and_then(|temps| self.store_results(results, temps, summary, on_event));
                (handle.and_then(|h| h.join().ok()), stored)
            });
            failed |= stored?;
            done += len;
            on_event(&AddEvent::Progress { done, total });
            ready = next;
        }
        Ok(failed)
    }

    /// Reports the files of a batch that failed and stores the rest; adds
    /// the articles and store time to `summary`. Returns whether any failed.
    fn store_results(
        &mut self,
        results: Vec<std::result::Result<Unit, String>>,
        temps: Temps,
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
        self.store_batch(batch, temps, on_event)?;
        summary.store += clock.elapsed();
        Ok(failed)
    }

    /// Installs the copies of a batch from their fsynced temp files (see
    /// [`write_temps`]) and commits its rows, in one transaction.
    pub(super) fn store_batch(
        &mut self,
        batch: Vec<Unit>,
        mut temps: Temps,
        on_event: &mut dyn FnMut(&AddEvent),
    ) -> Result<()> {
        let dir = self.articles_dir();
        let db = self.db_path();
        let sql = |e: rusqlite::Error| LibraryError::sql(&db, &e);
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
                let fresh;
                let encoded = match unit.encoded.get(index) {
                    Some(encoded) => encoded,
                    None => {
                        fresh = Encoded::new(&prepared.analysis);
                        &fresh
                    }
                };
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
                insert_article(&tx, &prepared.article, encoded, &unit, &copy, index)
                    .map_err(sql)?;
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

/// Splits the files to add into batches: a small first one, then full ones.
fn batches(paths: &[PathBuf]) -> Vec<&[PathBuf]> {
    let (first, rest) = paths.split_at(FIRST_BATCH.min(paths.len()));
    std::iter::once(first)
        .filter(|c| !c.is_empty())
        .chain(rest.chunks(BATCH_FILES))
        .collect()
}

/// Writes and fsyncs the temp files of a batch in parallel, before the
/// write lock is taken. Maps copy name to its temp file (`None`: exists).
fn write_temps<'a>(dir: &Path, batch: impl IntoIterator<Item = &'a Unit>) -> Result<Temps> {
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
        encoded: Vec::new(),
    })
}

/// The analyses of a unit's articles, with their encoded rows.
type Analysed = Vec<(Analysis, Encoded)>;

pub(super) fn analyse_unit(analyzer: &Analyzer, unit: Unit) -> Unit {
    let analysed = analyse_articles(analyzer, &unit);
    attach(unit, analysed)
}

/// Analyses the articles of a unit and encodes their rows.
fn analyse_articles(analyzer: &Analyzer, unit: &Unit) -> Analysed {
    unit.articles
        .iter()
        .map(|p| {
            let analysis = analyzer.analyze(&p.article);
            let encoded = Encoded::new(&analysis);
            (analysis, encoded)
        })
        .collect()
}

/// Puts the results of [`analyse_articles`] into their unit.
fn attach(mut unit: Unit, analysed: Analysed) -> Unit {
    let mut encoded = Vec::with_capacity(analysed.len());
    for (prepared, (analysis, rows)) in unit.articles.iter_mut().zip(analysed) {
        prepared.analysis = analysis;
        encoded.push(rows);
    }
    unit.encoded = encoded;
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

/// Inserts one new article's rows: metadata with the cached analysis,
/// entities, name index, full text. Nothing to delete first: the id was
/// just checked absent, and its dependent rows cascade with it.
fn insert_article(
    tx: &Transaction<'_>,
    a: &Article,
    encoded: &Encoded,
    unit: &Unit,
    copy: &str,
    index: usize,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO articles (id, copy_sha256, copy, format, origin, origin_index, source_format,
            title, byline, date, date_raw, source, url, added, analyser, analysis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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
        cache::analyser_identity(),
        encoded.analysis,
    ])?;
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (article_id, rank, name, kind, count) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (rank, (name, kind, count)) in encoded.entities.iter().enumerate() {
        entity.execute(params![a.id, super::int(rank), name, kind, count])?;
    }
    super::names::insert(tx, &a.id, &encoded.names)?;
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
