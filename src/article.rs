//! The article model and its loaders: file or stdin bytes in, a sanitised
//! [`Article`] out. This layer knows nothing of analysis or screens.

mod body;
mod detect;
mod encoding;
mod error;
mod html;
mod json;
mod layout;
mod markdown;
mod meta;
mod mime;
mod plain;
mod rules;
pub mod sanitize;
mod source;
mod tidy;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use detect::{Format, detect_format};
pub use error::LoadError;
pub use meta::parse_date;
pub use source::{DEFAULT_MAX_SIZE, max_size_from_env};

/// How an article was stored before lede read it (`source_format` in the JSON document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text, as pasted from a news site.
    Text,
    /// Markdown, with optional front matter.
    Markdown,
    /// A JSON object, array element or JSON Lines line.
    Json,
    /// A saved web page.
    Html,
    /// A newsletter or e-mail message.
    Email,
}

/// Whether a range of the body is running text or a subheading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A short subheading such as "Ukraine's reaction".
    Heading,
}

/// One paragraph or heading of the body, as char offsets (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// First char of the block in `body`.
    pub start: usize,
    /// One past the last char of the block in `body`.
    pub end: usize,
    /// Paragraph or heading.
    pub kind: BlockKind,
}

/// A named text field of an article; every offset lede emits is relative to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The headline.
    Title,
    /// The article text.
    Body,
    /// The n-th photo caption or credit line.
    Caption(usize),
    /// The n-th headline of a "Read more" block.
    Related(usize),
}

impl Field {
    /// The field's name in JSON: `title`, `body`, `captions[0]`, `related[1]`.
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Field::Title => "title".to_owned(),
            Field::Body => "body".to_owned(),
            Field::Caption(i) => format!("captions[{i}]"),
            Field::Related(i) => format!("related[{i}]"),
        }
    }

    /// Parses a name written by [`Field::name`].
    #[must_use]
    pub fn parse(name: &str) -> Option<Field> {
        match name {
            "title" => Some(Field::Title),
            "body" => Some(Field::Body),
            _ => {
                let (list, rest) = name.split_once('[')?;
                let index = rest.strip_suffix(']')?.parse().ok()?;
                match list {
                    "captions" => Some(Field::Caption(index)),
                    "related" => Some(Field::Related(index)),
                    _ => None,
                }
            }
        }
    }
}

/// A loaded, sanitised news article (DESIGN.md section 2).
///
/// Every text field is free of control characters and escape sequences, so it
/// can be shown on a terminal as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// First 12 hex digits of the SHA-256 of the article's original bytes.
    pub id: String,
    /// The headline, explicit or derived from the first sentence.
    pub title: Option<String>,
    /// True when `title` was derived from the body's first sentence, so it is
    /// not analysed again.
    pub title_derived: bool,
    /// Author line, without a leading "By".
    pub byline: Option<String>,
    /// Publication date in ISO 8601 (`YYYY-MM-DD` or a full timestamp) when it parses.
    pub date: Option<String>,
    /// The date exactly as the file wrote it.
    pub date_raw: Option<String>,
    /// Publication or site name.
    pub source: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Where it was read from: a path (control chars shown as `\u{..}`
    /// escapes), `-` for stdin, or `sample:NAME`.
    pub origin: String,
    /// The format it was stored in.
    pub source_format: SourceFormat,
    /// The article text, paragraphs joined by a blank line.
    pub body: String,
    /// Paragraph and heading ranges into `body`, in order.
    pub paragraphs: Vec<Block>,
    /// Photo captions and credit lines, outside the body.
    pub captions: Vec<String>,
    /// Headlines of a trailing "Read more" block, without the label.
    pub related: Vec<String>,
    /// Non-fatal problems met while loading (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
}

