//! The library's Entities view, through a real temp library: the screen,
//! the kind and name filters, Enter to an entity's articles, Enter to open
//! one at the entity's first mention with `n` / `N` on it, and `q` / Esc
//! back one level at a time.

use lede::library::{Input, Library};
use lede::nlp::EntityKind;
use lede::tui::action::Action;
use lede::tui::app::{App, Screen};
use lede::tui::keymap::Keymap;
use lede::tui::state::document::Section;
use lede::tui::state::entities::CursorList;
use lede::tui::store::Store;
use lede::tui::theme::Theme;
use lede::tui::{serve, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FILLER: &str = "The committee went through the plan line by line for the whole morning.";

/// Three stored articles: Anna Berg is in two, Oslo in two, Jon Lie in two;
/// in the first, Anna Berg appears only after a long opening.
fn library(tmp: &std::path::Path) -> std::path::PathBuf {
    let dir = tmp.join("lib");
    let stories = [
        (
            "harbour.txt",
            "Harbour talks",
            format!(
                "{}{}",
                format!("{FILLER}\n\n").repeat(30),
                "Anna Berg spoke in Oslo about the harbour.\n\n".repeat(4)
            ),
        ),
        (
            "tram.txt",
            "Tram budget",
            "Anna Berg met Jon Lie in Bergen to agree the budget.\n\n".repeat(2),
        ),
        (
            "ferry.txt",
            "Ferry news",
            "Jon Lie visited Oslo on the morning ferry.\n\n".repeat(3),
        ),
    ];
    let mut inputs = Vec::new();
    for (file, title, body) in stories {
        let path = tmp.join(file);
        std::fs::write(&path, format!("{title}\n\n{body}")).unwrap();
        inputs.push(Input::Path(path));
    }
    let mut library = Library::open(&dir).unwrap();
    library.add(&inputs, &mut |_| {}).unwrap();
    dir
}

fn start(dir: &std::path::Path) -> (App, Store) {
    let (store, notice) = Store::open(Some(dir.to_owned()));
    assert_eq!(notice, None);
    let rows = store.entries().unwrap();
    assert_eq!(rows.len(), 3);
    let mut app = App::library(&rows, Vec::new(), &Keymap::default(), Theme::default());
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    (app, store)
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 20)).unwrap();
    terminal.draw(|frame| ui::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn shown_names(app: &App) -> Vec<(EntityKind, String)> {
    let list = app.entities().unwrap();
    (list.shown().iter())
        .map(|&i| {
            let r = &list.rows()[i];
            (r.kind, r.name.clone())
        })
        .collect()
}

fn type_filter(app: &mut App, text: &str) {
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::InputChar(c));
    }
    app.update(Action::InputAccept);
}

#[test]
fn the_entities_screen_lists_kinds_and_counts_and_filters() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, mut store) = start(&library(tmp.path()));
    app.update(Action::Entities);
    assert_eq!(app.screen(), Screen::Entities);
    assert!(app.entities_loading());
    assert!(screen(&app).contains("Loading the entities"));
    serve(&mut app, &mut store);
    assert!(!app.entities_loading());
    let text = screen(&app);
    insta::assert_snapshot!("entities_screen", text);
    let names = shown_names(&app);
    assert!(
        names.contains(&(EntityKind::Person, "Anna Berg".to_owned())),
        "{names:?}"
    );
    assert!(
        names.contains(&(EntityKind::Place, "Oslo".to_owned())),
        "{names:?}"
    );
    let anna = app
        .entities()
        .unwrap()
        .rows()
        .iter()
        .find(|r| r.name == "Anna Berg")
        .unwrap();
    assert_eq!((anna.articles, anna.mentions), (2, 6));

    // Tab cycles the kind shown, and the header says which.
    app.update(Action::ToggleFocus);
    assert!(
        shown_names(&app)
            .iter()
            .all(|(k, _)| *k == EntityKind::Person)
    );
    assert!(
        screen(&app)
            .lines()
            .next()
            .unwrap()
            .contains("kind: person")
    );
    app.update(Action::ToggleFocus);
    assert!(
        shown_names(&app)
            .iter()
            .all(|(k, _)| *k == EntityKind::Place)
    );
    app.update(Action::ToggleFocus);
    app.update(Action::ToggleFocus);
    assert_eq!(app.entities().unwrap().kind(), None);

    // `/` is typo tolerant, as on the library list.
    type_filter(&mut app, "ana berg");
    assert_eq!(
        shown_names(&app),
        [(EntityKind::Person, "Anna Berg".to_owned())]
    );
    assert!(screen(&app).contains("Anna Berg"));
    // Esc clears the filter first, then leaves for the library list.
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Entities);
    assert_eq!(shown_names(&app).len(), names.len());
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::List);
}

