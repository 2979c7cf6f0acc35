//! The article document (DESIGN.md section 5): what `lede tag --format json`
//! prints and what JSON export extends. Defined once here as serde types and
//! documented in `docs/json.md`.
//!
//! Offsets are Unicode scalar-value indices (Rust `char`), end exclusive, into
//! the named field.

use serde::{Deserialize, Serialize};

use crate::article::{Article, Block, SourceFormat};
use crate::nlp::{Analysis, TextSpan};

/// Value of the `format` key.
pub const FORMAT_NAME: &str = "lede-article";
/// Value of the `version` key.
pub const FORMAT_VERSION: u32 = 1;

/// One article with its entities and quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDocument {
    /// Always `lede-article`.
    pub format: String,
    /// Schema version, 1.
    pub version: u32,
    /// The 12-hex-digit article id.
    pub id: String,
    /// The stored format of the source.
    pub source_format: SourceFormat,
    /// Headline.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// ISO 8601 date, when the raw date parsed.
    pub date: Option<String>,
    /// The date as written.
    pub date_raw: Option<String>,
    /// Publication name.
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Path, `-` or `sample:NAME`.
    pub origin: String,
    /// Article text, paragraphs joined by a blank line.
    pub body: String,
    /// Photo captions and credits.
    pub captions: Vec<String>,
    /// "Read more" headlines.
    pub related: Vec<String>,
    /// Paragraph and heading ranges into `body`.
    pub paragraphs: Vec<Block>,
    /// Linked entities, most mentioned first.
    pub entities: Vec<EntityDocument>,
    /// Direct quotes in reading order.
    pub quotes: Vec<QuoteDocument>,
}

/// One entity of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityDocument {
    /// `e1`, `e2`, ... stable within one document.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `place` or `organization`.
    pub kind: String,
    /// Other forms seen.
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub count: usize,
    /// Every mention.
    pub mentions: Vec<MentionDocument>,
}

/// One mention: a field and a char range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionDocument {
    /// `title`, `body`, `captions[0]`, `related[1]`.
    pub field: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text as written.
    pub text: String,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteDocument {
    /// `q1`, `q2`, ...
    pub id: String,
    /// The field holding it.
    pub field: String,
    /// First char of the quoted text.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// Entity id of the speaker, or null.
    pub speaker_id: Option<String>,
    /// Canonical name of the speaker, or null.
    pub speaker: Option<String>,
    /// The attribution cue, or null.
    pub cue: Option<SpanDocument>,
}

/// A char range with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanDocument {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text.
    pub text: String,
}

impl From<&TextSpan> for SpanDocument {
    fn from(span: &TextSpan) -> Self {
        SpanDocument {
            start: span.start,
            end: span.end,
            text: span.text.clone(),
        }
    }
}

