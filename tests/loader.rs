//! Integration tests of the loaders: one fixture per format, ugly inputs, the
//! bundled samples, and property tests that no input makes a loader panic or
//! leave a control character in any field.

use std::path::{Path, PathBuf};

use lede::article::{self, Article, BlockKind, Format, sanitize::is_dropped};
use proptest::prelude::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
    path
}

fn load_one(path: &Path) -> Article {
    let loaded = article::load_path(path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.articles.len(), 1, "{}", path.display());
    loaded
        .articles
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!())
}

fn char_slice(s: &str, start: usize, end: usize) -> Option<&str> {
    let byte = |n: usize| {
        if n == s.chars().count() {
            Some(s.len())
        } else {
            s.char_indices().nth(n).map(|(i, _)| i)
        }
    };
    s.get(byte(start)?..byte(end)?)
}

/// The invariants every loaded article keeps, whatever the input.
fn check_invariants(a: &Article) -> Result<(), String> {
    let one_line_fields = [&a.title, &a.byline, &a.date_raw, &a.source, &a.url];
    let lists = a.captions.iter().chain(&a.related);
    for text in one_line_fields.into_iter().flatten().chain(lists) {
        if text.is_empty() || text.trim() != text || text.contains("  ") {
            return Err(format!("untidy field {text:?}"));
        }
        if text.chars().any(|c| c == '\n' || is_dropped(c)) {
            return Err(format!("control char in field {text:?}"));
        }
    }
    if a.body.chars().any(|c| c != '\n' && is_dropped(c)) {
        return Err("control char in body".into());
    }
    let mut pieces = Vec::new();
    let mut last_end = 0;
    for block in &a.paragraphs {
        if block.start < last_end || block.end <= block.start {
            return Err(format!("bad range {block:?}"));
        }
        last_end = block.end;
        let text = char_slice(&a.body, block.start, block.end)
            .ok_or_else(|| format!("range out of body {block:?}"))?;
        if text.trim() != text || text.contains('\n') || text.contains("  ") {
            return Err(format!("untidy paragraph {text:?}"));
        }
        pieces.push(text);
    }
    if pieces.join("\n\n") != a.body {
        return Err("paragraphs do not tile the body".into());
    }
    if a.id.len() != 12 || !a.id.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("bad id {}", a.id));
    }
    Ok(())
}

#[test]
fn plain_text_fixture() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = "Harbour reopens after storm\r\nBy Ana Silva\r\nPublished 3 Mar 2025 08:30\r\n\r\n\
        The harbour reopened on Monday. Boats left at dawn.\r\n\r\nADVERTISEMENT\r\n\r\n\
        Fishermen react\r\n\r\n\u{201c}We lost a week,\u{201d} one captain said.\r\n\r\n\
        Boats in the harbour. Photo: Port Authority\r\n\r\nSee also:\r\n\r\nStorm damage counted\r\n";
    let path = write(dir.path(), "harbour.txt", text.as_bytes());
    let a = load_one(&path);
    assert_eq!(a.title.as_deref(), Some("Harbour reopens after storm"));
    assert_eq!(a.byline.as_deref(), Some("Ana Silva"));
    assert_eq!(a.date.as_deref(), Some("2025-03-03T08:30"));
    assert_eq!(
        a.captions,
        vec!["Boats in the harbour. Photo: Port Authority"]
    );
    assert_eq!(a.related, vec!["Storm damage counted"]);
    assert_eq!(a.origin, path.display().to_string());
    assert_eq!(a.id, article::article_id(text.as_bytes()));
    let kinds: Vec<BlockKind> = a.paragraphs.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
    check_invariants(&a).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn markdown_fixture() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = "---\ntitle: 'Harbour reopens'\nauthor: Ana Silva\ndate: \"2025-03-03\"\nsource: Coast News\n---\n\n\
        The harbour **reopened** on [Monday](https://x.test).\n\n## Reaction\n\n> \u{201c}We lost a week,\u{201d} one captain said.\n";
    let a = load_one(&write(dir.path(), "harbour.md", text.as_bytes()));
    assert_eq!(a.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(a.byline.as_deref(), Some("Ana Silva"));
    assert_eq!(a.date.as_deref(), Some("2025-03-03"));
    assert_eq!(a.source.as_deref(), Some("Coast News"));
    assert_eq!(
        a.body,
        "The harbour reopened on Monday.\n\nReaction\n\n\u{201c}We lost a week,\u{201d} one captain said."
    );
    assert_eq!(a.paragraphs[1].kind, BlockKind::Heading);
    check_invariants(&a).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn json_and_json_lines_fixtures() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let json = r#"[{"title": "One", "author": ["Ana Silva", "Bo Li"], "published_at": "2025-03-03", "site_name": "Coast News", "url": "https://x.test/1", "body": "First.\nSecond."},
                   {"headline": "Two", "text": "Only paragraph."}]"#;
    let loaded = article::load_path(&write(dir.path(), "a.json", json.as_bytes()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.articles.len(), 2);
    let first = &loaded.articles[0];
    assert_eq!(first.byline.as_deref(), Some("Ana Silva, Bo Li"));
    assert_eq!(first.source.as_deref(), Some("Coast News"));
    assert_eq!(first.paragraphs.len(), 2);
    assert_ne!(loaded.articles[0].id, loaded.articles[1].id);

    let jsonl =
        "{\"title\": \"A\", \"body\": \"One.\"}\n{broken\n{\"title\": \"B\", \"body\": \"Two.\"}\n";
    let path = write(dir.path(), "a.jsonl", jsonl.as_bytes());
    let loaded = article::load_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].starts_with(&format!("{}: line 2: ", path.display())),
        "{:?}",
        loaded.warnings
    );
    for a in &loaded.articles {
        check_invariants(a).unwrap_or_else(|e| panic!("{e}"));
    }
}

