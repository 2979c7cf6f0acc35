//! Direct quotes and their speakers.
//!
//! Two steps: [`marks`] pairs quote marks into spans (character level, before
//! any NLP), then [`speaker`] attributes each span using the field's tokens and
//! entity mentions. Short spans (one to three words) and Title-Case-only spans
//! are scare quotes or titles of works and are dropped, unless an attribution
//! stands right next to them (`"Yes," she said`, the halves of a split quote).
//!
//! A quote spanning several paragraphs (each reopened with a mark, only the
//! last one closed) is one quote whose text runs from the first opening mark to
//! the last closing mark, so it contains the line breaks and reopening marks.

mod cues;
mod gender;
mod marks;
mod speaker;

use super::{Doc, Entity, Mention, Quote};
use crate::article::Field;
use marks::Span;
use speaker::{Attribution, Context};

/// Fewest words a quote needs unless an attribution sits right next to it.
const MIN_WORDS: usize = 4;

/// Title case leaves articles, conjunctions and prepositions in lower case
/// ("First Results from Borealis-1 over the Lincoln Sea").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "v", "from", "into", "onto", "over", "upon",
    "with", "without", "within", "about", "above", "across", "after", "against", "along", "amid",
    "among", "around", "before", "behind", "below", "beneath", "beside", "between", "beyond",
    "down", "during", "inside", "near", "out", "outside", "past", "since", "than", "through",
    "toward", "towards", "under", "until", "versus", "de", "la", "le", "du", "von", "van", "der",
    "den", "del", "di", "da", "et", "y", "und",
];

/// Finds the direct quotes of one field. `mentions` and `entities` are the
/// whole article's; only mentions of `field` are used.
#[must_use]
pub fn extract(doc: &Doc, field: Field, mentions: &[Mention], entities: &[Entity]) -> Vec<Quote> {
    // A text without a quote mark has no quotes: skip the char analysis.
    if !doc.text().chars().any(marks::is_mark_char) {
        return Vec::new();
    }
    let chars: Vec<char> = doc.text().chars().collect();
    let spans = marks::find_spans(&chars);
    let barriers = spans
        .iter()
        .filter(|s| !looks_like_scare_quote(&chars, s))
        .map(Span::outer)
        .collect();
    let quoted = spans.iter().map(Span::outer).collect();
    let mut ctx = Context::new(doc, &chars, field, mentions, entities, barriers, quoted);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous: Option<(Span, Option<usize>)> = None;
    for span in spans {
        let mut found = ctx.attribute(&span);
        if looks_like_scare_quote(&chars, &span) && !found.adjacent {
            continue;
        }
        if found.is_none() {
            if let Some((prev, Some(who))) = &previous {
                if ctx.carries_over(prev, &span, *who) {
                    found = Attribution::carried(*who);
                }
            }
        }
        previous = Some((span.clone(), found.speaker));
        quotes.push(Quote {
            field,
            start: span.content.start,
            end: span.content.end,
            text: chars
                .get(span.content.clone())
                .unwrap_or(&[])
                .iter()
                .collect(),
            speaker: found.speaker,
            cue: found.cue,
        });
    }
    quotes
}

/// One to three words, or only Title-Case words: a scare quote or a title.
fn looks_like_scare_quote(chars: &[char], span: &Span) -> bool {
    let text: String = chars
        .get(span.content.clone())
        .unwrap_or(&[])
        .iter()
        .collect();
    let words: Vec<&str> = text
        .split(marks::is_space)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.len() < MIN_WORDS {
        return true;
    }
    is_title_case(&words)
}