impl Article {
    /// The text of a field, or `None` for an index past the end of its list.
    #[must_use]
    pub fn field_text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Title => self.title.as_deref(),
            Field::Body => Some(&self.body),
            Field::Caption(i) => self.captions.get(i).map(String::as_str),
            Field::Related(i) => self.related.get(i).map(String::as_str),
        }
    }

    /// Every field to analyse, in reading order: the title (unless derived from
    /// the body), the body, captions, then related headlines.
    #[must_use]
    pub fn analysed_fields(&self) -> Vec<(Field, &str)> {
        let mut fields = Vec::new();
        if let (Some(title), false) = (&self.title, self.title_derived) {
            fields.push((Field::Title, title.as_str()));
        }
        fields.push((Field::Body, self.body.as_str()));
        fields.extend(
            self.captions
                .iter()
                .enumerate()
                .map(|(i, c)| (Field::Caption(i), c.as_str())),
        );
        fields.extend(
            self.related
                .iter()
                .enumerate()
                .map(|(i, r)| (Field::Related(i), r.as_str())),
        );
        fields
    }
}

/// The 12-hex-digit article id of DESIGN.md section 7.
#[must_use]
pub fn article_id(original_bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(original_bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Loads every article in a file (JSON arrays and JSON Lines may hold several).
///
/// # Errors
/// A [`LoadError`] naming the path when the file is missing, a directory, empty,
/// binary, too large, or malformed. A bad JSON Lines line is not fatal: it is
/// reported in the returned warnings list and the other lines load.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = source::read_path(path, max_size_from_env())?;
    let format = detect_format(Some(path), &bytes);
    parse(
        &sanitize::quote_name(&path.display().to_string()),
        format,
        &bytes,
    )
}

/// Loads articles from standard input; `origin` is `-`.
///
/// # Errors
/// As [`load_path`], naming `-` (stdin).
pub fn load_stdin() -> Result<Loaded, LoadError> {
    let bytes = source::read_stdin(max_size_from_env())?;
    let format = detect_format(None, &bytes);
    parse("-", format, &bytes)
}

/// Loads the single (first) article of an in-memory file; `name` is both the
/// origin and the extension hint. Handy for tests and embedded samples.
///
/// # Errors
/// As [`load_path`].
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let format = detect_format(Some(Path::new(name)), bytes);
    let loaded = parse(name, format, bytes)?;
    loaded
        .articles
        .into_iter()
        .next()
        .ok_or_else(|| LoadError::Empty {
            path: name.to_owned(),
        })
}

/// What one file yielded: its articles and non-fatal problems (such as a bad
/// JSON Lines line, with its number).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Articles in file order.
    pub articles: Vec<Article>,
    /// One-line problems that did not stop loading, each naming the file.
    pub warnings: Vec<String>,
}

/// Parses already-read bytes in the given format.
///
/// # Errors
/// As [`load_path`].
pub fn parse(origin: &str, format: Format, bytes: &[u8]) -> Result<Loaded, LoadError> {
    source::check_not_empty_or_binary(origin, bytes)?;
    match format {
        Format::Text => plain::parse(origin, bytes).map(Loaded::one),
        Format::Markdown => markdown::parse(origin, bytes).map(Loaded::one),
        Format::Json => json::parse_json(origin, bytes),
        Format::JsonLines => json::parse_json_lines(origin, bytes),
        Format::Html => html::parse(origin, bytes).map(Loaded::one),
        Format::Email => mime::parse(origin, bytes, mime::Kind::Email).map(Loaded::one),
        Format::Mhtml => mime::parse(origin, bytes, mime::Kind::Archive).map(Loaded::one),
    }
}

impl Loaded {
    fn one(article: Article) -> Loaded {
        Loaded {
            warnings: article.warnings.clone(),
            articles: vec![article],
        }
    }
}

/// Rejects an article with no text left at all (a file of nothing but
/// boilerplate or control characters), naming the file.
fn require_text(origin: &str, article: Article) -> Result<Article, LoadError> {
    let empty = article.body.is_empty()
        && article.title.is_none()
        && article.captions.is_empty()
        && article.related.is_empty();
    if empty {
        return Err(LoadError::NotAnArticle {
            path: origin.to_owned(),
            message: "no article text (only whitespace, control characters or boilerplate)"
                .to_owned(),
        });
    }
    Ok(article)
}