fn load_error(path: &Path) -> String {
    match article::load_path(path) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_inputs_are_one_line_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().join("missing.txt"), "no such file"),
        (dir.path().to_path_buf(), "is a directory"),
        (write(dir.path(), "empty.txt", b""), "empty file"),
        (write(dir.path(), "blank.md", b" \n\t\r\n"), "empty file"),
        (write(dir.path(), "nul.txt", b"abc\0def"), "binary"),
        (write(dir.path(), "a.gz.txt", b"\x1f\x8b\x08\0\0\0"), "gzip"),
        (write(dir.path(), "doc.pdf", b"%PDF-1.4\n%\xe2\xe3"), "PDF"),
        (
            write(dir.path(), "bad.json", b"{\"title\": }"),
            "line 1, column 11",
        ),
        (write(dir.path(), "num.json", b"42"), "not an article"),
        (
            write(dir.path(), "nobody.json", b"{\"title\": \"x\"}"),
            "no body",
        ),
        (write(dir.path(), "bad.jsonl", b"nope\n"), "line 1"),
        (
            write(dir.path(), "ads.txt", b"Advertisement\n"),
            "no article text",
        ),
    ];
    for (path, what) in cases {
        let err = load_error(&path);
        assert!(err.starts_with(&path.display().to_string()), "{err}");
        assert!(err.contains(what), "{err} lacks {what}");
        assert!(!err.contains('\n'), "{err}");
    }
}

