//! JSON export: the article document of DESIGN.md §5 plus `highlights`;
//! several articles as `{"format": "lede-export", "version": 1, "articles": [...]}`.
//! Documented in `docs/json.md`.

use serde::Serialize;

use super::{ExportArticle, ExportError, ExportHighlight, Options};
use crate::document::ArticleDocument;

/// Value of the envelope's `format` key.
pub const EXPORT_FORMAT: &str = "lede-export";
/// Value of the envelope's `version` key.
pub const EXPORT_VERSION: u32 = 1;

/// One article: every document key, then `highlights` in reading order.
#[derive(Debug, Serialize)]
pub struct ArticleExport<'a> {
    /// The article document, keys unchanged.
    #[serde(flatten)]
    pub document: &'a ArticleDocument,
    /// Its highlights.
    pub highlights: Vec<&'a ExportHighlight>,
}

/// Several articles.
#[derive(Debug, Serialize)]
pub struct Envelope<'a> {
    /// Always `lede-export`.
    pub format: &'static str,
    /// Schema version, 1.
    pub version: u32,
    /// The articles.
    pub articles: Vec<ArticleExport<'a>>,
}

impl<'a> From<&'a ExportArticle> for ArticleExport<'a> {
    fn from(article: &'a ExportArticle) -> Self {
        ArticleExport {
            document: &article.document,
            highlights: article.highlights_in_order(),
        }
    }
}

/// Renders the articles: one document when `options.several` is false and
/// there is exactly one article, else the envelope. Pretty-printed, with a
/// final newline.
///
/// # Errors
/// A serialiser failure.
pub fn render(articles: &[ExportArticle], options: &Options) -> Result<Vec<u8>, ExportError> {
    let result = match articles {
        [one] if !options.several => serde_json::to_vec_pretty(&ArticleExport::from(one)),
        _ => serde_json::to_vec_pretty(&Envelope {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            articles: articles.iter().map(ArticleExport::from).collect(),
        }),
    };
    let mut bytes = result.map_err(|e| ExportError::Serialise(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn one_article_is_the_document_plus_highlights() {
        let article = testdata::article();
        let bytes = render(std::slice::from_ref(&article), &Options::default()).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["format"], "lede-article");
        let back: ArticleDocument = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(back, article.document);
        let first = &value["highlights"][0];
        let mut keys: Vec<&str> = first
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "created", "end", "field", "id", "note", "orphaned", "prefix", "start", "suffix",
                "text"
            ]
        );
        assert_eq!(first["created"], "2026-03-02T11:13:20Z");
        assert_eq!(value["highlights"][2]["orphaned"], true);
    }

    #[test]
    fn several_articles_use_the_envelope() {
        let article = testdata::article();
        let options = Options {
            several: true,
            ..Options::default()
        };
        let bytes = render(&[article.clone(), article], &options).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["format"], "lede-export");
        assert_eq!(value["version"], 1);
        assert_eq!(value["articles"].as_array().unwrap().len(), 2);
    }
}
