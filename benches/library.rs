//! `lede add` speed against `lede tag --jsonl` over the same 2,000 texts,
//! both through the release binary in the same run, plus the in-process
//! split of `add` into analysis and storage time.
//!
//! `cargo bench --bench library` (LEDE_BENCH_N changes the count).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use lede::library::{Input, Library};

const BIN: &str = env!("CARGO_BIN_EXE_lede");

/// Writes `n` distinct article files made from the bundled samples.
fn generate(dir: &Path, n: usize) {
    let samples = lede::samples::SAMPLES;
    for i in 0..n {
        let sample = &samples[i % samples.len()];
        let ext = Path::new(sample.name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("txt");
        let text = String::from_utf8_lossy(sample.bytes);
        let varied = if ext == "json" {
            text.replace('{', &format!("{{\"edition\": {i}, "))
        } else {
            format!(
                "{text}\n\nEdition {i} of this story, filed from desk {}.\n",
                i % 13
            )
        };
        let path = dir.join(format!("a{i:05}.{ext}"));
        if let Err(e) = std::fs::write(&path, varied) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
}

/// The same texts as `lede tag --jsonl` input: title and body of each article.
fn jsonl(dir: &Path) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut count = 0;
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        let Ok(loaded) = lede::article::load_path(&path) else {
            continue;
        };
        for article in loaded.articles {
            let text = format!("{}\n\n{}", article.title.unwrap_or_default(), article.body);
            let line = serde_json::json!({"id": article.id, "text": text});
            let _ = writeln!(out, "{line}");
            count += 1;
        }
    }
    (out, count)
}

fn main() {
    // `cargo test --all-targets` runs benches once without `--bench`; the
    // 2,000-article timing is only worth its minute under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("library bench: skipped (run `cargo bench --bench library`)");
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        println!("library: bench");
        return;
    }
    let n: usize = std::env::var("LEDE_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let Ok(tmp) = tempfile::tempdir() else {
        eprintln!("no temp dir");
        return;
    };
    let input = tmp.path().join("in");
    let _ = std::fs::create_dir_all(&input);
    generate(&input, n);
    let (lines, articles) = jsonl(&input);

    // 1. lede tag --jsonl over the same texts.
    let clock = Instant::now();
    let tag = Command::new(BIN)
        .args(["tag", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .and_then(|mut child| {
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(&lines)?;
            }
            child.wait()
        });
    let tag_secs = clock.elapsed().as_secs_f64();
    println!(
        "tag --jsonl: {articles} articles in {tag_secs:.2} s = {:.0} articles/s ({tag:?})",
        articles as f64 / tag_secs
    );

    // 2. lede add of the folder, through the binary.
    let lib = tmp.path().join("lib");
    let clock = Instant::now();
    let add = Command::new(BIN)
        .arg("add")
        .arg(&input)
        .env("LEDE_LIBRARY", &lib)
        .stdout(Stdio::null())
        .status();
    let add_secs = clock.elapsed().as_secs_f64();
    println!(
        "add:         {articles} articles in {add_secs:.2} s = {:.0} articles/s ({add:?})",
        articles as f64 / add_secs
    );
    let ratio = tag_secs / add_secs;
    println!(
        "add speed / tag speed = {ratio:.2} (goal >= 0.5: {})",
        if ratio >= 0.5 { "met" } else { "NOT met" }
    );

    // 3. In process, split into analysis and storage time (a fresh library).
    let lib2 = tmp.path().join("lib2");
    match Library::open(&lib2).and_then(|mut l| l.add(&[Input::Path(input.clone())], &mut |_| {})) {
        Ok(summary) => println!(
            "in process:  {} articles, analysis {:.2} s, store (copies+fsync+rows+FTS) {:.2} s",
            summary.articles,
            summary.analysis.as_secs_f64(),
            summary.store.as_secs_f64()
        ),
        Err(e) => eprintln!("in-process add failed: {e}"),
    }
    let reopen = Instant::now();
    if let Ok(Some(library)) = Library::open_existing(&lib) {
        let listed = library
            .list(lede::library::Sort::Date)
            .map(|l| l.len())
            .unwrap_or(0);
        println!(
            "list:        {listed} entries in {:.3} s",
            reopen.elapsed().as_secs_f64()
        );
    }
}
