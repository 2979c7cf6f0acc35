//! The application state and [`App::update`], the only place it changes.
//! No I/O and no drawing here: tests drive it with actions alone.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::layout::{Position, Rect};

use crate::article::Article;
use crate::nlp::Analysis;

mod entities;
pub mod export;
mod highlights;
mod search;
mod targets;

use super::action::Action;
use super::highlight_store::HighlightStore;
use super::keymap::Keymap;
use super::layout;
use super::state::document::{Anchor, Section};
use super::state::highlights::HighlightState;
use super::state::list::{Entry, ListState, ROWS_PER_ENTRY, Shelf};
use super::state::reader::{ReaderState, Target};
use super::state::search::SearchState;
use super::state::sidebar::{Item, SidebarState};
use super::theme::Theme;

/// An article with its analysis.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The article.
    pub article: Article,
    /// What lede found in it.
    pub analysis: Analysis,
}

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The article list.
    List,
    /// One article.
    Reader,
    /// Every person, place and organization of the library.
    Entities,
    /// The articles of the entity picked in the Entities view.
    EntityArticles,
}

/// Where movement keys go in the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article text.
    Text,
    /// The sidebar.
    Sidebar,
}

/// What the input loop must do after an action (the parts that are I/O).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Keep going.
    Continue,
    /// Leave the program.
    Quit,
    /// Suspend to the shell, then redraw.
    Suspend,
}

/// How the app starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// On the list of all articles.
    List,
    /// Reading the first article, with no list behind it.
    Reader,
}

/// Everything the screen shows.
#[derive(Debug)]
pub struct App {
    articles: Vec<Analysed>,
    has_list: bool,
    screen: Screen,
    list: ListState,
    reader: Option<ReaderState>,
    sidebar: SidebarState,
    focus: Focus,
    sidebar_pref: Option<bool>,
    help: bool,
    help_offset: usize,
    help_rows: Vec<(String, &'static str)>,
    area: Rect,
    notice: Option<String>,
    positions: HashMap<usize, Anchor>,
    theme: Theme,
    search: Option<SearchState>,
    filter_editing: bool,
    pending: Vec<bool>,
    limits: Vec<Option<String>>,
    side: layout::SidebarLayout,
    export: Option<export::ExportPicker>,
    marks: HighlightState,
    store: HighlightStore,
    unloaded: Vec<bool>,
    load_request: Option<usize>,
    left: Vec<(String, Anchor)>,
    ent: entities::EntityViews,
}

impl App {
    /// A new app over analysed articles; call `update(Action::Resize {..})`
    /// before the first draw.
    #[must_use]
    pub fn new(articles: Vec<Analysed>, start: Start, keymap: &Keymap, theme: Theme) -> App {
        let entries = (articles.iter())
            .map(|a| Entry::new(&a.article, &a.analysis))
            .collect();
        let mut app = App {
            has_list: start == Start::List,
            screen: Screen::List,
            list: ListState::new(entries),
            reader: None,
            sidebar: SidebarState::default(),
            focus: Focus::Text,
            sidebar_pref: None,
            help: false,
            help_offset: 0,
            help_rows: keymap.help(),
            area: Rect::new(0, 0, 80, 24),
            notice: None,
            positions: HashMap::new(),
            theme,
            search: None,
            filter_editing: false,
            pending: vec![false; articles.len()],
            limits: limit_notices(&articles, crate::nlp::max_analysis_from_env()),
            side: layout::SidebarLayout::default(),
            export: None,
            marks: HighlightState::default(),
            store: HighlightStore::new(None),
            unloaded: vec![false; articles.len()],
            load_request: None,
            left: Vec::new(),
            ent: entities::EntityViews::default(),
            articles,
        };
        if start == Start::Reader && !app.articles.is_empty() {
            app.open(0);
        }
        app
    }