#[test]
fn invalid_utf8_loads_with_a_warning() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 opens\n\nThe caf\xe9 opened today.\n",
    );
    let loaded = article::load_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].starts_with(&path.display().to_string()));
    let a = &loaded.articles[0];
    assert!(a.body.contains('\u{fffd}'));
    check_invariants(a).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn escapes_and_control_characters_are_removed_from_every_field() {
    let e = "\u{1b}[31m\u{1b}]0;pwned\u{7}\u{202e}\u{9b}2J";
    let text = format!(
        "Title{e} here\nBy Jane{e} Doe\nSource: Wire{e}\n\nBody{e} text.\n\nA man. Photo: Agency{e}\n\nRead more:\n\nOther{e} story\n"
    );
    let a = article::load_bytes("x.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.title.as_deref(), Some("Title here"));
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(a.body, "Body text.");
    assert_eq!(a.captions, vec!["A man. Photo: Agency"]);
    assert_eq!(a.related, vec!["Other story"]);
    let json = format!(
        "{{\"title\": \"T{e}\", \"author\": \"A{e}\", \"date\": \"2025-01-02{e}\", \"source\": \"S{e}\", \"url\": \"u{e}\", \"body\": \"B{e}\", \"captions\": [\"C{e}\"], \"related\": [\"R{e}\"]}}"
    )
    .replace('\u{1b}', "\\u001b")
    .replace('\u{7}', "\\u0007")
    .replace('\u{9b}', "\\u009b");
    let a = article::load_bytes("x.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    for field in [&a.title, &a.byline, &a.source, &a.url]
        .into_iter()
        .flatten()
    {
        assert_eq!(field.chars().count(), 1, "{field:?}");
    }
    assert_eq!(a.date.as_deref(), Some("2025-01-02"));
    assert_eq!(
        (
            a.body.as_str(),
            a.captions[0].as_str(),
            a.related[0].as_str()
        ),
        ("B", "C", "R")
    );
    check_invariants(&a).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn crlf_and_tabs_are_tidied() {
    let a = article::load_bytes(
        "x.txt",
        b"Head line\r\n\r\nOne\t\ttwo   three.\r\nFour.\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.body, "One two three.\n\nFour.");
    check_invariants(&a).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn every_bundled_sample_loads_cleanly() {
    let mut articles = 0;
    for sample in lede::samples::SAMPLES {
        let name = format!("sample:{}", sample.name);
        let format = article::detect_format(Some(Path::new(&name)), sample.bytes);
        let loaded = article::parse(&name, format, sample.bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", sample.name));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {:?}",
            sample.name,
            loaded.warnings
        );
        for a in &loaded.articles {
            assert!(!a.body.is_empty(), "{}", sample.name);
            check_invariants(a).unwrap_or_else(|e| panic!("{}: {e}", sample.name));
        }
        articles += loaded.articles.len();
    }
    println!(
        "checked {articles} articles in {} samples",
        lede::samples::SAMPLES.len()
    );
}

#[test]
fn seed_article_when_present() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_913f011d24c4eda7.txt");
    if !path.exists() {
        println!("skipped: {} not found", path.display());
        return;
    }
    let a = load_one(&path);
    check_invariants(&a).unwrap_or_else(|e| panic!("{e}"));
    assert!(a.title_derived);
    assert_eq!(a.captions.len(), 2);
    assert_eq!(a.related.len(), 2);
    let bytes = std::fs::read(&path).unwrap_or_default();
    assert_eq!(a.id, article::article_id(&bytes));
}

const FORMATS: [Format; 4] = [
    Format::Text,
    Format::Markdown,
    Format::Json,
    Format::JsonLines,
];

/// Lines that exercise the rules, mixed at random by the second property.
const PIECES: &[&str] = &[
    "Advertisement",
    "Read more:",
    "Related: Other story",
    "By Jane Doe",
    "October 16, 2025",
    "Published 16 Oct 2025 09:12",
    "A man. Photo: Agency",
    "Screenshot of a post",
    "Short heading",
    "\"A quoted line,\" she said.",
    "The long paragraph of running text goes on for a while, as news does.",
    "KYIV (Reuters) - A dateline paragraph.",
    "# Title",
    "## Sub",
    "---",
    "title: x",
    "- item",
    "> quote",
    "![alt](x.png)",
    "<p>html &amp; text</p>",
    "{\"body\": \"x\"}",
    "[",
    "\u{1b}[31m",
    "\u{202e}",
    "\r",
    "\t",
    "",
    "é",
    "日本語",
];

proptest! {
    // Failures are reported, not written into the source tree.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for format in FORMATS {
            if let Ok(loaded) = article::parse("p", format, &bytes) {
                for a in &loaded.articles {
                    prop_assert!(check_invariants(a).is_ok(), "{:?}", check_invariants(a));
                }
            }
        }
    }

    #[test]
    fn random_news_like_text_keeps_invariants(picks in proptest::collection::vec((0..PIECES.len(), 0..3usize), 0..40)) {
        let mut text = String::new();
        for (i, sep) in picks {
            text.push_str(PIECES[i]);
            text.push_str(["\n", "\n\n", " "][sep]);
        }
        for format in FORMATS {
            match article::parse("p", format, text.as_bytes()) {
                Ok(loaded) => {
                    for a in &loaded.articles {
                        prop_assert!(check_invariants(a).is_ok(), "{:?} {:?}", check_invariants(a), text);
                    }
                }
                Err(e) => {
                    let message = e.to_string();
                    prop_assert!(message.starts_with("p: ") && !message.contains('\n'), "{}", message);
                }
            }
        }
    }
}
