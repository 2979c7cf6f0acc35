//! The article laid out as wrapped, marked-up lines for one text width.
//!
//! Each line carries an [`Anchor`] (field section + char offset of its first
//! char), so a reading position survives rewrapping: it is stored as an
//! anchor, never as a line number.

use crate::article::{Article, BlockKind, Field};
use crate::nlp::Analysis;

use super::wrap::{self, Grapheme};

/// Which part of the screen document a line belongs to, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The headline.
    Title,
    /// Byline, source and date.
    Meta,
    /// The article text.
    Body,
    /// The "Captions" label.
    CaptionsLabel,
    /// The n-th caption.
    Caption(usize),
    /// The "Read more" label.
    RelatedLabel,
    /// The n-th related headline.
    Related(usize),
}

impl Section {
    /// The section that shows a field.
    #[must_use]
    pub fn of_field(field: Field) -> Section {
        match field {
            Field::Title => Section::Title,
            Field::Body => Section::Body,
            Field::Caption(i) => Section::Caption(i),
            Field::Related(i) => Section::Related(i),
        }
    }
}

/// A reading position: a section and a char offset in its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Anchor {
    /// The section.
    pub section: Section,
    /// Char offset into the section's field.
    pub offset: usize,
}

impl Anchor {
    /// The start of the document.
    pub const START: Anchor = Anchor {
        section: Section::Title,
        offset: 0,
    };
}

/// What a line is, which picks its base style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Headline text.
    Title,
    /// Byline, source, date.
    Meta,
    /// Running text.
    Body,
    /// A subheading of the body.
    Heading,
    /// "— Speaker" after a paragraph with quotes.
    Speaker,
    /// A block label ("Captions", "Read more").
    Label,
    /// A caption.
    Caption,
    /// A related headline.
    Related,
    /// An empty separator line.
    Blank,
}

/// What the two-column gutter left of a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gutter {
    /// Nothing.
    None,
    /// A bar: the line holds quoted text.
    Quote,
    /// A bullet: first line of a list item.
    Bullet,
}

/// A run of text with one markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text (whole grapheme clusters).
    pub text: String,
    /// Index into `Analysis::mentions` when the run is a mention.
    pub mention: Option<usize>,
    /// Index into `Analysis::quotes` when the run is quoted.
    pub quote: Option<usize>,
}

/// One wrapped screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Where its first char is.
    pub anchor: Anchor,
    /// Its base style.
    pub role: Role,
    /// Its gutter mark.
    pub gutter: Gutter,
    /// Its runs, left to right.
    pub pieces: Vec<Piece>,
}

/// Mention and quote ranges of one field, sorted by start.
struct Marks {
    mentions: Vec<(usize, usize, usize)>,
    quotes: Vec<(usize, usize, usize)>,
}

impl Marks {
    fn of(analysis: &Analysis, field: Field) -> Marks {
        let mut mentions: Vec<_> = (analysis.mentions.iter().enumerate())
            .filter(|(_, m)| m.field == field)
            .map(|(i, m)| (m.start, m.end, i))
            .collect();
        let mut quotes: Vec<_> = (analysis.quotes.iter().enumerate())
            .filter(|(_, q)| q.field == field)
            .map(|(i, q)| (q.start, q.end, i))
            .collect();
        mentions.sort_unstable();
        quotes.sort_unstable();
        Marks { mentions, quotes }
    }

    fn find(ranges: &[(usize, usize, usize)], offset: usize) -> Option<usize> {
        let after = ranges.partition_point(|r| r.0 <= offset);
        ranges[..after]
            .iter()
            .rev()
            .take(4)
            .find(|r| offset < r.1)
            .map(|r| r.2)
    }

    fn mention_at(&self, offset: usize) -> Option<usize> {
        Self::find(&self.mentions, offset)
    }

    /// The quote holding `g`; its opening and closing marks count as quoted.
    fn quote_at(&self, g: &Grapheme<'_>) -> Option<usize> {
        Self::find(&self.quotes, g.offset).or_else(|| {
            if !is_quote_mark(g.text) {
                return None;
            }
            (self.quotes.iter())
                .find(|q| q.0 == g.offset + 1 || q.1 == g.offset)
                .map(|q| q.2)
        })
    }
}

fn is_quote_mark(text: &str) -> bool {
    matches!(
        text,
        "\"" | "'"
            | "“"
            | "”"
            | "„"
            | "‘"
            | "’"
            | "«"
            | "»"
            | "‹"
            | "›"
            | "「"
            | "」"
            | "『"
            | "』"
    )
}

