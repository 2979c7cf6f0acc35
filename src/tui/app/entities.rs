//! The Entities view of the library screen: opening it (the index is asked
//! of the caller, like a stored article), moving, filtering by name and
//! kind, an entity's articles, and opening one at the entity's first
//! mention with `n` / `N` ready on it. `q` / Esc go back one level:
//! article, article list, entities, library.

use ratatui::layout::{Position, Rect};

use super::{App, Item, Screen, Target};
use crate::library::{EntityArticle, EntitySummary};
use crate::nlp::EntityKind;
use crate::tui::action::Action;
use crate::tui::layout;
use crate::tui::state::entities::{CursorList, EntitiesState, EntityArticlesState};

/// The Entities view's part of the app: its two lists, what it asks the
/// caller to load, and where a reader opened from it returns to.
#[derive(Debug, Clone)]
pub(super) struct EntityViews {
    /// The entity index, once loaded.
    list: Option<EntitiesState>,
    /// The articles of the entity picked.
    articles: Option<EntityArticlesState>,
    /// The index is wanted (taken by the caller).
    index_request: bool,
    /// The index was asked for and has not arrived.
    loading: bool,
    /// The articles of this entity are wanted (taken by the caller).
    articles_request: Option<(EntityKind, String)>,
    /// Article index to open at this entity's first mention.
    jump: Option<(usize, EntityKind, String)>,
    /// The screen `q` returns to from the reader.
    pub(super) return_to: Screen,
}

impl Default for EntityViews {
    fn default() -> Self {
        EntityViews {
            list: None,
            articles: None,
            index_request: false,
            loading: false,
            articles_request: None,
            jump: None,
            return_to: Screen::List,
        }
    }
}

impl App {
    /// `E` on the library list: the Entities view, loading the index on
    /// first use.
    pub(super) fn open_entities(&mut self) {
        self.screen = Screen::Entities;
        self.filter_editing = false;
        if self.ent.list.is_none() && !self.ent.loading {
            self.ent.index_request = true;
            self.ent.loading = true;
        }
    }

    /// Whether the Entities view waits for the library's entity index
    /// (taken once): the caller loads it and hands it over with
    /// [`App::set_entity_index`].
    pub fn take_entity_index_request(&mut self) -> bool {
        std::mem::take(&mut self.ent.index_request)
    }

    /// The library's entity index arrived (or failed: a notice, and an
    /// empty view).
    pub fn set_entity_index(&mut self, rows: Result<Vec<EntitySummary>, String>) {
        self.ent.loading = false;
        let rows = rows.unwrap_or_else(|message| {
            self.notice = Some(message);
            Vec::new()
        });
        let mut state = EntitiesState::new(rows);
        state.keep_visible(self.list_height());
        self.ent.list = Some(state);
    }

    /// The entity whose articles the user asked for, if any (taken once):
    /// the caller loads them and hands them over with
    /// [`App::set_entity_articles`].
    pub fn take_entity_articles_request(&mut self) -> Option<(EntityKind, String)> {
        self.ent.articles_request.take()
    }

    /// The articles of an entity arrived: their list opens.
    pub fn set_entity_articles(
        &mut self,
        kind: EntityKind,
        name: String,
        rows: Result<Vec<EntityArticle>, String>,
    ) {
        let rows = match rows {
            Ok(rows) => rows,
            Err(message) => {
                self.notice = Some(message);
                return;
            }
        };
        let mut state = EntityArticlesState::new(kind, name, rows);
        state.keep_visible(self.list_height());
        self.ent.articles = Some(state);
        self.screen = Screen::EntityArticles;
    }

    /// The screen `q` returns to from the open article.
    #[must_use]
    pub fn returns_to(&self) -> Screen {
        self.ent.return_to
    }

    /// The Entities view, once its index has arrived.
    #[must_use]
    pub fn entities(&self) -> Option<&EntitiesState> {
        self.ent.list.as_ref()
    }

    /// True while the entity index is being loaded.
    #[must_use]
    pub fn entities_loading(&self) -> bool {
        self.ent.loading
    }

    /// The article list of the entity picked in the Entities view.
    #[must_use]
    pub fn entity_articles(&self) -> Option<&EntityArticlesState> {
        self.ent.articles.as_ref()
    }

    pub(super) fn update_entities(&mut self, action: Action) {
        let h = self.list_height();
        let Some(list) = &mut self.ent.list else {
            return;
        };
        if action == Action::ToggleFocus {
            list.cycle_kind(h);
        } else if navigate(list, action, self.area, h) {
            self.pick_entity();
        }
    }

