//! Grapheme-aware line wrapping: widths come from `unicode-width` (the same
//! function ratatui draws with), so CJK, emoji and combining marks line up.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One grapheme cluster of a text, with its char offset and display width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grapheme<'a> {
    /// The cluster's text.
    pub text: &'a str,
    /// Char offset of its first char in the field (base + position).
    pub offset: usize,
    /// Columns it takes on screen.
    pub width: usize,
}

impl Grapheme<'_> {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace) && !self.is_newline()
    }

    fn is_newline(&self) -> bool {
        self.text.contains('\n')
    }

    /// Wide clusters (CJK ideographs, kana, emoji) allow a break on either side.
    fn is_wide(&self) -> bool {
        self.width >= 2
    }
}

/// Splits `text` into grapheme clusters; offsets start at `base`.
#[must_use]
pub fn graphemes(text: &str, base: usize) -> Vec<Grapheme<'_>> {
    let mut offset = base;
    text.graphemes(true)
        .map(|g| {
            let cluster = Grapheme {
                text: g,
                offset,
                width: if g.contains('\n') || g == "\t" {
                    if g == "\t" { 1 } else { 0 }
                } else {
                    g.width()
                },
            };
            offset += g.chars().count();
            cluster
        })
        .collect()
}

/// Breaks clusters into lines of at most `width` columns (a cluster wider than
/// the line still gets a line of its own). Returns index ranges into `gs`,
/// without leading or trailing spaces. Breaks fall after spaces and around
/// wide clusters; a word longer than the line is cut.
#[must_use]
pub fn wrap(gs: &[Grapheme<'_>], width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut col = 0;
    let mut brk: Option<usize> = None;
    let mut i = 0;
    while i < gs.len() {
        let g = gs[i];
        if g.is_newline() {
            push_trimmed(&mut lines, gs, start..i);
            (start, col, brk) = (i + 1, 0, None);
        } else if i == start && g.is_space() {
            start = i + 1;
        } else if g.is_space() {
            if col + g.width > width {
                push_trimmed(&mut lines, gs, start..i);
                (start, col, brk) = (i + 1, 0, None);
            } else {
                col += g.width;
            }
        } else {
            let opportunity = i > start && {
                let prev = gs[i - 1];
                (prev.is_space() || prev.is_wide() || g.is_wide())
                    && !closes(g.text)
                    && !opens(prev.text)
            };
            if opportunity {
                brk = Some(i);
            }
            if col > 0 && col + g.width > width {
                let cut = if opportunity { i } else { brk.unwrap_or(i) };
                push_trimmed(&mut lines, gs, start..cut);
                start = cut;
                while start < i && gs[start].is_space() {
                    start += 1;
                }
                col = gs[start..i].iter().map(|g| g.width).sum();
                brk = None;
            }
            col += g.width;
        }
        i += 1;
    }
    if start < gs.len() || lines.is_empty() {
        push_trimmed(&mut lines, gs, start..gs.len());
    }
    lines
}

/// Punctuation that must not start a line (CJK line-breaking rules, kinsoku).
fn closes(text: &str) -> bool {
    matches!(
        text,
        "。" | "、"
            | "，"
            | "．"
            | "」"
            | "』"
            | "）"
            | "】"
            | "〉"
            | "》"
            | "！"
            | "？"
            | "："
            | "；"
            | "ー"
            | "…"
    )
}

/// Punctuation that must not end a line.
fn opens(text: &str) -> bool {
    matches!(text, "「" | "『" | "（" | "【" | "〈" | "《")
}

fn push_trimmed(lines: &mut Vec<Range<usize>>, gs: &[Grapheme<'_>], mut range: Range<usize>) {
    while range.end > range.start && gs[range.end - 1].is_space() {
        range.end -= 1;
    }
    lines.push(range);
}

/// Cuts `text` to at most `width` columns, ending with `…` when cut.
#[must_use]
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let gs = graphemes(text, 0);
        wrap(&gs, width)
            .into_iter()
            .map(|r| gs[r].iter().map(|g| g.text).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn cuts_long_words() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_breaks_between_ideographs_by_width() {
        let out = lines("漢字かな漢字", 5);
        assert_eq!(out, ["漢字", "かな", "漢字"]);
        for line in &out {
            assert!(line.width() <= 5);
        }
    }

    #[test]
    fn combining_marks_and_emoji_stay_whole() {
        let out = lines("e\u{301}e\u{301} 👩\u{200d}🔬👩\u{200d}🔬", 3);
        assert_eq!(out, ["e\u{301}e\u{301}", "👩\u{200d}🔬", "👩\u{200d}🔬"]);
    }

    #[test]
    fn offsets_count_chars() {
        let gs = graphemes("e\u{301}x", 10);
        assert_eq!(gs[1].offset, 12);
    }

    #[test]
    fn newline_is_a_hard_break_and_empty_text_gives_one_line() {
        assert_eq!(lines("a\nb", 10), ["a", "b"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn cjk_punctuation_stays_with_its_word() {
        let out = lines("開いた。「経済」", 6);
        assert!(
            out.iter()
                .all(|l| !l.starts_with('。') && !l.ends_with('「')),
            "{out:?}"
        );
    }

    #[test]
    fn width_one_with_wide_chars_does_not_loop() {
        assert_eq!(lines("漢字", 1), ["漢", "字"]);
    }

    #[test]
    fn truncate_respects_width() {
        assert_eq!(truncate("Vladimir Putin", 8), "Vladimi…");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
