//! Loading a 200 KB saved web page (decode, bound, clean, extract, assemble)
//! against a baseline of loading plain text of the same size in the same run.
//! Run: `cargo bench --bench html`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use lede::article;

/// Size the bench page and the text baseline are grown to.
const TARGET_BYTES: usize = 200 * 1024;

/// A saved page from the fixtures, grown to about 200 KB the way real pages
/// are: more article text, more furniture, more inline script.
fn page() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/jsonld_graph.html");
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    let footer_start = html.find("<footer").unwrap_or(html.len());
    let footer_end = html.find("</footer>").map_or(html.len(), |e| e + 9);
    let footer = html.get(footer_start..footer_end).unwrap_or("").to_owned();
    let mut extra_text = String::new();
    for i in 0..60 {
        extra_text.push_str(&format!(
            "<p>Paragraph {i} of the longer report: the harbour board, the island council and the ferry operator met again on Thursday, and “nothing was decided”, said one of those present, who asked not to be named.</p>\n"
        ));
    }
    let mut grown = html.replacen(
        "</main>",
        &format!("<section>{extra_text}</section></main>"),
        1,
    );
    let mut furniture = String::new();
    while grown.len() + furniture.len() < TARGET_BYTES {
        furniture.push_str(&footer);
        furniture.push_str("<script>window.__pad = [");
        furniture.push_str(&"1234567890,".repeat(400));
        furniture.push_str("0];</script>\n");
    }
    grown = grown.replacen("</body>", &format!("{furniture}</body>"), 1);
    grown.into_bytes()
}

/// Plain text of the same size: news paragraphs separated by blank lines.
fn text() -> Vec<u8> {
    let para = "The harbour board, the island council and the ferry operator met again on Thursday, and \u{201c}nothing was decided\u{201d}, said one of those present, who asked not to be named.\n\n";
    let mut out = String::from("Ferry talks end without a deal\n\nBy Rhona Kettering\n\n");
    while out.len() < TARGET_BYTES {
        out.push_str(para);
    }
    out.into_bytes()
}

fn bench(c: &mut Criterion) {
    let page = page();
    let text = text();
    eprintln!("page {} bytes, text {} bytes", page.len(), text.len());
    let mut group = c.benchmark_group("load_200k");
    group.bench_function("html", |b| {
        b.iter(|| article::load_bytes("page.html", black_box(&page)).map(|a| a.body.len()))
    });
    group.bench_function("plain_text_baseline", |b| {
        b.iter(|| article::load_bytes("page.txt", black_box(&text)).map(|a| a.body.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
