//! The reader: a terminal UI over analysed articles.
//!
//! Input becomes [`action::Action`]s through the [`keymap`]; [`app::App::update`]
//! applies them (the only place state changes); [`ui::draw`] paints the app
//! (pure). [`terminal`] owns setup and restore, [`event`] the input loop.
//!
//! ```
//! use lede::tui::{action::Action, app::{Analysed, App, Start}, keymap::Keymap, theme::Theme};
//! let article = lede::article::load_bytes("a.txt", b"Title\n\nSome text.").unwrap();
//! let analysis = lede::nlp::Analyzer::default().analyze(&article);
//! let mut app = App::new(vec![Analysed { article, analysis }], Start::Reader,
//!                        &Keymap::default(), Theme::default());
//! app.update(Action::Resize { width: 80, height: 24 });
//! app.update(Action::Bottom);
//! assert_eq!(app.reader().unwrap().percent(), 100);
//! ```

pub mod action;
pub mod app;
pub mod event;
mod highlight_store;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod store;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod widgets;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use crate::article::Article;
use crate::config::Config;
use crate::nlp::{Analysis, Analyzer};

use action::Action;
use app::{Analysed, App, Effect, Start};
use keymap::Keymap;
use store::Store;
use terminal::TerminalGuard;
use theme::Theme;

/// Stored articles whose top entities are read before the first frame
/// (more than any screen shows); the rest follow after it.
const FIRST_SCREEN: usize = 100;
/// How often the loop wakes without input (to notice SIGTERM).
const TICK: Duration = Duration::from_millis(200);
/// How often it wakes while an analysis is still running.
const ANALYSIS_TICK: Duration = Duration::from_millis(10);

/// Reader options: the command line over the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Use colour.
    pub color: bool,
    /// Capture the mouse (wheel and clicks).
    pub mouse: bool,
    /// Colours, sidebar and keys.
    pub config: Config,
    /// The library folder highlights are kept in (`None`: no highlighting).
    pub library: Option<std::path::PathBuf>,
}

/// The library's entity index, or why it could not be read.
type EntityIndex = Result<Vec<crate::library::EntitySummary>, String>;

/// A finished analysis from the worker: the article's index and the result.
type Finished = (usize, Analysis);

/// Runs the reader until the user quits. The first frame shows the plain
/// text at once; a worker thread analyses the articles and the highlights
/// fill in as each analysis arrives. With [`Start::List`] the list holds the
/// stored articles of `store` (list columns only; one loads when opened)
/// and then `articles` as the read-only Samples shelf. Reading positions are
/// restored on opening an article and saved on leaving it and on quitting.
/// The terminal is restored on every way out: quit, error, panic,
/// SIGTERM/SIGHUP.
///
/// Test hooks (environment): `LEDE_TEST_PANIC=1` panics after the first
/// frame; `LEDE_EXIT_AFTER_FIRST_FRAME=1` exits after it.
///
/// # Errors
/// When the terminal cannot be set up, drawn or read.
pub fn run(
    articles: Vec<Article>,
    start: Start,
    options: &Options,
    (mut store, notice): (Store, Option<String>),
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut keymap = Keymap::with_overrides(&options.config.keys);
    let theme = Theme {
        color: options.color,
        palette: options.config.palette,
    };
    let mut notice = notice;
    let stored = if start == Start::List {
        store.entries_first(FIRST_SCREEN).unwrap_or_else(|e| {
            notice = Some(e);
            Vec::new()
        })
    } else {
        Vec::new()
    };
    let first = stored.len();
    let (tx, analyses) = mpsc::channel();
    let to_analyse: Vec<(usize, Article)> = (first..).zip(articles.iter().cloned()).collect();
    // Started after the first frame, so it never competes with it.
    let worker = move || spawn_analysis(to_analyse, tx);
    let analysed = (articles.into_iter())
        .map(|article| Analysed {
            article,
            analysis: Analysis::default(),
        })
        .collect();
    let mut app = match start {
        Start::List => App::library(&stored, analysed, &keymap, theme),
        Start::Reader => App::new(analysed, start, &keymap, theme),
    };
    app.set_sidebar_layout(options.config.sidebar);
    app.set_library(options.library.clone());
    app.mark_pending();
    if let Some(notice) = notice {
        app.set_notice(notice);
    }
    if start == Start::Reader {
        // The first frame already shows the saved place.
        restore_positions(&mut app, &store);
    }
    let mut guard = TerminalGuard::enter(options.mouse)?;
    let result = event_loop(
        &mut guard,
        &mut app,
        &mut keymap,
        &stop,
        (&analyses, Some(worker)),
        &mut store,
    );
    drop(guard);
    result
}

