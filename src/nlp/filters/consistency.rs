//! Consistency filter: what the article says once holds in every field.
//!
//! Every span tagged anywhere in an article (title, body, captions, related
//! headlines) teaches a surface form and its kind; the last word of a
//! multi-word PERSON teaches a surname ("Trump" of "Donald Trump"). Untagged
//! capitalised occurrences of a known form, in any field, get its kind. A
//! word that differs from a known one-word person name or surname by one
//! final letter ("Zelensky" beside "Zelenskyy") is that person too.
//!
//! A form tagged with different kinds counts by majority; a tie teaches
//! nothing. An occurrence must stand alone (no capitalised word glued to
//! either side), and a one-word form that is a common English word does not
//! count at a sentence start ("Will" after "Will Smith").
//!
//! Policy: gap filling only ([`super::fill_gaps`]).

use std::collections::{HashMap, HashSet};

use super::{Filter, fill_gaps, is_cap, sentence_start, stands_alone};
use crate::nlp::gazetteer::{COMMON, Gazetteers};
use crate::nlp::{Doc, EntityKind, EntitySpan};

/// Longest span, in tokens, that is propagated as a form.
const MAX_FORM_TOKENS: usize = 6;

/// Shortest word that may have a one-letter variant.
const MIN_VARIANT_CHARS: usize = 5;

/// The consistency filter (see the module doc).
#[derive(Debug, Clone, Copy, Default)]
pub struct Consistency;

/// Forms learned from an article.
#[derive(Debug, Default)]
struct Forms<'d> {
    /// Forms by first token, longest first, with their kind.
    by_first: HashMap<&'d str, Vec<(Vec<&'d str>, EntityKind)>>,
    /// One-word person names and surnames.
    person_words: HashSet<&'d str>,
}

impl<'d> Forms<'d> {
    fn learn(docs: &[&'d Doc], spans: &[Vec<EntitySpan>]) -> Forms<'d> {
        let mut counts: HashMap<Vec<&'d str>, [usize; 3]> = HashMap::new();
        let mut count = |words: Vec<&'d str>, kind: EntityKind| {
            let slot = counts.entry(words).or_default();
            slot[kind_index(kind)] += 1;
        };
        for (doc, list) in docs.iter().zip(spans) {
            for s in list {
                let words: Vec<&'d str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
                if s.kind == EntityKind::Person && words.len() >= 2 {
                    if let Some(last) = words.last() {
                        count(vec![*last], EntityKind::Person);
                    }
                }
                if words.len() <= MAX_FORM_TOKENS {
                    count(words, s.kind);
                }
            }
        }
        let mut forms = Forms::default();
        for (words, c) in counts {
            let Some(kind) = majority(c) else { continue };
            let Some(first) = words.first().copied() else {
                continue;
            };
            if kind == EntityKind::Person && words.len() == 1 {
                forms.person_words.insert(first);
            }
            forms.by_first.entry(first).or_default().push((words, kind));
        }
        for list in forms.by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
        forms
    }

    /// The known form matching at token `i`, as a span.
    fn exact_at(&self, doc: &Doc, i: usize) -> Option<EntitySpan> {
        let n = doc.tokens().len();
        let list = self.by_first.get(doc.token_text(i))?;
        list.iter()
            .find(|(words, _)| {
                i + words.len() <= n
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| doc.token_text(i + k) == *w)
                    && !(i..i + words.len() - 1).any(|k| super::break_after(doc, k))
            })
            .map(|(words, kind)| EntitySpan::untitled(i..i + words.len(), *kind))
    }

    /// A one-letter-final variant of a known person word at token `i`.
    fn variant_at(&self, doc: &Doc, i: usize) -> Option<EntitySpan> {
        let word = doc.token_text(i);
        let hit = self.person_words.iter().any(|known| variant(word, known));
        hit.then(|| EntitySpan::untitled(i..i + 1, EntityKind::Person))
    }
}

/// Whether `a` and `b` differ by one letter added at the end of the shorter
/// (at least [`MIN_VARIANT_CHARS`] chars); a plural "s" does not count.
fn variant(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let Some(extra) = long.strip_prefix(short) else {
        return false;
    };
    let mut chars = extra.chars();
    let one = chars.next().filter(|c| c.is_lowercase() && *c != 's');
    one.is_some() && chars.next().is_none() && short.chars().count() >= MIN_VARIANT_CHARS
}

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
    }
}