#[test]
fn enter_lists_articles_and_opens_one_at_the_first_mention_with_n_ready() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, mut store) = start(&library(tmp.path()));
    app.update(Action::Entities);
    serve(&mut app, &mut store);
    type_filter(&mut app, "anna berg");
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    assert_eq!(app.screen(), Screen::EntityArticles);
    let articles = app.entity_articles().unwrap();
    let titles: Vec<_> = (articles.rows().iter())
        .map(|r| (r.title.clone().unwrap(), r.count))
        .collect();
    assert_eq!(
        titles,
        [
            ("Harbour talks".to_owned(), 4),
            ("Tram budget".to_owned(), 2)
        ],
        "most mentions first"
    );
    let text = screen(&app);
    assert!(text.contains("Anna Berg (person) · 2 articles"), "{text}");
    assert!(text.contains("Harbour talks"), "{text}");

    // Enter opens the stored article at Anna Berg's first mention.
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    assert_eq!(app.screen(), Screen::Reader);
    assert_eq!(
        app.current().unwrap().article.title.as_deref(),
        Some("Harbour talks")
    );
    assert_eq!(app.target_label().as_deref(), Some("Berg 1/4"));
    let analysis = &app.current().unwrap().analysis;
    let first = analysis.mentions[app.target_mention().unwrap()].clone();
    assert_eq!(first.text, "Anna Berg");
    let anchor = app.reader().unwrap().anchor();
    assert_eq!(anchor.section, Section::Body);
    assert!(
        anchor.offset > 30 * FILLER.len() / 2,
        "scrolled down to the mention, not left at the top: {anchor:?}"
    );
    let text = screen(&app);
    assert!(text.contains("Anna Berg spoke in Oslo"), "{text}");
    assert!(text.contains("q articles"), "{text}");

    // n moves to the next mention of the same entity.
    app.update(Action::NextMention);
    assert_eq!(app.target_label().as_deref(), Some("Berg 2/4"));
    let second = &app.current().unwrap().analysis.mentions[app.target_mention().unwrap()];
    assert!(second.start > first.start);
    app.update(Action::PrevMention);
    assert_eq!(app.target_label().as_deref(), Some("Berg 1/4"));

    // q goes back one level at a time: articles, entities, library.
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::EntityArticles);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Entities);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Entities, "the filter clears first");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::List);
    // The index is kept: E again needs no reload.
    app.update(Action::Entities);
    assert!(!app.entities_loading());
    assert!(!app.take_entity_index_request());
}

#[test]
fn an_article_opened_from_the_library_list_returns_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, mut store) = start(&library(tmp.path()));
    app.update(Action::Entities);
    serve(&mut app, &mut store);
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    app.update(Action::Back);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::List);
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    assert_eq!(app.screen(), Screen::Reader);
    assert_eq!(app.target_label(), None, "no entity target from the list");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::List);
}

