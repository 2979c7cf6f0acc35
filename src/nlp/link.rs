//! Linking: mentions of one entity share a canonical name.
//!
//! - People: full names ("Donald Trump") make the people. A name is split
//!   into given names and a surname by whitespace, so hyphenated surnames
//!   stay whole ("Okonjo-Reid"), and the surname keeps its lower-case
//!   particles ("van der Berg") (module `names`). A shorter name goes to the
//!   person with that surname (else to one whose name ends with it: "Reid",
//!   "Teixeira Pinto") who has the most mentions so far; a title narrows the
//!   choice first ("Mrs." is not a man; a person who carried "President" is
//!   preferred for "President Trump") and recency only breaks ties. A bare
//!   surname read before any of its people is mentioned (a headline) waits
//!   and goes to the first of them to be mentioned, counting from then on.
//!   Surnames that differ by one letter at the end merge ("Zelensky",
//!   "Zelenskyy"). A lone word that is nobody's surname but exactly one
//!   person's given name ("Kasper") is that person. A place or organization
//!   span that is just a known person's surname, and unknown to the
//!   gazetteers, is that person; a one-word person span that names nobody
//!   but starts an organization's name ("Northlake") is that organization. The canonical name is the fullest form seen.
//! - Spans are tidied first (module `spans`): a title inside a person span moves
//!   to the mention ("Cllr Tobias Hollis"), and a span never starts or ends
//!   inside a hyphenated name.
//! - Places and organizations: the gazetteer's canonical name ("US" ->
//!   "United States"), else the normalised text; an acronym in parentheses
//!   after an organization ("Baltic Energy Agency (BEA)"), or equal to its
//!   initials, is that organization. An organization written shorter, the
//!   first words of another one's name ("Northlake" of "Northlake Batteries
//!   Inc."), is the first such organization of the article. A place name in
//!   capitals ("TORONTO —" in a dateline) is that place, whatever its tag.
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

pub(crate) mod names;
mod spans;

use super::gazetteer::{Gazetteers, Gender};
use super::{Doc, Entity, EntityKind, EntitySpan, FieldDoc, Mention};
use names::PersonName;

/// Turns tagged spans (one list per doc, same order as `docs`) into mentions and
/// linked entities, in order of first mention.
#[must_use]
pub fn link(docs: &[FieldDoc], spans: &[Vec<EntitySpan>]) -> (Vec<Mention>, Vec<Entity>) {
    let gaz = Gazetteers::global();
    let spans: Vec<Vec<EntitySpan>> = docs
        .iter()
        .zip(spans)
        .map(|(fd, s)| spans::tidy(gaz, &fd.doc, s))
        .collect();
    let mut linker = Linker::new(gaz);
    linker.collect_full_names(docs, &spans);
    linker.collect_org_names(docs, &spans);
    let mut mentions = Vec::new();
    for (fd, doc_spans) in docs.iter().zip(&spans) {
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
                entity: cluster.unwrap_or(usize::MAX),
            });
            prev = cluster.map(|c| (c, span));
        }
    }
    linker.resolve_all_pending(&mut mentions);
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
    /// Person: the fullest name that made the cluster.
    name: Option<PersonName>,
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

    fn is_person(&self) -> bool {
        self.kind == Some(EntityKind::Person)
    }

    /// Same given name and surname (spelling variants allowed).
    fn has_full_name(&self, name: &PersonName) -> bool {
        let Some(mine) = &self.name else {
            return false;
        };
        match (mine.given(), name.given()) {
            (Some(a), Some(b)) => variant(a, b) && variant(&mine.surname(), &name.surname()),
            _ => false,
        }
    }

    fn has_surname(&self, surname: &str) -> bool {
        self.name
            .as_ref()
            .is_some_and(|n| variant(&n.surname(), surname))
    }
}

/// A bare surname read before any of the people it may name was mentioned
/// ("Haugland double ..." in a headline): decided once one of them is.
#[derive(Debug)]
struct Pending {
    mention: usize,
    candidates: Vec<usize>,
    title: Option<String>,
    text: String,
}

struct Linker {
    gaz: &'static Gazetteers,
    clusters: Vec<Cluster>,
    /// Place and organization clusters by (kind, key).
    by_key: HashMap<(EntityKind, String), usize>,
    /// Full-name person clusters, found before assignment.
    people: Vec<usize>,
    pending: Vec<Pending>,
    /// Every organization name of the article, in reading order.
    org_names: Vec<String>,
}

