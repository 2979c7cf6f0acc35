//! Who said a quote: the attribution rules, tried in a fixed order.
//!
//! 1. A reporting verb outside the quote, in the clause right after it or
//!    right before it, with a named subject ("Trump wrote", "said Jane Roe",
//!    "the White House said", "Roe told reporters").
//! 2. "according to X".
//! 3. A colon introduction: `Roe: "..."`.
//! 4. A pronoun subject of the verb (he, she, they, it), resolved to the most
//!    recent fitting mention of the same or the previous paragraph. "I" and
//!    "we" are never speakers: the speaker stays unknown. "He" never fits a
//!    woman nor "she" a man; a person's gender comes from a title, else from
//!    the text (a kinship apposition, "X said she ...", or a "he"/"she" an
//!    earlier quote resolved to them, see module `gender`), else from the given
//!    name; a person of unknown gender fits both.
//! 5. Carry-over (decided by the caller): a quote-only paragraph or sentence
//!    right after an attributed quote inherits its speaker.
//!
//! A subject maps to an entity through the mention covering one of its tokens,
//! so a surname-only mention the linker tied to a full name names that person.

use std::collections::HashMap;
use std::ops::Range;

use super::cues::is_cue_verb;
use super::gender;
use super::marks::{self, Span};
use crate::article::Field;
use crate::nlp::gazetteer::{Gazetteers, Gender};
use crate::nlp::{Doc, Entity, EntityKind, Mention, TextSpan};

/// Most tokens of a clause searched on either side of a quote.
const WINDOW_TOKENS: usize = 30;
/// Most tokens searched after a verb for an inverted subject ("said Jane Roe").
const INVERTED_SUBJECT_TOKENS: usize = 6;
/// Most tokens between a quote mark and a verb for the verb to count as
/// directly attached (which lets a short quote through the scare-quote filter).
const ADJACENT_TOKENS: usize = 4;

/// Words before a noun; a "cue verb" after one is a noun ("his comments").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "whose", "no", "any", "every",
];

/// Conjunctions that start a new clause between a quote and a verb.
const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "because", "although",
];

const MALE_TITLES: &[&str] = &["mr", "sir", "lord", "king", "prince", "father", "brother"];
const FEMALE_TITLES: &[&str] = &[
    "mrs", "ms", "miss", "lady", "queen", "princess", "dame", "madam", "sister",
];

/// The outcome of attributing one quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Attribution {
    /// Index into the entities.
    pub speaker: Option<usize>,
    /// The verb or "according to".
    pub cue: Option<TextSpan>,
    /// The attribution sits right next to the quote (`"No," she said`).
    pub adjacent: bool,
    /// The subject was "I" or "we": attributed, to nobody lede names.
    self_reference: bool,
}

impl Attribution {
    /// A speaker inherited from the previous quote.
    pub(crate) fn carried(speaker: usize) -> Attribution {
        Attribution {
            speaker: Some(speaker),
            ..Attribution::default()
        }
    }

    /// Nothing in the text attributes the quote.
    pub(crate) fn is_none(&self) -> bool {
        self.speaker.is_none() && self.cue.is_none() && !self.self_reference
    }
}

/// Who a subject noun phrase points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// A mention of this entity.
    Named(usize),
    /// A third-person pronoun at this token.
    Pronoun(usize),
    /// "I" or "we".
    SelfReference,
}

/// Which side of the quote a clause lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    After,
    Before,
}

/// A verb with what was found for its subject.
#[derive(Debug, Clone)]
struct CueHit {
    cue: TextSpan,
    subject: Option<Subject>,
    adjacent: bool,
}

/// One field's text, tokens and mentions, ready for attribution.
pub(crate) struct Context<'a> {
    doc: &'a Doc,
    chars: &'a [char],
    mentions: &'a [Mention],
    entities: &'a [Entity],
    /// Indices into `mentions` of this field's mentions outside quotes, by start.
    local: Vec<usize>,
    /// Char ranges (marks included) of every real quote; clauses stop there.
    barriers: Vec<Range<usize>>,
    /// Char ranges of every span, scare quotes included; their words are
    /// never verbs or subjects of an attribution.
    quoted: Vec<Range<usize>>,
    paragraphs: Vec<Range<usize>>,
    /// Genders (`true` male) the text tells: kinship appositions, "said
    /// she", and pronouns that earlier quotes resolved to a person.
    learned: HashMap<usize, bool>,
}

