//! Rules filter: the rule tagger's high-precision patterns, laid over the
//! model's spans.
//!
//! The rule tagger ([`RuleTagger`]) runs on every field; of its spans only
//! those that a pattern explains are kept:
//!
//! - an organization of two or more words ending in an organization suffix
//!   ("National Security and Defense Council") or with a head word before
//!   "of"/"for"/"on" ("Center for Countering Disinformation", "Ministry of
//!   Foreign Affairs"), or a company suffix after a comma ("Cargill, Inc.");
//! - a place of two or more words with a place suffix ("Kut Province") or a
//!   place head word ("Mount Kazbek", "Gulf of Finland");
//! - an acronym in parentheses right after an organization span ("Baltic
//!   Energy Agency (BEA)").
//!
//! Policy: pattern override ([`super::overlay`]): a pattern span replaces the
//! spans wholly inside it and fixes the kind of a span with its exact tokens;
//! a span crossing its boundary wins over it.

use super::{Filter, overlay};
use crate::nlp::gazetteer::{Gazetteers, ORG_PREFIX, ORG_SUFFIX, PLACE_PREFIX, PLACE_SUFFIX};
use crate::nlp::rules::RuleTagger;
use crate::nlp::{Doc, EntityKind, EntitySpan, Tagger};

/// Words that join an organization or place head to its object.
const HEAD_LINKS: &[&str] = &["of", "for", "on"];

/// The rules filter (see the module doc).
#[derive(Debug, Clone, Copy)]
pub struct RulePatterns {
    rules: RuleTagger,
    gaz: &'static Gazetteers,
}

impl Default for RulePatterns {
    fn default() -> Self {
        RulePatterns::new()
    }
}

impl RulePatterns {
    /// The filter over the embedded gazetteers.
    #[must_use]
    pub fn new() -> RulePatterns {
        RulePatterns {
            rules: RuleTagger::new(),
            gaz: Gazetteers::global(),
        }
    }

    fn flags(&self, doc: &Doc, i: usize) -> u32 {
        self.gaz.word_flags(doc.token_text(i))
    }

    /// Whether a head word with `flag` is followed by "of"/"for"/"on" inside the span.
    fn head_before_link(&self, doc: &Doc, span: &EntitySpan, flag: u32) -> bool {
        span.tokens.clone().any(|k| {
            k + 1 < span.tokens.end
                && self.flags(doc, k) & flag != 0
                && HEAD_LINKS.contains(&doc.token_text(k + 1))
        })
    }

    /// Whether a pattern explains a rule span.
    fn is_pattern(&self, doc: &Doc, span: &EntitySpan, org_before: bool) -> bool {
        let r = &span.tokens;
        let first = doc.token_text(r.start);
        let last = r.end - 1;
        match span.kind {
            EntityKind::Organization if r.len() >= 2 => {
                self.flags(doc, last) & ORG_SUFFIX != 0
                    || self.head_before_link(doc, span, ORG_PREFIX | ORG_SUFFIX)
                    || doc.token_text(last - 1) == ","
            }
            EntityKind::Organization => {
                let acronym = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && first
                        .chars()
                        .all(|c| c.is_uppercase() || c == '.' || c == '&');
                let parens = r.start >= 1
                    && doc.token_text(r.start - 1) == "("
                    && r.end < doc.tokens().len()
                    && doc.token_text(r.end) == ")";
                acronym && parens && org_before
            }
            EntityKind::Place if r.len() >= 2 => {
                self.flags(doc, last) & PLACE_SUFFIX != 0
                    || self.flags(doc, r.start) & PLACE_PREFIX != 0
            }
            _ => false,
        }
    }

    /// The rule spans of one doc that a pattern explains. `model` is the
    /// current span list (an acronym needs an organization before it there or
    /// among the rule spans).
    fn proposals(
        &self,
        doc: &Doc,
        rule_spans: &[EntitySpan],
        model: &[EntitySpan],
    ) -> Vec<EntitySpan> {
        // Token ends of every organization, looked up once per rule span (a
        // scan per span was quadratic in the mentions of a huge document).
        let org_ends: std::collections::HashSet<usize> = rule_spans
            .iter()
            .chain(model)
            .filter(|s| s.kind == EntityKind::Organization)
            .map(|s| s.tokens.end)
            .collect();
        rule_spans
            .iter()
            .filter(|s| {
                let org_before = s.tokens.start >= 1 && org_ends.contains(&(s.tokens.start - 1));
                self.is_pattern(doc, s, org_before)
            })
            .map(|s| EntitySpan::untitled(s.tokens.clone(), s.kind))
            .collect()
    }
}

impl Filter for RulePatterns {
    fn name(&self) -> &'static str {
        "rules"
    }

    fn apply(&self, docs: &[&Doc], spans: &mut [Vec<EntitySpan>]) {
        let rule_spans = self.rules.tag_all(docs);
        for ((doc, list), rules) in docs.iter().zip(spans.iter_mut()).zip(&rule_spans) {
            let proposals = self.proposals(doc, rules, list);
            overlay(list, proposals);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(
        text: &str,
        model: &[(std::ops::Range<usize>, EntityKind)],
    ) -> Vec<(String, EntityKind)> {
        let doc = Doc::new(text);
        let mut spans = vec![
            model
                .iter()
                .map(|(r, k)| EntitySpan::untitled(r.clone(), *k))
                .collect::<Vec<_>>(),
        ];
        RulePatterns::new().apply(&[&doc], &mut spans);
        spans[0]
            .iter()
            .map(|s| (doc.span_text(s.tokens.clone()).to_owned(), s.kind))
            .collect()
    }

    use EntityKind::{Organization as Org, Person, Place};

    #[test]
    fn patterns_replace_pieces_inside_them() {
        // He(0) joined(1) the(2) National(3) Security(4) and(5) Defense(6) Council(7)
        let text = "He joined the National Security and Defense Council today.";
        assert_eq!(
            run(text, &[(3..5, Place), (6..8, Org)]),
            [("National Security and Defense Council".to_owned(), Org)]
        );
        assert_eq!(
            run("The Center for Countering Disinformation said so.", &[]),
            [("Center for Countering Disinformation".to_owned(), Org)]
        );
    }

    #[test]
    fn patterns_fix_the_kind_of_the_same_span() {
        assert_eq!(
            run("Fighting spread to Kut Province.", &[(3..5, Person)]),
            [("Kut Province".to_owned(), Place)]
        );
    }

    #[test]
    fn crossing_model_spans_win_and_plain_names_are_not_patterns() {
        // A model span reaching outside the pattern keeps its place.
        // Kut(0) Province(1) Governor(2) ...
        assert_eq!(
            run("in Kut Province Governor Ali", &[(2..4, Org)]),
            [("Province Governor".to_owned(), Org)]
        );
        // The rule tagger's guess at a plain name adds nothing.
        assert!(run("He met Kovalenko later.", &[]).is_empty());
    }

    #[test]
    fn acronyms_in_parentheses_after_an_organization() {
        assert_eq!(
            run("the Baltic Energy Agency (BEA) said", &[(1..4, Org)]),
            [
                ("Baltic Energy Agency".to_owned(), Org),
                ("BEA".to_owned(), Org)
            ]
        );
    }
}
