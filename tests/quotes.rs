//! Quote extraction through the real pipeline (`Analyzer::default()`): the
//! case table in `tests/data/quotes/cases.json` and the seed article.

use std::path::PathBuf;

use lede::article::Field;
use lede::nlp::{Analysis, Analyzer, Doc, Entity, EntityKind, Mention, quotes};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    quotes: Vec<Expected>,
    /// The people, places and organizations of the text, as a perfect tagger
    /// and linker would give them (used by `table_with_given_entities`).
    #[serde(default)]
    entities: Vec<GivenEntity>,
    /// Why the real pipeline is known to get this case wrong (a tagger miss).
    /// Expected values stay as they should be; the case must still fail, so a
    /// fixed case is noticed and its note removed.
    #[serde(default)]
    known_failure: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GivenEntity {
    name: String,
    kind: String,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone)]
struct Expected {
    text: String,
    speaker: Option<String>,
}

fn cases() -> Vec<Case> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/quotes/cases.json");
    let json = std::fs::read_to_string(&path).expect("cases.json is readable");
    serde_json::from_str(&json).expect("cases.json parses")
}

fn found(analysis: &Analysis) -> Vec<Expected> {
    analysis
        .quotes
        .iter()
        .map(|q| Expected {
            text: q.text.clone(),
            speaker: analysis.speaker_name(q).map(str::to_owned),
        })
        .collect()
}

/// Mentions and entities from a case's given entities: every occurrence of
/// each form, longest forms first, never overlapping.
fn given(case: &Case) -> (Vec<Mention>, Vec<Entity>) {
    let mut entities = Vec::new();
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for (i, e) in case.entities.iter().enumerate() {
        entities.push(Entity {
            name: e.name.clone(),
            kind: EntityKind::parse(&e.kind).expect("known kind"),
            aliases: Vec::new(),
            mentions: Vec::new(),
        });
        forms.extend(e.forms.iter().map(|f| (f.as_str(), i)));
    }
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut mentions: Vec<Mention> = Vec::new();
    for (form, entity) in forms {
        for (byte, _) in case.text.match_indices(form) {
            let bytes = byte..byte + form.len();
            if mentions
                .iter()
                .any(|m| m.bytes.start < bytes.end && bytes.start < m.bytes.end)
            {
                continue;
            }
            let start = case.text.get(..byte).unwrap_or("").chars().count();
            mentions.push(Mention {
                field: Field::Body,
                start,
                end: start + form.chars().count(),
                bytes,
                text: form.to_owned(),
                title: None,
                entity,
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(i);
    }
    (mentions, entities)
}

/// Runs every case through the real pipeline and `compare`.
fn check_table(what: &str, compare: impl Fn(&[Expected], &[Expected]) -> bool, honour_known: bool) {
    let analyzer = Analyzer::default();
    check_cases(
        what,
        |case| found(&analyzer.analyze_text(&case.text)),
        compare,
        honour_known,
    );
}

/// Runs every case and fails listing every mismatch. With `honour_known`,
/// cases marked `known_failure` must fail (strictly) and do not count as
/// failures; they are listed with their reason.
fn check_cases(
    what: &str,
    run: impl Fn(&Case) -> Vec<Expected>,
    compare: impl Fn(&[Expected], &[Expected]) -> bool,
    honour_known: bool,
) {
    let cases = cases();
    let mut failures = Vec::new();
    let mut known = Vec::new();
    for case in &cases {
        let got = run(case);
        let ok = compare(&case.quotes, &got);
        let note = case.known_failure.as_ref().filter(|_| honour_known);
        match (ok, note) {
            (true, None) => {}
            (true, Some(_)) => failures.push(format!(
                "{}: passes now; remove its known_failure note",
                case.name
            )),
            (false, note) => {
                let line = format!(
                    "{}:\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                    case.name, case.text, case.quotes, got,
                );
                match note {
                    Some(reason) => known.push(format!("{line}\n  known:    {reason}")),
                    None => failures.push(line),
                }
            }
        }
    }
    let passed = cases.len() - failures.len() - known.len();
    println!(
        "quote table ({what}): {passed}/{} cases pass, {} known failures",
        cases.len(),
        known.len()
    );
    for line in &known {
        println!("KNOWN FAILURE {line}");
    }
    for line in &failures {
        println!("MISMATCH {line}");
    }
    assert!(cases.len() >= 40, "the table needs at least 40 cases");
    assert!(
        failures.is_empty(),
        "{} of {} cases failed ({what})",
        failures.len(),
        cases.len()
    );
}

#[test]
fn table_spans() {
    check_table(
        "spans",
        |expected, got| {
            expected.len() == got.len() && expected.iter().zip(got).all(|(e, g)| e.text == g.text)
        },
        false,
    );
}

#[test]
fn table_spans_and_speakers() {
    check_table("spans and speakers", |expected, got| expected == got, true);
}

/// The quote module alone, given each text's entities as a perfect tagger
/// and linker would find them: isolates quote errors from tagging errors.
#[test]
fn table_with_given_entities() {
    check_cases(
        "given entities",
        |case| {
            let (mentions, entities) = given(case);
            let doc = Doc::new(&case.text);
            quotes::extract(&doc, Field::Body, &mentions, &entities)
                .into_iter()
                .map(|q| Expected {
                    text: q.text,
                    speaker: q.speaker.map(|s| entities[s].name.clone()),
                })
                .collect()
        },
        |expected, got| expected == got,
        false,
    );
}

#[test]
fn seed_article_has_three_attributed_quotes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    let Some(path) = paths
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
    else {
        println!("skipped: no seed text in {}", dir.display());
        return;
    };
    let text = std::fs::read_to_string(&path).expect("seed is readable");
    let analysis = Analyzer::default().analyze_text(&text);
    let speakers: Vec<Option<&str>> = analysis
        .quotes
        .iter()
        .map(|q| analysis.speaker_name(q))
        .collect();
    for q in &analysis.quotes {
        println!("{:?} <- {:?}", q.text, analysis.speaker_name(q));
    }
    assert_eq!(analysis.quotes.len(), 3, "three quotes in the seed");
    assert!(analysis.quotes[1].text.contains("\"inglorious\""));
    assert_eq!(
        speakers,
        [
            Some("Donald Trump"),
            Some("Donald Trump"),
            Some("Andriy Kovalenko")
        ]
    );
}

proptest::proptest! {
    /// Any text: no panic, every quote's offsets index its text in chars,
    /// cues lie outside the quote, speakers point at real entities.
    #[test]
    fn any_text_gives_consistent_quotes(
        text in "(\\PC|[\"'“”‘’«»„\n]|Jane Roe said|he said){0,80}"
    ) {
        let analysis = Analyzer::default().analyze_text(&text);
        let chars: Vec<char> = text.chars().collect();
        for q in &analysis.quotes {
            let inside: String = chars.get(q.start..q.end).unwrap_or(&[]).iter().collect();
            proptest::prop_assert_eq!(&inside, &q.text);
            proptest::prop_assert!(q.speaker.is_none_or(|s| s < analysis.entities.len()));
            if let Some(cue) = &q.cue {
                proptest::prop_assert!(cue.end <= q.start || cue.start >= q.end);
                let cue_text: String = chars.get(cue.start..cue.end).unwrap_or(&[]).iter().collect();
                proptest::prop_assert_eq!(&cue_text, &cue.text);
            }
        }
    }
}
