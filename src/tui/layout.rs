//! Where each part of the screen goes. Shared by drawing and by `App` (which
//! needs the text size to wrap and the sidebar's place to map clicks).

use ratatui::layout::Rect;

/// Narrowest terminal that gets a real screen; smaller shows a notice.
pub const MIN_WIDTH: u16 = 20;
/// Lowest terminal that gets a real screen.
pub const MIN_HEIGHT: u16 = 5;
/// Columns left of the text for the quote bar or bullet.
pub const GUTTER: u16 = 2;
/// Longest text line, for readability on wide terminals.
pub const MAX_TEXT_WIDTH: u16 = 96;
/// Below this width the sidebar starts hidden.
pub const SIDEBAR_AUTO_WIDTH: u16 = 80;

/// True when the terminal is too small for any screen.
#[must_use]
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Where the sidebar goes and how wide it is (from the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SidebarLayout {
    /// Columns wanted; 0 means automatic (a third of the screen, 24 to 40).
    pub width: u16,
    /// Left of the text instead of right.
    pub left: bool,
}

/// The reader's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    /// The text, gutter included.
    pub text: Rect,
    /// The sidebar, its left border included, when shown.
    pub sidebar: Option<Rect>,
    /// The status bar.
    pub status: Rect,
}

/// Splits the screen for the reader.
#[must_use]
pub fn reader(area: Rect, sidebar: bool, side: SidebarLayout) -> ReaderAreas {
    let main_height = area.height.saturating_sub(1);
    let status = Rect::new(area.x, area.y + main_height, area.width, 1.min(area.height));
    let side_width = sidebar_width(area.width, side.width);
    let (text, sidebar) = if sidebar && side_width > 0 {
        let text_width = area.width - side_width;
        let (text_x, side_x) = if side.left {
            (area.x + side_width, area.x)
        } else {
            (area.x, area.x + text_width)
        };
        (
            Rect::new(text_x, area.y, text_width, main_height),
            Some(Rect::new(side_x, area.y, side_width, main_height)),
        )
    } else {
        (Rect::new(area.x, area.y, area.width, main_height), None)
    };
    ReaderAreas {
        text,
        sidebar,
        status,
    }
}

/// The sidebar's width for a terminal width and a wanted width (0 is
/// automatic); 0 when there is no room for one.
#[must_use]
pub fn sidebar_width(width: u16, wanted: u16) -> u16 {
    let wanted = if wanted == 0 {
        (width / 3).clamp(24, 40)
    } else {
        wanted
    };
    let room = width.saturating_sub(20);
    let w = wanted.min(room);
    if w < 12 { 0 } else { w }
}

/// Columns of wrapped text in a text area of `width` (gutter and a right
/// margin taken off, capped for readability).
#[must_use]
pub fn text_width(width: u16) -> usize {
    usize::from(width.saturating_sub(GUTTER + 1).clamp(1, MAX_TEXT_WIDTH))
}

/// The list's areas: a header line, the entries, the status bar.
#[must_use]
pub fn list(area: Rect) -> (Rect, Rect, Rect) {
    let header = Rect::new(area.x, area.y, area.width, 1.min(area.height));
    let body_height = area.height.saturating_sub(3);
    let body = Rect::new(area.x, area.y + 2.min(area.height), area.width, body_height);
    let status = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        1.min(area.height),
    );
    (header, body, status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidebar_fits_or_vanishes() {
        for width in 0..250 {
            let w = sidebar_width(width, 0);
            assert!(w == 0 || width - w >= 20, "{width}");
        }
        let a = reader(Rect::new(0, 0, 120, 40), true, SidebarLayout::default());
        assert_eq!(a.text.width + a.sidebar.unwrap().width, 120);
        assert_eq!(a.status.y, 39);
        let left = SidebarLayout {
            width: 30,
            left: true,
        };
        let b = reader(Rect::new(0, 0, 120, 40), true, left);
        assert_eq!(b.sidebar.unwrap().x, 0);
        assert_eq!((b.text.x, b.text.width), (30, 90));
        assert_eq!(sidebar_width(40, 60), 20);
    }
}
