//! The reader's `e` picker: an overlay with three rows (format, scope,
//! destination) that calls the same export code as `lede export`. It writes
//! under default names and never overwrites (see
//! `export::write::export_into`); the result is one notice line.

use std::path::PathBuf;

use super::App;
use crate::export::{self, ExportArticle, Format, Options};
use crate::tui::action::Action;

/// What the picker can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The article being read.
    Article,
    /// Every article the reader has open (the list).
    All,
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPicker {
    /// Selected row: 0 format, 1 scope, 2 destination.
    pub row: usize,
    /// Index into [`Format::ALL`].
    pub format: usize,
    /// Article or all.
    pub scope: Scope,
    /// Index into [`ExportPicker::destinations`].
    pub destination: usize,
    /// Folders to write into: the current folder, then the home folder.
    pub destinations: Vec<PathBuf>,
    /// The library whose highlights are exported (`LEDE_LIBRARY` or the
    /// data dir); `None` exports without highlights.
    pub library: Option<PathBuf>,
}

impl ExportPicker {
    fn new() -> ExportPicker {
        let mut destinations: Vec<PathBuf> = std::env::current_dir().into_iter().collect();
        if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
            && !destinations.contains(&home)
        {
            destinations.push(home);
        }
        ExportPicker {
            row: 0,
            format: 0,
            scope: Scope::Article,
            destination: 0,
            destinations,
            library: crate::library::resolve_dir(None).ok(),
        }
    }

    /// The selected format.
    #[must_use]
    pub fn format(&self) -> Format {
        Format::ALL.get(self.format).copied().unwrap_or_default()
    }

    /// The three rows as (label, value) for drawing.
    #[must_use]
    pub fn rows(&self) -> [(&'static str, String); 3] {
        let destination = self
            .destinations
            .get(self.destination)
            .map_or_else(|| "(no folder)".to_owned(), |d| d.display().to_string());
        let scope = match self.scope {
            Scope::Article => "this article",
            Scope::All => "all open articles",
        };
        [
            ("format", self.format().name().to_owned()),
            ("scope", scope.to_owned()),
            ("folder", destination),
        ]
    }

    /// Changes the value of the selected row by one step.
    fn cycle(&mut self, forward: bool) {
        let step = |value: usize, len: usize| {
            if len == 0 {
                0
            } else if forward {
                (value + 1) % len
            } else {
                (value + len - 1) % len
            }
        };
        match self.row {
            0 => self.format = step(self.format, Format::ALL.len()),
            1 => {
                self.scope = match self.scope {
                    Scope::Article => Scope::All,
                    Scope::All => Scope::Article,
                }
            }
            _ => self.destination = step(self.destination, self.destinations.len()),
        }
    }
}

impl App {
    /// Opens the picker (reader only).
    pub(super) fn open_export(&mut self) {
        self.export = Some(ExportPicker::new());
    }

    /// Keys while the picker is open: j/k pick a row, Tab/Space/f and b
    /// change its value, Enter exports; Esc and q close it (in `back`).
    pub(super) fn update_export(&mut self, action: Action) {
        let Some(picker) = self.export.as_mut() else {
            return;
        };
        match action {
            Action::ScrollDown => picker.row = (picker.row + 1).min(2),
            Action::ScrollUp => picker.row = picker.row.saturating_sub(1),
            Action::ToggleFocus | Action::PageDown | Action::NextArticle => picker.cycle(true),
            Action::PageUp | Action::PrevArticle => picker.cycle(false),
            Action::Confirm => self.run_export(),
            _ => {}
        }
    }

    /// Runs the export the picker describes and closes it with a notice.
    fn run_export(&mut self) {
        let Some(picker) = self.export.take() else {
            return;
        };
        let Some(dir) = picker.destinations.get(picker.destination).cloned() else {
            self.notice = Some("export: no folder to write into".to_owned());
            return;
        };
        let indices: Vec<usize> = match (picker.scope, self.reader.as_ref()) {
            (Scope::Article, Some(reader)) => vec![reader.article],
            _ => (0..self.articles.len()).collect(),
        };
        let library = picker
            .library
            .as_deref()
            .and_then(|d| crate::library::Library::open_existing(d).ok().flatten());
        let articles: Vec<ExportArticle> = indices
            .iter()
            .filter_map(|&i| self.articles.get(i))
            .map(|a| {
                export::select::with_highlights(library.as_ref(), &a.article, &a.analysis)
                    .unwrap_or_else(|_| ExportArticle {
                        document: crate::document::ArticleDocument::new(&a.article, &a.analysis),
                        highlights: Vec::new(),
                    })
            })
            .collect();
        let options = Options {
            several: picker.scope == Scope::All,
            ..Options::default()
        };
        self.notice = Some(
            match export::write::export_into(&dir, picker.format(), &articles, &options) {
                Ok(done) => done,
                Err(err) => format!("export failed: {err}"),
            },
        );
    }

    /// The export picker, while it is open.
    #[must_use]
    pub fn export_picker(&self) -> Option<&ExportPicker> {
        self.export.as_ref()
    }

    /// The open picker, to point it at other folders (tests, embedding).
    pub fn export_picker_mut(&mut self) -> Option<&mut ExportPicker> {
        self.export.as_mut()
    }
}
