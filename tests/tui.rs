//! The reader without a terminal: App driven by actions, screens drawn into
//! ratatui's TestBackend (insta snapshots), and the binary under a pty for
//! the terminal-restore paths.

use std::path::PathBuf;

use lede::article::{Article, Field, load_bytes};
use lede::nlp::{Analysis, Analyzer, Entity, EntityKind, Mention, Quote};
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Effect, Focus, Screen, Start};
use lede::tui::keymap::Keymap;
use lede::tui::theme::Theme;
use lede::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// ----- fixtures -----

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared not found");
        None
    }
}

fn seed_bytes() -> Option<Vec<u8>> {
    std::fs::read(shared()?.join("seed/000_913f011d24c4eda7.txt")).ok()
}

/// Char offsets of every occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle)
        .map(|(b, _)| {
            let start = text.get(..b).map_or(0, |s| s.chars().count());
            (start, start + needle.chars().count())
        })
        .collect()
}

/// A hand-made analysis of the body (so these tests do not depend on the
/// tagger): every listed form of every entity, longest forms first, no
/// overlaps; quotes found by their text.
fn hand_analysis(
    article: &Article,
    entities: &[(&str, EntityKind, &[&str])],
    quotes: &[(&str, Option<usize>)],
) -> Analysis {
    let body = &article.body;
    let mut found: Vec<(usize, usize, usize, String)> = Vec::new();
    let mut forms: Vec<(usize, &str)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, (_, _, forms))| forms.iter().map(move |f| (i, *f)))
        .collect();
    forms.sort_by_key(|(_, f)| std::cmp::Reverse(f.len()));
    for (entity, form) in forms {
        for (start, end) in find_all(body, form) {
            if found.iter().all(|m| end <= m.0 || start >= m.1) {
                found.push((start, end, entity, form.to_owned()));
            }
        }
    }
    found.sort();
    let mentions: Vec<Mention> = found
        .iter()
        .map(|(start, end, entity, text)| Mention {
            field: Field::Body,
            start: *start,
            end: *end,
            bytes: 0..0,
            text: text.clone(),
            title: None,
            entity: *entity,
        })
        .collect();
    let entities = entities
        .iter()
        .enumerate()
        .map(|(i, (name, kind, _))| Entity {
            name: (*name).to_owned(),
            kind: *kind,
            aliases: Vec::new(),
            mentions: (0..mentions.len())
                .filter(|&m| mentions[m].entity == i)
                .collect(),
        })
        .collect();
    let quotes = quotes
        .iter()
        .filter_map(|(text, speaker)| {
            let (start, end) = *find_all(body, text).first()?;
            Some(Quote {
                field: Field::Body,
                start,
                end,
                text: (*text).to_owned(),
                speaker: *speaker,
                cue: None,
            })
        })
        .collect();
    Analysis {
        mentions,
        entities,
        quotes,
        ..Analysis::default()
    }
}

fn seed() -> Option<Analysed> {
    let article = load_bytes("seed.txt", &seed_bytes()?).ok()?;
    let analysis = hand_analysis(
        &article,
        &[
            (
                "Donald Trump",
                EntityKind::Person,
                &["Donald Trump", "Trump"],
            ),
            (
                "Vladimir Putin",
                EntityKind::Person,
                &["Vladimir Putin", "Putin"],
            ),
            ("Marco Rubio", EntityKind::Person, &["Marco Rubio"]),
            ("Melania Trump", EntityKind::Person, &["Melania Trump"]),
            ("Zelenskyy", EntityKind::Person, &["Zelenskyy"]),
            ("Russia", EntityKind::Place, &["Russia"]),
            ("Ukraine", EntityKind::Place, &["Ukraine"]),
            ("United States", EntityKind::Place, &["United States"]),
            ("Budapest", EntityKind::Place, &["Budapest"]),
            ("Truth Social", EntityKind::Organization, &["Truth Social"]),
        ],
        &[
            ("I have just concluded my telephone conversation", Some(0)),
            ("President Putin and I will then meet", Some(0)),
        ],
    );
    Some(Analysed { article, analysis })
}

