//! Checks shared by the fuzz targets: what every loaded article and every
//! analysis must satisfy, whatever the input.

#![allow(dead_code)]

use lede::article::{Article, Field, Loaded, LoadError};
use lede::article::sanitize::is_dropped;
use lede::nlp::Analysis;

/// Panics when a field holds a char a terminal would interpret.
pub fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| c != '\n' && is_dropped(c)) {
        panic!("{what}: control char {c:?} left in {text:?}");
    }
}

/// Every text field of an article is sanitised and its blocks are in bounds.
pub fn check_article(article: &Article) {
    let fields = [
        ("title", article.title.as_deref()),
        ("byline", article.byline.as_deref()),
        ("date", article.date.as_deref()),
        ("date_raw", article.date_raw.as_deref()),
        ("source", article.source.as_deref()),
        ("url", article.url.as_deref()),
        ("body", Some(article.body.as_str())),
    ];
    for (name, text) in fields {
        if let Some(text) = text {
            assert_clean(name, text);
        }
    }
    for c in article.captions.iter().chain(&article.related) {
        assert_clean("caption/related", c);
    }
    let chars = article.body.chars().count();
    for block in &article.paragraphs {
        assert!(block.start <= block.end && block.end <= chars, "block {block:?} of {chars}");
    }
}

/// A load result: every article clean, every error one line.
pub fn check_loaded(result: Result<Loaded, LoadError>) {
    match result {
        Ok(loaded) => {
            loaded.articles.iter().for_each(check_article);
            for w in &loaded.warnings {
                assert!(!w.contains('\n'), "multi-line warning {w:?}");
                assert_clean("warning", w);
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "multi-line error {message:?}");
            assert_clean("error", &message);
        }
    }
}

/// Char offsets `start..end` are in bounds of `text` and `expected` is the text there.
pub fn check_span(text: &str, start: usize, end: usize, expected: &str) {
    assert!(start <= end, "span {start}..{end} reversed");
    let got: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(got.chars().count(), end - start, "span {start}..{end} out of bounds");
    assert_eq!(got, expected, "span {start}..{end} text");
}

/// Mentions and quotes point into their fields, with matching text and valid indices.
pub fn check_analysis(analysis: &Analysis) {
    let text_of = |field: Field| {
        analysis
            .docs
            .iter()
            .find(|d| d.field == field)
            .map(|d| d.doc.text())
            .expect("mention in an unanalysed field")
    };
    for m in &analysis.mentions {
        let text = text_of(m.field);
        check_span(text, m.start, m.end, &m.text);
        assert!(text.get(m.bytes.clone()) == Some(m.text.as_str()), "byte range");
        assert!(m.entity < analysis.entities.len(), "entity index");
    }
    for e in &analysis.entities {
        assert!(e.mentions.iter().all(|&i| i < analysis.mentions.len()), "mention index");
    }
    for q in &analysis.quotes {
        let text = text_of(q.field);
        check_span(text, q.start, q.end, &q.text);
        if let Some(cue) = &q.cue {
            check_span(text, cue.start, cue.end, &cue.text);
        }
        assert!(q.speaker.is_none_or(|s| s < analysis.entities.len()), "speaker index");
    }
}
