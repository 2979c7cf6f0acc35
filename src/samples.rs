//! The bundled sample articles, embedded so a fresh build needs nothing else.
//!
//! The articles themselves live in `assets/articles/` (see its README): they
//! are original texts written for lede, with fictional people.

/// One embedded sample: its file name (which picks the loader) and bytes.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// File name under `assets/articles/`.
    pub name: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

/// Declares a [`Sample`] from a file under `assets/articles/`, so the name
/// and the embedded path cannot drift apart.
macro_rules! sample {
    ($name:literal) => {
        Sample {
            name: $name,
            bytes: include_bytes!(concat!("../assets/articles/", $name)),
        }
    };
}

/// All bundled samples, in shelf order: the pasted-text articles first (the
/// most common way news reaches lede), then Markdown, then JSON, and the
/// short Japanese article last.
pub const SAMPLES: &[Sample] = &[
    sample!("01_black_sea_shipping_talks.txt"),
    sample!("02_bristol_tram_depot_row.txt"),
    sample!("03_battery_merger.md"),
    sample!("04_bergen_cup_final.md"),
    sample!("05_arctic_sea_ice_satellite.json"),
    sample!("06_portugal_election_and_rotterdam_strike.json"),
    sample!("07_ja_kyoto_lodging_tax.txt"),
];

/// Loads every sample, including every article of a sample that holds
/// several (a JSON array). Samples are part of the build, so one that fails
/// to load is a bug that the test suite catches; it is skipped here.
#[must_use]
pub fn load_all() -> Vec<crate::article::Article> {
    SAMPLES.iter().flat_map(load_sample).collect()
}

/// Loads all articles of one sample, or none when it fails to load.
fn load_sample(sample: &Sample) -> Vec<crate::article::Article> {
    let origin = format!("sample:{}", sample.name);
    let format =
        crate::article::detect_format(Some(std::path::Path::new(sample.name)), sample.bytes);
    crate::article::parse(&origin, format, sample.bytes)
        .map(|loaded| loaded.articles)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings that must never appear in the bundled articles: names and
    /// phrases from real reporting that the samples must not borrow.
    const FORBIDDEN: &[&str] = &[
        "andriy kovalenko",
        "marco rubio",
        "countering disinformation",
        "defense council",
    ];

    fn is_json(sample: &Sample) -> bool {
        sample.name.ends_with(".json")
    }

    /// Loads one sample the way the reader does and checks it has a body.
    fn assert_loads(sample: &Sample) {
        let origin = format!("sample:{}", sample.name);
        let article = crate::article::load_bytes(&origin, sample.bytes)
            .unwrap_or_else(|e| panic!("{} failed to load: {e}", sample.name));
        assert!(
            !article.body.trim().is_empty(),
            "{} has an empty body",
            sample.name
        );
    }

    #[test]
    fn text_and_markdown_samples_load_with_a_body() {
        let mut checked = 0;
        for sample in SAMPLES.iter().filter(|s| !is_json(s)) {
            assert_loads(sample);
            checked += 1;
        }
        assert!(checked >= 5, "expected at least five non-JSON samples");
    }

    // The JSON loader is still a stub on this branch (it always returns an
    // error), so this test cannot pass yet. Remove the `ignore` once the
    // loader branch is merged; do not weaken the assertion.
    #[test]
    #[ignore = "JSON loader not implemented yet (loader branch)"]
    fn json_samples_load() {
        let mut checked = 0;
        for sample in SAMPLES.iter().filter(|s| is_json(s)) {
            assert_loads(sample);
            checked += 1;
        }
        assert!(checked >= 2, "expected at least two JSON samples");
    }

    #[test]
    fn no_sample_contains_forbidden_strings() {
        for sample in SAMPLES {
            let text = String::from_utf8_lossy(sample.bytes).to_lowercase();
            for forbidden in FORBIDDEN {
                assert!(
                    !text.contains(forbidden),
                    "{} contains the forbidden string {forbidden:?}",
                    sample.name
                );
            }
        }
    }

    #[test]
    fn sample_names_are_unique_and_in_shelf_order() {
        let names: Vec<&str> = SAMPLES.iter().map(|s| s.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted, "samples must be unique and sorted by name");
    }

    #[test]
    fn every_article_file_is_a_sample() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == "README.md" {
                continue;
            }
            assert!(
                SAMPLES.iter().any(|s| s.name == name),
                "assets/articles/{name} is not listed in SAMPLES"
            );
        }
    }

    #[test]
    fn samples_are_valid_utf8() {
        for sample in SAMPLES {
            assert!(
                std::str::from_utf8(sample.bytes).is_ok(),
                "{} is not valid UTF-8",
                sample.name
            );
        }
    }
}
