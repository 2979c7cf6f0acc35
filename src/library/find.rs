//! `lede find`: the articles that mention an entity, by a name given with
//! typos, other spellings or another form the article used; and the entity
//! index the library screen shows (every entity, the articles of one).

use rusqlite::params;
use serde::Serialize;

use super::Library;
use super::error::Result;
use super::fuzzy::NameQuery;
use super::names::decode_spans;
use crate::article::Field;
use crate::nlp::EntityKind;

/// What [`Library::find`] returns at most, and of which kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindOptions {
    /// Only entities of this kind.
    pub kind: Option<EntityKind>,
    /// At most this many article-entity hits.
    pub limit: usize,
}

impl Default for FindOptions {
    fn default() -> FindOptions {
        FindOptions {
            kind: None,
            limit: 20,
        }
    }
}

/// One article mentioning a matching entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindHit {
    /// The article id.
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Publication date (ISO, or as written).
    pub date: Option<String>,
    /// Publication or site.
    pub source: Option<String>,
    /// The entity's kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: EntityKind,
    /// The entity's canonical name in this article.
    pub name: String,
    /// The folded name that matched (canonical name, alias or surname).
    pub matched: String,
    /// Edit distance from the query to `matched` (0: exact).
    pub distance: usize,
    /// How many times the article mentions the entity.
    pub count: usize,
    /// Each mention with a snippet line around it, in reading order.
    pub mentions: Vec<Snippet>,
}

/// One mention and the line around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The field (`title`, `body`, `captions[0]`, ...).
    pub field: String,
    /// Char offset of the mention in the field.
    pub start: usize,
    /// Char offset one past its end.
    pub end: usize,
    /// A line of text around the mention ("…" where cut).
    pub snippet: String,
    /// Char range of the mention in `snippet`.
    pub mark: (usize, usize),
}

/// An entity across the library, for the "Entities" view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    /// Kind.
    #[serde(serialize_with = "kind_name")]
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// How many articles mention it.
    pub articles: usize,
    /// Mentions in all of them.
    pub mentions: usize,
}

/// An article of one entity, for the "Entities" view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityArticle {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (ISO, or as written).
    pub date: Option<String>,
    /// Publication or site.
    pub source: Option<String>,
    /// Mentions of the entity in it.
    pub count: usize,
    /// Where the first mention starts: field and char offset.
    pub first: Option<(Field, usize)>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn kind_name<S: serde::Serializer>(kind: &EntityKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.name())
}

/// Chars of context on each side of a mention in a snippet.
const CONTEXT: usize = 60;

/// A row of the ranked find query, before snippets.
struct Ranked {
    id: String,
    rank: i64,
    distance: usize,
    matched: String,
    name: String,
    kind: EntityKind,
    count: usize,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
}

