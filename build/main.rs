//! Build script: compiles the gazetteer lists (`assets/gazetteers/*.txt`)
//! into ready-to-read tables in `OUT_DIR`, which `src/nlp/gazetteer.rs`
//! embeds, and checks the embedded model's checksum. Start-up then maps
//! static data instead of parsing about 100,000 lines, filling hash maps and
//! summing 13 MB on every run of `lede tag`.
//!
//! It shares the list rules (`compile.rs`), the table layout (`table.rs`)
//! and the tokenizer (`segment.rs`) with the crate through `#[path]`, so the
//! tables are exactly what the code that reads them expects.

use std::path::{Path, PathBuf};
use std::{env, fs};

#[allow(dead_code)]
#[path = "../src/nlp/gazetteer/flags.rs"]
mod flags;

#[allow(dead_code)]
#[path = "../src/nlp/gazetteer/compile.rs"]
mod compile;

#[allow(dead_code)]
#[path = "../src/nlp/gazetteer/table.rs"]
mod table;

#[path = "../src/nlp/model/checksum.rs"]
mod checksum;

#[allow(dead_code)]
#[path = "../src/nlp/segment.rs"]
mod segment;

/// The tokenizer's token type (`src/nlp/doc.rs`), for `segment.rs`.
#[allow(dead_code)]
mod doc {
    /// A token's byte and char range and the space after it.
    pub struct Token {
        pub byte_start: usize,
        pub byte_end: usize,
        pub start: usize,
        pub end: usize,
        pub space_after: bool,
        pub newline_after: bool,
    }
}

use table::{PhraseEntry, PhraseWriter, Strings, write_map};

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(env::var("OUT_DIR")?);
    let dir = root.join("assets/gazetteers");
    println!("cargo:rerun-if-changed=build/main.rs");
    println!("cargo:rerun-if-changed=src/nlp/gazetteer/flags.rs");
    println!("cargo:rerun-if-changed=src/nlp/gazetteer/compile.rs");
    println!("cargo:rerun-if-changed=src/nlp/gazetteer/table.rs");
    println!("cargo:rerun-if-changed=src/nlp/segment.rs");
    let mut texts = Vec::new();
    for name in compile::LIST_FILES {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        texts.push((*name, fs::read_to_string(&path)?));
    }
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    gazetteers(&files, &out)?;
    check_model(&root.join("assets/model/ner.bin"))
}

/// Checks the checksum of the model `src/nlp/model.rs` embeds, so the
/// program need not sum 13 MB at every start (`Model::embedded`).
fn check_model(path: &Path) -> Result<(), Error> {
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-changed=src/nlp/model/checksum.rs");
    let bytes = fs::read(path)?;
    let body_len = bytes.len().checked_sub(8).ok_or("model file too short")?;
    let (body, sum) = bytes.split_at(body_len);
    let stored = u64::from_le_bytes(sum.try_into()?);
    if stored != checksum::checksum(body) {
        return Err(format!(
            "{}: checksum mismatch (a corrupt file or a Git LFS pointer?)",
            path.display()
        )
        .into());
    }
    Ok(())
}

/// Writes the `gaz_*` tables.
fn gazetteers(files: &[(&str, &str)], out: &Path) -> Result<(), Error> {
    let c =
        compile::compile(files, &segment::token_texts).map_err(|f| format!("missing list {f}"))?;
    let mut strings = Strings::default();
    let err = |e: table::TooLarge| format!("table too large: {}", e.0);

    let words: Vec<(&str, u64)> = c
        .words
        .iter()
        .map(|(w, f)| (w.as_str(), u64::from(*f)))
        .collect();
    fs::write(
        out.join("gaz_words.bin"),
        write_map(&mut strings, &words).map_err(err)?,
    )?;

    for (file, map) in [
        ("gaz_place_canonical.bin", &c.place_canonical),
        ("gaz_org_canonical.bin", &c.org_canonical),
    ] {
        let mut sorted: Vec<(&String, &String)> = map.iter().collect();
        sorted.sort();
        let mut pairs = Vec::new();
        for (surface, canonical) in sorted {
            let (off, len) = strings.add(canonical).map_err(err)?;
            pairs.push((surface.as_str(), (u64::from(off) << 32) | u64::from(len)));
        }
        fs::write(
            out.join(file),
            write_map(&mut strings, &pairs).map_err(err)?,
        )?;
    }

    let mut phrases = PhraseWriter::default();
    for (first, list) in &c.phrases {
        let entries = list
            .iter()
            .map(|p| PhraseEntry {
                tokens: p.tokens.clone(),
                kind: p.kind,
                gender: p.gender,
                canonical: p.canonical.clone(),
            })
            .collect();
        phrases.push(first, entries);
    }
    write_phrases(phrases, &mut strings, out, "gaz_phrases").map_err(err)?;

    let curated_lists: Vec<(&str, u8)> = compile::CURATED_LISTS
        .iter()
        .filter_map(|(name, kind)| {
            files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, text)| (*text, *kind))
        })
        .collect();
    let mut curated = PhraseWriter::default();
    for (first, list) in
        compile::curated(&curated_lists, &|w| c.word_flags(w), &segment::token_texts)
    {
        let entries = list
            .into_iter()
            .map(|(tokens, kind)| PhraseEntry {
                tokens,
                kind,
                gender: compile::GENDER_NONE,
                canonical: String::new(),
            })
            .collect();
        curated.push(&first, entries);
    }
    write_phrases(curated, &mut strings, out, "gaz_curated").map_err(err)?;

    fs::write(out.join("gaz_strings.txt"), strings.text())?;
    Ok(())
}

/// Writes a phrase table as `{stem}_index.bin`, `_records.bin`, `_tokens.bin`.
fn write_phrases(
    w: PhraseWriter,
    strings: &mut Strings,
    out: &Path,
    stem: &str,
) -> Result<(), table::TooLarge> {
    let bytes = w.finish(strings)?;
    let write = |suffix: &str, data: &[u8]| {
        fs::write(out.join(format!("{stem}_{suffix}.bin")), data)
            .map_err(|e| table::TooLarge(format!("{stem}: {e}")))
    };
    write("index", &bytes.index)?;
    write("records", &bytes.records)?;
    write("tokens", &bytes.tokens)
}
