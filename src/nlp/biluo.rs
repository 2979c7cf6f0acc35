//! BILOU tags for PERSON / PLACE / ORG, the conversion between spans and tags,
//! and constrained Viterbi decoding that can only produce valid sequences.
//!
//! A tag is a `u8`: `0` is `O`; for kind `k` (index into [`EntityKind::ALL`])
//! `1 + 4k` is `B-`, `2 + 4k` is `I-`, `3 + 4k` is `L-` and `4 + 4k` is `U-`.
//! A valid sequence starts with `O`, `B-` or `U-`; after `B-X` or `I-X` comes
//! `I-X` or `L-X`; after `O`, `L-` or `U-` comes `O`, `B-` or `U-`; it ends with
//! `O`, `L-` or `U-`. Tokens whose gold tag is unknown (a gold span that does
//! not fall on token boundaries) are "missing" (`None`) and carry no loss.

use std::ops::Range;

use super::EntityKind;

/// Number of BILOU tags over three kinds.
pub const N_TAGS: usize = 13;

/// The `O` tag.
pub const OUTSIDE: u8 = 0;

/// The four positions of a tag inside a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// First token of a multi-token span.
    Begin,
    /// Inner token.
    Inside,
    /// Last token of a multi-token span.
    Last,
    /// A one-token span.
    Unit,
}

/// Builds the tag for `kind` at `position`.
#[must_use]
pub fn tag(kind: EntityKind, position: Position) -> u8 {
    let k = kind_index(kind);
    let p = match position {
        Position::Begin => 1,
        Position::Inside => 2,
        Position::Last => 3,
        Position::Unit => 4,
    };
    k * 4 + p
}

fn kind_index(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
    }
}

/// The kind and position of a tag, or `None` for `O` (and out-of-range tags).
#[must_use]
pub fn split(tag: u8) -> Option<(EntityKind, Position)> {
    if tag == OUTSIDE || usize::from(tag) >= N_TAGS {
        return None;
    }
    let k = (tag - 1) / 4;
    let kind = *EntityKind::ALL.get(usize::from(k))?;
    let position = match (tag - 1) % 4 {
        0 => Position::Begin,
        1 => Position::Inside,
        2 => Position::Last,
        _ => Position::Unit,
    };
    Some((kind, position))
}

/// A readable name such as `B-PERSON` or `O`.
#[must_use]
pub fn name(tag: u8) -> String {
    match split(tag) {
        None => "O".to_owned(),
        Some((kind, p)) => {
            let letter = match p {
                Position::Begin => 'B',
                Position::Inside => 'I',
                Position::Last => 'L',
                Position::Unit => 'U',
            };
            format!("{letter}-{}", kind.label())
        }
    }
}

/// Whether `tag` may open a sequence.
#[must_use]
pub fn can_start(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Position::Inside | Position::Last)))
}

/// Whether `tag` may close a sequence.
#[must_use]
pub fn can_end(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Position::Begin | Position::Inside)))
}

/// Whether `next` may follow `prev`.
#[must_use]
pub fn allowed(prev: u8, next: u8) -> bool {
    match split(prev) {
        Some((kind, Position::Begin | Position::Inside)) => matches!(
            split(next),
            Some((k, Position::Inside | Position::Last)) if k == kind
        ),
        _ => can_start(next),
    }
}

/// Whether a whole sequence is valid.
#[must_use]
pub fn is_valid(tags: &[u8]) -> bool {
    if tags.iter().any(|&t| usize::from(t) >= N_TAGS) {
        return false;
    }
    match (tags.first(), tags.last()) {
        (Some(&first), Some(&last)) => {
            can_start(first) && can_end(last) && tags.windows(2).all(|w| allowed(w[0], w[1]))
        }
        _ => true,
    }
}

