//! The default tagger (trained model plus filters) and linking: spans in
//! bounds, mentions on char boundaries with their own text.
#![no_main]

mod common;

use std::sync::LazyLock;

use lede::nlp::Analyzer;
use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

fuzz_target!(|text: &str| {
    let analysis = ANALYZER.analyze_text(text);
    common::check_analysis(&analysis);
});
