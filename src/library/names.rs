//! The folded-name index behind `lede find` and the entity views.
//!
//! For each stored entity (an `entities` row: article id and rank) the index
//! keeps its folded names in `entity_names` (canonical name, aliases, and a
//! person's surname and first-plus-last name), pointing into the dictionary
//! `name_keys` of distinct folded names, and its mention spans in
//! `entity_spans` (for snippets and the first mention). Rows are written
//! with the entity rows ([`write_analysis`]) and filled for libraries made
//! before this index from the cached analysis JSON ([`backfill`]).

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Deserialize;

use super::fuzzy::{fold, letter_mask};
use crate::document::entity_order;
use crate::nlp::link::names::PersonName;
use crate::nlp::{Analysis, EntityKind};

/// Why a folded name belongs to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum How {
    /// The canonical name.
    Canonical = 0,
    /// Another form the article used.
    Alias = 1,
    /// A person's surname, or first name and surname.
    Part = 2,
}

/// One entity of one article, as the index needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EntityRecord {
    name: String,
    kind: Option<EntityKind>,
    aliases: Vec<String>,
    /// How many mentions (the `entities.count` column).
    count: usize,
    /// Mention spans in reading order: field name, char start, char end.
    spans: Vec<(String, usize, usize)>,
}

impl EntityRecord {
    /// The folded names this entity is found by, each once, best reason first.
    pub(super) fn keys(&self) -> Vec<(String, How)> {
        let mut keys: Vec<(String, How)> = vec![(fold(&self.name), How::Canonical)];
        keys.extend(self.aliases.iter().map(|a| (fold(a), How::Alias)));
        if self.kind == Some(EntityKind::Person) {
            for form in std::iter::once(&self.name).chain(&self.aliases) {
                let Some(person) = PersonName::parse(form) else {
                    continue;
                };
                keys.push((fold(&person.surname()), How::Part));
                if let Some(given) = person.given() {
                    keys.push((fold(&format!("{given} {}", person.surname())), How::Part));
                }
            }
        }
        let mut seen = HashSet::new();
        keys.retain(|(k, _)| !k.is_empty() && seen.insert(k.clone()));
        keys
    }
}

/// The entities of an analysis in rank order (the `entities` table's).
pub(super) fn records(analysis: &Analysis) -> Vec<EntityRecord> {
    entity_order(analysis)
        .into_iter()
        .filter_map(|i| analysis.entities.get(i))
        .map(|e| EntityRecord {
            name: e.name.clone(),
            kind: Some(e.kind),
            aliases: e.aliases.clone(),
            count: e.mentions.len(),
            spans: e
                .mentions
                .iter()
                .filter_map(|&m| analysis.mentions.get(m))
                .map(|m| (m.field.name(), m.start, m.end))
                .collect(),
        })
        .collect()
}

/// The parts of the cached analysis JSON (module `cache`) the index reads.
#[derive(Deserialize)]
struct Cached {
    mentions: Vec<CachedMention>,
    entities: Vec<CachedEntity>,
}

#[derive(Deserialize)]
struct CachedMention {
    field: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct CachedEntity {
    name: String,
    kind: String,
    aliases: Vec<String>,
    mentions: Vec<usize>,
}

/// The entities of a cached analysis in rank order (as [`entity_order`]
/// ranks them: most mentioned first, then first mentioned). `None` when the
/// JSON is unreadable.
pub(super) fn records_from_cache(json: &str) -> Option<Vec<EntityRecord>> {
    let cached: Cached = serde_json::from_str(json).ok()?;
    let mut order: Vec<usize> = (0..cached.entities.len()).collect();
    order.sort_by_key(|&i| {
        cached.entities.get(i).map(|e| {
            (
                std::cmp::Reverse(e.mentions.len()),
                e.mentions.first().copied().unwrap_or(usize::MAX),
            )
        })
    });
    let records = order
        .into_iter()
        .filter_map(|i| cached.entities.get(i))
        .map(|e| EntityRecord {
            name: e.name.clone(),
            kind: EntityKind::parse(&e.kind),
            aliases: e.aliases.clone(),
            count: e.mentions.len(),
            spans: e
                .mentions
                .iter()
                .filter_map(|&m| cached.mentions.get(m))
                .map(|m| (m.field.clone(), m.start, m.end))
                .collect(),
        })
        .collect();
    Some(records)
}

/// Encodes mention spans for `entity_spans.spans`: `field:start-end`,
/// space-separated, in reading order.
fn encode_spans(spans: &[(String, usize, usize)]) -> String {
    let parts: Vec<String> = spans
        .iter()
        .map(|(field, start, end)| format!("{field}:{start}-{end}"))
        .collect();
    parts.join(" ")
}

/// Decodes [`encode_spans`]; malformed parts are skipped.
pub(super) fn decode_spans(text: &str) -> Vec<(String, usize, usize)> {
    text.split(' ')
        .filter_map(|part| {
            let (field, range) = part.rsplit_once(':')?;
            let (start, end) = range.split_once('-')?;
            Some((field.to_owned(), start.parse().ok()?, end.parse().ok()?))
        })
        .collect()
}

/// Replaces the index rows of one article, whose entity rows were just
/// written from `analysis`.
pub(super) fn write_analysis(
    conn: &Connection,
    article_id: &str,
    analysis: &Analysis,
) -> rusqlite::Result<()> {
    write(conn, article_id, &records(analysis))
}

/// The index rows of one entity, ready to insert: its folded names (each
/// once, best reason first) and its encoded mention spans. Built in the
/// analysis threads of `lede add`, so the write transaction only inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NameRow {
    keys: Vec<(String, How)>,
    /// Kind name and mention count, kept with each posting for ranking.
    kind: &'static str,
    count: i64,
    spans: String,
}

