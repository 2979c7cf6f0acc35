//! Unit tests of linking on short texts through the rule tagger.

use super::*;
use crate::article::Field;
use crate::nlp::Analyzer;
use crate::nlp::rules::RuleTagger;

/// These tests pin linking behaviour on the rule tagger's spans, so they do
/// not move when the default (trained model) is retrained.
fn rule_analyzer() -> Analyzer {
    Analyzer::with_tagger(Box::new(RuleTagger::new()))
}

const P: EntityKind = EntityKind::Person;

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

/// Links hand-tagged fields: every token-exact occurrence of each form
/// (longest first, never overlapping) is a span of its kind, so these tests
/// do not depend on the tagger.
fn link_forms(
    fields: &[(Field, &str)],
    forms: &[(&str, EntityKind)],
) -> (Vec<Mention>, Vec<Entity>) {
    let docs: Vec<FieldDoc> = fields
        .iter()
        .map(|&(field, text)| FieldDoc {
            field,
            doc: Doc::new(text),
        })
        .collect();
    let mut sorted: Vec<(Vec<String>, EntityKind)> = forms
        .iter()
        .map(|&(f, k)| {
            let d = Doc::new(f);
            let words = (0..d.tokens().len()).map(|i| d.token_text(i).to_owned());
            (words.collect(), k)
        })
        .collect();
    sorted.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let spans: Vec<Vec<EntitySpan>> = docs
        .iter()
        .map(|fd| {
            let n = fd.doc.tokens().len();
            let mut out = Vec::new();
            let mut i = 0;
            while i < n {
                let hit = sorted.iter().find(|(w, _)| {
                    i + w.len() <= n
                        && w.iter()
                            .enumerate()
                            .all(|(k, x)| fd.doc.token_text(i + k) == x)
                });
                match hit {
                    Some((w, kind)) => {
                        out.push(EntitySpan {
                            tokens: i..i + w.len(),
                            kind: *kind,
                            title: None,
                        });
                        i += w.len();
                    }
                    None => i += 1,
                }
            }
            out
        })
        .collect();
    link(&docs, &spans)
}

/// Canonical name of the entity of each mention, in order.
fn linked(fields: &[(Field, &str)], forms: &[(&str, EntityKind)]) -> Vec<(String, String)> {
    let (mentions, entities) = link_forms(fields, forms);
    mentions
        .iter()
        .map(|m| (m.text.clone(), entities[m.entity].name.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

#[test]
fn hyphenated_surnames_link() {
    let got = linked(
        &[(
            Field::Body,
            "Graham Okonjo-Reid spoke. Okonjo-Reid, who runs it, left. Reid said no.",
        )],
        &[("Graham Okonjo-Reid", P), ("Okonjo-Reid", P), ("Reid", P)],
    );
    let g = "Graham Okonjo-Reid";
    assert_eq!(got, pairs(&[(g, g), ("Okonjo-Reid", g), ("Reid", g)]));
}

#[test]
fn multi_word_surnames_link() {
    let forms = [
        ("Lucía Fernández-Whitfield", P),
        ("Fernández-Whitfield", P),
        ("Pieter van der Berg", P),
        ("van der Berg", P),
        ("Manuel Teixeira Pinto", P),
        ("Teixeira Pinto", P),
    ];
    let text = "Teixeira Pinto came. Lucía Fernández-Whitfield, Pieter van der Berg and Manuel \
                Teixeira Pinto met. Fernández-Whitfield spoke, then van der Berg.";
    let (_, entities) = link_forms(&[(Field::Body, text)], &forms);
    let got: Vec<(&str, usize)> = entities
        .iter()
        .map(|e| (e.name.as_str(), e.mentions.len()))
        .collect();
    assert_eq!(
        got,
        [
            ("Manuel Teixeira Pinto", 2),
            ("Lucía Fernández-Whitfield", 2),
            ("Pieter van der Berg", 2)
        ]
    );
}

#[test]
fn a_surname_tagged_as_an_organization_is_the_person() {
    let (mentions, entities) = link_forms(
        &[(Field::Body, "Graham Okonjo-Reid spoke. Okonjo-Reid left.")],
        &[
            ("Graham Okonjo-Reid", P),
            ("Okonjo-Reid", EntityKind::Organization),
        ],
    );
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].kind, P);
    assert_eq!(mentions[1].entity, 0);
}

#[test]
fn a_headline_surname_waits_for_the_full_names() {
    let title = "Haugland double wins the cup";
    let body = "Jonas Haugland scored. The minister Kari Haugland presented the cup. \
                Jonas Haugland spoke. Kari Haugland spoke. Later Haugland moved. Haugland shot.";
    let forms = [("Jonas Haugland", P), ("Kari Haugland", P), ("Haugland", P)];
    let (mentions, entities) = link_forms(&[(Field::Title, title), (Field::Body, body)], &forms);
    assert_eq!(entities.len(), 2);
    let jonas = entities
        .iter()
        .position(|e| e.name == "Jonas Haugland")
        .unwrap();
    assert_eq!(entities[jonas].mentions.len(), 5);
    for m in mentions.iter().filter(|m| m.text == "Haugland") {
        assert_eq!(m.entity, jonas, "{m:?}");
    }
    // Mentions stay in reading order, the headline's first.
    assert_eq!(entities[jonas].mentions[0], 0);
    assert_eq!(mentions[0].field, Field::Title);
}

#[test]
fn a_waiting_surname_respects_its_title() {
    let body = "Mrs Haugland arrived. Jonas Haugland scored. Kari Haugland presented the cup.";
    let docs = [FieldDoc {
        field: Field::Body,
        doc: Doc::new(body),
    }];
    // "Mrs" as the tagger's title of the first "Haugland".
    let spans = vec![vec![
        EntitySpan {
            tokens: 1..2,
            kind: P,
            title: Some(0..1),
        },
        EntitySpan {
            tokens: 4..6,
            kind: P,
            title: None,
        },
        EntitySpan {
            tokens: 8..10,
            kind: P,
            title: None,
        },
    ]];
    let (mentions, entities) = link(&docs, &spans);
    assert_eq!(mentions[0].title.as_deref(), Some("Mrs"));
    assert_eq!(entities[mentions[0].entity].name, "Kari Haugland");
}

#[test]
fn a_lone_given_name_links_when_only_one_person_has_it() {
    let got = linked(
        &[(
            Field::Body,
            "Kasper Lindholm passed. \"Kasper just looked up.\"",
        )],
        &[("Kasper Lindholm", P), ("Kasper", P)],
    );
    let k = "Kasper Lindholm";
    assert_eq!(got, pairs(&[(k, k), ("Kasper", k)]));
    let got = linked(
        &[(
            Field::Body,
            "Kasper Lindholm and Kasper Berg passed. Kasper looked up.",
        )],
        &[("Kasper Lindholm", P), ("Kasper Berg", P), ("Kasper", P)],
    );
    assert_eq!(got[2].1, "Kasper");
}

#[test]
fn a_title_inside_the_span_moves_to_the_mention() {
    let (mentions, entities) = link_forms(
        &[(Field::Body, "Cllr Tobias Hollis spoke. Hollis left.")],
        &[("Cllr Tobias Hollis", P), ("Hollis", P)],
    );
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].name, "Tobias Hollis");
    assert_eq!(mentions[0].text, "Tobias Hollis");
    assert_eq!(mentions[0].title.as_deref(), Some("Cllr"));
    assert_eq!(mentions[0].start, 5);
}

