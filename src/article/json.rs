//! JSON articles: one object, an array of objects, or JSON Lines (one object a
//! line). Field names follow common feeds and schema.org (`headline`,
//! `datePublished`, `articleBody`...). Each article's id hashes its own bytes
//! as they stand in the file (DESIGN.md section 7).

use std::collections::HashMap;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::body::Draft;
use super::layout::{self, Options, Unit};
use super::sanitize::sanitize;
use super::tidy::{html_to_text, looks_like_html};
use super::{Article, LoadError, Loaded, SourceFormat, article_id, source};

const TITLE_KEYS: &[&str] = &["title", "headline"];
const BYLINE_KEYS: &[&str] = &["author", "authors", "byline", "creator", "by"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
    "date_published",
    "pubDate",
    "pub_date",
    "created_at",
];
const SOURCE_KEYS: &[&str] = &[
    "source",
    "site",
    "site_name",
    "siteName",
    "publisher",
    "publication",
    "outlet",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "href"];
const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "content",
    "articleBody",
    "article_body",
    "full_text",
];

/// Parses one JSON article object or an array of them. A `.json` file that
/// holds several objects one per line is read as JSON Lines.
pub(crate) fn parse_json(origin: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let (text, warnings) = source::decode(origin, bytes);
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) if e.to_string().starts_with("trailing characters") && starts_object(&text) => {
            return parse_json_lines(origin, bytes);
        }
        Err(e) => return Err(json_error(origin, &e, 0)),
    };
    let mut loaded = Loaded {
        warnings: warnings.clone(),
        ..Loaded::default()
    };
    match value {
        Value::Object(map) if first(&map, BODY_KEYS).is_none() && wrapped_list(&map).is_some() => {
            let key = wrapped_list(&map).unwrap_or_default();
            let fields: HashMap<String, &RawValue> =
                serde_json::from_str(&text).map_err(|e| json_error(origin, &e, 0))?;
            let raw = fields.get(key).map_or("[]", |r| r.get());
            let items = match map.get(key) {
                Some(Value::Array(items)) => items.as_slice(),
                _ => &[],
            };
            load_array(origin, items, raw, &mut loaded)?;
        }
        Value::Object(map) => {
            let article = article_from(origin, &map, bytes, &warnings)
                .map_err(|message| not_article(origin, message))?;
            loaded.articles.push(article);
        }
        Value::Array(items) => load_array(origin, &items, &text, &mut loaded)?,
        other => {
            return Err(not_article(
                origin,
                format!(
                    "not an article: expected a JSON object or an array of them, found {}",
                    kind(&other)
                ),
            ));
        }
    }
    Ok(loaded)
}

/// Keys under which feeds wrap their list of articles (`{"articles": [...]}`).
const LIST_KEYS: &[&str] = &["articles", "items", "results", "data", "posts"];

/// The key of a wrapped article list in an object that is not itself an article.
fn wrapped_list(map: &Map<String, Value>) -> Option<&'static str> {
    LIST_KEYS
        .iter()
        .copied()
        .find(|k| matches!(map.get(*k), Some(Value::Array(_))))
}

/// Loads the articles of a JSON array whose source text is `raw` (needed for
/// each element's own bytes). Bad elements become warnings; none good is an error.
fn load_array(
    origin: &str,
    items: &[Value],
    raw: &str,
    loaded: &mut Loaded,
) -> Result<(), LoadError> {
    let raws: Vec<&RawValue> = serde_json::from_str(raw).map_err(|e| json_error(origin, &e, 0))?;
    let warnings = loaded.warnings.clone();
    let mut first_error = None;
    for (n, (item, raw)) in items.iter().zip(&raws).enumerate() {
        let result = match item {
            Value::Object(map) => article_from(origin, map, raw.get().as_bytes(), &warnings),
            other => Err(format!("not an article object but {}", kind(other))),
        };
        match result {
            Ok(article) => loaded.articles.push(article),
            Err(message) => {
                let message = format!("item {}: {message}", n + 1);
                loaded.warnings.push(format!("{origin}: {message}"));
                first_error.get_or_insert(message);
            }
        }
    }
    if loaded.articles.is_empty() {
        let message = first_error.unwrap_or_else(|| "empty JSON array, no articles".into());
        return Err(not_article(origin, message));
    }
    Ok(())
}

