//! The search line of the reader and the filter line of the list: opening,
//! typing (incremental), Tab completion, Enter (keep), Esc (clear).

use super::{App, Screen, Target};
use crate::tui::action::Action;
use crate::tui::state::search::SearchState;

impl App {
    pub(super) fn update_line(&mut self, action: Action) {
        match self.screen {
            Screen::List => self.update_filter(action),
            Screen::Reader => self.update_search(action),
            Screen::Entities => self.update_entity_filter(action),
            Screen::EntityArticles => {}
        }
    }

    fn update_filter(&mut self, action: Action) {
        let h = self.list_height();
        let mut filter = self.list.filter().to_owned();
        match action {
            Action::Search => self.filter_editing = true,
            _ if !self.filter_editing => {}
            Action::InputChar(c) => {
                filter.push(c);
                self.list.set_filter(&filter, h);
            }
            Action::InputBackspace => {
                if filter.pop().is_none() {
                    self.filter_editing = false;
                }
                self.list.set_filter(&filter, h);
            }
            Action::InputAccept => self.filter_editing = false,
            Action::InputCancel => {
                self.filter_editing = false;
                self.list.set_filter("", h);
            }
            _ => {}
        }
    }

    fn update_search(&mut self, action: Action) {
        if action == Action::Search {
            let Some(reader) = &self.reader else { return };
            self.search = Some(SearchState::new(reader.anchor()));
            return;
        }
        if !self.is_editing() {
            return;
        }
        let Some(doc) = self
            .reader
            .as_ref()
            .and_then(|r| self.articles.get(r.article))
        else {
            return;
        };
        let Some(search) = &mut self.search else {
            return;
        };
        match action {
            Action::InputChar(c) => search.push(c, &doc.article, &doc.analysis),
            Action::InputBackspace if !search.pop(&doc.article, &doc.analysis) => {
                self.cancel_search();
                return;
            }
            Action::InputComplete if !search.complete(&doc.article, &doc.analysis) => {
                self.notice = Some(format!("no entity name fits '{}'", search.query()));
            }
            Action::InputAccept => {
                self.accept_search();
                return;
            }
            Action::InputCancel => {
                self.cancel_search();
                return;
            }
            _ => {}
        }
        self.show_search_hit(false);
    }

    /// Scrolls to the current hit (a jump when `record`, else a peek).
    fn show_search_hit(&mut self, record: bool) {
        let Some(search) = &self.search else { return };
        let Some(reader) = &mut self.reader else {
            return;
        };
        match search.current_hit() {
            Some(hit) if record => reader.jump_to(hit.section, hit.start),
            Some(hit) => reader.show(hit.section, hit.start),
            None => reader.go_to(search.origin),
        }
    }

    fn accept_search(&mut self) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.accept();
        let origin = search.origin;
        if search.query().is_empty() {
            self.search = None;
            return;
        }
        if search.hits().is_empty() {
            self.notice = Some(format!("no match for /{}", search.query()));
            self.search = None;
            return;
        }
        if let Some(reader) = &mut self.reader {
            reader.go_to(origin);
            reader.target = Some(Target::Search);
        }
        self.show_search_hit(true);
    }

    /// Esc on the line: no search, back where `/` was pressed.
    fn cancel_search(&mut self) {
        let origin = self.search.as_ref().map(|s| s.origin);
        self.clear_search();
        if let (Some(reader), Some(origin)) = (&mut self.reader, origin) {
            reader.go_to(origin);
        }
    }

    /// Drops the search and its highlights (the reading position stays).
    pub(super) fn clear_search(&mut self) {
        self.search = None;
        if let Some(reader) = &mut self.reader {
            if reader.target == Some(Target::Search) {
                reader.target = None;
            }
        }
    }

    /// `n` / `N` over the kept search hits.
    pub(super) fn step_search(&mut self, forward: bool) {
        let Some(search) = &mut self.search else {
            return;
        };
        if let Some(true) = search.step(forward) {
            self.notice = Some(if forward {
                "search wrapped to the top".to_owned()
            } else {
                "search wrapped to the bottom".to_owned()
            });
        }
        self.show_search_hit(false);
    }
}
