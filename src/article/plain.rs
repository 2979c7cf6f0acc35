//! Plain text as pasted from a news site (MINIMAL: blank-line paragraphs,
//! first line as title; boilerplate rules to come).

use super::{
    Article, BlockKind, LoadError, SourceFormat, article_id, body, sanitize::sanitize, source,
};

/// Parses pasted news text.
pub(crate) fn parse(origin: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let (text, warnings) = source::decode(origin, bytes);
    let text = sanitize(&text);
    let blocks: Vec<(String, BlockKind)> = text
        .split("\n\n")
        .map(|p| (p.trim().to_owned(), BlockKind::Paragraph))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    let title = blocks.first().map(|(t, _)| t.clone());
    let (body, paragraphs) = body::assemble(blocks.get(1..).unwrap_or(&[]));
    Ok(Article {
        id: article_id(bytes),
        title,
        title_derived: false,
        byline: None,
        date: None,
        date_raw: None,
        source: None,
        url: None,
        origin: origin.to_owned(),
        source_format: SourceFormat::Text,
        body,
        paragraphs,
        captions: Vec::new(),
        related: Vec::new(),
        warnings,
    })
}
