//! Re-attaching highlights to an article that changed (the Hypothesis
//! selector model): a highlight remembers its field, char offsets, exact text
//! and some context; placing it tries, in order,
//!
//! 1. the offsets, when the text there is still the exact text;
//! 2. the exact text elsewhere, several occurrences told apart by how well
//!    the text around each matches the stored prefix and suffix;
//! 3. a fuzzy match (edit distance at most [`FUZZ`] of its length), scored by
//!    closeness and context.
//!
//! Its own field is searched first, then the others (a caption may have
//! become a paragraph). A highlight found nowhere is marked orphaned and kept
//! as it was. Pure functions: no I/O.

use crate::article::{Article, Field};

use super::highlights::{CONTEXT_CHARS, Highlight, NewHighlight};

/// The largest edit distance a fuzzy match may have, as a share of the
/// highlight's length.
pub const FUZZ: f64 = 0.2;

/// How a highlight was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Its offsets still hold its exact text.
    Offsets,
    /// Its exact text was found elsewhere.
    Exact,
    /// Text close to it was found.
    Fuzzy,
    /// Nowhere: it is orphaned.
    Orphaned,
}

/// Places a highlight in `article`. Returns the highlight with its selector
/// brought up to date (offsets, text, context, `orphaned`) and how it was
/// placed; an orphan keeps its old selector so a later version may place it.
#[must_use]
pub fn reanchor(h: &Highlight, article: &Article) -> (Highlight, Method) {
    let mut fields = vec![h.field];
    fields.extend(
        article
            .analysed_fields()
            .into_iter()
            .map(|(f, _)| f)
            .filter(|f| *f != h.field),
    );
    if article.title_derived && h.field != Field::Title {
        fields.push(Field::Title);
    }
    let selector = Selector {
        text: &h.text,
        prefix: &h.prefix,
        suffix: &h.suffix,
        start: h.start,
        end: h.end,
    };
    for field in fields {
        let Some(field_text) = article.field_text(field) else {
            continue;
        };
        let chars: Vec<char> = field_text.chars().collect();
        let found = if field == h.field {
            locate(&chars, &selector)
        } else {
            locate_moved(&chars, &selector)
        };
        if let Some((start, end, method)) = found {
            let fresh = NewHighlight::from_text(&h.article_id, field, field_text, start, end);
            let placed = Highlight {
                field,
                start: fresh.start,
                end: fresh.end,
                text: fresh.text,
                prefix: fresh.prefix,
                suffix: fresh.suffix,
                orphaned: false,
                ..h.clone()
            };
            return (placed, method);
        }
    }
    let orphan = Highlight {
        orphaned: true,
        ..h.clone()
    };
    (orphan, Method::Orphaned)
}

/// What is searched for.
#[derive(Debug, Clone, Copy)]
pub struct Selector<'a> {
    /// The exact text.
    pub text: &'a str,
    /// Context before it.
    pub prefix: &'a str,
    /// Context after it.
    pub suffix: &'a str,
    /// Its old first char.
    pub start: usize,
    /// Its old end.
    pub end: usize,
}

/// Finds a selector in one field's chars by offsets, exact text, then fuzzy
/// match; `(start, end, method)`.
#[must_use]
pub fn locate(chars: &[char], s: &Selector<'_>) -> Option<(usize, usize, Method)> {
    let text: Vec<char> = s.text.chars().collect();
    if s.end <= chars.len() && s.start <= s.end && chars.get(s.start..s.end) == Some(&text[..]) {
        return Some((s.start, s.end, Method::Offsets));
    }
    locate_moved(chars, s)
}

