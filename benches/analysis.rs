//! Analysis throughput in tokens per second: tokenising, tagging and linking
//! the bundled samples (an inline news text while there are none), with the
//! tokenizer alone as the baseline in the same run.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::nlp::{Analyzer, Doc};

const FALLBACK: &str = "US President Donald Trump held a conversation with Russian \
dictator Vladimir Putin. It lasted more than two hours, the White House said. \
According to Trump, Secretary of State Jane Doe will lead the first meeting in \
Budapest, Hungary. The head of the Center for Research at the National Energy and \
Climate Council, Ivan Petrenko, reacted to the meeting. Reuters reported that the \
European Union and NATO were briefed. President Putin and I will meet, Trump wrote.\n\n";

fn texts() -> Vec<String> {
    let articles = lede::samples::load_all();
    if articles.is_empty() {
        return vec![FALLBACK.repeat(20)];
    }
    articles
        .iter()
        .flat_map(|a| a.analysed_fields().into_iter().map(|(_, t)| t.to_owned()))
        .collect()
}

fn bench_analysis(c: &mut Criterion) {
    let texts = texts();
    let analyzer = Analyzer::default();
    let tokens: usize = texts.iter().map(|t| Doc::new(t).tokens().len()).sum();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Doc::new(t).tokens().len())
                .sum::<usize>()
        });
    });
    group.bench_function("analyze", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| analyzer.analyze_text(t).mentions.len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);