/// Parses JSON Lines, one article per line. A bad line is a warning naming
/// its number and the other lines still load; when no line loads, the first
/// line's problem is the error.
pub(crate) fn parse_json_lines(origin: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    let mut first_error: Option<LoadError> = None;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = n + 1;
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let (text, warnings) = source::decode(&format!("{origin}: line {number}"), line);
        loaded.warnings.extend(warnings.iter().cloned());
        let result = match serde_json::from_str::<Value>(&text) {
            Err(e) => Err(json_error(origin, &e, number)),
            Ok(Value::Object(map)) => article_from(origin, &map, line, &warnings)
                .map_err(|m| not_article(origin, format!("line {number}: {m}"))),
            Ok(other) => Err(not_article(
                origin,
                format!("line {number}: not an article object but {}", kind(&other)),
            )),
        };
        match result {
            Ok(article) => loaded.articles.push(article),
            Err(err) => {
                loaded.warnings.push(err.to_string());
                first_error.get_or_insert(err);
            }
        }
    }
    if loaded.articles.is_empty() {
        return Err(first_error.unwrap_or_else(|| LoadError::Empty {
            path: origin.to_owned(),
        }));
    }
    Ok(loaded)
}

fn starts_object(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// A serde_json error as a [`LoadError::Json`], or for `line` > 0 (a JSON
/// Lines line number) a [`LoadError::JsonLine`].
fn json_error(origin: &str, e: &serde_json::Error, line: usize) -> LoadError {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .and_then(|i| full.get(..i))
        .unwrap_or(&full)
        .to_owned();
    let path = origin.to_owned();
    let column = e.column();
    if line > 0 {
        LoadError::JsonLine {
            path,
            line,
            column,
            message,
        }
    } else {
        LoadError::Json {
            path,
            line: e.line(),
            column,
            message,
        }
    }
}

fn not_article(origin: &str, message: String) -> LoadError {
    LoadError::NotAnArticle {
        path: origin.to_owned(),
        message,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Builds one article from an object; `raw` is its bytes for the id.
fn article_from(
    origin: &str,
    map: &Map<String, Value>,
    raw: &[u8],
    warnings: &[String],
) -> Result<Article, String> {
    let Some(body) = first(map, BODY_KEYS) else {
        return Err(format!(
            "not an article: no body field (expected one of {})",
            BODY_KEYS.join(", ")
        ));
    };
    let mut draft = Draft {
        title: first(map, TITLE_KEYS).and_then(text_of),
        byline: first(map, BYLINE_KEYS).and_then(text_of),
        date_raw: first(map, DATE_KEYS).and_then(text_of),
        source: first(map, SOURCE_KEYS).and_then(text_of),
        url: first(map, URL_KEYS).and_then(text_of),
        warnings: warnings.to_vec(),
        ..Draft::default()
    };
    let options = Options {
        header: false,
        infer_headings: true,
    };
    layout::classify(&body_units(body), options, &mut draft);
    draft.captions.extend(string_list(map.get("captions")));
    draft.related.extend(string_list(map.get("related")));
    let article = draft.finish(article_id(raw), origin, SourceFormat::Json);
    super::require_text(origin, article).map_err(|e| match e {
        LoadError::NotAnArticle { message, .. } => message,
        other => other.to_string(),
    })
}

fn first<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .filter_map(|k| map.get(*k))
        .find(|v| !v.is_null())
}

/// A field's text: a string, a number, an object's `name`, or a list of
/// those joined with ", " (several authors).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(map) => map.get("name").and_then(text_of),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Null | Value::Bool(_) => None,
    }
}

