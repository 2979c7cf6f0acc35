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
    let name = super::sanitize::quote_name(&path.display().to_string());
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
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    match binary_kind(head) {
        Some(what) => Err(LoadError::Binary {
            path: name.to_owned(),
            what: what.to_owned(),
        }),
        None => Ok(()),
    }
}

/// What the first bytes of a file say it is, when that is not text.
fn binary_kind(head: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 10] = [
        (&[0x1f, 0x8b], "gzip data"),
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "zip archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\x89PNG", "PNG image"),
        (&[0xff, 0xd8, 0xff], "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"BZh", "bzip2 data"),
        (&[0xfd, b'7', b'z', b'X', b'Z'], "xz data"),
        (&[0x28, 0xb5, 0x2f, 0xfd], "zstd data"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(what);
    }
    if is_utf16(head) {
        return None;
    }
    if head.contains(&0) {
        return Some("NUL bytes");
    }
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    (control * 10 > head.len()).then_some("mostly control bytes")
}

fn is_utf16(head: &[u8]) -> bool {
    head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff])
}

/// Decodes a text file: a BOM (UTF-8, UTF-16) wins, valid UTF-8 stays UTF-8,
/// anything else is detected (Windows-1252 and other legacy encodings). A
/// warning naming the file is kept only when bytes were really lost.
pub(crate) fn decode(name: &str, bytes: &[u8]) -> (String, Vec<String>) {
    super::encoding::decode_text(name, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_inputs_are_named() {
        let cases: [(&[u8], &str); 7] = [
            (b"\x1f\x8b\x08\x00rest", "gzip"),
            (b"%PDF-1.7\n", "PDF"),
            (b"PK\x03\x04zip", "zip"),
            (b"\x7fELF\x02\x01", "ELF"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"text\0with nul", "NUL"),
            (b"\x01\x02\x03\x04\x05abc\x06\x07", "control"),
        ];
        for (bytes, what) in cases {
            let err = check_not_empty_or_binary("f", bytes)
                .err()
                .map(|e| e.to_string());
            assert!(err.unwrap_or_default().contains(what), "{what}");
        }
        assert!(check_not_empty_or_binary("f", b"plain \x1b[31mred\x1b[0m text").is_ok());
        assert!(check_not_empty_or_binary("f", b"\xef\xbb\xbf \n").is_err());
    }

    #[test]
    fn utf16_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hi \u{e9}".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert!(check_not_empty_or_binary("f", &bytes).is_ok());
        assert_eq!(decode("f", &bytes), ("Hi \u{e9}".to_owned(), Vec::new()));
    }

    #[test]
    fn legacy_bytes_decode_as_windows_1252() {
        let (text, warnings) = decode("f.txt", b"caf\xe9 \x93ok\x94");
        assert_eq!(text, "caf\u{e9} \u{201c}ok\u{201d}");
        assert!(warnings.is_empty());
    }
}
