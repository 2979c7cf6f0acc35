//! Highlights in the library database (DESIGN.md §7): one row per highlight,
//! keyed by article id, so they work for stored articles, samples and files
//! opened directly alike. Every write is one statement or one transaction;
//! there is no save step.
//!
//! Each row carries a Hypothesis-style selector (field, char offsets, the
//! exact text, some prefix and suffix) so that it can be re-attached after the
//! article changed (see [`super::anchor`]). A highlight that cannot be placed
//! is kept with `orphaned` set; it is never dropped.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::error::{LibraryError, Result};
use super::{Library, int, now};
use crate::article::Field;

/// Columns read by [`from_row`], in its order.
const COLUMNS: &str =
    "id, article_id, field, start, end, text, prefix, suffix, note, created, updated, orphaned";

/// One stored highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Row id, stable for the highlight's life (also across undo).
    pub id: i64,
    /// The 12-hex id of the article it belongs to.
    pub article_id: String,
    /// The text field it lies in.
    pub field: Field,
    /// First char (Unicode scalar index) in the field.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The exact text highlighted, as it was when last anchored.
    pub text: String,
    /// Up to [`CONTEXT_CHARS`] chars before it in the field.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after it in the field.
    pub suffix: String,
    /// The reader's note, if any.
    pub note: Option<String>,
    /// When it was made (Unix seconds, UTC).
    pub created: i64,
    /// When it or its note last changed (Unix seconds, UTC).
    pub updated: i64,
    /// True when it could not be placed in the current text of the article.
    pub orphaned: bool,
}

/// How many chars of context a selector keeps on each side.
pub const CONTEXT_CHARS: usize = 30;

/// A highlight to add: everything but the id and the timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHighlight {
    /// The 12-hex id of the article.
    pub article_id: String,
    /// The text field it lies in.
    pub field: Field,
    /// First char in the field.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The exact text.
    pub text: String,
    /// Context before it.
    pub prefix: String,
    /// Context after it.
    pub suffix: String,
    /// An optional note.
    pub note: Option<String>,
}

impl NewHighlight {
    /// The selector of chars `start..end` of `field_text` (clamped to it),
    /// with [`CONTEXT_CHARS`] chars of prefix and suffix and no note.
    #[must_use]
    pub fn from_text(
        article_id: &str,
        field: Field,
        field_text: &str,
        start: usize,
        end: usize,
    ) -> NewHighlight {
        let len = field_text.chars().count();
        let end = end.min(len);
        let start = start.min(end);
        let take = |from: usize, to: usize| -> String {
            field_text.chars().skip(from).take(to - from).collect()
        };
        NewHighlight {
            article_id: article_id.to_owned(),
            field,
            start,
            end,
            text: take(start, end),
            prefix: take(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: take(end, (end + CONTEXT_CHARS).min(len)),
            note: None,
        }
    }
}

impl Highlight {
    /// `created` as `YYYY-MM-DD HH:MM:SS` (UTC), for people.
    #[must_use]
    pub fn created_utc(&self) -> String {
        format_utc(self.created)
    }

    /// `updated` as `YYYY-MM-DD HH:MM:SS` (UTC), for people.
    #[must_use]
    pub fn updated_utc(&self) -> String {
        format_utc(self.updated)
    }

    /// `created` as RFC 3339 (`2026-11-25T15:48:50Z`), for machines.
    #[must_use]
    pub fn created_rfc3339(&self) -> String {
        format_rfc3339(self.created)
    }