    fn pick_entity(&mut self) {
        if let Some(row) = self.ent.list.as_ref().and_then(EntitiesState::selected) {
            self.ent.articles_request = Some((row.kind, row.name.clone()));
        }
    }

    pub(super) fn update_entity_articles(&mut self, action: Action) {
        let h = self.list_height();
        let Some(list) = &mut self.ent.articles else {
            return;
        };
        if navigate(list, action, self.area, h) {
            self.open_entity_article();
        }
    }

    /// Opens the selected article of the entity (loading it when stored),
    /// to land on the entity's first mention.
    fn open_entity_article(&mut self) {
        let Some(state) = &self.ent.articles else {
            return;
        };
        let Some(row) = state.selected() else { return };
        let Some(index) = self.articles.iter().position(|a| a.article.id == row.id) else {
            self.notice = Some("that article is not in this list: restart lede".to_owned());
            return;
        };
        self.ent.jump = Some((index, state.kind, state.name.clone()));
        self.ent.return_to = Screen::EntityArticles;
        self.open(index);
    }

    /// After article `index` opened: when it was opened from an entity's
    /// article list, jumps to that entity's first mention and makes it the
    /// `n` / `N` target, as Enter on the sidebar does.
    pub(super) fn apply_entity_jump(&mut self, index: usize) {
        let Some((at, kind, name)) = self.ent.jump.take() else {
            return;
        };
        if at != index {
            return;
        }
        let Some(entity) = self.current().and_then(|d| {
            (d.analysis.entities.iter()).position(|e| e.kind == kind && e.name == name)
        }) else {
            self.notice = Some(format!("{name} is not found in this article"));
            return;
        };
        let h = self.sidebar_height();
        self.sidebar.select_item(Item::Entity(entity), h);
        self.jump_to_target(Target::Entity { entity, index: 0 });
    }

    /// `/` on the Entities view: the typo-tolerant name filter.
    pub(super) fn update_entity_filter(&mut self, action: Action) {
        let h = self.list_height();
        let Some(list) = &mut self.ent.list else {
            return;
        };
        let mut filter = list.filter().to_owned();
        match action {
            Action::Search => self.filter_editing = true,
            _ if !self.filter_editing => {}
            Action::InputChar(c) => {
                filter.push(c);
                list.set_filter(&filter, h);
            }
            Action::InputBackspace => {
                if filter.pop().is_none() {
                    self.filter_editing = false;
                }
                list.set_filter(&filter, h);
            }
            Action::InputAccept => self.filter_editing = false,
            Action::InputCancel => {
                self.filter_editing = false;
                list.set_filter("", h);
            }
            _ => {}
        }
    }

    /// `q` / Esc on the Entities screens: clears the name filter, else goes
    /// back one level. False when not on them.
    pub(super) fn back_from_entities(&mut self) -> bool {
        match self.screen {
            Screen::Entities => {
                let h = self.list_height();
                match &mut self.ent.list {
                    Some(list) if !list.filter().is_empty() => list.set_filter("", h),
                    _ => self.screen = Screen::List,
                }
                true
            }
            Screen::EntityArticles => {
                self.screen = Screen::Entities;
                true
            }
            Screen::List | Screen::Reader => false,
        }
    }

    /// Keeps both selections on screen after a resize.
    pub(super) fn relayout_entities(&mut self, height: usize) {
        if let Some(list) = &mut self.ent.list {
            list.keep_visible(height);
        }
        if let Some(list) = &mut self.ent.articles {
            list.keep_visible(height);
        }
    }
}

/// Moves `list` for a motion, wheel or click in a view of `height` rows;
/// true when the selected row is to be opened (Enter, or a click on the
/// row already selected).
fn navigate(list: &mut impl CursorList, action: Action, area: Rect, height: usize) -> bool {
    let page = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1);
    match action {
        Action::Confirm => true,
        Action::Click { column, row } => {
            body_row(area, column, row).and_then(|r| list.click(r, height)) == Some(true)
        }
        Action::Scroll { lines, .. } => {
            list.select_by(lines.into(), height);
            false
        }
        _ => {
            if let Some(delta) = action.list_rows_moved(page) {
                list.select_by(delta, height);
            }
            false
        }
    }
}

/// The row of the list body clicked, if the click is in it.
fn body_row(area: Rect, column: u16, row: u16) -> Option<usize> {
    let body = layout::list(area).1;
    body.contains(Position::new(column, row))
        .then(|| usize::from(row - body.y))
}
