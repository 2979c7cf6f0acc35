//! Rule and gazetteer filters around a statistical tagger (STYLE.md do 8).
//!
//! A [`FilteredTagger`] runs its inner tagger ([`Tagger::tag_all`] over every
//! field of an article), then each enabled [`Filter`] in a fixed order:
//!
//! 1. [`rules`]: the rule tagger's high-precision organization and place
//!    patterns ("Center for ...", "... Council", "Kut Province", an acronym in
//!    parentheses after an organization, "Cargill, Inc.");
//! 2. [`gazetteer`]: unambiguous entries of the hand-written lists
//!    (organizations, regions, landmarks) and countries;
//! 3. [`consistency`]: a name tagged anywhere in the article tags its other
//!    occurrences in every field, and a one-letter-final variant of a tagged
//!    surname ("Zelensky" beside "Zelenskyy") is the same person;
//! 4. [`titles`]: title words directly before a PERSON ("President") become
//!    [`EntitySpan::title`] and leave the span if the model included them.
//!
//! # Overwrite policy
//!
//! - **The model wins by default.** A filter never deletes a model span and
//!   never changes its boundaries, except as listed below.
//! - **Gap filling** ([`fill_gaps`]): a proposed span is added only where no
//!   span overlaps it. Proposals are taken longest first, then earliest
//!   (spaCy's `filter_spans`), so the result is deterministic.
//! - **Kind override** ([`relabel`], gazetteer filter only): a span with
//!   exactly the tokens of an unambiguous hand-written entry takes the
//!   entry's kind ("White House" is an organization even where the model,
//!   misled by a town of that name in the city list, says place).
//! - **Pattern override** ([`overlay`], rules filter only): a rule pattern
//!   span replaces the spans that lie wholly inside it ("National Security"
//!   and "Defense Council" become "National Security and Defense Council"),
//!   and sets the kind of a span with exactly its tokens (a "... Council" is
//!   an organization). A model span that crosses the pattern's boundary wins.
//! - **Demonyms** (gazetteer filter only): a span that is one nationality
//!   word and nothing else ("Ukrainian") is removed; "Ukrainian Railways"
//!   stays.
//! - **Titles** only shrink a PERSON span from the left, never to nothing.
//!
//! ```
//! use lede::nlp::filters::{FilterSet, FilteredTagger};
//! use lede::nlp::{Doc, Tagger, rules::RuleTagger};
//! let tagger = FilteredTagger::new(Box::new(RuleTagger::new()), FilterSet::all());
//! let doc = Doc::new("Talks with Congress ended.");
//! let spans = tagger.tag(&doc);
//! assert_eq!(doc.span_text(spans[0].tokens.clone()), "Congress");
//! ```

pub mod consistency;
pub mod gazetteer;
pub mod rules;
pub mod titles;

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use super::{Doc, EntitySpan, Tagger};

/// One post-processing step over the spans of all fields of an article.
pub trait Filter: Send + Sync {
    /// The filter's name on the command line (`gazetteer`, `rules`...).
    fn name(&self) -> &'static str;

    /// Edits `spans` (one sorted, non-overlapping list per doc of `docs`);
    /// must leave every list sorted and non-overlapping.
    fn apply(&self, docs: &[&Doc], spans: &mut [Vec<EntitySpan>]);
}

/// Which filters run (`lede tag --filters`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // one switch per filter, read by name
pub struct FilterSet {
    /// Rule patterns ([`rules`]).
    pub rules: bool,
    /// Curated gazetteer entries ([`gazetteer`]).
    pub gazetteer: bool,
    /// Cross-field consistency ([`consistency`]).
    pub consistency: bool,
    /// Titles before persons ([`titles`]).
    pub titles: bool,
}

impl Default for FilterSet {
    /// Every filter ([`FilterSet::all`]).
    fn default() -> Self {
        FilterSet::all()
    }
}

/// A `--filters` value that names no filter.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("unknown filter `{0}` (expected none, all, or a comma list of: {NAMES})")]
pub struct UnknownFilter(pub String);

const NAMES: &str = "rules, gazetteer, consistency, titles";

