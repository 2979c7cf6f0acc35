//! Library errors: each names the file or folder at fault and, where there is
//! one, the way out.

use std::path::{Path, PathBuf};

/// What went wrong in the library. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// No library folder could be determined (no `LEDE_LIBRARY`, no home).
    #[error("no library folder: set LEDE_LIBRARY or pass --library DIR")]
    NoDataDir,
    /// The database file is not a SQLite database or is damaged.
    #[error(
        "{}: the library database is damaged ({message}); run `lede reindex` to rebuild it from the stored copies",
        path.display()
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// SQLite's description.
        message: String,
    },
    /// The database was written by a newer lede.
    #[error(
        "{}: library schema version {found} is newer than this lede understands ({known}); upgrade lede",
        path.display()
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// The library folder cannot be written.
    #[error("{}: the library folder is read-only ({message})", path.display())]
    ReadOnly {
        /// The folder or file.
        path: PathBuf,
        /// The system's description.
        message: String,
    },
    /// The disk holding the library is full.
    #[error("{}: no space left for the library ({message})", path.display())]
    Full {
        /// The folder or file.
        path: PathBuf,
        /// The system's description.
        message: String,
    },
    /// Another SQLite failure.
    #[error("{}: {message}", path.display())]
    Database {
        /// The database file.
        path: PathBuf,
        /// SQLite's description.
        message: String,
    },
    /// Another file system failure.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// No stored article has this id or id prefix.
    #[error("{0}: no such article in the library")]
    NotFound(String),
    /// Several stored articles start with this prefix.
    #[error("{prefix}: ambiguous id, matches {}", matches.join(", "))]
    Ambiguous {
        /// The prefix given.
        prefix: String,
        /// Some of the matching ids.
        matches: Vec<String>,
    },
    /// `rm` without `--purge` on an article that has highlights.
    #[error(
        "{id}: the article has {count} highlight(s); use `lede rm --purge {id}` to delete them too"
    )]
    HasHighlights {
        /// The article id.
        id: String,
        /// How many highlights it has.
        count: i64,
    },
    /// A stored copy could not be read back or no longer holds the article.
    #[error("{}: stored copy of {id} is unreadable ({message}); run `lede reindex`", path.display())]
    BadCopy {
        /// The stored copy.
        path: PathBuf,
        /// The article id.
        id: String,
        /// What is wrong.
        message: String,
    },
}

impl LibraryError {
    /// Classifies an I/O error on `path` (read-only, full disk, or other).
    pub(crate) fn io(path: &Path, source: std::io::Error) -> LibraryError {
        let message = source.to_string();
        match source.raw_os_error() {
            Some(30 | 13 | 1) => LibraryError::ReadOnly {
                path: path.to_owned(),
                message,
            },
            Some(28 | 122) => LibraryError::Full {
                path: path.to_owned(),
                message,
            },
            _ => LibraryError::Io {
                path: path.to_owned(),
                source,
            },
        }
    }

    /// Classifies a SQLite error on the database `path`.
    pub(crate) fn sql(path: &Path, err: &rusqlite::Error) -> LibraryError {
        use rusqlite::ErrorCode;
        let message = err.to_string();
        let path = path.to_owned();
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                LibraryError::Corrupt { path, message }
            }
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                LibraryError::ReadOnly { path, message }
            }
            Some(ErrorCode::DiskFull) => LibraryError::Full { path, message },
            _ => LibraryError::Database { path, message },
        }
    }
}

/// Shorthand for library results.
pub type Result<T, E = LibraryError> = std::result::Result<T, E>;
