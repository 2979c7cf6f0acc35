//! `lede find` and `lede search` through the real binary, on a temporary
//! library: aliases, spelling variants, typos, case, accents, a surname two
//! people share, kinds, limits, JSON, and the library API the reader uses.

mod common;

use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::sync::OnceLock;

use lede::library::{FindOptions, Library};
use lede::nlp::EntityKind;

const ARTICLES: &[(&str, &str)] = &[
    (
        "kovalenko.txt",
        "Kyiv talks stall\n\nUkraine's defence minister Andriy Kovalenko met envoys in Kyiv on \
         Monday. Kovalenko said the talks would resume in spring.\n",
    ),
    (
        "zelenskyy.txt",
        "Visit to Berlin\n\nPresident Volodymyr Zelenskyy arrived in Berlin on Friday. \
         Zelenskyy thanked the chancellor for the air defence systems.\n",
    ),
    (
        "trump.txt",
        "Rally in Ohio\n\nPresident Donald Trump spoke to supporters in Columbus on Saturday \
         about tariffs and jobs.\n",
    ),
    (
        "alvarez.txt",
        "Harbour plan\n\nThe engineer José Álvarez presented the harbour plan in Valencia. \
         Álvarez expects work to start next year.\n",
    ),
    (
        "anna-smith.txt",
        "Hospital strike\n\nThe nurse Anna Smith led the strike at the hospital in Leeds. \
         Smith said staff were exhausted. Smith will meet managers again.\n",
    ),
    (
        "john-smith.txt",
        "New mayor\n\nThe new mayor John Smith took office in Sheffield on Tuesday. Smith \
         promised cheaper buses.\n",
    ),
];

/// A library holding [`ARTICLES`], built once for all tests (read-only after).
fn library() -> &'static PathBuf {
    static LIB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &LIB.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        std::fs::create_dir_all(&input).unwrap();
        for (name, text) in ARTICLES {
            std::fs::write(input.join(name), text).unwrap();
        }
        let lib = tmp.path().join("lib");
        let out = run(&lib, &["add", input.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (tmp, lib)
    })
    .1
}

