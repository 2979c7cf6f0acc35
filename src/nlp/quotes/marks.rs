//! Quote marks at the character level: which chars open or close a quotation
//! (as opposed to apostrophes), and how they pair into spans.
//!
//! Marks are classified by glyph and by their neighbours, never by counting:
//! a straight `"` opens when it follows the start, a space, an opening bracket
//! or a dash and precedes a non-space, and closes in the mirror position.
//! Pairing uses a stack of open marks per family, so a nested scare quote of
//! the same glyph (`"... this "inglorious" war ..."`) stays inside the outer
//! quote. Paragraphs are lines; a quote crosses a line break only when the next
//! line reopens with a mark of the same family (the multi-paragraph convention).

use std::ops::Range;

/// Families of marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `"` `“` `”` `„`
    Double,
    /// `'` `‘` `’` `‚`
    Single,
    /// `«` `»`
    Guillemet,
    /// `‹` `›`
    SingleGuillemet,
}

/// One quote mark and what it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Char offset of the mark.
    pub pos: usize,
    /// Which marks it pairs with.
    pub family: Family,
    /// It may open a quotation.
    pub can_open: bool,
    /// It may close a quotation.
    pub can_close: bool,
    /// A closer that may also be a possessive or elision apostrophe
    /// ("the Joneses’ house"); used only when no firmer closer follows.
    pub weak: bool,
}

/// An outermost quotation: its opening mark and where its text ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Char offset of the opening mark.
    pub open: usize,
    /// Char offset of the closing mark; `None` when a multi-paragraph quote
    /// ran to the end of its last paragraph without one.
    pub close: Option<usize>,
    /// Char range of the text between the marks, whitespace trimmed.
    pub content: Range<usize>,
}

impl Span {
    /// Char range from the opening mark through the closing mark (or the
    /// content's end when there is none).
    pub(crate) fn outer(&self) -> Range<usize> {
        let end = self.close.map_or(self.content.end, |c| c + 1);
        self.open..end.max(self.open + 1)
    }
}

/// Most open marks kept at once; real nesting is two or three deep.
const MAX_DEPTH: usize = 8;
/// Most paragraphs one quote may span.
const MAX_PARAGRAPHS: usize = 6;
/// Longest quote inside one paragraph, in chars; longer pairs are stray marks.
const MAX_PARAGRAPH_QUOTE_CHARS: usize = 3000;

/// Words that start with an elision apostrophe ("’tis", "rock 'n' roll").
const ELISIONS: &[&str] = &[
    "tis", "twas", "twere", "til", "till", "em", "cause", "cos", "bout", "nuff", "neath",
];

/// Whitespace for quote purposes; control characters count as whitespace.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Any char this module treats as a possible quote mark.
pub(crate) fn is_mark_char(c: char) -> bool {
    family_of(c).is_some()
}

fn family_of(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' => Some(Family::Double),
        '\'' | '‘' | '’' | '‚' | '‛' => Some(Family::Single),
        '«' | '»' => Some(Family::Guillemet),
        '‹' | '›' => Some(Family::SingleGuillemet),
        _ => None,
    }
}

/// A char after which an opening mark may stand.
fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        is_space(c)
            || is_mark_char(c)
            || matches!(c, '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | ':')
    })
}

/// A char before which a closing mark may stand.
fn closes_before(next: Option<char>) -> bool {
    next.is_none_or(|c| {
        is_space(c)
            || is_mark_char(c)
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '>'
                    | '…'
                    | '—'
                    | '–'
                    | '-'
                    | '/'
            )
    })
}

fn non_space(c: Option<char>) -> bool {
    c.is_some_and(|c| !is_space(c))
}

