//! Entity model benches: parsing the embedded model, and tagging a fixed
//! news text (throughput in tokens per second), beside the rule tagger.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::nlp::model::{Model, ModelTagger, default_lexicon};
use lede::nlp::rules::RuleTagger;
use lede::nlp::{Doc, Tagger};

const TEXT: &str = "President Joe Biden met German Chancellor Olaf Scholz in Washington on \
Friday, the White House said. The two leaders discussed support for Ukraine and new \
sanctions on Russia. Microsoft and the European Union were also mentioned. \"We stand \
together,\" Biden told reporters. Scholz later flew to New York for talks at the United \
Nations, where Secretary-General Antonio Guterres warned of a long war. Shares of Apple \
Inc. rose 2% on the Nasdaq after analysts at Goldman Sachs raised their forecast.";

fn bench(c: &mut Criterion) {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/model/ner.bin"))
        .unwrap_or_default();
    c.bench_function("model_load", |b| {
        b.iter(|| Model::from_bytes(black_box(&bytes)).ok())
    });
    let text = TEXT.repeat(20);
    let doc = Doc::new(&text);
    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Elements(doc.tokens().len() as u64));
    if let Ok(model) = Model::from_bytes(&bytes) {
        let tagger = ModelTagger::new(Arc::new(model), default_lexicon());
        group.bench_function("model", |b| b.iter(|| tagger.tag(black_box(&doc))));
    }
    let rules = RuleTagger::new();
    group.bench_function("rules", |b| b.iter(|| rules.tag(black_box(&doc))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
