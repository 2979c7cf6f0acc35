//! The rule tagger and linker on the real seed article (DESIGN.md's example):
//! the entities a reader expects, and none of the page furniture.

use std::path::PathBuf;

use lede::nlp::rules::RuleTagger;
use lede::nlp::{Analyzer, EntityKind};

fn seed_text() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_913f011d24c4eda7.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: {} not found", path.display());
            None
        }
    }
}

#[test]
fn seed_entities_are_linked_and_clean() {
    let Some(text) = seed_text() else { return };
    let analysis = Analyzer::with_tagger(Box::new(RuleTagger::new())).analyze_text(&text);
    let found: Vec<(EntityKind, &str, &[String])> = analysis
        .entities
        .iter()
        .map(|e| (e.kind, e.name.as_str(), e.aliases.as_slice()))
        .collect();
    for e in &found {
        eprintln!("{:?} {} {:?}", e.0, e.1, e.2);
    }
    let has = |kind: EntityKind, name: &str| found.iter().any(|e| e.0 == kind && e.1 == name);
    use EntityKind::{Organization as Org, Person, Place};
    for name in [
        "Donald Trump",
        "Vladimir Putin",
        "Melania Trump",
        "Marco Rubio",
        "Zelenskyy",
        "Andriy Kovalenko",
    ] {
        assert!(has(Person, name), "missing PERSON {name}");
    }
    for name in [
        "United States",
        "Russia",
        "Ukraine",
        "Middle East",
        "Budapest",
        "Hungary",
        "Washington",
    ] {
        assert!(has(Place, name), "missing PLACE {name}");
    }
    for name in [
        "Reuters",
        "White House",
        "Center for Countering Disinformation",
        "National Security and Defense Council",
        "Congress",
    ] {
        assert!(has(Org, name), "missing ORG {name}");
    }
    for bad in [
        "Advertisement",
        "Photo",
        "First Lady",
        "Secretary of State",
        "Great Accomplishment",
        "Read more",
        "Read",
        "Russian",
        "American",
    ] {
        assert!(
            !analysis.mentions.iter().any(|m| m.text == bad),
            "{bad} tagged as an entity"
        );
    }
    let alias = |name: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.aliases.clone())
            .unwrap_or_default()
    };
    assert!(alias("Zelenskyy").contains(&"Zelensky".to_owned()));
    assert!(alias("United States").contains(&"US".to_owned()));
    // Every bare "Trump" is Donald Trump; Melania Trump has only her full name.
    for m in analysis.mentions.iter().filter(|m| m.text == "Trump") {
        assert_eq!(analysis.entities[m.entity].name, "Donald Trump");
    }
    let people = found.iter().filter(|e| e.0 == Person).count();
    assert_eq!(people, 6, "unexpected extra people: {found:?}");
}
