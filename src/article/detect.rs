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
    /// A saved web page.
    Html,
    /// An e-mail message (a newsletter), RFC 5322 with MIME parts.
    Email,
    /// A web page archived as MIME (`.mht`, `.mhtml`).
    Mhtml,
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
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("eml") => Format::Email,
        Some("mht" | "mhtml") => Format::Mhtml,
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
    if looks_like_html_page(trimmed) {
        return Format::Html;
    }
    if let Some(format) = sniff_mime(trimmed) {
        return format;
    }
    if trimmed.starts_with("---\n") || trimmed.starts_with("# ") {
        return Format::Markdown;
    }
    Format::Text
}

/// Whether text opens like a web page (a doctype, `<html>`, `<head>` or a
/// leading comment followed by one of those).
fn looks_like_html_page(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let start = head.trim_start();
    ["<!doctype html", "<html", "<head", "<?xml"]
        .iter()
        .any(|p| start.starts_with(p) && (*p != "<?xml" || head.contains("<html")))
        || (start.starts_with("<!--") && head.contains("<html"))
}

/// An e-mail or MHTML archive: a header block with `MIME-Version` (or
/// `Received`/`Return-Path`), MHTML when its type is `multipart/related`.
fn sniff_mime(text: &str) -> Option<Format> {
    let header_block = text.split("\n\n").next().unwrap_or("");
    let header_block = header_block.split("\r\n\r\n").next().unwrap_or("");
    let first = header_block.lines().next()?;
    let is_header = |line: &str| {
        line.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    if !is_header(first) {
        return None;
    }
    let lower = header_block.to_ascii_lowercase();
    let mime = lower.contains("\nmime-version:") || lower.starts_with("mime-version:");
    let mail = ["received:", "return-path:", "message-id:"]
        .iter()
        .any(|k| lower.starts_with(k) || lower.contains(&format!("\n{k}")));
    if !(mime || mail) {
        return None;
    }
    if lower.contains("multipart/related") && !mail {
        return Some(Format::Mhtml);
    }
    Some(Format::Email)
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

    #[test]
    fn web_formats_by_extension_and_content() {
        let by_ext = |name: &str| detect_format(Some(Path::new(name)), b"x");
        assert_eq!(by_ext("a.HTM"), Format::Html);
        assert_eq!(by_ext("a.eml"), Format::Email);
        assert_eq!(by_ext("a.mhtml"), Format::Mhtml);
        let sniff = |b: &[u8]| detect_format(None, b);
        assert_eq!(sniff(b"\n<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(sniff(b"<html lang=en><body>x"), Format::Html);
        assert_eq!(
            sniff(b"From: a@b.test\nMIME-Version: 1.0\nSubject: x\n\nbody"),
            Format::Email
        );
        assert_eq!(
            sniff(
                b"From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;\n\n"
            ),
            Format::Mhtml
        );
        assert_eq!(sniff(b"Subject: talks\n\nBody text."), Format::Text);
        assert_eq!(sniff(b"<b>bold</b> opening line"), Format::Text);
    }
}
