//! The help overlay, generated from the keymap so it lists exactly the keys
//! that work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::state::wrap::truncate;
use crate::tui::widgets::{OverlayFrame, overlay};

/// Draws the help box centred over `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let rows = app.help_rows();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    let wanted_width = key_width + rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0) + 4;
    let width = u16::try_from(wanted_width).unwrap_or(u16::MAX);
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    let titles = OverlayFrame {
        title: " Keys ",
        bottom: " ?, Esc or q closes ",
    };
    let inner = overlay(frame, area, (width, height), &titles, theme);
    let inner_width = usize::from(inner.width);
    let key_width = key_width.min(inner_width / 2);
    let lines: Vec<Line> = (rows.iter())
        .skip(app.help_offset())
        .map(|(keys, description)| {
            let keys = truncate(keys, key_width.saturating_sub(1));
            let pad = key_width.saturating_sub(keys.width());
            Line::from(vec![
                Span::styled(keys, theme.heading()),
                Span::raw(" ".repeat(pad)),
                Span::raw(truncate(description, inner_width.saturating_sub(key_width))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
