//! Render cost of the reader: one full frame of the samples at 120x40, one
//! frame of a 100,000-word article (the samples repeated) at 200x60, with
//! and without a kept search, and a re-layout at a new width (cache missed).

use criterion::{Criterion, criterion_group, criterion_main};
use lede::article::load_bytes;
use lede::nlp::Analyzer;
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Start};
use lede::tui::keymap::Keymap;
use lede::tui::theme::Theme;
use lede::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_of(articles: Vec<Analysed>, width: u16, height: u16) -> App {
    let mut app = App::new(
        articles,
        Start::Reader,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize { width, height });
    app
}

fn samples() -> Vec<Analysed> {
    let analyzer = Analyzer::default();
    lede::samples::load_all()
        .into_iter()
        .map(|article| {
            let analysis = analyzer.analyze(&article);
            Analysed { article, analysis }
        })
        .collect()
}

/// One article of at least `words` words: the sample bodies repeated.
fn long_article(words: usize) -> Analysed {
    let bodies: Vec<String> = lede::samples::load_all()
        .into_iter()
        .map(|a| a.body)
        .collect();
    let mut text = String::from("A very long article\n\n");
    let mut count = 0;
    'outer: loop {
        for body in &bodies {
            text.push_str(body);
            text.push_str("\n\n");
            count += body.split_whitespace().count();
            if count >= words {
                break 'outer;
            }
        }
    }
    let article = load_bytes("long.txt", text.as_bytes()).expect("long article loads");
    let analysis = Analyzer::default().analyze(&article);
    Analysed { article, analysis }
}

fn bench(c: &mut Criterion) {
    let app_ = app_of(samples(), 120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("draw reader 120x40", |b| {
        b.iter(|| terminal.draw(|f| ui::draw(&app_, f)).map(|_| ()).unwrap());
    });

    // Floor: ratatui filling a 200x60 TestBackend with plain text, no app.
    let filler: Vec<ratatui::text::Line> = (0..60)
        .map(|i| ratatui::text::Line::raw(format!("{i:>3} {}", "lorem ipsum ".repeat(16))))
        .collect();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("baseline: plain paragraph 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    f.render_widget(ratatui::widgets::Paragraph::new(filler.clone()), f.area())
                })
                .map(|_| ())
                .unwrap()
        });
    });

    let long = long_article(100_000);
    eprintln!(
        "long article: {} words, {} mentions",
        long.article.body.split_whitespace().count(),
        long.analysis.mentions.len()
    );
    let mut big = app_of(vec![long], 200, 60);
    big.update(Action::HalfPageDown);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("draw 100k-word article 200x60", |b| {
        b.iter(|| terminal.draw(|f| ui::draw(&big, f)).map(|_| ()).unwrap());
    });
    big.update(Action::Search);
    for ch in "the".chars() {
        big.update(Action::InputChar(ch));
    }
    big.update(Action::InputAccept);
    c.bench_function("draw 100k-word article 200x60, search kept", |b| {
        b.iter(|| terminal.draw(|f| ui::draw(&big, f)).map(|_| ()).unwrap());
    });
    c.bench_function("n on 100k-word article (next hit + frame)", |b| {
        b.iter(|| {
            big.update(Action::NextMention);
            terminal.draw(|f| ui::draw(&big, f)).map(|_| ()).unwrap()
        });
    });

    let mut app_ = app_of(samples(), 120, 40);
    let mut width = 60;
    c.bench_function("relayout at a new width", |b| {
        b.iter(|| {
            // Five widths cycle past the four-entry cache, so each call wraps.
            width = if width >= 64 { 60 } else { width + 1 };
            app_.update(Action::Resize { width, height: 40 });
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