/// The kind with the most votes, unless tied.
fn majority(counts: [usize; 3]) -> Option<EntityKind> {
    let best = *counts.iter().max()?;
    let winners: Vec<EntityKind> = EntityKind::ALL
        .iter()
        .copied()
        .filter(|k| counts[kind_index(*k)] == best)
        .collect();
    match winners.as_slice() {
        [one] if best > 0 => Some(*one),
        _ => None,
    }
}

impl Consistency {
    fn proposals(forms: &Forms<'_>, doc: &Doc, covered: &[bool]) -> Vec<EntitySpan> {
        let gaz = Gazetteers::global();
        let mut out = Vec::new();
        for i in 0..doc.tokens().len() {
            if covered.get(i).copied().unwrap_or(true) || !is_cap(doc, i) {
                continue;
            }
            let Some(span) = forms.exact_at(doc, i).or_else(|| forms.variant_at(doc, i)) else {
                continue;
            };
            let common_start = span.tokens.len() == 1
                && sentence_start(doc, i)
                && gaz.word_flags(doc.token_text(i)) & COMMON != 0;
            if stands_alone(doc, &span.tokens) && !common_start {
                out.push(span);
            }
        }
        out
    }
}

impl Filter for Consistency {
    fn name(&self) -> &'static str {
        "consistency"
    }

    fn apply(&self, docs: &[&Doc], spans: &mut [Vec<EntitySpan>]) {
        let forms = Forms::learn(docs, spans);
        if forms.by_first.is_empty() {
            return;
        }
        for (doc, list) in docs.iter().zip(spans.iter_mut()) {
            let mut covered = vec![false; doc.tokens().len()];
            for s in list.iter() {
                for c in covered.iter_mut().take(s.tokens.end).skip(s.tokens.start) {
                    *c = true;
                }
            }
            let proposals = Consistency::proposals(&forms, doc, &covered);
            fill_gaps(list, proposals);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(r: std::ops::Range<usize>, kind: EntityKind) -> EntitySpan {
        EntitySpan {
            tokens: r,
            kind,
            title: None,
        }
    }

    fn texts(doc: &Doc, spans: &[EntitySpan]) -> Vec<(String, EntityKind)> {
        spans
            .iter()
            .map(|s| (doc.span_text(s.tokens.clone()).to_owned(), s.kind))
            .collect()
    }

    #[test]
    fn forms_spread_across_fields_with_surname_variants() {
        let headline = Doc::new("Zelensky heads to Washington for talks with Trump");
        // President(0) Zelenskyy(1) met(2) Donald(3) Trump(4) in(5) Washington(6)
        let body = Doc::new("President Zelenskyy met Donald Trump in Washington.");
        let mut spans = vec![
            vec![],
            vec![
                span(1..2, EntityKind::Person),
                span(3..5, EntityKind::Person),
                span(6..7, EntityKind::Place),
            ],
        ];
        Consistency.apply(&[&headline, &body], &mut spans);
        use EntityKind::*;
        assert_eq!(
            texts(&headline, &spans[0]),
            [
                ("Zelensky".to_owned(), Person),
                ("Washington".to_owned(), Place),
                ("Trump".to_owned(), Person)
            ]
        );
    }

    #[test]
    fn ties_glued_words_and_plurals_teach_nothing() {
        // Jordan(0) ... ; tagged once as PERSON and once as PLACE: a tie.
        let a = Doc::new("Jordan spoke. He flew to Jordan. Jordan again.");
        let mut spans = vec![vec![
            span(0..1, EntityKind::Person),
            span(6..7, EntityKind::Place),
        ]];
        Consistency.apply(&[&a], &mut spans);
        assert_eq!(spans[0].len(), 2);
        // "Smith Barney" is glued; "Kovalenkos" is a plural.
        let b = Doc::new("Anna Smith came. Smith Barney fell. The Kovalenkos and Kovalenko left.");
        let mut spans = vec![vec![
            span(0..2, EntityKind::Person),
            span(11..12, EntityKind::Person),
        ]];
        Consistency.apply(&[&b], &mut spans);
        assert_eq!(
            texts(&b, &spans[0]),
            [
                ("Anna Smith".to_owned(), EntityKind::Person),
                ("Kovalenko".to_owned(), EntityKind::Person)
            ]
        );
    }

    #[test]
    fn variants_need_one_final_letter_on_a_long_word() {
        assert!(variant("Zelensky", "Zelenskyy"));
        assert!(variant("Zelenskyy", "Zelensky"));
        assert!(!variant("Putin", "Putins"));
        assert!(!variant("Bush", "Bushy"));
        assert!(!variant("Zelensky", "Zelensky"));
    }
}
