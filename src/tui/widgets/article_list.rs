//! The article list: per article its title, then source, date and the three
//! most-mentioned people.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::state::list::{Entry, ROWS_PER_ENTRY, Shelf};
use crate::tui::state::wrap::truncate;

/// Draws the header and the entries.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let (header, body, _) = layout::list(area);
    let width = usize::from(area.width);
    let title = format!("{} · by {}", header_text(app), app.list().sort().label());
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
    let visible: Vec<usize> = (list.shown().iter())
        .skip(list.offset())
        .take(shown.max(1) + 1)
        .copied()
        .collect();
    let entries = list.entries();
    let lines: Vec<Line> = (0..visible.len().min(shown.max(1)))
        .filter_map(|k| {
            let i = *visible.get(k)?;
            let next = visible.get(k + 1).and_then(|&n| entries.get(n));
            Some((i, entries.get(i)?, next.map(|n| n.shelf)))
        })
        .flat_map(|(i, e, next_shelf)| {
            let mut lines = render_entry(app, e, i == list.selected(), width);
            if next_shelf == Some(Shelf::Sample) && e.shelf != Shelf::Sample {
                lines[2] = shelf_heading(app, width);
            }
            lines
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// The list's top line: what the shelves hold.
fn header_text(app: &App) -> String {
    let list = app.list();
    let (stored, samples) = (list.count(Shelf::Library), list.count(Shelf::Sample));
    match (stored, samples) {
        (0, 0) => format!(" lede · {} article(s)", app.article_count()),
        (0, s) => format!(" lede · Library empty (lede add FILE) · Samples ({s})"),
        (n, 0) => format!(" lede · Library ({n})"),
        (n, s) => format!(" lede · Library ({n}) · Samples ({s})"),
    }
}

/// The rule that opens the Samples shelf (in the gap row above it).
fn shelf_heading<'a>(app: &App, width: usize) -> Line<'a> {
    let label = "── Samples (bundled, read-only) ";
    let rule = "─".repeat(width.saturating_sub(label.chars().count() + 2));
    Line::styled(
        truncate(&format!("  {label}{rule}"), width),
        app.theme().meta(),
    )
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