/// The index rows of entity records (rank order kept).
pub(super) fn rows(records: &[EntityRecord]) -> Vec<NameRow> {
    records
        .iter()
        .map(|record| NameRow {
            keys: record.keys(),
            kind: record.kind.map_or("", EntityKind::name),
            count: super::int(record.count),
            spans: encode_spans(&record.spans),
        })
        .collect()
}

/// Replaces the index rows of one article; `records` in rank order.
pub(super) fn write(
    conn: &Connection,
    article_id: &str,
    records: &[EntityRecord],
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM entity_names WHERE article_id = ?1")?
        .execute([article_id])?;
    conn.prepare_cached("DELETE FROM entity_spans WHERE article_id = ?1")?
        .execute([article_id])?;
    conn.prepare_cached("DELETE FROM names_pending WHERE article_id = ?1")?
        .execute([article_id])?;
    insert(conn, article_id, &rows(records))
}

/// Inserts the index rows of an article that has none yet (a new article:
/// nothing to delete first).
pub(super) fn insert(
    conn: &Connection,
    article_id: &str,
    rows: &[NameRow],
) -> rusqlite::Result<()> {
    let mut find_key = conn.prepare_cached("SELECT id FROM name_keys WHERE key = ?1")?;
    let mut new_key =
        conn.prepare_cached("INSERT INTO name_keys (key, len, mask) VALUES (?1, ?2, ?3)")?;
    let mut posting = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_names (key_id, article_id, rank, how, kind, count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut spans = conn
        .prepare_cached("INSERT INTO entity_spans (article_id, rank, spans) VALUES (?1, ?2, ?3)")?;
    for (rank, row) in rows.iter().enumerate() {
        let rank = super::int(rank);
        for (key, how) in &row.keys {
            let id: i64 = match find_key.query_row([key], |r| r.get(0)).optional()? {
                Some(id) => id,
                None => {
                    new_key.execute(params![
                        key,
                        super::int(key.len()),
                        // SQLite integers are signed: keep the 64 bits as they are.
                        i64::from_ne_bytes(letter_mask(key).to_ne_bytes())
                    ])?;
                    conn.last_insert_rowid()
                }
            };
            posting.execute(params![
                id,
                article_id,
                rank,
                *how as i64,
                row.kind,
                row.count
            ])?;
        }
        spans.execute(params![article_id, rank, row.spans])?;
    }
    Ok(())
}

/// Articles handled per backfill transaction.
const BACKFILL_BATCH: usize = 256;

/// Fills the index of articles stored before it existed (listed in
/// `names_pending` by the migration) from their cached analysis JSON, in
/// short transactions. Returns how many articles were filled.
pub(super) fn backfill(conn: &mut Connection) -> rusqlite::Result<usize> {
    let mut done = 0;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let batch: Vec<(String, Option<String>)> = {
            let mut stmt = tx.prepare(
                "SELECT p.article_id, a.analysis FROM names_pending p
                 LEFT JOIN articles a ON a.id = p.article_id LIMIT ?1",
            )?;
            let rows =
                stmt.query_map([super::int(BACKFILL_BATCH)], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if batch.is_empty() {
            tx.commit()?;
            return Ok(done);
        }
        for (id, json) in &batch {
            match json.as_deref().and_then(records_from_cache) {
                Some(records) => write(&tx, id, &records)?,
                // Gone, or an unreadable cache: `load` redoes that analysis
                // and writes its rows then.
                None => {
                    tx.execute("DELETE FROM names_pending WHERE article_id = ?1", [id])?;
                }
            }
        }
        done += batch.len();
        tx.commit()?;
    }
}

/// Whether any article waits for [`backfill`].
pub(super) fn pending(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM names_pending)", [], |r| {
        r.get(0)
    })
}