impl Library {
    /// Folded names within the query's edit distance: (name id, distance).
    fn matching_keys(&self, query: &NameQuery) -> rusqlite::Result<Vec<(i64, usize)>> {
        // The length bound in SQL: most of the 37,000 names of a 10,000-article
        // library are never handed to Rust (no per-row column calls).
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, len, mask, key FROM name_keys WHERE len BETWEEN ?1 AND ?2",
        )?;
        let (len, max) = (query.folded().len(), query.max_distance());
        let mut rows = stmt.query(params![
            super::int(len.saturating_sub(max)),
            super::int(len.saturating_add(max))
        ])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let len = usize::try_from(row.get::<_, i64>(1)?).unwrap_or(usize::MAX);
            let mask = u64::from_ne_bytes(row.get::<_, i64>(2)?.to_ne_bytes());
            if !query.could_match(len, mask) {
                continue;
            }
            if let Some(d) = query.distance(row.get_ref(3)?.as_str()?) {
                found.push((row.get(0)?, d));
            }
        }
        Ok(found)
    }

    /// Articles mentioning an entity whose canonical name, another form it
    /// was written in, or (people) surname matches `query` within the
    /// typo limit of [`NameQuery`]. Closest first (exact matches before
    /// typos), then most mentions, then newest.
    ///
    /// # Errors
    /// A database failure.
    pub fn find(&self, query: &str, options: FindOptions) -> Result<Vec<FindHit>> {
        let Some(query) = NameQuery::new(query) else {
            return Ok(Vec::new());
        };
        let ranked = self
            .ranked(&query, options)
            .map_err(|e| self.sql_error(&e))?;
        ranked.into_iter().map(|r| self.with_snippets(r)).collect()
    }

    fn ranked(&self, query: &NameQuery, options: FindOptions) -> rusqlite::Result<Vec<Ranked>> {
        let keys = self.matching_keys(query)?;
        if keys.is_empty() || options.limit == 0 {
            return Ok(Vec::new());
        }
        let keys_json = serde_json::to_string(
            &keys
                .iter()
                .map(|&(k, d)| [k, super::int(d)])
                .collect::<Vec<_>>(),
        )
        .unwrap_or_else(|_| "[]".to_owned());
        let mut stmt = self.conn.prepare_cached(
            // Rank on the postings alone (they carry kind and count); only
            // the hits that can still make the cut (ties on distance and
            // count are broken by date) read their entity and article rows:
            // a place named in thousands of articles then costs one range
            // of postings and a few dozen lookups.
            "WITH c AS MATERIALIZED (
               SELECT n.article_id AS id, n.rank AS rank, min(j.value ->> 1) AS d,
                      j.value ->> 0 AS k, n.kind AS kind, n.count AS count
               FROM json_each(?1) j
               JOIN entity_names n ON n.key_id = j.value ->> 0
               WHERE ?2 IS NULL OR n.kind = ?2
               GROUP BY n.article_id, n.rank),
             cut AS (SELECT d, count FROM c ORDER BY d, count DESC LIMIT 1 OFFSET ?3 - 1)
             SELECT c.id, c.rank, c.d, c.k, e.name, c.kind, c.count,
                    a.title, coalesce(a.date, a.date_raw), a.source
             FROM c JOIN articles a ON a.id = c.id
             JOIN entities e ON e.article_id = c.id AND e.rank = c.rank
             WHERE NOT EXISTS (SELECT 1 FROM cut) OR (c.d, -c.count) <= (SELECT d, -count FROM cut)
             ORDER BY c.d, c.count DESC, a.date IS NULL, a.date DESC, a.added DESC, a.id
             LIMIT ?3",
        )?;
        let rows = stmt.query_map(
            params![
                keys_json,
                options.kind.map(EntityKind::name),
                super::int(options.limit)
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, rank, d, key, name, kind, count, title, date, source) = row?;
            let Some(kind) = EntityKind::parse(&kind) else {
                continue;
            };
            let matched: String = self
                .conn
                .prepare_cached("SELECT key FROM name_keys WHERE id = ?1")?
                .query_row([key], |r| r.get(0))?;
            out.push(Ranked {
                id,
                rank,
                distance: usize::try_from(d).unwrap_or(0),
                matched,
                name,
                kind,
                count: usize::try_from(count).unwrap_or(0),
                title,
                date,
                source,
            });
        }
        Ok(out)
    }

    /// Adds the snippet lines of a ranked row.
    fn with_snippets(&self, r: Ranked) -> Result<FindHit> {
        let spans = self.spans(&r.id, r.rank).map_err(|e| self.sql_error(&e))?;
        let body = if spans.iter().any(|(f, _, _)| f == "body") {
            self.body(&r.id).map_err(|e| self.sql_error(&e))?
        } else {
            None
        };
        let body: Option<Vec<char>> = body.map(|b| b.chars().collect());
        let title: Option<Vec<char>> = r.title.as_ref().map(|t| t.chars().collect());
        let mut other: Option<Option<crate::article::Article>> = None;
        let mentions = spans
            .into_iter()
            .map(|(field, start, end)| {
                let owned: Vec<char>;
                let text: &[char] = match field.as_str() {
                    "body" => body.as_deref().unwrap_or(&[]),
                    "title" => title.as_deref().unwrap_or(&[]),
                    _ => {
                        // Captions and related headlines: only in the copy.
                        let article = other.get_or_insert_with(|| self.load_article(&r.id));
                        owned = article
                            .as_ref()
                            .zip(Field::parse(&field))
                            .and_then(|(a, f)| a.field_text(f))
                            .map(|t| t.chars().collect())
                            .unwrap_or_default();
                        &owned
                    }
                };
                let (snippet, mark) = snippet_line(text, start, end);
                Snippet {
                    field,
                    start,
                    end,
                    snippet,
                    mark,
                }
            })
            .collect();
        Ok(FindHit {
            id: r.id,
            title: r.title,
            date: r.date,
            source: r.source,
            kind: r.kind,
            name: r.name,
            matched: r.matched,
            distance: r.distance,
            count: r.count,
            mentions,
        })
    }

    /// The mention spans of one entity row.
    fn spans(&self, id: &str, rank: i64) -> rusqlite::Result<Vec<(String, usize, usize)>> {
        use rusqlite::OptionalExtension;
        let text: Option<String> = self
            .conn
            .prepare_cached("SELECT spans FROM entity_spans WHERE article_id = ?1 AND rank = ?2")?
            .query_row(params![id, rank], |r| r.get(0))
            .optional()?;
        Ok(text.map(|t| decode_spans(&t)).unwrap_or_default())
    }

    /// The stored body text of an article (from the full-text table).
    pub(super) fn body(&self, id: &str) -> rusqlite::Result<Option<String>> {
        use rusqlite::OptionalExtension;
        match i64::from_str_radix(id, 16) {
            Ok(rowid) => self
                .conn
                .prepare_cached("SELECT body FROM articles_fts WHERE rowid = ?1")?
                .query_row([rowid], |r| r.get(0))
                .optional(),
            Err(_) => Ok(None),
        }
    }

    /// An article from its stored copy, without analysis; `None` if unreadable.
    fn load_article(&self, id: &str) -> Option<crate::article::Article> {
        let (copy, format, origin): (String, String, String) = self
            .conn
            .query_row(
                "SELECT copy, format, origin FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .ok()?;
        self.read_copy(id, &copy, &format, &origin).ok()
    }

    /// Every entity of the library (by kind and canonical name) with how
    /// many articles mention it and how often: most articles first.
    ///
    /// # Errors
    /// A database failure.
    pub fn entity_index(&self) -> Result<Vec<EntitySummary>> {
        let run = || -> rusqlite::Result<Vec<EntitySummary>> {
            let mut stmt = self.conn.prepare(
                "SELECT kind, name, count(*) AS n, sum(count) AS m FROM entities
                 GROUP BY name, kind ORDER BY n DESC, m DESC, name COLLATE NOCASE, kind",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (kind, name, articles, mentions) = row?;
                if let Some(kind) = EntityKind::parse(&kind) {
                    out.push(EntitySummary {
                        kind,
                        name,
                        articles: usize::try_from(articles).unwrap_or(0),
                        mentions: usize::try_from(mentions).unwrap_or(0),
                    });
                }
            }
            Ok(out)
        };
        run().map_err(|e| self.sql_error(&e))
    }

    /// The articles mentioning the entity `name` of `kind` (a canonical name
    /// from [`Library::entity_index`]), most mentions first, then newest,
    /// each with where its first mention starts.
    ///
    /// # Errors
    /// A database failure.
    pub fn entity_articles(&self, kind: EntityKind, name: &str) -> Result<Vec<EntityArticle>> {
        let run = || -> rusqlite::Result<Vec<EntityArticle>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT a.id, a.title, coalesce(a.date, a.date_raw), a.source, e.count, s.spans
                 FROM entities e
                 JOIN articles a ON a.id = e.article_id
                 LEFT JOIN entity_spans s ON s.article_id = e.article_id AND s.rank = e.rank
                 WHERE e.name = ?1 AND e.kind = ?2
                 ORDER BY e.count DESC, a.date IS NULL, a.date DESC, a.added DESC, a.id",
            )?;
            let rows = stmt.query_map(params![name, kind.name()], |r| {
                let spans: Option<String> = r.get(5)?;
                let first = spans.and_then(|s| {
                    let head = s.split(' ').next().unwrap_or("");
                    let (field, start, _) = decode_spans(head).into_iter().next()?;
                    Some((Field::parse(&field)?, start))
                });
                Ok(EntityArticle {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    source: r.get(3)?,
                    count: usize::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    first,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.sql_error(&e))
    }
}

/// The line around chars `start..end` of `text`: up to [`CONTEXT`] chars on
/// each side, within the paragraph, cut at word boundaries, "…" where cut.
/// Returns the line and the mention's char range in it.
#[must_use]
pub fn snippet_line(text: &[char], start: usize, end: usize) -> (String, (usize, usize)) {
    let end = end.min(text.len());
    let start = start.min(end);
    let mut from = start.saturating_sub(CONTEXT);
    if let Some(nl) = text
        .get(from..start)
        .and_then(|s| s.iter().rposition(|&c| c == '\n'))
    {
        from += nl + 1;
    }
    let mut to = (end + CONTEXT).min(text.len());
    if let Some(nl) = text
        .get(end..to)
        .and_then(|s| s.iter().position(|&c| c == '\n'))
    {
        to = end + nl;
    }
    let cut_left = from > 0 && text.get(from - 1).is_some_and(|&c| c != '\n');
    let cut_right = to < text.len() && text.get(to).is_some_and(|&c| c != '\n');
    if cut_left {
        // Drop the partial word at the left edge.
        if let Some(sp) = text
            .get(from..start)
            .and_then(|s| s.iter().position(|c| c.is_whitespace()))
        {
            from += sp + 1;
        }
    }
    if cut_right {
        if let Some(sp) = text
            .get(end..to)
            .and_then(|s| s.iter().rposition(|c| c.is_whitespace()))
        {
            to = end + sp;
        }
    }
    let mut line = String::new();
    if cut_left {
        line.push('…');
    }
    let lead: String = text.get(from..start).unwrap_or(&[]).iter().collect();
    let lead = lead.trim_start();
    line.push_str(lead);
    let mark_start = line.chars().count();
    line.extend(text.get(start..end).unwrap_or(&[]));
    let mark_end = line.chars().count();
    let tail: String = text.get(end..to).unwrap_or(&[]).iter().collect();
    line.push_str(tail.trim_end());
    if cut_right {
        line.push('…');
    }
    (line, (mark_start, mark_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snip(text: &str, start: usize, end: usize) -> (String, (usize, usize)) {
        snippet_line(&text.chars().collect::<Vec<_>>(), start, end)
    }

    #[test]
    fn snippet_keeps_the_paragraph_and_marks_the_mention() {
        let text = "First para.\n\nThe minister Andriy Kovalenko said yes.\n\nNext.";
        let start = text.find("Andriy").unwrap();
        let (line, (a, b)) = snip(text, start, start + 16);
        assert_eq!(line, "The minister Andriy Kovalenko said yes.");
        let marked: String = line.chars().skip(a).take(b - a).collect();
        assert_eq!(marked, "Andriy Kovalenko");
    }

    #[test]
    fn long_context_is_cut_at_words() {
        let words = "word ".repeat(40);
        let text = format!("{words}Jane Doe{}", " tail".repeat(40));
        let start = words.chars().count();
        let (line, (a, b)) = snip(&text, start, start + 8);
        assert!(line.starts_with("…word "), "{line}");
        assert!(line.ends_with(" tail…"), "{line}");
        let marked: String = line.chars().skip(a).take(b - a).collect();
        assert_eq!(marked, "Jane Doe");
        assert!(line.chars().count() <= 2 * CONTEXT + 10);
    }

    #[test]
    fn out_of_range_offsets_do_not_panic() {
        assert_eq!(snip("abc", 10, 20).0, "abc");
        assert_eq!(snip("", 0, 5).0, "");
        assert_eq!(snip("héllo wörld", 6, 11).0, "héllo wörld");
    }
}
