//! Markdown articles: `---` front matter for the metadata, then CommonMark
//! parsed with `pulldown-cmark` and reduced to text blocks. Inline markup
//! (emphasis, code, links, reference links) keeps its text, HTML tags go,
//! images with alt text become captions, `#`/`##` headings stay headings, and
//! list items and block quotes become paragraphs.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::body::Draft;
use super::layout::{self, Options, Unit};
use super::plain::split_units;
use super::sanitize::sanitize;
use super::tidy::{collapse, html_to_text};
use super::{Article, LoadError, SourceFormat, article_id, source};

/// Parses Markdown.
pub(crate) fn parse(origin: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let (text, warnings) = source::decode(origin, bytes);
    let text = sanitize(&text);
    let (front, rest) = split_front_matter(&text);
    let mut draft = Draft {
        warnings,
        ..Draft::default()
    };
    if let Some(front) = front {
        apply_front_matter(front, &mut draft);
    }
    let mut blocks = markdown_blocks(rest);
    match (&draft.title, blocks.title.take()) {
        (None, h1) => draft.title = h1,
        // A `# Title` repeating the front matter's title is dropped; another
        // one is a heading of the body.
        (Some(title), Some(h1)) if *title != h1 => blocks.units.insert(
            0,
            Unit {
                text: h1,
                heading: true,
            },
        ),
        _ => {}
    }
    draft.captions.extend(blocks.captions);
    let options = Options {
        header: true,
        infer_headings: false,
    };
    layout::classify(&blocks.units, options, &mut draft);
    let article = draft.finish(article_id(bytes), origin, SourceFormat::Markdown);
    super::require_text(origin, article)
}

/// The front matter between a leading `---` line and the next `---` (or `...`)
/// line, and the rest of the text. No closing line: no front matter.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(after_open) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---").filter(|r| r.trim().is_empty()))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let front = after_open.get(..offset).unwrap_or("");
            let rest = after_open.get(offset + line.len()..).unwrap_or("");
            return (Some(front), rest);
        }
        offset += line.len();
    }
    (None, text)
}

/// Reads simple `key: value` front matter (values quoted or not; a key with
/// an empty value followed by `- item` lines, or `[a, b]`, is a list).
fn apply_front_matter(front: &str, draft: &mut Draft) {
    for (key, value) in front_matter_pairs(front) {
        let slot = match key.as_str() {
            "title" | "headline" => &mut draft.title,
            "author" | "authors" | "byline" | "by" => &mut draft.byline,
            "date" | "published" | "published_at" | "pubdate" | "date_published"
            | "datepublished" | "created" => &mut draft.date_raw,
            "source" | "site" | "site_name" | "publisher" | "publication" => {
                if is_url(&value) {
                    &mut draft.url
                } else {
                    &mut draft.source
                }
            }
            "url" | "link" | "canonical_url" | "source_url" => &mut draft.url,
            _ => continue,
        };
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }
}

fn is_url(value: &str) -> bool {
    value.starts_with("http://") || value.starts_with("https://")
}

/// `(lowercase key, value)` pairs; list values are joined with ", ".
fn front_matter_pairs(front: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut list_key: Option<String> = None;
    let mut items: Vec<String> = Vec::new();
    let flush =
        |key: &mut Option<String>, items: &mut Vec<String>, pairs: &mut Vec<(String, String)>| {
            if let Some(key) = key.take() {
                pairs.push((key, items.join(", ")));
            }
            items.clear();
        };
    for line in front.lines() {
        let trimmed = line.trim();
        if let (Some(item), true) = (trimmed.strip_prefix("- "), list_key.is_some()) {
            items.push(unquote(item));
            continue;
        }
        flush(&mut list_key, &mut items, &mut pairs);
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        if line.starts_with([' ', '\t']) || trimmed.starts_with('#') {
            continue;
        }
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        if value.is_empty() {
            list_key = Some(key);
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let list: Vec<String> = inner
                .split(',')
                .map(unquote)
                .filter(|s| !s.is_empty())
                .collect();
            pairs.push((key, list.join(", ")));
        } else {
            pairs.push((key, unquote(value)));
        }
    }
    flush(&mut list_key, &mut items, &mut pairs);
    pairs
}

/// Strips one pair of matching YAML quotes (and un-doubles `''` in single quotes).
fn unquote(value: &str) -> String {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"");
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_owned()
}

/// What the Markdown body yielded.
#[derive(Debug, Default)]
struct Blocks {
    /// The first `#` heading when it comes before any text.
    title: Option<String>,
    units: Vec<Unit>,
    captions: Vec<String>,
}