fn string_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(text_of).collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The body's units: a string split on line breaks (HTML reduced to text
/// first), or an array of paragraph strings.
fn body_units(body: &Value) -> Vec<Unit> {
    let text = match body {
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join("\n"),
        other => text_of(other).unwrap_or_default(),
    };
    let text = if looks_like_html(&text) {
        html_to_text(&text)
    } else {
        text
    };
    sanitize(&text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(Unit::text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_with_usual_fields() {
        let json = r#"{"headline": "Talks resume", "authors": [{"name": "Jane Doe"}, "John Roe"],
            "datePublished": "2025-10-16T09:00:00Z", "publisher": {"name": "Example Wire"},
            "link": "https://x.test/a", "content": "First paragraph.\nSecond paragraph.\n\nAdvertisement\n\nThird."}"#;
        let loaded = parse_json("a.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let a = &loaded.articles[0];
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(a.date.as_deref(), Some("2025-10-16T09:00:00Z"));
        assert_eq!(a.source.as_deref(), Some("Example Wire"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.paragraphs.len(), 3);
        assert!(!a.body.contains("Advertisement"));
        assert_eq!(a.id, article_id(json.as_bytes()));
    }

    #[test]
    fn array_ids_hash_each_element() {
        let json = "[ {\"title\": \"A\", \"body\": \"One.\"},\n  {\"title\": \"B\", \"body\": \"<p>Two &amp; more.</p>\"} ]";
        let loaded = parse_json("a.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.articles.len(), 2);
        assert_eq!(
            loaded.articles[0].id,
            article_id(br#"{"title": "A", "body": "One."}"#)
        );
        assert_eq!(loaded.articles[1].body, "Two & more.");
    }

    #[test]
    fn bad_array_items_are_warnings() {
        let json = r#"[{"title": "A", "body": "One."}, 3, {"title": "no body"}]"#;
        let loaded = parse_json("a.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.warnings.len(), 2);
        assert!(loaded.warnings[0].starts_with("a.json: item 2:"));
    }

    #[test]
    fn malformed_and_non_article_json() {
        let err = parse_json("a.json", b"{\n  \"title\": \"x\",\n  oops\n}").err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            text.starts_with("a.json: invalid JSON at line 3, column 3"),
            "{text}"
        );
        for bad in [&b"42"[..], b"{\"title\": \"x\"}", b"[]", b"[1, 2]"] {
            let text = parse_json("a.json", bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(text.starts_with("a.json: "), "{text}");
            assert!(!text.contains('\n'));
        }
    }

    #[test]
    fn json_lines_skip_bad_lines() {
        let jsonl = b"{\"title\": \"A\", \"text\": \"One.\"}\r\nnot json\n\n42\n{\"title\": \"B\", \"text\": \"Two.\"}\n";
        let loaded = parse_json_lines("f.jsonl", jsonl).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.articles.len(), 2);
        assert_eq!(loaded.warnings.len(), 2);
        assert!(
            loaded.warnings[0].starts_with("f.jsonl: line 2: invalid JSON at column"),
            "{:?}",
            loaded.warnings
        );
        assert!(
            loaded.warnings[1].starts_with("f.jsonl: line 4:"),
            "{:?}",
            loaded.warnings
        );
        assert_eq!(
            loaded.articles[0].id,
            article_id(br#"{"title": "A", "text": "One."}"#)
        );
        let all_bad = parse_json_lines("f.jsonl", b"nope\n[1]\n")
            .err()
            .map(|e| e.to_string());
        assert!(
            all_bad
                .unwrap_or_default()
                .starts_with("f.jsonl: line 1: invalid JSON")
        );
    }

    #[test]
    fn wrapped_article_list() {
        let json = r#"{"status": "ok", "articles": [{"title": "A", "description": "d", "content": "One.", "publishedAt": 1760601600}]}"#;
        let loaded = parse_json("feed.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.articles.len(), 1);
        let a = &loaded.articles[0];
        assert_eq!(a.id, article_id(br#"{"title": "A", "description": "d", "content": "One.", "publishedAt": 1760601600}"#));
        assert_eq!(a.date.as_deref(), Some("2025-10-16T08:00:00Z"));
    }

    #[test]
    fn json_file_with_lines_falls_back() {
        let text = b"{\"body\": \"One.\"}\n{\"body\": \"Two.\"}\n";
        let loaded = parse_json("x.json", text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.articles.len(), 2);
    }
}