impl ArticleDocument {
    /// Builds the document of an article and its analysis. Entities are
    /// ordered by mention count (then first mention) and numbered in that order.
    #[must_use]
    pub fn new(article: &Article, analysis: &Analysis) -> ArticleDocument {
        let order = entity_order(analysis);
        let mut entity_ids = vec![String::new(); analysis.entities.len()];
        for (rank, &index) in order.iter().enumerate() {
            entity_ids[index] = format!("e{}", rank + 1);
        }
        let entities = order
            .iter()
            .map(|&index| {
                let entity = &analysis.entities[index];
                EntityDocument {
                    id: entity_ids[index].clone(),
                    name: entity.name.clone(),
                    kind: entity.kind.name().to_owned(),
                    aliases: entity.aliases.clone(),
                    count: entity.mentions.len(),
                    mentions: entity
                        .mentions
                        .iter()
                        .map(|&m| {
                            let mention = &analysis.mentions[m];
                            MentionDocument {
                                field: mention.field.name(),
                                start: mention.start,
                                end: mention.end,
                                text: mention.text.clone(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let quotes = analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(i, quote)| QuoteDocument {
                id: format!("q{}", i + 1),
                field: quote.field.name(),
                start: quote.start,
                end: quote.end,
                text: quote.text.clone(),
                speaker_id: quote.speaker.map(|s| entity_ids[s].clone()),
                speaker: analysis.speaker_name(quote).map(str::to_owned),
                cue: quote.cue.as_ref().map(SpanDocument::from),
            })
            .collect();
        ArticleDocument {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            id: article.id.clone(),
            source_format: article.source_format,
            title: article.title.clone(),
            byline: article.byline.clone(),
            date: article.date.clone(),
            date_raw: article.date_raw.clone(),
            source: article.source.clone(),
            url: article.url.clone(),
            origin: article.origin.clone(),
            body: article.body.clone(),
            captions: article.captions.clone(),
            related: article.related.clone(),
            paragraphs: article.paragraphs.clone(),
            entities,
            quotes,
        }
    }
}

/// Entity indices sorted by mention count, most first; ties by first mention.
#[must_use]
pub fn entity_order(analysis: &Analysis) -> Vec<usize> {
    let mut order: Vec<usize> = (0..analysis.entities.len()).collect();
    order.sort_by_key(|&i| {
        let e = &analysis.entities[i];
        (
            std::cmp::Reverse(e.mentions.len()),
            e.mentions.first().copied().unwrap_or(usize::MAX),
        )
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{Analyzer, Doc, EntityKind, EntitySpan, Tagger};

    /// Tags every "Jane Roe" and lone "Roe" as a person (the real tagger is
    /// not needed to test the document shape).
    struct RoeTagger;

    impl Tagger for RoeTagger {
        fn tag(&self, doc: &Doc) -> Vec<EntitySpan> {
            let n = doc.tokens().len();
            let mut spans = Vec::new();
            let mut i = 0;
            while i < n {
                let full =
                    doc.token_text(i) == "Jane" && i + 1 < n && doc.token_text(i + 1) == "Roe";
                let len = if full {
                    2
                } else {
                    usize::from(doc.token_text(i) == "Roe")
                };
                if len > 0 {
                    spans.push(EntitySpan {
                        tokens: i..i + len,
                        kind: EntityKind::Person,
                        title: None,
                    });
                }
                i += len.max(1);
            }
            spans
        }
    }

    fn sample_document() -> ArticleDocument {
        let text = "Bridge reopens\n\nJane Roe opened the bridge on Monday.\n\n\
                    \"Nobody will wait at the river again,\" Jane Roe said.";
        let article = crate::article::load_bytes("bridge.txt", text.as_bytes()).expect("loads");
        let analysis = Analyzer::with_tagger(Box::new(RoeTagger)).analyze(&article);
        ArticleDocument::new(&article, &analysis)
    }

    fn keys(value: &serde_json::Value) -> Vec<&str> {
        let mut keys: Vec<&str> = value
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        keys
    }

    fn sorted(mut list: Vec<&str>) -> Vec<&str> {
        list.sort_unstable();
        list
    }

    #[test]
    fn document_round_trips_through_json() {
        let document = sample_document();
        assert_eq!(document.quotes.len(), 1, "{document:?}");
        assert!(!document.entities.is_empty());
        let json = serde_json::to_string(&document).expect("serializes");
        let back: ArticleDocument = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, document);
    }

    #[test]
    fn document_has_exactly_the_design_keys() {
        let value = serde_json::to_value(sample_document()).expect("serializes");
        assert_eq!(
            keys(&value),
            sorted(vec![
                "format",
                "version",
                "id",
                "source_format",
                "title",
                "byline",
                "date",
                "date_raw",
                "source",
                "url",
                "origin",
                "body",
                "captions",
                "related",
                "paragraphs",
                "entities",
                "quotes",
            ])
        );
        assert_eq!(value["format"], "lede-article");
        assert_eq!(value["version"], 1);
        assert_eq!(keys(&value["paragraphs"][0]), ["end", "kind", "start"]);
        let entity = &value["entities"][0];
        assert_eq!(
            keys(entity),
            sorted(vec!["id", "name", "kind", "aliases", "count", "mentions"])
        );
        assert_eq!(entity["kind"], "person");
        assert_eq!(
            keys(&entity["mentions"][0]),
            ["end", "field", "start", "text"]
        );
        let quote = &value["quotes"][0];
        assert_eq!(
            keys(quote),
            sorted(vec![
                "id",
                "field",
                "start",
                "end",
                "text",
                "speaker_id",
                "speaker",
                "cue"
            ])
        );
        assert_eq!(quote["field"], "body");
        assert_eq!(quote["speaker"], "Jane Roe");
        assert_eq!(quote["speaker_id"], entity["id"]);
        assert_eq!(keys(&quote["cue"]), ["end", "start", "text"]);
        assert_eq!(quote["cue"]["text"], "said");
    }

    #[test]
    fn quote_offsets_index_the_body_in_chars() {
        let document = sample_document();
        let quote = &document.quotes[0];
        let by_chars: String = document
            .body
            .chars()
            .skip(quote.start)
            .take(quote.end - quote.start)
            .collect();
        assert_eq!(by_chars, quote.text);
        assert_eq!(quote.text, "Nobody will wait at the river again,");
    }
}