impl Linker {
    fn new(gaz: &'static Gazetteers) -> Linker {
        Linker {
            gaz,
            clusters: Vec::new(),
            by_key: HashMap::new(),
            people: Vec::new(),
            pending: Vec::new(),
            org_names: Vec::new(),
        }
    }

    /// First pass, organizations: their names in reading order.
    fn collect_org_names(&mut self, docs: &[FieldDoc], spans: &[Vec<EntitySpan>]) {
        for (fd, doc_spans) in docs.iter().zip(spans) {
            for span in doc_spans {
                if span.kind == EntityKind::Organization {
                    let text = fd.doc.span_text(span.tokens.clone());
                    if !self.org_names.iter().any(|n| n == text) {
                        self.org_names.push(text.to_owned());
                    }
                }
            }
        }
    }

    /// The first organization name that starts with the words of `text` and
    /// goes on ("Northlake" of "Northlake Batteries Inc."): `text` is that
    /// organization written shorter.
    fn longer_org(&self, text: &str) -> Option<&str> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() || text.chars().all(|c| !c.is_lowercase()) {
            return None; // acronyms are linked by their initials
        }
        self.org_names.iter().map(String::as_str).find(|name| {
            let theirs: Vec<&str> = name.split_whitespace().collect();
            theirs.len() > words.len() && theirs.starts_with(&words)
        })
    }

    /// First pass over all fields: one cluster per distinct full name, leaving
    /// out names that end a longer one ("Teixeira Pinto" of "Manuel Teixeira
    /// Pinto"), which are that person written shorter.
    fn collect_full_names(&mut self, docs: &[FieldDoc], spans: &[Vec<EntitySpan>]) {
        let names: Vec<PersonName> = docs
            .iter()
            .zip(spans)
            .flat_map(|(fd, s)| {
                s.iter()
                    .filter(|sp| sp.kind == EntityKind::Person)
                    .filter_map(|sp| PersonName::parse(fd.doc.span_text(sp.tokens.clone())))
            })
            .filter(PersonName::is_full)
            .collect();
        // Each distinct name once, and the shorter forms that end a longer
        // name in a set: a name repeated thousands of times (a hostile or
        // huge file) was compared with every other, quadratic in mentions.
        let mut seen = std::collections::HashSet::new();
        let names: Vec<PersonName> = names
            .into_iter()
            .filter(|n| {
                seen.insert((
                    n.given().map(str::to_owned),
                    n.surname(),
                    n.pieces().join(" "),
                ))
            })
            .collect();
        let endings: std::collections::HashSet<String> = names
            .iter()
            .flat_map(|n| {
                let pieces = n.pieces();
                (1..pieces.len())
                    .map(|k| pieces.get(k..).unwrap_or_default().join(" "))
                    .collect::<Vec<_>>()
            })
            .collect();
        for name in &names {
            if endings.contains(&name.pieces().join(" ")) {
                continue;
            }
            if self
                .people
                .iter()
                .any(|&c| self.clusters[c].has_full_name(name))
            {
                continue;
            }
            let gender = name.given().and_then(|g| self.gaz.first_name_gender(g));
            self.clusters.push(Cluster {
                kind: Some(EntityKind::Person),
                name: Some(name.clone()),
                gender,
                ..Cluster::default()
            });
            self.people.push(self.clusters.len() - 1);
        }
    }

    /// Second pass: the cluster of one span, in reading order; `None` when a
    /// bare surname waits for the person it names to be mentioned.
    fn assign(
        &mut self,
        doc: &Doc,
        span: &EntitySpan,
        prev: Option<(usize, &EntitySpan)>,
        mention: usize,
    ) -> Option<usize> {
        let text = doc.span_text(span.tokens.clone());
        let title = span.title.clone().map(|t| doc.span_text(t).to_owned());
        let shouted = self.shouted_place(text);
        let org_word = self.org_not_person(span.kind, text);
        let person = span.kind == EntityKind::Person && shouted.is_none() && org_word.is_none();
        let c = if person || self.is_known_surname(span.kind, text) {
            match self.person_cluster(text, span.kind, title.as_deref()) {
                Choice::Cluster(c) => c,
                Choice::Wait(candidates) => {
                    self.pending.push(Pending {
                        mention,
                        candidates,
                        title,
                        text: text.to_owned(),
                    });
                    return None;
                }
            }
        } else if let Some(org) = org_word {
            self.keyed_cluster(EntityKind::Organization, None, normalise(&org))
        } else if let Some(place) = shouted {
            self.keyed_cluster(EntityKind::Place, Some(place.clone()), place)
        } else {
            self.named_cluster(doc, span, span.kind, prev)
        };
        self.add_mention(c, mention, text, title);
        self.resolve_pending_for(c);
        Some(c)
    }

    fn add_mention(&mut self, c: usize, mention: usize, text: &str, title: Option<String>) {
        let gaz = self.gaz;
        let Some(cl) = self.clusters.get_mut(c) else {
            return;
        };
        cl.add_form(text);
        cl.mentions.push(mention);
        if let Some(t) = title {
            if cl.gender.is_none() {
                cl.gender = gaz.title_gender(&t);
            }
            if !cl.titles.contains(&t) {
                cl.titles.push(t);
            }
        }
    }

    /// A place or organization span that is just the surname of a person
    /// named in full ("Okonjo-Reid" tagged as an organization) and that the
    /// gazetteers do not know: that person.
    fn is_known_surname(&self, kind: EntityKind, text: &str) -> bool {
        if kind == EntityKind::Person || self.gaz.canonical(kind, text).is_some() {
            return false;
        }
        let all_caps = text.chars().all(|c| !c.is_lowercase());
        let Some(name) = PersonName::parse(text) else {
            return false;
        };
        !all_caps
            && !name.is_full()
            && self.people.iter().any(|&c| {
                self.clusters[c]
                    .name
                    .as_ref()
                    .is_some_and(|n| variant(&n.surname(), &name.surname()))
            })
    }

    fn person_cluster(&mut self, text: &str, kind: EntityKind, title: Option<&str>) -> Choice {
        let Some(name) = PersonName::parse(text) else {
            return Choice::Cluster(self.new_person(None, title));
        };
        if let Some(c) = self
            .people
            .iter()
            .copied()
            .find(|&c| self.clusters[c].has_full_name(&name))
        {
            return Choice::Cluster(c);
        }
        let candidates = self.surname_candidates(&name);
        if candidates.is_empty() {
            if let Some(c) = self.given_name_only(&name, kind) {
                return Choice::Cluster(c);
            }
            return Choice::Cluster(self.new_person(Some(name), title));
        }
        let pool = self.allowed(&candidates, title);
        if !pool.is_empty() && pool.iter().all(|&c| self.clusters[c].mentions.is_empty()) {
            return Choice::Wait(candidates);
        }
        match self.pick_person(&pool) {
            Some(c) => Choice::Cluster(c),
            None => Choice::Cluster(self.new_person(Some(name), title)),
        }
    }

    fn new_person(&mut self, name: Option<PersonName>, title: Option<&str>) -> usize {
        let gender = name
            .as_ref()
            .and_then(PersonName::given)
            .and_then(|g| self.gaz.first_name_gender(g))
            .or_else(|| title.and_then(|t| self.gaz.title_gender(t)));
        self.clusters.push(Cluster {
            kind: Some(EntityKind::Person),
            name,
            gender,
            ..Cluster::default()
        });
        self.clusters.len() - 1
    }

    /// People a shorter name may be: those with that surname, else those
    /// whose name ends with it ("Reid" for "Graham Okonjo-Reid").
    fn surname_candidates(&self, name: &PersonName) -> Vec<usize> {
        let surname = name.surname();
        let people = || (0..self.clusters.len()).filter(|&c| self.clusters[c].is_person());
        let exact: Vec<usize> = people()
            .filter(|&c| self.clusters[c].has_surname(&surname))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        people()
            .filter(|&c| {
                self.clusters[c]
                    .name
                    .as_ref()
                    .is_some_and(|full| name.ends(full))
            })
            .collect()
    }

    /// "Kasper" when it is nobody's surname but the given name of exactly one
    /// person named in full.
    fn given_name_only(&self, name: &PersonName, kind: EntityKind) -> Option<usize> {
        if name.is_full() || kind != EntityKind::Person {
            return None;
        }
        let word = name.surname();
        let mut found = self.people.iter().copied().filter(|&c| {
            let given = self.clusters[c].name.as_ref().and_then(PersonName::given);
            given == Some(word.as_str())
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Candidates a title allows: not of the other gender than the title's;
    /// those who carried the same title when any did.
    fn allowed(&self, candidates: &[usize], title: Option<&str>) -> Vec<usize> {
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
        if same_title.is_empty() {
            allowed
        } else {
            same_title
        }
    }

    /// The most mentioned so far; the most recently mentioned among equals.
    fn pick_person(&self, pool: &[usize]) -> Option<usize> {
        pool.iter().copied().max_by_key(|&c| {
            let cl = &self.clusters[c];
            (cl.mentions.len(), cl.mentions.iter().max().copied())
        })
    }

    /// Decides the waiting bare surnames that may name cluster `c`, now that
    /// it has a mention: the title allows it, so it leads the count.
    fn resolve_pending_for(&mut self, c: usize) {
        let waiting = std::mem::take(&mut self.pending);
        for p in waiting {
            if !p.candidates.contains(&c) {
                self.pending.push(p);
                continue;
            }
            let pool = self.allowed(&p.candidates, p.title.as_deref());
            match self.pick_person(&pool) {
                Some(best) if !self.clusters[best].mentions.is_empty() => {
                    self.add_mention(best, p.mention, &p.text, p.title);
                }
                _ => self.pending.push(p),
            }
        }
    }

    /// Bare surnames still waiting at the end (the title ruled out everyone
    /// mentioned): the best candidate by count, else a person of their own.
    fn resolve_all_pending(&mut self, mentions: &mut [Mention]) {
        for p in std::mem::take(&mut self.pending) {
            let pool = self.allowed(&p.candidates, p.title.as_deref());
            let c = match self.pick_person(&pool) {
                Some(c) => c,
                None => self.new_person(PersonName::parse(&p.text), p.title.as_deref()),
            };
            self.add_mention(c, p.mention, &p.text, p.title);
        }
        for (c, cl) in self.clusters.iter_mut().enumerate() {
            cl.mentions.sort_unstable();
            for &m in &cl.mentions {
                if let Some(mention) = mentions.get_mut(m) {
                    mention.entity = c;
                }
            }
        }
    }

    /// A one-word person span that names nobody else in the article but
    /// starts an organization's name ("Northlake" beside "Northlake
    /// Batteries Inc."): that organization's name. Places are left alone:
    /// many organizations start with one ("Easton Neighbours").
    fn org_not_person(&self, kind: EntityKind, text: &str) -> Option<String> {
        if kind != EntityKind::Person || text.split_whitespace().count() != 1 {
            return None;
        }
        let name = PersonName::parse(text)?;
        let someone = !self.surname_candidates(&name).is_empty()
            || self
                .people
                .iter()
                .any(|&c| self.clusters[c].name.as_ref().and_then(PersonName::given) == Some(text));
        if someone {
            return None;
        }
        self.longer_org(text).map(str::to_owned)
    }

    /// The gazetteer name of a place written in capitals ("TORONTO" in a
    /// dateline), whatever the span was tagged as; acronyms of three letters
    /// or fewer are left alone.
    fn shouted_place(&self, text: &str) -> Option<String> {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 || text.chars().any(char::is_lowercase) {
            return None;
        }
        if self.gaz.canonical(EntityKind::Organization, text).is_some() {
            return None;
        }
        let titled = title_case(text);
        self.gaz
            .canonical(EntityKind::Place, &titled)
            .map(str::to_owned)
    }

    /// The place or organization cluster of `key`, made when new.
    fn keyed_cluster(&mut self, kind: EntityKind, fixed: Option<String>, key: String) -> usize {
        if let Some(&c) = self.by_key.get(&(kind, key.clone())) {
            return c;
        }
        self.clusters.push(Cluster {
            kind: Some(kind),
            fixed_name: fixed,
            ..Cluster::default()
        });
        let c = self.clusters.len() - 1;
        self.by_key.insert((kind, key), c);
        c
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
        let longer = match (&fixed, kind) {
            (None, EntityKind::Organization) => self.longer_org(text),
            _ => None,
        };
        let key = (
            kind,
            fixed
                .clone()
                .unwrap_or_else(|| normalise(longer.unwrap_or(text))),
        );
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

/// What a person mention links to.
enum Choice {
    Cluster(usize),
    /// Nobody it may name has been mentioned yet: wait for one of these.
    Wait(Vec<usize>),
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

/// "NEW YORK" -> "New York", "ST. THOMAS" -> "St. Thomas".
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric() && c != '\'';
    }
    out
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