/// Classifies the char at `i`; `None` when it is no mark or is an apostrophe.
pub(crate) fn classify(chars: &[char], i: usize) -> Option<Mark> {
    let c = *chars.get(i)?;
    let family = family_of(c)?;
    let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let next = chars.get(i + 1).copied();
    let by_neighbours = (
        opens_after(prev) && non_space(next),
        non_space(prev) && closes_before(next),
    );
    let (can_open, can_close, weak) = match c {
        '„' | '«' | '‹' => (true, false, false),
        '»' | '›' => (false, true, false),
        '‚' => (by_neighbours.0, false, false),
        '\'' | '‘' | '’' | '‛' => single_roles(chars, i, c, by_neighbours)?,
        _ => (by_neighbours.0, by_neighbours.1, false),
    };
    (can_open || can_close).then_some(Mark {
        pos: i,
        family,
        can_open,
        can_close,
        weak,
    })
}

/// Roles of a single mark, or `None` when it is an apostrophe.
fn single_roles(
    chars: &[char],
    i: usize,
    c: char,
    (open_ok, close_ok): (bool, bool),
) -> Option<(bool, bool, bool)> {
    let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let next = chars.get(i + 1).copied();
    if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
        return None; // don't, Trump's, O'Brien
    }
    let can_open = open_ok && !starts_elision(chars, i + 1);
    let can_close = close_ok && c != '‘' && c != '‛' && !ends_n_elision(chars, i);
    if !can_open && !can_close {
        return None;
    }
    let weak = can_close && prev.is_some_and(char::is_alphabetic) && word_follows(chars, i + 1);
    Some((can_open, can_close, weak))
}

/// "’tis", "'n'", "'90s": the mark before `from` begins an elided word.
fn starts_elision(chars: &[char], from: usize) -> bool {
    let word: String = chars
        .iter()
        .skip(from)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if word.is_empty() {
        return false;
    }
    let after = chars.get(from + word.chars().count()).copied();
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.len() == 2 || after == Some('s'); // '90s, '05
    }
    if word.chars().count() >= 3
        && word.chars().take(2).all(|c| c.is_ascii_digit())
        && word.ends_with('s')
    {
        return true; // '90s as one token
    }
    let lower = word.to_lowercase();
    if lower == "n" {
        return after.is_some_and(|a| family_of(a) == Some(Family::Single));
    }
    ELISIONS.contains(&lower.as_str())
}

/// The second mark of "'n'".
fn ends_n_elision(chars: &[char], i: usize) -> bool {
    let Some(before) = i.checked_sub(2) else {
        return false;
    };
    matches!(chars.get(before + 1), Some('n' | 'N'))
        && chars
            .get(before)
            .is_some_and(|&c| family_of(c) == Some(Family::Single))
}

/// A space then a letter or digit follow `from` (the sentence goes on).
fn word_follows(chars: &[char], from: usize) -> bool {
    chars.get(from).is_some_and(|&c| c == ' ')
        && chars.get(from + 1).is_some_and(|c| c.is_alphanumeric())
}

/// Lines of the text as char ranges, empty lines left out.
pub(crate) fn paragraphs(chars: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            push_paragraph(&mut out, chars, start..i);
            start = i + 1;
        }
    }
    push_paragraph(&mut out, chars, start..chars.len());
    out
}

fn push_paragraph(out: &mut Vec<Range<usize>>, chars: &[char], range: Range<usize>) {
    let slice = chars.get(range.clone()).unwrap_or(&[]);
    if slice.iter().any(|&c| !is_space(c)) {
        out.push(range);
    }
}

