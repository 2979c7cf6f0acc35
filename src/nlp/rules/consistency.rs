//! Document consistency: a surname that is also a common word ("Trump",
//! "Young") is tagged alone only when the article names that person in full
//! somewhere (any field), or when a title introduces it; a bare word the
//! article elsewhere shows to be an organization or place ("Enron" beside
//! "Enron North America") is not a person.

use std::collections::{HashMap, HashSet};

use crate::nlp::gazetteer::Gazetteers;
use crate::nlp::{Doc, EntityKind, EntitySpan};

/// Last words of multi-word PERSON spans in all docs ("Trump" of "Donald Trump").
pub(crate) fn known_surnames<'d>(docs: &[&'d Doc], spans: &[Vec<EntitySpan>]) -> HashSet<&'d str> {
    let mut out = HashSet::new();
    for (doc, doc_spans) in docs.iter().zip(spans) {
        for s in doc_spans {
            if s.kind == EntityKind::Person && s.tokens.len() >= 2 {
                out.insert(doc.token_text(s.tokens.end - 1));
            }
        }
    }
    out
}

/// Adds single-token PERSON spans for untagged capitalised tokens equal to a
/// known surname and not followed by another capitalised word; keeps `spans`
/// sorted and non-overlapping.
pub(crate) fn tag_known_surnames(doc: &Doc, surnames: &HashSet<&str>, spans: &mut Vec<EntitySpan>) {
    if surnames.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens().len()];
    for s in spans.iter() {
        for c in covered.iter_mut().take(s.tokens.end).skip(s.tokens.start) {
            *c = true;
        }
    }
    let mut added = Vec::new();
    for i in 0..doc.tokens().len() {
        let word = doc.token_text(i);
        if covered.get(i).copied().unwrap_or(true) || !surnames.contains(word) {
            continue;
        }
        let next_cap = doc.tokens().get(i + 1).is_some_and(|_| {
            doc.token_text(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if next_cap && !doc.tokens().get(i).is_some_and(|t| t.newline_after) {
            continue;
        }
        added.push(EntitySpan {
            tokens: i..i + 1,
            kind: EntityKind::Person,
            title: None,
        });
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.tokens.start);
    }
}

/// Words that the article shows to be organizations or places: single-word
/// ORG/PLACE spans, and the unknown first word of multi-word organizations
/// ("Enron" of "Enron North America").
pub(crate) fn known_non_persons<'d>(
    docs: &[&'d Doc],
    spans: &[Vec<EntitySpan>],
    gaz: &Gazetteers,
) -> HashMap<&'d str, EntityKind> {
    let mut out = HashMap::new();
    for (doc, doc_spans) in docs.iter().zip(spans) {
        for s in doc_spans.iter().filter(|s| s.kind != EntityKind::Person) {
            let first = doc.token_text(s.tokens.start);
            let unknown = gaz.word_flags(first) == 0;
            if s.tokens.len() == 1 || (s.kind == EntityKind::Organization && unknown) {
                out.entry(first).or_insert(s.kind);
            }
        }
    }
    out
}

/// Re-labels single-word PERSON spans without a title whose word the article
/// shows to be an organization or place, unless it is a known surname.
pub(crate) fn relabel_non_persons(
    doc: &Doc,
    known: &HashMap<&str, EntityKind>,
    surnames: &HashSet<&str>,
    spans: &mut [EntitySpan],
) {
    for s in spans.iter_mut() {
        if s.kind != EntityKind::Person || s.tokens.len() != 1 || s.title.is_some() {
            continue;
        }
        let word = doc.token_text(s.tokens.start);
        if surnames.contains(word) {
            continue;
        }
        if let Some(&kind) = known.get(word) {
            s.kind = kind;
        }
    }
}
