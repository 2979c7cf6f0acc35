//! Brown word clusters: a word's path in a binary merge tree, learned from
//! running text by `scripts/clusters/generate.py` (see
//! `assets/clusters/README.md` for the texts and their licences). Words that
//! occur in similar contexts share long path prefixes ("Obama" and "Clinton",
//! "Monday" and "Friday"), so the tagger can generalise from a name it saw in
//! training to one it did not.
//!
//! The table is embedded with `include_str!` and parsed once on first use.
//! The trainer may replace it with another file ([`set_table`]) for
//! ablation runs.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded table: `word<TAB>bits<TAB>count` lines after `#` comments.
const EMBEDDED: &str = include_str!("../../assets/clusters/clusters.tsv");

/// Longest path kept, in bits (longer paths are cut; features use at most this).
pub const MAX_BITS: u8 = 32;

/// A word's path from the root of the cluster tree: bit `i` (from the most
/// significant end of the first `len` bits of `bits`) is the branch taken at
/// depth `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ClusterPath {
    /// The path, left-aligned: the first branch is bit 31.
    pub bits: u32,
    /// Number of valid bits.
    pub len: u8,
}

impl ClusterPath {
    /// Parses a bit string such as `"0110"` (longer strings are cut at
    /// [`MAX_BITS`]); `None` for an empty string or a char other than 0/1.
    #[must_use]
    pub fn parse(s: &str) -> Option<ClusterPath> {
        if s.is_empty() {
            return None;
        }
        let mut bits = 0u32;
        let mut len = 0u8;
        for c in s.chars() {
            let b = match c {
                '0' => 0,
                '1' => 1,
                _ => return None,
            };
            if len < MAX_BITS {
                bits |= b << (31 - u32::from(len));
                len += 1;
            }
        }
        Some(ClusterPath { bits, len })
    }

    /// The first `n` bits as a number tagged with their length, so that
    /// prefixes of different lengths never collide (a path shorter than `n`
    /// gives its whole self).
    #[must_use]
    pub fn prefix(self, n: u8) -> u64 {
        let n = n.min(self.len);
        let kept = if n == 0 {
            0
        } else {
            u64::from(self.bits >> (32 - u32::from(n)))
        };
        (u64::from(n) << 32) | kept
    }
}

/// A word-to-path table.
#[derive(Debug, Default)]
pub struct Clusters {
    paths: HashMap<Box<str>, ClusterPath>,
}

impl Clusters {
    /// Parses `word<TAB>bits[<TAB>count]` lines; `#` lines, blank lines and
    /// malformed lines are skipped.
    #[must_use]
    pub fn parse(text: &str) -> Clusters {
        let mut paths = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(word), Some(bits)) = (cols.next(), cols.next()) else {
                continue;
            };
            if word.is_empty() {
                continue;
            }
            if let Some(path) = ClusterPath::parse(bits) {
                paths.entry(word.into()).or_insert(path);
            }
        }
        Clusters { paths }
    }

    /// Number of words in the table.
    #[must_use]
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether the table knows no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The path of `word` as written, else of its lowercase form
    /// ("APPLE", "Apple" fall back to "apple").
    #[must_use]
    pub fn lookup(&self, word: &str) -> Option<ClusterPath> {
        if let Some(&p) = self.paths.get(word) {
            return Some(p);
        }
        if word.chars().any(char::is_uppercase) {
            let lower = word.to_lowercase();
            return self.paths.get(lower.as_str()).copied();
        }
        None
    }
}

static TABLE: OnceLock<Clusters> = OnceLock::new();

/// Replaces the embedded table with `text` (same format) for this process;
/// only before the first [`lookup`]. Returns false when a table is already in
/// use. For the trainer's ablation runs: a model must be used with the table
/// it was trained with.
pub fn set_table(text: &str) -> bool {
    TABLE.set(Clusters::parse(text)).is_ok()
}

/// The table in use (the embedded one unless [`set_table`] came first).
pub fn global() -> &'static Clusters {
    TABLE.get_or_init(|| Clusters::parse(EMBEDDED))
}

/// The cluster path of `word` in the table in use.
#[must_use]
pub fn lookup(word: &str) -> Option<ClusterPath> {
    global().lookup(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_parse_paths_and_prefixes() {
        let p = ClusterPath::parse("1011").unwrap_or_default();
        assert_eq!(p.len, 4);
        assert_eq!(p.prefix(2), (2 << 32) | 0b10);
        assert_eq!(p.prefix(4), (4 << 32) | 0b1011);
        // A prefix longer than the path is the whole path.
        assert_eq!(p.prefix(10), p.prefix(4));
        assert_ne!(
            p.prefix(2),
            ClusterPath::parse("10").unwrap_or_default().prefix(1)
        );
        assert_eq!(ClusterPath::parse(""), None);
        assert_eq!(ClusterPath::parse("01x"), None);
        let long = "1".repeat(40);
        assert_eq!(ClusterPath::parse(&long).map(|p| p.len), Some(MAX_BITS));
    }

    #[test]
    fn clusters_lookup_falls_back_to_lowercase() {
        let t = Clusters::parse("# header\nparis\t110\t50\nParis\t0111\t90\nbad line\nx\t012\t1\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t.lookup("Paris").map(|p| p.len), Some(4));
        assert_eq!(t.lookup("PARIS").map(|p| p.len), Some(3));
        assert_eq!(t.lookup("London"), None);
        assert_eq!(t.lookup("x"), None);
    }

    #[test]
    fn clusters_embedded_table_parses() {
        let t = Clusters::parse(EMBEDDED);
        // Every data line of the shipped table is well formed.
        let lines = EMBEDDED
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert_eq!(t.len(), lines);
    }
}
