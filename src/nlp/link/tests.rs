//! Unit tests of linking on short texts through the rule tagger.

use super::*;
use crate::nlp::Analyzer;
use crate::nlp::rules::RuleTagger;

/// These tests pin linking behaviour on the rule tagger's spans, so they do
/// not move when the default (trained model) is retrained.
fn rule_analyzer() -> Analyzer {
    Analyzer::with_tagger(Box::new(RuleTagger::new()))
}

fn entities(text: &str) -> Vec<(String, EntityKind, Vec<String>, usize)> {
    rule_analyzer()
        .analyze_text(text)
        .entities
        .into_iter()
        .map(|e| (e.name, e.kind, e.aliases, e.mentions.len()))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    entities(text).into_iter().map(|e| e.0).collect()
}

#[test]
fn canonical_is_the_fullest_form() {
    let got = entities("Trump spoke first. President Donald Trump then left. Trump returned.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Donald Trump");
    assert_eq!(got[0].2, ["Trump"]);
    assert_eq!(got[0].3, 3);
}

#[test]
fn bare_surname_goes_to_the_most_mentioned_person() {
    let text = "Donald Trump met Xi. Donald Trump spoke. Melania Trump smiled. Later Trump left.";
    let a = rule_analyzer().analyze_text(text);
    let last = a.mentions.last().unwrap();
    assert_eq!(last.text, "Trump");
    assert_eq!(a.entities[last.entity].name, "Donald Trump");
    assert!(a.entities.iter().any(|e| e.name == "Melania Trump"));
}

#[test]
fn a_title_narrows_the_choice() {
    let text =
        "Donald Trump spoke. Melania Trump spoke. Donald Trump spoke again. Mrs. Trump smiled.";
    let a = rule_analyzer().analyze_text(text);
    let last = a.mentions.last().unwrap();
    assert_eq!(last.title.as_deref(), Some("Mrs."));
    assert_eq!(a.entities[last.entity].name, "Melania Trump");
}

#[test]
fn carried_titles_are_preferred() {
    let text = "President Donald Trump spoke. Melania Trump spoke. Melania Trump left. President Trump smiled.";
    let a = rule_analyzer().analyze_text(text);
    let last = a.mentions.last().unwrap();
    assert_eq!(a.entities[last.entity].name, "Donald Trump");
}

#[test]
fn spelling_variants_merge() {
    let got = entities("President Zelenskyy spoke. Later Zelensky left.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Zelenskyy");
    assert_eq!(got[0].2, ["Zelensky"]);
}

#[test]
fn places_link_through_short_forms() {
    let got = entities("The US and the United States and the U.S. agreed.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "United States");
    assert_eq!(got[0].2, ["US", "U.S."]);
}

#[test]
fn acronyms_in_parentheses_link() {
    let got = entities("The Baltic Energy Agency (BEA) warned. Later BEA said more.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Baltic Energy Agency");
    assert_eq!(got[0].3, 3);
}

#[test]
fn different_first_names_stay_apart() {
    assert_eq!(
        names("John Smith met Jane Smith in Paris."),
        ["John Smith", "Jane Smith", "Paris"]
    );
}

#[test]
fn variant_rule() {
    assert!(variant("Zelensky", "Zelenskyy"));
    assert!(variant("Zelenskyy", "Zelenskyi"));
    assert!(!variant("Li", "Liu"));
    assert!(!variant("Smith", "Smithers"));
    assert_eq!(normalise("the U.N.  Agency"), "un agency");
    assert_eq!(initials("European Central Bank"), "ECB");
}
