//! The screen's parts, each a pure function of `&App` drawing into a `Frame`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

use crate::tui::theme::Theme;

pub mod article_list;
pub mod article_view;
pub mod entities;
pub mod export;
pub mod help;
pub mod sidebar;
pub mod status_bar;

/// An overlay box's frame: its titles top and bottom.
pub struct OverlayFrame<'a> {
    /// Title in the top border.
    pub title: &'a str,
    /// Keys in the bottom border.
    pub bottom: &'a str,
}

/// Clears a bordered box of `width` x `height` (clamped to `area`) centred
/// over `area` and draws its border; returns the inside for the content.
/// The help overlay and the export picker share it.
pub fn overlay(
    frame: &mut Frame,
    area: Rect,
    (width, height): (u16, u16),
    titles: &OverlayFrame<'_>,
    theme: Theme,
) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(titles.title)
        .title_bottom(titles.bottom);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}
