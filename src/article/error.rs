//! Load errors: each names the file, so the CLI prints `lede: PATH: problem`.

use thiserror::Error;

/// Why a file could not be loaded. `Display` is `PATH: problem`.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The path is a directory.
    #[error("{path}: is a directory")]
    IsDirectory {
        /// The path as given.
        path: String,
    },
    /// The file holds no text.
    #[error("{path}: empty file")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// The file looks binary (NUL bytes or mostly control bytes).
    #[error("{path}: binary file ({what}), not an article")]
    Binary {
        /// The path as given.
        path: String,
        /// What it looks like ("gzip data", "PDF", "NUL bytes").
        what: String,
    },
    /// The file is larger than the size cap.
    #[error(
        "{path}: file is {size} bytes, over the {limit}-byte limit (set LEDE_MAX_SIZE to raise it)"
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The cap in bytes.
        limit: u64,
    },
    /// JSON that does not parse.
    #[error("{path}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// The path as given.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde_json said.
        message: String,
    },
    /// A JSON Lines line that does not parse.
    #[error("{path}: line {line}: invalid JSON at column {column}: {message}")]
    JsonLine {
        /// The path as given.
        path: String,
        /// 1-based line of the file.
        line: usize,
        /// 1-based column within the line.
        column: usize,
        /// What serde_json said.
        message: String,
    },
    /// Well-formed input that is not an article (e.g. a JSON number).
    #[error("{path}: {message}")]
    NotAnArticle {
        /// The path as given.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Any other I/O failure.
    #[error("{path}: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
