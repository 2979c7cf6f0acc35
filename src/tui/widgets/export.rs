//! The export picker overlay: three rows (format, scope, folder), the
//! selected one highlighted, and the keys in the bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::app::export::ExportPicker;
use crate::tui::state::wrap::truncate;

/// Draws the picker centred over `area`.
pub fn render(app: &App, picker: &ExportPicker, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let width = area.width.min(60);
    let height = area.height.min(5);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(" Export ")
        .title_bottom(" j/k row · Tab/Space change · Enter export · Esc ");
    let inner = block.inner(rect);
    let value_width = usize::from(inner.width).saturating_sub(12);
    let lines: Vec<Line> = picker
        .rows()
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let marker = if i == picker.row { "> " } else { "  " };
            let value = Span::raw(format!("‹ {} ›", truncate(&value, value_width)));
            let value = if i == picker.row {
                value.style(theme.heading())
            } else {
                value
            };
            Line::from(vec![Span::raw(format!("{marker}{label:<8}")), value])
        })
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}
