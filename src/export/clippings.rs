//! Kindle `My Clippings.txt` entries (UTF-8 with a BOM, CRLF line ends,
//! `==========` separators), as the Kindle, KOReader and Readwise importers
//! read them:
//!
//! ```text
//! Title (Author)
//! - Your Highlight on page 2 | Location 54-89 | Added on Monday, March 2, 2026 2:00:00 PM
//!
//! text
//! ==========
//! ```
//!
//! Page is the paragraph number, Location the 1-based char range in the
//! field; the time is UTC (the article has no time zone to offer). A note is
//! a following `Your Note` entry at the same location. `--all` adds quotes as
//! highlight entries. Appending to an existing file skips entries it already
//! holds ([`merge`]).

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{ExportArticle, Options, utc};

/// The byte order mark a new file starts with.
pub const BOM: &str = "\u{feff}";
/// The entry separator line.
pub const SEPARATOR: &str = "==========";

/// The entries of every article, each ending with the separator and CRLF.
#[must_use]
pub fn render(articles: &[ExportArticle], options: &Options) -> Vec<String> {
    let mut entries = Vec::new();
    for article in articles {
        let head = header(article);
        for h in article.highlights_in_order() {
            let end = h.end.max(h.start + 1);
            let note_location = location(article, &h.field, end - 1, end);
            let location = location(article, &h.field, h.start, h.end);
            let added = added_on(h.created);
            entries.push(entry(
                &head,
                &format!("Your Highlight on {location} | Added on {added}"),
                &h.text,
            ));
            if let Some(note) = h.note.as_deref().filter(|n| !n.trim().is_empty()) {
                let note_location =
                    note_location.replace(&format!("{end}-{end}"), &end.to_string());
                entries.push(entry(
                    &head,
                    &format!("Your Note on {note_location} | Added on {added}"),
                    note,
                ));
            }
        }
        if options.full(article) {
            for q in &article.document.quotes {
                let location = location(article, &q.field, q.start, q.end);
                let text = match &q.speaker {
                    Some(speaker) => format!("{} — {speaker}", q.text),
                    None => q.text.clone(),
                };
                entries.push(entry(
                    &head,
                    &format!("Your Highlight on {location}"),
                    &text,
                ));
            }
        }
    }
    entries
}

/// `Title (Author)` on one line.
fn header(article: &ExportArticle) -> String {
    let title = one_line(article.title_or_id());
    match article.author() {
        Some(author) => format!("{title} ({})", one_line(author)),
        None => title,
    }
}

/// `page P | Location A-B` (page only for the body).
fn location(article: &ExportArticle, field: &str, start: usize, end: usize) -> String {
    let range = format!("Location {}-{}", start + 1, end.max(start + 1));
    if field != "body" {
        return range;
    }
    let page = article
        .document
        .paragraphs
        .iter()
        .position(|p| start < p.end)
        .map_or(1, |i| i + 1);
    format!("page {page} | {range}")
}

/// `Monday, March 2, 2026 2:00:00 PM` (UTC).
fn added_on(seconds: i64) -> String {
    let t = utc(seconds);
    let (hour, half) = match t.hour() {
        0 => (12, "AM"),
        h @ 1..=11 => (h, "AM"),
        12 => (12, "PM"),
        h => (h - 12, "PM"),
    };
    format!(
        "{}, {} {}, {} {hour}:{:02}:{:02} {half}",
        t.weekday(),
        t.month(),
        t.day(),
        t.year(),
        t.minute(),
        t.second()
    )
}

fn entry(head: &str, meta: &str, text: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{head}\r\n- {meta}\r\n\r\n{}\r\n{SEPARATOR}\r\n",
        one_line(text)
    );
    out
}

/// Line breaks become spaces (an entry's text is one line).
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An entry's identity: its lines without line-end differences or blank
/// edges, so an LF-edited file still matches.
fn key(entry: &str) -> String {
    entry
        .trim_start_matches(BOM)
        .lines()
        .map(str::trim_end)
        .filter(|l| *l != SEPARATOR)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// The file after appending `entries` to `existing` (the old file's text,
/// empty for a new file): a BOM when new, CRLF before the first new entry if
/// the old text lacks a final line break, and only entries not already in it.
/// Returns the new text and how many entries were added.
#[must_use]
pub fn merge(existing: &str, entries: &[String]) -> (String, usize) {
    let mut seen: HashSet<String> = existing
        .split(SEPARATOR)
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    let mut out = if existing.is_empty() {
        BOM.to_owned()
    } else {
        existing.to_owned()
    };
    if !out.is_empty() && out != BOM && !out.ends_with('\n') {
        out.push_str("\r\n");
    }
    let mut added = 0;
    for entry in entries {
        if seen.insert(key(entry)) {
            out.push_str(entry);
            added += 1;
        }
    }
    (out, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn entries_have_kindle_layout() {
        let article = testdata::article();
        let entries = render(std::slice::from_ref(&article), &Options::default());
        assert_eq!(entries.len(), 4, "3 highlights + 1 note");
        assert_eq!(
            entries[0],
            "Bridge reopens (Ann Lee)\r\n- Your Highlight on page 1 | Location 1-26 | \
             Added on Monday, March 2, 2026 11:13:20 AM\r\n\r\nJane Roe opened the bridge\r\n\
             ==========\r\n"
        );
        assert!(entries[2].contains("- Your Note on page 2 | Location 89 |"));
    }

    #[test]
    fn merging_twice_adds_nothing_the_second_time() {
        let article = testdata::article();
        let entries = render(std::slice::from_ref(&article), &Options::default());
        let (first, added) = merge("", &entries);
        assert_eq!(added, 4);
        assert!(first.starts_with(BOM));
        let (second, added) = merge(&first, &entries);
        assert_eq!(added, 0);
        assert_eq!(second, first);
        // An LF-only copy of the file still matches.
        let (third, added) = merge(&first.replace("\r\n", "\n"), &entries);
        assert_eq!(added, 0, "{third}");
    }

    #[test]
    fn noon_and_midnight_are_twelve() {
        assert_eq!(added_on(0), "Thursday, January 1, 1970 12:00:00 AM");
        assert_eq!(added_on(12 * 3600), "Thursday, January 1, 1970 12:00:00 PM");
    }
}