fn small(title: &str, paragraphs: usize) -> Analysed {
    let body: String = (0..paragraphs)
        .map(|i| format!("Paragraph {i}: Anna Berg spoke in Oslo about the plan.\n\n"))
        .collect();
    let article = load_bytes("small.txt", format!("{title}\n\n{body}").as_bytes()).unwrap();
    let analysis = hand_analysis(
        &article,
        &[
            ("Anna Berg", EntityKind::Person, &["Anna Berg"]),
            ("Oslo", EntityKind::Place, &["Oslo"]),
        ],
        &[],
    );
    Analysed { article, analysis }
}

fn cjk() -> Analysed {
    let text = "東京の会議\n\n岸田首相は東京で記者会見を開いた。「経済は回復している」と述べた。\n\n絵文字 👩\u{200d}🔬 と結合文字 e\u{301} も含む。東京は晴れ。";
    let article = load_bytes("cjk.txt", text.as_bytes()).unwrap();
    let analysis = hand_analysis(
        &article,
        &[
            ("岸田", EntityKind::Person, &["岸田"]),
            ("東京", EntityKind::Place, &["東京"]),
        ],
        &[("経済は回復している", Some(0))],
    );
    Analysed { article, analysis }
}

fn app(articles: Vec<Analysed>, start: Start, width: u16, height: u16) -> App {
    let mut app = App::new(articles, start, &Keymap::default(), Theme::default());
    app.update(Action::Resize { width, height });
    app
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::draw(app, frame)).unwrap();
    terminal
}

fn screen_text(app: &App, width: u16, height: u16) -> String {
    draw(app, width, height).backend().to_string()
}

fn top_text(app: &App) -> String {
    let reader = app.reader().unwrap();
    reader.visible()[0]
        .pieces
        .iter()
        .map(|p| p.text.as_str())
        .collect()
}

// ----- state, driven by actions -----

/// Short name (as the status bar shows it) and mention count of the entity
/// on a sidebar row.
fn entity_row(app: &App, row: usize) -> (String, usize) {
    use lede::tui::state::sidebar::Item;
    let Some(Item::Entity(e)) = app.sidebar().items().get(row).copied() else {
        panic!("row {row} is not an entity");
    };
    let entity = &app.current().unwrap().analysis.entities[e];
    let short = entity.name.split_whitespace().last().unwrap().to_owned();
    (short, entity.mentions.len())
}

#[test]
fn sidebar_jump_next_previous_and_back() {
    let Some(doc) = seed() else { return };
    let mut app = app(vec![doc], Start::Reader, 120, 40);
    assert!(app.sidebar_visible());
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Sidebar);
    app.update(Action::Confirm);
    // The most mentioned person is first in the sidebar.
    let (name, count) = entity_row(&app, 1);
    assert_eq!(app.target_label(), Some(format!("{name} 1/{count}")));
    assert_eq!(app.reader().unwrap().jump_depth(), 1);
    app.update(Action::NextMention);
    assert_eq!(app.target_label(), Some(format!("{name} 2/{count}")));
    app.update(Action::PrevMention);
    app.update(Action::PrevMention);
    assert_eq!(app.target_label(), Some(format!("{name} {count}/{count}")));
    assert!(app.notice().unwrap().contains("wrapped"));
    let far = app.reader().unwrap().top();
    assert!(far > 0);
    app.update(Action::JumpBack);
    assert_eq!(app.reader().unwrap().top(), 0);
    app.update(Action::JumpBack);
    assert!(app.notice().unwrap().contains("no jump"));
}

#[test]
fn jump_stack_is_several_deep() {
    let Some(doc) = seed() else { return };
    let mut app = app(vec![doc], Start::Reader, 120, 12);
    app.update(Action::ToggleFocus);
    app.update(Action::Confirm);
    let first = app.reader().unwrap().top();
    app.update(Action::Bottom); // in the sidebar: the last quote
    app.update(Action::Confirm);
    assert_eq!(app.target_label(), Some("Quote 2/2".to_owned()));
    let second = app.reader().unwrap().top();
    assert_ne!(first, second);
    app.update(Action::JumpBack);
    assert_eq!(app.reader().unwrap().top(), first);
    app.update(Action::JumpBack);
    assert_eq!(app.reader().unwrap().top(), 0);
}

