//! The first tagger: capitalised sequences, gazetteers, organization patterns
//! and titles.
//!
//! Each sentence is read left to right. At each token the rules try, in order:
//!
//! 1. a title from the gazetteer ("President", "Secretary of State") followed
//!    by a name: a PERSON whose span leaves the title out ([`titles`]);
//! 2. a capitalised run ([`runs`]): the longest of a gazetteer place or
//!    organization and an organization pattern ("... Council",
//!    "Center for ...") wins; otherwise the run's words decide ([`names`]):
//!    given names, surnames and unknown words make a PERSON, acronyms an ORG,
//!    title-case common words ("Great Accomplishment") nothing;
//! 3. a sentence-initial common word ("The", "Results") is skipped.
//!
//! A last pass ([`consistency`]) tags bare surnames that are also common words
//! ("Trump") when the same article names that person in full. Overlaps cannot
//! arise: each rule consumes the tokens it tags (longest first, then earliest).
//!
//! ```
//! use lede::nlp::{Doc, EntityKind, Tagger, rules::RuleTagger};
//! let doc = Doc::new("President Vladimir Putin spoke to Reuters.");
//! let spans = RuleTagger::new().tag(&doc);
//! assert_eq!(doc.span_text(spans[0].tokens.clone()), "Vladimir Putin");
//! assert_eq!(spans[0].kind, EntityKind::Person);
//! assert_eq!(spans[1].kind, EntityKind::Organization);
//! ```

mod consistency;
mod names;
mod runs;
mod titles;
mod tokens;

use std::ops::Range;

use super::gazetteer::fx::FxSet;
use super::gazetteer::{COMMON, FIRST_NAME, GazKind, Gazetteers, PLACE};
use super::{Doc, EntityKind, EntitySpan, Tagger};
use tokens::TokenInfo;

/// Rule-based [`Tagger`] over the embedded gazetteers.
#[derive(Debug, Clone, Copy)]
pub struct RuleTagger {
    gaz: &'static Gazetteers,
}

impl Default for RuleTagger {
    fn default() -> Self {
        RuleTagger::new()
    }
}

impl RuleTagger {
    /// Builds the tagger over the embedded gazetteers (parsed once per process).
    #[must_use]
    pub fn new() -> RuleTagger {
        RuleTagger {
            gaz: Gazetteers::global(),
        }
    }

    /// The first pass over one doc: every rule but the consistency pass.
    fn tag_alone(&self, doc: &Doc) -> Vec<EntitySpan> {
        let ctx = Ctx {
            doc,
            gaz: self.gaz,
            infos: tokens::token_infos(doc, self.gaz),
            lower_words: (0..doc.tokens().len())
                .map(|i| doc.token_text(i))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect(),
        };
        let mut out = Vec::new();
        for sentence in doc.sentences() {
            ctx.tag_sentence(sentence.clone(), &mut out);
        }
        out
    }
}

impl Tagger for RuleTagger {
    fn tag(&self, doc: &Doc) -> Vec<EntitySpan> {
        self.tag_all(&[doc]).pop().unwrap_or_default()
    }

    fn tag_all(&self, docs: &[&Doc]) -> Vec<Vec<EntitySpan>> {
        let mut all: Vec<Vec<EntitySpan>> = docs.iter().map(|d| self.tag_alone(d)).collect();
        let surnames = consistency::known_surnames(docs, &all);
        let non_persons = consistency::known_non_persons(docs, &all, self.gaz);
        for (doc, spans) in docs.iter().zip(all.iter_mut()) {
            consistency::relabel_non_persons(doc, &non_persons, &surnames, spans);
            consistency::tag_known_surnames(doc, &surnames, spans);
        }
        all
    }
}

/// One doc with its token facts: what every rule reads.
pub(crate) struct Ctx<'a> {
    doc: &'a Doc,
    gaz: &'a Gazetteers,
    infos: Vec<TokenInfo>,
    /// Lower-case words of the doc: a capitalised common word that never
    /// appears in lower case ("Bush") is more likely a name.
    lower_words: FxSet<&'a str>,
}

/// What the rules decided at one token: a span (or nothing) and where to go on.
pub(crate) struct Step {
    span: Option<EntitySpan>,
    next: usize,
}

