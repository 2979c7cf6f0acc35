//! Tidying tagged spans before linking, so every tagger's mentions look
//! alike: a person's title is kept out of the name, a possessive "’s" is
//! left out, and no span starts or ends inside a hyphenated name.

use crate::nlp::gazetteer::{GazKind, Gazetteers};
use crate::nlp::{Doc, EntityKind, EntitySpan};

/// The spans of one doc, tidied; they stay in order and never overlap.
pub(crate) fn tidy(gaz: &Gazetteers, doc: &Doc, spans: &[EntitySpan]) -> Vec<EntitySpan> {
    let mut out: Vec<EntitySpan> = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let floor = out.last().map_or(0, |s: &EntitySpan| s.tokens.end);
        let ceiling = spans
            .get(i + 1)
            .map_or(doc.tokens().len(), |s| s.tokens.start);
        let widened = whole_words(doc, span, floor, ceiling);
        out.push(split_title(gaz, doc, &without_possessive(doc, &widened)));
    }
    out
}

/// A person span whose first tokens are a title from the gazetteer
/// ("Cllr Tobias Hollis" from a tagger that kept the title in the name) with
/// the title moved out of the name.
fn split_title(gaz: &Gazetteers, doc: &Doc, span: &EntitySpan) -> EntitySpan {
    let mut out = span.clone();
    if span.kind != EntityKind::Person || span.title.is_some() {
        return out;
    }
    let mut start = span.tokens.start;
    while let Some(m) = gaz.entry_at(doc, start) {
        if m.kind != GazKind::Title || start + m.len >= span.tokens.end {
            break;
        }
        start += m.len;
    }
    if start > span.tokens.start {
        out.title = Some(span.tokens.start..start);
        out.tokens = start..span.tokens.end;
    }
    out
}

/// The span without a possessive ending token ("Northlake" of
/// "Northlake’s"): the name is the owner, not the owned.
fn without_possessive(doc: &Doc, span: &EntitySpan) -> EntitySpan {
    let mut out = span.clone();
    let last = span.tokens.end.saturating_sub(1);
    if span.tokens.len() > 1 && matches!(doc.token_text(last), "'s" | "’s" | "'" | "’") {
        out.tokens = span.tokens.start..last;
    }
    out
}

/// The span grown over capitalised words joined to it by a hyphen without
/// spaces ("Osei" in "Murphy-Osei" becomes "Murphy-Osei"), within
/// `floor..ceiling` (the neighbouring spans).
fn whole_words(doc: &Doc, span: &EntitySpan, floor: usize, ceiling: usize) -> EntitySpan {
    let mut out = span.clone();
    let (mut start, mut end) = (span.tokens.start, span.tokens.end);
    while start >= floor + 2 && joins(doc, start - 2) {
        start -= 2;
    }
    while end + 2 <= ceiling && end >= 1 && joins(doc, end - 1) {
        end += 2;
    }
    if out.title.as_ref().is_some_and(|t| t.end > start) {
        return out; // growing into the title would make the two overlap
    }
    out.tokens = start..end;
    out
}

/// Token `i` and token `i + 2` are capitalised words joined by a hyphen at
/// `i + 1`, all three touching.
fn joins(doc: &Doc, i: usize) -> bool {
    let tokens = doc.tokens();
    let (Some(a), Some(h), Some(b)) = (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2)) else {
        return false;
    };
    let capital = |k: usize| {
        doc.token_text(k)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    a.end == h.start
        && h.end == b.start
        && matches!(doc.token_text(i + 1), "-" | "‐")
        && capital(i)
        && capital(i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(doc: &Doc, from: usize, to: usize) -> EntitySpan {
        let _ = doc;
        EntitySpan {
            tokens: from..to,
            kind: EntityKind::Person,
            title: None,
        }
    }

    fn texts(doc: &Doc, spans: &[EntitySpan]) -> Vec<(String, Option<String>)> {
        spans
            .iter()
            .map(|s| {
                (
                    doc.span_text(s.tokens.clone()).to_owned(),
                    s.title.clone().map(|t| doc.span_text(t).to_owned()),
                )
            })
            .collect()
    }

    #[test]
    fn a_title_inside_a_person_span_moves_out() {
        let doc = Doc::new("Cllr Tobias Hollis spoke.");
        let got = tidy(Gazetteers::global(), &doc, &[span(&doc, 0, 3)]);
        assert_eq!(
            texts(&doc, &got),
            [("Tobias Hollis".to_owned(), Some("Cllr".to_owned()))]
        );
        // A title alone is left as it is.
        let doc = Doc::new("Cllr spoke.");
        let got = tidy(Gazetteers::global(), &doc, &[span(&doc, 0, 1)]);
        assert_eq!(texts(&doc, &got), [("Cllr".to_owned(), None)]);
    }

    #[test]
    fn a_possessive_ending_is_left_out() {
        let doc = Doc::new("Northlake’s shares rose.");
        let got = tidy(Gazetteers::global(), &doc, &[span(&doc, 0, 2)]);
        assert_eq!(texts(&doc, &got), [("Northlake".to_owned(), None)]);
    }

    #[test]
    fn spans_grow_to_whole_hyphenated_words() {
        let doc = Doc::new("Then Murphy-Osei said so.");
        // Tokens: Then Murphy - Osei said so .
        let got = tidy(Gazetteers::global(), &doc, &[span(&doc, 3, 4)]);
        assert_eq!(texts(&doc, &got), [("Murphy-Osei".to_owned(), None)]);
        let got = tidy(Gazetteers::global(), &doc, &[span(&doc, 1, 2)]);
        assert_eq!(texts(&doc, &got), [("Murphy-Osei".to_owned(), None)]);
        // Not into a neighbouring span, not over lower-case words or spaces.
        let both = [span(&doc, 1, 2), span(&doc, 3, 4)];
        let got = tidy(Gazetteers::global(), &doc, &both);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].tokens, 1..2);
        let doc = Doc::new("a Tromsø-based club and Roe - Ash");
        let got = tidy(
            Gazetteers::global(),
            &doc,
            &[span(&doc, 1, 2), span(&doc, 7, 8)],
        );
        assert_eq!(got[0].tokens, 1..2);
        assert_eq!(got[1].tokens, 7..8);
    }
}
