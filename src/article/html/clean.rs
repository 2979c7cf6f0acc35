//! Removing page furniture before extraction: navigation, site header and
//! footer, cookie banners, share bars, advertisements, newsletter boxes and
//! hidden nodes go; "Related" / "Read more" lists go too, but their
//! headlines are kept for `related`; `<figcaption>`s become `captions`.
//! Readability removes much of this on its own, but not reliably (a share
//! bar with long link text, a related list in the article) and it throws the
//! related headlines and captions away.

use std::sync::LazyLock;

use dom_query::{Document, NodeRef};
use regex::Regex;

use super::super::rules::{self, Related};

/// A matching container is removed only when it holds less text than this,
/// so an article body that happens to carry a class like `paywall` stays.
const FURNITURE_MAX_CHARS: usize = 1500;
/// Most words a related headline may have.
const RELATED_MAX_WORDS: usize = 40;

static FURNITURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[^a-z])(cookies?|consent|gdpr|cmp|share|sharing|sharebar|social|newsletters?|subscribe|subscription|signup|sign-up|paywall|ad|ads|advert|adverts|advertisement|adslot|ad-slot|sponsored|sponsor|promo|breadcrumbs?|sidebar|comments?|outbrain|taboola|skip-link|toolbar|masthead|site-header|site-footer|modal|popup|banner-ad)([^a-z]|$)",
    )
    .ok()
});

static RELATED_BOX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[^a-z])(related|read-more|readmore|more-stories|more-news|recommended|also-read|further-reading|more-on)([^a-z]|$)",
    )
    .ok()
});

const DROP_TAGS: [&str; 12] = [
    "nav", "aside", "footer", "form", "button", "dialog", "template", "iframe", "svg", "select",
    "noscript", "input",
];
const DROP_ROLES: [&str; 9] = [
    "navigation",
    "contentinfo",
    "dialog",
    "alertdialog",
    "complementary",
    "search",
    "menu",
    "menubar",
    "banner",
];

/// What the clean-up took out of the page but keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Kept {
    /// Figure captions, in page order.
    pub captions: Vec<String>,
    /// Related headlines, in page order.
    pub related: Vec<String>,
}

/// Cleans the page in place, returning the captions and related headlines.
pub(crate) fn clean(doc: &Document) -> Kept {
    let mut kept = Kept::default();
    let mut doomed: Vec<NodeRef<'_>> = Vec::new();
    let root = doc.body().unwrap_or_else(|| doc.root());
    let mut stack: Vec<NodeRef<'_>> = root.element_children();
    stack.reverse();
    while let Some(node) = stack.pop() {
        if let Some(headlines) = related_box(&node) {
            kept.related.extend(headlines);
            doomed.push(node);
            continue;
        }
        if let Some(list) = related_after_label(&node) {
            kept.related.extend(headlines_in(&list));
            doomed.push(node);
            doomed.push(list);
            continue;
        }
        if is_furniture(&node) {
            doomed.push(node);
            continue;
        }
        let mut children = node.element_children();
        children.reverse();
        stack.extend(children);
    }
    for node in &doomed {
        node.remove_from_parent();
    }
    for node in doc.select("figcaption, .wp-caption-text, .caption").nodes() {
        let text = collapse(&node.text());
        if !text.is_empty() && !kept.captions.contains(&text) {
            kept.captions.push(text);
        }
        node.remove_from_parent();
    }
    dedupe(&mut kept.related);
    kept
}

fn dedupe(items: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|i| seen.insert(i.to_lowercase()));
}

/// Class and id of an element, for the furniture patterns.
fn class_and_id(node: &NodeRef<'_>) -> String {
    let class = node.class().map(|c| c.to_string()).unwrap_or_default();
    let id = node.id_attr().map(|c| c.to_string()).unwrap_or_default();
    format!("{class} {id}")
}

