//! Sorting the blocks of pasted text into title, byline, date, source, body
//! paragraphs, subheadings, captions and related headlines, using the
//! whole-line rules of [`super::rules`].

use super::BlockKind;
use super::body::Draft;
use super::meta::date_line;
use super::rules::{self, Related};

/// Units this far from the top may still be metadata (title, byline, date, source).
const HEADER_UNITS: usize = 8;

/// One block of input before classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    /// The block's text, on one line.
    pub text: String,
    /// Whether the input marked it as a heading (Markdown `##`).
    pub heading: bool,
}

impl Unit {
    /// A block of running text (a heading only if the rules say so).
    pub(crate) fn text(text: impl Into<String>) -> Unit {
        Unit {
            text: text.into(),
            heading: false,
        }
    }
}

/// Which rules apply.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Look for a headline, byline, date and source at the top.
    pub header: bool,
    /// Treat short lone lines between paragraphs as subheadings.
    pub infer_headings: bool,
}

/// What one unit turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    Drop,
    Caption,
    RelatedLabel,
    Related(String),
    Body,
}

/// Classifies `units` into `draft` (appending to its blocks, captions and
/// related list, and filling empty metadata fields).
pub(crate) fn classify(units: &[Unit], options: Options, draft: &mut Draft) {
    let mut roles: Vec<Role> = units.iter().map(first_role).collect();
    mark_related_blocks(units, &mut roles);
    let body_start = if options.header {
        take_header(units, &mut roles, draft)
    } else {
        0
    };
    let mut first_paragraph = true;
    for (i, (unit, role)) in units.iter().zip(&roles).enumerate() {
        match role {
            Role::Drop | Role::RelatedLabel => {}
            Role::Caption => draft.captions.push(unit.text.clone()),
            Role::Related(headline) => draft.related.push(headline.clone()),
            Role::Body if i < body_start => {}
            Role::Body => {
                let kind = block_kind(units, &roles, i, options);
                let mut text = unit.text.clone();
                if kind == BlockKind::Paragraph && first_paragraph {
                    first_paragraph = false;
                    if let Some((agency, rest)) = rules::dateline(&text) {
                        draft.source.get_or_insert(agency);
                        text = rest;
                    }
                }
                draft.blocks.push((text, kind));
            }
        }
    }
}

/// The role a unit has on its own.
fn first_role(unit: &Unit) -> Role {
    let text = unit.text.trim();
    if text.is_empty() || rules::is_boilerplate(text) {
        Role::Drop
    } else if rules::starts_with_quote(text) {
        Role::Body
    } else if let Some(related) = rules::related(text) {
        match related {
            Related::Label => Role::RelatedLabel,
            Related::Inline(headline) => Role::Related(headline),
        }
    } else if rules::is_caption(text) {
        Role::Caption
    } else {
        Role::Body
    }
}

/// After a lone "Read more:" label, the short lines that follow are related
/// headlines, up to the first long paragraph.
fn mark_related_blocks(units: &[Unit], roles: &mut [Role]) {
    let mut in_block = false;
    for (unit, role) in units.iter().zip(roles.iter_mut()) {
        match role {
            Role::RelatedLabel => in_block = true,
            Role::Body if in_block => {
                let text = unit.text.trim();
                if !rules::starts_with_quote(text) && rules::is_related_headline(text) {
                    *role = Role::Related(text.to_owned());
                } else {
                    in_block = false;
                }
            }
            _ => {}
        }
    }
}

/// Takes the headline, byline, date and source from the top; returns the index
/// of the first unit of the body.
fn take_header(units: &[Unit], roles: &mut [Role], draft: &mut Draft) -> usize {
    let mut first_body = 0;
    for (i, unit) in units.iter().enumerate().take(HEADER_UNITS) {
        let Some(role) = roles.get(i) else { break };
        if *role != Role::Body {
            first_body = i + 1;
            continue;
        }
        let text = unit.text.trim();
        let taken = !rules::starts_with_quote(text)
            && (take_meta(text, draft)
                || rules::is_breadcrumb(text)
                || take_title(units, roles, i, draft)
                || take_outlet(text, draft));
        if !taken {
            return i;
        }
        if let Some(role) = roles.get_mut(i) {
            *role = Role::Drop;
        }
        first_body = i + 1;
    }
    first_body
}

/// Takes a short bare name as the source when it stands among byline and
/// date lines under the headline ("Ukrainska Pravda").
fn take_outlet(text: &str, draft: &mut Draft) -> bool {
    let beside_meta = draft.byline.is_some() || draft.date_raw.is_some();
    if draft.source.is_some() || !beside_meta || text.split_whitespace().count() > 4 {
        return false;
    }
    if !rules::is_heading_like(text) {
        return false;
    }
    draft.source = Some(text.to_owned());
    true
}

/// Takes a headline at `i` when none is set yet and body text follows.
fn take_title(units: &[Unit], roles: &[Role], i: usize, draft: &mut Draft) -> bool {
    let Some(unit) = units.get(i) else {
        return false;
    };
    let body_follows = roles.iter().skip(i + 1).any(|r| *r == Role::Body);
    if draft.title.is_some() || !body_follows || !rules::is_headline_like(&unit.text) {
        return false;
    }
    draft.title = Some(unit.text.clone());
    true
}

/// Takes a byline, date or source line (or a `|`-separated mix of them).
fn take_meta(text: &str, draft: &mut Draft) -> bool {
    let parts: Vec<String> = text
        .split(['|', '·'])
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        return take_mixed(&parts, draft);
    }
    take_one(text, draft)
}

