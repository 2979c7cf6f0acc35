//! Reporting verbs ("said", "wrote", "emphasised") that attribute a quote.
//!
//! The list is the union of the common news reporting verbs (the textacy and
//! GenderGapTracker lists, research note 1.9), kept as lemmas; inflected forms
//! are mapped back by stripping regular suffixes, with a short table of
//! irregular forms.

/// Lemmas of reporting verbs.
const LEMMAS: &[&str] = &[
    "say",
    "tell",
    "write",
    "add",
    "ask",
    "note",
    "emphasize",
    "emphasise",
    "stress",
    "insist",
    "warn",
    "argue",
    "explain",
    "claim",
    "declare",
    "announce",
    "state",
    "tweet",
    "post",
    "reply",
    "continue",
    "recall",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "respond",
    "urge",
    "suggest",
    "predict",
    "report",
    "testify",
    "conclude",
    "describe",
    "mention",
    "comment",
    "contend",
    "concede",
    "complain",
    "maintain",
    "observe",
    "promise",
    "recommend",
    "assert",
    "allege",
    "quip",
    "reveal",
    "exclaim",
    "remark",
    "reiterate",
    "agree",
    "answer",
    "shout",
    "whisper",
    "cry",
    "boast",
    "joke",
    "vow",
    "pledge",
    "caution",
    "counter",
    "retort",
    "plead",
    "demand",
    "recount",
    "muse",
    "scoff",
    "proclaim",
    "affirm",
    "underline",
    "underscore",
    "charge",
    "accuse",
    "lament",
    "tout",
    "wonder",
    "conclude",
    "blog",
    "message",
    "text",
    "email",
];

/// Irregular inflections and their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
];

/// Whether a lower-case word is a form of a reporting verb.
pub(crate) fn is_cue_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    if IRREGULAR.iter().any(|(form, _)| *form == lower) {
        return true;
    }
    lemma_candidates(&lower)
        .iter()
        .any(|lemma| LEMMAS.contains(&lemma.as_str()))
}

/// Possible lemmas of a regular inflected form ("admitted" -> "admit").
fn lemma_candidates(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    for suffix in ["s", "es", "ed", "d", "ing"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().count() < 2 {
                continue;
            }
            out.push(stem.to_owned());
            if suffix == "ing" {
                out.push(format!("{stem}e"));
            }
            if suffix == "ed" || suffix == "ing" {
                out.extend(undoubled(stem));
            }
        }
    }
    for suffix in ["ied", "ies"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            out.push(format!("{stem}y"));
        }
    }
    out
}

/// "admitt" -> "admit", "quipp" -> "quip".
fn undoubled(stem: &str) -> Option<String> {
    let mut chars = stem.chars().rev();
    let (last, before) = (chars.next()?, chars.next()?);
    (last == before).then(|| stem.chars().take(stem.chars().count() - 1).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_are_cues() {
        for word in [
            "said",
            "says",
            "told",
            "wrote",
            "added",
            "adds",
            "asked",
            "noted",
            "emphasized",
            "emphasised",
            "stressed",
            "insisted",
            "warned",
            "argued",
            "explained",
            "claimed",
            "declared",
            "announced",
            "stated",
            "tweeted",
            "posted",
            "replied",
            "continued",
            "recalled",
            "acknowledged",
            "admitted",
            "quipped",
            "denies",
            "saying",
        ] {
            assert!(is_cue_verb(word), "{word}");
        }
    }

    #[test]
    fn other_words_are_not_cues() {
        for word in [
            "sad", "table", "the", "thought", "believed", "went", "s", "",
        ] {
            assert!(!is_cue_verb(word), "{word}");
        }
    }
}
