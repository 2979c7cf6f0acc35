//! Highlighting in the reader, driven by actions against a library in a
//! temp dir: the sentence cursor, visual selection, `m`, `a`, `x`, `U`,
//! `n`/`N` over highlights, persistence and re-anchoring, and a snapshot of
//! the reader with highlights and an orphan.

use std::path::Path;

use lede::article::{Article, Field, load_bytes, load_path};
use lede::library::{Library, NewHighlight};
use lede::nlp::{Analysis, Entity, EntityKind, Mention, Quote};
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Focus, Start};
use lede::tui::keymap::{Key, Keymap};
use lede::tui::state::sidebar::Item;
use lede::tui::theme::Theme;
use lede::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TEXT: &str = "Harbour plan\n\n\
    Anna Berg met the council on Monday. The vote was close. \
    “We will build it,” Berg said.\n\n\
    Critics were not convinced. They asked for a new study.\n\n\
    The next meeting is in May.";

fn analysed(article: Article) -> Analysed {
    let find = |needle: &str| {
        let b = article.body.find(needle).unwrap();
        let start = article.body.get(..b).unwrap().chars().count();
        (start, start + needle.chars().count())
    };
    let (ms, me) = find("Anna Berg");
    let (qs, qe) = find("We will build it,");
    let analysis = Analysis {
        mentions: vec![Mention {
            field: Field::Body,
            start: ms,
            end: me,
            bytes: 0..0,
            text: "Anna Berg".into(),
            title: None,
            entity: 0,
        }],
        entities: vec![Entity {
            name: "Anna Berg".into(),
            kind: EntityKind::Person,
            aliases: vec![],
            mentions: vec![0],
        }],
        quotes: vec![Quote {
            field: Field::Body,
            start: qs,
            end: qe,
            text: "We will build it,".into(),
            speaker: Some(0),
            cue: None,
        }],
        ..Analysis::default()
    };
    Analysed { article, analysis }
}

fn doc() -> Analysed {
    analysed(load_bytes("harbour.txt", TEXT.as_bytes()).unwrap())
}

fn app_with(lib: &Path, doc: Analysed) -> App {
    let mut app = App::new(
        vec![doc],
        Start::Reader,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 100,
        height: 24,
    });
    app.set_library(Some(lib.to_owned()));
    app
}

fn texts(app: &App) -> Vec<String> {
    app.marks()
        .highlights()
        .iter()
        .map(|h| h.text.clone())
        .collect()
}

fn stored(lib: &Path, id: &str) -> Vec<lede::library::Highlight> {
    Library::open(lib).unwrap().highlights(id).unwrap()
}

fn cursor_text(app: &App) -> String {
    let s = app.marks().cursor().unwrap();
    let text = app.current().unwrap().article.field_text(s.field).unwrap();
    text.chars().skip(s.start).take(s.end - s.start).collect()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::InputChar(c));
    }
}

#[test]
fn the_keys_are_bound_as_documented() {
    let mut k = Keymap::default();
    for (c, action) in [
        (')', Action::NextSentence),
        ('(', Action::PrevSentence),
        ('v', Action::Visual),
        ('m', Action::Highlight),
        ('a', Action::Note),
        ('x', Action::RemoveHighlight),
        ('U', Action::UndoRemove),
    ] {
        assert_eq!(k.press(Key::char(c)), Some(action), "{c}");
    }
    assert_eq!(Action::from_name("undo_remove"), Ok(Action::UndoRemove));
    let help = k.help();
    assert!(
        help.iter()
            .any(|(keys, d)| keys == "m" && d.contains("highlight"))
    );
}

#[test]
fn the_cursor_moves_by_sentence_and_m_highlights_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut app = app_with(&lib, doc());
    assert!(!app.marks().cursor_active);
    app.update(Action::NextSentence);
    assert!(app.marks().cursor_active);
    assert_eq!(cursor_text(&app), "Harbour plan");
    app.update(Action::NextSentence);
    app.update(Action::NextSentence);
    assert_eq!(cursor_text(&app), "The vote was close.");
    app.update(Action::PrevSentence);
    assert_eq!(cursor_text(&app), "Anna Berg met the council on Monday.");
    assert!(!lib.exists(), "reading never creates the library");
    app.update(Action::Highlight);
    assert_eq!(texts(&app), ["Anna Berg met the council on Monday."]);
    assert_eq!(app.notice(), Some("highlighted (a adds a note)"));
    // The same sentence again is not doubled.
    app.update(Action::Highlight);
    assert_eq!(app.marks().highlights().len(), 1);
    let id = app.current().unwrap().article.id.clone();
    let rows = stored(&lib, &id);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].suffix, " The vote was close. “We will ");
    // A new reader on the same library shows it: no save step.
    let again = app_with(&lib, doc());
    assert_eq!(texts(&again), ["Anna Berg met the council on Monday."]);
    assert!(
        (again.sidebar().items()).contains(&Item::HighlightsLabel(1)),
        "{:?}",
        again.sidebar().items()
    );
}

