//! The shipped entity model: it loads, tags clear cases, carries honest
//! provenance, trains deterministically, and refuses broken files.

use std::io::Write;
use std::ops::Range;
use std::process::{Command, Stdio};

use lede::nlp::features::{FeatureScratch, NoLexicon};
use lede::nlp::model::{Model, ModelError};
use lede::nlp::perceptron::{self, Example, TrainConfig};
use lede::nlp::{Analyzer, EntityKind};
use lede::tag::wire_entities;

fn entities(text: &str) -> Vec<(String, String)> {
    let analysis = Analyzer::default().analyze_text(text);
    wire_entities(&analysis)
        .into_iter()
        .map(|e| (e.label, e.text))
        .collect()
}

fn has(found: &[(String, String)], label: &str, text: &str) -> bool {
    found.iter().any(|(l, t)| l == label && t == text)
}

#[test]
fn test_model_embedded_loads() {
    let model = Model::embedded();
    assert!(model.is_ok(), "embedded model: {:?}", model.err());
}

#[test]
fn test_model_tags_a_clear_person() {
    let found = entities("Yesterday Barack Obama said he was pleased with the result.");
    assert!(has(&found, "PERSON", "Barack Obama"), "{found:?}");
}

#[test]
fn test_model_tags_a_capital_city() {
    let found = entities("The summit will be held in Paris next week.");
    assert!(has(&found, "PLACE", "Paris"), "{found:?}");
}

#[test]
fn test_model_tags_a_well_known_org() {
    let found = entities("Shares of Microsoft fell after the company reported weak sales.");
    assert!(has(&found, "ORG", "Microsoft"), "{found:?}");
}

#[test]
fn test_model_leaves_plain_text_alone() {
    let found = entities("it was a quiet day and nothing much happened at all.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn test_model_header_names_training_files_and_no_dev_split() {
    let Ok(model) = Model::embedded() else {
        panic!("embedded model does not load");
    };
    let header = model.header().to_lowercase();
    assert!(header.contains("-train"), "{header}");
    assert!(header.contains("cc by-sa 4.0"), "{header}");
    assert!(header.contains(env!("CARGO_PKG_VERSION")), "{header}");
    assert!(!header.contains("dev"), "a dev split is named: {header}");
}

type Gold = [(Range<usize>, EntityKind)];

fn tiny_corpus() -> Vec<Example> {
    let docs: [(&str, &Gold); 4] = [
        (
            "Maria Lopez flew to Madrid on Monday.",
            &[(0..11, EntityKind::Person), (20..26, EntityKind::Place)],
        ),
        (
            "Acme Corp hired John Smith.",
            &[
                (0..9, EntityKind::Organization),
                (16..26, EntityKind::Person),
            ],
        ),
        ("Nobody came to the party.", &[]),
        (
            "In Berlin, Lopez met Smith.",
            &[
                (3..9, EntityKind::Place),
                (11..16, EntityKind::Person),
                (21..26, EntityKind::Person),
            ],
        ),
    ];
    let mut scratch = FeatureScratch::default();
    docs.iter()
        .map(|(text, spans)| Example::new(text, spans, &NoLexicon, 14, &mut scratch))
        .collect()
}

#[test]
fn test_model_training_is_deterministic_for_a_seed() {
    let examples = tiny_corpus();
    let config = TrainConfig {
        epochs: 4,
        seed: 42,
        bits: 14,
    };
    let a = perceptron::train(&examples, &config, |_, _| {}).to_bytes();
    let b = perceptron::train(&examples, &config, |_, _| {}).to_bytes();
    assert_eq!(a, b);
    assert!(Model::from_bytes(&a).is_ok());
}

#[test]
fn test_model_corrupt_or_truncated_file_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let examples = tiny_corpus();
    let config = TrainConfig {
        epochs: 1,
        seed: 1,
        bits: 10,
    };
    let bytes = perceptron::train(&examples, &config, |_, _| {}).to_bytes();
    let truncated = dir.path().join("truncated.bin");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    assert!(Model::load(&truncated).is_err());
    let mut flipped = bytes.clone();
    flipped[bytes.len() - 20] ^= 1;
    let corrupt = dir.path().join("corrupt.bin");
    std::fs::write(&corrupt, &flipped).expect("write");
    assert!(matches!(Model::load(&corrupt), Err(ModelError::Checksum)));
    let garbage = dir.path().join("garbage.bin");
    std::fs::write(&garbage, b"not a model at all").expect("write");
    assert!(Model::load(&garbage).is_err());
    assert!(Model::load(&dir.path().join("absent.bin")).is_err());
}

#[test]
fn test_model_cli_rejects_a_corrupt_model_file_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.bin");
    std::fs::write(&path, b"LEDENER\0 truncated").expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["tag", "--jsonl", "--model"])
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lede");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"{\"id\": 1, \"text\": \"Paris\"}\n");
    }
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("model file"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn test_model_cli_can_pick_the_rule_tagger() {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["tag", "--jsonl", "--tagger", "rules"])
        .stdin(Stdio::null())
        .output()
        .expect("run lede");
    assert!(out.status.success());
}