    /// The library screen: stored articles (from their list rows alone; each
    /// is loaded when opened, see [`App::take_load_request`]) and then the
    /// read-only Samples shelf.
    #[must_use]
    pub fn library(
        stored: &[crate::library::Entry],
        samples: Vec<Analysed>,
        keymap: &Keymap,
        theme: Theme,
    ) -> App {
        let placeholders = stored.iter().map(|row| Analysed {
            article: placeholder(row),
            analysis: Analysis::default(),
        });
        let entries: Vec<Entry> = (stored.iter().map(Entry::stored))
            .chain(samples.iter().map(|s| Entry {
                shelf: Shelf::Sample,
                ..Entry::new(&s.article, &s.analysis)
            }))
            .collect();
        let articles: Vec<Analysed> = placeholders.chain(samples).collect();
        let mut app = App::new(articles, Start::List, keymap, theme);
        // Built once here: replacing entries one by one refilters each time.
        app.list = ListState::new(entries);
        for u in app.unloaded.iter_mut().take(stored.len()) {
            *u = true;
        }
        app
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize { .. }) {
            self.notice = None;
        }
        match action {
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                self.relayout();
            }
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_offset = 0;
            }
            Action::Back => return self.back(),
            _ if self.help => self.scroll_help(action),
            _ if self.export.is_some() => self.update_export(action),
            Action::Export if self.screen == Screen::Reader => self.open_export(),
            _ if self.marks.note.is_some() => self.update_note(action),
            Action::Search
            | Action::InputChar(_)
            | Action::InputBackspace
            | Action::InputComplete
            | Action::InputAccept
            | Action::InputCancel => self.update_line(action),
            _ => match self.screen {
                Screen::List => self.update_list(action),
                Screen::Reader => self.update_reader(action),
                Screen::Entities => self.update_entities(action),
                Screen::EntityArticles => self.update_entity_articles(action),
            },
        }
        Effect::Continue
    }

    fn back(&mut self) -> Effect {
        if self.help {
            self.help = false;
        } else if self.export.is_some() {
            self.export = None;
        } else if self.marks.note.is_some() {
            self.marks.note = None;
        } else if self.screen == Screen::Reader && self.marks.selection.is_some() {
            self.marks.selection = None;
        } else if self.screen == Screen::Reader && self.search.is_some() {
            self.clear_search();
        } else if self.screen == Screen::List && !self.list.filter().is_empty() {
            let h = self.list_height();
            self.list.set_filter("", h);
        } else if self.screen == Screen::Reader && self.has_list {
            self.close_reader();
        } else if !self.back_from_entities() {
            return Effect::Quit;
        }
        Effect::Continue
    }

    /// Scrolls the help when it is taller than the screen; other actions
    /// wait until it is closed.
    fn scroll_help(&mut self, action: Action) {
        let max = (self.help_rows.len() + 2).saturating_sub(usize::from(self.area.height));
        let delta: isize = match action {
            Action::ScrollDown => 1,
            Action::ScrollUp => -1,
            Action::PageDown | Action::HalfPageDown => 5,
            Action::PageUp | Action::HalfPageUp => -5,
            Action::Scroll { lines, .. } => lines.into(),
            _ => 0,
        };
        self.help_offset = self.help_offset.saturating_add_signed(delta).min(max);
    }

    // ----- list -----

    fn list_height(&self) -> usize {
        usize::from(layout::list(self.area).1.height)
    }

    fn update_list(&mut self, action: Action) {
        let h = self.list_height();
        let page = isize::try_from((h / ROWS_PER_ENTRY).max(1)).unwrap_or(1);
        match action {
            Action::Confirm if self.list.has_selection() => self.open(self.list.selected()),
            Action::Scroll { lines, .. } => self.list.select_by(lines.signum().into(), h),
            Action::Click { column, row } => self.click_list(column, row),
            Action::CycleSort => self.list.set_sort(self.list.sort().next(), h),
            Action::Entities => self.open_entities(),
            _ => {
                if let Some(delta) = action.list_rows_moved(page) {
                    self.list.select_by(delta, h);
                }
            }
        }
    }

    fn click_list(&mut self, column: u16, row: u16) {
        let body = layout::list(self.area).1;
        if !body.contains(Position::new(column, row)) {
            return;
        }
        if let Some(i) = self.list.entry_at_row(usize::from(row - body.y)) {
            if i == self.list.selected() {
                self.open(i);
            } else {
                self.list.select(i, usize::from(body.height));
            }
        }
    }

    // ----- opening and closing -----

    fn open(&mut self, index: usize) {
        if self.screen == Screen::List {
            self.ent.return_to = Screen::List;
        }
        if self.unloaded.get(index).copied().unwrap_or(false) {
            self.load_request = Some(index);
            return;
        }
        let Some(sidebar) = self
            .articles
            .get(index)
            .map(|d| SidebarState::new(&d.analysis))
        else {
            return;
        };
        self.save_position();
        self.search = None;
        let anchor = self.positions.get(&index).copied().unwrap_or(Anchor::START);
        self.reader = Some(ReaderState::new(index, anchor));
        self.sidebar = sidebar;
        self.focus = Focus::Text;
        self.screen = Screen::Reader;
        if self.has_list {
            let h = self.list_height();
            self.list.select(index, h);
        }
        self.relayout();
        self.load_marks();
        self.apply_entity_jump(index);
    }

    fn close_reader(&mut self) {
        self.save_position();
        self.search = None;
        self.reader = None;
        self.screen = self.ent.return_to;
        self.focus = Focus::Text;
    }

    fn save_position(&mut self) {
        let Some(r) = &self.reader else { return };
        let (index, anchor) = (r.article, r.anchor());
        let before = self.positions.insert(index, anchor);
        if before.unwrap_or(Anchor::START) != anchor {
            if let Some(doc) = self.articles.get(index) {
                self.left.push((doc.article.id.clone(), anchor));
            }
        }
    }

    fn change_article(&mut self, forward: bool) {
        let Some(current) = self.reader.as_ref().map(|r| r.article) else {
            return;
        };
        // In the order the list shows (sorted, filtered) when the article
        // is in it; else in the order the articles were given.
        let shown = self.list.shown();
        let next = match shown.iter().position(|&i| i == current) {
            Some(pos) if self.has_list => {
                let at = if forward {
                    pos + 1
                } else {
                    pos.wrapping_sub(1)
                };
                shown.get(at).copied().unwrap_or(usize::MAX)
            }
            _ if forward => current + 1,
            _ => current.wrapping_sub(1),
        };
        if next < self.articles.len() {
            self.open(next);
        } else {
            self.notice = Some(if forward {
                "last article".to_owned()
            } else {
                "first article".to_owned()
            });
        }
    }

    // ----- loading and positions (the I/O is the caller's) -----

    /// The stored article the user asked to open, if any (taken once). The
    /// caller loads it and hands it over with [`App::set_loaded`], or reports
    /// the failure with [`App::set_notice`].
    pub fn take_load_request(&mut self) -> Option<usize> {
        self.load_request.take()
    }

    /// The stored article `index` was loaded (with its cached analysis):
    /// it replaces the list-row placeholder and opens, at `position` if one
    /// was saved.
    pub fn set_loaded(&mut self, index: usize, loaded: Analysed, position: Option<Anchor>) {
        let Some(slot) = self.articles.get_mut(index) else {
            return;
        };
        *slot = loaded;
        if let Some(notice) = self.limits.get_mut(index) {
            *notice = crate::nlp::limit_notice(&slot.article, crate::nlp::max_analysis_from_env());
        }
        if let Some(u) = self.unloaded.get_mut(index) {
            *u = false;
        }
        if let Some(p) = self.pending.get_mut(index) {
            *p = false;
        }
        if let Some(anchor) = position {
            self.positions.insert(index, anchor);
        }
        if let Some(doc) = self.articles.get(index) {
            let entry = Entry::new(&doc.article, &doc.analysis);
            self.list.set_entry(index, entry);
        }
        self.open(index);
    }

    /// Saved reading positions (by article index), used when each opens; the
    /// article open now moves to its own.
    pub fn restore_positions(&mut self, positions: impl IntoIterator<Item = (usize, Anchor)>) {
        for (index, anchor) in positions {
            self.positions.insert(index, anchor);
            if self.reader.as_ref().is_some_and(|r| r.article == index) {
                self.reader = Some(ReaderState::new(index, anchor));
                self.relayout();
            }
        }
    }

    /// Remembers where the open article is read (as leaving it does), so
    /// quitting keeps the position.
    pub fn leave(&mut self) {
        self.save_position();
    }

    /// Reading positions changed since the last call, by article id (taken):
    /// what the caller persists.
    pub fn take_left_positions(&mut self) -> Vec<(String, Anchor)> {
        std::mem::take(&mut self.left)
    }

    /// Shows a one-off message in the status bar.
    pub fn set_notice(&mut self, notice: impl Into<String>) {
        self.notice = Some(notice.into());
    }

    /// The top entities of the stored articles arrived (by id): the list
    /// rows not loaded yet show them.
    pub fn set_top_entities(&mut self, mut top: std::collections::HashMap<String, Vec<String>>) {
        let names: Vec<(usize, Vec<String>)> = (self.articles.iter().enumerate())
            .filter(|&(i, _)| self.unloaded.get(i).copied().unwrap_or(false))
            .filter_map(|(i, d)| Some((i, top.remove(&d.article.id)?)))
            .collect();
        self.list.set_names(names);
    }

    /// Article ids by index (stored placeholders included).
    pub fn article_ids(&self) -> impl Iterator<Item = (usize, &str)> {
        (self.articles.iter().enumerate()).map(|(i, d)| (i, d.article.id.as_str()))
    }

    // ----- reader -----

    /// True when the sidebar is on screen.
    #[must_use]
    pub fn sidebar_visible(&self) -> bool {
        self.screen == Screen::Reader
            && layout::sidebar_width(self.area.width, self.side.width) > 0
            && self
                .sidebar_pref
                .unwrap_or(self.area.width >= layout::SIDEBAR_AUTO_WIDTH)
    }

    /// The reader's areas for the current size.
    #[must_use]
    pub fn reader_areas(&self) -> layout::ReaderAreas {
        layout::reader(self.area, self.sidebar_visible(), self.side)
    }

    fn sidebar_height(&self) -> usize {
        self.reader_areas()
            .sidebar
            .map_or(1, |r| usize::from(r.height))
    }

    /// Sets where the sidebar goes and how wide it is.
    pub fn set_sidebar_layout(&mut self, side: layout::SidebarLayout) {
        self.side = side;
        self.relayout();
    }

    /// Where the sidebar goes and how wide it is.
    #[must_use]
    pub fn sidebar_layout(&self) -> layout::SidebarLayout {
        self.side
    }

    /// Marks every article as waiting for its analysis (it runs in the
    /// background; [`App::set_analysis`] fills it in).
    pub fn mark_pending(&mut self) {
        let unloaded = self.unloaded.iter();
        (self.pending.iter_mut().zip(unloaded)).for_each(|(p, u)| *p = !u);
    }

    /// True while the open article's analysis has not arrived.
    #[must_use]
    pub fn is_pending(&self) -> bool {
        let Some(r) = &self.reader else { return false };
        self.pending.get(r.article).copied().unwrap_or(false)
    }

    /// Sets the analysis cap the notices assume (`LEDE_MAX_ANALYSIS` by
    /// default), so they match the analyzer that runs.
    pub fn set_analysis_limit(&mut self, max_bytes: usize) {
        self.limits = limit_notices(&self.articles, max_bytes);
    }

    /// The standing notice of the open article when a field of it is over
    /// the analysis cap: "analysed the first 2.0 MiB of body (...)".
    #[must_use]
    pub fn limit_notice(&self) -> Option<&str> {
        let r = self.reader.as_ref()?;
        self.limits.get(r.article)?.as_deref()
    }

    /// The analysis of article `index` arrived: the list entry, the sidebar,
    /// the marks and the search hits are rebuilt; the reading position stays.
    pub fn set_analysis(&mut self, index: usize, analysis: Analysis) {
        let Some(doc) = self.articles.get_mut(index) else {
            return;
        };
        doc.analysis = analysis;
        let entry = Entry::new(&doc.article, &doc.analysis);
        self.list.set_entry(index, entry);
        if let Some(p) = self.pending.get_mut(index) {
            *p = false;
        }
        if self.reader.as_ref().is_some_and(|r| r.article == index) {
            let Some(doc) = self.articles.get(index) else {
                return;
            };
            self.sidebar = SidebarState::new(&doc.analysis);
            let h = self.sidebar_height();
            self.sidebar
                .set_highlights(self.marks.highlights().len(), h);
            if let Some(search) = &mut self.search {
                search.refresh(&doc.article, &doc.analysis);
            }
            if let Some(reader) = &mut self.reader {
                reader.invalidate();
                if !matches!(reader.target, Some(Target::Search)) {
                    reader.target = None;
                }
            }
            self.relayout();
        }
    }

    fn relayout(&mut self) {
        let areas = self.reader_areas();
        if !self.sidebar_visible() {
            self.focus = Focus::Text;
        }
        let h = self.sidebar_height();
        self.sidebar.keep_visible(h);
        let list_h = self.list_height();
        self.list.select(self.list.selected(), list_h);
        self.relayout_entities(list_h);
        if let Some(reader) = &mut self.reader {
            if let Some(doc) = self.articles.get(reader.article) {
                reader.resize(
                    &doc.article,
                    &doc.analysis,
                    layout::text_width(areas.text.width),
                    usize::from(areas.text.height),
                );
            }
        }
    }

    fn update_reader(&mut self, action: Action) {
        if self.update_highlights(action) {
            return;
        }
        match action {
            Action::ScrollDown
            | Action::ScrollUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => {
                self.move_by(action);
                self.sync_cursor();
            }
            Action::ToggleFocus => self.toggle_focus(),
            Action::ToggleSidebar => {
                self.sidebar_pref = Some(!self.sidebar_visible());
                self.relayout();
                if self.sidebar_pref == Some(true) && !self.sidebar_visible() {
                    self.notice = Some("too narrow for the sidebar".to_owned());
                }
            }
            Action::Confirm if self.focus == Focus::Sidebar => self.jump_to_selected(),
            Action::NextMention => self.step_target(true),
            Action::PrevMention => self.step_target(false),
            Action::JumpBack => self.jump_back(),
            Action::NextArticle => self.change_article(true),
            Action::PrevArticle => self.change_article(false),
            Action::Scroll { lines, column, row } => {
                self.scroll_at(lines, column, row);
                self.sync_cursor();
            }
            Action::Click { column, row } => self.click_reader(column, row),
            _ => {}
        }
    }

    fn move_by(&mut self, action: Action) {
        let sidebar = self.focus == Focus::Sidebar;
        let h = self.sidebar_height();
        let Some(reader) = &mut self.reader else {
            return;
        };
        let (half, page) = if sidebar {
            let h = isize::try_from(h).unwrap_or(1);
            ((h / 2).max(1), (h - 1).max(1))
        } else {
            (reader.half_page(), reader.page())
        };
        let Some(delta) = action.rows_moved(half, page) else {
            return;
        };
        if sidebar {
            self.sidebar.select_by(delta, h);
        } else {
            reader.scroll_by(delta);
        }
    }

    fn jump_back(&mut self) {
        if !self.reader.as_mut().is_some_and(ReaderState::jump_back) {
            self.notice = Some("no jump to go back to".to_owned());
        }
    }

    fn toggle_focus(&mut self) {
        if !self.sidebar_visible() {
            self.notice = Some("the sidebar is hidden: s shows it".to_owned());
            return;
        }
        self.focus = match self.focus {
            Focus::Text => Focus::Sidebar,
            Focus::Sidebar => Focus::Text,
        };
    }

    fn scroll_at(&mut self, lines: i16, column: u16, row: u16) {
        let areas = self.reader_areas();
        let at = Position::new(column, row);
        if areas.sidebar.is_some_and(|r| r.contains(at)) {
            let h = self.sidebar_height();
            self.sidebar.select_by(lines.into(), h);
        } else if let Some(reader) = &mut self.reader {
            reader.scroll_by(lines.into());
        }
    }

    fn click_reader(&mut self, column: u16, row: u16) {
        let Some(side) = self.reader_areas().sidebar else {
            return;
        };
        if side.contains(Position::new(column, row)) {
            let h = self.sidebar_height();
            self.focus = Focus::Sidebar;
            self.sidebar.select_row(usize::from(row - side.y), h);
        } else {
            self.focus = Focus::Text;
        }
    }

    // ----- read access for drawing -----

    /// The screen shown.
    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Where movement goes.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// True while the help is open.
    #[must_use]
    pub fn help_visible(&self) -> bool {
        self.help
    }

    /// First help row shown (the help scrolls on short terminals).
    #[must_use]
    pub fn help_offset(&self) -> usize {
        self.help_offset
    }

    /// Key and description rows of the help.
    #[must_use]
    pub fn help_rows(&self) -> &[(String, &'static str)] {
        &self.help_rows
    }

    /// The article list.
    #[must_use]
    pub fn list(&self) -> &ListState {
        &self.list
    }

    /// True when the articles came from the list (so `q` returns to it).
    #[must_use]
    pub fn has_list(&self) -> bool {
        self.has_list
    }

    /// The open article's view state.
    #[must_use]
    pub fn reader(&self) -> Option<&ReaderState> {
        self.reader.as_ref()
    }

    /// The sidebar.
    #[must_use]
    pub fn sidebar(&self) -> &SidebarState {
        &self.sidebar
    }

    /// The open article.
    #[must_use]
    pub fn current(&self) -> Option<&Analysed> {
        self.reader
            .as_ref()
            .and_then(|r| self.articles.get(r.article))
    }

    /// How many articles there are.
    #[must_use]
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// True when article `index` is a stored article not loaded yet (the
    /// analysis worker leaves it alone: its analysis is cached).
    #[must_use]
    pub fn is_unloaded(&self, index: usize) -> bool {
        self.unloaded.get(index).copied().unwrap_or(false)
    }

    /// A one-off message for the status bar.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The search of the open article, if any.
    #[must_use]
    pub fn search(&self) -> Option<&SearchState> {
        self.search.as_ref()
    }

    /// True while a search or filter line takes the keys.
    #[must_use]
    pub fn is_editing(&self) -> bool {
        match self.screen {
            Screen::List | Screen::Entities => self.filter_editing,
            Screen::EntityArticles => false,
            Screen::Reader => {
                self.marks.note.is_some()
                    || self.search.as_ref().is_some_and(SearchState::is_editing)
            }
        }
    }

    /// The open article's highlighting state: cursor, selection, note
    /// input and highlights.
    #[must_use]
    pub fn marks(&self) -> &HighlightState {
        &self.marks
    }

    /// Uses the library in `dir` for highlights (`None`: highlighting shows
    /// a notice instead) and loads the open article's highlights from it.
    pub fn set_library(&mut self, dir: Option<PathBuf>) {
        self.store = HighlightStore::new(dir);
        if self.reader.is_some() {
            self.load_marks();
        }
    }

    /// The styles.
    #[must_use]
    pub fn theme(&self) -> Theme {
        self.theme
    }
}

/// A stand-in article for a stored one not loaded yet: its id and the
/// metadata of its list row; no text.
fn placeholder(row: &crate::library::Entry) -> Article {
    Article {
        id: row.id.clone(),
        title: row.title.clone(),
        title_derived: false,
        byline: None,
        date: row.date.clone(),
        date_raw: None,
        source: row.source.clone(),
        url: None,
        origin: row.origin.clone(),
        source_format: crate::article::SourceFormat::Text,
        body: String::new(),
        paragraphs: Vec::new(),
        captions: Vec::new(),
        related: Vec::new(),
        warnings: Vec::new(),
    }
}

/// One notice per article: see [`crate::nlp::limit_notice`].
fn limit_notices(articles: &[Analysed], max_bytes: usize) -> Vec<Option<String>> {
    articles
        .iter()
        .map(|a| crate::nlp::limit_notice(&a.article, max_bytes))
        .collect()
}
