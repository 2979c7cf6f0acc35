//! Per-token facts the rules read: gazetteer flags, shape and position.

use crate::nlp::Doc;
use crate::nlp::gazetteer::Gazetteers;

/// What the rules need to know about one token, computed once per doc.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    /// [`Gazetteers::word_flags`] of the token.
    pub flags: u32,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// All letters upper case, at least two of them ("NATO", "U.N.").
    pub acronym: bool,
    /// A single capital with a period ("J.").
    pub initial: bool,
    /// First word of a sentence, or first word after an opening quote or colon.
    pub sentence_start: bool,
    /// One of the lower-case words that may sit inside a name ("of", "and").
    pub connector: Option<Connector>,
    /// A determiner or pronoun that only starts sentences ("The", "His").
    pub determiner: bool,
}

/// Lower-case words allowed inside multi-word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Connector {
    /// "of", "for", "on": joins an organization head to its object.
    Of,
    /// "and", "&": joins parts of one organization name.
    And,
    /// "the" after "of" ("Ministry of the Interior").
    The,
    /// Name particles ("de", "van", "bin").
    Particle,
}

const DETERMINERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My",
    "Your", "Some", "Any", "Every", "Each", "No", "Both", "All",
];

const PARTICLES: &[&str] = &[
    "de", "van", "von", "da", "di", "del", "der", "den", "bin", "ibn", "al", "el", "la", "le",
    "du", "dos", "das", "ter", "ben",
];

fn connector(word: &str) -> Option<Connector> {
    match word {
        "of" | "for" | "on" => Some(Connector::Of),
        "and" | "&" => Some(Connector::And),
        "the" => Some(Connector::The),
        _ if PARTICLES.contains(&word) => Some(Connector::Particle),
        _ => None,
    }
}

fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "\"" | "“" | "‘" | "'" | "«" | "„" | "(" | "[" | ":" | "—" | "–" | "-"
    )
}

/// Computes [`TokenInfo`] for every token of `doc`.
pub(crate) fn token_infos(doc: &Doc, gaz: &Gazetteers) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = (0..doc.tokens().len())
        .map(|i| info(doc.token_text(i), gaz))
        .collect();
    for sentence in doc.sentences() {
        let mut fresh = true;
        for i in sentence.clone() {
            let word = doc.token_text(i);
            let has_alnum = word.chars().any(char::is_alphanumeric);
            if let Some(info) = infos.get_mut(i) {
                if has_alnum {
                    info.sentence_start = fresh;
                    fresh = false;
                } else if is_opener(word) {
                    fresh = true;
                }
            }
        }
    }
    infos
}

fn info(word: &str, gaz: &Gazetteers) -> TokenInfo {
    let mut chars = word.chars();
    let first = chars.next();
    let cap = first.is_some_and(char::is_uppercase);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit());
    let initial = cap && letters == 1 && word.ends_with('.');
    TokenInfo {
        flags: gaz.word_flags(word),
        cap,
        acronym,
        initial,
        sentence_start: false,
        connector: if cap { None } else { connector(word) },
        determiner: DETERMINERS.contains(&word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_sentence_starts() {
        let doc = Doc::new("The U.N. met J. Smith. He said: \"Kyiv and NATO\"");
        let gaz = Gazetteers::global();
        let infos = token_infos(&doc, gaz);
        let words: Vec<&str> = (0..doc.tokens().len()).map(|i| doc.token_text(i)).collect();
        let at = |w: &str| infos[words.iter().position(|x| *x == w).unwrap()];
        assert!(at("The").sentence_start && at("The").determiner);
        assert!(at("U.N.").acronym && at("NATO").acronym);
        assert!(at("J.").initial && !at("Smith").sentence_start);
        assert!(at("He").sentence_start && at("Kyiv").sentence_start);
        assert_eq!(at("and").connector, Some(Connector::And));
    }
}
