//! Entity model benches: parsing the model (copied from bytes, and borrowed
//! as the embedded one is), the tagger alone on a fixed news text (tokens
//! per second), the default filtered tagger, and the whole `lede tag
//! --jsonl` path (parse, tokenise, tag, filter, link, quotes, serialise).

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::nlp::filters::{FilterSet, FilteredTagger};
use lede::nlp::model::{Model, ModelTagger, default_lexicon};
use lede::nlp::rules::RuleTagger;
use lede::nlp::{Analyzer, Doc, Tagger};

const TEXT: &str = "President Joe Biden met German Chancellor Olaf Scholz in Washington on \
Friday, the White House said. The two leaders discussed support for Ukraine and new \
sanctions on Russia. Microsoft and the European Union were also mentioned. \"We stand \
together,\" Biden told reporters. Scholz later flew to New York for talks at the United \
Nations, where Secretary-General Antonio Guterres warned of a long war. Shares of Apple \
Inc. rose 2% on the Nasdaq after analysts at Goldman Sachs raised their forecast.";

static MODEL: &[u8] = include_bytes!("../assets/model/ner.bin");

fn load(c: &mut Criterion) {
    c.bench_function("model_load", |b| {
        b.iter(|| Model::from_bytes(black_box(MODEL)).ok())
    });
    c.bench_function("model_load_static", |b| {
        b.iter(|| Model::from_static(black_box(MODEL)).ok())
    });
}

fn tag(c: &mut Criterion) {
    let text = TEXT.repeat(20);
    let doc = Doc::new(&text);
    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Elements(doc.tokens().len() as u64));
    if let Ok(model) = Model::from_static(MODEL) {
        let model = Arc::new(model);
        let tagger = ModelTagger::new(Arc::clone(&model), default_lexicon());
        group.bench_function("model", |b| b.iter(|| tagger.tag(black_box(&doc))));
        let filtered = FilteredTagger::new(
            Box::new(ModelTagger::new(model, default_lexicon())),
            FilterSet::all(),
        );
        group.bench_function("model_filtered", |b| {
            b.iter(|| filtered.tag(black_box(&doc)))
        });
    }
    let rules = RuleTagger::new();
    group.bench_function("rules", |b| b.iter(|| rules.tag(black_box(&doc))));
    group.bench_function("tokenize", |b| b.iter(|| Doc::new(black_box(&text))));
    group.finish();
}

/// The protocol path on twenty short documents, as `ner_eval.py` feeds it.
fn jsonl(c: &mut Criterion) {
    let analyzer = Analyzer::default();
    let mut input = Vec::new();
    let mut tokens = 0;
    for (i, sentence) in TEXT.split_inclusive(". ").cycle().take(20).enumerate() {
        let line = serde_json::json!({"id": i, "text": sentence.repeat(3)});
        input.extend_from_slice(line.to_string().as_bytes());
        input.push(b'\n');
        tokens += Doc::new(&sentence.repeat(3)).tokens().len();
    }
    let mut group = c.benchmark_group("jsonl");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("default", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 16);
            lede::tag::run_jsonl(&analyzer, black_box(&input[..]), &mut out, std::io::sink())
                .ok()
                .map(|_| out.len())
        })
    });
    group.finish();
}

criterion_group!(benches, load, tag, jsonl);
criterion_main!(benches);
