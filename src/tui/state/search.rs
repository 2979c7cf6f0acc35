//! `/` search in the reader: hits as char ranges of the article's fields
//! (never of rendered lines), smart case, entity-aware hits (a query naming
//! an entity also finds every linked mention), Tab completion of entity
//! names, and the `n` / `N` cursor.

use crate::article::{Article, Field};
use crate::nlp::Analysis;

use super::document::{Anchor, Section};

/// One match: a char range (end exclusive) of the field shown in `section`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit {
    /// The section showing the field.
    pub section: Section,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

impl Hit {
    /// Where the hit starts, as a reading position.
    #[must_use]
    pub fn anchor(self) -> Anchor {
        Anchor {
            section: self.section,
            offset: self.start,
        }
    }
}

/// Smart case: a query with an uppercase letter matches case-sensitively.
#[must_use]
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Folds one char for comparison; a lowercase form of several chars keeps
/// the original so offsets stay one char per char.
fn fold(c: char, sensitive: bool) -> char {
    if sensitive {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn folded(text: &str, sensitive: bool) -> Vec<char> {
    text.chars().map(|c| fold(c, sensitive)).collect()
}

/// Start offsets of non-overlapping occurrences of `needle` in `hay`.
fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(&first) = needle.first() else {
        return out;
    };
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay.get(i) == Some(&first) && hay.get(i..i + needle.len()) == Some(needle) {
            out.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// True when `query` occurs in `name` as whole words ("Trump" in "Donald
/// Trump", not "rum" in "Trump").
#[must_use]
pub fn names_match(name: &str, query: &str, sensitive: bool) -> bool {
    let name = folded(name, sensitive);
    let query = folded(query.trim(), sensitive);
    let is_word = |i: Option<&char>| i.is_some_and(|c| c.is_alphanumeric());
    occurrences(&name, &query).into_iter().any(|start| {
        let end = start + query.len();
        !is_word(start.checked_sub(1).and_then(|p| name.get(p))) && !is_word(name.get(end))
    })
}

/// The article's searchable fields with the section that shows each.
fn fields(article: &Article) -> Vec<(Section, &str)> {
    let mut out = Vec::new();
    if let Some(title) = &article.title {
        out.push((Section::Title, title.as_str()));
    }
    out.push((Section::Body, article.body.as_str()));
    for (i, c) in article.captions.iter().enumerate() {
        out.push((Section::Caption(i), c.as_str()));
    }
    for (i, r) in article.related.iter().enumerate() {
        out.push((Section::Related(i), r.as_str()));
    }
    out
}

/// Every hit of `query` in reading order: plain-text occurrences merged
/// with the mentions of every entity whose name or alias the query names,
/// deduplicated (a text hit inside a mention hit is dropped).
#[must_use]
pub fn find(article: &Article, analysis: &Analysis, query: &str) -> Vec<Hit> {
    if query.is_empty() {
        return Vec::new();
    }
    let sensitive = is_case_sensitive(query);
    let mut mentions: Vec<Hit> = Vec::new();
    for entity in &analysis.entities {
        let named = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .any(|n| names_match(n, query, sensitive));
        if !named {
            continue;
        }
        mentions.extend(
            (entity.mentions.iter())
                .filter_map(|&m| analysis.mentions.get(m))
                .filter(|m| !(article.title_derived && m.field == Field::Title))
                .map(|m| Hit {
                    section: Section::of_field(m.field),
                    start: m.start,
                    end: m.end,
                }),
        );
    }
    mentions.sort_unstable();
    mentions.dedup();
    let needle = folded(query, sensitive);
    let mut hits = mentions.clone();
    for (section, text) in fields(article) {
        let hay = folded(text, sensitive);
        for start in occurrences(&hay, &needle) {
            let hit = Hit {
                section,
                start,
                end: start + needle.len(),
            };
            if !overlaps_any(&mentions, hit) {
                hits.push(hit);
            }
        }
    }
    hits.sort_unstable();
    hits.dedup();
    hits
}

fn overlaps_any(sorted: &[Hit], hit: Hit) -> bool {
    let after = sorted.partition_point(|h| (h.section, h.start) < (hit.section, hit.end));
    sorted
        .get(..after)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|h| h.section == hit.section)
        .any(|h| h.end > hit.start)
}

/// Entity names and aliases that complete `prefix`: names starting with it
/// first, then names with a word starting with it; most mentioned first.
#[must_use]
pub fn completions(analysis: &Analysis, prefix: &str) -> Vec<String> {
    if prefix.trim().is_empty() {
        return Vec::new();
    }
    let sensitive = is_case_sensitive(prefix);
    let p = folded(prefix, sensitive);
    let mut entities: Vec<_> = analysis.entities.iter().collect();
    entities.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    let mut starts = Vec::new();
    let mut inner = Vec::new();
    for name in entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
    {
        let n = folded(name, sensitive);
        if n.starts_with(&p) {
            starts.push(name.clone());
        } else if (1..n.len()).any(|i| {
            n.get(i - 1).is_some_and(|c| !c.is_alphanumeric())
                && n.get(i..).is_some_and(|rest| rest.starts_with(&p))
        }) {
            inner.push(name.clone());
        }
    }
    starts.extend(inner);
    let mut seen = std::collections::HashSet::new();
    starts.retain(|n| seen.insert(n.clone()));
    starts
}

/// Tab completion in progress: what was typed and the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Completion {
    typed: String,
    candidates: Vec<String>,
    next: usize,
}

/// The search of the open article: the query, its hits and the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    query: String,
    editing: bool,
    hits: Vec<Hit>,
    current: Option<usize>,
    completion: Option<Completion>,
    /// Where the reader was when `/` was pressed (Esc returns there).
    pub origin: Anchor,
}

