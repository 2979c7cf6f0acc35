//! Read-only string tables built at compile time and mapped at start-up.
//!
//! `build/main.rs` writes them into `OUT_DIR`; the crate embeds them with
//! `include_str!` / `include_bytes!`, so nothing is parsed or hashed when
//! lede starts: a lookup reads the embedded bytes directly. This file has no
//! dependency on the rest of the crate because the build script compiles it
//! too (`#[path]`), and both sides must agree on [`hash`] and the layouts.
//!
//! - [`StaticMap`]: string -> `u64`, open addressing with linear probing
//!   over fixed 16-byte slots (at most half full).
//! - [`PhraseTable`]: first token -> records of (tokens, kind, canonical,
//!   gender), for multi-token gazetteer entries, pre-segmented.
//!
//! All strings live in one blob (`strings`); tables refer to them by byte
//! offset and length. Integers are little-endian.

use std::collections::HashMap;

/// Bytes per [`StaticMap`] slot: key offset `u32`, key length `u16`, hash
/// tag `u16`, value `u64`. A slot with key length 0 is empty.
const SLOT: usize = 16;
/// Bytes of the [`StaticMap`] header: slot count `u32`, entry count `u32`.
const HEADER: usize = 8;
/// Bytes per phrase record: first token ref `u32`, canonical offset `u32`,
/// canonical length `u32`, token count `u8`, kind `u8`, gender `u8`, pad.
const RECORD: usize = 16;
/// Bytes per token ref: offset `u32`, length `u32`.
const TOKEN_REF: usize = 8;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The FxHash-style hash of a key (8 bytes at a time, then the length).
#[must_use]
pub fn hash(key: &[u8]) -> u64 {
    let mix = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(SEED);
    let mut h = 0;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(buf));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        if let Some(head) = buf.get_mut(..rest.len()) {
            head.copy_from_slice(rest);
        }
        h = mix(h, u64::from_le_bytes(buf));
    }
    mix(h, key.len() as u64)
}

/// The first probed slot (high bits of the hash) and the tag kept in the slot.
fn position(h: u64, slot_bits: u32) -> (usize, u16) {
    let start = h.checked_shr(64 - slot_bits).unwrap_or(0);
    (start as usize, (h >> 16) as u16)
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at + 8)?;
    let mut buf = [0u8; 8];
    buf.copy_from_slice(b);
    Some(u64::from_le_bytes(buf))
}

/// A string slice of the blob by offset and length (`None` if out of range).
fn str_at(strings: &'static str, off: u32, len: u32) -> Option<&'static str> {
    let off = off as usize;
    strings.get(off..off + len as usize)
}

/// A compile-time hash map from strings to `u64`, borrowing embedded bytes.
#[derive(Debug, Clone, Copy)]
pub struct StaticMap {
    strings: &'static str,
    table: &'static [u8],
    /// log2 of the slot count (from the header).
    slot_bits: u32,
    /// Slot count minus one; 0 for an empty or malformed table.
    mask: usize,
}

impl Default for StaticMap {
    /// An empty map.
    fn default() -> Self {
        StaticMap::new("", &[])
    }
}

impl StaticMap {
    /// A map over a string blob and a table written by [`write_map`]. A
    /// table whose header does not fit its length reads as empty.
    #[must_use]
    pub const fn new(strings: &'static str, table: &'static [u8]) -> StaticMap {
        let mut map = StaticMap {
            strings,
            table,
            slot_bits: 0,
            mask: 0,
        };
        if table.len() >= HEADER {
            let n_slots = u32::from_le_bytes([table[0], table[1], table[2], table[3]]) as usize;
            let fits = table.len() >= HEADER + n_slots.saturating_mul(SLOT);
            if n_slots >= 2 && n_slots.is_power_of_two() && fits {
                map.slot_bits = n_slots.trailing_zeros();
                map.mask = n_slots - 1;
            }
        }
        map
    }

    /// Number of keys.
    #[must_use]
    pub fn len(&self) -> usize {
        u32_at(self.table, 4).unwrap_or(0) as usize
    }

    /// Whether the map holds no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value stored for `key`.
    #[must_use]
    #[inline]
    pub fn get(&self, key: &str) -> Option<u64> {
        if self.mask == 0 {
            return None;
        }
        let key = key.as_bytes();
        let (mut i, tag) = position(hash(key), self.slot_bits);
        for _ in 0..=self.mask {
            let at = HEADER + i * SLOT;
            let slot: &[u8; SLOT] = self.table.get(at..at + SLOT)?.try_into().ok()?;
            let len = usize::from(u16::from_le_bytes([slot[4], slot[5]]));
            if len == 0 {
                return None;
            }
            if len == key.len() && u16::from_le_bytes([slot[6], slot[7]]) == tag {
                let off = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]) as usize;
                if self.strings.as_bytes().get(off..off + len) == Some(key) {
                    let mut value = [0u8; 8];
                    value.copy_from_slice(&slot[8..]);
                    return Some(u64::from_le_bytes(value));
                }
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// Every `(key, value)` pair, in table order (for tests and tools).
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        let n_slots = if self.mask == 0 { 0 } else { self.mask + 1 };
        (0..n_slots).filter_map(|i| {
            let at = HEADER + i * SLOT;
            let len = u16_at(self.table, at + 4).filter(|&l| l > 0)?;
            let key = str_at(self.strings, u32_at(self.table, at)?, u32::from(len))?;
            Some((key, u64_at(self.table, at + 8)?))
        })
    }
}

/// One multi-token entry of a [`PhraseTable`].
#[derive(Debug, Clone, Copy)]
pub struct PhraseRef {
    strings: &'static str,
    tokens: &'static [u8],
    first_token: u32,
    /// Number of tokens.
    pub len: usize,
    /// The entry's kind code (its meaning is the caller's).
    pub kind: u8,
    /// The entry's gender code (its meaning is the caller's).
    pub gender: u8,
    /// The entry's canonical name (empty when it has none).
    pub canonical: &'static str,
}

impl PhraseRef {
    /// Token `k` of the entry (`None` past the end).
    #[must_use]
    #[inline]
    pub fn token(&self, k: usize) -> Option<&'static str> {
        if k >= self.len {
            return None;
        }
        let at = (self.first_token as usize + k) * TOKEN_REF;
        str_at(
            self.strings,
            u32_at(self.tokens, at)?,
            u32_at(self.tokens, at + 4)?,
        )
    }

    /// The entry's tokens in order.
    pub fn tokens(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len).map_while(|k| self.token(k))
    }
}

