//! Makes text safe to show on a terminal, once, at ingestion
//! (research note `quotes-loading-security.md` section 3.4).
//!
//! Line ends become LF, tabs are expanded, whole escape sequences are removed
//! (CSI, OSC including unterminated ones, DCS/SOS/PM/APC, two-byte ESC x), then
//! every other C0/C1 control, bidi override and isolate, zero-width space, word
//! joiner and BOM is dropped. ZWJ and ZWNJ stay: emoji and Indic scripts need them.

/// Tab stops every this many columns.
const TAB_WIDTH: usize = 4;

/// Returns `text` with nothing a terminal would interpret.
#[must_use]
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut column = 0;
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                    column = 0;
                }
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_string(&mut chars, true),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars, false),
            c if is_dropped(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// A name (a file path) as it may be shown in a message: every char
/// [`sanitize`] would drop, and the line break, is written as a visible
/// `\u{..}` escape instead, so the user can still tell which file is meant
/// and no escape sequence in a file name reaches the terminal.
#[must_use]
pub fn quote_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c == '\n' || is_dropped(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a char never survives sanitising (controls, bidi, invisible).
#[must_use]
pub fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: drops the rest of the sequence it starts.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') => {
            chars.next();
            skip_string(chars, true);
        }
        Some('P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars, false);
        }
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            chars.next();
            // Intermediate bytes (ESC ( B) take one more final byte.
            if ('\u{20}'..='\u{2f}').contains(&c) {
                chars.next_if(|f| ('\u{30}'..='\u{7e}').contains(f));
            }
        }
        _ => {}
    }
}

/// Drops CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next_if(|c| ('\u{20}'..='\u{3f}').contains(c)) {
        let _ = c;
    }
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// Drops an OSC/DCS-style string up to ST (ESC \ or U+9C), BEL (OSC only), or
/// the end of the line when unterminated.
fn skip_string(chars: &mut Chars<'_>, bel_ends: bool) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' if bel_ends => {
                chars.next();
                return;
            }
            '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_control(s: &str) -> bool {
        s.chars()
            .any(|c| c != '\n' && (c.is_control() || is_dropped(c)))
    }

    #[test]
    fn sanitize_removes_every_escape_case() {
        let cases = [
            ("red \u{1b}[31mtext\u{1b}[0m", "red text"),
            ("move\u{1b}[2J\u{1b}[10;20H here", "move here"),
            ("title\u{1b}]0;pwned\u{7}ok", "titleok"),
            ("clip\u{1b}]52;c;aGVsbG8=\u{1b}\\board", "clipboard"),
            (
                "link \u{1b}]8;;http://x\u{1b}\\text\u{1b}]8;;\u{1b}\\",
                "link text",
            ),
            (
                "unterminated \u{1b}]8;;http://evil\nnext line",
                "unterminated \nnext line",
            ),
            ("dcs\u{1b}Pq#0;2;0;0;0\u{1b}\\done", "dcsdone"),
            ("apc\u{1b}_hidden\u{1b}\\shown", "apcshown"),
            ("c1 csi\u{9b}2Jgone", "c1 csigone"),
            ("a\rb", "a\nb"),
            ("crlf\r\nline", "crlf\nline"),
            ("tab\there", "tab here"),
            (
                "bidi \u{202e}evil\u{202c} \u{2066}iso\u{2069}",
                "bidi evil iso",
            ),
            ("zero\u{200b}width\u{feff}\u{2060}", "zerowidth"),
            ("bell\u{7} back\u{8}space del\u{7f}", "bell backspace del"),
            ("lone esc \u{1b}", "lone esc "),
            ("charset \u{1b}(Bok", "charset ok"),
            ("c1 osc\u{9d}0;title\u{9c}ok", "c1 oscok"),
            ("sos\u{98}hidden\u{9c}shown", "sosshown"),
            ("pm\u{9e}hidden\u{1b}\\shown", "pmshown"),
            ("nel\u{85}next", "nel\nnext"),
            ("ls\u{2028}ps\u{2029}end", "ls\nps\nend"),
            ("c1 \u{80}\u{8d}\u{91}x", "c1 x"),
            ("c1 apc \u{9f}swallowed to eol\nx", "c1 apc \nx"),
            ("lrm\u{200e}rlm\u{200f}alm\u{61c}", "lrmrlmalm"),
            ("esc then newline \u{1b}\nnext", "esc then newline \nnext"),
            ("csi params \u{1b}[?1049h\u{1b}[38;5;196mx", "csi params x"),
            ("form\u{c}feed vt\u{b}ab", "formfeed vtab"),
        ];
        for (input, expected) in cases {
            let out = sanitize(input);
            assert_eq!(out, expected, "input {input:?}");
            assert!(!has_control(&out), "control left in {out:?}");
        }
    }

    #[test]
    fn quote_name_shows_controls_as_escapes() {
        assert_eq!(quote_name("plain name.txt"), "plain name.txt");
        assert_eq!(
            quote_name("evil\u{1b}]0;x\u{7}.txt"),
            "evil\\u{1b}]0;x\\u{7}.txt"
        );
        assert_eq!(quote_name("a\u{202e}b\nc"), "a\\u{202e}b\\u{a}c");
        assert!(!has_control(&quote_name("\u{9b}\u{0}\u{200b}")));
    }

    #[test]
    fn sanitize_keeps_zwj_and_zwnj() {
        let family = "👨\u{200d}👩\u{200d}👧 and \u{200c}";
        assert_eq!(sanitize(family), family);
    }

    proptest::proptest! {
        // Failures are reported, not written into the source tree.
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn sanitize_never_leaves_a_control(input in proptest::collection::vec(proptest::prelude::any::<char>(), 0..200)) {
            let text: String = input.into_iter().collect();
            let out = sanitize(&text);
            proptest::prop_assert!(!has_control(&out));
        }
    }
}
