//! The help overlay, generated from the keymap so it lists exactly the keys
//! that work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::state::wrap::truncate;

/// Draws the help box centred over `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let rows = app.help_rows();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    let wanted_width = key_width + rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0) + 4;
    let width = u16::try_from(wanted_width)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(rows.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(" Keys ")
        .title_bottom(" ?, Esc or q closes ");
    let inner = block.inner(rect);
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
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}