/// Hands the saved positions of the loaded articles (files, samples) to
/// the app; stored articles get theirs when they load.
pub fn restore_positions(app: &mut App, store: &Store) {
    let saved: Vec<_> = app
        .article_ids()
        .filter(|&(i, _)| !app.is_unloaded(i))
        .filter_map(|(i, id)| Some((i, store.position(id)?)))
        .collect();
    app.restore_positions(saved);
}

/// Does the I/O the last actions asked for: loads the stored article the
/// user opened, and saves the positions of the articles left. The input
/// loop calls it after every action (tests call it the same way).
pub fn serve(app: &mut App, store: &mut Store) {
    if app.take_entity_index_request() {
        app.set_entity_index(store.entity_index());
    }
    if let Some((kind, name)) = app.take_entity_articles_request() {
        let rows = store.entity_articles(kind, &name);
        app.set_entity_articles(kind, name, rows);
    }
    if let Some(index) = app.take_load_request() {
        let id = app
            .article_ids()
            .nth(index)
            .map(|(_, id)| id.to_owned())
            .unwrap_or_default();
        match store.load(&id) {
            Ok(stored) => {
                let position = store.position(&id);
                let loaded = Analysed {
                    article: stored.article,
                    analysis: stored.analysis,
                };
                app.set_loaded(index, loaded, position);
            }
            Err(message) => app.set_notice(message),
        }
    }
    for (id, anchor) in app.take_left_positions() {
        if let Err(message) = store.save(&id, anchor) {
            app.set_notice(message);
        }
    }
}

/// Analyses the articles on a worker thread, in order, sending each result.
fn spawn_analysis(articles: Vec<(usize, Article)>, tx: mpsc::Sender<Finished>) {
    std::thread::spawn(move || {
        let analyzer = Analyzer::default();
        for (i, article) in &articles {
            if tx.send((*i, analyzer.analyze(article))).is_err() {
                return;
            }
        }
    });
}

/// Hands every analysis that has arrived to the app. Returns whether the
/// worker is still running and whether anything arrived.
fn receive_analyses(app: &mut App, analyses: &Receiver<Finished>) -> (bool, bool) {
    let mut changed = false;
    loop {
        match analyses.try_recv() {
            Ok((index, analysis)) => {
                app.set_analysis(index, analysis);
                changed = true;
            }
            Err(TryRecvError::Empty) => return (true, changed),
            Err(TryRecvError::Disconnected) => return (false, changed),
        }
    }
}

fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| v == "1")
}

