//! spaCy displaCy's manual format: `{"text", "ents": [{"start", "end",
//! "label"}], "title"}` per article, over the body (char offsets, which are
//! Python `str` indices). Render with `displacy.render(doc, style="ent",
//! manual=True)`.

use serde::Serialize;

use super::{ExportArticle, ExportError, Options};
use crate::nlp::EntityKind;

/// One article in displaCy's manual format.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ManualDoc<'a> {
    /// The body text.
    pub text: &'a str,
    /// Entity spans in the body, in text order.
    pub ents: Vec<ManualEnt>,
    /// The headline, shown above the text.
    pub title: Option<&'a str>,
}

/// One entity span.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ManualEnt {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// `PERSON`, `PLACE` or `ORG`.
    pub label: &'static str,
}

/// The manual doc of one article.
#[must_use]
pub fn manual(article: &ExportArticle) -> ManualDoc<'_> {
    let doc = &article.document;
    let mut ents: Vec<ManualEnt> = doc
        .entities
        .iter()
        .filter_map(|e| Some((EntityKind::parse(&e.kind)?.label(), e)))
        .flat_map(|(label, e)| {
            e.mentions
                .iter()
                .filter(|m| m.field == "body")
                .map(move |m| ManualEnt {
                    start: m.start,
                    end: m.end,
                    label,
                })
        })
        .collect();
    ents.sort_by_key(|e| (e.start, e.end));
    ManualDoc {
        text: &doc.body,
        ents,
        title: doc.title.as_deref(),
    }
}

/// One object for one article (unless `options.several`), else a list.
///
/// # Errors
/// A serialiser failure.
pub fn render(articles: &[ExportArticle], options: &Options) -> Result<Vec<u8>, ExportError> {
    let result = match articles {
        [one] if !options.several => serde_json::to_vec(&manual(one)),
        _ => serde_json::to_vec(&articles.iter().map(manual).collect::<Vec<_>>()),
    };
    let mut bytes = result.map_err(|e| ExportError::Serialise(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{char_slice, testdata};

    #[test]
    fn spans_index_the_body_in_text_order() {
        let article = testdata::article();
        let doc = manual(&article);
        let spans: Vec<(String, &str)> = doc
            .ents
            .iter()
            .map(|e| (char_slice(doc.text, e.start, e.end), e.label))
            .collect();
        assert_eq!(
            spans,
            [
                ("Jane Roe".to_owned(), "PERSON"),
                ("Riverside".to_owned(), "PLACE"),
                ("Roe".to_owned(), "PERSON")
            ]
        );
    }
}
