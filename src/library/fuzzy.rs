//! Typo-tolerant name matching over case- and accent-folded names.
//!
//! Names are compared after [`fold`]: transliterated to ASCII (`deunicode`,
//! so "Łukasz", "Zelenskyy" and "Зеленський" all become Latin letters),
//! lower-cased, apostrophes and dots dropped ("O'Brien" = "obrien", "U.S." =
//! "us"), every other non-alphanumeric char a single space.
//!
//! A query matches a name when their Damerau-Levenshtein distance is at most
//! 1 for queries of 3 to 8 letters, 2 beyond (1 and 2 letters must match
//! exactly: "Xi" one edit away matches half the alphabet).
//!
//! Why `strsim` over a prefiltered list rather than a Levenshtein automaton
//! over an `fst` set: the `fst` automaton measures plain Levenshtein (a
//! swapped pair costs 2, so "Kovalneko" would need distance 2), it has to be
//! rebuilt whenever a name is added, and building one for distance 2 costs
//! more than the whole scan below. Two cheap necessary conditions (length
//! within the distance, and the sets of letters differing by at most two per
//! edit: [`NameQuery::could_match`]) reject nearly every name of a library
//! before `strsim::damerau_levenshtein` runs on the few left, so a scan of
//! the folded-name table stays in the low milliseconds at 50,000 names.

/// Folds a name for comparison: ASCII transliteration, lower case,
/// apostrophes and dots removed, other separators one space.
#[must_use]
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    let mut space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '.' | '`') {
            space = true;
        }
    }
    out
}

/// A bit per letter or digit present in a folded name (other chars share one
/// bit). One edit changes at most two bits, so masks that differ in more
/// than `2 * distance` bits cannot be within `distance`.
#[must_use]
pub fn letter_mask(folded: &str) -> u64 {
    folded.bytes().fold(0u64, |mask, b| {
        let bit = match b {
            b'a'..=b'z' => u32::from(b - b'a'),
            b'0'..=b'9' => 26 + u32::from(b - b'0'),
            b' ' => return mask,
            _ => 63,
        };
        mask | (1u64 << bit)
    })
}

/// The largest distance a query of `letters` letters tolerates.
#[must_use]
pub fn max_distance(letters: usize) -> usize {
    match letters {
        0..=2 => 0,
        3..=8 => 1,
        _ => 2,
    }
}

/// A folded query, ready to be compared with many folded names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameQuery {
    folded: String,
    len: usize,
    mask: u64,
    max: usize,
}

impl NameQuery {
    /// Folds `query`; `None` when nothing is left to match (no letter or digit).
    #[must_use]
    pub fn new(query: &str) -> Option<NameQuery> {
        let folded = fold(query);
        if folded.is_empty() {
            return None;
        }
        let letters = folded.bytes().filter(u8::is_ascii_alphanumeric).count();
        Some(NameQuery {
            len: folded.len(),
            mask: letter_mask(&folded),
            max: max_distance(letters),
            folded,
        })
    }

    /// The folded query.
    #[must_use]
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The largest edit distance this query tolerates.
    #[must_use]
    pub fn max_distance(&self) -> usize {
        self.max
    }

    /// Cheap test on a folded name's length (bytes = chars: it is ASCII) and
    /// [`letter_mask`]: `false` means it cannot match.
    #[must_use]
    pub fn could_match(&self, len: usize, mask: u64) -> bool {
        len.abs_diff(self.len) <= self.max
            && ((mask ^ self.mask).count_ones() as usize) <= 2 * self.max
    }

    /// The distance to a folded name when it is within the query's limit.
    #[must_use]
    pub fn distance(&self, folded: &str) -> Option<usize> {
        if !self.could_match(folded.len(), letter_mask(folded)) {
            return None;
        }
        if folded == self.folded {
            return Some(0);
        }
        let d = strsim::damerau_levenshtein(&self.folded, folded);
        (d <= self.max).then_some(d)
    }