/// Multi-token entries by first token, in the order the build wrote them.
#[derive(Debug, Clone, Copy, Default)]
pub struct PhraseTable {
    /// First token -> `start << 32 | count` in `records`.
    index: StaticMap,
    records: &'static [u8],
    tokens: &'static [u8],
    strings: &'static str,
}

impl PhraseTable {
    /// A table over the outputs of [`PhraseWriter::finish`].
    #[must_use]
    pub const fn new(
        strings: &'static str,
        index: &'static [u8],
        records: &'static [u8],
        tokens: &'static [u8],
    ) -> PhraseTable {
        PhraseTable {
            index: StaticMap::new(strings, index),
            records,
            tokens,
            strings,
        }
    }

    /// The entries whose first token is `first`, in build order.
    #[inline]
    pub fn starting_with(&self, first: &str) -> impl Iterator<Item = PhraseRef> + '_ {
        let packed = self.index.get(first).unwrap_or(0);
        let start = (packed >> 32) as usize;
        let count = (packed & 0xffff_ffff) as usize;
        (start..start + count).filter_map(|r| self.record(r))
    }

    /// Every first token with its entries (for tests and tools).
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Vec<PhraseRef>)> + '_ {
        self.index
            .iter()
            .map(|(first, _)| (first, self.starting_with(first).collect()))
    }

    fn record(&self, r: usize) -> Option<PhraseRef> {
        let at = r * RECORD;
        let head = self.records.get(at + 12..at + 15)?;
        Some(PhraseRef {
            strings: self.strings,
            tokens: self.tokens,
            first_token: u32_at(self.records, at)?,
            len: usize::from(head[0]),
            kind: head[1],
            gender: head[2],
            canonical: str_at(
                self.strings,
                u32_at(self.records, at + 4)?,
                u32_at(self.records, at + 8)?,
            )?,
        })
    }
}

// ---- Writing (the build script; tests) ----

/// A string blob under construction; equal strings are stored once.
#[derive(Debug, Default)]
pub struct Strings {
    text: String,
    seen: HashMap<String, (u32, u32)>,
}

/// A table that cannot be written (too large for its fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge(pub String);

impl Strings {
    /// Stores `s` (once) and returns its offset and length in the blob.
    ///
    /// # Errors
    /// If the blob would exceed 4 GiB.
    pub fn add(&mut self, s: &str) -> Result<(u32, u32), TooLarge> {
        if let Some(&at) = self.seen.get(s) {
            return Ok(at);
        }
        let off = u32::try_from(self.text.len()).map_err(|_| TooLarge("string blob".into()))?;
        let len = u32::try_from(s.len()).map_err(|_| TooLarge(s.chars().take(40).collect()))?;
        self.text.push_str(s);
        self.seen.insert(s.to_owned(), (off, len));
        Ok((off, len))
    }

