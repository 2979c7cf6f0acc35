//! Turns the gazetteer text lists into the tables [`super::Gazetteers`]
//! reads. The build script (`build/main.rs`) runs this once and embeds the
//! result, so it has no dependency on the rest of the crate: the tokenizer
//! comes in as a function.
//!
//! Rules (unchanged from when the lists were parsed at start-up): a place,
//! organization or title entry flags its first token and joins the phrase
//! list of that token (longest first; at equal length organizations before
//! places before titles; otherwise list order); the other lists only set
//! word flags; a given name keeps the gender of the first list naming it;
//! a common word also flags its capitalised form.

use std::collections::HashMap;

use super::flags::{
    CITY, COMMON, COUNTRY, DEMONYM, FIRST_NAME, FIRST_NAME_FEMALE, FIRST_NAME_MALE, NON_ENTITY,
    ORG, ORG_PREFIX, ORG_SUFFIX, PHRASE_START, PLACE, PLACE_PREFIX, PLACE_SUFFIX, REGION,
    SUBDIVISION, SURNAME, TITLE,
};

/// Kind code of a place entry.
pub const KIND_PLACE: u8 = 0;
/// Kind code of an organization entry.
pub const KIND_ORG: u8 = 1;
/// Kind code of a title entry.
pub const KIND_TITLE: u8 = 2;
/// Gender code: none.
pub const GENDER_NONE: u8 = 0;
/// Gender code: male.
pub const GENDER_MALE: u8 = 1;
/// Gender code: female.
pub const GENDER_FEMALE: u8 = 2;

/// Every list file the tables are built from.
pub const LIST_FILES: &[&str] = &[
    "countries.txt",
    "subdivisions.txt",
    "cities.txt",
    "regions.txt",
    "landmarks.txt",
    "organizations.txt",
    "org_suffixes.txt",
    "org_prefixes.txt",
    "place_suffixes.txt",
    "place_prefixes.txt",
    "titles.txt",
    "demonyms.txt",
    "non_entities.txt",
    "common_words.txt",
    "first_names_us.txt",
    "first_names_intl.txt",
    "surnames.txt",
];

/// The lists the curated-gazetteer filter reads, with their kind code.
pub const CURATED_LISTS: &[(&str, u8)] = &[
    ("organizations.txt", KIND_ORG),
    ("regions.txt", KIND_PLACE),
    ("landmarks.txt", KIND_PLACE),
    ("countries.txt", KIND_PLACE),
];

/// A phrase entry as compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Tokens (at least one).
    pub tokens: Vec<String>,
    /// Kind code.
    pub kind: u8,
    /// Canonical name.
    pub canonical: String,
    /// Gender code.
    pub gender: u8,
}

/// The compiled tables, as ordinary maps.
#[derive(Debug, Default)]
pub struct Compiled {
    /// Word flags.
    pub words: HashMap<String, u32>,
    /// Phrase entries by first token, in lookup order.
    pub phrases: HashMap<String, Vec<Phrase>>,
    /// Canonical place names by surface form.
    pub place_canonical: HashMap<String, String>,
    /// Canonical organization names by surface form.
    pub org_canonical: HashMap<String, String>,
}

/// Splits a surface form into tokens as the tagger's tokenizer does.
pub type Tokenize<'a> = &'a dyn Fn(&str) -> Vec<String>;

/// Builds the tables from `(file name, text)` pairs.
///
/// # Errors
/// The name of a file of [`LIST_FILES`] missing from `files`.
pub fn compile(files: &[(&str, &str)], tokenize: Tokenize<'_>) -> Result<Compiled, String> {
    let list = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
            .ok_or_else(|| name.to_owned())
    };
    let mut c = Compiled::default();
    for (file, flag) in [
        ("countries.txt", COUNTRY),
        ("subdivisions.txt", SUBDIVISION),
        ("cities.txt", CITY),
        ("regions.txt", REGION),
        ("landmarks.txt", REGION),
    ] {
        for (surface, canonical) in entries(list(file)?) {
            c.add_phrase(tokenize, surface, canonical, KIND_PLACE, GENDER_NONE, flag);
        }
    }
    for (surface, canonical) in entries(list("organizations.txt")?) {
        c.add_phrase(tokenize, surface, canonical, KIND_ORG, GENDER_NONE, 0);
    }
    for (surface, hint) in entries(list("titles.txt")?) {
        let gender = match hint {
            "m" => GENDER_MALE,
            "f" => GENDER_FEMALE,
            _ => GENDER_NONE,
        };
        c.add_phrase(tokenize, surface, surface, KIND_TITLE, gender, 0);
    }
    for (file, flag) in [
        ("org_suffixes.txt", ORG_SUFFIX),
        ("org_prefixes.txt", ORG_PREFIX),
        ("place_suffixes.txt", PLACE_SUFFIX),
        ("place_prefixes.txt", PLACE_PREFIX),
        ("demonyms.txt", DEMONYM),
        ("non_entities.txt", NON_ENTITY),
        ("surnames.txt", SURNAME),
    ] {
        for (word, _) in entries(list(file)?) {
            *c.words.entry(word.to_owned()).or_insert(0) |= flag;
        }
    }
    c.add_first_names(list("first_names_intl.txt")?);
    c.add_first_names(list("first_names_us.txt")?);
    c.add_common_words(list("common_words.txt")?);
    for phrases in c.phrases.values_mut() {
        // Stable: list order breaks the remaining ties.
        phrases.sort_by_key(|p| (std::cmp::Reverse(p.tokens.len()), kind_rank(p.kind)));
    }
    Ok(c)
}