impl SearchState {
    /// An empty search line opened at `origin`.
    #[must_use]
    pub fn new(origin: Anchor) -> SearchState {
        SearchState {
            query: String::new(),
            editing: true,
            hits: Vec::new(),
            current: None,
            completion: None,
            origin,
        }
    }

    /// The query typed.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// True while the search line takes keys.
    #[must_use]
    pub fn is_editing(&self) -> bool {
        self.editing
    }

    /// The hits, in reading order.
    #[must_use]
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Index of the current hit.
    #[must_use]
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The current hit.
    #[must_use]
    pub fn current_hit(&self) -> Option<Hit> {
        self.hits.get(self.current?).copied()
    }

    /// Replaces the query (typing) and recomputes the hits; the current hit
    /// becomes the first at or after where the search started.
    pub fn set_query(&mut self, query: String, article: &Article, analysis: &Analysis) {
        self.query = query;
        self.completion = None;
        self.hits = find(article, analysis, &self.query);
        self.current = self.first_from(self.origin);
    }

    /// Recomputes the hits for a new analysis, staying near the current hit.
    pub fn refresh(&mut self, article: &Article, analysis: &Analysis) {
        let from = self.current_hit().map_or(self.origin, Hit::anchor);
        self.hits = find(article, analysis, &self.query);
        self.current = self.first_from(from);
    }

