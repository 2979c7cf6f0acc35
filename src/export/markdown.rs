//! Markdown for note apps (Obsidian, Logseq, ...): quoted YAML front matter,
//! the highlights as block quotes in reading order with their notes, and with
//! `--all` the quotes (with speakers) and the entities. Article text is
//! escaped so it never turns into links, HTML, emphasis or headings.

use std::fmt::Write as _;

use super::{ExportArticle, ExportHighlight, Options};

/// Renders one article as a Markdown note.
#[must_use]
pub fn render(article: &ExportArticle, options: &Options) -> String {
    let mut out = front_matter(article, options);
    let doc = &article.document;
    let _ = writeln!(out, "\n# {}\n", escape_line(article.title_or_id()));
    let meta: Vec<String> = [&doc.byline, &doc.source, &doc.date_raw]
        .into_iter()
        .flatten()
        .map(|s| escape_line(s))
        .collect();
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    let links = Links::new(article, options.wikilinks);
    let highlights = article.highlights_in_order();
    if !highlights.is_empty() {
        out.push_str("## Highlights\n\n");
        for highlight in highlights {
            write_highlight(&mut out, highlight, &links);
        }
    }
    if options.full(article) {
        write_quotes(&mut out, article, &links);
        write_entities(&mut out, article, options.wikilinks);
    }
    out
}

/// The YAML front matter: every value a double-quoted scalar or a list of
/// them, so any title reads back as the same string.
fn front_matter(article: &ExportArticle, options: &Options) -> String {
    let doc = &article.document;
    let mut out = String::from("---\n");
    let scalar = |out: &mut String, key: &str, value: Option<&str>| {
        let value = value.map_or_else(|| "null".to_owned(), yaml_quote);
        let _ = writeln!(out, "{key}: {value}");
    };
    scalar(&mut out, "title", doc.title.as_deref());
    scalar(&mut out, "source", doc.source.as_deref());
    scalar(&mut out, "url", doc.url.as_deref());
    scalar(
        &mut out,
        "date",
        doc.date.as_deref().or(doc.date_raw.as_deref()),
    );
    for (key, kind) in [
        ("people", "person"),
        ("places", "place"),
        ("organizations", "organization"),
    ] {
        let names: Vec<String> = doc
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                if options.wikilinks {
                    yaml_quote(&format!("[[{}]]", link_target(&e.name)))
                } else {
                    yaml_quote(&e.name)
                }
            })
            .collect();
        let _ = writeln!(out, "{key}: [{}]", names.join(", "));
    }
    out.push_str("---\n");
    out
}

/// A YAML double-quoted scalar: backslash, quote and every control or line
/// separator character escaped.
#[must_use]
pub fn yaml_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_highlight(out: &mut String, highlight: &ExportHighlight, links: &Links) {
    let text = if highlight.orphaned {
        escape_block(&highlight.text)
    } else {
        links.apply(&highlight.field, highlight.start, &highlight.text)
    };
    out.push_str(&block_quote(&text));
    out.push('\n');
    if highlight.orphaned {
        out.push_str("*(orphaned: this text is no longer found in the article)*\n\n");
    }
    if let Some(note) = highlight.note.as_deref().filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", escape_block(note));
    }
}

fn write_quotes(out: &mut String, article: &ExportArticle, links: &Links) {
    let quotes = &article.document.quotes;
    if quotes.is_empty() {
        return;
    }
    out.push_str("## Quotes\n\n");
    for quote in quotes {
        let text = links.apply(&quote.field, quote.start, &quote.text);
        out.push_str(&block_quote(&text));
        let speaker = quote
            .speaker
            .as_deref()
            .map_or_else(|| "unknown speaker".to_owned(), |name| links.name(name));
        let _ = writeln!(out, ">\n> — {speaker}\n");
    }
}

fn write_entities(out: &mut String, article: &ExportArticle, wikilinks: bool) {
    let entities = &article.document.entities;
    if entities.is_empty() {
        return;
    }
    out.push_str("## Entities\n\n");
    for (heading, of_kind) in crate::export::entities_by_kind(entities) {
        let _ = writeln!(out, "### {heading}\n");
        for entity in of_kind {
            let name = if wikilinks {
                format!("[[{}]]", link_target(&entity.name))
            } else {
                escape_line(&entity.name)
            };
            let _ = writeln!(out, "- {name} ({})", entity.count);
        }
        out.push('\n');
    }
}

/// Prefixes every line with `> ` (blank lines with `>`).
fn block_quote(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out
}

/// Escapes Markdown in one line of text: every ASCII punctuation mark that
/// can start inline syntax, and a leading list or heading marker.
#[must_use]
pub fn escape_line(text: &str) -> String {
    escape_line_start(&escape_inline(text).replace(['\n', '\r'], " "))
}

