//! Which articles and highlights an export holds: `--entity NAME`, `--kind`
//! and `--since DATE` (on the highlight's date).
//!
//! - `--entity NAME` keeps articles with an entity whose canonical name, an
//!   alias, or the surname (last word) of the canonical name equals NAME,
//!   case-insensitively;
//! - `--kind KIND` keeps articles with an entity of that kind; with
//!   `--entity`, the matching entity must be of that kind;
//! - `--since DATE` keeps the highlights made on or after DATE (UTC) and
//!   drops articles left with none.

use super::{ExportArticle, ExportHighlight};
use crate::article::Article;
use crate::document::{ArticleDocument, EntityDocument};
use crate::library::{Library, LibraryError, Sort, anchor};
use crate::nlp::{Analysis, EntityKind};

/// The narrowing filters of `lede export`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Entity name to require.
    pub entity: Option<String>,
    /// Entity kind to require.
    pub kind: Option<EntityKind>,
    /// Unix seconds: highlights made before are left out.
    pub since: Option<i64>,
}

impl Filter {
    /// True when no filter is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entity.is_none() && self.kind.is_none() && self.since.is_none()
    }

    /// Whether the document passes `--entity` and `--kind`.
    #[must_use]
    pub fn matches_document(&self, document: &ArticleDocument) -> bool {
        if self.entity.is_none() && self.kind.is_none() {
            return true;
        }
        document.entities.iter().any(|e| self.matches_entity(e))
    }

    fn matches_entity(&self, entity: &EntityDocument) -> bool {
        if let Some(kind) = self.kind
            && EntityKind::parse(&entity.kind) != Some(kind)
        {
            return false;
        }
        let Some(name) = &self.entity else {
            return true;
        };
        let wanted = fold(name);
        let surname = entity.name.split_whitespace().last().unwrap_or("");
        std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .chain(std::iter::once(surname))
            .any(|n| fold(n) == wanted)
    }

    /// Applies every filter to one article: `None` when it is left out,
    /// else the article with only the highlights since `--since`.
    #[must_use]
    pub fn apply(&self, mut article: ExportArticle) -> Option<ExportArticle> {
        if !self.matches_document(&article.document) {
            return None;
        }
        if let Some(since) = self.since {
            article.highlights.retain(|h| h.created >= since);
            if article.highlights.is_empty() {
                return None;
            }
        }
        Some(article)
    }
}

/// Every stored article that passes `filter`, newest first, with its
/// highlights.
///
/// # Errors
/// A library failure.
pub fn from_library(
    library: &Library,
    filter: &Filter,
) -> Result<Vec<ExportArticle>, LibraryError> {
    let mut articles = Vec::new();
    for entry in library.list(Sort::Date)? {
        if let Some(article) = filter.apply(stored(library, &entry.id)?) {
            articles.push(article);
        }
    }
    Ok(articles)
}

/// One stored article (id or unique prefix) with its highlights.
///
/// # Errors
/// Unknown or ambiguous id, or a library failure.
pub fn stored(library: &Library, id: &str) -> Result<ExportArticle, LibraryError> {
    let stored = library.load(id)?;
    with_highlights(Some(library), &stored.article, &stored.analysis)
}

/// An article (stored or not) with the highlights the library keeps for its
/// id; none when there is no library.
///
/// # Errors
/// A library failure.
pub fn with_highlights(
    library: Option<&Library>,
    article: &Article,
    analysis: &Analysis,
) -> Result<ExportArticle, LibraryError> {
    let highlights = match library {
        Some(library) => highlights_of(library, article)?,
        None => Vec::new(),
    };
    Ok(ExportArticle {
        document: ArticleDocument::new(article, analysis),
        highlights,
    })
}

/// The stored highlights of an article, re-anchored in memory against its
/// current text (nothing is written), as export views.
fn highlights_of(
    library: &Library,
    article: &Article,
) -> Result<Vec<ExportHighlight>, LibraryError> {
    Ok(library
        .highlights(&article.id)?
        .iter()
        .map(|h| ExportHighlight::from(&anchor::reanchor(h, article).0))
        .collect())
}

/// Lower case, whitespace collapsed.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses `--since`: `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS`
/// / `YYYY-MM-DD HH:MM:SS` (UTC, an optional trailing `Z`). Unix seconds.
#[must_use]
pub fn parse_date(text: &str) -> Option<i64> {
    let text = text.trim().trim_end_matches(['Z', 'z']);
    let (date, clock) = match text.split_once(['T', 't', ' ']) {
        Some((d, c)) => (d, Some(c)),
        None => (text, None),
    };
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    let time = match clock {
        None => time::Time::MIDNIGHT,
        Some(clock) => {
            let mut parts = clock.splitn(3, ':');
            let h: u8 = parts.next()?.parse().ok()?;
            let m: u8 = parts.next()?.parse().ok()?;
            let s: u8 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
            time::Time::from_hms(h, m, s).ok()?
        }
    };
    Some(
        time::PrimitiveDateTime::new(date, time)
            .assume_utc()
            .unix_timestamp(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn entity_matches_name_alias_and_surname_in_any_case() {
        let article = testdata::article();
        for name in ["Jane Roe", "jane  roe", "ROE", "riverside"] {
            let filter = Filter {
                entity: Some(name.into()),
                ..Filter::default()
            };
            assert!(filter.matches_document(&article.document), "{name}");
        }
        let filter = Filter {
            entity: Some("Jane".into()),
            ..Filter::default()
        };
        assert!(!filter.matches_document(&article.document));
        let wrong_kind = Filter {
            entity: Some("Riverside".into()),
            kind: Some(EntityKind::Person),
            ..Filter::default()
        };
        assert!(!wrong_kind.matches_document(&article.document));
        let org = Filter {
            kind: Some(EntityKind::Organization),
            ..Filter::default()
        };
        assert!(org.apply(article).is_none());
    }

    #[test]
    fn since_keeps_later_highlights_and_drops_empty_articles() {
        let article = testdata::article();
        let filter = Filter {
            since: parse_date("2026-03-02T14:00:00Z"),
            ..Filter::default()
        };
        let kept = filter.apply(article.clone()).unwrap();
        let mut ids: Vec<i64> = kept.highlights.iter().map(|h| h.id).collect();
        ids.sort_unstable();
        assert_eq!(ids, [2, 3]);
        let later = Filter {
            since: parse_date("2026-03-03"),
            ..Filter::default()
        };
        assert!(later.apply(article).is_none());
    }

    #[test]
    fn dates_parse_or_fail_cleanly() {
        assert_eq!(parse_date("1970-01-02"), Some(86_400));
        assert_eq!(parse_date("1970-01-01 00:01"), Some(60));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
    }
}