impl Compiled {
    fn add_phrase(
        &mut self,
        tokenize: Tokenize<'_>,
        surface: &str,
        canonical: &str,
        kind: u8,
        gender: u8,
        single_flag: u32,
    ) {
        let tokens = tokenize(surface);
        let Some(first) = tokens.first() else {
            return;
        };
        let flag = match (kind, tokens.len()) {
            (KIND_PLACE, 1) => PLACE | single_flag,
            (KIND_ORG, 1) => ORG,
            (KIND_TITLE, _) => TITLE,
            _ => PHRASE_START,
        };
        *self.words.entry(first.clone()).or_insert(0) |= flag;
        let canon_map = match kind {
            KIND_PLACE => Some(&mut self.place_canonical),
            KIND_ORG => Some(&mut self.org_canonical),
            _ => None,
        };
        if let Some(map) = canon_map {
            map.entry(surface.to_owned())
                .or_insert_with(|| canonical.to_owned());
        }
        let list = self.phrases.entry(first.clone()).or_default();
        if list.iter().any(|p| p.tokens == tokens && p.kind == kind) {
            return;
        }
        list.push(Phrase {
            tokens,
            kind,
            canonical: canonical.to_owned(),
            gender,
        });
    }

    /// Given names with a gender column; a name already marked by an earlier
    /// list keeps that gender.
    fn add_first_names(&mut self, list: &str) {
        for (name, gender) in entries(list) {
            let entry = self.words.entry(name.to_owned()).or_insert(0);
            let known = *entry & (FIRST_NAME_MALE | FIRST_NAME_FEMALE | FIRST_NAME) != 0;
            *entry |= FIRST_NAME;
            if !known {
                *entry |= match gender {
                    "m" => FIRST_NAME_MALE,
                    "f" => FIRST_NAME_FEMALE,
                    _ => 0,
                };
            }
        }
    }

    /// Common words, in lower case and capitalised.
    fn add_common_words(&mut self, list: &str) {
        for (word, _) in entries(list) {
            *self.words.entry(word.to_owned()).or_insert(0) |= COMMON;
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                let mut cap: String = first.to_uppercase().collect();
                cap.push_str(chars.as_str());
                *self.words.entry(cap).or_insert(0) |= COMMON;
            }
        }
    }

    /// The word flags of `word` (0 when unknown).
    #[must_use]
    pub fn word_flags(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(0)
    }
}

fn kind_rank(kind: u8) -> u8 {
    match kind {
        KIND_ORG => 0,
        KIND_PLACE => 1,
        _ => 2,
    }
}

/// A first token and its curated entries: (tokens, kind code).
pub type CuratedGroup = (String, Vec<(Vec<String>, u8)>);

/// The curated-gazetteer filter's entries: surface forms (first column) of
/// `lists`, tokenized; a form listed under two kinds, or a one-token form
/// that is a given name or surname by `word_flags`, is left out. Grouped by
/// first token; in each group longest first, then by tokens.
#[must_use]
pub fn curated(
    lists: &[(&str, u8)],
    word_flags: &dyn Fn(&str) -> u32,
    tokenize: Tokenize<'_>,
) -> Vec<CuratedGroup> {
    let mut kinds: HashMap<Vec<String>, Option<u8>> = HashMap::new();
    for (text, kind) in lists {
        for surface in text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap_or(l).trim())
        {
            let tokens = tokenize(surface);
            let person_word = tokens.len() == 1
                && tokens
                    .first()
                    .is_some_and(|t| word_flags(t) & (FIRST_NAME | SURNAME) != 0);
            if tokens.is_empty() || person_word {
                continue;
            }
            let slot = kinds.entry(tokens).or_insert(Some(*kind));
            if *slot != Some(*kind) {
                *slot = None;
            }
        }
    }
    let mut groups: HashMap<String, Vec<(Vec<String>, u8)>> = HashMap::new();
    for (tokens, kind) in kinds {
        let (Some(kind), Some(first)) = (kind, tokens.first().cloned()) else {
            continue;
        };
        groups.entry(first).or_default().push((tokens, kind));
    }
    let mut out: Vec<CuratedGroup> = groups.into_iter().collect();
    for (_, list) in &mut out {
        list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Non-comment, non-empty lines as `(first column, second column or first)`,
/// each trimmed.
pub fn entries(list: &str) -> impl Iterator<Item = (&str, &str)> {
    list.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('\t') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (l.trim(), l.trim()),
        })
}
