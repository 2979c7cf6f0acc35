//! Capitalised runs: maximal spans of capitalised words in a sentence, joined
//! by a few lowercase connectors ("Bank of England", "Center for Disease
//! Control", "Johnson & Johnson"). A run is a candidate name; its first and
//! last words, its length, the words around it and a few gazetteer cues
//! (organization suffix at the end, given name at the start, a place inside,
//! an acronym in parentheses after it) become features of every token in it,
//! which gives a token-level tagger some span-level evidence. Runs also feed
//! document-level evidence: a word seen in an organization-looking run, a
//! surname seen after a given name, an acronym spelled by a run's initials.

use std::ops::Range;

use super::{Attrs, Fx, PAD_AFTER, PAD_BEFORE, PLACE_BITS, lower_char};
use crate::nlp::Doc;
use crate::nlp::gazetteer;

/// Position of a token in its run (0: not in a run).
pub mod pos {
    /// First token of a run of two or more.
    pub const BEGIN: u8 = 1;
    /// Inside a run.
    pub const INSIDE: u8 = 2;
    /// Last token of a run of two or more.
    pub const LAST: u8 = 3;
    /// A run of one token.
    pub const UNIT: u8 = 4;
}

/// Run cue bits ([`RunInfo::flags`]).
pub mod flag {
    /// The last word ends organization names ("Council", "FC").
    pub const ORG_SUFFIX_END: u16 = 1;
    /// The first word starts organization names ("University", "Ministry").
    pub const ORG_PREFIX_START: u16 = 2;
    /// The last word ends place names ("Province", "Sea").
    pub const PLACE_SUFFIX_END: u16 = 4;
    /// The first word starts place names ("Lake", "Mount").
    pub const PLACE_PREFIX_START: u16 = 8;
    /// The first word is a given name and the run has two or more words.
    pub const NAME_START: u16 = 16;
    /// The run contains a connector ("of", "for", "&").
    pub const CONNECTOR: u16 = 32;
    /// The run is followed by an acronym in parentheses: "... (WHO)".
    pub const PAREN_ACRONYM: u16 = 64;
    /// The run starts its sentence.
    pub const SENTENCE_START: u16 = 128;
    /// A word of the run is a known place ("Manchester United").
    pub const HAS_PLACE: u16 = 256;
    /// Every word of the run is an acronym.
    pub const ALL_ACRONYMS: u16 = 512;
}

/// Document evidence bits ([`Attrs`] `ev`).
pub mod ev {
    /// The word occurs in an organization-looking run of the doc.
    pub const ORG_RUN: u8 = 1;
    /// The word ends a given-name-first run of the doc ("Smith" after "John Smith").
    pub const SURNAME_RUN: u8 = 2;
    /// The word is an acronym spelled by a run's initials in the doc.
    pub const ACRONYM_DEFINED: u8 = 4;
    /// The word occurs as the last word of a place-looking run of the doc.
    pub const PLACE_RUN: u8 = 8;
}

/// What a token knows about the capitalised run it belongs to.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunInfo {
    /// Position ([`pos`]).
    pub pos: u8,
    /// Length in tokens, capped at 4.
    pub len: u8,
    /// Cue bits ([`flag`]).
    pub flags: u16,
    /// Lowercase hash of the first word.
    pub first: u64,
    /// Lowercase hash of the last word.
    pub last: u64,
    /// Lowercase hash of the word before the run (or a pad).
    pub before: u64,
    /// Lowercase hash of the word after the run (or a pad).
    pub after: u64,
}

const CONNECTORS: &[&str] = &[
    "of", "for", "&", "de", "du", "des", "del", "della", "da", "di", "van", "von", "der", "den",
    "la", "le", "y",
];

/// Sentence-initial function words that never start a name.
const OPENERS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "if", "this", "that", "these",
    "those", "it", "he", "she", "we", "they", "i", "you", "my", "our", "his", "her", "their",
    "when", "while", "after", "before", "as", "for", "from", "with", "by", "to", "there", "here",
    "what", "why", "how", "who", "where", "yes", "no", "not", "also", "then", "now", "today",
];

const NAMEISH: u32 = gazetteer::FIRST_NAME | gazetteer::SURNAME | gazetteer::ORG | PLACE_BITS;

fn is_cap(attrs: &[Attrs], doc: &Doc, i: usize, sentence_start: usize) -> bool {
    let Some(a) = attrs.get(i) else {
        return false;
    };
    if !a.title {
        return false;
    }
    if i == sentence_start {
        let text = doc.token_text(i);
        let lower: String = text.chars().map(lower_char).collect();
        if OPENERS.contains(&lower.as_str()) {
            return false;
        }
        if a.gaz & gazetteer::COMMON != 0 && a.gaz & NAMEISH == 0 {
            return false;
        }
    }
    true
}

