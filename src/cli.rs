//! The command line (DESIGN.md section 3), parsed with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lede::nlp::filters::{FilterSet, UnknownFilter};

/// lede: a terminal reader for news articles that sees who, where and which
/// organization a story is about.
#[derive(Debug, Parser)]
#[command(name = "lede", version, about)]
pub struct Cli {
    /// Reader options (used when no subcommand is given).
    #[command(flatten)]
    pub reader: ReaderArgs,
    /// Library folder (default: the platform data dir, or LEDE_LIBRARY);
    /// global, so it goes before or after any subcommand.
    #[arg(long, value_name = "DIR", env = "LEDE_LIBRARY", global = true)]
    pub library: Option<PathBuf>,
    /// A subcommand; none opens the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the reader (`lede [FILE...|-]`).
#[derive(Debug, Args)]
pub struct ReaderArgs {
    /// Articles to open (`-` reads stdin); none opens the library list.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Do not capture the mouse.
    #[arg(long)]
    pub no_mouse: bool,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tag articles: a summary, one JSON document per article, or the JSON Lines protocol.
    Tag(TagArgs),
    /// The reader's configuration file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Store articles in the library: files, folders (recursively) or `-`.
    Add(AddArgs),
    /// List the stored articles.
    List(ListArgs),
    /// Remove a stored article by id (any unique prefix).
    Rm(RmArgs),
    /// Rebuild the library's index from its stored copies.
    Reindex(ReindexArgs),
    /// Export highlights, entities and quotes: stored articles (ID), files,
    /// or with neither the whole library.
    Export(ExportArgs),
    /// List the stored articles that mention a person, place or organization
    /// (misspelt, or written another way: "Zelensky", "Trump", "kovalenkko").
    Find(FindArgs),
    /// Full-text search over the stored articles, best match first.
    Search(SearchArgs),
}

/// Options of `lede find`.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// The name, in any case, with or without accents, a typo allowed.
    #[arg(value_name = "NAME", required = true)]
    pub name: Vec<String>,
    /// Only entities of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Output format: lines, or one JSON object per article.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// At most this many articles.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// When to highlight the mentions (text format).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Options of `lede search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words that must all occur (title or body); `word*` matches a prefix.
    #[arg(value_name = "WORDS", required = true)]
    pub words: Vec<String>,
    /// Output format: lines, or one JSON object per article.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// At most this many articles.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// When to highlight the matched words (text format).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Options of `lede add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Files or folders to add; `-` reads stdin.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Options of `lede list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Order of the list.
    #[arg(long, value_enum, default_value_t = ListSort::Date)]
    pub sort: ListSort,
    /// Output format: a table, or JSON Lines.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// `lede list --sort` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListSort {
    /// Newest publication date first.
    Date,
    /// By title.
    Title,
    /// By source, then newest first.
    Source,
}

/// `lede list --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One line per article.
    Text,
    /// One JSON object per line: id, title, source, date, top_entities.
    Json,
}

/// Options of `lede rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// Article ids (any unique prefix).
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,
    /// Also delete the article's highlights (otherwise refused).
    #[arg(long)]
    pub purge: bool,
}

/// Options of `lede reindex`.
#[derive(Debug, Args)]
pub struct ReindexArgs {}

/// `lede config ...`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where lede looks for config.toml (LEDE_CONFIG, else the config dir).
    Path,
}

/// Options of `lede tag`.
#[derive(Debug, Args)]
pub struct TagArgs {
    /// Output format for files.
    #[arg(long, value_enum, default_value_t = TagFormat::Text, conflicts_with = "jsonl")]
    pub format: TagFormat,
    /// Speak the JSON Lines protocol on stdin/stdout (see `docs/json.md`).
    #[arg(long, conflicts_with = "files")]
    pub jsonl: bool,
    /// Articles to tag (`-` reads stdin); none tags the bundled samples.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Which entity tagger to run.
    #[arg(long, value_enum, default_value_t = TaggerChoice::Model)]
    pub tagger: TaggerChoice,
    /// Load the entity model from this file instead of the embedded one.
    #[arg(long, value_name = "PATH", conflicts_with = "tagger")]
    pub model: Option<PathBuf>,
    /// Rule and gazetteer filters around the model: `none`, `all`, or a comma
    /// list of `rules`, `gazetteer`, `consistency`, `titles` (`gazetteer` and
    /// `rules` also turn on `titles`). Ignored by `--tagger rules`.
    #[arg(long, value_name = "SET", default_value = "all", value_parser = parse_filters)]
    pub filters: FilterSet,
}

/// Parses `--filters`: `none`, `all`, or a comma list of filter names. The
/// single names `gazetteer` and `rules` mean that filter plus `titles`, so
/// each setting of the ablation keeps title handling.
fn parse_filters(s: &str) -> Result<FilterSet, String> {
    let mut set: FilterSet = s.parse().map_err(|e: UnknownFilter| e.to_string())?;
    if matches!(s.trim(), "gazetteer" | "rules") {
        set.titles = true;
    }
    Ok(set)
}

/// `lede tag --tagger` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaggerChoice {
    /// The trained model (averaged perceptron).
    Model,
    /// The rule tagger (capitalisation, gazetteers, patterns).
    Rules,
}

/// `lede tag --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    /// A short human-readable summary per article.
    Text,
    /// One article document per line (DESIGN.md section 5).
    Json,
}

/// Options of `lede export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles: stored ids (any unique prefix), files, or `-`; none exports
    /// the whole library.
    #[arg(value_name = "ID|FILE")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,
    /// Write to this file (or folder, for several markdown/html articles)
    /// instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Export entities and quotes as well as highlights (the default for an
    /// article without highlights).
    #[arg(long)]
    pub all: bool,
    /// Write entity names as [[Canonical Name]] links (markdown).
    #[arg(long)]
    pub wikilinks: bool,
    /// Only articles that mention this entity (canonical name, alias or surname).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Only articles with an entity of this kind (with --entity: that entity's kind).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only highlights made on or after this date (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<i64>,
}

/// `lede export --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown with YAML front matter, for note apps.
    Markdown,
    /// The article document plus highlights.
    Json,
    /// CSV that Readwise imports.
    Csv,
    /// A self-contained HTML page.
    Html,
    /// Kindle "My Clippings.txt" entries (appended to an existing file).
    Clippings,
    /// spaCy displaCy's manual format.
    Displacy,
}

/// `--kind` values (`lede find`, `lede export`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// People.
    Person,
    /// Places.
    Place,
    /// Organizations.
    Org,
}

/// Parses `--since` (see `lede::export::select::parse_date`).
fn parse_since(s: &str) -> Result<i64, String> {
    lede::export::select::parse_date(s)
        .ok_or_else(|| format!("{s}: not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, UTC)"))
}
