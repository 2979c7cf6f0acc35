//! The article text: wrapped lines with marks for entities, quotes and the
//! current target, and a two-column gutter for quote bars and bullets.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::state::document::{Gutter, Line, Piece, Role};

/// Draws the visible lines of the open article.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(reader) = app.reader() else { return };
    let lines: Vec<TextLine> = (reader.visible().iter())
        .map(|line| render_line(app, line))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn render_line<'a>(app: &App, line: &'a Line) -> TextLine<'a> {
    let theme = app.theme();
    let gutter = match line.gutter {
        Gutter::None => Span::raw("  "),
        Gutter::Quote => Span::styled("▎ ", theme.quote_bar()),
        Gutter::Bullet => Span::styled("• ", theme.meta()),
    };
    let base = base_style(app, line.role);
    let mut spans = vec![gutter];
    spans.extend(line.pieces.iter().map(|p| render_piece(app, base, p)));
    TextLine::from(spans)
}

fn base_style(app: &App, role: Role) -> Style {
    let theme = app.theme();
    match role {
        Role::Title => theme.title(),
        Role::Meta | Role::Caption => theme.meta(),
        Role::Heading => theme.heading(),
        Role::Speaker => theme.speaker(),
        Role::Label => theme.label(),
        Role::Body | Role::Related | Role::Blank => Style::new(),
    }
}

fn render_piece<'a>(app: &App, base: Style, piece: &'a Piece) -> Span<'a> {
    let theme = app.theme();
    let mut style = base;
    if piece.quote.is_some() {
        style = style.patch(theme.quote());
    }
    let analysis = app.current().map(|d| &d.analysis);
    if let Some(kind) = piece
        .mention
        .and_then(|m| analysis?.mentions.get(m))
        .and_then(|m| analysis?.entities.get(m.entity))
        .map(|e| e.kind)
    {
        style = style.patch(theme.entity(kind));
    }
    let is_target = (piece.mention.is_some() && piece.mention == app.target_mention())
        || (piece.quote.is_some() && piece.quote == app.target_quote());
    if is_target {
        style = style.patch(theme.target());
    }
    Span::styled(piece.text.as_str(), style)
}