/// The capitalised runs of one sentence, as token ranges.
fn sentence_runs(attrs: &[Attrs], doc: &Doc, s: &Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut i = s.start;
    while i < s.end {
        if !is_cap(attrs, doc, i, s.start) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < s.end && is_cap(attrs, doc, j, s.start) {
                j += 1;
            } else if j + 1 < s.end
                && CONNECTORS.contains(&doc.token_text(j))
                && is_cap(attrs, doc, j + 1, s.start)
            {
                j += 2;
            } else if j + 2 < s.end
                && doc.token_text(j) == "of"
                && doc.token_text(j + 1) == "the"
                && is_cap(attrs, doc, j + 2, s.start)
            {
                j += 3;
            } else {
                break;
            }
        }
        out.push(i..j);
        i = j;
    }
}

fn lower_or(attrs: &[Attrs], i: Option<usize>, end: usize, pad: u64) -> u64 {
    match i {
        Some(i) if i < end => attrs.get(i).map_or(pad, |a| a.lower),
        _ => pad,
    }
}

/// Hash of the uppercase initials of a run's capitalised words.
fn initials(attrs: &[Attrs], doc: &Doc, run: &Range<usize>) -> (u64, usize) {
    let mut h = Fx::new(77);
    let mut n = 0;
    for i in run.clone() {
        if attrs.get(i).is_some_and(|a| a.title) {
            if let Some(c) = doc.token_text(i).chars().next() {
                h = h.add_char(c);
                n += 1;
            }
        }
    }
    (h.finish(), n)
}

/// Hash of an acronym's letters ("U.S." and "US" agree).
fn acronym_key(word: &str) -> u64 {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .fold(Fx::new(77), Fx::add_char)
        .finish()
}

fn run_flags(attrs: &[Attrs], doc: &Doc, run: &Range<usize>, s: &Range<usize>) -> u16 {
    let mut flags = 0;
    let first = attrs.get(run.start).map_or(0, |a| a.gaz);
    let last = attrs.get(run.end - 1).map_or(0, |a| a.gaz);
    let len = run.end - run.start;
    if last & gazetteer::ORG_SUFFIX != 0 && len >= 2 {
        flags |= flag::ORG_SUFFIX_END;
    }
    if first & gazetteer::ORG_PREFIX != 0 {
        flags |= flag::ORG_PREFIX_START;
    }
    if last & gazetteer::PLACE_SUFFIX != 0 && len >= 2 {
        flags |= flag::PLACE_SUFFIX_END;
    }
    if first & gazetteer::PLACE_PREFIX != 0 {
        flags |= flag::PLACE_PREFIX_START;
    }
    if first & gazetteer::FIRST_NAME != 0 && len >= 2 {
        flags |= flag::NAME_START;
    }
    if run.start == s.start {
        flags |= flag::SENTENCE_START;
    }
    let mut all_acr = true;
    for i in run.clone() {
        let Some(a) = attrs.get(i) else { continue };
        if !a.title {
            flags |= flag::CONNECTOR;
        }
        if a.gaz & PLACE_BITS != 0 {
            flags |= flag::HAS_PLACE;
        }
        all_acr &= a.acronym;
    }
    if all_acr {
        flags |= flag::ALL_ACRONYMS;
    }
    let e = run.end;
    if e + 2 < s.end
        && doc.token_text(e) == "("
        && attrs.get(e + 1).is_some_and(|a| a.acronym)
        && doc.token_text(e + 2) == ")"
    {
        flags |= flag::PAREN_ACRONYM;
    }
    flags
}

/// Fills every token's [`RunInfo`], document evidence bits and acronym head.
pub(super) fn annotate(doc: &Doc, attrs: &mut [Attrs], runs: &mut Vec<(Range<usize>, u16)>) {
    runs.clear();
    let mut spans = Vec::new();
    for s in doc.sentences() {
        spans.clear();
        sentence_runs(attrs, doc, s, &mut spans);
        for run in spans.drain(..) {
            let flags = run_flags(attrs, doc, &run, s);
            let first = attrs.get(run.start).map_or(0, |a| a.lower);
            let last = attrs.get(run.end - 1).map_or(0, |a| a.lower);
            let before = lower_or(attrs, run.start.checked_sub(1), s.end, PAD_BEFORE);
            let before = if run.start == s.start {
                PAD_BEFORE
            } else {
                before
            };
            let after = lower_or(attrs, Some(run.end), s.end, PAD_AFTER);
            let len = run.end - run.start;
            for i in run.clone() {
                let p = if len == 1 {
                    pos::UNIT
                } else if i == run.start {
                    pos::BEGIN
                } else if i + 1 == run.end {
                    pos::LAST
                } else {
                    pos::INSIDE
                };
                if let Some(a) = attrs.get_mut(i) {
                    a.run = RunInfo {
                        pos: p,
                        len: u8::try_from(len.min(4)).unwrap_or(4),
                        flags,
                        first,
                        last,
                        before,
                        after,
                    };
                }
            }
            runs.push((run, flags));
        }
    }
    evidence(doc, attrs, runs);
}

