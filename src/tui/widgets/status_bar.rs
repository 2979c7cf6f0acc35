//! The status bar: position, the current target ("Putin 3/7"), a notice,
//! and key hints that drop out when the terminal is narrow.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Focus, Screen};
use crate::tui::state::entities::CursorList;
use crate::tui::state::wrap::truncate;

/// Draws the status bar of the current screen.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme();
    let width = usize::from(area.width);
    let (left, hints) = match app.screen() {
        Screen::List => list_parts(app),
        Screen::Reader => reader_parts(app),
        Screen::Entities => entities_parts(app),
        Screen::EntityArticles => entity_articles_parts(app),
    };
    let mut spans = vec![Span::styled(truncate(&left, width), theme.status())];
    let mut used = left.width().min(width);
    if app.is_editing() {
        // The line being typed: the cursor sits after it (or inside a note).
        let at = app.marks().note.as_ref().map_or(used, |n| {
            (NOTE_LABEL.width() + n.before_cursor().width()).min(used)
        });
        let x = area.x
            + u16::try_from(at)
                .unwrap_or(area.width)
                .min(area.width.saturating_sub(1));
        frame.set_cursor_position((x, area.y));
    }
    let notice = app
        .notice()
        .or_else(|| app.is_pending().then_some("analysing…"))
        .or_else(|| app.limit_notice());
    if let Some(notice) = notice {
        let text = truncate(&format!("  {notice}"), width.saturating_sub(used));
        used += text.width();
        spans.push(Span::styled(text, theme.notice()));
    }
    let hints = hints.join("  ");
    let free = width.saturating_sub(used);
    if hints.width() + 2 <= free {
        spans.push(Span::styled(
            " ".repeat(free - hints.width() - 1),
            theme.status(),
        ));
        spans.push(Span::styled(format!("{hints} "), theme.status()));
    } else {
        spans.push(Span::styled(" ".repeat(free), theme.status()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn list_parts(app: &App) -> (String, Vec<String>) {
    let count = app.article_count();
    let list = app.list();
    let shown = list.shown().len();
    let filter = list.filter();
    let left = if count == 0 {
        " no articles".to_owned()
    } else if app.is_editing() {
        format!(" /{filter}")
    } else if !filter.is_empty() && shown == 0 {
        format!(" /{filter}: no article")
    } else if !filter.is_empty() {
        format!(" /{filter} {}/{shown} of {count}", list.position() + 1)
    } else {
        format!(" {}/{count}", list.position() + 1)
    };
    if app.is_editing() {
        return (left, strings(&["Enter keep", "Esc clear"]));
    }
    (
        left,
        strings(&["Enter open", "/ filter", "E entities", "? help", "q quit"]),
    )
}

fn entities_parts(app: &App) -> (String, Vec<String>) {
    let Some(list) = app.entities() else {
        return (String::new(), strings(&["q back"]));
    };
    let shown = list.shown().len();
    let filter = list.filter();
    let left = if app.is_editing() {
        format!(" /{filter}")
    } else if !filter.is_empty() && shown == 0 {
        format!(" /{filter}: no entity")
    } else if !filter.is_empty() {
        format!(" /{filter} {}/{shown}", list.position() + 1)
    } else if shown == 0 {
        String::new()
    } else {
        format!(" {}/{shown}", list.position() + 1)
    };
    if app.is_editing() {
        return (left, strings(&["Enter keep", "Esc clear"]));
    }
    (
        left,
        strings(&["Enter articles", "Tab kind", "/ filter", "? help", "q back"]),
    )
}

fn entity_articles_parts(app: &App) -> (String, Vec<String>) {
    let left = app
        .entity_articles()
        .filter(|a| !a.rows().is_empty())
        .map(|a| format!(" {}/{}", a.position() + 1, a.rows().len()))
        .unwrap_or_default();
    (left, strings(&["Enter open", "? help", "q entities"]))
}

/// What the status bar shows before a note being typed.
const NOTE_LABEL: &str = " note: ";

fn reader_parts(app: &App) -> (String, Vec<String>) {
    if let Some(note) = &app.marks().note {
        let left = format!("{NOTE_LABEL}{}", note.text());
        return (left, strings(&["Enter save", "Esc cancel"]));
    }
    if let Some(search) = app.search().filter(|s| s.is_editing()) {
        let left = format!(" /{}", search.query());
        let mut hints = vec![
            "Tab name".to_owned(),
            "Enter keep".to_owned(),
            "Esc clear".to_owned(),
        ];
        match search.hits().len() {
            0 if search.query().is_empty() => {}
            0 => hints.insert(0, "no match".to_owned()),
            1 => hints.insert(0, "1 match".to_owned()),
            n => hints.insert(0, format!("{n} matches")),
        }
        return (left, hints);
    }
    let mut left = format!(" {:>3}%", app.reader().map_or(100, |r| r.percent()));
    if let Some(target) = app.target_label() {
        left.push_str("  ");
        left.push_str(&target);
    }
    if app.marks().selection.is_some() {
        left.push_str("  -- VISUAL --");
        return (
            left,
            strings(&["motion extends", "m highlight", "a note", "Esc cancel"]),
        );
    }
    let back = match (app.has_list(), app.returns_to()) {
        (false, _) => "q quit",
        (true, Screen::EntityArticles) => "q articles",
        (true, _) => "q list",
    };
    let hints = match (app.sidebar_visible(), app.focus()) {
        (true, Focus::Sidebar) => vec!["Enter jump", "n/N next/prev", "Tab text", "? help", back],
        (true, Focus::Text) => vec!["Tab sidebar", "n/N next/prev", "? help", back],
        (false, _) => vec!["s sidebar", "? help", back],
    };
    (left, strings(&hints))
}

fn strings(hints: &[&str]) -> Vec<String> {
    hints.iter().map(|h| (*h).to_owned()).collect()
}