/// Every word capitalised (or a number) but the small words, and at least
/// one capitalised: a headline or the title of a work. A subtitle after a
/// colon needs nothing more, the colon having been trimmed off its word.
fn is_title_case(words: &[&str]) -> bool {
    let capital = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let small = |w: &&str| TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str());
    words.iter().all(|w| small(w) || capital(w)) && words.iter().any(|w| capital(w) && !small(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::EntityKind;

    /// Runs `extract` with hand-made mentions: every occurrence of each
    /// surface form becomes a mention of the entity with that canonical name.
    fn run(text: &str, names: &[(&str, EntityKind, &str)]) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let (mentions, entities) = hand_made(text, names);
        extract(&doc, Field::Body, &mentions, &entities)
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| entities[s].name.clone())))
            .collect()
    }

    /// Every occurrence of each surface form as a mention of the entity with
    /// that canonical name.
    fn hand_made(text: &str, names: &[(&str, EntityKind, &str)]) -> (Vec<Mention>, Vec<Entity>) {
        let mut entities: Vec<Entity> = Vec::new();
        let mut mentions: Vec<Mention> = Vec::new();
        for &(surface, kind, canonical) in names {
            let entity = entities
                .iter()
                .position(|e| e.name == canonical)
                .unwrap_or_else(|| {
                    entities.push(Entity {
                        name: canonical.to_owned(),
                        kind,
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                    });
                    entities.len() - 1
                });
            for (byte, _) in text.match_indices(surface) {
                let start = text.get(..byte).unwrap_or("").chars().count();
                entities[entity].mentions.push(mentions.len());
                mentions.push(Mention {
                    field: Field::Body,
                    start,
                    end: start + surface.chars().count(),
                    bytes: byte..byte + surface.len(),
                    text: surface.to_owned(),
                    title: None,
                    entity,
                });
            }
        }
        mentions.sort_by_key(|m| m.start);
        (mentions, entities)
    }

    fn one(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_owned(), speaker.map(str::to_owned))
    }

    const ROE: (&str, EntityKind, &str) = ("Jane Roe", EntityKind::Person, "Jane Roe");
    const ROE_SHORT: (&str, EntityKind, &str) = ("Roe", EntityKind::Person, "Jane Roe");

    #[test]
    fn cue_verb_after_quote_with_subject_before_or_after_it() {
        let got = run("\"We are building a new bridge,\" Roe wrote.", &[ROE_SHORT]);
        assert_eq!(
            got,
            [one("We are building a new bridge,", Some("Jane Roe"))]
        );
        let got = run("\"We are building a new bridge,\" said Jane Roe.", &[ROE]);
        assert_eq!(
            got,
            [one("We are building a new bridge,", Some("Jane Roe"))]
        );
    }

    #[test]
    fn cue_verb_before_quote() {
        let got = run(
            "Jane Roe told reporters: \"The bridge opens next spring.\"",
            &[ROE],
        );
        assert_eq!(
            got,
            [one("The bridge opens next spring.", Some("Jane Roe"))]
        );
    }

    #[test]
    fn cue_is_kept_in_field_offsets() {
        let text = "\"We are building a new bridge,\" Roe emphasised.";
        let doc = Doc::new(text);
        let q = extract(&doc, Field::Body, &[], &[]);
        let cue = q[0].cue.clone().expect("cue");
        assert_eq!(cue.text, "emphasised");
        let by_chars: String = text
            .chars()
            .skip(cue.start)
            .take(cue.end - cue.start)
            .collect();
        assert_eq!(by_chars, "emphasised");
    }

    #[test]
    fn according_to() {
        let got = run(
            "The plan was \"a complete waste of public money,\" according to Jane Roe.",
            &[ROE],
        );
        assert_eq!(
            got,
            [one("a complete waste of public money,", Some("Jane Roe"))]
        );
    }

    #[test]
    fn pronoun_and_verb_before_a_colon_keep_the_cue() {
        let text = "Jane Roe spoke next.\nShe said: \"We never agreed to that plan.\"";
        let doc = Doc::new(text);
        let (mentions, entities) = hand_made(text, &[ROE]);
        let q = extract(&doc, Field::Body, &mentions, &entities);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, Some(0));
        assert_eq!(q[0].cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    }

    #[test]
    fn colon_introduction() {
        let got = run("Jane Roe: \"We never agreed to that plan.\"", &[ROE]);
        assert_eq!(
            got,
            [one("We never agreed to that plan.", Some("Jane Roe"))]
        );
    }

    #[test]
    fn pronoun_resolves_to_recent_person_outside_quotes() {
        let text =
            "Jane Roe left the hall early.\n\n\"I spoke with Tom Ash about the money,\" she said.";
        let got = run(text, &[ROE, ("Tom Ash", EntityKind::Person, "Tom Ash")]);
        assert_eq!(
            got,
            [one(
                "I spoke with Tom Ash about the money,",
                Some("Jane Roe")
            )]
        );
    }

    #[test]
    fn pronoun_gender_from_given_name() {
        let text = "Jane Roe met Tom Ash at noon.\n\"The talks went nowhere at all,\" she said.";
        let got = run(text, &[ROE, ("Tom Ash", EntityKind::Person, "Tom Ash")]);
        assert_eq!(
            got,
            [one("The talks went nowhere at all,", Some("Jane Roe"))]
        );
        let text = "Jane Roe met Tom Ash at noon.\n\"The talks went nowhere at all,\" he said.";
        let got = run(text, &[ROE, ("Tom Ash", EntityKind::Person, "Tom Ash")]);
        assert_eq!(
            got,
            [one("The talks went nowhere at all,", Some("Tom Ash"))]
        );
    }

    #[test]
    fn inserted_clause_is_skipped_when_finding_the_subject() {
        let ash = ("Tom Ash", EntityKind::Person, "Tom Ash");
        let got = run(
            "\"The ferry runs hourly from May,\" Jane Roe, a friend of Tom Ash, said.",
            &[ROE, ash],
        );
        assert_eq!(
            got,
            [one("The ferry runs hourly from May,", Some("Jane Roe"))]
        );
        let got = run(
            "Jane Roe, who met Tom Ash, said: \"The ferry runs hourly from May.\"",
            &[ROE, ash],
        );
        assert_eq!(
            got,
            [one("The ferry runs hourly from May.", Some("Jane Roe"))]
        );
    }

    #[test]
    fn full_stop_inside_marks_ends_the_sentence() {
        let got = run(
            "Hello.\n\"The ferry runs hourly from May.\" Jane Roe said more.",
            &[ROE],
        );
        assert_eq!(got, [one("The ferry runs hourly from May.", None)]);
        let got = run("\"The ferry runs hourly from May.\" she said.", &[]);
        assert_eq!(got[0].0, "The ferry runs hourly from May.");
    }

    #[test]
    fn i_and_we_are_never_speakers() {
        let got = run(
            "Jane Roe came.\n\"The rain will not stop us now,\" I said.",
            &[ROE],
        );
        assert_eq!(got, [one("The rain will not stop us now,", None)]);
    }

    #[test]
    fn organization_speaker() {
        let got = run(
            "\"The port will reopen on Monday morning,\" the Harbour Authority said.",
            &[(
                "Harbour Authority",
                EntityKind::Organization,
                "Harbour Authority",
            )],
        );
        assert_eq!(
            got,
            [one(
                "The port will reopen on Monday morning,",
                Some("Harbour Authority")
            )]
        );
    }

    #[test]
    fn split_quote_is_two_spans_with_one_speaker() {
        let got = run("\"We will,\" Roe said, \"win this.\"", &[ROE_SHORT]);
        assert_eq!(
            got,
            [
                one("We will,", Some("Jane Roe")),
                one("win this.", Some("Jane Roe"))
            ]
        );
    }

    #[test]
    fn quote_only_paragraph_inherits_speaker() {
        let text = "\"The bridge is safe for every car,\" Roe said.\n\n\"Trucks must wait another month.\"";
        let got = run(text, &[ROE_SHORT]);
        assert_eq!(
            got,
            [
                one("The bridge is safe for every car,", Some("Jane Roe")),
                one("Trucks must wait another month.", Some("Jane Roe")),
            ]
        );
    }

    #[test]
    fn no_carry_over_past_another_name() {
        let ash = ("Tom Ash", EntityKind::Person, "Tom Ash");
        let text = "\"The bridge is safe for every car,\" Jane Roe said. Tom Ash disagreed.\n\n\"Trucks must wait another month.\"";
        let got = run(text, &[ROE, ash]);
        assert_eq!(got[1], one("Trucks must wait another month.", None));
    }

    #[test]
    fn unattributed_quote_has_no_speaker() {
        let got = run(
            "Jane Roe left.\n\nA sign read \"no entry after dark for anyone\" today.",
            &[ROE],
        );
        assert_eq!(got, [one("no entry after dark for anyone", None)]);
    }

    #[test]
    fn speaker_never_comes_from_inside_the_quote() {
        let got = run("\"Jane Roe said we should all go home now.\"", &[ROE]);
        assert_eq!(got, [one("Jane Roe said we should all go home now.", None)]);
    }

    fn scare(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let span = Span {
            open: 0,
            close: None,
            content: 0..chars.len(),
        };
        looks_like_scare_quote(&chars, &span)
    }

    #[test]
    fn short_and_title_case_spans_are_scare_quotes() {
        assert!(scare("Victory Fund"));
        assert!(scare("The Lord of the Rings"));
        assert!(scare("a total farce"));
        assert!(!scare("we are not leaving this town"));
        assert!(scare(
            "Thin Margins: First Results from Borealis-1 over the Lincoln Sea"
        ));
        assert!(scare("A Walk through the Valley: Notes on Rain"));
        assert!(!scare("over and out and through"));
        assert!(!scare("Nobody at this company wants to lose a colleague."));
    }

    #[test]
    fn no_marks_no_quotes() {
        let doc = Doc::new("Nothing quoted here, Mr Smith's dog said nothing.");
        assert!(extract(&doc, Field::Body, &[], &[]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_valid_offsets(text in "[a-zA-Z ,.:\\n\"'“”‘’«»„]{0,120}") {
            let doc = Doc::new(&text);
            let chars: Vec<char> = text.chars().collect();
            for q in extract(&doc, Field::Body, &[], &[]) {
                proptest::prop_assert!(q.start < q.end && q.end <= chars.len());
                let inside: String = chars[q.start..q.end].iter().collect();
                proptest::prop_assert_eq!(inside, q.text);
            }
        }
    }
}