/// Escapes text that may span lines (keeps the line breaks).
#[must_use]
pub fn escape_block(text: &str) -> String {
    fix_line_starts(&escape_inline(text))
}

/// Backslash-escapes every ASCII punctuation mark that can start inline
/// syntax (emphasis, links, HTML, code, highlights, math, footnotes).
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '=' | '$' | '&'
            | '!' | '^' | '{' | '}' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Applies [`escape_line_start`] to every line.
fn fix_line_starts(text: &str) -> String {
    text.split('\n')
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line starting with `-`, `+` (list items, thematic breaks) or `1.`/`1)`
/// (ordered lists) gets its marker escaped; leading spaces (code blocks) go.
fn escape_line_start(line: &str) -> String {
    let line = line.trim_start_matches([' ', '\t']);
    if line.starts_with(['-', '+']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let (head, tail) = line.split_at(digits);
        if tail.starts_with(['.', ')']) {
            return format!("{head}\\{tail}");
        }
    }
    line.to_owned()
}

/// A wiki link target: the characters Obsidian forbids in one (`[ ] | # ^`),
/// angle brackets and line breaks are dropped.
fn link_target(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '[' | ']' | '|' | '#' | '^' | '<' | '>' | '\n' | '\r'))
        .collect()
}

/// Entity mentions to turn into `[[Canonical Name|as written]]` links.
struct Links {
    /// `(field, start, end, canonical name)`, sorted.
    mentions: Vec<(String, usize, usize, String)>,
    enabled: bool,
}

impl Links {
    fn new(article: &ExportArticle, enabled: bool) -> Links {
        let mut mentions: Vec<(String, usize, usize, String)> = article
            .document
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(|m| (m.field.clone(), m.start, m.end, e.name.clone()))
            })
            .collect();
        mentions.sort();
        Links { mentions, enabled }
    }

    /// A speaker or entity name, linked when links are on.
    fn name(&self, name: &str) -> String {
        if self.enabled {
            format!("[[{}]]", link_target(name))
        } else {
            escape_line(name)
        }
    }

    /// Escapes `text` (which starts at char `start` of `field`) and, when
    /// links are on, turns the mentions wholly inside it into links.
    fn apply(&self, field: &str, start: usize, text: &str) -> String {
        if !self.enabled {
            return escape_block(text);
        }
        let len = text.chars().count();
        let end = start + len;
        let mut out = String::new();
        let mut at = 0;
        for (f, m_start, m_end, name) in &self.mentions {
            if f != field || *m_start < start + at || *m_end > end || m_start >= m_end {
                continue;
            }
            let (from, to) = (m_start - start, m_end - start);
            out.push_str(&escape_inline(&super::char_slice(text, at, from)));
            let written = link_target(&super::char_slice(text, from, to));
            let target = link_target(name);
            if written == target {
                let _ = write!(out, "[[{target}]]");
            } else {
                let _ = write!(out, "[[{target}|{written}]]");
            }
            at = to;
        }
        out.push_str(&escape_inline(&super::char_slice(text, at, len)));
        fix_line_starts(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn yaml_quoting_escapes_quotes_backslashes_and_controls() {
        assert_eq!(yaml_quote("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(yaml_quote("x\ny\u{7}"), r#""x\ny\u0007""#);
        assert_eq!(yaml_quote("# not: a comment"), "\"# not: a comment\"");
    }

    #[test]
    fn escaping_neutralises_markdown() {
        assert_eq!(escape_line("*a* [b](c) <i>"), r"\*a\* \[b\]\(c\) \<i\>");
        assert_eq!(escape_line("# Heading"), r"\# Heading");
        assert_eq!(escape_line("- item"), r"\- item");
        assert_eq!(escape_line("1. item"), r"1\. item");
        assert_eq!(escape_line("    code"), "code");
    }

    #[test]
    fn wikilinks_wrap_mentions_inside_highlights() {
        let article = testdata::article();
        let options = Options {
            wikilinks: true,
            ..Options::default()
        };
        let text = render(&article, &options);
        assert!(
            text.contains("> [[Jane Roe]] opened the bridge\n"),
            "{text}"
        );
        assert!(text.contains("people: [\"[[Jane Roe]]\"]"), "{text}");
        assert!(!text.contains("## Quotes"), "highlights only: {text}");
        let plain = render(&article, &Options::default());
        assert!(plain.contains("> Jane Roe opened the bridge\n"), "{plain}");
    }

    #[test]
    fn all_adds_quotes_with_speakers_and_entities() {
        let article = testdata::article();
        let options = Options {
            all: true,
            wikilinks: true,
            ..Options::default()
        };
        let text = render(&article, &options);
        assert!(text.contains("## Quotes"), "{text}");
        assert!(text.contains("> — [[Jane Roe]]"), "{text}");
        assert!(text.contains("- [[Riverside]] (1)"), "{text}");
    }
}
