//! Format detection by extension, then by content.

use std::path::Path;

/// The parser to use for a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (also unknown extensions).
    Text,
    /// Markdown.
    Markdown,
    /// One JSON article or an array of them.
    Json,
    /// One JSON article per line.
    JsonLines,
}

/// Picks the format from the extension, falling back to sniffing the content.
#[must_use]
pub fn detect_format(path: Option<&Path>, bytes: &[u8]) -> Format {
    let ext = path
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown") => Format::Markdown,
        Some("json") => Format::Json,
        Some("jsonl" | "ndjson") => Format::JsonLines,
        Some("txt" | "text") => Format::Text,
        _ => sniff(bytes),
    }
}

fn sniff(bytes: &[u8]) -> Format {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let (head, _) = super::source::decode("", head);
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        return Format::Json;
    }
    if trimmed.starts_with('{') {
        let first_line = trimmed.lines().next().unwrap_or("").trim_end();
        let more_lines = trimmed
            .lines()
            .nth(1)
            .is_some_and(|l| l.trim_start().starts_with('{'));
        return if first_line.ends_with('}') && more_lines {
            Format::JsonLines
        } else {
            Format::Json
        };
    }
    if trimmed.starts_with("---\n") || trimmed.starts_with("# ") {
        return Format::Markdown;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_content() {
        let md = Path::new("a.MD");
        assert_eq!(detect_format(Some(md), b"{}"), Format::Markdown);
        assert_eq!(detect_format(None, b"  [1]"), Format::Json);
        assert_eq!(
            detect_format(None, b"{\"a\": 1}\n{\"a\": 2}\n"),
            Format::JsonLines
        );
        assert_eq!(detect_format(None, b"{\n  \"a\": 1\n}"), Format::Json);
        assert_eq!(
            detect_format(None, b"---\ntitle: x\n---\n"),
            Format::Markdown
        );
        assert_eq!(
            detect_format(Some(Path::new("x.log")), b"Hello"),
            Format::Text
        );
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "[{}]".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(detect_format(None, &utf16), Format::Json);
    }
}
