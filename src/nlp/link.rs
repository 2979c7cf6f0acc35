//! Linking: mentions of one entity share a canonical name.
//!
//! - People: full names ("Donald Trump") make the people; a bare surname
//!   ("Trump") goes to the person with that surname who has the most mentions
//!   so far (recency breaks ties), among those a title allows ("Mrs." is not
//!   a man; a person who carried "President" is preferred for "President
//!   Trump"). Surnames that differ by one letter at the end merge
//!   ("Zelensky", "Zelenskyy"). The canonical name is the fullest form seen.
//! - Places and organizations: the gazetteer's canonical name ("US" ->
//!   "United States"), else the normalised text; an acronym in parentheses
//!   after an organization ("Baltic Energy Agency (BEA)"), or equal to its
//!   initials, is that organization.
//!
//! Linking spans all fields of one article, in field order.
//!
//! ```
//! use lede::nlp::Analyzer;
//! let a = Analyzer::default().analyze_text("Donald Trump spoke. Later Trump left for the U.S.");
//! let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Donald Trump", "United States"]);
//! ```

use std::collections::HashMap;

use super::gazetteer::{Gazetteers, Gender};
use super::{Doc, Entity, EntityKind, EntitySpan, FieldDoc, Mention};

/// Turns tagged spans (one list per doc, same order as `docs`) into mentions and
/// linked entities, in order of first mention.
#[must_use]
pub fn link(docs: &[FieldDoc], spans: &[Vec<EntitySpan>]) -> (Vec<Mention>, Vec<Entity>) {
    let mut linker = Linker::new(Gazetteers::global());
    let mut mentions = Vec::new();
    for (fd, doc_spans) in docs.iter().zip(spans) {
        linker.collect_full_names(&fd.doc, doc_spans);
    }
    for (fd, doc_spans) in docs.iter().zip(spans) {
        let mut prev: Option<(usize, &EntitySpan)> = None;
        for span in doc_spans {
            let cluster = linker.assign(&fd.doc, span, prev, mentions.len());
            mentions.push(Mention {
                field: fd.field,
                start: fd.doc.char_range(span.tokens.clone()).start,
                end: fd.doc.char_range(span.tokens.clone()).end,
                bytes: fd.doc.byte_range(span.tokens.clone()),
                text: fd.doc.span_text(span.tokens.clone()).to_owned(),
                title: span.title.clone().map(|t| fd.doc.span_text(t).to_owned()),
                entity: cluster,
            });
            prev = Some((cluster, span));
        }
    }
    linker.finish(mentions)
}

/// One entity while linking.
#[derive(Debug, Default)]
struct Cluster {
    kind: Option<EntityKind>,
    /// Surface forms in first-seen order.
    forms: Vec<String>,
    /// The gazetteer's name, which wins over any form.
    fixed_name: Option<String>,
    mentions: Vec<usize>,
    /// Person: first and last name words of the fullest form.
    first: Option<String>,
    last: Option<String>,
    titles: Vec<String>,
    gender: Option<Gender>,
}

impl Cluster {
    fn add_form(&mut self, text: &str) {
        if !self.forms.iter().any(|f| f == text) {
            self.forms.push(text.to_owned());
        }
    }

    /// The fullest form: most words, then most chars, then first seen.
    fn canonical(&self) -> String {
        if let Some(name) = &self.fixed_name {
            return name.clone();
        }
        let score = |f: &String| (f.split_whitespace().count(), f.chars().count());
        let mut best: Option<&String> = None;
        for f in &self.forms {
            if best.is_none_or(|b| score(f) > score(b)) {
                best = Some(f);
            }
        }
        best.cloned().unwrap_or_default()
    }
}

struct Linker {
    gaz: &'static Gazetteers,
    clusters: Vec<Cluster>,
    /// Place and organization clusters by (kind, key).
    by_key: HashMap<(EntityKind, String), usize>,
    /// Full-name person clusters, found before assignment.
    people: Vec<usize>,
}

impl Linker {
    fn new(gaz: &'static Gazetteers) -> Linker {
        Linker {
            gaz,
            clusters: Vec::new(),
            by_key: HashMap::new(),
            people: Vec::new(),
        }
    }

