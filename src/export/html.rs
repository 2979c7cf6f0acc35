//! One self-contained HTML page per article: inline CSS, no scripts, no
//! external resources. Entities are marked in the body with a colour and a
//! label per kind, quotes are set in italics with their speaker, highlights
//! are underlined in yellow (and listed with their notes), and an index of
//! entities links to each one's first mention. Every piece of article text
//! goes through [`escape`].

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{ExportArticle, ExportHighlight};
use crate::document::EntityDocument;
use crate::nlp::EntityKind;

const STYLE: &str = "
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; background: #fdfdfb; }
h1 { font-size: 1.8em; line-height: 1.2; margin-bottom: .2em; }
h2 { font: bold 1.1em system-ui, sans-serif; border-bottom: 1px solid #ddd; margin-top: 2em; }
.meta, .legend, .index, .lbl, .muted { font-family: system-ui, sans-serif; }
.meta { color: #666; font-size: .9em; }
.body p { white-space: pre-wrap; }
.body p.heading { font-weight: bold; }
.ent { border-radius: .3em; padding: 0 .15em; }
.lbl { font-size: .6em; font-weight: bold; vertical-align: middle; margin-left: .3em; letter-spacing: .05em; }
.person { background: #ddd5ff; } .lbl.person { background: none; color: #5b3fd6; }
.place { background: #ffe3b0; } .lbl.place { background: none; color: #a86400; }
.organization { background: #c9f2f2; } .lbl.organization { background: none; color: #00736f; }
.q { font-style: italic; color: #1d4d7a; }
.hl { background: #fff4a8; border-bottom: 2px solid #e0b400; }
blockquote p { white-space: pre-wrap; }
blockquote { margin: 1em 0; padding: .2em 1em; border-left: 4px solid #e0b400; background: #fffbe0; }
blockquote.quote { border-left-color: #1d4d7a; background: #eef4fa; }
blockquote.orphan { border-left-color: #999; background: #f2f2f2; }
.note { font-family: system-ui, sans-serif; font-size: .9em; color: #444; margin: -.6em 0 1em 1.3em; }
.index ul { columns: 2; padding-left: 1.2em; }
.legend span { margin-right: 1em; }
";

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders one article as a complete page.
#[must_use]
pub fn render(article: &ExportArticle) -> String {
    let doc = &article.document;
    let title = escape(article.title_or_id());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n"
    );
    let meta: Vec<String> = [&doc.byline, &doc.source, &doc.date_raw]
        .into_iter()
        .flatten()
        .map(|s| escape(s))
        .collect();
    if !meta.is_empty() || doc.url.is_some() {
        let mut line = meta.join(" · ");
        if let Some(url) = &doc.url {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            let _ = write!(line, "<span class=\"url\">{}</span>", escape(url));
        }
        let _ = writeln!(out, "<p class=\"meta\">{line}</p>");
    }
    out.push_str(
        "<p class=\"legend\"><span class=\"ent person\">person</span>\
         <span class=\"ent place\">place</span>\
         <span class=\"ent organization\">organization</span>\
         <span class=\"q\">quote</span><span class=\"hl\">highlight</span></p>\n",
    );
    out.push_str("<div class=\"body\">\n");
    write_body(&mut out, article);
    out.push_str("</div>\n");
    for (i, caption) in doc.captions.iter().enumerate() {
        let _ = writeln!(
            out,
            "<p class=\"muted\" id=\"caption-{i}\">{}</p>",
            escape(caption)
        );
    }
    write_highlights(&mut out, article);
    write_quotes(&mut out, article);
    write_index(&mut out, &doc.entities);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// What covers one stretch of body text.
#[derive(Default)]
struct Marks<'a> {
    entity: Option<(&'a EntityDocument, usize, usize)>,
    quote: bool,
    highlight: bool,
}

fn write_body(out: &mut String, article: &ExportArticle) {
    let doc = &article.document;
    let chars: Vec<char> = doc.body.chars().collect();
    let mentions: Vec<(usize, usize, &EntityDocument)> = {
        let mut list: Vec<_> = doc
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.field == "body")
                    .map(move |m| (m.start, m.end, e))
            })
            .collect();
        list.sort_by_key(|m| (m.0, m.1));
        list
    };
    let quotes: Vec<(usize, usize)> = doc
        .quotes
        .iter()
        .filter(|q| q.field == "body")
        .map(|q| (q.start, q.end))
        .collect();
    let highlights: Vec<(usize, usize)> = article
        .highlights
        .iter()
        .filter(|h| h.field == "body" && !h.orphaned)
        .map(|h| (h.start, h.end))
        .collect();
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    for (s, e) in mentions
        .iter()
        .map(|&(s, e, _)| (s, e))
        .chain(quotes.iter().copied())
        .chain(highlights.iter().copied())
    {
        cuts.insert(s);
        cuts.insert(e);
    }
    let blocks: Vec<(usize, usize, bool)> = if doc.paragraphs.is_empty() {
        vec![(0, chars.len(), false)]
    } else {
        doc.paragraphs
            .iter()
            .map(|p| {
                let heading = matches!(p.kind, crate::article::BlockKind::Heading);
                (p.start, p.end, heading)
            })
            .collect()
    };
    let mut first_seen: BTreeSet<&str> = BTreeSet::new();
    for (start, end, heading) in blocks {
        let end = end.min(chars.len());
        if start >= end {
            continue;
        }
        out.push_str(if heading {
            "<p class=\"heading\">"
        } else {
            "<p>"
        });
        let mut points: Vec<usize> = cuts.range(start + 1..end).copied().collect();
        points.insert(0, start);
        points.push(end);
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let text: String = chars.get(a..b).unwrap_or(&[]).iter().collect();
            let inside = |r: &(usize, usize)| r.0 <= a && b <= r.1;
            let marks = Marks {
                entity: mentions
                    .iter()
                    .find(|(s, e, _)| *s <= a && b <= *e)
                    .map(|(s, e, ent)| (*ent, *s, *e)),
                quote: quotes.iter().any(inside),
                highlight: highlights.iter().any(inside),
            };
            write_piece(out, &text, &marks, b, &mut first_seen);
        }
        out.push_str("</p>\n");
    }
}

fn write_piece<'a>(
    out: &mut String,
    text: &str,
    marks: &Marks<'a>,
    piece_end: usize,
    first_seen: &mut BTreeSet<&'a str>,
) {
    let mut close = String::new();
    if marks.quote {
        out.push_str("<span class=\"q\">");
        close.insert_str(0, "</span>");
    }
    if marks.highlight {
        out.push_str("<mark class=\"hl\">");
        close.insert_str(0, "</mark>");
    }
    if let Some((entity, start, end)) = marks.entity {
        let kind = kind_class(&entity.kind);
        let id = if first_seen.insert(entity.id.as_str()) {
            format!(" id=\"{}\"", escape(&entity.id))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<span class=\"ent {kind}\"{id} title=\"{}\">",
            escape(&entity.name)
        );
        out.push_str(&escape(text));
        if piece_end == end && start < end {
            let label = EntityKind::parse(&entity.kind).map_or("ENT", EntityKind::label);
            let _ = write!(out, "<span class=\"lbl {kind}\">{label}</span>");
        }
        out.push_str("</span>");
    } else {
        out.push_str(&escape(text));
    }
    out.push_str(&close);
}

/// The CSS class of an entity kind (only the three known names pass).
fn kind_class(kind: &str) -> &'static str {
    match EntityKind::parse(kind) {
        Some(k) => k.name(),
        None => "other",
    }
}

fn write_highlights(out: &mut String, article: &ExportArticle) {
    let list: Vec<&ExportHighlight> = article.highlights_in_order();
    if list.is_empty() {
        return;
    }
    out.push_str("<section class=\"highlights\">\n<h2>Highlights</h2>\n");
    for h in list {
        let class = if h.orphaned { "orphan" } else { "highlight" };
        let _ = writeln!(
            out,
            "<blockquote class=\"{class}\"><p>{}</p></blockquote>",
            escape(&h.text)
        );
        if h.orphaned {
            out.push_str(
                "<p class=\"note\">orphaned: this text is no longer found in the article</p>\n",
            );
        }
        if let Some(note) = &h.note {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
        }
    }
    out.push_str("</section>\n");
}

fn write_quotes(out: &mut String, article: &ExportArticle) {
    let quotes = &article.document.quotes;
    if quotes.is_empty() {
        return;
    }
    out.push_str("<section class=\"quotes\">\n<h2>Quotes</h2>\n");
    for q in quotes {
        let speaker = q.speaker.as_deref().unwrap_or("unknown speaker");
        let _ = writeln!(
            out,
            "<blockquote class=\"quote\"><p>{}</p><p class=\"note\">— <cite>{}</cite></p></blockquote>",
            escape(&q.text),
            escape(speaker)
        );
    }
    out.push_str("</section>\n");
}

fn write_index(out: &mut String, entities: &[EntityDocument]) {
    if entities.is_empty() {
        return;
    }
    out.push_str("<section class=\"index\">\n<h2>Entities</h2>\n");
    for (heading, of_kind) in crate::export::entities_by_kind(entities) {
        let _ = writeln!(out, "<h3>{heading}</h3>\n<ul>");
        for e in of_kind {
            let kind = &e.kind;
            let name = escape(&e.name);
            let link = if e.mentions.iter().any(|m| m.field == "body") {
                format!("<a href=\"#{}\">{name}</a>", escape(&e.id))
            } else {
                name
            };
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"muted\">({})</span>",
                    escape(&e.aliases.join(", "))
                )
            };
            let _ = writeln!(
                out,
                "<li><span class=\"ent {kind}\">{link}</span> × {}{aliases}</li>",
                e.count
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn entities_quotes_and_highlights_are_marked() {
        let page = render(&testdata::article());
        assert!(page.contains(
            "<mark class=\"hl\"><span class=\"ent person\" id=\"e1\" title=\"Jane Roe\">Jane Roe<span class=\"lbl person\">PERSON</span></span></mark>"
        ), "{page}");
        assert!(page.contains("<span class=\"q\"><mark class=\"hl\">Nobody will wait"));
        assert!(page.contains("<a href=\"#e2\">Riverside</a>"));
        assert!(!page.contains("<script"));
    }

    #[test]
    fn escape_covers_attribute_quotes() {
        assert_eq!(
            escape("<a href=\"x\" onclick='y'>&"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
        );
    }
}
