//! Analysis: an [`Article`] in, an [`Analysis`] out (tokens, sentences,
//! PERSON / PLACE / ORG mentions linked into entities, and quotes).
//!
//! The [`Analyzer`] runs named stages in order: segment (in [`Doc::new`]),
//! tag (a [`Tagger`]; by default the trained model wrapped in the rule and
//! gazetteer [`filters`]), link ([`link`]), quotes ([`quotes`]). This layer
//! knows no screen and no storage.

pub mod biluo;
pub mod clusters;
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

/// Default analysis cap: the first 2 MiB of each field are analysed.
pub const DEFAULT_MAX_ANALYSIS: usize = 2 * 1024 * 1024;

/// The analysis cap from `LEDE_MAX_ANALYSIS` (bytes per field), else
/// [`DEFAULT_MAX_ANALYSIS`].
#[must_use]
pub fn max_analysis_from_env() -> usize {
    std::env::var("LEDE_MAX_ANALYSIS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_ANALYSIS)
}

/// Runs the stages; holds the tagger so it is built once.
pub struct Analyzer {
    tagger: Box<dyn Tagger>,
    max_bytes: usize,
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
        Analyzer::with_tagger(tagger)
    }
}

impl Analyzer {
    /// An analyzer with a given tagger, capped by `LEDE_MAX_ANALYSIS`.
    #[must_use]
    pub fn with_tagger(tagger: Box<dyn Tagger>) -> Analyzer {
        Analyzer {
            tagger,
            max_bytes: max_analysis_from_env(),
        }
    }

    /// The same analyzer with another per-field cap in bytes.
    #[must_use]
    pub fn with_max_analysis(mut self, max_bytes: usize) -> Analyzer {
        self.max_bytes = max_bytes;
        self
    }

    /// The per-field cap in bytes: only the first this many bytes of a field
    /// are analysed (see [`analysis_cut`]).
    #[must_use]
    pub fn max_analysis(&self) -> usize {
        self.max_bytes
    }

    /// Analyses every field of an article; linking spans all fields. A field
    /// over the cap is analysed up to [`analysis_cut`]; offsets stay valid for
    /// the whole field, and [`Analyzer::limited_fields`] says which were cut.
    #[must_use]
    pub fn analyze(&self, article: &Article) -> Analysis {
        let docs = article
            .analysed_fields()
            .into_iter()
            .map(|(field, text)| FieldDoc {
                field,
                doc: Doc::new(self.analysed_part(text)),
            })
            .collect();
        self.analyze_docs(docs)
    }

    /// Analyses one text exactly as given (the `lede tag --jsonl` path); the
    /// field is the body. Over the cap, only its first part is analysed.
    #[must_use]
    pub fn analyze_text(&self, text: &str) -> Analysis {
        self.analyze_docs(vec![FieldDoc {
            field: Field::Body,
            doc: Doc::new(self.analysed_part(text)),
        }])
    }

    /// The fields of `article` this analyzer analyses only in part, with the
    /// bytes analysed and the field's full size, in reading order.
    #[must_use]
    pub fn limited_fields(&self, article: &Article) -> Vec<Limited> {
        limited_fields(article, self.max_bytes)
    }

    fn analysed_part<'t>(&self, text: &'t str) -> &'t str {
        text.get(..analysis_cut(text, self.max_bytes))
            .unwrap_or(text)
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

/// A field analysed only in part because it is over the analysis cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    /// The field.
    pub field: Field,
    /// Bytes at its start that were analysed.
    pub analysed: usize,
    /// Its full size in bytes.
    pub total: usize,
}

impl Limited {
    /// The one-line notice shown for it: "analysed the first 2.0 MiB of body
    /// (25.3 MiB); the rest is shown unanalysed".
    #[must_use]
    pub fn notice(&self) -> String {
        format!(
            "analysed the first {} of {} ({}); the rest is shown unanalysed",
            human_size(self.analysed),
            self.field.name(),
            human_size(self.total)
        )
    }
}

/// The fields of `article` over `max_bytes`, as [`Analyzer::analyze`] cuts them.
#[must_use]
pub fn limited_fields(article: &Article, max_bytes: usize) -> Vec<Limited> {
    article
        .analysed_fields()
        .into_iter()
        .filter(|(_, text)| text.len() > max_bytes)
        .map(|(field, text)| Limited {
            field,
            analysed: analysis_cut(text, max_bytes),
            total: text.len(),
        })
        .collect()
}

/// The one-line notice for an article with fields over `max_bytes`: the first
/// such field, and how many more there are; `None` when all fit.
#[must_use]
pub fn limit_notice(article: &Article, max_bytes: usize) -> Option<String> {
    let limited = limited_fields(article, max_bytes);
    let first = limited.first()?;
    Some(match limited.len() {
        1 => first.notice(),
        n => format!("{} (and {} more fields)", first.notice(), n - 1),
    })
}

/// Bytes of `text` to analyse under a cap of `max_bytes`: all of it when it
/// fits, else a cut on a char boundary at or before the cap, moved back to the
/// last paragraph break, line break or sentence end in the final quarter so
/// no sentence is analysed half.
#[must_use]
pub fn analysis_cut(text: &str, max_bytes: usize) -> usize {
    if text.len() <= max_bytes {
        return text.len();
    }
    let mut cut = max_bytes;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or("");
    let floor = cut - cut / 4;
    let boundary = ["\n\n", "\n", ". ", "! ", "? "].iter().find_map(|mark| {
        head.rfind(mark)
            .map(|i| i + mark.len())
            .filter(|&i| i >= floor)
    });
    boundary.unwrap_or(cut)
}

/// A byte count as people read it: `512 B`, `2.0 KiB`, `25.3 MiB`.
fn human_size(bytes: usize) -> String {
    const KIB: f64 = 1024.0;
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if b >= KIB * KIB {
        format!("{:.1} MiB", b / (KIB * KIB))
    } else if b >= KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_stops_at_a_boundary() {
        assert_eq!(analysis_cut("short", 100), 5);
        let text = "One sentence here. Two sentence here. Three";
        let cut = analysis_cut(text, 40);
        assert_eq!(
            text.get(..cut),
            Some("One sentence here. Two sentence here. ")
        );
        // No boundary in the last quarter: cut on a char boundary at the cap.
        let long = "é".repeat(50);
        let cut = analysis_cut(&long, 33);
        assert_eq!(cut, 32);
        assert_eq!(analysis_cut(&long, 0), 0);
    }

    #[test]
    fn analyzer_sees_only_the_first_part_and_offsets_fit_the_whole() {
        let text = format!(
            "Angela Merkel met Emmanuel Macron in Paris.\n\n{}Angela Merkel spoke.",
            "Filler words here. ".repeat(20)
        );
        let analyzer =
            Analyzer::with_tagger(Box::new(rules::RuleTagger::new())).with_max_analysis(60);
        let analysis = analyzer.analyze_text(&text);
        let chars: Vec<char> = text.chars().collect();
        assert!(!analysis.mentions.is_empty());
        for m in &analysis.mentions {
            assert!(m.end <= 60, "mention past the cap: {m:?}");
            let slice: String = chars.get(m.start..m.end).unwrap_or(&[]).iter().collect();
            assert_eq!(slice, m.text);
        }
        let article = crate::article::load_bytes("a.txt", text.as_bytes()).unwrap();
        let limited = analyzer.limited_fields(&article);
        assert_eq!(limited.len(), 1);
        assert_eq!(limited[0].field, Field::Body);
        assert!(limited[0].notice().starts_with("analysed the first "));
    }

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(2 * 1024 * 1024), "2.0 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
    }
}
