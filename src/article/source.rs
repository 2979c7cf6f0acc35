//! Reading bytes from a path or stdin under the size cap.

use std::io::Read;
use std::path::Path;

use super::LoadError;

/// Default size cap: 20 MiB.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1024 * 1024;

/// The size cap from `LEDE_MAX_SIZE` (bytes), else [`DEFAULT_MAX_SIZE`].
#[must_use]
pub fn max_size_from_env() -> u64 {
    std::env::var("LEDE_MAX_SIZE")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_SIZE)
}

/// Reads a file, checking kind and size before reading.
pub(crate) fn read_path(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| io_error(&name, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { path: name });
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: name,
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(&name, e))?;
    read_capped(&name, file, limit)
}

/// Reads stdin up to the cap.
pub(crate) fn read_stdin(limit: u64) -> Result<Vec<u8>, LoadError> {
    read_capped("-", std::io::stdin().lock(), limit)
}

fn read_capped(name: &str, reader: impl Read, limit: u64) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(name, e))?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn io_error(name: &str, e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: name.to_owned(),
        },
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory {
            path: name.to_owned(),
        },
        _ => LoadError::Io {
            path: name.to_owned(),
            source: e,
        },
    }
}

/// Rejects empty and binary input (sniffing the first 8 KiB).
pub(crate) fn check_not_empty_or_binary(name: &str, bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    let what = if head.starts_with(&[0x1f, 0x8b]) {
        Some("gzip data")
    } else if head.starts_with(b"%PDF") {
        Some("PDF")
    } else if head.starts_with(b"PK\x03\x04") {
        Some("zip archive")
    } else if head.contains(&0) && !is_utf16(head) {
        Some("NUL bytes")
    } else {
        None
    };
    match what {
        Some(what) => Err(LoadError::Binary {
            path: name.to_owned(),
            what: what.to_owned(),
        }),
        None => Ok(()),
    }
}

fn is_utf16(head: &[u8]) -> bool {
    head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff])
}

/// Decodes UTF-8 (a UTF-8 BOM is dropped), lossily with a warning naming the file.
pub(crate) fn decode(name: &str, bytes: &[u8]) -> (String, Vec<String>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Vec::new()),
        Err(_) => (
            String::from_utf8_lossy(bytes).into_owned(),
            vec![format!(
                "{name}: invalid UTF-8, undecodable bytes replaced with U+FFFD"
            )],
        ),
    }
}
