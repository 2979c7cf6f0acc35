//! Saved web pages: decoded (BOM, `<meta charset>`, detection), bounded
//! (element and depth limits), cleaned of page furniture, the main text
//! extracted with `dom_smoothie` (a port of Mozilla Readability) and reduced
//! to paragraphs and headings, with the whole page as a fallback when
//! extraction finds nothing. Metadata comes from JSON-LD, then meta tags,
//! then the markup (see [`meta`]).

mod blocks;
mod clean;
mod limit;
mod meta;

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::body::Draft;
use super::layout::{self, Options, Unit};
use super::rules;
use super::{Article, LoadError, SourceFormat, article_id, encoding};

/// Extracted text shorter than this (in chars) is checked against the whole page.
const SHORT_EXTRACT_CHARS: usize = 500;

/// Parses a saved web page.
pub(crate) fn parse(origin: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let (text, warnings) = encoding::decode_html(origin, bytes);
    let mut draft = draft_from_html(origin, &text);
    draft.warnings.splice(0..0, warnings);
    let article = draft.finish(article_id(bytes), origin, SourceFormat::Html);
    super::require_text(origin, article)
}

/// Builds a draft from decoded HTML (also used for the HTML part of e-mail
/// and MHTML archives). Warnings name `origin`.
pub(crate) fn draft_from_html(origin: &str, html: &str) -> Draft {
    let (html, limit_warning) = limit::bound(html);
    let doc = Document::from(html.as_ref());
    let page = meta::read(&doc);
    let kept = clean::clean(&doc);
    let (units, byline) = match extract(doc) {
        Some((units, byline)) if chars(&units) >= SHORT_EXTRACT_CHARS => (units, byline),
        short => {
            let whole = whole_page(&html);
            match short {
                Some((units, byline)) if chars(&units) * 4 >= chars(&whole) => (units, byline),
                _ => (whole, None),
            }
        }
    };
    assemble(page, kept, units, byline, limit_warning, origin)
}

/// Runs Readability on the cleaned page: its content's text blocks and the
/// byline it found in the markup. `None` when it fails or finds nothing.
fn extract(doc: Document) -> Option<(Vec<Unit>, Option<String>)> {
    let config = Config {
        max_elements_to_parse: 0,
        disable_json_ld: true,
        ..Config::default()
    };
    let mut readability = Readability::with_document(doc, None, Some(config)).ok()?;
    // A bug in the extractor on some odd page must not take lede down: the
    // whole-page fallback is used instead.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| readability.parse()));
    let article = parsed.ok()?.ok()?;
    let content = Document::fragment(article.content.as_ref());
    let units = blocks::units(&content.root());
    (!units.is_empty()).then_some((units, article.byline))
}

/// The text blocks of the whole cleaned page, for when extraction fails.
fn whole_page(html: &str) -> Vec<Unit> {
    let doc = Document::from(html);
    clean::clean(&doc);
    let root = doc.body().unwrap_or_else(|| doc.root());
    blocks::units(&root)
}

fn chars(units: &[Unit]) -> usize {
    units.iter().map(|u| u.text.chars().count()).sum()
}

/// Drops a block near the top that only repeats the headline or the byline
/// (a bare author name under the headline).
fn drop_repeated(units: &mut Vec<Unit>, known: Option<&str>) {
    let Some(known) = known.map(str::trim).filter(|k| !k.is_empty()) else {
        return;
    };
    let same = |t: &str| {
        let t = t.trim();
        let t = t.strip_prefix("By ").unwrap_or(t);
        t.eq_ignore_ascii_case(known)
    };
    if let Some(at) = units.iter().take(4).position(|u| same(&u.text)) {
        units.remove(at);
    }
}

