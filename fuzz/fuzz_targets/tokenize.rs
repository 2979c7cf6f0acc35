//! The tokenizer and sentence splitter: tokens in order, on char boundaries,
//! char and byte offsets agreeing; sentences cover every token in order.
#![no_main]

use lede::nlp::Doc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = Doc::new(text);
    let mut previous_end = 0;
    for t in doc.tokens() {
        assert!(t.byte_start < t.byte_end && previous_end <= t.byte_start, "token order {t:?}");
        let slice = text.get(t.byte_start..t.byte_end).expect("token off a char boundary");
        assert_eq!(text.get(..t.byte_start).map(|p| p.chars().count()), Some(t.start));
        assert_eq!(slice.chars().count(), t.end - t.start, "char length {t:?}");
        previous_end = t.byte_end;
    }
    let mut next = 0;
    for s in doc.sentences() {
        assert_eq!(s.start, next, "sentence gap");
        assert!(s.start < s.end, "empty sentence");
        next = s.end;
    }
    assert_eq!(next, doc.tokens().len(), "sentences miss tokens");
});