impl FilterSet {
    /// No filter: the inner tagger's output unchanged.
    #[must_use]
    pub fn none() -> FilterSet {
        FilterSet {
            rules: false,
            gazetteer: false,
            consistency: false,
            titles: false,
        }
    }

    /// Every filter.
    #[must_use]
    pub fn all() -> FilterSet {
        FilterSet {
            rules: true,
            gazetteer: true,
            consistency: true,
            titles: true,
        }
    }

    /// Whether no filter is enabled.
    #[must_use]
    pub fn is_none(self) -> bool {
        self == FilterSet::none()
    }

    /// The enabled filters, in the order they run.
    #[must_use]
    pub fn build(self) -> Vec<Box<dyn Filter>> {
        let mut out: Vec<Box<dyn Filter>> = Vec::new();
        if self.rules {
            out.push(Box::new(rules::RulePatterns::new()));
        }
        if self.gazetteer {
            out.push(Box::new(gazetteer::CuratedGazetteer::global()));
        }
        if self.consistency {
            out.push(Box::new(consistency::Consistency));
        }
        if self.titles {
            out.push(Box::new(titles::Titles::new()));
        }
        out
    }
}

impl FromStr for FilterSet {
    type Err = UnknownFilter;

    /// `none`, `all`, or a comma list of filter names (`rules,titles`).
    fn from_str(s: &str) -> Result<FilterSet, UnknownFilter> {
        let mut set = FilterSet::none();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.to_ascii_lowercase().as_str() {
                "none" => {}
                "all" => set = FilterSet::all(),
                "rules" => set.rules = true,
                "gazetteer" => set.gazetteer = true,
                "consistency" => set.consistency = true,
                "titles" => set.titles = true,
                _ => return Err(UnknownFilter(part.to_owned())),
            }
        }
        Ok(set)
    }
}

impl fmt::Display for FilterSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            return f.write_str("none");
        }
        if *self == FilterSet::all() {
            return f.write_str("all");
        }
        let names: Vec<&str> = [
            (self.rules, "rules"),
            (self.gazetteer, "gazetteer"),
            (self.consistency, "consistency"),
            (self.titles, "titles"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, n)| *n)
        .collect();
        f.write_str(&names.join(","))
    }
}

/// A tagger followed by filters; with no filter it is the inner tagger.
pub struct FilteredTagger {
    inner: Box<dyn Tagger>,
    filters: Vec<Box<dyn Filter>>,
}

impl FilteredTagger {
    /// Wraps `inner` with the filters of `set`.
    #[must_use]
    pub fn new(inner: Box<dyn Tagger>, set: FilterSet) -> FilteredTagger {
        FilteredTagger {
            inner,
            filters: set.build(),
        }
    }

    /// Names of the filters that run, in order.
    #[must_use]
    pub fn filter_names(&self) -> Vec<&'static str> {
        self.filters.iter().map(|f| f.name()).collect()
    }
}

impl Tagger for FilteredTagger {
    fn tag(&self, doc: &Doc) -> Vec<EntitySpan> {
        self.tag_all(&[doc]).pop().unwrap_or_default()
    }

    fn tag_all(&self, docs: &[&Doc]) -> Vec<Vec<EntitySpan>> {
        let mut spans = self.inner.tag_all(docs);
        for filter in &self.filters {
            filter.apply(docs, &mut spans);
        }
        spans
    }
}

/// Whether two token ranges share a token.
fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Orders proposals longest first, then earliest (spaCy `filter_spans`).
fn longest_first(proposals: &mut [EntitySpan]) {
    proposals.sort_by_key(|s| (std::cmp::Reverse(s.tokens.len()), s.tokens.start));
}

/// Adds each proposal that overlaps no span already in `spans` (nor an
/// earlier accepted proposal); keeps `spans` sorted by start.
pub fn fill_gaps(spans: &mut Vec<EntitySpan>, mut proposals: Vec<EntitySpan>) {
    longest_first(&mut proposals);
    let mut added = false;
    for p in proposals {
        if p.tokens.is_empty() || spans.iter().any(|s| overlaps(&s.tokens, &p.tokens)) {
            continue;
        }
        spans.push(p);
        added = true;
    }
    if added {
        spans.sort_by_key(|s| s.tokens.start);
    }
}