    /// Index of the first hit at or after a position, wrapping to the first.
    #[must_use]
    pub fn first_from(&self, from: Anchor) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let i = self.hits.partition_point(|h| h.anchor() < from);
        Some(if i < self.hits.len() { i } else { 0 })
    }

    /// Appends a typed char.
    pub fn push(&mut self, c: char, article: &Article, analysis: &Analysis) {
        let mut q = std::mem::take(&mut self.query);
        q.push(c);
        self.set_query(q, article, analysis);
    }

    /// Deletes the last char; false when the line was already empty.
    pub fn pop(&mut self, article: &Article, analysis: &Analysis) -> bool {
        let mut q = std::mem::take(&mut self.query);
        let popped = q.pop().is_some();
        self.set_query(q, article, analysis);
        popped
    }

    /// Tab: completes the query to the next entity name that fits what was
    /// typed; false when none does.
    pub fn complete(&mut self, article: &Article, analysis: &Analysis) -> bool {
        let mut completion = match self.completion.take() {
            Some(c) => c,
            None => Completion {
                candidates: completions(analysis, &self.query),
                typed: self.query.clone(),
                next: 0,
            },
        };
        let Some(name) = completion
            .candidates
            .get(completion.next % completion.candidates.len().max(1))
            .cloned()
        else {
            return false;
        };
        completion.next += 1;
        self.set_query(name, article, analysis);
        self.completion = Some(completion);
        true
    }

    /// Enter: keeps the hits and gives the keys back.
    pub fn accept(&mut self) {
        self.editing = false;
        self.completion = None;
    }

    /// Moves to the next (or previous) hit; true when it wrapped around.
    pub fn step(&mut self, forward: bool) -> Option<bool> {
        let count = self.hits.len();
        let i = self.current?;
        let (next, wrapped) = match (forward, i) {
            (true, i) if i + 1 >= count => (0, true),
            (true, i) => (i + 1, false),
            (false, 0) => (count - 1, true),
            (false, i) => (i - 1, false),
        };
        self.current = Some(next);
        Some(wrapped)
    }

    /// "/kyiv 4/14", or "/kyiv: no match".
    #[must_use]
    pub fn label(&self) -> String {
        match self.current {
            Some(i) => format!("/{} {}/{}", self.query, i + 1, self.hits.len()),
            None if self.query.is_empty() => "/".to_owned(),
            None => format!("/{}: no match", self.query),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{Entity, EntityKind, Mention};

    fn article() -> Article {
        crate::article::load_bytes(
            "a.txt",
            "Talks\n\nPresident Trump met Ms Berg. Donald Trump said trumpets play. TRUMP!"
                .as_bytes(),
        )
        .unwrap()
    }

    fn analysis(article: &Article) -> Analysis {
        let body = &article.body;
        let at = |needle: &str| {
            let b = body.find(needle).unwrap();
            let s = body.get(..b).unwrap().chars().count();
            (s, s + needle.chars().count())
        };
        let mention = |(start, end): (usize, usize), entity| Mention {
            field: Field::Body,
            start,
            end,
            bytes: 0..0,
            text: String::new(),
            title: None,
            entity,
        };
        Analysis {
            mentions: vec![
                mention(at("President Trump"), 0),
                mention(at("Berg"), 1),
                mention(at("Donald Trump"), 0),
            ],
            entities: vec![
                Entity {
                    name: "Donald Trump".into(),
                    kind: EntityKind::Person,
                    aliases: vec!["President Trump".into()],
                    mentions: vec![0, 2],
                },
                Entity {
                    name: "Anna Berg".into(),
                    kind: EntityKind::Person,
                    aliases: vec!["Berg".into()],
                    mentions: vec![1],
                },
            ],
            ..Analysis::default()
        }
    }

    fn texts(article: &Article, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| {
                article
                    .body
                    .chars()
                    .skip(h.start)
                    .take(h.end - h.start)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn smart_case() {
        let a = article();
        let an = Analysis::default();
        assert_eq!(
            texts(&a, &find(&a, &an, "trump")),
            ["Trump", "Trump", "trump", "TRUMP"]
        );
        assert_eq!(texts(&a, &find(&a, &an, "Trump")), ["Trump", "Trump"]);
        assert!(is_case_sensitive("Kyiv") && !is_case_sensitive("kyiv"));
    }

    #[test]
    fn naming_an_entity_finds_its_mentions_merged_in_reading_order() {
        let a = article();
        let an = analysis(&a);
        let hits = find(&a, &an, "Trump");
        assert_eq!(texts(&a, &hits), ["President Trump", "Donald Trump"]);
        let hits = find(&a, &an, "trump");
        assert_eq!(
            texts(&a, &hits),
            ["President Trump", "Donald Trump", "trump", "TRUMP"]
        );
        assert!(hits.windows(2).all(|w| w[0] < w[1]));
        // Only whole words of a name count: "rum" is text only.
        assert_eq!(find(&a, &an, "rum").len(), 4);
    }

    #[test]
    fn steps_wrap_both_ways() {
        let a = article();
        let an = analysis(&a);
        let mut s = SearchState::new(Anchor::START);
        s.set_query("trump".into(), &a, &an);
        assert_eq!(s.current(), Some(0));
        assert_eq!(s.label(), "/trump 1/4");
        assert_eq!(s.step(false), Some(true));
        assert_eq!(s.current(), Some(3));
        assert_eq!(s.step(true), Some(true));
        assert_eq!(s.step(true), Some(false));
        assert_eq!(s.label(), "/trump 2/4");
        s.set_query("zzz".into(), &a, &an);
        assert_eq!(s.step(true), None);
        assert_eq!(s.label(), "/zzz: no match");
    }

    #[test]
    fn tab_completes_entity_names_and_cycles() {
        let a = article();
        let an = analysis(&a);
        assert_eq!(completions(&an, "tr"), ["Donald Trump", "President Trump"]);
        assert_eq!(completions(&an, "be"), ["Berg", "Anna Berg"]);
        let mut s = SearchState::new(Anchor::START);
        s.set_query("do".into(), &a, &an);
        assert!(s.complete(&a, &an));
        assert_eq!(s.query(), "Donald Trump");
        assert_eq!(s.hits().len(), 2);
        s.set_query("xq".into(), &a, &an);
        assert!(!s.complete(&a, &an));
    }

    #[test]
    fn offsets_are_chars_not_bytes() {
        let a =
            crate::article::load_bytes("a.txt", "T\n\nKyïv, Київ and Kyïv.".as_bytes()).unwrap();
        let hits = find(&a, &Analysis::default(), "kyïv");
        let body: Vec<char> = a.body.chars().collect();
        for h in &hits {
            let s: String = body[h.start..h.end].iter().collect();
            assert_eq!(s, "Kyïv");
        }
        assert_eq!(hits.len(), 2);
    }
}
