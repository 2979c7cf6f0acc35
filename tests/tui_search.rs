//! Search, list filter, background analysis and no-colour drawing, through
//! `App` driven by actions and drawn into a TestBackend.

use lede::article::{Field, load_bytes};
use lede::nlp::{Analysis, Entity, EntityKind, Mention};
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Effect, Start};
use lede::tui::keymap::Keymap;
use lede::tui::theme::Theme;
use lede::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const TEXT: &str = "Talks in Kyiv\n\nPresident Trump met officials in Kyiv. Donald Trump said the talks in kyiv went well.\n\nLater, Trump flew home. A trumpet played.";

/// Char range of the n-th occurrence of `needle` in the body.
fn at(body: &str, needle: &str, n: usize) -> (usize, usize) {
    let (b, _) = body.match_indices(needle).nth(n).unwrap();
    let start = body.get(..b).unwrap().chars().count();
    (start, start + needle.chars().count())
}

fn analysed() -> Analysed {
    let article = load_bytes("a.txt", TEXT.as_bytes()).unwrap();
    let body = article.body.clone();
    let mention = |(start, end): (usize, usize), entity| Mention {
        field: Field::Body,
        start,
        end,
        bytes: 0..0,
        text: String::new(),
        title: None,
        entity,
    };
    let analysis = Analysis {
        mentions: vec![
            mention(at(&body, "President Trump", 0), 0),
            mention(at(&body, "Kyiv", 0), 1),
            mention(at(&body, "Donald Trump", 0), 0),
            mention(at(&body, "Trump", 2), 0),
        ],
        entities: vec![
            Entity {
                name: "Donald Trump".into(),
                kind: EntityKind::Person,
                aliases: vec!["President Trump".into(), "Trump".into()],
                mentions: vec![0, 2, 3],
            },
            Entity {
                name: "Kyiv".into(),
                kind: EntityKind::Place,
                aliases: vec![],
                mentions: vec![1],
            },
        ],
        ..Analysis::default()
    };
    Analysed { article, analysis }
}

fn app_with(articles: Vec<Analysed>, start: Start, theme: Theme) -> App {
    let mut app = App::new(articles, start, &Keymap::default(), theme);
    app.update(Action::Resize {
        width: 100,
        height: 20,
    });
    app
}

fn type_line(app: &mut App, text: &str) {
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::InputChar(c));
    }
}

/// The text of each hit, from the field it is in.
fn hit_texts(app: &App) -> Vec<String> {
    use lede::tui::state::document::Section;
    let article = &app.current().unwrap().article;
    let search = app.search().unwrap();
    search
        .hits()
        .iter()
        .map(|h| {
            let field = match h.section {
                Section::Title => article.title.as_deref().unwrap(),
                _ => article.body.as_str(),
            };
            field.chars().skip(h.start).take(h.end - h.start).collect()
        })
        .collect()
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(100, 20)).unwrap();
    t.draw(|f| ui::draw(app, f)).unwrap();
    t
}

#[test]
fn incremental_smart_case_with_linked_mentions() {
    let mut app = app_with(vec![analysed()], Start::Reader, Theme::default());
    type_line(&mut app, "tr");
    assert!(app.is_editing());
    // "tr" names no entity (whole words only): text hits only.
    assert_eq!(app.search().unwrap().hits().len(), 4);
    for c in "ump".chars() {
        app.update(Action::InputChar(c));
    }
    // Lowercase: case-insensitive text plus every mention of Donald Trump.
    assert_eq!(
        hit_texts(&app),
        ["President Trump", "Donald Trump", "Trump", "trump"]
    );
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    // An empty line after backspace is closed by one more.
    app.update(Action::InputBackspace);
    assert!(app.search().is_none());
    type_line(&mut app, "Trump");
    assert_eq!(
        hit_texts(&app),
        ["President Trump", "Donald Trump", "Trump"]
    );
    // The title is searched too, first in reading order.
    type_line(&mut app, "kyiv");
    assert_eq!(hit_texts(&app), ["Kyiv", "Kyiv", "kyiv"]);
    assert_eq!(
        app.search().unwrap().hits()[0].section,
        lede::tui::state::document::Section::Title
    );
    type_line(&mut app, "Kyiv");
    assert_eq!(hit_texts(&app), ["Kyiv", "Kyiv"]);
}

#[test]
fn enter_keeps_n_moves_and_wraps_esc_clears() {
    let mut app = app_with(vec![analysed()], Start::Reader, Theme::default());
    type_line(&mut app, "trump");
    app.update(Action::InputAccept);
    assert!(!app.is_editing());
    assert_eq!(app.target_label().as_deref(), Some("/trump 1/4"));
    app.update(Action::NextMention);
    assert_eq!(app.target_label().as_deref(), Some("/trump 2/4"));
    app.update(Action::PrevMention);
    app.update(Action::PrevMention);
    assert_eq!(app.target_label().as_deref(), Some("/trump 4/4"));
    assert_eq!(app.notice(), Some("search wrapped to the bottom"));
    app.update(Action::NextMention);
    assert_eq!(app.notice(), Some("search wrapped to the top"));
    let status = draw(&app).backend().to_string();
    assert!(status.contains("/trump 1/4"), "{status}");
    // Keys keep their meaning outside the line: j scrolls, no 'j' typed.
    app.update(Action::ScrollDown);
    assert_eq!(app.search().unwrap().query(), "trump");
    assert_eq!(app.update(Action::Back), Effect::Continue);
    assert!(app.search().is_none());
    assert_eq!(app.target_label(), None);
    assert_eq!(app.update(Action::Back), Effect::Quit);
}

