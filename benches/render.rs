//! Render cost of the reader: one full frame into a TestBackend, and a
//! re-layout at a new width (wrapping the whole article, cache missed).

use criterion::{Criterion, criterion_group, criterion_main};
use lede::nlp::Analyzer;
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Start};
use lede::tui::keymap::Keymap;
use lede::tui::theme::Theme;
use lede::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let analyzer = Analyzer::default();
    let articles = lede::samples::load_all()
        .into_iter()
        .map(|article| {
            let analysis = analyzer.analyze(&article);
            Analysed { article, analysis }
        })
        .collect();
    let mut app = App::new(
        articles,
        Start::Reader,
        &Keymap::default(),
        Theme::default(),
    );
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn bench(c: &mut Criterion) {
    let app_ = app();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("draw reader 120x40", |b| {
        b.iter(|| terminal.draw(|f| ui::draw(&app_, f)).map(|_| ()).unwrap());
    });
    let mut app_ = app();
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