    /// The best distance of any run of words in `text` (any case or accents)
    /// as long as the query, or of the start of such a run when `prefix`
    /// (type-ahead: "koval" matches "Kovalenko"). For filtering titles and
    /// names as the user types.
    #[must_use]
    pub fn find_in(&self, text: &str, prefix: bool) -> Option<usize> {
        let folded = fold(text);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let n = self.folded.split(' ').count().max(1);
        let mut best: Option<usize> = None;
        for start in 0..words.len() {
            let Some(run) = words.get(start..(start + n).min(words.len())) else {
                continue;
            };
            let run = run.join(" ");
            let d = if prefix {
                self.prefix_distance(&run)
            } else {
                self.distance(&run)
            };
            if let Some(d) = d {
                best = Some(best.map_or(d, |b| b.min(d)));
                if d == 0 {
                    break;
                }
            }
        }
        best
    }

    /// The distance to the closest start of a folded name (the whole name
    /// included), within the query's limit.
    #[must_use]
    pub fn prefix_distance(&self, folded: &str) -> Option<usize> {
        if folded.starts_with(&self.folded) {
            return Some(0);
        }
        let lo = self.len.saturating_sub(self.max);
        let hi = (self.len + self.max).min(folded.len());
        (lo..=hi)
            .filter_map(|cut| folded.get(..cut))
            .map(|head| strsim::damerau_levenshtein(&self.folded, head))
            .filter(|&d| d <= self.max)
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(query: &str, name: &str) -> Option<usize> {
        NameQuery::new(query)?.distance(&fold(name))
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("  Zelénskyy "), "zelenskyy");
        assert_eq!(fold("Łukasz Żurek"), "lukasz zurek");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Okonjo-Reid"), "okonjo reid");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Зеленський"), "zelenskii");
        assert_eq!(fold("—!"), "");
    }

    #[test]
    fn limits_follow_the_query_length() {
        assert_eq!(d("kovalenko", "Kovalenko"), Some(0));
        assert_eq!(d("Kovalenkko", "Kovalenko"), Some(1));
        assert_eq!(d("Kovalneko", "Kovalenko"), Some(1), "a swap is one edit");
        assert_eq!(d("Kovelenkko", "Kovalenko"), Some(2), "ten letters: two");
        assert_eq!(d("Kowelenkko", "Kovalenko"), None, "three edits");
        assert_eq!(d("Zelensky", "Zelenskyy"), Some(1));
        assert_eq!(d("Putn", "Putin"), Some(1));
        assert_eq!(d("Ptn", "Putin"), None, "eight letters or fewer: one edit");
        assert_eq!(d("Xi", "Li"), None, "two letters must be exact");
        assert_eq!(d("XI", "Xi"), Some(0));
        assert_eq!(d("Müller", "Muller"), Some(0));
    }

    #[test]
    fn prefilter_never_rejects_a_match() {
        let names = [
            "kovalenko",
            "kovalenkova",
            "kolavenko",
            "kovalenk",
            "ovalenko",
        ];
        for query in ["kovalenko", "kovalenkko", "kovalnko"] {
            let q = NameQuery::new(query).unwrap();
            for name in names {
                let real = strsim::damerau_levenshtein(q.folded(), name);
                if real <= q.max_distance() {
                    assert!(
                        q.could_match(name.len(), letter_mask(name)),
                        "{query} {name}"
                    );
                }
            }
        }
    }

    #[test]
    fn runs_of_words_and_prefixes() {
        let q = NameQuery::new("kovalenkko").unwrap();
        assert_eq!(q.find_in("Minister Andriy Kovalenko said", false), Some(1));
        assert_eq!(q.find_in("Nothing here", false), None);
        let q = NameQuery::new("andriy koval").unwrap();
        assert_eq!(q.find_in("Minister Andriy Kovalenko said", true), Some(0));
        assert_eq!(q.find_in("Minister Andriy Kovalenko said", false), None);
        let q = NameQuery::new("kovql").unwrap();
        assert_eq!(q.prefix_distance("kovalenko"), Some(1));
        assert!(NameQuery::new("?!").is_none());
    }
}
