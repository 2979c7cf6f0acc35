//! The quote extractor, fed mentions from the fast rule tagger: quote and cue
//! offsets in bounds with their own text, speaker indices valid.
#![no_main]

mod common;

use std::sync::LazyLock;

use lede::nlp::{Analyzer, rules::RuleTagger};
use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<Analyzer> =
    LazyLock::new(|| Analyzer::with_tagger(Box::new(RuleTagger::new())));

fuzz_target!(|text: &str| {
    let analysis = ANALYZER.analyze_text(text);
    common::check_analysis(&analysis);
});
