//! Analysis: an [`Article`] in, an [`Analysis`] out (tokens, sentences,
//! PERSON / PLACE / ORG mentions linked into entities, and quotes).
//!
//! The [`Analyzer`] runs named stages in order: segment (in [`Doc::new`]),
//! tag (a [`Tagger`]; by default the trained model wrapped in the rule and
//! gazetteer [`filters`]), link ([`link`]), quotes ([`quotes`]). This layer
//! knows no screen and no storage.

pub mod biluo;
pub mod doc;
pub mod features;
pub mod filters;
pub mod gazetteer;
pub mod link;
pub mod model;
pub mod perceptron;
pub mod quotes;
pub mod rules;
pub mod segment;

use std::ops::Range;

use crate::article::{Article, Field};
pub use doc::{Doc, Token};

/// The three entity kinds lede tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person (PERSON).
    Person,
    /// A place: country, city, region, landmark (PLACE).
    Place,
    /// An organization: company, agency, party, team, outlet (ORG).
    Organization,
}

impl EntityKind {
    /// All kinds, in sidebar order.
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
    ];

    /// The protocol label: `PERSON`, `PLACE` or `ORG`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Place => "PLACE",
            EntityKind::Organization => "ORG",
        }
    }

    /// The document name: `person`, `place` or `organization`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }

    /// Parses a label or name, case-insensitively (`PER`, `LOC`, `org`, ...).
    #[must_use]
    pub fn parse(text: &str) -> Option<EntityKind> {
        match text.to_ascii_lowercase().as_str() {
            "person" | "per" => Some(EntityKind::Person),
            "place" | "loc" | "location" | "gpe" => Some(EntityKind::Place),
            "org" | "organization" | "organisation" => Some(EntityKind::Organization),
            _ => None,
        }
    }
}

/// A tagger's output for one doc: a token range and its kind, before linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan {
    /// Tokens of the name itself ("Putin" in "President Putin").
    pub tokens: Range<usize>,
    /// What it names.
    pub kind: EntityKind,
    /// Title tokens directly before the name ("President"), kept on the mention
    /// but outside the span.
    pub title: Option<Range<usize>>,
}

impl EntitySpan {
    /// A span with no title before it: what taggers and filters propose.
    #[must_use]
    pub fn untitled(tokens: Range<usize>, kind: EntityKind) -> EntitySpan {
        EntitySpan {
            tokens,
            kind,
            title: None,
        }
    }
}

/// Anything that marks entity spans in a [`Doc`]: the rule tagger now, the
/// trained model later.
pub trait Tagger: Send + Sync {
    /// Non-overlapping spans in token order.
    fn tag(&self, doc: &Doc) -> Vec<EntitySpan>;

    /// Spans for all fields of one article (one list per doc, same order). A
    /// tagger may share evidence across fields (a name seen in full in the body
    /// makes a bare surname in a headline a name); the default tags each alone.
    fn tag_all(&self, docs: &[&Doc]) -> Vec<Vec<EntitySpan>> {
        docs.iter().map(|d| self.tag(d)).collect()
    }
}

/// One analysed text field.
#[derive(Debug, Clone)]
pub struct FieldDoc {
    /// Which field of the article.
    pub field: Field,
    /// Its tokens and sentences.
    pub doc: Doc,
}

/// One mention of an entity in one field. Offsets are chars into the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The field holding the mention.
    pub field: Field,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Byte range in the field (in memory only).
    pub bytes: Range<usize>,
    /// The mention's text as written.
    pub text: String,
    /// A title directly before it ("President"), if any.
    pub title: Option<String>,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
}

/// One entity: every mention of one person, place or organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest form seen ("Donald Trump").
    pub name: String,
    /// Person, place or organization.
    pub kind: EntityKind,
    /// Other forms seen ("Trump"), without the canonical name, in first-seen order.
    pub aliases: Vec<String>,
    /// Indices into [`Analysis::mentions`], in reading order.
    pub mentions: Vec<usize>,
}

/// A char range with its text, e.g. a quote's cue ("said").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSpan {
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// The text.
    pub text: String,
}

/// A direct quote and who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The field holding the quote (the body, nearly always).
    pub field: Field,
    /// Char offset of the first char of the quoted text (inside the marks).
    pub start: usize,
    /// Char offset one past its last char.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// Index into [`Analysis::entities`] of the speaker, when the text says who.
    pub speaker: Option<usize>,
    /// The attribution cue ("said", "according to"), when there is one.
    pub cue: Option<TextSpan>,
}

/// Everything lede learned about one article.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Each analysed field with its tokens.
    pub docs: Vec<FieldDoc>,
    /// All mentions, in field then reading order.
    pub mentions: Vec<Mention>,
    /// Linked entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Quotes in reading order.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// The speaker's canonical name of a quote, if known.
    #[must_use]
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote
            .speaker
            .and_then(|i| self.entities.get(i))
            .map(|e| e.name.as_str())
    }

    /// Total number of tokens over all fields.
    #[must_use]
    pub fn token_count(&self) -> usize {
        self.docs.iter().map(|d| d.doc.tokens().len()).sum()
    }
}

/// Runs the stages; holds the tagger so it is built once.
pub struct Analyzer {
    tagger: Box<dyn Tagger>,
}

impl Default for Analyzer {
    /// The embedded trained model ([`model::ModelTagger`]) with every filter
    /// ([`filters::FilterSet::all`]); the rule tagger only if the embedded
    /// model cannot be read (a broken build).
    fn default() -> Self {
        let tagger: Box<dyn Tagger> = match model::ModelTagger::embedded() {
            Ok(tagger) => Box::new(filters::FilteredTagger::new(
                Box::new(tagger),
                filters::FilterSet::all(),
            )),
            Err(_) => Box::new(rules::RuleTagger::new()),
        };
        Analyzer { tagger }
    }
}

impl Analyzer {
    /// An analyzer with a given tagger.
    #[must_use]
    pub fn with_tagger(tagger: Box<dyn Tagger>) -> Analyzer {
        Analyzer { tagger }
    }

    /// Analyses every field of an article; linking spans all fields.
    #[must_use]
    pub fn analyze(&self, article: &Article) -> Analysis {
        let docs = article
            .analysed_fields()
            .into_iter()
            .map(|(field, text)| FieldDoc {
                field,
                doc: Doc::new(text),
            })
            .collect();
        self.analyze_docs(docs)
    }

    /// Analyses one text exactly as given (the `lede tag --jsonl` path); the
    /// field is the body.
    #[must_use]
    pub fn analyze_text(&self, text: &str) -> Analysis {
        self.analyze_docs(vec![FieldDoc {
            field: Field::Body,
            doc: Doc::new(text),
        }])
    }

    fn analyze_docs(&self, docs: Vec<FieldDoc>) -> Analysis {
        let doc_refs: Vec<&Doc> = docs.iter().map(|d| &d.doc).collect();
        let spans: Vec<Vec<EntitySpan>> = self.tagger.tag_all(&doc_refs);
        let (mentions, entities) = link::link(&docs, &spans);
        let quotes = docs
            .iter()
            .flat_map(|d| quotes::extract(&d.doc, d.field, &mentions, &entities))
            .collect();
        Analysis {
            docs,
            mentions,
            entities,
            quotes,
        }
    }
}
