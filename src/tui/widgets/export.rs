//! The export picker overlay: three rows (format, scope, folder), the
//! selected one highlighted, and the keys in the bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::app::export::ExportPicker;
use crate::tui::state::wrap::truncate;
use crate::tui::widgets::{OverlayFrame, overlay};

/// Draws the picker centred over `area`.
pub fn render(app: &App, picker: &ExportPicker, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let titles = OverlayFrame {
        title: " Export ",
        bottom: " j/k row · Tab/Space change · Enter export · Esc ",
    };
    let inner = overlay(frame, area, (60, 5), &titles, theme);
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
    frame.render_widget(Paragraph::new(lines), inner);
}
