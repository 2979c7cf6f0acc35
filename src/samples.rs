//! The bundled sample articles, embedded so a fresh build needs nothing else.

/// One embedded sample: its file name (which picks the loader) and bytes.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// File name under `assets/articles/`.
    pub name: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

/// All bundled samples, in shelf order.
pub const SAMPLES: &[Sample] = &[];

/// Loads every sample. Samples are part of the build, so one that fails to
/// load is a bug that the test suite catches; it is skipped here.
#[must_use]
pub fn load_all() -> Vec<crate::article::Article> {
    SAMPLES
        .iter()
        .filter_map(|s| crate::article::load_bytes(&format!("sample:{}", s.name), s.bytes).ok())
        .collect()
}
