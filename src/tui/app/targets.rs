//! The target of `n` / `N`: jumping to a sidebar entity or quote, stepping
//! through its mentions, and how the status bar names it.

use super::{App, Item, Section, Target};
use crate::nlp::EntityKind;
use crate::tui::state::search::SearchState;

impl App {
    pub(super) fn jump_to_selected(&mut self) {
        let target = match self.sidebar.selected() {
            Some(Item::Entity(entity)) => Target::Entity { entity, index: 0 },
            Some(Item::Quote(q)) => Target::Quote(q),
            Some(Item::Highlight(i)) => {
                if self.marks.highlights().get(i).is_some_and(|h| h.orphaned) {
                    self.notice = Some("orphaned: its text is no longer in the article".to_owned());
                    return;
                }
                Target::Highlight(i)
            }
            _ => return,
        };
        self.jump_to_target(target);
    }

    /// Makes `target` the `n` / `N` target and jumps to where it starts
    /// (recorded, so `''` comes back).
    pub(super) fn jump_to_target(&mut self, target: Target) {
        let Some((section, offset)) = self.target_position(target) else {
            return;
        };
        if let Some(reader) = &mut self.reader {
            reader.target = Some(target);
            reader.jump_to(section, offset);
        }
        self.cursor_to(section, offset);
    }

    /// Where a target's current mention or quote starts.
    fn target_position(&self, target: Target) -> Option<(Section, usize)> {
        let analysis = &self.current()?.analysis;
        match target {
            Target::Entity { entity, index } => {
                let m = *analysis.entities.get(entity)?.mentions.get(index)?;
                let mention = analysis.mentions.get(m)?;
                Some((Section::of_field(mention.field), mention.start))
            }
            Target::Quote(q) => {
                let quote = analysis.quotes.get(q)?;
                Some((Section::of_field(quote.field), quote.start))
            }
            Target::Highlight(i) => {
                let h = self.marks.highlights().get(i).filter(|h| !h.orphaned)?;
                Some((Section::of_field(h.field), h.start))
            }
            Target::Search => None,
        }
    }

    pub(super) fn step_target(&mut self, forward: bool) {
        let Some(target) = self.reader.as_ref().and_then(|r| r.target) else {
            self.notice = Some("no target: pick one in the sidebar (Tab, Enter)".to_owned());
            return;
        };
        if target == Target::Search {
            self.step_search(forward);
            return;
        }
        let Some(analysis) = self.current().map(|d| &d.analysis) else {
            return;
        };
        let (index, count) = match target {
            Target::Entity { entity, index } => (
                index,
                analysis
                    .entities
                    .get(entity)
                    .map_or(0, |e| e.mentions.len()),
            ),
            Target::Quote(q) => (q, analysis.quotes.len()),
            Target::Highlight(i) => (i, self.placed_highlights()),
            Target::Search => return,
        };
        if count == 0 {
            return;
        }
        let (next, wrapped) = if forward {
            if index + 1 >= count {
                (0, true)
            } else {
                (index + 1, false)
            }
        } else if index == 0 {
            (count - 1, true)
        } else {
            (index - 1, false)
        };
        let next_target = match target {
            Target::Entity { entity, .. } => Target::Entity {
                entity,
                index: next,
            },
            Target::Quote(_) => Target::Quote(next),
            Target::Highlight(_) => Target::Highlight(next),
            Target::Search => Target::Search,
        };
        if wrapped {
            self.notice = Some(if forward {
                "wrapped to the first".to_owned()
            } else {
                "wrapped to the last".to_owned()
            });
        }
        let item = match next_target {
            Target::Entity { entity, .. } => Item::Entity(entity),
            Target::Quote(q) => Item::Quote(q),
            Target::Highlight(i) => Item::Highlight(i),
            Target::Search => return,
        };
        let h = self.sidebar_height();
        self.sidebar.select_item(item, h);
        if let Some((section, offset)) = self.target_position(next_target) {
            if let Some(reader) = &mut self.reader {
                reader.target = Some(next_target);
                reader.show(section, offset);
            }
            self.cursor_to(section, offset);
        }
    }

    /// The target as the status bar names it: "Putin 3/7" or "Quote 2/5".
    #[must_use]
    pub fn target_label(&self) -> Option<String> {
        let analysis = &self.current()?.analysis;
        match self.reader.as_ref()?.target? {
            Target::Entity { entity, index } => {
                let e = analysis.entities.get(entity)?;
                // People go by surname ("Putin 3/7"); other names stay whole.
                let short = match e.kind {
                    EntityKind::Person => e.name.split_whitespace().last().unwrap_or(&e.name),
                    _ => &e.name,
                };
                Some(format!("{short} {}/{}", index + 1, e.mentions.len()))
            }
            Target::Quote(q) => Some(format!("Quote {}/{}", q + 1, analysis.quotes.len())),
            Target::Highlight(i) => {
                Some(format!("Highlight {}/{}", i + 1, self.placed_highlights()))
            }
            Target::Search => self.search.as_ref().map(SearchState::label),
        }
    }

    /// The mention the target stands on (to mark it), if any.
    #[must_use]
    pub fn target_mention(&self) -> Option<usize> {
        let analysis = &self.current()?.analysis;
        match self.reader.as_ref()?.target? {
            Target::Entity { entity, index } => {
                analysis.entities.get(entity)?.mentions.get(index).copied()
            }
            Target::Quote(_) | Target::Search | Target::Highlight(_) => None,
        }
    }

    /// How many highlights have a place in the text (they come first).
    pub(super) fn placed_highlights(&self) -> usize {
        self.marks
            .highlights()
            .iter()
            .filter(|h| !h.orphaned)
            .count()
    }

    /// The highlight the target stands on, if any.
    #[must_use]
    pub fn target_highlight(&self) -> Option<usize> {
        match self.reader.as_ref()?.target? {
            Target::Highlight(i) => Some(i),
            _ => None,
        }
    }

    /// The quote the target stands on, if any.
    #[must_use]
    pub fn target_quote(&self) -> Option<usize> {
        match self.reader.as_ref()?.target? {
            Target::Quote(q) => Some(q),
            Target::Entity { .. } | Target::Search | Target::Highlight(_) => None,
        }
    }
}