    /// The blob.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Writes a [`StaticMap`] table for `pairs` (keys unique; empty keys and
/// repeated keys after the first are skipped). The output depends only on
/// the set of pairs, not their order.
///
/// # Errors
/// If a key is longer than 65,535 bytes or the blob exceeds 4 GiB.
pub fn write_map(strings: &mut Strings, pairs: &[(&str, u64)]) -> Result<Vec<u8>, TooLarge> {
    let mut sorted: Vec<(&str, u64)> = pairs
        .iter()
        .copied()
        .filter(|(k, _)| !k.is_empty())
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    sorted.dedup_by(|b, a| a.0 == b.0);
    let n_slots = (sorted.len() * 2).next_power_of_two().max(2);
    let bits = n_slots.trailing_zeros();
    let too_large = || TooLarge("map".into());
    let mut out = vec![0u8; HEADER + n_slots * SLOT];
    out[..4].copy_from_slice(
        &u32::try_from(n_slots)
            .map_err(|_| too_large())?
            .to_le_bytes(),
    );
    out[4..8].copy_from_slice(
        &u32::try_from(sorted.len())
            .map_err(|_| too_large())?
            .to_le_bytes(),
    );
    for (key, value) in sorted {
        let len = u16::try_from(key.len()).map_err(|_| TooLarge(key.chars().take(40).collect()))?;
        let (off, _) = strings.add(key)?;
        let (mut i, tag) = position(hash(key.as_bytes()), bits);
        while out[HEADER + i * SLOT + 4..HEADER + i * SLOT + 6] != [0, 0] {
            i = (i + 1) & (n_slots - 1);
        }
        let slot = &mut out[HEADER + i * SLOT..HEADER + (i + 1) * SLOT];
        slot[..4].copy_from_slice(&off.to_le_bytes());
        slot[4..6].copy_from_slice(&len.to_le_bytes());
        slot[6..8].copy_from_slice(&tag.to_le_bytes());
        slot[8..].copy_from_slice(&value.to_le_bytes());
    }
    Ok(out)
}

/// One entry for [`PhraseWriter::push`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseEntry {
    /// Tokens, at least one, at most 255.
    pub tokens: Vec<String>,
    /// Kind code.
    pub kind: u8,
    /// Gender code.
    pub gender: u8,
    /// Canonical name (may be empty).
    pub canonical: String,
}

/// Builds a [`PhraseTable`]: entries grouped by first token, kept in the
/// order given within each group.
#[derive(Debug, Default)]
pub struct PhraseWriter {
    groups: Vec<(String, Vec<PhraseEntry>)>,
}

/// The byte tables of a [`PhraseTable`].
#[derive(Debug)]
pub struct PhraseBytes {
    /// The first-token index (a [`StaticMap`] table).
    pub index: Vec<u8>,
    /// The records.
    pub records: Vec<u8>,
    /// The token refs.
    pub tokens: Vec<u8>,
}

impl PhraseWriter {
    /// Adds the entries of one first token (in lookup order).
    pub fn push(&mut self, first: &str, entries: Vec<PhraseEntry>) {
        self.groups.push((first.to_owned(), entries));
    }

    /// Writes the tables; groups are laid out in sorted first-token order.
    ///
    /// # Errors
    /// If an entry has no token or more than 255, or a table is too large.
    pub fn finish(mut self, strings: &mut Strings) -> Result<PhraseBytes, TooLarge> {
        self.groups.sort_by(|a, b| a.0.cmp(&b.0));
        let too_large = |what: &str| TooLarge(what.to_owned());
        let (mut records, mut tokens) = (Vec::new(), Vec::new());
        let mut index: Vec<(&str, u64)> = Vec::new();
        for (first, entries) in &self.groups {
            let start = u64::try_from(records.len() / RECORD).map_err(|_| too_large("records"))?;
            for e in entries {
                let n = u8::try_from(e.tokens.len())
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| too_large(first))?;
                let first_token =
                    u32::try_from(tokens.len() / TOKEN_REF).map_err(|_| too_large("tokens"))?;
                for t in &e.tokens {
                    let (off, len) = strings.add(t)?;
                    tokens.extend_from_slice(&off.to_le_bytes());
                    tokens.extend_from_slice(&len.to_le_bytes());
                }
                let (c_off, c_len) = strings.add(&e.canonical)?;
                records.extend_from_slice(&first_token.to_le_bytes());
                records.extend_from_slice(&c_off.to_le_bytes());
                records.extend_from_slice(&c_len.to_le_bytes());
                records.extend_from_slice(&[n, e.kind, e.gender, 0]);
            }
            let count = entries.len() as u64;
            index.push((first.as_str(), (start << 32) | count));
        }
        Ok(PhraseBytes {
            index: write_map(strings, &index)?,
            records,
            tokens,
        })
    }
}