/// A block that is only a time of day ("12:45", "9.05am", "14:10 GMT"), as
/// live blogs stamp their entries: kept, but as a heading.
fn is_clock_time(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(time), zone, None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let lower = time.to_ascii_lowercase();
    let digits = lower.trim_end_matches("am").trim_end_matches("pm");
    let clock = digits.split_once([':', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    });
    let zone_ok = zone.is_none_or(|z| {
        z.len() <= 4 && z.chars().all(|c| c.is_ascii_uppercase()) || matches!(z, "am" | "pm")
    });
    clock && zone_ok
}

/// Fills a draft: page metadata wins; what the line rules find at the top of
/// the text (a "By ..." or date line) fills the gaps and leaves the body.
fn assemble(
    page: meta::PageMeta,
    kept: clean::Kept,
    mut units: Vec<Unit>,
    dom_byline: Option<String>,
    limit_warning: Option<String>,
    origin: &str,
) -> Draft {
    drop_repeated(&mut units, page.title.as_deref());
    drop_repeated(&mut units, page.byline.as_deref());
    for unit in &mut units {
        unit.heading |= is_clock_time(&unit.text);
    }
    let mut scratch = Draft {
        title: page.title.clone(),
        ..Draft::default()
    };
    let options = Options {
        header: true,
        infer_headings: true,
    };
    layout::classify(&units, options, &mut scratch);
    let byline = page
        .byline
        .or(scratch.byline)
        .or(dom_byline)
        .map(|b| rules::byline(&b).unwrap_or(b));
    let mut captions = kept.captions;
    captions.extend(scratch.captions);
    let mut related = kept.related;
    related.extend(scratch.related);
    Draft {
        title: page.title.or(scratch.title),
        byline,
        date_raw: page.date.or(scratch.date_raw),
        source: page.site.or(scratch.source),
        url: page.url,
        blocks: scratch.blocks,
        captions,
        related,
        warnings: limit_warning
            .map(|w| format!("{origin}: {w}"))
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(html: &str) -> Article {
        parse("t.html", html.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_markup_never_panics(
            page in r#"(<(/?)(p|div|q|blockquote|h1|h2|table|td|tr|script|style|figure|figcaption|article|nav|br|meta charset=x|!--)( a="b")?>|[a-z “”&;#.]{1,12}){0,60}"#
        ) {
            let _ = parse("p.html", page.as_bytes());
        }
    }

    #[test]
    fn clock_times() {
        for yes in ["12:45", "9.05am", "14:10 GMT", "8:02 pm"] {
            assert!(is_clock_time(yes), "{yes}");
        }
        for no in ["12:45 the bridge shut", "1234", "Key points", "3:4", "a:bc"] {
            assert!(!is_clock_time(no), "{no}");
        }
    }

    #[test]
    fn small_page_falls_back_to_whole_text() {
        let a = load(
            "<html><head><title>Quay repairs start next week</title></head><body><p>Work on the north quay starts on Monday.</p></body></html>",
        );
        assert_eq!(a.title.as_deref(), Some("Quay repairs start next week"));
        assert_eq!(a.body, "Work on the north quay starts on Monday.");
        assert_eq!(a.source_format, SourceFormat::Html);
    }

    #[test]
    fn hundred_thousand_levels_do_not_overflow_or_hang() {
        let n = 100_000;
        let html = format!(
            "<html><body>{}<p>Still here at the bottom.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let started = std::time::Instant::now();
        let a = load(&html);
        assert!(a.body.contains("Still here at the bottom."), "{}", a.body);
        assert!(a.warnings.iter().any(|w| w.contains("flattened")));
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn every_field_is_sanitised() {
        let e = "\u{1b}[31m\u{202e}";
        let html = format!(
            "<html><head><meta property='og:title' content='Head{e}line'><meta name='author' content='By Ann{e} Lee'></head><body><article><p>Text{e} body &amp; more.</p><figure><figcaption>Cap{e}</figcaption></figure></article></body></html>"
        );
        let a = load(&html);
        assert_eq!(a.title.as_deref(), Some("Headline"));
        assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(a.body, "Text body & more.");
        assert_eq!(a.captions, vec!["Cap"]);
    }
}