#[test]
fn the_target_mention_is_on_screen_after_each_step() {
    let Some(doc) = seed() else { return };
    let mut app = app(vec![doc], Start::Reader, 100, 8);
    app.update(Action::ToggleFocus);
    app.update(Action::Confirm);
    for _ in 0..12 {
        let mention = app.target_mention().unwrap();
        let visible = app.reader().unwrap().visible();
        assert!(
            visible
                .iter()
                .any(|l| l.pieces.iter().any(|p| p.mention == Some(mention))),
            "mention {mention} not on screen"
        );
        app.update(Action::NextMention);
    }
}

#[test]
fn resizing_keeps_the_reading_position() {
    let doc = small("Resize", 30);
    let mut app = app(vec![doc], Start::Reader, 70, 10);
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let before = top_text(&app);
    let anchor = app.reader().unwrap().anchor();
    for (w, h) in [(30, 8), (200, 60), (45, 20), (70, 10)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let reader = app.reader().unwrap();
        let first = reader.visible()[0].anchor;
        let line = reader.line_of(anchor);
        assert!(
            line >= reader.top() && line < reader.top() + reader.height(),
            "{w}x{h}: position lost"
        );
        assert!(first <= anchor, "{w}x{h}");
    }
    assert_eq!(top_text(&app), before);
}

#[test]
fn article_change_list_return_and_quit() {
    let docs = vec![small("First", 3), small("Second", 40), small("Third", 3)];
    let mut app = app(docs, Start::List, 100, 30);
    assert_eq!(app.screen(), Screen::List);
    app.update(Action::ScrollDown);
    app.update(Action::Confirm);
    assert_eq!(app.screen(), Screen::Reader);
    assert_eq!(app.reader().unwrap().article, 1);
    app.update(Action::PageDown);
    let kept = app.reader().unwrap().anchor();
    app.update(Action::NextArticle);
    assert_eq!(app.reader().unwrap().article, 2);
    app.update(Action::NextArticle);
    assert_eq!(app.notice(), Some("last article"));
    app.update(Action::PrevArticle);
    assert_eq!(app.reader().unwrap().article, 1);
    assert_eq!(app.reader().unwrap().anchor(), kept);
    assert_eq!(app.update(Action::Back), Effect::Continue);
    assert_eq!(app.screen(), Screen::List);
    assert_eq!(app.list().selected(), 1);
    assert_eq!(app.update(Action::Back), Effect::Quit);
}

#[test]
fn files_without_list_quit_on_back_and_help_closes_first() {
    let mut app = app(vec![small("One", 2)], Start::Reader, 100, 30);
    app.update(Action::ToggleHelp);
    assert!(app.help_visible());
    app.update(Action::ScrollDown); // scrolls the help (if taller), not the text
    assert_eq!(app.reader().unwrap().top(), 0);
    assert_eq!(app.update(Action::Back), Effect::Continue);
    assert!(!app.help_visible());
    assert_eq!(app.update(Action::Quit), Effect::Quit);
    assert_eq!(app.update(Action::Back), Effect::Quit);
}

#[test]
fn narrow_terminals_hide_the_sidebar_until_asked() {
    let mut app = app(vec![small("One", 2)], Start::Reader, 79, 20);
    assert!(!app.sidebar_visible());
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Text);
    app.update(Action::ToggleSidebar);
    assert!(app.sidebar_visible());
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Sidebar);
    app.update(Action::ToggleSidebar);
    assert!(!app.sidebar_visible());
    assert_eq!(app.focus(), Focus::Text);
}

#[test]
fn mouse_wheel_scrolls_and_click_selects_in_the_sidebar() {
    let Some(doc) = seed() else { return };
    let mut app = app(vec![doc], Start::Reader, 120, 20);
    app.update(Action::Scroll {
        lines: 3,
        column: 5,
        row: 5,
    });
    assert_eq!(app.reader().unwrap().top(), 3);
    let side = app.reader_areas().sidebar.unwrap();
    app.update(Action::Click {
        column: side.x + 3,
        row: side.y + 2,
    });
    assert_eq!(app.focus(), Focus::Sidebar);
    assert_eq!(app.sidebar().selected_row(), Some(2));
    app.update(Action::Confirm);
    let (name, count) = entity_row(&app, 2);
    assert_eq!(app.target_label(), Some(format!("{name} 1/{count}")));
}

