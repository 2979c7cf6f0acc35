//! Walking extracted HTML into text blocks: paragraphs and headings, with
//! `<q>` turned into quote marks and block quotes wrapped in “…” when they
//! carry no marks of their own, so the quote extractor sees them. The walk
//! uses an explicit stack, never recursion, so depth cannot overflow it.

use dom_query::NodeRef;

use super::super::layout::Unit;
use super::super::rules::starts_with_quote;

/// Elements whose content is never article text.
const SKIP: [&str; 20] = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "button",
    "form",
    "iframe",
    "select",
    "textarea",
    "figcaption",
    "img",
    "video",
    "audio",
    "canvas",
    "head",
    "title",
    "meta",
    "link",
    "object",
];

/// Elements that start and end a block of text.
const BLOCK: [&str; 33] = [
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody",
    "thead", "tfoot", "tr", "td", "th", "pre", "figure", "header", "footer", "aside", "address",
    "center", "hr", "details", "summary", "caption", "nav", "body", "html", "fieldset",
];

enum Step<'a> {
    Open(NodeRef<'a>),
    CloseBlock,
    CloseHeading,
    CloseBlockquote,
    CloseQ,
}

#[derive(Default)]
struct Walk {
    units: Vec<Unit>,
    current: String,
    heading_depth: usize,
    blockquote_depth: usize,
    q_depth: usize,
}

impl Walk {
    /// Ends the current block, if it has any text.
    fn flush(&mut self) {
        let text = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.current.clear();
        if text.is_empty() {
            return;
        }
        let text = if self.blockquote_depth > 0 && !starts_with_quote(&text) {
            format!("“{text}”")
        } else {
            text
        };
        self.units.push(Unit {
            text,
            heading: self.heading_depth > 0,
        });
    }
}

/// The text blocks under `root`, in document order.
#[must_use]
pub(crate) fn units(root: &NodeRef<'_>) -> Vec<Unit> {
    let mut walk = Walk::default();
    let mut stack = vec![Step::Open(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(node) => open(&node, &mut walk, &mut stack),
            Step::CloseBlock => walk.flush(),
            Step::CloseHeading => {
                walk.flush();
                walk.heading_depth = walk.heading_depth.saturating_sub(1);
            }
            Step::CloseBlockquote => {
                walk.flush();
                walk.blockquote_depth = walk.blockquote_depth.saturating_sub(1);
            }
            Step::CloseQ => {
                walk.q_depth = walk.q_depth.saturating_sub(1);
                walk.current
                    .push(if walk.q_depth % 2 == 0 { '”' } else { '’' });
            }
        }
    }
    walk.flush();
    walk.units
}

/// Handles entering one node: text is appended, elements push their close
/// step and then their children (reversed, so the first comes off first).
fn open<'a>(node: &NodeRef<'a>, walk: &mut Walk, stack: &mut Vec<Step<'a>>) {
    if node.is_text() {
        walk.current.push_str(&node.text());
        return;
    }
    if !(node.is_element() || node.is_document() || node.is_fragment()) {
        return;
    }
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.as_str();
    if SKIP.contains(&name) {
        return;
    }
    match name {
        "br" => {
            walk.flush();
            return;
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            walk.flush();
            walk.heading_depth += 1;
            stack.push(Step::CloseHeading);
        }
        "blockquote" => {
            walk.flush();
            walk.blockquote_depth += 1;
            stack.push(Step::CloseBlockquote);
        }
        "q" => {
            walk.current
                .push(if walk.q_depth % 2 == 0 { '“' } else { '‘' });
            walk.q_depth += 1;
            stack.push(Step::CloseQ);
        }
        _ if BLOCK.contains(&name) => {
            walk.flush();
            stack.push(Step::CloseBlock);
        }
        // Inline cells and the like still separate their words.
        "span" | "a" | "em" | "strong" | "b" | "i" | "u" | "small" | "sup" | "sub" | "time"
        | "abbr" | "cite" | "mark" | "s" | "code" | "font" => {}
        _ => walk.current.push(' '),
    }
    let children: Vec<NodeRef<'a>> = node.children_it(true).collect();
    stack.extend(children.into_iter().map(Step::Open));
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn texts(html: &str) -> Vec<(String, bool)> {
        let doc = Document::fragment(html);
        units(&doc.root())
            .into_iter()
            .map(|u| (u.text, u.heading))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_quotes() {
        let got = texts(
            "<h2>Reaction</h2><p>She said <q>we will <q>never</q> stop</q> today.</p>\
             <blockquote><p>No marks here.</p></blockquote><blockquote>“Marked.”</blockquote>\
             <div>Line one<br>Line <b>two</b></div><script>x()</script><figure><figcaption>Cap</figcaption></figure>",
        );
        let want = [
            ("Reaction", true),
            ("She said “we will ‘never’ stop” today.", false),
            ("“No marks here.”", false),
            ("“Marked.”", false),
            ("Line one", false),
            ("Line two", false),
        ];
        let want: Vec<(String, bool)> = want.iter().map(|(t, h)| ((*t).to_owned(), *h)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn deep_trees_do_not_recurse() {
        let html = format!(
            "{}deep{}",
            "<div><span>".repeat(3000),
            "</span></div>".repeat(3000)
        );
        let got = texts(&html);
        assert_eq!(got, vec![("deep".to_owned(), false)]);
    }
}
