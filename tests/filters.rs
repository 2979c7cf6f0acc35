//! The `--filters` switch end to end: `none` is exactly the raw model, the
//! default fills what the model misses, and titles reach the mentions.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use lede::nlp::model::ModelTagger;
use lede::nlp::{Analyzer, Doc, EntityKind, Tagger};

/// Short news texts with names, titles, organizations and places.
const TEXTS: &[&str] = &[
    "President Vladimir Putin spoke to Reuters in Moscow on Tuesday.",
    "The head of the Center for Countering Disinformation at the National Security and Defense Council, Andriy Kovalenko, said so.",
    "Zelensky heads to Washington for talks with Trump and Congress",
    "Secretary of State Marco Rubio met officials of the Baltic Energy Agency (BEA) in the Middle East.",
    "",
    "no names here at all.",
];

fn tag_jsonl(filters: &str) -> String {
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = common::lede_in(home.path())
        .args(["tag", "--jsonl", "--filters", filters])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn lede");
    let mut input = String::new();
    for (i, text) in TEXTS.iter().enumerate() {
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The same protocol run in process, through the raw model tagger.
fn raw_model_jsonl() -> String {
    let tagger = ModelTagger::embedded().expect("embedded model");
    let analyzer = Analyzer::with_tagger(Box::new(tagger));
    let mut input = String::new();
    for (i, text) in TEXTS.iter().enumerate() {
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let mut out = Vec::new();
    lede::tag::run_jsonl(&analyzer, input.as_bytes(), &mut out, std::io::sink()).expect("run");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn filters_none_is_the_raw_model() {
    assert_eq!(tag_jsonl("none"), raw_model_jsonl());
}

#[test]
fn default_filters_add_what_the_model_missed() {
    let all = tag_jsonl("all");
    assert_ne!(all, tag_jsonl("none"), "the filters change something here");
    assert!(all.contains("\"text\":\"Congress\""), "{all}");
    assert!(
        all.contains("\"text\":\"Center for Countering Disinformation\""),
        "{all}"
    );
}

#[test]
fn bad_filter_names_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["tag", "--jsonl", "--filters", "bogus"])
        .stdin(Stdio::null())
        .output()
        .expect("run lede");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bogus"));
}

#[test]
fn the_default_analyzer_records_titles_outside_person_spans() {
    let analysis = Analyzer::default()
        .analyze_text("On Monday President Putin met Secretary of State Marco Rubio.");
    let persons: Vec<(&str, Option<&str>)> = analysis
        .mentions
        .iter()
        .filter(|m| analysis.entities[m.entity].kind == EntityKind::Person)
        .map(|m| (m.text.as_str(), m.title.as_deref()))
        .collect();
    assert_eq!(
        persons,
        [
            ("Putin", Some("President")),
            ("Marco Rubio", Some("Secretary of State"))
        ]
    );
    // The raw model never sets a title.
    let doc = Doc::new("On Monday President Putin met Secretary of State Marco Rubio.");
    let raw = ModelTagger::embedded().expect("model").tag(&doc);
    assert!(raw.iter().all(|s| s.title.is_none()));
}