/// Document-level evidence from the runs: see [`ev`].
fn evidence(doc: &Doc, attrs: &mut [Attrs], runs: &[(Range<usize>, u16)]) {
    let mut org = Vec::new();
    let mut surname = Vec::new();
    let mut place = Vec::new();
    let mut acr: Vec<(u64, u64)> = Vec::new();
    for (run, flags) in runs {
        let len = run.end - run.start;
        let orgish = flags & (flag::ORG_SUFFIX_END | flag::PAREN_ACRONYM) != 0
            || (flags & flag::ORG_PREFIX_START != 0 && flags & flag::CONNECTOR != 0);
        let last = attrs.get(run.end - 1).map_or(0, |a| a.lower);
        if orgish {
            org.extend(
                run.clone()
                    .filter_map(|i| attrs.get(i).filter(|a| a.title).map(|a| a.lower)),
            );
        }
        if flags & flag::NAME_START != 0 && !orgish && len <= 3 {
            surname.push(last);
        }
        if flags & (flag::PLACE_SUFFIX_END | flag::PLACE_PREFIX_START) != 0 {
            place.push(last);
        }
        let (key, n) = initials(attrs, doc, run);
        if n >= 2 {
            acr.push((key, last));
        }
    }
    for v in [&mut org, &mut surname, &mut place] {
        v.sort_unstable();
        v.dedup();
    }
    acr.sort_unstable();
    for (i, a) in attrs.iter_mut().enumerate() {
        let mut bits = 0;
        if org.binary_search(&a.lower).is_ok() {
            bits |= ev::ORG_RUN;
        }
        if surname.binary_search(&a.lower).is_ok() {
            bits |= ev::SURNAME_RUN;
        }
        if place.binary_search(&a.lower).is_ok() {
            bits |= ev::PLACE_RUN;
        }
        if a.acronym {
            let key = acronym_key(doc.token_text(i));
            let at = acr.partition_point(|&(k, _)| k < key);
            if let Some(&(k, head)) = acr.get(at)
                && k == key
            {
                bits |= ev::ACRONYM_DEFINED;
                a.acr_head = head;
            }
        }
        a.ev = bits;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::features::{FeatureScratch, NoLexicon, extract};

    fn runs_of(text: &str) -> (Doc, FeatureScratch) {
        let doc = Doc::new(text);
        let mut scratch = FeatureScratch::default();
        extract(&doc, &NoLexicon, &mut scratch);
        (doc, scratch)
    }

    #[test]
    fn runs_join_connectors_between_capitalised_words() {
        let (doc, s) = runs_of("Investors sold shares of the Bank of England on Monday.");
        let bank = (0..doc.tokens().len())
            .find(|&i| doc.token_text(i) == "Bank")
            .unwrap_or(0);
        assert_eq!(bank, 5);
        assert_eq!(s.attrs[bank].run.pos, pos::BEGIN);
        assert_eq!(s.attrs[bank + 1].run.pos, pos::INSIDE);
        assert_eq!(s.attrs[bank + 2].run.pos, pos::LAST);
        assert_ne!(s.attrs[bank].run.flags & flag::CONNECTOR, 0);
        // A lowercase "of" outside a run belongs to none.
        assert_eq!(s.attrs[3].run.pos, 0);
    }

    #[test]
    fn runs_skip_sentence_opening_function_words() {
        let (_, s) = runs_of("The World Health Organization met.");
        assert_eq!(s.attrs[0].run.pos, 0);
        assert_eq!(s.attrs[1].run.pos, pos::BEGIN);
    }

    #[test]
    fn runs_see_acronym_in_parentheses_and_define_it() {
        let (doc, s) = runs_of("The World Health Organization (WHO) warned. Later WHO said more.");
        assert_ne!(s.attrs[1].run.flags & flag::PAREN_ACRONYM, 0);
        let who = (0..doc.tokens().len())
            .rfind(|&i| doc.token_text(i) == "WHO")
            .unwrap_or(0);
        assert!(who > 6);
        assert_ne!(s.attrs[who].ev & ev::ACRONYM_DEFINED, 0);
        assert_eq!(s.attrs[who].acr_head, s.attrs[3].lower);
    }

    #[test]
    fn runs_mark_surnames_after_given_names() {
        let (doc, s) = runs_of("Anna Lind spoke. Later Lind left.");
        let _ = doc;
        // NoLexicon knows no given names, so no evidence without gazetteers.
        assert_eq!(s.attrs[1].ev & ev::SURNAME_RUN, 0);
    }
}
