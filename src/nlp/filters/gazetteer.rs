//! Gazetteer filter: entries of the hand-written lists (`organizations.txt`,
//! `regions.txt`, `landmarks.txt`) and the country list tag names the model
//! missed ("Congress" in a headline, "Middle East").
//!
//! Only unambiguous entries count: a surface form listed under both kinds, or
//! a one-word entry that is also a given name or surname ("Jordan", "Chad"),
//! is left out. A match must stand alone (no capitalised word glued to either
//! side: "New York" inside "New York Times" is not a place), and a one-word
//! entry that is a common English word does not count at a sentence start.
//!
//! Policy: gap filling ([`super::fill_gaps`]): where the model tagged
//! anything overlapping, the model's boundaries win; a model span with
//! exactly an entry's tokens takes the entry's kind ([`super::relabel`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Filter, fill_gaps, relabel, sentence_start, stands_alone};
use crate::nlp::gazetteer::fx::FxMap;
use crate::nlp::gazetteer::{COMMON, FILES, FIRST_NAME, Gazetteers, SURNAME};
use crate::nlp::{Doc, EntityKind, EntitySpan, segment};

/// The lists this filter reads, with the kind they name.
const LISTS: &[(&str, EntityKind)] = &[
    ("organizations.txt", EntityKind::Organization),
    ("regions.txt", EntityKind::Place),
    ("landmarks.txt", EntityKind::Place),
    ("countries.txt", EntityKind::Place),
];

/// One entry: its tokens and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    tokens: Vec<String>,
    kind: EntityKind,
}

/// The curated entries by first token, longest first.
#[derive(Debug, Default)]
pub struct CuratedGazetteer {
    /// Entries by first token (looked up at every token: a fast hasher).
    entries: FxMap<String, Vec<Entry>>,
}

impl CuratedGazetteer {
    /// The entries of the embedded lists, built once per process.
    pub fn global() -> &'static CuratedGazetteer {
        static CELL: OnceLock<CuratedGazetteer> = OnceLock::new();
        CELL.get_or_init(|| CuratedGazetteer::from_lists(&embedded_lists()))
    }

    /// Builds the filter from `(list text, kind)` pairs (lines as in the
    /// gazetteer files: `surface<TAB>canonical`, `#` comments).
    #[must_use]
    pub fn from_lists(lists: &[(&str, EntityKind)]) -> CuratedGazetteer {
        let gaz = Gazetteers::global();
        let mut kinds: HashMap<Vec<String>, Option<EntityKind>> = HashMap::new();
        for (text, kind) in lists {
            for surface in surfaces(text) {
                let tokens: Vec<String> = segment::tokenize(surface)
                    .iter()
                    .filter_map(|t| surface.get(t.byte_start..t.byte_end))
                    .map(str::to_owned)
                    .collect();
                let person_word =
                    tokens.len() == 1 && gaz.word_flags(&tokens[0]) & (FIRST_NAME | SURNAME) != 0;
                if tokens.is_empty() || person_word {
                    continue;
                }
                let slot = kinds.entry(tokens).or_insert(Some(*kind));
                if *slot != Some(*kind) {
                    *slot = None;
                }
            }
        }
        let mut entries: FxMap<String, Vec<Entry>> = FxMap::default();
        for (tokens, kind) in kinds {
            let (Some(kind), Some(first)) = (kind, tokens.first().cloned()) else {
                continue;
            };
            entries
                .entry(first)
                .or_default()
                .push(Entry { tokens, kind });
        }
        for list in entries.values_mut() {
            list.sort_by(|a, b| {
                b.tokens
                    .len()
                    .cmp(&a.tokens.len())
                    .then(a.tokens.cmp(&b.tokens))
            });
        }
        CuratedGazetteer { entries }
    }

    /// The longest entry matching at token `i`, as a span.
    fn match_at(&self, doc: &Doc, i: usize) -> Option<EntitySpan> {
        let n = doc.tokens().len();
        let list = self.entries.get(doc.token_text(i))?;
        let entry = list.iter().find(|e| {
            i + e.tokens.len() <= n
                && e.tokens
                    .iter()
                    .enumerate()
                    .all(|(k, t)| doc.token_text(i + k) == t)
                && !(i..i + e.tokens.len() - 1).any(|k| super::break_after(doc, k))
        })?;
        Some(EntitySpan::untitled(i..i + entry.tokens.len(), entry.kind))
    }

    /// Standing-alone matches of one doc (they may overlap each other).
    fn proposals(&self, doc: &Doc) -> Vec<EntitySpan> {
        let gaz = Gazetteers::global();
        (0..doc.tokens().len())
            .filter_map(|i| self.match_at(doc, i))
            .filter(|s| stands_alone(doc, &s.tokens))
            .filter(|s| {
                let word = doc.token_text(s.tokens.start);
                !(s.tokens.len() == 1
                    && sentence_start(doc, s.tokens.start)
                    && gaz.word_flags(word) & COMMON != 0)
            })
            .collect()
    }
}

