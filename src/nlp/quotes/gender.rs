//! A person's gender from the article's own words, for pronoun resolution
//! when neither a title nor the given name tells it ("Kari" is a woman's name
//! in Norway and a man's in Finland).
//!
//! Two simple cues, read outside quotes:
//! - an apposition ending in a kinship noun: "Kari Haugland, the striker's
//!   older sister," (female), "Tom Ash, her husband," (male);
//! - reported speech with a pronoun subject right after the verb: "Kari
//!   Haugland said she had ..." (the pronoun is the speaker).
//!
//! A third cue is learned while attributing (see `speaker`): a "she said"
//! resolved to a person makes that person female for later quotes.

use std::collections::HashMap;

use super::cues::is_cue_verb;
use crate::nlp::{Doc, Entity, EntityKind, Mention};

/// Most tokens read in an apposition.
const APPOSITION_TOKENS: usize = 8;

/// Kinship nouns naming women and men.
const FEMALE_NOUNS: &[&str] = &[
    "sister",
    "mother",
    "wife",
    "daughter",
    "widow",
    "grandmother",
    "granddaughter",
    "aunt",
    "niece",
    "girlfriend",
    "stepmother",
    "stepdaughter",
];
const MALE_NOUNS: &[&str] = &[
    "brother",
    "father",
    "husband",
    "son",
    "widower",
    "grandfather",
    "grandson",
    "uncle",
    "nephew",
    "boyfriend",
    "stepfather",
    "stepson",
];

/// Words that open a relative clause, not an apposition.
const RELATIVES: &[&str] = &["who", "whose", "which", "that", "where", "when", "whom"];

/// Gender evidence (`true` male, `false` female) for people among the
/// mentions `local` (indices into `mentions`, sorted by start), first
/// evidence first.
pub(crate) fn from_text(
    doc: &Doc,
    mentions: &[Mention],
    entities: &[Entity],
    local: &[usize],
) -> HashMap<usize, bool> {
    let mut out = HashMap::new();
    for &m in local {
        let Some(mention) = mentions.get(m) else {
            continue;
        };
        let is_person = entities
            .get(mention.entity)
            .is_some_and(|e| e.kind == EntityKind::Person);
        if !is_person || out.contains_key(&mention.entity) {
            continue;
        }
        let next = doc.tokens().partition_point(|t| t.start < mention.end);
        if let Some(male) = apposition(doc, next).or_else(|| reported_pronoun(doc, next)) {
            out.insert(mention.entity, male);
        }
    }
    out
}

/// ", the striker's older sister," starting at token `i`.
fn apposition(doc: &Doc, i: usize) -> Option<bool> {
    let word = |k: usize| (k < doc.tokens().len()).then(|| doc.token_text(k).to_lowercase());
    if word(i)? != "," || RELATIVES.contains(&word(i + 1)?.as_str()) {
        return None;
    }
    let mut last = None;
    for k in i + 1..i + 1 + APPOSITION_TOKENS {
        let w = word(k)?;
        if matches!(w.as_str(), "," | "." | ";" | ":" | "(" | ")") {
            break;
        }
        if doc.tokens().get(k).is_some_and(|t| t.newline_after) {
            last = Some(w);
            break;
        }
        last = Some(w);
    }
    kin_gender(&last?)
}

/// "said she" / "said that he" starting at token `i`.
fn reported_pronoun(doc: &Doc, i: usize) -> Option<bool> {
    let word = |k: usize| (k < doc.tokens().len()).then(|| doc.token_text(k));
    let verb = word(i)?;
    if !verb.chars().next().is_some_and(char::is_lowercase) || !is_cue_verb(verb) {
        return None;
    }
    let mut k = i + 1;
    if word(k)? == "that" {
        k += 1;
    }
    match word(k)? {
        "he" => Some(true),
        "she" => Some(false),
        _ => None,
    }
}

fn kin_gender(noun: &str) -> Option<bool> {
    if FEMALE_NOUNS.contains(&noun) {
        Some(false)
    } else if MALE_NOUNS.contains(&noun) {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_cue(text: &str) -> Option<bool> {
        let doc = Doc::new(text);
        // The mention is the first word; evidence starts at the next token.
        let end = text.chars().take_while(|c| c.is_alphabetic()).count();
        let next = doc.tokens().partition_point(|t| t.start < end);
        apposition(&doc, next).or_else(|| reported_pronoun(&doc, next))
    }

    #[test]
    fn kinship_apposition() {
        assert_eq!(
            first_cue("Kari, the striker's older sister, came."),
            Some(false)
        );
        assert_eq!(first_cue("Tom, her husband, came."), Some(true));
        assert_eq!(first_cue("Kari, whose brother plays, came."), None);
        assert_eq!(first_cue("Kari, the minister, came."), None);
    }

    #[test]
    fn reported_speech_pronoun() {
        assert_eq!(first_cue("Kari said she would stay."), Some(false));
        assert_eq!(first_cue("Tom told reporters he would stay."), None);
        assert_eq!(first_cue("Tom said that he would stay."), Some(true));
        assert_eq!(first_cue("Tom thought she would stay."), None);
    }
}