// ----- drawing -----

fn every_screen() -> Vec<(&'static str, App)> {
    let mut screens = Vec::new();
    let docs = || vec![small("A list entry with a rather long title", 8), cjk()];
    screens.push(("list", app(docs(), Start::List, 80, 24)));
    screens.push(("empty list", app(Vec::new(), Start::List, 80, 24)));
    screens.push(("reader", app(docs(), Start::Reader, 80, 24)));
    let mut forced = app(vec![cjk()], Start::Reader, 30, 10);
    forced.update(Action::ToggleSidebar);
    screens.push(("reader + sidebar", forced));
    let mut help = app(docs(), Start::Reader, 80, 24);
    help.update(Action::ToggleHelp);
    screens.push(("help", help));
    screens
}

#[test]
fn every_screen_draws_at_every_size() {
    let mut sizes: Vec<(u16, u16)> = (1..=40)
        .flat_map(|w| (1..=12).map(move |h| (w, h)))
        .collect();
    sizes.push((200, 60));
    sizes.push((0, 0));
    for (name, mut app) in every_screen() {
        for &(w, h) in &sizes {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            app.update(Action::ScrollDown);
            if w == 0 || h == 0 {
                // TestBackend cannot print an empty buffer; drawing must still work.
                draw(&app, w, h);
                continue;
            }
            let text = screen_text(&app, w, h);
            if w < 20 || h < 5 {
                assert!(text.starts_with("\"T"), "{name} {w}x{h}: no notice");
                continue;
            }
            let last_row = text.lines().last().unwrap_or("");
            let expected = match name {
                "help" => "Keys",
                "list" => "2/2",
                "empty list" => "no articles",
                _ => "%",
            };
            let shown = if name == "help" { &text } else { last_row };
            assert!(shown.contains(expected), "{name} {w}x{h}: {text}");
        }
    }
}

#[test]
fn help_scrolls_on_short_terminals() {
    let mut app = app(vec![small("One", 2)], Start::Reader, 60, 8);
    app.update(Action::ToggleHelp);
    let before = screen_text(&app, 60, 8);
    assert!(before.contains("down one line"));
    app.update(Action::Bottom); // ignored: not a help scroll
    for _ in 0..8 {
        app.update(Action::PageDown);
    }
    let after = screen_text(&app, 60, 8);
    assert!(!after.contains("down one line"));
    assert!(after.contains("suspend"), "{after}");
    app.update(Action::ToggleHelp);
    app.update(Action::ToggleHelp);
    assert_eq!(app.help_offset(), 0);
}

#[test]
fn too_small_shows_a_notice() {
    let app = app(vec![small("One", 2)], Start::Reader, 19, 5);
    assert!(screen_text(&app, 19, 5).contains("Terminal too"));
}

#[test]
fn snapshot_reader_with_sidebar() {
    let Some(doc) = seed() else { return };
    let mut app = app(vec![doc], Start::Reader, 100, 30);
    app.update(Action::ToggleFocus);
    app.update(Action::ScrollDown);
    app.update(Action::Confirm);
    insta::assert_snapshot!("reader_with_sidebar", draw(&app, 100, 30).backend());
}

#[test]
fn snapshot_help() {
    let mut app = app(vec![small("Help", 5)], Start::Reader, 80, 40);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!("help", draw(&app, 80, 40).backend());
}

#[test]
fn snapshot_tiny_terminal() {
    let app = app(vec![small("Tiny", 5)], Start::Reader, 20, 5);
    insta::assert_snapshot!("reader_20x5", draw(&app, 20, 5).backend());
}

#[test]
fn snapshot_cjk() {
    let mut app = app(vec![cjk()], Start::Reader, 60, 12);
    app.update(Action::ToggleSidebar);
    insta::assert_snapshot!("reader_cjk", draw(&app, 60, 12).backend());
}

#[test]
fn snapshot_sample_list() {
    let analyzer = Analyzer::default();
    let docs: Vec<Analysed> = lede::samples::load_all()
        .into_iter()
        .map(|article| {
            let analysis = analyzer.analyze(&article);
            Analysed { article, analysis }
        })
        .collect();
    // As `lede` shows them with an empty library.
    let mut app = App::library(&[], docs, &Keymap::default(), Theme::default());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    insta::assert_snapshot!("sample_list", draw(&app, 100, 30).backend());
}