impl Filter for CuratedGazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn apply(&self, docs: &[&Doc], spans: &mut [Vec<EntitySpan>]) {
        for (doc, list) in docs.iter().zip(spans.iter_mut()) {
            let proposals = self.proposals(doc);
            relabel(list, &proposals);
            fill_gaps(list, proposals);
        }
    }
}

impl Filter for &'static CuratedGazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn apply(&self, docs: &[&Doc], spans: &mut [Vec<EntitySpan>]) {
        (**self).apply(docs, spans);
    }
}

/// The embedded lists this filter reads.
fn embedded_lists() -> Vec<(&'static str, EntityKind)> {
    LISTS
        .iter()
        .filter_map(|(file, kind)| {
            FILES
                .iter()
                .find(|(name, _)| name == file)
                .map(|(_, text)| (*text, *kind))
        })
        .collect()
}

/// Surface forms (first column) of a gazetteer file.
fn surfaces(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or(l).trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(
        text: &str,
        model: &[(std::ops::Range<usize>, EntityKind)],
    ) -> Vec<(String, EntityKind)> {
        let gaz = CuratedGazetteer::from_lists(&[
            (
                "Congress\nWhite House\nNew York\nJordan\n",
                EntityKind::Organization,
            ),
            ("Middle East\nNew York\nBalkans\n", EntityKind::Place),
        ]);
        let doc = Doc::new(text);
        let mut spans = vec![
            model
                .iter()
                .map(|(r, k)| EntitySpan::untitled(r.clone(), *k))
                .collect::<Vec<_>>(),
        ];
        gaz.apply(&[&doc], &mut spans);
        spans[0]
            .iter()
            .map(|s| (doc.span_text(s.tokens.clone()).to_owned(), s.kind))
            .collect()
    }

    #[test]
    fn curated_entries_fill_gaps() {
        assert_eq!(
            tagged("Talks with Trump and Congress in the Middle East.", &[]),
            [
                ("Congress".to_owned(), EntityKind::Organization),
                ("Middle East".to_owned(), EntityKind::Place)
            ]
        );
    }

    #[test]
    fn the_model_wins_on_overlap() {
        // The(0) White(1) House(2) Correspondents(3)
        assert_eq!(
            tagged("the White House spoke", &[(1..2, EntityKind::Person)]),
            [("White".to_owned(), EntityKind::Person)]
        );
    }

    #[test]
    fn an_exact_entry_sets_the_kind_of_a_model_span() {
        assert_eq!(
            tagged("the White House spoke", &[(1..3, EntityKind::Place)]),
            [("White House".to_owned(), EntityKind::Organization)]
        );
    }

    #[test]
    fn ambiguous_and_glued_entries_are_skipped() {
        // Listed as both kinds; a given name; part of a longer capitalised name.
        assert!(tagged("in New York today", &[]).is_empty());
        assert!(tagged("with Jordan today", &[]).is_empty());
        assert!(tagged("the Balkans Review said", &[]).is_empty());
        assert_eq!(
            tagged("across the Balkans today", &[]),
            [("Balkans".to_owned(), EntityKind::Place)]
        );
    }
}
