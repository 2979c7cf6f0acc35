//! Export of articles with their highlights, entities and quotes (issue 12).
//!
//! The pipeline is: pick the articles ([`select`]), turn each into an
//! [`ExportArticle`] (the article document of DESIGN.md §5 plus its
//! highlights), render them in one [`Format`] ([`render`]), and write the
//! result to stdout or a file ([`write`], atomic). Nothing here needs a
//! terminal, so the CLI and the reader's `e` picker share all of it.
//!
//! Offsets are the document's: Unicode char indices, end exclusive, into the
//! field a highlight or mention names.

pub mod clippings;
pub mod csv;
pub mod displacy;
pub mod html;
pub mod json;
pub mod markdown;
pub mod select;
pub mod write;

use serde::Serialize;

use crate::article::Field;
use crate::document::{ArticleDocument, EntityDocument};

/// The export formats (DESIGN.md §3: `--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One Markdown note per article, YAML front matter, for note apps.
    #[default]
    Markdown,
    /// The article document plus `highlights`.
    Json,
    /// Rows Readwise imports.
    Csv,
    /// One self-contained page per article.
    Html,
    /// Kindle `My Clippings.txt` entries.
    Clippings,
    /// spaCy displaCy's manual format.
    Displacy,
}

impl Format {
    /// Every format, in the order the reader's picker shows them.
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Html,
        Format::Clippings,
        Format::Displacy,
    ];

    /// The name used on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Clippings => "clippings",
            Format::Displacy => "displacy",
        }
    }

    /// The usual file extension (without the dot).
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json | Format::Displacy => "json",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Clippings => "txt",
        }
    }

    /// Whether several articles become one file each (in a folder) rather
    /// than one file holding them all.
    #[must_use]
    pub fn file_per_article(self) -> bool {
        matches!(self, Format::Markdown | Format::Html)
    }
}

/// What the renderers need to know besides the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Export entities and quotes as well as highlights (`--all`). An article
    /// without highlights always gets them.
    pub all: bool,
    /// Write entity names as `[[Canonical Name]]` links (Markdown).
    pub wikilinks: bool,
    /// Several articles were asked for (the library, a filter, several IDs):
    /// JSON and displaCy then wrap them in one list.
    pub several: bool,
}

impl Options {
    /// Whether `article` is exported with its entities and quotes.
    #[must_use]
    pub fn full(&self, article: &ExportArticle) -> bool {
        self.all || article.highlights.is_empty()
    }
}

/// One highlight as exported: the stored row's anchor, text and note.
///
/// Built from the library's highlight type; it is a view for export, never
/// stored. Serialises as one entry of the JSON `highlights` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportHighlight {
    /// The highlight's row id in the library.
    pub id: i64,
    /// The field it points into (`body`, `title`, `captions[0]`, ...).
    pub field: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The highlighted text as stored.
    pub text: String,
    /// About 30 chars before it (for re-anchoring).
    pub prefix: String,
    /// About 30 chars after it.
    pub suffix: String,
    /// The reader's note, if any.
    pub note: Option<String>,
    /// When it was made, Unix seconds UTC (JSON: RFC 3339).
    #[serde(serialize_with = "serialize_rfc3339")]
    pub created: i64,
    /// True when its text could not be found in the current article.
    pub orphaned: bool,
}

impl From<&crate::library::Highlight> for ExportHighlight {
    fn from(h: &crate::library::Highlight) -> Self {
        ExportHighlight {
            id: h.id,
            field: h.field.name(),
            start: h.start,
            end: h.end,
            text: h.text.clone(),
            prefix: h.prefix.clone(),
            suffix: h.suffix.clone(),
            note: h.note.clone(),
            created: h.created,
            orphaned: h.orphaned,
        }
    }
}

/// One article to export: its document and its highlights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportArticle {
    /// The article document (DESIGN.md §5).
    pub document: ArticleDocument,
    /// Its highlights, in any order (renderers sort them).
    pub highlights: Vec<ExportHighlight>,
}

impl ExportArticle {
    /// The highlights in reading order (title, body, captions, related, then
    /// by offset); orphans last, by creation time.
    #[must_use]
    pub fn highlights_in_order(&self) -> Vec<&ExportHighlight> {
        let mut list: Vec<&ExportHighlight> = self.highlights.iter().collect();
        list.sort_by_key(|h| {
            (
                h.orphaned,
                Field::parse(&h.field).unwrap_or(Field::Related(usize::MAX)),
                h.start,
                h.end,
                h.created,
                h.id,
            )
        });
        list
    }

    /// The author line for formats with one author slot: byline, else source.
    #[must_use]
    pub fn author(&self) -> Option<&str> {
        self.document
            .byline
            .as_deref()
            .or(self.document.source.as_deref())
            .filter(|s| !s.trim().is_empty())
    }

    /// The title, or the article id when it has none.
    #[must_use]
    pub fn title_or_id(&self) -> &str {
        self.document
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.document.id)
    }
}

