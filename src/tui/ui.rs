//! `draw(&App, &mut Frame)`: lays the screen out and hands each part to its
//! widget. Pure: reads the app, changes nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use super::layout;
use super::widgets::{article_list, article_view, entities, export, help, sidebar, status_bar};

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small(area) {
        draw_too_small(frame, area);
        return;
    }
    match app.screen() {
        Screen::List => {
            article_list::render(app, frame, area);
            status_bar::render(app, frame, layout::list(area).2);
        }
        Screen::Entities => {
            entities::render(app, frame, area);
            status_bar::render(app, frame, layout::list(area).2);
        }
        Screen::EntityArticles => {
            entities::render_articles(app, frame, area);
            status_bar::render(app, frame, layout::list(area).2);
        }
        Screen::Reader => {
            let areas = app.reader_areas();
            article_view::render(app, frame, areas.text);
            if let Some(rect) = areas.sidebar {
                sidebar::render(app, frame, rect);
            }
            status_bar::render(app, frame, areas.status);
        }
    }
    if let Some(picker) = app.export_picker() {
        export::render(app, picker, frame, area);
    }
    if app.help_visible() {
        help::render(app, frame, area);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Terminal too small: {}x{} needed",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    frame.render_widget(
        Paragraph::new(Line::raw(text)).wrap(Wrap { trim: true }),
        area,
    );
}
