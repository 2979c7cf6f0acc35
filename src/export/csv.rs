//! CSV that Readwise imports: header `Highlight,Title,Author,URL,Note,Location,Date`,
//! RFC 4180 quoting (the `csv` crate), `Location` the start char offset,
//! `Date` `YYYY-MM-DD HH:MM:SS` UTC. Rows are highlights in reading order;
//! `--all` adds quotes (Note `speaker: NAME`). Entities are never rows. A cell
//! starting with `= + - @` (or a tab or carriage return) gets a leading `'`
//! so spreadsheets do not run it as a formula (OWASP CSV injection).

use super::{ExportArticle, ExportError, Options, plain_utc};

/// The header row, always written.
pub const HEADER: [&str; 7] = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
];

/// Renders every article's rows under one header.
///
/// # Errors
/// A writer failure (not expected in memory).
pub fn render(articles: &[ExportArticle], options: &Options) -> Result<Vec<u8>, ExportError> {
    let err = |e: ::csv::Error| ExportError::Serialise(e.to_string());
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(HEADER).map_err(err)?;
    for article in articles {
        for row in rows(article, options) {
            writer
                .write_record(row.iter().map(|cell| neutralise(cell)))
                .map_err(err)?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Serialise(e.to_string()))
}

/// The rows of one article, before neutralising.
fn rows(article: &ExportArticle, options: &Options) -> Vec<[String; 7]> {
    let doc = &article.document;
    let title = article.title_or_id().to_owned();
    let author = article.author().unwrap_or("").to_owned();
    let url = doc.url.clone().unwrap_or_default();
    let mut rows: Vec<[String; 7]> = article
        .highlights_in_order()
        .into_iter()
        .map(|h| {
            [
                h.text.clone(),
                title.clone(),
                author.clone(),
                url.clone(),
                h.note.clone().unwrap_or_default(),
                h.start.to_string(),
                plain_utc(h.created),
            ]
        })
        .collect();
    if options.full(article) {
        rows.extend(doc.quotes.iter().map(|q| {
            [
                q.text.clone(),
                title.clone(),
                author.clone(),
                url.clone(),
                q.speaker
                    .as_deref()
                    .map(|s| format!("speaker: {s}"))
                    .unwrap_or_default(),
                q.start.to_string(),
                String::new(),
            ]
        }));
    }
    rows
}

/// Prefixes a cell that a spreadsheet would read as a formula with `'`.
#[must_use]
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        ::csv::Reader::from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn rows_are_highlights_and_read_back() {
        let article = testdata::article();
        let bytes = render(std::slice::from_ref(&article), &Options::default()).unwrap();
        let rows = read(&bytes);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][0], "Jane Roe opened the bridge");
        assert_eq!(rows[1][4], "The mayor's promise.");
        assert_eq!(rows[1][5], "53");
        assert_eq!(rows[1][6], "2026-03-02 14:00:00");
        assert_eq!(rows[0][2], "Ann Lee");
    }

    #[test]
    fn all_adds_quotes_never_entities() {
        let article = testdata::article();
        let options = Options {
            all: true,
            ..Options::default()
        };
        let rows = read(&render(std::slice::from_ref(&article), &options).unwrap());
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[3][4], "speaker: Jane Roe");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("plain = fine"), "plain = fine");
    }
}
