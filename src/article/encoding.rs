//! Turning bytes into text: a byte-order mark wins, then (for HTML) a
//! `<meta charset>` or `http-equiv` declaration, then UTF-8 when the bytes
//! are valid UTF-8, else the guess of `chardetng` (Firefox's detector),
//! decoded with `encoding_rs`. A warning is kept only when decoding really
//! lost bytes (replacement characters were inserted).

use encoding_rs::{Encoding, UTF_8};

/// Bytes of an HTML page scanned for a charset declaration.
const PRESCAN_BYTES: usize = 4096;

/// Decodes a text file (plain text, Markdown, JSON): BOM, else UTF-8, else a
/// detected legacy encoding such as Windows-1252.
#[must_use]
pub(crate) fn decode_text(name: &str, bytes: &[u8]) -> (String, Vec<String>) {
    decode_with(name, bytes, None)
}

/// Decodes an HTML page: BOM, else its `<meta>` charset declaration, else as
/// [`decode_text`].
#[must_use]
pub(crate) fn decode_html(name: &str, bytes: &[u8]) -> (String, Vec<String>) {
    decode_with(name, bytes, declared_charset(bytes))
}

fn decode_with(
    name: &str,
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> (String, Vec<String>) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or(&[]);
        return finish(name, encoding, rest);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), Vec::new());
    }
    // A page declaring UTF-8 whose bytes are not UTF-8 is mislabelled; guess.
    let encoding = match declared {
        Some(enc) if enc != UTF_8 => enc,
        _ => guess(bytes),
    };
    finish(name, encoding, bytes)
}

fn finish(name: &str, encoding: &'static Encoding, bytes: &[u8]) -> (String, Vec<String>) {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warnings = if had_errors {
        vec![format!(
            "{name}: invalid {}, undecodable bytes replaced with U+FFFD",
            label(encoding)
        )]
    } else {
        Vec::new()
    };
    (text.into_owned(), warnings)
}

fn label(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "UTF-8" => "UTF-8",
        "UTF-16LE" | "UTF-16BE" => "UTF-16",
        other => other,
    }
}

/// The legacy encoding `chardetng` thinks the bytes are in (never UTF-16).
fn guess(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // The bytes are already known not to be valid UTF-8.
    detector.guess(None, Utf8Detection::Deny)
}

/// The encoding an HTML page declares in its first bytes: `<meta charset=X>`
/// or `<meta http-equiv="content-type" content="...; charset=X">`.
#[must_use]
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(PRESCAN_BYTES)).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let after = rest.get(at + 5..).unwrap_or("");
        let tag_end = after.find('>').unwrap_or(after.len());
        let tag = after.get(..tag_end).unwrap_or("");
        if let Some(enc) = charset_in(tag) {
            return Some(enc);
        }
        rest = after.get(tag_end..).unwrap_or("");
    }
    None
}

/// The charset named in one `<meta ...>` tag's attributes, if any.
fn charset_in(tag: &str) -> Option<&'static Encoding> {
    let at = tag.find("charset")?;
    let value = tag.get(at + 7..)?.trim_start().strip_prefix('=')?;
    let value = value.trim_start().trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(value.len());
    let enc = Encoding::for_label(value.get(..end)?.as_bytes())?;
    // A page saved as bytes cannot really be UTF-16 if it declared so in
    // ASCII; the HTML standard reads such a declaration as UTF-8.
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_curly_quotes_decode() {
        let bytes = b"He said \x93caf\xe9 cr\xe8me\x94 \x96 it\x92s \x80 5.";
        let (text, warnings) = decode_text("f.txt", bytes);
        assert_eq!(text, "He said “café crème” – it’s € 5.");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn boms_win() {
        let (text, _) = decode_text("f", b"\xef\xbb\xbfcaf\xc3\xa9");
        assert_eq!(text, "café");
        let mut be = vec![0xfe, 0xff];
        for unit in "Hi é".encode_utf16() {
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_text("f", &be).0, "Hi é");
    }

    #[test]
    fn html_declarations_are_read() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>\xe9t\xe9</body></html>";
        assert_eq!(
            declared_charset(page).map(Encoding::name),
            Some("windows-1252")
        );
        assert!(decode_html("p", page).0.contains("été"));
        let page = b"<meta charset='windows-1251'><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_html("p", page).0.contains("Привет"));
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn utf8_stays_utf8_and_truly_broken_input_warns() {
        assert_eq!(decode_text("f", "naïve “x”".as_bytes()).0, "naïve “x”");
        let (_, warnings) = decode_text("f.txt", b"\xff\xfe\x00\xd8");
        assert!(
            warnings
                .first()
                .is_some_and(|w| w.starts_with("f.txt: invalid UTF-16"))
        );
    }
}