/// Kind override: a span with exactly a proposal's tokens takes the
/// proposal's kind; nothing is added, removed or resized.
pub fn relabel(spans: &mut [EntitySpan], proposals: &[EntitySpan]) {
    for p in proposals {
        if let Some(same) = spans.iter_mut().find(|s| s.tokens == p.tokens) {
            same.kind = p.kind;
        }
    }
}

/// Pattern override: each proposal (longest first, then earliest) replaces
/// the spans wholly inside it, unless a span crosses its boundary; a span
/// with exactly its tokens takes its kind. Keeps `spans` sorted by start.
pub fn overlay(spans: &mut Vec<EntitySpan>, mut proposals: Vec<EntitySpan>) {
    longest_first(&mut proposals);
    for p in proposals {
        let r = &p.tokens;
        if r.is_empty() {
            continue;
        }
        let crosses = spans
            .iter()
            .any(|s| overlaps(&s.tokens, r) && (s.tokens.start < r.start || s.tokens.end > r.end));
        if crosses {
            continue;
        }
        if let Some(same) = spans.iter_mut().find(|s| s.tokens == *r) {
            same.kind = p.kind;
            continue;
        }
        spans.retain(|s| !overlaps(&s.tokens, r));
        spans.push(p);
        spans.sort_by_key(|s| s.tokens.start);
    }
}

/// Whether token `i` starts with an upper-case letter.
fn is_cap(doc: &Doc, i: usize) -> bool {
    i < doc.tokens().len()
        && doc
            .token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether token `i` is the first of its sentence.
fn sentence_start(doc: &Doc, i: usize) -> bool {
    i < doc.tokens().len()
        && doc
            .sentences()
            .get(doc.sentence_of(i))
            .is_some_and(|s| s.start == i)
}

/// Whether a line break separates token `i` from token `i + 1`.
fn break_after(doc: &Doc, i: usize) -> bool {
    doc.tokens().get(i).is_none_or(|t| t.newline_after)
}

/// Whether `range` stands alone: no capitalised word glued to either side in
/// the same line and sentence (so it is not a piece of a longer name).
fn stands_alone(doc: &Doc, range: &std::ops::Range<usize>) -> bool {
    let before = range.start.checked_sub(1).is_some_and(|p| {
        is_cap(doc, p) && !break_after(doc, p) && !sentence_start(doc, range.start)
    });
    let after = range.end > 0
        && is_cap(doc, range.end)
        && !break_after(doc, range.end - 1)
        && !sentence_start(doc, range.end);
    !before && !after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::EntityKind;

    fn span(r: std::ops::Range<usize>, kind: EntityKind) -> EntitySpan {
        EntitySpan {
            tokens: r,
            kind,
            title: None,
        }
    }

    #[test]
    fn filter_sets_parse_and_print() {
        assert_eq!("none".parse(), Ok(FilterSet::none()));
        assert_eq!("all".parse(), Ok(FilterSet::all()));
        let set: FilterSet = "rules, titles".parse().unwrap();
        assert!(set.rules && set.titles && !set.gazetteer && !set.consistency);
        assert_eq!(set.to_string(), "rules,titles");
        assert!("bogus".parse::<FilterSet>().is_err());
    }

    #[test]
    fn gaps_are_filled_longest_first_and_model_wins() {
        use EntityKind::*;
        let mut spans = vec![span(2..4, Person)];
        fill_gaps(
            &mut spans,
            vec![
                span(0..1, Place),
                span(3..5, Organization),
                span(0..2, Organization),
            ],
        );
        assert_eq!(spans, vec![span(0..2, Organization), span(2..4, Person)]);
    }

    #[test]
    fn overlay_replaces_nested_spans_but_not_crossing_ones() {
        use EntityKind::*;
        let mut spans = vec![
            span(0..2, Place),
            span(3..5, Organization),
            span(6..8, Person),
        ];
        overlay(
            &mut spans,
            vec![span(0..5, Organization), span(7..9, Organization)],
        );
        assert_eq!(spans, vec![span(0..5, Organization), span(6..8, Person)]);
        let mut same = vec![span(1..3, Person)];
        overlay(&mut same, vec![span(1..3, Organization)]);
        assert_eq!(same, vec![span(1..3, Organization)]);
    }
}
