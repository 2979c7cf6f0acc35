//! Whole-line rules for pasted news text (research note section 2.4): each
//! looks at one short, complete line and never at a line opening with a quote
//! mark, which is always body text.

use std::sync::LazyLock;

use regex::Regex;

/// Longest line (in chars) a caption or credit rule accepts.
const CAPTION_MAX_CHARS: usize = 300;
/// Most words a subheading may have.
const HEADING_MAX_WORDS: usize = 10;

/// A compiled rule. The patterns are literals that the unit tests exercise, so
/// `None` (a pattern that failed to compile) only happens in a broken build, and
/// then the rule simply never matches instead of panicking.
type Rule = LazyLock<Option<Regex>>;

fn regex(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

fn is_match(rule: &Rule, text: &str) -> bool {
    rule.as_ref().is_some_and(|re| re.is_match(text))
}

fn captures<'t>(rule: &Rule, text: &'t str) -> Option<regex::Captures<'t>> {
    rule.as_ref()?.captures(text)
}

/// One char as the case-insensitive rules compare it: lowercased, plus the
/// non-ASCII letters that Unicode simple case folding (the regex crate's
/// `(?i)`) equates with an ASCII one (KELVIN SIGN, LONG S, ANGSTROM SIGN).
fn fold(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        '\u{212B}' => '\u{E5}',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether `line` opens with one of `words` (lowercase, compared after
/// [`fold`] when `fold_case`) not followed by a letter. A cheap necessary
/// condition for an anchored rule whose alternatives all open with one of
/// `words` and continue with a space, punctuation, a digit or the end: the
/// big case-insensitive regexes cost milliseconds to compile, so ordinary
/// lines must not force them.
fn opens_with_word(line: &str, words: &[&str], fold_case: bool) -> bool {
    words.iter().any(|word| {
        let mut chars = line.chars().map(|c| if fold_case { fold(c) } else { c });
        word.chars().all(|w| chars.next() == Some(w))
            && chars.next().is_none_or(|next| !next.is_alphabetic())
    })
}

/// First words of the [`BOILERPLATE`] alternatives.
const BOILERPLATE_WORDS: [&str; 21] = [
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "paid",
    "skip",
    "story",
    "article",
    "continue",
    "share",
    "copy",
    "print",
    "listen",
    "loading",
    "scroll",
    "all",
    "anzeige",
    "werbung",
    "publicit\u{e9}",
    "\u{440}\u{435}\u{43a}\u{43b}\u{430}\u{43c}\u{430}",
];
/// First words of the [`COPYRIGHT`] rule.
const COPYRIGHT_WORDS: [&str; 2] = ["\u{a9}", "copyright"];
/// First words of the [`TAG_LIST`] rule.
const TAG_LIST_WORDS: [&str; 5] = ["tag", "tags", "topic", "topics", "keywords"];
/// First words of the [`CALL_TO_ACTION`] alternatives.
const CALL_TO_ACTION_WORDS: [&str; 5] = ["subscribe", "sign", "follow", "join", "download"];
/// First words of the [`CAPTION_START`] alternatives.
const CAPTION_START_WORDS: [&str; 7] = [
    "screenshot",
    "screengrab",
    "screen",
    "illustrative",
    "file",
    "archive",
    "collage",
];
/// First words of the [`AGENCY`] alternatives (case-sensitive).
const AGENCY_WORDS: [&str; 10] = [
    "Reuters",
    "AP",
    "AFP",
    "EPA",
    "Getty",
    "PA",
    "Bloomberg",
    "Shutterstock",
    "Associated",
    "Agence",
];
/// First words of the [`RELATED`] alternatives.
const RELATED_WORDS: [&str; 9] = [
    "read",
    "also",
    "related",
    "see",
    "more",
    "recommended",
    "most",
    "further",
    "you",
];
/// First words of the [`BYLINE`] alternatives.
const BYLINE_WORDS: [&str; 5] = ["by", "written", "words", "author", "authors"];
/// First words of the [`SOURCE_LINE`] alternatives.
const SOURCE_LINE_WORDS: [&str; 4] = ["source", "via", "publisher", "published"];

static BOILERPLATE: Rule = LazyLock::new(|| {
    regex(
        r"(?i)^(advertisement|advert|ads?|sponsored( content)?|paid (content|post)|skip advertisement|story continues below( advertisement)?|article continues below( advertisement)?|continue reading( the main story)?|share( this( article| story| page)?)?|share on \w+|copy link|print|listen to (this|the) article|loading\.*|scroll to continue|all rights reserved|anzeige|werbung|publicité|реклама)[.!:]?$",
    )
});

/// A copyright notice line, a boilerplate alternative of its own: the
/// bounded `.{0,80}` makes a big automaton, so it is compiled only for lines
/// that open with a copyright word.
static COPYRIGHT: Rule = LazyLock::new(|| regex(r"(?i)^((©|copyright)\s*\d{4}\b.{0,80})[.!:]?$"));

/// A "Tags: ..." line, a boilerplate alternative of its own (like
/// [`COPYRIGHT`], for its bounded `.{0,160}`).
static TAG_LIST: Rule =
    LazyLock::new(|| regex(r"(?i)^((tags?|topics?|keywords)\s*:.{0,160})[.!:]?$"));

static CALL_TO_ACTION: Rule = LazyLock::new(|| {
    regex(r"(?i)^(subscribe|sign up|follow us|join us|download (our|the) app)\b.{0,80}$")
});

/// A credit label and what follows it, at the start of a line:
/// "Photo: NAME", "(Image by NAME". [`caption_tail`] finds it after an
/// optional caption text of up to 250 chars ending in a separator. (As one
/// regex, `.{0,250}?` before it, compiling took 15 ms of every start.)
static CREDIT: Rule = LazyLock::new(|| {
    regex(
        r"(?i)^\(?(?:photos?|photograph|images?|pictures?|pic|illustration|videos?|graphic|credit)(?:\s+credit)?\s*(?::|by\b|courtesy\b|/)\s*(\S.*)$",
    )
});

/// Longest caption text before the credit label, in chars.
const CREDIT_PREFIX_MAX: usize = 250;

/// What follows the credit label of a caption line, as the regex
/// `^(?:.{0,250}?(?:[.|/—–(]|\s-)\s*)?CREDIT` would capture it: the shortest
/// caption text before a separator wins, else the label must open the line.
fn caption_tail(line: &str) -> Option<&str> {
    let tail_at = |from: usize| -> Option<&str> {
        let rest = line.get(from..)?;
        let rest = rest.trim_start_matches(char::is_whitespace);
        let start = line.len() - rest.len();
        let caps = CREDIT.as_ref()?.captures(rest)?;
        let group = caps.get(1)?;
        line.get(start + group.start()..start + group.end())
    };
    let mut chars = line.char_indices().peekable();
    let mut count = 0;
    while let Some((at, c)) = chars.next() {
        if count > CREDIT_PREFIX_MAX {
            break;
        }
        let after = at + c.len_utf8();
        let separator_end = if matches!(c, '.' | '|' | '/' | '—' | '–' | '(') {
            Some(after)
        } else if c.is_whitespace() && chars.peek().is_some_and(|&(_, n)| n == '-') {
            Some(after + 1)
        } else {
            None
        };
        if let Some(end) = separator_end {
            if let Some(tail) = tail_at(end) {
                return Some(tail);
            }
        }
        if c == '\n' {
            break;
        }
        count += 1;
    }
    tail_at(0)
}

static CAPTION_START: Rule = LazyLock::new(|| {
    regex(
        r"(?i)^(screenshot|screengrab|screen grab|illustrative (photo|image|picture)|file (photo|picture|image)|archive photo|collage)\b",
    )
});

static AGENCY: Rule = LazyLock::new(|| {
    regex(
        r"^(Reuters|AP|AFP|EPA|EPA-EFE|Getty Images|PA Media|PA|Bloomberg|Shutterstock|Associated Press|Agence France-Presse)(\s*/\s*.{1,60})?$",
    )
});

static RELATED: Rule = LazyLock::new(|| {
    regex(
        r"(?i)^(read more|read also|also read|read next|related|related (articles?|stories|news|coverage|reading)|see also|more on this( story| topic)?|recommended( reading)?|most read|further reading|you (may|might) also like|more stories|more news)(\s*[:.\-–—]\s*|\s*$)(.*)$",
    )
});

static BYLINE: Rule =
    LazyLock::new(|| regex(r"(?i)^(?:by|written by|words by|author:|authors:)\s+(.+)$"));

static SOURCE_LINE: Rule =
    LazyLock::new(|| regex(r"(?i)^(?:source|via|publisher|published by)\s*:\s*(.{1,80})$"));

static DATELINE: Rule = LazyLock::new(|| {
    regex(
        r"^([\p{Lu}][\p{L} .'-]{1,40}?(?:,\s*[\p{L}0-9 .'-]{1,30})?)\s*\(([^()]{2,40})\)\s*[-–—]+\s*",
    )
});

/// Whether a line opens with a quote mark (and so is body text whatever it says).
#[must_use]
pub(crate) fn starts_with_quote(line: &str) -> bool {
    line.trim_start().starts_with([
        '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‹', '›', '「', '『',
    ])
}

/// Whether a line ends like a sentence (or a quotation does).
#[must_use]
pub(crate) fn ends_with_terminal(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»', ')'])
        .ends_with([
            '.', '!', '?', ':', ';', ',', '…', '。', '！', '？', '：', '；', '，', '、',
        ])
}

/// Whether a line starts like a headline: a capital, a digit, or a letter of a
/// script without case (CJK, Arabic...).
#[must_use]
pub(crate) fn starts_capital(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
}

/// Whether a line is too long for a heading in a script written without
/// spaces (one or two "words" but many chars).
fn unspaced_and_long(line: &str, max_chars: usize) -> bool {
    word_count(line) <= 2 && line.chars().count() > max_chars
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A lone boilerplate line ("Advertisement", "Share this article", "Subscribe
/// to our channel") that is dropped.
#[must_use]
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let line = line.trim().trim_matches(['-', '–', '—', '|', '*', ' ']);
    if starts_with_quote(line) || word_count(line) > 14 {
        return false;
    }
    (opens_with_word(line, &BOILERPLATE_WORDS, true) && is_match(&BOILERPLATE, line))
        || (opens_with_word(line, &COPYRIGHT_WORDS, true) && is_match(&COPYRIGHT, line))
        || (opens_with_word(line, &TAG_LIST_WORDS, true) && is_match(&TAG_LIST, line))
        || (opens_with_word(line, &CALL_TO_ACTION_WORDS, true)
            && is_match(&CALL_TO_ACTION, line)
            && word_count(line) <= 10
            && !line.contains(", "))
}

/// Site navigation at the top: `Home | World | Europe`, `News > Politics`.
#[must_use]
pub(crate) fn is_breadcrumb(line: &str) -> bool {
    let pieces: Vec<&str> = line
        .split(['|', '>', '›', '»', '/'])
        .map(str::trim)
        .collect();
    pieces.len() >= 3
        && pieces
            .iter()
            .all(|p| (1..=3).contains(&word_count(p)) && !ends_with_terminal(p))
}

/// A photo caption or credit line ("Donald Trump. Photo: Reuters", "(Photo by
/// X/AP)", "Screenshot of the post", "Getty Images/AFP").
#[must_use]
pub(crate) fn is_caption(line: &str) -> bool {
    let line = line.trim();
    if starts_with_quote(line) || line.chars().count() > CAPTION_MAX_CHARS {
        return false;
    }
    credit_caption(line)
        || (opens_with_word(line, &CAPTION_START_WORDS, true)
            && is_match(&CAPTION_START, line)
            && (word_count(line) <= 12 || !ends_with_terminal(line) && word_count(line) <= 30))
        || (line.contains('/') && is_agency(line))
}

/// "... Photo: CREDIT" where the credit is a short name, not more sentences
/// ("Talks ended. Photos by the agency showed damage to the port." is text).
fn credit_caption(line: &str) -> bool {
    if !has_caption_word(line) {
        return false;
    }
    let Some(tail) = caption_tail(line) else {
        return false;
    };
    let tail = tail.trim();
    word_count(tail) <= 10 && !tail.contains(". ") && !tail.ends_with(['!', '?'])
}

/// A cheap pre-check for [`caption_tail`]: every line it matches contains one of
/// these words, and skipping its slow regex on ordinary paragraphs makes
/// loading several times faster.
fn has_caption_word(line: &str) -> bool {
    const WORDS: [&str; 7] = [
        "photo",
        "image",
        "pic",
        "illustration",
        "video",
        "graphic",
        "credit",
    ];
    let lower = line.to_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

/// A bare news agency name on its own line ("Reuters").
#[must_use]
pub(crate) fn is_agency(line: &str) -> bool {
    let line = line.trim();
    opens_with_word(line, &AGENCY_WORDS, false) && is_match(&AGENCY, line)
}

/// What a "Read more" style line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Related {
    /// The label alone: the headlines follow on their own lines.
    Label,
    /// Label and headline on one line ("Read also: Talks resume").
    Inline(String),
}

/// A "Read more:", "Related:", "See also:" line.
#[must_use]
pub(crate) fn related(line: &str) -> Option<Related> {
    let line = line.trim();
    if starts_with_quote(line)
        || line.chars().count() > 200
        || !opens_with_word(line, &RELATED_WORDS, true)
    {
        return None;
    }
    let caps = captures(&RELATED, line)?;
    let tail = caps.get(caps.len() - 1).map_or("", |m| m.as_str()).trim();
    if tail.is_empty() {
        Some(Related::Label)
    } else {
        Some(Related::Inline(tail.to_owned()))
    }
}

/// The names of a byline ("By Jane Doe and John Roe, Reuters" gives "Jane Doe
/// and John Roe, Reuters").
#[must_use]
pub(crate) fn byline(line: &str) -> Option<String> {
    let line = line.trim();
    if starts_with_quote(line) || !opens_with_word(line, &BYLINE_WORDS, true) {
        return None;
    }
    let names = captures(&BYLINE, line)?.get(1)?.as_str().trim();
    let first_upper = names.chars().next().is_some_and(char::is_uppercase);
    let short = word_count(names) <= 12 && names.chars().count() <= 120;
    (first_upper && short && !names.ends_with(['.', '!', '?']) || names.ends_with(" Jr."))
        .then(|| names.to_owned())
}

/// A "Source: X" line near the top.
#[must_use]
pub(crate) fn source_line(line: &str) -> Option<String> {
    let line = line.trim();
    if !opens_with_word(line, &SOURCE_LINE_WORDS, true) {
        return None;
    }
    let caps = captures(&SOURCE_LINE, line)?;
    Some(caps.get(1)?.as_str().trim().to_owned())
}

/// A wire dateline opening a paragraph, `KYIV, Oct 16 (Reuters) - text`: the
/// agency and the rest of the paragraph.
#[must_use]
pub(crate) fn dateline(paragraph: &str) -> Option<(String, String)> {
    if !may_be_dateline(paragraph) {
        return None;
    }
    let caps = captures(&DATELINE, paragraph)?;
    let agency = caps.get(2)?.as_str().trim();
    let rest = paragraph.get(caps.get(0)?.end()..)?.trim();
    let agency_like =
        agency.chars().next().is_some_and(char::is_uppercase) && word_count(agency) <= 4;
    (agency_like && !rest.is_empty()).then(|| (agency.to_owned(), rest.to_owned()))
}

/// A cheap necessary condition for [`DATELINE`] (whose Unicode repetitions
/// take ~15 ms to compile, so ordinary paragraphs must not force it): a
/// capital first, and the first `(` closes after 2 to 40 chars and is
/// followed by a dash. None of the classes before `\(` holds a paren, so the
/// first `(` is the one the regex needs.
fn may_be_dateline(paragraph: &str) -> bool {
    if !paragraph.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let Some(after) = paragraph
        .find('(')
        .and_then(|open| paragraph.get(open + 1..))
    else {
        return false;
    };
    let Some(close) = after.find(['(', ')']) else {
        return false;
    };
    let inside = after.get(..close).map_or(0, |s| s.chars().count());
    after.get(close..).is_some_and(|r| r.starts_with(')'))
        && (2..=40).contains(&inside)
        && after
            .get(close + 1..)
            .is_some_and(|rest| rest.trim_start().starts_with(['-', '–', '—']))
}

/// A short line that could be a subheading or headline: a few words, starting
/// with a capital or digit, no terminal punctuation, not a quote.
#[must_use]
pub(crate) fn is_heading_like(line: &str) -> bool {
    let line = line.trim();
    let words = word_count(line);
    (1..=HEADING_MAX_WORDS).contains(&words)
        && line.chars().count() <= 90
        && !unspaced_and_long(line, 30)
        && starts_capital(line)
        && line.chars().any(char::is_alphabetic)
        && !starts_with_quote(line)
        && !ends_with_terminal(line)
        && !line.ends_with(['"', '”', '’', '»'])
}

/// A headline for the title: like a subheading but up to twenty words, and a
/// question or exclamation mark may end it.
#[must_use]
pub(crate) fn is_headline_like(line: &str) -> bool {
    let line = line.trim();
    let words = word_count(line);
    let body = line.trim_end_matches(['?', '!']);
    (1..=20).contains(&words)
        && line.chars().count() <= 200
        && !unspaced_and_long(line, 60)
        && starts_capital(line)
        && !starts_with_quote(line)
        && !ends_with_terminal(body)
}

/// A short line that reads as a related headline after a "Read more" label.
#[must_use]
pub(crate) fn is_related_headline(line: &str) -> bool {
    let words = word_count(line);
    (1..=30).contains(&words) && line.chars().count() <= 250
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        for line in [
            "Advertisement",
            "ADVERTISEMENT",
            "Sponsored",
            "Share this article",
            "Subscribe to our Telegram channel",
            "Follow us on X",
            "- Advertisement -",
            "© 2025 Example News",
            "Tags: Ukraine, USA",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Advertisement revenue fell sharply in the third quarter, the company said.",
            "\"Subscribe,\" he said.",
            "Shares fell 3%.",
            "Sign up was slow, officials said.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn caption_lines() {
        for line in [
            "Donald Trump. Photo: Reuters",
            "Photo: Reuters",
            "Image: Getty",
            "(Photo by Jane Doe/AP)",
            "Screenshot of Donald Trump's post",
            "Rescuers at the site | Photo: State Emergency Service",
            "Getty Images/AFP",
            "Protesters in Kyiv (Photo: EPA)",
        ] {
            assert!(is_caption(line), "{line}");
        }
        for line in [
            "He posted a photo: it showed the two men shaking hands.",
            "Talks ended. Photos by the agency showed damage to the port and to ships nearby in the bay.",
            "Talks ended. Photo: the agency. It showed damage.",
            "\"Photo: nothing,\" she said.",
            "The photographer said the images were genuine.",
            "Reuters",
            "Screenshot of the chat, which was shared widely on Monday, shows that the two ministers had agreed earlier.",
        ] {
            assert!(!is_caption(line), "{line}");
        }
    }

    #[test]
    fn related_lines() {
        assert_eq!(related("Read more:"), Some(Related::Label));
        assert_eq!(related("See also"), Some(Related::Label));
        assert_eq!(
            related("Read also: Talks resume in Geneva"),
            Some(Related::Inline("Talks resume in Geneva".into()))
        );
        assert_eq!(related("Related coverage:"), Some(Related::Label));
        assert_eq!(related("Relatedness is hard to measure."), None);
        assert_eq!(related("\"Read more,\" she urged."), None);
    }

    #[test]
    fn byline_and_source_lines() {
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("By Jane Doe and John Roe, Reuters").as_deref(),
            Some("Jane Doe and John Roe, Reuters")
        );
        assert_eq!(byline("by the way, nothing happened."), None);
        assert_eq!(byline("\"By God,\" he said"), None);
        assert_eq!(source_line("Source: Reuters").as_deref(), Some("Reuters"));
        assert!(is_agency("Reuters"));
    }

    #[test]
    fn dateline_precheck_passes_every_regex_match() {
        let samples = [
            "KYIV, Oct 16 (Reuters) - Ukraine said on Thursday it was ready.",
            "WASHINGTON (AP) — The Senate voted.",
            "São Paulo, Brazil (AFP)\u{a0}–– Talks resumed.",
            "ÉVORA (Lusa) -text",
            "The talks (which lasted hours) - were long.",
            "No brackets here - at all.",
            "lower (x) - y",
            "BERLIN (dpa) and more (later) - end",
        ];
        for p in samples {
            if is_match(&DATELINE, p) {
                assert!(may_be_dateline(p), "{p}");
            }
        }
        assert!(may_be_dateline(samples[0]));
        assert!(!may_be_dateline("No brackets here - at all."));
        assert!(!may_be_dateline("lower (x) - y"));
    }

    #[test]
    fn dateline_splits_agency() {
        assert_eq!(
            dateline("KYIV, Oct 16 (Reuters) - Ukraine said on Thursday it was ready."),
            Some((
                "Reuters".into(),
                "Ukraine said on Thursday it was ready.".into()
            ))
        );
        assert_eq!(
            dateline("The talks (which lasted hours) - were long."),
            None
        );
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("Home | World | Europe"));
        assert!(is_breadcrumb("News › Politics › Elections"));
        assert!(!is_breadcrumb("Home | World"));
        assert!(!is_breadcrumb(
            "By Jane Doe | Reuters | October 16, 2025 and more words here"
        ));
    }

    #[test]
    fn heading_shapes() {
        assert!(is_heading_like("Ukraine's reaction"));
        assert!(is_heading_like(
            "Results of the conversation between Trump and Putin"
        ));
        assert!(!is_heading_like("It lasted more than two hours."));
        assert!(!is_heading_like("\"No comment\""));
        assert!(!is_heading_like("lowercase start"));
        assert!(is_headline_like("Will the talks work?"));
        assert!(is_headline_like("京都市、宿泊税を引き上げへ"));
        assert!(is_heading_like("市の反応"));
        assert!(!is_heading_like(
            "京都市議会は十二日、観光客が支払う宿泊税を来年四月から引き上げる条例案を賛成多数で可決した"
        ));
        assert!(!is_heading_like(
            "市は増えた税収を市バスの増便に充てる方針だ。"
        ));
    }

    #[test]
    fn caption_tail_captures_what_the_single_regex_did() {
        let old = Regex::new(
            r"(?i)^(?:.{0,250}?(?:[.|/—–(]|\s-)\s*)?\(?(?:photos?|photograph|images?|pictures?|pic|illustration|videos?|graphic|credit)(?:\s+credit)?\s*(?::|by\b|courtesy\b|/)\s*(\S.*)$",
        )
        .unwrap();
        let long = "x".repeat(249);
        let lines = [
            "Photo: Anna Berg",
            "(Photo by Jon Lie/Reuters)",
            "A ship in port. Photo: Jon Lie",
            "Dockers at the gate | Image courtesy of the union",
            "Talks ended. Photos by the agency showed damage. Photo: AP",
            "The mayor - photo: city hall",
            "No credit here at all",
            "photograph/ Kari Nordmann",
            "Ships — Picture: Ola",
            "Credit credit: Someone",
            &format!("{long}. Photo: Far away"),
            &format!("{long}xx. Photo: Too far"),
            &format!("{long}xx. and Photo: x. Photo: y"),
            "Un été à Genève. Image : Zoë",
            "A line\n- Photo: next",
            "photo:",
            "PHOTO BY: ME",
        ];
        for line in lines {
            let want = old
                .captures(line)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            assert_eq!(caption_tail(line), want, "{line:?}");
        }
    }

    #[test]
    fn the_dateline_precheck_never_hides_a_match() {
        let paragraphs = [
            "KYIV, Oct 16 (Reuters) - Talks resumed.",
            "Oslo (NTB) – The council met.",
            "Oslo (NTB)—Text",
            "Oslo  (NTB)   -   Text",
            "Oslo (N) - too short agency",
            "oslo (NTB) - lower case",
            "The plan (announced on Monday) was cheap.",
            "Bergen (x(y)) - nested",
            "São Paulo, Brazil (AFP) - Text",
            "No parens at all - here",
        ];
        for p in paragraphs {
            if DATELINE.as_ref().unwrap().is_match(p) {
                assert!(may_be_dateline(p), "{p:?}");
            }
        }
        assert!(!may_be_dateline(
            "The plan (announced on Monday) was cheap."
        ));
        assert!(dateline("KYIV, Oct 16 (Reuters) - Talks resumed.").is_some());
    }

    /// Lines for the pre-check tests: tricky case folds plus every line of
    /// the sample articles.
    fn precheck_lines() -> Vec<String> {
        let mut lines: Vec<String> = [
            "Advertisement",
            "ADS",
            "\u{17F}hare this article",
            "S\u{17F}ponsored content",
            "\u{212A}eywords: war, ports",
            "Tags: Ukraine, shipping",
            "Topics:",
            "\u{a9} 2024 Example News. All rights reserved.",
            "Copyright 2023 Reuters",
            "PUBLICIT\u{c9}",
            "\u{420}\u{415}\u{41a}\u{41b}\u{410}\u{41c}\u{410}",
            "Subscribe to our channel",
            "Sign up for the newsletter",
            "Screenshot of the post",
            "File photo: a port",
            "Reuters",
            "AFP/Getty Images",
            "EPA-EFE/John Doe",
            "Read more:",
            "Read also: Talks resume",
            "You might also like",
            "By Jane Doe",
            "Written by John Roe",
            "Authors: A and B",
            "Source: Reuters",
            "Published by: Example",
            "Adding ports to the deal",
            "The talks ended",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                lines.extend(text.lines().map(|l| l.trim().to_owned()));
            }
        }
        lines
    }

    #[test]
    fn word_prechecks_never_hide_a_match() {
        let rules: [(&Rule, &[&str], bool); 9] = [
            (&BOILERPLATE, &BOILERPLATE_WORDS, true),
            (&COPYRIGHT, &COPYRIGHT_WORDS, true),
            (&TAG_LIST, &TAG_LIST_WORDS, true),
            (&CALL_TO_ACTION, &CALL_TO_ACTION_WORDS, true),
            (&CAPTION_START, &CAPTION_START_WORDS, true),
            (&AGENCY, &AGENCY_WORDS, false),
            (&RELATED, &RELATED_WORDS, true),
            (&BYLINE, &BYLINE_WORDS, true),
            (&SOURCE_LINE, &SOURCE_LINE_WORDS, true),
        ];
        let mut matched = 0;
        for line in precheck_lines() {
            for (rule, words, fold_case) in &rules {
                if is_match(rule, &line) {
                    matched += 1;
                    assert!(opens_with_word(&line, words, *fold_case), "{line:?}");
                }
            }
        }
        assert!(
            matched >= 25,
            "only {matched} matches: the lines lost their point"
        );
    }

    #[test]
    fn split_boilerplate_matches_like_the_single_regex() {
        let old = Regex::new(
            r"(?i)^(advertisement|advert|ads?|sponsored( content)?|paid (content|post)|skip advertisement|story continues below( advertisement)?|article continues below( advertisement)?|continue reading( the main story)?|share( this( article| story| page)?)?|share on \w+|copy link|print|listen to (this|the) article|loading\.*|scroll to continue|all rights reserved|(©|copyright)\s*\d{4}\b.{0,80}|anzeige|werbung|publicité|реклама|(tags?|topics?|keywords)\s*:.{0,160})[.!:]?$",
        )
        .unwrap();
        let long = format!("Tags: {}", "x".repeat(160));
        let mut lines = precheck_lines();
        lines.extend([long.clone(), format!("{long}."), format!("{long}x")]);
        for line in lines {
            let split = is_match(&BOILERPLATE, &line)
                || is_match(&COPYRIGHT, &line)
                || is_match(&TAG_LIST, &line);
            assert_eq!(old.is_match(&line), split, "{line:?}");
        }
    }
}