    /// The name words of a span: its tokens without initials and punctuation.
    fn words<'d>(doc: &'d Doc, span: &EntitySpan) -> Vec<&'d str> {
        span.tokens
            .clone()
            .map(|i| doc.token_text(i))
            .filter(|w| w.chars().count() > 2 || !w.ends_with('.'))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect()
    }

    /// First pass: one cluster per distinct full name (two or more words).
    fn collect_full_names(&mut self, doc: &Doc, spans: &[EntitySpan]) {
        for span in spans.iter().filter(|s| s.kind == EntityKind::Person) {
            let words = Self::words(doc, span);
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            if words.len() < 2 {
                continue;
            }
            let found = self.people.iter().copied().find(|&c| {
                let cl = &self.clusters[c];
                cl.first.as_deref().is_some_and(|f| variant(f, first))
                    && cl.last.as_deref().is_some_and(|l| variant(l, last))
            });
            if found.is_none() {
                let gender = self.gaz.first_name_gender(first);
                self.clusters.push(Cluster {
                    kind: Some(EntityKind::Person),
                    first: Some((*first).to_owned()),
                    last: Some((*last).to_owned()),
                    gender,
                    ..Cluster::default()
                });
                self.people.push(self.clusters.len() - 1);
            }
        }
    }

    /// Second pass: the cluster of one span, in reading order.
    fn assign(
        &mut self,
        doc: &Doc,
        span: &EntitySpan,
        prev: Option<(usize, &EntitySpan)>,
        mention: usize,
    ) -> usize {
        let text = doc.span_text(span.tokens.clone());
        let title = span.title.clone().map(|t| doc.span_text(t).to_owned());
        let c = match span.kind {
            EntityKind::Person => self.person_cluster(doc, span, title.as_deref()),
            kind => self.named_cluster(doc, span, kind, prev),
        };
        let cl = &mut self.clusters[c];
        cl.add_form(text);
        cl.mentions.push(mention);
        if let Some(t) = title {
            if cl.gender.is_none() {
                cl.gender = self.gaz.title_gender(&t);
            }
            if !cl.titles.contains(&t) {
                cl.titles.push(t);
            }
        }
        c
    }

    fn person_cluster(&mut self, doc: &Doc, span: &EntitySpan, title: Option<&str>) -> usize {
        let words = Self::words(doc, span);
        let (first, last) = match (words.first(), words.last()) {
            (Some(f), Some(l)) => (*f, *l),
            _ => ("", doc.span_text(span.tokens.clone())),
        };
        if words.len() >= 2 {
            if let Some(c) = self.people.iter().copied().find(|&c| {
                let cl = &self.clusters[c];
                cl.first.as_deref().is_some_and(|f| variant(f, first))
                    && cl.last.as_deref().is_some_and(|l| variant(l, last))
            }) {
                return c;
            }
        }
        let candidates: Vec<usize> = (0..self.clusters.len())
            .filter(|&c| {
                let cl = &self.clusters[c];
                cl.kind == Some(EntityKind::Person)
                    && cl.last.as_deref().is_some_and(|l| variant(l, last))
            })
            .collect();
        match self.pick_person(&candidates, title) {
            Some(c) => c,
            None => {
                self.clusters.push(Cluster {
                    kind: Some(EntityKind::Person),
                    first: (words.len() >= 2).then(|| first.to_owned()),
                    last: Some(last.to_owned()),
                    gender: if words.len() >= 2 {
                        self.gaz.first_name_gender(first)
                    } else {
                        None
                    },
                    ..Cluster::default()
                });
                self.clusters.len() - 1
            }
        }
    }

    /// Among people sharing a surname: drop those of the other gender than the
    /// title's, prefer those who carried the same title, then the most
    /// mentions so far, then the most recent.
    fn pick_person(&self, candidates: &[usize], title: Option<&str>) -> Option<usize> {
        let gender = title.and_then(|t| self.gaz.title_gender(t));
        let allowed: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| match (gender, self.clusters[c].gender) {
                (Some(g), Some(h)) => g == h,
                _ => true,
            })
            .collect();
        let same_title: Vec<usize> = allowed
            .iter()
            .copied()
            .filter(|&c| title.is_some_and(|t| self.clusters[c].titles.iter().any(|x| x == t)))
            .collect();
        let pool = if same_title.is_empty() {
            &allowed
        } else {
            &same_title
        };
        pool.iter().copied().max_by_key(|&c| {
            let cl = &self.clusters[c];
            (cl.mentions.len(), cl.mentions.last().copied())
        })
    }

    fn named_cluster(
        &mut self,
        doc: &Doc,
        span: &EntitySpan,
        kind: EntityKind,
        prev: Option<(usize, &EntitySpan)>,
    ) -> usize {
        let text = doc.span_text(span.tokens.clone());
        let fixed = self.gaz.canonical(kind, text).map(str::to_owned);
        let key = (kind, fixed.clone().unwrap_or_else(|| normalise(text)));
        if let Some(&c) = self.by_key.get(&key) {
            return c;
        }
        let c = self
            .acronym_target(doc, span, kind, prev)
            .unwrap_or_else(|| {
                self.clusters.push(Cluster {
                    kind: Some(kind),
                    fixed_name: fixed,
                    ..Cluster::default()
                });
                self.clusters.len() - 1
            });
        self.by_key.insert(key, c);
        c
    }

    /// The organization an acronym stands for: the one right before it in
    /// parentheses, or one whose initials it spells.
    fn acronym_target(
        &self,
        doc: &Doc,
        span: &EntitySpan,
        kind: EntityKind,
        prev: Option<(usize, &EntitySpan)>,
    ) -> Option<usize> {
        let text = doc.span_text(span.tokens.clone());
        let is_acronym = text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && text.chars().all(|c| c.is_uppercase() || c == '.');
        if kind != EntityKind::Organization || !is_acronym {
            return None;
        }
        let before = span.tokens.start.checked_sub(1);
        let in_parens = before.is_some_and(|b| doc.token_text(b) == "(")
            && doc.tokens().get(span.tokens.end).is_some()
            && doc.token_text(span.tokens.end) == ")";
        if let Some((c, p)) = prev {
            let adjacent = before.is_some_and(|b| p.tokens.end == b);
            if in_parens && adjacent && p.kind == EntityKind::Organization {
                return Some(c);
            }
        }
        let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
        self.clusters.iter().position(|cl| {
            cl.kind == Some(EntityKind::Organization)
                && cl.forms.iter().any(|f| initials(f) == letters)
        })
    }

    /// Entities in order of first mention, with mentions pointing at them.
    fn finish(self, mut mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Entity>) {
        let mut order: Vec<usize> = (0..self.clusters.len())
            .filter(|&c| !self.clusters[c].mentions.is_empty())
            .collect();
        order.sort_by_key(|&c| self.clusters[c].mentions.first().copied());
        let mut new_index = vec![usize::MAX; self.clusters.len()];
        for (n, &c) in order.iter().enumerate() {
            new_index[c] = n;
        }
        for m in &mut mentions {
            m.entity = new_index.get(m.entity).copied().unwrap_or(0);
        }
        let entities = order
            .into_iter()
            .map(|c| {
                let cl = &self.clusters[c];
                let name = cl.canonical();
                Entity {
                    aliases: cl.forms.iter().filter(|f| **f != name).cloned().collect(),
                    name,
                    kind: cl.kind.unwrap_or(EntityKind::Person),
                    mentions: cl.mentions.clone(),
                }
            })
            .collect();
        (mentions, entities)
    }
}

/// Whether two name words are one spelling: equal, or differing by one
/// letter at the end ("Zelensky" / "Zelenskyy"); short words must be equal.
fn variant(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long, ls) = if la <= lb { (a, b, la) } else { (b, a, lb) };
    if ls < 5 {
        return false;
    }
    let long_n = la.max(lb);
    if long_n == ls + 1 {
        return long.starts_with(short);
    }
    long_n == ls
        && short
            .chars()
            .zip(long.chars())
            .take(ls - 1)
            .all(|(x, y)| x == y)
}

/// Key of a place or organization without a gazetteer name: no periods, no
/// leading "the", single spaces, lower case.
fn normalise(text: &str) -> String {
    let lower = text.replace('.', "").to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Initials of the capitalised words of a name ("European Central Bank" -> "ECB").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

#[cfg(test)]
mod tests;
