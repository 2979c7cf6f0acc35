//! Deciding what a capitalised run without a pattern is: a person, an
//! organization acronym, or nothing (title-case common words).

use std::ops::Range;

use super::Ctx;
use crate::nlp::EntityKind;
use crate::nlp::gazetteer::{
    COMMON, DEMONYM, FIRST_NAME, NON_ENTITY, ORG_PREFIX, ORG_SUFFIX, PLACE, SURNAME, TITLE,
};

/// Flags that mark a word as known vocabulary rather than a name.
const VOCABULARY: u32 = COMMON | NON_ENTITY | DEMONYM | TITLE | ORG_SUFFIX | ORG_PREFIX;

impl Ctx<'_> {
    /// A name-like token: a listed given name or surname, an initial, or an
    /// unknown capitalised word (not vocabulary, not an acronym).
    pub(crate) fn is_namey(&self, i: usize) -> bool {
        self.infos.get(i).is_some_and(|t| {
            t.initial
                || t.flags & (FIRST_NAME | SURNAME) != 0 && t.flags & (NON_ENTITY | DEMONYM) == 0
                || (t.cap && !t.acronym && t.flags & (VOCABULARY | PLACE) == 0)
        })
    }

    /// An unknown word: capitalised, in no list at all.
    fn is_unknown(&self, i: usize) -> bool {
        self.infos
            .get(i)
            .is_some_and(|t| t.cap && !t.acronym && !t.initial && t.flags == 0)
    }

    fn flags(&self, i: usize) -> u32 {
        self.infos.get(i).map_or(0, |t| t.flags)
    }

    /// Classifies the core of a run (name tokens only). Leading demonyms are
    /// dropped ("Russian"), so the result may start later than `core.start`.
    pub(crate) fn classify(&self, core: Range<usize>) -> Option<(Range<usize>, EntityKind)> {
        let mut start = core.start;
        while start < core.end && self.flags(start) & DEMONYM != 0 {
            start += 1;
        }
        let span = start..core.end;
        match span.len() {
            0 => None,
            1 => self.classify_word(start).map(|k| (span, k)),
            _ => self.classify_words(span.clone()).map(|k| (span, k)),
        }
    }

    fn classify_word(&self, i: usize) -> Option<EntityKind> {
        let t = self.infos.get(i)?;
        if t.flags & (NON_ENTITY | DEMONYM | TITLE) != 0 || t.initial {
            return None;
        }
        if t.acronym {
            return Some(EntityKind::Organization);
        }
        if t.flags & COMMON != 0 {
            return None;
        }
        Some(EntityKind::Person)
    }

    fn classify_words(&self, span: Range<usize>) -> Option<EntityKind> {
        let first = span.start;
        let last = span.end - 1;
        let first_name = self.flags(first) & FIRST_NAME != 0;
        let surname_last = self.flags(last) & SURNAME != 0 || self.is_unknown(last);
        let all_namey = span.clone().all(|i| self.is_namey(i));
        let any_unknown = span.clone().any(|i| self.is_unknown(i));
        let acronyms = span
            .clone()
            .filter(|&i| self.infos.get(i).is_some_and(|t| t.acronym))
            .count();
        if span.clone().any(|i| self.flags(i) & NON_ENTITY != 0) {
            return None;
        }
        if acronyms > 0 && !first_name {
            return any_unknown.then_some(EntityKind::Organization);
        }
        let person = (first_name && surname_last)
            || (all_namey && span.clone().any(|i| self.flags(i) & COMMON == 0));
        if person && span.len() <= 4 {
            return Some(EntityKind::Person);
        }
        // Title-case words with one unknown word among them: most likely a
        // name of something; without any unknown word: common words.
        (any_unknown && span.len() >= 3).then_some(EntityKind::Organization)
    }
}
