//! Offsets are Unicode char indices, end exclusive (DESIGN.md section 2):
//! every token and mention sliced back out of its text by char offsets must
//! equal its own text, and sentences cover every token exactly once.

use lede::nlp::{Analysis, Analyzer, Doc};

const INLINE: &[&str] = &[
    "Zelenskyy 🇺🇦 met 習近平 in Kyiv. “Peace,” said Emmanuel Macron’s aide — in Zürich.",
    "President Donald Trump's call with Vladimir Putin (Kremlin) lasted 2½ hours… 😀 Then Ms. Ana Çelik spoke.",
    "Ministère de l'Intérieur: Renée Noël met the Baltic Energy Agency (BEA) in São Paulo.\n\nÅsa Öberg left.",
    "",
    "   \n\t ",
    "🙂🙂 \u{200b} É",
];

fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn check_doc(doc: &Doc) {
    let text = doc.text();
    for (i, t) in doc.tokens().iter().enumerate() {
        assert!(t.start < t.end, "empty token {i} in {text:?}");
        assert_eq!(slice_chars(text, t.start, t.end), doc.token_text(i));
    }
    let mut seen = vec![0u32; doc.tokens().len()];
    let mut next = 0;
    for s in doc.sentences() {
        assert_eq!(
            s.start, next,
            "sentences leave a gap or overlap in {text:?}"
        );
        for i in s.clone() {
            seen[i] += 1;
        }
        next = s.end;
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "tokens not covered once in {text:?}"
    );
}

fn check_analysis(a: &Analysis) {
    for fd in &a.docs {
        check_doc(&fd.doc);
    }
    for m in &a.mentions {
        let fd = a
            .docs
            .iter()
            .find(|d| d.field == m.field)
            .expect("mention field is analysed");
        assert_eq!(slice_chars(fd.doc.text(), m.start, m.end), m.text);
        assert_eq!(fd.doc.text().get(m.bytes.clone()), Some(m.text.as_str()));
    }
}

#[test]
fn inline_texts_round_trip() {
    let analyzer = Analyzer::default();
    for text in INLINE {
        check_analysis(&analyzer.analyze_text(text));
    }
}

#[test]
fn bundled_samples_round_trip() {
    let analyzer = Analyzer::default();
    let articles = lede::samples::load_all();
    if articles.is_empty() {
        eprintln!("no bundled samples yet: checked the inline texts only");
    }
    for article in &articles {
        check_analysis(&analyzer.analyze(article));
    }
}
