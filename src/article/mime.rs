//! Newsletters (`.eml`) and web archives (`.mht`, `.mhtml`): MIME is parsed
//! by `mail-parser` (quoted-printable, base64, RFC 2047 headers and legacy
//! charsets all decoded), the HTML part is preferred and goes through the
//! HTML loader, else the plain-text part goes through the text rules.
//! For e-mail, Subject, From and Date are the title, byline and date; for an
//! archive the page's own metadata wins and the headers only fill gaps.

use mail_parser::{Message, MessageParser, PartType};

use super::body::Draft;
use super::layout::{self, Options};
use super::plain::split_units;
use super::sanitize::sanitize;
use super::{Article, LoadError, SourceFormat, article_id, html, meta};

/// Which kind of MIME file is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An e-mail message; `source_format` "email", headers win.
    Email,
    /// A saved web page (MHTML); `source_format` "html", the page wins.
    Archive,
}

/// Parses an e-mail message or MHTML archive.
pub(crate) fn parse(origin: &str, bytes: &[u8], kind: Kind) -> Result<Article, LoadError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| LoadError::NotAnArticle {
            path: origin.to_owned(),
            message: "not a MIME message (no headers or body found)".to_owned(),
        })?;
    let mut draft = match (html_part(&message), text_part(&message)) {
        (Some(page), _) => html::draft_from_html(origin, page),
        (None, Some(text)) => text_draft(text),
        (None, None) => Draft::default(),
    };
    apply_headers(&message, kind, &mut draft);
    let format = match kind {
        Kind::Email => SourceFormat::Email,
        Kind::Archive => SourceFormat::Html,
    };
    let article = draft.finish(article_id(bytes), origin, format);
    super::require_text(origin, article)
}

/// The first HTML body part, decoded.
fn html_part<'a>(message: &'a Message<'a>) -> Option<&'a str> {
    message
        .html_body
        .iter()
        .filter_map(|&id| message.parts.get(id as usize))
        .find_map(|part| match &part.body {
            PartType::Html(html) => Some(html.as_ref()),
            _ => None,
        })
}

/// The first plain-text body part, decoded.
fn text_part<'a>(message: &'a Message<'a>) -> Option<&'a str> {
    message
        .text_body
        .iter()
        .filter_map(|&id| message.parts.get(id as usize))
        .find_map(|part| match &part.body {
            PartType::Text(text) => Some(text.as_ref()),
            _ => None,
        })
}

/// A plain-text part read like a pasted article.
fn text_draft(text: &str) -> Draft {
    let units = split_units(&sanitize(text));
    let mut draft = Draft::default();
    let options = Options {
        header: false,
        infer_headings: true,
    };
    layout::classify(&units, options, &mut draft);
    draft
}

/// Subject, From, Date and the archived page's address.
fn apply_headers(message: &Message<'_>, kind: Kind, draft: &mut Draft) {
    let subject = message.subject().map(str::to_owned);
    let from = message.from().and_then(|list| list.first()).and_then(|a| {
        a.name()
            .or_else(|| a.address())
            .map(|s| s.trim_matches('"').to_owned())
    });
    // mail-parser reads RFC 5322 dates fully (seconds, zone); our own date
    // parser would drop the zone, so its RFC 3339 form is kept instead.
    let date = message.date().map(|d| d.to_rfc3339()).or_else(|| {
        message
            .header_raw("Date")
            .map(|raw| raw.trim().to_owned())
            .filter(|raw| meta::parse_date(raw).is_some())
    });
    let location = message
        .header_raw("Snapshot-Content-Location")
        .map(|l| l.trim().to_owned());
    match kind {
        Kind::Email => {
            draft.title = subject.or(draft.title.take());
            draft.byline = from.or(draft.byline.take());
            draft.date_raw = date.or(draft.date_raw.take());
        }
        Kind::Archive => {
            let saved_by = subject.as_deref().is_some_and(|s| s.is_empty());
            if !saved_by {
                draft.title = draft.title.take().or(subject);
            }
            draft.date_raw = draft.date_raw.take().or(date);
            draft.url = draft.url.take().or(location);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_html_newsletter() {
        let eml = "From: \"Mira Holt\" <mira@letters.test>\r\nTo: you@example.test\r\nSubject: =?utf-8?q?The_week_in_ferries?=\r\nDate: Tue, 3 Mar 2026 07:30:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain version.\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>The =E2=80=9Cnew=E2=80=9D ferry sails at dawn, sa=\r\nid the captain.</p></body></html>\r\n--b1--\r\n";
        let a = parse("n.eml", eml.as_bytes(), Kind::Email).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.source_format, SourceFormat::Email);
        assert_eq!(a.title.as_deref(), Some("The week in ferries"));
        assert_eq!(a.byline.as_deref(), Some("Mira Holt"));
        assert_eq!(a.date.as_deref(), Some("2026-03-03T07:30:00Z"));
        assert_eq!(a.body, "The “new” ferry sails at dawn, said the captain.");
    }

    #[test]
    fn text_only_message_and_garbage() {
        let eml = "From: a@b.test\nSubject: Notes\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\nQ2Fm6SBvcGVucyB0b2RheS4=\n";
        let a = parse("n.eml", eml.as_bytes(), Kind::Email).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.body, "Café opens today.");
        assert_eq!(a.byline.as_deref(), Some("a@b.test"));
        assert!(parse("x.eml", b"\n\n", Kind::Email).is_err());
    }
}
