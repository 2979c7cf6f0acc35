//! The article text: wrapped lines with marks for entities, quotes and the
//! current target, and a two-column gutter for quote bars and bullets.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::state::document::{Gutter, Line, Piece, Role, Section};

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
    let mut gutter = match line.gutter {
        Gutter::None => vec![Span::raw("  ")],
        Gutter::Quote => vec![Span::styled("▎ ", theme.quote_bar())],
        Gutter::Bullet => vec![Span::styled("• ", theme.meta())],
    };
    if is_cursor_line(app, line) {
        let first = match line.gutter {
            Gutter::None => Span::raw(" "),
            Gutter::Quote => Span::styled("▎", theme.quote_bar()),
            Gutter::Bullet => Span::styled("•", theme.meta()),
        };
        gutter = vec![first, Span::styled("›", theme.cursor_mark())];
    }
    let base = base_style(app, line.role);
    let mut spans = gutter;
    let overlays = line_overlays(app, line);
    let mut offset = line.anchor.offset;
    for piece in &line.pieces {
        let style = piece_style(app, base, piece);
        if overlays.is_empty() {
            spans.push(Span::styled(piece.text.as_str(), style));
        } else {
            split_by_overlays(&mut spans, &piece.text, offset, style, &overlays);
        }
        offset += piece.text.chars().count();
    }
    TextLine::from(spans)
}

/// True on the line where the cursor sentence starts (marked in the gutter).
fn is_cursor_line(app: &App, line: &Line) -> bool {
    let marks = app.marks();
    let Some(s) = marks.cursor().filter(|_| marks.cursor_active) else {
        return false;
    };
    if !is_text(line) || line.anchor.section != Section::of_field(s.field) {
        return false;
    }
    let len: usize = line.pieces.iter().map(|p| p.text.chars().count()).sum();
    line.anchor.offset <= s.start && s.start < line.anchor.offset + len.max(1)
}

fn is_text(line: &Line) -> bool {
    matches!(
        line.role,
        Role::Title | Role::Body | Role::Heading | Role::Caption | Role::Related
    )
}

/// Styled char ranges over a line of field text, applied in order:
/// highlights, the cursor sentence, the selection, the target highlight,
/// then search hits.
fn line_overlays(app: &App, line: &Line) -> Vec<(usize, usize, Style)> {
    if !is_text(line) {
        return Vec::new();
    }
    let theme = app.theme();
    let len: usize = line.pieces.iter().map(|p| p.text.chars().count()).sum();
    let (section, start, end) = (
        line.anchor.section,
        line.anchor.offset,
        line.anchor.offset + len,
    );
    let touches =
        |field, s: usize, e: usize| Section::of_field(field) == section && s < end && start < e;
    let marks = app.marks();
    let mut out: Vec<(usize, usize, Style)> = Vec::new();
    let target = app.target_highlight();
    for (i, h) in marks.highlights().iter().enumerate() {
        if !h.orphaned && touches(h.field, h.start, h.end) {
            let style = if target == Some(i) {
                theme.highlight().patch(theme.target())
            } else {
                theme.highlight()
            };
            out.push((h.start, h.end, style));
        }
    }
    if let Some(s) = marks.cursor().filter(|_| marks.cursor_active) {
        if marks.selection.is_none() && touches(s.field, s.start, s.end) {
            out.push((s.start, s.end, theme.cursor()));
        }
    }
    if let Some(sel) = marks.selection {
        let (s, e) = sel.range();
        if touches(sel.field, s, e) {
            out.push((s, e, theme.selection()));
        }
    }
    if let Some(search) = app.search() {
        let hits = search.hits();
        let first = hits.partition_point(|h| (h.section, h.end) <= (section, start));
        let current = search.current();
        for (i, h) in hits.iter().enumerate().skip(first) {
            if h.section != section || h.start >= end {
                break;
            }
            let style = if Some(i) == current {
                theme.search_current()
            } else {
                theme.search()
            };
            out.push((h.start, h.end, style));
        }
    }
    out
}

/// Pushes a piece as spans, restyling the chars inside overlays.
fn split_by_overlays<'a>(
    spans: &mut Vec<Span<'a>>,
    text: &'a str,
    offset: usize,
    style: Style,
    overlays: &[(usize, usize, Style)],
) {
    let style_at = |at: usize| {
        (overlays.iter())
            .filter(|o| o.0 <= at && at < o.1)
            .fold(style, |s, o| s.patch(o.2))
    };
    let mut run_start = 0; // byte index of the current run
    let mut run_style: Option<Style> = None;
    for (i, (b, _)) in text.char_indices().enumerate() {
        let here = style_at(offset + i);
        if run_style.is_some_and(|s| s != here) {
            push_run(spans, text.get(run_start..b), run_style);
            run_start = b;
        }
        run_style = Some(here);
    }
    push_run(spans, text.get(run_start..), run_style);
}

fn push_run<'a>(spans: &mut Vec<Span<'a>>, text: Option<&'a str>, style: Option<Style>) {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return;
    };
    spans.push(Span::styled(text, style.unwrap_or_default()));
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
