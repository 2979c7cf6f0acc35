//! The seed smoke test of "Core 3/3": `lede tag --format json` on the real
//! pasted article in `../shared/seed/`, through the whole pipeline (loader,
//! tagger, linker, quotes). Skipped, with a message, when `../shared` is absent.

mod common;

use std::path::PathBuf;

use serde_json::Value;

fn seed_path() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_913f011d24c4eda7.txt");
    path.exists().then_some(path)
}

fn seed_document() -> Option<Value> {
    let Some(path) = seed_path() else {
        eprintln!("skipped: ../shared/seed is absent");
        return None;
    };
    let home = tempfile::tempdir().expect("temp dir");
    let output = common::lede_in(home.path())
        .args(["tag", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run lede");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let mut lines = stdout.lines();
    let doc = serde_json::from_str(lines.next().expect("one document")).expect("JSON document");
    assert!(lines.next().is_none(), "one article, one line");
    Some(doc)
}

fn entity<'a>(doc: &'a Value, kind: &str, name: &str) -> Vec<&'a Value> {
    doc["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e["kind"] == kind && e["name"] == name)
        .collect()
}

fn all_names(doc: &Value) -> Vec<String> {
    let mut names = Vec::new();
    for e in doc["entities"].as_array().expect("entities") {
        names.push(e["name"].as_str().unwrap_or_default().to_owned());
        for alias in e["aliases"].as_array().expect("aliases") {
            names.push(alias.as_str().unwrap_or_default().to_owned());
        }
    }
    names
}

#[test]
fn seed_has_each_expected_entity_once() {
    let Some(doc) = seed_document() else { return };
    let expected = [
        ("person", "Donald Trump"),
        ("person", "Vladimir Putin"),
        ("person", "Melania Trump"),
        ("person", "Marco Rubio"),
        ("person", "Zelenskyy"),
        ("person", "Andriy Kovalenko"),
        ("place", "United States"),
        ("place", "Russia"),
        ("place", "Ukraine"),
        ("place", "Middle East"),
        ("place", "Budapest"),
        ("place", "Hungary"),
        ("place", "Washington"),
        ("organization", "Reuters"),
        ("organization", "White House"),
        ("organization", "Center for Countering Disinformation"),
        ("organization", "National Security and Defense Council"),
        ("organization", "Congress"),
    ];
    for (kind, name) in expected {
        let found = entity(&doc, kind, name);
        assert_eq!(
            found.len(),
            1,
            "{kind} {name}: found {} times in {:#}",
            found.len(),
            doc["entities"]
        );
    }
    let aliases = |kind, name| -> Vec<Value> {
        entity(&doc, kind, name)[0]["aliases"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    assert!(aliases("person", "Zelenskyy").contains(&Value::from("Zelensky")));
    assert!(aliases("place", "United States").contains(&Value::from("US")));
    assert!(aliases("person", "Donald Trump").contains(&Value::from("Trump")));
    assert!(aliases("person", "Vladimir Putin").contains(&Value::from("Putin")));
}

#[test]
fn seed_has_no_boilerplate_or_title_entities() {
    let Some(doc) = seed_document() else { return };
    let names = all_names(&doc);
    for bad in [
        "Advertisement",
        "Photo",
        "First Lady",
        "Secretary of State",
        "Great Accomplishment",
        "Read more",
    ] {
        assert!(
            !names.iter().any(|n| n.eq_ignore_ascii_case(bad)),
            "{bad} is an entity or alias: {names:?}"
        );
    }
    assert!(
        !doc["body"]
            .as_str()
            .expect("body")
            .contains("Advertisement")
    );
}

#[test]
fn seed_every_trump_mention_but_melania_links_to_donald() {
    let Some(doc) = seed_document() else { return };
    let melania = entity(&doc, "person", "Melania Trump");
    let melania_mentions = melania[0]["mentions"].as_array().expect("mentions");
    assert_eq!(melania_mentions.len(), 1, "{melania_mentions:?}");
    let donald = entity(&doc, "person", "Donald Trump");
    let donald_count = donald[0]["count"].as_u64().expect("count");
    let body = doc["body"].as_str().expect("body");
    let trumps_in_body = body.matches("Trump").count() as u64;
    let donald_in_body = donald[0]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter(|m| m["field"] == "body")
        .count() as u64;
    assert_eq!(
        donald_in_body + 1,
        trumps_in_body,
        "every body 'Trump' but Melania's is Donald's"
    );
    assert!(donald_count >= donald_in_body);
}

#[test]
fn seed_has_exactly_three_attributed_quotes() {
    let Some(doc) = seed_document() else { return };
    let quotes = doc["quotes"].as_array().expect("quotes");
    let speakers: Vec<&str> = quotes
        .iter()
        .map(|q| q["speaker"].as_str().unwrap_or("<none>"))
        .collect();
    assert_eq!(
        speakers,
        ["Donald Trump", "Donald Trump", "Andriy Kovalenko"],
        "{quotes:#?}"
    );
    for quote in quotes {
        let id = quote["speaker_id"].as_str().expect("speaker id");
        let speaker = doc["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .find(|e| e["id"] == id);
        assert_eq!(speaker.map(|e| &e["name"]), Some(&quote["speaker"]));
    }
    assert!(
        quotes[1]["text"]
            .as_str()
            .expect("text")
            .contains("\"inglorious\""),
        "nested scare quote stays inside"
    );
}