fn name_of(node: &NodeRef<'_>) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether an element is page furniture rather than article.
fn is_furniture(node: &NodeRef<'_>) -> bool {
    let name = name_of(node);
    if matches!(name.as_str(), "article" | "main" | "body" | "html") {
        return false;
    }
    if DROP_TAGS.contains(&name.as_str()) || is_hidden(node) {
        return true;
    }
    if name == "header" && !inside_article(node) {
        return true;
    }
    let role = node.attr("role").map(|r| r.to_ascii_lowercase());
    if let Some(role) = role.as_deref()
        && DROP_ROLES.contains(&role)
        && !(role == "banner" && inside_article(node))
    {
        return true;
    }
    let hint = class_and_id(node);
    let furniture = FURNITURE.as_ref().is_some_and(|re| re.is_match(&hint));
    furniture && node.text().chars().count() < FURNITURE_MAX_CHARS && !holds_article(node)
}

/// Whether a node wraps the article itself (a layout wrapper named
/// `has-sidebar` around a short story must not take the story with it).
fn holds_article(node: &NodeRef<'_>) -> bool {
    node.descendants_it()
        .any(|d| d.is_element() && matches!(name_of(&d).as_str(), "article" | "main" | "h1"))
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn inside_article(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(Some(64))
        .any(|a| matches!(name_of(&a).as_str(), "article" | "main"))
}

/// The headlines of a container marked as a related-stories box.
fn related_box(node: &NodeRef<'_>) -> Option<Vec<String>> {
    let hint = class_and_id(node);
    let marked = RELATED_BOX.as_ref().is_some_and(|re| re.is_match(&hint));
    let labelled = matches!(name_of(node).as_str(), "aside" | "section" | "div" | "nav")
        && first_heading(node).is_some_and(|h| is_related_label(&collapse(&h.text())));
    if !(marked || labelled) || node.text().chars().count() >= FURNITURE_MAX_CHARS * 2 {
        return None;
    }
    Some(headlines_in(node))
}

fn first_heading<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    node.element_children().into_iter().find(|c| {
        matches!(
            name_of(c).as_str(),
            "h2" | "h3" | "h4" | "h5" | "h6" | "strong" | "header"
        )
    })
}

fn is_related_label(text: &str) -> bool {
    if matches!(rules::related(text), Some(Related::Label)) {
        return true;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches(':').trim();
    let short = lower.split_whitespace().count() <= 6;
    short
        && (lower.starts_with("more from ")
            || lower.starts_with("more in ")
            || matches!(
                lower,
                "top stories" | "latest news" | "latest stories" | "popular now"
            ))
}

/// A heading reading "Related" / "Read more" followed by a list: the list.
fn related_after_label<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let name = name_of(node);
    if !matches!(
        name.as_str(),
        "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "strong"
    ) {
        return None;
    }
    if !is_related_label(&collapse(&node.text())) {
        return None;
    }
    let next = node.next_element_sibling()?;
    matches!(name_of(&next).as_str(), "ul" | "ol").then_some(next)
}

/// Link texts (or list items without links) of a related box, as headlines.
fn headlines_in(node: &NodeRef<'_>) -> Vec<String> {
    let items: Vec<NodeRef<'_>> = node
        .descendants_it()
        .filter(|n| n.is_element() && name_of(n) == "li")
        .collect();
    let sources: Vec<NodeRef<'_>> = if items.is_empty() {
        node.descendants_it()
            .filter(|n| n.is_element() && name_of(n) == "a")
            .collect()
    } else {
        items
    };
    sources
        .iter()
        .map(|n| {
            let link = n
                .descendants_it()
                .find(|d| d.is_element() && name_of(d) == "a");
            collapse(&link.as_ref().unwrap_or(n).text())
        })
        .filter(|t| {
            let words = t.split_whitespace().count();
            (2..=RELATED_MAX_WORDS).contains(&words)
        })
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_goes_and_related_and_captions_stay() {
        let doc = Document::from(
            r#"<html><body><header class="site-header"><nav>Home World</nav></header>
            <div class="cookie-banner">We use cookies. Accept all</div>
            <article><header><h1>Pier closed</h1></header>
            <div class="share-bar"><a>Share on Facebook</a></div>
            <figure><img src="a.jpg"><figcaption>The pier at dawn. Photo: Ana Bell</figcaption></figure>
            <p>Body text stays here.</p>
            <div class="ad-slot">Advertisement</div>
            <h3>Related</h3><ul><li><a href="/a">Storm warning for the coast</a></li></ul>
            <p hidden>Secret</p></article>
            <aside class="related-stories"><h2>More stories</h2><ul><li><a href="/b">Harbour fees rise again</a></li></ul></aside>
            <footer>© 2026 Gazette</footer></body></html>"#,
        );
        let kept = clean(&doc);
        let text = doc.root().text().to_string();
        for gone in [
            "Home World",
            "cookies",
            "Share on",
            "Advertisement",
            "Secret",
            "©",
            "Storm warning",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(text.contains("Body text stays here."));
        assert!(text.contains("Pier closed"));
        assert_eq!(kept.captions, vec!["The pier at dawn. Photo: Ana Bell"]);
        assert_eq!(
            kept.related,
            vec!["Storm warning for the coast", "Harbour fees rise again"]
        );
    }

    #[test]
    fn short_story_in_a_sidebar_layout_stays() {
        let doc = Document::from(
            r#"<html><body><div class="layout has-sidebar"><article><h1>Short</h1><p>A short story.</p></article></div></body></html>"#,
        );
        clean(&doc);
        assert!(doc.root().text().contains("A short story."));
    }

    #[test]
    fn long_marked_containers_stay() {
        let long = "Words of the article. ".repeat(100);
        let doc = Document::from(format!(
            r#"<html><body><div class="paywall"><p>{long}</p></div></body></html>"#
        ));
        clean(&doc);
        assert!(doc.root().text().contains("Words of the article."));
    }
}