    /// `updated` as RFC 3339, for machines.
    #[must_use]
    pub fn updated_rfc3339(&self) -> String {
        format_rfc3339(self.updated)
    }
}

/// Unix seconds as `YYYY-MM-DD HH:MM:SS` in UTC.
#[must_use]
pub fn format_utc(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}

/// Unix seconds as RFC 3339 in UTC (`YYYY-MM-DDTHH:MM:SSZ`).
#[must_use]
pub fn format_rfc3339(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// Splits Unix seconds into UTC year, month, day, hour, minute, second
/// (proleptic Gregorian calendar; days counted from 0000-03-01 so that the
/// leap day ends each 4-year cycle).
fn civil(secs: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Reads a row selected with [`COLUMNS`]; an unknown field name reads as the
/// body (with `orphaned` set, since its offsets mean nothing there).
fn from_row(r: &Row<'_>) -> rusqlite::Result<Highlight> {
    let field_name: String = r.get(2)?;
    let field = Field::parse(&field_name);
    let offset = |i: usize| -> rusqlite::Result<usize> {
        Ok(usize::try_from(r.get::<_, i64>(i)?).unwrap_or(0))
    };
    Ok(Highlight {
        id: r.get(0)?,
        article_id: r.get(1)?,
        field: field.unwrap_or(Field::Body),
        start: offset(3)?,
        end: offset(4)?,
        text: r.get(5)?,
        prefix: r.get(6)?,
        suffix: r.get(7)?,
        note: r.get(8)?,
        created: r.get(9)?,
        updated: r.get(10)?,
        orphaned: r.get::<_, bool>(11)? || field.is_none(),
    })
}

/// Reading order within one article: placed highlights by field (title,
/// body, captions, related) and offset; orphans last, oldest first.
fn reading_order(a: &Highlight, b: &Highlight) -> std::cmp::Ordering {
    (a.orphaned, a.orphaned.then_some(a.created))
        .cmp(&(b.orphaned, b.orphaned.then_some(b.created)))
        .then_with(|| (a.field, a.start, a.end).cmp(&(b.field, b.start, b.end)))
        .then(a.id.cmp(&b.id))
}

/// A note as stored: trimmed, and `None` when empty.
fn clean_note(note: Option<&str>) -> Option<String> {
    note.map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
}

impl Library {
    /// The highlights of one article, in reading order (orphans last).
    ///
    /// # Errors
    /// A database failure.
    pub fn highlights(&self, article_id: &str) -> Result<Vec<Highlight>> {
        let sql = format!("SELECT {COLUMNS} FROM highlights WHERE article_id = ?1");
        let mut list = self.query_highlights(&sql, [article_id])?;
        list.sort_by(reading_order);
        Ok(list)
    }

    /// Every highlight in the library, grouped by article id (in id order)
    /// and in reading order within an article; for exports of the whole library.
    ///
    /// # Errors
    /// A database failure.
    pub fn all_highlights(&self) -> Result<Vec<Highlight>> {
        let sql = format!("SELECT {COLUMNS} FROM highlights");
        let mut list = self.query_highlights(&sql, [])?;
        list.sort_by(|a, b| {
            a.article_id
                .cmp(&b.article_id)
                .then_with(|| reading_order(a, b))
        });
        Ok(list)
    }

    /// One highlight by row id.
    ///
    /// # Errors
    /// A database failure.
    pub fn highlight(&self, id: i64) -> Result<Option<Highlight>> {
        let sql = format!("SELECT {COLUMNS} FROM highlights WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], from_row)
            .optional()
            .map_err(|e| self.sql_error(&e))
    }

    fn query_highlights<P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
    ) -> Result<Vec<Highlight>> {
        let run = || -> rusqlite::Result<Vec<Highlight>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map(params, from_row)?;
            rows.collect()
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// Adds a highlight (one statement) and returns it as stored.
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn add_highlight(&self, new: &NewHighlight) -> Result<Highlight> {
        let now = now();
        let note = clean_note(new.note.as_deref());
        let sql = format!(
            "INSERT INTO highlights (article_id, field, start, end, text, prefix, suffix, note,
                created, updated, orphaned)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 0) RETURNING {COLUMNS}"
        );
        self.conn
            .query_row(
                &sql,
                params![
                    new.article_id,
                    new.field.name(),
                    int(new.start),
                    int(new.end),
                    new.text,
                    new.prefix,
                    new.suffix,
                    note,
                    now
                ],
                from_row,
            )
            .map_err(|e| self.sql_error(&e))
    }

    /// Sets or clears (`None` or blank) the note of a highlight and bumps its
    /// `updated` time; returns the row as stored, `None` if it no longer exists.
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn set_highlight_note(&self, id: i64, note: Option<&str>) -> Result<Option<Highlight>> {
        let sql = format!(
            "UPDATE highlights SET note = ?2, updated = ?3 WHERE id = ?1 RETURNING {COLUMNS}"
        );
        self.conn
            .query_row(&sql, params![id, clean_note(note), now()], from_row)
            .optional()
            .map_err(|e| self.sql_error(&e))
    }

    /// Removes a highlight (one statement) and returns the removed row, so
    /// that [`Library::restore_highlight`] can undo it; `None` if there was none.
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn remove_highlight(&self, id: i64) -> Result<Option<Highlight>> {
        let sql = format!("DELETE FROM highlights WHERE id = ?1 RETURNING {COLUMNS}");
        self.conn
            .query_row(&sql, [id], from_row)
            .optional()
            .map_err(|e| self.sql_error(&e))
    }

    /// Puts back a removed highlight with all its fields. It keeps its id
    /// unless another highlight took that id meanwhile; returns it as stored.
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn restore_highlight(&self, h: &Highlight) -> Result<Highlight> {
        let sql = format!(
            "INSERT INTO highlights (id, article_id, field, start, end, text, prefix, suffix,
                note, created, updated, orphaned)
             VALUES ((SELECT CASE WHEN EXISTS (SELECT 1 FROM highlights WHERE id = ?1)
                      THEN NULL ELSE ?1 END),
                     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             RETURNING {COLUMNS}"
        );
        self.conn
            .query_row(
                &sql,
                params![
                    h.id,
                    h.article_id,
                    h.field.name(),
                    int(h.start),
                    int(h.end),
                    h.text,
                    h.prefix,
                    h.suffix,
                    h.note,
                    h.created,
                    h.updated,
                    h.orphaned
                ],
                from_row,
            )
            .map_err(|e| self.sql_error(&e))
    }

    /// Writes the selectors (field, offsets, text, context, orphaned) of
    /// re-anchored highlights in one transaction; notes and times are kept.
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn update_anchors(&self, highlights: &[Highlight]) -> Result<()> {
        if highlights.is_empty() {
            return Ok(());
        }
        let run = || -> rusqlite::Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            {
                let mut stmt = tx.prepare(
                    "UPDATE highlights SET field = ?2, start = ?3, end = ?4, text = ?5,
                        prefix = ?6, suffix = ?7, orphaned = ?8 WHERE id = ?1",
                )?;
                for h in highlights {
                    stmt.execute(params![
                        h.id,
                        h.field.name(),
                        int(h.start),
                        int(h.end),
                        h.text,
                        h.prefix,
                        h.suffix,
                        h.orphaned
                    ])?;
                }
            }
            tx.commit()
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// Remembers that the `index`-th article of the file at canonical `path`
    /// now has id `article_id` (DESIGN.md §7). When the path was last seen
    /// with another id, that id's highlights follow the file: they are moved
    /// to the new id (copied instead when the old id is a stored article,
    /// which keeps its own). Returns the old id when highlights followed.
    /// One transaction.
    ///
    /// # Errors
    /// A read-only or full library, or another database failure.
    pub fn remember_path(
        &mut self,
        path: &str,
        index: usize,
        article_id: &str,
    ) -> Result<Option<String>> {
        let db = self.db_path();
        let sql = |e: rusqlite::Error| LibraryError::sql(&db, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let old: Option<String> = tx
            .query_row(
                "SELECT article_id FROM opened_paths WHERE path = ?1 AND idx = ?2",
                params![path, int(index)],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        tx.execute(
            "INSERT INTO opened_paths (path, idx, article_id, updated) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(path, idx) DO UPDATE SET article_id = ?3, updated = ?4",
            params![path, int(index), article_id, now()],
        )
        .map_err(sql)?;
        let moved = match old.filter(|old| old != article_id) {
            Some(old) => follow(&tx, &old, article_id).map_err(sql)?.then_some(old),
            None => None,
        };
        tx.commit().map_err(sql)?;
        Ok(moved)
    }
}

/// Moves (or, for a stored article, copies) `old`'s highlights to `new`;
/// true when there were any.
fn follow(tx: &rusqlite::Transaction<'_>, old: &str, new: &str) -> rusqlite::Result<bool> {
    let stored: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
        [old],
        |r| r.get(0),
    )?;
    let n = if stored {
        tx.execute(
            "INSERT INTO highlights (article_id, field, start, end, text, prefix, suffix, note,
                created, updated, orphaned)
             SELECT ?2, field, start, end, text, prefix, suffix, note, created, updated, orphaned
             FROM highlights WHERE article_id = ?1 ORDER BY id",
            [old, new],
        )?
    } else {
        tx.execute(
            "UPDATE highlights SET article_id = ?2 WHERE article_id = ?1",
            [old, new],
        )?
    };
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> (tempfile::TempDir, Library) {
        let tmp = tempfile::tempdir().unwrap();
        let library = Library::open(&tmp.path().join("lib")).unwrap();
        (tmp, library)
    }

    const TEXT: &str = "Jane Doe went to Paris. She met Bob there. Then both flew home.";

    fn new(article: &str, field: Field, start: usize, end: usize) -> NewHighlight {
        NewHighlight::from_text(article, field, TEXT, start, end)
    }

    #[test]
    fn selector_from_text_clamps_and_keeps_context() {
        let h = NewHighlight::from_text("a", Field::Body, TEXT, 24, 42);
        assert_eq!(h.text, "She met Bob there.");
        assert_eq!(h.prefix, "Jane Doe went to Paris. ");
        assert_eq!(h.suffix, " Then both flew home.");
        let h = NewHighlight::from_text("a", Field::Body, "héllo wörld", 6, 99);
        assert_eq!((h.start, h.end, h.text.as_str()), (6, 11, "wörld"));
        assert_eq!(h.prefix, "héllo ");
        let h = NewHighlight::from_text("a", Field::Body, "abc", 7, 2);
        assert_eq!((h.start, h.end, h.text.as_str()), (2, 2, ""));
        let long = "x".repeat(100);
        let h = NewHighlight::from_text("a", Field::Body, &long, 50, 51);
        assert_eq!(
            (h.prefix.len(), h.suffix.len()),
            (CONTEXT_CHARS, CONTEXT_CHARS)
        );
    }

    #[test]
    fn add_lists_in_reading_order_and_all_groups_by_article() {
        let (_tmp, lib) = library();
        let late = lib.add_highlight(&new("a1", Field::Body, 24, 42)).unwrap();
        let early = lib.add_highlight(&new("a1", Field::Body, 0, 23)).unwrap();
        let caption = lib
            .add_highlight(&new("a1", Field::Caption(10), 0, 4))
            .unwrap();
        let caption2 = lib
            .add_highlight(&new("a1", Field::Caption(2), 0, 4))
            .unwrap();
        let title = lib.add_highlight(&new("a1", Field::Title, 0, 4)).unwrap();
        let other = lib.add_highlight(&new("a0", Field::Body, 0, 4)).unwrap();
        let ids: Vec<i64> = lib.highlights("a1").unwrap().iter().map(|h| h.id).collect();
        assert_eq!(ids, [title.id, early.id, late.id, caption2.id, caption.id]);
        let all: Vec<i64> = lib.all_highlights().unwrap().iter().map(|h| h.id).collect();
        assert_eq!(all.first(), Some(&other.id));
        assert_eq!(all.len(), 6);
        assert!(lib.highlights("nope").unwrap().is_empty());
        assert_eq!(lib.highlight_count("a1").unwrap(), 5);
        assert_eq!(late.text, "She met Bob there.");
        assert!(late.note.is_none() && !late.orphaned);
        assert_eq!(late.created, late.updated);
    }

    #[test]
    fn orphans_come_last() {
        let (_tmp, lib) = library();
        let a = lib.add_highlight(&new("a", Field::Body, 0, 4)).unwrap();
        let b = lib.add_highlight(&new("a", Field::Body, 10, 14)).unwrap();
        let mut orphan = a.clone();
        orphan.orphaned = true;
        lib.update_anchors(&[orphan]).unwrap();
        let list = lib.highlights("a").unwrap();
        assert_eq!(list.iter().map(|h| h.id).collect::<Vec<_>>(), [b.id, a.id]);
        assert!(list[1].orphaned);
    }

    #[test]
    fn notes_are_set_trimmed_and_cleared() {
        let (_tmp, lib) = library();
        let h = lib.add_highlight(&new("a", Field::Body, 0, 4)).unwrap();
        let noted = lib
            .set_highlight_note(h.id, Some("  why  "))
            .unwrap()
            .unwrap();
        assert_eq!(noted.note.as_deref(), Some("why"));
        assert!(noted.updated >= h.updated);
        let cleared = lib.set_highlight_note(h.id, Some("   ")).unwrap().unwrap();
        assert_eq!(cleared.note, None);
        assert_eq!(lib.set_highlight_note(9999, Some("x")).unwrap(), None);
    }

    #[test]
    fn remove_then_restore_keeps_every_field_and_the_id() {
        let (_tmp, lib) = library();
        let mut first = new("a", Field::Caption(1), 3, 9);
        first.note = Some("note é".to_owned());
        let h = lib.add_highlight(&first).unwrap();
        let removed = lib.remove_highlight(h.id).unwrap().unwrap();
        assert_eq!(removed, h);
        assert_eq!(lib.highlight(h.id).unwrap(), None);
        assert_eq!(lib.remove_highlight(h.id).unwrap(), None);
        let back = lib.restore_highlight(&removed).unwrap();
        assert_eq!(back, h);
        assert_eq!(lib.highlights("a").unwrap(), vec![h.clone()]);
        // A restore whose id was taken meanwhile gets a fresh one.
        let again = lib.restore_highlight(&removed).unwrap();
        assert_ne!(again.id, h.id);
        assert_eq!(again.text, h.text);
    }

    #[test]
    fn anchors_update_and_survive_reopening() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("lib");
        let id = {
            let lib = Library::open(&dir).unwrap();
            let h = lib
                .add_highlight(&new("sample", Field::Body, 0, 4))
                .unwrap();
            let mut moved = h.clone();
            moved.start = 5;
            moved.end = 9;
            moved.text = "Doe ".to_owned();
            lib.update_anchors(&[moved]).unwrap();
            h.id
        };
        let lib = Library::open_existing(&dir).unwrap().unwrap();
        let h = lib.highlight(id).unwrap().unwrap();
        assert_eq!((h.start, h.end, h.text.as_str()), (5, 9, "Doe "));
    }

    #[test]
    fn a_changed_file_takes_its_highlights_along() {
        let (_tmp, mut lib) = library();
        assert_eq!(lib.remember_path("/x/a.txt", 0, "old").unwrap(), None);
        lib.add_highlight(&new("old", Field::Body, 0, 4)).unwrap();
        assert_eq!(lib.remember_path("/x/a.txt", 0, "old").unwrap(), None);
        assert_eq!(
            lib.remember_path("/x/a.txt", 0, "new").unwrap().as_deref(),
            Some("old")
        );
        assert!(lib.highlights("old").unwrap().is_empty());
        assert_eq!(lib.highlights("new").unwrap().len(), 1);
        // Another article of the same file is tracked separately.
        assert_eq!(lib.remember_path("/x/a.txt", 1, "other").unwrap(), None);
        assert_eq!(lib.highlights("new").unwrap().len(), 1);
    }

    #[test]
    fn a_stored_article_keeps_its_highlights_when_its_file_changes() {
        let (tmp, mut lib) = library();
        let path = tmp.path().join("a.txt");
        let text = "Alpha\n\nJane Doe went to Paris.\n";
        std::fs::write(&path, text).unwrap();
        lib.add(&[super::super::Input::Path(path)], &mut |_| {})
            .unwrap();
        let stored = crate::article::article_id(text.as_bytes());
        lib.add_highlight(&new(&stored, Field::Body, 0, 4)).unwrap();
        lib.remember_path("/x/a.txt", 0, &stored).unwrap();
        lib.remember_path("/x/a.txt", 0, "edited").unwrap();
        assert_eq!(lib.highlights(&stored).unwrap().len(), 1);
        assert_eq!(lib.highlights("edited").unwrap().len(), 1);
    }

    #[test]
    fn timestamps_format_in_utc() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00");
        assert_eq!(format_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_795_621_730), "2026-11-25 15:48:50");
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_utc(4_107_542_400), "2100-03-01 00:00:00");
    }
}