#[test]
fn a_place_in_capitals_is_the_place() {
    let (mentions, entities) = link_forms(
        &[(
            Field::Body,
            "TORONTO — NATO met in Toronto. NEW YORK and BEWU followed.",
        )],
        &[
            ("TORONTO", EntityKind::Organization),
            ("NATO", EntityKind::Organization),
            ("Toronto", EntityKind::Place),
            ("NEW YORK", P),
            ("BEWU", EntityKind::Organization),
        ],
    );
    let got: Vec<(&str, EntityKind)> = mentions
        .iter()
        .map(|m| (entities[m.entity].name.as_str(), entities[m.entity].kind))
        .collect();
    assert_eq!(got[0], ("Toronto", EntityKind::Place));
    assert_eq!(got[1].1, EntityKind::Organization);
    assert_eq!(got[2], ("Toronto", EntityKind::Place));
    assert_eq!(got[3].1, EntityKind::Place);
    assert_eq!(got[4], ("BEWU", EntityKind::Organization));
    assert_eq!(title_case("ST. THOMAS"), "St. Thomas");
}

#[test]
fn an_organization_written_shorter_links_to_the_first_longer_one() {
    let o = EntityKind::Organization;
    let got = linked(
        &[(
            Field::Body,
            "Northlake said so. Northlake Batteries Inc. and Northlake Kansai Energy agreed. \
             Tromsø United won; the Tromsø defence slept.",
        )],
        &[
            ("Northlake", o),
            ("Northlake Batteries Inc.", o),
            ("Northlake Kansai Energy", o),
            ("Tromsø United", o),
            ("Tromsø", o),
        ],
    );
    let n = "Northlake Batteries Inc.";
    let t = "Tromsø United";
    assert_eq!(
        got,
        pairs(&[
            ("Northlake", n),
            (n, n),
            ("Northlake Kansai Energy", "Northlake Kansai Energy"),
            (t, t),
            ("Tromsø", t)
        ])
    );
}

#[test]
fn a_lone_word_starting_an_organization_is_that_organization() {
    let o = EntityKind::Organization;
    let (mentions, entities) = link_forms(
        &[(
            Field::Body,
            "Northlake Batteries Inc. merged. Northlake said more. Jane Ford met Ford Motor. Ford left.",
        )],
        &[
            ("Northlake Batteries Inc.", o),
            ("Northlake", P),
            ("Jane Ford", P),
            ("Ford Motor", o),
            ("Ford", P),
        ],
    );
    let got: Vec<(&str, EntityKind)> = mentions
        .iter()
        .map(|m| (entities[m.entity].name.as_str(), entities[m.entity].kind))
        .collect();
    assert_eq!(got[1], ("Northlake Batteries Inc.", o));
    // A word that is a person's surname stays that person.
    assert_eq!(got[4], ("Jane Ford", P));
}
