//! Every user intent the reader understands, one variant each. Keys and mouse
//! events become actions (see `keymap`); `App::update` applies them.

/// A user intent. The config's `[keys]` table names the bindable ones in
/// snake case (`scroll_down = ["j", "down"]`); the others come from the
/// mouse, the terminal or the search line and cannot be bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// One line down, or the next row of the list or sidebar.
    ScrollDown,
    /// One line up, or the previous row.
    ScrollUp,
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
    /// Move focus between the text and the sidebar; in the Entities view,
    /// cycle the kind shown (all, people, places, organizations).
    ToggleFocus,
    /// Show or hide the sidebar.
    ToggleSidebar,
    /// Open the selected article (or, in the Entities view, the entity's
    /// articles); in the sidebar, jump to the entity's first mention or to
    /// the quote.
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
    /// Open the search line (reader) or the filter line (list).
    Search,
    /// Open the export picker (format, scope, folder).
    Export,
    /// Move the sentence cursor (or the selection's end) to the next sentence.
    NextSentence,
    /// Move the sentence cursor (or the selection's end) to the previous sentence.
    PrevSentence,
    /// Start or stop a visual selection (then any motion key extends it).
    Visual,
    /// Highlight the selection, the sentence under the cursor, or the quote
    /// selected in the sidebar.
    Highlight,
    /// Add or edit the note of the highlight under the cursor (highlighting
    /// the sentence first when it has none).
    Note,
    /// Remove the highlight under the cursor or selected in the sidebar.
    RemoveHighlight,
    /// Put back the last highlight removed.
    UndoRemove,
    /// Cycle the list's order: date, title, source.
    CycleSort,
    /// Open the library's Entities view (every person, place and organization).
    Entities,
    /// A char typed into the search or filter line.
    #[serde(skip)]
    InputChar(char),
    /// Delete the last char of the line (an empty line closes it).
    #[serde(skip)]
    InputBackspace,
    /// Complete an entity name (Tab).
    #[serde(skip)]
    InputComplete,
    /// Keep the matches or the filter (Enter).
    #[serde(skip)]
    InputAccept,
    /// Close the line and clear it (Esc).
    #[serde(skip)]
    InputCancel,
    /// Move the line's cursor one char left.
    #[serde(skip)]
    InputLeft,
    /// Move the line's cursor one char right.
    #[serde(skip)]
    InputRight,
    /// Move the line's cursor to the start.
    #[serde(skip)]
    InputHome,
    /// Move the line's cursor to the end.
    #[serde(skip)]
    InputEnd,
    /// Delete the char under the line's cursor.
    #[serde(skip)]
    InputDelete,
    /// Mouse wheel: scroll by lines (negative is up) at a screen cell.
    #[serde(skip)]
    Scroll {
        /// Lines to scroll.
        lines: i16,
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// Mouse click at a screen cell.
    #[serde(skip)]
    Click {
        /// Column clicked.
        column: u16,
        /// Row clicked.
        row: u16,
    },
    /// The terminal now has this size.
    #[serde(skip)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Action {
    /// How many rows a vertical motion moves, given half a page and a page
    /// (`Top`/`Bottom`: far enough to clamp at either end); `None` for an
    /// action that is no vertical motion. The reader, the sidebar, the
    /// selection and the Entities lists all move by it.
    #[must_use]
    pub fn rows_moved(self, half: isize, page: isize) -> Option<isize> {
        Some(match self {
            Action::ScrollDown => 1,
            Action::ScrollUp => -1,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return None,
        })
    }

    /// Like [`Action::rows_moved`] in a list of articles or entities, where
    /// a half page is half the `page` and `]`/`[` also step one row.
    #[must_use]
    pub fn list_rows_moved(self, page: isize) -> Option<isize> {
        match self {
            Action::NextArticle => Some(1),
            Action::PrevArticle => Some(-1),
            _ => self.rows_moved((page / 2).max(1), page),
        }
    }

    /// One line for the help screen.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Action::ScrollDown => "down one line / next row",
            Action::ScrollUp => "up one line / previous row",
            Action::HalfPageDown => "half a screen down",
            Action::HalfPageUp => "half a screen up",
            Action::PageDown => "a screen down",
            Action::PageUp => "a screen up",
            Action::Top => "to the start",
            Action::Bottom => "to the end",
            Action::ToggleFocus => "focus text / sidebar; entities: kind",
            Action::ToggleSidebar => "show or hide the sidebar",
            Action::Confirm => "open article or entity; jump to entity",
            Action::NextMention => "next mention or match",
            Action::PrevMention => "previous mention or match",
            Action::JumpBack => "back to where the last jump started",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::ToggleHelp => "this help",
            Action::Back => "close help / back one level / quit",
            Action::Quit => "quit",
            Action::Suspend => "suspend to the shell",
            Action::Search => "search (reader) / filter (list)",
            Action::Export => "export: format, scope, folder",
            Action::NextSentence => "sentence cursor: next sentence",
            Action::PrevSentence => "sentence cursor: previous sentence",
            Action::Visual => "select (then move to extend)",
            Action::Highlight => "highlight sentence / selection / quote",
            Action::Note => "add or edit the highlight's note",
            Action::RemoveHighlight => "remove highlight",
            Action::UndoRemove => "undo the last removal",
            Action::CycleSort => "list: sort by date / title / source",
            Action::Entities => "list: entities across the library",
            Action::InputChar(_) => "type",
            Action::InputBackspace => "delete a char",
            Action::InputComplete => "complete an entity name",
            Action::InputAccept => "keep the matches",
            Action::InputCancel => "clear the search",
            Action::InputLeft => "cursor left",
            Action::InputRight => "cursor right",
            Action::InputHome => "cursor to the start",
            Action::InputEnd => "cursor to the end",
            Action::InputDelete => "delete the char under the cursor",
            Action::Scroll { .. } => "scroll",
            Action::Click { .. } => "select",
            Action::Resize { .. } => "resize",
        }
    }
}

impl Action {
    /// Parses a bindable action's config name (`scroll_down`).
    ///
    /// # Errors
    /// The serde message naming the expected names, when it is not one.
    pub fn from_name(name: &str) -> Result<Action, String> {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Action::deserialize(de).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motions_move_by_rows_half_pages_pages_and_to_either_end() {
        let moved = |a: Action| a.rows_moved(5, 10);
        assert_eq!(moved(Action::ScrollDown), Some(1));
        assert_eq!(moved(Action::HalfPageUp), Some(-5));
        assert_eq!(moved(Action::PageDown), Some(10));
        assert!(moved(Action::Top).is_some_and(|d| d < -1_000_000));
        assert!(moved(Action::Bottom).is_some_and(|d| d > 1_000_000));
        assert_eq!(moved(Action::Quit), None);
        assert_eq!(Action::NextArticle.list_rows_moved(9), Some(1));
        assert_eq!(Action::HalfPageDown.list_rows_moved(9), Some(4));
        assert_eq!(Action::HalfPageDown.list_rows_moved(1), Some(1));
    }

    #[test]
    fn names_are_snake_case_and_data_variants_are_not_bindable() {
        assert_eq!(Action::from_name("scroll_down"), Ok(Action::ScrollDown));
        assert_eq!(Action::from_name("next_mention"), Ok(Action::NextMention));
        let err = Action::from_name("scrol_down").unwrap_err();
        assert!(err.contains("scroll_down"), "{err}");
        assert!(Action::from_name("scroll").is_err());
        assert!(Action::from_name("input_char").is_err());
    }
}