impl Ctx<'_> {
    fn tag_sentence(&self, sentence: Range<usize>, out: &mut Vec<EntitySpan>) {
        let mut i = sentence.start;
        while i < sentence.end {
            let step = self.step_at(i, sentence.end);
            out.extend(step.span);
            i = step.next.max(i + 1);
        }
    }

    fn step_at(&self, i: usize, end: usize) -> Step {
        let skip = Step {
            span: None,
            next: i + 1,
        };
        let Some(info) = self.infos.get(i).copied() else {
            return skip;
        };
        let entry = self.gaz.entry_at(self.doc, i).filter(|m| i + m.len <= end);
        if let Some(m) = entry.filter(|m| m.kind == GazKind::Title) {
            return self.title_step(i, m.len, end);
        }
        let gaz_known = entry.is_some_and(|m| m.kind != GazKind::Title);
        if (!info.cap && !gaz_known) || info.determiner {
            return skip;
        }
        let run = self.run_at(i, end);
        let pattern = self.pattern(&run);
        let gaz_entity = entry.and_then(|m| m.kind.entity_kind().map(|k| (m.len, k)));
        let gaz_len = gaz_entity.map_or(0, |(len, _)| len);
        if let Some((found, kind)) = pattern.filter(|(r, _)| r.end > i + gaz_len) {
            if found.start > i {
                // The name starts later in the run: read on from there.
                return Step {
                    span: None,
                    next: found.start,
                };
            }
            return self.span_step(found, kind, None);
        }
        if let Some((len, kind)) = gaz_entity {
            if !self.place_is_first_name(i, len, kind, &run) {
                return self.span_step(i..i + len, kind, None);
            }
        }
        if info.sentence_start && !self.sentence_start_is_name(i) {
            return skip;
        }
        match self.classify(run.core.clone()) {
            Some((span, kind)) => self.span_step(span, kind, None),
            None => Step {
                span: None,
                next: run.core.end,
            },
        }
    }

    /// A one-word place that is also a given name starts a person's name when a
    /// surname follows ("Florence Pugh", "Jordan Peterson").
    fn place_is_first_name(&self, i: usize, len: usize, kind: EntityKind, run: &runs::Run) -> bool {
        let flags = self.infos.get(i).map_or(0, |t| t.flags);
        len == 1
            && kind == EntityKind::Place
            && flags & FIRST_NAME != 0
            && run.core.len() >= 2
            && self
                .infos
                .get(i + 1)
                .is_some_and(|t| t.flags & (PLACE | COMMON) == 0 && t.cap)
            && self.is_namey(i + 1)
    }

    /// Whether a sentence-initial capitalised word is a name rather than a
    /// capitalised common word: unknown words are, common words only when a
    /// given name is followed by another name word ("Bill Gates said").
    fn sentence_start_is_name(&self, i: usize) -> bool {
        let Some(t) = self.infos.get(i) else {
            return false;
        };
        if t.flags & COMMON == 0 {
            return true;
        }
        t.flags & FIRST_NAME != 0 && self.is_name_token(i + 1) && self.is_namey(i + 1)
    }

    fn span_step(
        &self,
        tokens: Range<usize>,
        kind: EntityKind,
        title: Option<Range<usize>>,
    ) -> Step {
        let (tokens, kind) = if title.is_none() {
            self.company_suffix(tokens, kind)
        } else {
            (tokens, kind)
        };
        let next = tokens.end;
        Step {
            span: Some(EntitySpan {
                tokens,
                kind,
                title,
            }),
            next,
        }
    }
}

impl Ctx<'_> {
    /// "Cargill, Inc.": a company suffix after a comma belongs to the name.
    fn company_suffix(&self, tokens: Range<usize>, kind: EntityKind) -> (Range<usize>, EntityKind) {
        let e = tokens.end;
        let comma = e < self.doc.tokens().len() && self.doc.token_text(e) == ",";
        let suffix = e + 1 < self.doc.tokens().len()
            && COMPANY_SUFFIXES.contains(&self.doc.token_text(e + 1));
        if kind != EntityKind::Place && comma && suffix {
            (tokens.start..e + 2, EntityKind::Organization)
        } else {
            (tokens, kind)
        }
    }
}

/// Company suffixes written after a comma.
const COMPANY_SUFFIXES: &[&str] = &[
    "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "L.L.C.", "Corp.", "Co.", "plc", "PLC", "LLP", "L.P.",
    "AG", "S.A.", "N.V.", "GmbH",
];

#[cfg(test)]
mod tests;
