//! The article list: per article its title, then source, date and the three
//! most-mentioned people.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::state::list::{Entry, ROWS_PER_ENTRY};
use crate::tui::state::wrap::truncate;

/// Draws the header and the entries.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let (header, body, _) = layout::list(area);
    let width = usize::from(area.width);
    let title = format!(" lede · Samples ({})", app.article_count());
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&title, width), theme.title())),
        header,
    );
    let list = app.list();
    if list.entries().is_empty() {
        let text = truncate("  No articles. Open one with: lede FILE", width);
        frame.render_widget(Paragraph::new(Line::styled(text, theme.meta())), body);
        return;
    }
    let shown = usize::from(body.height).div_ceil(ROWS_PER_ENTRY);
    if list.shown().is_empty() {
        let text = truncate(&format!("  No article matches /{}", list.filter()), width);
        frame.render_widget(Paragraph::new(Line::styled(text, theme.meta())), body);
        return;
    }
    let lines: Vec<Line> = (list.shown().iter())
        .skip(list.offset())
        .take(shown.max(1))
        .filter_map(|&i| Some((i, list.entries().get(i)?)))
        .flat_map(|(i, e)| render_entry(app, e, i == list.selected(), width))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn render_entry<'a>(app: &App, entry: &Entry, selected: bool, width: usize) -> [Line<'a>; 3] {
    let theme = app.theme();
    let marker = if selected { "▌ " } else { "  " };
    let title = truncate(&entry.title, width.saturating_sub(3));
    let title_style = if selected {
        theme.selected()
    } else {
        theme.title()
    };
    let mut details: Vec<String> = Vec::new();
    if !entry.details.is_empty() {
        details.push(entry.details.clone());
    }
    if !entry.people.is_empty() {
        details.push(entry.people.join(", "));
    }
    let details = truncate(&details.join(" · "), width.saturating_sub(3));
    [
        Line::from(vec![
            Span::styled(marker, theme.quote_bar()),
            Span::styled(title, title_style),
        ]),
        Line::from(vec![Span::raw("  "), Span::styled(details, theme.meta())]),
        Line::raw(""),
    ]
}