/// Finds the outermost quotations of a text.
pub(crate) fn find_spans(chars: &[char]) -> Vec<Span> {
    let paras = paragraphs(chars);
    let mut spans = Vec::new();
    let mut carry: Option<(Mark, usize)> = None; // open mark, paragraphs so far
    for (pi, para) in paras.iter().enumerate() {
        let marks: Vec<Mark> = para.clone().filter_map(|i| classify(chars, i)).collect();
        let mut stack: Vec<Mark> = Vec::new();
        let mut chain = 1;
        let mut skip = None;
        if let Some((open, count)) = carry.take() {
            stack.push(open);
            chain = count + 1;
            skip = marks.first().map(|m| m.pos);
        }
        let last_firm = last_firm_closers(&marks);
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for mark in marks.iter().filter(|m| Some(m.pos) != skip) {
            let firm_follows = last_firm
                .iter()
                .any(|&(family, pos)| family == mark.family && pos > mark.pos);
            if mark.can_close {
                if let Some(open) = close(&mut stack, mark, firm_follows) {
                    pairs.push((open, mark.pos));
                    continue;
                }
            }
            if mark.can_open {
                if stack.len() >= MAX_DEPTH {
                    stack.remove(0); // deeper nesting is never real: a stray mark
                }
                stack.push(*mark);
            }
        }
        let next = paras.get(pi + 1).and_then(|p| reopening_mark(chars, p));
        let continued = stack
            .iter()
            .find(|o| continuable(chars, para, o, chain))
            .copied();
        let mut chain_start = None;
        match (continued, next) {
            (Some(open), Some(reopen))
                if reopen.family == open.family && chain < MAX_PARAGRAPHS =>
            {
                carry = Some((open, chain));
                chain_start = Some(open.pos);
            }
            (Some(open), _) if chain > 1 => {
                pairs.push((open.pos, para.end));
            }
            _ => {}
        }
        // Marks left open were strays: what they seemed to enclose is outermost.
        let outermost = outermost_pairs(pairs)
            .into_iter()
            .filter(|&(open, _)| chain_start.is_none_or(|c| open < c));
        spans.extend(outermost.filter_map(|(open, close)| span(chars, open, close, para)));
    }
    spans
}

/// Position of the last closer that is not weak, per family.
fn last_firm_closers(marks: &[Mark]) -> Vec<(Family, usize)> {
    let mut out: Vec<(Family, usize)> = Vec::new();
    for m in marks.iter().filter(|m| m.can_close && !m.weak) {
        match out.iter_mut().find(|(f, _)| *f == m.family) {
            Some(entry) => entry.1 = m.pos,
            None => out.push((m.family, m.pos)),
        }
    }
    out
}

/// Closes the innermost open mark of the same family and returns its
/// position. A weak closer (possessive) is skipped when a firm one follows.
fn close(stack: &mut Vec<Mark>, mark: &Mark, firm_follows: bool) -> Option<usize> {
    let idx = stack.iter().rposition(|o| o.family == mark.family)?;
    if mark.weak && firm_follows {
        return None;
    }
    let open = stack.get(idx)?.pos;
    stack.truncate(idx);
    Some(open)
}

/// Pairs not inside another pair (pairs nest properly), in text order.
fn outermost_pairs(mut pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    pairs.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for pair in pairs {
        if out.last().is_none_or(|&(_, end)| pair.0 > end) {
            out.push(pair);
        }
    }
    out
}

/// The span of a pair; `close` is the closing mark, or the paragraph end when
/// a multi-paragraph quote was never closed. Over-long one-paragraph pairs
/// are stray marks and give nothing.
fn span(chars: &[char], open: usize, close: usize, para: &Range<usize>) -> Option<Span> {
    let closed = close < para.end;
    if open >= para.start && close - open > MAX_PARAGRAPH_QUOTE_CHARS {
        return None;
    }
    trimmed(chars, open + 1..close).map(|content| Span {
        open,
        close: closed.then_some(close),
        content,
    })
}

/// An unclosed opener may continue into the next paragraph when it starts its
/// paragraph or follows a colon or comma (`X said: "...`).
fn continuable(chars: &[char], para: &Range<usize>, open: &Mark, chain: usize) -> bool {
    if chain > 1 && open.pos < para.start {
        return true;
    }
    let before = (para.start..open.pos)
        .rev()
        .filter_map(|i| chars.get(i).copied())
        .find(|&c| !is_space(c));
    matches!(before, None | Some(':' | ','))
}

/// The opening mark at the very start of a paragraph, if any.
fn reopening_mark(chars: &[char], para: &Range<usize>) -> Option<Mark> {
    let first = para
        .clone()
        .find(|&i| chars.get(i).is_some_and(|&c| !is_space(c)))?;
    classify(chars, first).filter(|m| m.can_open)
}

