//! Keeping HTML parsing bounded. Before the page reaches the HTML parser, a
//! linear scan estimates how deep its elements nest and how many there are;
//! tags past [`MAX_DEPTH`] levels or past the [`MAX_ELEMENTS`]-th element are
//! dropped (their text stays), so a hostile page of 100,000 nested `<div>`s
//! is flattened instead of costing the parser quadratic time or the tree
//! walkers their stack.

use std::borrow::Cow;

/// Deepest element nesting kept.
pub(crate) const MAX_DEPTH: usize = 512;
/// Most elements kept.
pub(crate) const MAX_ELEMENTS: usize = 100_000;
/// How far down the open-element stack an end tag looks for its start tag.
const END_TAG_REACH: usize = 32;

const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command",
];
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];
const SELF_CLOSING_SIBLINGS: [&str; 8] = ["p", "li", "dt", "dd", "option", "tr", "td", "th"];

/// The page as given when it is within the limits, else a flattened copy and
/// a warning naming what was cut.
#[must_use]
pub(crate) fn bound(html: &str) -> (Cow<'_, str>, Option<String>) {
    let stats = scan(html, None);
    if stats.max_depth <= MAX_DEPTH && stats.elements <= MAX_ELEMENTS {
        return (Cow::Borrowed(html), None);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, Some(&mut out));
    let warning = format!(
        "page has {} elements nested up to {} deep; markup past {MAX_ELEMENTS} elements or {MAX_DEPTH} levels was flattened",
        stats.elements, stats.max_depth
    );
    (Cow::Owned(out), Some(warning))
}

#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    elements: usize,
    max_depth: usize,
}

/// One pass over the page. With `out`, writes the page minus the tags that
/// break the limits.
fn scan(html: &str, mut out: Option<&mut String>) -> Stats {
    let bytes = html.as_bytes();
    let mut stats = Stats::default();
    // (tag name as written, whether its tags were kept)
    let mut stack: Vec<(&str, bool)> = Vec::new();
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let start = i + off;
        let tag = read_tag(html, start);
        i = tag.end;
        let keep = match tag.kind {
            TagKind::Other => true,
            TagKind::End(name) => end_tag(&mut stack, name),
            TagKind::Start(name, self_closing) => {
                stats.elements += 1;
                if is_one_of(name, &SELF_CLOSING_SIBLINGS) {
                    close_sibling(&mut stack, name);
                }
                let keep = stack.len() < MAX_DEPTH && stats.elements <= MAX_ELEMENTS;
                if !self_closing && !is_one_of(name, &VOID) {
                    stack.push((name, keep));
                    stats.max_depth = stats.max_depth.max(stack.len());
                }
                if is_one_of(name, &RAW_TEXT) {
                    i = skip_raw_text(html, i, name);
                }
                keep
            }
        };
        if let Some(out) = out.as_deref_mut() {
            if keep {
                out.push_str(html.get(copied..i).unwrap_or(""));
            } else {
                out.push_str(html.get(copied..start).unwrap_or(""));
            }
            copied = i;
        }
    }
    if let Some(out) = out {
        out.push_str(html.get(copied..).unwrap_or(""));
    }
    stats
}

/// Pops to the start tag an end tag closes; returns whether that start tag
/// was kept (an unmatched end tag is kept: the parser ignores it).
fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn end_tag(stack: &mut Vec<(&str, bool)>, name: &str) -> bool {
    let reach = stack.len().saturating_sub(END_TAG_REACH);
    let found = stack
        .iter()
        .enumerate()
        .skip(reach)
        .rev()
        .find(|(_, (n, _))| n.eq_ignore_ascii_case(name))
        .map(|(at, (_, kept))| (at, *kept));
    match found {
        Some((at, kept)) => {
            stack.truncate(at);
            kept
        }
        None => true,
    }
}

/// A new `<p>`, `<li>`, `<td>`... implicitly closes an open one close by.
fn close_sibling(stack: &mut Vec<(&str, bool)>, name: &str) {
    let reach = stack.len().saturating_sub(3);
    if let Some(at) = stack
        .iter()
        .skip(reach)
        .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
    {
        stack.truncate(reach + at);
    }
}

enum TagKind<'h> {
    Start(&'h str, bool),
    End(&'h str),
    Other,
}

struct Tag<'h> {
    kind: TagKind<'h>,
    end: usize,
}

/// Reads the markup starting at the `<` at byte `start`.
fn read_tag(html: &str, start: usize) -> Tag<'_> {
    let rest = html.get(start..).unwrap_or("");
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(html.len(), |e| start + e + 3);
        return Tag {
            kind: TagKind::Other,
            end,
        };
    }
    let (is_end, name_from) = if rest.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let after = rest.get(name_from..).unwrap_or("");
    let name_len = after
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':')
        .count();
    let name = after.get(..name_len).unwrap_or("");
    let starts_alpha = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_alpha {
        // `<!doctype>`, `<?xml?>`, or a bare `<` in text.
        let is_markup = rest.starts_with("<!") || rest.starts_with("<?");
        let end = if is_markup {
            rest.find('>').map_or(html.len(), |e| start + e + 1)
        } else {
            start + 1
        };
        return Tag {
            kind: TagKind::Other,
            end,
        };
    }
    let (close, self_closing) = tag_close(rest);
    let end = close.map_or(html.len(), |e| start + e + 1);
    let kind = if is_end {
        TagKind::End(name)
    } else {
        TagKind::Start(name, self_closing)
    };
    Tag { kind, end }
}

/// The byte of the `>` ending a tag (quotes respected) and whether it is `/>`.
fn tag_close(tag: &str) -> (Option<usize>, bool) {
    let mut quote: Option<u8> = None;
    let mut prev = 0u8;
    for (at, &b) in tag.as_bytes().iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (Some(at), prev == b'/'),
            None => {}
        }
        prev = b;
    }
    (None, false)
}

/// The byte after the end tag that closes a raw-text element opened before `from`.
fn skip_raw_text(html: &str, from: usize, name: &str) -> usize {
    let rest = html.get(from..).unwrap_or("");
    let needle = format!("</{name}");
    let lower_match = rest
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
    match lower_match {
        Some(at) => from + at,
        None => html.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page =
            "<html><body><p>a<p>b<ul><li>x<li>y</ul><script>if (a<b) {}</script><br></body></html>";
        let (out, warning) = bound(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(warning.is_none());
        let stats = scan(page, None);
        assert_eq!(stats.elements, 9);
        assert!(stats.max_depth <= 5, "{stats:?}");
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 100_000;
        let page = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let (out, warning) = bound(&page);
        assert!(warning.is_some());
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text"));
    }

    #[test]
    fn too_many_elements_are_flattened() {
        let page = "<span>w</span>".repeat(MAX_ELEMENTS + 10);
        let (out, warning) = bound(&page);
        assert!(warning.is_some());
        assert_eq!(out.matches("<span>").count(), MAX_ELEMENTS);
        assert_eq!(out.matches('w').count(), MAX_ELEMENTS + 10);
    }

    #[test]
    fn odd_markup_does_not_panic() {
        for page in [
            "<",
            "</",
            "<a href='>",
            "<!--",
            "<script>",
            "é<é>",
            "<p/><br/>",
        ] {
            let _ = bound(page);
        }
    }
}