/// As [`locate`] without trying the old offsets.
fn locate_moved(chars: &[char], s: &Selector<'_>) -> Option<(usize, usize, Method)> {
    let text: Vec<char> = s.text.chars().collect();
    if text.is_empty() {
        return None;
    }
    let ctx = Context::new(chars, s);
    let exact = occurrences(chars, &text);
    if let Some(&best) = exact.iter().max_by(|a, b| {
        ctx.score(a.0, a.1)
            .total_cmp(&ctx.score(b.0, b.1))
            .then(b.0.cmp(&a.0))
    }) {
        return Some((best.0, best.1, Method::Exact));
    }
    let max = max_distance(text.len());
    if max == 0 {
        return None;
    }
    let len = text.len() as f64;
    fuzzy_matches(chars, &text, max)
        .into_iter()
        .map(|(start, end, d)| {
            let score = 2.0 * (1.0 - d as f64 / len) + ctx.score(start, end);
            (start, end, score)
        })
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
        .map(|(start, end, _)| (start, end, Method::Fuzzy))
}

/// The edit distance allowed for a text of `len` chars.
fn max_distance(len: usize) -> usize {
    (len as f64 * FUZZ).floor() as usize
}

/// Every `(start, end)` where `needle` occurs in `hay`, overlapping ones too.
fn occurrences(hay: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| (i, i + needle.len()))
        .collect()
}

/// Approximate occurrences of `pattern` in `hay` (Sellers' algorithm: edit
/// distance with a free start anywhere in `hay`), tracking where each match
/// starts. Returns `(start, end, distance)` for each end with a distance of
/// at most `max` that is a local best (no better match ends next to it).
fn fuzzy_matches(hay: &[char], pattern: &[char], max: usize) -> Vec<(usize, usize, usize)> {
    let m = pattern.len();
    // cost[i], start[i]: best alignment of pattern[..i] ending at the current hay position.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut ends: Vec<(usize, usize, usize)> = Vec::new();
    for (j, &c) in hay.iter().enumerate() {
        let (mut diag_cost, mut diag_start) = (cost[0], start[0]);
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let sub = diag_cost + usize::from(pattern[i - 1] != c);
            let del = cost[i - 1] + 1;
            let ins = cost[i] + 1;
            let (best, from) = if sub <= del && sub <= ins {
                (sub, diag_start)
            } else if del <= ins {
                (del, start[i - 1])
            } else {
                (ins, start[i])
            };
            (diag_cost, diag_start) = (cost[i], start[i]);
            cost[i] = best;
            start[i] = from;
        }
        if cost[m] <= max {
            ends.push((start[m], j + 1, cost[m]));
        }
    }
    local_bests(ends)
}

/// Keeps, of each run of overlapping candidates, those with the smallest distance.
fn local_bests(ends: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    let mut group: Vec<(usize, usize, usize)> = Vec::new();
    let flush = |group: &mut Vec<(usize, usize, usize)>, out: &mut Vec<_>| {
        if let Some(min) = group.iter().map(|g| g.2).min() {
            out.extend(group.iter().filter(|g| g.2 == min));
        }
        group.clear();
    };
    for e in ends {
        if group.last().is_some_and(|g| e.0 >= g.1) {
            flush(&mut group, &mut out);
        }
        group.push(e);
    }
    flush(&mut group, &mut out);
    out
}

/// Scores candidate places by how well their surroundings match the
/// stored context, and by closeness to the old place as a tie-break.
struct Context<'a> {
    chars: &'a [char],
    prefix: Vec<char>,
    suffix: Vec<char>,
    old_start: usize,
}

impl<'a> Context<'a> {
    fn new(chars: &'a [char], s: &Selector<'_>) -> Context<'a> {
        let prefix: Vec<char> = s.prefix.chars().collect();
        let skip = prefix.len().saturating_sub(CONTEXT_CHARS);
        Context {
            chars,
            prefix: prefix.get(skip..).unwrap_or(&[]).to_vec(),
            suffix: s.suffix.chars().take(CONTEXT_CHARS).collect(),
            old_start: s.start,
        }
    }

    /// Context similarity of the place `start..end`: 0 to 2 (prefix plus
    /// suffix), less a hair for distance from the old place.
    fn score(&self, start: usize, end: usize) -> f64 {
        let before = self
            .chars
            .get(start.saturating_sub(self.prefix.len())..start)
            .unwrap_or(&[]);
        let after_end = end.saturating_add(self.suffix.len()).min(self.chars.len());
        let after = self.chars.get(end..after_end).unwrap_or(&[]);
        let distance = start.abs_diff(self.old_start) as f64;
        similarity(&self.prefix, before) + similarity(&self.suffix, after)
            - distance / (1.0 + self.chars.len() as f64) * 1e-3
    }
}

