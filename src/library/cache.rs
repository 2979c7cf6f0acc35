//! The cached analysis: an [`Analysis`] without its token docs, as JSON.
//!
//! Everything the reader shows (mentions, entities, quotes) round-trips;
//! byte ranges are recomputed from the char offsets on load, and `docs` stays
//! empty (tokens are cheap to rebuild and only the analyser needs them).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Field};
use crate::nlp::{Analysis, Entity, EntityKind, Mention, Quote, TextSpan};

#[derive(Serialize, Deserialize)]
struct CachedAnalysis {
    mentions: Vec<CachedMention>,
    entities: Vec<CachedEntity>,
    quotes: Vec<CachedQuote>,
}

#[derive(Serialize, Deserialize)]
struct CachedMention {
    field: String,
    start: usize,
    end: usize,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    entity: usize,
}

#[derive(Serialize, Deserialize)]
struct CachedEntity {
    name: String,
    kind: String,
    aliases: Vec<String>,
    mentions: Vec<usize>,
}

#[derive(Serialize, Deserialize)]
struct CachedQuote {
    field: String,
    start: usize,
    end: usize,
    text: String,
    speaker: Option<usize>,
    cue: Option<(usize, usize, String)>,
}

/// Serialises an analysis for the `analysis` column.
#[must_use]
pub fn encode(analysis: &Analysis) -> String {
    let cached = CachedAnalysis {
        mentions: analysis
            .mentions
            .iter()
            .map(|m| CachedMention {
                field: m.field.name(),
                start: m.start,
                end: m.end,
                text: m.text.clone(),
                title: m.title.clone(),
                entity: m.entity,
            })
            .collect(),
        entities: analysis
            .entities
            .iter()
            .map(|e| CachedEntity {
                name: e.name.clone(),
                kind: e.kind.name().to_owned(),
                aliases: e.aliases.clone(),
                mentions: e.mentions.clone(),
            })
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .map(|q| CachedQuote {
                field: q.field.name(),
                start: q.start,
                end: q.end,
                text: q.text.clone(),
                speaker: q.speaker,
                cue: q.cue.as_ref().map(|c| (c.start, c.end, c.text.clone())),
            })
            .collect(),
    };
    serde_json::to_string(&cached).unwrap_or_else(|_| "{}".to_owned())
}

/// Rebuilds an analysis of `article` from [`encode`]'s JSON. `None` when the
/// JSON is unreadable or does not fit the article (then re-analyse).
#[must_use]
pub fn decode(json: &str, article: &Article) -> Option<Analysis> {
    let cached: CachedAnalysis = serde_json::from_str(json).ok()?;
    let entity_count = cached.entities.len();
    let mentions = cached
        .mentions
        .into_iter()
        .map(|m| {
            let field = Field::parse(&m.field)?;
            let bytes = byte_range(article.field_text(field)?, m.start, m.end)?;
            (m.entity < entity_count).then_some(Mention {
                field,
                start: m.start,
                end: m.end,
                bytes,
                text: m.text,
                title: m.title,
                entity: m.entity,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let entities = cached
        .entities
        .into_iter()
        .map(|e| {
            let kind = EntityKind::parse(&e.kind)?;
            let ok = e.mentions.iter().all(|&i| i < mentions.len());
            ok.then_some(Entity {
                name: e.name,
                kind,
                aliases: e.aliases,
                mentions: e.mentions,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let quotes = cached
        .quotes
        .into_iter()
        .map(|q| {
            let field = Field::parse(&q.field)?;
            article.field_text(field)?;
            let ok = q.speaker.is_none_or(|s| s < entity_count);
            ok.then_some(Quote {
                field,
                start: q.start,
                end: q.end,
                text: q.text,
                speaker: q.speaker,
                cue: q
                    .cue
                    .map(|(start, end, text)| TextSpan { start, end, text }),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Analysis {
        docs: Vec::new(),
        mentions,
        entities,
        quotes,
    })
}

/// Byte range of the char range `start..end` of `text`, if it lies inside.
fn byte_range(text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    if start > end {
        return None;
    }
    let mut indices = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let from = indices.nth(start)?;
    let to = if end == start {
        from
    } else {
        indices.nth(end - start - 1)?
    };
    Some(from..to)
}

/// Which analyser produced a cache: the lede version and the embedded
/// model's identity. A stored analysis with another value is redone lazily.
#[must_use]
pub fn analyser_identity() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let model = match crate::nlp::model::Model::embedded() {
            Ok(model) => crate::article::article_id(&model.to_bytes()),
            Err(_) => "rules".to_owned(),
        };
        format!("lede {} model {model}", env!("CARGO_PKG_VERSION"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Analyzer;

    #[test]
    fn round_trip_keeps_what_the_reader_shows() {
        for article in crate::samples::load_all() {
            let fresh = Analyzer::default().analyze(&article);
            let back = decode(&encode(&fresh), &article).expect("decodes");
            assert_eq!(back.mentions, fresh.mentions, "{}", article.origin);
            assert_eq!(back.entities, fresh.entities);
            assert_eq!(back.quotes, fresh.quotes);
        }
    }

    #[test]
    fn bad_or_mismatched_json_is_none() {
        let article = crate::article::load_bytes("a.txt", b"Title\n\nShort body.").unwrap();
        assert!(decode("not json", &article).is_none());
        let far = r#"{"mentions":[{"field":"body","start":50,"end":60,"text":"x","entity":0}],
            "entities":[{"name":"x","kind":"person","aliases":[],"mentions":[0]}],"quotes":[]}"#;
        assert!(decode(far, &article).is_none());
    }

    #[test]
    fn byte_ranges_follow_chars() {
        assert_eq!(byte_range("héllo", 1, 3), Some(1..4));
        assert_eq!(byte_range("héllo", 5, 5), Some(6..6));
        assert_eq!(byte_range("héllo", 2, 9), None);
        assert_eq!(byte_range("abc", 0, 3), Some(0..3));
    }
}
