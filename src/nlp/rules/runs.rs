//! Capitalised runs ("National Security and Defense Council") and the
//! organization patterns over them: a suffix word ("... Council") or a head
//! word followed by "of"/"for" ("Center for ...", "Ministry of ...").

use std::ops::Range;

use super::Ctx;
use super::tokens::Connector;
use crate::nlp::EntityKind;
use crate::nlp::gazetteer::{
    GazKind, NON_ENTITY, ORG_PREFIX, ORG_SUFFIX, PLACE_PREFIX, PLACE_SUFFIX, TITLE,
};

/// A run of name tokens starting at a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// All tokens, connectors included ("Center for Countering Disinformation").
    pub full: Range<usize>,
    /// The tokens before the first "of"/"and"/"for" connector ("Center").
    pub core: Range<usize>,
}

impl Ctx<'_> {
    /// Whether token `i` can be part of a name: capitalised, an acronym or an initial.
    pub(crate) fn is_name_token(&self, i: usize) -> bool {
        self.infos.get(i).is_some_and(|t| t.cap)
    }

    fn breaks_after(&self, i: usize) -> bool {
        self.doc.tokens().get(i).is_none_or(|t| t.newline_after)
    }

    /// The longest run of name tokens from `start` (a name token) before `end`.
    /// Connectors are kept only between name tokens; a title word or a
    /// never-entity word ends the run.
    pub(crate) fn run_at(&self, start: usize, end: usize) -> Run {
        let mut j = start;
        let mut good = start + 1;
        let mut core_end = None;
        while j < end {
            let Some(t) = self.infos.get(j) else { break };
            if t.cap {
                if j > start && self.stops_run(j) {
                    break;
                }
                j += 1;
                good = j;
                if self.breaks_after(j - 1) {
                    break;
                }
                if self.hyphen_joins(j, end) {
                    j += 1;
                }
                continue;
            }
            let Some(conn) = t.connector else { break };
            if j == start || self.breaks_after(j) {
                break;
            }
            // "of the Interior": skip the article after "of".
            let next = if conn == Connector::Of
                && self.infos.get(j + 1).and_then(|n| n.connector) == Some(Connector::The)
            {
                j + 2
            } else {
                j + 1
            };
            let ok = next < end
                && self.is_name_token(next)
                && conn != Connector::The
                && !self.breaks_after(next - 1);
            if !ok {
                break;
            }
            if conn != Connector::Particle {
                core_end.get_or_insert(j);
            }
            j = next;
        }
        let j = good.max(start + 1);
        Run {
            full: start..j,
            core: start..core_end.unwrap_or(j).min(j),
        }
    }

    /// "Trump and Congress": an "and" whose right side is by itself a known
    /// place or organization joins two names, not parts of one.
    fn and_joins_two_names(&self, span: Range<usize>) -> bool {
        span.clone().any(|c| {
            self.infos.get(c).and_then(|t| t.connector) == Some(Connector::And)
                && self
                    .gaz
                    .entry_at(self.doc, c + 1)
                    .is_some_and(|m| m.kind != GazKind::Title && c + 1 + m.len == span.end)
        })
    }

    /// A never-entity word, or a title phrase that is not part of an
    /// organization name ("Defense" starts "Defense Minister" but not
    /// "Defense Council").
    fn stops_run(&self, j: usize) -> bool {
        let flags = self.infos.get(j).map_or(0, |t| t.flags);
        if flags & NON_ENTITY != 0 {
            return true;
        }
        flags & TITLE != 0
            && flags & (ORG_SUFFIX | ORG_PREFIX) == 0
            && self
                .gaz
                .entry_at(self.doc, j)
                .is_some_and(|m| m.kind == GazKind::Title)
    }

    /// A hyphen written without spaces between two capitalised words that are
    /// not both known places ("Jean-Pierre", not "Russia-Ukraine").
    fn hyphen_joins(&self, j: usize, end: usize) -> bool {
        let tokens = self.doc.tokens();
        let (Some(prev), Some(hy)) = (tokens.get(j.wrapping_sub(1)), tokens.get(j)) else {
            return false;
        };
        j + 1 < end
            && !prev.space_after
            && !hy.space_after
            && self.doc.token_text(j) == "-"
            && self.is_name_token(j + 1)
            && self.gaz.match_at(self.doc, j + 1).is_none()
            && self.gaz.match_at(self.doc, j - 1).is_none()
    }

    /// The longest organization or place the patterns find in `run`: tokens
    /// up to the last suffix word ("... Council", "... Province"), the whole
    /// run when a head word is followed by "of"/"for"/"on" ("Ministry of ...",
    /// "Gulf of ..."), or a place head and its name ("Lake Michigan").
    pub(crate) fn pattern(&self, run: &Run) -> Option<(Range<usize>, EntityKind)> {
        let start = run.full.start;
        let mut best: Option<(usize, EntityKind)> = None;
        let mut last_of: Option<usize> = None;
        let mut head_before_of = false;
        for k in run.full.clone() {
            let Some(t) = self.infos.get(k) else { continue };
            if t.connector == Some(Connector::Of) {
                last_of = Some(k);
            }
            if k > start && t.cap && t.flags & ORG_SUFFIX != 0 {
                best = Some((k + 1, EntityKind::Organization));
            } else if k > start && t.cap && t.flags & PLACE_SUFFIX != 0 {
                best = Some((k + 1, EntityKind::Place));
            }
            let then_of = self.infos.get(k + 1).and_then(|n| n.connector) == Some(Connector::Of);
            let org_head = t.cap && t.flags & (ORG_PREFIX | ORG_SUFFIX) != 0;
            let place_head = t.cap && t.flags & PLACE_PREFIX != 0;
            if (org_head || place_head) && then_of {
                head_before_of = true;
                if k + 2 < run.full.end {
                    let kind = if org_head {
                        EntityKind::Organization
                    } else {
                        EntityKind::Place
                    };
                    best = Some((run.full.end, kind));
                    break;
                }
            }
        }
        let place_head = self
            .infos
            .get(start)
            .is_some_and(|t| t.flags & PLACE_PREFIX != 0);
        if best.is_none() && place_head && run.core.len() >= 2 {
            best = Some((run.core.end, EntityKind::Place));
        }
        let (end, kind) = best?;
        if self.and_joins_two_names(run.full.start..end) {
            return None;
        }
        // "Shares of Acme Widgets Inc.": without a head word before "of", the
        // name starts after it.
        let begin = match last_of {
            Some(c) if !head_before_of && c < end => {
                let after = c + 1;
                if self.infos.get(after).and_then(|n| n.connector) == Some(Connector::The) {
                    after + 1
                } else {
                    after
                }
            }
            _ => start,
        };
        (end >= begin + 2).then_some((begin..end, kind))
    }
}
