//! Unit tests of the rule tagger: what it tags on short news sentences.

use super::*;

fn tagged(text: &str) -> Vec<(String, EntityKind)> {
    let doc = Doc::new(text);
    RuleTagger::new()
        .tag(&doc)
        .into_iter()
        .map(|s| (doc.span_text(s.tokens).to_owned(), s.kind))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    tagged(text).into_iter().map(|(t, _)| t).collect()
}

use EntityKind::{Organization as Org, Person, Place};

#[test]
fn titles_stay_outside_person_spans() {
    let text = "He met President Putin and Secretary of State Marco Rubio.";
    let doc = Doc::new(text);
    let spans = RuleTagger::new().tag(&doc);
    let got: Vec<(&str, Option<&str>)> = spans
        .iter()
        .map(|s| {
            (
                doc.span_text(s.tokens.clone()),
                s.title.clone().map(|t| doc.span_text(t)),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Putin", Some("President")),
            ("Marco Rubio", Some("Secretary of State"))
        ]
    );
}

#[test]
fn a_title_without_a_name_is_nothing() {
    assert_eq!(
        tagged("He thanked the First Lady of the United States for her work."),
        [("United States".to_owned(), Place)]
    );
    assert!(tagged("The Secretary of State said so.").is_empty());
}

#[test]
fn possessive_and_leading_the_stay_outside() {
    assert_eq!(
        tagged("We saw Donald Trump's post about the White House."),
        [
            ("Donald Trump".to_owned(), Person),
            ("White House".to_owned(), Org)
        ]
    );
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert_eq!(
        tagged("Results were mixed. Advertisement. Read more about it."),
        []
    );
    assert_eq!(names("Kovalenko reacted. Now it is late."), ["Kovalenko"]);
}

#[test]
fn title_case_common_words_are_not_entities() {
    assert_eq!(
        tagged("He praised the Great Accomplishment of Peace in the Middle East."),
        [("Middle East".to_owned(), Place)]
    );
    assert!(tagged("It was about the War and the Success of it.").is_empty());
}

#[test]
fn demonyms_are_not_entities() {
    assert_eq!(
        tagged("The Russian dictator Vladimir Putin met American officials."),
        [("Vladimir Putin".to_owned(), Person)]
    );
}

#[test]
fn organization_patterns() {
    assert_eq!(
        tagged(
            "The head of the Center for Countering Disinformation at the National Security and Defense Council spoke."
        ),
        [
            ("Center for Countering Disinformation".to_owned(), Org),
            ("National Security and Defense Council".to_owned(), Org)
        ]
    );
    assert_eq!(
        tagged("Shares of Acme Widgets Inc. fell, the Ministry of Foreign Affairs said."),
        [
            ("Acme Widgets Inc.".to_owned(), Org),
            ("Ministry of Foreign Affairs".to_owned(), Org)
        ]
    );
}

#[test]
fn and_splits_people() {
    // "Trump" is a common word too, but capitalised mid-sentence and never
    // written in lower case here: a surname.
    assert_eq!(
        names("a call between Trump and Putin ended"),
        ["Trump", "Putin"]
    );
    assert_eq!(
        names("a call between Trump and Putin, a trump card"),
        ["Putin"]
    );
}

#[test]
fn places_and_short_forms() {
    assert_eq!(
        tagged("They met in Budapest, Hungary, not in the U.S. or Russia/Ukraine."),
        [
            ("Budapest".to_owned(), Place),
            ("Hungary".to_owned(), Place),
            ("U.S.".to_owned(), Place),
            ("Russia".to_owned(), Place),
            ("Ukraine".to_owned(), Place)
        ]
    );
}

#[test]
fn unknown_acronyms_are_organizations() {
    assert_eq!(
        tagged("the Baltic Energy Agency (BEA) said"),
        [
            ("Baltic Energy Agency".to_owned(), Org),
            ("BEA".to_owned(), Org)
        ]
    );
}

#[test]
fn surnames_that_are_words_need_a_full_mention() {
    assert_eq!(names("Trump wrote a post."), Vec::<String>::new());
    assert_eq!(
        names("Donald Trump spoke. Later Trump wrote a post. Trump left."),
        ["Donald Trump", "Trump", "Trump"]
    );
}

#[test]
fn no_panic_on_odd_input() {
    for text in [
        "",
        " ",
        "\"",
        "President",
        "Mr.",
        "of and the",
        "A-",
        "ÉÉ É",
        "🇺🇦 Kyiv",
    ] {
        let _ = tagged(text);
    }
}

#[test]
fn place_patterns_and_cues() {
    assert_eq!(
        tagged("Fighting in Ghazaliyah spread to Kut Province and the Andaman Sea."),
        [
            ("Ghazaliyah".to_owned(), Place),
            ("Kut Province".to_owned(), Place),
            ("Andaman Sea".to_owned(), Place)
        ]
    );
    assert_eq!(
        tagged("They climbed Mount Kazbek near the Gulf of Finland."),
        [
            ("Mount Kazbek".to_owned(), Place),
            ("Gulf of Finland".to_owned(), Place)
        ]
    );
}

#[test]
fn organization_cues() {
    assert_eq!(
        tagged("He sold it to Cargill, Inc. and to PaineWebber."),
        [
            ("Cargill, Inc.".to_owned(), Org),
            ("PaineWebber".to_owned(), Org)
        ]
    );
    assert_eq!(
        tagged("Enron North America grew, and Enron kept hiring."),
        [
            ("Enron North America".to_owned(), Org),
            ("Enron".to_owned(), Org)
        ]
    );
}

#[test]
fn shouting_and_contractions_are_not_entities() {
    assert_eq!(
        tagged("Please do NOT call. I'd rather you didn't. We're OK, FYI."),
        []
    );
}

#[test]
fn a_lone_given_name_is_a_person() {
    assert_eq!(
        names("Thanks to Mike and Kay for the help."),
        ["Mike", "Kay"]
    );
}
