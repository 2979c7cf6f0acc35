//! Assembling an [`Article`]: every loader fills a [`Draft`], and
//! [`Draft::finish`] sanitises and tidies every text field in one place, joins
//! the blocks into the body with char ranges, parses the date and derives a
//! title when there is none.

use super::tidy::{clean_line, clean_opt};
use super::{Article, Block, BlockKind, SourceFormat, meta};

/// The raw parts a loader found, before sanitising.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    /// Explicit headline, if any.
    pub title: Option<String>,
    /// Author line without "By".
    pub byline: Option<String>,
    /// The date as written.
    pub date_raw: Option<String>,
    /// Publication name.
    pub source: Option<String>,
    /// Article URL.
    pub url: Option<String>,
    /// Paragraphs and headings in order.
    pub blocks: Vec<(String, BlockKind)>,
    /// Photo captions and credits.
    pub captions: Vec<String>,
    /// "Read more" headlines.
    pub related: Vec<String>,
    /// Non-fatal problems.
    pub warnings: Vec<String>,
}

impl Draft {
    /// Builds the article: every field sanitised and whitespace-tidied, empty
    /// ones dropped, and the title derived from the first sentence when absent.
    #[must_use]
    pub(crate) fn finish(self, id: String, origin: &str, format: SourceFormat) -> Article {
        let cleaned: Vec<(String, BlockKind)> = self
            .blocks
            .iter()
            .map(|(text, kind)| (clean_line(text), *kind))
            .collect();
        let (body, paragraphs) = assemble(&cleaned);
        let mut title = clean_opt(self.title.as_deref());
        let mut title_derived = false;
        if title.is_none() {
            let first = first_paragraph(&body, &paragraphs);
            title = first.and_then(meta::derive_title);
            title_derived = title.is_some();
        }
        let date_raw = clean_opt(self.date_raw.as_deref());
        Article {
            id,
            title,
            title_derived,
            byline: clean_opt(self.byline.as_deref()),
            date: date_raw.as_deref().and_then(meta::parse_date),
            date_raw,
            source: clean_opt(self.source.as_deref()),
            url: clean_opt(self.url.as_deref()),
            origin: origin.to_owned(),
            source_format: format,
            body,
            paragraphs,
            captions: clean_list(&self.captions),
            related: clean_list(&self.related),
            warnings: self.warnings,
        }
    }
}

fn clean_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| clean_line(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The text of the first paragraph (not heading) of the body.
fn first_paragraph<'a>(body: &'a str, blocks: &[Block]) -> Option<&'a str> {
    let block = blocks.iter().find(|b| b.kind == BlockKind::Paragraph)?;
    let start = body.char_indices().nth(block.start).map(|(i, _)| i)?;
    let end = body
        .char_indices()
        .nth(block.end)
        .map_or(body.len(), |(i, _)| i);
    body.get(start..end)
}

/// Joins blocks with `\n\n`, returning the body and each block's char range.
/// Blocks are trimmed; empty ones are skipped.
#[must_use]
pub(crate) fn assemble(blocks: &[(String, BlockKind)]) -> (String, Vec<Block>) {
    let mut body = String::new();
    let mut ranges = Vec::new();
    let mut chars = 0;
    for (text, kind) in blocks {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
            chars += 2;
        }
        let len = text.chars().count();
        body.push_str(text);
        ranges.push(Block {
            start: chars,
            end: chars + len,
            kind: *kind,
        });
        chars += len;
    }
    (body, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_cleans_every_field_and_derives_title() {
        let draft = Draft {
            byline: Some(" Jane \u{1b}[1mDoe ".into()),
            date_raw: Some("16 Oct 2025".into()),
            source: Some("\u{202e}Wire".into()),
            url: Some(" https://x.test/a ".into()),
            blocks: vec![
                ("Intro   heading".into(), BlockKind::Heading),
                ("Ünïcode   text here.\tMore.".into(), BlockKind::Paragraph),
                ("  ".into(), BlockKind::Paragraph),
            ],
            captions: vec!["  ".into(), "A\u{7} photo".into()],
            related: vec!["One\r\ntwo".into()],
            ..Draft::default()
        };
        let a = draft.finish("abc".into(), "x.txt", SourceFormat::Text);
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.date.as_deref(), Some("2025-10-16"));
        assert_eq!(a.body, "Intro heading\n\nÜnïcode text here. More.");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[1].start, 15);
        assert_eq!(a.captions, vec!["A photo"]);
        assert_eq!(a.related, vec!["One two"]);
        assert_eq!(a.title.as_deref(), Some("Ünïcode text here"));
        assert!(a.title_derived);
    }
}