fn event_loop<W: FnOnce()>(
    guard: &mut TerminalGuard,
    app: &mut App,
    keymap: &mut Keymap,
    stop: &AtomicBool,
    (analyses, mut worker): (&Receiver<Finished>, Option<W>),
    store: &mut Store,
) -> io::Result<()> {
    resize(guard, app)?;
    let input = spawn_input();
    let mut first_frame = true;
    let mut dirty = true;
    let mut analysing = true;
    let mut entity_index: Option<Receiver<EntityIndex>> = None;
    let mut top_entities: Option<Receiver<Result<store::TopEntities, String>>> = None;
    loop {
        if let Some(rx) = &top_entities {
            let done = match rx.try_recv() {
                Ok(Ok(top)) => {
                    app.set_top_entities(top);
                    true
                }
                // The list still works with the first screen's names.
                Ok(Err(_)) | Err(TryRecvError::Disconnected) => true,
                Err(TryRecvError::Empty) => false,
            };
            if done {
                top_entities = None;
                dirty = true;
            }
        }
        if analysing {
            let (running, changed) = receive_analyses(app, analyses);
            analysing = running;
            dirty |= changed;
        }
        if let Some(rx) = &entity_index {
            match rx.try_recv() {
                Ok(rows) => app.set_entity_index(rows),
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    app.set_entity_index(Err("entities unavailable".to_owned()));
                }
            }
            if !app.entities_loading() {
                entity_index = None;
                dirty = true;
            }
        }
        if dirty {
            guard.terminal.draw(|frame| ui::draw(app, frame))?;
            dirty = false;
        }
        if first_frame {
            first_frame = false;
            if let Some(start) = worker.take() {
                start();
            }
            if app.has_list() {
                restore_positions(app, store);
                top_entities = Some(store.top_entities_in_background());
            }
            assert!(
                !env_flag("LEDE_TEST_PANIC"),
                "LEDE_TEST_PANIC is set: panicking after the first frame"
            );
            if env_flag("LEDE_EXIT_AFTER_FIRST_FRAME") {
                return Ok(());
            }
        }
        if !analysing && env_flag("LEDE_EXIT_AFTER_ANALYSIS") {
            return Ok(());
        }
        if stop.load(Ordering::Relaxed) {
            return quit(app, store);
        }
        // Every event of a burst is applied, then the screen is drawn once.
        let tick = if analysing || entity_index.is_some() || top_entities.is_some() {
            ANALYSIS_TICK
        } else {
            TICK
        };
        let batch = match input.recv_timeout(tick) {
            Ok(batch) => batch?,
            Err(RecvTimeoutError::Timeout) => Vec::new(),
            Err(RecvTimeoutError::Disconnected) => return quit(app, store),
        };
        for event in batch {
            let Some(action) = event::to_action(&event, keymap, app.is_editing()) else {
                continue;
            };
            dirty = true;
            match app.update(action) {
                Effect::Continue => {}
                Effect::Quit => return quit(app, store),
                Effect::Suspend => {
                    guard.suspend()?;
                    resize(guard, app)?;
                }
            }
            // The entity index is read off the input loop (it can take a
            // while over a large library); the rest is quick.
            if app.take_entity_index_request() {
                entity_index = Some(store.entity_index_in_background());
            }
            // Before the next key, so it applies to the article just opened.
            serve(app, store);
        }
    }
}

/// Saves the open article's position on the way out.
fn quit(app: &mut App, store: &mut Store) -> io::Result<()> {
    app.leave();
    serve(app, store);
    Ok(())
}

/// Reads terminal events on a thread of its own and sends them in batches.
///
/// When the terminal hangs up (its window closed, tmux killed), crossterm's
/// `poll` spins on a read that returns nothing and never comes back; with input
/// on its own thread the loop still sees the SIGHUP/SIGTERM flag and exits,
/// restoring the terminal, instead of spinning forever.
fn spawn_input() -> Receiver<io::Result<Vec<crossterm::event::Event>>> {
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("lede-input".to_owned())
        .spawn(move || {
            loop {
                let batch = event::read_batch(TICK);
                let failed = batch.is_err();
                if matches!(&batch, Ok(events) if events.is_empty()) {
                    continue;
                }
                if sender.send(batch).is_err() || failed {
                    return;
                }
            }
        });
    if let Err(err) = spawned {
        // No input thread: the loop sees a closed channel and ends cleanly.
        eprintln!("lede: cannot start the input thread: {err}");
    }
    receiver
}

fn resize(guard: &mut TerminalGuard, app: &mut App) -> io::Result<()> {
    let size = guard.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}
