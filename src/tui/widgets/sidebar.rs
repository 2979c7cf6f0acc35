//! The sidebar: People, Places, Organizations (with mention counts), then
//! Quotes (first words and speaker). Names are cut by display width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::nlp::Analysis;
use crate::tui::app::{App, Focus};
use crate::tui::state::reader::Target;
use crate::tui::state::sidebar::{Item, group_label};
use crate::tui::state::wrap::truncate;

/// Draws the sidebar into `area` (a left border, then the rows).
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let block = Block::new()
        .borders(if app.sidebar_layout().left {
            Borders::RIGHT
        } else {
            Borders::LEFT
        })
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(doc) = app.current() else { return };
    let sidebar = app.sidebar();
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let target = app.reader().and_then(|r| r.target);
    let mut lines: Vec<Line> = (sidebar.items().iter().enumerate())
        .skip(sidebar.offset())
        .take(height)
        .map(|(i, item)| {
            let selected = sidebar.selected_row() == Some(i);
            render_item(app, &doc.analysis, *item, width, selected, target)
        })
        .collect();
    if sidebar.items().is_empty() {
        lines.push(Line::styled(
            truncate("No entities found", width),
            theme.meta(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_item<'a>(
    app: &App,
    analysis: &'a Analysis,
    item: Item,
    width: usize,
    selected: bool,
    target: Option<Target>,
) -> Line<'a> {
    let theme = app.theme();
    let row_style = if !selected {
        Style::new()
    } else if app.focus() == Focus::Sidebar {
        theme.selected()
    } else {
        theme.selected_unfocused()
    };
    match item {
        Item::Group(kind, n) => Line::styled(
            truncate(&format!("{} ({n})", group_label(kind)), width),
            theme.label(),
        ),
        Item::QuotesLabel(n) => {
            Line::styled(truncate(&format!("Quotes ({n})"), width), theme.label())
        }
        Item::Gap => Line::raw(""),
        Item::HighlightsLabel(n) => {
            Line::styled(truncate(&format!("Highlights ({n})"), width), theme.label())
        }
        Item::Highlight(i) => {
            let Some(h) = app.marks().highlights().get(i) else {
                return Line::raw("");
            };
            let marked = target == Some(Target::Highlight(i));
            let words: Vec<&str> = h.text.split_whitespace().collect();
            let mut spans = vec![Span::raw(if marked { "▸" } else { " " })];
            let mut left = width.saturating_sub(1);
            if h.orphaned {
                let tag = truncate("orphaned ", left);
                left = left.saturating_sub(tag.width());
                spans.push(Span::styled(tag, theme.speaker()));
            }
            let note = if h.note.is_some() { " ✎" } else { "" };
            let text = truncate(&words.join(" "), left.saturating_sub(note.width()));
            let style = if h.orphaned {
                theme.meta()
            } else {
                theme.highlight()
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::styled(note, theme.meta()));
            Line::from(spans).style(row_style)
        }
        Item::Entity(e) => {
            let Some(entity) = analysis.entities.get(e) else {
                return Line::raw("");
            };
            let marked = matches!(target, Some(Target::Entity { entity, .. }) if entity == e);
            let count = entity.mentions.len().to_string();
            let name_width = width.saturating_sub(count.width() + 3);
            let name = truncate(&entity.name, name_width);
            let pad = width.saturating_sub(name.width() + count.width() + 2);
            Line::from(vec![
                Span::raw(if marked { "▸" } else { " " }),
                Span::styled(name, theme.entity(entity.kind)),
                Span::raw(" ".repeat(pad + 1)),
                Span::styled(count, theme.meta()),
            ])
            .style(row_style)
        }
        Item::Quote(q) => {
            let Some(quote) = analysis.quotes.get(q) else {
                return Line::raw("");
            };
            let marked = target == Some(Target::Quote(q));
            let speaker = analysis
                .speaker_name(quote)
                .map(|s| format!(" — {}", s.split_whitespace().last().unwrap_or(s)))
                .unwrap_or_default();
            let speaker = truncate(&speaker, width.saturating_sub(8));
            let words: Vec<&str> = quote.text.split_whitespace().collect();
            let text = format!("“{}”", words.join(" "));
            let text = truncate(&text, width.saturating_sub(1 + speaker.width()));
            Line::from(vec![
                Span::raw(if marked { "▸" } else { " " }),
                Span::styled(text, theme.quote()),
                Span::styled(speaker, theme.speaker()),
            ])
            .style(row_style)
        }
    }
}