/// Deletes dictionary names no entity uses any more (after a reindex).
pub(super) fn prune(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM name_keys WHERE id NOT IN (SELECT key_id FROM entity_names)",
        [],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Analyzer;

    #[test]
    fn people_are_found_by_surname_and_aliases() {
        let a = Analyzer::default().analyze_text(
            "President Donald Trump met Andriy Kovalenko in Kyiv. Trump said Kovalenko agreed.",
        );
        let recs = records(&a);
        let trump = recs.iter().find(|r| r.name == "Donald Trump").unwrap();
        let keys: Vec<String> = trump.keys().into_iter().map(|(k, _)| k).collect();
        assert!(keys.contains(&"donald trump".to_owned()), "{keys:?}");
        assert!(keys.contains(&"trump".to_owned()), "{keys:?}");
        let place = recs.iter().find(|r| r.name == "Kyiv").unwrap();
        assert_eq!(place.keys(), vec![("kyiv".to_owned(), How::Canonical)]);
    }

    #[test]
    fn cache_records_rank_like_the_entities_table() {
        let a = Analyzer::default().analyze_text(
            "Jane Doe met Bob Smith in Paris. Smith and Doe spoke. Smith left Paris for Rome.",
        );
        let json = crate::library::cache::encode(&a);
        assert_eq!(records_from_cache(&json), Some(records(&a)));
        assert!(records_from_cache("{").is_none());
    }

    #[test]
    fn libraries_from_before_the_index_are_backfilled() {
        use crate::library::schema;
        let step = schema::MIGRATIONS
            .iter()
            .position(|sql| sql.contains("CREATE TABLE name_keys"))
            .unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        schema::migrate_to(&mut conn, i64::try_from(step).unwrap()).unwrap();
        let a = Analyzer::default()
            .analyze_text("Jane Doe met Bob Smith in Paris. Smith and Doe spoke. Smith left.");
        conn.execute(
            "INSERT INTO articles (id, copy, copy_sha256, format, origin, origin_index,
               source_format, added, analyser, analysis)
             VALUES ('abcabcabcabc', 'x.txt', 's', 'txt', '-', 0, 'text', 0, 'old', ?1)",
            [crate::library::cache::encode(&a)],
        )
        .unwrap();
        for (rank, r) in records(&a).iter().enumerate() {
            conn.execute(
                "INSERT INTO entities VALUES ('abcabcabcabc', ?1, ?2, ?3, ?4)",
                params![
                    rank as i64,
                    r.name,
                    r.kind.map_or("", EntityKind::name),
                    r.spans.len() as i64
                ],
            )
            .unwrap();
        }
        schema::migrate(&mut conn).unwrap();
        assert!(pending(&conn).unwrap());
        assert_eq!(backfill(&mut conn).unwrap(), 1);
        assert!(!pending(&conn).unwrap());
        let smith: String = conn
            .query_row(
                "SELECT e.name FROM name_keys k JOIN entity_names n ON n.key_id = k.id
                 JOIN entities e ON e.article_id = n.article_id AND e.rank = n.rank
                 WHERE k.key = 'smith'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(smith, "Bob Smith");
        let spans: String = conn
            .query_row("SELECT spans FROM entity_spans WHERE rank = 0", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(decode_spans(&spans).len(), 3, "{spans}");
        // Removing the article removes its index rows.
        conn.execute("DELETE FROM articles", []).unwrap();
        let left: i64 = conn
            .query_row(
                "SELECT (SELECT count(*) FROM entity_names) + (SELECT count(*) FROM entity_spans)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        assert!(prune(&conn).unwrap() > 0);
    }

    #[test]
    fn postings_get_kind_and_count_when_migrated() {
        use crate::library::schema;
        let step = schema::MIGRATIONS
            .iter()
            .position(|sql| sql.contains("ADD COLUMN kind"))
            .unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate_to(&mut conn, i64::try_from(step).unwrap()).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, copy, copy_sha256, format, origin, origin_index,
               source_format, added, analyser, analysis)
             VALUES ('abcabcabcabc', 'x.txt', 's', 'txt', '-', 0, 'text', 0, 'old', '{}');
             INSERT INTO entities VALUES ('abcabcabcabc', 0, 'Kyiv', 'place', 7);
             INSERT INTO name_keys (id, key, len, mask) VALUES (1, 'kyiv', 4, 0);
             INSERT INTO entity_names VALUES (1, 'abcabcabcabc', 0, 0);",
        )
        .unwrap();
        schema::migrate(&mut conn).unwrap();
        let (kind, count): (String, i64) = conn
            .query_row("SELECT kind, count FROM entity_names", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((kind.as_str(), count), ("place", 7));
    }

    #[test]
    fn spans_round_trip() {
        let spans = vec![
            ("title".to_owned(), 0, 5),
            ("captions[2]".to_owned(), 10, 19),
        ];
        assert_eq!(decode_spans(&encode_spans(&spans)), spans);
        assert_eq!(
            decode_spans("body:1-x junk body:3-4"),
            vec![("body".to_owned(), 3, 4)]
        );
        assert!(decode_spans("").is_empty());
    }
}