/// Tags for `n` tokens holding the given token spans. Spans must not overlap;
/// an overlapping or out-of-range span is skipped.
#[must_use]
pub fn spans_to_tags(n: usize, spans: &[(Range<usize>, EntityKind)]) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; n];
    for (range, kind) in spans {
        let Some(slot) = tags.get_mut(range.clone()) else {
            continue;
        };
        if range.is_empty() || slot.iter().any(|&t| t != OUTSIDE) {
            continue;
        }
        let len = slot.len();
        for (j, t) in slot.iter_mut().enumerate() {
            let p = match (j, len) {
                (_, 1) => Position::Unit,
                (0, _) => Position::Begin,
                (j, len) if j + 1 == len => Position::Last,
                _ => Position::Inside,
            };
            *t = tag(*kind, p);
        }
    }
    tags
}

/// The spans of a valid tag sequence, in order. Broken pieces of an invalid
/// sequence are read leniently (a lone `I-`/`L-` starts a span).
#[must_use]
pub fn tags_to_spans(tags: &[u8]) -> Vec<(Range<usize>, EntityKind)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let parsed = split(t);
        if let Some((start, kind)) = open {
            let continues =
                matches!(parsed, Some((k, Position::Inside | Position::Last)) if k == kind);
            if !continues {
                spans.push((start..i, kind));
                open = None;
            }
        }
        match parsed {
            None => {}
            Some((kind, Position::Unit)) => spans.push((i..i + 1, kind)),
            Some((kind, Position::Last)) => {
                let start = open.take().map_or(i, |(s, _)| s);
                spans.push((start..i + 1, kind));
            }
            Some((kind, Position::Begin | Position::Inside)) if open.is_none() => {
                open = Some((i, kind));
            }
            Some(_) => {}
        }
    }
    if let Some((start, kind)) = open {
        spans.push((start..tags.len(), kind));
    }
    spans
}

/// Best valid tag sequence for a score matrix (`scores[i * N_TAGS + t]` is the
/// score of tag `t` at token `i`), transition scores `trans[prev * N_TAGS +
/// next]`, and scores for opening (`start`) and closing (`end`) tags. Where
/// `fixed[i]` is `Some(t)`, token `i` is forced to tag `t` (used in training to
/// find the best gold-consistent path when some gold tags are missing).
/// Invalid transitions are never taken, whatever the scores. `back` is scratch.
pub fn viterbi(input: &ViterbiInput<'_>, back: &mut Vec<u8>, out: &mut Vec<u8>) {
    let n = input.scores.len() / N_TAGS;
    out.clear();
    if n == 0 {
        return;
    }
    if input.fixed.is_none()
        && let Some(fast) = Unforced::new(input)
    {
        fast.decode(n, back, out);
        return;
    }
    back.clear();
    back.resize(n * N_TAGS, 0);
    let allowed_at = |i: usize, t: usize| match input.fixed.and_then(|f| f.get(i)) {
        Some(Some(g)) => usize::from(*g) == t,
        _ => true,
    };
    let mut prev = [f32::NEG_INFINITY; N_TAGS];
    let mut cur = [f32::NEG_INFINITY; N_TAGS];
    for (t, p) in prev.iter_mut().enumerate() {
        if can_start(t as u8) && allowed_at(0, t) {
            *p = input.start[t] + input.scores[t];
        }
    }
    for i in 1..n {
        for t in 0..N_TAGS {
            cur[t] = f32::NEG_INFINITY;
            if !allowed_at(i, t) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            let (preds, count) = &PREDECESSORS[t];
            for &p in preds.iter().take(*count) {
                let p = usize::from(p);
                let s = prev[p] + input.trans[p * N_TAGS + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > f32::NEG_INFINITY {
                cur[t] = best + input.scores[i * N_TAGS + t];
                back[i * N_TAGS + t] = arg;
            }
        }
        prev = cur;
    }
    let mut best = f32::NEG_INFINITY;
    let mut last = None;
    for (t, &score) in prev.iter().enumerate() {
        if score > f32::NEG_INFINITY && can_end(t as u8) {
            let s = score + input.end[t];
            if last.is_none() || s > best {
                best = s;
                last = Some(t as u8);
            }
        }
    }
    // With forced tags that cannot be joined validly there is no path; fall
    // back to all-O, which is always valid.
    let Some(mut t) = last else {
        out.resize(n, OUTSIDE);
        return;
    };
    out.resize(n, OUTSIDE);
    for i in (0..n).rev() {
        out[i] = t;
        if i > 0 {
            t = back[i * N_TAGS + usize::from(t)];
        }
    }
}

/// Inputs of [`viterbi`].
#[derive(Debug, Clone, Copy)]
pub struct ViterbiInput<'a> {
    /// Per-token tag scores, `n * N_TAGS`.
    pub scores: &'a [f32],
    /// Transition scores, `N_TAGS * N_TAGS`.
    pub trans: &'a [f32],
    /// Scores for the first tag, `N_TAGS`.
    pub start: &'a [f32],
    /// Scores for the last tag, `N_TAGS`.
    pub end: &'a [f32],
    /// Tags forced per token, if any.
    pub fixed: Option<&'a [Option<u8>]>,
}

/// [`viterbi`] without forced tags (tagging, as opposed to training on
/// partial gold): the same recurrence in the same order, so the same path,
/// over fixed-size arrays the compiler can keep free of bounds checks.
struct Unforced<'a> {
    scores: &'a [f32],
    trans: [[f32; N_TAGS]; N_TAGS],
    start: [f32; N_TAGS],
    end: [f32; N_TAGS],
}

