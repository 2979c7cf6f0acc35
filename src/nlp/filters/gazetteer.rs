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
//! One deletion: a span that is a lone nationality word ("Ukrainian") goes,
//! as annotation guidelines leave demonyms out.

use super::{Filter, fill_gaps, relabel, sentence_start, stands_alone};
use crate::nlp::gazetteer::fx::FxMap;
use crate::nlp::gazetteer::table::PhraseTable;
use crate::nlp::gazetteer::{
    COMMON, COUNTRY, CURATED, DEMONYM, FIRST_NAME, Gazetteers, ORG, PLACE, SURNAME, compile,
    kind_of,
};
use crate::nlp::{Doc, EntityKind, EntitySpan, segment};

/// One entry: its tokens and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    tokens: Vec<String>,
    kind: EntityKind,
}

/// Where the entries live.
#[derive(Debug)]
enum Entries {
    /// Built at compile time from the shipped lists ([`CuratedGazetteer::global`]).
    Static(&'static PhraseTable),
    /// Built at run time from given lists ([`CuratedGazetteer::from_lists`]).
    Built(FxMap<String, Vec<Entry>>),
}

/// The curated entries by first token, longest first.
#[derive(Debug)]
pub struct CuratedGazetteer {
    entries: Entries,
}

impl Default for CuratedGazetteer {
    /// No entry.
    fn default() -> Self {
        CuratedGazetteer {
            entries: Entries::Built(FxMap::default()),
        }
    }
}

impl CuratedGazetteer {
    /// The entries of the embedded lists (compiled by the build script with
    /// [`compile::curated`]: nothing to build at start-up).
    pub fn global() -> &'static CuratedGazetteer {
        static GLOBAL: CuratedGazetteer = CuratedGazetteer {
            entries: Entries::Static(&CURATED),
        };
        &GLOBAL
    }

    /// Builds the filter from `(list text, kind)` pairs (lines as in the
    /// gazetteer files: `surface<TAB>canonical`, `#` comments); only place
    /// and organization lists count.
    #[must_use]
    pub fn from_lists(lists: &[(&str, EntityKind)]) -> CuratedGazetteer {
        let gaz = Gazetteers::global();
        let coded: Vec<(&str, u8)> = lists
            .iter()
            .map(|(text, kind)| {
                let code = match kind {
                    EntityKind::Organization => compile::KIND_ORG,
                    EntityKind::Place => compile::KIND_PLACE,
                    // Not a kind of this filter: dropped below.
                    EntityKind::Person => compile::KIND_TITLE,
                };
                (*text, code)
            })
            .collect();
        let mut entries: FxMap<String, Vec<Entry>> = FxMap::default();
        for (first, list) in compile::curated(&coded, &|w| gaz.word_flags(w), &segment::token_texts)
        {
            let list = list
                .into_iter()
                .filter_map(|(tokens, code)| {
                    let kind = kind_of(code).entity_kind()?;
                    Some(Entry { tokens, kind })
                })
                .collect();
            entries.insert(first, list);
        }
        CuratedGazetteer {
            entries: Entries::Built(entries),
        }
    }

    /// The longest entry matching at token `i`, as a span.
    fn match_at(&self, doc: &Doc, i: usize) -> Option<EntitySpan> {
        let (len, kind) = match &self.entries {
            Entries::Static(table) => table.starting_with(doc.token_text(i)).find_map(|p| {
                let kind = kind_of(p.kind).entity_kind()?;
                matches_at(doc, i, p.len, p.tokens()).then_some((p.len, kind))
            })?,
            Entries::Built(map) => map.get(doc.token_text(i))?.iter().find_map(|e| {
                let tokens = e.tokens.iter().map(String::as_str);
                matches_at(doc, i, e.tokens.len(), tokens).then_some((e.tokens.len(), e.kind))
            })?,
        };
        Some(EntitySpan::untitled(i..i + len, kind))
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
            list.retain(|span| !lone_demonym(doc, span));
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

/// Whether `span` is one nationality word ("Ukrainian", "Israelis") and
/// nothing else: not a person, place or organization name on its own
/// (annotation guidelines such as UNER's leave demonyms out), so the span goes.
fn lone_demonym(doc: &Doc, span: &EntitySpan) -> bool {
    let named = PLACE | COUNTRY | ORG | FIRST_NAME | SURNAME;
    span.tokens.len() == 1 && {
        let flags = Gazetteers::global().word_flags(doc.token_text(span.tokens.start));
        flags & DEMONYM != 0 && flags & named == 0
    }
}

/// Whether the `len` tokens of an entry follow in `doc` from token `i`,
/// within one line.
fn matches_at<'t>(doc: &Doc, i: usize, len: usize, tokens: impl Iterator<Item = &'t str>) -> bool {
    len > 0
        && i + len <= doc.tokens().len()
        && tokens.enumerate().all(|(k, t)| doc.token_text(i + k) == t)
        && !(i..i + len - 1).any(|k| super::break_after(doc, k))
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
    fn a_lone_nationality_word_is_not_an_entity() {
        // The(0) Ukrainian(1) navy(2) met(3) Ukrainian(4) Railways(5) in(6) Kyiv(7)
        assert_eq!(
            tagged(
                "The Ukrainian navy met Ukrainian Railways in Kyiv.",
                &[
                    (1..2, EntityKind::Place),
                    (4..6, EntityKind::Organization),
                    (7..8, EntityKind::Place),
                ]
            ),
            [
                ("Ukrainian Railways".to_owned(), EntityKind::Organization),
                ("Kyiv".to_owned(), EntityKind::Place),
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