#[test]
fn movement_keys_and_the_wheel_move_the_selection() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, mut store) = start(&library(tmp.path()));
    app.update(Action::Entities);
    serve(&mut app, &mut store);
    let n = app.entities().unwrap().shown().len();
    assert!(n >= 3, "{n}");
    app.update(Action::ScrollDown);
    assert_eq!(app.entities().unwrap().position(), 1);
    app.update(Action::Bottom);
    assert_eq!(app.entities().unwrap().position(), n - 1);
    app.update(Action::Top);
    assert_eq!(app.entities().unwrap().position(), 0);
    app.update(Action::PageDown);
    assert_eq!(app.entities().unwrap().position(), (n - 1).min(16));
    app.update(Action::Scroll {
        lines: -3,
        column: 5,
        row: 5,
    });
    app.update(Action::Top);
    // A click on the second row selects it; a second click opens it.
    app.update(Action::Click { column: 5, row: 3 });
    assert_eq!(app.entities().unwrap().position(), 1);
    app.update(Action::Click { column: 5, row: 3 });
    serve(&mut app, &mut store);
    assert_eq!(app.screen(), Screen::EntityArticles);
}

#[test]
fn without_a_library_the_view_is_empty_not_broken() {
    let mut app = App::library(&[], Vec::new(), &Keymap::default(), Theme::default());
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    let mut store = Store::none();
    app.update(Action::Entities);
    serve(&mut app, &mut store);
    assert!(screen(&app).contains("No entities"));
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    assert_eq!(app.screen(), Screen::Entities);
}

#[test]
fn the_list_names_each_article_s_three_most_mentioned_entities() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = library(tmp.path());
    let library = Library::open_existing(&dir).unwrap().unwrap();
    let conn = rusqlite::Connection::open(dir.join(lede::library::DB_NAME)).unwrap();
    let entries = library.list(lede::library::Sort::Date).unwrap();
    assert_eq!(entries.len(), 3);
    for entry in entries {
        let mut stmt = conn
            .prepare("SELECT name FROM entities WHERE article_id = ?1 ORDER BY rank LIMIT 3")
            .unwrap();
        let want: Vec<String> = stmt
            .query_map([&entry.id], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!want.is_empty());
        assert_eq!(entry.top_entities, want, "{:?}", entry.title);
    }
}

#[test]
fn the_first_screen_has_its_names_and_the_rest_fill_in_after() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = library(tmp.path());
    let (store, _) = Store::open(Some(dir.clone()));
    let full = store.entries().unwrap();
    let first = store.entries_first(1).unwrap();
    let ids = |rows: &[lede::library::Entry]| rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&first), ids(&full), "the same rows in the same order");
    assert_eq!(first[0].top_entities, full[0].top_entities);
    assert!(first[1].top_entities.is_empty() && !full[1].top_entities.is_empty());
    let mut app = App::library(&first, Vec::new(), &Keymap::default(), Theme::default());
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    // The rows past the first screen show their names once they arrive.
    let name = full[1].top_entities[0].clone();
    let before = screen(&app);
    let top = Library::open_existing(&dir)
        .unwrap()
        .unwrap()
        .top_entities()
        .unwrap();
    app.set_top_entities(top);
    let after = screen(&app);
    assert_ne!(before, after);
    let entries = app.list().entries();
    for (entry, row) in entries.iter().zip(&full) {
        assert_eq!(entry.names, row.top_entities);
    }
    assert!(entries[1].names.contains(&name));
}

#[test]
fn a_narrow_terminal_shows_names_before_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, mut store) = start(&library(tmp.path()));
    app.update(Action::Resize {
        width: 24,
        height: 8,
    });
    app.update(Action::Entities);
    serve(&mut app, &mut store);
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(24, 8)).unwrap();
        terminal.draw(|frame| ui::draw(app, frame)).unwrap();
        terminal.backend().to_string()
    };
    let text = draw(&app);
    assert!(text.contains("Anna Berg"), "{text}");
    assert!(!text.contains("articles"), "{text}");
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    let text = draw(&app);
    assert_eq!(app.screen(), Screen::EntityArticles);
    assert!(
        text.contains("Harbour talks") || text.contains("Tram budget"),
        "{text}"
    );
}
