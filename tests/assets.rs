//! No full person or organization name from the seed article may ship in
//! `assets/`: the tagger must find them from general rules. Name-part lists
//! (first names, surnames, places) may contain single words like "Rubio".

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "andriy kovalenko",
    "marco rubio",
    "countering disinformation",
    "defense council",
];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn assets_hold_no_seed_names() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(!files.is_empty(), "no files under {}", root.display());
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for needle in FORBIDDEN {
            assert!(
                !text.contains(needle),
                "{} contains the seed name {needle:?}",
                file.display()
            );
        }
    }
}

#[test]
fn every_gazetteer_names_its_source_and_licence() {
    for (name, text) in lede::nlp::gazetteer::FILES {
        let header: String = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
            .to_lowercase();
        assert!(!header.is_empty(), "{name} has no # header");
        assert!(
            header.contains("licen"),
            "{name}: header does not state a licence"
        );
    }
}