/// 1 minus the normalised edit distance; two empty contexts are alike.
fn similarity(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let d = strsim::generic_levenshtein(&a.to_vec(), &b.to_vec());
    1.0 - d as f64 / a.len().max(b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "Budget talks\n\n\
        The minister said the budget would pass before winter. \
        Critics disagreed sharply with that view.\n\n\
        Markets rose on Tuesday. The minister said the budget would pass before spring.";

    fn article(text: &str) -> Article {
        crate::article::load_bytes("a.txt", text.as_bytes()).unwrap()
    }

    /// The char offset of byte `b` of `text`.
    fn char_at(text: &str, b: usize) -> usize {
        text.get(..b).unwrap().chars().count()
    }

    fn highlight(a: &Article, needle: &str, nth: usize) -> Highlight {
        let start_byte = a.body.match_indices(needle).nth(nth).unwrap().0;
        let start = char_at(&a.body, start_byte);
        let end = start + needle.chars().count();
        let new = NewHighlight::from_text(&a.id, Field::Body, &a.body, start, end);
        Highlight {
            id: 1,
            article_id: new.article_id,
            field: new.field,
            start: new.start,
            end: new.end,
            text: new.text,
            prefix: new.prefix,
            suffix: new.suffix,
            note: Some("n".into()),
            created: 5,
            updated: 6,
            orphaned: false,
        }
    }

    fn at<'a>(a: &'a Article, h: &Highlight) -> &'a str {
        let from = a.body.char_indices().nth(h.start).unwrap().0;
        let to = a
            .body
            .char_indices()
            .nth(h.end)
            .map_or(a.body.len(), |c| c.0);
        a.body.get(from..to).unwrap()
    }

    #[test]
    fn unchanged_text_keeps_offsets() {
        let a = article(ORIGINAL);
        let h = highlight(&a, "Critics disagreed", 0);
        let (placed, how) = reanchor(&h, &a);
        assert_eq!(how, Method::Offsets);
        assert_eq!(placed, h);
    }

    #[test]
    fn a_paragraph_inserted_before_shifts_it() {
        let before = article(ORIGINAL);
        let h = highlight(&before, "Critics disagreed sharply", 0);
        let after = article(&ORIGINAL.replace(
            "\n\nThe minister",
            "\n\nA new first paragraph with news.\n\nThe minister",
        ));
        let (placed, how) = reanchor(&h, &after);
        assert_eq!(how, Method::Exact);
        assert_eq!(at(&after, &placed), "Critics disagreed sharply");
        assert!(placed.start > h.start);
        assert_eq!((placed.note.as_deref(), placed.created), (Some("n"), 5));
    }

    #[test]
    fn a_typo_fixed_inside_is_found_fuzzily() {
        let typo = ORIGINAL.replace("disagreed sharply", "disagred sharply");
        let before = article(&typo);
        let h = highlight(&before, "Critics disagred sharply with that view.", 0);
        let after = article(ORIGINAL);
        let (placed, how) = reanchor(&h, &after);
        assert_eq!(how, Method::Fuzzy);
        assert_eq!(
            at(&after, &placed),
            "Critics disagreed sharply with that view."
        );
        assert_eq!(placed.text, "Critics disagreed sharply with that view.");
        assert!(!placed.orphaned);
    }

    #[test]
    fn the_same_text_twice_is_told_apart_by_context() {
        let before = article(ORIGINAL);
        let sentence = "The minister said the budget would pass";
        let first = highlight(&before, sentence, 0);
        let second = highlight(&before, sentence, 1);
        // A new paragraph holding the sentence a third time lands nearest to
        // the first one's old offset; only the context tells them apart.
        let after = article(&ORIGINAL.replace(
            "Budget talks\n\n",
            "Budget talks\n\nYesterday: The minister said the budget would pass soon.\n\n",
        ));
        let starts: Vec<usize> = after
            .body
            .match_indices(sentence)
            .map(|(b, _)| char_at(&after.body, b))
            .collect();
        assert_eq!(starts.len(), 3);
        let (placed, how) = reanchor(&first, &after);
        assert_eq!((placed.start, how), (starts[1], Method::Exact));
        let (placed, how) = reanchor(&second, &after);
        assert_eq!((placed.start, how), (starts[2], Method::Exact));
    }

    #[test]
    fn deleted_text_orphans_but_keeps_the_highlight() {
        let before = article(ORIGINAL);
        let h = highlight(&before, "Critics disagreed sharply with that view.", 0);
        let after = article(&ORIGINAL.replace(" Critics disagreed sharply with that view.", ""));
        let (placed, how) = reanchor(&h, &after);
        assert_eq!(how, Method::Orphaned);
        assert!(placed.orphaned);
        assert_eq!((placed.start, placed.end), (h.start, h.end));
        assert_eq!(placed.text, h.text);
        // A later version that has the text again places it.
        let (back, how) = reanchor(&placed, &before);
        assert_eq!(how, Method::Offsets);
        assert!(!back.orphaned);
    }

    #[test]
    fn too_many_edits_orphan() {
        let before = article(ORIGINAL);
        let h = highlight(&before, "Markets rose on Tuesday.", 0);
        let after = article(&ORIGINAL.replace("Markets rose on Tuesday.", "Bonds fell on Friday."));
        assert_eq!(reanchor(&h, &after).1, Method::Orphaned);
    }

    #[test]
    fn edges_empty_text_past_the_end_and_non_ascii() {
        let chars: Vec<char> = "Zoë sagte: „Wir kommen“. Ende.".chars().collect();
        let s = Selector {
            text: "„Wir kommen“",
            prefix: "Zoë sagte: ",
            suffix: ". Ende.",
            start: 500,
            end: 512,
        };
        assert_eq!(locate(&chars, &s), Some((11, 23, Method::Exact)));
        let typo = Selector {
            text: "„Wir komen“",
            ..s
        };
        assert_eq!(locate(&chars, &typo), Some((11, 23, Method::Fuzzy)));
        let empty = Selector {
            text: "",
            prefix: "",
            suffix: "",
            start: 99,
            end: 99,
        };
        assert_eq!(locate(&chars, &empty), None);
        assert_eq!(locate(&[], &s), None);
        let reversed = Selector {
            start: 5,
            end: 2,
            ..s
        };
        assert_eq!(locate(&chars, &reversed).map(|r| r.0), Some(11));
        // A one-char highlight gets no fuzz.
        let one = Selector {
            text: "q",
            prefix: "",
            suffix: "",
            start: 0,
            end: 1,
        };
        assert_eq!(locate(&chars, &one), None);
    }

    #[test]
    fn a_highlight_in_a_missing_caption_moves_to_the_body() {
        let a = article(ORIGINAL);
        let mut h = highlight(&a, "Markets rose", 0);
        h.field = Field::Caption(3);
        let (placed, how) = reanchor(&h, &a);
        assert_eq!((placed.field, how), (Field::Body, Method::Exact));
    }

    #[test]
    fn sellers_finds_start_and_end() {
        let hay: Vec<char> = "xxabcdefxx".chars().collect();
        let pat: Vec<char> = "abXdef".chars().collect();
        let found = fuzzy_matches(&hay, &pat, 1);
        assert!(found.contains(&(2, 8, 1)), "{found:?}");
    }
}
