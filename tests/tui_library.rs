//! The library screen of the reader: stored articles (from their list rows
//! alone) above the read-only Samples shelf, opening a stored article from
//! the real store, and reading positions kept by article id for stored
//! articles, files opened directly and samples.

use lede::article::{Field, load_bytes};
use lede::library::{self, Input, Library};
use lede::nlp::Analysis;
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Screen, Start};
use lede::tui::keymap::Keymap;
use lede::tui::state::document::{Anchor, Section};
use lede::tui::store::Store;
use lede::tui::theme::Theme;
use lede::tui::{restore_positions, serve, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn row(id: &str, title: &str, source: Option<&str>, top: &[&str]) -> library::Entry {
    library::Entry {
        id: id.to_owned(),
        title: Some(title.to_owned()),
        source: source.map(str::to_owned),
        date: Some("2026-05-01".to_owned()),
        top_entities: top.iter().map(|t| (*t).to_owned()).collect(),
        origin: format!("/news/{id}.txt"),
        added: 0,
    }
}

fn text_article(name: &str, title: &str, paragraphs: usize) -> Analysed {
    let body: String = (0..paragraphs)
        .map(|i| format!("Paragraph {i} of {title}: Anna Berg spoke in Oslo about the plan.\n\n"))
        .collect();
    let article = load_bytes(name, format!("{title}\n\n{body}").as_bytes()).unwrap();
    Analysed {
        article,
        analysis: Analysis::default(),
    }
}

fn samples() -> Vec<Analysed> {
    vec![
        text_article("s1.txt", "Sample one about trams", 30),
        text_article("s2.txt", "Sample two about ice", 30),
    ]
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn library_app(rows: &[library::Entry], width: u16, height: u16) -> App {
    let mut app = App::library(rows, samples(), &Keymap::default(), Theme::default());
    app.update(Action::Resize { width, height });
    app
}

#[test]
fn stored_articles_then_the_samples_shelf() {
    let rows = [
        row(
            "aaaaaaaaaaaa",
            "Harbour strike ends",
            Some("Coast Post"),
            &["Jon Lie", "Bergen"],
        ),
        row(
            "bbbbbbbbbbbb",
            "Council votes on tram budget",
            None,
            &["Ruth Ade"],
        ),
    ];
    let app = library_app(&rows, 80, 20);
    let text = screen(&app, 80, 20);
    insta::assert_snapshot!("library_list_with_samples", text);
    let lines: Vec<&str> = text.lines().collect();
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap();
    assert!(lines[0].contains("Library (2)") && lines[0].contains("Samples (2)"));
    assert!(at("Harbour strike ends") < at("Council votes"));
    assert!(at("Council votes") < at("── Samples"));
    assert!(at("── Samples") < at("Sample one about trams"));
    // The empty library still shows the samples, and says how to add.
    let text = screen(&library_app(&[], 80, 20), 80, 20);
    assert!(text.contains("Library empty"), "{text}");
    assert!(text.contains("Sample one about trams"));
}

#[test]
fn the_filter_finds_stored_articles_by_title_and_top_entity() {
    let rows = [
        row("aaaaaaaaaaaa", "Harbour strike ends", None, &["Jon Lie"]),
        row("bbbbbbbbbbbb", "Council votes", None, &["Ruth Ade"]),
    ];
    let mut app = library_app(&rows, 80, 20);
    app.update(Action::Search);
    for c in "ruth".chars() {
        app.update(Action::InputChar(c));
    }
    assert_eq!(app.list().shown(), [1]);
}

#[test]
fn opening_a_stored_entry_asks_for_it_and_restores_its_position() {
    let rows = [row("aaaaaaaaaaaa", "Harbour strike ends", None, &[])];
    let mut app = library_app(&rows, 80, 20);
    app.update(Action::Confirm);
    assert_eq!(
        app.screen(),
        Screen::List,
        "nothing to show before it loads"
    );
    assert_eq!(app.take_load_request(), Some(0));
    assert_eq!(app.take_load_request(), None);
    let mut loaded = text_article("h.txt", "Harbour strike ends", 40);
    loaded.article.id = "aaaaaaaaaaaa".to_owned();
    let saved = Anchor {
        section: Section::Body,
        offset: 400,
    };
    app.set_loaded(0, loaded, Some(saved));
    assert_eq!(app.screen(), Screen::Reader);
    let reader = app.reader().unwrap();
    assert_eq!(reader.anchor().section, Section::Body);
    assert!(reader.anchor().offset <= 400 && reader.anchor().offset > 300);
    app.update(Action::PageDown);
    let moved = app.reader().unwrap().anchor();
    app.update(Action::Back);
    assert_eq!(
        app.take_left_positions(),
        [("aaaaaaaaaaaa".to_owned(), moved)]
    );
    // Opening it again (now loaded) goes straight back to where it was left.
    app.update(Action::Confirm);
    assert_eq!(app.take_load_request(), None);
    assert_eq!(app.reader().unwrap().anchor(), moved);
}

/// A temp library with one stored article; returns its folder and id.
fn stored_library(tmp: &std::path::Path) -> (std::path::PathBuf, String) {
    let dir = tmp.join("lib");
    let file = tmp.join("story.txt");
    let body: String = (0..60)
        .map(|i| format!("Line {i}: Anna Berg met Jon Lie in Oslo to talk about the harbour.\n\n"))
        .collect();
    let text = format!("Harbour talks\n\n{body}");
    std::fs::write(&file, &text).unwrap();
    let mut library = Library::open(&dir).unwrap();
    library.add(&[Input::Path(file)], &mut |_| {}).unwrap();
    (dir, lede::article::article_id(text.as_bytes()))
}

#[test]
fn positions_survive_a_restart_for_stored_sample_and_direct_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, stored_id) = stored_library(tmp.path());
    let sample = samples().remove(0);
    let sample_id = sample.article.id.clone();

    // Session 1: open the stored article and the sample, page down, quit.
    let (mut store, notice) = Store::open(Some(dir.clone()));
    assert_eq!(notice, None);
    let rows = store.entries().unwrap();
    assert_eq!(rows.len(), 1);
    let mut app = App::library(
        &rows,
        vec![sample.clone()],
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    restore_positions(&mut app, &store);
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    assert_eq!(app.current().unwrap().article.id, stored_id);
    assert!(
        !app.current().unwrap().analysis.entities.is_empty(),
        "cached analysis"
    );
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let stored_at = app.reader().unwrap().anchor();
    assert_eq!(stored_at.section, Section::Body);
    app.update(Action::NextArticle);
    serve(&mut app, &mut store);
    assert_eq!(app.current().unwrap().article.id, sample_id);
    app.update(Action::PageDown);
    let sample_at = app.reader().unwrap().anchor();
    app.leave();
    serve(&mut app, &mut store);

    // Session 2: both come back where they were left.
    let (mut store, _) = Store::open(Some(dir.clone()));
    let mut app = App::library(
        &store.entries().unwrap(),
        vec![sample.clone()],
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    restore_positions(&mut app, &store);
    app.update(Action::Confirm);
    serve(&mut app, &mut store);
    assert_eq!(app.reader().unwrap().anchor(), stored_at);
    app.update(Action::Back);
    app.update(Action::ScrollDown);
    app.update(Action::Confirm);
    assert_eq!(app.current().unwrap().article.id, sample_id);
    assert_eq!(app.reader().unwrap().anchor(), sample_at);

    // A file opened directly (`lede FILE`): restored before the first frame.
    let direct = text_article("direct.txt", "Direct file", 40);
    let direct_id = direct.article.id.clone();
    let at = Anchor {
        section: Section::Body,
        offset: 300,
    };
    store.save(&direct_id, at).unwrap();
    let mut app = App::new(
        vec![direct],
        Start::Reader,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    restore_positions(&mut app, &store);
    let anchor = app.reader().unwrap().anchor();
    assert_eq!(anchor.section, Section::Body);
    assert!(anchor.offset <= 300 && anchor.offset > 200, "{anchor:?}");
    let saved = Library::open_existing(&dir).unwrap().unwrap();
    assert_eq!(
        saved.position(&direct_id).unwrap().unwrap().field,
        Field::Body
    );
}

#[test]
fn a_sample_position_creates_the_library_on_first_write_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new-lib");
    let (mut store, notice) = Store::open(Some(dir.clone()));
    assert_eq!(notice, None);
    let mut app = App::library(&[], samples(), &Keymap::default(), Theme::default());
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    app.update(Action::Confirm);
    app.update(Action::Back);
    serve(&mut app, &mut store);
    assert!(!dir.exists(), "an unmoved position is not written");
    app.update(Action::Confirm);
    app.update(Action::PageDown);
    app.update(Action::Back);
    serve(&mut app, &mut store);
    assert!(dir.join(library::DB_NAME).is_file());
}

#[test]
fn a_damaged_library_still_reads_with_a_notice() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(library::DB_NAME), b"garbage, not SQLite").unwrap();
    let (mut store, notice) = Store::open(Some(tmp.path().to_owned()));
    let notice = notice.unwrap();
    assert!(!notice.contains('\n'));
    let mut app = App::library(
        &store.entries().unwrap(),
        samples(),
        &Keymap::default(),
        Theme::default(),
    );
    app.set_notice(notice);
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    let text = screen(&app, 80, 20);
    assert!(text.contains("library unavailable"), "{text}");
    app.update(Action::Confirm);
    app.update(Action::PageDown);
    app.update(Action::Back);
    serve(&mut app, &mut store);
    assert_eq!(app.screen(), Screen::List);
}
