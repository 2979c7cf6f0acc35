//! `lede search`: full-text search over stored titles and bodies (the FTS5
//! table `articles_fts`), best bm25 score first, with a snippet whose
//! matched words are marked.

use rusqlite::params;
use serde::Serialize;

use super::Library;
use super::error::Result;

/// One article found by [`Library::search`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (ISO, or as written).
    pub date: Option<String>,
    /// Publication or site.
    pub source: Option<String>,
    /// bm25 score (lower is better, as SQLite reports it).
    pub score: f64,
    /// Text around the best matches ("…" where cut).
    pub snippet: String,
    /// Char ranges of the matched words in `snippet`.
    pub marks: Vec<(usize, usize)>,
}

/// Marks SQLite puts around matched words; control characters never occur
/// in sanitised text, so they cannot be confused with it.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

/// The FTS5 query for free words: each word quoted (so `AND`, `-` or `:` in
/// it are plain text), all required; a trailing `*` keeps prefix search.
/// `None` when no word is left.
#[must_use]
pub fn fts_query(words: &str) -> Option<String> {
    let terms: Vec<String> = words
        .split_whitespace()
        .filter_map(|w| {
            let (word, prefix) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (w, false),
            };
            let word: String = word.chars().filter(|c| !c.is_control()).collect();
            if !word.chars().any(char::is_alphanumeric) {
                return None;
            }
            let quoted = format!("\"{}\"", word.replace('"', "\"\""));
            Some(if prefix { format!("{quoted}*") } else { quoted })
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Splits SQLite's marked snippet into plain text and mark ranges (chars).
fn unmark(marked: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(marked.len());
    let mut marks = Vec::new();
    let mut count = 0;
    let mut open = None;
    for c in marked.chars() {
        match c {
            OPEN => open = Some(count),
            CLOSE => {
                if let Some(start) = open.take() {
                    marks.push((start, count));
                }
            }
            _ => {
                text.push(c);
                count += 1;
            }
        }
    }
    (text, marks)
}

impl Library {
    /// Stored articles containing every word of `words` (title or body,
    /// case and accents ignored), best bm25 first, at most `limit`.
    ///
    /// # Errors
    /// A database failure.
    pub fn search(&self, words: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(words) else {
            return Ok(Vec::new());
        };
        let run = || -> rusqlite::Result<Vec<SearchHit>> {
            let ranked: Vec<(i64, f64)> = {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1
                     ORDER BY rank LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![query, super::int(limit)], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            // The body's snippet, or the title when only the title matches.
            let mut snippet = self.conn.prepare_cached(
                "SELECT id, snippet(articles_fts, 2, char(2), char(3), '…', 24),
                        snippet(articles_fts, 1, char(2), char(3), '…', 24)
                 FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?2",
            )?;
            let mut meta = self.conn.prepare_cached(
                "SELECT title, coalesce(date, date_raw), source FROM articles WHERE id = ?1",
            )?;
            let mut hits = Vec::new();
            for (rowid, score) in ranked {
                let (id, body, title): (String, String, String) = snippet
                    .query_row(params![query, rowid], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?;
                let marked = if body.contains(OPEN) { body } else { title };
                let Ok((title, date, source)) =
                    meta.query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                else {
                    continue; // a full-text row whose article is gone
                };
                let (snippet, marks) = unmark(&marked);
                hits.push(SearchHit {
                    id,
                    title,
                    date,
                    source,
                    score,
                    snippet: snippet.replace('\n', " "),
                    marks,
                });
            }
            Ok(hits)
        };
        run().map_err(|e| self.sql_error(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_and_required() {
        assert_eq!(
            fts_query("kyiv talks").as_deref(),
            Some("\"kyiv\" \"talks\"")
        );
        assert_eq!(fts_query("AND OR").as_deref(), Some("\"AND\" \"OR\""));
        assert_eq!(
            fts_query("say \"hi\"").as_deref(),
            Some("\"say\" \"\"\"hi\"\"\"")
        );
        assert_eq!(fts_query("kov*").as_deref(), Some("\"kov\"*"));
        assert_eq!(fts_query("  - * ").as_deref(), None);
    }

    #[test]
    fn marks_become_char_ranges() {
        let (text, marks) = unmark("…the \u{2}Kyiv\u{3} talks in \u{2}Köln\u{3}");
        assert_eq!(text, "…the Kyiv talks in Köln");
        assert_eq!(marks, vec![(5, 9), (19, 23)]);
    }
}