/// Lays out a whole article for a text `width` (gutter excluded).
#[must_use]
pub fn build(article: &Article, analysis: &Analysis, width: usize) -> Vec<Line> {
    let mut out = Vec::new();
    // A title derived from the first sentence would show that sentence twice
    // in a row; the list and the export keep it, the text starts with the body.
    if let (Some(title), false) = (&article.title, article.title_derived) {
        let marks = Marks::of(analysis, Field::Title);
        let text = Text::new(Section::Title, title, 0);
        push_text(&mut out, &text, width, Role::Title, &marks);
    }
    let meta = meta_line(article);
    if !meta.is_empty() {
        let empty = Marks {
            mentions: Vec::new(),
            quotes: Vec::new(),
        };
        push_text(
            &mut out,
            &Text::new(Section::Meta, &meta, 0),
            width,
            Role::Meta,
            &empty,
        );
    }
    push_body(&mut out, article, analysis, width);
    push_list(&mut out, article, analysis, width, false);
    push_list(&mut out, article, analysis, width, true);
    out
}

/// "Byline · Source · Date", whichever exist.
fn meta_line(article: &Article) -> String {
    let date = article.date.as_ref().or(article.date_raw.as_ref());
    [article.byline.as_ref(), article.source.as_ref(), date]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A piece of field text to lay out.
struct Text<'a> {
    section: Section,
    text: &'a str,
    base: usize,
}

