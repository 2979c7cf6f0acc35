//! Whitespace tidying applied to every text field after sanitising, and a tiny
//! HTML-to-text reduction for HTML fragments met inside JSON and Markdown.

use super::sanitize::sanitize;

/// Sanitises `text` and folds it to one line: every run of whitespace (line
/// breaks included) becomes one space, and the ends are trimmed.
#[must_use]
pub(crate) fn clean_line(text: &str) -> String {
    collapse(&sanitize(text))
}

/// Like [`clean_line`], but `None` when nothing is left.
#[must_use]
pub(crate) fn clean_opt(text: Option<&str>) -> Option<String> {
    text.map(clean_line).filter(|s| !s.is_empty())
}

/// Collapses whitespace runs to single spaces and trims (no sanitising).
#[must_use]
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a fragment looks like HTML markup rather than text that happens to
/// contain a `<`.
#[must_use]
pub(crate) fn looks_like_html(text: &str) -> bool {
    const TAGS: [&str; 8] = ["<p>", "<p ", "<br", "</p>", "<div", "<span", "<a ", "<em>"];
    let lower = text.to_ascii_lowercase();
    TAGS.iter().any(|t| lower.contains(t))
}

/// Reduces an HTML fragment to text: block ends become blank lines, `<br>` a
/// line break, other tags vanish, and the common entities are decoded.
#[must_use]
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        match after.find('>') {
            Some(close) => {
                let tag = after.get(1..close).unwrap_or("");
                out.push_str(tag_replacement(tag));
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// What a tag turns into: paragraph breaks for block elements, nothing otherwise.
fn tag_replacement(tag: &str) -> &'static str {
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "br" => "\n",
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote"
        | "figcaption" | "tr" | "section" | "article" => "\n\n",
        _ => "",
    }
}

/// Decodes the named entities news HTML uses most, and numeric ones.
#[must_use]
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        let entity_end = after.find(';').filter(|&i| i <= 10);
        let decoded = entity_end
            .and_then(|end| after.get(1..end))
            .and_then(entity_char);
        match (decoded, entity_end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_collapses_and_sanitises() {
        assert_eq!(clean_line("  a \t b\u{1b}[31m\n c  "), "a b c");
        assert_eq!(clean_line("a\u{a0}\u{a0}b"), "a b");
        assert_eq!(clean_opt(Some(" \u{7} ")), None);
    }

    #[test]
    fn html_to_text_keeps_paragraphs_and_entities() {
        let text = html_to_text("<p>Tom &amp; Jerry</p><p>said &ldquo;hi&rdquo;<br>ok</p>");
        assert_eq!(text, "\n\nTom & Jerry\n\n\n\nsaid “hi”\nok\n\n");
        assert_eq!(html_to_text("a < b"), "a < b");
        assert_eq!(decode_entities("&#65;&#x42;&bogus; &"), "AB&bogus; &");
    }

    #[test]
    fn looks_like_html_needs_a_tag() {
        assert!(looks_like_html("<p>Hi</p>"));
        assert!(!looks_like_html("x < y and y > z"));
    }
}