#[test]
fn snapshot_seed_with_the_real_analyzer() {
    let Some(bytes) = seed_bytes() else { return };
    let article = load_bytes("seed.txt", &bytes).unwrap();
    let analysis = Analyzer::default().analyze(&article);
    let app = app(vec![Analysed { article, analysis }], Start::Reader, 120, 40);
    insta::assert_snapshot!("seed_real_analysis", draw(&app, 120, 40).backend());
}

// ----- the binary under a pseudo-terminal -----

/// Runs the binary under `script` (a pty) with extra environment; returns
/// (exit success, output). None when `script` is missing.
fn run_in_pty(env: &[(&str, &str)], args: &str) -> Option<(bool, String)> {
    let bin = env!("CARGO_BIN_EXE_lede");
    let dir = tempfile::tempdir().ok()?;
    let mut cmd = std::process::Command::new("script");
    // The pty has no size until stty gives it one.
    let command = format!("stty cols 100 rows 30; {bin} {args}");
    cmd.args(["-qec", &command, "/dev/null"])
        .env("TERM", "xterm-256color")
        .env("LEDE_LIBRARY", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    match cmd.output() {
        Ok(out) => Some((
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )),
        Err(_) => {
            eprintln!("skipped: `script` not available");
            None
        }
    }
}

fn assert_restored(output: &str) {
    let entered = output
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    let after = output.get(entered..).unwrap_or("");
    for (seq, what) in [
        ("\x1b[?1049l", "leave the alternate screen"),
        ("\x1b[?1000l", "disable mouse capture"),
        ("\x1b[?2004l", "disable bracketed paste"),
    ] {
        assert!(after.contains(seq), "does not {what}: {after:?}");
    }
}

#[test]
fn panic_restores_the_terminal_and_fails() {
    let Some(dir) = shared() else { return };
    let file = dir.join("seed/000_913f011d24c4eda7.txt");
    let Some((ok, output)) = run_in_pty(&[("LEDE_TEST_PANIC", "1")], &file.display().to_string())
    else {
        return;
    };
    assert!(!ok, "a panic must exit non-zero");
    assert!(output.contains("LEDE_TEST_PANIC"), "{output:?}");
    assert_restored(&output);
    // The panic message comes after the screen is restored.
    let message = output.find("LEDE_TEST_PANIC").unwrap_or(0);
    let left = output.find("\x1b[?1049l").unwrap_or(usize::MAX);
    assert!(left < message, "message printed before the restore");
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(dir) = shared() else { return };
    let file = dir.join("seed/000_913f011d24c4eda7.txt");
    // The reader runs in the background of the pty's shell; the shell sends
    // it SIGTERM and prints its exit code.
    let args = format!(
        "{} & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo rc=$?",
        file.display()
    );
    let Some((_, output)) = run_in_pty(&[], &args) else {
        return;
    };
    assert!(output.contains("rc=0"), "{output:?}");
    assert_restored(&output);
}

#[test]
fn exit_after_first_frame_restores_the_terminal() {
    let Some((ok, output)) = run_in_pty(&[("LEDE_EXIT_AFTER_FIRST_FRAME", "1")], "") else {
        return;
    };
    assert!(ok, "{output:?}");
    assert_restored(&output);
}

#[test]
fn stdin_article_with_keys_from_the_terminal() {
    let Some(dir) = shared() else { return };
    let file = dir.join("seed/000_913f011d24c4eda7.txt");
    // stdin is a file, not the tty: the reader must still start (keys come
    // from /dev/tty) and show the article.
    let args = format!("- < {}", file.display());
    let Some((ok, output)) = run_in_pty(&[("LEDE_EXIT_AFTER_FIRST_FRAME", "1")], &args) else {
        return;
    };
    assert!(ok, "{output:?}");
    assert!(output.contains("Trump"), "{output:?}");
    assert_restored(&output);
}

#[test]
fn piped_stdout_gets_clean_text() {
    let Some(dir) = shared() else { return };
    let file = dir.join("seed/000_913f011d24c4eda7.txt");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Putin"));
    assert!(!text.contains('\x1b'));
}
