//! Page metadata in the precedence of the research note (section 2.5):
//! JSON-LD first (our own serde pass, including `@graph` and `@id`
//! references, which dom_smoothie handles only in part), then Open Graph and
//! other meta tags, then the DOM (`<link rel=canonical>`, a single `<h1>`,
//! `<time datetime>`, `<title>` split on its separators).

use std::collections::HashMap;

use dom_query::Document;
use serde_json::{Map, Value};

/// What the page says about itself, before sanitising.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Author names, joined with ", ".
    pub byline: Option<String>,
    /// Publication date as written.
    pub date: Option<String>,
    /// Site or publisher name.
    pub site: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
}

impl PageMeta {
    /// Fills each empty field from `other`.
    fn or(self, other: PageMeta) -> PageMeta {
        PageMeta {
            title: self.title.or(other.title),
            byline: self.byline.or(other.byline),
            date: self.date.or(other.date),
            site: self.site.or(other.site),
            url: self.url.or(other.url),
        }
    }
}

/// schema.org types whose object describes the article itself.
const ARTICLE_TYPES: [&str; 12] = [
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
];

const META_TITLE: [&str; 6] = [
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "parsely-title",
    "sailthru.title",
];
const META_AUTHOR: [&str; 8] = [
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
];
const META_DATE: [&str; 11] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "parsely-pub-date",
    "pubdate",
    "publishdate",
    "sailthru.date",
    "date",
];
const META_SITE: [&str; 4] = [
    "og:site_name",
    "application-name",
    "dc.publisher",
    "publisher",
];

/// Reads the metadata of a parsed page.
#[must_use]
pub(crate) fn read(doc: &Document) -> PageMeta {
    let found = Found::collect(doc);
    let json_ld = json_ld(&found.json_ld);
    let tags = meta_tags(&found.metas);
    let dom = dom_meta(&found);
    let mut meta = json_ld.or(tags).or(dom);
    if let (Some(title), Some(site)) = (&meta.title, &meta.site) {
        meta.title = Some(strip_site_suffix(title, site));
    }
    meta
}

/// The elements metadata is read from, gathered in one walk of the page.
#[derive(Debug, Default)]
struct Found {
    json_ld: Vec<String>,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    h1s: Vec<String>,
    title: Option<String>,
    time: Option<String>,
    byline: Option<String>,
}

impl Found {
    fn collect(doc: &Document) -> Found {
        let mut found = Found::default();
        for node in doc.root().descendants_it().filter(|n| n.is_element()) {
            let Some(name) = node.node_name() else {
                continue;
            };
            if found.byline.is_none() && is_byline_element(&node) {
                let text = collapse(&node.text());
                let length = text.chars().count();
                if (3..BYLINE_MAX_CHARS).contains(&length) {
                    found.byline = Some(text);
                }
            }
            match name.to_ascii_lowercase().as_str() {
                "script" => {
                    let ld = node
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if ld {
                        found.json_ld.push(node.text().to_string());
                    }
                }
                "meta" => {
                    let key = node
                        .attr("property")
                        .or_else(|| node.attr("name"))
                        .or_else(|| node.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, node.attr("content")) {
                        found
                            .metas
                            .push((key.trim().to_ascii_lowercase(), content.trim().to_owned()));
                    }
                }
                "link" if found.canonical.is_none() => {
                    let canonical = node
                        .attr("rel")
                        .is_some_and(|r| r.trim().eq_ignore_ascii_case("canonical"));
                    if canonical {
                        found.canonical = node
                            .attr("href")
                            .map(|h| h.trim().to_owned())
                            .filter(|h| !h.is_empty());
                    }
                }
                "h1" => found.h1s.push(collapse(&node.text())),
                "title" if found.title.is_none() => found.title = Some(collapse(&node.text())),
                "time" if found.time.is_none() => {
                    found.time = node.attr("datetime").map(|d| d.trim().to_owned());
                }
                _ => {}
            }
        }
        found
    }
}

/// A byline element longer than this is an author biography, not a byline.
const BYLINE_MAX_CHARS: usize = 100;

/// Readability's byline markers: `rel="author"`, `itemprop~="author"`, or a
/// class or id naming a byline or author.
fn is_byline_element(node: &dom_query::NodeRef<'_>) -> bool {
    let attr_has = |name: &str, needle: &str| {
        node.attr(name)
            .is_some_and(|v| v.to_ascii_lowercase().contains(needle))
    };
    attr_has("rel", "author")
        || attr_has("itemprop", "author")
        || ["byline", "author-name", "writtenby"]
            .iter()
            .any(|n| attr_has("class", n) || attr_has("id", n))
}