impl<'a> Unforced<'a> {
    /// `None` when a table has the wrong size (the general path copes).
    fn new(input: &ViterbiInput<'a>) -> Option<Unforced<'a>> {
        if input.scores.len() % N_TAGS != 0 || input.trans.len() < N_TAGS * N_TAGS {
            return None;
        }
        let mut trans = [[0.0; N_TAGS]; N_TAGS];
        for (row, from) in trans.iter_mut().zip(input.trans.chunks_exact(N_TAGS)) {
            row.copy_from_slice(from);
        }
        Some(Unforced {
            scores: input.scores,
            trans,
            start: input.start.get(..N_TAGS)?.try_into().ok()?,
            end: input.end.get(..N_TAGS)?.try_into().ok()?,
        })
    }

    fn decode(&self, n: usize, back: &mut Vec<u8>, out: &mut Vec<u8>) {
        back.clear();
        back.resize(n * N_TAGS, 0);
        let mut prev = [f32::NEG_INFINITY; N_TAGS];
        let mut rows = self.scores.chunks_exact(N_TAGS);
        let Some(first) = rows.next() else {
            return;
        };
        for t in 0..N_TAGS {
            if can_start(t as u8) {
                prev[t] = self.start[t] + first[t];
            }
        }
        for (row, back_row) in rows.zip(back.chunks_exact_mut(N_TAGS).skip(1)) {
            let mut cur = [f32::NEG_INFINITY; N_TAGS];
            for t in 0..N_TAGS {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                let (preds, count) = &PREDECESSORS[t];
                for &p in preds.iter().take(*count) {
                    let p = usize::from(p);
                    let s = prev[p] + self.trans[p][t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                if best > f32::NEG_INFINITY {
                    cur[t] = best + row[t];
                    back_row[t] = arg;
                }
            }
            prev = cur;
        }
        let mut best = f32::NEG_INFINITY;
        let mut last = None;
        for (t, &score) in prev.iter().enumerate() {
            if score > f32::NEG_INFINITY && can_end(t as u8) {
                let s = score + self.end[t];
                if last.is_none() || s > best {
                    best = s;
                    last = Some(t as u8);
                }
            }
        }
        out.resize(n, OUTSIDE);
        let Some(mut t) = last else {
            return;
        };
        for i in (0..n).rev() {
            if let Some(slot) = out.get_mut(i) {
                *slot = t;
            }
            if i > 0 {
                t = back
                    .get(i * N_TAGS + usize::from(t))
                    .copied()
                    .unwrap_or(OUTSIDE);
            }
        }
    }
}

/// For every tag, the tags allowed right before it (and how many).
const PREDECESSORS: [([u8; N_TAGS], usize); N_TAGS] = predecessor_table();

const fn predecessor_table() -> [([u8; N_TAGS], usize); N_TAGS] {
    let mut table = [([0u8; N_TAGS], 0usize); N_TAGS];
    let mut t = 0;
    while t < N_TAGS {
        let mut p = 0;
        while p < N_TAGS {
            if ALLOWED[p][t] {
                let n = table[t].1;
                table[t].0[n] = p as u8;
                table[t].1 = n + 1;
            }
            p += 1;
        }
        t += 1;
    }
    table
}

/// The transition table, computed once at compile time.
const ALLOWED: [[bool; N_TAGS]; N_TAGS] = allowed_table();

const fn allowed_table() -> [[bool; N_TAGS]; N_TAGS] {
    let mut table = [[false; N_TAGS]; N_TAGS];
    let mut p = 0;
    while p < N_TAGS {
        let mut n = 0;
        while n < N_TAGS {
            let p_pos = if p == 0 { 0 } else { (p - 1) % 4 + 1 };
            let n_pos = if n == 0 { 0 } else { (n - 1) % 4 + 1 };
            let same = p != 0 && n != 0 && (p - 1) / 4 == (n - 1) / 4;
            // positions: 0 = O, 1 = B, 2 = I, 3 = L, 4 = U
            table[p][n] = if p_pos == 1 || p_pos == 2 {
                same && (n_pos == 2 || n_pos == 3)
            } else {
                n_pos == 0 || n_pos == 1 || n_pos == 4
            };
            n += 1;
        }
        p += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn biluo_table_matches_allowed() {
        for p in 0..N_TAGS as u8 {
            for n in 0..N_TAGS as u8 {
                assert_eq!(ALLOWED[usize::from(p)][usize::from(n)], allowed(p, n));
            }
        }
    }

    #[test]
    fn biluo_spans_round_trip() {
        let spans = vec![
            (0..2, EntityKind::Person),
            (3..4, EntityKind::Place),
            (5..8, EntityKind::Organization),
        ];
        let tags = spans_to_tags(9, &spans);
        let names: Vec<String> = tags.iter().map(|&t| name(t)).collect();
        assert_eq!(
            names,
            [
                "B-PERSON", "L-PERSON", "O", "U-PLACE", "O", "B-ORG", "I-ORG", "L-ORG", "O"
            ]
        );
        assert!(is_valid(&tags));
        assert_eq!(tags_to_spans(&tags), spans);
    }

    #[test]
    fn biluo_rejects_broken_sequences() {
        let b = tag(EntityKind::Person, Position::Begin);
        let l_org = tag(EntityKind::Organization, Position::Last);
        assert!(!is_valid(&[b]));
        assert!(!is_valid(&[b, l_org]));
        assert!(!is_valid(&[l_org]));
        assert!(is_valid(&[]));
    }

    #[test]
    fn biluo_viterbi_obeys_forced_tags() {
        let scores = vec![0.0; 3 * N_TAGS];
        let zeros = [0.0; N_TAGS * N_TAGS];
        let u = tag(EntityKind::Place, Position::Unit);
        let fixed = [None, Some(u), None];
        let input = ViterbiInput {
            scores: &scores,
            trans: &zeros,
            start: &zeros[..N_TAGS],
            end: &zeros[..N_TAGS],
            fixed: Some(&fixed),
        };
        let mut out = Vec::new();
        viterbi(&input, &mut Vec::new(), &mut out);
        assert_eq!(out[1], u);
        assert!(is_valid(&out));
    }

    proptest! {
        #[test]
        fn biluo_viterbi_output_is_always_valid(
            raw in proptest::collection::vec(-100.0f32..100.0, 0..(20 * N_TAGS)),
            trans in proptest::collection::vec(-50.0f32..50.0, N_TAGS * N_TAGS),
            edges in proptest::collection::vec(-50.0f32..50.0, 2 * N_TAGS),
        ) {
            let n = raw.len() / N_TAGS;
            let scores = &raw[..n * N_TAGS];
            let input = ViterbiInput {
                scores,
                trans: &trans,
                start: &edges[..N_TAGS],
                end: &edges[N_TAGS..],
                fixed: None,
            };
            let mut out = Vec::new();
            viterbi(&input, &mut Vec::new(), &mut out);
            prop_assert_eq!(out.len(), n);
            prop_assert!(is_valid(&out));
        }
    }
}
