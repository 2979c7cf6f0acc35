//! Plain text as pasted from a news site: blank-line (or line-per-paragraph)
//! blocks, sorted by the whole-line rules into headline, byline, date, source,
//! body, subheadings, captions and related headlines.

use super::body::Draft;
use super::layout::{self, Options, Unit};
use super::sanitize::sanitize;
use super::tidy::collapse;
use super::{Article, LoadError, SourceFormat, article_id, source};

/// Lines of a hard-wrapped paragraph are at least this long (except the last).
const WRAP_MIN: usize = 40;
/// ... and at most this long.
const WRAP_MAX: usize = 100;

/// Parses pasted news text.
pub(crate) fn parse(origin: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let (text, warnings) = source::decode(origin, bytes);
    let units = split_units(&sanitize(&text));
    let mut draft = Draft {
        warnings,
        ..Draft::default()
    };
    let options = Options {
        header: true,
        infer_headings: true,
    };
    layout::classify(&units, options, &mut draft);
    let article = draft.finish(article_id(bytes), origin, SourceFormat::Text);
    super::require_text(origin, article)
}

/// Splits sanitised text into one-line units: blank lines separate blocks; a
/// block is one hard-wrapped paragraph when its lines look wrapped, else each
/// line is its own unit.
#[must_use]
pub(crate) fn split_units(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if !line.is_empty() {
            block.push(line);
            continue;
        }
        if looks_wrapped(&block) {
            units.push(Unit::text(collapse(&block.join(" "))));
        } else {
            units.extend(block.iter().map(|l| Unit::text(collapse(l))));
        }
        block.clear();
    }
    units
}

/// Whether the lines of a block are one paragraph broken at a fixed width.
fn looks_wrapped(lines: &[&str]) -> bool {
    let Some((_, head)) = lines.split_last() else {
        return false;
    };
    !head.is_empty()
        && head
            .iter()
            .all(|l| (WRAP_MIN..=WRAP_MAX).contains(&l.chars().count()))
        && head.iter().any(|l| !super::rules::ends_with_terminal(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    /// A seed-like article, written for this test.
    const PASTED: &str = "Jane Roe. Photo: Example Wire\n\n\
        Mayor Jane Roe opened the new bridge in Springfield on Monday. It took three years to build.\n\n\
        The city council announced this on its website.\n\n\
        Advertisement\n\n\
        What the mayor said\n\n\
        \"This bridge joins two halves of our city,\" Roe said.\n\n\
        Screenshot of the council's post\n\n\
        Critics said the cost was too high.\n\n\
        Read more:\n\n\
        Springfield approves bridge budget\n\n\
        Council debates \"Bridge Fund\" plan\n";

    fn load(text: &str) -> Article {
        parse("t.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn seed_like_text_is_sorted() {
        let a = load(PASTED);
        assert_eq!(
            a.captions,
            vec![
                "Jane Roe. Photo: Example Wire",
                "Screenshot of the council's post"
            ]
        );
        assert_eq!(
            a.related,
            vec![
                "Springfield approves bridge budget",
                "Council debates \"Bridge Fund\" plan"
            ]
        );
        assert!(!a.body.contains("Advertisement"));
        assert!(!a.body.contains("Read more"));
        assert!(a.title_derived);
        assert_eq!(
            a.title.as_deref(),
            Some("Mayor Jane Roe opened the new bridge in Springfield on Monday")
        );
        let headings: Vec<&str> = a
            .paragraphs
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| char_slice(&a.body, b.start, b.end))
            .collect();
        assert_eq!(headings, vec!["What the mayor said"]);
        assert_eq!(a.paragraphs.len(), 5);
    }

    fn char_slice(s: &str, start: usize, end: usize) -> &str {
        let byte = |n: usize| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        s.get(byte(start)..byte(end)).unwrap_or("")
    }

    #[test]
    fn explicit_headline_byline_and_date() {
        let a = load(
            "Bridge opens after three years\nBy Jane Doe\nOctober 16, 2025\n\nThe bridge opened on Monday.\n\nIt cost a lot.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Bridge opens after three years"));
        assert!(!a.title_derived);
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.date.as_deref(), Some("2025-10-16"));
        assert_eq!(a.date_raw.as_deref(), Some("October 16, 2025"));
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.body.starts_with("The bridge opened"));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let a = load(
            "The committee met on Tuesday to discuss the budget for the coming\nyear and agreed on most of the items on the agenda after a long\ndebate.\n\nA second paragraph.\n",
        );
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.body.contains("coming year and agreed"));
    }

    #[test]
    fn crlf_and_escapes_are_clean() {
        let a = load("Title line\r\n\r\nBody \u{1b}[31mred\u{1b}[0m   text.\r\n");
        assert_eq!(a.title.as_deref(), Some("Title line"));
        assert_eq!(a.body, "Body red text.");
    }

    #[test]
    fn single_newline_paragraphs() {
        let a = load("First paragraph here.\nSecond paragraph here.\nThird one.\n");
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn nothing_but_boilerplate_is_an_error() {
        assert!(parse("t.txt", b"Advertisement\n\nShare this article\n").is_err());
    }

    #[test]
    fn real_seed_when_present() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/seed/000_913f011d24c4eda7.txt");
        let Ok(bytes) = std::fs::read(&path) else {
            println!("skipped: {} not found", path.display());
            return;
        };
        let a = parse("seed.txt", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            a.captions,
            vec![
                "Donald Trump. Photo: Reuters",
                "Screenshot of Donald Trump's post"
            ]
        );
        assert_eq!(a.related.len(), 2);
        assert!(
            a.related
                .iter()
                .all(|r| !r.to_lowercase().contains("read more"))
        );
        assert!(!a.body.contains("Advertisement"));
        assert!(a.title_derived);
        let headings: Vec<&str> = a
            .paragraphs
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| char_slice(&a.body, b.start, b.end))
            .collect();
        assert_eq!(
            headings,
            vec![
                "Results of the conversation between Trump and Putin",
                "Ukraine's reaction"
            ]
        );
        let title = a.title.unwrap_or_default();
        assert!(a.body.starts_with(title.trim_end_matches('…')), "{title}");
    }
}