#[test]
fn a_visual_selection_extends_with_motions() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut app = app_with(&lib, doc());
    app.update(Action::NextSentence);
    app.update(Action::NextSentence);
    app.update(Action::Visual);
    assert!(app.marks().selection.is_some());
    app.update(Action::NextSentence);
    app.update(Action::NextSentence);
    app.update(Action::PrevSentence);
    app.update(Action::Highlight);
    assert!(app.marks().selection.is_none());
    assert_eq!(
        texts(&app),
        ["Anna Berg met the council on Monday. The vote was close."]
    );
    // A line motion extends into the next paragraph; Esc drops the selection.
    app.update(Action::Visual);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    let (start, end) = app.marks().selection.unwrap().range();
    assert!(end > start + 40, "{start}..{end}");
    app.update(Action::Back);
    assert!(app.marks().selection.is_none());
    assert_eq!(app.marks().highlights().len(), 1);
    // Visual, then a selection down to the end of the field.
    app.update(Action::Visual);
    app.update(Action::Bottom);
    app.update(Action::Highlight);
    let last = texts(&app).pop().unwrap();
    assert!(last.ends_with("The next meeting is in May."), "{last}");
    assert!(last.starts_with("Anna Berg"), "{last}");
}

#[test]
fn m_on_a_sidebar_quote_highlights_the_quote() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut app = app_with(&lib, doc());
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Sidebar);
    app.update(Action::ScrollDown);
    assert_eq!(app.sidebar().selected(), Some(Item::Quote(0)));
    app.update(Action::Highlight);
    assert_eq!(texts(&app), ["We will build it,"]);
}

#[test]
fn a_adds_and_edits_a_note_with_the_usual_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut app = app_with(&lib, doc());
    app.update(Action::NextSentence);
    app.update(Action::NextSentence);
    // `a` on a sentence without a highlight highlights it and opens the note.
    app.update(Action::Note);
    assert!(app.is_editing());
    type_text(&mut app, "chek");
    app.update(Action::InputLeft);
    app.update(Action::InputChar('c'));
    app.update(Action::InputHome);
    app.update(Action::InputDelete);
    app.update(Action::InputChar('C'));
    app.update(Action::InputEnd);
    app.update(Action::InputBackspace);
    app.update(Action::InputChar('k'));
    app.update(Action::InputAccept);
    assert!(!app.is_editing());
    assert_eq!(app.notice(), Some("note saved"));
    let h = &app.marks().highlights()[0];
    assert_eq!(h.note.as_deref(), Some("Check"));
    // Editing starts from the saved note; Esc leaves it as it was.
    app.update(Action::Note);
    assert_eq!(app.marks().note.as_ref().unwrap().text(), "Check");
    type_text(&mut app, " later");
    app.update(Action::InputCancel);
    assert_eq!(app.marks().highlights()[0].note.as_deref(), Some("Check"));
    let id = app.current().unwrap().article.id.clone();
    assert_eq!(stored(&lib, &id)[0].note.as_deref(), Some("Check"));
    // q (Back) also closes the note without quitting.
    app.update(Action::Note);
    assert!(matches!(
        app.update(Action::Back),
        lede::tui::app::Effect::Continue
    ));
    assert!(!app.is_editing());
}

#[test]
fn x_removes_and_u_undoes() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut app = app_with(&lib, doc());
    app.update(Action::NextSentence);
    app.update(Action::NextSentence);
    app.update(Action::Note);
    type_text(&mut app, "keep me");
    app.update(Action::InputAccept);
    let before = app.marks().highlights()[0].clone();
    app.update(Action::NextSentence);
    app.update(Action::RemoveHighlight);
    assert_eq!(app.notice(), Some("no highlight here"));
    app.update(Action::PrevSentence);
    app.update(Action::RemoveHighlight);
    assert!(app.marks().highlights().is_empty());
    assert_eq!(stored(&lib, &before.article_id).len(), 0);
    app.update(Action::UndoRemove);
    assert_eq!(app.marks().highlights(), std::slice::from_ref(&before));
    app.update(Action::UndoRemove);
    assert_eq!(app.notice(), Some("no removal to undo"));
    // x on a highlight selected in the sidebar.
    app.update(Action::ToggleFocus);
    app.update(Action::Bottom);
    assert_eq!(app.sidebar().selected(), Some(Item::Highlight(0)));
    app.update(Action::RemoveHighlight);
    assert!(app.marks().highlights().is_empty());
    assert!(!app.sidebar().items().contains(&Item::HighlightsLabel(1)));
}

