//! The fuzz targets' properties (see `fuzz/`), checked briefly with proptest
//! so CI keeps checking them: no loader, tokenizer, tagger or quote extractor
//! panics; offsets are in bounds and on char boundaries; loaded and sanitised
//! text holds no control character. Crash inputs the fuzzers found are kept
//! as regression cases at the end.

use std::sync::OnceLock;

use lede::article::sanitize::{is_dropped, sanitize};
use lede::article::{Field, Format, LoadError, Loaded, parse};
use lede::nlp::{Analysis, Analyzer, Doc, rules::RuleTagger};
use proptest::prelude::*;

fn clean(text: &str) -> bool {
    !text.chars().any(|c| c != '\n' && is_dropped(c))
}

fn check_loaded(result: Result<Loaded, LoadError>) -> Result<(), TestCaseError> {
    match result {
        Ok(loaded) => {
            for a in &loaded.articles {
                let fields = [&a.title, &a.byline, &a.date, &a.date_raw, &a.source, &a.url];
                for text in fields.into_iter().flatten().chain([&a.body]) {
                    prop_assert!(clean(text), "control in {text:?}");
                }
                for text in a.captions.iter().chain(&a.related) {
                    prop_assert!(clean(text), "control in {text:?}");
                }
                let chars = a.body.chars().count();
                for b in &a.paragraphs {
                    prop_assert!(b.start <= b.end && b.end <= chars, "block {b:?} of {chars}");
                }
            }
            for w in &loaded.warnings {
                prop_assert!(clean(w) && !w.contains('\n'), "warning {w:?}");
            }
        }
        Err(e) => {
            let m = e.to_string();
            prop_assert!(clean(&m) && !m.contains('\n'), "error {m:?}");
        }
    }
    Ok(())
}

fn span_ok(text: &str, start: usize, end: usize, expected: &str) -> bool {
    start <= end
        && text.chars().count() >= end
        && text
            .chars()
            .skip(start)
            .take(end - start)
            .collect::<String>()
            == expected
}

fn check_analysis(analysis: &Analysis) -> Result<(), TestCaseError> {
    let text_of = |field: Field| {
        analysis
            .docs
            .iter()
            .find(|d| d.field == field)
            .map(|d| d.doc.text())
    };
    for m in &analysis.mentions {
        let text = text_of(m.field).unwrap_or("");
        prop_assert!(span_ok(text, m.start, m.end, &m.text), "mention {m:?}");
        prop_assert!(
            text.get(m.bytes.clone()) == Some(m.text.as_str()),
            "bytes {m:?}"
        );
        prop_assert!(m.entity < analysis.entities.len());
    }
    for q in &analysis.quotes {
        let text = text_of(q.field).unwrap_or("");
        prop_assert!(span_ok(text, q.start, q.end, &q.text), "quote {q:?}");
        if let Some(cue) = &q.cue {
            prop_assert!(span_ok(text, cue.start, cue.end, &cue.text), "cue {cue:?}");
        }
        prop_assert!(q.speaker.is_none_or(|s| s < analysis.entities.len()));
    }
    Ok(())
}

fn model() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::default)
}

fn rules() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::with_tagger(Box::new(RuleTagger::new())))
}

/// Text with the characters that trip parsers and taggers: quotes of every
/// kind, escapes, capitals, line breaks, multibyte and combining chars.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Anna",
        "Berg",
        "Oslo",
        "said",
        " ",
        "\n",
        "\n\n",
        "\"",
        "“",
        "”",
        "«",
        "»",
        "'",
        "‘",
        "’",
        ".",
        ",",
        "Mr.",
        "U.S.",
        "\u{1b}[31m",
        "\u{1b}]8;;x\u{7}",
        "\u{202e}",
        "\u{0}",
        "\u{9b}",
        "é",
        "e\u{301}",
        "東京",
        "👩\u{200d}🔬",
        "\r",
        "\t",
        "<p>",
        "{",
        "}",
        "[",
        ":",
        "according to",
        "The",
        "President",
        "-",
        "—",
        "…",
    ]);
    prop::collection::vec(
        prop_oneof![
            pieces.prop_map(str::to_owned),
            any::<char>().prop_map(String::from)
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

const FORMATS: [Format; 7] = [
    Format::Text,
    Format::Markdown,
    Format::Json,
    Format::JsonLines,
    Format::Html,
    Format::Email,
    Format::Mhtml,
];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn loaders_never_panic_and_load_clean(bytes in prop::collection::vec(any::<u8>(), 0..300), f in 0..7usize) {
        check_loaded(parse("prop", FORMATS[f], &bytes))?;
    }

    #[test]
    fn loaders_on_tricky_text(text in tricky_text(), f in 0..7usize) {
        check_loaded(parse("prop", FORMATS[f], text.as_bytes()))?;
    }

    #[test]
    fn sanitised_text_has_no_control(text in tricky_text()) {
        let out = sanitize(&text);
        prop_assert!(clean(&out));
        prop_assert_eq!(sanitize(&out), out.clone());
    }

    #[test]
    fn tokens_are_in_bounds_on_char_boundaries(text in tricky_text()) {
        let doc = Doc::new(&text);
        let mut previous = 0;
        for t in doc.tokens() {
            prop_assert!(previous <= t.byte_start && t.byte_start < t.byte_end);
            let slice = text.get(t.byte_start..t.byte_end);
            prop_assert!(slice.is_some(), "token off a char boundary: {t:?}");
            prop_assert_eq!(text.get(..t.byte_start).map(|p| p.chars().count()), Some(t.start));
            prop_assert_eq!(slice.map(|s| s.chars().count()), Some(t.end - t.start));
            previous = t.byte_end;
        }
        let covered: usize = doc.sentences().iter().map(|s| s.end - s.start).sum();
        prop_assert_eq!(covered, doc.tokens().len());
    }

    #[test]
    fn tagger_spans_and_quotes_are_in_bounds(text in tricky_text()) {
        check_analysis(&model().analyze_text(&text))?;
        check_analysis(&rules().analyze_text(&text))?;
    }

    #[test]
    fn capped_analysis_stays_in_bounds(text in tricky_text(), cap in 0..200usize) {
        let analyzer = Analyzer::with_tagger(Box::new(RuleTagger::new())).with_max_analysis(cap);
        let analysis = analyzer.analyze_text(&text);
        check_analysis(&analysis)?;
        let cut = lede::nlp::analysis_cut(&text, cap);
        if text.len() <= cap {
            prop_assert_eq!(cut, text.len());
        } else {
            prop_assert!(cut <= cap);
        }
        prop_assert!(text.is_char_boundary(cut));
    }
}
