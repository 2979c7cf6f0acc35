//! A person's name split into a given name and a surname.
//!
//! Words are the whitespace-separated parts of the span's text, so a
//! hyphenated surname ("Okonjo-Reid", which the tokenizer splits into three
//! tokens) stays one word. The surname is the last word together with the
//! lower-case particles before it ("van der Berg", "de la Cruz"); the words
//! before it are the given names. A name without given names ("Okonjo-Reid",
//! "van der Berg") is a bare surname.

/// Lower-case particles that belong to the surname after them.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "du", "la",
    "le", "ter", "ten", "bin", "ibn", "al", "el", "y", "zu", "af", "av",
];

/// A person's name as written in one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonName {
    /// Name words: initials ("J.") and punctuation-only words left out.
    words: Vec<String>,
    /// Index of the first surname word.
    surname_at: usize,
}

impl PersonName {
    /// Splits a person span's text; `None` when no name word is left.
    pub(crate) fn parse(text: &str) -> Option<PersonName> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .filter(|w| !is_initial(w))
            .map(|w| w.trim_end_matches('.').to_owned())
            .collect();
        let last = words.len().checked_sub(1)?;
        let mut surname_at = last;
        while surname_at > 0
            && words
                .get(surname_at - 1)
                .is_some_and(|w| PARTICLES.contains(&w.as_str()))
        {
            surname_at -= 1;
        }
        Some(PersonName { words, surname_at })
    }

    /// The first given name, when the name has one ("Graham").
    pub(crate) fn given(&self) -> Option<&str> {
        if self.surname_at == 0 {
            return None;
        }
        self.words.first().map(String::as_str)
    }

    /// Whether the name has a given name: a full name, not a bare surname.
    pub(crate) fn is_full(&self) -> bool {
        self.surname_at > 0
    }

    /// The surname with its particles ("Okonjo-Reid", "van der Berg").
    pub(crate) fn surname(&self) -> String {
        self.words.get(self.surname_at..).unwrap_or(&[]).join(" ")
    }

    /// The name split at spaces and hyphens ("Graham", "Okonjo", "Reid").
    pub(crate) fn pieces(&self) -> Vec<&str> {
        self.words
            .iter()
            .flat_map(|w| w.split(['-', '‐', '–']))
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// Whether this name, written shorter, ends `other`: "Reid",
    /// "Okonjo-Reid" and "Teixeira Pinto" end "Graham Okonjo-Reid" and
    /// "Manuel Teixeira Pinto".
    pub(crate) fn ends(&self, other: &PersonName) -> bool {
        let (mine, theirs) = (self.pieces(), other.pieces());
        mine.len() < theirs.len() && theirs.ends_with(&mine)
    }
}

/// "J." or "J": a lone initial.
fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && word.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> PersonName {
        PersonName::parse(text).expect("a name")
    }

    #[test]
    fn hyphenated_surname_is_one_word() {
        let n = name("Graham Okonjo-Reid");
        assert_eq!(n.given(), Some("Graham"));
        assert_eq!(n.surname(), "Okonjo-Reid");
        assert!(!name("Okonjo-Reid").is_full());
        assert_eq!(name("Okonjo-Reid").surname(), "Okonjo-Reid");
    }

    #[test]
    fn particles_belong_to_the_surname() {
        let n = name("Pieter van der Berg");
        assert_eq!(n.given(), Some("Pieter"));
        assert_eq!(n.surname(), "van der Berg");
        let bare = name("van der Berg");
        assert!(!bare.is_full());
        assert_eq!(bare.surname(), "van der Berg");
        assert_eq!(name("Ana de la Cruz").surname(), "de la Cruz");
        // A capitalised "Van" is a given name.
        assert_eq!(name("Van Morrison").given(), Some("Van"));
    }

    #[test]
    fn initials_are_dropped() {
        let n = name("George W. Bush");
        assert_eq!(n.given(), Some("George"));
        assert_eq!(n.surname(), "Bush");
        assert_eq!(name("J. Smith").surname(), "Smith");
        assert!(!name("J. Smith").is_full());
        assert!(PersonName::parse("-").is_none());
    }

    #[test]
    fn endings() {
        let full = name("Graham Okonjo-Reid");
        assert!(name("Okonjo-Reid").ends(&full));
        assert!(name("Reid").ends(&full));
        assert!(!name("Okonjo").ends(&full));
        assert!(!full.ends(&full));
        assert!(name("Teixeira Pinto").ends(&name("Manuel Teixeira Pinto")));
        assert!(name("Fernández-Whitfield").ends(&name("Lucía Fernández-Whitfield")));
    }
}
