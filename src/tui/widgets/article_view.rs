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
    let hits = line_hits(app, line);
    let mut offset = line.anchor.offset;
    for piece in &line.pieces {
        let style = piece_style(app, base, piece);
        if hits.is_empty() {
            spans.push(Span::styled(piece.text.as_str(), style));
        } else {
            split_by_hits(app, &mut spans, &piece.text, offset, style, &hits);
        }
        offset += piece.text.chars().count();
    }
    TextLine::from(spans)
}

/// Search hits touching a line of field text: (start, end, is_current).
fn line_hits(app: &App, line: &Line) -> Vec<(usize, usize, bool)> {
    let Some(search) = app.search() else {
        return Vec::new();
    };
    if !matches!(
        line.role,
        Role::Title | Role::Body | Role::Heading | Role::Caption | Role::Related
    ) {
        return Vec::new();
    }
    let len: usize = line.pieces.iter().map(|p| p.text.chars().count()).sum();
    let (section, start, end) = (
        line.anchor.section,
        line.anchor.offset,
        line.anchor.offset + len,
    );
    let hits = search.hits();
    let first = hits.partition_point(|h| (h.section, h.end) <= (section, start));
    let current = search.current();
    (hits.iter().enumerate())
        .skip(first)
        .take_while(|(_, h)| h.section == section && h.start < end)
        .map(|(i, h)| (h.start, h.end, Some(i) == current))
        .collect()
}

/// Pushes a piece as spans, restyling the parts inside search hits.
fn split_by_hits<'a>(
    app: &App,
    spans: &mut Vec<Span<'a>>,
    text: &'a str,
    offset: usize,
    style: Style,
    hits: &[(usize, usize, bool)],
) {
    let theme = app.theme();
    let mut run_start = 0; // byte index of the current run
    let mut run_kind: Option<Option<bool>> = None;
    for (i, (b, _)) in text.char_indices().enumerate() {
        let at = offset + i;
        let kind = hits.iter().find(|h| h.0 <= at && at < h.1).map(|h| h.2);
        if run_kind.is_some_and(|k| k != kind) {
            push_run(
                spans,
                text.get(run_start..b),
                style,
                run_kind.flatten(),
                theme,
            );
            run_start = b;
        }
        run_kind = Some(kind);
    }
    push_run(
        spans,
        text.get(run_start..),
        style,
        run_kind.flatten(),
        theme,
    );
}

fn push_run<'a>(
    spans: &mut Vec<Span<'a>>,
    text: Option<&'a str>,
    style: Style,
    hit: Option<bool>,
    theme: crate::tui::theme::Theme,
) {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return;
    };
    let style = match hit {
        Some(true) => style.patch(theme.search_current()),
        Some(false) => style.patch(theme.search()),
        None => style,
    };
    spans.push(Span::styled(text, style));
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

fn piece_style(app: &App, base: Style, piece: &Piece) -> Style {
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
    style
}