impl<'a> Text<'a> {
    fn new(section: Section, text: &'a str, base: usize) -> Text<'a> {
        Text {
            section,
            text,
            base,
        }
    }
}

/// A blank separator line; none at the very top (an article with no title
/// line starts with its first paragraph).
fn blank(out: &mut Vec<Line>, anchor: Anchor) {
    if out.is_empty() {
        return;
    }
    out.push(Line {
        anchor,
        role: Role::Blank,
        gutter: Gutter::None,
        pieces: Vec::new(),
    });
}

fn push_body(out: &mut Vec<Line>, article: &Article, analysis: &Analysis, width: usize) {
    let marks = Marks::of(analysis, Field::Body);
    let total = article.body.chars().count();
    let blocks: Vec<(usize, usize, BlockKind)> = if article.paragraphs.is_empty() {
        vec![(0, total, BlockKind::Paragraph)]
    } else {
        (article.paragraphs.iter())
            .map(|b| (b.start.min(total), b.end.min(total), b.kind))
            .collect()
    };
    let mut cursor = CharCursor::new(&article.body);
    let mut previous_end = 0;
    for (start, end, kind) in blocks {
        if end <= start {
            continue;
        }
        let Some(text) = cursor.slice(start, end) else {
            continue;
        };
        let anchor = Anchor {
            section: Section::Body,
            offset: (previous_end + 1).min(start),
        };
        blank(out, anchor);
        let role = match kind {
            BlockKind::Heading => Role::Heading,
            BlockKind::Paragraph => Role::Body,
        };
        push_text(
            out,
            &Text::new(Section::Body, text, start),
            width,
            role,
            &marks,
        );
        push_speakers(out, analysis, start, end, width);
        previous_end = end;
    }
}

/// A dim "— Name" line for each speaker of a quote ending in this block.
fn push_speakers(out: &mut Vec<Line>, analysis: &Analysis, start: usize, end: usize, width: usize) {
    let mut names: Vec<&str> = Vec::new();
    for quote in &analysis.quotes {
        if quote.field == Field::Body && quote.end > start && quote.end <= end {
            if let Some(name) = analysis.speaker_name(quote) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    for name in names {
        out.push(Line {
            anchor: Anchor {
                section: Section::Body,
                offset: end,
            },
            role: Role::Speaker,
            gutter: Gutter::Quote,
            pieces: vec![Piece {
                text: wrap::truncate(&format!("— {name}"), width),
                mention: None,
                quote: None,
            }],
        });
    }
}

/// The "Captions" or "Read more" block.
fn push_list(
    out: &mut Vec<Line>,
    article: &Article,
    analysis: &Analysis,
    width: usize,
    related: bool,
) {
    let (items, label, label_section) = if related {
        (&article.related, "Read more", Section::RelatedLabel)
    } else {
        (&article.captions, "Captions", Section::CaptionsLabel)
    };
    if items.is_empty() {
        return;
    }
    let label_anchor = Anchor {
        section: label_section,
        offset: 0,
    };
    blank(out, label_anchor);
    out.push(Line {
        anchor: label_anchor,
        role: Role::Label,
        gutter: Gutter::None,
        pieces: vec![Piece {
            text: label.to_owned(),
            mention: None,
            quote: None,
        }],
    });
    for (i, item) in items.iter().enumerate() {
        let (field, section, role) = if related {
            (Field::Related(i), Section::Related(i), Role::Related)
        } else {
            (Field::Caption(i), Section::Caption(i), Role::Caption)
        };
        let marks = Marks::of(analysis, field);
        let first = out.len();
        push_text(out, &Text::new(section, item, 0), width, role, &marks);
        if let (true, Some(line)) = (related, out.get_mut(first)) {
            line.gutter = Gutter::Bullet;
        }
    }
}

/// Wraps one text and appends its lines.
fn push_text(out: &mut Vec<Line>, text: &Text<'_>, width: usize, role: Role, marks: &Marks) {
    let gs = wrap::graphemes(text.text, text.base);
    for range in wrap::wrap(&gs, width) {
        let offset = gs.get(range.start).map_or(text.base, |g| g.offset);
        let cells = gs.get(range).unwrap_or(&[]);
        let pieces = pieces(cells, marks);
        let quoted = pieces.iter().any(|p| p.quote.is_some());
        out.push(Line {
            anchor: Anchor {
                section: text.section,
                offset,
            },
            role,
            gutter: if quoted { Gutter::Quote } else { Gutter::None },
            pieces,
        });
    }
}

/// Groups consecutive clusters with the same markup into pieces.
fn pieces(cells: &[Grapheme<'_>], marks: &Marks) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for g in cells {
        let mention = marks.mention_at(g.offset);
        let quote = marks.quote_at(g);
        match pieces.last_mut() {
            Some(p) if p.mention == mention && p.quote == quote => p.text.push_str(g.text),
            _ => pieces.push(Piece {
                text: g.text.to_owned(),
                mention,
                quote,
            }),
        }
    }
    pieces
}

/// Slices a string by char offsets, moving forward through it in O(n) total.
struct CharCursor<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor {
            text,
            chars: 0,
            bytes: 0,
        }
    }

    fn byte_of(&mut self, char_offset: usize) -> Option<usize> {
        if char_offset < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        let rest = self.text.get(self.bytes..)?;
        let skip = char_offset - self.chars;
        let delta = match rest.char_indices().nth(skip) {
            Some((b, _)) => b,
            None if rest.chars().count() == skip => rest.len(),
            None => return None,
        };
        self.chars = char_offset;
        self.bytes += delta;
        Some(self.bytes)
    }

    fn slice(&mut self, start: usize, end: usize) -> Option<&'a str> {
        let from = self.byte_of(start)?;
        let to = self.byte_of(end)?;
        self.text.get(from..to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{Entity, EntityKind, Mention, Quote};

    fn article() -> Article {
        crate::article::load_bytes(
            "a.txt",
            "Talks\n\nAnna Berg met Tom.\n\n“We agree,” Berg said.".as_bytes(),
        )
        .unwrap()
    }

    fn analysis() -> Analysis {
        let mention = |start, end, text: &str| Mention {
            field: Field::Body,
            start,
            end,
            bytes: 0..0,
            text: text.to_owned(),
            title: None,
            entity: 0,
        };
        Analysis {
            mentions: vec![mention(0, 9, "Anna Berg"), mention(32, 36, "Berg")],
            entities: vec![Entity {
                name: "Anna Berg".into(),
                kind: EntityKind::Person,
                aliases: vec![],
                mentions: vec![0, 1],
            }],
            quotes: vec![Quote {
                field: Field::Body,
                start: 21,
                end: 30,
                text: "We agree,".into(),
                speaker: Some(0),
                cue: None,
            }],
            ..Analysis::default()
        }
    }

    #[test]
    fn marks_mentions_quotes_and_speakers() {
        let lines = build(&article(), &analysis(), 40);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect();
        assert_eq!(
            text,
            [
                "Talks",
                "",
                "Anna Berg met Tom.",
                "",
                "“We agree,” Berg said.",
                "— Anna Berg"
            ]
        );
        assert_eq!(lines[2].pieces[0].mention, Some(0));
        assert_eq!(lines[4].gutter, Gutter::Quote);
        assert_eq!(lines[4].pieces[0].text, "“We agree,”");
        assert_eq!(lines[4].pieces[0].quote, Some(0));
        assert_eq!(lines[4].pieces[2].mention, Some(1));
        assert_eq!(lines[4].anchor.offset, 20);
    }

    #[test]
    fn a_title_derived_from_the_first_sentence_is_not_shown_twice() {
        let text =
            "Anna Berg met Tom in Oslo on Monday to talk about the harbour plans.\n\nThey agreed.";
        let article = crate::article::load_bytes("b.txt", text.as_bytes()).unwrap();
        assert!(article.title_derived, "the loader derives this title");
        let lines = build(&article, &Analysis::default(), 200);
        let shown: Vec<String> = lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
            .filter(|l: &String| !l.is_empty())
            .collect();
        assert_eq!(
            shown[0],
            "Anna Berg met Tom in Oslo on Monday to talk about the harbour plans."
        );
        assert_eq!(
            shown
                .iter()
                .filter(|l| l.starts_with("Anna Berg met"))
                .count(),
            1
        );
    }

    #[test]
    fn anchors_are_sorted() {
        for width in 1..30 {
            let lines = build(&article(), &analysis(), width);
            assert!(lines.windows(2).all(|w| w[0].anchor <= w[1].anchor));
        }
    }

    #[test]
    fn cursor_slices_by_chars() {
        let mut c = CharCursor::new("añb漢c");
        assert_eq!(c.slice(1, 3), Some("ñb"));
        assert_eq!(c.slice(3, 5), Some("漢c"));
        assert_eq!(c.slice(0, 1), Some("a"));
        assert_eq!(c.slice(4, 9), None);
    }
}