/// The JSON-LD article object's fields (the first article found wins).
fn json_ld(scripts: &[String]) -> PageMeta {
    let mut found = PageMeta::default();
    for text in scripts {
        let Some(value) = parse_json_ld(text) else {
            continue;
        };
        let nodes = flatten(&value);
        let index: HashMap<&str, &Map<String, Value>> = nodes
            .iter()
            .filter_map(|n| Some((n.get("@id")?.as_str()?, *n)))
            .collect();
        let Some(article) = nodes.iter().find(|n| has_type(n, &ARTICLE_TYPES)) else {
            continue;
        };
        let resolve = |v: &Value| names(v, &index);
        let site_from_graph = nodes
            .iter()
            .find(|n| has_type(n, &["WebSite"]))
            .and_then(|n| n.get("name"))
            .and_then(&resolve);
        found = PageMeta {
            title: first_str(article, &["headline", "name"], &resolve),
            byline: first_str(article, &["author", "creator"], &resolve),
            date: first_str(article, &["datePublished", "dateCreated"], &resolve),
            site: first_str(article, &["publisher", "sourceOrganization"], &resolve)
                .or(site_from_graph),
            url: article_url(article),
        };
        break;
    }
    found
}

/// Parses a JSON-LD block, tolerating a CDATA or comment wrapper.
fn parse_json_ld(text: &str) -> Option<Value> {
    let text = text.trim();
    let text = text
        .strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .or_else(|| {
            text.strip_prefix("<!--")
                .and_then(|t| t.strip_suffix("-->"))
        })
        .unwrap_or(text);
    serde_json::from_str(text.trim()).ok()
}

/// Every object of a JSON-LD value: array items and `@graph` members, one level deep.
fn flatten(value: &Value) -> Vec<&Map<String, Value>> {
    fn push<'v>(v: &'v Value, out: &mut Vec<&'v Map<String, Value>>) {
        if let Value::Object(map) = v {
            out.push(map);
        }
    }
    let mut out = Vec::new();
    let tops: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for top in tops {
        push(top, &mut out);
        if let Some(Value::Array(graph)) = top.get("@graph") {
            for member in graph {
                push(member, &mut out);
            }
        }
    }
    out
}