#[test]
fn n_and_shift_n_step_through_highlights() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut app = app_with(&lib, doc());
    for _ in 0..2 {
        app.update(Action::NextSentence);
    }
    app.update(Action::Highlight);
    for _ in 0..3 {
        app.update(Action::NextSentence);
    }
    app.update(Action::Highlight);
    assert_eq!(
        texts(&app),
        [
            "Anna Berg met the council on Monday.",
            "Critics were not convinced."
        ]
    );
    app.update(Action::ToggleFocus);
    app.update(Action::Bottom);
    app.update(Action::ScrollUp);
    assert_eq!(app.sidebar().selected(), Some(Item::Highlight(0)));
    app.update(Action::Confirm);
    assert_eq!(app.target_label().as_deref(), Some("Highlight 1/2"));
    assert_eq!(app.target_highlight(), Some(0));
    app.update(Action::NextMention);
    assert_eq!(app.target_label().as_deref(), Some("Highlight 2/2"));
    assert_eq!(app.sidebar().selected(), Some(Item::Highlight(1)));
    app.update(Action::NextMention);
    assert_eq!(app.target_label().as_deref(), Some("Highlight 1/2"));
    assert_eq!(app.notice(), Some("wrapped to the first"));
    app.update(Action::PrevMention);
    assert_eq!(app.target_label().as_deref(), Some("Highlight 2/2"));
    // The cursor follows the jump: `a` from the text edits that highlight.
    app.update(Action::ToggleFocus);
    assert_eq!(cursor_text(&app), "Critics were not convinced.");
}

#[test]
fn without_a_library_highlighting_shows_a_notice() {
    let mut app = App::new(
        vec![doc()],
        Start::Reader,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 100,
        height: 24,
    });
    app.update(Action::Highlight);
    assert!(
        app.notice().unwrap().contains("library"),
        "{:?}",
        app.notice()
    );
    assert!(app.marks().highlights().is_empty());
    // A library path that is a file cannot be opened: a notice, no panic.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    app.set_library(Some(file));
    app.update(Action::Highlight);
    assert!(app.notice().unwrap().starts_with("cannot highlight"));
    app.update(Action::UndoRemove);
    assert_eq!(app.notice(), Some("no removal to undo"));
}

#[test]
fn a_file_opened_directly_keeps_its_highlights_after_an_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let path = tmp.path().join("harbour.txt");
    std::fs::write(&path, TEXT).unwrap();
    let load = |p: &Path| analysed(load_path(p).unwrap().articles.remove(0));
    let mut app = app_with(&lib, load(&path));
    for _ in 0..5 {
        app.update(Action::NextSentence);
    }
    app.update(Action::Highlight);
    app.update(Action::NextSentence);
    app.update(Action::Highlight);
    assert_eq!(
        texts(&app),
        ["Critics were not convinced.", "They asked for a new study."]
    );
    let old_id = app.current().unwrap().article.id.clone();
    // The file changes: a paragraph before, a typo fixed, a sentence gone.
    let edited = TEXT
        .replace(
            "Harbour plan\n\n",
            "Harbour plan\n\nAn update was added on Tuesday.\n\n",
        )
        .replace(
            "Critics were not convinced.",
            "Critics were not convinced at all.",
        )
        .replace(" They asked for a new study.", "");
    std::fs::write(&path, &edited).unwrap();
    let app = app_with(&lib, load(&path));
    let new_id = app.current().unwrap().article.id.clone();
    assert_ne!(new_id, old_id);
    let hs = app.marks().highlights();
    assert_eq!(hs.len(), 2, "{hs:?}");
    assert!(!hs[0].orphaned);
    assert_eq!(hs[0].text, "Critics were not convinced");
    assert!(hs[1].orphaned);
    assert_eq!(hs[1].text, "They asked for a new study.");
    assert!(stored(&lib, &old_id).is_empty());
    assert_eq!(stored(&lib, &new_id).len(), 2);
}

#[test]
fn snapshot_reader_with_highlights_and_an_orphan() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let d = doc();
    {
        let library = Library::open(&lib).unwrap();
        let body = &d.article.body;
        let add = |needle: &str, note: Option<&str>| {
            let b = body.find(needle).unwrap();
            let start = body.get(..b).unwrap().chars().count();
            let mut new = NewHighlight::from_text(
                &d.article.id,
                Field::Body,
                body,
                start,
                start + needle.chars().count(),
            );
            new.note = note.map(str::to_owned);
            library.add_highlight(&new).unwrap();
        };
        add("The vote was close.", Some("ask why"));
        add("They asked for a new study.", None);
        let mut orphan = NewHighlight::from_text(&d.article.id, Field::Body, body, 0, 10);
        orphan.text = "A sentence that was later deleted.".to_owned();
        library.add_highlight(&orphan).unwrap();
    }
    let mut app = app_with(&lib, d);
    assert!(app.marks().highlights()[2].orphaned);
    app.update(Action::ToggleFocus);
    app.update(Action::Bottom);
    app.update(Action::Confirm);
    assert_eq!(
        app.notice(),
        Some("orphaned: its text is no longer in the article")
    );
    app.update(Action::ToggleFocus);
    app.update(Action::NextSentence);
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
    terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
    insta::assert_snapshot!("reader_with_highlights", terminal.backend());
    // Highlights are painted in the text (the snapshot keeps only symbols).
    let buffer = terminal.backend().buffer();
    let bg = |x: u16, y: u16| buffer.cell((x, y)).map(|c| c.bg);
    let hl = Some(Theme::default().highlight().bg.unwrap());
    assert_eq!(bg(40, 2), hl, "inside 'The vote was close.'");
    assert_ne!(bg(10, 2), hl, "outside");
    assert_eq!(bg(31, 6), hl, "inside 'They asked…'");
    assert_ne!(bg(2, 6), hl);
}
