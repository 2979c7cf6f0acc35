//! The reader's `e` export picker, driven by actions without a terminal:
//! it opens over the reader, changes format and scope, writes through the
//! same export code as `lede export` into a temp folder (with the stored
//! highlights of a temp library), never overwrites, and draws as an overlay.

use lede::article::{Field, load_bytes};
use lede::library::{Library, NewHighlight};
use lede::nlp::Analyzer;
use lede::tui::action::Action;
use lede::tui::app::export::Scope;
use lede::tui::app::{Analysed, App, Start};
use lede::tui::keymap::Keymap;
use lede::tui::theme::Theme;
use lede::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TEXT: &str = "Bridge reopens\n\nMayor Jane Roe opened the bridge in Riverside on Monday.\n\n\
    \"Nobody will wait at the river again,\" Roe said.\n";

fn analysed(name: &str, text: &str) -> Analysed {
    let article = load_bytes(name, text.as_bytes()).unwrap();
    let analysis = Analyzer::default().analyze(&article);
    Analysed { article, analysis }
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn picker_exports_the_article_with_its_highlights() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let lib = tmp.path().join("lib");
    let first = analysed("bridge.txt", TEXT);
    let library = Library::open(&lib).unwrap();
    let body = &first.article.body;
    library
        .add_highlight(&NewHighlight::from_text(
            &first.article.id,
            Field::Body,
            body,
            0,
            "Mayor Jane Roe opened".chars().count(),
        ))
        .unwrap();
    drop(library);
    let second = analysed("other.txt", "Other\n\nBob Smith went to Berlin.\n");
    let mut app = App::new(
        vec![first, second],
        Start::List,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    // Only in the reader.
    app.update(Action::Export);
    assert!(app.export_picker().is_none());
    app.update(Action::Confirm);
    app.update(Action::Export);
    let picker = app.export_picker_mut().expect("picker open");
    picker.destinations = vec![out.clone()];
    picker.library = Some(lib.clone());
    let drawn = screen(&app);
    assert!(
        drawn.contains("Export") && drawn.contains("markdown"),
        "{drawn}"
    );
    assert!(drawn.contains("this article"), "{drawn}");
    // Format: markdown -> json -> csv.
    app.update(Action::ToggleFocus);
    app.update(Action::ToggleFocus);
    assert_eq!(app.export_picker().unwrap().format().name(), "csv");
    app.update(Action::Confirm);
    assert!(app.export_picker().is_none(), "closed after exporting");
    let notice = app.notice().unwrap_or("").to_owned();
    assert!(notice.starts_with("wrote "), "{notice}");
    let files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        csv.contains("Mayor Jane Roe opened,Bridge reopens"),
        "{csv}"
    );
    // Again: refused, nothing overwritten.
    app.update(Action::Export);
    let picker = app.export_picker_mut().unwrap();
    picker.destinations = vec![out.clone()];
    picker.library = Some(lib.clone());
    picker.format = 2;
    app.update(Action::Confirm);
    let notice = app.notice().unwrap_or("").to_owned();
    assert!(notice.contains("already exists"), "{notice}");
    // All open articles as markdown: one file each in out/lede-export.
    app.update(Action::Export);
    let picker = app.export_picker_mut().unwrap();
    picker.destinations = vec![out.clone()];
    picker.library = None;
    app.update(Action::ScrollDown);
    app.update(Action::ToggleFocus);
    assert_eq!(app.export_picker().unwrap().scope, Scope::All);
    app.update(Action::Confirm);
    assert_eq!(
        std::fs::read_dir(out.join("lede-export")).unwrap().count(),
        2
    );
    // Esc closes without exporting.
    app.update(Action::Export);
    app.update(Action::Back);
    assert!(app.export_picker().is_none());
    assert!(app.reader().is_some(), "still reading");
}

#[test]
fn snapshot_export_picker() {
    let article = load_bytes("bridge.txt", TEXT.as_bytes()).unwrap();
    let plain = Analysed {
        article,
        analysis: lede::nlp::Analysis::default(),
    };
    let mut app = App::new(
        vec![plain],
        Start::Reader,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::Export);
    let picker = app.export_picker_mut().unwrap();
    picker.destinations = vec!["/home/reader/notes".into()];
    app.update(Action::ScrollDown);
    insta::assert_snapshot!("export_picker", screen(&app));
}