fn has_type(node: &Map<String, Value>, types: &[&str]) -> bool {
    let matches = |t: &str| {
        let bare = t.rsplit(['/', ':']).next().unwrap_or(t);
        types.contains(&bare)
    };
    match node.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn first_str(
    node: &Map<String, Value>,
    keys: &[&str],
    resolve: &impl Fn(&Value) -> Option<String>,
) -> Option<String> {
    keys.iter()
        .filter_map(|k| node.get(*k))
        .find_map(resolve)
        .filter(|s| !s.trim().is_empty())
}

/// A value's text: a string, an object's `name` (following an `@id`
/// reference into the graph), or a list of those joined with ", ".
fn names(value: &Value, index: &HashMap<&str, &Map<String, Value>>) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => {
            let target = map
                .get("name")
                .is_none()
                .then(|| map.get("@id").and_then(Value::as_str))
                .flatten()
                .and_then(|id| index.get(id).copied())
                .unwrap_or(map);
            match target.get("name") {
                Some(Value::String(s)) => Some(s.clone()),
                _ => None,
            }
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(|v| names(v, index)).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn article_url(article: &Map<String, Value>) -> Option<String> {
    let from = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("@id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    ["url", "mainEntityOfPage", "@id"]
        .iter()
        .filter_map(|k| article.get(*k))
        .filter_map(from)
        .find(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// Open Graph, Twitter, Dublin Core and Parse.ly meta tags.
fn meta_tags(metas: &[(String, String)]) -> PageMeta {
    let mut tags: HashMap<&str, &str> = HashMap::new();
    for (key, content) in metas {
        if !content.is_empty() {
            tags.entry(key.as_str()).or_insert(content.as_str());
        }
    }
    let pick = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| tags.get(*k).map(|v| (*v).to_owned()))
    };
    let byline = META_AUTHOR
        .iter()
        .filter_map(|k| tags.get(*k))
        .find(|v| !v.starts_with("http://") && !v.starts_with("https://"))
        .map(|v| (*v).to_owned());
    PageMeta {
        title: pick(&META_TITLE),
        byline,
        date: pick(&META_DATE),
        site: pick(&META_SITE),
        url: pick(&["og:url", "twitter:url"]),
    }
}

/// What the markup itself shows: canonical link, a lone `<h1>`, `<title>`,
/// the first `<time datetime>`.
fn dom_meta(found: &Found) -> PageMeta {
    let h1 = match found.h1s.as_slice() {
        [one] => Some(one.clone()).filter(|t| !t.is_empty()),
        _ => None,
    };
    let title_tag = found
        .title
        .as_deref()
        .map(split_title)
        .filter(|t| !t.is_empty());
    PageMeta {
        title: h1.or(title_tag),
        byline: found.byline.clone(),
        date: found.time.clone(),
        site: None,
        url: found.canonical.clone(),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline part of a `<title>`: before a ` | `, ` - `, ` – `, ` — ` or
/// ` :: ` separator, when that part has at least three words.
#[must_use]
pub(crate) fn split_title(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " » ", " / "] {
        if let Some((head, _)) = title.rsplit_once(sep) {
            let head = head.trim();
            if head.split_whitespace().count() >= 3 {
                return split_title(head);
            }
        }
    }
    title.trim().to_owned()
}

/// `Talks resume | The Gazette` without the site name it ends with.
fn strip_site_suffix(title: &str, site: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Document {
        Document::from(format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        ))
    }

    #[test]
    fn json_ld_graph_with_id_references() {
        let ld = r##"<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Harbour Gazette"},
            {"@type": "Person", "@id": "#p1", "name": "Ada Quill"},
            {"@type": ["NewsArticle"], "headline": "Ferry fares frozen", "author": [{"@id": "#p1"}, {"@type": "Person", "name": "Bo Lind"}],
             "datePublished": "2026-03-04T08:00:00Z", "mainEntityOfPage": {"@id": "https://gazette.test/ferry"}}]}</script>
            <meta property="og:title" content="Other title">"##;
        let meta = read(&page(ld, "<h1>x</h1>"));
        assert_eq!(meta.title.as_deref(), Some("Ferry fares frozen"));
        assert_eq!(meta.byline.as_deref(), Some("Ada Quill, Bo Lind"));
        assert_eq!(meta.date.as_deref(), Some("2026-03-04T08:00:00Z"));
        assert_eq!(meta.site.as_deref(), Some("Harbour Gazette"));
        assert_eq!(meta.url.as_deref(), Some("https://gazette.test/ferry"));
    }

    #[test]
    fn open_graph_and_meta_fill_in() {
        let head = r#"<title>Site</title><meta property="og:title" content="Storm closes pier | Coast News">
            <meta property="og:site_name" content="Coast News"><meta name="author" content="Cy Dunn">
            <meta property="article:author" content="https://x.test/cy">
            <meta property="article:published_time" content="2026-01-02T10:00:00+01:00">
            <link rel="canonical" href="https://coast.test/pier">"#;
        let meta = read(&page(head, ""));
        assert_eq!(meta.title.as_deref(), Some("Storm closes pier"));
        assert_eq!(meta.byline.as_deref(), Some("Cy Dunn"));
        assert_eq!(meta.date.as_deref(), Some("2026-01-02T10:00:00+01:00"));
        assert_eq!(meta.url.as_deref(), Some("https://coast.test/pier"));
    }

    #[test]
    fn dom_fallbacks() {
        let meta = read(&page(
            "<title>The Gazette</title>",
            "<h1>Lone headline here</h1><time datetime='2026-02-03'>3 Feb</time>",
        ));
        assert_eq!(meta.title.as_deref(), Some("Lone headline here"));
        assert_eq!(meta.date.as_deref(), Some("2026-02-03"));
        let meta = read(&page(
            "",
            "<p class='story-byline'>By Ann Lee</p><a rel='author'>X</a>",
        ));
        assert_eq!(meta.byline.as_deref(), Some("By Ann Lee"));
        let meta = read(&page(
            "<title>Big storm hits the coast | The Gazette</title>",
            "",
        ));
        assert_eq!(meta.title.as_deref(), Some("Big storm hits the coast"));
        assert_eq!(split_title("A - B"), "A - B");
    }

    #[test]
    fn broken_json_ld_is_skipped() {
        let head = r#"<script type="application/ld+json">{oops</script><script type="application/ld+json">[{"@type":"BlogPosting","headline":"Fine","author":"Di Ray"}]</script>"#;
        let meta = read(&page(head, ""));
        assert_eq!(meta.title.as_deref(), Some("Fine"));
        assert_eq!(meta.byline.as_deref(), Some("Di Ray"));
    }
}
