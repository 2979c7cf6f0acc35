//! Titles filter: title words directly before a PERSON span ("President",
//! "Secretary of State", "dictator", chains like "Prime Minister Dr.") become
//! the span's [`EntitySpan::title`]; when the tagger put them inside the span
//! ("President Zelenskyy"), they leave it. Titles are the entries of the title
//! gazetteer (`assets/gazetteers/titles.txt`), the list the rule tagger's
//! `titles` rule reads. The linker uses them to choose between people
//! ("President Trump" is not Melania Trump).
//!
//! Policy: a span only ever shrinks from the left, never to nothing; a title
//! is never taken from another span; a line break ends a title.

use std::ops::Range;

use super::{Filter, break_after};
use crate::nlp::gazetteer::{GazKind, Gazetteers};
use crate::nlp::{Doc, EntityKind, EntitySpan};

/// The longest title the gazetteer lists, in tokens (a bound for the search).
const MAX_TITLE_TOKENS: usize = 6;

/// The titles filter (see the module doc).
#[derive(Debug, Clone, Copy)]
pub struct Titles {
    gaz: &'static Gazetteers,
}

impl Default for Titles {
    fn default() -> Self {
        Titles::new()
    }
}

impl Titles {
    /// The filter over the embedded title list.
    #[must_use]
    pub fn new() -> Titles {
        Titles {
            gaz: Gazetteers::global(),
        }
    }

    /// Length of the title entry starting at `i`, if any.
    fn title_at(&self, doc: &Doc, i: usize) -> Option<usize> {
        self.gaz
            .entry_of_kind_at(doc, i, GazKind::Title)
            .map(|m| m.len)
    }

    /// Start of a title entry ending right before token `end`, not reaching
    /// below `floor`, on the same line as `end`.
    fn title_ending_at(&self, doc: &Doc, end: usize, floor: usize) -> Option<usize> {
        let last = end.checked_sub(1)?;
        if break_after(doc, last) {
            return None;
        }
        (end.saturating_sub(MAX_TITLE_TOKENS).max(floor)..end)
            .find(|&j| self.title_at(doc, j).is_some_and(|len| j + len == end))
    }

    /// The name and title ranges of a PERSON span starting at `tokens`, with
    /// `floor` the end of the previous span.
    pub(crate) fn split(
        &self,
        doc: &Doc,
        tokens: Range<usize>,
        floor: usize,
    ) -> (Range<usize>, Option<Range<usize>>) {
        let mut start = tokens.start;
        while let Some(len) = self.title_at(doc, start) {
            if start + len >= tokens.end || break_after(doc, start + len - 1) {
                break;
            }
            start += len;
        }
        // Titles written before the span chain onto those inside it.
        let mut first = tokens.start;
        while let Some(j) = self.title_ending_at(doc, first, floor) {
            first = j;
        }
        let title = (first < start).then_some(first..start);
        (start..tokens.end, title)
    }

    fn apply_doc(&self, doc: &Doc, spans: &mut [EntitySpan]) {
        let mut floor = 0;
        for span in spans.iter_mut() {
            if span.kind == EntityKind::Person && span.title.is_none() {
                let (name, title) = self.split(doc, span.tokens.clone(), floor);
                span.tokens = name;
                span.title = title;
            }
            floor = span.tokens.end;
        }
    }
}

impl Filter for Titles {
    fn name(&self) -> &'static str {
        "titles"
    }

    fn apply(&self, docs: &[&Doc], spans: &mut [Vec<EntitySpan>]) {
        for (doc, list) in docs.iter().zip(spans.iter_mut()) {
            self.apply_doc(doc, list);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, spans: &[(Range<usize>, EntityKind)]) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let mut list: Vec<EntitySpan> = spans
            .iter()
            .map(|(r, k)| EntitySpan::untitled(r.clone(), *k))
            .collect();
        Titles::new().apply_doc(&doc, &mut list);
        list.iter()
            .map(|s| {
                (
                    doc.span_text(s.tokens.clone()).to_owned(),
                    s.title.clone().map(|t| doc.span_text(t).to_owned()),
                )
            })
            .collect()
    }

    fn pair(name: &str, title: Option<&str>) -> (String, Option<String>) {
        (name.to_owned(), title.map(str::to_owned))
    }

    #[test]
    fn a_title_before_a_person_is_recorded() {
        // He(0) met(1) President(2) Putin(3) and(4) Secretary(5) of(6) State(7) Marco(8) Rubio(9)
        let text = "He met President Putin and Secretary of State Marco Rubio.";
        assert_eq!(
            run(
                text,
                &[(3..4, EntityKind::Person), (8..10, EntityKind::Person)]
            ),
            [
                pair("Putin", Some("President")),
                pair("Marco Rubio", Some("Secretary of State"))
            ]
        );
    }

    #[test]
    fn a_title_inside_the_span_leaves_it() {
        let text = "Later President Zelenskyy spoke.";
        assert_eq!(
            run(text, &[(1..3, EntityKind::Person)]),
            [pair("Zelenskyy", Some("President"))]
        );
        // A span that is only a title is left alone.
        assert_eq!(
            run(text, &[(1..2, EntityKind::Person)]),
            [pair("President", None)]
        );
    }

    #[test]
    fn other_kinds_and_line_breaks_get_no_title() {
        assert_eq!(
            run("the President Hotel", &[(2..3, EntityKind::Organization)]),
            [pair("Hotel", None)]
        );
        assert_eq!(
            run("President\nPutin spoke", &[(1..2, EntityKind::Person)]),
            [pair("Putin", None)]
        );
    }

    #[test]
    fn a_title_is_not_taken_from_another_span() {
        // "President" tagged as part of an ORG stays there.
        let text = "the President Club Smith";
        assert_eq!(
            run(
                text,
                &[(1..3, EntityKind::Organization), (3..4, EntityKind::Person)]
            ),
            [pair("President Club", None), pair("Smith", None)]
        );
    }
}
