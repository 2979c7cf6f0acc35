//! Linking: mentions of one entity share a canonical name.

use super::{Entity, EntitySpan, FieldDoc, Mention};

/// Turns tagged spans (one list per doc, same order as `docs`) into mentions and
/// linked entities (STUB: one entity per distinct text).
#[must_use]
pub fn link(docs: &[FieldDoc], spans: &[Vec<EntitySpan>]) -> (Vec<Mention>, Vec<Entity>) {
    let mut mentions = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    for (fd, doc_spans) in docs.iter().zip(spans) {
        for span in doc_spans {
            let chars = fd.doc.char_range(span.tokens.clone());
            let text = fd.doc.span_text(span.tokens.clone()).to_owned();
            let entity = match entities
                .iter()
                .position(|e| e.name == text && e.kind == span.kind)
            {
                Some(i) => i,
                None => {
                    entities.push(Entity {
                        name: text.clone(),
                        kind: span.kind,
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                    });
                    entities.len() - 1
                }
            };
            entities[entity].mentions.push(mentions.len());
            mentions.push(Mention {
                field: fd.field,
                start: chars.start,
                end: chars.end,
                bytes: fd.doc.byte_range(span.tokens.clone()),
                text,
                title: span.title.clone().map(|t| fd.doc.span_text(t).to_owned()),
                entity,
            });
        }
    }
    (mentions, entities)
}
