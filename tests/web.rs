//! Saved web pages, newsletters and web archives: every fixture under
//! `tests/data/web/` is loaded and checked against its `.expect.json`
//! (metadata, first and last paragraph, captions, related headlines, and
//! furniture that must not reach the body); then the binary end to end.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use lede::article::{self, Article, BlockKind};
use serde_json::Value;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web")
}

/// Every fixture with its expectation file.
fn fixtures() -> Vec<(PathBuf, Value)> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(data_dir()).unwrap_or_else(|e| panic!("{e}"));
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".expect.json") {
            continue;
        }
        let stem = name.split('.').next().unwrap_or("");
        let expect_path = data_dir().join(format!("{stem}.expect.json"));
        let text = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let expect: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        out.push((path, expect));
    }
    out
}

fn paragraph_texts(a: &Article, kind: BlockKind) -> Vec<String> {
    a.paragraphs
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| a.body.chars().skip(b.start).take(b.end - b.start).collect())
        .collect()
}

fn opt_field(a: &Article, key: &str) -> Option<String> {
    match key {
        "title" => a.title.clone(),
        "byline" => a.byline.clone(),
        "date" => a.date.clone(),
        "source" => a.source.clone(),
        "url" => a.url.clone(),
        _ => None,
    }
}

/// The differences between one fixture's article and its expectations.
fn check(path: &Path, a: &Article, expect: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for key in ["title", "byline", "date", "source", "url"] {
        if let Some(want) = expect.get(key) {
            let got = opt_field(a, key);
            if want.as_str() != got.as_deref() {
                problems.push(format!("{key}: want {want}, got {got:?}"));
            }
        }
    }
    if let Some(want) = expect.get("source_format").and_then(Value::as_str) {
        let got = serde_json::to_value(a.source_format).unwrap_or(Value::Null);
        if got.as_str() != Some(want) {
            problems.push(format!("source_format: want {want}, got {got}"));
        }
    }
    let paras = paragraph_texts(a, BlockKind::Paragraph);
    for (key, got) in [
        ("first_paragraph", paras.first()),
        ("last_paragraph", paras.last()),
    ] {
        let want = expect.get(key).and_then(Value::as_str);
        if want != got.map(String::as_str) {
            problems.push(format!("{key}: want {want:?}\n      got {got:?}"));
        }
    }
    let list = |key: &str| -> Vec<String> {
        expect
            .get(key)
            .and_then(Value::as_array)
            .map(|v| {
                v.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    for want in list("captions") {
        if !a.captions.contains(&want) {
            problems.push(format!("caption {want:?} missing from {:?}", a.captions));
        }
    }
    for want in list("related") {
        if !a.related.contains(&want) {
            problems.push(format!("related {want:?} missing from {:?}", a.related));
        }
    }
    let headings = paragraph_texts(a, BlockKind::Heading);
    for want in list("headings") {
        if !headings.contains(&want) {
            problems.push(format!("heading {want:?} missing from {headings:?}"));
        }
    }
    for want in list("contains") {
        if !a.body.contains(&want) {
            problems.push(format!("body lacks {want:?}"));
        }
    }
    for gone in list("absent") {
        if a.body.contains(&gone) {
            problems.push(format!("body still has {gone:?}"));
        }
    }
    if a.body.contains('<') && a.body.contains("</") {
        problems.push("body has markup".to_owned());
    }
    problems
        .into_iter()
        .map(|p| format!("{}: {p}", path.display()))
        .collect()
}

#[test]
fn fixtures_meet_their_expectations() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 10, "only {} fixtures", fixtures.len());
    let mut problems = Vec::new();
    for (path, expect) in &fixtures {
        match article::load_path(path) {
            Ok(loaded) => {
                let a = &loaded.articles[0];
                problems.extend(check(path, a, expect));
            }
            Err(e) => problems.push(format!("{}: failed to load: {e}", path.display())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn saved_pages_are_big_enough_and_carry_furniture() {
    for (path, _) in fixtures() {
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.len() >= 20_000, "{} is small", path.display());
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(text.matches("<script").count() >= 3, "{}", path.display());
        for part in ["<nav", "<footer", "cookie", "share-bar", "related"] {
            assert!(text.contains(part), "{} lacks {part}", path.display());
        }
    }
}

#[test]
fn html_sniffed_without_extension() {
    let path = data_dir().join("h1_only.html");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let a = article::load_bytes("pasted", &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.source_format, article::SourceFormat::Html);
    assert_eq!(
        a.title.as_deref(),
        Some("Larkspur library to open on Sundays after trust steps in")
    );
}

#[test]
fn hostile_nesting_loads_quickly() {
    let n = 100_000;
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>The bottom paragraph survives.</p>{}{}</body></html>",
        "<div><b>".repeat(n),
        "</b></div>".repeat(n),
        "<span>x</span>".repeat(120_000)
    );
    let started = std::time::Instant::now();
    let a = article::load_bytes("deep.html", page.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(a.body.contains("The bottom paragraph survives."));
    assert!(!a.warnings.is_empty());
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

fn lede(dir: &Path) -> Command {
    let mut cmd = common::lede_in(dir);
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn tag_json_works_on_a_saved_page() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let page = data_dir().join("jsonld_graph.html");
    let out = lede(dir.path())
        .args(["tag", "--format", "json"])
        .arg(&page)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let doc: Value = serde_json::from_str(line.trim()).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(doc["source_format"], "html");
    assert_eq!(doc["byline"], "Rhona Kettering");
    assert_eq!(
        doc["url"],
        "https://packet.example/news/ferry-winter-timetable"
    );
    let body = doc["body"].as_str().unwrap_or("");
    assert!(body.starts_with("The ferry link between Port Ellery"));
    assert!(
        !dir.path().join("lib").exists(),
        "tag must not create the library"
    );
    let eml = data_dir().join("newsletter.eml");
    let out = lede(dir.path())
        .args(["tag", "--format", "json"])
        .arg(&eml)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["source_format"], "email");
}
