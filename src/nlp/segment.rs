//! Tokens and sentences with exact offsets.
//!
//! Tokens start from Unicode word boundaries (UAX #29, via
//! `unicode-segmentation`), then news-specific repairs: possessives split off
//! ("Trump" + "'s"), abbreviations and initials keep their period ("U.S.",
//! "Dr.", "J."), runs of periods and dashes stay one token. Hyphens are their
//! own tokens, so "Russia-Ukraine" yields two names.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::doc::Token;

/// Abbreviations that keep their period. Titles among them never end a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Cpl",
    "Adm", "Cmdr", "Maj", "Rev", "Hon", "Pres", "Supt", "St", "Mt", "Ft", "Messrs", "Mme", "Mlle",
    "Gens", "Sens", "Reps", "Atty", "Insp", "Det", "Fr", "Sr", "Jr",
];

/// Abbreviations that keep their period but may end a sentence.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "vs", "etc",
    "approx", "est", "No", "Nos", "Vol", "ca", "cf", "al", "Ph", "Esq",
];

/// Capitalised words that usually start a sentence, used to decide whether an
/// initialism like "U.S." ends one.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "However",
    "Meanwhile",
    "So",
    "Yet",
    "For",
];

/// The texts of the tokens of `text`: how a list entry ("Gulf of Mexico")
/// is split to be matched against a document's tokens.
#[must_use]
pub fn token_texts(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .filter_map(|t| text.get(t.byte_start..t.byte_end))
        .map(str::to_owned)
        .collect()
}

/// Splits `text` into tokens; whitespace is never a token.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (start, word) in text.split_word_bound_indices() {
        if word.chars().all(|c| c.is_whitespace() || c.is_control()) {
            continue;
        }
        push_word(&mut pieces, text, start, word);
    }
    let pieces = merge_periods_and_dashes(text, pieces);
    to_tokens(text, &pieces)
}

/// Adds one UAX #29 word, splitting a possessive or contraction suffix off
/// ("Trump's", "don't", "I'd", "we're", "they'll").
fn push_word(pieces: &mut Vec<Range<usize>>, text: &str, start: usize, word: &str) {
    let end = start + word.len();
    // Every suffix holds an apostrophe (`'`, or `’` whose UTF-8 starts with
    // 0xE2) in its last five bytes; most words have none, so skip the scan.
    let tail = word.as_bytes().get(word.len().saturating_sub(5)..);
    if !tail.is_some_and(|t| t.iter().any(|&b| b == b'\'' || b == 0xE2)) {
        pieces.push(start..end);
        return;
    }
    for suffix in [
        "'s", "’s", "'S", "’S", "n't", "n’t", "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve",
        "'m", "’m",
    ] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            let cut = end - suffix.len();
            if text.is_char_boundary(cut) {
                pieces.push(start..cut);
                pieces.push(cut..end);
                return;
            }
        }
    }
    pieces.push(start..end);
}

/// Glues a period onto abbreviations and initials, and merges runs of periods
/// ("...") and of hyphens ("--").
fn merge_periods_and_dashes(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let piece_text = text.get(piece.clone()).unwrap_or("");
        if let Some(prev) = out.last_mut() {
            let adjacent = prev.end == piece.start;
            let prev_text = text.get(prev.clone()).unwrap_or("");
            let same_run = matches!(piece_text, "." | "-")
                && !prev_text.is_empty()
                && prev_text.chars().all(|c| piece_text.chars().eq([c]));
            if adjacent && (same_run || (piece_text == "." && takes_period(prev_text))) {
                prev.end = piece.end;
                continue;
            }
        }
        out.push(piece);
    }
    out
}

/// Whether a word followed directly by "." is an abbreviation or initial.
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single_letter = first.is_some_and(char::is_uppercase) && chars.next().is_none();
    let initialism = word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic());
    single_letter
        || initialism
        || TITLE_ABBREVIATIONS.contains(&word)
        || OTHER_ABBREVIATIONS.contains(&word)
}

