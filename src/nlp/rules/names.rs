//! Deciding what a capitalised run without a pattern is: a person, an
//! organization, a place, or nothing (title-case common words).
//!
//! Evidence, strongest first: listed given names and surnames; the shape of
//! the word (acronym, CamelCase); the word before the run ("in Fallujah" is a
//! place, "the Beatles" is not a person); otherwise an unknown capitalised
//! word is taken for a name.

use std::ops::Range;

use super::Ctx;
use crate::nlp::EntityKind;
use crate::nlp::gazetteer::{
    COMMON, DEMONYM, FIRST_NAME, NON_ENTITY, ORG_PREFIX, ORG_SUFFIX, PLACE, PLACE_PREFIX,
    PLACE_SUFFIX, SURNAME, TITLE,
};

/// Flags that mark a word as known vocabulary rather than a name.
const VOCABULARY: u32 =
    COMMON | NON_ENTITY | DEMONYM | TITLE | ORG_SUFFIX | ORG_PREFIX | PLACE_SUFFIX | PLACE_PREFIX;

/// Prepositions after which an unknown name is a place ("in Fallujah").
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "throughout",
    "within",
    "into",
    "towards",
    "toward",
    "around",
];

/// What the word before a run says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// "in", "near"...: a place.
    Locative,
    /// "the": not a person.
    Article,
    /// Nothing.
    None,
}

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

    fn cue_before(&self, start: usize) -> Cue {
        let Some(prev) = start.checked_sub(1) else {
            return Cue::None;
        };
        match self.doc.token_text(prev) {
            "the" => Cue::Article,
            w if LOCATIVES.contains(&w) => Cue::Locative,
            _ => Cue::None,
        }
    }

    /// Classifies the core of a run (name tokens only). Leading demonyms are
    /// dropped ("Russian"), so the result may start later than `core.start`.
    pub(crate) fn classify(&self, core: Range<usize>) -> Option<(Range<usize>, EntityKind)> {
        let mut start = core.start;
        while start < core.end && self.flags(start) & DEMONYM != 0 {
            start += 1;
        }
        let span = start..core.end;
        let kind = match span.len() {
            0 => None,
            1 => self.classify_word(start),
            _ => self.classify_words(span.clone()),
        }?;
        let kind = match (kind, self.cue_before(start)) {
            (EntityKind::Person, Cue::Locative) if self.flags(start) & FIRST_NAME == 0 => {
                EntityKind::Place
            }
            (EntityKind::Person, Cue::Article) => EntityKind::Organization,
            (k, _) => k,
        };
        Some((span, kind))
    }

    fn classify_word(&self, i: usize) -> Option<EntityKind> {
        let t = self.infos.get(i)?;
        let word = self.doc.token_text(i);
        let odd = word
            .chars()
            .any(|c| c == '_' || c == '@' || c == '/' || c == '\\');
        if odd || t.initial || word.chars().count() < 2 {
            return None;
        }
        if t.flags & (NON_ENTITY | DEMONYM | TITLE) != 0 {
            return None;
        }
        if t.acronym {
            return self
                .is_entity_acronym(i)
                .then_some(EntityKind::Organization);
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if is_camel_case(word) {
            return Some(EntityKind::Organization);
        }
        if t.flags & FIRST_NAME != 0 && !t.sentence_start {
            return Some(EntityKind::Person);
        }
        if t.flags & VOCABULARY != 0 {
            return self.lone_surname(i).then_some(EntityKind::Person);
        }
        Some(EntityKind::Person)
    }

    /// A surname that is also a common word ("Bush"), alone mid-sentence, with
    /// no capitalised neighbour, no "the" before it, and never written in
    /// lower case in the doc.
    fn lone_surname(&self, i: usize) -> bool {
        let Some(t) = self.infos.get(i) else {
            return false;
        };
        let other_vocab = VOCABULARY & !COMMON;
        // A capitalised word just before, or before a connector ("Great
        // Accomplishment of Peace"): a title-case phrase, not a name.
        let cap_at = |p: usize| self.infos.get(p).is_some_and(|x| x.cap);
        let prev_cap = i.checked_sub(1).is_some_and(|p| {
            cap_at(p)
                || (self.infos.get(p).is_some_and(|x| x.connector.is_some())
                    && p.checked_sub(1).is_some_and(cap_at))
        });
        t.flags & SURNAME != 0
            && t.flags & other_vocab == 0
            && !t.sentence_start
            && !prev_cap
            && self.cue_before(i) == Cue::None
            && !self
                .lower_words
                .contains(self.doc.token_text(i).to_lowercase().as_str())
    }

    /// An all-capitals word that names something: not a shouted common word
    /// ("NOT", "IT"), not inside a shouted run of capitals.
    fn is_entity_acronym(&self, i: usize) -> bool {
        let word = self.doc.token_text(i);
        let lower = word.to_lowercase();
        if self.gaz.word_flags(&lower) & COMMON != 0 {
            return false;
        }
        let shouting = |j: usize| {
            self.infos.get(j).is_some_and(|t| t.acronym) && self.gaz.match_at(self.doc, j).is_none()
        };
        !(i.checked_sub(1).is_some_and(shouting) && shouting(i + 1))
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
        if span.clone().any(|i| {
            let w = self.doc.token_text(i);
            w.contains('_') || w.contains('@')
        }) {
            return None;
        }
        if acronyms > 0 && !first_name {
            return any_unknown.then_some(EntityKind::Organization);
        }
        // "Enron North America": a name with a known place or organization
        // inside, not starting with a given name, names an organization.
        let holds_known = (first + 1..span.end).any(|i| {
            self.gaz
                .entry_at(self.doc, i)
                .is_some_and(|m| m.kind.entity_kind().is_some() && i + m.len <= span.end)
        });
        if holds_known && !first_name {
            return Some(EntityKind::Organization);
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

/// "PaineWebber", "EnronOnline": a lower-case letter followed by a capital.
fn is_camel_case(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}
