//! Styles. The palette is the terminal's 16 ANSI colours; every kind of mark
//! also has a modifier (bold, underline, italic, bar) so it survives no colour.

use ratatui::style::{Color, Modifier, Style};

use crate::nlp::EntityKind;

/// The colours the config can change (`[colors]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// People.
    pub person: Color,
    /// Places.
    pub place: Color,
    /// Organizations.
    pub organization: Color,
    /// Quoted text and the quote bar.
    pub quote: Color,
    /// Subheadings and labels.
    pub heading: Color,
    /// Background of search hits.
    pub search: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            person: Color::Yellow,
            place: Color::Green,
            organization: Color::Magenta,
            quote: Color::Cyan,
            heading: Color::Blue,
            search: Color::Yellow,
        }
    }
}

/// The styles in use; without colour every style keeps only its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False for `--color never` or `NO_COLOR`.
    pub color: bool,
    /// The configurable colours.
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(true)
    }
}

impl Theme {
    /// The default palette, with or without colour.
    #[must_use]
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::default(),
        }
    }

    /// A search hit.
    #[must_use]
    pub fn search(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.palette.search)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The current search hit (`n` / `N` stand on it).
    #[must_use]
    pub fn search_current(self) -> Style {
        let marked = Modifier::BOLD | Modifier::UNDERLINED;
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(marked)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | marked)
        }
    }
    fn pick(self, style: Style) -> Style {
        if self.color {
            style
        } else {
            Style {
                fg: None,
                bg: None,
                ..style
            }
        }
    }

    /// A mention of an entity of this kind.
    #[must_use]
    pub fn entity(self, kind: EntityKind) -> Style {
        self.pick(match kind {
            EntityKind::Person => Style::new()
                .fg(self.palette.person)
                .add_modifier(Modifier::BOLD),
            EntityKind::Place => Style::new()
                .fg(self.palette.place)
                .add_modifier(Modifier::UNDERLINED),
            EntityKind::Organization => Style::new()
                .fg(self.palette.organization)
                .add_modifier(Modifier::ITALIC),
        })
    }

    /// A highlight in the text: a highlighter's yellow-green; without colour
    /// underlined and bold, since reversed marks search hits.
    #[must_use]
    pub fn highlight(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::LightGreen)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    /// The visual selection.
    #[must_use]
    pub fn selection(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::LightBlue)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The sentence under the cursor, while it is being moved: subtle.
    #[must_use]
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// The cursor mark in the gutter.
    #[must_use]
    pub fn cursor_mark(self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray))
    }

    /// The mention or quote `n` / `N` stand on.
    #[must_use]
    pub fn target(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Quoted text.
    #[must_use]
    pub fn quote(self) -> Style {
        self.pick(Style::new().fg(self.palette.quote))
    }

    /// The bar left of quoted lines.
    #[must_use]
    pub fn quote_bar(self) -> Style {
        self.pick(Style::new().fg(self.palette.quote))
    }

    /// "— Speaker" lines.
    #[must_use]
    pub fn speaker(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
        )
    }

    /// The headline.
    #[must_use]
    pub fn title(self) -> Style {
        self.pick(Style::new().fg(Color::White).add_modifier(Modifier::BOLD))
    }

    /// Byline, source, date; captions; other secondary text.
    #[must_use]
    pub fn meta(self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray))
            .add_modifier(if self.color {
                Modifier::empty()
            } else {
                Modifier::DIM
            })
    }

    /// Subheadings of the body.
    #[must_use]
    pub fn heading(self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.heading)
                .add_modifier(Modifier::BOLD),
        )
    }

    /// Block labels ("Captions", "Read more") and sidebar group labels.
    #[must_use]
    pub fn label(self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.heading)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// The selected row of a focused list.
    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row of an unfocused list.
    #[must_use]
    pub fn selected_unfocused(self) -> Style {
        self.pick(Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD))
    }

    /// The status bar.
    #[must_use]
    pub fn status(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A notice in the status bar (wrapped search, nothing to go back to).
    #[must_use]
    pub fn notice(self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    /// Borders and separators.
    #[must_use]
    pub fn border(self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_every_mark_keeps_a_distinct_modifier() {
        let theme = Theme::new(false);
        let styles: Vec<Style> = EntityKind::ALL.iter().map(|&k| theme.entity(k)).collect();
        for style in &styles {
            assert_eq!((style.fg, style.bg), (None, None));
            assert!(!style.add_modifier.is_empty());
        }
        assert_ne!(styles[0].add_modifier, styles[1].add_modifier);
        assert_ne!(styles[1].add_modifier, styles[2].add_modifier);
        assert_ne!(styles[0].add_modifier, styles[2].add_modifier);
        assert_eq!(theme.status().bg, None);
    }

    #[test]
    fn colour_uses_the_16_ansi_colours() {
        let theme = Theme::default();
        for kind in EntityKind::ALL {
            let fg = theme.entity(kind).fg;
            assert!(!matches!(fg, Some(Color::Rgb(..) | Color::Indexed(_))));
        }
    }
}