/// Walks the CommonMark events, collecting one unit per paragraph, heading,
/// list item, code block or HTML block.
fn markdown_blocks(text: &str) -> Blocks {
    let mut out = Blocks::default();
    let mut current = String::new();
    let mut heading: Option<HeadingLevel> = None;
    let mut image_alt: Option<String> = None;
    let mut html = String::new();
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, false, &mut out);
                heading = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = heading.take();
                if level == Some(HeadingLevel::H1) && out.title.is_none() && out.units.is_empty() {
                    out.title = Some(collapse(&current));
                    current.clear();
                } else {
                    flush(&mut current, true, &mut out);
                }
            }
            Event::Start(Tag::Image { .. }) => image_alt = Some(String::new()),
            Event::End(TagEnd::Image) => {
                if let Some(alt) = image_alt.take().map(|a| collapse(&a))
                    && !alt.is_empty()
                {
                    out.captions.push(alt);
                }
            }
            Event::Start(Tag::HtmlBlock) => flush(&mut current, false, &mut out),
            Event::Html(fragment) => html.push_str(&fragment),
            Event::End(TagEnd::HtmlBlock) => {
                out.units.extend(split_units(&html_to_text(&html)));
                html.clear();
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::List(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_),
            )
            | Event::Rule => flush(&mut current, false, &mut out),
            Event::Text(t) | Event::Code(t) => match image_alt.as_mut() {
                Some(alt) => alt.push_str(&t),
                None => current.push_str(&t),
            },
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            _ => {}
        }
    }
    flush(&mut current, false, &mut out);
    out
}

fn flush(current: &mut String, heading: bool, out: &mut Blocks) {
    let text = collapse(current);
    current.clear();
    if !text.is_empty() {
        out.units.push(Unit { text, heading });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    fn load(text: &str) -> Article {
        parse("a.md", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn front_matter_fills_metadata() {
        let a = load(
            "---\ntitle: \"Bridge opens: at last\"\nauthor:\n  - Jane Doe\n  - 'John O''Roe'\ndate: 2025-10-16\nsite: Example News\nurl: https://example.test/bridge\n---\n\n# Ignored heading title\n\nThe bridge **opened** on *Monday*.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Bridge opens: at last"));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe, John O'Roe"));
        assert_eq!(a.date.as_deref(), Some("2025-10-16"));
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://example.test/bridge"));
        assert!(a.body.ends_with("The bridge opened on Monday."));
        assert_eq!(
            a.paragraphs.first().map(|b| b.kind),
            Some(BlockKind::Heading)
        );
    }

    #[test]
    fn markup_is_reduced_to_text() {
        let a = load(
            "# Talks resume\n\nBy Jane Doe\n\nLeaders met in [Geneva](https://x.test) and [Paris][p] with `code` and <span class=\"x\">html</span>.\n\n![Leaders at the table](pic.jpg)\n\n## What was said\n\n> \"We will meet again,\" she said.\n\n- first item\n- second item\n\n[p]: https://paris.test\n",
        );
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert!(!a.title_derived);
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.captions, vec!["Leaders at the table"]);
        let texts: Vec<&str> = a.body.split("\n\n").collect();
        assert_eq!(
            texts,
            vec![
                "Leaders met in Geneva and Paris with code and html.",
                "What was said",
                "\"We will meet again,\" she said.",
                "first item",
                "second item",
            ]
        );
        let kinds: Vec<BlockKind> = a.paragraphs.iter().map(|b| b.kind).collect();
        assert_eq!(kinds.get(1), Some(&BlockKind::Heading));
        assert_eq!(
            kinds.iter().filter(|k| **k == BlockKind::Heading).count(),
            1
        );
    }

    #[test]
    fn read_more_heading_gives_related() {
        let a = load(
            "Body text here.\n\nAdvertisement\n\n## Read more\n\n- First headline\n- Second headline\n",
        );
        assert_eq!(a.related, vec!["First headline", "Second headline"]);
        assert_eq!(a.body, "Body text here.");
        assert!(a.title_derived);
    }

    #[test]
    fn html_block_is_stripped() {
        let a =
            load("<div class=\"lead\">\n<p>Lead &amp; more text.</p>\n</div>\n\nNext paragraph.\n");
        assert_eq!(a.body, "Lead & more text.\n\nNext paragraph.");
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let a = load("---\ntitle: x\n\nBody.\n");
        assert!(a.body.contains("title: x"));
    }
}
