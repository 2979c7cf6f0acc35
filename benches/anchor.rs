//! Re-anchoring cost: placing highlights in a changed article. The exact
//! paths are cheap; the fuzzy path (Sellers' O(n*m) search) is the one to
//! watch, so it runs over a long body (the samples joined, ~100k chars)
//! with a 200-char highlight whose text changed.
//!
//! `cargo bench --bench anchor`

use criterion::{Criterion, criterion_group, criterion_main};
use lede::article::{Article, Field, load_bytes};
use lede::library::anchor::reanchor;
use lede::library::{Highlight, NewHighlight};

/// A long article: every sample's text repeated to about 100k chars.
fn long_text() -> String {
    let mut body = String::new();
    while body.chars().count() < 100_000 {
        for s in lede::samples::SAMPLES {
            body.push_str(&String::from_utf8_lossy(s.bytes));
            body.push_str("\n\n");
        }
    }
    body
}

fn highlight_at(article: &Article, start: usize, len: usize) -> Highlight {
    let n = NewHighlight::from_text(&article.id, Field::Body, &article.body, start, start + len);
    Highlight {
        id: 1,
        article_id: n.article_id,
        field: n.field,
        start: n.start,
        end: n.end,
        text: n.text,
        prefix: n.prefix,
        suffix: n.suffix,
        note: None,
        created: 0,
        updated: 0,
        orphaned: false,
    }
}

fn bench(c: &mut Criterion) {
    let text = format!("Long read\n\n{}", long_text());
    let Ok(article) = load_bytes("long.txt", text.as_bytes()) else {
        eprintln!("cannot load the long article; skipped");
        return;
    };
    let middle = article.body.chars().count() / 2;
    let placed = highlight_at(&article, middle, 200);
    let mut moved = placed.clone();
    moved.start += 7;
    moved.end += 7;
    let mut edited = placed.clone();
    // Three chars changed: exact search fails, the fuzzy one finds it.
    edited.text = edited
        .text
        .chars()
        .enumerate()
        .map(|(i, c)| if i % 67 == 5 { '#' } else { c })
        .collect();
    let mut group = c.benchmark_group("reanchor");
    group.bench_function("offsets hold", |b| b.iter(|| reanchor(&placed, &article)));
    group.bench_function("exact text moved", |b| {
        b.iter(|| reanchor(&moved, &article))
    });
    group.sample_size(10);
    group.bench_function("fuzzy, 200 chars in 100k", |b| {
        b.iter(|| reanchor(&edited, &article))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
