//! The `lede` binary: parse the command line, dispatch, and turn every error
//! into one line on stderr with a non-zero exit code.

mod cli;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{Cli, ColorChoice, Command, TagArgs, TagFormat, TaggerChoice};
use lede::article::{self, Article};
use lede::document::{ArticleDocument, entity_order};
use lede::nlp::filters::FilteredTagger;
use lede::nlp::model::{Model, ModelTagger};
use lede::nlp::rules::RuleTagger;
use lede::nlp::{Analysis, Analyzer, EntityKind};
use lede::tui::{self, app::Start};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("lede: {}", one_line(&format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let library = cli.library.as_deref();
    match cli.command {
        Some(Command::Tag(args)) => tag(&args),
        Some(Command::Config(cli::ConfigCommand::Path)) => config_path(),
        Some(Command::Add(args)) => library_cmd::add(&args, library),
        Some(Command::List(args)) => library_cmd::list(&args, library),
        Some(Command::Rm(args)) => library_cmd::rm(&args, library),
        Some(Command::Reindex(_)) => library_cmd::reindex(library),
        Some(Command::Export(args)) => export_cmd::export(&args, library),
        Some(Command::Find(args)) => find_cmd::find(&args, library),
        Some(Command::Search(args)) => find_cmd::search(&args, library),
        None => read(&cli.reader, library),
    }
}

/// The reader: the TUI when stdout is a terminal, else the clean text (like
/// bat). With no FILE the TUI opens on the library list: the stored articles,
/// then the bundled samples.
fn read(args: &cli::ReaderArgs, library: Option<&std::path::Path>) -> Result<ExitCode> {
    // First, so a bad config is reported even when stdout is not a terminal.
    let config = lede::config::load()?;
    let (articles, failed) = load_all(&args.files)?;
    if !io::stdout().is_terminal() {
        let mut out = BufWriter::new(io::stdout().lock());
        for article in &articles {
            write_plain(&mut out, article)?;
        }
        out.flush()?;
        return Ok(exit_code(failed));
    }
    if articles.is_empty() && !args.files.is_empty() {
        anyhow::bail!("no article to show");
    }
    let start = if args.files.is_empty() {
        Start::List
    } else {
        Start::Reader
    };
    let options = tui::Options {
        color: use_color(args.color),
        mouse: config.mouse && !args.no_mouse,
        config,
        library: lede::library::resolve_dir(library).ok(),
    };
    let store = tui::store::Store::open(lede::library::resolve_dir(library).ok());
    tui::run(articles, start, &options, store)?;
    Ok(exit_code(failed))
}

/// `lede config path`: where the config is read from (it may not exist).
fn config_path() -> Result<ExitCode> {
    let path = lede::config::path().context("no config dir: set LEDE_CONFIG or HOME")?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// `--color auto` colours unless `NO_COLOR` is set to something non-empty.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// The analyzer `lede tag` asked for: `--tagger rules`, `--model PATH`, or
/// the embedded model; a model is wrapped in the `--filters` filters.
fn tag_analyzer(args: &TagArgs) -> Result<Analyzer> {
    let model = if let Some(path) = &args.model {
        let model = Model::load(path).with_context(|| format!("{}", path.display()))?;
        ModelTagger::new(Arc::new(model), lede::nlp::model::default_lexicon())
    } else if args.tagger == TaggerChoice::Rules {
        return Ok(Analyzer::with_tagger(Box::new(RuleTagger::new())));
    } else {
        ModelTagger::embedded().map_err(|e| anyhow::anyhow!("embedded model: {e}"))?
    };
    if args.filters.is_none() {
        return Ok(Analyzer::with_tagger(Box::new(model)));
    }
    Ok(Analyzer::with_tagger(Box::new(FilteredTagger::new(
        Box::new(model),
        args.filters,
    ))))
}

fn tag(args: &TagArgs) -> Result<ExitCode> {
    if args.jsonl {
        let analyzer = tag_analyzer(args)?;
        let stdin = io::stdin().lock();
        let stdout = BufWriter::new(io::stdout().lock());
        let summary = lede::tag::run_jsonl(&analyzer, stdin, stdout, io::stderr().lock())?;
        return Ok(exit_code(summary.failed > 0));
    }
    // Load before building the analyzer, so bad input fails fast.
    let (articles, failed) = load_all(&args.files)?;
    let analyzer = tag_analyzer(args)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for article in &articles {
        if let Some(notice) = lede::nlp::limit_notice(article, analyzer.max_analysis()) {
            eprintln!("lede: {}: {}", article.origin, one_line(&notice));
        }
        let analysis = analyzer.analyze(article);
        match args.format {
            TagFormat::Text => write_summary(&mut out, article, &analysis)?,
            TagFormat::Json => {
                serde_json::to_writer(&mut out, &ArticleDocument::new(article, &analysis))?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(exit_code(failed))
}

/// Loads every FILE (or the bundled samples when there is none). A file that
/// fails is reported on stderr and the rest still load; the flag says whether
/// any failed.
fn load_all(files: &[std::path::PathBuf]) -> Result<(Vec<Article>, bool)> {
    if files.is_empty() {
        return Ok((lede::samples::load_all(), false));
    }
    let mut articles = Vec::new();
    let mut failed = false;
    for file in files {
        let loaded = if file.as_os_str() == "-" {
            article::load_stdin()
        } else {
            article::load_path(file)
        };
        match loaded {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    eprintln!("lede: warning: {}", one_line(warning));
                }
                articles.extend(loaded.articles);
            }
            Err(err) if files.len() == 1 => return Err(err.into()),
            Err(err) => {
                eprintln!("lede: {}", one_line(&err.to_string()));
                failed = true;
            }
        }
    }
    Ok((articles, failed))
}

fn write_plain(out: &mut impl Write, article: &Article) -> io::Result<()> {
    if let Some(title) = &article.title {
        writeln!(out, "{title}\n")?;
    }
    for line in [&article.byline, &article.source, &article.date_raw]
        .into_iter()
        .flatten()
    {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "\n{}", article.body)?;
    for caption in &article.captions {
        writeln!(out, "\n[{caption}]")?;
    }
    if !article.related.is_empty() {
        writeln!(out, "\nRead more:")?;
        for related in &article.related {
            writeln!(out, "  {related}")?;
        }
    }
    writeln!(out)
}

fn write_summary(out: &mut impl Write, article: &Article, analysis: &Analysis) -> io::Result<()> {
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
    writeln!(out, "{} ({})", article.origin, article.id)?;
    writeln!(out, "  title:      {}", or_dash(&article.title))?;
    writeln!(out, "  byline:     {}", or_dash(&article.byline))?;
    writeln!(
        out,
        "  date:       {}",
        or_dash(&article.date.clone().or_else(|| article.date_raw.clone()))
    )?;
    writeln!(out, "  source:     {}", or_dash(&article.source))?;
    writeln!(out, "  paragraphs: {}", article.paragraphs.len())?;
    let order = entity_order(analysis);
    for (kind, label) in EntityKind::ALL.iter().zip(["people", "places", "orgs"]) {
        let names: Vec<String> = order
            .iter()
            .map(|&i| &analysis.entities[i])
            .filter(|e| e.kind == *kind)
            .map(|e| format!("{} ({})", e.name, e.mentions.len()))
            .collect();
        writeln!(
            out,
            "  {label:<11} {}",
            if names.is_empty() {
                "-".to_owned()
            } else {
                names.join(", ")
            }
        )?;
    }
    writeln!(out, "  quotes:     {}", analysis.quotes.len())?;
    for quote in &analysis.quotes {
        let words: Vec<&str> = quote.text.split_whitespace().take(8).collect();
        writeln!(
            out,
            "    \"{}...\" - {}",
            words.join(" "),
            analysis.speaker_name(quote).unwrap_or("unknown")
        )?;
    }
    writeln!(out)
}

fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Keeps an error message on one line and free of control characters.
fn one_line(message: &str) -> String {
    lede::article::sanitize::sanitize(message).replace('\n', " ")
}

/// Handlers of the library subcommands (`add`, `list`, `rm`, `reindex`).
mod library_cmd {
    use std::io::{self, BufWriter, IsTerminal, Write};
    use std::path::Path;
    use std::process::ExitCode;

    use anyhow::Result;
    use indicatif::{ProgressBar, ProgressStyle};

    use crate::cli::{AddArgs, ListArgs, ListFormat, ListSort, RmArgs};
    use crate::{exit_code, one_line};
    use lede::library::{self, AddEvent, Input, Library, Sort};

    fn dir(arg: Option<&Path>) -> Result<std::path::PathBuf> {
        Ok(library::resolve_dir(arg)?)
    }

    /// A progress bar on stderr when it is a terminal; hidden otherwise.
    fn progress_bar() -> ProgressBar {
        if !io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(0);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} files {per_sec} {eta}")
        {
            bar.set_style(style);
        }
        bar
    }

    /// Prints one add/reindex event: results on stdout, problems on stderr.
    fn report(bar: &ProgressBar, out: &mut impl Write, event: &AddEvent) -> io::Result<()> {
        match event {
            AddEvent::Added { id, title } => writeln!(out, "added {id} {}", one_line(title)),
            AddEvent::Duplicate { id, title } => {
                writeln!(out, "already in the library: {id} {}", one_line(title))
            }
            AddEvent::Replaced { old, id, title } => {
                writeln!(out, "replaced {old} by {id} {}", one_line(title))
            }
            AddEvent::Failed(message) => {
                bar.suspend(|| eprintln!("lede: {}", one_line(message)));
                Ok(())
            }
            AddEvent::Warning(message) => {
                bar.suspend(|| eprintln!("lede: warning: {}", one_line(message)));
                Ok(())
            }
            AddEvent::Progress { done, total } => {
                bar.set_length(*total as u64);
                bar.set_position(*done as u64);
                Ok(())
            }
        }
    }

    /// `lede add FILE...|DIR|-`.
    pub fn add(args: &AddArgs, library: Option<&Path>) -> Result<ExitCode> {
        let mut library = Library::open(&dir(library)?)?;
        let inputs: Vec<Input> = args
            .files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::Path(f.clone())
                }
            })
            .collect();
        let bar = progress_bar();
        let mut out = BufWriter::new(io::stdout().lock());
        let mut write_error = None;
        let summary = library.add(&inputs, &mut |event| {
            if let Err(e) = report(&bar, &mut out, event) {
                write_error.get_or_insert(e);
            }
        })?;
        bar.finish_and_clear();
        if let Some(e) = write_error {
            return Err(e.into());
        }
        out.flush()?;
        Ok(exit_code(summary.failed))
    }

    /// `lede list`: stored articles only (no samples).
    pub fn list(args: &ListArgs, library: Option<&Path>) -> Result<ExitCode> {
        let Some(library) = Library::open_existing(&dir(library)?)? else {
            return Ok(ExitCode::SUCCESS);
        };
        let sort = match args.sort {
            ListSort::Date => Sort::Date,
            ListSort::Title => Sort::Title,
            ListSort::Source => Sort::Source,
        };
        let mut out = BufWriter::new(io::stdout().lock());
        for entry in library.list(sort)? {
            match args.format {
                ListFormat::Json => {
                    serde_json::to_writer(&mut out, &entry)?;
                    writeln!(out)?;
                }
                ListFormat::Text => {
                    let dash = |v: &Option<String>| v.as_deref().map_or("-".to_owned(), one_line);
                    writeln!(
                        out,
                        "{}  {}  {}  {}  {}",
                        entry.id,
                        dash(&entry.date),
                        dash(&entry.source),
                        dash(&entry.title),
                        one_line(&entry.top_entities.join(", "))
                    )?;
                }
            }
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }

    /// `lede rm ID...`.
    pub fn rm(args: &RmArgs, library: Option<&Path>) -> Result<ExitCode> {
        let dir = dir(library)?;
        let Some(mut library) = Library::open_existing(&dir)? else {
            anyhow::bail!("{}: no library here yet", dir.display());
        };
        let mut failed = false;
        for id in &args.ids {
            match library.remove(id, args.purge) {
                Ok(entry) => println!(
                    "removed {} {}",
                    entry.id,
                    one_line(entry.title.as_deref().unwrap_or(""))
                ),
                Err(e) if args.ids.len() > 1 => {
                    eprintln!("lede: {}", one_line(&e.to_string()));
                    failed = true;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(exit_code(failed))
    }

    /// `lede reindex`.
    pub fn reindex(library: Option<&Path>) -> Result<ExitCode> {
        let bar = progress_bar();
        let mut out = BufWriter::new(io::stdout().lock());
        let mut failed = false;
        let (_, count) = library::reindex_dir(&dir(library)?, &mut |event| {
            failed |= matches!(event, AddEvent::Failed(_));
            if !matches!(event, AddEvent::Added { .. }) {
                let _ = report(&bar, &mut out, event);
            }
        })?;
        bar.finish_and_clear();
        writeln!(out, "reindexed {count} article(s)")?;
        out.flush()?;
        Ok(exit_code(failed))
    }
}

/// Handler of `lede export`.
mod export_cmd {
    use std::io::{self, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use anyhow::{Result, bail};

    use crate::cli::{ExportArgs, ExportFormat, KindArg};
    use crate::{exit_code, one_line};
    use lede::article;
    use lede::export::{self, ExportArticle, Format, Options, Rendered, select::Filter};
    use lede::library::{self, Library};
    use lede::nlp::{Analyzer, EntityKind};

    fn format(arg: ExportFormat) -> Format {
        match arg {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Json => Format::Json,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Html => Format::Html,
            ExportFormat::Clippings => Format::Clippings,
            ExportFormat::Displacy => Format::Displacy,
        }
    }

    fn kind(arg: KindArg) -> EntityKind {
        match arg {
            KindArg::Person => EntityKind::Person,
            KindArg::Place => EntityKind::Place,
            KindArg::Org => EntityKind::Organization,
        }
    }

    /// `lede export [ID|FILE|-]...`.
    pub fn export(args: &ExportArgs, library_dir: Option<&Path>) -> Result<ExitCode> {
        let format = format(args.format);
        let filter = Filter {
            entity: args.entity.clone(),
            kind: args.kind.map(kind),
            since: args.since,
        };
        let dir = library::resolve_dir(library_dir)?;
        let mut library = Library::open_existing(&dir)?;
        let (articles, failed) = if args.inputs.is_empty() {
            let Some(library) = &library else {
                bail!(
                    "{}: no library here yet (lede add FILE stores articles)",
                    dir.display()
                );
            };
            (export::select::from_library(library, &filter)?, false)
        } else {
            from_inputs(&args.inputs, library.as_mut(), &filter)?
        };
        if articles.is_empty() {
            eprintln!("lede: nothing to export");
            return Ok(exit_code(failed));
        }
        let options = Options {
            all: args.all,
            wikilinks: args.wikilinks,
            several: args.inputs.len() != 1 || articles.len() != 1,
        };
        write(
            format,
            &articles,
            &options,
            args.output.as_deref(),
            args.force,
        )?;
        Ok(exit_code(failed))
    }

    /// Loads each ID or FILE with its stored highlights; a failure among
    /// several is reported and the rest go on.
    fn from_inputs(
        inputs: &[PathBuf],
        mut library: Option<&mut Library>,
        filter: &Filter,
    ) -> Result<(Vec<ExportArticle>, bool)> {
        let mut analyzer = None;
        let mut articles = Vec::new();
        let mut failed = false;
        for input in inputs {
            match load_input(input, library.as_deref_mut(), &mut analyzer) {
                Ok(loaded) => articles.extend(loaded.into_iter().filter_map(|a| filter.apply(a))),
                Err(err) if inputs.len() == 1 => return Err(err),
                Err(err) => {
                    eprintln!("lede: {}", one_line(&format!("{err:#}")));
                    failed = true;
                }
            }
        }
        Ok((articles, failed))
    }

    /// A file (or `-`) is loaded and analysed; anything else is a stored id.
    fn load_input(
        input: &Path,
        mut library: Option<&mut Library>,
        analyzer: &mut Option<Analyzer>,
    ) -> Result<Vec<ExportArticle>> {
        let is_stdin = input.as_os_str() == "-";
        if is_stdin || input.is_file() {
            let loaded = if is_stdin {
                article::load_stdin()?
            } else {
                article::load_path(input)?
            };
            for warning in &loaded.warnings {
                eprintln!("lede: warning: {}", one_line(warning));
            }
            if let (Some(library), false) = (library.as_deref_mut(), is_stdin) {
                follow_path(library, input, &loaded.articles);
            }
            let library = library.as_deref();
            let analyzer = analyzer.get_or_insert_with(Analyzer::default);
            return loaded
                .articles
                .iter()
                .map(|a| {
                    let analysis = analyzer.analyze(a);
                    Ok(export::select::with_highlights(library, a, &analysis)?)
                })
                .collect();
        }
        let id = input.to_string_lossy();
        let Some(library) = library else {
            bail!("{id}: no such file, and no library to look the id up in");
        };
        Ok(vec![export::select::stored(library, &id)?])
    }

    /// Remembers the file's articles by canonical path, as opening it in the
    /// reader does (DESIGN.md §7), so highlights made before an edit follow
    /// the file to its new id. Best effort: a read-only library only warns.
    fn follow_path(library: &mut Library, input: &Path, articles: &[article::Article]) {
        let Ok(path) = input.canonicalize() else {
            return;
        };
        let path = path.to_string_lossy();
        for (index, article) in articles.iter().enumerate() {
            if let Err(err) = library.remember_path(&path, index, &article.id) {
                eprintln!("lede: warning: {}", one_line(&err.to_string()));
                return;
            }
        }
    }

    /// Renders and writes to stdout, a file, or a folder of files.
    fn write(
        format: Format,
        articles: &[ExportArticle],
        options: &Options,
        output: Option<&Path>,
        force: bool,
    ) -> Result<()> {
        let Some(output) = output else {
            let bytes = match export::render(format, articles, options)? {
                Rendered::One(bytes) => bytes,
                Rendered::PerArticle(_) if format == Format::Html => {
                    bail!("several articles in html need a folder: pass -o DIR")
                }
                Rendered::PerArticle(files) => files
                    .into_iter()
                    .map(|(_, b)| b)
                    .collect::<Vec<_>>()
                    .join(&b"\n"[..]),
            };
            let mut out = io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            return Ok(());
        };
        if format == Format::Clippings {
            let entries = export::clippings::render(articles, options);
            let added = export::write::append_clippings(output, &entries)?;
            println!(
                "added {added} of {} clipping(s) to {}",
                entries.len(),
                output.display()
            );
            return Ok(());
        }
        match export::render(format, articles, options)? {
            Rendered::One(bytes) => {
                let path = if output.is_dir() {
                    let name = match articles {
                        [one] if !options.several => export::file_name(one, format),
                        _ => format!("lede-export.{}", format.extension()),
                    };
                    output.join(name)
                } else {
                    output.to_owned()
                };
                export::write::write_file(&path, &bytes, force)?;
                println!("wrote {}", path.display());
            }
            Rendered::PerArticle(files) => {
                let paths = export::write::write_folder(output, &files, force, format.name())?;
                println!("wrote {} file(s) to {}", paths.len(), output.display());
            }
        }
        Ok(())
    }
}

/// Handlers of `lede find` and `lede search`.
mod find_cmd {
    use std::io::{self, BufWriter, IsTerminal, Write};
    use std::path::Path;
    use std::process::ExitCode;

    use anyhow::Result;

    use crate::cli::{ColorChoice, FindArgs, KindArg, ListFormat, SearchArgs};
    use crate::one_line;
    use lede::library::{self, FindOptions, Library};
    use lede::nlp::EntityKind;

    const BOLD: &str = "\x1b[1;33m";
    const RESET: &str = "\x1b[0m";

    /// Colour for `--color` on a command whose output may be piped.
    fn color(choice: ColorChoice) -> bool {
        choice == ColorChoice::Always
            || (choice == ColorChoice::Auto
                && io::stdout().is_terminal()
                && crate::use_color(ColorChoice::Auto))
    }

    /// `text` with the char ranges `marks` highlighted (when `on`).
    fn highlight(text: &str, marks: &[(usize, usize)], on: bool) -> String {
        let text = one_line(text);
        if !on || marks.is_empty() {
            return text;
        }
        let mut out = String::with_capacity(text.len() + marks.len() * 12);
        for (i, c) in text.chars().enumerate() {
            if marks.iter().any(|&(s, _)| s == i) {
                out.push_str(BOLD);
            }
            out.push(c);
            if marks.iter().any(|&(_, e)| e == i + 1) {
                out.push_str(RESET);
            }
        }
        out
    }

    /// `lede find NAME`.
    pub fn find(args: &FindArgs, library_dir: Option<&Path>) -> Result<ExitCode> {
        let dir = library::resolve_dir(library_dir)?;
        let name = args.name.join(" ");
        let Some(library) = Library::open_existing(&dir)? else {
            eprintln!("lede: {}: no library here yet", dir.display());
            return Ok(ExitCode::SUCCESS);
        };
        let options = FindOptions {
            kind: args.kind.map(|k| match k {
                KindArg::Person => EntityKind::Person,
                KindArg::Place => EntityKind::Place,
                KindArg::Org => EntityKind::Organization,
            }),
            limit: args.limit,
        };
        let hits = library.find(&name, options)?;
        let on = color(args.color);
        let none = format!("no stored article mentions {}", one_line(&name));
        print_hits(&hits, args.format, &none, |out, hit| {
            writeln!(
                out,
                "{}  {}  {} {} ({} mention{})  {}",
                hit.id,
                hit.date.as_deref().map_or("-".to_owned(), one_line),
                hit.kind.name(),
                one_line(&hit.name),
                hit.count,
                if hit.count == 1 { "" } else { "s" },
                hit.title.as_deref().map_or("-".to_owned(), one_line),
            )?;
            for m in &hit.mentions {
                writeln!(out, "    {}", highlight(&m.snippet, &[m.mark], on))?;
            }
            Ok(())
        })?;
        Ok(ExitCode::SUCCESS)
    }

    /// `lede search WORDS`.
    pub fn search(args: &SearchArgs, library_dir: Option<&Path>) -> Result<ExitCode> {
        let dir = library::resolve_dir(library_dir)?;
        let words = args.words.join(" ");
        let Some(library) = Library::open_existing(&dir)? else {
            eprintln!("lede: {}: no library here yet", dir.display());
            return Ok(ExitCode::SUCCESS);
        };
        let hits = library.search(&words, args.limit)?;
        let on = color(args.color);
        let none = format!("no stored article contains {}", one_line(&words));
        print_hits(&hits, args.format, &none, |out, hit| {
            writeln!(
                out,
                "{}  {}  {}",
                hit.id,
                hit.date.as_deref().map_or("-".to_owned(), one_line),
                hit.title.as_deref().map_or("-".to_owned(), one_line),
            )?;
            writeln!(out, "    {}", highlight(&hit.snippet, &hit.marks, on))
        })?;
        Ok(ExitCode::SUCCESS)
    }

    /// Writes `hits` to stdout as JSON Lines, or as text through `text`;
    /// with no hit in text form, says `none` on stderr.
    fn print_hits<T: serde::Serialize>(
        hits: &[T],
        format: ListFormat,
        none: &str,
        mut text: impl FnMut(&mut dyn Write, &T) -> io::Result<()>,
    ) -> Result<()> {
        let mut out = BufWriter::new(io::stdout().lock());
        for hit in hits {
            if format == ListFormat::Json {
                serde_json::to_writer(&mut out, hit)?;
                writeln!(out)?;
            } else {
                text(&mut out, hit)?;
            }
        }
        out.flush()?;
        if hits.is_empty() && format == ListFormat::Text {
            eprintln!("lede: {none}");
        }
        Ok(())
    }
}
