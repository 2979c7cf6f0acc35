//! Every user intent the reader understands, one variant each. Keys and mouse
//! events become actions (see `keymap`); `App::update` applies them.

/// A user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// One line down, or the next row of the list or sidebar.
    Down,
    /// One line up, or the previous row.
    Up,
    /// Half a screen down.
    HalfPageDown,
    /// Half a screen up.
    HalfPageUp,
    /// A screen down.
    PageDown,
    /// A screen up.
    PageUp,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
    /// Move focus between the text and the sidebar.
    ToggleFocus,
    /// Show or hide the sidebar.
    ToggleSidebar,
    /// Open the selected article; in the sidebar, jump to the entity's first
    /// mention or to the quote.
    Confirm,
    /// Next mention of the current target.
    NextMention,
    /// Previous mention of the current target.
    PrevMention,
    /// Back to where the last jump started.
    JumpBack,
    /// Next article.
    NextArticle,
    /// Previous article.
    PrevArticle,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close the help, else return to the list, else quit.
    Back,
    /// Quit at once.
    Quit,
    /// Suspend to the shell (Ctrl-Z).
    Suspend,
    /// Mouse wheel: scroll by lines (negative is up) at a screen cell.
    Scroll {
        /// Lines to scroll.
        lines: i16,
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// Mouse click at a screen cell.
    Click {
        /// Column clicked.
        column: u16,
        /// Row clicked.
        row: u16,
    },
    /// The terminal now has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Action {
    /// One line for the help screen.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Action::Down => "down one line / next row",
            Action::Up => "up one line / previous row",
            Action::HalfPageDown => "half a screen down",
            Action::HalfPageUp => "half a screen up",
            Action::PageDown => "a screen down",
            Action::PageUp => "a screen up",
            Action::Top => "to the start",
            Action::Bottom => "to the end",
            Action::ToggleFocus => "focus text / sidebar",
            Action::ToggleSidebar => "show or hide the sidebar",
            Action::Confirm => "open article; jump to entity or quote",
            Action::NextMention => "next mention of the target",
            Action::PrevMention => "previous mention of the target",
            Action::JumpBack => "back to where the last jump started",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::ToggleHelp => "this help",
            Action::Back => "close help / back to list / quit",
            Action::Quit => "quit",
            Action::Suspend => "suspend to the shell",
            Action::Scroll { .. } => "scroll",
            Action::Click { .. } => "select",
            Action::Resize { .. } => "resize",
        }
    }
}