/// `range` without leading and trailing whitespace; `None` when nothing is left.
fn trimmed(chars: &[char], range: Range<usize>) -> Option<Range<usize>> {
    let mut start = range.start;
    let mut end = range.end.min(chars.len());
    while start < end && chars.get(start).is_some_and(|&c| is_space(c)) {
        start += 1;
    }
    while end > start && chars.get(end - 1).is_some_and(|&c| is_space(c)) {
        end -= 1;
    }
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Roles of every mark-like char: 'o' open, 'c' close, 'b' both, 'a' apostrophe.
    fn roles(s: &str) -> String {
        let cs = chars(s);
        (0..cs.len())
            .filter(|&i| is_mark_char(cs[i]))
            .map(|i| match classify(&cs, i) {
                None => 'a',
                Some(m) if m.can_open && m.can_close => 'b',
                Some(m) if m.can_open => 'o',
                Some(_) => 'c',
            })
            .collect()
    }

    fn quotes(s: &str) -> Vec<String> {
        let cs = chars(s);
        find_spans(&cs)
            .into_iter()
            .map(|sp| cs[sp.content].iter().collect())
            .collect()
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(roles("Trump's aide"), "a");
        assert_eq!(roles("Trump’s aide"), "a");
        assert_eq!(roles("rock 'n' roll"), "aa");
        assert_eq!(roles("the '90s and ’90s"), "aa");
        assert_eq!(roles("’Tis the season"), "a");
        assert_eq!(roles("don’t"), "a");
    }

    #[test]
    fn straight_marks_open_and_close_by_neighbours() {
        assert_eq!(roles("he said \"we won,\" then"), "oc");
        assert_eq!(roles("(\"yes\")"), "oc");
        assert_eq!(roles("a \" b"), "a");
    }

    #[test]
    fn directed_marks() {
        assert_eq!(roles("„Ja“ und «oui» ‹x›"), "ocococ");
    }

    #[test]
    fn possessive_plural_is_weak_closer() {
        let cs = chars("the Joneses’ house");
        let m = classify(&cs, 11).expect("closer");
        assert!(m.weak && m.can_close);
        assert_eq!(
            quotes("‘We love the Joneses’ house so much,’ she said."),
            ["We love the Joneses’ house so much,"]
        );
    }

    #[test]
    fn nested_same_glyph_stays_one_quote() {
        assert_eq!(
            quotes("\"We will end this \"pointless\" feud soon,\" Vera Holt said."),
            ["We will end this \"pointless\" feud soon,"]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_cross_paragraphs() {
        assert_eq!(
            quotes("He called it \"a mess and left.\n\nLater \"we are fine here,\" she said."),
            ["we are fine here,"]
        );
    }

    #[test]
    fn stray_opener_does_not_hide_later_quotes() {
        let text = format!("{}\"We are all fine here,\" she said.", "\"a ".repeat(50));
        assert_eq!(quotes(&text), ["We are all fine here,"]);
        assert_eq!(
            quotes("It was \"odd and \"we are all fine here,\" she said."),
            ["we are all fine here,"]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_span() {
        let text = "\"First part of it.\n\n\"Second part,\" he said.";
        assert_eq!(quotes(text), ["First part of it.\n\n\"Second part,"]);
    }

    #[test]
    fn multi_paragraph_chain_without_closer_ends_at_paragraph() {
        let text = "\"One.\n\"Two.\nNot quoted.";
        assert_eq!(quotes(text), ["One.\n\"Two."]);
    }

    #[test]
    fn guillemets_with_inner_spaces() {
        assert_eq!(
            quotes("Il a dit : « Nous restons ici. »"),
            ["Nous restons ici."]
        );
    }

    #[test]
    fn german_marks() {
        assert_eq!(
            quotes("Sie sagte: „Wir bleiben hier.“"),
            ["Wir bleiben hier."]
        );
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        assert_eq!(paragraphs(&chars("a\n\n b\n")), [0..1, 3..5]);
        assert!(find_spans(&[]).is_empty());
    }
}