#[test]
fn esc_on_the_line_returns_and_no_match_says_so() {
    let mut app = app_with(vec![analysed()], Start::Reader, Theme::default());
    type_line(&mut app, "zzz");
    assert_eq!(app.search().unwrap().label(), "/zzz: no match");
    app.update(Action::InputCancel);
    assert!(app.search().is_none());
    type_line(&mut app, "zzz");
    app.update(Action::InputAccept);
    assert_eq!(app.notice(), Some("no match for /zzz"));
    assert!(app.search().is_none());
}

#[test]
fn tab_completes_entity_names() {
    let mut app = app_with(vec![analysed()], Start::Reader, Theme::default());
    type_line(&mut app, "pre");
    app.update(Action::InputComplete);
    assert_eq!(app.search().unwrap().query(), "President Trump");
    assert_eq!(app.search().unwrap().hits().len(), 3);
    type_line(&mut app, "ky");
    app.update(Action::InputComplete);
    assert_eq!(app.search().unwrap().query(), "Kyiv");
    type_line(&mut app, "qq");
    app.update(Action::InputComplete);
    assert_eq!(app.notice(), Some("no entity name fits 'qq'"));
}

#[test]
fn highlights_cover_whole_linked_mentions() {
    let mut app = app_with(vec![analysed()], Start::Reader, Theme::default());
    type_line(&mut app, "Trump");
    app.update(Action::InputAccept);
    let t = draw(&app);
    let buf = t.backend().buffer();
    let screen = t.backend().to_string();
    // Find "President" on screen: every cell of the mention has the hit colour.
    let row = screen
        .lines()
        .position(|l| l.contains("President Trump"))
        .unwrap();
    let line = screen.lines().nth(row).unwrap();
    let col = line.chars().position(|c| c == 'P').unwrap() - 1; // the snapshot quote
    let marked = (col..col + 15)
        .filter(|&x| {
            buf[(u16::try_from(x).unwrap(), u16::try_from(row).unwrap())].bg != Color::Reset
        })
        .count();
    assert_eq!(marked, 15);
}

#[test]
fn list_filter_by_title_and_entity_name() {
    let other = load_bytes("b.txt", b"Budget vote\n\nAnna Berg voted.").unwrap();
    let berg = Analysis {
        mentions: vec![Mention {
            field: Field::Body,
            start: 0,
            end: 9,
            bytes: 0..0,
            text: "Anna Berg".into(),
            title: None,
            entity: 0,
        }],
        entities: vec![Entity {
            name: "Anna Berg".into(),
            kind: EntityKind::Person,
            aliases: vec!["Berg".into()],
            mentions: vec![0],
        }],
        ..Analysis::default()
    };
    let articles = vec![
        analysed(),
        Analysed {
            article: other,
            analysis: berg,
        },
    ];
    let mut app = app_with(articles, Start::List, Theme::default());
    type_line(&mut app, "berg");
    assert_eq!(app.list().shown(), [1]);
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    app.update(Action::InputBackspace);
    assert_eq!(app.list().shown(), [0, 1]);
    for c in "kyiv".chars() {
        app.update(Action::InputChar(c));
    }
    assert_eq!(app.list().shown(), [0]);
    app.update(Action::InputAccept);
    assert!(!app.is_editing());
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("/kyiv 1/1 of 2"), "{screen}");
    assert!(!screen.contains("Budget vote"));
    app.update(Action::Confirm);
    assert_eq!(
        app.current().unwrap().article.title.as_deref(),
        Some("Talks in Kyiv")
    );
    app.update(Action::Back);
    assert_eq!(app.update(Action::Back), Effect::Continue);
    assert_eq!(app.list().shown(), [0, 1]);
    assert_eq!(app.update(Action::Back), Effect::Quit);
}

#[test]
fn analysis_arrives_later_and_fills_in() {
    let full = analysed();
    let bare = Analysed {
        article: full.article.clone(),
        analysis: Analysis::default(),
    };
    let mut app = app_with(vec![bare], Start::Reader, Theme::default());
    app.mark_pending();
    assert!(app.is_pending());
    assert!(draw(&app).backend().to_string().contains("analysing…"));
    type_line(&mut app, "trump");
    app.update(Action::InputAccept);
    assert_eq!(app.target_label().as_deref(), Some("/trump 1/4"));
    app.set_analysis(0, full.analysis);
    assert!(!app.is_pending());
    assert!(!app.sidebar().items().is_empty());
    // The kept search now also covers the linked mentions.
    assert_eq!(
        hit_texts(&app),
        ["President Trump", "Donald Trump", "Trump", "trump"]
    );
    let screen = draw(&app).backend().to_string();
    assert!(!screen.contains("analysing…"));
}

fn plain_screen() -> Terminal<TestBackend> {
    let mut app = app_with(vec![analysed()], Start::Reader, Theme::new(false));
    type_line(&mut app, "kyiv");
    app.update(Action::InputAccept);
    draw(&app)
}

#[test]
fn no_colour_keeps_styles_but_no_colours() {
    let t = plain_screen();
    let buf = t.backend().buffer();
    let mut modifiers = Modifier::empty();
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        modifiers |= cell.modifier;
    }
    for m in [Modifier::BOLD, Modifier::UNDERLINED, Modifier::REVERSED] {
        assert!(modifiers.contains(m), "{m:?} missing");
    }
    insta::assert_debug_snapshot!("no_colour_search", buf);
}