fn take_one(text: &str, draft: &mut Draft) -> bool {
    if draft.byline.is_none()
        && let Some(names) = rules::byline(text)
    {
        draft.byline = Some(names);
        return true;
    }
    if draft.date_raw.is_none()
        && let Some(date) = date_line(text)
    {
        draft.date_raw = Some(date);
        return true;
    }
    if draft.source.is_none() {
        if let Some(source) = rules::source_line(text) {
            draft.source = Some(source);
            return true;
        }
        if rules::is_agency(text) {
            draft.source = Some(text.to_owned());
            return true;
        }
    }
    false
}

/// `By Jane Doe | Reuters | October 16, 2025`: every piece must be a byline or
/// date, except at most one short piece taken as the source.
fn take_mixed(parts: &[String], draft: &mut Draft) -> bool {
    let mut trial = draft.clone();
    let mut unknown = Vec::new();
    for part in parts {
        if !take_one(part, &mut trial) {
            unknown.push(part);
        }
    }
    let known = parts.len() - unknown.len();
    let source_ok = match unknown.as_slice() {
        [] => true,
        [one] => trial.source.is_none() && one.split_whitespace().count() <= 4 && known > 0,
        _ => false,
    };
    if !source_ok {
        return false;
    }
    if let [one] = unknown.as_slice() {
        trial.source = Some((*one).clone());
    }
    *draft = trial;
    true
}

/// Paragraph, or heading: a marked heading, or a short lone line followed by a
/// paragraph.
fn block_kind(units: &[Unit], roles: &[Role], i: usize, options: Options) -> BlockKind {
    let Some(unit) = units.get(i) else {
        return BlockKind::Paragraph;
    };
    if unit.heading {
        return BlockKind::Heading;
    }
    if !options.infer_headings || !rules::is_heading_like(&unit.text) {
        return BlockKind::Paragraph;
    }
    let next_body = units
        .iter()
        .zip(roles)
        .skip(i + 1)
        .find(|(_, r)| !matches!(r, Role::Drop | Role::Caption));
    match next_body {
        Some((next, Role::Body)) if !next.heading && !rules::is_heading_like(&next.text) => {
            BlockKind::Heading
        }
        _ => BlockKind::Paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> Draft {
        let units: Vec<Unit> = lines.iter().map(|l| Unit::text(*l)).collect();
        let mut draft = Draft::default();
        let options = Options {
            header: true,
            infer_headings: true,
        };
        classify(&units, options, &mut draft);
        draft
    }

    #[test]
    fn header_takes_title_byline_and_date() {
        let d = run(&[
            "Talks resume in Geneva",
            "By Jane Doe and John Roe, Reuters",
            "Published 16 Oct 2025 09:12",
            "GENEVA (Reuters) - Negotiators met again on Thursday.",
            "They spoke for an hour.",
        ]);
        assert_eq!(d.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe and John Roe, Reuters"));
        assert_eq!(d.date_raw.as_deref(), Some("16 Oct 2025 09:12"));
        assert_eq!(d.source.as_deref(), Some("Reuters"));
        assert_eq!(
            d.blocks.first().map(|b| b.0.as_str()),
            Some("Negotiators met again on Thursday.")
        );
        assert_eq!(d.blocks.len(), 2);
    }

    #[test]
    fn site_chrome_at_the_top() {
        let d = run(&[
            "Home | World | Europe",
            "Leaders meet in Washington",
            "Thursday, 16 October 2025, 18:45",
            "By Olena Petrenko",
            "Example Pravda",
            "The president arrived in Washington on Thursday.",
            "Short heading",
            "He will meet the other president on Friday.",
            "Tags: Politics, USA",
        ]);
        assert_eq!(d.title.as_deref(), Some("Leaders meet in Washington"));
        assert_eq!(
            d.date_raw.as_deref(),
            Some("Thursday, 16 October 2025, 18:45")
        );
        assert_eq!(d.byline.as_deref(), Some("Olena Petrenko"));
        assert_eq!(d.source.as_deref(), Some("Example Pravda"));
        let texts: Vec<&str> = d.blocks.iter().map(|b| b.0.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The president arrived in Washington on Thursday.",
                "Short heading",
                "He will meet the other president on Friday."
            ]
        );
        assert_eq!(d.blocks[1].1, BlockKind::Heading);
    }

    #[test]
    fn mixed_meta_line_is_split() {
        let d = run(&[
            "Headline here",
            "By Jane Doe | Daily Example | October 16, 2025",
            "Body text follows here.",
        ]);
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.source.as_deref(), Some("Daily Example"));
        assert_eq!(d.date_raw.as_deref(), Some("October 16, 2025"));
    }

    #[test]
    fn captions_related_boilerplate_and_headings() {
        let d = run(&[
            "A man at a desk. Photo: Example Agency",
            "The first paragraph says something long enough to be body text.",
            "Advertisement",
            "What happened next",
            "\"Short quote\"",
            "Another paragraph of running text.",
            "Read more:",
            "First related headline",
            "Second \"quoted\" related headline",
        ]);
        assert_eq!(d.title, None);
        assert_eq!(d.captions, vec!["A man at a desk. Photo: Example Agency"]);
        assert_eq!(
            d.related,
            vec![
                "First related headline",
                "Second \"quoted\" related headline"
            ]
        );
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.1).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert!(d.blocks.iter().all(|b| !b.0.contains("Advertisement")));
    }

    #[test]
    fn quoted_line_is_never_metadata_or_title() {
        let d = run(&["\"By all means\"", "Body text follows here."]);
        assert_eq!(d.title, None);
        assert_eq!(d.byline, None);
        assert_eq!(d.blocks.len(), 2);
    }

    #[test]
    fn last_short_line_is_not_a_heading() {
        let d = run(&["A paragraph of text here.", "Signed off"]);
        assert!(d.blocks.iter().all(|b| b.1 == BlockKind::Paragraph));
    }
}
