//! The database schema as an ordered list of forward migrations.
//!
//! `PRAGMA user_version` holds how many steps have been applied. Opening a
//! library applies the missing steps in one transaction; a file with a larger
//! version than [`MIGRATIONS`] knows is refused (written by a newer lede).

use rusqlite::Connection;

/// Step `n` (0-based) brings the schema from version `n` to `n + 1`. Never edit
/// a released step; append a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, their analysis cache and their entities.
    "CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        copy TEXT NOT NULL,
        copy_sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        origin TEXT NOT NULL,
        origin_index INTEGER NOT NULL,
        source_format TEXT NOT NULL,
        title TEXT, byline TEXT, date TEXT, date_raw TEXT, source TEXT, url TEXT,
        added INTEGER NOT NULL,
        analyser TEXT NOT NULL,
        analysis TEXT NOT NULL
     );
     CREATE INDEX articles_origin ON articles(origin, origin_index);
     CREATE INDEX articles_copy ON articles(copy);
     CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (article_id, rank)
     );
     CREATE INDEX entities_name ON entities(name);",
    // 2: full-text search and reading positions.
    "CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, body);
     CREATE TABLE positions (
        article_id TEXT PRIMARY KEY,
        field TEXT NOT NULL,
        offset INTEGER NOT NULL,
        updated INTEGER NOT NULL
     );",
    // 3: highlights (keyed by article id, like positions, so they also work for
    // samples and files opened directly: no foreign key).
    "CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        field TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX highlights_article ON highlights(article_id);",
    // 4: files opened directly, by canonical path and article index in the
    // file, so a changed file's highlights follow it to its new id.
    "CREATE TABLE opened_paths (
        path TEXT NOT NULL,
        idx INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        updated INTEGER NOT NULL,
        PRIMARY KEY (path, idx)
     );",
    // 5: the folded-name index of `lede find` (module `names`): distinct folded
    // names, which entity rows each names, every entity's mention spans, and
    // a covering index for the Entities view (entity_index: 110 -> 15 ms at
    // 2,000 articles). Articles already stored are listed in `names_pending`;
    // opening the library fills their rows from the cached analysis.
    "CREATE TABLE name_keys (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        len INTEGER NOT NULL,
        mask INTEGER NOT NULL
     );
     CREATE TABLE entity_names (
        key_id INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        how INTEGER NOT NULL,
        PRIMARY KEY (key_id, article_id, rank)
     ) WITHOUT ROWID;
     CREATE INDEX entity_names_article ON entity_names(article_id);
     CREATE TABLE entity_spans (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        spans TEXT NOT NULL,
        PRIMARY KEY (article_id, rank)
     ) WITHOUT ROWID;
     CREATE INDEX entities_group ON entities(name, kind, count);
     CREATE TABLE names_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
     INSERT INTO names_pending SELECT id FROM articles;",
    // 6: the library list's columns in a covering index, so listing reads
    // this small index instead of every row with its cached analysis (the
    // reader's first frame over 2,000 articles).
    "CREATE INDEX articles_list ON articles(id, title, source, date, date_raw, origin, added);",
    // 7: `lede find` ranks the entity rows a folded name points to by kind
    // and mention count (4,300 rows for a place named in 43% of 10,000
    // articles): kept beside each posting, read from that one contiguous
    // range instead of an `entities` row each (query CPU 19 -> 5 ms).
    // `entities_name` goes: `entities_group` starts with the name too.
    "ALTER TABLE entity_names ADD COLUMN kind TEXT NOT NULL DEFAULT '';
     ALTER TABLE entity_names ADD COLUMN count INTEGER NOT NULL DEFAULT 0;
     UPDATE entity_names AS n SET kind = e.kind, count = e.count
       FROM entities e WHERE e.article_id = n.article_id AND e.rank = n.rank;
     DROP INDEX entities_name;",
];

/// The schema version this build writes.
#[must_use]
pub fn current_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// The schema version stored in the file.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Outcome of [`migrate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Migration {
    /// Already current (or migrated from the given older version).
    Done {
        /// Version before migrating.
        from: i64,
    },
    /// The file is newer than this build.
    TooNew(i64),
}

/// Applies every missing step, each with its version bump, in one transaction.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Migration> {
    migrate_to(conn, current_version())
}

/// Applies the steps up to `target` (tests build old versions with it).
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<Migration> {
    let from = version(conn)?;
    if from > current_version() {
        return Ok(Migration::TooNew(from));
    }
    if from >= target {
        return Ok(Migration::Done { from });
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Re-read under the write lock: another process may have migrated.
    let from = version(&tx)?;
    for (step, sql) in MIGRATIONS.iter().enumerate() {
        let to = i64::try_from(step + 1).unwrap_or(i64::MAX);
        if to <= from || to > target {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", to)?;
    }
    tx.commit()?;
    Ok(Migration::Done { from })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index') ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn every_earlier_version_migrates_to_the_fresh_schema() {
        let mut fresh = Connection::open_in_memory().unwrap();
        migrate(&mut fresh).unwrap();
        let want = tables(&fresh);
        assert_eq!(version(&fresh).unwrap(), current_version());
        for old in 0..current_version() {
            let mut conn = Connection::open_in_memory().unwrap();
            migrate_to(&mut conn, old).unwrap();
            assert_eq!(version(&conn).unwrap(), old);
            if old >= 1 {
                conn.execute(
                    "INSERT INTO articles VALUES ('abc', 'abc.txt', 's', 'text', '-', 0, 'text',
                     't', NULL, NULL, NULL, NULL, NULL, 0, 'x', '{}')",
                    [],
                )
                .unwrap();
            }
            assert_eq!(migrate(&mut conn).unwrap(), Migration::Done { from: old });
            assert_eq!(version(&conn).unwrap(), current_version(), "from {old}");
            assert_eq!(tables(&conn), want, "from {old}");
            let kept: i64 = conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
                .unwrap();
            assert_eq!(
                kept,
                i64::from(old >= 1),
                "rows survive migration from {old}"
            );
        }
    }

    #[test]
    fn newer_files_are_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", current_version() + 1)
            .unwrap();
        assert_eq!(
            migrate(&mut conn).unwrap(),
            Migration::TooNew(current_version() + 1)
        );
    }
}