/// The rendered export: one output, or one file per article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    /// Everything in one output (stdout or one file).
    One(Vec<u8>),
    /// One file per article: a file name (no folders) and its bytes.
    PerArticle(Vec<(String, Vec<u8>)>),
}

/// Renders `articles` in `format`. Markdown and HTML give one file per
/// article when `options.several`; the others give one output.
///
/// # Errors
/// Only a serialiser failure (never expected for these types).
pub fn render(
    format: Format,
    articles: &[ExportArticle],
    options: &Options,
) -> Result<Rendered, ExportError> {
    let per_article = |render: &dyn Fn(&ExportArticle) -> String| {
        let files = articles
            .iter()
            .map(|a| (file_name(a, format), render(a).into_bytes()))
            .collect();
        Rendered::PerArticle(files)
    };
    Ok(match format {
        Format::Markdown if options.several => per_article(&|a| markdown::render(a, options)),
        Format::Html if options.several => per_article(&html::render),
        Format::Markdown => Rendered::One(join(articles, |a| markdown::render(a, options))),
        Format::Html => Rendered::One(join(articles, html::render)),
        Format::Json => Rendered::One(json::render(articles, options)?),
        Format::Displacy => Rendered::One(displacy::render(articles, options)?),
        Format::Csv => Rendered::One(csv::render(articles, options)?),
        Format::Clippings => {
            let mut bytes = clippings::BOM.as_bytes().to_vec();
            bytes.extend(clippings::render(articles, options).concat().into_bytes());
            Rendered::One(bytes)
        }
    })
}