fn run(lib: &PathBuf, args: &[&str]) -> Output {
    let home = lib.parent().unwrap();
    common::lede_in(home)
        .args(args)
        .env("LEDE_LIBRARY", lib)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `lede find ARGS --format json`: the hits as JSON values.
fn find(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["find", "--format", "json"];
    all.extend(args);
    let out = run(library(), &all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Canonical names of the hits of `lede find QUERY`, in order.
fn names(query: &str) -> Vec<String> {
    find(&[query])
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn exact_case_and_typos_find_kovalenko() {
    for query in [
        "Kovalenko",
        "kovalenko",
        "KOVALENKO",
        "Kovalenkko",
        "Kovalneko",
        "Andriy Kovalenko",
        "andrij kovalenko",
    ] {
        assert_eq!(names(query), ["Andriy Kovalenko"], "query {query}");
    }
    assert!(names("Kowelenkko").is_empty(), "three edits is too far");
    assert!(names("Kovalenkoski").is_empty());
}

#[test]
fn hits_carry_kind_counts_and_snippets() {
    let hits = find(&["kovalenkko"]);
    let hit = &hits[0];
    assert_eq!(hit["kind"], "person");
    assert_eq!(hit["count"], 2);
    assert_eq!(hit["matched"], "kovalenko");
    assert_eq!(hit["distance"], 1);
    assert_eq!(hit["title"], "Kyiv talks stall");
    let mentions = hit["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    for m in mentions {
        let snippet: Vec<char> = m["snippet"].as_str().unwrap().chars().collect();
        let (a, b) = (
            m["mark"][0].as_u64().unwrap(),
            m["mark"][1].as_u64().unwrap(),
        );
        let marked: String = snippet[a as usize..b as usize].iter().collect();
        assert!(marked.contains("Kovalenko"), "{marked}");
        assert!(snippet.iter().collect::<String>().contains("said") || a > 0);
    }
    // The text format: a header line, then one snippet line per mention.
    let out = run(library(), &["find", "--color", "never", "Kovalenko"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].contains("person Andriy Kovalenko (2 mentions)"),
        "{text}"
    );
    assert!(lines[1].starts_with("    ") && lines[1].contains("Andriy Kovalenko met envoys"));
    assert!(!text.contains('\x1b'));
    let colored = run(library(), &["find", "--color", "always", "Kovalenko"]);
    assert!(String::from_utf8_lossy(&colored.stdout).contains("\x1b[1;33mKovalenko\x1b[0m"));
}

#[test]
fn variants_and_aliases() {
    assert_eq!(names("Zelensky"), ["Volodymyr Zelenskyy"]);
    assert_eq!(names("Zelenskyy"), ["Volodymyr Zelenskyy"]);
    // The article only says "President Donald Trump".
    assert_eq!(names("Trump"), ["Donald Trump"]);
    assert_eq!(names("donald trump"), ["Donald Trump"]);
}

#[test]
fn accents_fold_both_ways() {
    assert_eq!(names("Jose Alvarez"), ["José Álvarez"]);
    assert_eq!(names("alvarez"), ["José Álvarez"]);
    assert_eq!(names("Álvárez"), ["José Álvarez"]);
}

#[test]
fn a_surname_shared_by_two_people_finds_both_most_mentioned_first() {
    assert_eq!(names("Smith"), ["Anna Smith", "John Smith"]);
    assert_eq!(names("John Smith"), ["John Smith"]);
    // A typo of the full name still picks the right one.
    assert_eq!(names("Jon Smith"), ["John Smith"]);
}

#[test]
fn exact_matches_come_before_typos() {
    // "Smith" is exact for both Smiths; "Smit" is a typo of both.
    let hits = find(&["Smit"]);
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["distance"] == 1));
    let hits = find(&["Berlin"]);
    assert_eq!(hits[0]["distance"], 0);
}

#[test]
fn kind_and_limit_filter() {
    let places = find(&["--kind", "place", "Kyiv"]);
    assert_eq!(places.len(), 1);
    assert_eq!(places[0]["kind"], "place");
    assert!(find(&["--kind", "person", "Kyiv"]).is_empty());
    assert_eq!(find(&["--limit", "1", "Smith"]).len(), 1);
    let out = run(library(), &["find", "--kind", "planet", "Kyiv"]);
    assert_eq!(out.status.code(), Some(2), "a bad --kind is a usage error");
}

#[test]
fn nothing_found_is_not_an_error() {
    let out = run(library(), &["find", "Nobody Atall"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no stored article mentions"));
    let empty = tempfile::tempdir().unwrap();
    let out = run(&empty.path().join("lib"), &["find", "Kovalenko"]);
    assert!(out.status.success());
    assert!(
        !empty.path().join("lib").exists(),
        "find must not create the library"
    );
}

#[test]
fn search_ranks_and_highlights() {
    let out = run(library(), &["search", "--format", "json", "harbour"]);
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["title"], "Harbour plan");
    let snippet: Vec<char> = hits[0]["snippet"].as_str().unwrap().chars().collect();
    let marks = hits[0]["marks"].as_array().unwrap();
    assert!(!marks.is_empty());
    for m in marks {
        let (a, b) = (
            m[0].as_u64().unwrap() as usize,
            m[1].as_u64().unwrap() as usize,
        );
        let word: String = snippet[a..b].iter().collect();
        assert_eq!(word.to_lowercase(), "harbour");
    }
    // Every word is required; accents and case are ignored.
    let out = run(
        library(),
        &["search", "--color", "never", "JOSE", "valencia"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("Harbour plan"));
    let out = run(library(), &["search", "harbour", "Leeds"]);
    assert!(out.stdout.is_empty());
    // FTS syntax in the words is plain text, not an error.
    let out = run(library(), &["search", "AND", "\"strike", "NEAR("]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn search_prefers_more_matches() {
    let out = run(library(), &["search", "--format", "json", "smith"]);
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    // Anna Smith's article names her three times, John Smith's twice.
    assert_eq!(ids, ["\"Hospital strike\"", "\"New mayor\""]);
}

#[test]
fn entity_index_and_articles_for_the_reader() {
    let library = Library::open_existing(library()).unwrap().unwrap();
    let index = library.entity_index().unwrap();
    let smith = index
        .iter()
        .find(|e| e.name == "Anna Smith")
        .expect("Anna Smith listed");
    assert_eq!(
        (smith.kind, smith.articles, smith.mentions),
        (EntityKind::Person, 1, 3)
    );
    assert!(
        index
            .iter()
            .any(|e| e.name == "Kyiv" && e.kind == EntityKind::Place)
    );
    let articles = library
        .entity_articles(EntityKind::Person, "Andriy Kovalenko")
        .unwrap();
    assert_eq!(articles.len(), 1);
    let stored = library.load(&articles[0].id).unwrap();
    let (field, offset) = articles[0].first.unwrap();
    let text: String = stored
        .article
        .field_text(field)
        .unwrap()
        .chars()
        .skip(offset)
        .take(16)
        .collect();
    assert_eq!(text, "Andriy Kovalenko");
    let hits = library
        .find(
            "kovalenkko",
            FindOptions {
                kind: Some(EntityKind::Person),
                limit: 5,
            },
        )
        .unwrap();
    assert_eq!(hits.len(), 1);
}
