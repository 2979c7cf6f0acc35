//! The Entities view: one row per entity (kind, name in its kind's colour,
//! articles, mentions), and one entity's articles (title, date, mentions).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::library::{EntityArticle, EntitySummary};
use crate::nlp::EntityKind;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::state::entities::CursorList;
use crate::tui::state::wrap::truncate;

/// Width of the kind column ("person ").
const KIND_WIDTH: usize = 7;
/// Width of each count column.
const COUNT_WIDTH: usize = 10;
/// Width of the date column.
const DATE_WIDTH: usize = 12;
/// Below this many columns for the name or title, the other columns give
/// way: on a narrow terminal the name matters more than its counts.
const MIN_TEXT_WIDTH: usize = 16;

/// Whether a row of `width` columns has room for the name or title and
/// `columns` columns of counts beside it.
fn roomy(width: usize, columns: usize) -> bool {
    width >= 2 + MIN_TEXT_WIDTH + 1 + columns
}

/// How the kind column and the header name a kind.
#[must_use]
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "org",
    }
}

/// Draws the Entities view: header, column titles, rows.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let (header, body, _) = layout::list(area);
    let width = usize::from(area.width);
    let Some(state) = app.entities() else {
        title_line(app, frame, header, " lede · Entities");
        let text = if app.entities_loading() {
            "  Loading the entities of the library…"
        } else {
            "  No entities."
        };
        let line = Line::styled(truncate(text, width), theme.meta());
        frame.render_widget(Paragraph::new(line), body);
        return;
    };
    let kind = state.kind().map_or("all", kind_label);
    let title = format!(
        " lede · Entities ({}) · kind: {kind} (Tab) · by articles",
        state.shown().len()
    );
    title_line(app, frame, header, &title);
    if roomy(usize::from(area.width), KIND_WIDTH + 2 * COUNT_WIDTH + 1) {
        let left = format!("  {:<KIND_WIDTH$}name", "kind");
        let right = format!("{:>COUNT_WIDTH$}{:>COUNT_WIDTH$}", "articles", "mentions");
        column_titles(app, frame, area, &left, &right);
    } else {
        column_titles(app, frame, area, "  name", "");
    }
    if state.shown().is_empty() {
        let text = if state.rows().is_empty() {
            "  No entities: the library is empty (lede add FILE)".to_owned()
        } else {
            format!("  No entity matches /{}", state.filter())
        };
        let line = Line::styled(truncate(&text, width), theme.meta());
        frame.render_widget(Paragraph::new(line), body);
        return;
    }
    let lines: Vec<Line> = (state.shown().iter().enumerate())
        .skip(state.offset())
        .take(usize::from(body.height))
        .filter_map(|(pos, &i)| Some((pos, state.rows().get(i)?)))
        .map(|(pos, row)| entity_row(app, row, pos == state.position(), width))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// Draws one entity's articles: header, column titles, rows.
pub fn render_articles(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let (header, body, _) = layout::list(area);
    let width = usize::from(area.width);
    let Some(state) = app.entity_articles() else {
        return;
    };
    let n = state.rows().len();
    let title = format!(
        " lede · Entities › {} ({}) · {n} article{}",
        state.name,
        kind_label(state.kind),
        if n == 1 { "" } else { "s" }
    );
    title_line(app, frame, header, &title);
    let right = if roomy(usize::from(area.width), DATE_WIDTH + COUNT_WIDTH + 1) {
        format!("{:>DATE_WIDTH$}{:>COUNT_WIDTH$}", "date", "mentions")
    } else {
        String::new()
    };
    column_titles(app, frame, area, "  title", &right);
    if n == 0 {
        let line = Line::styled(truncate("  No stored article.", width), theme.meta());
        frame.render_widget(Paragraph::new(line), body);
        return;
    }
    let lines: Vec<Line> = (state.rows().iter().enumerate())
        .skip(state.offset())
        .take(usize::from(body.height))
        .map(|(pos, row)| article_row(app, row, pos == state.position(), width))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn title_line(app: &App, frame: &mut Frame, header: Rect, title: &str) {
    let width = usize::from(header.width);
    let line = Line::styled(truncate(title, width), app.theme().title());
    frame.render_widget(Paragraph::new(line), header);
}

/// The column titles, in the row between the header and the body: `left`
/// at the start, `right` flush with the row's end.
fn column_titles(app: &App, frame: &mut Frame, area: Rect, left: &str, right: &str) {
    if area.height <= 2 {
        return;
    }
    let width = usize::from(area.width);
    let pad = width.saturating_sub(left.width() + right.width() + 1);
    let line = format!("{left}{}{right} ", " ".repeat(pad));
    let rect = Rect::new(area.x, area.y + 1, area.width, 1);
    let styled = Line::styled(truncate(&line, width), app.theme().meta());
    frame.render_widget(Paragraph::new(styled), rect);
}

fn marker(selected: bool) -> &'static str {
    if selected { "▌ " } else { "  " }
}

fn entity_row<'a>(app: &App, row: &EntitySummary, selected: bool, width: usize) -> Line<'a> {
    let theme = app.theme();
    let (kind, counts) = if roomy(width, KIND_WIDTH + 2 * COUNT_WIDTH + 1) {
        let counts = format!(
            "{:>COUNT_WIDTH$}{:>COUNT_WIDTH$} ",
            row.articles, row.mentions
        );
        (format!("{:<KIND_WIDTH$}", kind_label(row.kind)), counts)
    } else {
        // Narrow: the name alone, its kind still told by its colour.
        (String::new(), String::new())
    };
    let name_width = width.saturating_sub(2 + kind.width() + counts.width() + 1);
    let name = truncate(&row.name, name_width);
    let pad = name_width.saturating_sub(name.width()) + 1;
    let name_style = if selected {
        theme.selected()
    } else {
        theme.entity(row.kind)
    };
    Line::from(vec![
        Span::styled(marker(selected), theme.quote_bar()),
        Span::styled(kind, theme.meta()),
        Span::styled(name, name_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(counts, theme.meta()),
    ])
}

fn article_row<'a>(app: &App, row: &EntityArticle, selected: bool, width: usize) -> Line<'a> {
    let theme = app.theme();
    let date = truncate(row.date.as_deref().unwrap_or("undated"), DATE_WIDTH - 2);
    let tail = if roomy(width, DATE_WIDTH + COUNT_WIDTH + 1) {
        format!("{date:>DATE_WIDTH$}{:>COUNT_WIDTH$} ", row.count)
    } else {
        String::new()
    };
    let title_width = width.saturating_sub(2 + tail.width() + 1);
    let title = row.title.as_deref().unwrap_or(&row.id);
    let title = truncate(title, title_width);
    let pad = title_width.saturating_sub(title.width()) + 1;
    let style = if selected {
        theme.selected()
    } else {
        theme.title()
    };
    Line::from(vec![
        Span::styled(marker(selected), theme.quote_bar()),
        Span::styled(title, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(tail, theme.meta()),
    ])
}