impl<'a> Context<'a> {
    /// Prepares attribution for one field.
    pub(crate) fn new(
        doc: &'a Doc,
        chars: &'a [char],
        field: Field,
        mentions: &'a [Mention],
        entities: &'a [Entity],
        barriers: Vec<Range<usize>>,
        quoted: Vec<Range<usize>>,
    ) -> Context<'a> {
        let mut local: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                let m = &mentions[i];
                m.field == field && m.entity < entities.len() && !in_sorted(&barriers, m.start)
            })
            .collect();
        local.sort_by_key(|&i| mentions[i].start);
        let learned = gender::from_text(doc, mentions, entities, &local);
        Context {
            doc,
            chars,
            mentions,
            entities,
            local,
            barriers,
            quoted,
            paragraphs: marks::paragraphs(chars),
            learned,
        }
    }

    /// Attributes one quote by rules 1 to 4.
    pub(crate) fn attribute(&mut self, span: &Span) -> Attribution {
        let after = self.after_clause(span);
        let before = self.before_window(span.open);
        let hits = [
            self.first_cue(after.clone(), Side::After),
            self.first_cue(before.clone(), Side::Before),
        ];
        for hit in hits.iter().flatten() {
            if let Some(Subject::Named(entity)) = hit.subject {
                return found(Some(entity), Some(hit.cue.clone()), hit.adjacent);
            }
        }
        for (window, side) in [(after, Side::After), (before.clone(), Side::Before)] {
            if let Some(attribution) = self.according_to(window, side) {
                return attribution;
            }
        }
        if let Some(mut attribution) = self.colon_intro(before) {
            // `She said: "..."`: the verb right before the colon is the cue.
            if let Some(hit) = hits[1].as_ref().filter(|h| h.adjacent) {
                attribution.cue = Some(hit.cue.clone());
            }
            return attribution;
        }
        for hit in hits.iter().flatten() {
            match hit.subject {
                Some(Subject::Pronoun(token)) => {
                    let speaker = self.resolve_pronoun(token);
                    self.learn(token, speaker);
                    return found(speaker, Some(hit.cue.clone()), hit.adjacent);
                }
                Some(Subject::SelfReference) => {
                    return Attribution {
                        self_reference: true,
                        ..found(None, Some(hit.cue.clone()), hit.adjacent)
                    };
                }
                _ => {}
            }
        }
        hits.into_iter()
            .flatten()
            .next()
            .map_or_else(Attribution::default, |hit| {
                found(None, Some(hit.cue), hit.adjacent)
            })
    }

    /// The clause after a quote's closing mark. `"... final." Roe said
    /// later`: a full stop inside the marks and a capital after them start a
    /// new sentence, so there is none.
    fn after_clause(&self, span: &Span) -> Range<usize> {
        let Some(close) = span.close else {
            return 0..0;
        };
        let after = self.after_window(close);
        let ends_sentence = self.chars.get(span.content.end.saturating_sub(1)) == Some(&'.');
        let capital = self
            .word(after.start)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if ends_sentence && capital {
            0..0
        } else {
            after
        }
    }

    /// Whether `span` may inherit `speaker`, the speaker of `previous` (rule
    /// 5): it is alone in the next paragraph, or it starts a sentence of the
    /// same one; and nobody else is named between the two.
    pub(crate) fn carries_over(&self, previous: &Span, span: &Span, speaker: usize) -> bool {
        let prev_end = previous.close.unwrap_or(previous.content.end);
        let (Some(prev_para), Some(this_para)) =
            (self.paragraph_of(prev_end), self.paragraph_of(span.open))
        else {
            return false;
        };
        let placed = if this_para == prev_para {
            self.before_window(span.open).is_empty()
        } else {
            this_para == prev_para + 1 && self.alone_in_paragraph(span, this_para)
        };
        let from = self
            .local
            .partition_point(|&m| self.mentions[m].start < prev_end);
        let someone_else = self
            .local
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .map(|&m| &self.mentions[m])
            .take_while(|m| m.start < span.open)
            .any(|m| m.entity != speaker);
        placed && !someone_else
    }

    fn alone_in_paragraph(&self, span: &Span, para: usize) -> bool {
        let Some(range) = self.paragraphs.get(para) else {
            return false;
        };
        let outer = span.outer();
        range
            .clone()
            .filter(|i| !outer.contains(i))
            .all(|i| self.chars.get(i).is_none_or(|c| !c.is_alphanumeric()))
    }

    fn paragraph_of(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= pos);
        (i < self.paragraphs.len()).then_some(i)
    }

    fn word(&self, i: usize) -> &str {
        if i < self.doc.tokens().len() {
            self.doc.token_text(i)
        } else {
            ""
        }
    }

    fn in_barrier(&self, pos: usize) -> bool {
        in_sorted(&self.barriers, pos)
    }

    /// Token `i` lies inside some quote marks (a scare quote, say).
    fn is_quoted(&self, i: usize) -> bool {
        self.doc
            .tokens()
            .get(i)
            .is_some_and(|t| in_sorted(&self.quoted, t.start))
    }

    /// Tokens after a closing mark up to the end of the clause: a sentence
    /// end, a line break or another quote.
    fn after_window(&self, close: usize) -> Range<usize> {
        let tokens = self.doc.tokens();
        let first = tokens.partition_point(|t| t.start <= close);
        if first == 0 || tokens.get(first - 1).is_some_and(|t| t.newline_after) {
            return first..first;
        }
        let mut end = first;
        while let Some(t) = tokens.get(end) {
            if end - first >= WINDOW_TOKENS
                || self.in_barrier(t.start)
                || is_terminal(self.word(end))
            {
                break;
            }
            end += 1;
            if t.newline_after {
                break;
            }
        }
        first..end
    }

    /// Tokens before an opening mark back to the start of the clause.
    fn before_window(&self, open: usize) -> Range<usize> {
        let tokens = self.doc.tokens();
        let last = tokens.partition_point(|t| t.end <= open);
        let mut start = last;
        while start > 0 && last - start < WINDOW_TOKENS {
            let Some(t) = tokens.get(start - 1) else {
                break;
            };
            // A paragraph ending in a colon introduces the quote below it.
            let colon_line = start == last && self.word(start - 1) == ":";
            if (t.newline_after && !colon_line)
                || self.in_barrier(t.start)
                || is_terminal(self.word(start - 1))
            {
                break;
            }
            start -= 1;
        }
        start..last
    }

    /// The reporting verb nearest the quote in a window that has a subject,
    /// else the nearest one without.
    fn first_cue(&self, window: Range<usize>, side: Side) -> Option<CueHit> {
        let order: Vec<usize> = match side {
            Side::After => window.clone().collect(),
            Side::Before => window.clone().rev().collect(),
        };
        let mut bare = None;
        for k in order
            .into_iter()
            .filter(|&k| !self.is_quoted(k) && self.is_cue(k))
        {
            let hit = CueHit {
                cue: self.token_span(k..k + 1),
                subject: self.subject_of(k, &window),
                adjacent: self.is_adjacent(k, &window, side),
            };
            if hit.subject.is_some() {
                return Some(hit);
            }
            bare.get_or_insert(hit);
        }
        bare
    }

    fn is_cue(&self, k: usize) -> bool {
        let word = self.word(k);
        let lower_case = word.chars().next().is_some_and(char::is_lowercase);
        let after_determiner = k
            .checked_sub(1)
            .is_some_and(|p| DETERMINERS.contains(&self.word(p).to_lowercase().as_str()));
        lower_case && !after_determiner && is_cue_verb(word)
    }

    /// A verb within a few tokens of the mark, with no new clause between.
    fn is_adjacent(&self, k: usize, window: &Range<usize>, side: Side) -> bool {
        let between = match side {
            Side::After => window.start..k,
            Side::Before => {
                let last = window.end.saturating_sub(1);
                if !matches!(self.word(last), "," | ":") {
                    return false;
                }
                k + 1..last
            }
        };
        between.len() <= ADJACENT_TOKENS
            && between
                .clone()
                .all(|i| !CLAUSE_BREAKS.contains(&self.word(i).to_lowercase().as_str()))
    }

    /// The subject of the verb at `k`: before it, else just after it.
    fn subject_of(&self, k: usize, window: &Range<usize>) -> Option<Subject> {
        // "Roe, who met Ash, said" / "Roe, a friend of Ash, said": the
        // inserted clause is searched only after the words before it.
        let inserted = self.inserted_clause(window.start, k);
        let cut = inserted.map_or(k, |c| c);
        let mut before: Vec<usize> = (window.start..cut).rev().collect();
        before.extend((cut..k).rev());
        if let Some(subject) = self.scan(&before, Some(k)) {
            return Some(subject);
        }
        let end = window.end.min(k + 1 + INVERTED_SUBJECT_TOKENS);
        let after: Vec<usize> = (k + 1..end).collect();
        self.scan(&after, None)
    }

    /// Start of a comma-enclosed relative clause or apposition right before
    /// the verb at `k` ("..., who met Ash," / "..., 45," / "..., a friend of
    /// Ash,"), when it opens with a lower-case word or a number.
    fn inserted_clause(&self, start: usize, k: usize) -> Option<usize> {
        let close = k
            .checked_sub(1)
            .filter(|&c| c > start && self.word(c) == ",")?;
        let open = (start..close).rev().find(|&i| self.word(i) == ",")?;
        let first = self.word(open + 1).chars().next()?;
        (open > start && (first.is_lowercase() || first.is_numeric())).then_some(open)
    }

    /// The first person mention or pronoun among `tokens`, else the first
    /// organization (or a place right before the verb `verb`).
    fn scan(&self, tokens: &[usize], verb: Option<usize>) -> Option<Subject> {
        let mut fallback: Option<usize> = None;
        for &i in tokens.iter().filter(|&&i| !self.is_quoted(i)) {
            if let Some(m) = self.mention_at(i) {
                let mention = &self.mentions[m];
                match self.entities[mention.entity].kind {
                    EntityKind::Person => return Some(Subject::Named(mention.entity)),
                    EntityKind::Organization => {
                        fallback.get_or_insert(mention.entity);
                    }
                    EntityKind::Place => {
                        let next_is_verb = verb.is_some_and(|v| {
                            self.doc
                                .tokens()
                                .get(v)
                                .is_some_and(|t| t.start >= mention.end)
                                && (i + 1..v).all(|j| self.mention_at(j) == Some(m))
                        });
                        if next_is_verb {
                            fallback.get_or_insert(mention.entity);
                        }
                    }
                }
                continue;
            }
            match self.word(i).to_lowercase().as_str() {
                "he" | "she" | "they" | "it" => {
                    return Some(fallback.map_or(Subject::Pronoun(i), Subject::Named));
                }
                "i" | "we" => return Some(Subject::SelfReference),
                _ => {}
            }
        }
        fallback.map(Subject::Named)
    }

    /// The field mention covering token `i`, as an index into `mentions`.
    fn mention_at(&self, i: usize) -> Option<usize> {
        let t = self.doc.tokens().get(i)?;
        let n = self
            .local
            .partition_point(|&m| self.mentions[m].start <= t.start);
        let m = *self.local.get(n.checked_sub(1)?)?;
        (t.start < self.mentions[m].end).then_some(m)
    }

    /// Rule 2: "according to X" in the clause.
    fn according_to(&self, window: Range<usize>, side: Side) -> Option<Attribution> {
        let k = window.clone().find(|&k| {
            self.word(k).eq_ignore_ascii_case("according")
                && k + 1 < window.end
                && self.word(k + 1).eq_ignore_ascii_case("to")
        })?;
        let end = window.end.min(k + 2 + INVERTED_SUBJECT_TOKENS);
        let mut speaker = None;
        for i in k + 2..end {
            if let Some(m) = self.mention_at(i) {
                speaker = Some(self.mentions[m].entity);
                break;
            }
            if matches!(
                self.word(i).to_lowercase().as_str(),
                "him" | "her" | "them" | "it"
            ) {
                speaker = self.resolve_pronoun(i);
                break;
            }
        }
        let adjacent = self.is_adjacent(k, &window, side);
        Some(found(speaker, Some(self.token_span(k..k + 2)), adjacent))
    }

    /// Rule 3: `Name: "..."`.
    fn colon_intro(&self, before: Range<usize>) -> Option<Attribution> {
        let colon = before.end.checked_sub(1)?;
        if before.is_empty() || self.word(colon) != ":" {
            return None;
        }
        let tokens: Vec<usize> = (before.start..colon).rev().collect();
        let speaker = match self.scan(&tokens, None)? {
            Subject::Named(e) => Some(e),
            Subject::Pronoun(i) => self.resolve_pronoun(i),
            Subject::SelfReference => None,
        };
        Some(Attribution {
            speaker,
            cue: None,
            adjacent: true,
            self_reference: speaker.is_none(),
        })
    }

    /// Rule 4: the most recent fitting mention before the pronoun at token
    /// `i`, in its paragraph or the one before.
    fn resolve_pronoun(&self, i: usize) -> Option<usize> {
        let pos = self.doc.tokens().get(i)?.start;
        let word = self.word(i).to_lowercase();
        let para = self.paragraph_of(pos)?;
        let scope = self.paragraphs.get(para.saturating_sub(1))?.start;
        let upto = self
            .local
            .partition_point(|&m| self.mentions[m].start < pos);
        self.local
            .get(..upto)?
            .iter()
            .rev()
            .map(|&m| &self.mentions[m])
            .take_while(|m| m.start >= scope)
            .find(|m| self.fits(&word, m.entity))
            .map(|m| m.entity)
    }

    /// A "he" or "she" at token `i` resolved to `speaker`: that is the
    /// speaker's gender from now on, unless something told it already.
    fn learn(&mut self, i: usize, speaker: Option<usize>) {
        let Some(entity) = speaker else {
            return;
        };
        let male = match self.word(i).to_lowercase().as_str() {
            "he" => true,
            "she" => false,
            _ => return,
        };
        if self.gender(entity).is_none() {
            self.learned.insert(entity, male);
        }
    }

    fn fits(&self, pronoun: &str, entity: usize) -> bool {
        let kind = self.entities[entity].kind;
        match pronoun {
            "he" | "him" => kind == EntityKind::Person && self.gender(entity) != Some(false),
            "she" | "her" => kind == EntityKind::Person && self.gender(entity) != Some(true),
            "they" | "them" => matches!(kind, EntityKind::Person | EntityKind::Organization),
            _ => kind == EntityKind::Organization,
        }
    }

    /// `Some(true)` male, `Some(false)` female: from a title on any mention
    /// ("Mr", "Ms", "Queen"), else from what the text told (see
    /// [`gender`]), else from the canonical name's given name.
    fn gender(&self, entity: usize) -> Option<bool> {
        let gaz = Gazetteers::global();
        let male = |g: Gender| g == Gender::Male;
        let e = &self.entities[entity];
        e.mentions
            .iter()
            .filter_map(|&m| self.mentions.get(m)?.title.as_deref())
            .find_map(|title| {
                let t = title.trim_end_matches('.').to_lowercase();
                if MALE_TITLES.contains(&t.as_str()) {
                    Some(true)
                } else if FEMALE_TITLES.contains(&t.as_str()) {
                    Some(false)
                } else {
                    gaz.title_gender(title).map(male)
                }
            })
            .or_else(|| self.learned.get(&entity).copied())
            .or_else(|| {
                let mut words = e.name.split_whitespace();
                let first = words.next()?;
                words.next()?; // a lone surname says nothing
                gaz.first_name_gender(first).map(male)
            })
    }

    fn token_span(&self, tokens: Range<usize>) -> TextSpan {
        let range = self.doc.char_range(tokens);
        TextSpan {
            start: range.start,
            end: range.end,
            text: self.chars.get(range).unwrap_or(&[]).iter().collect(),
        }
    }
}

fn found(speaker: Option<usize>, cue: Option<TextSpan>, adjacent: bool) -> Attribution {
    Attribution {
        speaker,
        cue,
        adjacent,
        self_reference: false,
    }
}

/// Whether `pos` lies in one of `ranges` (sorted, not overlapping).
fn in_sorted(ranges: &[Range<usize>], pos: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= pos);
    ranges.get(i).is_some_and(|r| r.contains(&pos))
}

fn is_terminal(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | ';'))
}