fn to_tokens(text: &str, pieces: &[Range<usize>]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(pieces.len());
    let mut char_pos = 0;
    let mut byte_pos = 0;
    for (i, piece) in pieces.iter().enumerate() {
        char_pos += text
            .get(byte_pos..piece.start)
            .map_or(0, |g| g.chars().count());
        let start = char_pos;
        char_pos += text.get(piece.clone()).map_or(0, |p| p.chars().count());
        byte_pos = piece.end;
        let gap_end = pieces.get(i + 1).map_or(text.len(), |next| next.start);
        let gap = text.get(piece.end..gap_end).unwrap_or("");
        tokens.push(Token {
            byte_start: piece.start,
            byte_end: piece.end,
            start,
            end: char_pos,
            space_after: !gap.is_empty(),
            newline_after: gap.contains('\n'),
        });
    }
    tokens
}

/// Splits tokens into sentences (token index ranges covering every token).
#[must_use]
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let word = |i: usize| {
        tokens
            .get(i)
            .map_or("", |t| text.get(t.byte_start..t.byte_end).unwrap_or(""))
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let boundary = if tokens[i].newline_after {
            true
        } else if is_terminal(word(i)) {
            // Closing quotes and brackets attached to the terminal belong to it.
            while end < tokens.len() && is_closer(word(end)) && !tokens[end - 1].space_after {
                end += 1;
            }
            end >= tokens.len() || tokens[end - 1].newline_after || starts_sentence(word(end))
        } else if word(i).ends_with('.') && word(i).len() > 1 {
            ends_with_abbreviation(word(i), word(i + 1))
        } else {
            false
        };
        if boundary || end >= tokens.len() {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

fn is_terminal(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "“")
}

fn starts_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '„' | '—' | '-'
            )
    })
}

/// Whether a token like "U.S." or "Inc." ends its sentence before `next`.
fn ends_with_abbreviation(word: &str, next: &str) -> bool {
    let stem = word.trim_end_matches('.');
    if TITLE_ABBREVIATIONS.contains(&stem) || stem.chars().count() == 1 {
        return false;
    }
    SENTENCE_STARTERS.contains(&next) || next.starts_with(['"', '“'])
}

#[cfg(test)]
#[allow(clippy::string_slice)] // test inputs are ASCII or checked boundaries
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| text.get(t.byte_start..t.byte_end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn tokenize_splits_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("Trump's aide met Dr. J. Smith in the U.S. on Jan. 5."),
            [
                "Trump", "'s", "aide", "met", "Dr.", "J.", "Smith", "in", "the", "U.S.", "on",
                "Jan.", "5", "."
            ]
        );
    }

    #[test]
    fn tokenize_splits_clitics() {
        assert_eq!(
            words("I'd go; we’re sure they'll've O'Brien's"),
            [
                "I", "'d", "go", ";", "we", "’re", "sure", "they'll", "'ve", "O'Brien", "'s"
            ]
        );
    }

    #[test]
    fn tokenize_handles_curly_quotes_hyphens_and_numbers() {
        assert_eq!(
            words("“Putin’s war,” said a high-level aide… 3.5% of $1,000"),
            [
                "“", "Putin", "’s", "war", ",", "”", "said", "a", "high", "-", "level", "aide",
                "…", "3.5", "%", "of", "$", "1,000"
            ]
        );
    }

    #[test]
    fn tokenize_offsets_are_chars_not_bytes() {
        let text = "Zelenskyy 🇺🇦 met 習近平 in Kyiv.";
        for t in tokenize(text) {
            let by_chars: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(Some(by_chars.as_str()), text.get(t.byte_start..t.byte_end));
        }
    }

    #[test]
    fn sentences_split_on_terminals_but_not_titles() {
        let text = "Dr. Smith met Gen. Jones. They talked in the U.S. The end \"came.\" Next";
        let tokens = tokenize(text);
        let sents: Vec<&str> = sentences(text, &tokens)
            .into_iter()
            .map(|r| {
                text.get(tokens[r.start].byte_start..tokens[r.end - 1].byte_end)
                    .unwrap_or("")
            })
            .collect();
        assert_eq!(
            sents,
            [
                "Dr. Smith met Gen. Jones.",
                "They talked in the U.S.",
                "The end \"came.\"",
                "Next"
            ]
        );
    }

    #[test]
    fn sentences_end_at_line_breaks() {
        let text = "Ukraine's reaction\n\nThe head spoke";
        let tokens = tokenize(text);
        assert_eq!(sentences(text, &tokens), [0..3, 3..6]);
    }

    #[test]
    fn empty_and_whitespace_text_has_no_tokens() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t ").is_empty());
        assert!(sentences("", &[]).is_empty());
    }
}