fn join(articles: &[ExportArticle], render: impl Fn(&ExportArticle) -> String) -> Vec<u8> {
    articles
        .iter()
        .map(render)
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

/// A safe file name for one article: a slug of its title and its id.
#[must_use]
pub fn file_name(article: &ExportArticle, format: Format) -> String {
    let mut slug = String::new();
    for c in article
        .document
        .title
        .as_deref()
        .unwrap_or("")
        .chars()
        .flat_map(char::to_lowercase)
    {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let id = &article.document.id;
    let ext = format.extension();
    if slug.is_empty() {
        format!("{id}.{ext}")
    } else {
        format!("{slug}-{id}.{ext}")
    }
}

/// What can go wrong in an export. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The destination exists and `--force` was not given.
    #[error("{}: already exists; pass --force to overwrite it", .0.display())]
    Exists(std::path::PathBuf),
    /// Writing failed; the old file (if any) is unchanged.
    #[error("{}: cannot write the export ({reason}); the old file is unchanged", path.display())]
    Write {
        /// The destination.
        path: std::path::PathBuf,
        /// Read-only, full disk, or the system's message.
        reason: String,
    },
    /// Several per-article files need a folder.
    #[error("{}: several articles in {format} need a folder: pass -o DIR", .path.display())]
    NotAFolder {
        /// The destination given.
        path: std::path::PathBuf,
        /// The format name.
        format: &'static str,
    },
    /// Serialising failed.
    #[error("cannot serialise the export: {0}")]
    Serialise(String),
}

/// Formats Unix seconds as RFC 3339 UTC (`2026-11-25T15:49:20Z`).
#[must_use]
pub fn rfc3339(seconds: i64) -> String {
    let t = utc(seconds);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Formats Unix seconds as `YYYY-MM-DD HH:MM:SS` UTC (Readwise's `Date`).
#[must_use]
pub fn plain_utc(seconds: i64) -> String {
    let t = utc(seconds);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Unix seconds as a UTC date-time; out-of-range values clamp to the epoch.
#[must_use]
pub fn utc(seconds: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

fn serialize_rfc3339<S: serde::Serializer>(seconds: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(*seconds))
}

/// The entities grouped for an index, people, places then organizations,
/// each group with its heading; empty groups are left out.
pub(crate) fn entities_by_kind(
    entities: &[EntityDocument],
) -> Vec<(&'static str, Vec<&EntityDocument>)> {
    [
        ("People", "person"),
        ("Places", "place"),
        ("Organizations", "organization"),
    ]
    .into_iter()
    .map(|(heading, kind)| {
        (
            heading,
            entities.iter().filter(|e| e.kind == kind).collect(),
        )
    })
    .filter(|(_, group): &(&str, Vec<&EntityDocument>)| !group.is_empty())
    .collect()
}

/// The chars `start..end` of `text` (clamped; never panics).
#[must_use]
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
pub(crate) mod testdata {
    //! A small article with entities, a quote and highlights, built by hand
    //! so renderer tests do not depend on the tagger.

    use super::{ExportArticle, ExportHighlight};
    use crate::article::{Block, BlockKind, SourceFormat};
    use crate::document::{
        ArticleDocument, EntityDocument, MentionDocument, QuoteDocument, SpanDocument,
    };

    fn mention(start: usize, end: usize, text: &str) -> MentionDocument {
        MentionDocument {
            field: "body".into(),
            start,
            end,
            text: text.into(),
        }
    }

    /// "Bridge reopens": Jane Roe (person), Riverside (place), one quote,
    /// two highlights (one with a note) and one orphan.
    pub fn article() -> ExportArticle {
        let body = "Jane Roe opened the bridge in Riverside on Monday.\n\n\
                    \"Nobody will wait at the river again,\" Roe said.";
        ExportArticle {
            document: ArticleDocument {
                format: "lede-article".into(),
                version: 1,
                id: "1545f1947817".into(),
                source_format: SourceFormat::Text,
                title: Some("Bridge reopens".into()),
                byline: Some("Ann Lee".into()),
                date: Some("2026-03-02".into()),
                date_raw: Some("March 2, 2026".into()),
                source: Some("Riverside Times".into()),
                url: Some("https://example.org/bridge".into()),
                origin: "bridge.txt".into(),
                body: body.into(),
                captions: vec![],
                related: vec![],
                paragraphs: vec![
                    Block {
                        start: 0,
                        end: 50,
                        kind: BlockKind::Paragraph,
                    },
                    Block {
                        start: 52,
                        end: 100,
                        kind: BlockKind::Paragraph,
                    },
                ],
                entities: vec![
                    EntityDocument {
                        id: "e1".into(),
                        name: "Jane Roe".into(),
                        kind: "person".into(),
                        aliases: vec!["Roe".into()],
                        count: 2,
                        mentions: vec![mention(0, 8, "Jane Roe"), mention(91, 94, "Roe")],
                    },
                    EntityDocument {
                        id: "e2".into(),
                        name: "Riverside".into(),
                        kind: "place".into(),
                        aliases: vec![],
                        count: 1,
                        mentions: vec![mention(30, 39, "Riverside")],
                    },
                ],
                quotes: vec![QuoteDocument {
                    id: "q1".into(),
                    field: "body".into(),
                    start: 53,
                    end: 89,
                    text: "Nobody will wait at the river again,".into(),
                    speaker_id: Some("e1".into()),
                    speaker: Some("Jane Roe".into()),
                    cue: Some(SpanDocument {
                        start: 95,
                        end: 99,
                        text: "said".into(),
                    }),
                }],
            },
            highlights: vec![
                ExportHighlight {
                    id: 2,
                    field: "body".into(),
                    start: 53,
                    end: 89,
                    text: "Nobody will wait at the river again,".into(),
                    prefix: "on Monday.\n\n\"".into(),
                    suffix: "\" Roe said.".into(),
                    note: Some("The mayor's promise.".into()),
                    created: 1_772_460_000,
                    orphaned: false,
                },
                ExportHighlight {
                    id: 1,
                    field: "body".into(),
                    start: 0,
                    end: 26,
                    text: "Jane Roe opened the bridge".into(),
                    prefix: String::new(),
                    suffix: " in Riverside on".into(),
                    note: None,
                    created: 1_772_450_000,
                    orphaned: false,
                },
                ExportHighlight {
                    id: 3,
                    field: "body".into(),
                    start: 0,
                    end: 12,
                    text: "Tolls end in May".into(),
                    prefix: String::new(),
                    suffix: String::new(),
                    note: None,
                    created: 1_772_470_000,
                    orphaned: true,
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_sort_in_reading_order_with_orphans_last() {
        let article = testdata::article();
        let ids: Vec<i64> = article.highlights_in_order().iter().map(|h| h.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn file_names_are_slugs_plus_id() {
        let mut article = testdata::article();
        assert_eq!(
            file_name(&article, Format::Markdown),
            "bridge-reopens-1545f1947817.md"
        );
        article.document.title = Some("../../etc/passwd: «Ünïcode»!".into());
        assert_eq!(
            file_name(&article, Format::Html),
            "etc-passwd-ünïcode-1545f1947817.html"
        );
        article.document.title = None;
        assert_eq!(file_name(&article, Format::Json), "1545f1947817.json");
    }

    /// Renders the test article in every format and compares with the files
    /// under `tests/data/export/`; `LEDE_UPDATE_EXPECTED=1` rewrites them
    /// (review the diff before committing).
    #[test]
    fn every_format_matches_its_expected_file() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/export");
        let article = testdata::article();
        let options = Options {
            all: true,
            wikilinks: true,
            several: false,
        };
        let update = std::env::var_os("LEDE_UPDATE_EXPECTED").is_some();
        for format in Format::ALL {
            let Ok(Rendered::One(bytes)) = render(format, std::slice::from_ref(&article), &options)
            else {
                panic!("{format:?}: one output expected");
            };
            let path = dir.join(format!("bridge.{}.{}", format.name(), format.extension()));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &bytes).unwrap();
            }
            let expected = std::fs::read(&path).unwrap_or_default();
            assert!(
                bytes == expected,
                "{format:?} differs from {}:\n{}",
                path.display(),
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    #[test]
    fn dates_format_in_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(plain_utc(1_772_460_000), "2026-03-02 14:00:00");
        assert_eq!(rfc3339(i64::MAX), "1970-01-01T00:00:00Z");
    }
}
